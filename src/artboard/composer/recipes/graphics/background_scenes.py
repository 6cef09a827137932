"""Background scenes made of lines and layers: stacked waves and paper-cut layers, flowing lines, mountain
ridges, topographic contours, a night sky and a room for video calls (kit in background_styles.py)."""

from __future__ import annotations

import math

import numpy as np

from artboard.colors import from_oklch, oklch
from artboard.composer.canvas import Node, circle_d, num, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import background_water
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    bands,
    base,
    lighter,
    linear,
    radial,
    ramp_at,
    sample_x,
    smooth_open_d,
    smooth_stops,
    soft_ellipse,
    starfield,
    wave_fn,
    wave_y,
    whisper,
)
from artboard.composer.recipes.graphics.common import Point, lerp_lch


def waves(ctx: Ctx, node: Node, t: Tones, layered: bool = False) -> str:
    """Stacked smooth bands, each a wave across the canvas, stepping through the colours (paper-cut: shadows)."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    n = rng.randint(5, 7)
    if t.flat:  # palette colours in turn, so neighbouring bands always differ
        cols = [t.colors[k % len(t.colors)] for k in range(n + 1)]
    else:
        cols = [ramp_at(t, t.colors, k / (n - 1)) for k in range(n + 1)]
    base(ctx, node, t, cols[0])
    tilt = rng.uniform(-0.18, 0.18)
    freq = rng.uniform(0.8, 1.6)
    shade = lighter(t, t.colors[-1], -0.35) if layered and not t.flat else None
    xs = sample_x(w, w / 60)
    start = rng.uniform(0.08, 0.3)
    if t.calm is not None:  # keep the calm area plain: the waves rise beside it, or stay below it
        beside = t.calm[2] < w * 0.6
        start = 0.42 if beside else max(0.3, t.calm[3] / h - 0.15)
        tilt = -rng.uniform(0.2, 0.3) * h / w if beside else tilt
    for k in range(1, n + 1):
        y0 = h * (start + (1 - start) * (k - 0.6) / n)
        params = wave_fn(rng, w, h * rng.uniform(0.035, 0.06), freq + rng.uniform(-0.25, 0.25))
        pts = [(x, y0 + wave_y(params, x) + tilt * (x - w / 2)) for x in xs]
        d = polygon_d([(xs[0], h + 4), *pts, (xs[-1], h + 4)])
        if shade is not None:  # a paper layer's soft shadow on the one behind: offset copies, fading out
            for i in (3, 2, 1):
                node.path(d, shade, fill_opacity=0.09, transform=f"translate(0 {num(-short * 0.006 * i)})")
        node.path(d, cols[k])
    return "layered" if layered else "bands"


def flow_lines(ctx: Ctx, node: Node, t: Tones) -> str:
    """Many fine wavy lines flowing together, their phase drifting from line to line."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    named = [c for c in ctx.brief.colors if oklch(c)[1] > 0.05][:2]
    # "flowing lines in purple and blue": the named colours deepened into the ground, the lines their light
    # tints over it, as a designer sets a presentation background. Else fine lines on the ground.
    deep = len(named) == 2 and not t.flat and not t.clear
    if deep:
        base(
            ctx,
            node,
            t,
            linear(ctx, smooth_stops([from_oklch(0.3, oklch(c)[1] * 0.8, oklch(c)[2]) for c in named]), 20),
        )
    else:
        base(ctx, node, t)
    count = rng.randint(26, 40)
    freq = rng.uniform(1.0, 1.8) * 2 * math.pi / w
    amp = h * rng.uniform(0.05, 0.09)
    top = -h * 0.1
    # Neighbouring lines may differ by a fraction of their spacing only, so the field flows without crossing.
    drift = min(rng.uniform(0.04, 0.1), 0.3 * (h * 1.2 / count) / amp / 6)
    xs = sample_x(w, w / 80)
    stroke = round(max(1.0, short * (0.0035 if deep else 0.0025)), 2)
    tints = [from_oklch(0.82, oklch(c)[1] * 0.9, oklch(c)[2]) for c in named] if deep else []
    for i in range(count):
        y0 = top + (h * 1.2) * i / (count - 1)
        phase = i * drift * 6
        a = amp * (0.6 + 0.4 * math.sin(i * 0.21))
        pts = [(x, y0 + a * math.sin(x * freq + phase) + a * 0.3 * math.sin(x * freq * 2.3 + phase * 1.7)) for x in xs]
        color = t.colors[i % len(t.colors)] if len(t.colors) > 2 else t.colors[0]
        if tints:
            color = lerp_lch(tints[0], tints[1], i / (count - 1))
        extra: dict[str, object] = {}
        if not t.flat:
            extra["stroke_opacity"] = round(min(1.0, (0.35 + 0.45 * abs(math.sin(i * 0.37))) * t.strength), 2)
        node.path(smooth_open_d(pts[::2]), None, stroke=color, stroke_width=stroke, **extra)
    return "lines"


