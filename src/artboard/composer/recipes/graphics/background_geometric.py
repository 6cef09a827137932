"""Geometric backgrounds: low-poly facets, a honeycomb, rings and discs, a tech dot grid, halftone screens,
confetti and memphis shapes (kit in background_styles.py)."""

from __future__ import annotations

import math

import numpy as np

from artboard.colors import contrast_ratio
from artboard.composer.canvas import Node, num, polygon_d, regular_polygon
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    base,
    dot_d,
    glow,
    lighter,
    radial,
    ramp_at,
    smooth_open_d,
    whisper,
)
from artboard.composer.recipes.graphics.tiling import scatter


def low_poly(ctx: Ctx, node: Node, t: Tones) -> str:
    """Faceted triangles over a jittered grid, each shaded from the ramp at its centre."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t, t.colors[0])
    cell = short / rng.uniform(6.0, 8.5)
    nx, ny = max(2, round(w / cell)), max(2, round(h / cell))
    grid = [
        [
            (
                w * i / nx + (rng.uniform(-0.38, 0.38) * w / nx if 0 < i < nx else 0.0),
                h * j / ny + (rng.uniform(-0.38, 0.38) * h / ny if 0 < j < ny else 0.0),
            )
            for i in range(nx + 1)
        ]
        for j in range(ny + 1)
    ]
    angle = math.radians(rng.uniform(20, 70))
    ux, uy = math.cos(angle), math.sin(angle)
    span = abs(w * ux) + abs(h * uy)
    for j in range(ny):
        for i in range(nx):
            a, b, c, d = grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]
            tris = [(a, b, c), (a, c, d)] if rng.random() < 0.5 else [(a, b, d), (b, c, d)]
            for tri in tris:
                mx, my = sum(p[0] for p in tri) / 3, sum(p[1] for p in tri) / 3
                pos = (mx * ux + my * uy) / span + rng.uniform(-0.06, 0.06)
                color = ramp_at(t, t.colors, pos)
                if not t.flat:
                    color = lighter(t, color, rng.uniform(-0.035, 0.035))
                node.polygon(tri, color, stroke=color, stroke_width=0.8, stroke_linejoin="round")
    return "facets"


def hexagons(ctx: Ctx, node: Node, t: Tones) -> str:
    """A honeycomb: cells shaded along the ramp with a few lit, the calm area left as plain cells."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    r = short / rng.uniform(9, 13)
    dx, dy = r * math.sqrt(3), r * 1.5
    outline = rng.random() < 0.45
    gap = round(short * 0.004, 2)
    angle = rng.uniform(0, math.pi)
    for j in range(-1, int(h / dy) + 2):
        for i in range(-1, int(w / dx) + 2):
            cx, cy = i * dx + (dx / 2 if j % 2 else 0), j * dy
            pos = 0.5 + ((cx - w / 2) * math.cos(angle) + (cy - h / 2) * math.sin(angle)) / max(w, h)
            pts = regular_polygon(cx, cy, r - gap, 6, 30)
            if outline:
                lit = rng.random() < 0.08 and not t.quiet(cx, cy)
                if lit:
                    node.polygon(pts, ramp_at(t, t.colors, pos))
                node.path(
                    polygon_d(pts),
                    None,
                    stroke=whisper(t, t.line, 0.35 * t.strength),
                    stroke_width=round(max(1.0, short * 0.0022), 2),
                )
            else:
                color = ramp_at(t, t.colors, pos + rng.uniform(-0.08, 0.08))
                if t.quiet(cx, cy):
                    color = whisper(t, color, 0.5)
                node.polygon(pts, color)
    return "outline" if outline else "cells"


