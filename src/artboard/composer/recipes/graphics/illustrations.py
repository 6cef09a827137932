"""Illustrations, and the fallback for prompts no other recipe claims.

Kinds: a packaged product that carries the prompt's text (wrapper.py), product still lifes on plinths for
photographic product prompts (stilllife.py), editorial metaphors (editorial.py), layered flat landscapes
(landscape.py) or the same as uniform-weight line art (lineart.py), with a fox or the subject in front
(creature.py), scenes of figures doing something somewhere staged full bleed (cast.py decides, stage.py and
stage_places.py draw), and else a subject hero in a vignette (vignette.py). `illustration` picks the kind from the
prompt's words and frames landscapes full-bleed or in a circle, arch or rounded window.
"""

from __future__ import annotations

from artboard.colors import contrast_ratio
from artboard.composer import shapes
from artboard.composer.arrange import illustration_mode
from artboard.composer.canvas import Node, circle_d, num, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import synthwave, tabletop, tattoo
from artboard.composer.recipes.graphics.cast import plan_stage, wants_stage
from artboard.composer.recipes.graphics.common import Box, has_word, readable, title_block
from artboard.composer.recipes.graphics.creature import PLACED, add_creature
from artboard.composer.recipes.graphics.editorial import editorial_scene
from artboard.composer.recipes.graphics.landscape import landscape_scene, sky_for
from artboard.composer.recipes.graphics.lineart import line_landscape
from artboard.composer.recipes.graphics.stage import stage_scene
from artboard.composer.recipes.graphics.stilllife import still_life
from artboard.composer.recipes.graphics.vignette import STORM_WORDS, hero_vignette
from artboard.composer.recipes.graphics.wrapper import wrapper_scene

_LANDSCAPE = (
    "landscape",
    "mountain",
    "mountains",
    "hills",
    "hill",
    "valley",
    "lake",
    "sunset",
    "sunrise",
    "golden",
    "desert",
    "dunes",
    "canyon",
    "scenery",
    "countryside",
    "field",
    "fields",
    "river",
    "meadow",
    "alps",
    "peaks",
    "peak",
    "vista",
    "horizon",
    "nature",
    "outdoors",
    "hiking",
    "camping",
    "forest",
    "woods",
    "beach",
    "ocean",
    "sea",
    "island",
    "coast",
    "waterfall",
    "sky",
    "night",
    "moon",
    "stars",
    "dusk",
    "dawn",
    "twilight",
    "panorama",
)
_PRODUCT = (
    "bottle",
    "serum",
    "dropper",
    "jar",
    "perfume",
    "fragrance",
    "cologne",
    "skincare",
    "cosmetic",
    "cosmetics",
    "lotion",
    "cream",
    "moisturizer",
    "moisturiser",
    "balm",
    "tube",
    "candle",
    "pedestal",
    "podium",
    "plinth",
    "product",
    "packshot",
    "mockup",
    "still",
    "cleanser",
    "shampoo",
    "soap",
    "essence",
    "oil",
    "toner",
    "lipstick",
    "can",
    "wrapper",
    "candy",
    "chocolate",
    "box",
    "package",
    "packaging",
)
_EDITORIAL = (
    "editorial",
    "conceptual",
    "metaphor",
    "concept",
    "surreal",
    "yorker",
    "abstract",
    "idea",
    "ideas",
    "thought",
    "mind",
    "allegory",
    "op-ed",
    "essay",
    "magazine",
)


# The parts of a landscape its layout name says were drawn, as the manifest's `drawn` records them.
_SCENERY = {
    "mountains": "mountain",
    "hills": "hill",
    "water": "water",
    "night": "moon",
    "city": "city skyline",
    "desert": "desert",
    "dunes": "dune",
    "forest": "forest tree",
    "snow": "snow",
    "sunset": "sunset sun",
    "sunrise": "sunrise sun",
    "field": "field",
    "lake": "lake water",
    "beach": "beach",
}


