"""Readers for the icon sets: Lucide, Material Design Icons and Phosphor (PyPI packages) and the animals of
Fluent Emoji High Contrast (vendored in artboard/data/icons by tools/vendor_fluent_emoji.py), all drawn in one
colour, and two colour sets, Fluent Emoji Flat and Noto Emoji (vendored by tools/vendor_colour_emoji.py).

Each reader turns its package's SVGs into `Icon` records whose geometry is plain path data, so the
composer never has to understand <circle>, <rect> and friends. Brand logos and deprecated icons are
dropped here, once, so no caller can pick them by accident.
"""

from __future__ import annotations

import math
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

Mode = Literal["stroke", "fill", "color"]
FillRule = Literal["nonzero", "evenodd"]

# One-colour sets (mode "stroke" or "fill"): what icon search has always drawn from.
SETS: tuple[str, ...] = ("lucide", "mdi", "ph", "fe", "ab")
# Colour sets (mode "color": every path has its own fill), searched only on request.
COLOR_SETS: tuple[str, ...] = ("fef", "noto", "abc")
PACKAGES: dict[str, str] = {
    "lucide": "python-lucide",
    "mdi": "material-design-icons-pack",
    "ph": "py-phosphor-icons",
}
# Sets vendored in artboard/data/icons (no PyPI package has them): short name → file. "fe" is converted by
# tools/vendor_fluent_emoji.py; "ab" holds glyphs drawn for artboard where no permissive set has a readable one.
VENDORED: dict[str, str] = {"fe": "fluent-emoji-high-contrast.json", "ab": "artboard-glyphs.json"}
# Converted by tools/vendor_colour_emoji.py to flat coloured paths (gradients flattened, transforms applied).
VENDORED_COLOR: dict[str, str] = {
    "fef": "fluent-emoji-flat.json.gz",
    "noto": "noto-emoji.json.gz",
    # Drawn for artboard by tools/build_artboard_colour.py, in Fluent Flat's style: hats, a sandcastle, a surfboard,
    # a fireplace, an astronaut's helmet — things prompts name that neither emoji set draws.
    "abc": "artboard-colour.json.gz",
}

# MDI still has a few live (not deprecated) product marks; every other brand-like MDI icon is deprecated.
_MDI_BRANDS = frozenset(
    {"microsoft-xbox-controller-battery-unknown", "nintendo-game-boy", "raspberry-pi", "powershell"}
)
_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


@dataclass(frozen=True, slots=True)
class Icon:
    key: str
    set: str
    name: str
    tags: tuple[str, ...]
    viewbox: tuple[float, float, float, float]
    paths: tuple[str, ...]
    mode: Mode
    stroke_width: float
    fill_rule: FillRule
    licence: str
    # Colour icons (mode "color") only: one "#rrggbb" fill and one opacity (0-1] per path, in paint order.
    fills: tuple[str, ...] = ()
    opacities: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class RawIcon:
    """An icon plus the index-only metadata (categories) that callers never see."""

    icon: Icon
    categories: tuple[str, ...]


def package_versions(sets: Iterable[str] | None = None) -> dict[str, str]:
    """Version (or vendored file digest) of each set, all sets by default; keys the icon catalogue caches."""
    wanted = set(SETS + COLOR_SETS if sets is None else sets)
    files = {**VENDORED, **VENDORED_COLOR}
    out: dict[str, str] = {short: _vendored_digest(file) for short, file in files.items() if short in wanted}
    for short, dist in PACKAGES.items():
        if short not in wanted:
            continue
        try:
            out[short] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[short] = "missing"
    return out


# --- SVG geometry -----------------------------------------------------------------------------------------


def _f(value: str | None) -> float:
    return float(value) if value else 0.0


def _fmt(x: float) -> str:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    # Two half-arcs: one arc whose start equals its end would draw nothing.
    return (
        f"M{_fmt(cx - rx)} {_fmt(cy)}a{_fmt(rx)} {_fmt(ry)} 0 1 0 {_fmt(2 * rx)} 0"
        f"a{_fmt(rx)} {_fmt(ry)} 0 1 0 {_fmt(-2 * rx)} 0Z"
    )


