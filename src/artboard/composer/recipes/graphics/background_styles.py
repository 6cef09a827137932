"""The techniques behind the background recipe (backgrounds.py), one drawer per style, and the kit they share.

Every drawer paints the whole canvas from `Tones` (the colours backgrounds.py chose) and keeps to them: with a user
palette (`Tones.flat`) a drawer uses only those colours, flat, with stepped bands where a ramp would blend and no
opacity, blur or noise. Soft grounds (gradients, meshes, aurora, bokeh, watercolour) are here with the surface
textures (grain, marble, wood, linen, terrazzo, halftone) and the geometric ones (topographic lines, low-poly,
hexagons, circles, dot grids, waves, confetti).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer.canvas import Node, num, polygon_d, regular_polygon
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, Point, lerp_lch
from artboard.composer.recipes.graphics.tiling import scatter


@dataclass(frozen=True)
class Tones:
    ground: RGB  # the base the texture sits on
    colors: tuple[RGB, ...]  # the named (or mood, or scheme) colours in order, at least two
    line: RGB  # veins, stars, grid lines and contours: stands out from the ground
    dark: bool
    flat: bool  # a user palette: only these colours, flat
    clear: bool  # a transparent ground was asked for: paint no base
    strength: float  # 0.6 for "subtle"/"faint", 1.3 for "bold", else 1
    calm: Box | None  # where content will sit: kept quiet

    def quiet(self, x: float, y: float, pad: float = 0.0) -> bool:
        """Whether (x, y) lies in the calm area (grown by `pad`)."""
        if self.calm is None:
            return False
        x0, y0, x1, y1 = self.calm
        return x0 - pad <= x <= x1 + pad and y0 - pad <= y <= y1 + pad


# --- kit --------------------------------------------------------------------------------------------------


def lighter(t: Tones, c: RGB, dl: float, chroma: float = 1.0) -> RGB:
    """`c` lighter (or darker, dl < 0) in OKLCH; with a user palette the palette colour nearest that lightness."""
    lightness, ch, hue = oklch(c)
    target = max(0.04, min(0.985, lightness + dl))
    if t.flat:
        options = [t.ground, *t.colors, t.line]
        return min(options, key=lambda o: (abs(oklch(o)[0] - target), options.index(o)))
    return from_oklch(target, max(0.0, ch * chroma), hue)


def whisper(t: Tones, c: RGB, share: float = 0.22) -> RGB:
    """`c` faded most of the way into the ground: motifs and lines at low contrast."""
    if t.flat:
        others = [o for o in (*t.colors, t.line) if o != t.ground] or [t.ground]
        return min(others, key=lambda o: (contrast_ratio(o, t.ground), others.index(o)))
    return lerp_lch(t.ground, c, share)


def ramp_at(t: Tones, colors: Sequence[RGB], pos: float) -> RGB:
    """The colour at `pos` (0..1) along the colours in order: blended in OKLCH, or the nearest one when flat."""
    pos = min(1.0, max(0.0, pos))
    if len(colors) == 1:
        return colors[0]
    if t.flat:
        return colors[min(len(colors) - 1, int(pos * len(colors)))]
    scaled = pos * (len(colors) - 1)
    k = min(len(colors) - 2, int(scaled))
    return lerp_lch(colors[k], colors[k + 1], scaled - k)


def smooth_stops(colors: Sequence[RGB], steps: int = 3) -> list[tuple[float, RGB]]:
    """Gradient stops through the colours, with OKLCH midpoints so no ramp passes through sRGB grey."""
    out: list[tuple[float, RGB]] = []
    n = len(colors) - 1
    for k in range(n):
        for s in range(steps):
            out.append(((k + s / steps) / n, lerp_lch(colors[k], colors[k + 1], s / steps)))
    out.append((1.0, colors[-1]))
    return out


def linear(ctx: Ctx, stops: Sequence[tuple[float, RGB]], angle: float, opacity: Sequence[float] | None = None) -> str:
    """A linear gradient across the whole canvas at `angle` degrees (0: left to right, 90: top to bottom)."""
    w, h = float(ctx.width), float(ctx.height)
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    reach = abs(w / 2 * ux) + abs(h / 2 * uy)
    gid = ctx.canvas.new_id("bgrad")
    grad = ctx.canvas.definitions().add("linearGradient", id=gid, gradientUnits="userSpaceOnUse",
                                        x1=w / 2 - ux * reach, y1=h / 2 - uy * reach, x2=w / 2 + ux * reach,
                                        y2=h / 2 + uy * reach)
    for i, (offset, color) in enumerate(stops):
        alpha = opacity[i] if opacity is not None else 1.0
        grad.add("stop", offset=round(offset, 4), stop_color=color, stop_opacity=round(alpha, 3) if alpha < 1 else None)
    return f"url(#{gid})"


def radial(ctx: Ctx, cx: float, cy: float, r: float, stops: Sequence[tuple[float, RGB, float]]) -> str:
    """A radial gradient (offset, colour, opacity) around (cx, cy)."""
    gid = ctx.canvas.new_id("bglow")
    grad = ctx.canvas.definitions().add("radialGradient", id=gid, gradientUnits="userSpaceOnUse", cx=cx, cy=cy, r=r)
    for offset, color, alpha in stops:
        grad.add("stop", offset=round(offset, 4), stop_color=color, stop_opacity=round(alpha, 3) if alpha < 1 else None)
    return f"url(#{gid})"


def blur(ctx: Ctx, std: float) -> str:
    """A Gaussian blur over the canvas and a margin around it (so shapes off the edge still bleed in)."""
    fid = ctx.canvas.new_id("bblur")
    pad = std * 2.5
    flt = ctx.canvas.definitions().add("filter", id=fid, filterUnits="userSpaceOnUse", x=-pad, y=-pad,
                                       width=ctx.width + 2 * pad, height=ctx.height + 2 * pad)
    flt.add("feGaussianBlur", stdDeviation=round(std, 2))
    return f"url(#{fid})"


def glow(ctx: Ctx, color: RGB, stops: Sequence[tuple[float, float]]) -> str:
    """A radial fade of one colour over a shape's own box, (offset, opacity) stops: a soft light or a soft-edged
    disc without a blur filter (blurs cost a raster pass over their whole region)."""
    gid = ctx.canvas.new_id("bglow")
    grad = ctx.canvas.definitions().add("radialGradient", id=gid)
    for offset, alpha in stops:
        grad.add("stop", offset=offset, stop_color=color, stop_opacity=round(alpha, 3) if alpha < 1 else None)
    return f"url(#{gid})"


def soft_ellipse(ctx: Ctx, node: Node, cx: float, cy: float, rx: float, ry: float, color: RGB, alpha: float,
                 rotate: float = 0.0) -> None:
    """A soft glow: an ellipse fading from `alpha` at its centre to nothing at its rim."""
    node.add("ellipse", cx=round(cx, 2), cy=round(cy, 2), rx=round(rx, 2), ry=round(ry, 2),
             fill=glow(ctx, color, [(0, alpha), (0.45, alpha * 0.7), (1, 0)]),
             transform=f"rotate({num(rotate)} {num(cx)} {num(cy)})" if rotate else None)


def grain(ctx: Ctx, node: Node, t: Tones, amount: float) -> None:
    """Fine film grain over everything: seeded fractal noise as specks at `amount` opacity, rendered once in a
    small stitched tile and repeated (noise over the whole canvas costs a raster pass per pixel)."""
    if t.flat:
        return
    defs = ctx.canvas.definitions()
    tile = 128
    fid, pid = ctx.canvas.new_id("bnoise"), ctx.canvas.new_id("bgrain")
    flt = defs.add("filter", id=fid, filterUnits="userSpaceOnUse", x=0, y=0, width=tile, height=tile)
    flt.add("feTurbulence", type="fractalNoise", baseFrequency=0.8, numOctaves=2, seed=ctx.rng.randrange(1, 9999),
            stitchTiles="stitch")
    # Alpha from one noise channel, pushed apart so the grain reads as specks, not as a grey veil.
    flt.add("feColorMatrix", type="matrix", values="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -2.4 1.3")
    ink = (12, 10, 8) if not t.dark else (255, 255, 255)
    pattern = defs.add("pattern", id=pid, patternUnits="userSpaceOnUse", width=tile, height=tile)
    pattern.rect(0, 0, tile, tile, ink, filter=f"url(#{fid})")
    node.rect(0, 0, ctx.width, ctx.height, f"url(#{pid})", fill_opacity=round(amount, 3))


def base(ctx: Ctx, node: Node, t: Tones, paint: RGB | str | None = None) -> None:
    """The full-bleed base (none on a transparent ground)."""
    if not t.clear:
        node.rect(0, 0, ctx.width, ctx.height, paint if paint is not None else t.ground)


def smooth_closed_d(pts: Sequence[Point]) -> str:
    """A smooth closed curve through the points (Catmull-Rom as cubic Béziers)."""
    n = len(pts)
    d = f"M{num(pts[0][0])} {num(pts[0][1])}"
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(p2[0])} {num(p2[1])}"
    return d + "Z"


def smooth_open_d(pts: Sequence[Point]) -> str:
    """A smooth open curve through the points."""
    ext = [pts[0], *pts, pts[-1]]
    d = f"M{num(pts[0][0])} {num(pts[0][1])}"
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(p2[0])} {num(p2[1])}"
    return d


def blob_points(rng: random.Random, cx: float, cy: float, r: float, wobble: float = 0.22, n: int = 9
                ) -> list[Point]:
    """Points round an organic blob: a circle whose radius swells with two seeded harmonics."""
    p1, p2, p3 = rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    out = []
    for i in range(n):
        a = 2 * math.pi * i / n
        k = 1 + wobble * (0.55 * math.sin(2 * a + p1) + 0.3 * math.sin(3 * a + p2) + 0.15 * math.sin(5 * a + p3))
        out.append((cx + r * k * math.cos(a), cy + r * k * 0.92 * math.sin(a)))
    return out


def wave_fn(rng: random.Random, w: float, amp: float, waves: float) -> tuple[float, float, float, float]:
    """Seeded parameters (amp, frequency, phase, phase2) of a two-sine wave across width `w`."""
    return amp, waves * 2 * math.pi / w, rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)


def wave_y(params: tuple[float, float, float, float], x: float) -> float:
    amp, freq, p1, p2 = params
    return amp * (0.65 * math.sin(x * freq + p1) + 0.35 * math.sin(x * freq * 2.1 + p2))


def sample_x(w: float, step: float) -> list[float]:
    n = max(8, math.ceil((w + 2 * step) / step))
    return [-step + i * (w + 2 * step) / n for i in range(n + 1)]


# --- soft grounds -----------------------------------------------------------------------------------------


def gradient(ctx: Ctx, node: Node, t: Tones) -> str:
    """A smooth linear or radial ramp through the colours in order (stepped bands with a user palette)."""
    rng, w, h = ctx.rng, float(ctx.width), float(ctx.height)
    angle = rng.choice([90.0, 110.0, 125.0, 135.0, 60.0, 45.0]) + rng.uniform(-6, 6)
    if t.flat:
        _bands(ctx, node, list(t.colors), angle)
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


def _bands(ctx: Ctx, node: Node, colors: list[RGB], angle: float, count: int | None = None) -> None:
    """Flat bands across the canvas perpendicular to `angle`: a stepped gradient in palette colours."""
    w, h = float(ctx.width), float(ctx.height)
    a = math.radians(angle)
    reach = abs(w / 2 * math.cos(a)) + abs(h / 2 * math.sin(a))
    n = count or max(len(colors), 4)
    seq = [colors[min(len(colors) - 1, k * len(colors) // n)] for k in range(n)]
    big = math.hypot(w, h)
    for k, c in enumerate(seq):
        x = w / 2 - reach + 2 * reach * k / n
        width = 2 * reach * (n - k) / n + big
        node.rect(x, h / 2 - big, width, 2 * big, c,
                  transform=f"rotate({num(angle)} {num(w / 2)} {num(h / 2)})")


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
    dots = "".join(dot_d(gx + i * short * 0.028, gy + j * short * 0.028, short * 0.0045)
                   for i in range(5) for j in range(4))
    node.path(dots, cols[-1] if len(cols) > 2 else t.line)
    return "organic"


def speck_d(x: float, y: float, r: float) -> str:
    """A tiny round dot as an octagon (cheaper to fill than arcs, and the same at a few pixels)."""
    k = r * 0.414
    return (f"M{num(x - k)} {num(y - r)}h{num(2 * k)}l{num(r - k)} {num(r - k)}v{num(2 * k)}l{num(k - r)} {num(r - k)}"
            f"h{num(-2 * k)}l{num(k - r)} {num(k - r)}v{num(-2 * k)}Z")


def dot_d(x: float, y: float, r: float) -> str:
    return f"M{num(x - r)} {num(y)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0Z"


def aurora(ctx: Ctx, node: Node, t: Tones) -> str:
    """Northern lights: curtains of light rising from wavy hems, streaked with rays and fading upwards, over a
    night sky with stars and a dark ridge."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    sky_top, sky_low = t.ground, lighter(t, t.ground, 0.1)
    if t.flat:
        _bands(ctx, node, [sky_top, sky_low], 90, 2)
    else:
        base(ctx, node, t, linear(ctx, [(0, sky_top), (1, sky_low)], 90))
    _starfield(ctx, node, t, (0, 0, w, h * 0.8), int(200 * w * h / 1024 ** 2))
    curtains = node.group("aurora", filter=blur(ctx, short * 0.012)) if not t.flat else node.group("aurora")
    xs = sample_x(w, w / 60)
    for k, color in enumerate(t.colors[:3]):
        hem = h * rng.uniform(0.5, 0.62) - k * h * 0.08
        params = wave_fn(rng, w, h * 0.07, rng.uniform(0.7, 1.4))
        tall = h * rng.uniform(0.3, 0.45) * (1 - 0.15 * k)
        swell = (rng.uniform(0, 6.3), rng.uniform(2, 5))
        low = [(x, hem + wave_y(params, x)) for x in xs]
        heights = [tall * (0.55 + 0.45 * math.sin(x / w * swell[1] + swell[0])) for x in xs]
        top = [(x, y - hh) for (x, y), hh in zip(reversed(low), reversed(heights), strict=True)]
        if t.flat:
            curtains.path(polygon_d(low + top), color)
            continue
        y_top, y_low = hem - tall * 1.1, hem + h * 0.07
        fade = ctx.canvas.new_id("bfade")
        grad = ctx.canvas.definitions().add("linearGradient", id=fade, gradientUnits="userSpaceOnUse", x1=0,
                                            y1=round(y_low, 2), x2=0, y2=round(y_top, 2))
        for offset, alpha in ((0, 0.0), (0.12, 0.95), (0.45, 0.45), (1, 0.0)):
            grad.add("stop", offset=offset, stop_color=color, stop_opacity=alpha if alpha else "0")
        curtains.path(polygon_d(low + top), f"url(#{fade})")
        # Rays: fine vertical streaks up from the hem, brighter near it.
        bright = lighter(t, color, 0.12, 0.8)
        rays = "".join(f"M{num(x)} {num(y)}V{num(y - hh * rng.uniform(0.4, 1.0))}"
                       for (x, y), hh in zip(low[::1], heights, strict=True) if rng.random() < 0.8)
        curtains.path(rays, None, stroke=f"url(#{fade})", stroke_width=round(short * 0.006, 2))
        curtains.path(rays, None, stroke=bright, stroke_width=round(short * 0.0025, 2), stroke_opacity=0.25)
    ridge = [(x, h * 0.88 + wave_y(wave_fn(random.Random(ctx.rng.random()), w, h * 0.035, 2), x)) for x in
             sample_x(w, w / 30)]
    node.path(polygon_d([(-2.0, h + 2), *ridge, (w + 2, h + 2)]), lighter(t, t.ground, -0.06))
    return "night"


