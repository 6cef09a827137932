"""Colour words in prompts: names, modifiers, hex codes, things that have a colour, and mood palettes.

Data: ``data/colours/names.json`` and ``moods.json``, built by ``tools/build_colour_names.py`` from the xkcd
colour survey, the CSS keywords and a small designer table (the script documents every choice). Rules:

* Longest name wins, each character is read once: "navy blue" over "navy" over "blue"; whole words only ("tan"
  is not read in "tangerine", which is a colour of its own). Hyphens join words ("navy-blue", "sky-blue").
* Modifiers before a name ("deep", "light", "muted"...) are reported in ``modifiers``. When the survey has the
  whole phrase ("light blue", "deep brown") its value is used; otherwise each modifier transforms the colour in
  OKLCH (:func:`apply_modifier`). ``name`` is the base colour ("brown" for "deep brown"), except for the fixed
  compounds in ``_WHOLE`` ("dusty rose").
* "-ish" words ("greenish", "bluish", "green-ish") are the base hue softened: ``modifiers`` ends with "ish".
* "X Y" where Y is a basic colour term and X a colour of that family ("coffee brown", "stone grey") is one
  mention with X's value; "X-Y" of two basic hues ("red-orange") is their OKLab midpoint, unless named.
* Hex codes (#rgb, #rrggbb) and ``rgb(...)`` are mentions with the hex as ``name``.
* ``thing``: the name is also a noun for a thing ("lemon", "sky") and nothing marked it as a colour: a modifier,
  a colour word after it ("lemon tones", "sky-coloured"), a lead-in ("in lemon", "shades of"), a background
  phrase, or a list with a plain colour ("sage and cream"). An article before it ("a lemon") keeps it a thing.
* ``background``: "X background/backdrop", "background in/of/: X", "on X" at the end of a clause ("white text on
  black"). A list ("blue and gold background") shares it. "on grass" can be a place: ``thing`` stays set there.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from coloraide import Color

from artboard.colors import RGB, oklch, parse_css_color, to_hex

__all__ = [
    "MODIFIERS", "ColourMention", "apply_modifier", "colour_value", "find_colours", "mood_palette", "moods_in",
    "natural_colour",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ColourMention:
    text: str  # as written: "deep brown", "navy-blue", "#ff8800"
    name: str  # base colour name ("brown", "dusty rose") or the hex
    rgb: RGB  # after modifiers
    start: int  # character span in the text read
    end: int
    modifiers: tuple[str, ...]  # canonical modifier names in text order, "ish" last for "-ish" words
    thing: bool  # also a noun for a thing and nothing marked it as a colour: the reader decides by grammar
    background: bool  # said as the ground


Lch = tuple[float, float, float]


def _toward(value: float, target: float, share: float) -> float:
    return value + (target - value) * share


def _turn(hue: float, target: float, chroma: float, limit: float = 15.0) -> tuple[float, float]:
    """(chroma, hue) turned toward ``target`` (a third of the way, at most ``limit`` degrees); greys get a tint."""
    if chroma < 0.012:
        return 0.025, target
    diff = (target - hue + 180.0) % 360.0 - 180.0
    return chroma, hue + max(-limit, min(limit, diff / 3.0))


@lru_cache(maxsize=360)
def _cusp(hue: float) -> float:
    """The OKLCH lightness (0.5..0.95) at which sRGB holds the most chroma for ``hue``: where neon colours sit."""
    fitted = [Color("oklch", [n / 100, 0.4, hue]).fit("srgb", method="oklch-chroma", jnd=0.0) for n in range(50, 96, 3)]
    return float(max(fitted, key=lambda c: c["chroma"])["lightness"])


# Each modifier is one small OKLCH move (L 0..1, C chroma, h degrees); results are fitted into sRGB by lowering
# chroma only, so lightness and hue stay as set. Two modifiers compose: "soft pastel pink" = soft(pastel(pink)).
MODIFIERS: dict[str, Callable[[float, float, float], Lch]] = {
    "dark": lambda L, C, h: (max(0.08, L - 0.16), C * 0.9, h),  # clearly darker, a little less chroma
    "deep": lambda L, C, h: (max(0.08, L - 0.12), C * 1.1, h),  # darker and fuller
    "dusky": lambda L, C, h: (max(0.08, L - 0.08), C * 0.7, h),  # dim and greyed
    "rich": lambda L, C, h: (max(0.08, L - 0.05), C * 1.2, h),  # a touch darker, fuller
    "muted": lambda L, C, h: (_toward(L, 0.6, 0.2), C * 0.55, h),  # chroma roughly halved, toward mid-light
    "dusty": lambda L, C, h: (_toward(L, 0.7, 0.3), C * 0.5, h),  # greyed toward a light mid tone
    "soft": lambda L, C, h: (_toward(L, 1.0, 0.2), C * 0.7, h),  # a little lighter and calmer
    "light": lambda L, C, h: (_toward(L, 1.0, 0.4), C * 0.85, h),  # 40 % of the way to white
    "pale": lambda L, C, h: (_toward(L, 0.97, 0.6) if L < 0.97 else L, C * 0.45, h),  # near-white tint
    "pastel": lambda L, C, h: (max(L, 0.87), min(C * 0.5, 0.075), h),  # high-key, low chroma
    "bright": lambda L, C, h: (_toward(L, 0.85, 0.25) if L < 0.85 else L, C * 1.3, h),  # lighter and fuller
    "vivid": lambda L, C, h: (L, C * 1.4, h),  # fuller at the same lightness (gamut permitting)
    "neon": lambda L, C, h: (max(0.55, _cusp(h)), 0.4, h),  # the most chroma sRGB has for the hue
    "metallic": lambda L, C, h: (_toward(L, 0.65, 0.5), C * 0.75, h),  # mid-light, a little desaturated
    "warm": lambda L, C, h: (L, *_turn(h, 60.0, C)),  # hue toward orange; greys get a warm tint
    "cool": lambda L, C, h: (L, *_turn(h, 240.0, C)),  # hue toward blue; greys get a cool tint
}
_ALIASES = {
    "darker": "dark", "deeper": "deep", "lighter": "light", "paler": "pale", "softer": "soft", "brighter": "bright",
    "fluorescent": "neon", "vibrant": "vivid", "saturated": "vivid", "desaturated": "muted", "subdued": "muted",
    "faded": "dusty", "dim": "dusky",
}  # fmt: skip
_WHOLE = frozenset({"dusty rose", "dusky rose"})
# How a colour scheme is printed, said right before its colours ("duotone orange and grey", "matte black"): the
# words after it are colours, never things (an orange).
SCHEME_STYLES = r"duotone|two-tone|monochrome|monochromatic|gradient|flat|matte|glossy|metallic|solid|single-colou?r"
_BASIC = ("green", "blue", "yellow", "red", "orange", "pink", "purple", "brown", "grey", "white", "black")


@dataclass(frozen=True)
class _Vocab:
    names: dict[str, RGB]
    things: frozenset[str]
    natural: dict[str, RGB]
    metallic: dict[str, RGB]
    longest: int
    palettes: dict[str, tuple[RGB, ...]]
    aliases: dict[str, str]
    phrase_only: frozenset[str]


def _rgb(value: str) -> RGB:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


@cache
def _vocab() -> _Vocab:
    folder = resources.files("artboard").joinpath("data", "colours")
    names = json.loads(folder.joinpath("names.json").read_text("utf-8"))
    moods = json.loads(folder.joinpath("moods.json").read_text("utf-8"))
    table = {k: _rgb(v) for k, v in names["names"].items()}
    # A metal the survey has no name for is still a colour said alone ("black and brass"); one that is also a
    # thing ("a brass band") is read as the thing unless said as a colour. Chrome and steel name too much else.
    metals = {k: _rgb(v) for k, v in names["metallic"].items() if k not in table and k not in ("chrome", "steel")}
    table |= metals
    return _Vocab(
        table, frozenset(names["things"]) | frozenset(metals), {k: _rgb(v) for k, v in names["natural"].items()},
        {k: _rgb(v) for k, v in names["metallic"].items()}, max(len(k.split()) for k in table),
        {k: tuple(_rgb(v) for v in vs) for k, vs in moods["palettes"].items()}, dict(moods["aliases"]),
        frozenset(moods["phrase_only"]),
    )  # fmt: skip


@lru_cache(maxsize=4096)
def apply_modifier(rgb: RGB, modifier: str) -> RGB:
    """``rgb`` moved by one modifier ("deep", "muted", "neon"... or an alias such as "darker"), in OKLCH."""
    move = MODIFIERS.get(_ALIASES.get(modifier.lower(), modifier.lower()))
    if move is None:
        raise ValueError(f"unknown colour modifier {modifier!r}; known: {', '.join(sorted(MODIFIERS))}")
    lightness, chroma, hue = oklch(rgb)
    lightness, chroma, hue = move(lightness, chroma, hue)
    colour = Color("oklch", [min(1.0, max(0.0, lightness)), max(0.0, chroma), hue % 360.0])
    r, g, b = colour.fit("srgb", method="oklch-chroma", jnd=0.0).convert("srgb").coords()
    return (_byte(r), _byte(g), _byte(b))


def _byte(value: float) -> int:
    return 0 if math.isnan(value) else max(0, min(255, round(value * 255.0)))


def _midpoint(a: RGB, b: RGB) -> RGB:
    mixed = Color("srgb", [c / 255.0 for c in a]).mix(Color("srgb", [c / 255.0 for c in b]), 0.5, space="oklab")
    r, g, bl = mixed.convert("srgb").clip().coords()
    return (_byte(r), _byte(g), _byte(bl))


def _kind_of(rgb: RGB, basic: str) -> bool:
    """Whether ``rgb`` reads as a kind of the basic colour term (so "coffee brown" is coffee's brown)."""
    lightness, chroma, hue = oklch(rgb)
    if basic in ("grey", "white", "black"):
        limits = {"white": (0.85, 1.01), "black": (-0.01, 0.36), "grey": (0.3, 0.9)}[basic]
        return chroma < 0.05 and limits[0] <= lightness <= limits[1]
    ref_h = oklch(_vocab().names[basic])[2]
    return chroma >= 0.03 and abs((hue - ref_h + 180.0) % 360.0 - 180.0) <= 40.0


_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*(?:-ish)?(?!\w)")
# "warm browns", "soft blues and greens": a family of shades, read as its colour. Not "oranges" (fruit), nor
# "whites" and "blacks".
_PLURAL_COLOURS = {f"{c}s": c for c in ("green", "blue", "yellow", "red", "pink", "purple", "brown", "grey", "teal")}
_JOIN = re.compile(r"\s+|\s*-\s*")
_HEX = re.compile(r"(?<![\w#])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?!\w)")
_FUNC = re.compile(r"\brgba?\([^()]{1,60}\)", re.IGNORECASE)
_CONNECT = re.compile(r"[\s,]*(?:(?:and|or|&|\+|/|and/or|n)[\s,]*)?(?:(?:a|an|the)\s+)?", re.IGNORECASE)
_BG_AFTER = re.compile(r"[\s-]*(?:(?:colou?red|toned)\s+)?(?:backgrounds?|backdrops?|bg)\b", re.IGNORECASE)
_BG_BEFORE = re.compile(
    r"\b(?:background|backdrop|bg)(?:[\s-]+colou?r)?\s*(?:(?:in|of|is|:|=|-|–|—|should\s+be|set\s+to|being)\s*)?"
    r"(?:(?:a|an|the)\s+)?$", re.IGNORECASE)  # fmt: skip
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"\s*(?:$|[.,;:!?)\]]|(?:and|with|for|in|at|as|to|that|which|but|or|please|only)\b)", re.IGNORECASE)  # fmt: skip
_COLOUR_AFTER = re.compile(
    r"[\s-]*(?:colou?r(?:ed|s)?|tones?|toned|hues?|shades?|tints?|palette|scheme|accents?|text|lettering|font|"
    r"gradient|stripes?|paint)\b", re.IGNORECASE)  # fmt: skip
