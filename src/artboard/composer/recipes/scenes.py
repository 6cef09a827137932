"""Illustrations, and the fallback for prompts no other recipe claims.

Kinds: layered flat landscapes (mountains, hills, trees, water, sun or moon), the same as uniform-weight line
art, product still lifes on plinths (for photographic product prompts), a packaged product that carries the
prompt's text, editorial metaphors (a big symbol with a small one inside or beside it), and a subject hero.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import (
    best_icon,
    has_word,
    icon_outline,
    natural_color,
    readable,
    subject_queries,
    title_block,
    tone,
)

Point = tuple[float, float]
Box = tuple[float, float, float, float]

_LANDSCAPE = ("landscape", "mountain", "mountains", "hills", "hill", "valley", "lake", "sunset", "sunrise", "golden",
              "desert", "dunes", "canyon", "scenery", "countryside", "field", "fields", "river", "meadow", "alps",
              "peaks", "peak", "vista", "horizon", "nature", "outdoors", "hiking", "camping", "forest", "woods",
              "beach", "ocean", "sea", "island", "coast", "waterfall", "sky", "night", "moon", "stars", "dusk",
              "dawn", "twilight", "panorama")
_PRODUCT = ("bottle", "serum", "dropper", "jar", "perfume", "fragrance", "cologne", "skincare", "cosmetic",
            "cosmetics", "lotion", "cream", "moisturizer", "moisturiser", "balm", "tube", "candle", "pedestal",
            "podium", "plinth", "product", "packshot", "mockup", "still", "cleanser", "shampoo", "soap", "essence",
            "oil", "toner", "lipstick", "can", "wrapper", "candy", "chocolate", "box", "package", "packaging")
_EDITORIAL = ("editorial", "conceptual", "metaphor", "concept", "surreal", "yorker", "abstract", "idea", "ideas",
              "thought", "mind", "allegory", "op-ed", "essay", "magazine")


# --- colour helpers -----------------------------------------------------------------------------------------

def _lerp_lch(a: RGB, b: RGB, t: float) -> RGB:
    la, ca, ha = oklch(a)
    lb, cb, hb = oklch(b)
    if ca < 0.02:
        ha = hb
    if cb < 0.02:
        hb = ha
    dh = ((hb - ha + 180) % 360) - 180
    return from_oklch(la + (lb - la) * t, ca + (cb - ca) * t, (ha + dh * t) % 360)


def _mix(ctx: Ctx, a: RGB, b: RGB, t: float, fallback: RGB) -> RGB:
    """A blend of two colours; with a user palette, the given palette colour instead."""
    return fallback if ctx.scheme.constrained else _lerp_lch(a, b, t)


@dataclass
class Sky:
    """The colours of one landscape: sky bands (top → horizon), ranges (far → near), sun, water, trees."""

    sky: list[RGB]
    ranges: list[RGB]
    sun: RGB
    water: RGB
    glint: RGB
    tree: RGB
    snow: RGB
    cloud: RGB
    night: bool


def _sky(ctx: Ctx, layers: int) -> Sky:
    s, b = ctx.scheme, ctx.brief
    night = has_word(ctx, "night", "midnight", "moon", "moonlit", "stars", "starry", "nocturnal") or "dark" in b.moods
    golden = has_word(ctx, "golden", "sunset", "sunrise", "dusk", "dawn", "twilight", "warm", "autumn", "desert")
    if s.constrained:
        drawable = [c for c in s.colors() if c != s.background]
        by_light = sorted(drawable, key=lambda c: -oklch(c)[0])
        ground = s.ground
        ranges = [c for c in by_light if c != ground] or [s.primary]
        while len(ranges) < layers:
            ranges = ranges + ranges[-1:]
        step = max(1, len(ranges) // layers)
        picked = [ranges[min(len(ranges) - 1, i * step)] for i in range(layers)]
        return Sky(sky=[ground], ranges=picked, sun=s.accent, water=s.surface, glint=ground, tree=picked[-1],
                   snow=ground, cloud=s.surface, night=night)
    _prim_l, prim_c, prim_h = oklch(s.primary)
    acc_l, acc_c, acc_h = oklch(s.accent)
    muted = "muted" in b.moods or "earthy" in b.moods or b.has("vintage")
    pastel = "pastel" in b.moods
    cmul = 0.6 if muted else (0.75 if pastel else 1.0)
    if night:
        hue = prim_h if b.colors else 268.0
        sky = [from_oklch(0.2, 0.05 * cmul, hue), from_oklch(0.25, 0.06 * cmul, hue), from_oklch(0.31, 0.07 * cmul,
                                                                                                   hue + 10)]
        far = from_oklch(0.36, 0.06 * cmul, hue + 8)
        near = from_oklch(0.13, 0.03, hue)
        sun = from_oklch(0.95, 0.05, 95)
        water = from_oklch(0.22, 0.05 * cmul, hue)
        glint = from_oklch(0.85, 0.06, 95)
        snow = from_oklch(0.6, 0.04, hue)
        cloud = from_oklch(0.34, 0.05 * cmul, hue)
    elif golden:
        warm = 62.0 if not b.colors else acc_h
        sky = [from_oklch(0.8, 0.1 * cmul, warm - 25), from_oklch(0.86, 0.1 * cmul, warm - 10),
               from_oklch(0.91, 0.09 * cmul, warm + 8)]
        far = from_oklch(0.74, 0.08 * cmul, warm - 40)
        near = from_oklch(0.3, 0.07 * cmul, (prim_h if b.colors else 330.0))
        sun = from_oklch(0.96, 0.07, 95)
        water = from_oklch(0.66, 0.08 * cmul, warm - 35)
        glint = from_oklch(0.94, 0.08, 90)
        snow = from_oklch(0.93, 0.04, warm)
        cloud = from_oklch(0.93, 0.05, warm + 5)
    else:
        hue = prim_h
        base_l = oklch(s.ground)[0]
        sky_l = 0.93 if base_l > 0.5 else 0.3
        sky = [from_oklch(sky_l - 0.04, 0.04 * cmul, hue), from_oklch(sky_l, 0.035 * cmul, hue),
               from_oklch(min(0.98, sky_l + 0.03), 0.03 * cmul, acc_h)]
        far = from_oklch(0.8, 0.05 * cmul, hue)
        near = from_oklch(0.3 if not pastel else 0.5, max(0.06, prim_c * 0.7) * cmul, hue)
        warm_acc = 40 <= acc_h <= 110
        sun = from_oklch(max(0.8, acc_l), max(0.1, acc_c) * cmul, acc_h) if warm_acc else from_oklch(
            0.86, 0.13 * cmul, 80)
        water = from_oklch(0.7, 0.06 * cmul, hue)
        glint = from_oklch(0.95, 0.02, hue)
        snow = from_oklch(0.97, 0.01, hue)
        cloud = from_oklch(0.98, 0.01, hue)
    ranges = [_lerp_lch(far, near, i / max(1, layers - 1)) for i in range(layers)]
    tree = tone(ctx, ranges[-1], -0.05)
    return Sky(sky=sky, ranges=ranges, sun=sun, water=water, glint=glint, tree=tree, snow=snow, cloud=cloud,
               night=night)


# --- geometry -----------------------------------------------------------------------------------------

def _ridge(ctx: Ctx, x0: float, x1: float, base: float, height: float, peaks: int, sharp: bool
           ) -> list[Point]:
    """A mountain ridge: alternating peaks and valleys across [x0, x1] (y down)."""
    rng = ctx.rng
    pts: list[Point] = [(x0, base - height * rng.uniform(0.15, 0.4))]
    span = (x1 - x0) / peaks
    for i in range(peaks):
        px = x0 + span * (i + rng.uniform(0.3, 0.7))
        ph = height * rng.uniform(0.65, 1.0)
        pts.append((px, base - ph))
        if i < peaks - 1:
            vx = x0 + span * (i + 1) + span * rng.uniform(-0.12, 0.12)
            pts.append((vx, base - height * rng.uniform(0.15, 0.45)))
    pts.append((x1, base - height * rng.uniform(0.15, 0.4)))
    if not sharp:
        return pts
    # Shoulders: a small kink on the way down from each peak reads as rock.
    out: list[Point] = [pts[0]]
    for a, b in itertools.pairwise(pts):
        if rng.random() < 0.5:
            t = rng.uniform(0.35, 0.6)
            mx, my = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            out.append((mx + (b[0] - a[0]) * 0.06, my - abs(b[1] - a[1]) * 0.06))
        out.append(b)
    return out


def _hill(ctx: Ctx, x0: float, x1: float, base: float, amp: float, waves: float) -> Callable[[float], float]:
    rng = ctx.rng
    phase = rng.uniform(0, 2 * math.pi)
    phase2 = rng.uniform(0, 2 * math.pi)
    span = x1 - x0

    def y(x: float) -> float:
        t = (x - x0) / span
        return base - amp * (0.6 * math.sin(t * waves * math.pi + phase) + 0.4 * math.sin(t * waves * 2.3 * math.pi
                                                                                            + phase2))
    return y


def _fn_path(fn: Callable[[float], float], x0: float, x1: float, bottom: float, steps: int = 64) -> str:
    pts = [(x0 + (x1 - x0) * i / steps, fn(x0 + (x1 - x0) * i / steps)) for i in range(steps + 1)]
    return polygon_d([(x0, bottom), *pts, (x1, bottom)])


def _fn_line(fn: Callable[[float], float], x0: float, x1: float, steps: int = 64) -> str:
    pts = [(x0 + (x1 - x0) * i / steps, fn(x0 + (x1 - x0) * i / steps)) for i in range(steps + 1)]
    return "M" + "L".join(f"{num(x)} {num(y)}" for x, y in pts)


def _pine(x: float, base: float, h: float) -> str:
    w = h * 0.42
    trunk = rect_d(x - w * 0.07, base - h * 0.12, w * 0.14, h * 0.14)
    tiers = []
    for k in range(3):
        top = base - h + k * h * 0.22
        bottom = base - h * 0.1 - (2 - k) * h * 0.2
        half = w * (0.3 + 0.2 * k)
        tiers.append(polygon_d([(x, top), (x + half, bottom), (x - half, bottom)]))
    return shapes.union([trunk, *tiers])


def _palm(x: float, base: float, h: float, lean: float) -> str:
    trunk = shapes.stroke_outline(f"M{num(x)} {num(base)}Q{num(x + lean * h * 0.1)} {num(base - h * 0.5)} "
                                  f"{num(x + lean * h * 0.3)} {num(base - h)}", h * 0.05)
    top = (x + lean * h * 0.3, base - h)
    fronds = [_leaf(top[0], top[1], h * 0.45, a, 0.22) for a in (-170, -135, -100, -60, -20, 15)]
    return shapes.union([trunk, *fronds])


def _round_tree(x: float, base: float, h: float) -> str:
    r = h * 0.3
    trunk = rect_d(x - h * 0.035, base - h * 0.45, h * 0.07, h * 0.45)
    return shapes.union([trunk, circle_d(x, base - h + r, r), circle_d(x - r * 0.55, base - h + r * 1.6, r * 0.7),
                         circle_d(x + r * 0.55, base - h + r * 1.6, r * 0.7)])


def _skyline(ctx: Ctx, x0: float, x1: float, base: float, height: float, unit: float) -> tuple[str, list[Box]]:
    """A row of buildings standing on y = base: their union, and each facade box (for windows)."""
    rng = ctx.rng
    x = x0 - unit * rng.uniform(0, 1)
    parts: list[str] = []
    boxes: list[Box] = []
    while x < x1:
        bw = unit * rng.uniform(1.0, 2.2)
        bh = height * rng.uniform(0.35, 1.0)
        parts.append(rect_d(x, base - bh, bw, bh + 1))
        boxes.append((x, base - bh, x + bw, base))
        roof = rng.random()
        if roof < 0.15:
            parts.append(rect_d(x + bw * 0.45, base - bh - bh * 0.18, bw * 0.1, bh * 0.18))
        elif roof < 0.3:
            parts.append(polygon_d([(x, base - bh), (x + bw / 2, base - bh - bw * 0.4), (x + bw, base - bh)]))
        elif roof < 0.45:
            parts.append(rect_d(x + bw * 0.15, base - bh - unit * 0.35, bw * 0.7, unit * 0.36))
        x += bw + unit * rng.choice([0.0, 0.0, 0.15, 0.3])
    return shapes.union(parts), boxes


def _cloud(x: float, y: float, w: float) -> str:
    h = w * 0.28
    parts = [rect_d(x - w / 2, y - h * 0.5, w, h * 0.5 + 0.01, h * 0.25),
             circle_d(x - w * 0.18, y - h * 0.55, h * 0.55),
             circle_d(x + w * 0.12, y - h * 0.75, h * 0.75)]
    return shapes.union(parts)


def _crescent(x: float, y: float, r: float) -> str:
    return shapes.difference(circle_d(x, y, r), circle_d(x + r * 0.42, y - r * 0.28, r * 0.86))


def _stars(ctx: Ctx, node: Node, box: Box, count: int, color: RGB, avoid: Callable[[float, float], bool]) -> None:
    x0, y0, x1, y1 = box
    for _ in range(count):
        x, y = ctx.rng.uniform(x0, x1), ctx.rng.uniform(y0, y1)
        if avoid(x, y):
            continue
        r = ctx.short * ctx.rng.choice([0.002, 0.003, 0.003, 0.0045])
        if ctx.rng.random() < 0.12:
            k = r * 3.2
            node.path(polygon_d([(x, y - k), (x + k * 0.22, y - k * 0.22), (x + k, y), (x + k * 0.22, y + k * 0.22),
                                 (x, y + k), (x - k * 0.22, y + k * 0.22), (x - k, y), (x - k * 0.22, y - k * 0.22)]),
                      color)
        else:
            node.circle(x, y, r, color)


def _birds(ctx: Ctx, node: Node, x: float, y: float, size: float, color: RGB, count: int = 3) -> None:
    for k in range(count):
        bx = x + k * size * ctx.rng.uniform(1.2, 1.8)
        by = y + ctx.rng.uniform(-0.6, 0.6) * size
        s = size * ctx.rng.uniform(0.5, 0.8)
        node.path(f"M{num(bx - s)} {num(by - s * 0.3)}Q{num(bx - s * 0.45)} {num(by - s * 0.55)} {num(bx)} "
                  f"{num(by)}Q{num(bx + s * 0.45)} {num(by - s * 0.55)} {num(bx + s)} {num(by - s * 0.3)}", None,
                  stroke=color, stroke_width=round(max(1.5, s * 0.14), 2), stroke_linecap="round",
                  stroke_linejoin="round")


def _grain(ctx: Ctx, node: Node, d: str, box: Box, color: RGB, density: float = 0.00035) -> None:
    """A printed-paper stipple clipped to a shape: the 'hand-made texture' without raster noise."""
    x0, y0, x1, y1 = box
    count = int((x1 - x0) * (y1 - y0) * density / max(1.0, (ctx.short / 1024) ** 2))
    count = min(count, 900)
    if count <= 0:
        return
    holder = node.group("grain", clip_path=ctx.canvas.clip(d))
    dots = []
    for _ in range(count):
        x, y = ctx.rng.uniform(x0, x1), ctx.rng.uniform(y0, y1)
        r = ctx.short * ctx.rng.uniform(0.0012, 0.0026)
        dots.append(circle_d(x, y, r))
    holder.path("".join(dots), color)


# --- frames -------------------------------------------------------------------------------------------

def _frame(ctx: Ctx, style: str, box: Box) -> str:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if style == "circle":
        r = min(w, h) / 2
        return circle_d((x0 + x1) / 2, (y0 + y1) / 2, r)
    if style == "arch":
        aw = min(w, h * 0.78)
        ax0 = (x0 + x1) / 2 - aw / 2
        r = aw / 2
        return (f"M{num(ax0)} {num(y1)}V{num(y0 + r)}A{num(r)} {num(r)} 0 0 1 {num(ax0 + aw)} {num(y0 + r)}"
                f"V{num(y1)}Z")
    if style == "rect":
        return rect_d(x0, y0, w, h)
    return rect_d(x0, y0, w, h, min(w, h) * 0.04)


# --- landscape ----------------------------------------------------------------------------------------

def _landscape(ctx: Ctx, art: Node, area: Box, clear_top: float = 0.0) -> str:
    """Layered flat scenery inside `area` (which may be the full canvas); nothing but sky above `clear_top`."""
    rng = ctx.rng
    x0, y0, x1, y1 = area
    w, h = x1 - x0, y1 - y0
    forest = has_word(ctx, "forest", "woods", "woodland", "pine", "pines", "trees", "jungle")
    want_water = has_word(ctx, "lake", "river", "sea", "ocean", "water", "reflection", "beach", "coast", "pond")
    mountains = has_word(ctx, "mountain", "mountains", "alps", "peaks", "peak", "range", "summit", "hiking") or (
        not forest and not has_word(ctx, "hills", "meadow", "field", "fields", "desert", "dunes", "beach"))
    city = has_word(ctx, "city", "skyline", "town", "buildings", "urban", "downtown", "metropolis", "skyscrapers")
    if city:
        mountains = False
    palms = has_word(ctx, "palm", "palms", "tropical", "beach", "island", "oasis")
    water = want_water or (mountains and rng.random() < 0.35 and not forest)
    layers = 4 if mountains else 3
    sky = _sky(ctx, layers + 1)
    # Sky: horizontal bands (stepped gradient), top darkest.
    horizon = y0 + h * rng.uniform(0.56, 0.64) if not water else y0 + h * rng.uniform(0.6, 0.66)
    if city:
        horizon = y0 + h * rng.uniform(0.68, 0.74)
    elif palms:
        horizon = y0 + h * rng.uniform(0.5, 0.56)
    bands = len(sky.sky)
    for i, c in enumerate(sky.sky):
        top = y0 + (horizon - y0) * (i / bands) * 0.9 if i else y0
        art.rect(x0, top, w, y1 - top, c)
    # Sun or moon.
    sun_x = x0 + w * rng.choice([0.3, 0.68, 0.5, 0.74])
    sun_r = min(w, h) * rng.uniform(0.09, 0.13)
    sun_y = max(horizon - h * rng.uniform(0.2, 0.3), clear_top + sun_r * 1.4)
    if has_word(ctx, "golden", "sunset", "sunrise", "dusk", "dawn") and not sky.night:
        sun_y = horizon - h * rng.uniform(0.05, 0.12)
        sun_r *= 1.35
    if sky.night:
        if rng.random() < 0.6:
            art.path(_crescent(sun_x, sun_y, sun_r * 0.75), sky.sun)
        else:
            art.circle(sun_x, sun_y, sun_r * 0.7, sky.sun)
        _stars(ctx, art, (x0, y0, x1, horizon - h * 0.05), int(90 * w * h / (1024 * 1024)), sky.glint,
               lambda x, y: math.hypot(x - sun_x, y - sun_y) < sun_r * 1.5)
    else:
        if rng.random() < 0.5:
            art.circle(sun_x, sun_y, sun_r * 1.35, _mix(ctx, sky.sun, sky.sky[-1], 0.6, sky.sky[-1]))
        art.circle(sun_x, sun_y, sun_r, sky.sun)
        for _k in range(rng.randint(1, 3)):
            cx = x0 + w * rng.uniform(0.1, 0.9)
            cy = max(clear_top + h * 0.06, y0 + (horizon - y0) * rng.uniform(0.15, 0.55))
            cw = min(w, h * 1.3) * rng.uniform(0.14, 0.22)
            if abs(cx - sun_x) < sun_r * 2 and abs(cy - sun_y) < sun_r * 1.5:
                continue
            if clear_top and cy - cw * 0.45 < clear_top:
                continue
            art.path(_cloud(cx, cy, cw), sky.cloud)
        if rng.random() < 0.6:
            _birds(ctx, art, x0 + w * rng.uniform(0.12, 0.6), max(clear_top + h * 0.04,
                                                                   y0 + (horizon - y0) * rng.uniform(0.25, 0.5)),
                   min(w, h) * 0.022, sky.ranges[-1])
    ground_fns: list[Callable[[float], float]] = []
    if mountains:
        for i in range(layers - 1):
            base = horizon + h * 0.02 * i
            height = h * (0.34 - 0.07 * i) * rng.uniform(0.85, 1.1)
            peaks = rng.randint(2, 3) + i
            pts = _ridge(ctx, x0 - w * 0.02, x1 + w * 0.02, base, height, peaks, sharp=True)
            body = polygon_d([(x0 - w * 0.02, y1), *pts, (x1 + w * 0.02, y1)])
            color = sky.ranges[i]
            art.path(body, color)
            # Facets: the side away from the sun in a deeper tone, snow on the far peaks.
            shade = tone(ctx, color, -0.05, 1.1, fallback=sky.ranges[min(i + 1, len(sky.ranges) - 1)])
            facets = []
            for k in range(1, len(pts) - 1):
                px, py = pts[k]
                if py < pts[k - 1][1] and py < pts[k + 1][1]:
                    nx, ny = pts[k + 1]
                    foot = px + (nx - px) * rng.uniform(0.1, 0.5) if sun_x < px else px - (px - pts[k - 1][0]) * \
                        rng.uniform(0.1, 0.5)
                    side = (nx, ny) if sun_x < px else pts[k - 1]
                    facets.append(polygon_d([(px, py), side, (side[0], y1), (foot, y1)]))
            if facets:
                art.path(shapes.intersect(body, shapes.union(facets)), shade)
            if (i == 0 and not sky.night) or (i == 0 and rng.random() < 0.5):
                caps = []
                for k in range(1, len(pts) - 1):
                    px, py = pts[k]
                    if py < pts[k - 1][1] and py < pts[k + 1][1] and base - py > height * 0.6:
                        ch = (base - py) * 0.26
                        zig = [(px - ch * 3, py + ch), (px - ch * 0.6, py + ch * 0.7), (px, py + ch * 1.1),
                               (px + ch * 0.6, py + ch * 0.75), (px + ch * 3, py + ch)]
                        caps.append(polygon_d([(px - ch * 3, py - ch), (px + ch * 3, py - ch), *reversed(zig)]))
                if caps:
                    art.path(shapes.intersect(body, shapes.union(caps)), sky.snow)
    if city:
        unit = w * rng.uniform(0.05, 0.07)
        for i in range(2):
            base = horizon + h * (0.02 + 0.06 * i)
            d, boxes = _skyline(ctx, x0, x1, base, h * (0.3 - 0.08 * i), unit * (1 - 0.15 * i))
            color = sky.ranges[1 + i * 2] if len(sky.ranges) > 3 else sky.ranges[min(i + 1, len(sky.ranges) - 1)]
            art.path(d, color)
            if i == 1:
                lit = sky.glint if sky.night else tone(ctx, color, 0.12, fallback=sky.sky[0])
                wins = []
                for bx0, by0, bx1, by1 in boxes:
                    cols = max(1, int((bx1 - bx0) / (unit * 0.38)))
                    rows = max(1, int((by1 - by0) / (unit * 0.45)))
                    for cxi in range(cols):
                        for ryi in range(rows - 1):
                            if rng.random() < 0.45:
                                continue
                            wx = bx0 + (bx1 - bx0) * (cxi + 0.3) / cols
                            wy = by0 + unit * 0.3 + ryi * unit * 0.45
                            wins.append(rect_d(wx, wy, (bx1 - bx0) / cols * 0.4, unit * 0.2))
                if wins:
                    art.path("".join(wins), lit)
    # Rolling hills in front (the last two range colours).
    hill_count = 2 if mountains else (1 if city else 3)
    for j in range(hill_count):
        idx = layers - hill_count + j
        base = horizon + h * (0.06 + 0.09 * j) if mountains else horizon + h * (0.0 + 0.09 * j)
        if water and j == hill_count - 1:
            break
        fn = _hill(ctx, x0, x1, base, h * rng.uniform(0.025, 0.05), rng.uniform(1.0, 2.2))
        ground_fns.append(fn)
        art.path(_fn_path(fn, x0 - 1, x1 + 1, y1), sky.ranges[max(0, min(idx, len(sky.ranges) - 1))])
    if water:
        wy = horizon + h * (0.1 if mountains else 0.08)
        art.rect(x0, wy, w, y1 - wy, sky.water)
        # Reflection: the sun's column as shrinking bars, and a few glints.
        if True:
            for k in range(6):
                bw = sun_r * (1.6 - k * 0.22)
                by = wy + (y1 - wy) * (0.08 + k * 0.11)
                if by > y1 - h * 0.02 or bw <= 0:
                    break
                art.path(rect_d(sun_x - bw / 2, by, bw, h * 0.012, h * 0.006), sky.glint)
        for _k in range(rng.randint(4, 7)):
            gx = x0 + w * rng.uniform(0.05, 0.85)
            gy = wy + (y1 - wy) * rng.uniform(0.15, 0.9)
            if abs(gx - sun_x) < sun_r * 1.2:
                continue
            gw = w * rng.uniform(0.04, 0.1)
            art.path(rect_d(gx, gy, gw, h * 0.007, h * 0.0035), _mix(ctx, sky.water, sky.glint, 0.45, sky.glint))
    if palms and water:
        sand = from_oklch(0.86, 0.07, 80) if not ctx.scheme.constrained else sky.ranges[0]
        fn = _hill(ctx, x0, x1, y1 - h * 0.12, h * 0.03, 1.2)
        art.path(_fn_path(fn, x0 - 1, x1 + 1, y1 + 1), sand)
        ground_fns.append(fn)
    # Trees on the front hill (or a forest band).
    if (forest or palms or rng.random() < 0.6) and ground_fns and not city:
        fn = ground_fns[-1]
        count = rng.randint(5, 9) if forest else (rng.randint(2, 3) if palms else rng.randint(2, 4))
        tree_h = h * (0.16 if forest else 0.12)
        xs = sorted(x0 + w * rng.uniform(0.02, 0.98) for _ in range(count))
        trees = []
        pine = forest or rng.random() < 0.6
        for tx in xs:
            th = tree_h * rng.uniform(0.7, 1.25)
            if palms:
                trees.append(_palm(tx, fn(tx) + th * 0.05, th * 1.5, rng.choice([-1, 1]) * rng.uniform(0.3, 0.8)))
            else:
                trees.append(_pine(tx, fn(tx) + th * 0.05, th) if pine else _round_tree(tx, fn(tx) + th * 0.05, th))
        art.path(shapes.union(trees), sky.tree)
    if forest and not water:
        # A near band of darker pines framing the bottom.
        fn = _hill(ctx, x0, x1, y1 - h * 0.06, h * 0.02, 1.5)
        art.path(_fn_path(fn, x0 - 1, x1 + 1, y1), tone(ctx, sky.tree, -0.04))
        trees = [_pine(x0 + w * (k + rng.uniform(0.2, 0.8)) / 7, fn(x0 + w * (k + 0.5) / 7) + h * 0.01,
                       h * rng.uniform(0.22, 0.32)) for k in range(7)]
        art.path(shapes.union(trees), tone(ctx, sky.tree, -0.04))
    return "landscape-" + ("mountains" if mountains else "hills") + ("-water" if water else "") + (
        "-night" if sky.night else "")


def _line_landscape(ctx: Ctx, art: Node, area: Box, color: RGB, accent: RGB, open_ends: bool = False) -> str:
    """The same scenery in uniform-weight strokes: ridges occlude what is behind them, no fills."""
    rng = ctx.rng
    x0, y0, x1, y1 = area
    w, h = x1 - x0, y1 - y0
    weight = max(2.0, ctx.short * 0.006)
    horizon = y0 + h * rng.uniform(0.6, 0.68)
    ranges: list[tuple[str, str]] = []  # (outline polygon, ridge line)
    layers = rng.choice([2, 3])
    wide = max(1.0, w / h)
    for i in range(layers):
        base = horizon + h * 0.05 * i
        height = h * (0.42 - 0.1 * i) * rng.uniform(0.85, 1.05) * (1.15 if wide > 1.4 else 1.0)
        peaks = rng.randint(1, 2) + i + (int(wide) if wide > 1.4 else 0)
        if open_ends:
            inset = w * (0.04 + 0.05 * (layers - 1 - i))
            pts = _ridge(ctx, x0 + inset, x1 - inset, base, height, peaks, sharp=True)
            pts = [(x0 + inset - height * 0.2, base), *pts[1:-1], (x1 - inset + height * 0.2, base)]
            body = polygon_d([(pts[0][0], y1 + h), *pts, (pts[-1][0], y1 + h)])
        else:
            pts = _ridge(ctx, x0 - w * 0.05, x1 + w * 0.05, base, height, peaks, sharp=True)
            body = polygon_d([(x0 - w * 0.05, y1 + h), *pts, (x1 + w * 0.05, y1 + h)])
        line = "M" + "L".join(f"{num(x)} {num(y)}" for x, y in pts)
        # Ridge detail: a line down from each peak's shoulder (the shaded face's edge).
        for k in range(1, len(pts) - 1):
            px, py = pts[k]
            if py < pts[k - 1][1] and py < pts[k + 1][1] and base - py > height * 0.5:
                drop = (base - py) * rng.uniform(0.35, 0.6)
                line += f"M{num(px)} {num(py)}L{num(px + drop * 0.18)} {num(py + drop * 0.45)}" \
                        f"L{num(px - drop * 0.05)} " \
                        f"{num(py + drop)}"
        ranges.append((body, line))
    sun_x = x0 + w * rng.uniform(0.28, 0.72)
    sun_y = y0 + h * rng.uniform(0.22, 0.32)
    sun_r = min(w, h) * rng.uniform(0.08, 0.11)
    strokes: list[tuple[str, RGB]] = []
    nearer = ""
    for i in reversed(range(layers)):
        body, line = ranges[i]
        outline = shapes.stroke_outline(line, weight)
        if nearer:
            outline = shapes.difference(outline, nearer)
        strokes.append((outline, color))
        nearer = body if not nearer else shapes.union([nearer, body])
    # The sun: a ring (its lower part hidden behind the ranges), sometimes with rays; water lines below.
    sun = shapes.stroke_outline(circle_d(sun_x, sun_y, sun_r), weight)
    sun = shapes.difference(sun, nearer)
    strokes.append((sun, accent))
    lines = ""
    for _k in range(rng.randint(2, 3)):
        cy = y0 + h * rng.uniform(0.16, 0.36)
        cx = x0 + w * rng.uniform(0.3, 0.7)
        if abs(cx - sun_x) < sun_r * 2.5 and abs(cy - sun_y) < sun_r * 2:
            continue
        cw = w * rng.uniform(0.1, 0.16)
        cloud = f"M{num(cx - cw / 2)} {num(cy)}H{num(cx + cw / 2)}M{num(cx - cw * 0.25)} {num(cy - weight * 3)}" \
                f"H{num(cx + cw * 0.3)}"
        if shapes.intersect(shapes.stroke_outline(cloud, weight * 4), nearer):
            continue  # a cloud must not touch a ridge
        lines += cloud
    water_top = horizon + h * 0.1
    for k in range(4):
        yy = water_top + k * h * 0.05
        if yy > y1 - weight * 2:
            break
        inset = w * (0.08 + 0.06 * k) + w * rng.uniform(0, 0.05)
        lines += f"M{num(x0 + inset)} {num(yy)}H{num(x1 - inset * rng.uniform(0.6, 1.2))}"
    if lines:
        body = shapes.stroke_outline(lines, weight)
        strokes.append((shapes.difference(body, shapes.difference(nearer, rect_d(x0 - w, water_top - weight * 3,
                                                                                 3 * w, 2 * h))), color))
    if open_ends:
        gy = horizon + h * 0.05 * (layers - 1)
        strokes.append((shapes.stroke_outline(f"M{num(x0)} {num(gy)}H{num(x1)}", weight), color))
    if rng.random() < 0.6:
        _birds(ctx, art, x0 + w * rng.uniform(0.15, 0.55), y0 + h * rng.uniform(0.2, 0.35), min(w, h) * 0.025, color)
    for d, c in strokes:
        if d:
            art.path(d, c)
    return "line-landscape"


# --- still life ---------------------------------------------------------------------------------------

def _product_kind(ctx: Ctx) -> str:
    if has_word(ctx, "wrapper", "candy", "chocolate", "snack", "bar") and ctx.brief.texts:
        return "wrapper"
    if has_word(ctx, "dropper", "serum", "essence", "oil", "tincture"):
        return "dropper"
    if has_word(ctx, "perfume", "fragrance", "cologne", "eau", "parfum"):
        return "perfume"
    if has_word(ctx, "jar", "cream", "moisturizer", "moisturiser", "balm", "butter"):
        return "jar"
    if has_word(ctx, "tube", "sunscreen", "toothpaste", "lipstick"):
        return "tube"
    if has_word(ctx, "lotion", "pump", "cleanser", "shampoo", "soap", "wash", "conditioner"):
        return "pump"
    if has_word(ctx, "candle"):
        return "candle"
    if has_word(ctx, "can", "soda", "beer", "drink"):
        return "can"
    if has_word(ctx, "wrapper", "candy", "chocolate", "snack"):
        return "wrapper"
    if has_word(ctx, "bottle", "skincare", "cosmetic", "cosmetics", "toner", "beauty"):
        return ctx.rng.choice(["dropper", "pump", "dropper"])
    return "icon"


@dataclass
class Studio:
    backdrop: RGB
    arch: RGB
    plinth: RGB
    plinth_side: RGB
    plinth_shade: RGB
    body: RGB
    body_shade: RGB
    body_light: RGB
    cap: RGB
    cap_shade: RGB
    label: RGB
    label_ink: RGB
    leaf: RGB
    shadow: RGB


def _studio(ctx: Ctx) -> Studio:
    s, b = ctx.scheme, ctx.brief
    if s.constrained:
        light = sorted(s.colors(), key=lambda c: -oklch(c)[0])
        return Studio(backdrop=s.ground, arch=s.surface, plinth=light[min(1, len(light) - 1)],
                      plinth_side=s.secondary, plinth_shade=s.secondary, body=s.primary, body_shade=s.primary,
                      body_light=s.surface, cap=s.accent, cap_shade=s.accent, label=s.surface,
                      label_ink=readable(s.surface, s.colors()), leaf=s.secondary, shadow=s.secondary)
    named = b.color_names
    gold = any(n in ("gold", "golden", "brass", "bronze", "amber") for n in named) or b.has("elegant")
    warm_hue = 75.0
    _prim_l, prim_c, prim_h = oklch(s.primary)
    stone = any(n in ("stone", "cream", "beige", "sand", "ivory", "marble") for n in named) or b.has("elegant")
    backdrop = s.ground
    bl = oklch(backdrop)[0]
    dark = bl < 0.5
    if stone:
        plinth = from_oklch(0.9, 0.02, 80)
        arch = from_oklch(0.86 if not dark else 0.3, 0.03, 70)
    else:
        plinth = from_oklch(0.9 if not dark else 0.4, 0.03, prim_h)
        arch = from_oklch(0.88 if not dark else 0.28, 0.04, prim_h)
    if not dark and abs(oklch(arch)[0] - bl) < 0.04:
        arch = tone(ctx, arch, -0.05)
    body_hue = prim_h
    body_c = min(0.09, prim_c) if b.has("elegant") else min(0.14, prim_c)
    frosted = has_word(ctx, "frosted", "glass", "clear", "transparent")
    body = from_oklch(0.84 if frosted else 0.62, body_c * (0.5 if frosted else 1), body_hue)
    cap = from_oklch(0.76, 0.11, warm_hue) if gold else from_oklch(0.3, 0.03, prim_h)
    return Studio(
        backdrop=backdrop, arch=arch, plinth=plinth, plinth_side=tone(ctx, plinth, -0.06),
        plinth_shade=tone(ctx, plinth, -0.12), body=body, body_shade=tone(ctx, body, -0.08, 1.1),
        body_light=tone(ctx, body, 0.08, 0.6), cap=cap, cap_shade=tone(ctx, cap, -0.12),
        label=from_oklch(0.97, 0.01, 80) if frosted else tone(ctx, body, 0.25, 0.4),
        label_ink=from_oklch(0.3, 0.03, prim_h), leaf=from_oklch(0.55 if not dark else 0.6, 0.07, 150),
        shadow=tone(ctx, plinth, -0.2, 0.8))


def _leaf(x: float, y: float, length: float, angle: float, width: float = 0.28) -> str:
    """A pointed leaf from (x, y) along `angle` (degrees)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    px, py = -uy, ux
    tip = (x + ux * length, y + uy * length)
    wdt = length * width
    c1 = (x + ux * length * 0.3 + px * wdt, y + uy * length * 0.3 + py * wdt)
    c2 = (x + ux * length * 0.75 + px * wdt * 0.8, y + uy * length * 0.75 + py * wdt * 0.8)
    c3 = (x + ux * length * 0.75 - px * wdt * 0.8, y + uy * length * 0.75 - py * wdt * 0.8)
    c4 = (x + ux * length * 0.3 - px * wdt, y + uy * length * 0.3 - py * wdt)
    return (f"M{num(x)} {num(y)}C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(tip[0])} {num(tip[1])}"
            f"C{num(c3[0])} {num(c3[1])} {num(c4[0])} {num(c4[1])} {num(x)} {num(y)}Z")