def bokeh(ctx: Ctx, node: Node, t: Tones) -> str:
    """Out-of-focus lights: soft translucent discs in three depths, screened over a deep ground."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    cols = [lighter(t, c, 0.08 if not t.dark else 0.12) for c in t.colors] if not t.flat else list(t.colors)
    if t.flat:
        base(ctx, node, t)
    else:
        base(ctx, node, t, radial(ctx, w * 0.5, h * 0.55, math.hypot(w, h) * 0.6,
                                  [(0, lighter(t, t.ground, 0.07), 1.0), (1, t.ground, 1.0)]))
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
            group.circle(x, y, r, color, fill_opacity=round(a, 2), stroke=lighter(t, color, 0.08),
                         stroke_width=round(r * 0.06, 2), stroke_opacity=round(min(1.0, a * 1.3), 2))
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
            pts = blob_points(rng, cx + rng.uniform(-1, 1) * r * 0.12, cy + rng.uniform(-1, 1) * r * 0.12,
                              r * (1 - layer * 0.12), 0.32, 11)
            wash.path(smooth_closed_d(pts), color, fill_opacity=round(0.13 * t.strength, 3),
                      stroke=lighter(t, color, -0.08), stroke_width=round(short * 0.0035, 2),
                      stroke_opacity=round(0.16 * t.strength, 3))
    grain(ctx, node, t, 0.05)
    return "wash"


# --- lines and layers -------------------------------------------------------------------------------------


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
    base(ctx, node, t)
    count = rng.randint(26, 40)
    freq = rng.uniform(1.0, 1.8) * 2 * math.pi / w
    amp = h * rng.uniform(0.05, 0.09)
    top = -h * 0.1
    # Neighbouring lines may differ by a fraction of their spacing only, so the field flows without crossing.
    drift = min(rng.uniform(0.04, 0.1), 0.3 * (h * 1.2 / count) / amp / 6)
    xs = sample_x(w, w / 80)
    stroke = round(max(1.0, short * 0.0025), 2)
    for i in range(count):
        y0 = top + (h * 1.2) * i / (count - 1)
        phase = i * drift * 6
        a = amp * (0.6 + 0.4 * math.sin(i * 0.21))
        pts = [(x, y0 + a * math.sin(x * freq + phase) + a * 0.3 * math.sin(x * freq * 2.3 + phase * 1.7))
               for x in xs]
        color = t.colors[i % len(t.colors)] if len(t.colors) > 2 else t.colors[0]
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
        _bands(ctx, node, sky, 90, len(sky))
    else:
        base(ctx, node, t, linear(ctx, smooth_stops(sky), 90))
    horizon = h * (0.62 if h > w else 0.58)
    if night:
        _starfield(ctx, node, t, (0, 0, w, horizon), int(120 * w * h / 1024 ** 2))
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
        pts = ridge_points(ctx, -w * 0.02, w * 1.02, top + h * 0.2, h * (0.22 - 0.03 * k), rng.randint(2, 4),
                           sharp=k < 2)
        node.path(polygon_d([(-w * 0.02, h + 2), *pts, (w * 1.02, h + 2)]), tone)
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
        d = "".join(smooth_open_d(line) + ("Z" if closed else "") for line, closed in
                    _contours(field, float(level), float(gx[0]), float(gy[0]), step))
        if d:
            heavy = i % 5 == 2
            node.path(d, None, stroke=strong if heavy else fine, stroke_width=thin * (2.0 if heavy else 1.0),
                      stroke_linejoin="round")
    return "contours"


_MS_EDGES = {1: [(3, 0)], 2: [(0, 1)], 3: [(3, 1)], 4: [(1, 2)], 5: [(3, 0), (1, 2)], 6: [(0, 2)], 7: [(3, 2)],
             8: [(2, 3)], 9: [(2, 0)], 10: [(0, 1), (2, 3)], 11: [(2, 1)], 12: [(1, 3)], 13: [(1, 0)], 14: [(0, 3)]}


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
            idx = (int(above[r, c]) | int(above[r, c + 1]) << 1 | int(above[r + 1, c + 1]) << 2
                   | int(above[r + 1, c]) << 3)
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


# --- geometric --------------------------------------------------------------------------------------------


def low_poly(ctx: Ctx, node: Node, t: Tones) -> str:
    """Faceted triangles over a jittered grid, each shaded from the ramp at its centre."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t, t.colors[0])
    cell = short / rng.uniform(6.0, 8.5)
    nx, ny = max(2, round(w / cell)), max(2, round(h / cell))
    grid = [[(w * i / nx + (rng.uniform(-0.38, 0.38) * w / nx if 0 < i < nx else 0.0),
              h * j / ny + (rng.uniform(-0.38, 0.38) * h / ny if 0 < j < ny else 0.0))
             for i in range(nx + 1)] for j in range(ny + 1)]
    angle = math.radians(rng.uniform(20, 70))
    ux, uy = math.cos(angle), math.sin(angle)
    span = abs(w * ux) + abs(h * uy)
    for j in range(ny):
        for i in range(nx):
            a, b, c, d = grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]
            tris = [(a, b, c), (a, c, d)] if rng.random() < 0.5 else [(a, b, d), (b, c, d)]
            for tri in tris:
                mx, my = sum(p[0] for p in tri) / 3, sum(p[1] for p in tri) / 3
                pos = (mx * ux + my * uy) / span + rng.uniform(-0.06, 0.06)
                color = ramp_at(t, t.colors, pos)
                if not t.flat:
                    color = lighter(t, color, rng.uniform(-0.035, 0.035))
                node.polygon(tri, color, stroke=color, stroke_width=0.8, stroke_linejoin="round")
    return "facets"


