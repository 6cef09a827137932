"""T-shirt graphics: emblems, badge rings and stacked type, centred on the canvas."""

from __future__ import annotations

import math

from artboard.colors import RGB
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, rect_d, star_points, wave_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import arc_fit, ground, readable, small, use_family, visible
from artboard.composer.recipes.layouts.copy_text import Copy, copy_for, subject_icon
from artboard.composer.recipes.layouts.geometry import mountains_d, rays_d, ribbon_points, ring_d, sun_stripes_d


def tshirt(ctx: Ctx) -> str:
    """A t-shirt graphic: an emblem with arched or badge-ring type, or a stacked headline around a half sun."""
    copy = copy_for(ctx)
    rng = ctx.rng
    options = ["arched", "stacked", "badge"]
    if copy.headline and len(copy.headline) > 24:
        options = ["stacked", "badge"]
    if not copy.headline:
        options = ["badge-plain", "emblem"]
    kind = options[rng.randrange(len(options))]
    if kind == "stacked":
        return _tee_stacked(ctx, copy)
    return _tee_emblem(ctx, copy, kind)


def _emblem_scene(ctx: Ctx, parent: Node, cx: float, cy: float, r: float, icon: icons.Icon | None) -> RGB:
    """A disc with a little scene inside (sun stripes and mountains, or the subject symbol); returns its fill."""
    s, rng = ctx.scheme, ctx.rng
    gnd = ground(ctx)
    disc = s.primary
    clip = circle_d(cx, cy, r)
    words = set(ctx.brief.words)
    if words & {"mountain", "mountains", "hike", "hiking", "camp", "camping", "outdoors", "trail", "adventure"}:
        parent.path(clip, visible(ctx, gnd, s.surface, s.secondary, ratio=1.1) if s.surface != gnd else s.secondary)
        parent.path(
            shapes.intersect(sun_stripes_d(cx, cy - r * 0.05, r * 0.55), clip),
            visible(ctx, s.surface, s.accent, s.primary),
        )
        body, snow = mountains_d(ctx, cx - r, cx + r, cy + r * 0.55, cy - r * 0.25, 3)
        parent.path(shapes.intersect(body, clip), s.primary)
        parent.path(shapes.intersect(snow, clip), readable(ctx, s.primary, s.surface, ratio=1.6))
        parent.path(
            shapes.intersect(wave_d(cx - r, cx + r, cy + r * 0.5, r * 0.05, 2, cy + r * 1.1), clip),
            readable(ctx, gnd, s.ink, ratio=1.5),
        )
        return s.primary
    if words & {"surf", "ocean", "sea", "beach", "wave", "waves", "sail"} or rng.random() < 0.4:
        parent.path(clip, disc)
        parent.path(
            shapes.intersect(sun_stripes_d(cx, cy + r * 0.05, r * 0.6), clip), visible(ctx, disc, s.accent, s.secondary)
        )
        waves = []
        for i in range(3):
            y = cy + r * (0.35 + 0.22 * i)
            waves.append(wave_d(cx - r, cx + r, y, r * 0.05, 4, y + r * 0.1))
        parent.path(shapes.intersect("".join(waves), clip), readable(ctx, disc, s.on_primary, ratio=1.6))
        if icon is not None and "sun" not in icon.name:
            ctx.draw_icon(parent, icon, cx, cy - r * 0.1, r * 0.7, readable(ctx, disc, s.on_primary, ratio=3.0))
        return disc
    parent.path(clip, disc)
    if icon is not None:
        ctx.draw_icon(parent, icon, cx, cy, r * 1.15, readable(ctx, disc, s.on_primary, ratio=3.0))
    return disc