def _branch(ctx: Ctx, x: float, y: float, length: float, angle: float, leaves: int) -> str:
    """A stem with paired leaves (eucalyptus / olive sprig)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    stem = shapes.stroke_outline(f"M{num(x)} {num(y)}L{num(x + ux * length)} {num(y + uy * length)}",
                                 max(1.5, length * 0.012))
    parts = [stem]
    for k in range(leaves):
        t = 0.22 + 0.75 * k / max(1, leaves - 1)
        bx, by = x + ux * length * t, y + uy * length * t
        size = length * (0.3 - 0.12 * t)
        side = 1 if k % 2 == 0 else -1
        parts.append(_leaf(bx, by, size, angle + side * 48, 0.32))
    parts.append(_leaf(x + ux * length, y + uy * length, length * 0.2, angle, 0.3))
    return shapes.union(parts)


def _plinth(node: Node, st: Studio, cx: float, top: float, w: float, h: float) -> None:
    """A cylinder seen slightly from above: body, shaded side, lit top ellipse."""
    ry = w * 0.09
    body = (f"M{num(cx - w / 2)} {num(top)}V{num(top + h)}A{num(w / 2)} {num(ry)} 0 0 0 {num(cx + w / 2)} "
            f"{num(top + h)}V{num(top)}Z")
    node.path(body, st.plinth_side)
    shade = (f"M{num(cx + w * 0.18)} {num(top + ry * 0.97)}V{num(top + h + ry * 0.97)}A{num(w / 2)} {num(ry)} 0 0 0 "
             f"{num(cx + w / 2)} {num(top + h)}V{num(top)}Z")
    node.path(shade, st.plinth_shade)
    node.add("ellipse", cx=round(cx, 2), cy=round(top, 2), rx=round(w / 2, 2), ry=round(ry, 2), fill=st.plinth)


def _product(ctx: Ctx, node: Node, st: Studio, kind: str, cx: float, base: float, h: float) -> Box:
    """Draw the product standing on y = base, `h` tall; returns its label box (for text)."""
    if kind == "dropper":
        bw = h * 0.46
        body_h = h * 0.6
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.16), st.body)
        node.path(rect_d(cx + bw * 0.12, by, bw * 0.38, body_h, bw * 0.16), st.body_shade)
        node.path(rect_d(cx - bw * 0.36, by + body_h * 0.08, bw * 0.08, body_h * 0.8, bw * 0.04), st.body_light)
        nw = bw * 0.42
        node.path(rect_d(cx - nw / 2, by - h * 0.05, nw, h * 0.06), st.body_shade)
        cw = bw * 0.56
        ch = h * 0.13
        cy = by - h * 0.05 - ch
        node.path(rect_d(cx - cw / 2, cy, cw, ch, cw * 0.08), st.cap)
        node.path(rect_d(cx + cw * 0.14, cy, cw * 0.36, ch, cw * 0.08), st.cap_shade)
        for k in range(1, 4):
            node.rect(cx - cw / 2, cy + ch * k / 4, cw, max(1.0, ch * 0.04), st.cap_shade)
        bulb_w = cw * 0.72
        bulb_h = h * 0.2
        top = cy - bulb_h
        node.path(f"M{num(cx - bulb_w / 2)} {num(cy)}V{num(top + bulb_w / 2)}"
                  f"A{num(bulb_w / 2)} {num(bulb_w / 2)} 0 0 1 "
                  f"{num(cx + bulb_w / 2)} {num(top + bulb_w / 2)}V{num(cy)}Z", st.cap if ctx.rng.random() < 0.3 else
                  st.label_ink)
        return (cx - bw * 0.38, by + body_h * 0.3, cx + bw * 0.38, by + body_h * 0.72)
    if kind == "pump":
        bw = h * 0.44
        body_h = h * 0.68
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.22), st.body)
        node.path(rect_d(cx + bw * 0.1, by, bw * 0.4, body_h, bw * 0.22), st.body_shade)
        node.path(rect_d(cx - bw * 0.34, by + body_h * 0.1, bw * 0.07, body_h * 0.75, bw * 0.035), st.body_light)
        collar = h * 0.07
        node.path(rect_d(cx - bw * 0.26, by - collar, bw * 0.52, collar + 1, bw * 0.05), st.cap)
        stem_h = h * 0.12
        node.rect(cx - bw * 0.07, by - collar - stem_h, bw * 0.14, stem_h, st.cap_shade)
        head_y = by - collar - stem_h - h * 0.06
        node.path(rect_d(cx - bw * 0.22, head_y, bw * 0.44, h * 0.065, h * 0.02), st.cap)
        node.path(rect_d(cx + bw * 0.1, head_y + h * 0.012, bw * 0.42, h * 0.035, h * 0.015), st.cap)
        return (cx - bw * 0.36, by + body_h * 0.3, cx + bw * 0.36, by + body_h * 0.7)
    if kind == "jar":
        bw = h * 0.95
        body_h = h * 0.5
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.08), st.body)
        node.path(rect_d(cx + bw * 0.14, by, bw * 0.36, body_h, bw * 0.08), st.body_shade)
        lid_h = h * 0.2
        node.path(rect_d(cx - bw * 0.52, by - lid_h, bw * 1.04, lid_h + 2, bw * 0.05), st.cap)
        node.path(rect_d(cx + bw * 0.16, by - lid_h, bw * 0.36, lid_h + 2, bw * 0.05), st.cap_shade)
        return (cx - bw * 0.38, by + body_h * 0.22, cx + bw * 0.38, by + body_h * 0.78)
    if kind == "tube":
        bw = h * 0.4
        tube = (f"M{num(cx - bw * 0.3)} {num(base - h * 0.1)}L{num(cx - bw / 2)} {num(base - h * 0.95)}"
                f"H{num(cx + bw / 2)}L{num(cx + bw * 0.3)} {num(base - h * 0.1)}Z")
        node.path(tube, st.body)
        node.path(rect_d(cx - bw * 0.5, base - h * 0.98, bw, h * 0.05, h * 0.01), st.body_shade)
        node.path(rect_d(cx - bw * 0.3, base - h * 0.1, bw * 0.6, h * 0.1, h * 0.015), st.cap)
        return (cx - bw * 0.36, base - h * 0.75, cx + bw * 0.36, base - h * 0.4)
    if kind == "perfume":
        bw = h * 0.62
        body_h = h * 0.62
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.12), st.body)
        node.path(rect_d(cx - bw * 0.38, by + body_h * 0.12, bw * 0.76, body_h * 0.76, bw * 0.08), st.body_light)
        node.rect(cx - bw * 0.12, by - h * 0.06, bw * 0.24, h * 0.07, st.cap_shade)
        cap_w = bw * 0.48
        node.path(rect_d(cx - cap_w / 2, by - h * 0.32, cap_w, h * 0.27, cap_w * 0.1), st.cap)
        node.path(rect_d(cx + cap_w * 0.15, by - h * 0.32, cap_w * 0.35, h * 0.27, cap_w * 0.1), st.cap_shade)
        return (cx - bw * 0.3, by + body_h * 0.32, cx + bw * 0.3, by + body_h * 0.68)
    if kind == "candle":
        bw = h * 0.8
        body_h = h * 0.7
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.06), st.body)
        node.path(rect_d(cx + bw * 0.15, by, bw * 0.35, body_h, bw * 0.06), st.body_shade)
        node.rect(cx - h * 0.01, by - h * 0.1, h * 0.02, h * 0.1, st.label_ink)
        node.path(_leaf(cx, by - h * 0.08, h * 0.22, -90, 0.3), st.cap)
        return (cx - bw * 0.35, by + body_h * 0.3, cx + bw * 0.35, by + body_h * 0.7)
    if kind == "can":
        bw = h * 0.52
        node.path(rect_d(cx - bw / 2, base - h, bw, h, bw * 0.12), st.body)
        node.path(rect_d(cx + bw * 0.12, base - h, bw * 0.38, h, bw * 0.12), st.body_shade)
        node.rect(cx - bw / 2, base - h * 0.93, bw, h * 0.02, st.body_light)
        node.rect(cx - bw / 2, base - h * 0.09, bw, h * 0.02, st.body_light)
        return (cx - bw * 0.4, base - h * 0.72, cx + bw * 0.4, base - h * 0.3)
    # A subject icon as a sculpture.
    icon = best_icon(ctx, (subject_queries(ctx) or ["gift"])[0], solid=True, min_score=0.5)
    if icon is not None:
        ctx.draw_icon(node, icon, cx, base - h * 0.5, h, st.body, name="product")
    return (cx - h * 0.3, base - h * 0.6, cx + h * 0.3, base - h * 0.4)


def _still_life(ctx: Ctx, art: Node) -> str:
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    st = _studio(ctx)
    kind = _product_kind(ctx)
    if kind == "wrapper":
        return _wrapper_scene(ctx, art)
    m = ctx.margin
    floor = h * rng.uniform(0.8, 0.84) if h >= w else h * 0.84
    cx = w / 2 + (w * rng.uniform(-0.06, 0.06) if w > h * 1.2 else 0)
    # Backdrop arch (or disc), floor line.
    arch_w = min(w * 0.62, h * 0.56) if w >= h * 0.8 else w * 0.74
    arch_top = max(m * 0.6, h * 0.1)
    if rng.random() < 0.6:
        art.path(f"M{num(cx - arch_w / 2)} {num(floor)}V{num(arch_top + arch_w / 2)}A{num(arch_w / 2)} "
                 f"{num(arch_w / 2)} 0 0 1 {num(cx + arch_w / 2)} {num(arch_top + arch_w / 2)}V{num(floor)}Z",
                 st.arch)
        backdrop = "arch"
    else:
        art.circle(cx, floor - arch_w * 0.62, arch_w * 0.55, st.arch)
        backdrop = "disc"
    if ctx.scheme.background is not None:
        art.rect(0, floor, w, h - floor, tone(ctx, st.backdrop, -0.04, fallback=st.arch))
    # Leaves behind the plinth.
    plinth_w = min(w, h) * rng.uniform(0.36, 0.44)
    plinth_h = min(w, h) * rng.uniform(0.16, 0.22)
    plinth_top = floor - plinth_h
    if rng.random() < 0.8:
        sprigs = []
        side = rng.choice([-1, 1])
        sprigs.append(_branch(ctx, cx + side * plinth_w * 0.35, plinth_top + plinth_h * 0.2, min(w, h) * 0.42,
                              -90 + side * rng.uniform(18, 32), 7))
        if rng.random() < 0.6:
            sprigs.append(_branch(ctx, cx - side * plinth_w * 0.3, plinth_top + plinth_h * 0.3, min(w, h) * 0.3,
                                  -90 - side * rng.uniform(25, 40), 5))
        art.path(shapes.union(sprigs), st.leaf)
    # Floor shadow, plinth (sometimes a low second step), product, its shadow on the plinth.
    art.add("ellipse", cx=round(cx + plinth_w * 0.08, 2), cy=round(floor + plinth_w * 0.06, 2),
            rx=round(plinth_w * 0.62, 2), ry=round(plinth_w * 0.08, 2), fill=st.shadow)
    if rng.random() < 0.4:
        _plinth(art, st, cx, floor - plinth_h * 0.32, plinth_w * 1.35, plinth_h * 0.32)
        plinth_top -= plinth_h * 0.32 - 1
        _plinth(art, st, cx, plinth_top, plinth_w, plinth_h * 0.68 + 1)
    else:
        _plinth(art, st, cx, plinth_top, plinth_w, plinth_h)
    prod_h = min(h * 0.56, (plinth_top - arch_top) * 0.92, w * 0.7)
    art.add("ellipse", cx=round(cx + prod_h * 0.05, 2), cy=round(plinth_top, 2), rx=round(prod_h * 0.3, 2),
            ry=round(plinth_w * 0.035, 2), fill=st.plinth_side)
    label = _product(ctx, art, st, kind, cx, plinth_top + plinth_w * 0.02, prod_h)
    _label(ctx, art, st, label, kind)
    # Wide frames: a second, lower stage to one side with a sphere (or a smaller product) on it.
    if w > h * 1.3:
        side = rng.choice([-1, 1])
        sw = plinth_w * 0.8
        sh = plinth_h * 0.55
        sx = cx + side * (plinth_w * 0.5 + sw * 0.75)
        art.add("ellipse", cx=round(sx + sw * 0.06, 2), cy=round(floor + sw * 0.05, 2), rx=round(sw * 0.6, 2),
                ry=round(sw * 0.07, 2), fill=st.shadow)
        art.path(rect_d(sx - sw / 2, floor - sh, sw, sh), st.plinth_side)
        art.path(rect_d(sx + sw * 0.12, floor - sh, sw * 0.38, sh), st.plinth_shade)
        art.path(rect_d(sx - sw / 2, floor - sh - sw * 0.06, sw, sw * 0.06), st.plinth)
        top = floor - sh - sw * 0.06
        if kind in ("dropper", "pump", "tube", "perfume") and rng.random() < 0.5:
            _product(ctx, art, st, "jar", sx, top, prod_h * 0.42)
        else:
            r = sw * 0.26
            art.circle(sx, top - r, r, st.body)
            art.path(shapes.difference(circle_d(sx, top - r, r), circle_d(sx - r * 0.3, top - r * 1.25, r)),
                     st.body_shade)
        art.path(_branch(ctx, cx - side * plinth_w * 0.9, floor, min(w, h) * 0.36, -90 - side * 12, 6), st.leaf)
    # A pebble or sphere beside the plinth.
    elif rng.random() < 0.7:
        r = plinth_w * rng.uniform(0.1, 0.14)
        px = cx + rng.choice([-1, 1]) * (plinth_w * 0.5 + r * 1.6)
        art.circle(px, floor - r, r, st.plinth)
        art.path(shapes.difference(circle_d(px, floor - r, r), circle_d(px - r * 0.3, floor - r * 1.25, r)),
                 st.plinth_side)
    return f"still-life-{kind}-{backdrop}"


def _label(ctx: Ctx, node: Node, st: Studio, box: Box, kind: str) -> None:
    """The product label: the brief's name if it has one, else a plain band with a rule (no invented words)."""
    x0, y0, x1, y1 = box
    if kind == "icon":
        return
    name = ctx.brief.headline
    node.path(rect_d(x0, y0, x1 - x0, y1 - y0, (x1 - x0) * 0.04), st.label)
    if name:
        ctx.text(node, name, (x0 + (x1 - x0) * 0.1, y0 + (y1 - y0) * 0.15, x1 - (x1 - x0) * 0.1,
                              y1 - (y1 - y0) * 0.15), st.label_ink, max_lines=2, name="label-text")
    else:
        my = (y0 + y1) / 2
        node.rect(x0 + (x1 - x0) * 0.3, my - max(1.0, (y1 - y0) * 0.03), (x1 - x0) * 0.4, max(2.0, (y1 - y0) * 0.06),
                  st.label_ink)
        node.circle((x0 + x1) / 2, y0 + (y1 - y0) * 0.28, (y1 - y0) * 0.07, st.cap)


