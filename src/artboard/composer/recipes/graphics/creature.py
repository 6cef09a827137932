"""A subject standing in the foreground of a landscape: a drawn geometric fox, else the subject's icon."""

from __future__ import annotations

from dataclasses import replace

from artboard.colors import RGB, from_oklch
from artboard.composer import icons, shapes, wear_fit
from artboard.composer.arrange import Group, draw_group, illustration_mode, plan_group
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.noun_icons import resolve
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
from artboard.composer.recipes.graphics.landscape import FLOATING, SceneLines, aurora_said, sky_for


def _fox(node: Node, cx: float, base: float, h: float, body: RGB, light: RGB, dark: RGB) -> None:
    """A sitting geometric fox, `h` tall, facing the viewer three-quarters."""
    u = h
    x = cx - u * 0.5
    y = base - u

    def P(px: float, py: float) -> Point:
        return (x + px * u, y + py * u)

    tail = (
        f"M{num(P(0.62, 0.98)[0])} {num(P(0.62, 0.98)[1])}C{num(P(1.02, 0.98)[0])} {num(P(1.02, 0.98)[1])} "
        f"{num(P(1.1, 0.62)[0])} {num(P(1.1, 0.62)[1])} {num(P(0.92, 0.5)[0])} {num(P(0.92, 0.5)[1])}"
        f"C{num(P(0.98, 0.7)[0])} {num(P(0.98, 0.7)[1])} {num(P(0.85, 0.86)[0])} {num(P(0.85, 0.86)[1])} "
        f"{num(P(0.6, 0.86)[0])} {num(P(0.6, 0.86)[1])}Z"
    )
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
    node.path(
        polygon_d([P(0.29, 0.17), P(0.31, 0.08), P(0.37, 0.17)])
        + polygon_d([P(0.63, 0.17), P(0.69, 0.08), P(0.71, 0.17)]),
        dark,
    )
    node.path(head, body)
    node.path(
        polygon_d([P(0.24, 0.2), P(0.44, 0.34), P(0.5, 0.52)]) + polygon_d([P(0.76, 0.2), P(0.56, 0.34), P(0.5, 0.52)]),
        light,
    )
    node.path(circle_d(*P(0.5, 0.5), u * 0.03), dark)
    node.path(circle_d(*P(0.41, 0.3), u * 0.018) + circle_d(*P(0.59, 0.3), u * 0.018), dark)


# What stands, floats or flies in a landscape; only these are placed into one.
STANDING = (
    "fox",
    "deer",
    "wolf",
    "bear",
    "cat",
    "dog",
    "owl",
    "rabbit",
    "horse",
    "person",
    "woman",
    "man",
    "hiker",
    "girl",
    "boy",
    "couple",
    "tent",
    "cabin",
    "house",
    "lighthouse",
    "castle",
    "windmill",
    "barn",
    "church",
    "moose",
    "elk",
    "cow",
    "sheep",
    "goat",
    "camel",
    "elephant",
    "giraffe",
    "lion",
    "tiger",
)
FLYING = (
    "balloon",
    "balloons",
    "kite",
    "kites",
    "plane",
    "airplane",
    "bird",
    "birds",
    "eagle",
    "helicopter",
    "butterfly",
    "butterflies",
    "dragon",
    "ufo",
)
PLACED = STANDING + FLYING + FLOATING
_BUILDINGS = ("lighthouse", "cabin", "house", "castle", "windmill", "barn", "church", "tent")


def _draw_fox(ctx: Ctx, art: Node, cx: float, base: float, size: float) -> str:
    s = ctx.scheme
    if s.constrained:
        body, light, dark = s.accent, s.surface, s.ink
    else:
        body = from_oklch(0.66, 0.16, 48)
        light = from_oklch(0.95, 0.02, 80)
        dark = from_oklch(0.32, 0.06, 40)
    ellipse(art, cx, base, size * 0.45, size * 0.05, tone(ctx, s.primary, -0.25, 0.5, fallback=s.ink))
    _fox(art, cx, base, size, body, light, dark)
    ctx.info.setdefault("drawn", []).append({"concept": "fox", "icon": "scene:fox"})
    return "fox"


