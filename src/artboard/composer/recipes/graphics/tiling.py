"""Drawing on a torus, for seamless patterns: whatever crosses one edge of the canvas comes back on the other.

`Tile.place` draws a motif once per copy that reaches into the canvas; `scatter` places seeded points that keep
their distance across the edges too, so the repeat shows no seam.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Point


class Tile:
    """Draws motifs on a W×H torus: whatever crosses an edge is drawn again on the opposite edge."""

    def __init__(self, ctx: Ctx, parent: Node) -> None:
        self.ctx = ctx
        self.parent = parent
        self.w = float(ctx.width)
        self.h = float(ctx.height)

    def place(self, x: float, y: float, reach: float, draw: Callable[[Node, float, float], None]) -> None:
        x %= self.w
        y %= self.h
        for dx in (-self.w, 0.0, self.w):
            for dy in (-self.h, 0.0, self.h):
                px, py = x + dx, y + dy
                if px + reach < 0 or px - reach > self.w or py + reach < 0 or py - reach > self.h:
                    continue
                draw(self.parent, px, py)


def even(n: float) -> int:
    """The nearest even count, at least 2 (an even grid alternates cleanly across the wrap)."""
    return max(2, 2 * round(n / 2))


def _torus_d2(a: Point, b: Point, w: float, h: float) -> float:
    """Squared distance between two points on the W×H torus."""
    dx = abs(a[0] - b[0])
    dy = abs(a[1] - b[1])
    dx, dy = min(dx, w - dx), min(dy, h - dy)
    return dx * dx + dy * dy


def scatter(ctx: Ctx, w: float, h: float, spacing: float, limit: int = 400, tries: int = 24) -> list[Point]:
    """Seeded Poisson-disk points on a torus: at least `spacing` apart, also across the edges, and no room left.

    Bridson's sampling: each new point is tried in the ring [spacing, 2·spacing] around a point already placed,
    until no placed point has room around it. That fills the tile evenly in O(points · tries); plain dart
    throwing needed up to 12,000 random throws (a quarter of a second) and still left holes.
    """
    cell = spacing / math.sqrt(2)
    gw, gh = max(1, math.ceil(w / cell)), max(1, math.ceil(h / cell))
    cw, ch = w / gw, h / gh
    reach_x, reach_y = min(gw, math.ceil(spacing / cw)), min(gh, math.ceil(spacing / ch))
    grid: dict[tuple[int, int], Point] = {}
    min_d2 = spacing * spacing

    def free(x: float, y: float) -> bool:
        gx, gy = int(x / cw) % gw, int(y / ch) % gh
        for ix in range(gx - reach_x, gx + reach_x + 1):
            for iy in range(gy - reach_y, gy + reach_y + 1):
                p = grid.get((ix % gw, iy % gh))
                if p is not None and _torus_d2(p, (x, y), w, h) < min_d2:
                    return False
        return (gx, gy) not in grid

    def add(x: float, y: float) -> None:
        grid[(int(x / cw) % gw, int(y / ch) % gh)] = (x, y)
        pts.append((x, y))
        active.append((x, y))

    pts: list[Point] = []
    active: list[Point] = []
    add(ctx.rng.uniform(0, w), ctx.rng.uniform(0, h))
    while active and len(pts) < limit:
        i = ctx.rng.randrange(len(active))
        ox, oy = active[i]
        for _ in range(tries):
            angle, radius = ctx.rng.uniform(0, math.tau), spacing * math.sqrt(ctx.rng.uniform(1, 4))
            x, y = (ox + radius * math.cos(angle)) % w, (oy + radius * math.sin(angle)) % h
            if free(x, y):
                add(x, y)
                break
        else:
            active[i] = active[-1]
            active.pop()
    ctx.rng.shuffle(pts)  # placement order is spatially coherent; callers cycle motifs and colours over the list
    return pts


def scatter_between(ctx: Ctx, w: float, h: float, taken: list[Point], clear: float, spacing: float) -> list[Point]:
    """Filler points at least `clear` from every taken point and `spacing` from each other (on the torus)."""
    out: list[Point] = []
    for x, y in scatter(ctx, w, h, spacing):
        if all(_torus_d2(p, (x, y), w, h) >= clear * clear for p in taken):
            out.append((x, y))
    return out
