"""Surface-texture backgrounds: paper and noise, marble veins, wood planks, linen weave and terrazzo chips
(kit in background_styles.py)."""

from __future__ import annotations

import math

from artboard.colors import from_oklch, oklch
from artboard.composer.canvas import Node, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import (
    Tones,
    base,
    grain,
    lighter,
    radial,
    sample_x,
    smooth_open_d,
    soft_ellipse,
    speck_d,
    wave_fn,
    wave_y,
    whisper,
)
from artboard.composer.recipes.graphics.common import Point
from artboard.composer.recipes.graphics.tiling import scatter


def paper(ctx: Ctx, node: Node, t: Tones) -> str:
    """Paper or a plain ground with noise: fine seeded speckle, film grain, a few fibres and a soft vignette."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    area = w * h / 1024**2
    paper = bool(ctx.brief.words & {"paper", "kraft", "parchment", "handmade", "recycled", "cardboard"})
    dark_fleck = lighter(t, t.ground, -0.16 if not t.dark else 0.12, 0.8)
    light_fleck = lighter(t, t.ground, 0.05 if not t.dark else -0.05, 0.8)
    if paper and not t.flat:
        # Mottling: the pulp lies unevenly, a few broad soft shades darker and lighter.
        mottle = node.group("mottle")
        for k in range(7):
            tone = lighter(t, t.ground, -0.035 if k % 2 else 0.02)
            r = short * rng.uniform(0.2, 0.45)
            soft_ellipse(
                ctx,
                mottle,
                rng.uniform(0, w),
                rng.uniform(0, h),
                r,
                r * rng.uniform(0.5, 0.9),
                tone,
                min(1.0, 0.7 * t.strength + 0.2),
                rng.uniform(0, 180),
            )
    for color, count, alpha, big in (
        (dark_fleck, int(900 * area), 0.55, 0.0016),
        (light_fleck, int(500 * area), 0.8, 0.0014),
    ):
        d = "".join(
            speck_d(rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.0004, big)) for _ in range(count)
        )
        d += "".join(
            speck_d(rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.0015, 0.0026))
            for _ in range(int(count * 0.03))
        )
        node.path(d, color, fill_opacity=None if t.flat else round(min(1.0, alpha * (t.strength + 0.4)), 2))
    if paper:
        fibres = node.group("fibres")
        for _ in range(int(110 * area)):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            a, length = rng.uniform(0, math.pi), short * rng.uniform(0.008, 0.028)
            bend = rng.uniform(-0.5, 0.5) * length
            fibres.path(
                f"M{num(x)} {num(y)}q{num(math.cos(a) * length / 2 - math.sin(a) * bend)} "
                f"{num(math.sin(a) * length / 2 + math.cos(a) * bend)} {num(math.cos(a) * length)} "
                f"{num(math.sin(a) * length)}",
                None,
                stroke=dark_fleck,
                stroke_width=round(max(0.6, short * 0.0008), 2),
                stroke_opacity=None if t.flat else 0.45,
            )
    grain(ctx, node, t, 0.16 * (t.strength + 0.4))
    if not t.flat and paper:
        edge = lighter(t, t.ground, -0.1)
        node.rect(
            0,
            0,
            w,
            h,
            radial(ctx, w / 2, h / 2, math.hypot(w, h) * 0.6, [(0.55, edge, 0), (1, edge, 0.3 * t.strength)]),
        )
    return "paper" if paper else "noise"


def _vein(ctx: Ctx, a: Point, b: Point, meander: float, steps: int = 90) -> list[Point]:
    """A marble vein from a to b: a slow meander (two seeded sines across the line) with a fine, seeded tremor."""
    rng = ctx.rng
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    f1, f2, f3 = rng.uniform(0.6, 1.6), rng.uniform(3, 6), rng.uniform(11, 19)
    p1, p2, p3 = rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    out, tremor = [], 0.0
    for i in range(steps + 1):
        s = i / steps
        tremor = tremor * 0.7 + rng.gauss(0, 0.0025)
        off = length * (
            meander * (math.sin(2 * math.pi * f1 * s + p1) + 0.35 * math.sin(2 * math.pi * f2 * s + p2))
            + 0.006 * math.sin(2 * math.pi * f3 * s + p3)
            + tremor
        )
        out.append((a[0] + (b[0] - a[0]) * s + nx * off, a[1] + (b[1] - a[1]) * s + ny * off))
    return out


def _ribbon_d(pts: list[Point], width: float, phase: float, waves: float) -> str:
    """A filled vein along `pts` whose width swells and pinches (tapered at both ends)."""
    left, right = [], []
    n = len(pts)
    for i, (x, y) in enumerate(pts):
        p, q = pts[max(0, i - 1)], pts[min(n - 1, i + 1)]
        length = math.hypot(q[0] - p[0], q[1] - p[1]) or 1.0
        nx, ny = -(q[1] - p[1]) / length, (q[0] - p[0]) / length
        s = i / (n - 1)
        wv = width * (0.2 + 0.8 * abs(math.sin(s * math.pi * waves + phase))) * math.sin(math.pi * s) ** 0.35
        left.append((x + nx * wv / 2, y + ny * wv / 2))
        right.append((x - nx * wv / 2, y - ny * wv / 2))
    return polygon_d(left + right[::-1])


def marble(ctx: Ctx, node: Node, t: Tones) -> str:
    """Marble: soft cloudy drifts over the base, main veins that meander, swell and pinch with a soft halo, thin
    branches and hairlines running beside them; metallic veins (gold) carry a lighter highlight."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    vein = t.line
    metallic = oklch(vein)[1] > 0.08
    angle = math.radians(rng.uniform(25, 55) * rng.choice([1, -1]))
    diag = math.hypot(w, h)
    mains: list[tuple[list[Point], float]] = []
    for k in range(rng.randint(2, 3)):
        off = ((k + 0.5) / 3 - 0.5) * diag * 0.75 + rng.uniform(-0.08, 0.08) * diag
        cx, cy = w / 2 - math.sin(angle) * off, h / 2 + math.cos(angle) * off
        a = (cx - math.cos(angle) * diag * 0.75, cy - math.sin(angle) * diag * 0.75)
        b = (cx + math.cos(angle) * diag * 0.75, cy + math.sin(angle) * diag * 0.75)
        mains.append((_vein(ctx, a, b, rng.uniform(0.03, 0.06)), short * rng.uniform(0.005, 0.012) * t.strength))
    if not t.flat:
        # Cloudy drifts and a soft halo along each vein: the depth of polished stone.
        lightness, _, hue = oklch(t.ground)
        cloud = from_oklch(lightness - 0.07 if lightness > 0.5 else lightness + 0.07, 0.008, hue)
        soft = node.group("drift")
        for _ in range(6):
            r = short * rng.uniform(0.25, 0.5)
            soft_ellipse(
                ctx,
                soft,
                rng.uniform(0, w),
                rng.uniform(0, h),
                r,
                r * rng.uniform(0.3, 0.6),
                cloud,
                rng.uniform(0.35, 0.6),
                math.degrees(angle) + rng.uniform(-20, 20),
            )
        for pts, width in mains:
            soft.path(
                smooth_open_d(pts[::3]),
                None,
                stroke=vein if metallic else cloud,
                stroke_width=round(width * 2.5, 2),
                stroke_opacity=0.12 if metallic else 0.35,
            )
    hair = whisper(t, vein, 0.45) if not t.flat else vein
    thin = round(max(0.7, short * 0.0012), 2)
    for pts, width in mains:
        node.path(_ribbon_d(pts, width, rng.uniform(0, 6), rng.uniform(2, 4)), vein)
        if metallic and not t.flat:
            node.path(
                smooth_open_d(pts[::3]),
                None,
                stroke=lighter(t, vein, 0.16, 0.7),
                stroke_width=round(width * 0.2, 2),
                stroke_opacity=0.8,
            )
        for _ in range(rng.randint(2, 3)):  # branches splitting off at a shallow angle
            i = rng.randrange(10, len(pts) - 30)
            turn = angle + rng.choice([-1, 1]) * rng.uniform(0.25, 0.6)
            length = diag * rng.uniform(0.15, 0.35)
            end = (pts[i][0] + math.cos(turn) * length, pts[i][1] + math.sin(turn) * length)
            node.path(_ribbon_d(_vein(ctx, pts[i], end, 0.05, 40), width * 0.5, rng.uniform(0, 6), 1.5), vein)
        for _ in range(2):  # hairlines running beside the vein
            shift = short * rng.uniform(0.02, 0.06) * rng.choice([-1, 1])
            nx, ny = -math.sin(angle) * shift, math.cos(angle) * shift
            pts2 = _vein(ctx, (pts[0][0] + nx, pts[0][1] + ny), (pts[-1][0] + nx, pts[-1][1] + ny), 0.04, 60)
            node.path(smooth_open_d(pts2[::2]), None, stroke=hair, stroke_width=thin)
    return "veined"