# --- packaged product with the prompt's text ------------------------------------------------------------

_DRAGON = (
    "..............X.X...",
    ".............XXXX...",
    "......W......XOXXXX.",
    ".....WW.....XXXXXXXX",
    "....WWW....XXXX.....",
    "...WWWW...XXXX......",
    "..WWWWWW.XXXX.......",
    "..WWWWWWXXXXX.......",
    "....XXXXXXXXXX......",
    "X...XXXXXXXXXXX.....",
    ".X.XXXXXXXXXXXX.....",
    "..XXX.XX...XX.......",
    "......XX...XX.......",
    ".....XXX..XXX.......",
)


def _pixel_sprite(node: Node, rows: Sequence[str], x: float, y: float, px: float, color: RGB, eye: RGB,
                  wing: RGB | None = None, flip: bool = False) -> None:
    body, dots, wings = [], [], []
    width = max(len(r) for r in rows)
    for j, row in enumerate(rows):
        for i, ch in enumerate(row):
            ii = width - 1 - i if flip else i
            cell = rect_d(x + ii * px, y + j * px, px + 0.3, px + 0.3)
            if ch == "X":
                body.append(cell)
            elif ch == "W":
                wings.append(cell)
            elif ch == "O":
                dots.append(cell)
    if wings:
        node.path("".join(wings), wing or color)
    if body:
        node.path("".join(body), color)
    if dots:
        node.path("".join(dots), eye)