def add_creature(ctx: Ctx, art: Node, sky_night: bool, lines: SceneLines) -> str | None:
    """A subject in a landscape: the fox is drawn; others come from icons, standing in front, floating on the
    water or flying in the sky, as the thing does."""
    s = ctx.scheme
    x0, y0, x1, y1 = lines.area  # the scene's box: the canvas, or the window of a framed scene
    w, h = x1 - x0, y1 - y0
    base = y1 - h * 0.1
    size = min(w, h) * 0.36
    cx = x0 + w * ctx.rng.choice([0.32, 0.66])
    if illustration_mode(ctx) == "color":
        # The named things in flat colour art, arranged as the prompt relates them ("a surfer riding a wave"),
        # standing in the foreground (or flying, when they fly).
        group = plan_group(ctx, "color")
        scenery = {
            *_SCENERY_QUERY,  # the landscape's own parts and its time of day
            *("valley", "hill", "beach", "river", "desert", "field", "meadow", "scenery", "dune", "canyon"),
            # the sky's and the coast's own parts, which the landscape draws: never a giant star in the sea
            *("star", "moon", "cloud", "cliff", "twilight"),
            *("window", "windows"),  # "lights in the windows": the building's own
            *("snow", "snowfall"),  # snow the landscape lays on its ground, no glyph of it
            *("city", "street", "skyline", "downtown", "sign", "signs"),  # its skyline, lit (no stop sign)
            # the aurora the landscape hangs in its sky ("northern lights" reads as lights)
            *(("light", "lights", "aurora", "borealis", "northern", "sparkles") if aurora_said(ctx) else ()),
        }
        kept = [p for p in group.placed if not set(p.concept.split()) & scenery]
        if _grows_trees(ctx):
            # The landscape grows its own trees where pines or a forest are said: with something else named (a
            # canoe), no tree is pasted in front of them; a lone tree the prompt is about is its subject.
            kept = [p for p in kept if not set(p.concept.split()) & _TREES] or kept
        group = Group(tuple(kept), group.relation, group.left_out)
        # The hand-drawn fox stands alone; with other named things (a fox by a campfire) the group draws them all.
        alone = len(group.placed) <= 1
        if alone and has_word(ctx, "fox", "foxes"):
            return _draw_fox(ctx, art, cx, base, size)
        marine = [p for p in group.placed if set(p.concept.split()) & _MARINE]
        if marine and lines.water is not None:
            # "a whale leaping under the moon": one creature, large, breaching from the water.
            whale = Group((replace(marine[0], x=0.5, y=0.5, size=1.0, front=False),), None, group.left_out)
            _breaching(ctx, art, whale, cx, lines, min(w, h) * 0.5)
            return marine[0].concept.replace(" ", "-")
        if group.placed:
            gsize = min(w, h) * (0.42 if alone else 0.56)
            flying = all(set(p.concept.split()) & set(FLYING) for p in group.placed)
            gy = y0 + (lines.horizon - y0) * 0.45 if flying else base - gsize / 2
            if lines.water is not None and all(set(p.concept.split()) & set(FLOATING) for p in group.placed):
                # "a canoe on a mountain lake": afloat a little below the far shore, smaller with the distance
                gsize = min(w, h) * 0.26
                gy = lines.water + (y1 - lines.water) * 0.35 - gsize * 0.3
            elif lines.water is not None and not flying:
                # "a tent by a lake": a near bank to stand on, never the water itself
                top = _near_bank(ctx, art, cx, lines)
                feet = max(wear_fit.ink_box(p)[3] for p in group.placed)  # the lowest paint, in the unit box
                gy = top + gsize * (0.03 - feet) + gsize / 2
            draw_group(ctx, art, group, (cx - gsize / 2, gy - gsize / 2, cx + gsize / 2, gy + gsize / 2), s.ink)
            return "-".join(p.concept.replace(" ", "-") for p in group.placed)
    if has_word(ctx, "fox", "foxes"):
        return _draw_fox(ctx, art, cx, base, size)
    # the landscape's own aurora and lit skyline (with its signs): no glyph of a light, a city or a sign
    drawn_sky: tuple[str, ...] = ("aurora", "borealis", "northern light") if aurora_said(ctx) else ()
    if has_word(ctx, "city", "skyline", "downtown"):
        drawn_sky += ("city", "street", "skyline", "downtown", "sign")
    queries = [q for q in subject_queries(ctx) if not any(wd in q for wd in (*_SCENERY_QUERY, *drawn_sky))]
    planted = [q for q in queries if not set(q.split()) & _TREES] if _grows_trees(ctx) else queries
    for q in planted or queries:
        icon = best_icon(ctx, q, solid=True, min_score=0.8)
        if icon is None:
            found = resolve(q, "fill")  # the shared reading: a canoe is a boat, a humpback a whale
            icon = found[0] if found is not None else None
        if icon is None:
            continue
        color = natural_color(ctx, q) or (
            from_oklch(0.92, 0.03, 80) if sky_night and not s.constrained else (s.surface if sky_night else s.ink)
        )
        scene = sky_for(ctx, 4)
        words = set(q.split()) | set(icon.name.split("-"))
        if words & set(FLYING):
            # High in the sky, smaller, a second one further off.
            sz = min(w, h) * 0.16
            fx = x0 + w * ctx.rng.choice([0.28, 0.7])
            fy = y0 + (lines.horizon - y0) * 0.34
            _rimmed(ctx, art, icon, fx, fy, sz, color, scene.sky[-1])
            if words & {"balloon", "balloons", "kite", "kites", "bird", "birds"}:
                other = x0 + w * (0.72 if fx < (x0 + x1) / 2 else 0.26)
                _rimmed(ctx, art, icon, other, fy + sz * 0.7, sz * 0.6, color, scene.sky[-1])
            return icon.name
        if words & _MARINE and lines.water is not None:
            # "a whale leaping under the moon": large, breaching from the water before the sky, ripples at its base.
            sz = min(w, h) * 0.46
            wl = lines.water + (y1 - lines.water) * 0.22
            _rimmed(ctx, art, icon, cx, wl - sz * 0.3, sz, color, scene.water, scene.sky[-1])
            _foam(ctx, art, cx, wl, sz, h)
            return icon.name
        if words & set(FLOATING) and lines.water is not None:
            # On the water: its lower edge at a waterline a little below the far shore.
            sz = min(w, h) * 0.22
            wl = lines.water + (y1 - lines.water) * 0.35
            _rimmed(ctx, art, icon, cx, wl - sz * 0.42, sz, color, scene.water)
            return icon.name
        if words & set(_BUILDINGS) and lines.water is not None:
            # A building by the water stands on a rocky headland, not in the sea.
            rock = scene.ranges[-1] if not s.constrained else s.secondary
            top = base - size * 0.04
            art.path(
                f"M{cx - size * 0.8:.1f} {y1 + 2:.1f}L{cx - size * 0.55:.1f} {top + size * 0.05:.1f}"
                f"Q{cx:.1f} {top - size * 0.06:.1f} {cx + size * 0.55:.1f} {top + size * 0.04:.1f}"
                f"L{cx + size * 0.85:.1f} {y1 + 2:.1f}Z",
                rock,
            )
        _rimmed(ctx, art, icon, cx, base - size / 2, size, color, scene.sky[-1], scene.snow, s.ground)
        return icon.name
    return None