def mountains(ctx: Ctx, node: Node, t: Tones, night: bool) -> str:
    """Layered ridges fading into the sky (atmospheric perspective), the sun or moon low over them."""
    from artboard.composer.recipes.graphics.scenery import crescent_d, ridge_points

    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    sky = list(t.colors)
    if t.flat:
        bands(ctx, node, sky, 90, len(sky))
    else:
        base(ctx, node, t, linear(ctx, smooth_stops(sky), 90))
    horizon = h * (0.62 if h > w else 0.58)
    if night:
        starfield(ctx, node, t, (0, 0, w, horizon), int(120 * w * h / 1024**2))
    sun = lighter(t, sky[-1], 0.14, 0.7)
    sx = w * rng.choice([0.3, 0.5, 0.7])
    sr = short * rng.uniform(0.09, 0.13)
    sy = horizon - h * rng.uniform(0.04, 0.12)
    if night:
        node.path(crescent_d(sx, sy - h * 0.18, sr * 0.7), t.line)
        ctx.info.setdefault("drawn", []).append({"concept": "moon", "icon": "crescent"})
    else:
        if not t.flat:
            node.circle(sx, sy, sr * 2.4, radial(ctx, sx, sy, sr * 2.4, [(0, sun, 0.5), (1, sun, 0.0)]))
        node.circle(sx, sy, sr, sun)
    deep = lighter(t, sky[0], -0.3) if not t.flat else min(sky, key=lambda c: oklch(c)[0])
    layers = 4
    for k in range(layers):
        tone = ramp_at(t, [lerp_lch(sky[-1], deep, 0.35) if not t.flat else sky[-1], deep], k / (layers - 1))
        top = horizon - h * (0.2 - 0.04 * k) + k * h * 0.08
        pts = ridge_points(
            ctx, -w * 0.02, w * 1.02, top + h * 0.2, h * (0.22 - 0.03 * k), rng.randint(2, 4), sharp=k < 2
        )
        node.path(polygon_d([(-w * 0.02, h + 2), *pts, (w * 1.02, h + 2)]), tone)
    if background_water.wanted(ctx):
        # "mountains reflected in a lake": the ridges stand on the far shore of still water
        shore = h * (0.8 if h > w else 0.76)
        background_water.water(ctx, node, t, sky, shore, (sx, sr * 0.8), shore=False)
    ctx.info.setdefault("drawn", []).append({"concept": "mountains", "icon": "ridge"})
    return "night" if night else "dusk"


