"""Icon sets: a grid of glyphs in one look, either exactly the items a prompt lists ("…for a recipe app: knife,
whisk, timer") or, with no list, distinct glyphs around its theme. Each listed item is looked up as a designer
would (composer/icon_lookup.py); a stand-in for an item no glyph draws is said in the manifest.
"""

from __future__ import annotations

import math
import re

from artboard.colors import RGB, contrast_ratio, shade_to_contrast
from artboard.composer import brands, icons
from artboard.composer.canvas import rect_d
from artboard.composer.colour_words import colour_value, natural_colour
from artboard.composer.context import Ctx
from artboard.composer.icon_lookup import LOOK_WORDS, Look, Member, base_name, find_member, stand_in
from artboard.composer.words import file
from artboard.oklab import delta_e_ok

_DATA = file("lexicon")
_LINE_WORDS = _DATA.word_set("icon_set.line_words")
_FILL_WORDS = _DATA.word_set("icon_set.fill_words")
_DUOTONE_WORDS = _DATA.word_set("icon_set.duotone_words")
_READABLE = 2.0  # contrast a glyph needs on its tile: orange on cream reads, navy on navy does not
_LIST_RE = re.compile(r"\(([^()]*,[^()]*)\)")
_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&|/)\s*")

__all__ = [
    "Look",
    "Member",
    "base_name",
    "colour_members",
    "draw_grid",
    "find_member",
    "listed_members",
    "set_look",
    "stand_in",
]


def set_look(prompt: str, styles: frozenset[str]) -> Look:
    """How the set is drawn: duotone (two tones), fill (solid glyphs) or line (outline glyphs, the default)."""
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)?", prompt.lower()))
    if words & _DUOTONE_WORDS or "two_color" in styles:
        return "duotone"
    if (words & _FILL_WORDS or {"flat", "bold"} & styles) and not (words & _LINE_WORDS or "line" in styles):
        return "fill"
    return "line"


_COLOUR_WORDS = frozenset(
    "colorful colourful multicolor multicolour multicolored multicoloured emoji full-color full-colour".split()
)


def wants_colour(prompt: str) -> bool:
    """ "flat colour icons", "colorful icons", "emoji-style icons": each thing in its own colours."""
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)?", prompt.lower()))
    if words & (_LINE_WORDS | _DUOTONE_WORDS):
        return False
    hues = {"colour", "color", "colours", "colors", "colored", "coloured"}
    return bool(words & _COLOUR_WORDS) or bool({"flat", "full"} & words and hues & words)


def colour_members(ctx: Ctx) -> list[Member] | None:
    """Colour art for every listed item when the prompt asks for colour and the palette is free; None when one
    item has no colour picture of itself (the set stays one family of glyphs rather than mixing two looks)."""
    from artboard.composer.arrange import illustration_mode
    from artboard.composer.noun_icons import resolve

    if not wants_colour(ctx.brief.prompt) or illustration_mode(ctx) != "color":
        return None
    out: list[Member] = []
    for item, noun in _members_named(ctx):
        hit = resolve(noun, "color", literal=True)
        if hit is None or hit[0].mode != "color" or any(m.icon.key == hit[0].key for m in out):
            return None
        out.append(Member(item, hit[0], hit[1]))
    return out if len(out) >= 2 else None


def _members_named(ctx: Ctx) -> list[tuple[str, str]]:
    """(item as listed, the thing it names) for each listed item that is not a word about the set's look."""
    from artboard.composer.reading import read

    out: list[tuple[str, str]] = []
    items = listed_items(ctx)
    for k, item in enumerate(items):
        # "…, vet, filled, orange": after a word about the look, a colour that is also a fruit is the colour.
        coloured = k > 0 and _is_look(items[k - 1]) and colour_value(item) is not None
        if not _is_look(item) and not coloured:
            things = read(item).things
            out.append((item, things[-1].noun if things and things[-1].noun else item.lower().strip()))
    return out


def listed_items(ctx: Ctx) -> list[str]:
    """The items the prompt lists: the brief's, or a list in brackets ("8 icons (cart, heart, search) in…")."""
    items = list(ctx.brief.items)
    if len(items) < 2:
        m = _LIST_RE.search(ctx.brief.prompt)
        if m:
            items = [p.strip(" .") for p in _SPLIT_RE.split(m.group(1)) if p.strip(" .")]
    return items[:16]


