"""Hand crafts as finishes: what an engraver's burin and an embroidery machine do to a design.

- engraving ("vintage engraving", "etching", "scratchboard", "crosshatched"): one dark ink on cream paper; every
  shape's tone becomes line work (pale shapes a sparse hatch, middle tones a dense one, dark ones crosshatched,
  the darkest solid) inside a fine key line;
- embroidery ("embroidered patch", "embroidery", "stitched"): each colour a field of satin stitches (fine thread
  lines in a slanting sheen over the colour), every shape edged with a running stitch in a darker thread.

Both work on the finished vector tree with SVG patterns, so the file stays a true, editable SVG; the lettering
keeps the colours and contrast it was set with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer.canvas import Canvas, Node, num
from artboard.composer.printmaking import key_lines, paint_colour, painted, scale_of

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
