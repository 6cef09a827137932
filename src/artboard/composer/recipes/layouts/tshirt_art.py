"""T-shirt compositions led by art: the vintage badge (the subject in a disc in a ring of type), the retro
sunset, the full-front illustration and the die-cut sticker cluster.
"""

from __future__ import annotations

import math

from artboard.colors import RGB, contrast_ratio
from artboard.composer import shapes
from artboard.composer.arrange import Group, Placed, illustration_mode
from artboard.composer.canvas import circle_d, polygon_d, rect_d, star_points, wave_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import arc_fit, readable, use_family, visible
from artboard.composer.recipes.layouts.geometry import arch_d, blob_d, rays_d, ribbon_points, ring_d
from artboard.composer.recipes.layouts.tshirt_copy import TeeCopy, put_lines, scratch
from artboard.composer.recipes.layouts.tshirt_styles import (
    Inks,
    Subject,
    column,
    disc,
    draw_scene,
    draw_subject,
    draw_things,
    group_silhouette,
    print_area,
    record_drawn,
    settle,
    sheet,
    star_d,
    tee_subject,
    union_box,
)
from artboard.oklab import oklch

# -- the vintage badge -------------------------------------------------------------------------------------


def badge_tee(ctx: Ctx, copy: TeeCopy, inks: Inks, *, plain: bool) -> str:
    """The subject in a disc inside a ring of type (or under an arched headline with a ribbon); lines that do
    not fit an arc are set straight under the badge."""
    sh = sheet(ctx, 1.0, "alfa-slab-one", "archivo-black", "righteous", "bebas-neue")
    subject, x0, y0, x1, w, cx = sh.subject, sh.x0, sh.y0, sh.x1, sh.w, sh.cx
    art, back, front = sh.art, sh.back, sh.front
    head = copy.headline or ""
    lines = list(copy.lines)
    ink, ring = inks.ink, inks.acc
    t = w * 0.008
    if not head:  # no text: a sunburst and a crown of stars, or a ring of dots
        r = w * 0.26
        cy = y0 + r * 1.6
        disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        if plain or ctx.rng.random() < 0.5:
            back.path(rays_d(cx, cy, r * 1.14, r * 1.45, 32, 4.0), ring)
            stars = "".join(
                star_d(cx + i * r * 0.3, cy - r * 1.62 + abs(i) * r * 0.06, w * (0.03 if i == 0 else 0.02))
                for i in (-1, 0, 1)
            )
            back.path(stars, ink)
            name = "tshirt-emblem"
        else:
            ro, ri = r * 1.42, r * 1.06
            back.path(ring_d(cx, cy, ro, ro - t), ink)
            back.path(ring_d(cx, cy, ri + t * 0.6, ri), ink)
            mid = (ro + ri) / 2
            back.path(
                "".join(
                    circle_d(cx + mid * math.cos(a), cy + mid * math.sin(a), (ro - ri) * 0.09)
                    for a in (2 * math.pi * k / 36 for k in range(36))
                ),
                ring,
            )
            name = "tshirt-badge-plain"
        bottom = cy + r * 1.5
        if lines:
            bottom = put_lines(ctx, front, lines, x0, bottom + w * 0.02, x1, w * 0.04, ink)
        settle(art, (x0, y0, x1, bottom), print_area(ctx))
        return name
    if len(head) <= 26 and ctx.rng.random() < 0.6:
        r = w * 0.27
        cy = y0 + r * 1.45
        ro, ri = r * 1.42, r * 1.06
        disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        back.path(ring_d(cx, cy, ro, ro - t), ink)
        back.path(ring_d(cx, cy, ri + t * 0.6, ri), ink)
        band, size = (ro + ri) / 2, (ro - ri) * 0.55
        arc_fit(ctx, front, head.upper(), cx, cy, band - size * 0.36, size, ink, max_sweep_deg=160, tracking=120)
        low = lines.pop(0) if lines and len(lines[0]) <= 20 else None
        if low:
            arc_fit(
                ctx,
                front,
                low.upper(),
                cx,
                cy,
                band + size * 0.36,
                size * 0.8,
                ink,
                max_sweep_deg=110,
                inside=True,
                tracking=160,
                purpose="body",
                weight=700,
            )
        for a in (math.pi, 0.0):
            back.path(star_d(cx + band * math.cos(a), cy + band * math.sin(a), size * 0.5), ring)
        bottom = cy + ro + w * 0.05
        name = "tshirt-badge"
    else:
        r = w * 0.25
        arched = len(head) <= 30
        cy = y0 + (r + w * 0.2 if arched else r)
        disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        y = cy + r + w * 0.06
        if arched:
            arc_fit(ctx, front, head.upper(), cx, cy, r + w * 0.06, w * 0.12, ink, max_sweep_deg=150, tracking=60)
        else:
            blk = ctx.text(
                front,
                head,
                (x0, y, x1, y + w * 0.16),
                ink,
                uppercase=True,
                max_lines=2,
                valign="top",
                line_height=1.0,
                name="headline",
            )
            y = blk.bbox[3] + w * 0.05
        if lines and len(lines[0]) <= 28:
            rw, rh = min(w, r * 2.7), w * 0.085
            back.polygon(ribbon_points(cx - rw / 2, cx + rw / 2, y, rh, rh * 0.6, rh * 0.2), inks.hi)
            put_lines(
                ctx,
                front,
                [lines.pop(0)],
                cx - rw / 2 + rh * 0.3,
                y + rh * 0.27,
                cx + rw / 2 - rh * 0.3,
                rh * 0.46,
                inks.on_hi,
                tracking=200,
            )
            y += rh + w * 0.04
        elif not lines:
            back.path(
                "".join(star_d(cx + i * w * 0.06, y + w * 0.02, w * (0.022 if i == 0 else 0.016)) for i in (-1, 0, 1)),
                ring,
            )
            y += w * 0.06
        bottom = y
        name = "tshirt-arched" if arched else "tshirt-emblem-type"
    if lines:
        bottom = put_lines(ctx, front, lines, x0, bottom, x1, w * 0.04, ink)
    settle(art, (x0, y0, x1, bottom), print_area(ctx))
    return name


