"""Vendor the path data of a curated set of brand marks from Simple Icons (CC0-1.0) for "social media icons",
"app store badges" and the like.

    pip download --no-deps simpleicons==7.21.0      # the Python packaging (MIT) of the Simple Icons data
    python tools/vendor_brand_icons.py simpleicons-7.21.0-py3-none-any.whl

Why: the icon packages artboard depends on carry no brand marks, and "a set of social media icons: Instagram,
Facebook, YouTube" drew houses. Only the brands listed below are taken (the ones design prompts name: social
networks, messengers, stores, payment and developer platforms); they are looked up by name only, never by the
icon search, so "an apple" stays a fruit and "a shell" a seashell. The marks are trademarks of their owners;
Simple Icons releases the path data as CC0 (NOTICE).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "artboard" / "data" / "icons" / "brands.json"
BRANDS = (
    "instagram facebook twitter youtube tiktok linkedin pinterest snapchat reddit discord twitch whatsapp telegram "
    "messenger mastodon tumblr vimeo spotify soundcloud applemusic apple googleplay appstore "
    "android google gmail github gitlab figma dribbble behance medium substack patreon paypal stripe venmo "
    "shopify etsy amazon airbnb uber slack zoom notion wechat line signal"
).split()
# How prompts say them, where that is not the slug.
ALIASES = {
    "fb": "facebook", "ig": "instagram", "insta": "instagram", "yt": "youtube",
    "linked in": "linkedin", "app store": "appstore", "google play": "googleplay", "apple music": "applemusic",
    "facebook messenger": "messenger", "tik tok": "tiktok", "whats app": "whatsapp",
}  # fmt: skip
_ICON_RE = re.compile(r"'(?P<slug>[a-z0-9]+)': Icon\((?P<body>.*?)\n\)", re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wheel", type=Path)
    args = parser.parse_args()
    source = zipfile.ZipFile(args.wheel).read("simpleicons/all.py").decode("utf-8")
    marks: dict[str, dict[str, str]] = {}
    for m in _ICON_RE.finditer(source):
        slug = m.group("slug")
        if slug not in BRANDS:
            continue
        fields = dict(re.findall(r'(\w+)=("""[\s\S]*?"""|"[^"]*")', m.group("body")))
        svg = ast.literal_eval(fields["svg"])
        paths = re.findall(r'<path d="([^"]+)"', svg)
        if len(paths) != 1:
            continue
        marks[slug] = {"title": ast.literal_eval(fields["title"]), "hex": "#" + ast.literal_eval(fields["hex"]),
                       "d": paths[0]}  # fmt: skip
    missing = sorted(set(BRANDS) - set(marks))
    data = {
        "source": "Simple Icons (CC0-1.0) via the simpleicons 7.21.0 wheel",
        "licence": "CC0-1.0 (path data); the marks are trademarks of their owners",
        "viewbox": [0, 0, 24, 24],
        "aliases": ALIASES,
        "marks": dict(sorted(marks.items())),
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(marks)} marks → {OUT} ({OUT.stat().st_size // 1024} KB); not found: {missing}")


if __name__ == "__main__":
    main()
