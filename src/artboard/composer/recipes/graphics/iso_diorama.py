"""Isometric dioramas: the things a prompt lists ("a tiny office: desk, laptop, plant, coffee mug", "a farm: barn,
tractor, cows, windmill"), each standing on its own tile of one floor slab, in flat colour art.

The generic scenes (hub, platform, layers…) are abstract; a prompt that names things wants those things. Each is
drawn upright as a sprite in the scene, so the painter's order of the isometric solids covers it correctly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from artboard.composer import icons, noun_icons, reading
from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import subject_queries
from artboard.composer.recipes.graphics.iso_props import Kit, floor_shadow
from artboard.composer.recipes.graphics.iso_shapes import Scene, SpriteDraw

# Words that name the picture, not a thing in it ("isometric hero graphic for a SaaS landing page").
_NOT_THINGS = frozenset({
    "isometric", "illustration", "hero", "graphic", "scene", "room", "3d", "diorama", "saas", "landing page",
    "page", "website", "app", "startup", "tiny", "miniature", "icon", "view",
})  # fmt: skip


@dataclass(frozen=True)
class Prop:
    concept: str
    icon: icons.Icon


def props_for(ctx: Ctx, limit: int = 6) -> list[Prop]:
    """The things to stand on the floor: listed items first, else the subjects; settings ("a farm", "an
    office") are the floor itself, not a prop."""
    b = ctx.brief
    names = [n.lower().strip() for n in (list(b.items) or subject_queries(ctx))]
    names = [n for n in names if n and n.replace(" ", "") not in _NOT_THINGS and not set(n.split()) <= _NOT_THINGS]
    # A listed item is a thing to draw even when it can be a place ("plant", "barn"); among the subjects a
    # place ("a warehouse with boxes") is the floor the things stand on.
    things = names if b.items else [n for n in names if not reading.is_setting(n.split()[-1])]
    if len(things) < 3:
        # "an isometric house with a garden": with few things the place itself is one of them.
        things += [n for n in names if n not in things and n.split()[-1] not in ("room", "scene", "interior")]
    out: list[Prop] = []
    for noun in things:
        found = noun_icons.resolve_in(noun, "color")
        if found is not None and all(p.icon.key != found[0].key for p in out):
            out.append(Prop(noun, found[0]))
        if len(out) == limit:
            break
    return out


def diorama(ctx: Ctx, scene: Scene, kit: Kit, props: list[Prop]) -> None:
    """One slab, a tile per prop in a grid that fills it, each prop standing on its tile with a soft shadow."""
    n = len(props)
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    cell = 3.4
    pad = 0.5
    scene.box(0, 0, -0.8, cols * cell + pad * 2, rows * cell + pad * 2, 0.8, kit.floor)
    tiles = [kit.pale, kit.main, kit.alt]
    for k, prop in enumerate(props):
        i, j = k % cols, k // cols
        x0, y0 = pad + i * cell + 0.35, pad + j * cell + 0.35
        side = cell - 0.7
        rise = 0.25 + 0.2 * ((i + j) % 2)
        scene.box(x0, y0, 0, side, side, rise, tiles[(i + 2 * j) % len(tiles)])
        cx, cy = x0 + side / 2, y0 + side / 2
        floor_shadow(scene, kit, cx, cy, side * 0.32, rise)
        scene.sprite(cx, cy, rise, side * 0.95, sprite_drawer(ctx, prop.icon, kit))
    drawn = ctx.info.setdefault("drawn", [])
    for prop in props:
        drawn.append({"concept": prop.concept, "icon": prop.icon.key})
        ctx.info.setdefault("icons", []).append(prop.icon.key)


def sprite_drawer(ctx: Ctx, icon: icons.Icon, kit: Kit) -> SpriteDraw:
    def draw(node: Node, cx: float, base: float, size: float) -> None:
        ctx.draw_icon(node, icon, cx, base - size / 2, size, kit.main.left, name="prop")

    return draw
