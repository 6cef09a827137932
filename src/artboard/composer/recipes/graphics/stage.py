"""A scene of figures drawn full bleed: the place (sky, ground, water, a room, a kitchen, the moon's surface) in
the prompt's colours and season, then what stands in it back to front — the tree they sit under, the figures in
a row with what they ride or sit in, the desk or counter before them, what they hold, share or toss.

The plan is cast.plan_stage's; this module only draws it, and records in the manifest (`scene`) where each
figure and prop landed, so what the picture shows can be checked.
"""

from __future__ import annotations

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.cast import Figure, Prop, Stage, plan_stage
from artboard.composer.recipes.graphics.common import ellipse, has_word, lerp_lch, readable, title_block, tone
from artboard.composer.recipes.graphics.figures import Posed, draw_figure, icon_width, place_icon
from artboard.composer.recipes.graphics.landscape import _pine, _round_tree, sky_for
from artboard.composer.recipes.graphics.scenery import cloud_d, draw_stars, fn_area_d, hill_fn, leaf_d
from artboard.composer.recipes.graphics.vignette import STORM_WORDS, _storm

Box = tuple[float, float, float, float]


def _fef(name: str) -> icons.Icon | None:
    try:
        return icons.get_icon("fef:" + name)
    except Exception:  # not in this icon index
        return None


def stage_scene(ctx: Ctx, art: Node) -> str:
    """The scene recipe: plan, draw the place, then the cast; returns the layout name."""
    stage = plan_stage(ctx)
    w, h = float(ctx.width), float(ctx.height)
    m = ctx.margin
    text = ctx.brief.headline
    top = m + min(w, h) * 0.16 if text else 0.0
    scene = art.group("scene")
    record: dict[str, object] = {"place": stage.place, "figures": [], "props": []}
    ctx.info["scene"] = record
    indoor = stage.place in ("room", "office", "kitchen")
    ground_y = h * (0.8 if indoor and stage.furniture else 0.76 if stage.water else 0.74)
    if indoor:
        _interior(ctx, scene, stage, (0.0, 0.0, w, h), ground_y)
    else:
        _outdoor(ctx, scene, stage, (0.0, 0.0, w, h), ground_y)
    _cast(ctx, scene, stage, (0.0, top, w, h), ground_y, record)
    if stage.place not in ("room", "office", "kitchen", "moon") and has_word(ctx, *STORM_WORDS):
        cloud = from_oklch(0.62, 0.02, 250) if not ctx.scheme.constrained else ctx.scheme.surface
        _storm(ctx, scene, (0.0, 0.0, w, ground_y + (h - ground_y) * 0.5), min(w, h), sky_for(ctx, 2).sky[-1], cloud)
    if stage.season in ("autumn", "snow"):
        _falling(ctx, scene, stage.season, (0.0, 0.0, w, ground_y + (h - ground_y) * 0.6))
    if stage.left_out:
        ctx.info.setdefault("left_out", []).extend(stage.left_out)
    if text:
        band = (m, m, w - m, m + min(w, h) * 0.14)
        sky = sky_for(ctx, 2).sky[0]
        title_block(
            ctx, art, band, readable(sky, [ctx.scheme.ink, ctx.scheme.ground, ctx.scheme.on_primary]), align="center"
        )
    return f"stage-{stage.place}" + (f"-{stage.season}" if stage.season else "")


# --- the place ------------------------------------------------------------------------------------------------


