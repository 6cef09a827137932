"""Layered flat landscapes: a banded sky, sun or moon, mountain ranges with shaded facets and snow, a city
skyline, rolling hills, water with the sun's reflection, trees on the front hill.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, has_word, lerp_lch, note_drawn, tone
from artboard.composer.recipes.graphics.scenery import (
    cloud_d,
    crescent_d,
    draw_birds,
    draw_stars,
    fn_area_d,
    hill_fn,
    leaf_d,
    ridge_points,
)


def _mix(ctx: Ctx, a: RGB, b: RGB, t: float, fallback: RGB) -> RGB:
    """A blend of two colours; with a user palette, the given palette colour instead."""
    return fallback if ctx.scheme.constrained else lerp_lch(a, b, t)


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


# Things that float: drawn on the water, which the scene then must have.
FLOATING = ("boat", "boats", "sailboat", "sailboats", "ship", "ships", "canoe", "kayak", "yacht", "sailing", "ferry")


def snowy(ctx: Ctx) -> bool:
    return has_word(ctx, "snow", "snowy", "snowfall", "snowing", "winter", "wintry", "frozen", "arctic", "blizzard")


def aurora_said(ctx: Ctx) -> bool:
    """ "northern lights over a snowy cabin": the sky is a night lit by the aurora, no glyph of a light."""
    return has_word(ctx, "aurora", "borealis", "auroras") or "northern light" in ctx.brief.prompt.lower()


def sky_for(ctx: Ctx, layers: int) -> Sky:
    """Night, golden-hour or day colours (muted or pastel by the brief), `layers` ranges far to near."""
    s, b = ctx.scheme, ctx.brief
    night = (
        has_word(ctx, "night", "midnight", "moon", "moonlit", "stars", "starry", "nocturnal")
        or "dark" in b.moods
        or aurora_said(ctx)
    )
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
        return Sky(
            sky=[ground],
            ranges=picked,
            sun=s.accent,
            water=s.surface,
            glint=ground,
            tree=picked[-1],
            snow=ground,
            cloud=s.surface,
            night=night,
        )
    _prim_l, prim_c, prim_h = oklch(s.primary)
    acc_l, acc_c, acc_h = oklch(s.accent)
    muted = "muted" in b.moods or "earthy" in b.moods or b.has("vintage")
    pastel = "pastel" in b.moods
    cmul = 0.6 if muted else (0.75 if pastel else 1.0)
    if night:
        hue = prim_h if b.colors else 268.0
        sky = [
            from_oklch(0.2, 0.05 * cmul, hue),
            from_oklch(0.25, 0.06 * cmul, hue),
            from_oklch(0.31, 0.07 * cmul, hue + 10),
        ]
        far = from_oklch(0.36, 0.06 * cmul, hue + 8)
        near = from_oklch(0.13, 0.03, hue)
        sun = from_oklch(0.95, 0.05, 95)
        water = from_oklch(0.22, 0.05 * cmul, hue)
        glint = from_oklch(0.85, 0.06, 95)
        snow = from_oklch(0.6, 0.04, hue)
        cloud = from_oklch(0.34, 0.05 * cmul, hue)
    elif golden:
        warm = 62.0 if not b.colors else acc_h
        sky = [
            from_oklch(0.8, 0.1 * cmul, warm - 25),
            from_oklch(0.86, 0.1 * cmul, warm - 10),
            from_oklch(0.91, 0.09 * cmul, warm + 8),
        ]
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
        sky = [
            from_oklch(sky_l - 0.04, 0.04 * cmul, hue),
            from_oklch(sky_l, 0.035 * cmul, hue),
            from_oklch(min(0.98, sky_l + 0.03), 0.03 * cmul, acc_h),
        ]
        far = from_oklch(0.8, 0.05 * cmul, hue)
        near = from_oklch(0.3 if not pastel else 0.5, max(0.06, prim_c * 0.7) * cmul, hue)
        warm_acc = 40 <= acc_h <= 110
        sun = (
            from_oklch(max(0.8, acc_l), max(0.1, acc_c) * cmul, acc_h)
            if warm_acc
            else from_oklch(0.86, 0.13 * cmul, 80)
        )
        water = from_oklch(0.7, 0.06 * cmul, hue)
        glint = from_oklch(0.95, 0.02, hue)
        snow = from_oklch(0.97, 0.01, hue)
        cloud = from_oklch(0.98, 0.01, hue)
    if len(b.colors) >= 2 and not snowy(ctx) and not night:
        # "orange and purple sky", "pink and teal sunset": the named colours are the sky itself, deepest at the
        # top, lightest at the horizon, and the far hills take the deeper one.
        deep, light = sorted(b.colors[:2], key=lambda c: oklch(c)[0])
        sky = [deep, lerp_lch(deep, light, 0.5), light]
        far = lerp_lch(deep, near, 0.35)
    ranges = [lerp_lch(far, near, i / max(1, layers - 1)) for i in range(layers)]
    tree = tone(ctx, ranges[-1], -0.05)
    if snowy(ctx):
        # Snow lies on every hill, brightest near the viewer (moonlit blue at night); the trees stay dark.
        far, near = (
            (from_oklch(0.48, 0.04, 255), from_oklch(0.66, 0.035, 250))
            if night
            else (from_oklch(0.88, 0.025, 240), from_oklch(0.98, 0.008, 240))
        )
        ranges = [lerp_lch(far, near, i / max(1, layers - 1)) for i in range(layers)]
        tree = from_oklch(0.24 if night else 0.34, 0.05, 175)
        if not night and not golden:  # a cold, pale winter sky and steel water
            sky = [from_oklch(0.8, 0.05, 245), from_oklch(0.86, 0.04, 240), from_oklch(0.91, 0.03, 235)]
            water = from_oklch(0.66, 0.05, 240)
            cloud = from_oklch(0.97, 0.01, 240)
    return Sky(
        sky=sky, ranges=ranges, sun=sun, water=water, glint=glint, tree=tree, snow=snow, cloud=cloud, night=night
    )


def _pine(x: float, base: float, h: float) -> str:
    """A three-tier pine `h` tall standing on y = base."""
    w = h * 0.42
    trunk = rect_d(x - w * 0.07, base - h * 0.12, w * 0.14, h * 0.14)
    tiers = []
    for k in range(3):
        top = base - h + k * h * 0.22
        bottom = base - h * 0.1 - (2 - k) * h * 0.2
        half = w * (0.3 + 0.2 * k)
        tiers.append(polygon_d([(x, top), (x + half, bottom), (x - half, bottom)]))
    return shapes.union([trunk, *tiers])


def palm_d(x: float, base: float, h: float, lean: float) -> str:
    """A palm with a curved trunk leaning by `lean` and six fronds."""
    trunk = shapes.stroke_outline(
        f"M{num(x)} {num(base)}Q{num(x + lean * h * 0.1)} {num(base - h * 0.5)} "
        f"{num(x + lean * h * 0.3)} {num(base - h)}",
        h * 0.05,
    )
    top = (x + lean * h * 0.3, base - h)
    fronds = [leaf_d(top[0], top[1], h * 0.45, a, 0.22) for a in (-170, -135, -100, -60, -20, 15)]
    return shapes.union([trunk, *fronds])


def _round_tree(x: float, base: float, h: float) -> str:
    """A deciduous tree: a trunk and three round clumps."""
    r = h * 0.3
    trunk = rect_d(x - h * 0.035, base - h * 0.45, h * 0.07, h * 0.45)
    return shapes.union(
        [
            trunk,
            circle_d(x, base - h + r, r),
            circle_d(x - r * 0.55, base - h + r * 1.6, r * 0.7),
            circle_d(x + r * 0.55, base - h + r * 1.6, r * 0.7),
        ]
    )


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


@dataclass
class SceneLines:
    """Where a scene's parts lie, for what is placed into it afterwards (a boat on the water, a balloon in the
    sky): the horizon, the waterline (None without water), and the scene's box."""

    horizon: float
    water: float | None
    area: Box