def hexagons(ctx: Ctx, node: Node, t: Tones) -> str:
    """A honeycomb: cells shaded along the ramp with a few lit, the calm area left as plain cells."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    r = short / rng.uniform(9, 13)
    dx, dy = r * math.sqrt(3), r * 1.5
    outline = rng.random() < 0.45
    gap = round(short * 0.004, 2)
    angle = rng.uniform(0, math.pi)
    for j in range(-1, int(h / dy) + 2):
        for i in range(-1, int(w / dx) + 2):
            cx, cy = i * dx + (dx / 2 if j % 2 else 0), j * dy
            pos = 0.5 + ((cx - w / 2) * math.cos(angle) + (cy - h / 2) * math.sin(angle)) / max(w, h)
            pts = regular_polygon(cx, cy, r - gap, 6, 30)
            if outline:
                lit = rng.random() < 0.08 and not t.quiet(cx, cy)
                if lit:
                    node.polygon(pts, ramp_at(t, t.colors, pos))
                node.path(polygon_d(pts), None, stroke=whisper(t, t.line, 0.35 * t.strength),
                          stroke_width=round(max(1.0, short * 0.0022), 2))
            else:
                color = ramp_at(t, t.colors, pos + rng.uniform(-0.08, 0.08))
                if t.quiet(cx, cy):
                    color = whisper(t, color, 0.5)
                node.polygon(pts, color)
    return "outline" if outline else "cells"


def circles(ctx: Ctx, node: Node, t: Tones) -> str:
    """Concentric rings spreading from off-canvas centres, or large overlapping discs."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    if rng.random() < 0.5:
        for k, (fx, fy) in enumerate([(rng.uniform(-0.1, 0.2), rng.uniform(0.8, 1.1)),
                                      (rng.uniform(0.8, 1.1), rng.uniform(-0.1, 0.2))]):
            cx, cy = w * fx, h * fy
            gap = short * rng.uniform(0.028, 0.04)
            color = whisper(t, t.colors[k % len(t.colors)], 0.55 * t.strength)
            rings = int(short * 0.75 / gap)
            d = "".join(_ring_arc(cx, cy, gap * (i + 1)) for i in range(rings))
            node.path(d, None, stroke=color, stroke_width=round(max(1.0, short * 0.003), 2))
        return "rings"
    spots = [(0.15, 0.25), (0.85, 0.2), (0.7, 0.85), (0.2, 0.9), (0.95, 0.6)]
    rng.shuffle(spots)
    for k, (fx, fy) in enumerate(spots[:4]):
        color = t.colors[k % len(t.colors)]
        r = short * rng.uniform(0.22, 0.38)
        node.circle(w * fx, h * fy, r, color, fill_opacity=None if t.flat else 0.85)
    return "discs"