def _outdoor(ctx: Ctx, node: Node, stage: Stage, box: Box, ground_y: float) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side = min(w, h)
    rng = ctx.rng
    sky = sky_for(ctx, 3)
    moon = stage.place == "moon"
    night = stage.night or sky.night or moon
    if moon and not ctx.scheme.constrained:
        bands = [from_oklch(0.16, 0.05, 275), from_oklch(0.22, 0.06, 280), from_oklch(0.28, 0.07, 285)]
    else:
        bands = list(sky.sky)
        if has_word(ctx, *STORM_WORDS) and not ctx.scheme.constrained:
            bands = [lerp_lch(c, from_oklch(0.5, 0.02, 250), 0.6) for c in bands]  # the light under rain clouds
        named = ctx.brief.colors
        if len(named) == 1 and not ctx.scheme.constrained and not sky.night:
            # "soft pink": the one colour named is the light of the sky, strongest at the horizon.
            bands = [lerp_lch(bands[0], named[0], 0.45), lerp_lch(bands[1], named[0], 0.65), named[0]]
    steps = 14
    for k in range(steps):
        t = k / (steps - 1)
        c = (
            lerp_lch(bands[0], bands[-1], t)
            if len(bands) < 3
            else (lerp_lch(bands[0], bands[1], t * 2) if t < 0.5 else lerp_lch(bands[1], bands[2], (t - 0.5) * 2))
        )
        node.rect(x0, y0 + ground_y * k / steps, w, ground_y / steps + 1, c)
    drawn = ctx.info.setdefault("drawn", [])
    if night:
        draw_stars(
            ctx, node, (x0, y0, x1, ground_y), int(150 * w * ground_y / (1024 * 1024)), sky.sun, lambda x, y: False
        )
    if moon:
        earth = _fef("globe-showing-americas") or _fef("globe-showing-europe-africa")
        if earth is not None:
            place_icon(
                ctx, node, earth, x0 + w * rng.choice([0.2, 0.8]), y0 + ground_y * 0.42, side * 0.16, name="earth"
            )
            drawn.append({"concept": "earth", "icon": earth.key})
    else:
        sx = x0 + w * rng.choice([0.22, 0.78])
        sun_y = ground_y - h * (0.16 if has_word(ctx, "sunset", "sunrise", "dawn", "dusk") else 0.42)
        node.circle(sx, sun_y, side * (0.11 if not night else 0.06), sky.sun)
        if not night and not has_word(ctx, *STORM_WORDS):
            for _k in range(rng.randint(1, 3)):
                cx = x0 + w * rng.uniform(0.1, 0.9)
                if abs(cx - sx) > side * 0.18:
                    node.path(
                        cloud_d(cx, y0 + ground_y * rng.uniform(0.14, 0.4), side * rng.uniform(0.16, 0.24)), sky.cloud
                    )
    if moon:
        surface = from_oklch(0.72, 0.01, 260) if not ctx.scheme.constrained else ctx.scheme.surface
        far = hill_fn(ctx, x0, x1, ground_y - side * 0.02, side * 0.025, 2.0)
        node.path(fn_area_d(far, x0 - 2, x1 + 2, y1 + 2), surface)
        crater = tone(ctx, surface, -0.1, fallback=ctx.scheme.ink)
        for _k in range(7):
            cx, cy = x0 + w * rng.uniform(0.05, 0.95), ground_y + (y1 - ground_y) * rng.uniform(0.2, 0.85)
            ellipse(node, cx, cy, side * rng.uniform(0.03, 0.07), side * 0.015, crater)
        drawn.append({"concept": "moon surface", "icon": "scene:moon-surface"})
        return
    # Far hills, then a row of trees in the season's colours, then water, then the near ground.
    far_c = sky.ranges[0]
    far = hill_fn(ctx, x0, x1, ground_y - side * 0.12, side * 0.05, 1.4)
    node.path(fn_area_d(far, x0 - 2, x1 + 2, y1 + 2), far_c)
    if has_word(ctx, "forest", "woods", "woodland", "park", "garden", "trees", "jungle") or stage.season == "autumn":
        _tree_row(ctx, node, stage, (x0, x1), ground_y - side * 0.04, side, far_c)
    ground = _ground_colour(ctx, stage, sky.ranges[-1])
    if stage.water:
        water = (
            lerp_lch(sky.water, from_oklch(0.68, 0.08, 230), 0.4) if not ctx.scheme.constrained else ctx.scheme.surface
        )
        horizon = ground_y - side * 0.1
        node.rect(x0, horizon, w, y1 - horizon, water)
        for _k in range(int(10 * w / side)):
            gx, gy = x0 + w * rng.random(), horizon + (y1 - horizon) * rng.uniform(0.08, 0.9)
            node.path(rect_d(gx, gy, side * rng.uniform(0.04, 0.1), side * 0.006, side * 0.003), sky.glint)
        drawn.append({"concept": "water", "icon": "scene:water"})
        swimmers = any(f.pose == "swim" for a in stage.actors for f in a.figures)
        if stage.beach or not (swimmers or any(p.how == "boat" for p in stage.props)):
            shore = hill_fn(ctx, x0, x1, ground_y + side * 0.04, side * 0.012, 1.0)
            node.path(fn_area_d(shore, x0 - 2, x1 + 2, y1 + 2), ground)
    else:
        near = hill_fn(ctx, x0, x1, ground_y - side * 0.01, side * 0.012, 1.0)
        node.path(fn_area_d(near, x0 - 2, x1 + 2, y1 + 2), ground)
    if has_word(ctx, "mist", "misty", "fog", "foggy", "haze", "hazy"):
        veil = from_oklch(0.97, 0.01, oklch(bands[-1])[2])
        for k in range(3):
            band_y = ground_y - side * (0.16 - 0.07 * k)
            node.path(rect_d(x0 - 5, band_y, w + 10, side * 0.05, side * 0.025), veil).attrs["fill-opacity"] = 0.45
        drawn.append({"concept": "mist", "icon": "scene:mist"})