_COLOUR_BEFORE = re.compile(
    r"\b(?:in|colou?red|painted|dyed|(?:shades?|tones?|hints?|touch(?:es)?|splash(?:es)?|pops?|accents?|palette)"
    r"\s+of|colou?rs?(?:\s+of)?|colou?rs?:)\s*$", re.IGNORECASE)  # fmt: skip
_ARTICLE = re.compile(
    r"\b(?:a|an|the|some|this|that|these|those|my|your|our|his|her|its|their|one|two|three|four|five|many|several)"
    r"\s+$", re.IGNORECASE)  # fmt: skip


Token = tuple[int, int, str, str]  # start, end, normalised word, the text between it and the previous word


def _tokens(text: str, blocked: list[tuple[int, int]]) -> list[Token]:
    out: list[Token] = []
    for match in _WORD.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in blocked):
            word = match.group().lower().replace("’", "'").replace("-ish", "ish").replace("gray", "grey")
            word = _PLURAL_COLOURS.get(word, word)
            out.append((match.start(), match.end(), word, text[out[-1][1] : match.start()] if out else "."))
    return out


def _ish_base(word: str) -> str | None:
    if not word.endswith("ish") or len(word) < 6:
        return None
    stem = word[:-3]
    names = _vocab().names
    for base in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "", stem + "e"):
        if base in names:
            return base
    return None


