"""Soft background grounds: smooth gradients, blurred meshes, organic blobs, the aurora, bokeh lights and a
watercolour wash (kit in background_styles.py)."""

from __future__ import annotations

import math
import random

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer.canvas import Node, num, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    bands,
    base,
    blob_points,
    blur,
    dot_d,
    glow,
    grain,
    lighter,
    linear,
    radial,
    sample_x,
    smooth_closed_d,
    smooth_stops,
    soft_ellipse,
    starfield,
    wave_fn,
    wave_y,
)


def gradient(ctx: Ctx, node: Node, t: Tones) -> str:
    """A smooth linear or radial ramp through the colours in order (stepped bands with a user palette)."""
    rng, w, h = ctx.rng, float(ctx.width), float(ctx.height)
    angle = rng.choice([90.0, 110.0, 125.0, 135.0, 60.0, 45.0]) + rng.uniform(-6, 6)
    if t.flat:
        bands(ctx, node, list(t.colors), angle)
        return "stepped"
    kind = rng.choice(["linear", "linear", "radial"])
    first_lighter = oklch(t.colors[0])[0] > oklch(t.colors[-1])[0]
    if kind == "linear":
        base(ctx, node, t, linear(ctx, smooth_stops(t.colors), angle))
        a = math.radians(angle)
        side = -1.0 if first_lighter else 1.0
        cx, cy = w / 2 + side * math.cos(a) * w * 0.45, h / 2 + side * math.sin(a) * h * 0.45
    else:
        corner = rng.choice([(0.0, 0.0), (w, 0.0), (0.0, h), (w * 0.2, h * 1.05)])
        stops = [(off, c, 1.0) for off, c in smooth_stops(t.colors)]
        base(ctx, node, t, radial(ctx, corner[0], corner[1], math.hypot(w, h) * 1.02, stops))
        cx, cy = corner if first_lighter else (w - corner[0], h - corner[1])
    # A soft light bloom at the ramp's light end gives it depth, as in a photographed gradient; the dark end
    # keeps its colour.
    light = lighter(t, max(t.colors, key=lambda c: oklch(c)[0]), 0.06, 0.8)
    node.rect(0, 0, w, h, radial(ctx, cx, cy, ctx.short * 0.8, [(0, light, 0.25 * t.strength), (1, light, 0)]))
    return kind


def mesh(ctx: Ctx, node: Node, t: Tones) -> str:
    """A mesh-like gradient: large soft blobs of each colour melted together by a wide blur."""
    if t.flat:
        return blobs(ctx, node, t)
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    cols = list(t.colors)
    base(ctx, node, t, linear(ctx, smooth_stops([cols[0], cols[-1]]), rng.uniform(30, 150)))
    soft = node.group("mesh")
    spots = [(0.1, 0.1), (0.9, 0.15), (0.15, 0.9), (0.88, 0.88), (0.5, 0.45), (0.55, 1.0), (0.45, 0.0)]
    rng.shuffle(spots)
    for k, (fx, fy) in enumerate(spots[: rng.randint(4, 5)]):
        color = cols[(k + 1) % len(cols)]
        x, y = w * (fx + rng.uniform(-0.08, 0.08)), h * (fy + rng.uniform(-0.08, 0.08))
        r = short * rng.uniform(0.55, 0.8)
        soft_ellipse(ctx, soft, x, y, r, r * rng.uniform(0.6, 0.9), color, rng.uniform(0.8, 1.0), rng.uniform(0, 180))
    return "blurred"


