"""A pond seen from above ("koi pond wallpaper", "lily pads on still water"): deep water with soft light in it,
ripple rings, lily pads (some in flower) drifting at the edges, and koi swimming between them."""

from __future__ import annotations

import contextlib
import itertools
import math
import re

from artboard.colors import from_oklch
from artboard.composer import icons
from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import Tones, base, lighter, linear, radial
from artboard.composer.recipes.graphics.tiling import scatter
from artboard.errors import NotFound

# A pond seen from above is asked by what floats or swims in it; "a lake at dusk" or "mountains and a pond" is a
# view across water (background_water).
POND_RE = re.compile(
    r"\b(?:koi|lily ?pads?|water lil(?:y|ies)|goldfish|pond (?:from above|seen from above)|top[- ]down pond)\b"
)
_DEEP, _SHALLOW = from_oklch(0.36, 0.07, 205), from_oklch(0.55, 0.08, 190)


def pond(ctx: Ctx, node: Node, t: Tones) -> str:
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    deep, shallow = (t.colors[0], t.colors[-1]) if t.flat or ctx.brief.colors else (_DEEP, _SHALLOW)
    base(ctx, node, t, linear(ctx, [(0, shallow), (1, deep)], rng.choice([60, 90, 120])))
    light = lighter(t, shallow, 0.2, 0.8)
    for _ in range(3 if not t.flat else 0):  # light through the water, in soft pools
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.3, 0.55)
        node.circle(x, y, r, radial(ctx, x, y, r, [(0, light, 0.35), (1, light, 0.0)]))
    ring = lighter(t, shallow, 0.25, 0.6)
    for x, y in itertools.islice(scatter(ctx, w, h, short * 0.28, limit=60), 5):
        for k in range(3):
            r = short * (0.03 + 0.035 * k)
            node.circle(x, y, r, None, stroke=ring, stroke_width=round(short * 0.003, 2), stroke_opacity=0.5 - 0.14 * k)
    pad, koi, lotus = _picture("abc:lily-pad"), _picture("abc:koi"), _picture("fef:lotus")
    drawn = ctx.info.setdefault("drawn", [])
    layer = node.group("pond")
    pads = _edge_spots(ctx, 9 if h > w else 8)
    if pad is not None:
        for i, (x, y) in enumerate(pads):
            size = short * rng.uniform(0.16, 0.3)
            turn = layer.group("lily-pad", transform=f"rotate({num(rng.uniform(0, 360))} {num(x)} {num(y)})")
            ctx.draw_icon(turn, pad, x, y, size, (0, 0, 0), name="lily-pad")
            if lotus is not None and i % 3 == 1:
                ctx.draw_icon(layer, lotus, x + size * 0.12, y - size * 0.1, size * 0.55, (0, 0, 0), name="lotus")
        drawn.append({"concept": "lily pad", "icon": pad.key})
    if koi is not None:
        count = 3 if short < max(w, h) * 0.7 else rng.randint(2, 3)
        for k in range(count):
            along = (k + rng.uniform(0.25, 0.75)) / count  # spread along the long side, the middle kept open
            across = 0.3 + 0.4 * rng.random()
            x, y = (w * (0.15 + 0.7 * along), h * across) if w > h else (w * across, h * (0.2 + 0.6 * along))
            heading = rng.uniform(-60, 60) + (180 if k % 2 else 0)
            size = short * rng.uniform(0.2, 0.28)
            turn = layer.group("koi", transform=f"rotate({num(heading)} {num(x)} {num(y)})")
            # its shadow on the pond floor, a little apart from it
            turn.add(
                "ellipse",
                cx=num(x + short * 0.014),
                cy=num(y + short * 0.02),
                rx=num(size * 0.17),
                ry=num(size * 0.4),
                fill="#0b2a30",
                fill_opacity=0.22,
            )
            ctx.draw_icon(turn, koi, x, y, size, (0, 0, 0), name="koi")
        drawn.append({"concept": "koi", "icon": koi.key})
    return "pond"


def _picture(key: str) -> icons.Icon | None:
    with contextlib.suppress(NotFound):
        return icons.get_icon(key)
    return None


def _edge_spots(ctx: Ctx, count: int) -> list[tuple[float, float]]:
    """Spots along the edges and corners, where pads gather and leave the middle open for the fish."""
    rng, w, h = ctx.rng, float(ctx.width), float(ctx.height)
    out = []
    for k in range(count):
        a = 2 * math.pi * (k + rng.uniform(-0.25, 0.25)) / count
        rx, ry = w * rng.uniform(0.42, 0.56), h * rng.uniform(0.4, 0.52)
        out.append((w / 2 + rx * math.cos(a), h / 2 + ry * math.sin(a)))
    return out