def _ground_colour(ctx: Ctx, stage: Stage, near: RGB) -> RGB:
    if ctx.scheme.constrained:
        return ctx.scheme.secondary
    if stage.season == "snow":
        return from_oklch(0.97, 0.01, 240)
    if stage.beach:
        return from_oklch(0.87, 0.06, 80)
    if stage.season == "autumn":
        return from_oklch(0.7, 0.1, 75)
    if stage.night:
        return lerp_lch(near, from_oklch(0.4, 0.06, 150), 0.5)
    return from_oklch(0.76, 0.1, 135)


def _tree_row(ctx: Ctx, node: Node, stage: Stage, xs: tuple[float, float], base: float, side: float, far: RGB) -> None:
    x0, x1 = xs
    rng = ctx.rng
    n = max(5, int(9 * (x1 - x0) / side))
    if stage.season == "autumn" and not ctx.scheme.constrained:
        crowns = [from_oklch(0.66, 0.16, 50), from_oklch(0.72, 0.15, 70), from_oklch(0.56, 0.16, 35)]
    elif stage.season == "snow":
        crowns = [from_oklch(0.4, 0.05, 170)]
    else:
        crowns = [tone(ctx, far, -0.12, fallback=ctx.scheme.secondary)]
    pines = stage.season == "snow" or (has_word(ctx, "pine", "pines", "forest") and stage.season != "autumn")
    for k in range(n):
        tx = x0 + (x1 - x0) * (k + rng.uniform(0.2, 0.8)) / n
        th = side * rng.uniform(0.16, 0.26)
        node.path(_pine(tx, base, th) if pines else _round_tree(tx, base, th), crowns[k % len(crowns)])
    ctx.info.setdefault("drawn", []).append({"concept": "forest tree", "icon": "scene:trees"})


def _interior(ctx: Ctx, node: Node, stage: Stage, box: Box, floor_y: float) -> None:
    from artboard.composer.recipes.graphics.vignette import _room

    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    sky = sky_for(ctx, 2)
    _room(ctx, node, box, floor_y, side, sky.sky[-1], sky.sun, plant=stage.furniture is None)
    s = ctx.scheme
    if stage.place == "kitchen":
        # A tiled splashback and a shelf of pots above the counter: the room is a kitchen.
        tile = from_oklch(0.95, 0.02, 200) if not s.constrained else s.surface
        grout = tone(ctx, tile, -0.06, fallback=s.ink)
        ty0 = floor_y - side * 0.55
        node.rect(x0, ty0, x1 - x0, floor_y - ty0, grout)
        step = side * 0.07
        for row in range(int((floor_y - ty0) / step) + 1):
            for col in range(int((x1 - x0) / step) + 1):
                node.rect(x0 + col * step + 1.5, ty0 + row * step + 1.5, step - 3, step - 3, tile)
        shelf_y = ty0 + side * 0.12
        node.rect(x0, shelf_y, x1 - x0, side * 0.018, from_oklch(0.55, 0.08, 60) if not s.constrained else s.ink)
        things = [n for n in ("pot-of-food", "teapot", "jar", "cheese-wedge", "tomato", "baguette-bread")]
        k = 0
        for name in things:
            ic = _fef(name)
            if ic is None:
                continue
            px = x0 + (x1 - x0) * (0.1 + 0.16 * k)
            if px > x1 - side * 0.05:
                break
            place_icon(ctx, node, ic, px, shelf_y, side * 0.08, name="shelf")
            k += 1
        ctx.info.setdefault("drawn", []).append({"concept": "kitchen", "icon": "scene:kitchen"})


