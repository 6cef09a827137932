"""Editorial illustrations: a conceptual image — a big object on a stage, a tiny figure facing it, long
shadows, muted colour and a printed-paper grain.
"""

from __future__ import annotations

from collections.abc import Sequence

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import (
    Box,
    best_icon,
    icon_outline,
    note_icons,
    subject_queries,
    title_block,
    tone,
)
from artboard.composer.recipes.graphics.scenery import arch_d
from artboard.composer.recipes.graphics.vignette import hero_vignette

# Big object, and what keeps it company (None: just the tiny figure).
_METAPHORS = (
    ("lightbulb", "bird"),
    ("key", None),
    ("hourglass", "sprout"),
    ("ladder", "moon"),
    ("door open", "star"),
    ("umbrella", None),
    ("clock", "bird"),
    ("head", "lightbulb"),
    ("head", "sprout"),
    ("paper plane", None),
    ("telescope", "star"),
    ("balloon", None),
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
    note_icons(ctx, [icon])
    return icon  # type: ignore[no-any-return]


def _cast_shadow(d: str, base: float, slant: float, squash: float = 0.28) -> str:
    """The flat shadow a shape standing on y = base casts on the ground behind it."""
    return shapes.transform_d(d, (1.0, 0.0, -slant, -squash, slant * base, (1 + squash) * base))


def _standing(icon: icons.Icon, size: float, cx: float, base: float) -> str:
    """The icon's outline, `size` across, centred on x = cx and standing on y = base."""
    d = icon_outline(icon, 0, 0, size)
    x0, _y0, x1, y1 = shapes.bounds(d)
    return shapes.transform_d(d, (1, 0, 0, 1, cx - (x0 + x1) / 2, base - y1))


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


def editorial_scene(ctx: Ctx, art: Node) -> str:
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
        return hero_vignette(ctx, art)
    small_icon = best_icon(ctx, pair[1], solid=True, min_score=0.5) if pair[1] and subject is None else None
    person = _icon_key(ctx, ("mdi:human-male", "ph:person-simple-walk-fill", "mdi:human-male")) or best_icon(
        ctx, "person standing", solid=True, min_score=0.5
    )
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
        block_d = arch_d(cx, aw, top, horizon)
    else:
        block_d = rect_d(m, m, w - 2 * m, horizon - m)
    art.path(block_d, block)
    _grain(ctx, art, block_d, shapes.bounds(block_d), tone(ctx, block, -0.05, fallback=block), 0.0012)
    ground_d = (
        rect_d(0, horizon, w, h - horizon)
        if s.background is not None
        else rect_d(m, horizon, w - 2 * m, h - horizon - m - text_h)
    )
    art.path(ground_d, ground_c)
    _grain(ctx, art, ground_d, shapes.bounds(ground_d), tone(ctx, ground_c, -0.05, fallback=ground_c), 0.0012)
    # The big object stands on the ground, off-centre; its shadow falls away from the light.
    big = side * rng.uniform(0.5, 0.6)
    ox = cx + rng.choice([-1, 1]) * side * 0.06
    d = _standing(big_icon, big, ox, horizon)
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
        pd = _standing(person, ph, px, horizon + ph * 0.04)
        art.path(_cast_shadow(pd, horizon + ph * 0.04, slant), shadow)
        art.path(pd, fig)
    if text:
        title_block(ctx, art, (m, h - m - text_h * 0.8, w - m, h - m), s.ink, align="center")
    return f"editorial-{shape}-{big_icon.name}"
