"""SVG output of traced shapes: one ``<path>`` per colour, minified path data.

Coordinates sit on a 1/``GRID`` px grid and are written as relative commands, straight runs as
``h``/``v``/``l``; in spline mode smooth runs of the traced polygon become cubic Béziers through its
vertices, while corners stay sharp.
"""

from __future__ import annotations

import functools
import math
from typing import Final

import numpy as np
import numpy.typing as npt

from artboard.layers import Shape, cyclic_next, cyclic_prev

__all__ = ["GRID", "build_svg", "hex_color"]

GRID: Final = 10  # output coordinates are multiples of 1/GRID px
_CORNER_COS = math.cos(math.radians(40))  # turning more sharply than this keeps a corner


def build_svg(shapes: list[Shape], palette: npt.NDArray[np.uint8], w: int, h: int, mode: str) -> str:
    """The SVG document for ``shapes`` painted in order; ``mode`` is "spline" or "polygon"."""
    groups = _merge_same_colour(shapes)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">']
    encode = _encode_spline if mode == "spline" else _encode_polygon
    for fill, members in groups:
        d = "".join(encode(ring) for s in members for ring in s.rings)
        if d:
            parts.append(f'<path d="{d}" fill="{_short_hex(palette[fill])}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _merge_same_colour(shapes: list[Shape]) -> list[tuple[int, list[Shape]]]:
    """Consecutive shapes of one colour (one layer) become one path.

    The shapes of a layer are separate clusters that never overlap each other except where one
    sits inside a filled hole of another; every outline has the same orientation and every kept
    hole the opposite one, so the nonzero fill rule still paints exactly their union.
    """
    groups: list[tuple[int, list[Shape]]] = []
    for shape in shapes:
        if groups and groups[-1][0] == shape.fill:
            groups[-1][1].append(shape)
        else:
            groups.append((shape.fill, [shape]))
    return groups


def _encode_polygon(ring: npt.NDArray[np.float64]) -> str:
    pts = np.rint(ring * GRID).astype(np.int64)
    pts = pts[np.any(pts != cyclic_prev(pts), axis=1)]
    if pts.shape[0] < 3:
        return ""
    deltas = cyclic_next(pts) - pts  # includes the closing edge
    return _emit(pts[0].tolist(), deltas.tolist(), [True] * pts.shape[0])


def _encode_spline(ring: npt.NDArray[np.float64]) -> str:
    """Smooth closed curve through the polygon's vertices, keeping sharp corners sharp.

    Each edge becomes a cubic whose handles follow the Catmull-Rom tangent at a smooth vertex
    (the direction from the previous to the next vertex) and the edge itself at a corner, with
    handle length a third of the edge so uneven vertex spacing never overshoots.
    """
    nxt = cyclic_next(ring)
    d_in = ring - cyclic_prev(ring)
    d_out = nxt - ring
    len_in = np.hypot(d_in[:, 0], d_in[:, 1])
    len_out = np.hypot(d_out[:, 0], d_out[:, 1])
    cos_turn = (d_in * d_out).sum(axis=1) / np.maximum(len_in * len_out, 1e-12)
    corner = cos_turn < _CORNER_COS
    # Edges weighted by their squared length: where a long straight edge meets a short arc edge
    # the tangent follows the straight edge, so long edges stay straight instead of bowing.
    blend = d_in * len_in[:, None] + d_out * len_out[:, None]
    tangent = blend / np.maximum(np.hypot(blend[:, 0], blend[:, 1]), 1e-12)[:, None]
    out_handle = np.where(corner[:, None], d_out / 3.0, tangent * (len_out / 3.0)[:, None])
    # The handle arriving at vertex i+1 along edge i: that vertex's tangent, scaled by edge i.
    in_handle = np.where(cyclic_next(corner)[:, None], d_out / 3.0, cyclic_next(tangent) * (len_out / 3.0)[:, None])
    grid_pts = np.rint(ring * GRID).astype(np.int64)
    rel = np.concatenate(
        [np.rint((ring + out_handle) * GRID), np.rint((nxt - in_handle) * GRID), cyclic_next(grid_pts)], axis=1
    ).astype(np.int64)
    rel -= np.tile(grid_pts, 3)
    straight = _straight(rel)
    return _emit(grid_pts[0].tolist(), rel.tolist(), straight.tolist())


def _straight(rel: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which relative cubics (n, 6) have both handles on their chord, within a quarter pixel."""
    ex, ey = rel[:, 4], rel[:, 5]
    length_sq = ex * ex + ey * ey
    ok = np.ones(rel.shape[0], dtype=bool)
    for px, py in ((rel[:, 0], rel[:, 1]), (rel[:, 2], rel[:, 3])):
        cross = px * ey - py * ex
        dot = px * ex + py * ey
        ok &= (cross * cross * 16 <= GRID * GRID * length_sq) & (dot >= 0) & (dot <= length_sq)
    degenerate = length_sq == 0
    ok[degenerate] = ~np.any(rel[degenerate, :4], axis=1)
    return ok


def _emit(start: list[int], segments: list[list[int]], straight: list[bool]) -> str:
    """Minified path data: absolute moveto, then relative segments, implicit command repeats.

    ``segments`` are relative lines (dx, dy) or cubics (6 values); a cubic flagged ``straight``
    is written as a line to its end point.
    """
    out = ["M" + _nums(start)]
    last = "M"
    final = len(segments) - 1
    for i, rel in enumerate(segments):
        if straight[i]:
            dx, dy = rel[-2], rel[-1]
            if i == final:
                break  # "z" draws the closing line
            if dx == 0 and dy == 0:
                continue
            letter, vals = ("h", [dx]) if dy == 0 else ("v", [dy]) if dx == 0 else ("l", [dx, dy])
        else:
            letter, vals = "c", rel
        text = _nums(vals)
        if letter != last:
            out.append(letter + text)
        elif text.startswith("-"):
            out.append(text)
        else:
            out.append(" " + text)
        last = letter
    out.append("z")
    return "".join(out)


def _nums(values: list[int]) -> str:
    out: list[str] = []
    prev_has_dot = False
    for v in values:
        s = _fmt(v)
        if out and not s.startswith("-") and not (s.startswith(".") and prev_has_dot):
            out.append(" ")
        out.append(s)
        prev_has_dot = "." in s
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def _fmt(units: int) -> str:
    whole, frac = divmod(abs(units), GRID)
    sign = "-" if units < 0 else ""
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def hex_color(rgb: npt.NDArray[np.uint8]) -> str:
    """``"#rrggbb"`` of one palette row."""
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))


def _short_hex(rgb: npt.NDArray[np.uint8]) -> str:
    full = hex_color(rgb)
    if full[1] == full[2] and full[3] == full[4] and full[5] == full[6]:
        return "#" + full[1] + full[3] + full[5]
    return full