def _rect_d(x: float, y: float, w: float, h: float, rx: float, ry: float) -> str:
    rx, ry = min(rx, w / 2), min(ry, h / 2)
    if rx <= 0 or ry <= 0:
        return f"M{_fmt(x)} {_fmt(y)}h{_fmt(w)}v{_fmt(h)}h{_fmt(-w)}Z"
    a = f"a{_fmt(rx)} {_fmt(ry)} 0 0 1"
    return (
        f"M{_fmt(x + rx)} {_fmt(y)}h{_fmt(w - 2 * rx)}{a} {_fmt(rx)} {_fmt(ry)}v{_fmt(h - 2 * ry)}"
        f"{a} {_fmt(-rx)} {_fmt(ry)}h{_fmt(2 * rx - w)}{a} {_fmt(-rx)} {_fmt(-ry)}v{_fmt(2 * ry - h)}"
        f"{a} {_fmt(rx)} {_fmt(-ry)}Z"
    )


def _points_d(points: str, close: bool) -> str:
    nums = [float(n) for n in re.findall(_NUM, points)]
    pairs = [f"{_fmt(nums[i])} {_fmt(nums[i + 1])}" for i in range(0, len(nums) - 1, 2)]
    return ("M" + "L".join(pairs) + ("Z" if close else "")) if pairs else ""


def element_to_d(tag: str, a: dict[str, str]) -> str:
    """Path data for one SVG shape element; '' for anything that draws nothing."""
    if tag == "path":
        return a.get("d", "").strip()
    if tag == "circle":
        r = _f(a.get("r"))
        return _ellipse_d(_f(a.get("cx")), _f(a.get("cy")), r, r) if r > 0 else ""
    if tag == "ellipse":
        rx, ry = _f(a.get("rx")), _f(a.get("ry"))
        return _ellipse_d(_f(a.get("cx")), _f(a.get("cy")), rx, ry) if rx > 0 and ry > 0 else ""
    if tag == "rect":
        w, h = _f(a.get("width")), _f(a.get("height"))
        if w <= 0 or h <= 0:
            return ""
        rx_s, ry_s = a.get("rx"), a.get("ry")
        rx = _f(rx_s if rx_s is not None else ry_s)
        ry = _f(ry_s if ry_s is not None else rx_s)
        return _rect_d(_f(a.get("x")), _f(a.get("y")), w, h, rx, ry)
    if tag == "line":
        x1, y1, x2, y2 = (_fmt(_f(a.get(k))) for k in ("x1", "y1", "x2", "y2"))
        return f"M{x1} {y1}L{x2} {y2}"
    if tag in ("polyline", "polygon"):
        return _points_d(a.get("points", ""), close=tag == "polygon")
    return ""


def parse_svg(svg: str) -> tuple[tuple[float, float, float, float], tuple[str, ...]]:
    """The viewBox and the path data of every drawing element, in document order."""
    root = ET.fromstring(svg)
    nums = [float(n) for n in re.findall(_NUM, root.get("viewBox", ""))]
    if len(nums) == 4:
        viewbox = (nums[0], nums[1], nums[2], nums[3])
    else:
        viewbox = (0.0, 0.0, _f(root.get("width")) or 24.0, _f(root.get("height")) or 24.0)
    paths: list[str] = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        # Phosphor's stroke style opens with an invisible full-size hit-area rect.
        if el.get("fill") == "none" and el.get("stroke") in (None, "none"):
            continue
        d = element_to_d(tag, dict(el.attrib))
        if d:
            paths.append(d)
    return viewbox, tuple(paths)


def _viewbox_ok(vb: tuple[float, float, float, float]) -> bool:
    return all(math.isfinite(v) for v in vb) and vb[2] > 0 and vb[3] > 0


# --- readers ----------------------------------------------------------------------------------------------


def _lucide_db() -> Path:
    return Path(str(resources.files("lucide.data").joinpath("lucide-icons.db")))