def _ring_arc(cx: float, cy: float, r: float) -> str:
    return (f"M{num(cx - r)} {num(cy)}A{num(r)} {num(r)} 0 1 0 {num(cx + r)} {num(cy)}"
            f"A{num(r)} {num(r)} 0 1 0 {num(cx - r)} {num(cy)}")


def dot_grid(ctx: Ctx, node: Node, t: Tones) -> str:
    """A tech grid: faint lines, dots at the crossings, a few lit nodes with a glow and circuit traces."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    glow_color = t.colors[0]
    if not t.flat:
        gx, gy = rng.choice([(w * 0.8, h * 0.25), (w * 0.2, h * 0.2), (w * 0.75, h * 0.8)])
        node.rect(0, 0, w, h, radial(ctx, gx, gy, short * 0.9,
                                     [(0, glow_color, 0.32 * t.strength), (1, glow_color, 0)]))
    cell = short / rng.choice([12, 14, 16])
    lines = whisper(t, t.line, 0.16 * t.strength)
    d = "".join(f"M{num(x)} 0V{num(h)}" for x in np.arange(cell / 2, w, cell))
    d += "".join(f"M0 {num(y)}H{num(w)}" for y in np.arange(cell / 2, h, cell))
    node.path(d, None, stroke=lines, stroke_width=round(max(1.0, short * 0.0012), 2))
    xs, ys = list(np.arange(cell / 2, w, cell)), list(np.arange(cell / 2, h, cell))
    dots = "".join(dot_d(float(x), float(y), short * 0.0028) for x in xs for y in ys)
    node.path(dots, whisper(t, t.line, 0.35 * t.strength))
    lit = node.group("nodes")
    halo = node.group("glow") if not t.flat else None
    for _ in range(int(len(xs) * len(ys) * 0.05)):
        x, y = float(rng.choice(xs)), float(rng.choice(ys))
        if t.quiet(x, y):
            continue
        color = t.colors[rng.randrange(len(t.colors))]
        # A trace: two right-angled runs along the grid from the node.
        run1, run2 = cell * rng.randint(1, 3) * rng.choice([-1, 1]), cell * rng.randint(1, 3) * rng.choice([-1, 1])
        lit.path(f"M{num(x)} {num(y)}h{num(run1)}v{num(run2)}", None, stroke=color,
                 stroke_width=round(max(1.0, short * 0.002), 2), stroke_opacity=None if t.flat else 0.6)
        lit.circle(x + run1, y + run2, short * 0.004, color)
        if halo is not None:
            halo.circle(x, y, short * 0.025, glow(ctx, color, [(0, 0.9), (0.3, 0.45), (1, 0)]))
        lit.circle(x, y, short * 0.006, color)
    return "tech"


def halftone(ctx: Ctx, node: Node, t: Tones) -> str:
    """Halftone dots on a diagonal screen, swelling towards one corner (two offset screens when unconstrained)."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cell = short / rng.uniform(28, 40)
    screens = [t.colors[0]] if t.flat or len(t.colors) < 2 else [t.colors[1], t.colors[0]]
    fx, fy = rng.choice([(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)])
    reach = math.hypot(w, h) * rng.uniform(0.7, 0.95)
    for k, color in enumerate(screens):
        off = cell * 0.5 * k
        parts = []
        for j in range(-1, int(h / cell * 2) + 2):
            for i in range(-1, int(w / cell) + 2):
                x = i * cell + (cell / 2 if j % 2 else 0) + off
                y = j * cell / 2 + off
                v = 1 - math.hypot(x - w * fx, y - h * fy) / reach
                r = cell * 0.52 * max(0.0, v) ** 1.3
                if r > 0.6 and not (t.quiet(x, y) and v < 0.7):
                    parts.append(dot_d(x, y, r))
        node.path("".join(parts), color, fill_opacity=None if t.flat or k == 0 else 0.7)
    return "dots"


