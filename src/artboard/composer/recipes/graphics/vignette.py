"""The subject hero, the catch-all illustration: the prompt's subject in a small flat world (ground, sun,
hills, grass) inside a framed vignette, or floating in a night sky for space and sky things.
"""

from __future__ import annotations

from artboard.colors import from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, rect_d
from artboard.composer.context import Ctx
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
_SKY_THINGS = ("planet", "rocket", "astronaut", "space", "galaxy", "star", "stars", "moon", "satellite", "ufo",
               "comet", "cloud", "balloon", "bird", "plane", "airplane", "kite", "butterfly", "owl", "bat")
_CONTAINERS = frozenset("bowl cup plate glass box jar bag basket bottle pot vase tray".split())


def _subject_icons(ctx: Ctx, count: int = 2) -> list[icons.Icon]:
    """The subjects' icons, main subject first: earlier subjects win, containers yield to their contents."""
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
    for _, _, ic in scored:
        if ic.key not in {o.key for o in out}:
            out.append(ic)
    note_icons(ctx, out[:count])
    return out[:count]


def hero_vignette(ctx: Ctx, art: Node, icon: icons.Icon | None = None) -> str:
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
            far_c = lerp_lch(sky_c, from_oklch(0.8, 0.05, 200), 0.6)
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
        frame = arch_d(cx, aw, cy - side / 2, cy + side / 2)
    else:
        frame = rect_d(cx - side / 2, cy - side / 2, side, side, side * 0.08)
    fx0, fy0, fx1, fy1 = shapes.bounds(frame)
    scene = art.group("vignette", clip_path=ctx.canvas.clip(frame))
    scene.rect(fx0, fy0, fx1 - fx0, fy1 - fy0, sky_c)
    ground_y = fy0 + (fy1 - fy0) * 0.72
    if night:
        draw_stars(ctx, scene, (fx0, fy0, fx1, fy1), int(120 * side * side / (1024 * 1024)), sun_c,
                   lambda x, y: False)
        scene.path(crescent_d(fx0 + (fx1 - fx0) * 0.75, fy0 + (fy1 - fy0) * 0.25, side * 0.07), sun_c)
        scene.circle(fx0 + (fx1 - fx0) * 0.18, fy1 - (fy1 - fy0) * 0.12, side * 0.2, far_c)
    else:
        sx = fx0 + (fx1 - fx0) * rng.choice([0.25, 0.75])
        scene.circle(sx, fy0 + (fy1 - fy0) * 0.3, side * 0.1, sun_c)
        far = hill_fn(ctx, fx0, fx1, ground_y - side * 0.06, side * 0.03, 1.4)
        scene.path(fn_area_d(far, fx0 - 2, fx1 + 2, fy1 + 2), far_c)
        if not floating:
            near = hill_fn(ctx, fx0, fx1, ground_y, side * 0.015, 1.0)
            scene.path(fn_area_d(near, fx0 - 2, fx1 + 2, fy1 + 2), ground_c)
        for _k in range(rng.randint(1, 2)):
            ccx = fx0 + (fx1 - fx0) * rng.uniform(0.2, 0.8)
            if abs(ccx - sx) < side * 0.2:
                continue
            scene.path(cloud_d(ccx, fy0 + (fy1 - fy0) * rng.uniform(0.18, 0.35), side * 0.2),
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
            ellipse(scene, cx + tx - cx + (bx0 + bx1) / 2, ground_y + side * 0.04, (bx1 - bx0) * 0.55, side * 0.025,
                    tone(ctx, ground_c, -0.12, fallback=s.ink))
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
                    tufts.append(leaf_d(gx, gy, side * 0.05, a, 0.25))
            scene.path(shapes.union(tufts), detail_c)
    if s.background is not None and rng.random() < 0.5:
        art.path(shapes.stroke_outline(frame, max(2.0, side * 0.008)), s.ink)
    if text:
        title_block(ctx, art, (m, h - m - text_h * 0.8, w - m, h - m), s.ink, align="center")
    return f"hero-vignette-{shape}" + ("-night" if night else "")