def blobs(ctx: Ctx, node: Node, t: Tones) -> str:
    """Organic blobs: a few big flat shapes anchored off the corners, a smaller one, a line echo and dots."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cols = list(t.colors)
    corners = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)]
    if rng.random() < 0.5:
        corners = [corners[2], corners[3], corners[0], corners[1]]
    for k, (fx, fy) in enumerate(corners[: rng.choice([2, 3])]):
        r = short * rng.uniform(0.32, 0.46) * (1.0 if k < 2 else 0.7)
        x = w * fx + (0.25 - 0.5 * fx) * r * rng.uniform(0.3, 0.9)
        y = h * fy + (0.25 - 0.5 * fy) * r * rng.uniform(0.3, 0.9)
        pts = blob_points(rng, x, y, r, 0.26)
        color = cols[k % len(cols)]
        node.path(smooth_closed_d(pts), color)
        if k == 0:  # an outline echo of the first blob, offset: a designer's second beat
            echo = [(px + r * 0.12, py + r * 0.1) for px, py in pts]
            node.path(smooth_closed_d(echo), None, stroke=cols[-1], stroke_width=round(short * 0.004, 2))
    # A small floating blob and a patch of dots, off the calm area.
    for _ in range(6):
        x, y = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.85)
        if not t.quiet(x, y, short * 0.1):
            break
    node.path(smooth_closed_d(blob_points(rng, x, y, short * rng.uniform(0.05, 0.08), 0.3)), cols[1 % len(cols)])
    gx, gy = w * rng.choice([0.72, 0.2]), h * rng.choice([0.22, 0.74])
    dots = "".join(
        dot_d(gx + i * short * 0.028, gy + j * short * 0.028, short * 0.0045) for i in range(5) for j in range(4)
    )
    node.path(dots, cols[-1] if len(cols) > 2 else t.line)
    return "organic"


def curtain(
    xs: list[float],
    x0: float,
    w: float,
    hem: float,
    params: tuple[float, float, float, float],
    tall: float,
    swell: tuple[float, float],
) -> tuple[list[tuple[float, float]], list[float], str]:
    """One curtain of the northern lights over [x0, x0 + w]: its wavy hem, how tall it rises at each x, and the
    outline of both as path data."""
    low = [(x, hem + wave_y(params, x - x0)) for x in xs]
    heights = [tall * (0.55 + 0.45 * math.sin((x - x0) / w * swell[1] + swell[0])) for x in xs]
    top = [(x, y - hh) for (x, y), hh in zip(reversed(low), reversed(heights), strict=True)]
    return low, heights, polygon_d(low + top)


def curtain_fade(ctx: Ctx, prefix: str, colour: RGB, y_low: float, y_top: float, peak: float) -> str:
    """The curtain's light, strongest just above its hem and gone at its top: a vertical gradient's url()."""
    fade = ctx.canvas.new_id(prefix)
    grad = ctx.canvas.definitions().add(
        "linearGradient", id=fade, gradientUnits="userSpaceOnUse", x1=0, y1=round(y_low, 2), x2=0, y2=round(y_top, 2)
    )
    for offset, alpha in ((0, 0.0), (0.12, peak), (0.45, 0.45), (1, 0.0)):
        grad.add("stop", offset=offset, stop_color=colour, stop_opacity=alpha if alpha else "0")
    return f"url(#{fade})"


def curtain_rays(rng: random.Random, low: list[tuple[float, float]], heights: list[float], share: float) -> str:
    """Fine vertical streaks up from the hem, at about `share` of its points."""
    return "".join(
        f"M{num(x)} {num(y)}V{num(y - hh * rng.uniform(0.4, 1.0))}"
        for (x, y), hh in zip(low, heights, strict=True)
        if rng.random() < share
    )


def aurora(ctx: Ctx, node: Node, t: Tones) -> str:
    """Northern lights: curtains of light rising from wavy hems, streaked with rays and fading upwards, over a
    night sky with stars and a dark ridge."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    sky_top, sky_low = t.ground, lighter(t, t.ground, 0.1)
    if t.flat:
        bands(ctx, node, [sky_top, sky_low], 90, 2)
    else:
        base(ctx, node, t, linear(ctx, [(0, sky_top), (1, sky_low)], 90))
    starfield(ctx, node, t, (0, 0, w, h * 0.8), int(200 * w * h / 1024**2))
    curtains = node.group("aurora", filter=blur(ctx, short * 0.012)) if not t.flat else node.group("aurora")
    xs = sample_x(w, w / 60)
    for k, color in enumerate(t.colors[:3]):
        hem = h * rng.uniform(0.5, 0.62) - k * h * 0.08
        params = wave_fn(rng, w, h * 0.07, rng.uniform(0.7, 1.4))
        tall = h * rng.uniform(0.3, 0.45) * (1 - 0.15 * k)
        swell = (rng.uniform(0, 6.3), rng.uniform(2, 5))
        low, heights, outline = curtain(xs, 0.0, w, hem, params, tall, swell)
        if t.flat:
            curtains.path(outline, color)
            continue
        fade = curtain_fade(ctx, "bfade", color, hem + h * 0.07, hem - tall * 1.1, 0.95)
        curtains.path(outline, fade)
        # Rays: fine vertical streaks up from the hem, brighter near it.
        bright = lighter(t, color, 0.12, 0.8)
        rays = curtain_rays(rng, low, heights, 0.8)
        curtains.path(rays, None, stroke=fade, stroke_width=round(short * 0.006, 2))
        curtains.path(rays, None, stroke=bright, stroke_width=round(short * 0.0025, 2), stroke_opacity=0.25)
    if ctx.brief.words & _PEAKS:
        _aurora_peaks(ctx, node, t)
        return "aurora"
    ridge = [
        (x, h * 0.88 + wave_y(wave_fn(random.Random(ctx.rng.random()), w, h * 0.035, 2), x))
        for x in sample_x(w, w / 30)
    ]
    node.path(polygon_d([(-2.0, h + 2), *ridge, (w + 2, h + 2)]), lighter(t, t.ground, -0.06))
    return "night"