def wood(ctx: Ctx, node: Node, t: Tones) -> str:
    """Wood: planks in slightly different tones, grain lines that bow around knots, thin seams between."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    planks = rng.randint(3, 5) if h >= w else rng.randint(3, 4)
    ph = h / planks
    line = lighter(t, t.ground, -0.2, 1.1)
    streak = lighter(t, t.ground, 0.05)
    for p in range(planks):
        y0 = p * ph
        tone = t.ground if t.flat else lighter(t, t.ground, rng.uniform(-0.035, 0.035))
        clip = ctx.canvas.clip(rect_d(0, y0, w, ph))
        plank = node.group("plank", clip_path=clip)
        plank.rect(0, y0, w, ph, tone)
        knots = [
            (rng.uniform(0, w), y0 + ph * rng.uniform(0.25, 0.75), short * rng.uniform(0.025, 0.05))
            for _ in range(rng.randint(0, 2))
        ]
        shift = rng.uniform(0, w)
        if not t.flat:  # long soft streaks of lighter and darker wood along the plank
            for _ in range(4):
                sy = y0 + ph * rng.uniform(0, 1)
                plank.rect(
                    -2,
                    sy,
                    w + 4,
                    ph * rng.uniform(0.08, 0.25),
                    rng.choice([streak, line]),
                    fill_opacity=round(rng.uniform(0.08, 0.16), 2),
                )
        y = y0 - ph * 0.1
        xs = sample_x(w, w / 70)
        while y < y0 + ph * 1.1:
            params = wave_fn(rng, w, ph * rng.uniform(0.02, 0.06), rng.uniform(0.3, 0.8))
            pts = []
            for x in xs:
                dy = wave_y(params, x + shift)
                for kx, ky, kr in knots:
                    near = math.exp(-(((x - kx) / (kr * 2.4)) ** 2))
                    dy += math.copysign(kr * 1.3 * near * max(0.0, 1 - abs(y - ky) / (kr * 4)), y - ky)
                pts.append((x, y + dy))
            alpha = rng.uniform(0.25, 0.7)
            plank.path(
                smooth_open_d(pts[::2]),
                None,
                stroke=line,
                stroke_width=round(max(0.6, short * rng.uniform(0.0008, 0.0025)), 2),
                stroke_opacity=None if t.flat else round(alpha * t.strength, 2),
            )
            y += ph * rng.uniform(0.02, 0.065)
        for kx, ky, kr in knots:
            for ring in range(3):
                plank.add(
                    "ellipse",
                    cx=round(kx, 2),
                    cy=round(ky, 2),
                    rx=round(kr * (1.3 - ring * 0.35), 2),
                    ry=round(kr * (0.55 - ring * 0.15), 2),
                    fill="none",
                    stroke=line,
                    stroke_width=round(short * 0.002, 2),
                )
        if p:
            node.rect(0, y0 - 0.8, w, 1.6, lighter(t, t.ground, -0.2))
    return "planks"


def linen(ctx: Ctx, node: Node, t: Tones) -> str:
    """Linen or canvas: a fine crosshatch of threads in two tones, uneven slubs, and a little grain."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    gap = short * (0.0055 if not t.flat else 0.011)
    dark, light = lighter(t, t.ground, -0.06, 1.1), lighter(t, t.ground, 0.04)
    width = round(max(0.6, gap * 0.45), 2)
    for color, alpha in ((dark, 0.45), (light, 0.6)):
        parts = []
        for k in range(int(w / gap) + 1):
            if rng.random() < 0.5:
                parts.append(f"M{num(k * gap + rng.uniform(-0.3, 0.3) * gap)} 0V{num(h)}")
        for k in range(int(h / gap) + 1):
            if rng.random() < 0.5:
                parts.append(f"M0 {num(k * gap + rng.uniform(-0.3, 0.3) * gap)}H{num(w)}")
        node.path(
            "".join(parts),
            None,
            stroke=color,
            stroke_width=width,
            stroke_opacity=None if t.flat else round(alpha * t.strength, 2),
        )
    slubs = []
    for _ in range(int(140 * w * h / 1024**2)):
        x, y, length = rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.01, 0.04)
        slubs.append(f"M{num(x)} {num(y)}h{num(length)}" if rng.random() < 0.5 else f"M{num(x)} {num(y)}v{num(length)}")
    node.path(
        "".join(slubs),
        None,
        stroke=dark,
        stroke_width=round(width * 1.8, 2),
        stroke_linecap="round",
        stroke_opacity=None if t.flat else 0.35,
    )
    grain(ctx, node, t, 0.06 * t.strength)
    return "weave"


def terrazzo(ctx: Ctx, node: Node, t: Tones) -> str:
    """Terrazzo: irregular chips in three sizes and the colours (with a darker and lighter of each) on the ground."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cols = list(t.colors)
    if not t.flat:
        cols += [lighter(t, c, -0.1) for c in t.colors[:2]]
    for spacing, lo, hi in ((0.12, 0.018, 0.034), (0.055, 0.007, 0.014), (0.025, 0.002, 0.004)):
        for k, (x, y) in enumerate(scatter(ctx, w, h, short * spacing, limit=1800)):
            r = short * rng.uniform(lo, hi)
            n = rng.randint(5, 7)
            start = rng.uniform(0, 2 * math.pi)
            pts = [
                (
                    x + r * rng.uniform(0.55, 1.0) * math.cos(start + 2 * math.pi * i / n + rng.uniform(-0.3, 0.3)),
                    y + r * rng.uniform(0.55, 1.0) * math.sin(start + 2 * math.pi * i / n + rng.uniform(-0.3, 0.3)),
                )
                for i in range(n)
            ]
            node.polygon(pts, cols[(k + rng.randrange(len(cols))) % len(cols)])
    return "chips"