def circles(ctx: Ctx, node: Node, t: Tones) -> str:
    """Concentric rings spreading from off-canvas centres, or large overlapping discs."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    if rng.random() < 0.5:
        for k, (fx, fy) in enumerate(
            [(rng.uniform(-0.1, 0.2), rng.uniform(0.8, 1.1)), (rng.uniform(0.8, 1.1), rng.uniform(-0.1, 0.2))]
        ):
            cx, cy = w * fx, h * fy
            gap = short * rng.uniform(0.028, 0.04)
            color = whisper(t, t.colors[k % len(t.colors)], 0.55 * t.strength)
            rings = int(short * 0.75 / gap)
            d = "".join(_ring_arc(cx, cy, gap * (i + 1)) for i in range(rings))
            node.path(d, None, stroke=color, stroke_width=round(max(1.0, short * 0.003), 2))
        return "rings"
    spots = [(0.15, 0.25), (0.85, 0.2), (0.7, 0.85), (0.2, 0.9), (0.95, 0.6)]
    rng.shuffle(spots)
    for k, (fx, fy) in enumerate(spots[:4]):
        color = t.colors[k % len(t.colors)]
        r = short * rng.uniform(0.22, 0.38)
        node.circle(w * fx, h * fy, r, color, fill_opacity=None if t.flat else 0.85)
    return "discs"


def _ring_arc(cx: float, cy: float, r: float) -> str:
    return (
        f"M{num(cx - r)} {num(cy)}A{num(r)} {num(r)} 0 1 0 {num(cx + r)} {num(cy)}"
        f"A{num(r)} {num(r)} 0 1 0 {num(cx - r)} {num(cy)}"
    )


def dot_grid(ctx: Ctx, node: Node, t: Tones) -> str:
    """A tech grid: faint lines, dots at the crossings, a few lit nodes with a glow and circuit traces."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    glow_color = t.colors[0]
    if not t.flat:
        gx, gy = rng.choice([(w * 0.8, h * 0.25), (w * 0.2, h * 0.2), (w * 0.75, h * 0.8)])
        node.rect(
            0, 0, w, h, radial(ctx, gx, gy, short * 0.9, [(0, glow_color, 0.32 * t.strength), (1, glow_color, 0)])
        )
    cell = short / rng.choice([12, 14, 16])
    lines = whisper(t, t.line, 0.16 * t.strength)
    d = "".join(f"M{num(x)} 0V{num(h)}" for x in np.arange(cell / 2, w, cell))
    d += "".join(f"M0 {num(y)}H{num(w)}" for y in np.arange(cell / 2, h, cell))
    node.path(d, None, stroke=lines, stroke_width=round(max(1.0, short * 0.0012), 2))
    xs, ys = list(np.arange(cell / 2, w, cell)), list(np.arange(cell / 2, h, cell))
    dots = "".join(dot_d(float(x), float(y), short * 0.0028) for x in xs for y in ys)
    node.path(dots, whisper(t, t.line, 0.35 * t.strength))
    lit = node.group("nodes")
    halo = node.group("glow") if not t.flat else None
    for _ in range(int(len(xs) * len(ys) * 0.05)):
        x, y = float(rng.choice(xs)), float(rng.choice(ys))
        if t.quiet(x, y):
            continue
        color = t.colors[rng.randrange(len(t.colors))]
        # A trace: two right-angled runs along the grid from the node.
        run1, run2 = cell * rng.randint(1, 3) * rng.choice([-1, 1]), cell * rng.randint(1, 3) * rng.choice([-1, 1])
        lit.path(
            f"M{num(x)} {num(y)}h{num(run1)}v{num(run2)}",
            None,
            stroke=color,
            stroke_width=round(max(1.0, short * 0.002), 2),
            stroke_opacity=None if t.flat else 0.6,
        )
        lit.circle(x + run1, y + run2, short * 0.004, color)
        if halo is not None:
            halo.circle(x, y, short * 0.025, glow(ctx, color, [(0, 0.9), (0.3, 0.45), (1, 0)]))
        lit.circle(x, y, short * 0.006, color)
    return "tech"


def halftone(ctx: Ctx, node: Node, t: Tones) -> str:
    """Halftone dots on a diagonal screen, swelling towards one corner (two offset screens when unconstrained)."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cell = short / rng.uniform(28, 40)
    screens = [t.colors[0]] if t.flat or len(t.colors) < 2 else [t.colors[1], t.colors[0]]
    fx, fy = rng.choice([(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)])
    reach = math.hypot(w, h) * rng.uniform(0.7, 0.95)
    for k, color in enumerate(screens):
        off = cell * 0.5 * k
        parts = []
        for j in range(-1, int(h / cell * 2) + 2):
            for i in range(-1, int(w / cell) + 2):
                x = i * cell + (cell / 2 if j % 2 else 0) + off
                y = j * cell / 2 + off
                v = 1 - math.hypot(x - w * fx, y - h * fy) / reach
                r = cell * 0.52 * max(0.0, v) ** 1.3
                if r > 0.6 and not (t.quiet(x, y) and v < 0.7):
                    parts.append(dot_d(x, y, r))
        node.path("".join(parts), color, fill_opacity=None if t.flat or k == 0 else 0.7)
    return "dots"


def confetti(ctx: Ctx, node: Node, t: Tones) -> str:
    """Confetti: strips, dots, squiggles and triangles tossed in the colours, thinning over the calm area."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cols = [c for c in t.colors if contrast_ratio(c, t.ground) >= 1.25] or list(t.colors)
    for k, (x, y) in enumerate(scatter(ctx, w, h, short * 0.075, limit=900)):
        if t.quiet(x, y, short * 0.02) and rng.random() < 0.85:
            continue
        color = cols[k % len(cols)]
        s = short * rng.uniform(0.012, 0.02)
        rot = rng.uniform(0, 180)
        kind = rng.random()
        if kind < 0.45:
            node.rect(
                x - s * 0.4,
                y - s,
                s * 0.8,
                s * 2,
                color,
                rx=s * 0.15,
                transform=f"rotate({num(rot)} {num(x)} {num(y)})",
            )
        elif kind < 0.7:
            node.circle(x, y, s * 0.6, color)
        elif kind < 0.85:
            node.polygon(regular_polygon(x, y, s * 0.9, 3, rot), color)
        else:
            a = math.radians(rot)
            pts = [
                (
                    x + (i - 2) * s * 0.7 * math.cos(a) - (s * 0.45 if i % 2 else -s * 0.45) * math.sin(a),
                    y + (i - 2) * s * 0.7 * math.sin(a) + (s * 0.45 if i % 2 else -s * 0.45) * math.cos(a),
                )
                for i in range(5)
            ]
            node.path(smooth_open_d(pts), None, stroke=color, stroke_width=round(s * 0.45, 2), stroke_linecap="round")
    return "tossed"


def memphis(ctx: Ctx, node: Node, t: Tones) -> str:
    """Memphis shapes (discs, rings, squiggles, zigzags, pluses) tossed over the ground."""
    from artboard.composer.recipes.graphics.geometric import memphis as memphis_shapes

    base(ctx, node, t)
    cols = [c for c in t.colors if contrast_ratio(c, t.ground) >= 1.25] or list(t.colors)
    memphis_shapes(ctx, node, cols, t.ground)
    return "shapes"