def _wrapper_scene(ctx: Ctx, art: Node) -> str:
    """A candy bar in its wrapper, tilted, with motion lines: the 'thrilling search' as a hero shot."""
    s, rng = ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    name = ctx.brief.headline or ""
    wrapper = s.primary
    if not s.constrained and "purple" not in ctx.brief.color_names and not ctx.brief.colors:
        wrapper = from_oklch(0.45, 0.17, 305)
    wrap_dark = tone(ctx, wrapper, -0.1, fallback=s.secondary)
    wrap_light = tone(ctx, wrapper, 0.12, 0.8, fallback=s.accent)
    pop = s.accent if contrast_ratio(s.accent, wrapper) > 2.2 else readable(wrapper, [s.on_primary, s.ground, s.ink])
    letter = readable(wrapper, [from_oklch(0.97, 0.02, 95) if not s.constrained else s.ground, s.on_primary, s.ground,
                                s.ink])
    cx, cy = w / 2, h * 0.5
    # Burst behind: radial rays in two tones.
    rays = []
    count = 18
    big = math.hypot(w, h)
    for k in range(count):
        a0 = 2 * math.pi * k / count + rng.uniform(-0.03, 0.03)
        a1 = a0 + math.pi / count
        rays.append(polygon_d([(cx, cy), (cx + big * math.cos(a0), cy + big * math.sin(a0)),
                               (cx + big * math.cos(a1), cy + big * math.sin(a1))]))
    if s.background is not None:
        ray_color = tone(ctx, s.ground, -0.05, fallback=s.surface)
        art.path(shapes.intersect(shapes.union(rays), rect_d(0, 0, w, h)), ray_color)
    # Sparkles and speed lines.
    for k in range(rng.randint(5, 8)):
        a = rng.uniform(0, 2 * math.pi)
        r = min(w, h) * rng.uniform(0.36, 0.46)
        x, y = cx + r * math.cos(a) * (w / min(w, h)) * 0.9, cy + r * math.sin(a)
        if not (ctx.margin < x < w - ctx.margin and ctx.margin < y < h - ctx.margin):
            continue
        if abs(y - cy) < min(w, h) * 0.3 and abs(x - cx) < w * 0.45:
            continue
        k2 = min(w, h) * rng.uniform(0.018, 0.032)
        art.path(polygon_d([(x, y - k2), (x + k2 * 0.25, y - k2 * 0.25), (x + k2, y), (x + k2 * 0.25, y + k2 * 0.25),
                            (x, y + k2), (x - k2 * 0.25, y + k2 * 0.25), (x - k2, y), (x - k2 * 0.25, y - k2 * 0.25)]),
                 s.accent if k % 2 else pop)
    # The bar: a pillow pack with crimped ends, tilted.
    bw = min(w - 2 * ctx.margin - w * 0.04, h * 1.2)
    bh = bw * 0.36
    tilt = rng.uniform(-14, -7)
    bar = art.group("candy", transform=f"rotate({num(tilt)} {num(cx)} {num(cy)})")
    crimp = bw * 0.07
    x0, x1 = cx - bw / 2, cx + bw / 2
    y0, y1 = cy - bh / 2, cy + bh / 2
    for side in (-1, 1):
        ex = x0 if side < 0 else x1
        teeth = 8
        pts = [(ex, y0 + bh * 0.06)]
        for t in range(teeth + 1):
            ty = y0 + bh * 0.06 + (bh * 0.88) * t / teeth
            pts.append((ex + side * crimp * (1.0 if t % 2 == 0 else 0.75), ty))
        pts.append((ex, y1 - bh * 0.06))
        bar.polygon(pts, wrap_dark)
        for t in range(1, 4):
            lx = ex + side * crimp * t / 4
            bar.rect(lx - 0.75, y0 + bh * 0.08, 1.5, bh * 0.84, wrapper)
    body = (f"M{num(x0)} {num(y0 + bh * 0.06)}Q{num(cx)} {num(y0 - bh * 0.06)} {num(x1)} {num(y0 + bh * 0.06)}"
            f"L{num(x1)} {num(y1 - bh * 0.06)}Q{num(cx)} {num(y1 + bh * 0.06)} {num(x0)} {num(y1 - bh * 0.06)}Z")
    bar.path(body, wrapper)
    bar.path(rect_d(x0 + bw * 0.02, y0 + bh * 0.1, bw * 0.96, bh * 0.08, bh * 0.04), wrap_light)
    bar.path(rect_d(x0, y1 - bh * 0.2, bw, bh * 0.07), wrap_dark)
    # Pixel dragon on the left of the wrapper, the name to its right.
    pixelated = has_word(ctx, "pixel", "pixelated", "pixels", "8-bit", "retro", "arcade", "dragon")
    text_x0 = x0 + bw * 0.08
    if pixelated:
        px = bh * 0.66 / len(_DRAGON)
        sx = x0 + bw * 0.07
        sy = cy - len(_DRAGON) * px / 2
        wing = tone(ctx, pop, 0.14, 0.8, fallback=wrap_light)
        _pixel_sprite(bar, _DRAGON, sx, sy, px, pop, wrapper, wing=wing)
        text_x0 = sx + len(_DRAGON[0]) * px + bw * 0.04
    if name:
        ctx.text(bar, name, (text_x0, y0 + bh * 0.24, x1 - bw * 0.07, y1 - bh * 0.26), letter,
                 uppercase=not ctx.brief.has("elegant"), tracking=20, max_lines=2, line_height=0.98, name="brand")
    # The searcher: a running figure (or a reaching hand) small beside the bar.
    figure = best_icon(ctx, "person running", solid=True, min_score=0.4) if has_word(
        ctx, "woman", "man", "girl", "boy", "person", "kid", "child", "hero") else None
    if figure is not None:
        fs = min(w, h) * 0.19
        fx = cx - bw * 0.3
        fy = min(h - ctx.margin - fs * 0.55, cy + bh * 0.75 + fs * 0.75)
        art.add("ellipse", cx=round(fx, 2), cy=round(fy + fs * 0.48, 2), rx=round(fs * 0.3, 2),
                ry=round(fs * 0.05, 2), fill=tone(ctx, s.ground, -0.12, fallback=s.surface))
        ctx.draw_icon(art, figure, fx, fy, fs, s.ink, name="searcher")
        for k in range(3):
            ly = fy - fs * 0.2 + k * fs * 0.2
            art.path(rect_d(fx - fs * (0.95 + 0.1 * k), ly, fs * (0.35 - 0.06 * k), fs * 0.04, fs * 0.02), s.accent)
    return "wrapper-hero" + ("-pixel" if pixelated else "")


