"""The sticker recipe: the words it sets (only the brief's), the subject symbol and a companion ("cat drinking
coffee", "cactus in a pot"), the family and inks, and which layout draws it (see sticker_layouts)."""

from __future__ import annotations

import contextlib
import re

from artboard.composer import icons
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _Inks, _sticker_inks
from artboard.composer.recipes.badges.common import _Art, _mix_seed
from artboard.composer.recipes.badges.lettering import _choose_family, _style_faces
from artboard.composer.recipes.badges.sticker_layouts import (
    _bubble_sticker,
    _circle_sticker,
    _diecut_sticker,
    _label_sticker,
    _word_sticker,
    sunset_sticker,
)
from artboard.composer.recipes.badges.symbols import _find_symbol, _stem, _symbol_queries
from artboard.errors import NotFound

_STICKER_FACES = ("fredoka", "righteous", "archivo-black", "alfa-slab-one", "unbounded")
_STICKER_ORDER = ("playful", "retro", "vintage", "hand_drawn", "bold", "minimal", "elegant", "tech")
_STICKER_BY_STYLE: dict[str, tuple[str, ...]] = {
    "playful": ("fredoka", "righteous"),
    "retro": ("righteous", "alfa-slab-one"),
    "vintage": ("alfa-slab-one", "abril-fatface"),
    "hand_drawn": ("permanent-marker", "fredoka"),
    "minimal": ("montserrat", "dm-sans"),
    "bold": ("archivo-black", "anton"),
    "elegant": ("dm-serif-display", "playfair-display"),
    "tech": ("space-grotesk", "unbounded"),
}


_SUNSETS = frozenset({"sunset", "sunrise"})
_WORD_RE = re.compile(
    r"\b(?:the\s+)?(?:words?|text|phrase|lettering)\s+[\"'“]?((?:[A-Z0-9][A-Za-z0-9!?'&\-]*)"
    r"(?:\s+[A-Z0-9][A-Za-z0-9!?'&\-]*){0,3})"
)


def _sticker_text(ctx: Ctx) -> str | None:
    b = ctx.brief
    if b.headline:
        return b.headline
    m = _WORD_RE.search(b.prompt)
    return m.group(1).strip() if m else None


def _companion(ctx: Ctx, icon: icons.Icon, used: str, queries: list[str]) -> icons.Icon | None:
    """A second, smaller symbol from another subject of the brief, never from a word of the main subject's own
    phrase. Notes in ctx.info when the main subject sits in the companion (a cactus in a pot)."""
    phrase = next((sub for sub in ctx.brief.subjects if used in sub or sub in used), used)
    words = phrase.split()
    # "cat drinking coffee": what follows the verb is a second subject; "pizza slice" is one thing
    verb = next((i for i, w in enumerate(words) if w.endswith("ing") and len(w) > 4), None)
    own = words[:verb] if verb is not None else words
    taken = set(own) | set(used.split()) | {phrase, used} | ({words[verb]} if verb is not None else set())
    rest = [q for q in queries if q not in taken and not set(q.split()) <= taken]
    if not rest:
        return None
    second, used2 = _find_symbol(
        ctx, prefer_outline=True, queries=rest[:3], good=1.3, floor=9.0, exclude=(icon.key,), record=False
    )
    if second is None or {_stem(w) for w in second.name.split("-")} & {_stem(w) for w in icon.name.split("-")}:
        return None
    ctx.info.setdefault("icons", []).append(second.key)
    if used2:
        lower = " ".join(re.findall(r"[a-z]+", ctx.brief.prompt.lower()))
        inside = re.search(
            r"\b(?:in|inside|into|on|on top of|out of)\s+(?:a|an|the|its|his|her)?\s*" + re.escape(used2.split()[0]),
            lower,
        )
        if inside and ctx.brief.prompt.lower().find(phrase.split()[0]) < inside.start():
            ctx.info["sticker_relation"] = "in"
    return second


def _round_asked(ctx: Ctx) -> bool:
    """ "a circle sticker", "a round sticker", "… in a circle": the sticker's outline is a disc."""
    return bool(ctx.brief.words & {"circle", "round", "circular"}) and not ctx.brief.words & {"die", "diecut"}


def _colour_sticker(ctx: Ctx, text: str | None) -> str | None:
    """A die-cut sticker of the named things in flat colour art, arranged in their relation; None when the brief
    asks for line art or few inks, or nothing named has colour art."""
    from artboard.composer.arrange import illustration_mode, plan_group

    if illustration_mode(ctx) != "color" or ctx.scheme.constrained:
        return None
    group = plan_group(ctx, "color")
    if not group.placed:
        return None
    inks = _sticker_inks(ctx)
    art = _Art()
    if _round_asked(ctx) or (
        ctx.rng.random() < 0.3 and len(group.placed) == 1 and group.placed[0].icon.mode == "color"
    ):
        layout = _circle_sticker(ctx, art, inks, None, None, text, group=group)
    else:
        layout = _diecut_sticker(ctx, art, inks, None, None, text, group=group)
    art.emit(ctx.canvas.group("sticker"))
    finish = ctx.info.pop("sticker_finish", "")
    return f"sticker-{layout}-colour" + (f"-{finish}" if finish else "")


