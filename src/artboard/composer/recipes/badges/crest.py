"""Crest-like badges: the shield (name on a possibly arched ribbon, "EST · 1987" split in the point), the hexagon
patch (stitched or ruled frame, name on a bar, a ribbon or plain) and the laurel emblem (symbol disc in a
wreath of constructed leaves, name on a possibly smiling ribbon)."""

from __future__ import annotations

import math

from artboard.colors import RGB, contrast_ratio
from artboard.composer import shapes
from artboard.composer.canvas import circle_d, polygon_d, rect_d, regular_polygon, ring_d, shield_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _Look, _on
from artboard.composer.recipes.badges.common import _Art, _bounds
from artboard.composer.recipes.badges.geometry import (
    _dashes_along,
    _inset,
    _leaf_d,
    _outline_band,
    _polar,
    _sector_band,
)
from artboard.composer.recipes.badges.lettering import _arc_cap, _arc_text, _caption, _Copy, _face, _text_box
from artboard.composer.recipes.badges.ornaments import _ornament_arc, _ornament_d, _ornament_row, _rays
from artboard.composer.recipes.badges.ribbons import _banner, _ribbon, _ribbon_height
from artboard.composer.recipes.badges.symbols import _centre_symbol, _symbol_or_mark


def _ruled_frame(ctx: Ctx, art: _Art, look: _Look, outer: str, rim: float, rule: float) -> tuple[RGB, RGB, RGB]:
    """Line work on paper (filled only on a transparent canvas): a rim `rim`·S wide and a thin rule `rule`·S in.
    Returns the ground, the colour for text on it and the colour for marks on it."""
    S = ctx.short
    if ctx.scheme.background is None:
        art.add("body", outer, look.paper, distress=False)
    art.add("frame", _outline_band(outer, 0.0, S * rim), look.body)
    art.add("frame-inner", _outline_band(outer, S * rule, S * 0.006), look.body)
    return look.paper, look.on_paper, look.mark_on_paper


# --- shield crest -----------------------------------------------------------------------------------------------


def _shield_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    H, W = S * 0.8, S * 0.64
    top = cy - H * 0.5
    outer = shield_d(cx, top, W, H)
    mode = rng.choice(["solid", "solid", "line"]) if not look.minimal else "line"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    if mode == "solid":
        art.add("body", outer, look.body)
        art.add("frame", _outline_band(outer, S * 0.022, S * 0.008), look.on_body)
        ground, on_ground, mark_c = look.body, look.on_body, look.mark_on_body
    else:
        ground, on_ground, mark_c = _ruled_frame(ctx, art, look, outer, 0.016, 0.03)
    sym_c = _on(ctx, ground, [on_ground if mode == "solid" else look.body, ctx.scheme.ink], 3.0)
    ornament = rng.choice(["star", "star", "dot", "diamond"])
    sym_cy = top + H * 0.4
    sym_size = S * 0.25
    if look.vintage and rng.random() < 0.5:
        rays = _rays(cx, sym_cy, S * 0.02, S * 0.5, 28, 4.0, phase=rng.uniform(0, 10))
        rays = shapes.intersect(rays, _inset(outer, S * 0.045))
        rays = shapes.difference(rays, circle_d(cx, sym_cy, sym_size * 0.62))
        art.add("rays", rays, _on(ctx, ground, [on_ground if mode == "solid" else look.body], 3.0))
    # top line: extra text or stars
    y = top + H * 0.15
    extra = copy.take()
    if extra:
        _caption(ctx, art, extra, cx, y, W * 0.3, on_ground, tracking=180, name="tagline", half_height=0.025, cap=0.036)
    else:
        art.add("stars", _ornament_row(ornament, cx, y, S, 0.055, 0.02, 0.015), mark_c)
    _centre_symbol(ctx, art, _symbol_or_mark(ctx), cx, sym_cy, sym_size, sym_c)
    # ribbon with the name across the lower part, wider than the shield
    half = min(S * 0.34, ctx.width / 2 - S * 0.17)
    rib_h = _ribbon_height(ctx, copy.name, half, S * 0.118)
    rib = _ribbon(
        cx,
        top + H * 0.66,
        half if copy.name else half * 0.8,
        rib_h,
        S * 0.1,
        S * 0.045,
        arch=S * 0.05 if rng.random() < 0.4 and rib_h < S * 0.12 else 0.0,
    )
    _banner(ctx, art, look, rib, copy.name, ornament, [look.on_ribbon, ctx.scheme.ink, look.body, look.on_body])
    # year in the point
    low = top + H * 0.82
    if copy.est:
        year = ctx.brief.established or ""
        if rng.random() < 0.5 and year:
            _text_box(
                ctx,
                art,
                "EST",
                (cx - W * 0.32, low - S * 0.02, cx - S * 0.025, low + S * 0.02),
                on_ground,
                tracking=120,
                max_cap=S * 0.032,
                min_cap=S * 0.03,
                align="right",
                name="est",
            )
            _text_box(
                ctx,
                art,
                year,
                (cx + S * 0.025, low - S * 0.02, cx + W * 0.32, low + S * 0.02),
                on_ground,
                tracking=120,
                max_cap=S * 0.032,
                min_cap=S * 0.03,
                align="left",
                name="est",
            )
            art.add("est-dot", _ornament_d(ornament, cx, low, S * 0.01), mark_c)
        else:
            _caption(ctx, art, copy.est, cx, low, W * 0.22, on_ground, tracking=150, name="est")
    elif more := copy.take():
        _caption(ctx, art, more, cx, low, W * 0.22, on_ground, tracking=150, name="tagline")
    else:
        art.add("point-star", _ornament_d(ornament, cx, low + S * 0.01, S * 0.022), mark_c)
    return f"shield-{mode}"


