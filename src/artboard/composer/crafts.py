"""Hand crafts as finishes: what an engraver's burin and an embroidery machine do to a design.

- engraving ("vintage engraving", "etching", "scratchboard", "crosshatched"): one dark ink on cream paper; every
  shape's tone becomes line work (pale shapes a sparse hatch, middle tones a dense one, dark ones crosshatched,
  the darkest solid) inside a fine key line;
- embroidery ("embroidered patch", "embroidery", "stitched"): each colour a field of satin stitches (fine thread
  lines in a slanting sheen over the colour), every shape edged with a running stitch in a darker thread;
- tattoo flash ("traditional tattoo", "old school tattoo", "flash sheet"): the few bold inks of a tattoo shop
  (red, yellow, green, teal, brown, skin and black) on cream paper, every shape inside a heavy black line.

Both work on the finished vector tree with SVG patterns, so the file stays a true, editable SVG; the lettering
keeps the colours and contrast it was set with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer.canvas import Canvas, Node, num
from artboard.composer.printmaking import key_lines, paint_colour, painted, scale_of

TATTOO_WORDS = re.compile(r"\btattoo(?:s|ed)?\b|\bflash sheet\b|\bsailor jerry\b", re.I)
ENGRAVING_WORDS = re.compile(
    r"\bengrav(?:ing|ings|ed)\b|\betch(?:ing|ings|ed)\b|\bscratch ?board\b|\bcopper ?plate\b"
    r"|\bcross-?hatch(?:ed|ing)?\b|\bhatching\b|\bsteel plate\b|\bbanknote style\b",
    re.I,
)
EMBROIDERY_WORDS = re.compile(
    r"\bembroider(?:ed|y|ies)\b|\bstitch(?:ed|ing|es)?\b|\bcross-stitch\b|\b(?:iron|sew)[- ]on patch(?:es)?\b"
    r"|\bneedlework\b|\bchain stitch\b",
    re.I,
)
_PAPER: RGB = (244, 236, 218)
_INK: RGB = (38, 30, 24)


def _scaled(node: Node, texts: set[int], scale: float = 1.0) -> Iterator[tuple[Node, float]]:
    """Every node that may carry paint under `node`, with the scale its own user space is drawn at (a pattern in
    userSpaceOnUse units is drawn in that space: an icon scaled ten times would hatch ten times coarser)."""
    for child in node.children:
        if id(child) in texts or child.tag in ("title", "#text", "mask", "clipPath", "filter", "defs"):
            continue
        k = scale * scale_of(child.attrs.get("transform"))
        yield child, k
        yield from _scaled(child, texts, k)


class _Patterns:
    """Hatch patterns made once per look and drawing scale."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.made: dict[tuple[object, ...], str] = {}

    def get(self, scale: float, spacing: float, width: float, angle: float, cross: bool, ground: RGB, ink: RGB) -> str:
        k = round(scale, 3) or 1.0
        key = (k, spacing, width, angle, cross, ground, ink)
        if key not in self.made:
            self.made[key] = _hatch(self.canvas, spacing / k, width / k, angle, cross, ground, ink)
        return self.made[key]


def _hatch(canvas: Canvas, spacing: float, width: float, angle: float, cross: bool, ground: RGB, ink: RGB) -> str:
    """A pattern of parallel lines `spacing` apart (and across them, when `cross`) over `ground`: its url()."""
    pid = canvas.new_id("hatch")
    pattern = canvas.definitions().add(
        "pattern",
        id=pid,
        patternUnits="userSpaceOnUse",
        width=num(spacing),
        height=num(spacing),
        patternTransform=f"rotate({num(angle)})",
    )
    pattern.rect(0, 0, spacing, spacing, ground)
    pattern.rect(0, 0, width, spacing, ink)
    if cross:
        pattern.rect(0, 0, spacing, width, ink)
    return f"url(#{pid})"


def _paper_under(canvas: Canvas, paper: RGB) -> None:
    """The sheet itself: the background group's flat paint turned to the paper's colour."""
    for child in canvas.children:
        if child.attrs.get("id") == "background":
            for node in [child, *painted(child, set())]:
                if paint_colour(node.attrs.get("fill")) is not None:
                    node.attrs["fill"] = paper


