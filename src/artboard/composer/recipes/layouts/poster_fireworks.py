"""The fireworks poster ("harbour fireworks festival poster", "New Year's Eve fireworks flyer"): a night sky with
bursts of fireworks in festive colours — rays of sparks, a glow behind each, a trail rising to the lowest — over a
skyline or a harbour's water that mirrors them when the prompt names one, the headline large in the dark above or
below, the details under it."""

from __future__ import annotations

import math
import re

from artboard.colors import RGB, contrast_ratio, from_oklch
from artboard.composer.canvas import Node, num, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import radial
from artboard.composer.recipes.graphics.common import lerp_lch
from artboard.composer.recipes.layouts.common import set_details, use_family
from artboard.composer.recipes.layouts.copy_text import Copy

_WANTED = re.compile(r"\b(?:fireworks?|pyrotechnics?|sparklers?)\b", re.I)
_WATER = re.compile(r"\b(?:harbou?r|bay|river|lake|waterfront|marina|sea|ocean|beach|pier|quay|water)\b", re.I)
_CITY = re.compile(r"\b(?:city|skyline|downtown|town|harbou?r|waterfront|marina|quay)\b", re.I)
_FESTIVE: tuple[RGB, ...] = ((255, 196, 64), (255, 92, 122), (96, 220, 255), (186, 120, 255), (120, 240, 150))


def wanted(ctx: Ctx) -> bool:
    return bool(_WANTED.search(ctx.brief.prompt)) and not ctx.scheme.constrained


def _colours(ctx: Ctx) -> list[RGB]:
    named = [c for c in ctx.brief.design_colors if contrast_ratio(c, (12, 16, 40)) >= 3]
    return list(dict.fromkeys([*named, *_FESTIVE]))[:5]


def _burst(ctx: Ctx, node: Node, cx: float, cy: float, r: float, colour: RGB) -> None:
    """One burst: a soft glow, rays of sparks out from the centre, a dot at each ray's end."""
    rng, short = ctx.rng, ctx.short
    node.circle(cx, cy, r * 1.3, radial(ctx, cx, cy, r * 1.3, [(0, colour, 0.35), (1, colour, 0.0)]))
    rays = rng.randint(16, 24)
    width = round(max(1.2, short * 0.004), 2)
    spin = rng.uniform(0, math.tau)
    tips = []
    d = ""
    for k in range(rays):
        a = spin + math.tau * k / rays
        inner, outer = r * rng.uniform(0.18, 0.3), r * rng.uniform(0.8, 1.0)
        d += f"M{num(cx + inner * math.cos(a))} {num(cy + inner * math.sin(a))}"
        d += f"L{num(cx + outer * math.cos(a))} {num(cy + outer * math.sin(a))}"
        tips.append((cx + outer * 1.08 * math.cos(a), cy + outer * 1.08 * math.sin(a)))
    node.path(d, None, stroke=colour, stroke_width=width, stroke_linecap="round")
    light = lerp_lch(colour, (255, 255, 255), 0.5)
    for x, y in tips:
        node.circle(x, y, short * 0.005, light)
    node.circle(cx, cy, short * 0.008, light)


def _skyline(ctx: Ctx, node: Node, base: float, colour: RGB) -> None:
    rng, w = ctx.rng, float(ctx.width)
    x = -2.0
    pts: list[tuple[float, float]] = [(x, base)]
    while x < w + 2:
        bw = ctx.short * rng.uniform(0.04, 0.1)
        top = base - ctx.short * rng.uniform(0.04, 0.2)
        pts += [(x, top), (x + bw, top)]
        x += bw
    pts += [(w + 2, base)]
    node.path(polygon_d(pts), colour)
    ctx.info.setdefault("drawn", []).append({"concept": "skyline", "icon": "scene:skyline"})