def _falling(ctx: Ctx, node: Node, season: str, box: Box) -> None:
    """Autumn leaves or snowflakes falling through the picture."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side = min(w, h)
    rng = ctx.rng
    n = int(22 * w * h / (side * side))
    if season == "snow":
        flakes = [
            circle_d(x0 + w * rng.random(), y0 + h * rng.random(), side * rng.uniform(0.004, 0.009))
            for _ in range(n * 3)
        ]
        node.path(shapes.union(flakes), from_oklch(0.99, 0.005, 240))
        ctx.info.setdefault("drawn", []).append({"concept": "snow", "icon": "scene:snow"})
        return
    colours = [from_oklch(0.68, 0.17, 45), from_oklch(0.76, 0.15, 75), from_oklch(0.55, 0.17, 30)]
    if ctx.scheme.constrained:
        colours = [ctx.scheme.accent, ctx.scheme.primary]
    for k in range(n):
        lx, ly = x0 + w * rng.random(), y0 + h * rng.uniform(0.05, 1.0)
        node.path(leaf_d(lx, ly, side * rng.uniform(0.025, 0.04), rng.uniform(0, 360), 0.4), colours[k % len(colours)])
    ctx.info.setdefault("drawn", []).append({"concept": "autumn leaves", "icon": "scene:leaves"})


# --- the cast -------------------------------------------------------------------------------------------------


def _slot_width(stage: Stage, k: int, f: Figure, unit: float) -> float:
    hh = unit * f.height
    if _prop(stage, k, "ride") is not None:
        return unit * 0.95
    if f.body == "whole":
        return icon_width(f.icon, hh)
    if f.animal and f.pose == "stand":
        return hh * 1.3
    if f.pose == "sit":
        return hh * 0.7
    return hh * 0.5


def _prop_height(p: Prop, unit: float) -> float:
    """A thing beside the figures at its size: a car or an oven large, a rock or a lamp knee-high."""
    from artboard.composer.recipes.graphics.cast import big_thing

    if p.how != "beside":
        return unit * 0.45
    return unit * (0.8 if big_thing(p.concept) else 0.42)


def _slots(stage: Stage, unit: float) -> list[tuple[str, int, int, float]]:
    """The row from left to right: ('figure', actor, copy, width) and ('prop', prop index, owner, width); a
    thing too big to hold stands after its owner."""
    row: list[tuple[str, int, int, float]] = []
    for k, actor in enumerate(stage.actors):
        for j, f in enumerate(actor.figures):
            row.append(("figure", k, j, _slot_width(stage, k, f, unit)))
        for i, p in enumerate(stage.props):
            if p.owner == k and p.how == "beside":
                row.append(("prop", i, k, icon_width(p.icon, _prop_height(p, unit))))
    return row


def _prop(stage: Stage, owner: int, how: str) -> Prop | None:
    return next((p for p in stage.props if p.owner == owner and p.how == how), None)


def _cast(ctx: Ctx, node: Node, stage: Stage, area: Box, ground_y: float, record: dict[str, object]) -> None:
    x0, top, x1, y1 = area
    w = x1 - x0
    side = min(w, y1 - top)
    shared = any(p.how == "over" for p in stage.props)
    boat = next((p for p in stage.props if p.how == "boat"), None)
    room = ground_y - top
    unit = room * (0.62 if not shared else 0.5)
    if stage.tree is not None or boat is not None:
        unit = min(unit, room * 0.55)
    if any(p.how == "sky" for p in stage.props):
        unit = min(unit, room * 0.5)  # room above for the kite
    if all(f.pose == "sit" and not f.animal for a in stage.actors[:1] for f in a.figures):
        unit *= 1.3  # a seated figure is lower: drawn larger, it reads at the same size
    gap = 0.12 * (0.4 if shared else 1.0)
    row = _slots(stage, unit)
    total = sum(r[3] for r in row) + unit * gap * (len(row) - 1)
    if stage.tree is not None:
        total += unit * 0.4
    fit = min(1.0, w * 0.86 / max(total, 1e-6), h_fit := (y1 - top) * 0.9 / max(unit, 1e-6))
    del h_fit
    if fit < 1:
        unit *= fit
        row = [(a, b, c, d * fit) for a, b, c, d in row]
        total *= fit
    cx = x0 + w / 2
    if stage.tree is not None:
        th = min(room * 0.98, side * 1.0)
        th = min(th, w * 0.6 / max(1e-6, icon_width(stage.tree, 1.0)))
        tx = cx + total * 0.2 + unit * 0.15
        tree_box = place_icon(ctx, node, stage.tree, tx, ground_y + side * 0.01, th, name="tree")
        cx -= min(total * 0.15, w * 0.1)
        record["tree"] = list(tree_box)
        ctx.info.setdefault("drawn", []).append({"concept": "tree", "icon": stage.tree.key})
    base = ground_y + side * (0.06 if boat is not None else 0.02)
    figures_rec: list[dict[str, object]] = record["figures"]  # type: ignore[assignment]
    props_rec: list[dict[str, object]] = record["props"]  # type: ignore[assignment]
    placed: list[tuple[int, Posed]] = []
    behind = node.group("behind-figures")  # what the figures stand in front of (a shared umbrella's handle)
    seat = stage.furniture if stage.furniture in _SEATS else None
    desk = stage.furniture if stage.furniture is not None and seat is None else None
    desk_top = base - unit * 0.42
    centres: list[float] = []
    x = cx - total / 2
    for slot in row:
        centres.append(x + slot[3] / 2)
        x += slot[3] + unit * gap
    if seat is not None:
        # The bench or the sofa under the ones who sit (not under the pigeons at their feet).
        sitting = [
            (c - r[3] / 2, c + r[3] / 2)
            for c, r in zip(centres, row, strict=True)
            if r[0] == "figure" and stage.actors[r[1]].figures[r[2]].pose == "sit"
        ] or [(cx - total / 2, cx + total / 2)]
        sx0, sx1 = min(a for a, _ in sitting) - unit * 0.12, max(b for _, b in sitting) + unit * 0.12
        seat_box = _seat(ctx, node, seat, (sx0, base - unit * 0.3, sx1, base), unit)
        props_rec.append({"concept": seat, "how": "seat", "box": list(seat_box)})
        _note(ctx, seat, f"scene:{seat}")
    index = 0
    for (kind, a, b, _sw), sx in zip(row, centres, strict=True):
        if kind == "prop":
            p = stage.props[a]
            box = place_icon(ctx, node, p.icon, sx, base, _prop_height(p, unit) * min(1.0, fit + 0.2), name="beside")
            props_rec.append({"concept": p.concept, "how": p.how, "box": list(box)})
            _note(ctx, p.concept, p.icon.key)
            continue
        k, f = a, stage.actors[a].figures[b]
        facing = 1 if k == 0 or len(stage.actors) == 1 else -1
        ride = _prop(stage, k, "ride")
        if ride is not None:
            posed = _rider(ctx, node, f, ride, sx, base, unit, facing, index)
            props_rec.append({"concept": ride.concept, "how": "ride", "box": list(posed.box)})
            _note(ctx, ride.concept, ride.icon.key)
        elif boat is not None and boat.owner == k:
            posed = _in_boat(ctx, node, f, sx, base, unit, facing, index)
            props_rec.append({"concept": boat.concept, "how": "boat", "box": list(posed.box)})
        elif desk is not None and not f.animal and f.body == "bust":
            upper = unit * f.height * 0.62
            pbox = place_icon(ctx, node, f.icon, sx, desk_top + upper * 0.22, upper, name="figure")
            posed = Posed(pbox, (sx + facing * upper * 0.3, desk_top - upper * 0.1), pbox[1])
        elif desk is not None and not f.animal:
            posed = draw_figure(ctx, node, f, sx, desk_top + unit * 0.4, unit, index=index, facing=facing)
        elif f.pose == "swim" and stage.water:
            posed = draw_figure(ctx, node, f, sx, base - unit * 0.04, unit, index=index, facing=facing)
            ripple = tone(ctx, sky_for(ctx, 3).water, 0.06, fallback=ctx.scheme.surface)
            node.path(
                rect_d(
                    posed.box[0] - unit * 0.05,
                    base - unit * f.height * 0.22,
                    posed.box[2] - posed.box[0] + unit * 0.1,
                    unit * f.height * 0.22,
                    unit * 0.05,
                ),
                ripple,
            )
        else:
            on_seat = seat is not None and f.pose == "sit"
            posed = draw_figure(
                ctx,
                node,
                f,
                sx,
                base - (unit * 0.3 if on_seat else 0.0),
                unit,
                index=index,
                facing=facing,
                seat=(sx, base) if on_seat else None,
            )
        placed.append((k, posed))
        figures_rec.append({"concept": f.concept, "pose": f.pose, "body": f.body, "box": list(posed.box)})
        _note(ctx, f.concept, f.icon.key)
        index += 1
    if desk is not None and placed:
        fx0 = min(p.box[0] for _, p in placed) - unit * 0.25
        fx1 = max(p.box[2] for _, p in placed) + unit * 0.25
        props_rec.append({"concept": desk, "how": "furniture", "box": [fx0, desk_top, fx1, base]})
        _furniture(ctx, node, desk, (fx0, desk_top, fx1, base), unit)
        _note(ctx, desk, f"scene:{desk}", icon=False)
    for p in stage.props:
        if p.how in ("beside", "ride", "boat"):
            continue
        box = _draw_prop(ctx, behind if p.how == "over" else node, stage, p, placed, unit, desk_top, base, (x0, x1))
        if box is not None:
            props_rec.append({"concept": p.concept, "how": p.how, "box": list(box)})
            _note(ctx, p.concept, p.icon.key)


_SEATS = frozenset("bench armchair chair sofa couch stool swing".split())


def _note(ctx: Ctx, concept: str, key: str, *, icon: bool = True) -> None:
    ctx.info.setdefault("drawn", []).append({"concept": concept, "icon": key})
    if icon and not key.startswith("scene:"):
        ctx.info.setdefault("icons", []).append(key)


def _seat(ctx: Ctx, node: Node, kind: str, box: Box, unit: float) -> Box:
    """A bench or a sofa under whoever sits on it: seat, back and legs."""
    x0, y0, x1, y1 = box
    s = ctx.scheme
    soft = kind in ("armchair", "sofa", "couch")
    wood = (from_oklch(0.6, 0.12, 25) if soft else from_oklch(0.55, 0.08, 55)) if not s.constrained else s.secondary
    dark = tone(ctx, wood, -0.08, fallback=s.ink)
    back_top = y0 - unit * 0.32
    node.path(rect_d(x0, back_top, x1 - x0, unit * (0.34 if soft else 0.08), unit * 0.05), dark)
    if not soft:
        node.path(rect_d(x0, back_top + unit * 0.14, x1 - x0, unit * 0.08, unit * 0.03), dark)
    node.path(rect_d(x0 - unit * 0.03, y0, x1 - x0 + unit * 0.06, unit * (0.12 if soft else 0.06), unit * 0.03), wood)
    leg = unit * 0.05
    for lx in (x0 + unit * 0.06, x1 - unit * 0.06 - leg):
        node.rect(lx, y0, leg, y1 - y0, dark)
    return (x0, back_top, x1, y1)


def _rider(
    ctx: Ctx, node: Node, f: object, ride: Prop, x: float, base: float, unit: float, facing: int, index: int
) -> Posed:
    from artboard.composer.recipes.graphics.cast import Figure

    assert isinstance(f, Figure)
    vw = unit * 0.95
    vh = vw * 0.62
    vbox = place_icon(ctx, node, ride.icon, x, base, vh, name="ride")
    vx0, vy0, vx1, vy1 = vbox
    seat = (x - facing * (vx1 - vx0) * 0.08, vy0 + (vy1 - vy0) * 0.12)
    pedal = (x + facing * (vx1 - vx0) * 0.05, vy0 + (vy1 - vy0) * 0.62)
    bars = (x + facing * (vx1 - vx0) * 0.22, vy0 + (vy1 - vy0) * 0.02)
    posed = draw_figure(ctx, node, f, x, base, unit, index=index, facing=facing, seat=seat, pedal=pedal, bars=bars)
    x0, y0, x1, y1 = posed.box
    return Posed((min(x0, vx0), min(y0, vy0), max(x1, vx1), max(y1, vy1)), posed.hand, posed.head_top)


def _in_boat(ctx: Ctx, node: Node, f: object, x: float, base: float, unit: float, facing: int, index: int) -> Posed:
    """A rowboat on the water with the figure sitting in it: the hull drawn over the figure's lap."""
    from artboard.composer.recipes.graphics.cast import Figure

    assert isinstance(f, Figure)
    hull_w, hull_h = unit * 1.3, unit * 0.22
    rim = base - hull_h
    posed = draw_figure(ctx, node, f, x, rim + unit * 0.08, unit, index=index, facing=facing)
    wood = from_oklch(0.5, 0.08, 55) if not ctx.scheme.constrained else ctx.scheme.secondary
    d = (
        f"M{x - hull_w / 2:.1f} {rim:.1f}L{x + hull_w / 2:.1f} {rim:.1f}"
        f"Q{x + hull_w * 0.42:.1f} {base:.1f} {x + hull_w * 0.28:.1f} {base:.1f}"
        f"L{x - hull_w * 0.28:.1f} {base:.1f}Q{x - hull_w * 0.42:.1f} {base:.1f} {x - hull_w / 2:.1f} {rim:.1f}Z"
    )
    node.path(d, wood)
    node.rect(x - hull_w / 2, rim - hull_h * 0.08, hull_w, hull_h * 0.16, tone(ctx, wood, 0.1, fallback=wood))
    water = from_oklch(0.85, 0.03, 220) if not ctx.scheme.constrained else ctx.scheme.ground
    node.path(rect_d(x - hull_w * 0.6, base - hull_h * 0.06, hull_w * 1.2, hull_h * 0.12, hull_h * 0.06), water)
    return Posed((x - hull_w / 2, posed.box[1], x + hull_w / 2, base), posed.hand, posed.head_top)