def _tee_emblem(ctx: Ctx, copy: Copy, kind: str) -> str:
    """The emblem scene with an arched headline and ribbon, a badge ring of text, or (no text) a sunburst."""
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    if not ctx.brief.has("elegant", "hand_drawn", "playful"):
        use_family(
            ctx,
            ("alfa-slab-one", "archivo-black", "righteous", "bebas-neue")
            if ctx.brief.has("retro", "vintage")
            else ("archivo-black", "anton", "montserrat"),
        )
    gnd = ground(ctx)
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    ink = readable(ctx, gnd)
    icon = subject_icon(ctx)
    cx = W / 2
    r = short * (0.27 if kind.startswith("badge") else 0.25)
    cy = H / 2 + short * 0.06 if kind == "arched" else H / 2
    lines = copy.lines[:1]
    _emblem_scene(ctx, back, cx, cy, r, icon)
    ring = visible(ctx, gnd, s.accent, s.primary, ratio=1.5)
    t = short * 0.008
    back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
    if kind == "emblem":  # no text: a sunburst of rays and a crown of stars around the scene
        back.path(rays_d(cx, cy, r * 1.14, r * 1.45, 32, 4.0), ring)
        for i in (-1, 0, 1):
            back.polygon(
                star_points(
                    cx + i * r * 0.3,
                    cy - r * 1.62 + abs(i) * r * 0.06,
                    short * (0.03 if i == 0 else 0.02),
                    short * (0.012 if i == 0 else 0.008),
                ),
                ink,
            )
        return "tshirt-emblem"
    if kind.startswith("badge"):
        ro, ri = r * 1.42, r * 1.06
        back.path(ring_d(cx, cy, ro, ro - t), ink)
        back.path(ring_d(cx, cy, ri + t * 0.6, ri), ink)
        band_mid = (ro + ri) / 2
        size = (ro - ri) * 0.55
        if copy.headline:
            arc_fit(
                ctx,
                front,
                copy.headline.upper(),
                cx,
                cy,
                band_mid - size * 0.36,
                size,
                ink,
                max_sweep_deg=160 if len(copy.headline) <= 24 else 230,
                tracking=120,
            )
        if lines:
            arc_fit(
                ctx,
                front,
                lines[0].upper(),
                cx,
                cy,
                band_mid + size * 0.36,
                size * 0.8,
                ink,
                max_sweep_deg=110,
                inside=True,
                tracking=160,
                purpose="body",
                weight=700,
            )
        if not copy.headline:  # the text band becomes a ring of dots
            n = 36
            for k in range(n):
                ang = 2 * math.pi * k / n
                back.circle(cx + band_mid * math.cos(ang), cy + band_mid * math.sin(ang), (ro - ri) * 0.09, ring)
        long_arc = bool(copy.headline) and len(copy.headline or "") > 24
        for side in (-1, 1) if not long_arc else ():
            a = math.radians(180 if side < 0 else 0)
            back.polygon(
                star_points(cx + band_mid * math.cos(a), cy + band_mid * math.sin(a), size * 0.5, size * 0.2), ring
            )
        return "tshirt-badge" if copy.headline else "tshirt-badge-plain"
    # arched headline over the emblem, a ribbon or rule with the rest underneath
    text = (copy.headline or "").upper()
    upper_size = short * 0.12
    arc_fit(ctx, front, text, cx, cy, r + short * 0.06, upper_size, ink, max_sweep_deg=150, tracking=60)
    y = cy + r + short * 0.07
    if lines:
        rw = min(W - 2 * m, r * 2.6)
        rh = short * 0.085
        band = s.primary
        back.polygon(ribbon_points(cx - rw / 2, cx + rw / 2, y, rh, rh * 0.6, rh * 0.2), band)
        small(
            ctx,
            front,
            lines[0],
            (cx - rw / 2, y + rh * 0.25, cx + rw / 2, y + rh * 0.75),
            readable(ctx, band, s.on_primary),
            align="center",
            tracking=200,
            weight=700,
        )
    else:
        for i in (-1, 0, 1):
            back.polygon(
                star_points(
                    cx + i * short * 0.06,
                    y + short * 0.02,
                    short * (0.022 if i == 0 else 0.016),
                    short * (0.009 if i == 0 else 0.007),
                ),
                ring,
            )
    return "tshirt-arched"


def _tee_stacked(ctx: Ctx, copy: Copy) -> str:
    """The headline split over and under a striped half sun with the symbol rising from it."""
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    if not ctx.brief.has("elegant", "hand_drawn", "playful"):
        use_family(ctx, ("anton", "bebas-neue", "alfa-slab-one", "archivo-black"))
    gnd = ground(ctx)
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    ink = readable(ctx, gnd)
    hi = readable(ctx, gnd, s.primary, ratio=3.0)
    icon = subject_icon(ctx)
    words = (copy.headline or "").upper().split()
    if len(words) >= 3:
        cut = max(1, len(words) // 2)
        top_txt, bottom_txt = " ".join(words[:cut]), " ".join(words[cut:])
    elif len(words) == 2:
        top_txt, bottom_txt = words
    else:
        top_txt, bottom_txt = " ".join(words), ""
    gw = min(W - 2 * m * 1.4, short * 0.78)
    x0, x1 = (W - gw) / 2, (W + gw) / 2
    sun_r = gw * 0.3
    lines_each = 2 if len(words) > 4 else 1
    total = sun_r * 1.25 + short * 0.36 * (1.4 if lines_each > 1 else 1)
    y = (H - total) / 2 - short * 0.02
    t1 = ctx.text(
        front,
        top_txt,
        (x0, y, x1, y + short * 0.17 * (1.4 if lines_each > 1 else 1)),
        ink,
        uppercase=True,
        max_lines=lines_each,
        valign="bottom",
        line_height=1.0,
        name="headline",
    )
    y = t1.bbox[3] + short * 0.03
    # the centre piece: a striped half sun with the symbol rising from it
    cy = y + sun_r
    disc = s.primary
    half = shapes.intersect(
        sun_stripes_d(W / 2, cy, sun_r), rect_d(W / 2 - sun_r - 2, cy - sun_r - 2, 2 * sun_r + 4, sun_r + 2)
    )
    back.path(half, disc)
    back.rect(x0, cy + short * 0.008, gw, short * 0.012, ink)
    if icon is not None:
        ctx.draw_icon(
            back,
            icon,
            W / 2,
            cy - sun_r * 0.55,
            sun_r * 0.8,
            readable(ctx, disc, s.on_primary, ratio=3.0) if "sun" not in icon.name else ink,
        )
    y = cy + short * 0.05
    if bottom_txt:
        t2 = ctx.text(
            front,
            bottom_txt,
            (x0, y, x1, y + short * 0.17 * (1.4 if lines_each > 1 else 1)),
            hi,
            uppercase=True,
            max_lines=lines_each,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        y = t2.bbox[3] + short * 0.03
    for ln in copy.lines[:1]:
        small(ctx, front, ln, (x0, y, x1, y + short * 0.035), ink, align="center", tracking=300)
    return "tshirt-stacked"
