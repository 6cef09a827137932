"""A scene of figures drawn full bleed: the place (sky, ground, water, a room, a kitchen, the moon's surface) in
the prompt's colours and season, then what stands in it back to front — the tree they sit under, the figures in
a row with what they ride or sit in, the desk or counter before them, what they hold, share or toss.

The plan is cast.plan_stage's; this module only draws it, and records in the manifest (`scene`) where each
figure and prop landed, so what the picture shows can be checked.
"""

from __future__ import annotations

import dataclasses

from artboard.colors import from_oklch
from artboard.composer import icons, shapes, words
from artboard.composer.arrange import EYEWEAR, NECKWEAR
from artboard.composer.canvas import Node, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.cast import Figure, Prop, Stage, plan_stage
from artboard.composer.recipes.graphics.common import has_word, readable, title_block, tone
from artboard.composer.recipes.graphics.figures import Posed, draw_figure, icon_width, place_icon
from artboard.composer.recipes.graphics.landscape import sky_for
from artboard.composer.recipes.graphics.stage_places import (
    draw_blanket,
    draw_furniture,
    draw_seat,
    falling,
    interior,
    outdoor,
    space,
)
from artboard.composer.recipes.graphics.stage_sea import underwater
from artboard.composer.recipes.graphics.vignette import STORM_WORDS, _storm

Box = tuple[float, float, float, float]


def stage_scene(ctx: Ctx, art: Node, stage: Stage | None = None, box: Box | None = None) -> str:
    """The scene recipe: plan, draw the place, then the cast; returns the layout name. With `box` the scene is
    a picture inside a larger design (a poster's upper part): drawn at that box's size, clipped to it, untitled."""
    stage = stage if stage is not None else plan_stage(ctx)
    if box is None:
        w, h = float(ctx.width), float(ctx.height)
        scene = art.group("scene")
    else:
        w, h = box[2] - box[0], box[3] - box[1]
        clip = ctx.canvas.clip(rect_d(box[0], box[1], w, h))
        scene = art.group("scene", clip_path=clip).group(transform=f"translate({box[0]:.2f} {box[1]:.2f})")
    m = ctx.margin
    text = ctx.brief.headline if box is None else None
    top = m + min(w, h) * 0.16 if text else 0.0
    record: dict[str, object] = {"place": stage.place, "figures": [], "props": []}
    ctx.info["scene"] = record
    indoor = stage.place in ("room", "office", "kitchen", "cafe")
    ground_y = h * (0.8 if indoor and stage.furniture else 0.76 if stage.water else 0.74)
    cast_node = scene
    if indoor:
        interior(ctx, scene, stage, (0.0, 0.0, w, h), ground_y)
    elif stage.place == "underwater":
        ground_y = underwater(ctx, scene, (0.0, 0.0, w, h))
    elif stage.place == "space":
        ground_y = space(ctx, scene, (0.0, 0.0, w, h))
        # Nothing stands in space: the figures drift, tilted, above the planet.
        cast_node = scene.group("floating", transform=f"rotate(-14 {w / 2:.1f} {ground_y * 0.7:.1f})")
    else:
        outdoor(ctx, scene, stage, (0.0, 0.0, w, h), ground_y)
    _cast(ctx, cast_node, stage, (0.0, top, w, h), ground_y, record)
    if stage.place not in ("room", "office", "kitchen", "cafe", "moon", "space", "underwater") and has_word(
        ctx, *STORM_WORDS
    ):
        cloud = from_oklch(0.62, 0.02, 250) if not ctx.scheme.constrained else ctx.scheme.surface
        _storm(ctx, scene, (0.0, 0.0, w, ground_y + (h - ground_y) * 0.5), min(w, h), sky_for(ctx, 2).sky[-1], cloud)
    if stage.season in ("autumn", "snow"):
        falling(ctx, scene, stage.season, (0.0, 0.0, w, ground_y + (h - ground_y) * 0.6))
    if stage.left_out:
        ctx.info.setdefault("left_out", []).extend(stage.left_out)
    if text:
        band = (m, m, w - m, m + min(w, h) * 0.14)
        sky = sky_for(ctx, 2).sky[0]
        title_block(
            ctx, art, band, readable(sky, [ctx.scheme.ink, ctx.scheme.ground, ctx.scheme.on_primary]), align="center"
        )
    return f"stage-{stage.place}" + (f"-{stage.season}" if stage.season else "")


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
    from artboard.composer.recipes.graphics.cast_words import big_thing

    if p.how != "beside":
        return unit * 0.45
    if p.icon.name in words.load("art")["scene"].get("sport_balls", {}).values():
        return unit * 0.17  # a ball at the players' feet
    return unit * (0.8 if big_thing(p.concept) else 0.42)