# -- retro sunset ------------------------------------------------------------------------------------------


def sunset_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A striped sun setting on the horizon in two inks, the subject standing in front of it, water or speed
    lines below, and the headline with a drop shadow."""
    sh = sheet(ctx, 0.9, "righteous", "alfa-slab-one", "abril-fatface", "unbounded")
    subject, x0, y0, x1, w, cx = sh.subject, sh.x0, sh.y0, sh.x1, sh.w, sh.cx
    art, back, front = sh.art, sh.back, sh.front
    r = w * 0.34
    horizon = y0 + r * 1.0
    top_ink, low_ink = _sun_inks(ctx, inks)
    dome = _sunset_dome_d(cx, horizon, r)
    split = horizon - r * 0.55
    back.path(shapes.intersect(dome, rect_d(x0 - w, y0 - w, w * 3, split - y0 + w)), top_ink)
    back.path(shapes.intersect(dome, rect_d(x0 - w, split, w * 3, horizon - split)), low_ink)
    record_drawn(ctx, "sunset", "scene:sunset")
    others = tuple(k for k in subject.scene if k not in ("sunset", "waves", "stars"))
    if others:  # mountains, a skyline, pines on the horizon in front of the sun
        hb = r * 0.9
        draw_scene(
            ctx,
            back,
            others,
            (x0, horizon - hb * 0.68, x1, horizon + hb * 0.32),
            (low_ink, inks.ink, inks.ink),
            inks.ground,
            clip=rect_d(x0, y0 - w, w, horizon - y0 + w),
        )
    back.rect(x0, horizon, w, w * 0.01, inks.ink)
    water = bool(ctx.brief.words & {"surf", "surfing", "ocean", "sea", "beach", "wave", "waves", "island"})
    y = horizon + w * 0.03
    if water:
        bands = [
            shapes.difference(
                wave_d(x0, x1, y + w * 0.05 * i, w * 0.012, 6, y + w * 0.05 * i + w * 0.03),
                wave_d(x0, x1, y + w * 0.05 * i + w * 0.016, w * 0.012, 6, y + w * 0.05 * i + w),
            )
            for i in range(3)
        ]
        back.path(shapes.union(bands), inks.hi)
        record_drawn(ctx, "wave", "scene:waves")
    else:
        for i in range(3):
            lw = w * (0.9 - 0.22 * i)
            back.rect(cx - lw / 2, y + w * 0.045 * i, lw, w * (0.014 - 0.003 * i), low_ink)
    y += w * 0.16
    if subject.group.placed or subject.icon is not None:
        a = r * 1.15
        box = (cx - a / 2, horizon - a * 0.98, cx + a / 2, horizon + a * 0.02)
        edge = group_silhouette(subject.group, box) if subject.group.placed else ""
        if edge:  # a rim of the shirt colour parts the things from the stripes
            back.path(shapes.offset(edge, w * 0.012), inks.ground)
        draw_subject(ctx, back, Subject(subject.group, (), subject.icon), box, inks.ink, behind=inks.ground)
    content = (x0, y0, x1, y)
    if copy.headline:
        hh = w * 0.17
        shadow = scratch()
        blk = ctx.text(
            shadow,
            copy.headline,
            (x0, y, x1, y + hh),
            low_ink,
            max_lines=2,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        off = blk.font_size * 0.06
        if low_ink != inks.ink:  # a drop shadow in the sun's lower ink
            front.path(shapes.transform_d(blk.d, (1, 0, 0, 1, off, off)), low_ink)
        front.group("headline").path(blk.d, inks.ink)
        y = blk.bbox[3] + off + w * 0.04
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.044, inks.ink, tracking=180)
    settle(art, union_box(content, (x0, y0, x1, y)), print_area(ctx))
    return "tshirt-sunset"


def _sunset_dome_d(cx: float, horizon: float, r: float, bands: int = 5) -> str:
    """The top half of a sun cut by horizontal gaps that thicken towards the horizon."""
    dome = shapes.intersect(circle_d(cx, horizon, r), rect_d(cx - r - 1, horizon - r - 1, 2 * r + 2, r + 1))
    cuts = []
    for i in range(bands):
        y = horizon - r * 0.62 + r * 0.62 * i / bands
        cuts.append(rect_d(cx - r - 1, y, 2 * r + 2, r * (0.018 + 0.02 * i)))
    return shapes.difference(dome, shapes.union(cuts))


def _sun_inks(ctx: Ctx, inks: Inks) -> tuple[RGB, RGB]:
    """A warm sun: the scheme's warm roles when it has them (always with a user palette), else golden and coral."""

    def warm(c: RGB) -> bool:
        lightness, chroma, hue = oklch(c)
        return chroma > 0.08 and (hue < 95 or hue > 330) and 0.45 < lightness < 0.92

    s = ctx.scheme
    roles = [c for c in (s.primary, s.accent, s.secondary) if warm(c)]
    if s.constrained or ctx.brief.has("single_color", "two_color") or len(roles) >= 2:
        pair = sorted(roles, key=lambda c: -oklch(c)[0])[:2] if len(roles) >= 2 else [inks.hi, inks.acc]
        return pair[0], pair[1]
    golden: RGB = (250, 184, 60)
    coral: RGB = (238, 98, 74)
    return (roles[0], coral) if roles and oklch(roles[0])[2] > 60 else (golden, roles[0] if roles else coral)


