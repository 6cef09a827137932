"""Sticker art in flat colour: the things the prompt names (arranged by composer/arrange.py) drawn from the
colour illustration sets, each path in its own colour, with a paper hairline between overlapping things.

The sticker recipes work on `_Art` items (path + colour) that are tilted and fitted as one, so colour icons are
flattened into such items here instead of being placed as SVG groups.
"""

from __future__ import annotations

from artboard.colors import RGB, mix
from artboard.composer import colour_words, shapes
from artboard.composer.arrange import Group, record_group
from artboard.composer.context import Ctx
from artboard.composer.harmony import hex_rgb
from artboard.composer.reading import thing_kind
from artboard.composer.recipes.badges.cartoon import _CREATURES, _CUTE, _free_spot, _kawaii_face
from artboard.composer.recipes.badges.common import _Art, _bounds
from artboard.composer.recipes.badges.geometry import _fill_holes

_CHEERFUL = _CUTE | {"happy", "smiling", "cheerful", "friendly", "cute"}


def group_art(ctx: Ctx, art: _Art, group: Group, cx: float, cy: float, size: float) -> str:
    """Draw the group centred at (cx, cy) in a size × size box; returns the silhouette of everything drawn."""
    x0, y0 = cx - size / 2, cy - size / 2
    silhouettes: list[str] = []
    gap = ctx.short * 0.008
    for p in group.placed:
        icon = ctx.in_named_colours(p.icon)
        vx, vy, vw, vh = icon.viewbox
        scale = p.size * size / max(vw, vh)
        px, py = x0 + p.x * size, y0 + p.y * size
        m = (scale, 0.0, 0.0, scale, px - (vx + vw / 2) * scale, py - (vy + vh / 2) * scale)
        paths = [shapes.transform_d(d, m) for d in icon.paths]
        outline = _fill_holes(shapes.union(paths))
        if p.front and silhouettes:
            art.knock(outline, gap)  # a hairline of paper between this thing and what is behind it
        fills: list[RGB] = [hex_rgb(f) for f in icon.fills] if icon.fills else []
        # A glyph among colour art takes its thing's natural colour (a whale blue-grey, a leaf green).
        below = colour_words.natural_colour(p.concept.split()[-1]) or ctx.scheme.primary
        for k, d in enumerate(paths):
            color = fills[k] if k < len(fills) else below
            opacity = icon.opacities[k] if k < len(icon.opacities) else 1.0
            if opacity < 1.0:
                # The art items are opaque: a translucent shade becomes its blend over what it mostly lies on.
                color = mix(below, color, opacity)
            art.add(f"subject-{k}", d, color, distress=False)
            below = color
        silhouettes.append(outline)
    main = max(group.placed, key=lambda p: p.size) if group.placed else None
    if group.relation == "riding" and group.face:
        main = next((p for p in group.placed if p.front), main)  # the rider grins, not its skateboard
    # "a happy cloud with a rainbow": the face goes on the thing called happy, not the largest one.
    cheerful = {t.noun for t in ctx.brief.things if set(t.adjectives) & _CHEERFUL}
    main = next((p for p in group.placed if p.concept in cheerful), main)
    # A creature in the group has its own face: no other thing gets one ("a cute sloth hanging from a branch").
    creatures = any(
        set(p.icon.name.split("-")) & _CREATURES or thing_kind(p.concept.split()[-1]) in ("animal", "person")
        for p in group.placed
    )
    expression = group.face or ("smile" if ctx.brief.words & _CHEERFUL else None)
    if main is not None and expression and not creatures:
        # "a kawaii avocado", "a happy cloud": the thing gets a face on its largest calm area.
        k = group.placed.index(main)
        sil = silhouettes[k]
        spot = _free_spot(sil, "", _bounds(sil))
        if spot is not None and spot[2] >= main.size * size * 0.08:
            x, y, clear = spot
            ink = (40, 30, 35)
            _kawaii_face(ctx, art, x, y, min(clear * 0.9, main.size * size * 0.2), ink, (255, 150, 160), expression)
    record_group(ctx, group)
    return shapes.union(silhouettes)