def _slots(stage: Stage, unit: float) -> list[tuple[str, int, int, float]]:
    """The row from left to right: ('figure', actor, copy, width) and ('prop', prop index, owner, width); a
    thing too big to hold stands after its owner."""
    row: list[tuple[str, int, int, float]] = []
    for k, actor in enumerate(stage.actors):
        for j, f in enumerate(actor.figures):
            if f.pose == "perch" and stage.tree is not None:
                continue  # up in the tree, not in the row
            row.append(("figure", k, j, _slot_width(stage, k, f, unit)))
        for i, p in enumerate(stage.props):
            if p.owner == k and p.how == "beside":
                row.append(("prop", i, k, icon_width(p.icon, _prop_height(p, unit))))
    return row


def _prop(stage: Stage, owner: int, how: str) -> Prop | None:
    return next((p for p in stage.props if p.owner == owner and p.how == how), None)


def _cast(ctx: Ctx, node: Node, stage: Stage, area: Box, ground_y: float, record: dict[str, object]) -> None:
    from artboard.composer.recipes.graphics.cast_words import big_thing

    if stage.furniture is not None and stage.furniture not in _SEATS:
        # At a table or a desk, a cup or a plant stands on it, not on the floor as tall as the table.
        props = tuple(
            dataclasses.replace(p, how="desk") if p.how == "beside" and not big_thing(p.concept) else p
            for p in stage.props
        )
        stage = dataclasses.replace(stage, props=props)
    x0, top, x1, y1 = area
    w = x1 - x0
    side = min(w, y1 - top)
    shared = any(p.how == "over" for p in stage.props)
    boat = next((p for p in stage.props if p.how == "boat"), None)
    room = ground_y - top
    unit = room * (0.68 if not shared else 0.5)
    if stage.tree is not None or boat is not None:
        unit = min(unit, room * 0.55)
    if any(p.how == "sky" for p in stage.props):
        unit = min(unit, room * 0.5)  # room above for the kite
    lone = sum(len(a.figures) for a in stage.actors) == 1 and stage.furniture is None and not shared
    if lone and stage.tree is None and boat is None and not any(p.how == "sky" for p in stage.props):
        unit = min(room * 0.9, unit * 1.3)  # one figure doing something is the picture: drawn large
    tallest = max((f.height for a in stage.actors for f in a.figures), default=1.0)
    if tallest < 0.8:
        unit /= max(0.45, tallest) / 0.8  # creatures alone ("an owl reading", "two cats") are drawn larger
    gap = 0.12 * (0.4 if shared else 1.0)
    row = _slots(stage, unit)

    def width(r: list[tuple[str, int, int, float]]) -> float:
        return sum(q[3] for q in r) + unit * gap * (len(r) - 1) + (unit * 0.4 if stage.tree is not None else 0.0)

    rows = [row]
    plain = stage.furniture is None and boat is None and stage.tree is None and not shared
    if plain and len(row) >= 3 and width(row) > w * 0.86 * 1.25 and (y1 - top) >= w * 0.95:
        # A tall picture: a crowd stands in two rows, the back row further off, rather than shrinking to a line.
        half = (len(row) + 1) // 2
        rows = [row[:half], row[half:]]
    stagger = unit * 0.12 if len(rows) > 1 else 0.0  # the back row a little to one side of the front
    total = max(width(r) for r in rows) + stagger
    fit = min(1.0, w * 0.86 / max(total, 1e-6))
    if fit < 1:
        unit *= fit
        rows = [[(a, b, c, d * fit) for a, b, c, d in r] for r in rows]
        total *= fit
    row = [q for r in rows for q in r]
    cx = x0 + w / 2
    if stage.tree is not None:
        # The figures sit under the crown, the trunk just behind them to one side; tree and figures together are
        # centred, the crown kept whole inside the picture.
        th = min(room * 0.98, side * 1.0)
        th = min(th, w * 0.62 / max(1e-6, icon_width(stage.tree, 1.0)))
        tw = icon_width(stage.tree, th)
        left = min(-total / 2, tw * 0.28 - tw / 2)
        right = max(total / 2, tw * 0.28 + tw / 2)
        cx = x0 + w / 2 - (left + right) / 2
        tx = cx + tw * 0.28
        tree = stage.tree
        if stage.season == "autumn" and tree.mode == "color" and not ctx.scheme.constrained:
            tree = _turned(tree)  # "under a tree in autumn": its crown orange, its trunk as it was
        tree_box = place_icon(ctx, node, tree, tx, ground_y + side * 0.01, th, name="tree")
        record["tree"] = list(tree_box)
        ctx.info.setdefault("drawn", []).append({"concept": "tree", "icon": stage.tree.key})
        _perch(ctx, node, stage, tree_box, unit, record)
    base = ground_y + side * (0.06 if boat is not None else 0.02)
    figures_rec: list[dict[str, object]] = record["figures"]  # type: ignore[assignment]
    props_rec: list[dict[str, object]] = record["props"]  # type: ignore[assignment]
    placed: list[tuple[int, Posed]] = []
    behind = node.group("behind-figures")  # what the figures stand in front of (a shared umbrella's handle)
    seat = stage.furniture if stage.furniture in _SEATS else None
    desk = stage.furniture if stage.furniture is not None and seat is None else None
    desk_top = base - unit * 0.42
    centres: list[float] = []
    bases: list[float] = []
    for n, r in enumerate(rows):
        x = cx - (sum(q[3] for q in r) + unit * gap * (len(r) - 1)) / 2
        for slot in r:
            centres.append(x + slot[3] / 2 + (stagger * fit / 2) * (1 if n == 0 else -1))
            bases.append(base - (unit * 0.22 if len(rows) > 1 and n == 0 else 0.0))
            x += slot[3] + unit * gap
    if seat is not None:
        # The bench or the sofa under the ones who sit (not under the pigeons at their feet).
        sitting = [
            (c - r[3] / 2, c + r[3] / 2)
            for c, r in zip(centres, row, strict=True)
            if r[0] == "figure" and stage.actors[r[1]].figures[r[2]].pose == "sit"
        ] or [(cx - total / 2, cx + total / 2)]
        sx0, sx1 = min(a for a, _ in sitting) - unit * 0.12, max(b for _, b in sitting) + unit * 0.12
        if seat in _GROUND_SEATS:
            seat_box = draw_blanket(
                ctx, node, (sx0 - unit * 0.1, base - unit * 0.08, sx1 + unit * 0.1, base + unit * 0.1), seat
            )
        else:
            seat_box = draw_seat(ctx, node, seat, (sx0, base - unit * 0.3, sx1, base), unit)
        props_rec.append({"concept": seat, "how": "seat", "box": list(seat_box)})
        _note(ctx, seat, f"scene:{seat}")
    index = 0
    for (kind, a, b, _sw), sx, ground in zip(row, centres, bases, strict=True):
        if kind == "prop":
            p = stage.props[a]
            box = place_icon(ctx, node, p.icon, sx, ground, _prop_height(p, unit) * min(1.0, fit + 0.2), name="beside")
            props_rec.append({"concept": p.concept, "how": p.how, "box": list(box)})
            _note(ctx, p.concept, p.icon.key)
            continue
        k, f = a, stage.actors[a].figures[b]
        facing = 1 if k == 0 or len(stage.actors) == 1 else -1
        ride = _prop(stage, k, "ride")
        if ride is not None:
            posed, vbox = _rider(ctx, node, f, ride, sx, ground, unit, facing, index)
            props_rec.append({"concept": ride.concept, "how": "ride", "box": list(vbox)})
            _note(ctx, ride.concept, ride.icon.key)
        elif boat is not None and boat.owner == k:
            posed = _in_boat(ctx, node, f, sx, ground, unit, facing, index)
            props_rec.append({"concept": boat.concept, "how": "boat", "box": list(posed.box)})
        elif desk is not None and not f.animal and f.body == "bust":
            upper = unit * f.height * 0.62
            pbox = place_icon(ctx, node, f.icon, sx, desk_top + upper * 0.22, upper, name="figure")
            posed = Posed(pbox, (sx + facing * upper * 0.3, desk_top - upper * 0.1), pbox[1])
        elif desk is not None and not f.animal:
            posed = draw_figure(ctx, node, f, sx, desk_top + unit * 0.4, unit, index=index, facing=facing)
        elif f.pose == "fly":
            # Up in the sky, each a little higher or lower than the last: a flock, not a row.
            lift = room * ((0.16 if stage.place == "underwater" else 0.38) + 0.14 * (index % 3))
            posed = draw_figure(ctx, node, f, sx, ground - lift, unit * 0.7, index=index, facing=facing)
        elif f.pose == "swim" and stage.water and not f.animal:
            posed = draw_figure(ctx, node, f, sx, ground + unit * 0.04, unit, index=index, facing=facing)
        elif f.pose == "swim" and stage.water:
            posed = draw_figure(ctx, node, f, sx, ground - unit * 0.04, unit, index=index, facing=facing)
            ripple = tone(ctx, sky_for(ctx, 3).water, 0.06, fallback=ctx.scheme.surface)
            node.path(
                rect_d(
                    posed.box[0] - unit * 0.05,
                    ground - unit * f.height * 0.22,
                    posed.box[2] - posed.box[0] + unit * 0.1,
                    unit * f.height * 0.22,
                    unit * 0.05,
                ),
                ripple,
            )
        else:
            on_seat = seat is not None and seat not in _GROUND_SEATS and f.pose == "sit"
            posed = draw_figure(
                ctx,
                node,
                f,
                sx,
                ground - (unit * 0.3 if on_seat else 0.0),
                unit,
                index=index,
                facing=facing,
                seat=(sx, ground) if on_seat else None,
            )
        placed.append((k, posed))
        figures_rec.append({"concept": f.concept, "pose": f.pose, "body": f.body, "box": list(posed.box)})
        _note(ctx, f.concept, f.icon.key)
        index += 1
    if desk is not None and placed:
        fx0 = min(p.box[0] for _, p in placed) - unit * 0.25
        fx1 = max(p.box[2] for _, p in placed) + unit * 0.25
        props_rec.append({"concept": desk, "how": "furniture", "box": [fx0, desk_top, fx1, base]})
        draw_furniture(ctx, node, desk, (fx0, desk_top, fx1, base), unit)
        _note(ctx, desk, f"scene:{desk}", icon=False)
    for p in stage.props:
        if p.how == "backdrop":
            # A building behind them, to the side: "a tent in the background", "in front of a castle".
            main = bool(ctx.brief.subjects) and ctx.brief.subjects[0] == p.concept
            # the picture's subject ("a lighthouse on a rocky coast, seagulls") stands tall over who is about it
            bh = min(unit * 1.3, room * 0.85) if main else min(unit * 0.8, room * 0.6)
            bw = icon_width(p.icon, bh)
            right = x0 + w / 2 + total / 2
            bx = (
                min(right + bw * 0.1, x1 - bw * 0.55)
                if right + bw * 0.6 < x1
                else max(x0 + bw * 0.55, cx - total / 2 - bw * 0.1)
            )
            # a glyph (no colour picture of it) stands as a silhouette against the sky
            dark = ctx.scheme.ink if p.icon.mode != "color" else None
            bbox = place_icon(ctx, behind, p.icon, bx, ground_y - side * 0.01, bh, name="backdrop", colour=dark)
            props_rec.append({"concept": p.concept, "how": p.how, "box": list(bbox)})
            _note(ctx, p.concept, p.icon.key)
            continue
        if p.how in ("beside", "ride", "boat"):
            continue
        layer = behind if p.how in ("over", "canopy") else node
        drawn = _draw_prop(ctx, layer, stage, p, placed, unit, desk_top, base, (x0, x1))
        if drawn is not None:
            props_rec.append({"concept": p.concept, "how": p.how, "box": list(drawn)})
            _note(ctx, p.concept, p.icon.key)
    _asleep(ctx, node, stage, placed, unit)


