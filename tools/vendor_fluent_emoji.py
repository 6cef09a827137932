"""Vendor the animal, nature, food and drink glyphs of Fluent Emoji High Contrast (MIT, Microsoft) as plain path
data.

    npm pack @iconify-json/fluent-emoji-high-contrast@1.2.6
    python tools/vendor_fluent_emoji.py iconify-json-fluent-emoji-high-contrast-1.2.6.tgz

Why: the three icon packages on PyPI have no fox, wolf, lion, eagle, tiger, deer or bear silhouettes, nor a
strawberry, olive, croissant or honey pot, and animals and food are among the most common logo and label
subjects. No PyPI package ships these glyphs, so the subset is
converted once and kept in `src/artboard/data/icons/` (≈ 420 KB), licence recorded in NOTICE.

Only the "Animals & Nature" and "Food & Drink" categories are taken. Glyphs drawn with strokes or masks are
left out (the composer draws icons as filled path data only); clip paths are dropped (they clip to the 32×32
box the glyph already stays inside).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from artboard.composer.icon_sources import element_to_d  # the same converter the readers use

OUT = Path(__file__).resolve().parent.parent / "src" / "artboard" / "data" / "icons" / "fluent-emoji-high-contrast.json"
CATEGORIES = ("Animals & Nature", "Food & Drink")
_SKIPPED_CONTAINERS = {"defs", "clipPath", "mask"}
# Looked at one by one (a contact sheet of the whole category): these do not read at logo sizes, and
# "white-flower" carries Japanese lettering. The full-body tiger is left out for the clearer tiger-face; the
# whales (seen head-on, tail up) read as no animal at all: artboard draws its own (artboard-glyphs.json).
# Of the food, these are plain discs or ovals (tangerine, olive, flatbread), or dishes only their name explains.
EXCLUDED = {
    "white-flower", "empty-nest", "nest-with-eggs", "octopus", "tiger", "whale", "spouting-whale",
    "flatbread", "fish-cake-with-swirl", "tangerine", "olive", "mate", "oden", "dango", "moon-cake", "pie",
    "fried-shrimp", "tamale", "stuffed-flatbread", "rice-cracker", "custard", "beverage-box", "curry-rice",
    "shallow-pan-of-food", "ginger-root", "falafel", "chestnut", "pouring-liquid", "bento-box", "fondue",
}  # fmt: skip


def convert(body: str) -> tuple[list[str], str] | None:
    """(path data list, fill rule) of one glyph body, or None when it needs strokes or masks."""
    if "<mask" in body or "stroke=" in body:
        return None
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>')
    paths: list[str] = []

    def walk(element: ET.Element) -> None:
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in _SKIPPED_CONTAINERS:
                continue
            d = element_to_d(tag, dict(child.attrib))
            if d:
                paths.append(d)
            walk(child)

    walk(root)
    rule = "evenodd" if re.search(r'fill-rule="evenodd"', body) else "nonzero"
    return (paths, rule) if paths else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tarball", type=Path, help="the npm pack of @iconify-json/fluent-emoji-high-contrast")
    args = parser.parse_args()
    with tarfile.open(args.tarball) as tar:

        def load(name: str) -> dict[str, object]:
            member = tar.extractfile(f"package/{name}")
            assert member is not None
            return dict(json.load(member))

        icons, metadata, info, package = (load(n) for n in ("icons.json", "metadata.json", "info.json", "package.json"))
    category_of = {name: c for c in CATEGORIES for name in metadata["categories"][c]}  # type: ignore[index]
    size = int(icons.get("width", 32))  # type: ignore[arg-type]
    out: dict[str, object] = {}
    skipped: list[str] = []
    for name in sorted(set(category_of) - EXCLUDED):
        glyph = icons["icons"][name]  # type: ignore[index]
        converted = convert(glyph["body"])
        if converted is None:
            skipped.append(name)
            continue
        paths, rule = converted
        out[name] = {"paths": paths, "fill_rule": rule, "category": category_of[name].lower()}
    document = {
        "set": "fluent-emoji-high-contrast",
        "version": package["version"],
        "source": f"npm @iconify-json/fluent-emoji-high-contrast@{package['version']}, "
        f"categories {', '.join(CATEGORIES)}",
        "upstream": info["author"]["url"],  # type: ignore[index]
        "license": "MIT",
        "copyright": "Copyright (c) Microsoft Corporation.",
        "viewbox": [0, 0, size, size],
        "icons": out,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {len(out)} glyphs to {OUT} ({OUT.stat().st_size:,} bytes); skipped {len(skipped)}: {skipped}")


if __name__ == "__main__":
    main()
