"""A designer's lookup of the glyph for one named thing, beyond the raw search (composer/icons.py): the glyph
named for the whole phrase ("palm tree"), else for its head or its telling word ("heart wishlist" → heart,
"truck delivery" → truck), else the lexicon's picture of the word or a synonym WordNet gives ("fish tank" →
aquarium); only when none exists a related drawable thing stands in (a tripod → the camera), and the caller says
so. A glyph must still be near the thing it stands for, so a generic head noun never draws a stranger
("surfboard" is no circuit board, "tripod" no towel rack, "rings" no phone ringing).

Used by icon sets (recipes/icon_set.py) for every listed item, and by Ctx.pick_icon when the search is unsure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from artboard.composer import brands, icons, wordnet
from artboard.composer.lexicon import LEXICON, STYLE_WORDS
from artboard.composer.words import file

# "strict-line": line art only, for a recipe that asked for lines (a style's line weight must reach them).
Look = Literal["line", "fill", "duotone", "strict-line"]
_DATA = file("lexicon")
# What an item stands in for, where no set draws it and WordNet's next word up is no picture of it.
STAND_INS: dict[str, str] = _DATA.string_map("icon_set.stand_ins")
# Words that say how a set looks ("teal line icons", "in a consistent outline style"), never a member of it.
LOOK_WORDS = _DATA.word_set("icon_set.look_words")

_SURE = 1.3  # a search score only a literal name or the lexicon earns
_CLEAR = 1.2  # a search score that says the lexicon or a name drew the thing
_NAMED = 0.85  # an icon named for the word, ranked this high for it, draws it
_NEAR = 0.3  # how close to the item a stand-in must still score
_NEAR_SYNONYM = 0.45  # a WordNet synonym in another sense ("leash": lead) is no picture of the item
_PHYSICAL = frozenset(
    "noun.artifact noun.object noun.food noun.animal noun.plant noun.body noun.substance noun.phenomenon".split()
)
_SET_RANK: dict[str, dict[str, int]] = {
    "line": {"lucide": 0, "ab": 0, "ph": 1, "mdi": 2},
    "fill": {"mdi": 0, "ab": 1, "ph": 1, "fe": 2},
    "duotone": {"mdi": 0, "ab": 1, "ph": 1, "fe": 2},
    "strict-line": {"lucide": 0, "ab": 0, "ph": 1, "mdi": 2},
}


@dataclass(frozen=True, slots=True)
class Member:
    item: str  # as the prompt lists it
    icon: icons.Icon
    concept: str  # what the glyph draws
    stand_in: bool = False  # a related thing, said in the manifest


def in_look(icon: icons.Icon, look: Look) -> bool:
    if look == "strict-line":
        return icons.is_line_art(icon)
    if look == "line":
        return icons.is_line_art(icon) or icon.name.endswith("-outline")
    return not icons.is_line_art(icon) and not icon.name.endswith("-outline")


def _lemmas(text: str) -> set[str]:
    return {icons.lemma(w) for w in re.split(r"[-\s]+", text.lower()) if w}


def _tag_lemmas(icon: icons.Icon) -> set[str]:
    return {w for tag in icon.tags[:16] for w in _lemmas(tag)}


def _named(icon: icons.Icon, word: str) -> bool:
    """Whether the icon's name says the word (all of its words, for a phrase)."""
    return _lemmas(word) <= _lemmas(icon.name)


def _search(query: str, look: Look, k: int = 16) -> list[tuple[icons.Icon, float]]:
    """Glyphs for the query, those in the set's look first (a right glyph in another look beats none)."""
    from artboard.composer.noun_icons import DEV_GLYPH

    found = [(ic, s) for ic, s in icons.find_icons(query, k=k) if not DEV_GLYPH.search(ic.name)]
    found += [
        (ic, s)
        for ic, s in icons.find_icons(query, k=k, mode="stroke" if look in ("line", "strict-line") else "fill")
        if not DEV_GLYPH.search(ic.name) and all(ic.key != f.key for f, _ in found)
    ]
    if look == "strict-line":
        found = [f for f in found if in_look(f[0], look)]
    return sorted(found, key=lambda f: (not in_look(f[0], look), -f[1], f[0].key))


def _variant_free(icon: icons.Icon) -> bool:
    from artboard.composer.recipes.graphics.common import VARIANT_RE

    return not VARIANT_RE.search(icon.name)


def base_name(icon: icons.Icon) -> str:
    """An icon's name without its style words: "camera-outline" and "ph:camera" are both the camera."""
    return " ".join(sorted(_lemmas(icon.name) - STYLE_WORDS))


