"""Ornaments of badges: stars, dots and diamonds (single, in a row or along an arc), beaded and dashed rings,
sunburst rays, and the seeded wear (specks, nicks, scratches) of a distressed print."""

from __future__ import annotations

import math

from artboard.composer.canvas import circle_d, polygon_d, regular_polygon, star_points
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.geometry import _capsule, _polar, _sector_band


def _star_d(cx: float, cy: float, r: float, rotation: float = -90, spikes: int = 5) -> str:
    return polygon_d(star_points(cx, cy, r, r * (0.42 if spikes == 5 else 0.5), spikes, rotation))


def _diamond_d(cx: float, cy: float, r: float) -> str:
    return polygon_d(regular_polygon(cx, cy, r, 4, rotation_deg=-90))


def _ornament_d(kind: str, cx: float, cy: float, r: float, rotation: float = -90) -> str:
    if kind == "dot":
        return circle_d(cx, cy, r * 0.55)
    if kind == "diamond":
        return _diamond_d(cx, cy, r * 0.85)
    return _star_d(cx, cy, r, rotation)


def _ornament_row(kind: str, cx: float, cy: float, S: float, step: float, middle: float, side: float) -> str:
    """Three ornaments in a row centred on (cx, cy), `step`·S apart; radius `middle`·S in the middle, else `side`·S."""
    return "".join(_ornament_d(kind, cx + dx * S * step, cy, S * (middle if dx == 0 else side)) for dx in (-1, 0, 1))


def _ornament_arc(
    cx: float,
    cy: float,
    radius: float,
    center: float,
    sweep: float,
    count: int,
    r: float,
    kind: str,
    big_middle: bool = True,
) -> str:
    parts = []
    for i in range(count):
        t = i / (count - 1) if count > 1 else 0.5
        ang = center - sweep / 2 + sweep * t
        x, y = _polar(cx, cy, radius, ang)
        scale = 1.35 if big_middle and count % 2 == 1 and i == count // 2 else 1.0
        parts.append(_ornament_d(kind, x, y, r * scale, rotation=ang + 90 if kind == "star" else -90))
    return "".join(parts)


def _ornament_ring(cx: float, cy: float, r: float, count: int, kind: str, size: float, *, alternate: bool) -> str:
    """`count` ornaments all round a circle (every other one a dot with `alternate`), turned to face outwards."""
    parts = []
    for i in range(count):
        ang = -90 + 360 * i / count
        x, y = _polar(cx, cy, r, ang)
        parts.append(_ornament_d(kind if not (alternate and i % 2) else "dot", x, y, size, rotation=ang + 90))
    return "".join(parts)


def _dot_ring(cx: float, cy: float, r: float, dot: float, count: int) -> str:
    parts = []
    for i in range(count):
        x, y = _polar(cx, cy, r, -90 + 360 * i / count)
        parts.append(circle_d(x, y, dot))
    return "".join(parts)


def _dash_ring(cx: float, cy: float, r: float, width: float, count: int, duty: float = 0.55) -> str:
    parts = []
    step = 360 / count
    for i in range(count):
        a0 = -90 + step * i
        parts.append(_sector_band(cx, cy, r + width / 2, r - width / 2, a0, a0 + step * duty, steps=4))
    return "".join(parts)


def _rays(cx: float, cy: float, r0: float, r1: float, count: int, width_deg: float, phase: float = 0.0) -> str:
    parts = []
    for i in range(count):
        a = phase + 360 * i / count
        p0 = _polar(cx, cy, r0, a)
        p1 = _polar(cx, cy, r1, a - width_deg / 2)
        p2 = _polar(cx, cy, r1, a + width_deg / 2)
        parts.append(polygon_d([p0, p1, p2]))
    return "".join(parts)


def _distress_mask(ctx: Ctx, cx: float, cy: float, radius: float) -> tuple[str, str]:
    """Seeded specks, and edge nicks with a few scratches: subtle wear, cut out of the inks."""
    rng, S = ctx.rng, ctx.short
    specks: list[str] = []
    for _ in range(70):
        a, r = rng.uniform(0, 360), radius * math.sqrt(rng.random())
        x, y = _polar(cx, cy, r, a)
        specks.append(circle_d(x, y, S * rng.uniform(0.0015, 0.0045)))
    parts: list[str] = []
    for _ in range(16):
        a = rng.uniform(0, 360)
        x, y = _polar(cx, cy, radius * rng.uniform(0.93, 1.02), a)
        parts.append(
            polygon_d(regular_polygon(x, y, S * rng.uniform(0.004, 0.011), rng.choice([3, 4, 5]), rng.uniform(0, 360)))
        )
    for _ in range(5):
        a, r = rng.uniform(0, 360), radius * rng.uniform(0.2, 0.9)
        x, y = _polar(cx, cy, r, a)
        ang = rng.uniform(0, 180)
        half = S * rng.uniform(0.02, 0.05)
        p0, p1 = _polar(x, y, half, ang), _polar(x, y, -half, ang)
        parts.append(_capsule(p0, p1, S * rng.uniform(0.0015, 0.003)))
    return "".join(specks), "".join(parts)