def _base(tokens: list[Token]) -> tuple[str, RGB, bool] | None:
    """(name, value, is "-ish") of a run of words that forms one colour, or ``None``."""
    vocab = _vocab()
    words = [t[2] for t in tokens]
    if any(not _JOIN.fullmatch(t[3]) for t in tokens[1:]):
        return None
    phrase = " ".join(words)
    ish = _ish_base(phrase) if len(words) == 1 else None
    if ish is not None:
        return ish, vocab.names.get(phrase) or apply_modifier(vocab.names[ish], "soft"), True
    if phrase in vocab.names:
        return phrase, vocab.names[phrase], False
    if len(words) == 2 and words[1] in _BASIC and words[0] in vocab.names and words[0] != words[1]:
        first, basic = words
        if first not in _BASIC and _kind_of(vocab.names[first], basic):
            return phrase, vocab.names[first], False
        chromatic = first not in _BASIC[-3:] and basic not in _BASIC[-3:]
        if first in _BASIC and chromatic and "-" in tokens[1][3]:
            return phrase, _midpoint(vocab.names[first], vocab.names[basic]), False
    return None


def _modifier(word: str) -> str | None:
    name = _ALIASES.get(word, word)
    return name if name in MODIFIERS else None


def _read_words(text: str, tokens: list[Token], words: list[str], i: int) -> tuple[int, ColourMention] | None:
    """The longest colour mention starting at word ``i``: (index after it, mention), or ``None``."""
    vocab = _vocab()
    mods = 0
    while i + mods < len(tokens) and _modifier(words[i + mods]) and (mods == 0 or _JOIN.fullmatch(tokens[i + mods][3])):
        mods += 1
    best: tuple[int, int] | None = None  # (end, modifiers taken)
    for k in range(min(mods + 1, len(tokens) - i)):
        if k and not _JOIN.fullmatch(tokens[i + k][3]):
            break
        end = next(
            (e for e in range(min(len(tokens), i + k + vocab.longest), i + k, -1) if _base(tokens[i + k : e])), 0
        )
        if end and (best is None or end >= best[0]):
            best = (end, k)
    if best is None:
        return None
    end, k = best
    whole = next((s for s in range(k) if " ".join(words[i + s : end]) in _WHOLE), None)
    k = k if whole is None else whole
    found = _base(tokens[i + k : end])
    assert found is not None
    name, value, ish = found
    named = next((s for s in range(k) if " ".join(words[i + s : end]) in vocab.names), k)
    if named < k:
        value = vocab.names[" ".join(words[i + named : end])]
    applied = [m for w in words[i : i + named] if (m := _modifier(w))]
    if "metallic" in applied and name in vocab.metallic:
        applied.remove("metallic")
        value = vocab.metallic[name]
    for modifier in reversed(applied):
        value = apply_modifier(value, modifier)
    modifiers = tuple(m for w in words[i : i + k] if (m := _modifier(w))) + (("ish",) if ish else ())
    start, stop = tokens[i][0], tokens[end - 1][1]
    thing = name in vocab.things and not modifiers
    return end, ColourMention(text[start:stop], name, value, start, stop, modifiers, thing, False)