# --- editorial ----------------------------------------------------------------------------------------

# Big object, and what keeps it company (None: just the tiny figure).
_METAPHORS = (
    ("lightbulb", "bird"), ("key", None), ("hourglass", "sprout"), ("ladder", "moon"), ("door open", "star"),
    ("umbrella", None), ("clock", "bird"), ("head", "lightbulb"), ("head", "sprout"), ("paper plane", None),
    ("chess king", None), ("balloon", None),
)


def _icon_key(ctx: Ctx, keys: Sequence[str]) -> icons.Icon | None:
    """One of a few hand-picked icons (seeded), if the installed sets have it."""
    get = getattr(icons, "get_icon", None)
    if get is None:
        return None
    key = keys[ctx.rng.randrange(len(keys))]
    try:
        icon = get(key)
    except Exception:
        return None
    ctx.info.setdefault("icons", []).append(icon.key)
    return icon  # type: ignore[no-any-return]


def _cast_shadow(d: str, base: float, slant: float, squash: float = 0.28) -> str:
    """The flat shadow a shape standing on y = base casts on the ground behind it."""
    return shapes.transform_d(d, (1.0, 0.0, -slant, -squash, slant * base, (1 + squash) * base))


def _editorial(ctx: Ctx, art: Node) -> str:
    """A conceptual image: a big object on a stage, a tiny figure facing it, long shadows, muted colour, grain."""
    s, rng = ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    m = ctx.margin
    queries = [q for q in subject_queries(ctx) if q not in ("style", "composition")]
    subject = None
    for q in queries:
        subject = best_icon(ctx, q, solid=True, min_score=0.8)
        if subject is not None:
            break
    pair = _METAPHORS[rng.randrange(len(_METAPHORS))]
    big_icon = subject or best_icon(ctx, pair[0], solid=True, min_score=0.5)
    if big_icon is None:
        return _hero(ctx, art)
    small_icon = best_icon(ctx, pair[1], solid=True, min_score=0.5) if pair[1] and subject is None else None
    person = _icon_key(ctx, ("mdi:human-male", "ph:person-simple-walk-fill", "mdi:human-male")) or best_icon(
        ctx, "person standing", solid=True, min_score=0.5)
    # Colours: a muted ladder from the scheme (or the user's palette as given).
    if s.constrained:
        block, ground_c = s.primary, s.secondary
        obj, fig, shadow, small_c = s.surface, s.ink, s.ink, s.accent
    else:
        hue = oklch(s.primary)[2]
        acc_h = oklch(s.accent)[2]
        block = from_oklch(0.7, 0.075, acc_h)
        ground_c = from_oklch(0.6, 0.06, hue)
        obj = from_oklch(0.34, 0.05, hue)
        fig = from_oklch(0.24, 0.03, hue)
        shadow = from_oklch(0.5, 0.055, hue)
        small_c = from_oklch(0.93, 0.03, 85)
        if rng.random() < 0.5:
            block, ground_c = from_oklch(0.62, 0.07, hue), from_oklch(0.72, 0.06, acc_h)
            shadow = from_oklch(0.62, 0.06, acc_h)
    text = ctx.brief.headline
    text_h = min(w, h) * 0.12 if text else 0.0
    horizon = (h - text_h) * rng.uniform(0.66, 0.72)
    # The stage: a backdrop shape and the ground.
    side = min(w, h - text_h) - 2 * m
    shape = rng.choice(["disc", "arch", "disc", "panel"])
    cx = w / 2 + (side * rng.uniform(0.06, 0.12) * rng.choice([-1, 1]) if w <= h * 1.3 else 0)
    if shape == "disc":
        r = side * rng.uniform(0.34, 0.4)
        block_d = circle_d(cx, horizon - r * 0.55, r)
    elif shape == "arch":
        aw = side * 0.56
        top = horizon - side * 0.78
        block_d = (f"M{num(cx - aw / 2)} {num(horizon)}V{num(top + aw / 2)}A{num(aw / 2)} {num(aw / 2)} 0 0 1 "
                   f"{num(cx + aw / 2)} {num(top + aw / 2)}V{num(horizon)}Z")
    else:
        block_d = rect_d(m, m, w - 2 * m, horizon - m)
    art.path(block_d, block)
    _grain(ctx, art, block_d, shapes.bounds(block_d), tone(ctx, block, -0.05, fallback=block), 0.0012)
    ground_d = rect_d(0, horizon, w, h - horizon) if s.background is not None else rect_d(m, horizon, w - 2 * m,
                                                                                           h - horizon - m - text_h)
    art.path(ground_d, ground_c)
    _grain(ctx, art, ground_d, shapes.bounds(ground_d), tone(ctx, ground_c, -0.05, fallback=ground_c), 0.0012)
    # The big object stands on the ground, off-centre; its shadow falls away from the light.
    big = side * rng.uniform(0.5, 0.6)
    ox = cx + rng.choice([-1, 1]) * side * 0.06
    d = icon_outline(big_icon, 0, 0, big)
    bx0, by0, bx1, by1 = shapes.bounds(d)
    d = shapes.transform_d(d, (1, 0, 0, 1, ox - (bx0 + bx1) / 2, horizon - by1))
    slant = rng.choice([-1.4, 1.4]) * rng.uniform(0.8, 1.2)
    art.path(_cast_shadow(d, horizon, slant), shadow)
    art.path(d, obj)
    bx0, by0, bx1, by1 = shapes.bounds(d)
    if small_icon is not None:
        if pair[0] == "head":
            ss = (bx1 - bx0) * 0.32
            sx, sy = (bx0 + bx1) / 2 + (bx1 - bx0) * 0.06, by0 + (by1 - by0) * 0.36
            art.path(shapes.intersect(circle_d(sx, sy, ss * 0.75), d), block)
            ctx.draw_icon(art, small_icon, sx, sy, ss, small_c, name="inner-symbol")
        else:
            ss = big * 0.18
            sx = bx1 + ss * 0.3 if ox < w / 2 else bx0 - ss * 0.3
            sx = min(max(sx, m + ss), w - m - ss)
            sy = max(m + ss, by0 - ss * 0.9)
            ctx.draw_icon(art, small_icon, sx, sy, ss, obj, name="companion")
    # The tiny figure: scale is the joke.
    if person is not None:
        ph = side * 0.13
        px = bx0 - ph * 0.9 if ox >= cx else bx1 + ph * 0.9
        px = min(max(px, m + ph * 0.4), w - m - ph * 0.4)
        pd = icon_outline(person, 0, 0, ph)
        qx0, _qy0, qx1, qy1 = shapes.bounds(pd)
        pd = shapes.transform_d(pd, (1, 0, 0, 1, px - (qx0 + qx1) / 2, horizon + ph * 0.04 - qy1))
        art.path(_cast_shadow(pd, horizon + ph * 0.04, slant), shadow)
        art.path(pd, fig)
    if text:
        title_block(ctx, art, (m, h - m - text_h * 0.8, w - m, h - m), s.ink, align="center")
    return f"editorial-{shape}-{big_icon.name}"


