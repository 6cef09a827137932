"""A subject standing in the foreground of a landscape: a drawn geometric fox, else the subject's icon."""

from __future__ import annotations

from artboard.colors import RGB, from_oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import (
    Point,
    best_icon,
    ellipse,
    has_word,
    icon_outline,
    natural_color,
    readable,
    subject_queries,
    tone,
)
from artboard.composer.recipes.graphics.landscape import sky_for


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


def add_creature(ctx: Ctx, art: Node, sky_night: bool) -> str | None:
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
        ellipse(art, cx, base, size * 0.45, size * 0.05, tone(ctx, s.primary, -0.25, 0.5, fallback=s.ink))
        _fox(art, cx, base, size, body, light, dark)
        return "fox"
    for q in subject_queries(ctx):
        if any(wd in q for wd in ("forest", "night", "landscape", "mountain", "sky", "sea", "ocean", "lake")):
            continue
        icon = best_icon(ctx, q, solid=True, min_score=0.8)
        if icon is not None:
            color = natural_color(ctx, q) or (from_oklch(0.92, 0.03, 80) if sky_night and not s.constrained else
                                              (s.surface if sky_night else s.ink))
            # The foreground (trees, near hills) is dark too: a rim in the sky's colour keeps the silhouette whole.
            scene = sky_for(ctx, 4)
            rim = readable(color, [scene.sky[-1], scene.snow, s.ground])
            d = icon_outline(icon, cx, base - size / 2, size)
            subject = art.group("subject")
            subject.path(shapes.offset(d, size * 0.035), rim)
            subject.path(d, color)
            return icon.name
    return None
