"""The subject hero, the catch-all illustration: the prompt's subject in a small flat world (ground, sun,
hills, grass) inside a framed vignette, or floating in a night sky for space and sky things.
"""

from __future__ import annotations

import dataclasses

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.arrange import draw_group, illustration_mode, plan_group
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.lexicon import LEXICON
from artboard.composer.recipes.graphics.common import (
    VARIANT_RE,
    best_icon,
    ellipse,
    has_word,
    icon_outline,
    lerp_lch,
    natural_color,
    note_icons,
    solid_twin,
    subject_queries,
    title_block,
    tone,
)
from artboard.composer.recipes.graphics.scenery import (
    arch_d,
    cloud_d,
    crescent_d,
    draw_stars,
    fn_area_d,
    hill_fn,
    leaf_d,
)

_NOT_SUBJECTS = frozenset(
    "portrait photo photograph photorealistic realistic shot picture image scene view closeup close-up illustration "
    "sequence action style composition background lighting studio render rendering detailed hyper cinematic "
    "beautiful thrilling favorite trying find wallpaper vector art artwork drawing painting".split()
)
_SKY_THINGS = (
    "planet",
    "rocket",
    "astronaut",
    "space",
    "galaxy",
    "star",
    "stars",
    "moon",
    "satellite",
    "ufo",
    "comet",
    "cloud",
    "balloon",
    "bird",
    "plane",
    "airplane",
    "kite",
    "butterfly",
    "owl",
    "bat",
)
_CONTAINERS = frozenset("bowl cup plate glass box jar bag basket bottle pot vase tray".split())
# Things that live indoors: drawn in a room (wall, window, floor, rug), not on a meadow.
# People in a scene stand there whole: full figures, not the face glyphs their names find first.
_FIGURES = {
    "woman": "human female",
    "women": "human female",
    "man": "human male",
    "men": "human male",
    "girl": "human female girl",
    "boy": "human male boy",
    "lady": "human female",
    "guy": "human male",
}
_SETTINGS: dict[str, tuple[str, ...]] = {
    "city": ("city", "town", "skyline", "downtown", "street", "streets", "urban", "village"),
    "forest": ("forest", "woods", "woodland", "pines"),
    "mountains": ("mountains", "mountain", "alps", "peaks", "fuji", "volcano", "everest", "kilimanjaro", "matterhorn"),
}
_INDOOR_THINGS = frozenset(
    "armchair sofa couch bed lamp desk chair table bookshelf bookcase book books computer laptop monitor desktop "
    "television tv piano fireplace bathtub bath toilet wardrobe dresser crib cradle teapot kettle stove oven "
    "fridge refrigerator sewing-machine typewriter".split()
)
_INDOOR_WORDS = (
    "room",
    "interior",
    "indoors",
    "indoor",
    "nook",
    "bedroom",
    "livingroom",
    "office",
    "kitchen",
    "apartment",
    "cozy",
    "cosy",
    "home",
    "library",
    "studio",
)


_OUTDOOR_WORDS = (
    "picnic",
    "park",
    "garden",
    "outdoor",
    "outdoors",
    "outside",
    "beach",
    "meadow",
    "field",
    "yard",
    "backyard",
    "street",
    "campsite",
)


def _setting(ctx: Ctx) -> str | None:
    """Where the subject is, when the prompt says so ("a cyclist riding through a city"): drawn as the backdrop,
    not as a second icon."""
    for name, words in _SETTINGS.items():
        if has_word(ctx, *words):
            return name
    return None


