"""The art deco poster: a stepped double frame, a sunburst fan over an arched window holding the subject, and the
headline in tall, widely tracked capitals between ruled lines with diamonds — lines in the metal colour, type in
the light one, on a dark ground (the palette for "art deco" is gold, cream and night blue)."""

from __future__ import annotations

import math
import re

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import Node, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import ground, readable, set_details, use_family, visible
from artboard.composer.recipes.layouts.copy_text import Copy, subject_icon
from artboard.composer.recipes.layouts.geometry import arch_d, frame_d


def stepped_frame(x0: float, y0: float, x1: float, y1: float, t: float, step: float) -> str:
    """A rectangular outline whose corners step inwards (the deco notch), `t` thick."""

    def outline(a: float) -> str:
        h = step * 0.5
        # One corner's notch, then mirrored to the four corners, clockwise from the top left.
        corner = [(step + a, a), (step + a, h + a), (h + a, h + a), (h + a, step + a), (a, step + a)]
        pts: list[tuple[float, float]] = []
        for sx, sy, ox, oy in ((1, 1, x0, y0), (-1, 1, x1, y0), (-1, -1, x1, y1), (1, -1, x0, y1)):
            seq = corner if sx * sy > 0 else corner[::-1]
            pts.extend((ox + sx * u, oy + sy * v) for u, v in seq)
        return polygon_d(pts)

    return shapes.difference(outline(0.0), outline(t))


def fan(cx: float, base: float, r: float, rays: int, t: float) -> list[str]:
    """A sunburst fan above `base`: `rays` thin rays from a third of the radius out to `r`."""
    out = []
    for k in range(rays + 1):
        a = math.pi + math.pi * k / rays
        ux, uy = math.cos(a), math.sin(a)
        nx, ny = -uy * t / 2, ux * t / 2  # half the ray's width, across it
        inner, outer = (cx + r * 0.32 * ux, base + r * 0.32 * uy), (cx + r * ux, base + r * uy)
        out.append(
            polygon_d(
                [
                    (inner[0] + nx, inner[1] + ny),
                    (outer[0] + nx, outer[1] + ny),
                    (outer[0] - nx, outer[1] - ny),
                    (inner[0] - nx, inner[1] - ny),
                ]
            )
        )
    return out


def _rule(parent: Node, cx: float, y: float, half: float, t: float, color: RGB) -> None:
    """A double rule with a diamond at its middle."""
    d = rect_d(cx - half, y - t * 2.2, half * 2, t) + rect_d(cx - half, y + t * 1.2, half * 2, t)
    k = t * 4
    parent.path(shapes.union([d, polygon_d([(cx, y - k), (cx + k, y), (cx, y + k), (cx - k, y)])]), color)


_SCENIC = frozenset(
    "travel visit tourism destination lake river sea ocean coast beach bay island mountains mountain alps valley "
    "canyon desert city skyline harbor harbour riviera".split()
)


_SKY_GLYPH = re.compile(r"sun|moon|star|sparkle|cloud|weather|light")


def _scenic(ctx: Ctx) -> bool:
    """A poster that shows a place ("vintage travel poster for Lake Como, boats and mountains")."""
    return bool(ctx.brief.words & _SCENIC) and not ctx.scheme.constrained


def deco_poster(ctx: Ctx, copy: Copy) -> str:
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    use_family(ctx, ("bebas-neue", "oswald", "abril-fatface"))
    gnd = ground(ctx)
    metal = visible(ctx, gnd, s.primary, s.accent, ratio=2.2)
    light = readable(ctx, gnd, s.accent, s.on_primary)
    art = ctx.canvas.group("poster")
    lines, type_ = art.group("ornament"), art.group("type")
    t = max(1.5, short * 0.004)
    lines.path(stepped_frame(m * 0.6, m * 0.6, W - m * 0.6, H - m * 0.6, t * 1.6, short * 0.06), metal)
    lines.path(frame_d(m, m, W - 2 * m, H - 2 * m, t * 0.7), metal)
    cx = W / 2
    has_text = copy.headline is not None
    text_h = H * (0.3 if copy.lines else 0.24) if has_text else 0.0
    # The window: an arch holding the symbol, a fan rising behind its top.
    aw = min(W - 4 * m, (H - 2 * m - text_h) * 0.62)
    a_bottom = H - m * 1.8 - text_h
    a_top = m * 2.4 + aw * 0.2
    fan_base = a_top + aw * 0.5
    lines.path(shapes.union(fan(cx, fan_base, aw * 0.78, 14, t * 1.4)), metal)
    window = arch_d(cx - aw / 2, a_bottom, aw, a_bottom - a_top)
    lines.path(window, gnd)
    lines.path(shapes.stroke_outline(window, t * 2), metal)
    inner = arch_d(cx - aw / 2 + t * 6, a_bottom - t * 6, aw - t * 12, a_bottom - a_top - t * 12)
    lines.path(shapes.stroke_outline(inner, t * 0.8), metal)
    icon = subject_icon(ctx)
    size = min(aw * 0.5, (a_bottom - a_top) * 0.45)
    icy = a_bottom - (a_bottom - a_top) * 0.42
    if _scenic(ctx):
        # A travel poster's window is a view: the landscape painted inside the arch, the thing named on it.
        from artboard.composer.recipes.graphics.landscape import landscape_scene

        view = lines.group("view", clip_path=ctx.canvas.clip(inner))
        _name, scene = landscape_scene(ctx, view, (cx - aw / 2, a_top - aw * 0.05, cx + aw / 2, a_bottom))
        if icon is not None and not _SKY_GLYPH.search(icon.name):  # (the view has its own sun and sky)
            at = scene.water if scene.water is not None else scene.horizon
            ctx.draw_icon(view, icon, cx, at + (a_bottom - at) * 0.35, size * 0.5, s.ink)
        lines.path(shapes.stroke_outline(inner, t * 0.8), metal)
    elif icon is not None:
        ctx.draw_icon(lines, icon, cx, icy, size, light)
    else:  # no subject: a faceted deco jewel fills the window
        k = size * 0.5
        lines.path(polygon_d([(cx, icy - k), (cx + k * 0.62, icy), (cx, icy + k), (cx - k * 0.62, icy)]), metal)
        lines.path(
            polygon_d([(cx, icy - k * 0.55), (cx + k * 0.3, icy), (cx, icy + k * 0.55), (cx - k * 0.3, icy)]), light
        )
    # Steps under the window.
    for k in range(3):
        wk = aw * (0.62 - 0.14 * k)
        lines.path(rect_d(cx - wk / 2, a_bottom + t * (2 + 5 * k), wk, t * 1.6), metal)
    if not has_text:
        return "poster-deco"
    top = a_bottom + t * 18
    _rule(lines, cx, top, (W - 2 * m) * 0.32, t * 0.8, metal)
    head_bottom = top + text_h * (0.55 if copy.lines else 0.75)
    ctx.text(
        type_,
        copy.headline or "",
        (m * 1.5, top + t * 6, W - m * 1.5, head_bottom),
        light,
        uppercase=True,
        tracking=220,
        max_lines=2,
        name="headline",
    )
    if copy.lines:
        _rule(lines, cx, head_bottom + t * 6, (W - 2 * m) * 0.18, t * 0.6, metal)
        set_details(
            ctx, type_, copy.lines, m * 1.5, head_bottom + t * 14, W - m * 1.5, metal, align="center", size=short * 0.03
        )
    return "poster-deco"