def find_colours(text: str) -> list[ColourMention]:
    """Every colour mention in ``text``, in order (see the module docstring for the rules)."""
    found: list[ColourMention] = []
    for match in [*_HEX.finditer(text), *_FUNC.finditer(text)]:
        parsed = parse_css_color(match.group())
        if parsed is not None:
            rgb = parsed[0]
            found.append(ColourMention(match.group(), to_hex(rgb), rgb, match.start(), match.end(), (), False, False))
    tokens = _tokens(text, [(m.start, m.end) for m in found])
    words, i = [t[2] for t in tokens], 0
    while i < len(tokens):
        read = _read_words(text, tokens, words, i)
        found += [read[1]] if read else []
        i = read[0] if read else i + 1
    found.sort(key=lambda m: m.start)
    return _in_context(text, found)


# Colour names that are far more often the colour than the thing in a design brief, when a word follows them
# ("an orange rounded square", "orange fox head", "mint green tile"), unless that word makes the thing whole
# ("orange juice", "olive branch", "lime wedge").
_COLOUR_FIRST = frozenset("orange peach lime mint coral gold salmon plum lavender teal olive".split())
_THING_PARTNER = re.compile(
    r"\s+(?:juice|tree|trees|slices?|peels?|zest|wedges?|blossoms?|grove|tarts?|pies?|cakes?|branch(?:es)?|oil|"
    r"leaf|leaves|sprigs?|fillets?|seeds?|pits?|halves|half|segments?|and|or|on|in|with|at|by|for|of|from)\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")