def _subject_icons(ctx: Ctx, count: int = 2, skip: tuple[str, ...] = ()) -> list[icons.Icon]:
    """The subjects' icons, main subject first: earlier subjects win, containers yield to their contents."""
    scored: list[tuple[float, int, icons.Icon]] = []
    for k, q in enumerate(subject_queries(ctx)):
        words = [_FIGURES.get(wd, wd) for wd in q.split() if wd not in _NOT_SUBJECTS and wd not in skip]
        if not words:
            continue
        phrase = " ".join(words)
        # A compound the lexicon knows ("home office", "living room") is one thing, not its words (a house).
        split = len(words) > 1 and phrase not in LEXICON
        candidates = [(phrase, 0.1)] + ([(wd, 0.0) for wd in words] if split else [])
        best: tuple[float, icons.Icon] | None = None
        for query, bonus in candidates:
            try:
                found = icons.find_icons(query, k=6)
            except Exception:
                found = []
            for ic, score in found:
                if score < 0.75:
                    break
                if VARIANT_RE.search(ic.name):
                    continue
                value = score + bonus - (1.0 if query in _CONTAINERS else 0.0)
                if best is None or value > best[0]:
                    best = (value, solid_twin(ic))
                break
        if best is not None:
            scored.append((best[0] - 0.25 * k, k, best[1]))
    scored.sort(key=lambda t: (-t[0], t[1]))
    out: list[icons.Icon] = []
    seen: set[str] = set()
    for _, _, ic in scored:
        thing = ic.name.removesuffix("-fill").removesuffix("-outline")  # mdi:laptop and ph:laptop-fill: one thing
        if thing not in seen:
            seen.add(thing)
            out.append(ic)
    note_icons(ctx, out[:count])
    return out[:count]