# --- subject hero (the catch-all) -----------------------------------------------------------------------

_NOT_SUBJECTS = frozenset(
    "portrait photo photograph photorealistic realistic shot picture image scene view closeup close-up illustration "
    "sequence action style composition background lighting studio render rendering detailed hyper cinematic "
    "beautiful thrilling favorite trying find wallpaper vector art artwork drawing painting".split()
)
_SKY_THINGS = ("planet", "rocket", "astronaut", "space", "galaxy", "star", "stars", "moon", "satellite", "ufo",
               "comet", "cloud", "balloon", "bird", "plane", "airplane", "kite", "butterfly", "owl", "bat")


_CONTAINERS = frozenset("bowl cup plate glass box jar bag basket bottle pot vase tray".split())


def _subject_icons(ctx: Ctx, count: int = 2) -> list[icons.Icon]:
    """The subjects' icons, main subject first: earlier subjects win, containers yield to their contents."""
    from artboard.composer.recipes.graphics import _VARIANT_RE, _twin

    scored: list[tuple[float, int, icons.Icon]] = []
    for k, q in enumerate(subject_queries(ctx)):
        words = [wd for wd in q.split() if wd not in _NOT_SUBJECTS]
        if not words:
            continue
        candidates = [(" ".join(words), 0.1)] + ([(wd, 0.0) for wd in words] if len(words) > 1 else [])
        best: tuple[float, icons.Icon] | None = None
        for query, bonus in candidates:
            try:
                found = icons.find_icons(query, k=6)
            except Exception:
                found = []
            for ic, score in found:
                if score < 0.75:
                    break
                if _VARIANT_RE.search(ic.name):
                    continue
                value = score + bonus - (1.0 if query in _CONTAINERS else 0.0)
                if best is None or value > best[0]:
                    best = (value, _twin(ic, True))
                break
        if best is not None:
            scored.append((best[0] - 0.25 * k, k, best[1]))
    scored.sort(key=lambda t: (-t[0], t[1]))
    out: list[icons.Icon] = []
    for _, _, ic in scored:
        if ic.key not in {o.key for o in out}:
            out.append(ic)
    for ic in out[:count]:
        ctx.info.setdefault("icons", []).append(ic.key)
    return out[:count]