def _furniture(ctx: Ctx, node: Node, kind: str, box: Box, unit: float) -> None:
    x0, y0, x1, y1 = box
    s = ctx.scheme
    wood = from_oklch(0.62, 0.08, 60) if not s.constrained else s.secondary
    top_c = tone(ctx, wood, 0.08, fallback=wood)
    if kind == "counter":
        node.rect(x0, y0, x1 - x0, y1 - y0, wood)
        door = tone(ctx, wood, -0.05, fallback=s.ink)
        n = max(2, int((x1 - x0) / (unit * 0.45)))
        dw = (x1 - x0) / n
        for k in range(n):
            node.path(
                rect_d(
                    x0 + k * dw + unit * 0.04, y0 + unit * 0.1, dw - unit * 0.08, y1 - y0 - unit * 0.16, unit * 0.02
                ),
                door,
            )
        node.rect(x0 - unit * 0.05, y0 - unit * 0.04, x1 - x0 + unit * 0.1, unit * 0.07, top_c)
        return
    leg = unit * 0.05
    node.rect(x0 + unit * 0.08, y0, leg, y1 - y0, tone(ctx, wood, -0.1, fallback=s.ink))
    node.rect(x1 - unit * 0.08 - leg, y0, leg, y1 - y0, tone(ctx, wood, -0.1, fallback=s.ink))
    # A front panel: the desk hides the legs of whoever works at it.
    node.rect(x0 + unit * 0.08, y0, x1 - x0 - unit * 0.16, (y1 - y0) * 0.72, tone(ctx, wood, -0.04, fallback=wood))
    node.rect(x0, y0 - unit * 0.02, x1 - x0, unit * 0.07, top_c)


