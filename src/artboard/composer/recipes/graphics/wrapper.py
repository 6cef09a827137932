"""A candy bar in its wrapper that carries the prompt's text: tilted, with a ray burst, sparkles and, for
pixel prompts, a pixel-art dragon; a running figure when the prompt has a person.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, from_oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import best_icon, ellipse, has_word, readable, tone
from artboard.composer.recipes.graphics.scenery import sparkle_d

_DRAGON = (
    "..............X.X...",
    ".............XXXX...",
    "......W......XOXXXX.",
    ".....WW.....XXXXXXXX",
    "....WWW....XXXX.....",
    "...WWWW...XXXX......",
    "..WWWWWW.XXXX.......",
    "..WWWWWWXXXXX.......",
    "....XXXXXXXXXX......",
    "X...XXXXXXXXXXX.....",
    ".X.XXXXXXXXXXXX.....",
    "..XXX.XX...XX.......",
    "......XX...XX.......",
    ".....XXX..XXX.......",
)


def _pixel_sprite(
    node: Node,
    rows: Sequence[str],
    x: float,
    y: float,
    px: float,
    color: RGB,
    eye: RGB,
    wing: RGB | None = None,
    flip: bool = False,
) -> None:
    """Pixel art from rows of characters: X body, W wing, O eye, anything else empty."""
    body, dots, wings = [], [], []
    width = max(len(r) for r in rows)
    for j, row in enumerate(rows):
        for i, ch in enumerate(row):
            ii = width - 1 - i if flip else i
            cell = rect_d(x + ii * px, y + j * px, px + 0.3, px + 0.3)
            if ch == "X":
                body.append(cell)
            elif ch == "W":
                wings.append(cell)
            elif ch == "O":
                dots.append(cell)
    if wings:
        node.path("".join(wings), wing or color)
    if body:
        node.path("".join(body), color)
    if dots:
        node.path("".join(dots), eye)


def wrapper_scene(ctx: Ctx, art: Node) -> str:
    """A candy bar in its wrapper, tilted, with motion lines: the 'thrilling search' as a hero shot."""
    s, rng = ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    name = ctx.brief.headline or ""
    wrapper = s.primary
    if not s.constrained and "purple" not in ctx.brief.color_names and not ctx.brief.colors:
        wrapper = from_oklch(0.45, 0.17, 305)
    wrap_dark = tone(ctx, wrapper, -0.1, fallback=s.secondary)
    wrap_light = tone(ctx, wrapper, 0.12, 0.8, fallback=s.accent)
    pop = s.accent if contrast_ratio(s.accent, wrapper) > 2.2 else readable(wrapper, [s.on_primary, s.ground, s.ink])
    letter = readable(
        wrapper, [from_oklch(0.97, 0.02, 95) if not s.constrained else s.ground, s.on_primary, s.ground, s.ink]
    )
    cx, cy = w / 2, h * 0.5
    # Burst behind: radial rays in two tones.
    rays = []
    count = 18
    big = math.hypot(w, h)
    for k in range(count):
        a0 = 2 * math.pi * k / count + rng.uniform(-0.03, 0.03)
        a1 = a0 + math.pi / count
        rays.append(
            polygon_d(
                [
                    (cx, cy),
                    (cx + big * math.cos(a0), cy + big * math.sin(a0)),
                    (cx + big * math.cos(a1), cy + big * math.sin(a1)),
                ]
            )
        )
    if s.background is not None:
        ray_color = tone(ctx, s.ground, -0.05, fallback=s.surface)
        art.path(shapes.intersect(shapes.union(rays), rect_d(0, 0, w, h)), ray_color)
    # Sparkles and speed lines.
    for k in range(rng.randint(5, 8)):
        a = rng.uniform(0, 2 * math.pi)
        r = min(w, h) * rng.uniform(0.36, 0.46)
        x, y = cx + r * math.cos(a) * (w / min(w, h)) * 0.9, cy + r * math.sin(a)
        if not (ctx.margin < x < w - ctx.margin and ctx.margin < y < h - ctx.margin):
            continue
        if abs(y - cy) < min(w, h) * 0.3 and abs(x - cx) < w * 0.45:
            continue
        k2 = min(w, h) * rng.uniform(0.018, 0.032)
        art.path(sparkle_d(x, y, k2, 0.25), s.accent if k % 2 else pop)
    # The bar: a pillow pack with crimped ends, tilted.
    bw = min(w - 2 * ctx.margin - w * 0.04, h * 1.2)
    bh = bw * 0.36
    tilt = rng.uniform(-14, -7)
    bar = art.group("candy", transform=f"rotate({num(tilt)} {num(cx)} {num(cy)})")
    crimp = bw * 0.07
    x0, x1 = cx - bw / 2, cx + bw / 2
    y0, y1 = cy - bh / 2, cy + bh / 2
    for side in (-1, 1):
        ex = x0 if side < 0 else x1
        teeth = 8
        pts = [(ex, y0 + bh * 0.06)]
        for t in range(teeth + 1):
            ty = y0 + bh * 0.06 + (bh * 0.88) * t / teeth
            pts.append((ex + side * crimp * (1.0 if t % 2 == 0 else 0.75), ty))
        pts.append((ex, y1 - bh * 0.06))
        bar.polygon(pts, wrap_dark)
        for t in range(1, 4):
            lx = ex + side * crimp * t / 4
            bar.rect(lx - 0.75, y0 + bh * 0.08, 1.5, bh * 0.84, wrapper)
    body = (
        f"M{num(x0)} {num(y0 + bh * 0.06)}Q{num(cx)} {num(y0 - bh * 0.06)} {num(x1)} {num(y0 + bh * 0.06)}"
        f"L{num(x1)} {num(y1 - bh * 0.06)}Q{num(cx)} {num(y1 + bh * 0.06)} {num(x0)} {num(y1 - bh * 0.06)}Z"
    )
    bar.path(body, wrapper)
    bar.path(rect_d(x0 + bw * 0.02, y0 + bh * 0.1, bw * 0.96, bh * 0.08, bh * 0.04), wrap_light)
    bar.path(rect_d(x0, y1 - bh * 0.2, bw, bh * 0.07), wrap_dark)
    # Pixel dragon on the left of the wrapper, the name to its right.
    pixelated = has_word(ctx, "pixel", "pixelated", "pixels", "8-bit", "retro", "arcade", "dragon")
    text_x0 = x0 + bw * 0.08
    if pixelated:
        px = bh * 0.66 / len(_DRAGON)
        sx = x0 + bw * 0.07
        sy = cy - len(_DRAGON) * px / 2
        wing = tone(ctx, pop, 0.14, 0.8, fallback=wrap_light)
        _pixel_sprite(bar, _DRAGON, sx, sy, px, pop, wrapper, wing=wing)
        text_x0 = sx + len(_DRAGON[0]) * px + bw * 0.04
    if name:
        ctx.text(
            bar,
            name,
            (text_x0, y0 + bh * 0.24, x1 - bw * 0.07, y1 - bh * 0.26),
            letter,
            uppercase=not ctx.brief.has("elegant"),
            tracking=20,
            max_lines=2,
            line_height=0.98,
            name="brand",
        )
    # The searcher: a running figure (or a reaching hand) small beside the bar.
    figure = (
        best_icon(ctx, "person running", solid=True, min_score=0.4)
        if has_word(ctx, "woman", "man", "girl", "boy", "person", "kid", "child", "hero")
        else None
    )
    if figure is not None:
        fs = min(w, h) * 0.19
        fx = cx - bw * 0.3
        fy = min(h - ctx.margin - fs * 0.55, cy + bh * 0.75 + fs * 0.75)
        ellipse(art, fx, fy + fs * 0.48, fs * 0.3, fs * 0.05, tone(ctx, s.ground, -0.12, fallback=s.surface))
        ctx.draw_icon(art, figure, fx, fy, fs, s.ink, name="searcher")
        for k in range(3):
            ly = fy - fs * 0.2 + k * fs * 0.2
            art.path(rect_d(fx - fs * (0.95 + 0.1 * k), ly, fs * (0.35 - 0.06 * k), fs * 0.04, fs * 0.02), s.accent)
    return "wrapper-hero" + ("-pixel" if pixelated else "")
