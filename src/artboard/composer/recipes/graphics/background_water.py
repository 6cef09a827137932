"""Still water under a sky ("a starry night over a calm lake", "mountains reflected in a lake at dusk"): the far
shore as a low dark line, the water a darker, mirrored ramp of the sky, long thin ripples, and the moon's or sun's
light broken into a column of glints. Used by the night-sky and mountain backgrounds when the prompt names water."""

from __future__ import annotations

import re

from artboard.colors import RGB, oklch
from artboard.composer.canvas import Node, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import Tones, lighter, linear, smooth_open_d
from artboard.composer.recipes.graphics.common import lerp_lch

WATER_WORDS = frozenset(
    "lake lakes lakeside pond river riverside reflection reflections reflected reflecting mirrored bay lagoon "
    "loch fjord harbor harbour shore shoreline".split()
)
_OPEN_WATER = frozenset("sea ocean seaside bay harbor harbour lagoon".split())


def wanted(ctx: Ctx) -> bool:
    """Whether the prompt puts water under its sky."""
    return bool(ctx.brief.words & WATER_WORDS) or bool(
        re.search(r"\b(?:over|on|across|above) (?:the |a |an )?(?:calm |still |quiet )?(?:sea|ocean|water)\b",
                  ctx.brief.prompt.lower())
    )  # fmt: skip


def water(
    ctx: Ctx, node: Node, t: Tones, sky: list[RGB], horizon: float, glow: tuple[float, float] | None, shore: bool
) -> None:
    """Water from `horizon` to the bottom. `sky` top to bottom; `glow` is the light's (x, radius) to reflect."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    group = node.group("water")
    deep = lighter(t, sky[0], -0.08)
    near = lighter(t, sky[-1], -0.1)
    if t.flat:
        bands_group = group.group("water-bands", transform=f"translate(0 {horizon:.1f})")
        _flat_band(ctx, bands_group, [near, deep], h - horizon)
    else:
        gid = linear(ctx, [(0.0, near), (1.0, deep)], 90)
        group.path(rect_d(0, horizon, w, h - horizon), gid)
    ripple = lighter(t, sky[-1], 0.12, 0.8)
    lines = []
    rows = 14
    for k in range(rows):
        depth = (k + 1) / rows
        y = horizon + (h - horizon) * depth**1.6
        x = rng.uniform(-0.1, 0.9) * w
        length = w * rng.uniform(0.15, 0.45) * (0.4 + depth)
        lines.append(rect_d(x, y, length, max(1.0, short * 0.002 * (0.5 + depth))))
    group.path("".join(lines), ripple, fill_opacity=0.35 if not t.flat else None)
    if glow is not None:
        gx, radius = glow
        light = t.line if oklch(t.line)[0] > 0.6 else lighter(t, sky[-1], 0.3)
        glints = []
        n = 12
        for k in range(n):
            y = horizon + (h - horizon) * (k + 0.5) / n * 0.85
            half = radius * (1.2 - 0.6 * k / n) * rng.uniform(0.6, 1.1)
            glints.append(rect_d(gx - half + rng.uniform(-1, 1) * radius * 0.2, y, half * 2, short * 0.004))
        group.path("".join(glints), light, fill_opacity=0.7 if not t.flat else None)
        ctx.info.setdefault("drawn", []).append({"concept": "reflection", "icon": "glints"})
    if shore and not (ctx.brief.words & _OPEN_WATER):
        land = lerp_lch(deep, (0, 0, 0), 0.35) if not t.flat else min(sky, key=lambda c: oklch(c)[0])
        pts = [(-2.0, horizon + 1)]
        x = -2.0
        while x < w + 2:
            x += w * rng.uniform(0.05, 0.12)
            pts.append((x, horizon - short * rng.uniform(0.008, 0.035)))
        pts.append((w + 2, horizon + 1))
        group.path(smooth_open_d(pts) + "Z", land)
        group.path(polygon_d([(-2.0, horizon), (w + 2, horizon), (w + 2, horizon + short * 0.006),
                              (-2.0, horizon + short * 0.006)]), land, fill_opacity=0.6)  # fmt: skip
    ctx.info.setdefault("drawn", []).append({"concept": "lake", "icon": "water"})


def _flat_band(ctx: Ctx, node: Node, colors: list[RGB], height: float) -> None:
    """Flat palette bands filling `height` from the node's origin (a user palette paints no gradient)."""
    step = height / len(colors)
    for k, c in enumerate(colors):
        node.path(rect_d(0, step * k, float(ctx.width), step + 1), c)