def _taken(icon: icons.Icon, avoid: frozenset[str]) -> bool:
    """Whether another item already has this glyph, in any set or style (`avoid` holds keys and base names)."""
    return icon.key in avoid or base_name(icon) in avoid


def _extra_words(icon: icons.Icon, query: str) -> int:
    """How many words the icon's name has beyond the query's ("hand-coin" for coins: 1; "coins-fill": 0)."""
    return len(_lemmas(icon.name) - _lemmas(query) - STYLE_WORDS)


def _same_thing(icon: icons.Icon, query: str) -> bool:
    """Whether the glyph's name is the thing itself ("ring", "cart-outline") or a kind of it ("shopping-cart"),
    not another thing that bears the word ("phone-ring", "bell-ring")."""
    if _extra_words(icon, query) == 0:
        return True
    phrase = " ".join(w for w in icon.name.split("-") if w not in STYLE_WORDS)
    return wordnet.is_a(phrase, query.split()[-1])


def _best_named(
    query: str, look: Look, *, whole: str | None = None, avoid: frozenset[str] = frozenset()
) -> icons.Icon | None:
    """The glyph named for `query`, in the look when one is (plainest first), that the search ranks close; with
    `whole`, searched as the whole item, whose other words its tags or name must say ("return arrow": an arrow
    tagged return)."""
    hits = [
        (ic, s)
        for ic, s in _search(whole or query, look)
        if _named(ic, query)
        and s >= _NAMED
        and not _taken(ic, avoid)
        and (whole is None or _lemmas(whole) <= _lemmas(ic.name) | _tag_lemmas(ic))
    ]
    if not hits:
        return None
    # A glyph that is the thing (a ring; a shopping cart is a cart) before one that only bears its word (a
    # phone ringing), even in the other look: the right thing in another style beats a wrong one in the set's.
    same = [h for h in hits if _same_thing(h[0], query)] or hits
    looking = [h for h in same if in_look(h[0], look)] or same
    top = max(s for _, s in looking)
    close = [h for h in looking if h[1] >= top - 0.15]  # sets differ in how their names and tags score
    # Plainest first; in a line set, a glyph drawn in lines (Lucide, Phosphor) before MDI's outlined shapes.
    return min(
        close,
        key=lambda h: (
            not _variant_free(h[0]),
            _extra_words(h[0], query) > 1,
            _SET_RANK[look].get(h[0].set, 3),  # one family across the set where it can: Lucide's lines, MDI's shapes
            _extra_words(h[0], query),
            len(h[0].name),
            h[0].key,
        ),
    )[0]


def _sure(query: str, look: Look, avoid: frozenset[str] = frozenset(), least: float = _SURE) -> icons.Icon | None:
    """The search's sure answer: the lexicon knows the word ("like" → a heart or thumb up)."""
    found = _search(query, look, k=6)
    sure = [f for f in found if in_look(f[0], look) and f[1] >= least and not _taken(f[0], avoid)]
    return sure[0][0] if sure else None


def _near(item: str, icon: icons.Icon) -> float:
    """How the search ranks `icon` for the item itself: a stand-in far from the item is a stranger."""
    for ic, score in icons.find_icons(item, k=400):
        if ic.key == icon.key:
            return score
    return 0.0


def _synonyms(noun: str) -> list[str]:
    senses = [s for s in wordnet.senses(noun)[:2] if s.lexname in _PHYSICAL]
    return [lemma for sense in senses[:1] for lemma in sense.lemmas if lemma != noun][:4]


def physical(noun: str) -> bool:
    """Whether the word names a thing one could draw (a cage, a mat), not an idea (a wishlist, a delivery)."""
    forms = {noun, icons.lemma(noun)}  # ("devices": a device, whatever "one's own devices" are)
    return any(lexname in _PHYSICAL for said in forms for lexname in wordnet.lexnames(said, 2))