def hero_vignette(ctx: Ctx, art: Node, icon: icons.Icon | None = None) -> str:
    """A vignette: the subject in a small flat world (ground, sun, plants) or floating in a night sky."""
    s, rng = ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    m = ctx.margin
    setting = _setting(ctx)
    mode = illustration_mode(ctx)
    group = plan_group(ctx, mode) if icon is None else None
    # Several named things in a relation ("a dog in a bathtub"), or any thing in flat colour art, are drawn as
    # one arranged group; otherwise the subject glyph and a small companion, as before.
    if group is not None and has_word(ctx, *STORM_WORDS):
        # The weather is drawn as weather (dark sky, rain), not as a cloud glyph standing on the grass.
        weather = set(STORM_WORDS) | {"cloud", "umbrella-rain"}
        kept = tuple(p for p in group.placed if not set(p.concept.split()) & weather)
        if kept:
            group = dataclasses.replace(group, placed=kept)
    grouped = group is not None and bool(group.placed) and (mode == "color" or len(group.placed) > 1)
    if grouped and group is not None:
        found = [p.icon for p in sorted(group.placed, key=lambda p: -p.size)]
    else:
        found = [icon] if icon is not None else _subject_icons(ctx, 2, skip=_SETTINGS.get(setting or "", ()))
    if not found:
        fallback = best_icon(ctx, rng.choice(["sparkles", "leaf", "sun", "flower", "star"]), solid=True, min_score=0.3)
        found = [fallback] if fallback is not None else []
    text = ctx.brief.headline
    text_h = min(w, h) * 0.16 if text else 0.0
    area = (m, m, w - m, h - m - text_h)
    cx, cy = (area[0] + area[2]) / 2, (area[1] + area[3]) / 2
    side = min(area[2] - area[0], area[3] - area[1])
    floating = has_word(ctx, *_SKY_THINGS)
    night = floating and has_word(
        ctx, "space", "galaxy", "astronaut", "planet", "rocket", "night", "stars", "moon", "ufo", "comet", "satellite"
    )
    hue = oklch(s.primary)[2]
    stormy = not night and has_word(ctx, *STORM_WORDS)
    if s.constrained:
        sky_c, ground_c, far_c = s.surface, s.secondary, s.surface
        sun_c, subject_c, second_c, detail_c = s.accent, s.primary, s.accent, s.ink
    else:
        if night:
            sky_c = from_oklch(0.26, 0.06, 275)
            far_c = from_oklch(0.32, 0.07, 280)
            sun_c = from_oklch(0.92, 0.05, 95)
        elif stormy:
            sky_c = from_oklch(0.46, 0.035, 250)
            far_c = from_oklch(0.38, 0.03, 240)
            sun_c = from_oklch(0.62, 0.02, 250)  # the clouds' colour: no sun in a storm
        else:
            sky_c = rng.choice([from_oklch(0.94, 0.035, 230), from_oklch(0.95, 0.03, 85), from_oklch(0.93, 0.03, hue)])
            far_c = lerp_lch(sky_c, from_oklch(0.8, 0.05, 200), 0.6)
            acc_l, _acc_c, acc_h = oklch(s.accent)
            warm = 40 <= acc_h <= 110 and acc_l > 0.65
            sun_c = s.accent if warm else from_oklch(0.87, 0.13, 82)
        subject_c = (
            natural_color(
                ctx, " ".join(ic.name.replace("-", " ") for ic in found[:1]) + " " + " ".join(subject_queries(ctx)[:1])
            )
            or s.primary
        )
        sub_h = oklch(subject_c)[2]
        sandy = has_word(ctx, "beach", "desert", "sand") or (
            abs(((sub_h - 140) + 180) % 360 - 180) < 45 and oklch(subject_c)[1] > 0.05
        )
        ground_c = from_oklch(0.86, 0.06, 80) if sandy else from_oklch(0.74, 0.08, 140)
        if stormy:
            ground_c = lerp_lch(ground_c, far_c, 0.45)  # the land under a storm is in its shadow
        if night and oklch(subject_c)[0] < 0.6:
            subject_c = from_oklch(0.9, 0.04, oklch(subject_c)[2])
        second_c = s.accent
        detail_c = from_oklch(0.55, 0.09, 145)
    aw_, ah_ = area[2] - area[0], area[3] - area[1]
    shape = (
        rng.choice(["circle", "arch", "rounded"])
        if 0.78 < aw_ / ah_ < 1.3
        else ("wide" if aw_ > ah_ else rng.choice(["arch", "tall"]))
    )
    if not text and s.background is not None and rng.random() < 0.5:
        # Half the time the little world is the whole picture: framed vignettes on every card read as a template.
        shape = "bleed"
        area = (0.0, 0.0, w, h)
        cx, cy = w / 2, h / 2 + min(w, h) * 0.04
        side = min(w, h) * 0.92
    if shape == "bleed":
        frame = rect_d(0, 0, w, h)
    elif shape == "wide":
        frame = rect_d(area[0], area[1], aw_, ah_, side * 0.06)
    elif shape == "tall":
        frame = rect_d(area[0], area[1], aw_, ah_, side * 0.08)
    elif shape == "circle":
        frame = circle_d(cx, cy, side / 2)
    elif shape == "arch":
        aw = min(side * 0.8, area[2] - area[0])
        frame = arch_d(cx, aw, cy - side / 2, cy + side / 2)
    else:
        frame = rect_d(cx - side / 2, cy - side / 2, side, side, side * 0.08)
    fx0, fy0, fx1, fy1 = shapes.bounds(frame)
    scene = art.group("vignette", clip_path=ctx.canvas.clip(frame))
    scene.rect(fx0, fy0, fx1 - fx0, fy1 - fy0, sky_c)
    ground_y = fy0 + (fy1 - fy0) * 0.72
    indoor = (
        not floating
        and not has_word(ctx, *_OUTDOOR_WORDS)  # a picnic table stands in a park, not in a room
        and bool(found)
        and (bool(_INDOOR_THINGS.intersection(found[0].name.split("-"))) or has_word(ctx, *_INDOOR_WORDS))
    )
    if indoor:
        ground_c = _room(ctx, scene, (fx0, fy0, fx1, fy1), ground_y, side, sky_c, sun_c, plant=len(found) < 2)
    elif night:
        draw_stars(ctx, scene, (fx0, fy0, fx1, fy1), int(120 * side * side / (1024 * 1024)), sun_c, lambda x, y: False)
        scene.path(crescent_d(fx0 + (fx1 - fx0) * 0.75, fy0 + (fy1 - fy0) * 0.25, side * 0.07), sun_c)
        scene.circle(fx0 + (fx1 - fx0) * 0.18, fy1 - (fy1 - fy0) * 0.12, side * 0.2, far_c)
    else:
        sx = fx0 + (fx1 - fx0) * rng.choice([0.25, 0.75])
        if stormy:
            _storm(ctx, scene, (fx0, fy0, fx1, fy1), side, sky_c, sun_c)
        else:
            scene.circle(sx, fy0 + (fy1 - fy0) * 0.3, side * 0.1, sun_c)
        if setting is not None and found:
            _backdrop(ctx, scene, setting, (fx0, fy0, fx1, fy1), ground_y, side, far_c)
        if not floating and has_word(ctx, *_COAST_WORDS):
            # "a lighthouse on a rocky coast": the sea to the horizon, the subject on rocks with the surf at them
            ground_c = _coast(ctx, scene, (fx0, fy0, fx1, fy1), ground_y, side, cx, stormy)
        else:
            far = hill_fn(ctx, fx0, fx1, ground_y - side * 0.06, side * 0.03, 1.4)
            scene.path(fn_area_d(far, fx0 - 2, fx1 + 2, fy1 + 2), far_c)
        if not floating and not has_word(ctx, *_COAST_WORDS):
            near = hill_fn(ctx, fx0, fx1, ground_y, side * 0.015, 1.0)
            scene.path(fn_area_d(near, fx0 - 2, fx1 + 2, fy1 + 2), ground_c)
        for _k in range(rng.randint(1, 2) if not stormy else 0):
            ccx = fx0 + (fx1 - fx0) * rng.uniform(0.2, 0.8)
            if abs(ccx - sx) < side * 0.2:
                continue
            scene.path(
                cloud_d(ccx, fy0 + (fy1 - fy0) * rng.uniform(0.18, 0.35), side * 0.2),
                from_oklch(0.98, 0.01, hue) if not s.constrained else s.ground,
            )
    if grouped and group is not None:
        size = side * (0.62 if not floating else 0.6)
        if (fx1 - fx0) > (fy1 - fy0) * 1.3:
            size = min(side * 0.86, (fy1 - fy0) * 0.8)  # a wide frame has room across: the things fill its height
        # Standing things stand on the ground: the group's lowest thing, not its unit box, meets the grass.
        low = max(p.y + p.size * 0.46 for p in group.placed)
        gx, gy = cx, (cy if floating else ground_y + side * 0.05 - size * (low - 0.5))
        if not floating:
            ellipse(
                scene, gx, ground_y + side * 0.04, size * 0.36, side * 0.025, tone(ctx, ground_c, -0.12, fallback=s.ink)
            )
        draw_group(
            ctx,
            scene,
            group,
            (gx - size / 2, gy - size / 2, gx + size / 2, gy + size / 2),
            subject_c,
            second_ink=second_c,
            knockout=sky_c,
        )
    elif found:
        main = found[0]
        size = side * (0.5 if floating else 0.52)
        d = icon_outline(main, 0, 0, size)
        bx0, by0, bx1, by1 = shapes.bounds(d)
        if floating:
            tx, ty = cx - (bx0 + bx1) / 2, cy - (by0 + by1) / 2
        else:
            tx, ty = cx - (bx0 + bx1) / 2 - (side * 0.06 if len(found) > 1 else 0), ground_y + side * 0.04 - by1
            ellipse(
                scene,
                cx + tx - cx + (bx0 + bx1) / 2,
                ground_y + side * 0.04,
                (bx1 - bx0) * 0.55,
                side * 0.025,
                tone(ctx, ground_c, -0.12, fallback=s.ink),
            )
        scene.path(shapes.transform_d(d, (1, 0, 0, 1, tx, ty)), subject_c)
        if len(found) > 1 and not floating:
            small = side * 0.22
            d2 = icon_outline(found[1], 0, 0, small)
            qx0, _qy0, qx1, qy1 = shapes.bounds(d2)
            # Beside the main subject, but inside the frame (an arch narrows towards its top).
            x2 = min(cx + (bx1 - bx0) / 2 + small * 0.25, fx1 - (fx1 - fx0) * 0.06 - (qx1 - qx0))
            x2 = max(x2, cx + (bx1 - bx0) / 2 - (qx1 - qx0) * 0.5)
            scene.path(shapes.transform_d(d2, (1, 0, 0, 1, x2 - qx0, ground_y + side * 0.05 - qy1)), second_c)
        if not floating and not indoor:
            tufts = []
            for _k in range(rng.randint(3, 5)):
                gx = fx0 + (fx1 - fx0) * rng.uniform(0.08, 0.92)
                gy = ground_y + side * rng.uniform(0.08, 0.2)
                for a in (-112, -90, -68):
                    tufts.append(leaf_d(gx, gy, side * 0.05, a, 0.25))
            scene.path(shapes.union(tufts), detail_c)
    if s.background is not None and shape != "bleed" and rng.random() < 0.5:
        art.path(shapes.stroke_outline(frame, max(2.0, side * 0.008)), s.ink)
    if text:
        title_block(ctx, art, (m, h - m - text_h * 0.8, w - m, h - m), s.ink, align="center")
    return f"hero-vignette-{shape}" + ("-night" if night else "-room" if indoor else "")


