"""Where a letter can sit inside a symbol ("a speech bubble with the letter A") and still be read.

A letter set over a symbol's strokes is lost in them. A designer puts it where the symbol leaves it room: cut
out of a solid body (a filled bubble, a shield), or inside a line icon's hollow (an outlined bubble's interior),
with clear space all round. These helpers find that place, or say there is none.
"""

from __future__ import annotations

from collections.abc import Iterable

import pathops

from artboard.colors import RGB
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.typeset import set_line

# The clear space kept round the letter, as a share of its height: a letter touching the symbol's edge reads as
# part of the symbol.
PAD = 0.14
# Of the padded letter box, the share that may fall outside the room (anti-aliasing, a rounded corner).
SLACK = 0.02


def _canvas_path(ds: Iterable[str], scale: float, tx: float, ty: float, even_odd: bool) -> pathops.Path:
    path = pathops.Path()
    for d in ds:
        path.addPath(shapes.to_path(d, (scale, 0, 0, scale, tx, ty)))
    if even_odd:
        path.fillType = pathops.FillType.EVEN_ODD
    return pathops.simplify(path, fix_winding=True)


def room(icon: icons.Icon, cx: float, cy: float, size: float) -> tuple[pathops.Path, bool]:
    """The region of an icon drawn at (cx, cy, size) where a letter can stand, and whether it is solid (the
    letter is cut out of it) or hollow (the letter is drawn in the icon's colour inside it)."""
    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale
    if icon.mode != "stroke":
        return _canvas_path(icon.paths, scale, tx, ty, icon.fill_rule == "evenodd"), True
    # A line icon's hollows are the holes of its outlined strokes: contours that wind against the outer ones.
    ink = _canvas_path(icons.icon_as_fill_paths(icon), scale, tx, ty, False)
    outer = [c for c in ink.contours if c.area > 0]
    if not outer:
        return pathops.Path(), False
    turn = max(outer, key=lambda c: c.area).clockwise
    hollows = pathops.Path()
    for contour in outer:
        if contour.clockwise != turn:
            contour.reverse()  # a hole traced as a filled shape
            hollows.addPath(contour)
    return pathops.simplify(hollows, fix_winding=True), False


def _outside(box: tuple[float, float, float, float], region: pathops.Path) -> float:
    """The share of the box not covered by the region."""
    x0, y0, x1, y1 = box
    rect = shapes.to_path(f"M{x0} {y0}H{x1}V{y1}H{x0}Z")
    left = pathops.op(rect, region, pathops.PathOp.DIFFERENCE, fix_winding=True)
    return float(abs(left.area) / ((x1 - x0) * (y1 - y0)))


def fit_letter(
    region: pathops.Path,
    aspect: float,
    centre: tuple[float, float],
    heights: Iterable[float],
    reach: float,
) -> tuple[float, float, float, float] | None:
    """The tallest letter box of width/height `aspect`, trying `heights` (tallest first), placed near `centre`
    (within `reach`, nearest first), whose padded box the region holds; None when it holds none."""
    if region.area == 0:
        return None
    cx, cy = centre
    steps = [i / 4 for i in range(-4, 5)]
    offsets = sorted(((dx * reach, dy * reach) for dx in steps for dy in steps), key=lambda o: o[0] ** 2 + o[1] ** 2)
    rx0, ry0, rx1, ry1 = region.bounds
    for height in heights:
        width = height * aspect
        pad = height * PAD
        for dx, dy in offsets:
            x0, y0 = cx + dx - width / 2, cy + dy - height / 2
            padded = (x0 - pad, y0 - pad, x0 + width + pad, y0 + height + pad)
            if padded[0] < rx0 or padded[1] < ry0 or padded[2] > rx1 or padded[3] > ry1:
                continue
            if _outside(padded, region) <= SLACK:
                return x0, y0, x0 + width, y0 + height
    return None


def _place(art: Node, ctx: Ctx, letters: str, box: tuple[float, float, float, float], paint: RGB | str) -> None:
    """The letters set so their ink fills `box`."""
    block = set_line(letters, ctx.face("display", 800), 100, 0, 0)
    x0, y0, _, y1 = block.bbox
    k = (box[3] - box[1]) / (y1 - y0)
    art.group("letter").path(shapes.transform_d(block.d, (k, 0, 0, k, box[0] - x0 * k, box[1] - y0 * k)), paint)


def _aspect(ctx: Ctx, letters: str) -> float:
    x0, y0, x1, y1 = set_line(letters, ctx.face("display", 800), 100, 0, 0).bbox
    return (x1 - x0) / (y1 - y0)


def lettered_symbol(
    ctx: Ctx, art: Node, glyphs: Iterable[icons.Icon], tile: float, ink: RGB, tile_paint: RGB | str
) -> tuple[icons.Icon, str]:
    """An app icon's symbol holding its letter ("a speech bubble with the letter A"): the first of `glyphs` with
    room for the letter at a readable size (at least 15 % of the tile tall) is drawn with the letter in it, cut out
    of a solid body in the tile's paint or drawn in a line icon's hollow in its ink. When none has room, the
    letter and the symbol stand side by side, the letter larger, so neither covers the other. Returns the glyph
    drawn and how it holds the letter ("inside", "knockout" or "beside")."""
    w, h = ctx.width, ctx.height
    letters = ctx.brief.letters[:2] if ctx.brief.letters else ""
    aspect = _aspect(ctx, letters)
    size = tile * 0.68  # larger than a plain symbol (0.52): it carries the letter
    heights = [tile * f for f in (0.32, 0.29, 0.26, 0.23, 0.2, 0.17, 0.15)]
    glyphs = list(glyphs)
    for glyph in glyphs:
        region, solid = room(glyph, w / 2, h / 2, size)
        box = fit_letter(region, aspect, (w / 2, h / 2), heights, size * 0.2)
        if box is None:
            continue
        ctx.draw_icon(art, glyph, w / 2, h / 2, size, ink)
        _place(art, ctx, letters, box, tile_paint if solid else ink)
        return glyph, "knockout" if solid else "inside"
    glyph = glyphs[0]
    # Side by side: the letter 34 % of the tile tall, the symbol a little smaller, centred together.
    height, gap, mark = tile * 0.34, tile * 0.06, tile * 0.3
    width = height * aspect
    left = w / 2 - (width + gap + mark) / 2
    _place(art, ctx, letters, (left, h / 2 - height / 2, left + width, h / 2 + height / 2), ink)
    ctx.draw_icon(art, glyph, left + width + gap + mark / 2, h / 2, mark, ink)
    return glyph, "beside"