def _draw_prop(
    ctx: Ctx,
    node: Node,
    stage: Stage,
    p: Prop,
    placed: list[tuple[int, Posed]],
    unit: float,
    desk_top: float,
    base: float,
    xs: tuple[float, float],
) -> Box | None:
    mine = [posed for k, posed in placed if k == p.owner] or [posed for _, posed in placed]
    if not mine or p.how in ("ride", "boat"):
        return None
    if p.how == "between":
        # Shared on the ground between them ("two cats sharing a bowl of milk").
        cx = (mine[0].box[2] + mine[1].box[0]) / 2 if len(mine) > 1 else mine[0].box[2] + unit * 0.15
        return place_icon(ctx, node, p.icon, cx, base, unit * 0.3, name="between")
    if p.how == "sky":
        # Up in the sky on its string from the hands ("a boy flying a kite").
        q = mine[0]
        size = unit * 0.4
        kx = min(q.hand[0] + unit * 0.7, xs[1] - size * 0.8)
        ky = max(q.head_top - unit * 0.55, size * 0.8)
        box = place_icon(ctx, node, p.icon, kx, ky + size / 2, size, name="sky")
        hx, hy = q.hand
        line = f"M{hx:.1f} {hy:.1f}Q{(hx + kx) / 2:.1f} {hy - unit * 0.1:.1f} {kx:.1f} {ky + size * 0.4:.1f}"
        node.path(
            shapes.stroke_outline(line, max(1.0, unit * 0.006)), tone(ctx, ctx.scheme.ink, 0.2, fallback=ctx.scheme.ink)
        )
        return box
    if p.how == "over":
        bx0, bx1 = min(q.box[0] for q in mine), max(q.box[2] for q in mine)
        head = min(q.head_top for q in mine)
        hgt = (bx1 - bx0) * 1.15 * icon_width(p.icon, 1.0) ** -1
        cx = (bx0 + bx1) / 2
        return place_icon(ctx, node, p.icon, cx, head + hgt * 0.6, hgt, name="shared")
    if p.how == "desk":
        out: Box | None = None
        for posed in mine:
            px = (posed.box[0] + posed.box[2]) / 2
            out = place_icon(ctx, node, p.icon, px, desk_top, unit * 0.3, name="on-desk")
        return out
    if p.how == "air":
        q = mine[0]
        sz = (q.box[3] - q.head_top) * 0.36
        cx, cy = q.hand[0], q.head_top - sz * 0.2
        arc = shapes.stroke_outline(
            f"M{cx - sz * 0.7:.1f} {cy + sz * 0.9:.1f}Q{cx - sz * 0.8:.1f} {cy:.1f} {cx - sz * 0.4:.1f} "
            f"{cy - sz * 0.3:.1f}",
            sz * 0.05,
        )
        node.path(arc, tone(ctx, ctx.scheme.ink, 0.3, fallback=ctx.scheme.ink))
        return place_icon(ctx, node, p.icon, cx, cy, sz * 0.7, name="tossed")
    if p.how == "held":
        q = mine[0]
        hgt = q.box[3] - q.head_top
        if p.concept == "fishing pole":
            return _rod(ctx, node, q, hgt, base)
        return place_icon(ctx, node, p.icon, q.hand[0], q.hand[1] + hgt * 0.12, hgt * 0.28, name="held")
    return None