def bokeh(ctx: Ctx, node: Node, t: Tones) -> str:
    """Out-of-focus lights: soft translucent discs in three depths, screened over a deep ground."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    cols = [lighter(t, c, 0.08 if not t.dark else 0.12) for c in t.colors] if not t.flat else list(t.colors)
    if t.flat:
        base(ctx, node, t)
    else:
        base(
            ctx,
            node,
            t,
            radial(
                ctx,
                w * 0.5,
                h * 0.55,
                math.hypot(w, h) * 0.6,
                [(0, lighter(t, t.ground, 0.07), 1.0), (1, t.ground, 1.0)],
            ),
        )
    # The lights gather along a loose diagonal, like a string of lights out of focus.
    slope = rng.uniform(-0.5, 0.5)
    layers = [(10, 0.09, 0.17, 0.2, True), (18, 0.035, 0.075, 0.3, False), (40, 0.008, 0.022, 0.6, False)]
    for count, lo, hi, alpha, soft in layers:
        group = node.group("bokeh")
        if not t.flat:
            group.attrs["style"] = "mix-blend-mode:screen"
        for _ in range(int(count * max(w, h) / short)):
            x = rng.uniform(-0.05, 1.05) * w
            y = h * (0.5 + slope * (x / w - 0.5)) + rng.gauss(0, h * 0.22)
            if t.quiet(x, y) and rng.random() < 0.75:
                continue
            r = short * rng.uniform(lo, hi)
            color = cols[rng.randrange(len(cols))]
            if t.flat:
                group.circle(x, y, r, color)
                continue
            a = min(0.95, alpha * rng.uniform(0.6, 1.3) * t.strength)
            if soft:  # far lights: discs with a soft rim
                group.circle(x, y, r, glow(ctx, color, [(0, a * 0.8), (0.78, a), (1, 0)]))
                continue
            group.circle(
                x,
                y,
                r,
                color,
                fill_opacity=round(a, 2),
                stroke=lighter(t, color, 0.08),
                stroke_width=round(r * 0.06, 2),
                stroke_opacity=round(min(1.0, a * 1.3), 2),
            )
    return "lights"


def watercolour(ctx: Ctx, node: Node, t: Tones) -> str:
    """A watercolour wash: translucent organic blooms layered a few times, darker at their edges, on paper."""
    if t.flat:
        return blobs(ctx, node, t)
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    wash = node.group("wash")
    spots = [(0.15, 0.2), (0.85, 0.25), (0.25, 0.85), (0.8, 0.8), (0.5, 0.5)]
    rng.shuffle(spots)
    for k, (fx, fy) in enumerate(spots[: rng.randint(3, 5)]):
        color = t.colors[k % len(t.colors)]
        cx, cy = w * fx, h * fy
        if t.quiet(cx, cy):
            cx, cy = w * (0.5 + (fx - 0.5) * 1.6), h * (0.5 + (fy - 0.5) * 1.6)
        r = short * rng.uniform(0.28, 0.42)
        for layer in range(5):
            pts = blob_points(
                rng,
                cx + rng.uniform(-1, 1) * r * 0.12,
                cy + rng.uniform(-1, 1) * r * 0.12,
                r * (1 - layer * 0.12),
                0.32,
                11,
            )
            wash.path(
                smooth_closed_d(pts),
                color,
                fill_opacity=round(0.13 * t.strength, 3),
                stroke=lighter(t, color, -0.08),
                stroke_width=round(short * 0.0035, 2),
                stroke_opacity=round(0.16 * t.strength, 3),
            )
    grain(ctx, node, t, 0.05)
    return "wash"


_PEAKS = frozenset("mountain mountains peaks peak alps range summit summits ridge ridges fjord".split())


def _aurora_peaks(ctx: Ctx, node: Node, t: Tones) -> None:
    """ "snowy mountains with a frozen lake under the northern lights": the peaks against the glow (pale where
    snow is said), the nearer range dark, and the lake the prompt names mirroring the sky below them."""
    from artboard.composer.recipes.graphics import background_water
    from artboard.composer.recipes.graphics.scenery import ridge_points

    w, h = float(ctx.width), float(ctx.height)
    snowy = bool(ctx.brief.words & {"snow", "snowy", "snowcapped", "snow-capped", "winter", "frozen", "icy"})
    lake = background_water.wanted(ctx) or bool(ctx.brief.words & {"lake", "frozen"})
    shore = h * (0.8 if lake else 1.0)
    far = from_oklch(0.74, 0.035, 250) if snowy and not t.flat else lighter(t, t.ground, 0.1)
    near = lighter(t, t.ground, 0.04)
    for k, tone in enumerate((far, near)):
        height = h * (0.4 if k == 0 else 0.16)
        pts = ridge_points(ctx, -w * 0.02, w * 1.02, shore, height, ctx.rng.randint(3, 4) + k, sharp=k == 0)
        node.path(polygon_d([(-w * 0.02, h + 2), *pts, (w * 1.02, h + 2)]), tone)
    if lake:
        # The water mirrors the lights: the first curtain's colour, deepened, over the night.
        glow = lighter(t, t.colors[0], -0.28) if t.colors else lighter(t, t.ground, 0.12)
        ice = bool(ctx.brief.words & {"frozen", "icy", "ice"})
        top = from_oklch(0.6, 0.04, 225) if ice and not t.flat else glow
        background_water.water(ctx, node, t, [t.ground, top], shore, None, shore=True)
    ctx.info.setdefault("drawn", []).append({"concept": "mountains", "icon": "ridge"})