def _is_look(item: str) -> bool:
    """ "teal line icons", "in a consistent outline style", "blue": how the set looks, not a member of it."""
    from artboard.composer.colour_words import find_colours

    text = item.lower()
    for m in sorted(find_colours(item), key=lambda m: -m.start):
        if not m.thing:
            text = text[: m.start] + " " + text[m.end :]
    rest = [w for w in re.findall(r"[a-z]+", text) if w not in ("a", "an", "the", "in", "with", "of")]
    return not rest or all(w in LOOK_WORDS for w in rest)


def _stood_for(member: Member) -> tuple[str, ...]:
    return (member.concept, member.icon.name.split("-")[0])


def listed_members(ctx: Ctx, look: Look) -> tuple[list[Member], list[str]]:
    """One glyph for each listed item, in order, and what the manifest must say: items no glyph draws, and
    stand-ins with what they were drawn as. Items drawn as themselves take their glyphs first, so a stand-in
    never takes the glyph another item names (a stapler drawn as the paperclip the list also has)."""

    items = _members_named(ctx)
    found: dict[int, Member] = {}
    # Two or more brands said plainly make a list of brands: its "twitter" is the bird's logo, not a chirp.
    among_brands = sum(brands.slug_for(item) is not None for item, _ in items) >= 2

    def taken() -> frozenset[str]:
        # Glyphs other items have, and what stand-ins stand for: a second utensils glyph adds nothing.
        return frozenset(
            k for m in found.values() for k in (m.icon.key, base_name(m.icon), *(_stood_for(m) if m.stand_in else ()))
        )

    for i, (item, noun) in enumerate(items):
        member = find_member(item, noun, look, taken(), among_brands=among_brands)
        if member is not None and not member.stand_in:
            found[i] = member
    for i, (item, noun) in enumerate(items):
        if i not in found:
            member = find_member(item, noun, look, taken(), among_brands=among_brands) or stand_in(
                item, noun, look, taken()
            )
            if member is not None and member.stand_in and member.concept in taken():
                member = None
            if member is not None:
                found[i] = member
    chosen: list[Member] = []
    left_out: list[str] = []
    for i, (item, _noun) in enumerate(items):
        member = found.get(i)
        if member is None:
            left_out.append(item)
            continue
        chosen.append(Member(item, member.icon, member.concept, member.stand_in))
        if member.stand_in:
            left_out.append(f"{item} (no glyph draws it: drawn as {member.concept})")
    return chosen, left_out


def glyph_colours(ctx: Ctx, under: RGB) -> list[RGB]:
    """The colours a glyph may take on `under` (its tile or the ground): the scheme's that read on it, primary
    and accent alternating when both do, else the one that reads best."""
    s = ctx.scheme
    readable = [c for c in (s.primary, s.accent, s.secondary) if contrast_ratio(c, under) >= _READABLE]
    readable = list(dict.fromkeys(readable))[:2]
    if readable:
        return readable
    return [max((s.primary, s.accent, s.secondary, s.ink, s.on_primary), key=lambda c: contrast_ratio(c, under))]


