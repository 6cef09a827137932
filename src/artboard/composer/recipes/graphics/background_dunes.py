"""Sand dunes under a low sun: layered crests, each lit on its windward slope and shaded on its steep lee side,
paling with distance into the sky's colour (a desert, "sand dunes at sunset")."""

from __future__ import annotations

import math

from artboard.colors import RGB, from_oklch
from artboard.composer.canvas import Node, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    bands,
    base,
    lighter,
    linear,
    radial,
    smooth_stops,
)
from artboard.composer.recipes.graphics.common import lerp_lch

_SAND_LIT = from_oklch(0.8, 0.1, 72)
_SAND_DEEP = from_oklch(0.52, 0.12, 48)
_LAYERS = 4
_TIMES = frozenset("sunset sunrise dusk dawn twilight night golden evening morning pastel neon".split())


def dunes(ctx: Ctx, node: Node, t: Tones) -> str:
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    sky = list(t.colors)
    if not t.flat and not ctx.brief.colors and not ctx.brief.words & _TIMES:
        sky = [from_oklch(0.78, 0.07, 235), from_oklch(0.9, 0.045, 215), from_oklch(0.95, 0.04, 85)]  # a clear day
    if t.flat:
        bands(ctx, node, sky, 90, len(sky))
    else:
        base(ctx, node, t, linear(ctx, smooth_stops(sky), 90))
    horizon = h * (0.6 if h > w else 0.56)
    sun = lighter(t, sky[-1], 0.16, 0.7)
    sx, sr = w * rng.choice([0.3, 0.62, 0.72]), short * rng.uniform(0.08, 0.12)
    sy = horizon - h * rng.uniform(0.05, 0.12)
    if not t.flat:
        node.circle(sx, sy, sr * 2.6, radial(ctx, sx, sy, sr * 2.6, [(0, sun, 0.55), (1, sun, 0.0)]))
    node.circle(sx, sy, sr, sun)
    haze = sky[-1]
    for k in range(_LAYERS):
        near = k / (_LAYERS - 1)
        lit, shade = _tones(t, haze, near)
        top = horizon + (h - horizon) * (0.04 + 0.24 * k)
        amp = h * (0.05 + 0.035 * k)
        crests = _crests(ctx, w, rng.randint(1, 2) if k == _LAYERS - 1 else rng.randint(2, 3))
        ridge = [(x, _ridge_y(x, top, amp, crests)) for x in _xs(w, 72)]
        node.path(polygon_d([(-w * 0.05, h + 2), *ridge, (w * 1.05, h + 2)]), lit)
        for cx, width, height in crests:
            node.path(_lee_shadow(ridge, cx, width, top, amp * height, h), shade)
    ctx.info.setdefault("drawn", []).append({"concept": "dunes", "icon": "dunes"})
    return "dunes"


def _tones(t: Tones, haze: RGB, near: float) -> tuple[RGB, RGB]:
    """The lit and the shaded sand of a layer `near` (0 far, 1 near): far layers take the sky's haze."""
    if t.flat:
        lit = lighter(t, t.colors[-1], -0.1 - 0.15 * near)
        return lit, lighter(t, lit, -0.18)
    lit = lerp_lch(lerp_lch(haze, _SAND_LIT, 0.55), _SAND_LIT, near)
    shade = lerp_lch(lerp_lch(haze, _SAND_DEEP, 0.5), _SAND_DEEP, near)
    return lit, shade


def _crests(ctx: Ctx, w: float, count: int) -> list[tuple[float, float, float]]:
    """(x, half-width, relative height) of each crest, spread across the width."""
    span = w * 1.1 / count
    return [
        (
            -w * 0.05 + span * (i + ctx.rng.uniform(0.35, 0.75)),
            span * ctx.rng.uniform(0.45, 0.7),
            ctx.rng.uniform(0.7, 1),
        )
        for i in range(count)
    ]


def _xs(w: float, n: int) -> list[float]:
    return [-w * 0.05 + w * 1.1 * i / n for i in range(n + 1)]


def _ridge_y(x: float, top: float, amp: float, crests: list[tuple[float, float, float]]) -> float:
    """A long gentle windward slope up to each crest, a short steep lee slope after it (the wind blows right)."""
    rise = 0.0
    for cx, width, height in crests:
        spread = width if x < cx else width * 0.42
        rise = max(rise, height * math.exp(-(((x - cx) / spread) ** 2)))
    return top - amp * rise


def _lee_shadow(ridge: list[tuple[float, float]], cx: float, width: float, top: float, amp: float, h: float) -> str:
    """The shaded lee face: down the ridge from the crest to its foot, then back up a curve bowed below it."""
    along = [p for p in ridge if cx <= p[0] <= cx + width * 0.85]
    if len(along) < 2:
        return ""
    (x0, y0), (x1, y1) = along[0], along[-1]
    mx, my = x0 + (x1 - x0) * 0.1, max(y0, y1) + amp * 0.9
    back = [
        ((1 - s) ** 2 * x1 + 2 * (1 - s) * s * mx + s * s * x0, (1 - s) ** 2 * y1 + 2 * (1 - s) * s * my + s * s * y0)
        for s in (0.15, 0.3, 0.45, 0.6, 0.75, 0.9)
    ]
    return polygon_d([*along, *back])