def find_member(
    item: str, noun: str, look: Look, avoid: frozenset[str] = frozenset(), *, among_brands: bool = False
) -> Member | None:
    """The glyph for one listed item (see the module docstring), or None when nothing draws it or stands in.
    Glyphs in `avoid` are taken by other items; `among_brands`: the list names brands ("… youtube, twitter")."""
    mark = brands.brand_icon(item, among_brands=among_brands) or brands.brand_icon(noun, among_brands=among_brands)
    if mark is not None:
        return Member(item, mark, noun)  # "instagram, facebook, youtube": the brands' own marks
    words = noun.split()
    if len(words) > 1 and noun in LEXICON:
        # a phrase the lexicon knows ("gift box", "recycling arrows") is drawn as it says, not by its head (a box)
        targets = LEXICON[noun]
        # its targets read in pairs first: "heart pulse" is one glyph (a heart with a pulse), not a heart
        for target in [" ".join(pair) for pair in itertools.pairwise(targets)] + list(targets):
            found = _best_named(target, look, avoid=avoid)
            if found is not None:
                return Member(item, found, target)
    # The whole phrase: a glyph named for it, or for its head and tagged with the rest ("user profile").
    icon = _best_named(noun, look, avoid=avoid) or (
        _best_named(words[-1], look, whole=noun, avoid=avoid) if len(words) > 1 else None
    )
    if icon is not None and not _same_thing(icon, noun):
        # Only a glyph with more in its name ("bell-sleep" for sleep): the search's clear answer is the picture
        # (a bed), where it has one.
        icon = _sure(noun, look, avoid, _CLEAR) or icon
    if icon is not None:
        return Member(item, icon, noun)
    compound = len(words) > 1 and wordnet.is_noun(noun)
    if len(words) > 1 and not compound:
        # "heart wishlist", "dog bowl": not one thing but a glyph and its meaning; the head, else the telling word.
        for word in [words[-1], *reversed(words[:-1])]:
            if word in LOOK_WORDS:
                continue
            icon = _best_named(word, look, avoid=avoid) or _sure(word, look, avoid)
            if icon is not None:
                # A yoga mat drawn as yoga says less than it was asked: the manifest says so. A wishlist is an idea.
                return Member(item, icon, word, stand_in=word != words[-1] and physical(words[-1]))
    icon = _sure(noun, look, avoid)
    if icon is not None:
        return Member(item, icon, noun)
    for target in LEXICON.get(noun, ()):  # the lexicon's picture of the word ("like" → a heart)
        icon = _best_named(target, look, avoid=avoid)
        if icon is not None:
            return Member(item, icon, target)
    for synonym in _synonyms(noun):  # "fish tank" → aquarium, "frying pan" → skillet
        icon = _best_named(synonym, look, avoid=avoid)
        if icon is not None and _near(noun, icon) >= _NEAR_SYNONYM:
            return Member(item, icon, synonym)
    if compound:
        # "heart rate": a glyph the search ranks high for the phrase that is named for one of its words.
        # A modifier alone draws it only when the head is an idea (a rate), not a thing (a water bottle).
        said = _lemmas(words[-1]) if physical(words[-1]) else _lemmas(noun)
        for ic, score in _search(noun, look, k=8):
            if score >= 1.0 and not _taken(ic, avoid) and said & _lemmas(ic.name) and in_look(ic, look):
                return Member(item, ic, noun)
    return _resolved(item, noun, look, avoid)


def _resolved(item: str, noun: str, look: Look, avoid: frozenset[str]) -> Member | None:
    """The one reading every other design uses (noun_icons.resolve: the lexicon, word senses, hypernyms), in
    the set's look: "gloves" the work glove, a bank "statement" a document. Only the word itself or a synonym
    of it counts: a hypernym's glyph is left to `stand_in`, which names it."""
    from artboard.composer.noun_icons import resolve

    hit = resolve(noun, "stroke" if look in ("line", "strict-line") else "fill")
    if hit is None or not in_look(hit[0], look) or _taken(hit[0], avoid):
        return None
    if hit[1] != noun and hit[1] not in _synonyms(noun):
        return None  # a hypernym's glyph in another sense (a tripod's "rack", a stapler's "machine"): a stranger
    return Member(item, hit[0], hit[1])


def stand_in(item: str, noun: str, look: Look, avoid: frozenset[str] = frozenset()) -> Member | None:
    """A related drawable thing where no glyph draws the item: the stand-in table, then the plain glyph of one
    of WordNet's words above it that the search still ranks near the item (a lantern is a lamp; a tripod's
    "rack" is a towel rack, no picture of it)."""
    table = STAND_INS.get(noun) or STAND_INS.get(item.lower().strip(), "")
    for candidate in (c.strip() for c in table.split(",")):
        icon = _best_named(candidate, look, avoid=avoid) if candidate else None
        if icon is not None:
            return Member(item, icon, candidate, stand_in=True)
    for sense in [s for s in wordnet.senses(noun)[:1] if s.lexname in _PHYSICAL]:
        for hyper in wordnet.hypernyms(sense)[:2]:
            for candidate in hyper.lemmas[:2]:
                icon = _best_named(candidate, look, avoid=avoid)
                if icon is not None and _extra_words(icon, candidate) == 0 and _near(noun, icon) >= _NEAR:
                    # A seashell is a shell: the glyph of the word its name ends with is the thing itself.
                    return Member(item, icon, candidate, stand_in=not noun.endswith(candidate))
    return None
