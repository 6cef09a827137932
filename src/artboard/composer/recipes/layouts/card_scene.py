"""The scenic card ("Christmas card with a snowy cabin, pine trees and falling snow", "a thank-you card with a
beach at sunset"): the place the prompt describes drawn as a picture in a rounded window — beside the copy on a
wide card, above it on an upright one — the headline and every line the user gave on the card's ground."""

from __future__ import annotations

import re

from artboard.composer.canvas import rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import has_word
from artboard.composer.recipes.layouts.common import ground, readable, set_details, use_family
from artboard.composer.recipes.layouts.copy_text import Copy

_SCENERY = re.compile(
    r"\b(?:snowy|snow[- ]covered|falling snow|snowfall|cabin|cottage|village|mountains?|beach|seaside|lake|forest"
    r"|woods|meadow|countryside|sunset over|sunrise over|landscape|hills|winter scene|autumn scene|harbou?r)\b",
    re.I,
)


def wanted(ctx: Ctx) -> bool:
    """Whether the card describes a place to picture (and the colours are free to paint it)."""
    return bool(_SCENERY.search(ctx.brief.prompt)) and not ctx.scheme.constrained and ctx.scheme.background is not None


def scene_card(ctx: Ctx, copy: Copy) -> str:
    from artboard.composer.recipes.graphics.creature import PLACED, add_creature
    from artboard.composer.recipes.graphics.illustrations import note_scenery
    from artboard.composer.recipes.graphics.landscape import landscape_scene, snowy

    W, H, short, m = float(ctx.width), float(ctx.height), ctx.short, ctx.margin
    if ctx.brief.has("elegant") or "wedding" in ctx.brief.words:
        use_family(ctx, ("playfair-display", "dm-serif-display"))
    said = list(ctx.brief.design_colors)
    gnd = said[0] if said else ground(ctx)  # "red and forest green": the card is red, its window the scene
    art = ctx.canvas.group("card")
    art.rect(0, 0, W, H, gnd)
    wide = W >= H * 1.2
    has_text = copy.headline is not None
    if not has_text:
        box = (m, m, W - m, H - m)
    elif wide:
        box = (m, m, W * 0.56, H - m)
    else:
        box = (m, m, W - m, H * 0.6)
    x0, y0, x1, y1 = box
    window = rect_d(x0, y0, x1 - x0, y1 - y0, short * 0.04)
    holder = art.group("scene", clip_path=ctx.canvas.clip(window))
    name, lines = landscape_scene(ctx, holder, box)
    note_scenery(ctx, name)
    if snowy(ctx):
        ctx.info.setdefault("drawn", []).append({"concept": "snow", "icon": "scene:snow"})
    rim = next((c for c in ctx.brief.design_colors if c != gnd), None)
    if rim is not None:  # the second colour said rims the window
        art.path(window, None, stroke=rim, stroke_width=round(short * 0.018, 2))
    if has_word(ctx, *PLACED) or any(t.kind in ("thing", "animal") for t in ctx.brief.things):
        add_creature(ctx, holder, "night" in name, lines)
    if not has_text:
        return f"card-scene-{name}"
    # the colours said ("red and forest green") dress the card: the one that reads on the ground sets the headline
    named = [c for c in said if c != gnd]
    ink = readable(ctx, gnd, *named, (255, 255, 255), ctx.scheme.ink)
    front = art.group("type")
    text_box = (W * 0.6, m * 1.4, W - m, H - m * 1.4) if wide else (m * 1.2, y1 + short * 0.05, W - m * 1.2, H - m)
    tx0, ty0, tx1, ty1 = text_box
    room = (ty1 - ty0) * (0.62 if copy.lines else 1.0)
    block = ctx.text(front, copy.headline or "", (tx0, ty0, tx1, ty0 + room), ink, align="center",
                     valign="bottom" if copy.lines else "middle", max_lines=4, max_size=short * 0.12,
                     name="headline")  # fmt: skip
    if copy.lines:
        accent = readable(ctx, gnd, ctx.scheme.primary, ctx.scheme.accent)
        set_details(ctx, front, copy.lines[:5], tx0, block.bbox[3] + short * 0.035, tx1, accent, align="center",
                    size=short * 0.034, limit=ty1)  # fmt: skip
    return f"card-scene-{name}"
