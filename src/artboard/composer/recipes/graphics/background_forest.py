"""A forest background: rows of pines on rolling ground, each row paler with distance, mist lying between them.

"phone wallpaper of a misty pine forest at dawn", "forest background, muted greens": a designer draws the
forest itself — layered silhouettes in atmospheric perspective under the sky's light — not a gradient with a
few tree glyphs at its edge.
"""

from __future__ import annotations

import math

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import Tones, base, lighter, linear, radial, smooth_stops
from artboard.composer.recipes.graphics.common import lerp_lch

FOREST_WORDS = r"forests?|woods|woodland|pines?|pine trees?|evergreens?|firs?|spruces?|taiga|conifers?"


def _pine_d(x: float, ground: float, height: float) -> str:
    """A tall narrow pine of five tiers, a little ragged, standing on y = ground."""
    w = height * 0.34
    tiers = []
    for k in range(5):
        top = ground - height + k * height * 0.17
        bottom = top + height * 0.3
        half = w * (0.18 + 0.16 * k)
        tiers.append(polygon_d([(x, top), (x + half, bottom), (x + half * 0.35, bottom - height * 0.03),
                                (x - half * 0.35, bottom - height * 0.03), (x - half, bottom)]))  # fmt: skip
    tiers.append(rect_d(x - w * 0.04, ground - height * 0.12, w * 0.08, height * 0.14))
    return shapes.union(tiers)


def forest(ctx: Ctx, node: Node, t: Tones) -> str:
    """Sky, a low sun or moon, then four rows of pines from far (pale, small) to near (dark, tall), mist between."""
    rng, w, h = ctx.rng, float(ctx.width), float(ctx.height)
    sky = list(t.colors)
    base(ctx, node, t, linear(ctx, smooth_stops(sky), 90))
    night = bool(ctx.brief.words & {"night", "midnight", "moonlit", "starry", "moon"})
    misty = bool(ctx.brief.words & {"misty", "mist", "fog", "foggy", "haze", "hazy", "dawn", "morning"})
    horizon = h * (0.52 if h > w else 0.45)
    reach = min(h, w * 1.1)  # how tall the nearest trees may stand
    sx, sr = w * rng.choice([0.3, 0.5, 0.7]), min(w, h) * rng.uniform(0.07, 0.1)
    sy = horizon - (h - horizon) * 0.45
    palest = max(sky, key=lambda c: oklch(c)[0])
    light = from_oklch(min(0.97, oklch(palest)[0] + 0.2), 0.05, oklch(palest)[2])  # the sun pale in its sky
    glow = radial(ctx, sx, sy, sr * 2.8, [(0, light, 0.45), (1, light, 0.0)])
    node.circle(sx, sy, sr * 2.8, glow)
    node.circle(sx, sy, sr * (0.7 if night else 1.0), light)
    deep = lighter(t, sky[0], -0.22 if misty else -0.32)
    far = lerp_lch(palest, deep, 0.15 if misty else 0.3)
    rows = 4
    for k in range(rows):
        depth = k / (rows - 1)
        tone = lerp_lch(far, deep, depth**1.3)
        ground = horizon + (h - horizon) * (0.1 + 0.3 * k)
        tall = reach * (0.14 + 0.2 * depth)
        step = tall * rng.uniform(0.24, 0.3)
        trees = []
        x = -step * rng.random()
        phase = rng.uniform(0, math.tau)
        while x < w + step:
            lift = math.sin(x / w * math.tau * 0.8 + phase) * tall * 0.12
            trees.append(_pine_d(x, ground + lift, tall * rng.uniform(0.7, 1.15)))
            x += step * rng.uniform(0.6, 1.2)
        band = rect_d(-2, ground, w + 4, h - ground + 2)
        node.path(shapes.union([*trees, band]), tone)
        if misty and k < rows - 1:
            node.rect(-2, ground - tall * 0.45, w + 4, tall * 0.6, _veil(ctx, palest, oklch(tone)[2]))
    ctx.info.setdefault("drawn", []).append({"concept": "pine forest", "icon": "pines"})
    return "night" if night else "day"


def _veil(ctx: Ctx, light: RGB, hue: float) -> str:
    """A band of mist: pale, clear at its top and bottom, thickest low in it (a gradient over its own box)."""
    mist = from_oklch(min(0.97, oklch(light)[0] + 0.08), 0.015, hue)
    gid = ctx.canvas.new_id("mist")
    grad = ctx.canvas.definitions().add("linearGradient", id=gid, x1="0", y1="0", x2="0", y2="1")
    for offset, opacity in ((0.0, 0.0), (0.65, 0.42), (1.0, 0.0)):
        grad.add("stop", offset=str(offset), stop_color=mist, stop_opacity=str(opacity))
    return f"url(#{gid})"
