"""Drawing on a torus, for seamless patterns: whatever crosses one edge of the canvas comes back on the other.

`Tile.place` draws a motif once per copy that reaches into the canvas; `scatter` throws seeded points that keep
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


def scatter(ctx: Ctx, w: float, h: float, spacing: float, limit: int = 400) -> list[Point]:
    """Seeded dart-throwing on a torus: points at least `spacing` apart, also across the edges."""
    pts: list[Point] = []
    tries = 0
    cell = spacing / math.sqrt(2)
    grid: dict[tuple[int, int], Point] = {}
    gw, gh = max(1, int(w / cell)), max(1, int(h / cell))
    while tries < limit * 30 and len(pts) < limit:
        tries += 1
        x, y = ctx.rng.uniform(0, w), ctx.rng.uniform(0, h)
        gx, gy = int(x / w * gw), int(y / h * gh)
        ok = True
        for ix in range(gx - 2, gx + 3):
            for iy in range(gy - 2, gy + 3):
                p = grid.get((ix % gw, iy % gh))
                if p is None:
                    continue
                if _torus_d2(p, (x, y), w, h) < spacing * spacing:
                    ok = False
                    break
            if not ok:
                break
        if ok and (gx, gy) not in grid:
            grid[(gx, gy)] = (x, y)
            pts.append((x, y))
    return pts


def scatter_between(ctx: Ctx, w: float, h: float, taken: list[Point], clear: float, spacing: float) -> list[Point]:
    """Filler points at least `clear` from every taken point and `spacing` from each other (on the torus)."""
    out: list[Point] = []
    for x, y in scatter(ctx, w, h, spacing):
        if all(_torus_d2(p, (x, y), w, h) >= clear * clear for p in taken):
            out.append((x, y))
    return out