# --- hexagon patch ----------------------------------------------------------------------------------------------


def _hex_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    pointy = rng.random() < 0.5
    rot = -90 if pointy else 0
    R = S * 0.43
    rounding = S * 0.03
    outer = shapes.offset(polygon_d(regular_polygon(cx, cy, R - rounding, 6, rotation_deg=rot)), rounding)
    mode = "solid" if (not look.minimal and rng.random() < 0.7) else "line"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    stitch = bool(ctx.brief.words & {"patch", "embroidered", "stitched"}) or rng.random() < 0.4
    if mode == "solid":
        art.add("body", outer, look.body)
        ground, on_ground, mark_c = look.body, look.on_body, look.mark_on_body
        if stitch:
            inner_pts = regular_polygon(cx, cy, R - S * 0.035, 6, rotation_deg=rot)
            art.add("stitch", _dashes_along(inner_pts, S * 0.006, S * 0.018, S * 0.011), look.on_body)
        else:
            art.add("frame", _outline_band(outer, S * 0.024, S * 0.008), look.on_body)
    else:
        ground, on_ground, mark_c = _ruled_frame(ctx, art, look, outer, 0.018, 0.032)
    sym_c = _on(ctx, ground, [on_ground if mode == "solid" else look.body, ctx.scheme.ink], 3.0)
    ornament = rng.choice(["star", "dot", "diamond"])
    half_inner = (R * math.cos(math.radians(30)) if pointy else R) - S * 0.08
    # name band across the middle-low
    band_cy = cy + S * 0.1
    band_h = S * 0.12
    sym = _symbol_or_mark(ctx)
    sym_cy = cy - S * 0.11
    sym_size = S * 0.24
    extra = copy.take()
    if extra:
        ty = cy - S * 0.3 if pointy else cy - S * 0.29
        _caption(ctx, art, extra, cx, ty, S * 0.18, on_ground, tracking=160, name="tagline")
        sym_cy += S * 0.025
        sym_size = S * 0.2
    if not copy.name:
        sym_cy, sym_size = cy - S * 0.03, S * 0.32
    _centre_symbol(ctx, art, sym, cx, sym_cy, sym_size, sym_c)
    if copy.name:
        style = rng.choice(["bar", "ribbon", "plain"]) if not look.minimal else "plain"
        if style == "bar":
            band_h = _ribbon_height(ctx, copy.name, half_inner, band_h)
            x0, x1 = cx - half_inner - S * 0.04, cx + half_inner + S * 0.04
            bar = rect_d(x0, band_cy - band_h / 2, x1 - x0, band_h)
            bar = shapes.intersect(bar, _inset(outer, S * 0.04 if stitch or mode == "line" else S * 0.042))
            fill = look.paper if ground == look.body else look.body
            art.knock(bar, S * 0.008)
            art.add("bar", bar, fill)
            on_fill = _on(ctx, fill, [look.body if fill == look.paper else look.on_body, ctx.scheme.ink])
            bx0, _, bx1, _ = _bounds(bar)
            _text_box(
                ctx,
                art,
                copy.name,
                (bx0 + S * 0.04, band_cy - band_h * 0.3, bx1 - S * 0.04, band_cy + band_h * 0.3),
                on_fill,
                tracking=60,
                max_cap=S * 0.05,
                min_cap=S * 0.034,
                max_lines=2 if band_h > S * 0.15 else 1,
                name="name",
            )
        elif style == "ribbon":
            half = min(S * 0.33, ctx.width / 2 - S * 0.17)
            rib = _ribbon(cx, band_cy, half, _ribbon_height(ctx, copy.name, half, band_h), S * 0.1, S * 0.04)
            _banner(ctx, art, look, rib, copy.name, ornament, [look.on_ribbon, ctx.scheme.ink, look.body, look.on_body])
        else:
            _text_box(
                ctx,
                art,
                copy.name,
                (cx - half_inner, band_cy - band_h * 0.4, cx + half_inner, band_cy + band_h * 0.4),
                on_ground,
                tracking=80,
                max_cap=S * 0.06,
                min_cap=S * 0.034,
                max_lines=2,
                name="name",
            )
            art.add("rule", rect_d(cx - S * 0.06, band_cy - band_h * 0.62, S * 0.12, S * 0.006), mark_c)
    else:
        style = "none"
    low = cy + S * 0.25
    if copy.est:
        _caption(ctx, art, copy.est, cx, low, S * 0.16, on_ground, tracking=160, name="est")
    elif more := copy.take():
        _caption(ctx, art, more, cx, low, S * 0.2, on_ground, tracking=160, name="tagline")
    else:
        art.add("stars", _ornament_row(ornament, cx, low, S, 0.05, 0.019, 0.014), mark_c)
    return f"hexagon-{mode}-{style}"