def _near_bank(ctx: Ctx, art: Node, cx: float, lines: SceneLines) -> float:
    """A grassy bank rising from the bottom of the water under `cx`; returns the height its top is at."""
    from artboard.composer.recipes.graphics.scenery import fn_area_d, hill_fn

    x0, _y0, x1, y1 = lines.area
    assert lines.water is not None
    top = lines.water + (y1 - lines.water) * 0.5
    span = (x1 - x0) * 0.42
    lo, hi = max(x0 - 2, cx - span), min(x1 + 2, cx + span)
    fn = hill_fn(ctx, lo, hi, top, (y1 - top) * 0.12, 1.0)
    bank = sky_for(ctx, 4).ranges[-1] if not ctx.scheme.constrained else ctx.scheme.secondary
    edge = (x1 - x0) * 0.08

    def shore(x: float) -> float:
        # the bank's ends slope down into the water
        fall = max(0.0, (lo + edge - x) / edge, (x - (hi - edge)) / edge)
        return fn(x) + (y1 - top) * 1.2 * min(1.0, fall) ** 2

    art.path(fn_area_d(shore, lo, hi, y1 + 2), bank)
    return fn(cx)


def _breaching(ctx: Ctx, art: Node, group: Group, cx: float, lines: SceneLines, size: float) -> None:
    """The group's creature leaping from the water at `cx`: its lower third below the waterline's foam."""
    _x0, y0, _x1, y1 = lines.area
    assert lines.water is not None
    wl = lines.water + (y1 - lines.water) * 0.3
    cy = wl - size * 0.22
    draw_group(ctx, art, group, (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2), ctx.scheme.ink)
    _foam(ctx, art, cx, wl, size, y1 - y0)


def _foam(ctx: Ctx, art: Node, cx: float, wl: float, size: float, h: float) -> None:
    """White water where the creature meets the sea: bars narrowing down from the waterline."""
    foam = from_oklch(0.95, 0.02, 220) if not ctx.scheme.constrained else ctx.scheme.surface
    for k in range(3):
        rw = size * (0.9 - 0.22 * k)
        art.path(rect_d(cx - rw / 2, wl + k * h * 0.03, rw, h * 0.012, h * 0.006), foam)


_SCENERY_QUERY = (
    "forest",
    "night",
    "landscape",
    "mountain",
    "sky",
    "sea",
    "ocean",
    "lake",
    "dawn",
    "dusk",
    "sunrise",
    "sunset",
)
_TREES = frozenset("tree trees pine pines".split())


def _grows_trees(ctx: Ctx) -> bool:
    """Whether landscape_scene plants trees of its own for these words (its forest band)."""
    return has_word(ctx, "forest", "woods", "woodland", "pine", "pines", "trees", "jungle")


_MARINE = frozenset("whale whales dolphin dolphins orca orcas shark sharks humpback".split())


def _rimmed(
    ctx: Ctx, art: Node, icon: icons.Icon, cx: float, cy: float, size: float, color: RGB, *grounds: RGB
) -> None:
    """The icon with a rim in the most contrasting of `grounds`, so it never sinks into what lies behind it."""
    rim = readable(color, list(grounds))
    d = icon_outline(icon, cx, cy, size)
    subject = art.group("subject")
    subject.path(shapes.offset(d, size * 0.035), rim)
    subject.path(d, color)