def _in_context(text: str, found: list[ColourMention]) -> list[ColourMention]:
    """Set ``background`` and settle ``thing`` from the words around each list of mentions."""
    groups: list[list[int]] = []
    described: set[int] = set()
    for n, mention in enumerate(found):
        gap = text[found[n - 1].end : mention.start] if n else ""
        if (
            n
            and mention.thing
            and not found[n - 1].thing
            and gap.isspace()
            and mention.name not in _BASIC
            and not _COLOUR_AFTER.match(text, mention.end)
            and not _BG_AFTER.match(text, mention.end)
        ):
            # "a red apple", "a green pear": a colour word right before a thing's name describes the thing.
            described.add(n)
            groups.append([n])
        elif groups and _CONNECT.fullmatch(gap.replace("-", " ")):
            groups[-1].append(n)
        else:
            groups.append([n])
    background = [False] * len(found)
    thing = [m.thing for m in found]
    for group in groups:
        first, last = found[group[0]], found[group[-1]]
        before, after = text[max(0, first.start - 80) : first.start], last.end
        ground_after, ground_before = _BG_AFTER.match(text, after), _BG_BEFORE.search(before)
        on_ground = _ON_BEFORE.search(before) and _CLAUSE_END.match(text, after)
        # A colour word or "background" after the list outweighs an article ("a lemon-yellow car"); a lead-in or
        # a plain colour in the list does not ("a lemon and a lime" stays two things).
        strong = ground_after or _COLOUR_AFTER.match(text, after)
        weak = ground_before or _COLOUR_BEFORE.search(before) or any(not found[n].thing for n in group)
        for n in group:
            background[n] = bool(ground_after or ground_before or on_ground)
            lead = text[max(0, found[n].start - 20) : found[n].start]
            if thing[n] and n not in described and (strong or (weak and not _ARTICLE.search(lead))):
                thing[n] = False
            m = found[n]
            if (
                thing[n]
                and m.name in _COLOUR_FIRST
                and _WORD_AFTER.match(text, m.end)
                and not _THING_PARTNER.match(text, m.end)
            ):
                thing[n] = False  # "chef hat on an orange rounded square": the square is orange
    return [
        ColourMention(m.text, m.name, m.rgb, m.start, m.end, m.modifiers, thing[n], background[n])
        for n, m in enumerate(found)
    ]


