"""Geometric repeats for patterns without subject motifs: memphis confetti, truchet meanders, bauhaus tiles."""

from __future__ import annotations

import math

from artboard.colors import RGB
from artboard.composer.canvas import Node, num, polygon_d, rect_d, regular_polygon, ring_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.tiling import Tile, even, scatter


def plus_d(x: float, y: float, arm: float, half: float) -> str:
    """A plus sign with rounded ends: arms `arm` long from the centre, `2 * half` thick."""
    return rect_d(x - arm, y - half, 2 * arm, 2 * half, half) + rect_d(x - half, y - arm, 2 * half, 2 * arm, half)


def _wiggle_d(x: float, y: float, length: float, amp: float, waves: int, rot: float) -> str:
    pts = []
    steps = waves * 8
    for i in range(steps + 1):
        t = i / steps
        px = -length / 2 + t * length
        py = amp * math.sin(t * waves * 2 * math.pi)
        a = math.radians(rot)
        pts.append((x + px * math.cos(a) - py * math.sin(a), y + px * math.sin(a) + py * math.cos(a)))
    return "M" + "L".join(f"{num(px)} {num(py)}" for px, py in pts)


def memphis(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Scattered confetti: discs, rings, triangles, squiggles, zigzags, half discs, pluses, dot grids, pills."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    spacing = ctx.short * rng.uniform(0.1, 0.115)
    pts = scatter(ctx, w, h, spacing)
    stroke = round(ctx.short * 0.015, 2)
    kinds = ["disc", "ring", "triangle", "wiggle", "zigzag", "half", "plus", "dots", "pill", "tri-outline", "square"]
    rng.shuffle(kinds)
    kinds = kinds[:7]
    palette = colors[:4]
    last = ""
    tile = Tile(ctx, art)
    for k, (x, y) in enumerate(pts):
        kind = kinds[rng.randrange(len(kinds))]
        if kind == last:
            kind = kinds[(kinds.index(kind) + 1) % len(kinds)]
        last = kind
        color = palette[k % len(palette)] if rng.random() < 0.7 else palette[rng.randrange(len(palette))]
        size = spacing * rng.uniform(0.5, 0.66)
        rot = rng.uniform(0, 360)

        def draw(
            p: Node, px: float, py: float, kind: str = kind, color: RGB = color, size: float = size, rot: float = rot
        ) -> None:
            sw = {"stroke": color, "stroke_width": stroke, "stroke_linecap": "round", "stroke_linejoin": "round"}
            if kind == "disc":
                p.circle(px, py, size * 0.5, color)
            elif kind == "ring":
                p.circle(px, py, size * 0.45, None, **sw)
            elif kind == "triangle":
                p.polygon(regular_polygon(px, py, size * 0.62, 3, rot), color)
            elif kind == "tri-outline":
                p.path(polygon_d(regular_polygon(px, py, size * 0.6, 3, rot)), None, **sw)
            elif kind == "wiggle":
                p.path(_wiggle_d(px, py, size * 1.6, size * 0.16, 2, rot), None, **sw)
            elif kind == "zigzag":
                a = math.radians(rot)
                zs = []
                for i in range(6):
                    tx = -size * 0.8 + i * size * 0.32
                    ty = size * 0.16 * (1 if i % 2 else -1)
                    zs.append((px + tx * math.cos(a) - ty * math.sin(a), py + tx * math.sin(a) + ty * math.cos(a)))
                p.path("M" + "L".join(f"{num(a_)} {num(b_)}" for a_, b_ in zs), None, **sw)
            elif kind == "half":
                r = size * 0.55
                a = math.radians(rot)
                x0, y0 = px + r * math.cos(a), py + r * math.sin(a)
                x1, y1 = px - r * math.cos(a), py - r * math.sin(a)
                p.path(f"M{num(x0)} {num(y0)}A{num(r)} {num(r)} 0 0 1 {num(x1)} {num(y1)}Z", color)
            elif kind == "plus":
                p.path(
                    plus_d(px, py, size * 0.42, size * 0.11),
                    color,
                    transform=f"rotate({num(rot % 90)} {num(px)} {num(py)})",
                )
            elif kind == "dots":
                g = size * 0.3
                for i in range(3):
                    for j in range(3):
                        p.circle(px + (i - 1) * g, py + (j - 1) * g, size * 0.065, color)
            elif kind == "pill":
                p.path(
                    rect_d(px - size * 0.7, py - size * 0.17, size * 1.4, size * 0.34, size * 0.17),
                    color,
                    transform=f"rotate({num(rot)} {num(px)} {num(py)})",
                )
            elif kind == "square":
                p.path(
                    rect_d(px - size * 0.36, py - size * 0.36, size * 0.72, size * 0.72),
                    None,
                    **sw,
                    transform=f"rotate({num(rot)} {num(px)} {num(py)})",
                )

        tile.place(x, y, size * 0.95, draw)


def truchet(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Smith tiles: two quarter arcs per cell, each cell flipped by the seed; the lines meander seamlessly."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols = even(w / (ctx.short * rng.uniform(0.085, 0.12)))
    rows = even(h / (w / cols))
    cw, ch = w / cols, h / rows
    stroke = round(min(cw, ch) * rng.uniform(0.16, 0.26), 2)
    two_tone = len(colors) > 1 and rng.random() < 0.5
    paths: dict[int, list[str]] = {0: [], 1: []}
    for i in range(cols):
        for j in range(rows):
            x, y = i * cw, j * ch
            rx, ry = cw / 2, ch / 2
            if rng.random() < 0.5:
                a = (
                    f"M{num(x + rx)} {num(y)}A{num(rx)} {num(ry)} 0 0 1 {num(x)} {num(y + ry)}"
                    f"M{num(x + cw)} {num(y + ry)}A{num(rx)} {num(ry)} 0 0 0 {num(x + rx)} {num(y + ch)}"
                )
            else:
                a = (
                    f"M{num(x + rx)} {num(y)}A{num(rx)} {num(ry)} 0 0 0 {num(x + cw)} {num(y + ry)}"
                    f"M{num(x)} {num(y + ry)}A{num(rx)} {num(ry)} 0 0 1 {num(x + rx)} {num(y + ch)}"
                )
            paths[(i + j) % 2 if two_tone else 0].append(a)
    for key, ds in paths.items():
        if ds:
            art.path("".join(ds), None, stroke=colors[key % len(colors)], stroke_width=stroke, stroke_linecap="butt")
    if rng.random() < 0.6 and len(colors) > 1:
        dot = colors[-1] if colors[-1] != colors[0] else colors[1]
        for i in range(cols):
            for j in range(rows):
                if (i + j) % 2 == 0:
                    art.circle(i * cw, j * ch, stroke * 0.5, dot)
                    if i == 0:
                        art.circle(w, j * ch, stroke * 0.5, dot)
                    if j == 0:
                        art.circle(i * cw, h, stroke * 0.5, dot)
                    if i == 0 and j == 0:
                        art.circle(w, h, stroke * 0.5, dot)


def bauhaus(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """A grid of square tiles, each a quarter circle, half disc, disc, triangle or ring in two colours.

    The grid is offset by half a tile so the edge tiles wrap: the canvas repeats without a visible seam.
    """
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols = even(w / (ctx.short * rng.uniform(0.14, 0.2)))
    rows = even(h / (w / cols))
    cw, ch = w / cols, h / rows
    fills = [ground, *colors[:3]]
    kinds = ["quarter", "half", "disc", "triangle", "quarter", "ring", "blank"]
    tile = Tile(ctx, art)
    for i in range(cols):
        for j in range(rows):
            bg = fills[rng.randrange(len(fills))]
            fg_opts = [c for c in fills if c != bg]
            fg = fg_opts[rng.randrange(len(fg_opts))]
            kind = kinds[rng.randrange(len(kinds))]
            corner = rng.randrange(4)

            def draw(
                node: Node, px: float, py: float, bg: RGB = bg, fg: RGB = fg, kind: str = kind, corner: int = corner
            ) -> None:
                x, y = px - cw / 2, py - ch / 2
                if bg != ground:
                    node.rect(x - 0.25, y - 0.25, cw + 0.5, ch + 0.5, bg)
                cx = x + (cw if corner in (1, 2) else 0)
                cy = y + (ch if corner in (2, 3) else 0)
                if kind == "quarter":
                    sx = -1 if corner in (1, 2) else 1
                    sy = -1 if corner in (2, 3) else 1
                    sweep = 1 if sx * sy > 0 else 0
                    node.path(
                        f"M{num(cx)} {num(cy)}L{num(cx + sx * cw)} {num(cy)}"
                        f"A{num(cw)} {num(ch)} 0 0 {sweep} {num(cx)} {num(cy + sy * ch)}Z",
                        fg,
                    )
                elif kind == "half":
                    rx, ry = num(cw / 2), num(ch / 2)
                    if corner == 0:
                        d = f"M{num(x)} {num(y + ch)}A{rx} {ry} 0 0 1 {num(x + cw)} {num(y + ch)}Z"
                    elif corner == 2:
                        d = f"M{num(x)} {num(y)}A{rx} {ry} 0 0 0 {num(x + cw)} {num(y)}Z"
                    elif corner == 1:
                        d = f"M{num(x)} {num(y)}A{rx} {ry} 0 0 1 {num(x)} {num(y + ch)}Z"
                    else:
                        d = f"M{num(x + cw)} {num(y)}A{rx} {ry} 0 0 0 {num(x + cw)} {num(y + ch)}Z"
                    node.path(d, fg)
                elif kind == "disc":
                    node.circle(x + cw / 2, y + ch / 2, min(cw, ch) * 0.36, fg)
                elif kind == "ring":
                    node.path(ring_d(x + cw / 2, y + ch / 2, min(cw, ch) * 0.4, min(cw, ch) * 0.22), fg)
                elif kind == "triangle":
                    pts = [(x, y), (x + cw, y), (x + cw, y + ch), (x, y + ch)]
                    node.polygon([pts[corner], pts[(corner + 1) % 4], pts[(corner + 3) % 4]], fg)

            tile.place(i * cw + cw / 2 + cw / 2, j * ch + ch / 2 + ch / 2, max(cw, ch) * 0.75, draw)