def _turned(icon: icons.Icon) -> icons.Icon:
    """A tree's greens turned to autumn's oranges and reds, each keeping its own light and shade."""
    from artboard.colors import oklch, to_hex
    from artboard.composer.harmony import hex_rgb

    fills = []
    for k, f in enumerate(icon.fills):
        light, chroma, hue = oklch(hex_rgb(f))
        green = 95 <= hue <= 175 and chroma > 0.04
        fills.append(to_hex(from_oklch(light, max(chroma, 0.12), 55 - 20 * (k % 2))) if green else f)
    return dataclasses.replace(icon, key=f"{icon.key}#autumn", fills=tuple(fills))


_SLEEPING = frozenset("sleeping asleep napping snoozing dozing sleepy".split())


def _asleep(ctx: Ctx, node: Node, stage: Stage, placed: list[tuple[int, Posed]], unit: float) -> None:
    """ "a sleeping dog on a rug", "a cat napping by the fire": the sleeper's zzz rising over its head."""
    from artboard.composer.recipes.graphics.cast_words import fef

    zzz = fef("zzz")
    said = {t.noun for t in ctx.brief.things if _SLEEPING & {*t.adjectives, t.doing}}
    sleepers = {k for k, a in enumerate(stage.actors) if a.verb in _SLEEPING or a.noun in said}
    if zzz is None or not sleepers:
        return
    for k, posed in placed:
        if k in sleepers:
            bx0, _by0, bx1, _by1 = posed.box
            place_icon(
                ctx, node, zzz, bx1 - (bx1 - bx0) * 0.1, posed.head_top + unit * 0.02, unit * 0.22, name="asleep"
            )
            _note(ctx, "asleep", zzz.key)
            sleepers.discard(k)


