"""Blossom branches against the sky ("cherry blossoms against a pale blue sky", "sakura wallpaper", "spring
blossom background"): dark branches reaching in from the edges, forking into twigs, clusters of five-petalled
flowers along them, and petals drifting down through the open middle."""

from __future__ import annotations

import math
import re

from artboard.colors import RGB, from_oklch
from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import Tones, base, linear
from artboard.composer.recipes.graphics.common import lerp_lch

BLOSSOM_RE = re.compile(r"\b(?:cherry|plum|apple|almond|peach)?\s*blossoms?\b|\bsakura\b", re.I)
_SKY_TOP, _SKY_LOW = from_oklch(0.86, 0.05, 235), from_oklch(0.96, 0.02, 220)
_BARK = from_oklch(0.33, 0.03, 30)
_PINK, _PALE = from_oklch(0.82, 0.08, 355), from_oklch(0.93, 0.04, 350)


def blossom(ctx: Ctx, node: Node, t: Tones) -> str:
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    named = list(ctx.brief.colors)
    petal = _PINK if not t.flat else t.colors[0]
    if named and not t.flat:
        petal = next((c for c in named if c != ctx.brief.background_color), petal)
    sky = ctx.brief.background_color
    if t.flat:
        base(ctx, node, t)
    elif sky is not None:
        base(ctx, node, t, linear(ctx, [(0, sky), (1, lerp_lch(sky, (255, 255, 255), 0.4))], 90))
    else:
        base(ctx, node, t, linear(ctx, [(0, _SKY_TOP), (1, _SKY_LOW)], 90))
    bark = _BARK if not t.flat else t.line
    layer = node.group("blossom")
    starts = [
        (-0.02, rng.uniform(0.05, 0.25), rng.uniform(-20, 15)),
        (1.02, rng.uniform(0.55, 0.8), rng.uniform(165, 200)),
    ]
    if h > w * 1.3:
        starts.append((1.02, rng.uniform(0.08, 0.2), rng.uniform(160, 190)))
    tips: list[tuple[float, float]] = []
    for sx, sy, angle in starts:
        _branch(ctx, layer, sx * w, sy * h, angle, short * rng.uniform(0.5, 0.65), short * 0.028, bark, tips, 0)
    for x, y in tips:
        for _ in range(rng.randint(2, 4)):
            fx, fy = x + short * rng.uniform(-0.05, 0.05), y + short * rng.uniform(-0.05, 0.05)
            _flower(layer, fx, fy, short * rng.uniform(0.022, 0.034), petal, rng.uniform(0, 72), rng.random() < 0.3)
    for _ in range(int(18 * max(w, h) / short)):  # petals drifting down
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = short * rng.uniform(0.006, 0.011)
        turn = f"rotate({num(rng.uniform(0, 180))} {num(x)} {num(y)})"
        layer.add("ellipse", cx=num(x), cy=num(y), rx=num(r), ry=num(r * 0.6), fill=lerp_lch(petal, _PALE, 0.4),
                  fill_opacity=0.85, transform=turn)  # fmt: skip
    ctx.info.setdefault("drawn", []).append({"concept": "blossom", "icon": "scene:blossom"})
    return "blossom"


def _branch(
    ctx: Ctx,
    node: Node,
    x: float,
    y: float,
    angle: float,
    length: float,
    width: float,
    bark: RGB,
    tips: list[tuple[float, float]],
    depth: int,
) -> None:
    """A tapering, slightly bending limb; it forks twice more, and its twigs' ends carry the flowers."""
    rng = ctx.rng
    bend = rng.uniform(-18, 18)
    a1, a2 = math.radians(angle), math.radians(angle + bend)
    mx, my = x + math.cos(a1) * length * 0.5, y + math.sin(a1) * length * 0.5
    ex, ey = mx + math.cos(a2) * length * 0.5, my + math.sin(a2) * length * 0.5
    node.path(
        f"M{num(x)} {num(y)}Q{num(mx)} {num(my)} {num(ex)} {num(ey)}",
        None,
        stroke=bark,
        stroke_width=num(width),
        stroke_linecap="round",
    )
    tips.append((ex, ey))
    tips.append((mx, my))
    if depth >= 2:
        return
    for turn in (rng.uniform(25, 45), -rng.uniform(25, 45)):
        along = rng.uniform(0.45, 0.8)
        bx = x + (ex - x) * along
        by = y + (ey - y) * along
        _branch(ctx, node, bx, by, angle + bend * along + turn, length * 0.55, width * 0.55, bark, tips, depth + 1)


def _flower(node: Node, x: float, y: float, r: float, colour: RGB, spin: float, bud: bool) -> None:
    """Five rounded petals around a pale centre; a bud is a single closed petal."""
    if bud:
        node.circle(x, y, r * 0.5, colour)
        return
    for k in range(5):
        a = math.radians(spin + 72 * k)
        node.circle(x + math.cos(a) * r * 0.55, y + math.sin(a) * r * 0.55, r * 0.5, colour)
    node.circle(x, y, r * 0.28, lerp_lch(colour, (255, 244, 214), 0.7))
