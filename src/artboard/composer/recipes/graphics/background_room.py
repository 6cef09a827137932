"""A room as a background ("home office background", "a cozy reading nook with rain on the window at night"):
a softly lit wall and a wooden floor, a bookshelf, a plant and a floor lamp, a print on the wall or a window."""

from __future__ import annotations

import math

from artboard.colors import RGB, from_oklch
from artboard.composer.canvas import Node, num, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    base,
    blob_points,
    lighter,
    linear,
    radial,
    smooth_closed_d,
)
from artboard.composer.recipes.graphics.common import readable


def room(ctx: Ctx, node: Node, t: Tones) -> str:
    """A room for video calls: a softly lit wall, a wooden floor, a bookshelf on one side, a big plant and a floor
    lamp on the other, a print on the wall; the middle stays clear for the person in front of it."""
    from artboard.composer.recipes.graphics.scenery import leaf_d

    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    wall = t.ground
    floor_y = h * 0.84
    if t.flat:
        base(ctx, node, t)
    else:
        base(ctx, node, t, linear(ctx, [(0, lighter(t, wall, 0.02)), (1, lighter(t, wall, -0.06))], 90))
        glow = lighter(t, wall, 0.06)
        node.rect(0, 0, w, h, radial(ctx, w * 0.5, h * 0.3, short * 0.9, [(0, glow, 0.7), (1, glow, 0)]))
    wood = from_oklch(0.5, 0.07, 58) if not t.flat else readable(wall, list(t.colors))
    dark_wood = lighter(t, wood, -0.1)
    node.rect(0, floor_y, w, h - floor_y, lighter(t, wood, 0.08))
    node.path(
        "".join(f"M0 {num(floor_y + (h - floor_y) * f)}H{num(w)}" for f in (0.3, 0.62)),
        None,
        stroke=wood,
        stroke_width=round(max(1.0, short * 0.002), 2),
    )
    node.rect(0, floor_y - short * 0.016, w, short * 0.016, lighter(t, wall, -0.1))
    drawn = ctx.info.setdefault("drawn", [])
    left = rng.random() < 0.5
    # The bookshelf: a wooden case, four shelves of books in the colours, a few leaning or lying down.
    shelf_w = w * (0.24 if w > h else 0.34)
    sx = w * 0.04 if left else w * 0.96 - shelf_w
    top = h * 0.1
    node.rect(sx, top, shelf_w, floor_y - top, wood)
    pad = short * 0.014
    node.rect(sx + pad, top + pad, shelf_w - 2 * pad, floor_y - top - pad, dark_wood)
    books = list(t.colors) + (
        [lighter(t, c, -0.14) for c in t.colors[:3]] + [from_oklch(0.9, 0.03, 85)] if not t.flat else []
    )
    rows, row_h = 4, (floor_y - top) / 4
    for r in range(rows):
        board = top + row_h * (r + 1)
        node.rect(sx, board - pad, shelf_w, pad, wood)
        x, end = sx + pad * 1.5, sx + shelf_w - pad * 1.5
        while x < end - short * 0.03:
            if rng.random() < 0.1:  # a short stack lying down
                bw = min(end - x, short * rng.uniform(0.06, 0.09))
                for k in range(rng.randint(2, 3)):
                    node.rect(
                        x,
                        board - pad - short * 0.016 * (k + 1),
                        bw - k * short * 0.006,
                        short * 0.015,
                        books[rng.randrange(len(books))],
                        rx=short * 0.002,
                    )
                x += bw + short * 0.01
                continue
            bw = short * rng.uniform(0.012, 0.024)
            bh = (row_h - pad * 2.2) * rng.uniform(0.6, 0.92)
            lean = rng.random() < 0.08
            node.rect(
                x,
                board - pad - bh,
                bw,
                bh,
                books[rng.randrange(len(books))],
                rx=short * 0.002,
                transform=f"rotate({num(-12)} {num(x + bw)} {num(board - pad)})" if lean else None,
            )
            x += bw + short * (0.012 if lean else 0.002)
    drawn.append({"concept": "bookshelf", "icon": "books-on-shelves"})
    windowed = bool(ctx.brief.words & {"window", "windows", "rain", "rainy", "raining"})
    if windowed:  # (behind the lamp and the plant, in the print's place)
        _window(ctx, node, t, (sx + shelf_w + w * 0.05) if left else (sx - w * 0.05 - short * 0.32), dark_wood)
    # The plant: a pot and a fan of big leaves in two greens.
    px = w * 0.86 if left else w * 0.14
    pot_w, pot_h = short * 0.12, short * 0.13
    greens = [from_oklch(0.5, 0.1, 150), from_oklch(0.62, 0.12, 140)] if not t.flat else [t.colors[0], t.line]
    for k in range(9):
        angle = -90 + (k - 4) * rng.uniform(13, 18)
        length = short * rng.uniform(0.16, 0.26)
        stem_y = floor_y - pot_h
        a = math.radians(angle)
        tip = (px + math.cos(a) * length * 0.45, stem_y + math.sin(a) * length * 0.45)
        node.path(
            f"M{num(px)} {num(stem_y)}L{num(tip[0])} {num(tip[1])}",
            None,
            stroke=greens[0],
            stroke_width=round(short * 0.004, 2),
        )
        node.path(leaf_d(tip[0], tip[1], length * 0.7, angle + rng.uniform(-10, 10), 0.34), greens[k % 2])
    node.path(
        polygon_d(
            [
                (px - pot_w / 2, floor_y - pot_h),
                (px + pot_w / 2, floor_y - pot_h),
                (px + pot_w * 0.38, floor_y),
                (px - pot_w * 0.38, floor_y),
            ]
        ),
        t.colors[0] if not t.flat else t.line,
    )
    drawn.append({"concept": "plant", "icon": "potted-leaves"})
    # A floor lamp beside the plant, its light pooled on the wall.
    lx = px + (-1 if left else 1) * short * 0.2
    shade_y = h * 0.36
    if not t.flat:
        light = from_oklch(0.97, 0.05, 85)
        node.rect(0, 0, w, h, radial(ctx, lx, shade_y, short * 0.35, [(0, light, 0.55), (1, light, 0)]))
    node.rect(lx - short * 0.003, shade_y, short * 0.006, floor_y - shade_y, dark_wood)
    node.path(
        polygon_d(
            [
                (lx - short * 0.035, shade_y - short * 0.06),
                (lx + short * 0.035, shade_y - short * 0.06),
                (lx + short * 0.055, shade_y + short * 0.01),
                (lx - short * 0.055, shade_y + short * 0.01),
            ]
        ),
        t.colors[1 % len(t.colors)] if t.flat else from_oklch(0.9, 0.04, 80),
    )
    node.add(
        "ellipse",
        cx=round(lx, 2),
        cy=round(floor_y, 2),
        rx=round(short * 0.04, 2),
        ry=round(short * 0.008, 2),
        fill=dark_wood,
    )
    drawn.append({"concept": "lamp", "icon": "floor-lamp"})
    if windowed:
        return "room"
    # A framed print high on the wall between the shelf and the middle.
    fw, fh = short * 0.17, short * 0.22
    fx = (sx + shelf_w + w * 0.06) if left else (sx - w * 0.06 - fw)
    fy = h * 0.14
    node.rect(fx, fy, fw, fh, dark_wood)
    inner = (fx + fw * 0.09, fy + fw * 0.09, fw * 0.82, fh - fw * 0.18)
    node.rect(*inner, from_oklch(0.96, 0.01, 90) if not t.flat else wall)
    node.path(
        smooth_closed_d(blob_points(rng, inner[0] + inner[2] * 0.45, inner[1] + inner[3] * 0.55, inner[2] * 0.3, 0.3)),
        t.colors[0],
    )
    node.circle(inner[0] + inner[2] * 0.7, inner[1] + inner[3] * 0.28, inner[2] * 0.12, t.colors[1 % len(t.colors)])
    return "room"