def note_scenery(ctx: Ctx, name: str) -> None:
    drawn = ctx.info.setdefault("drawn", [])
    for part in name.split("-"):
        if part in _SCENERY:
            drawn.append({"concept": _SCENERY[part], "icon": f"scene:{part}"})


def _names_things(ctx: Ctx) -> bool:
    """Whether the prompt names things besides the scenery (a surfer, a tent, a cyclist) to stand in it."""
    from artboard.composer.reading import is_setting

    return any(
        t.kind in ("thing", "person", "animal")
        and not is_setting(t.noun)
        and t.noun in ctx.brief.subjects
        and t.noun not in _LANDSCAPE
        for t in ctx.brief.things
    )


def _frame(ctx: Ctx, style: str, box: Box) -> str:
    """The window a framed landscape is clipped to: a circle, an arch, a plain or a rounded rectangle."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if style == "circle":
        r = min(w, h) / 2
        return circle_d((x0 + x1) / 2, (y0 + y1) / 2, r)
    if style == "arch":
        aw = min(w, h * 0.78)
        ax0 = (x0 + x1) / 2 - aw / 2
        r = aw / 2
        return f"M{num(ax0)} {num(y1)}V{num(y0 + r)}A{num(r)} {num(r)} 0 0 1 {num(ax0 + aw)} {num(y0 + r)}V{num(y1)}Z"
    if style == "rect":
        return rect_d(x0, y0, w, h)
    return rect_d(x0, y0, w, h, min(w, h) * 0.04)


def _kind(ctx: Ctx) -> str:
    """wrapper, still-life, editorial, landscape or (the catch-all) hero, by the prompt's words."""
    b = ctx.brief
    if b.texts and has_word(ctx, "wrapper", "candy", "chocolate", "snack", "package", "packaging", "bar", "box"):
        return "wrapper"
    if tabletop.wanted(ctx):
        return "tabletop"  # "ramen with a soft-boiled egg on a wooden table": the dish on its surface
    if has_word(ctx, *_PRODUCT) and (
        b.photographic
        or b.has("elegant")
        or has_word(ctx, "still", "pedestal", "podium", "plinth", "product", "campaign", "bottle", "serum", "jar")
    ):
        return "still-life"
    if has_word(ctx, *_EDITORIAL) and not has_word(ctx, "landscape", "mountain", "mountains"):
        return "editorial"
    if has_word(ctx, *_LANDSCAPE) and not (has_word(ctx, *STORM_WORDS) and not has_word(ctx, "night")):
        return "landscape"  # a storm is drawn by the vignette's weather; the landscapes have fair skies
    return "hero"


def _synthwave(ctx: Ctx, art: Node) -> str:
    """The synthwave scene full bleed, its headline in the sky."""
    w, h, m = float(ctx.width), float(ctx.height), ctx.margin
    text = ctx.brief.headline
    band = (m, m, w - m, m + min(w, h) * 0.16)
    synthwave.synthwave_scene(ctx, art.group("scene"), (0.0, 0.0, w, h), clear_top=band[3] if text else 0.0)
    if text:
        title_block(ctx, art, band, (255, 244, 252), align="center")
    return "synthwave-bleed"


def _fireworks_show(ctx: Ctx) -> bool:
    """Fireworks are the picture ("a fireworks show over the lake"), not a thing someone holds or a figure's."""
    from artboard.composer.recipes.layouts import poster_fireworks

    people = any(t.kind == "person" for t in ctx.brief.things)
    return poster_fireworks.wanted(ctx) and not people and ctx.scheme.background is not None