_WORK_ON_DESK = frozenset("laptop computer book notebook plate bowl keyboard paper papers sketchbook".split())
_SEATS = frozenset("bench armchair chair sofa couch stool swing blanket rug mat towel".split())
_GROUND_SEATS = frozenset("blanket rug mat towel".split())


def _perch(ctx: Ctx, node: Node, stage: Stage, tree: Box, unit: float, record: dict[str, object]) -> None:
    """Creatures up in the tree sit in its crown, in front of the leaves."""
    tx0, ty0, tx1, ty1 = tree
    perched = [f for a in stage.actors for f in a.figures if f.pose == "perch"]
    figures_rec: list[dict[str, object]] = record["figures"]  # type: ignore[assignment]
    for n, f in enumerate(perched):
        px = tx0 + (tx1 - tx0) * (0.5 + 0.22 * (n - (len(perched) - 1) / 2))
        height = min(unit * f.height, (ty1 - ty0) * 0.3)
        box = place_icon(ctx, node, f.icon, px, ty0 + (ty1 - ty0) * 0.52, height, name="perched")
        figures_rec.append({"concept": f.concept, "pose": f.pose, "body": f.body, "box": list(box)})
        _note(ctx, f.concept, f.icon.key)


def _note(ctx: Ctx, concept: str, key: str, *, icon: bool = True) -> None:
    ctx.info.setdefault("drawn", []).append({"concept": concept, "icon": key})
    if icon and not key.startswith("scene:"):
        ctx.info.setdefault("icons", []).append(key)