def read_lucide() -> Iterator[RawIcon]:
    con = sqlite3.connect(f"file:{_lucide_db()}?mode=ro", uri=True)
    try:
        tags: dict[str, list[str]] = {}
        for name, tag in con.execute("SELECT name, tag FROM icon_tags ORDER BY name, tag"):
            tags.setdefault(name, []).append(tag)
        cats: dict[str, list[str]] = {}
        for name, cat in con.execute("SELECT name, category FROM icon_categories ORDER BY name, category"):
            cats.setdefault(name, []).append(cat)
        rows = con.execute("SELECT name, svg FROM icons ORDER BY name").fetchall()
    finally:
        con.close()
    # Deprecated lucide names live only in icon_aliases (renamed icons), so every row of `icons` is current.
    for name, svg in rows:
        viewbox, paths = parse_svg(svg)
        if not paths or not _viewbox_ok(viewbox):
            continue
        icon = Icon(
            key=f"lucide:{name}",
            set="lucide",
            name=name,
            tags=tuple(tags.get(name, ())),
            viewbox=viewbox,
            paths=paths,
            mode="stroke",
            stroke_width=2.0,
            fill_rule="nonzero",
            licence="ISC",
        )
        yield RawIcon(icon, tuple(cats.get(name, ())))


def read_mdi() -> Iterator[RawIcon]:
    import material_design_icons_pack as mdi

    # The module exposes every icon as an upper-case constant; get_icon() would warn on deprecated ones.
    entries = [getattr(mdi, attr) for attr in dir(mdi) if attr.isupper()]
    for entry in sorted(entries, key=lambda e: str(e.slug)):
        slug = str(entry.slug)
        if entry.deprecated or slug in _MDI_BRANDS:
            continue
        viewbox, paths = parse_svg(str(entry.svg))
        if not paths or not _viewbox_ok(viewbox):
            continue
        icon = Icon(
            key=f"mdi:{slug}",
            set="mdi",
            name=slug,
            tags=(),
            viewbox=viewbox,
            paths=paths,
            mode="fill",
            stroke_width=0.0,
            fill_rule="nonzero",
            licence="Apache-2.0",
        )
        yield RawIcon(icon, ())


def read_phosphor() -> Iterator[RawIcon]:
    import py_phosphor_icons as ph

    for entry in sorted(ph.all_icons(), key=lambda e: e.name):
        if entry.name.endswith("-logo") or entry.figma_category == "Brands":
            continue
        seen: set[tuple[str, ...]] = set()
        for weight in ("regular", "fill"):
            path = ph.svg_path(entry.name, weight, "flat")
            if not path.exists():
                continue
            viewbox, paths = parse_svg(path.read_text())
            # A few glyphs (solid shapes) are identical in both weights; keep one.
            if not paths or paths in seen or not _viewbox_ok(viewbox):
                continue
            seen.add(paths)
            name = entry.name if weight == "regular" else f"{entry.name}-fill"
            icon = Icon(
                key=f"ph:{name}",
                set="ph",
                name=name,
                tags=tuple(entry.tags),
                viewbox=viewbox,
                paths=paths,
                mode="fill",
                stroke_width=0.0,
                fill_rule="nonzero",
                licence="MIT",
            )
            yield RawIcon(icon, tuple(c.lower() for c in entry.categories))


def _vendored_digest(file: str) -> str:
    """Stands in for a package version: the vendored file's hash, so an update rebuilds the icon catalogue."""
    import hashlib

    return hashlib.sha256(resources.files("artboard").joinpath("data", "icons", file).read_bytes()).hexdigest()[:16]


def _read_vendored(short: str) -> Iterator[RawIcon]:
    import json

    data = json.loads(resources.files("artboard").joinpath("data", "icons", VENDORED[short]).read_text("utf-8"))
    x, y, w, h = (float(v) for v in data["viewbox"])
    for name, glyph in sorted(data["icons"].items()):
        categories = (glyph["category"],) if "category" in glyph else ()
        stroke = glyph.get("mode") == "stroke"  # drawn in lines like Lucide, for line-art designs
        icon = Icon(
            key=f"{short}:{name}", set=short, name=name, tags=tuple(glyph.get("tags", ())), viewbox=(x, y, w, h),
            paths=tuple(glyph["paths"]), mode="stroke" if stroke else "fill",
            stroke_width=float(glyph.get("stroke_width", 2.0)) if stroke else 0.0, fill_rule=glyph["fill_rule"],
            licence=data["license"],
        )  # fmt: skip
        yield RawIcon(icon, categories)
        if stroke:
            # Its twin for solid designs: the same lines outlined into one filled shape ("ab:whisk-fill").
            from artboard.composer.icons import icon_as_fill_paths

            solid = replace(icon, key=f"{short}:{name}-fill", name=f"{name}-fill", mode="fill", stroke_width=0.0,
                            paths=tuple(icon_as_fill_paths(icon)), fill_rule="nonzero")  # fmt: skip
            yield RawIcon(solid, categories)


