"""A network of nodes ("glowing network lines and nodes", "connected dots", a plexus): points spread over the
ground, each joined to its nearest neighbours by thin lines, the nodes glowing, the calm side (where text goes)
left sparse."""

from __future__ import annotations

import math

from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import Tones, base, lighter, radial
from artboard.composer.recipes.graphics.common import lerp_lch

NETWORK_PATTERN = r"network|networks|nodes|connected dots|plexus|neural|connections"


def network(ctx: Ctx, node: Node, t: Tones) -> str:
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    if t.flat:
        base(ctx, node, t)
    else:
        deep = lighter(t, t.ground, -0.06)
        base(ctx, node, t, radial(ctx, w * 0.7, h * 0.4, max(w, h) * 0.9, [(0, t.ground, 1.0), (1, deep, 1.0)]))
    count = int(46 * w * h / short**2 * 0.6)
    points: list[tuple[float, float]] = []
    tries = 0
    while len(points) < count and tries < count * 20:
        tries += 1
        x, y = rng.uniform(-0.02, 1.02) * w, rng.uniform(-0.02, 1.02) * h
        if t.quiet(x, y) and rng.random() < 0.85:
            continue  # the space asked for text stays nearly empty
        if all(math.hypot(x - px, y - py) > short * 0.07 for px, py in points):
            points.append((x, y))
    glow = t.line if not t.flat else t.colors[-1]
    line = lerp_lch(glow, t.ground, 0.35)
    width = round(max(1.0, short * 0.0016), 2)
    d = ""
    reach = short * 0.22
    for i, (x, y) in enumerate(points):
        near = sorted(
            (dist, j) for j, (px, py) in enumerate(points) if j > i and (dist := math.hypot(x - px, y - py)) < reach
        )
        for _dist, j in near[:3]:
            d += f"M{num(x)} {num(y)}L{num(points[j][0])} {num(points[j][1])}"
    layer = node.group("network")
    if d:
        layer.path(d, None, stroke=line, stroke_width=width, stroke_opacity=0.55)
    for x, y in points:
        r = short * rng.uniform(0.004, 0.009)
        if not t.flat and rng.random() < 0.35:
            layer.circle(x, y, r * 5, radial(ctx, x, y, r * 5, [(0, glow, 0.45), (1, glow, 0.0)]))
        layer.circle(x, y, r, glow)
    ctx.info.setdefault("drawn", []).append({"concept": "network", "icon": "scene:network"})
    return "network"