# --- laurel emblem ----------------------------------------------------------------------------------------------


def _laurel_d(cx: float, cy: float, radius: float, a_from: float, a_to: float, leaf: float, S: float) -> str:
    """One laurel branch along a circle from angle a_from (bottom) to a_to, leaves pointing along the growth."""
    parts = [
        _sector_band(cx, cy, radius + S * 0.003, radius - S * 0.003, min(a_from, a_to), max(a_from, a_to), steps=40)
    ]
    steps = max(4, int(abs(a_to - a_from) / 13))
    for i in range(1, steps + 1):
        ang = a_from + (a_to - a_from) * (i - 0.6) / steps
        base = _polar(cx, cy, radius, ang)
        tangent = ang + (90 if a_to > a_from else -90)
        grow = 1.0 - 0.35 * (i / steps)
        for out in (1, -1):
            direction = tangent + out * 38 * (1 if a_to > a_from else -1)
            parts.append(_leaf_d(base, direction, leaf * grow, leaf * 0.3 * grow))
    tip = _polar(cx, cy, radius, a_to)
    parts.append(_leaf_d(tip, a_to + (90 if a_to > a_from else -90), leaf * 0.75, leaf * 0.24))
    return shapes.union(parts)


def _laurel_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    disc_r = S * 0.2
    dcy = cy - S * 0.06
    transparent = ctx.scheme.background is None
    mode = rng.choice(["disc", "ring"]) if not look.minimal else "ring"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "disc"
    if mode == "disc":
        art.add("disc", circle_d(cx, dcy, disc_r), look.body)
        art.add("disc-ring", ring_d(cx, dcy, disc_r - S * 0.016, disc_r - S * 0.023), look.on_body)
        sym_c = look.on_body
    else:
        if transparent:
            art.add("disc", circle_d(cx, dcy, disc_r), look.paper, distress=False)
        art.add("disc-ring", ring_d(cx, dcy, disc_r, disc_r - S * 0.012), look.body)
        art.add("disc-ring2", ring_d(cx, dcy, disc_r - S * 0.022, disc_r - S * 0.027), look.body)
        sym_c = _on(ctx, look.paper, [look.body, ctx.scheme.ink], 3.0)
    sym = _symbol_or_mark(ctx)
    ornament = rng.choice(["star", "star", "dot"])
    _centre_symbol(ctx, art, sym, cx, dcy, disc_r * 1.05, sym_c)
    # wreath
    wr = S * 0.3
    leaf = S * 0.075
    span = rng.choice([118, 128, 136])
    leaf_c = (
        look.body
        if transparent
        else _on(ctx, look.paper, [ctx.scheme.secondary if not look.two_ink else look.body, look.body], 2.2)
    )
    left = _laurel_d(cx, dcy, wr, 94, 94 + span, leaf, S)
    right = _laurel_d(cx, dcy, wr, 86, 86 - span, leaf, S)
    art.add("laurel", left + right, leaf_c)
    # top: extra text on an arc, or stars
    extra = copy.take()
    top_r = wr + S * 0.03
    if extra:
        face = _face(ctx, "display", record=False)
        sweep = 360 - 2 * span - 30
        c = _arc_cap(face, extra.upper(), S * 0.036, top_r, 160, max(40, sweep))
        _arc_text(
            ctx,
            art,
            extra,
            cx,
            dcy,
            top_r,
            max(c, S * 0.03),
            look.on_paper,
            bottom=False,
            max_sweep=max(40, sweep),
            tracking=160,
        )
    else:
        art.add("stars", _ornament_arc(cx, dcy, top_r, -90, 26, 3, S * 0.02, ornament), look.mark_on_paper)
    # ribbon with the name at the bottom over the wreath's stems
    rib_cy = dcy + wr - S * 0.005
    half = min(S * 0.3, ctx.width / 2 - S * 0.17)
    rib_h = _ribbon_height(ctx, copy.name, half, S * 0.11)
    rib = _ribbon(
        cx,
        rib_cy + (rib_h - S * 0.11) / 2,
        half if copy.name else half * 0.75,
        rib_h,
        S * 0.09,
        S * 0.04,
        arch=-S * 0.045 if rng.random() < 0.5 and rib_h < S * 0.12 else 0.0,
    )
    _banner(ctx, art, look, rib, copy.name, ornament, [look.on_ribbon, look.on_body, ctx.scheme.ink])
    if copy.est:
        below = rib_cy + (rib_h - S * 0.11) / 2 + rib_h / 2 + S * 0.045
        _caption(ctx, art, copy.est, cx, below, S * 0.16, look.on_paper, tracking=160, name="est")
    return f"laurel-{mode}"