def _rider(
    ctx: Ctx, node: Node, f: Figure, ride: Prop, x: float, base: float, unit: float, facing: int, index: int
) -> tuple[Posed, Box]:
    """The ridden thing, and its rider on it: hips on the seat, a foot on the pedal, hands on the bars."""
    vw = unit * 0.95
    vh = vw * 0.62
    # The colour sets draw bicycles and horses facing left: mirrored to go the rider's way.
    vbox = place_icon(ctx, node, ride.icon, x, base, vh, name="ride", flip=facing > 0)
    vx0, vy0, vx1, vy1 = vbox
    seat = (x - facing * (vx1 - vx0) * 0.08, vy0 + (vy1 - vy0) * 0.12)
    pedal = (x + facing * (vx1 - vx0) * 0.05, vy0 + (vy1 - vy0) * 0.62)
    bars = (x + facing * (vx1 - vx0) * 0.22, vy0 + (vy1 - vy0) * 0.02)
    posed = draw_figure(ctx, node, f, x, base, unit, index=index, facing=facing, seat=seat, pedal=pedal, bars=bars)
    return posed, vbox


def _in_boat(ctx: Ctx, node: Node, f: Figure, x: float, base: float, unit: float, facing: int, index: int) -> Posed:
    """A rowboat on the water with the figure sitting in it: the hull drawn over the figure's lap."""
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
        # Shared on the ground between them ("two cats sharing a bowl of milk", "a bear and a rabbit sharing
        # honey"): the owner's two figures, or the owner and the figure next to it.
        pair = mine if len(mine) > 1 else [q for _, q in placed]
        pair = sorted(pair, key=lambda q: q.box[0])[:2]
        cx = (pair[0].box[2] + pair[1].box[0]) / 2 if len(pair) > 1 else pair[0].box[2] + unit * 0.15
        return place_icon(ctx, node, p.icon, cx, base, unit * 0.3, name="between")
    if p.how == "made":
        # What they build ("kids building a sandcastle") on the ground before them all, in front, at the middle.
        boxes = [q.box for _, q in placed]
        cx = (min(b[0] for b in boxes) + max(b[2] for b in boxes)) / 2
        return place_icon(ctx, node, p.icon, cx, base + unit * 0.08, unit * 0.5, name="made")
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
    if p.how == "canopy":
        # "under a mushroom": it stands on the ground behind them, its cap well over their heads.
        bx0, bx1 = min(q.box[0] for q in mine), max(q.box[2] for q in mine)
        hgt = (base - min(q.head_top for q in mine)) * 1.7
        return place_icon(ctx, node, p.icon, (bx0 + bx1) / 2, base, hgt, name="canopy")
    if p.how == "desk":
        # The first thing on the desk before each figure (a laptop), the others to its sides, clear of the face.
        on_desk = [q for q in stage.props if q.how == "desk" and q.owner == p.owner]
        low = bool(on_desk) and on_desk[0].concept.split()[-1] in _WORK_ON_DESK
        k = on_desk.index(p) + (0 if low else 1)  # only a flat thing to work at sits before the face
        dx = 0.0 if k == 0 else (1 if k % 2 else -1) * unit * (0.34 + 0.16 * ((k - 1) // 2))
        out: Box | None = None
        for posed in mine:
            px = (posed.box[0] + posed.box[2]) / 2 + dx
            out = place_icon(ctx, node, p.icon, px, desk_top, unit * (0.3 if k == 0 else 0.24), name="on-desk")
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
    if p.how == "worn":
        # On the wearer: a hat on the head, glasses over the eyes, a scarf round the neck.
        q = mine[0]
        hgt = q.box[3] - q.head_top
        cx = (q.box[0] + q.box[2]) / 2
        worn = p.concept.split()[-1]
        if worn in EYEWEAR:
            return place_icon(ctx, node, p.icon, cx, q.head_top + hgt * 0.24, hgt * 0.12, name="worn")
        if worn in NECKWEAR:
            return place_icon(ctx, node, p.icon, cx, q.head_top + hgt * 0.5, hgt * 0.24, name="worn")
        if worn in ("earmuffs", "earmuff", "headphones"):  # round the head, as wide as it
            return place_icon(ctx, node, p.icon, cx, q.head_top + hgt * 0.3, (q.box[2] - q.box[0]) * 0.7, name="worn")
        return place_icon(ctx, node, p.icon, cx, q.head_top + hgt * 0.06, hgt * 0.22, name="worn")
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