def draw_grid(ctx: Ctx, glyphs: list[icons.Icon], look: Look) -> str:
    """The glyphs in a grid centred on the canvas, the last row centred too; one tile style and one colour
    rule for all, so the set reads as one family."""
    s = ctx.scheme
    w, h = ctx.width, ctx.height
    n = len(glyphs)
    cols = 2 if n <= 4 else 3 if n in (5, 6, 9) else 4  # eight glyphs are two rows of four, not 3 + 3 + 2
    if w >= h * 1.2:  # a wide canvas takes the set in fewer rows
        cols = min(n, max(cols, math.ceil(n / 2)))
    # ...and a long one the grid whose cells are largest (four on a 2:1 banner in one row, not a small square)
    aw, ah = w - 2 * ctx.margin, h - 2 * ctx.margin
    cell_of = {c: min(aw / c, ah / math.ceil(n / c)) for c in range(1, n + 1)}
    best = max(cell_of.values())
    if max(w, h) >= min(w, h) * 1.2 and cell_of[cols] < best * 0.97:
        cols = min((c for c in cell_of if cell_of[c] >= best * 0.97), key=lambda c: abs(c - cols))
    rows = math.ceil(n / cols)
    cell = min((w - 2 * ctx.margin) / cols, (h - 2 * ctx.margin) / rows)
    y0 = (h - cell * rows) / 2
    art = ctx.canvas.group("icon-set")
    tiles = look == "duotone" or ctx.rng.random() < 0.6
    ground = s.ground
    if look == "duotone":
        # Two tones: the glyphs in the colour that reads best on the ground, their tiles in the other colour (or
        # the glyphs' own, where the other vanishes into the ground) mixed well into the ground.
        ink = glyph_colours(ctx, ground)[0]
        others = [c for c in (s.accent, s.primary, s.secondary) if c != ink and contrast_ratio(c, ground) >= 1.6]
        tone = others[0] if others else ink
        tile_colour = _tint(tone, ground, 0.28)
        if contrast_ratio(ink, tile_colour) < 2.5:
            tile_colour = _tint(tone, ground, 0.16)
        colours = [ink]
    else:
        tile_colour = s.surface
        if contrast_ratio(tile_colour, ground) < 1.08:
            tile_colour = _tint(s.primary, ground, 0.18)
        colours = glyph_colours(ctx, tile_colour if tiles else ground)
        named = [c for c in ctx.brief.colors if contrast_ratio(c, ground) >= 1.4]
        if named and not set(colours) & set(named):
            # "sky blue and yellow": the colours asked for carry the glyphs, on the bare ground if no tile lets
            # them read (a yellow sun on a pale tile vanishes).
            tiles = False
            colours = list(dict.fromkeys(named))[:2]
    said: list[RGB] = []
    if len(ctx.brief.design_colors) >= 2 and not s.constrained and look != "duotone":
        # "blue and yellow": both colours carry glyphs, each where it is the thing's own (a yellow sun, blue rain),
        # a light one deepened just enough to show on the ground.
        said = [shade_to_contrast(c, tile_colour if tiles else ground, 1.4) for c in ctx.brief.design_colors[:3]]
        colours = said
    bright: list[RGB] = []
    if wants_colour(ctx.brief.prompt) and not s.constrained and len(ctx.brief.design_colors) < 2:
        from artboard.composer.colour_words import mood_palette

        bright = list(mood_palette("vibrant") or ())[:5]
    for i, glyph in enumerate(glyphs):
        row, col = divmod(i, cols)
        in_row = min(cols, n - row * cols)
        x0 = (w - cell * in_row) / 2
        cx = x0 + cell * (col + 0.5)
        cy = y0 + cell * (row + 0.5)
        if tiles:
            r = cell * (0.5 if look == "duotone" else 0.18)
            art.path(rect_d(cx - cell * 0.4, cy - cell * 0.4, cell * 0.8, cell * 0.8, min(r, cell * 0.4)), tile_colour)
        # One ink for the family; every third glyph in a second only where two colours were asked for.
        colour = colours[-1] if i % 3 == 0 and len(ctx.brief.design_colors) >= 2 else colours[0]
        usual = natural_colour(glyph.name.replace("-", " ").removesuffix(" fill")) if len(said) >= 2 else None
        if usual is not None:
            colour = min(
                said, key=lambda c: delta_e_ok(c, usual)
            )  # "blue and yellow: sun, rain": the sun is the yellow
        if bright:
            # "flat colorful" where not every item has colour art: each glyph in a colour of its own, its
            # natural one where it has one (a yellow sun), else the next of a vivid palette.
            own = natural_colour(glyph.name.replace("-", " ").removesuffix(" fill"))
            colour = shade_to_contrast(own or bright[i % len(bright)], tile_colour if tiles else ground, 2.2)
        # On a bare ground the glyph takes the room a tile would have framed.
        ctx.draw_icon(art, glyph, cx, cy, cell * (0.42 if tiles else 0.52), colour, name=f"icon-{i}")
        ctx.info.setdefault("icons", []).append(glyph.key)
    return f"icon-set-{cols}x{rows}"


def _tint(colour: RGB, ground: RGB, amount: float) -> RGB:
    """`colour` mixed into the ground: a tile that carries the second tone yet stays behind the glyph."""
    mixed = tuple(round(g + (c - g) * amount) for c, g in zip(colour, ground, strict=True))
    return (mixed[0], mixed[1], mixed[2])
