"""The kit the background styles share: `Tones` (the colours backgrounds.py chose) and the helpers every drawer
paints with (tints, gradients, glows, grain, smooth curves, blobs, waves, specks, stepped bands, a starfield).

The drawers themselves live by family: background_soft.py (gradients, meshes, blobs, aurora, bokeh, watercolour),
background_scenes.py (waves, lines, mountains, contours, night skies, a room), background_geometric.py (low-poly,
hexagons, circles, grids, halftone, confetti, memphis) and background_surfaces.py (paper, marble, wood, linen,
terrazzo). With a user palette (`Tones.flat`) a drawer uses only those colours, flat, with stepped bands where a
ramp would blend and no opacity, blur or noise.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, Point, lerp_lch


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
    grad = ctx.canvas.definitions().add(
        "linearGradient",
        id=gid,
        gradientUnits="userSpaceOnUse",
        x1=w / 2 - ux * reach,
        y1=h / 2 - uy * reach,
        x2=w / 2 + ux * reach,
        y2=h / 2 + uy * reach,
    )
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
    flt = ctx.canvas.definitions().add(
        "filter",
        id=fid,
        filterUnits="userSpaceOnUse",
        x=-pad,
        y=-pad,
        width=ctx.width + 2 * pad,
        height=ctx.height + 2 * pad,
    )
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


def soft_ellipse(
    ctx: Ctx, node: Node, cx: float, cy: float, rx: float, ry: float, color: RGB, alpha: float, rotate: float = 0.0
) -> None:
    """A soft glow: an ellipse fading from `alpha` at its centre to nothing at its rim."""
    node.add(
        "ellipse",
        cx=round(cx, 2),
        cy=round(cy, 2),
        rx=round(rx, 2),
        ry=round(ry, 2),
        fill=glow(ctx, color, [(0, alpha), (0.45, alpha * 0.7), (1, 0)]),
        transform=f"rotate({num(rotate)} {num(cx)} {num(cy)})" if rotate else None,
    )


def grain(ctx: Ctx, node: Node, t: Tones, amount: float) -> None:
    """Fine film grain over everything: seeded fractal noise as specks at `amount` opacity, rendered once in a
    small stitched tile and repeated (noise over the whole canvas costs a raster pass per pixel)."""
    if t.flat:
        return
    defs = ctx.canvas.definitions()
    tile = 128
    fid, pid = ctx.canvas.new_id("bnoise"), ctx.canvas.new_id("bgrain")
    flt = defs.add("filter", id=fid, filterUnits="userSpaceOnUse", x=0, y=0, width=tile, height=tile)
    flt.add(
        "feTurbulence",
        type="fractalNoise",
        baseFrequency=0.8,
        numOctaves=2,
        seed=ctx.rng.randrange(1, 9999),
        stitchTiles="stitch",
    )
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


def blob_points(rng: random.Random, cx: float, cy: float, r: float, wobble: float = 0.22, n: int = 9) -> list[Point]:
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


def bands(ctx: Ctx, node: Node, colors: list[RGB], angle: float, count: int | None = None) -> None:
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
        node.rect(x, h / 2 - big, width, 2 * big, c, transform=f"rotate({num(angle)} {num(w / 2)} {num(h / 2)})")


def speck_d(x: float, y: float, r: float) -> str:
    """A tiny round dot as an octagon (cheaper to fill than arcs, and the same at a few pixels)."""
    k = r * 0.414
    return (
        f"M{num(x - k)} {num(y - r)}h{num(2 * k)}l{num(r - k)} {num(r - k)}v{num(2 * k)}l{num(k - r)} {num(r - k)}"
        f"h{num(-2 * k)}l{num(k - r)} {num(k - r)}v{num(-2 * k)}Z"
    )


def dot_d(x: float, y: float, r: float) -> str:
    return f"M{num(x - r)} {num(y)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0Z"


def starfield(ctx: Ctx, node: Node, t: Tones, box: Box, count: int) -> None:
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