def landscape_scene(ctx: Ctx, art: Node, area: Box, clear_top: float = 0.0) -> tuple[str, SceneLines]:
    """Layered flat scenery inside `area` (which may be the full canvas); nothing but sky above `clear_top`."""
    rng = ctx.rng
    x0, y0, x1, y1 = area
    w, h = x1 - x0, y1 - y0
    forest = has_word(ctx, "forest", "woods", "woodland", "pine", "pines", "trees", "jungle")
    want_water = has_word(
        ctx,
        "lake",
        "river",
        "sea",
        "ocean",
        "water",
        "reflection",
        "beach",
        "coast",
        "pond",
        *FLOATING,
        "lighthouse",
        "harbor",
        "harbour",
        "pier",
        "dock",
        "bay",
        "fjord",
    )
    mountains = has_word(ctx, "mountain", "mountains", "alps", "peaks", "peak", "range", "summit", "hiking") or (
        not forest and not has_word(ctx, "hills", "meadow", "field", "fields", "desert", "dunes", "beach")
    )
    city = has_word(ctx, "city", "skyline", "town", "buildings", "urban", "downtown", "metropolis", "skyscrapers") or (
        has_word(ctx, "street", "streets")
    )
    if city:
        mountains = False
    # "a whale leaping under the moon, calm ocean": open water to the horizon, no shore unless one is named.
    open_sea = has_word(ctx, "sea", "ocean", "seascape", "whale", "whales", "dolphin", "dolphins", "orca") and not (
        city
        or forest
        or has_word(ctx, "mountain", "mountains", "peaks", "hills", "beach", "coast", "shore", "island", "lighthouse")
        or has_word(ctx, "harbor", "harbour", "pier", "dock", "bay", "fjord", "cliff", "cliffs", "palm", "palms")
    )
    if open_sea:
        mountains = False
        want_water = True
    palms = has_word(ctx, "palm", "palms", "tropical", "beach", "island", "oasis")
    water = want_water or (mountains and rng.random() < 0.35 and not forest)
    layers = 4 if mountains else 3
    sky = sky_for(ctx, layers + 1)
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
        crescent = rng.random() < 0.6
        if has_word(ctx, "crescent", "full"):
            crescent = has_word(ctx, "crescent")  # the moon the prompt asks for
        if crescent:
            art.path(crescent_d(sun_x, sun_y, sun_r * 0.75), sky.sun)
        else:
            art.circle(sun_x, sun_y, sun_r * 0.7, sky.sun)
        draw_stars(
            ctx,
            art,
            (x0, y0, x1, horizon - h * 0.05),
            int(90 * w * h / (1024 * 1024)),
            sky.glint,
            lambda x, y: math.hypot(x - sun_x, y - sun_y) < sun_r * 1.5,
        )
        if aurora_said(ctx):
            draw_aurora(ctx, art, (x0, y0, x1, horizon))
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
            art.path(cloud_d(cx, cy, cw), sky.cloud)
        if rng.random() < 0.6:
            draw_birds(
                ctx,
                art,
                x0 + w * rng.uniform(0.12, 0.6),
                max(clear_top + h * 0.04, y0 + (horizon - y0) * rng.uniform(0.25, 0.5)),
                min(w, h) * 0.022,
                sky.ranges[-1],
            )
    if snowy(ctx) and not ctx.scheme.constrained:
        unit = min(w, h)
        flakes = [
            circle_d(x0 + w * rng.random(), y0 + (horizon - y0) * rng.random(), unit * rng.uniform(0.003, 0.007))
            for _ in range(int(70 * w * h / (1024 * 1024)))
        ]
        art.path("".join(flakes), sky.snow if not sky.night else from_oklch(0.9, 0.02, 250))
    ground_fns: list[Callable[[float], float]] = []
    if mountains:
        for i in range(layers - 1):
            base = horizon + h * 0.02 * i
            height = h * (0.34 - 0.07 * i) * rng.uniform(0.85, 1.1)
            peaks = rng.randint(2, 3) + i
            pts = ridge_points(ctx, x0 - w * 0.02, x1 + w * 0.02, base, height, peaks, sharp=True)
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
                    foot = (
                        px + (nx - px) * rng.uniform(0.1, 0.5)
                        if sun_x < px
                        else px - (px - pts[k - 1][0]) * rng.uniform(0.1, 0.5)
                    )
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
                        zig = [
                            (px - ch * 3, py + ch),
                            (px - ch * 0.6, py + ch * 0.7),
                            (px, py + ch * 1.1),
                            (px + ch * 0.6, py + ch * 0.75),
                            (px + ch * 3, py + ch),
                        ]
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
                            win_y = by0 + unit * 0.3 + ryi * unit * 0.45
                            wins.append(rect_d(wx, win_y, (bx1 - bx0) / cols * 0.4, unit * 0.2))
                if wins:
                    art.path("".join(wins), lit)
    # Rolling hills in front (the last two range colours).
    hill_count = 0 if open_sea else 2 if mountains else (1 if city else 3)
    for j in range(hill_count):
        idx = layers - hill_count + j
        base = horizon + h * (0.06 + 0.09 * j) if mountains else horizon + h * (0.0 + 0.09 * j)
        if water and j == hill_count - 1:
            break
        fn = hill_fn(ctx, x0, x1, base, h * rng.uniform(0.025, 0.05), rng.uniform(1.0, 2.2))
        ground_fns.append(fn)
        art.path(fn_area_d(fn, x0 - 1, x1 + 1, y1), sky.ranges[max(0, min(idx, len(sky.ranges) - 1))])
    waterline: float | None = None
    if water:
        wy = horizon if open_sea else horizon + h * (0.1 if mountains else 0.08)
        waterline = wy
        art.rect(x0, wy, w, y1 - wy, sky.water)
        # Reflection: the sun's column as shrinking bars, and a few glints.
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
        fn = hill_fn(ctx, x0, x1, y1 - h * 0.12, h * 0.03, 1.2)
        art.path(fn_area_d(fn, x0 - 1, x1 + 1, y1 + 1), sand)
        ground_fns.append(fn)
    road = has_word(ctx, "road", "roads", "path", "trail", "lane", "track") and not city and not open_sea and not water
    if road:
        _winding_road(ctx, art, (x0, horizon, x1, y1), sky)
    # Trees on the front hill (or a forest band).
    trees_drawn = False
    if (forest or palms or rng.random() < 0.6) and ground_fns and not city and not open_sea:
        trees_drawn = True
        fn = ground_fns[-1]
        count = rng.randint(5, 9) if forest else (rng.randint(2, 3) if palms else rng.randint(2, 4))
        tree_h = h * (0.16 if forest else 0.12)
        xs = sorted(x0 + w * rng.uniform(0.02, 0.98) for _ in range(count))
        trees = []
        pine = forest or rng.random() < 0.6
        for tx in xs:
            th = tree_h * rng.uniform(0.7, 1.25)
            if palms:
                trees.append(palm_d(tx, fn(tx) + th * 0.05, th * 1.5, rng.choice([-1, 1]) * rng.uniform(0.3, 0.8)))
            else:
                trees.append(_pine(tx, fn(tx) + th * 0.05, th) if pine else _round_tree(tx, fn(tx) + th * 0.05, th))
        art.path(shapes.union(trees), sky.tree)
    if forest and not water:
        # A near band of darker pines framing the bottom.
        fn = hill_fn(ctx, x0, x1, y1 - h * 0.06, h * 0.02, 1.5)
        art.path(fn_area_d(fn, x0 - 1, x1 + 1, y1), tone(ctx, sky.tree, -0.04))
        trees = [
            _pine(
                x0 + w * (k + rng.uniform(0.2, 0.8)) / 7,
                fn(x0 + w * (k + 0.5) / 7) + h * 0.01,
                h * rng.uniform(0.22, 0.32),
            )
            for k in range(7)
        ]
        art.path(shapes.union(trees), tone(ctx, sky.tree, -0.04))
    note_drawn(
        ctx,
        "sea" if open_sea else "mountain" if mountains else "hill",
        "moon" if sky.night else "sun",
        "sky",
        *(["water"] if water else []),
        *(["city skyline", "building"] if city else []),
        *(["palm tree"] if palms and not city else ["tree"] if (forest or trees_drawn) else []),
        *(["road"] if road else []),
    )
    name = (
        "landscape-"
        + ("sea" if open_sea else "mountains" if mountains else "hills")
        + ("-road" if road else "")
        + ("-water" if water else "")
        + ("-night" if sky.night else "")
    )
    return name, SceneLines(horizon, waterline, area)


