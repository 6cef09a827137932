"""Shapes the illustrations share: ridges and hills, leaves, clouds, the moon, stars, birds and arches.

Functions ending in `_d` return SVG path data; `draw_*` paint onto a node.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, Point


def ridge_points(ctx: Ctx, x0: float, x1: float, base: float, height: float, peaks: int, sharp: bool) -> list[Point]:
    """A mountain ridge: alternating peaks and valleys across [x0, x1] (y down)."""
    rng = ctx.rng
    pts: list[Point] = [(x0, base - height * rng.uniform(0.15, 0.4))]
    span = (x1 - x0) / peaks
    for i in range(peaks):
        px = x0 + span * (i + rng.uniform(0.3, 0.7))
        ph = height * rng.uniform(0.65, 1.0)
        pts.append((px, base - ph))
        if i < peaks - 1:
            vx = x0 + span * (i + 1) + span * rng.uniform(-0.12, 0.12)
            pts.append((vx, base - height * rng.uniform(0.15, 0.45)))
    pts.append((x1, base - height * rng.uniform(0.15, 0.4)))
    if not sharp:
        return pts
    # Shoulders: a small kink on the way down from each peak reads as rock.
    out: list[Point] = [pts[0]]
    for a, b in itertools.pairwise(pts):
        if rng.random() < 0.5:
            t = rng.uniform(0.35, 0.6)
            mx, my = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            out.append((mx + (b[0] - a[0]) * 0.06, my - abs(b[1] - a[1]) * 0.06))
        out.append(b)
    return out


def hill_fn(ctx: Ctx, x0: float, x1: float, base: float, amp: float, waves: float) -> Callable[[float], float]:
    """A rolling hill line y(x) around `base`: two seeded sine waves, `amp` high."""
    rng = ctx.rng
    phase = rng.uniform(0, 2 * math.pi)
    phase2 = rng.uniform(0, 2 * math.pi)
    span = x1 - x0

    def y(x: float) -> float:
        t = (x - x0) / span
        return base - amp * (
            0.6 * math.sin(t * waves * math.pi + phase) + 0.4 * math.sin(t * waves * 2.3 * math.pi + phase2)
        )

    return y


def fn_area_d(fn: Callable[[float], float], x0: float, x1: float, bottom: float, steps: int = 64) -> str:
    """The area under y = fn(x) between x0 and x1, down to `bottom`."""
    pts = [(x0 + (x1 - x0) * i / steps, fn(x0 + (x1 - x0) * i / steps)) for i in range(steps + 1)]
    return polygon_d([(x0, bottom), *pts, (x1, bottom)])


def leaf_d(x: float, y: float, length: float, angle: float, width: float = 0.28) -> str:
    """A pointed leaf from (x, y) along `angle` (degrees)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    px, py = -uy, ux
    tip = (x + ux * length, y + uy * length)
    wdt = length * width
    c1 = (x + ux * length * 0.3 + px * wdt, y + uy * length * 0.3 + py * wdt)
    c2 = (x + ux * length * 0.75 + px * wdt * 0.8, y + uy * length * 0.75 + py * wdt * 0.8)
    c3 = (x + ux * length * 0.75 - px * wdt * 0.8, y + uy * length * 0.75 - py * wdt * 0.8)
    c4 = (x + ux * length * 0.3 - px * wdt, y + uy * length * 0.3 - py * wdt)
    return (
        f"M{num(x)} {num(y)}C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(tip[0])} {num(tip[1])}"
        f"C{num(c3[0])} {num(c3[1])} {num(c4[0])} {num(c4[1])} {num(x)} {num(y)}Z"
    )


def cloud_d(x: float, y: float, w: float) -> str:
    """A flat-bottomed cloud `w` wide, sitting on y."""
    h = w * 0.28
    parts = [
        rect_d(x - w / 2, y - h * 0.5, w, h * 0.5 + 0.01, h * 0.25),
        circle_d(x - w * 0.18, y - h * 0.55, h * 0.55),
        circle_d(x + w * 0.12, y - h * 0.75, h * 0.75),
    ]
    return shapes.union(parts)


def crescent_d(x: float, y: float, r: float) -> str:
    """A crescent moon of radius r, lit on the lower left."""
    return shapes.difference(circle_d(x, y, r), circle_d(x + r * 0.42, y - r * 0.28, r * 0.86))


def sparkle_d(x: float, y: float, k: float, waist: float) -> str:
    """A four-pointed sparkle, points `k` from the centre, pinched to `k * waist` between them."""
    i = k * waist
    return polygon_d(
        [(x, y - k), (x + i, y - i), (x + k, y), (x + i, y + i), (x, y + k), (x - i, y + i), (x - k, y), (x - i, y - i)]
    )


def arch_d(cx: float, width: float, top: float, bottom: float) -> str:
    """A round-topped arch (a window, a backdrop) centred on cx, from `top` down to `bottom`."""
    r = width / 2
    return (
        f"M{num(cx - width / 2)} {num(bottom)}V{num(top + width / 2)}A{num(r)} {num(r)} 0 0 1 "
        f"{num(cx + width / 2)} {num(top + width / 2)}V{num(bottom)}Z"
    )


def draw_stars(ctx: Ctx, node: Node, box: Box, count: int, color: RGB, avoid: Callable[[float, float], bool]) -> None:
    """Seeded stars in `box` (a few as sparkles), leaving out those where `avoid(x, y)`."""
    x0, y0, x1, y1 = box
    for _ in range(count):
        x, y = ctx.rng.uniform(x0, x1), ctx.rng.uniform(y0, y1)
        if avoid(x, y):
            continue
        r = ctx.short * ctx.rng.choice([0.002, 0.003, 0.003, 0.0045])
        if ctx.rng.random() < 0.12:
            node.path(sparkle_d(x, y, r * 3.2, 0.22), color)
        else:
            node.circle(x, y, r, color)


def draw_birds(ctx: Ctx, node: Node, x: float, y: float, size: float, color: RGB, count: int = 3) -> None:
    """A few gull strokes in a loose row from (x, y)."""
    for k in range(count):
        bx = x + k * size * ctx.rng.uniform(1.2, 1.8)
        by = y + ctx.rng.uniform(-0.6, 0.6) * size
        s = size * ctx.rng.uniform(0.5, 0.8)
        node.path(
            f"M{num(bx - s)} {num(by - s * 0.3)}Q{num(bx - s * 0.45)} {num(by - s * 0.55)} {num(bx)} "
            f"{num(by)}Q{num(bx + s * 0.45)} {num(by - s * 0.55)} {num(bx + s)} {num(by - s * 0.3)}",
            None,
            stroke=color,
            stroke_width=round(max(1.5, s * 0.14), 2),
            stroke_linecap="round",
            stroke_linejoin="round",
        )
