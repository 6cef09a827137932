"""Path-data constructors for badges and stickers: polar points, annular sectors, insets and outline bands,
serrated and scalloped edges, stitches, capsules, leaves and ellipses, and filling a shape's holes."""

from __future__ import annotations

import math
from collections.abc import Sequence

from artboard.composer import shapes
from artboard.composer.canvas import circle_d, polygon_d, star_points
from artboard.composer.recipes.badges.common import Box, Point


def _polar(cx: float, cy: float, r: float, deg: float) -> Point:
    a = math.radians(deg)
    return (cx + r * math.cos(a), cy + r * math.sin(a))


def _sector_band(cx: float, cy: float, r_out: float, r_in: float, a0: float, a1: float, steps: int = 48) -> str:
    """An annular sector from angle a0 to a1 (degrees)."""
    outer = [_polar(cx, cy, r_out, a0 + (a1 - a0) * i / steps) for i in range(steps + 1)]
    inner = [_polar(cx, cy, r_in, a1 - (a1 - a0) * i / steps) for i in range(steps + 1)]
    return polygon_d(outer + inner)


def _inset(d: str, amount: float) -> str:
    """`d` shrunk by `amount` (difference with its own boundary stroked twice as wide)."""
    return shapes.difference(d, shapes.stroke_outline(d, amount * 2))


def _outline_band(d: str, outer_inset: float, width: float) -> str:
    """A line of `width` following the inside of shape `d`, `outer_inset` in from its edge."""
    a = _inset(d, outer_inset) if outer_inset > 0 else d
    return shapes.difference(a, _inset(d, outer_inset + width))


def _serrated_d(cx: float, cy: float, r: float, depth: float, spikes: int) -> str:
    return polygon_d(star_points(cx, cy, r, r - depth, spikes, -90))


def _scalloped_d(cx: float, cy: float, r: float, bump: float, count: int) -> str:
    parts = [circle_d(cx, cy, r - bump)]
    for i in range(count):
        x, y = _polar(cx, cy, r - bump, -90 + 360 * i / count)
        parts.append(circle_d(x, y, bump))
    return shapes.union(parts)


def _dashes_along(points: Sequence[Point], width: float, dash: float, gap: float) -> str:
    """Stitch dashes along a closed polyline."""
    segs = list(zip(points, [*points[1:], points[0]], strict=True))
    perim = sum(math.dist(a, b) for a, b in segs)
    n = max(8, round(perim / (dash + gap)))
    step = perim / n
    parts: list[str] = []
    for i in range(n):
        s0, s1 = i * step, i * step + step * dash / (dash + gap)
        p0, p1 = _along(segs, s0), _along(segs, s1)
        parts.append(_capsule(p0, p1, width))
    return "".join(parts)


def _along(segs: Sequence[tuple[Point, Point]], s: float) -> Point:
    for a, b in segs:
        length = math.dist(a, b)
        if s <= length:
            t = s / max(length, 1e-9)
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        s -= length
    return segs[-1][1]


def _capsule(p0: Point, p1: Point, width: float) -> str:
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy) or 1e-6
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    return polygon_d(
        [(p0[0] + nx, p0[1] + ny), (p1[0] + nx, p1[1] + ny), (p1[0] - nx, p1[1] - ny), (p0[0] - nx, p0[1] - ny)]
    )


def _leaf_d(base: Point, angle_deg: float, length: float, width: float) -> str:
    """A pointed leaf (two quadratic arcs) from `base` towards `angle_deg`."""
    a = math.radians(angle_deg)
    ux, uy = math.cos(a), math.sin(a)
    nx, ny = -uy, ux
    bx, by = base
    tip = (bx + ux * length, by + uy * length)
    c1 = (bx + ux * length * 0.45 + nx * width, by + uy * length * 0.45 + ny * width)
    c2 = (bx + ux * length * 0.45 - nx * width, by + uy * length * 0.45 - ny * width)

    def n(v: float) -> str:
        return f"{v:.2f}"

    return f"M{n(bx)} {n(by)}Q{n(c1[0])} {n(c1[1])} {n(tip[0])} {n(tip[1])}Q{n(c2[0])} {n(c2[1])} {n(bx)} {n(by)}Z"


def _ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M{cx - rx:.2f} {cy:.2f}A{rx:.2f} {ry:.2f} 0 1 0 {cx + rx:.2f} {cy:.2f}"
        f"A{rx:.2f} {ry:.2f} 0 1 0 {cx - rx:.2f} {cy:.2f}Z"
    )


def _centred(d: str, box: Box, k: float, cx: float, cy: float) -> str:
    """`d` (whose box is `box`) scaled by `k` and centred on (cx, cy)."""
    return shapes.transform_d(d, (k, 0.0, 0.0, k, cx - k * (box[0] + box[2]) / 2, cy - k * (box[1] + box[3]) / 2))


def _fill_holes(d: str) -> str:
    """The silhouette of a filled shape: its outer contours only, holes filled in."""
    return shapes.fill_holes(d)