def illustration(ctx: Ctx) -> str:
    """The illustration recipe (and the fallback): one scene of the kind the prompt suggests, with its headline."""
    b, s, rng = ctx.brief, ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    art = ctx.canvas.group("illustration")
    kind = _kind(ctx)
    if b.design_type == "illustration" and _fireworks_show(ctx):
        from artboard.composer.recipes.layouts import poster_fireworks
        from artboard.composer.recipes.layouts.copy_text import copy_for

        return poster_fireworks.fireworks_poster(ctx, copy_for(ctx))  # bursts in the night sky, not one glyph
    if tattoo.wanted(ctx):
        return tattoo.tattoo_flash(ctx, art)  # on the shop's paper, no scenery; the words on a ribbon
    if kind == "wrapper":
        return wrapper_scene(ctx, art)
    if kind == "still-life":
        return still_life(ctx, art)
    if kind == "tabletop":
        return tabletop.tabletop(ctx, art)
    if kind == "editorial":
        return editorial_scene(ctx, art)
    if synthwave.wanted(ctx) and s.background is not None:
        return _synthwave(ctx, art)
    if kind in ("hero", "landscape") and illustration_mode(ctx) == "color" and wants_stage(ctx):
        stage = plan_stage(ctx)
        if stage.actors:  # figures doing something somewhere: the cast on its stage
            return stage_scene(ctx, art, stage)
    if kind == "hero":
        return hero_vignette(ctx, art)
    # Landscapes: full bleed, or inside a circle/arch window on the ground colour.
    m = ctx.margin
    text = b.headline
    line = b.has("line")
    transparent = s.background is None
    framed = transparent or line or (b.has("minimal") and rng.random() < 0.7) or rng.random() < 0.3
    text_h = min(w, h) * 0.14 if text else 0.0
    if framed:
        squarish = 0.78 < w / (h - text_h) < 1.3
        if squarish:
            style = rng.choice(["circle", "arch", "rounded"]) if not line else rng.choice(["circle", "arch", "circle"])
        elif w > h:
            style = rng.choice(["rounded", "open"]) if line else "rounded"
        else:
            style = rng.choice(["arch", "rounded"])
        inner = (m * 1.2, m * 1.2, w - m * 1.2, h - m * 1.2 - text_h)
        fw, fh = inner[2] - inner[0], inner[3] - inner[1]
        if style == "circle":
            side = min(fw, fh)
            inner = ((w - side) / 2, inner[1] + (fh - side) / 2, (w + side) / 2, inner[1] + (fh + side) / 2)
        elif style == "arch":
            aw = min(fw, fh * 0.8)
            inner = ((w - aw) / 2, inner[1], (w + aw) / 2, inner[3])
        frame_d = _frame(ctx, "rect" if style == "open" else style, inner)
        holder = art.group("scene", clip_path=ctx.canvas.clip(frame_d))
    else:
        style = "bleed"
        inner = (0.0, 0.0, w, h)
        frame_d = rect_d(0, 0, w, h)
        holder = art.group("scene")
    if line:
        ink = s.ink
        accent = s.accent if contrast_ratio(s.accent, s.ground) > 1.8 else ink
        name = line_landscape(ctx, holder, inner, ink, accent, open_ends=style == "open")
        note_scenery(ctx, name)
        weight = max(2.0, ctx.short * 0.006)
        if style != "open":
            art.path(shapes.stroke_outline(frame_d, weight), ink)
    else:
        clear_top = (m + min(w, h) * 0.17) if (text and style == "bleed") else 0.0
        name, lines = landscape_scene(ctx, holder, inner, clear_top=clear_top)
        note_scenery(ctx, name)
        sky_night = "night" in name
        if has_word(ctx, *PLACED) or _names_things(ctx):
            who = add_creature(ctx, holder if framed else art, sky_night, lines)
            if who:
                name += f"-{who}"
    if text:
        if style == "bleed":
            band = (m, m, w - m, m + min(w, h) * 0.16)
            title_ink = readable(sky_for(ctx, 2).sky[0], [s.ink, s.ground, s.on_primary])
            title_block(ctx, art, band, title_ink, align="center")
        else:
            title_block(ctx, art, (m, h - m - text_h * 0.85, w - m, h - m), s.ink, align="center")
    return f"{name}-{style}"