def _winding_road(ctx: Ctx, art: Node, box: Box, sky: Sky) -> None:
    """ "rolling hills and a winding road": a pale band from the bottom of the picture to the horizon, swinging
    side to side and narrowing as it goes, with a dashed centre line near the viewer."""
    x0, horizon, x1, y1 = box
    w = x1 - x0
    rng = ctx.rng
    phase, side = rng.uniform(0, math.tau), rng.choice([-1, 1])
    top = horizon + (y1 - horizon) * 0.12
    steps = 40
    centre = []
    for k in range(steps + 1):
        t = k / steps
        y = y1 + 2 - (y1 + 2 - top) * t**0.8
        x = x0 + w * 0.5 + side * w * 0.2 * math.sin(t * 2.6 * math.pi + phase) * (1 - t) ** 0.6
        half = w * 0.13 * (1 - t) ** 1.3 + w * 0.004
        centre.append((x, y, half))
    left = [(x - half, y) for x, y, half in centre]
    right = [(x + half, y) for x, y, half in reversed(centre)]
    paving = from_oklch(0.88, 0.03, 80) if not ctx.scheme.constrained else ctx.scheme.surface
    art.path(polygon_d(left + right), tone(ctx, paving, -0.02, fallback=paving))
    dashes = [
        rect_d(x - half * 0.04, y - (y1 - top) * 0.012, half * 0.08, (y1 - top) * 0.024)
        for k, (x, y, half) in enumerate(centre[:24])
        if k % 3 == 0
    ]
    art.path("".join(dashes), tone(ctx, sky.glint, 0.0, fallback=ctx.scheme.surface))