def topographic(ctx: Ctx, node: Node, t: Tones) -> str:
    """Contour lines of a seeded terrain (marching squares), every fifth line heavier."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    step = max(w, h) / 110
    gx, gy = np.arange(-step, w + 2 * step, step), np.arange(-step, h + 2 * step, step)
    xx, yy = np.meshgrid(gx, gy)
    field = np.zeros_like(xx)
    for _ in range(rng.randint(5, 8)):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.1, 1.1) * h
        s = short * rng.uniform(0.18, 0.42)
        bump = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s * s))
        field += rng.uniform(0.5, 1.0) * rng.choice([1, 1, -0.6]) * bump
    field += 0.12 * np.sin(xx / short * rng.uniform(3, 6) + rng.uniform(0, 6)) * np.cos(yy / short * 4)
    levels = np.linspace(float(field.min()), float(field.max()), rng.randint(16, 22))[1:-1]
    fine = whisper(t, t.line, min(0.9, 0.42 * t.strength + 0.1))
    strong = whisper(t, t.line, min(1.0, 0.62 * t.strength + 0.15))
    thin = round(max(1.0, short * 0.0018), 2)
    for i, level in enumerate(levels):
        d = "".join(
            smooth_open_d(line) + ("Z" if closed else "")
            for line, closed in _contours(field, float(level), float(gx[0]), float(gy[0]), step)
        )
        if d:
            heavy = i % 5 == 2
            node.path(
                d,
                None,
                stroke=strong if heavy else fine,
                stroke_width=thin * (2.0 if heavy else 1.0),
                stroke_linejoin="round",
            )
    return "contours"


_MS_EDGES = {
    1: [(3, 0)],
    2: [(0, 1)],
    3: [(3, 1)],
    4: [(1, 2)],
    5: [(3, 0), (1, 2)],
    6: [(0, 2)],
    7: [(3, 2)],
    8: [(2, 3)],
    9: [(2, 0)],
    10: [(0, 1), (2, 3)],
    11: [(2, 1)],
    12: [(1, 3)],
    13: [(1, 0)],
    14: [(0, 3)],
}


def _contours(field: np.ndarray, level: float, x0: float, y0: float, step: float) -> list[tuple[list[Point], bool]]:
    """Marching squares: the iso-lines of `field` at `level`, chained into polylines (closed or open)."""
    rows, cols = field.shape
    above = field > level
    segs: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    ends: dict[tuple[int, int, int], list[tuple[int, int, int]]] = {}

    def key(r: int, c: int, edge: int) -> tuple[int, int, int]:
        # Edges shared by neighbouring cells get one key: horizontal (r, c, 0) and vertical (r, c, 1).
        return {0: (r, c, 0), 1: (r, c + 1, 1), 2: (r + 1, c, 0), 3: (r, c, 1)}[edge]

    for r in range(rows - 1):
        for c in range(cols - 1):
            idx = (
                int(above[r, c]) | int(above[r, c + 1]) << 1 | int(above[r + 1, c + 1]) << 2 | int(above[r + 1, c]) << 3
            )
            for a, b in _MS_EDGES.get(idx, []):
                ka, kb = key(r, c, a), key(r, c, b)
                segs[ka] = kb
                ends.setdefault(ka, []).append(kb)
                ends.setdefault(kb, []).append(ka)

    def point(k: tuple[int, int, int]) -> Point:
        r, c, vertical = k
        if vertical:
            v0, v1 = field[r, c], field[r + 1, c]
            f = (level - v0) / (v1 - v0) if v1 != v0 else 0.5
            return (x0 + c * step, y0 + (r + f) * step)
        v0, v1 = field[r, c], field[r, c + 1]
        f = (level - v0) / (v1 - v0) if v1 != v0 else 0.5
        return (x0 + (c + f) * step, y0 + r * step)

    seen: set[tuple[int, int, int]] = set()
    out: list[tuple[list[Point], bool]] = []
    for start in sorted(ends, key=lambda k: (len(ends[k]), k)):
        if start in seen:
            continue
        chain = [start]
        seen.add(start)
        while True:
            nxt = [k for k in ends[chain[-1]] if k not in seen]
            if not nxt:
                break
            chain.append(nxt[0])
            seen.add(nxt[0])
        closed = len(chain) > 2 and chain[0] in ends[chain[-1]]
        if len(chain) >= 4:
            out.append(([point(k) for k in chain][::2] if len(chain) > 8 else [point(k) for k in chain], closed))
    return out


# --- night and the room ----------------------------------------------------------------------------------


def asked_mountains(ctx: Ctx, node: Node, t: Tones) -> str:
    """Mountains, under a night sky when the prompt says night, stars or moon."""
    return mountains(ctx, node, t, bool(ctx.brief.words & {"night", "starry", "stars", "midnight", "moon", "moonlit"}))


def asked_night_sky(ctx: Ctx, node: Node, t: Tones) -> str:
    """A night sky with the moon and the Milky Way when the prompt asks for them."""
    words = ctx.brief.words
    return night_sky(
        ctx,
        node,
        t,
        moon=bool(words & {"moon", "crescent", "lunar", "moonlit"}),
        galaxy=bool(words & {"galaxy", "milky", "nebula", "cosmos", "cosmic", "universe"}),
    )


def night_sky(ctx: Ctx, node: Node, t: Tones, moon: bool, galaxy: bool) -> str:
    """A night sky: deep ramp to the horizon, a field of stars, the Milky Way's glow, and the moon if asked."""
    from artboard.composer.recipes.graphics.scenery import crescent_d

    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    low = t.colors[1] if len(t.colors) > 1 and oklch(t.colors[1])[0] < 0.6 else lighter(t, t.ground, 0.12)
    if t.flat:
        bands(ctx, node, [t.ground, low], 90, 2)
    else:
        base(ctx, node, t, linear(ctx, [(0, t.ground), (0.55, lerp_lch(t.ground, low, 0.45)), (1, low)], 90))
    if galaxy and not t.flat:
        # The Milky Way: a diagonal band of glow in two tints, a darker dust lane, and dense stars along it.
        angle = rng.uniform(25, 50) * rng.choice([1, -1])
        turn = f"rotate({num(angle)} {num(w / 2)} {num(h / 2)})"
        band = node.group("milky-way", transform=turn)
        reach = math.hypot(w, h) * 0.65
        tints = [lighter(t, c, 0.2, 0.9) for c in (t.colors[:2] if len(t.colors) > 1 else (low, low))]
        for k, tint in enumerate(tints):
            soft_ellipse(
                ctx,
                band,
                w / 2 + (k - 0.5) * reach * 0.5,
                h / 2 + (k - 0.5) * short * 0.05,
                reach * 0.75,
                short * 0.2,
                tint,
                0.55,
            )
        soft_ellipse(ctx, band, w / 2, h / 2, reach * 0.8, short * 0.07, t.line, 0.45)
        for k in range(3):  # the dark dust lane along the middle, wavering
            soft_ellipse(
                ctx,
                band,
                w / 2 + (k - 1) * reach * 0.55,
                h / 2 + rng.uniform(-1, 1) * short * 0.015,
                reach * 0.4,
                short * 0.022,
                t.ground,
                0.6,
                rng.uniform(-3, 3),
            )
        along = node.group("galaxy-stars", transform=turn)
        starfield(
            ctx,
            along,
            t,
            (w / 2 - reach, h / 2 - short * 0.12, w / 2 + reach, h / 2 + short * 0.12),
            int(300 * w * h / 1024**2),
        )
    lake = background_water.wanted(ctx)
    horizon = h * (0.64 if h > w else 0.6) if lake else h
    starfield(ctx, node, t, (0, 0, w, horizon), int(320 * w * horizon / 1024**2))
    mx, my, mr = w * rng.choice([0.22, 0.75, 0.8]), h * rng.uniform(0.16, 0.26), short * rng.uniform(0.06, 0.085)
    if lake:
        background_water.water(ctx, node, t, [t.ground, low], horizon, (mx, mr) if moon else None, shore=True)
    if moon:
        if not t.flat:
            node.circle(mx, my, mr * 3, radial(ctx, mx, my, mr * 3, [(0, t.line, 0.22), (1, t.line, 0)]))
        full = "full moon" in ctx.brief.prompt.lower()
        node.path(circle_d(mx, my, mr) if full else crescent_d(mx, my, mr), t.line)
        ctx.info.setdefault("drawn", []).append({"concept": "moon", "icon": "disc" if full else "crescent"})
    ctx.info.setdefault("drawn", []).append({"concept": "stars", "icon": "starfield"})
    return "galaxy" if galaxy else "stars"