def _rod(ctx: Ctx, node: Node, q: Posed, hgt: float, base: float) -> Box:
    """A fishing rod from the hands out over the water, its line dropping to a float."""
    hx, hy = q.hand
    direction = 1 if hx >= (q.box[0] + q.box[2]) / 2 else -1
    tip = (hx + direction * hgt * 0.75, hy - hgt * 0.65)
    rod = shapes.stroke_outline(
        f"M{hx:.1f} {hy:.1f}Q{hx + direction * hgt * 0.45:.1f} {hy - hgt * 0.55:.1f} {tip[0]:.1f} {tip[1]:.1f}",
        max(1.5, hgt * 0.018),
    )
    node.path(rod, from_oklch(0.38, 0.06, 55) if not ctx.scheme.constrained else ctx.scheme.ink)
    end_y = base + hgt * 0.05
    line = shapes.stroke_outline(f"M{tip[0]:.1f} {tip[1]:.1f}L{tip[0]:.1f} {end_y:.1f}", max(1.0, hgt * 0.005))
    node.path(line, tone(ctx, ctx.scheme.ink, 0.2, fallback=ctx.scheme.ink))
    node.circle(
        tip[0], end_y, hgt * 0.025, from_oklch(0.62, 0.2, 28) if not ctx.scheme.constrained else ctx.scheme.accent
    )
    return (min(hx, tip[0]), tip[1], max(hx, tip[0]), end_y)