# -- a full-front illustration, a sticker cluster ------------------------------------------------------------


def illustration_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The named things drawn large (flat colour art, or line art when asked) over a disc, a sunburst, a blob or
    a flat drop shadow, or in their scene; the headline over or under them, every line under it all."""
    mode = illustration_mode(ctx)
    subject = tee_subject(ctx, mode)
    rng = ctx.rng
    x0, y0, x1, y1 = column(ctx)
    w = x1 - x0
    texty = bool(copy.headline or copy.lines)
    side = min(w, (y1 - y0) * (0.6 if texty else 0.92))
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    content: Box = (cx - side / 2, y0, cx + side / 2, y0)
    y = y0
    if copy.headline and len(copy.headline) <= 18 and rng.random() < 0.35:  # the name over the picture
        blk = ctx.text(
            front,
            copy.headline,
            (x0, y, x1, y + w * 0.16),
            inks.ink,
            uppercase=True,
            max_lines=1,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.05
        headline = None
    else:
        headline = copy.headline
    ay, cy = y, y + side / 2
    frame = (cx - side / 2, ay, cx + side / 2, ay + side)
    disc = circle_d(cx, cy, side / 2)
    inner = (cx - side * 0.42, ay + side * 0.08, cx + side * 0.42, ay + side * 0.92)
    line = side * 0.014 if mode == "stroke" else 0.0
    colour_art = mode == "color"
    ring = shapes.difference(disc, circle_d(cx, cy, side / 2 - max(line, side * 0.012)))
    if subject.scene:
        open_scene = line > 0 or set(subject.scene) <= {"waves", "stars", "shore"}
        window = disc if open_scene or rng.random() < 0.6 else arch_d(cx - side * 0.4, ay + side, side * 0.8, side)
        if set(subject.scene) <= {"waves", "shore"} and not subject.group.placed:  # water alone: a band
            draw_scene(
                ctx,
                back,
                subject.scene,
                (cx - side / 2, ay - side * 0.5, cx + side / 2, ay + side * 0.3),
                (inks.acc, inks.hi, inks.hi),
                inks.ground,
                line=line,
            )
            side = side * 0.3
            name = "waves"
        elif open_scene:  # a frame around the scene on the shirt itself
            back.path(ring, inks.ink if line else inks.acc)
            draw_subject(
                ctx,
                back,
                subject,
                frame,
                inks.ink,
                behind=inks.ground,
                scene_inks=(inks.acc, inks.ink, inks.hi),
                clip=disc,
                line=line,
            )
            name = "ring"
        else:
            back.path(window, inks.hi)
            scene_inks = (inks.acc, inks.ink, inks.on_hi) if inks.acc != inks.hi else (inks.on_hi, inks.ink, inks.on_hi)
            draw_subject(
                ctx,
                back,
                subject,
                frame,
                inks.ink if colour_art else inks.on_hi,
                behind=inks.hi,
                scene_inks=scene_inks,
                clip=window,
            )
            name = "scene"
    else:
        options = ("ring", "bare") if line else ("disc", "burst", "shadow", "blob")
        name = rng.choice(options)
        ink = inks.ink if line else inks.hi
        behind = inks.ground
        if name == "disc":
            back.path(disc, inks.acc if colour_art else inks.hi)
            ink, behind = inks.on_hi, inks.acc if colour_art else inks.hi
        elif name == "ring":
            back.path(ring, inks.acc)
        elif name == "burst":
            back.path(rays_d(cx, cy, side * 0.41, side * 0.5, 36, 4.0), inks.acc)
            inner = (cx - side * 0.35, ay + side * 0.15, cx + side * 0.35, ay + side * 0.85)
        elif name == "blob":
            back.path(blob_d(ctx, cx, cy, side * 0.48, side * 0.44, 8, 0.12), inks.acc)
            if not colour_art:
                ink, behind = readable(ctx, inks.acc, inks.ink, inks.hi, ratio=2.5), inks.acc
        if name == "shadow" and subject.group.placed:
            edge = group_silhouette(subject.group, inner)
            if edge:
                off = side * 0.035
                back.path(shapes.transform_d(edge, (1, 0, 0, 1, off, off)), inks.acc)
                if not line:
                    back.path(shapes.offset(edge, side * 0.012), inks.ground)
        draw_subject(ctx, back, subject, inner, ink, behind=behind)
    content = union_box(content, (cx - side / 2, ay, cx + side / 2, ay + side))
    y = ay + side + w * 0.05
    if headline:
        long = len(headline) > 28
        blk = ctx.text(
            front,
            headline,
            (x0, y, x1, y + w * (0.22 if long else 0.17)),
            inks.ink,
            uppercase=True,
            max_lines=3 if long else 2,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.035
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.044, inks.line)
        content = union_box(content, (x0, y0, x1, y))
    settle(art, content, print_area(ctx))
    return "tshirt-illustration" + ("-line" if mode == "stroke" else "")


def cluster_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A playful die-cut sticker of the named things (white border, a hairline around it) with sparkles, and the
    headline as chunky outlined letters."""
    if not ctx.brief.has("hand_drawn", "elegant"):
        use_family(ctx, ("fredoka", "righteous", "unbounded"))
    mode = illustration_mode(ctx)
    subject = tee_subject(ctx, mode)
    x0, y0, x1, y1 = column(ctx)
    w = x1 - x0
    cx = (x0 + x1) / 2
    side = min(w * 0.82, (y1 - y0) * (0.58 if copy.headline or copy.lines else 0.86))
    art = ctx.canvas.group("tshirt")
    tilt = ctx.rng.uniform(-8, 8)
    sticker = art.group("sticker", transform=f"rotate({tilt:.1f} {cx:.1f} {y0 + side / 2:.1f})")
    front = art.group("type")
    box = (cx - side / 2, y0, cx + side / 2, y0 + side)
    group = subject.group
    if not group.placed and subject.icon is not None:
        group = Group((Placed(subject.icon.name.replace("-", " "), subject.icon, 0.5, 0.5, 0.9),), None)
    # the sticker's white border: the shirt itself in a one-ink print, the lightest colour of a user palette
    paper: RGB = (255, 255, 255)
    if inks.one:
        paper = inks.ground
    elif ctx.scheme.constrained:
        paper = max(ctx.scheme.colors(), key=lambda c: sum(c))
    disc = ""
    if subject.scene:  # the setting in a disc the things stand out of: one die-cut of both
        r, dcy = side * 0.4, y0 + side * 0.58
        disc = circle_d(cx, dcy, r)
        box = (cx - side * 0.36, y0 + side * 0.02, cx + side * 0.36, y0 + side * 0.74)
    things = group_silhouette(group, box) if group.placed else ""
    edge = shapes.union([d for d in (disc, things) if d])
    if edge:
        t = side * 0.045
        sticker.path(shapes.offset(edge, t + side * 0.012), inks.ink)
        sticker.path(shapes.offset(edge, t), paper)
    if disc:
        sticker.path(disc, inks.hi)
        far = visible(ctx, inks.hi, inks.acc, inks.on_hi, ratio=1.5)
        mid = readable(ctx, inks.hi, inks.ink, inks.on_hi, ratio=1.8)
        draw_scene(
            ctx, sticker, subject.scene, (cx - r, dcy - r, cx + r, dcy + r), (far, mid, inks.on_hi), inks.hi, clip=disc
        )
        if things:
            sticker.path(shapes.offset(things, side * 0.015), paper)
    glyph_ink = inks.hi if contrast_ratio(inks.hi, paper) >= 2.0 else inks.ink
    if group.placed:
        draw_things(ctx, sticker, group, box, glyph_ink, behind=paper)
    # sparkles around the sticker
    rng = ctx.rng
    sparks = []
    for k in range(6):
        a = math.radians(-150 + 60 * k + rng.uniform(-18, 18))
        rr = side * rng.uniform(0.5, 0.58)
        sx, sy = cx + rr * math.cos(a), y0 + side / 2 + rr * math.sin(a) * 0.92
        r = side * rng.uniform(0.025, 0.045)
        sparks.append(polygon_d(star_points(sx, sy, r, r * 0.3, 4)) if k % 2 == 0 else circle_d(sx, sy, r * 0.4))
    art.group("sparkles").path("".join(sparks), inks.acc)
    content: Box = (cx - side * 0.6, y0 - side * 0.06, cx + side * 0.6, y0 + side * 1.04)
    y = y0 + side * 1.08
    if copy.headline:
        scrap = scratch()
        long = len(copy.headline) > 28
        blk = ctx.text(
            scrap,
            copy.headline,
            (x0, y, x1, y + w * (0.21 if long else 0.16)),
            inks.hi,
            max_lines=3 if long else 2,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        if inks.hi != inks.ink:
            front.path(shapes.offset(blk.d, blk.font_size * 0.07), inks.ink)
        front.group("headline").path(blk.d, inks.hi)
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.04
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.04, inks.ink, tracking=120)
        content = union_box(content, (x0, y0, x1, y))
    settle(art, content, print_area(ctx))
    return "tshirt-cluster"