STORM_WORDS = ("storm", "stormy", "thunder", "thunderstorm", "rain", "rainy", "raining", "downpour", "lightning")


def _storm(ctx: Ctx, scene: Node, box: tuple[float, float, float, float], side: float, sky: RGB, cloud: RGB) -> None:
    """Weather the prompt names: a low bank of dark clouds and slanted rain (a bolt when it thunders)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = ctx.rng
    dark = tone(ctx, cloud, -0.12, fallback=ctx.scheme.ink)
    for k in range(4):
        cx = x0 + w * (0.12 + 0.26 * k + rng.uniform(-0.04, 0.04))
        scene.path(
            cloud_d(cx, y0 + h * rng.uniform(0.12, 0.2), side * rng.uniform(0.28, 0.36)), dark if k % 2 else cloud
        )
    drops = []
    for _k in range(int(46 * w * h / (side * side))):
        px, py = x0 + w * rng.random(), y0 + h * rng.uniform(0.26, 0.95)
        length = side * 0.035
        drops.append(
            shapes.stroke_outline(f"M{px:.1f} {py:.1f}L{px - length * 0.35:.1f} {py + length:.1f}", side * 0.004)
        )
    rain_c = lerp_lch(sky, from_oklch(0.9, 0.02, 240), 0.6)
    scene.path(shapes.union(drops), rain_c)
    drawn = ctx.info.setdefault("drawn", [])
    drawn += [{"concept": "rain cloud", "icon": "scene:rain"}]
    if has_word(ctx, "storm", "stormy", "thunder", "thunderstorm", "lightning"):
        bx, by = x0 + w * rng.uniform(0.3, 0.7), y0 + h * 0.22
        u = side * 0.05
        bolt = (
            f"M{bx:.1f} {by:.1f}L{bx - u * 0.9:.1f} {by + u * 2.2:.1f}L{bx:.1f} {by + u * 2.1:.1f}"
            f"L{bx - u * 0.6:.1f} {by + u * 4.2:.1f}L{bx + u * 1.1:.1f} {by + u * 1.5:.1f}"
            f"L{bx + u * 0.1:.1f} {by + u * 1.6:.1f}"
            f"L{bx + u * 0.8:.1f} {by:.1f}Z"
        )
        scene.path(bolt, from_oklch(0.9, 0.15, 95))
        drawn.append({"concept": "storm lightning", "icon": "scene:lightning"})


_COAST_WORDS = (
    "coast",
    "coastal",
    "coastline",
    "cliff",
    "cliffs",
    "rocky",
    "rocks",
    "shore",
    "seaside",
    "sea",
    "ocean",
)


def _coast(
    ctx: Ctx, scene: Node, box: tuple[float, float, float, float], ground_y: float, side: float, cx: float, storm: bool
) -> RGB:
    """The sea from the horizon down, rocks under the subject with surf breaking at their foot; returns the rock
    colour (the subject's shadow falls on it)."""
    x0, _y0, x1, y1 = box
    rng, s = ctx.rng, ctx.scheme
    if s.constrained:
        sea, rock, foam = s.secondary, s.ink, s.ground
    else:
        sea = from_oklch(0.42, 0.06, 235) if storm else from_oklch(0.62, 0.09, 225)
        rock = from_oklch(0.42, 0.015, 260) if storm else from_oklch(0.55, 0.02, 250)
        foam = from_oklch(0.97, 0.01, 220)
    horizon = ground_y - side * 0.12
    scene.rect(x0 - 2, horizon, x1 - x0 + 4, y1 - horizon + 2, sea)
    for k in range(6):  # wave crests across the sea
        wy = horizon + (y1 - horizon) * (0.15 + 0.14 * k)
        wx = x0 + (x1 - x0) * rng.uniform(0.05, 0.7)
        scene.rect(wx, wy, side * rng.uniform(0.08, 0.16), side * 0.008, foam, opacity=0.55)
    half = side * 0.3
    top = ground_y
    pts = [
        (cx - half * 1.25, y1 + 2),
        (cx - half * 1.05, top + side * 0.12),
        (cx - half * 0.75, top + side * 0.04),
        (cx - half * 0.35, top - side * 0.005),
        (cx + half * 0.3, top),
        (cx + half * 0.7, top + side * 0.05),
        (cx + half * 0.95, top + side * 0.1),
        (cx + half * 1.3, y1 + 2),
    ]
    scene.path(polygon_d(pts), rock)
    lee = [(x, y) for x, y in pts[4:]] + [(cx + half * 0.4, y1 + 2)]
    scene.path(polygon_d(lee), tone(ctx, rock, -0.08, fallback=rock))  # the rocks' shaded side
    for sx in (cx - half * 1.1, cx + half * 1.1):  # surf at the rocks' foot
        scene.path(cloud_d(sx, top + side * 0.2, side * 0.22), foam)
    ctx.info.setdefault("drawn", []).append({"concept": "coast", "icon": "scene:coast"})
    return rock


def _backdrop(
    ctx: Ctx,
    scene: Node,
    setting: str,
    box: tuple[float, float, float, float],
    ground_y: float,
    side: float,
    color: RGB,
) -> None:
    """The setting behind the subject, in the far hills' colour a shade deeper: a skyline, pines or peaks."""
    from artboard.composer.recipes.graphics.landscape import _pine, _skyline
    from artboard.composer.recipes.graphics.scenery import ridge_points

    x0, _y0, x1, _y1 = box
    shade = tone(ctx, color, -0.08, fallback=ctx.scheme.secondary)
    base = ground_y - side * 0.02
    if setting == "city":
        d, _ = _skyline(ctx, x0, x1, base, side * 0.3, side * 0.07)
    elif setting == "forest":
        d = shapes.union(
            [_pine(x0 + (x1 - x0) * (k + 0.5) / 9, base, side * ctx.rng.uniform(0.16, 0.26)) for k in range(9)]
        )
    else:
        pts = ridge_points(ctx, x0, x1, base, side * 0.3, 3, sharp=True)
        d = "M" + " L".join(f"{px:.1f} {py:.1f}" for px, py in [(x0, base + side * 0.1), *pts, (x1, base + side * 0.1)])
        d += "Z"
    scene.path(d, shade)


def _room(
    ctx: Ctx,
    scene: Node,
    box: tuple[float, float, float, float],
    floor_y: float,
    side: float,
    sky_c: RGB,
    sun_c: RGB,
    *,
    plant: bool,
) -> RGB:
    """A corner of a room behind the subject: wall, a window on the day outside, a frame, a wooden floor and a
    potted plant. Returns the floor colour (the subject's shadow is a shade of it)."""
    s, rng = ctx.scheme, ctx.rng
    x0, y0, x1, y1 = box
    w = x1 - x0
    if s.constrained:
        wall, floor, trim, glass, leaf = s.surface, s.secondary, s.ink, s.ground, s.accent
    else:
        wall_h = rng.choice([85.0, 60.0, 200.0, oklch(s.primary)[2]])
        if ctx.brief.colors:
            wall_h = oklch(ctx.brief.colors[0])[2]  # "blue and yellow": the walls take the first colour named
        # "moody blue", a night or a dark mood: the room lit low, its walls deep in the named hue.
        dim = "dark" in ctx.brief.moods or ctx.brief.on_dark
        wall = from_oklch(0.3 if dim else 0.9, 0.06 if dim else 0.035 if not ctx.brief.colors else 0.05, wall_h)
        floor = from_oklch(0.4 if dim else 0.66, 0.06 if dim else 0.07, 60)
        trim = from_oklch(0.45 if dim else 0.98, 0.02 if dim else 0.01, wall_h)
        glass, leaf = sky_c, from_oklch(0.58, 0.11, 150)
    scene.rect(x0, y0, w, y1 - y0, wall)
    # A window on the side away from where the plant stands, the sun low in it.
    left = rng.random() < 0.5
    ww, wh = side * 0.3, side * 0.3
    wx = x0 + w * (0.1 if left else 0.9) - (0 if left else ww)
    wy = y0 + (floor_y - y0) * 0.2
    bar = side * 0.014
    scene.rect(wx - bar, wy - bar, ww + 2 * bar, wh + 2 * bar, trim)
    scene.rect(wx, wy, ww, wh, glass)
    scene.circle(wx + ww * 0.68, wy + wh * 0.62, side * 0.05, sun_c)
    scene.rect(wx + ww / 2 - bar / 2, wy, bar, wh, trim)
    scene.rect(wx, wy + wh / 2 - bar / 2, ww, bar, trim)
    scene.rect(wx - bar * 2, wy + wh + bar, ww + bar * 4, bar * 1.6, trim)  # the sill
    # Floor: boards as thin darker seams, a skirting line.
    scene.rect(x0, floor_y, w, y1 - floor_y, floor)
    seam = tone(ctx, floor, -0.06, fallback=s.ink)
    scene.rect(x0, floor_y, w, side * 0.012, tone(ctx, wall, -0.12, fallback=s.ink))
    for k in range(1, 4):
        scene.rect(x0, floor_y + (y1 - floor_y) * k / 4, w, max(1.0, side * 0.004), seam)
    if not plant:  # the second subject stands there
        return floor
    # A potted plant on the other side.
    px = x0 + w * (0.86 if left else 0.14)
    pot_w, pot_h = side * 0.09, side * 0.09
    base = floor_y + side * 0.06
    leaves = [leaf_d(px, base - pot_h, side * rng.uniform(0.1, 0.14), a, 0.32) for a in (-140, -115, -90, -65, -40)]
    scene.path(shapes.union(leaves), leaf)
    pot = (
        f"M{px - pot_w / 2:.1f} {base - pot_h:.1f}L{px + pot_w / 2:.1f} {base - pot_h:.1f}"
        f"L{px + pot_w * 0.36:.1f} {base:.1f}L{px - pot_w * 0.36:.1f} {base:.1f}Z"
    )
    scene.path(pot, s.accent if s.accent not in (wall, floor) else s.primary)
    return floor