def read_fluent_emoji() -> Iterator[RawIcon]:
    """Fluent Emoji High Contrast, animals, nature, food and drink (MIT, Microsoft): the animals and foods the
    other sets lack. Emoji names read as words ("horse-face", "cheese-wedge"); they carry no tags."""
    return _read_vendored("fe")


def read_artboard_glyphs() -> Iterator[RawIcon]:
    """Glyphs drawn for artboard (Apache-2.0, like the code) where no permissive set has one that reads."""
    return _read_vendored("ab")


def _read_vendored_color(short: str) -> Iterator[RawIcon]:
    import gzip
    import json

    raw = resources.files("artboard").joinpath("data", "icons", VENDORED_COLOR[short]).read_bytes()
    data = json.loads(gzip.decompress(raw))
    if data["fill_rule"] != "nonzero":  # the tool normalises every path to nonzero; one rule covers the icon
        raise ValueError(f"{VENDORED_COLOR[short]}: unexpected fill rule {data['fill_rule']!r}")
    default_vb = tuple(float(v) for v in data["viewbox"])
    for name, glyph in sorted(data["icons"].items()):
        x, y, w, h = (float(v) for v in glyph.get("viewbox", default_vb))
        paths = glyph["paths"]  # [d, "#rrggbb", opacity], in paint order
        icon = Icon(
            key=f"{short}:{name}", set=short, name=name, tags=tuple(glyph["tags"]), viewbox=(x, y, w, h),
            paths=tuple(p[0] for p in paths), mode="color", stroke_width=0.0, fill_rule="nonzero",
            licence=data["license"], fills=tuple(p[1] for p in paths), opacities=tuple(float(p[2]) for p in paths),
        )  # fmt: skip
        categories = (glyph["category"], glyph["subgroup"]) if "subgroup" in glyph else (glyph["category"],)
        yield RawIcon(icon, categories)


def read_fluent_emoji_flat() -> Iterator[RawIcon]:
    """Fluent Emoji Flat (MIT, Microsoft), in colour: people doing things, animals, food, objects, places, weather;
    default (yellow / neutral) skin tone only. Tagged from emojibase-data ("person surfing": surf, waves, beach)."""
    return _read_vendored_color("fef")


def read_artboard_colour() -> Iterator[RawIcon]:
    """Colour pictures drawn for artboard (Apache-2.0, like the code) where neither emoji set has the thing."""
    return _read_vendored_color("abc")


def read_noto_emoji() -> Iterator[RawIcon]:
    """Noto Emoji (Apache-2.0, Google), in colour; the same selection and tags as Fluent Emoji Flat. Its gradients
    are flattened to solid colours, so a few glows and shines read flatter than the original."""
    return _read_vendored_color("noto")


READERS = {
    "lucide": read_lucide, "mdi": read_mdi, "ph": read_phosphor, "fe": read_fluent_emoji, "ab": read_artboard_glyphs,
    "fef": read_fluent_emoji_flat, "noto": read_noto_emoji, "abc": read_artboard_colour,
}  # fmt: skip


def read_all(sets: Iterable[str] = SETS) -> list[RawIcon]:
    """Every icon of the given sets (default: the one-colour ones), sorted by key; a set whose package is missing
    is skipped."""
    out: list[RawIcon] = []
    for name in sets:
        try:
            out.extend(READERS[name]())
        except ImportError:
            continue
    out.sort(key=lambda r: r.icon.key)
    return out