def _hero(ctx: Ctx, art: Node, icon: icons.Icon | None = None) -> str:
    """A vignette: the subject in a small flat world (ground, sun, plants) or floating in a night sky."""
    s, rng = ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    m = ctx.margin
    found = [icon] if icon is not None else _subject_icons(ctx, 2)
    if not found:
        fallback = best_icon(ctx, rng.choice(["sparkles", "leaf", "sun", "flower", "star"]), solid=True,
                             min_score=0.3)
        found = [fallback] if fallback is not None else []
    text = ctx.brief.headline
    text_h = min(w, h) * 0.16 if text else 0.0
    area = (m, m, w - m, h - m - text_h)
    cx, cy = (area[0] + area[2]) / 2, (area[1] + area[3]) / 2
    side = min(area[2] - area[0], area[3] - area[1])
    floating = has_word(ctx, *_SKY_THINGS)
    night = floating and has_word(ctx, "space", "galaxy", "astronaut", "planet", "rocket", "night", "stars", "moon",
                                  "ufo", "comet", "satellite")
    hue = oklch(s.primary)[2]
    if s.constrained:
        sky_c, ground_c, far_c = s.surface, s.secondary, s.surface
        sun_c, subject_c, second_c, detail_c = s.accent, s.primary, s.accent, s.ink
    else:
        if night:
            sky_c = from_oklch(0.26, 0.06, 275)
            far_c = from_oklch(0.32, 0.07, 280)
            sun_c = from_oklch(0.92, 0.05, 95)
        else:
            sky_c = rng.choice([from_oklch(0.94, 0.035, 230), from_oklch(0.95, 0.03, 85), from_oklch(0.93, 0.03, hue)])
            far_c = _lerp_lch(sky_c, from_oklch(0.8, 0.05, 200), 0.6)
            acc_l, _acc_c, acc_h = oklch(s.accent)
            warm = 40 <= acc_h <= 110 and acc_l > 0.65
            sun_c = s.accent if warm else from_oklch(0.87, 0.13, 82)
        subject_c = natural_color(ctx, " ".join(ic.name.replace("-", " ") for ic in found[:1]) + " " +
                                  " ".join(subject_queries(ctx)[:1])) or s.primary
        sub_h = oklch(subject_c)[2]
        sandy = has_word(ctx, "beach", "desert", "sand") or (abs(((sub_h - 140) + 180) % 360 - 180) < 45
                                                              and oklch(subject_c)[1] > 0.05)
        ground_c = from_oklch(0.86, 0.06, 80) if sandy else from_oklch(0.74, 0.08, 140)
        if night and oklch(subject_c)[0] < 0.6:
            subject_c = from_oklch(0.9, 0.04, oklch(subject_c)[2])
        second_c = s.accent
        detail_c = from_oklch(0.55, 0.09, 145)
    aw_, ah_ = area[2] - area[0], area[3] - area[1]
    shape = rng.choice(["circle", "arch", "rounded"]) if 0.78 < aw_ / ah_ < 1.3 else (
        "wide" if aw_ > ah_ else rng.choice(["arch", "tall"]))
    if shape == "wide":
        frame = rect_d(area[0], area[1], aw_, ah_, side * 0.06)
    elif shape == "tall":
        frame = rect_d(area[0], area[1], aw_, ah_, side * 0.08)
    elif shape == "circle":
        frame = circle_d(cx, cy, side / 2)
    elif shape == "arch":
        aw = min(side * 0.8, area[2] - area[0])
        frame = (f"M{num(cx - aw / 2)} {num(cy + side / 2)}V{num(cy - side / 2 + aw / 2)}A{num(aw / 2)} {num(aw / 2)} "
                 f"0 0 1 {num(cx + aw / 2)} {num(cy - side / 2 + aw / 2)}V{num(cy + side / 2)}Z")
    else:
        frame = rect_d(cx - side / 2, cy - side / 2, side, side, side * 0.08)
    fx0, fy0, fx1, fy1 = shapes.bounds(frame)
    scene = art.group("vignette", clip_path=ctx.canvas.clip(frame))
    scene.rect(fx0, fy0, fx1 - fx0, fy1 - fy0, sky_c)
    ground_y = fy0 + (fy1 - fy0) * 0.72
    if night:
        _stars(ctx, scene, (fx0, fy0, fx1, fy1), int(120 * side * side / (1024 * 1024)), sun_c,
               lambda x, y: False)
        scene.path(_crescent(fx0 + (fx1 - fx0) * 0.75, fy0 + (fy1 - fy0) * 0.25, side * 0.07), sun_c)
        scene.circle(fx0 + (fx1 - fx0) * 0.18, fy1 - (fy1 - fy0) * 0.12, side * 0.2, far_c)
    else:
        sx = fx0 + (fx1 - fx0) * rng.choice([0.25, 0.75])
        scene.circle(sx, fy0 + (fy1 - fy0) * 0.3, side * 0.1, sun_c)
        far = _hill(ctx, fx0, fx1, ground_y - side * 0.06, side * 0.03, 1.4)
        scene.path(_fn_path(far, fx0 - 2, fx1 + 2, fy1 + 2), far_c)
        if not floating:
            near = _hill(ctx, fx0, fx1, ground_y, side * 0.015, 1.0)
            scene.path(_fn_path(near, fx0 - 2, fx1 + 2, fy1 + 2), ground_c)
        for _k in range(rng.randint(1, 2)):
            ccx = fx0 + (fx1 - fx0) * rng.uniform(0.2, 0.8)
            if abs(ccx - sx) < side * 0.2:
                continue
            scene.path(_cloud(ccx, fy0 + (fy1 - fy0) * rng.uniform(0.18, 0.35), side * 0.2),
                       from_oklch(0.98, 0.01, hue) if not s.constrained else s.ground)
    if found:
        main = found[0]
        size = side * (0.5 if floating else 0.52)
        d = icon_outline(main, 0, 0, size)
        bx0, by0, bx1, by1 = shapes.bounds(d)
        if floating:
            tx, ty = cx - (bx0 + bx1) / 2, cy - (by0 + by1) / 2
        else:
            tx, ty = cx - (bx0 + bx1) / 2 - (side * 0.06 if len(found) > 1 else 0), ground_y + side * 0.04 - by1
            scene.add("ellipse", cx=round(cx + tx - cx + (bx0 + bx1) / 2, 2), cy=round(ground_y + side * 0.04, 2),
                      rx=round((bx1 - bx0) * 0.55, 2), ry=round(side * 0.025, 2),
                      fill=tone(ctx, ground_c, -0.12, fallback=s.ink))
        scene.path(shapes.transform_d(d, (1, 0, 0, 1, tx, ty)), subject_c)
        if len(found) > 1 and not floating:
            small = side * 0.22
            d2 = icon_outline(found[1], 0, 0, small)
            qx0, _qy0, _qx1, qy1 = shapes.bounds(d2)
            x2 = cx + (bx1 - bx0) / 2 + small * 0.25
            scene.path(shapes.transform_d(d2, (1, 0, 0, 1, x2 - qx0, ground_y + side * 0.05 - qy1)), second_c)
        if not floating:
            tufts = []
            for _k in range(rng.randint(3, 5)):
                gx = fx0 + (fx1 - fx0) * rng.uniform(0.08, 0.92)
                gy = ground_y + side * rng.uniform(0.08, 0.2)
                for a in (-112, -90, -68):
                    tufts.append(_leaf(gx, gy, side * 0.05, a, 0.25))
            scene.path(shapes.union(tufts), detail_c)
    if s.background is not None and rng.random() < 0.5:
        art.path(shapes.stroke_outline(frame, max(2.0, side * 0.008)), s.ink)
    if text:
        title_block(ctx, art, (m, h - m - text_h * 0.8, w - m, h - m), s.ink, align="center")
    return f"hero-vignette-{shape}" + ("-night" if night else "")