def names_a_thing(name: str) -> bool:
    """Whether a colour name is also an ordinary noun for a thing ("grass", "lemon", "coffee")."""
    return name in _vocab().things


def colour_value(name: str) -> RGB | None:
    """The value of one colour phrase ("dusty rose", "deep brown", "#f80", "navy-blue"), or ``None``."""
    stripped = name.strip()
    found = find_colours(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].rgb
    return None


def _singulars(noun: str) -> list[str]:
    out = [noun]
    for suffix, replacement in (("ies", "y"), ("ves", "f"), ("oes", "o"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 1:
            out.append(noun[: -len(suffix)] + replacement)
    return out


def natural_colour(noun: str) -> RGB | None:
    """The colour a thing has unless told otherwise ("lemons" → lemon yellow, "fire" → flame), or ``None``."""
    vocab = _vocab()
    for word in _singulars(re.sub(r"\s+", " ", noun.strip().lower().replace("-", " "))):
        if word in vocab.natural:
            return vocab.natural[word]
        if word in vocab.names:
            return vocab.names[word]
        named = next((f"{word} {b}" for b in _BASIC if f"{word} {b}" in vocab.names), None)
        if named is not None:
            return vocab.names[named]
    return None


def _mood_key(word: str) -> str:
    return re.sub(r"[\s-]+", " ", word.strip().lower().replace("’", "'"))


def mood_palette(word: str) -> tuple[RGB, ...] | None:
    """The palette of a mood or theme word ("pastel", "jewel tones", "scandinavian"), or ``None``."""
    vocab = _vocab()
    key = _mood_key(word)
    return vocab.palettes.get(vocab.aliases.get(key, key))


@cache
def _mood_pattern() -> re.Pattern[str]:
    vocab = _vocab()
    phrases = [k for k in vocab.palettes if k not in vocab.phrase_only] + list(vocab.aliases)
    body = "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)".replace("'", "['’]"), re.IGNORECASE)


_COLOURS_AFTER = re.compile(r"\s+(?:colou?rs?|palette|tones|hues|vibes?)\b", re.I)


def moods_in(text: str) -> tuple[str, ...]:
    """Mood words in ``text`` (canonical names, first appearance order); words inside a colour are skipped."""
    vocab = _vocab()
    mentions = find_colours(text)
    out: list[str] = []
    said_as_colours: list[str] = []
    for match in _mood_pattern().finditer(text):
        span = match.span()
        inside = any(m.start <= span[0] and span[1] <= m.end and (m.start, m.end) != span for m in mentions)
        key = _mood_key(match.group())
        mood = vocab.aliases.get(key, key)
        if not inside and mood not in out:
            out.append(mood)
            if _COLOURS_AFTER.match(text, span[1]):
                said_as_colours.append(mood)
    # "on a beach, sunset colors": the mood said as the colours leads the one a place suggests
    out = said_as_colours + [m for m in out if m not in said_as_colours]
    if "seventies" in out and "retro" in out:
        out.remove("retro")  # "retro 70s colours": the decade says which retro
    return tuple(out)