def draw_aurora(ctx: Ctx, art: Node, sky: Box) -> None:
    """Curtains of the northern lights across the night sky: wavy hems low over the horizon, rising and fading
    upwards, streaked with rays; green, teal and violet unless the prompt names the colours."""
    from artboard.composer.recipes.graphics.background_soft import curtain, curtain_fade, curtain_rays
    from artboard.composer.recipes.graphics.background_styles import blur, sample_x, wave_fn

    rng = ctx.rng
    x0, y0, x1, horizon = sky
    w, h = x1 - x0, horizon - y0
    named = [c for c in ctx.brief.colors if oklch(c)[0] > 0.45]
    if ctx.scheme.constrained:
        colours = [ctx.scheme.accent, ctx.scheme.secondary]
    else:
        colours = named[:3] or [from_oklch(0.82, 0.18, 155), from_oklch(0.78, 0.13, 185), from_oklch(0.62, 0.16, 305)]
    flat = ctx.scheme.constrained
    curtains = art.group("aurora") if flat else art.group("aurora", filter=blur(ctx, min(w, h) * 0.012))
    for k, colour in enumerate(colours[:3]):
        hem = y0 + h * rng.uniform(0.58, 0.72) - k * h * 0.1
        params = wave_fn(rng, w, h * 0.08, rng.uniform(0.7, 1.4))
        tall = h * rng.uniform(0.4, 0.55) * (1 - 0.15 * k)
        swell = (rng.uniform(0, 6.3), rng.uniform(2, 5))
        low, heights, outline = curtain([x0 + x for x in sample_x(w, w / 50)], x0, w, hem, params, tall, swell)
        if flat:
            curtains.path(outline, colour, opacity=0.8)
            continue
        fade = curtain_fade(ctx, "aurora", colour, hem + h * 0.08, hem - tall * 1.1, 0.9)
        curtains.path(outline, fade)
        rays = curtain_rays(rng, low, heights, 0.7)
        curtains.path(rays, None, stroke=fade, stroke_width=round(min(w, h) * 0.008, 2))
    note_drawn(ctx, "northern lights")