def _window(ctx: Ctx, node: Node, t: Tones, fx: float, wood: RGB) -> None:
    """A window on the room's wall: the sky outside (night when said), rain streaking down it when said."""
    rng, h, short = ctx.rng, float(ctx.height), ctx.short
    fw, fh, fy = short * 0.32, short * 0.42, h * 0.12
    words = ctx.brief.words
    night = bool(words & {"night", "evening", "midnight", "dark"})
    node.rect(fx, fy, fw, fh, wood)
    pad = fw * 0.07
    gx, gy, gw, gh = fx + pad, fy + pad, fw - 2 * pad, fh - 2 * pad
    top, low = (
        (from_oklch(0.22, 0.06, 265), from_oklch(0.34, 0.07, 255))
        if night
        else (t.colors[0], lighter(t, t.colors[0], 0.1))
    )
    if t.flat:
        node.rect(gx, gy, gw, gh, top)
    else:
        node.rect(gx, gy, gw, gh, linear(ctx, [(0, top), (1, low)], 90))
    if night:
        node.circle(gx + gw * 0.72, gy + gh * 0.2, gw * 0.09, from_oklch(0.93, 0.04, 95))
    if words & {"rain", "rainy", "raining", "storm", "stormy"}:
        streak = from_oklch(0.85, 0.03, 230) if not t.flat else t.line
        d = "".join(
            f"M{num(x)} {num(y)}l{num(-gw * 0.03)} {num(gh * 0.09)}"
            for x, y in ((gx + gw * rng.uniform(0.05, 1.0), gy + gh * rng.uniform(0, 0.88)) for _ in range(38))
        )
        node.path(d, None, stroke=streak, stroke_width=round(max(1.0, short * 0.0025), 2), stroke_opacity=0.7,
                  stroke_linecap="round")  # fmt: skip
        ctx.info.setdefault("drawn", []).append({"concept": "rain", "icon": "scene:rain"})
    node.rect(gx + gw / 2 - pad * 0.3, gy, pad * 0.6, gh, wood)  # the sash bars
    node.rect(gx, gy + gh / 2 - pad * 0.3, gw, pad * 0.6, wood)
    node.rect(fx - pad * 0.6, fy + fh, fw + pad * 1.2, pad * 0.9, lighter(t, wood, 0.08))  # the sill
    ctx.info.setdefault("drawn", []).append({"concept": "window", "icon": "scene:window"})