def fireworks_poster(ctx: Ctx, copy: Copy) -> str:
    rng = ctx.rng
    W, H, short, m = float(ctx.width), float(ctx.height), ctx.short, ctx.margin
    use_family(ctx, ("bebas-neue", "anton", "unbounded", "montserrat"))
    art = ctx.canvas.group("poster")
    top_sky, low_sky = ctx.brief.background_color or from_oklch(0.16, 0.06, 275), from_oklch(0.3, 0.09, 300)
    steps = 16
    for k in range(steps):
        art.rect(0, H * k / steps, W, H / steps + 1, lerp_lch(top_sky, low_sky, k / (steps - 1)))
    water = bool(_WATER.search(ctx.brief.prompt))
    city = bool(_CITY.search(ctx.brief.prompt))
    # Over water the headline takes the sky above the bursts; over land it may stand on the dark ground below.
    text_at_top = water or copy.headline is None or rng.random() < 0.5
    horizon = H * (0.72 if water else 0.84 if text_at_top else 0.62)
    sky_top = H * 0.36 if text_at_top and copy.headline is not None else m
    sky_bottom = horizon * 0.9
    colours = _colours(ctx)
    bursts = art.group("fireworks")
    count = 4 if W * H > 0 else 0
    spots: list[tuple[float, float, float]] = []
    for k in range(count):
        r = short * rng.uniform(0.12, 0.2) * (1.2 if k == 0 else 1.0)
        x = min(W - r * 1.1, max(r * 1.1, W * ((k + rng.uniform(0.25, 0.75)) / count)))
        y = rng.uniform(sky_top + r, max(sky_top + r, sky_bottom - r))
        spots.append((x, y, r))
        _burst(ctx, bursts, x, y, r, colours[k % len(colours)])
    low = max(spots, key=lambda s: s[1]) if spots else None
    if low is not None:  # the trail of the one still rising
        x, y, r = low
        bursts.path(
            f"M{num(x)} {num(y + r * 1.2)}L{num(x + r * 0.05)} {num(horizon)}",
            None,
            stroke=colours[0],
            stroke_width=round(short * 0.003, 2),
            stroke_dasharray=f"{num(short * 0.01)} {num(short * 0.008)}",
            stroke_opacity=0.8,
        )
    ctx.info.setdefault("drawn", []).append({"concept": "fireworks", "icon": "scene:fireworks"})
    land = from_oklch(0.12, 0.04, 275)
    if city:
        _skyline(ctx, art, horizon + 1, land)
    if water:
        sea = art.group("water")
        sea.rect(0, horizon, W, H - horizon, from_oklch(0.2, 0.06, 265))
        for i, (x, _y, r) in enumerate(spots):  # the bursts mirrored as streaks of light on the water
            for k in range(5):
                yy = horizon + (H - horizon) * (0.12 + 0.16 * k)
                ww = r * (0.9 - 0.12 * k) * rng.uniform(0.7, 1.1)
                streak = colours[i % len(colours)]
                sea.rect(x - ww / 2, yy, ww, short * 0.006, streak, opacity=round(0.55 - 0.08 * k, 2))
        ctx.info["drawn"].append({"concept": "water", "icon": "scene:water"})
    elif not city:
        art.rect(0, horizon, W, H - horizon, land)
    if copy.headline is None:
        return "poster-fireworks"
    ink = (250, 246, 236)
    front = art.group("type")
    box = (m, m, W - m, H * 0.27) if text_at_top else (m, horizon + m * 0.6, W - m, H - m - short * 0.12)
    block = ctx.text(front, copy.headline, box, ink, align="center", valign="top",
                     max_lines=3, weight=700, max_size=short * 0.16, name="headline")  # fmt: skip
    if copy.lines:
        y = block.bbox[3] + short * 0.03
        limit = H - m if not text_at_top else H * 0.36
        set_details(ctx, front, copy.lines, m, y, W - m, colours[0], align="center", size=short * 0.032, limit=limit)
    return "poster-fireworks"