def confetti(ctx: Ctx, node: Node, t: Tones) -> str:
    """Confetti: strips, dots, squiggles and triangles tossed in the colours, thinning over the calm area."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cols = [c for c in t.colors if contrast_ratio(c, t.ground) >= 1.25] or list(t.colors)
    for k, (x, y) in enumerate(scatter(ctx, w, h, short * 0.075, limit=900)):
        if t.quiet(x, y, short * 0.02) and rng.random() < 0.85:
            continue
        color = cols[k % len(cols)]
        s = short * rng.uniform(0.012, 0.02)
        rot = rng.uniform(0, 180)
        kind = rng.random()
        if kind < 0.45:
            node.rect(x - s * 0.4, y - s, s * 0.8, s * 2, color, rx=s * 0.15,
                      transform=f"rotate({num(rot)} {num(x)} {num(y)})")
        elif kind < 0.7:
            node.circle(x, y, s * 0.6, color)
        elif kind < 0.85:
            node.polygon(regular_polygon(x, y, s * 0.9, 3, rot), color)
        else:
            a = math.radians(rot)
            pts = [(x + (i - 2) * s * 0.7 * math.cos(a) - (s * 0.45 if i % 2 else -s * 0.45) * math.sin(a),
                    y + (i - 2) * s * 0.7 * math.sin(a) + (s * 0.45 if i % 2 else -s * 0.45) * math.cos(a))
                   for i in range(5)]
            node.path(smooth_open_d(pts), None, stroke=color, stroke_width=round(s * 0.45, 2), stroke_linecap="round")
    return "tossed"


def memphis(ctx: Ctx, node: Node, t: Tones) -> str:
    """Memphis shapes (discs, rings, squiggles, zigzags, pluses) tossed over the ground."""
    from artboard.composer.recipes.graphics.geometric import memphis as memphis_shapes

    base(ctx, node, t)
    cols = [c for c in t.colors if contrast_ratio(c, t.ground) >= 1.25] or list(t.colors)
    memphis_shapes(ctx, node, cols, t.ground)
    return "shapes"


# --- night ------------------------------------------------------------------------------------------------


def _starfield(ctx: Ctx, node: Node, t: Tones, box: Box, count: int) -> None:
    """Stars of varied size and brightness in `box`, a few as four-pointed sparkles."""
    from artboard.composer.recipes.graphics.scenery import sparkle_d

    rng, short = ctx.rng, ctx.short
    x0, y0, x1, y1 = box
    tiers: dict[float, list[str]] = {}
    sparkles = []
    for _ in range(count):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        r = short * rng.choice([0.0012, 0.0016, 0.0016, 0.0022, 0.003])
        if rng.random() < 0.03:
            sparkles.append(sparkle_d(x, y, short * rng.uniform(0.008, 0.014), 0.16))
            continue
        alpha = 1.0 if t.flat else rng.choice([0.35, 0.55, 0.8, 1.0])
        tiers.setdefault(alpha, []).append(speck_d(x, y, r))
    for alpha, parts in sorted(tiers.items()):
        node.path("".join(parts), t.line, fill_opacity=alpha if alpha < 1 else None)
    if sparkles:
        node.path("".join(sparkles), t.line)


def night_sky(ctx: Ctx, node: Node, t: Tones, moon: bool, galaxy: bool) -> str:
    """A night sky: deep ramp to the horizon, a field of stars, the Milky Way's glow, and the moon if asked."""
    from artboard.composer.recipes.graphics.scenery import crescent_d

    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    low = t.colors[1] if len(t.colors) > 1 and oklch(t.colors[1])[0] < 0.6 else lighter(t, t.ground, 0.12)
    if t.flat:
        _bands(ctx, node, [t.ground, low], 90, 2)
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
            soft_ellipse(ctx, band, w / 2 + (k - 0.5) * reach * 0.5, h / 2 + (k - 0.5) * short * 0.05, reach * 0.75,
                         short * 0.2, tint, 0.55)
        soft_ellipse(ctx, band, w / 2, h / 2, reach * 0.8, short * 0.07, t.line, 0.45)
        for k in range(3):  # the dark dust lane along the middle, wavering
            soft_ellipse(ctx, band, w / 2 + (k - 1) * reach * 0.55, h / 2 + rng.uniform(-1, 1) * short * 0.015,
                         reach * 0.4, short * 0.022, t.ground, 0.6, rng.uniform(-3, 3))
        along = node.group("galaxy-stars", transform=turn)
        _starfield(ctx, along, t, (w / 2 - reach, h / 2 - short * 0.12, w / 2 + reach, h / 2 + short * 0.12),
                   int(300 * w * h / 1024 ** 2))
    _starfield(ctx, node, t, (0, 0, w, h), int(320 * w * h / 1024 ** 2))
    if moon:
        mx, my, mr = w * rng.choice([0.22, 0.75, 0.8]), h * rng.uniform(0.16, 0.26), short * rng.uniform(0.06, 0.085)
        if not t.flat:
            node.circle(mx, my, mr * 3, radial(ctx, mx, my, mr * 3, [(0, t.line, 0.22), (1, t.line, 0)]))
        node.path(crescent_d(mx, my, mr), t.line)
        ctx.info.setdefault("drawn", []).append({"concept": "moon", "icon": "crescent"})
    ctx.info.setdefault("drawn", []).append({"concept": "stars", "icon": "starfield"})
    return "galaxy" if galaxy else "stars"