def _smooth_closed(pts: Sequence[Point]) -> str:
    n = len(pts)
    d = f"M{num((pts[0][0] + pts[1][0]) / 2)} {num((pts[0][1] + pts[1][1]) / 2)}"
    for i in range(1, n + 1):
        p = pts[i % n]
        q = pts[(i + 1) % n]
        d += f"Q{num(p[0])} {num(p[1])} {num((p[0] + q[0]) / 2)} {num((p[1] + q[1]) / 2)}"
    return d + "Z"


# --- animal in a scene ----------------------------------------------------------------------------------

def _fox(node: Node, cx: float, base: float, h: float, body: RGB, light: RGB, dark: RGB) -> None:
    """A sitting geometric fox, `h` tall, facing the viewer three-quarters."""
    u = h
    x = cx - u * 0.5
    y = base - u

    def P(px: float, py: float) -> Point:
        return (x + px * u, y + py * u)

    tail = (f"M{num(P(0.62, 0.98)[0])} {num(P(0.62, 0.98)[1])}C{num(P(1.02, 0.98)[0])} {num(P(1.02, 0.98)[1])} "
            f"{num(P(1.1, 0.62)[0])} {num(P(1.1, 0.62)[1])} {num(P(0.92, 0.5)[0])} {num(P(0.92, 0.5)[1])}"
            f"C{num(P(0.98, 0.7)[0])} {num(P(0.98, 0.7)[1])} {num(P(0.85, 0.86)[0])} {num(P(0.85, 0.86)[1])} "
            f"{num(P(0.6, 0.86)[0])} {num(P(0.6, 0.86)[1])}Z")
    node.path(tail, body)
    tip = shapes.intersect(tail, circle_d(*P(0.95, 0.52), u * 0.12))
    node.path(tip, light)
    torso = polygon_d([P(0.38, 0.42), P(0.62, 0.42), P(0.74, 0.98), P(0.26, 0.98)])
    node.path(torso, body)
    node.path(polygon_d([P(0.62, 0.42), P(0.74, 0.98), P(0.5, 0.98)]), dark)
    node.path(polygon_d([P(0.4, 0.46), P(0.6, 0.46), P(0.5, 0.8)]), light)
    for fx in (0.36, 0.56):
        node.path(rect_d(*P(fx, 0.9), u * 0.08, u * 0.08, u * 0.03), dark)
    head = polygon_d([P(0.24, 0.2), P(0.76, 0.2), P(0.5, 0.52)])
    ears = polygon_d([P(0.24, 0.2), P(0.3, 0.02), P(0.42, 0.2)]) + polygon_d([P(0.58, 0.2), P(0.7, 0.02), P(0.76, 0.2)])
    node.path(ears, body)
    node.path(polygon_d([P(0.29, 0.17), P(0.31, 0.08), P(0.37, 0.17)]) + polygon_d([P(0.63, 0.17), P(0.69, 0.08),
                                                                                   P(0.71, 0.17)]), dark)
    node.path(head, body)
    node.path(polygon_d([P(0.24, 0.2), P(0.44, 0.34), P(0.5, 0.52)]) + polygon_d([P(0.76, 0.2), P(0.56, 0.34),
                                                                                 P(0.5, 0.52)]), light)
    node.path(circle_d(*P(0.5, 0.5), u * 0.03), dark)
    node.path(circle_d(*P(0.41, 0.3), u * 0.018) + circle_d(*P(0.59, 0.3), u * 0.018), dark)


def _creature(ctx: Ctx, art: Node, sky_night: bool) -> str | None:
    """A subject standing in the foreground of a landscape: the fox is drawn, others come from icons."""
    w, h = float(ctx.width), float(ctx.height)
    s = ctx.scheme
    base = h * 0.9
    size = min(w, h) * 0.36
    cx = w * ctx.rng.choice([0.32, 0.66])
    if has_word(ctx, "fox", "foxes"):
        if s.constrained:
            body, light, dark = s.accent, s.surface, s.ink
        else:
            body = from_oklch(0.66, 0.16, 48)
            light = from_oklch(0.95, 0.02, 80)
            dark = from_oklch(0.32, 0.06, 40)
        art.add("ellipse", cx=round(cx, 2), cy=round(base, 2), rx=round(size * 0.45, 2), ry=round(size * 0.05, 2),
                fill=tone(ctx, s.primary, -0.25, 0.5, fallback=s.ink))
        _fox(art, cx, base, size, body, light, dark)
        return "fox"
    for q in subject_queries(ctx):
        if any(wd in q for wd in ("forest", "night", "landscape", "mountain", "sky", "sea", "ocean", "lake")):
            continue
        icon = best_icon(ctx, q, solid=True, min_score=0.8)
        if icon is not None:
            color = natural_color(ctx, q) or (from_oklch(0.92, 0.03, 80) if sky_night and not s.constrained else
                                                         (s.surface if sky_night else s.ink))
            ctx.draw_icon(art, icon, cx, base - size / 2, size, color, name="subject")
            return icon.name
    return None


# --- dispatch -------------------------------------------------------------------------------------------

def _kind(ctx: Ctx) -> str:
    b = ctx.brief
    if b.texts and has_word(ctx, "wrapper", "candy", "chocolate", "snack", "package", "packaging", "bar", "box"):
        return "wrapper"
    if has_word(ctx, *_PRODUCT) and (b.photographic or b.has("elegant") or has_word(
            ctx, "still", "pedestal", "podium", "plinth", "product", "campaign", "bottle", "serum", "jar")):
        return "still-life"
    if has_word(ctx, *_EDITORIAL) and not has_word(ctx, "landscape", "mountain", "mountains"):
        return "editorial"
    if has_word(ctx, *_LANDSCAPE):
        return "landscape"
    return "hero"


def illustration(ctx: Ctx) -> str:
    b, s, rng = ctx.brief, ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    art = ctx.canvas.group("illustration")
    kind = _kind(ctx)
    if kind == "wrapper":
        return _wrapper_scene(ctx, art)
    if kind == "still-life":
        return _still_life(ctx, art)
    if kind == "editorial":
        return _editorial(ctx, art)
    if kind == "hero":
        return _hero(ctx, art)
    # Landscapes: full bleed, or inside a circle/arch window on the ground colour.
    m = ctx.margin
    text = b.headline
    line = b.has("line")
    transparent = s.background is None
    framed = transparent or line or (b.has("minimal") and rng.random() < 0.7) or rng.random() < 0.3
    text_h = min(w, h) * 0.14 if text else 0.0
    if framed:
        squarish = 0.78 < w / (h - text_h) < 1.3
        if squarish:
            style = rng.choice(["circle", "arch", "rounded"]) if not line else rng.choice(["circle", "arch", "circle"])
        elif w > h:
            style = rng.choice(["rounded", "open"]) if line else "rounded"
        else:
            style = rng.choice(["arch", "rounded"])
        inner = (m * 1.2, m * 1.2, w - m * 1.2, h - m * 1.2 - text_h)
        fw, fh = inner[2] - inner[0], inner[3] - inner[1]
        if style == "circle":
            side = min(fw, fh)
            inner = ((w - side) / 2, inner[1] + (fh - side) / 2, (w + side) / 2, inner[1] + (fh + side) / 2)
        elif style == "arch":
            aw = min(fw, fh * 0.8)
            inner = ((w - aw) / 2, inner[1], (w + aw) / 2, inner[3])
        frame_d = _frame(ctx, "rect" if style == "open" else style, inner)
        holder = art.group("scene", clip_path=ctx.canvas.clip(frame_d))
    else:
        style = "bleed"
        inner = (0.0, 0.0, w, h)
        frame_d = rect_d(0, 0, w, h)
        holder = art.group("scene")
    if line:
        ink = s.ink
        accent = s.accent if contrast_ratio(s.accent, s.ground) > 1.8 else ink
        name = _line_landscape(ctx, holder, inner, ink, accent, open_ends=style == "open")
        weight = max(2.0, ctx.short * 0.006)
        if style != "open":
            art.path(shapes.stroke_outline(frame_d, weight), ink)
    else:
        name = _landscape(ctx, holder, inner, clear_top=(m + min(w, h) * 0.17) if (text and style == "bleed") else 0.0)
        sky_night = "night" in name
        if has_word(ctx, "fox", "deer", "wolf", "bear", "cat", "dog", "owl", "rabbit", "bird", "horse", "person",
                    "woman", "man", "hiker", "girl", "boy", "couple", "tent", "cabin", "house", "lighthouse"):
            who = _creature(ctx, holder if framed else art, sky_night)
            if who:
                name += f"-{who}"
    if text:
        if style == "bleed":
            band = (m, m, w - m, m + min(w, h) * 0.16)
            title_block(ctx, art, band, readable(_sky(ctx, 2).sky[0], [s.ink, s.ground, s.on_primary]), align="center")
        else:
            title_block(ctx, art, (m, h - m - text_h * 0.85, w - m, h - m), s.ink, align="center")
    return f"{name}-{style}"