_PIN_RE = re.compile(r"\b(?:enamel(?:l?ed)?|lapel|cloisonn[eé]) pins?\b", re.I)
_GOLD, _GOLD_EDGE, _SILVER, _SILVER_EDGE = (214, 168, 62), (120, 84, 22), (196, 200, 208), (96, 102, 114)


def enamel_pin(ctx: Ctx) -> str | None:
    """ "an enamel pin of a cactus wearing sunglasses": the named things in flat enamel colours inside a thin
    rim of gold (silver when said), cut to their shape, the words on a plate of the same metal. None when the
    prompt asks for no pin or nothing named has colour art."""
    from artboard.composer.arrange import plan_group

    if not _PIN_RE.search(ctx.brief.prompt) or ctx.scheme.constrained:
        return None
    group = plan_group(ctx, "color")
    if not group.placed:
        return None
    silver = bool(ctx.brief.words & {"silver", "chrome", "nickel"})
    metal, edge = (_SILVER, _SILVER_EDGE) if silver else (_GOLD, _GOLD_EDGE)
    inks = _Inks(border=metal, line=edge, fill=metal, fill2=metal, text=edge, shadow=edge)
    art = _Art()
    text = _sticker_text(ctx)
    layout = _diecut_sticker(ctx, art, inks, None, None, text, group=group, metal=True)
    art.emit(ctx.canvas.group("pin"))
    ctx.info.pop("sticker_finish", None)
    return f"pin-{layout}-{'silver' if silver else 'gold'}"


def sticker(ctx: Ctx) -> str:
    _mix_seed(ctx, "sticker")
    text = _sticker_text(ctx)
    _choose_family(ctx, _style_faces(ctx, _STICKER_ORDER, _STICKER_BY_STYLE, _STICKER_FACES), len(text or ""))
    if ctx.brief.words & _SUNSETS and not ctx.brief.has("line"):
        # "a retro sunset sticker with a palm tree", "a surfer at sunset": the striped sun is the sticker; the
        # rest stands before it, one silhouette (never a composite mark of it and a sun glyph).
        others = [x for x in ctx.brief.subjects if x not in _SUNSETS]
        ctx.mark = False
        figure = ctx.pick_icon(others[0], mode="fill") if others else None
        if figure is not None and figure.set == "ph" and not figure.name.endswith("-fill"):
            with contextlib.suppress(NotFound):  # a silhouette, not an outline drawn thick
                figure = icons.get_icon(f"ph:{figure.name}-fill")
                ctx.info["icons"][-1] = figure.key
        art = _Art()
        layout = sunset_sticker(ctx, art, _sticker_inks(ctx), figure, text)
        art.emit(ctx.canvas.group("sticker"))
        return f"sticker-{layout}-{ctx.info.pop('sticker_finish', '')}".rstrip("-")
    coloured = _colour_sticker(ctx, text)
    if coloured is not None:
        return coloured
    text_words = {w.lower() for w in re.findall(r"[A-Za-z]+", text or "")}
    # the words are set as type: they do not also pick the symbol
    queries = [q for q in _symbol_queries(ctx) if not text or q.lower() not in text_words]
    icon, used = _find_symbol(ctx, prefer_outline=True, queries=queries)
    second = _companion(ctx, icon, used, queries) if icon is not None and used else None
    if icon is None and not text:
        icon, _ = _find_symbol(ctx, prefer_outline=True, queries=["star"])
    inks = _sticker_inks(ctx)
    rng = ctx.rng
    if icon is not None and text:
        variant = rng.choices(["diecut", "circle", "label"], weights=[0.5, 0.25, 0.25])[0]
    elif icon is not None:
        variant = rng.choices(["diecut", "circle"], weights=[0.62, 0.38])[0]
    else:
        variant = rng.choices(["words", "bubble", "label"], weights=[0.5, 0.25, 0.25])[0]
    if icon is not None and _round_asked(ctx):
        variant = "circle"
    if variant == "circle" and ctx.brief.words & {"die", "diecut"}:
        variant = "diecut"
    art = _Art()
    if variant == "diecut":
        layout = _diecut_sticker(ctx, art, inks, icon, second, text)
    elif variant == "circle":
        layout = _circle_sticker(ctx, art, inks, icon, second, text)
    elif variant == "label":
        layout = _label_sticker(ctx, art, inks, icon, text or "")
    elif variant == "bubble":
        layout = _bubble_sticker(ctx, art, inks, text or "")
    else:
        layout = _word_sticker(ctx, art, inks, text or "")
    art.emit(ctx.canvas.group("sticker"))
    finish = ctx.info.pop("sticker_finish", "")
    ctx.info.pop("sticker_relation", None)
    return f"sticker-{layout}" + (f"-{finish}" if finish else "")