def engraving(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    """Tone as line work in one ink on cream paper (see the module docstring)."""
    u = canvas.unit
    ink, paper = canvas.inks or (_INK, _PAPER)  # "forest green and cream": the named ink on the named paper
    _paper_under(canvas, paper)
    hatches = _Patterns(canvas)
    engraved = 0
    for node, k in _scaled(content, texts):
        fill = paint_colour(node.attrs.get("fill"))
        if fill is not None:
            lightness = oklch(fill)[0]
            if lightness > 0.88:
                node.attrs["fill"] = paper
            elif lightness < 0.3:
                node.attrs["fill"] = ink
            else:
                spacing, cross = (9.0, False) if lightness > 0.7 else (5.5, False) if lightness > 0.5 else (5.0, True)
                node.attrs["fill"] = hatches.get(k, spacing * u, 1.7 * u, 45, cross, paper, ink)
            engraved += 1
        if paint_colour(node.attrs.get("stroke")) is not None:
            node.attrs["stroke"] = ink
        stop = paint_colour(node.attrs.get("stop_color"))
        if stop is not None:
            node.attrs["stop_color"] = ink if oklch(stop)[0] < 0.5 else paper
    key_lines(content, texts, ink, 2.0 * u)
    return max(1, engraved)


def _thread(colour: RGB, shift: float) -> RGB:
    lightness, chroma, hue = oklch(colour)
    return from_oklch(min(0.97, max(0.08, lightness + shift)), chroma, hue)


def embroidery(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    """Satin stitches and a running-stitch edge in each shape's own thread (see the module docstring)."""
    u = canvas.unit
    satins = _Patterns(canvas)
    slant: dict[RGB, float] = {}
    stitched = 0
    for node, k in _scaled(content, texts):
        fill = paint_colour(node.attrs.get("fill"))
        if fill is None:
            continue
        if fill not in slant:
            if len(slant) >= 24:
                continue  # a picture of many tones keeps the rest flat: two dozen threads already read as stitched
            slant[fill] = 60.0 + 30.0 * (len(slant) % 2)  # neighbouring fields run their stitches across each other
        sheen = _thread(fill, 0.12 if oklch(fill)[0] < 0.72 else -0.1)
        node.attrs["fill"] = satins.get(k, 4.4 * u, 1.8 * u, slant[fill], False, fill, sheen)
        if node.tag != "g" and not stitched:
            # The patch's own edge (the first shape painted): the thick overlocked border of a merrowed patch.
            node.attrs.update(
                stroke=_thread(fill, -0.3),
                stroke_width=num(18 * u / k),
                stroke_dasharray=f"{num(1.8 * u / k)} {num(1.2 * u / k)}",
            )
        elif node.tag != "g" and node.attrs.get("stroke") in (None, "none"):
            node.attrs.update(
                stroke=_thread(fill, -0.16),
                stroke_width=num(2.2 * u / k),
                stroke_dasharray=f"{num(5 * u / k)} {num(3 * u / k)}",
                stroke_linecap="round",
            )
        stitched += 1
    return stitched


# A tattoo shop's inks: (lightness, chroma, hue) in OKLCh. Shading stays in the same ink, a step darker.
_FLASH_INKS: dict[str, tuple[float, float, float]] = {
    "red": (0.55, 0.19, 27.0),
    "yellow": (0.84, 0.16, 85.0),
    "orange": (0.7, 0.17, 50.0),
    "brown": (0.45, 0.09, 50.0),
    "green": (0.55, 0.14, 150.0),
    "teal": (0.55, 0.1, 215.0),
    "skin": (0.87, 0.06, 65.0),
}
_FLASH_BLACK: RGB = (28, 24, 22)
_FLASH_WHITE: RGB = (252, 246, 232)
TATTOO_PAPER: RGB = (242, 230, 204)


def flash_ink(colour: RGB) -> RGB:
    """The tattoo ink a colour is laid in: black, highlight white, or the nearest of the shop's inks by hue (with
    its darker step for a shaded side)."""
    lightness, chroma, hue = oklch(colour)
    if lightness < 0.3:
        return _FLASH_BLACK
    if chroma < 0.035:
        return _FLASH_WHITE if lightness > 0.78 else from_oklch(0.42, 0.01, 60)
    if 35 <= hue < 100:
        name = "skin" if lightness > 0.8 and chroma < 0.1 else "yellow" if lightness > 0.72 else "orange"
        if lightness < 0.5:
            name = "brown"
    elif 100 <= hue < 190:
        name = "green"
    elif 190 <= hue < 300:
        name = "teal"
    else:
        name = "red"
    base_l, base_c, base_h = _FLASH_INKS[name]
    shade = 0.1 if lightness < base_l - 0.1 else 0.0
    return from_oklch(base_l - shade, base_c, base_h)


def tattoo(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    """Bold inks in heavy black lines on cream paper (see the module docstring)."""
    _paper_under(canvas, TATTOO_PAPER)
    inked = 0
    for node, _k in _scaled(content, texts):
        fill = paint_colour(node.attrs.get("fill"))
        if fill is not None:
            node.attrs["fill"] = flash_ink(fill)
            inked += 1
        stroke = paint_colour(node.attrs.get("stroke"))
        if stroke is not None:
            node.attrs["stroke"] = flash_ink(stroke)
        stop = paint_colour(node.attrs.get("stop_color"))
        if stop is not None:
            node.attrs["stop_color"] = flash_ink(stop)
    key_lines(content, texts, _FLASH_BLACK, 14.0 * canvas.unit)
    return max(1, inked)
