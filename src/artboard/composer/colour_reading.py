"""Colour words as a designer reads them in a prompt: which are colour requests (with their modifiers), which are
the ground ("on navy", "kraft paper"), and which are not colours at all — a thing ("sitting on grass"), part of a
thing's name ("red panda"), or part of a name set as text ("Moss & Stone", "Blue Harbor Coffee"). Split out of
brief.py, which reads everything else."""

from __future__ import annotations

import re
from collections.abc import Sequence

from artboard.colors import RGB
from artboard.composer import colour_words, wordnet
from artboard.composer import reading as _reading
from artboard.composer.copy_lines import title_case as _title_case
from artboard.composer.vocabulary import BASIC_COLORS
from artboard.composer.words import GRAMMAR


def _plain_noun(word: str) -> bool:
    """A noun that is no colour and no adjective ("kale"; not "bold", "modern", "teal")."""
    g = GRAMMAR
    if word in g.design_types or word in g.looks or word in g.context or word in g.events:
        return False  # "poster, lavender and peach": the design, then its colours
    counts = wordnet.pos_counts(word)
    return bool(counts.get("n")) and not counts.get("a") and not counts.get("s") and not colour_words.find_colours(word)


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


_LEAD_IN_RE = re.compile(r"\b(?:on|with|of|a|an|the|some|and a|like|into|onto|under|over)\s+$")
_ENDS_PHRASE_RE = re.compile(r"\s*(?:$|[,.;:!?)]|(?:with|in|on|at|under|over|for|by|inside|above)\b)")
_METALS = frozenset("gold silver bronze copper brass chrome platinum rose-gold".split())
_COLOUR_WORD_AFTER_RE = re.compile(
    r"\s*(?:-|\s)?(?:colou?r(?:s|ed)?|tones?|hues?|shades?|palette|accents?|tinted|ink|"
    r"backgrounds?|backdrops?|and\s+(?:" + "|".join(sorted(BASIC_COLORS)) + r"))\b"
)


def _mood_word(word: str) -> bool:
    """An adjective said of a colour ("energetic", "happy", "calm"), not a thing or another colour."""
    counts = wordnet.pos_counts(word)
    return bool(counts.get("a")) and counts.get("a", 0) >= counts.get("n", 0) and not colour_words.find_colours(word)


# Words that make the colour-thing after them the thing itself ("night sky", "stormy sea", "autumn leaves").
_THING_BEFORE = frozenset(
    "night starry evening morning cloudy stormy clear sunset sunrise twilight summer winter autumn spring open "
    "calm rough snowy rainy falling melting drifting fresh".split()
)


def colour_mentions(
    lower: str, texts: list[str], prompt: str = "", items: Sequence[str] = ()
) -> list[tuple[int, int, RGB, str]]:
    """Colour words as (start, end, value, name), in order; positions index `lower`. Designer names with their
    modifiers (composer/colour_words.py). A name that is also a thing ("grass", "lemon", "coffee") is a colour
    only where it is said as one: with a modifier, before "tones"/"background", or listed with plain colours;
    a colour word opening a thing's name ("red panda", "ice cream") is no colour at all."""
    original = prompt or lower  # same positions as `lower`, with the prompt's own capitals
    listed = {item.lower() for item in items}
    for value in texts:
        # Words inside the text to set ("Blue Harbor Coffee") are not colour requests.
        for a, b in spans_of(lower, [value]):
            lower = blank(lower, a, b)
    found: list[tuple[int, int, RGB, str]] = []
    words = re.findall(r"[a-z][a-z'\-]*", lower)
    for m in colour_words.find_colours(lower):
        before, after = lower[: m.start], lower[m.end :]
        if m.name.startswith("#") or m.text.startswith(("#", "rgb")):
            found.append((m.start, m.end, m.rgb, m.text))
            continue
        if _in_a_name(original, m.start, m.end, thingish=m.thing or colour_words.names_a_thing(m.name)):
            continue  # "Moss & Stone", "Blue Harbor Coffee": a name, not a colour
        if m.thing and not m.modifiers and m.text in listed:
            continue  # "weather icons: sun, cloud, rain, snow, …": a listed thing, not snow white
        said_of = re.search(r"\b([a-z]+)\s+$", before)
        thing = m.thing or colour_words.names_a_thing(m.name)
        if (
            thing
            and not m.modifiers
            and said_of
            and said_of.group(1) in _THING_BEFORE
            and not (m.name in BASIC_COLORS and said_of.group(1) in _reading.SHADE_NOUNS)  # "sunset orange"
        ):
            continue  # "a starry night sky background": the sky at night, not sky blue
        previous = re.search(r"\b([a-z]+),\s*$", before)
        following = re.match(r"\s*(?:,|and|&)\s*([a-z]+)", after)
        if (
            m.thing
            and not m.modifiers
            and previous
            and _plain_noun(previous.group(1))
            and following
            and wordnet.pos_counts(following.group(1)).get("n")
            and not colour_words.find_colours(following.group(1))
        ):
            continue  # "kale, apple, ginger, bright green": listed after a thing, the apple is one
        # ", coral" / "in teal." standing alone in its clause: said as a colour.
        # ", coral" / "in teal." / ", lavender and peach" standing alone in their clause: said as colours.
        opened = re.search(r"(?:^|[,;:]|\bin)\s*(?:([a-z]+)\s+(?:and|&)\s+)?$", before)
        mood = re.search(r"(?:^|[,;:])\s*([a-z]+)\s+$", before)
        if opened is None and mood and _mood_word(mood.group(1)):
            opened = re.search(r"()$", before)  # ", energetic orange": a mood word opens the colour's clause
        # "…, teal and coral for a presentation slide": what the design is for closes the clause too.
        closed = re.match(r"\s*(?:(?:and|&)\s+([a-z]+)\s*)?(?:$|[,.;]|on\b|for\b)", after)
        # …and the word it is paired with is a colour too ("lavender and peach", not "apple and pencils").
        partners = [w for w in (opened.group(1) if opened else None, closed.group(1) if closed else None) if w]
        alone = bool(opened and closed) and all(colour_words.find_colours(w) for w in partners)
        styled = bool(_STYLE_BEFORE_RE.search(before))  # "duotone orange", "matte black": a colour
        shade_of = re.search(r"\b([a-z]+)\s+$", before)
        shade = bool(
            shade_of
            and shade_of.group(1) in _reading.SHADE_NOUNS
            and wordnet.longest_compound([shade_of.group(1), m.text]) != 2  # ("ice cream" is a thing)
        )  # "sunset orange": a shade
        styled = styled or shade
        said_as_colour = bool(m.modifiers) or bool(_COLOUR_WORD_AFTER_RE.match(after)) or alone or styled
        if (
            (not colour_words.names_a_thing(m.name) or m.name in _GROUND_NAMES)
            and _GROUND_BEFORE_RE.search(before)
            and re.match(r"\s*(?:$|[,.;])", after)
        ):
            found.append((m.start, m.end, m.rgb, m.text))  # "black on kraft", "on sand.": said as the ground
            continue
        if m.thing and not said_as_colour:
            continue
        thingish = m.thing or (
            " " not in m.name
            and m.name not in BASIC_COLORS
            and m.name not in _METALS
            and _reading.thing_kind(m.name) in ("thing", "animal")
        )
        # "a golden wheat": a thing-colour that heads a phrase opened by an article is the thing itself.
        article = bool(re.search(r"\b(?:a|an|the|some)\s+(?:[a-z'-]+\s+){0,2}$", before)) and bool(
            _ENDS_PHRASE_RE.match(after)
        )
        if (
            thingish
            and not m.modifiers
            and partners
            and not alone
            and not shade
            and not _COLOUR_WORD_AFTER_RE.match(after)
        ):
            continue  # "barn and sunflower, yellow and red": paired with a thing, the sunflower is a thing
        lead_in = _LEAD_IN_RE.search(before) or (m.thing and re.search(r"\bin\s+$", before)) or article
        if thingish and (not m.modifiers or article) and lead_in and not _COLOUR_WORD_AFTER_RE.match(after):
            continue  # "sitting on grass", "a lemon", "a golden wheat": a thing, not a colour
        index = len(re.findall(r"[a-z][a-z'\-]*", before))
        in_compound = any(
            k >= 0
            and k + (n := wordnet.longest_compound(words, k)) > index
            # "black and white" is a compound of colours, not a thing named with one
            and not all(w in ("and", "&") or colour_words.find_colours(w) for w in words[k : k + n])
            for k in (index - 2, index - 1, index)
        )
        if (
            not m.modifiers
            and " " not in m.text
            and index < len(words)
            and in_compound
            and not _COLOUR_WORD_AFTER_RE.match(after)
        ):
            continue  # "red panda", "ice cream", "green tea": the colour is part of the thing's name
        found.append((m.start, m.end, m.rgb, m.text))
    return found


def _in_a_name(prompt: str, start: int, end: int, *, thingish: bool) -> bool:
    """Whether the capitalised colour word at prompt[start:end] belongs to a name: joined by "&" to another
    capitalised word ("Moss & Stone"), or, in a prompt not written in Title Case, in a run of capitalised words
    ("Blue Harbor Coffee") or — for a colour that is also a thing ("Rose", "Olive") — anywhere but a sentence start."""
    if not prompt[start : start + 1].isupper():
        return False
    before, after = prompt[:start], prompt[end:]
    if re.search(r"[A-Z][\w'’]*\s+(?:&|and)\s+$", before) or re.match(r"\s+(?:&|and)\s+[A-Z]", after):
        return True
    if _title_case(prompt):
        return False
    opens = before.rstrip()[-1:] in ("", ".", "!", "?", ":")
    run = bool(re.search(r"[A-Z][\w'’]*\s+$", before) and not opens) or bool(re.match(r"\s+[A-Z][a-z]", after))
    return run or (thingish and not opens)


_STYLE_BEFORE_RE = re.compile(rf"\b(?:{colour_words.SCHEME_STYLES})\s+$")
# Colour names that are also things but, after "on", are nearly always the ground ("strawberries on cream").
_GROUND_NAMES = frozenset({"cream", "ivory", "linen", "bone", "charcoal", "slate", "kraft", "sand", "chalk"})
_BACKGROUND_RE = re.compile(
    r"[\s-]*(?:(?:colou?red|toned)\s+)?(?:backgrounds?|backdrops?|bg|paper|card\s?stock|stock|grounds?)\b"
)
_GROUND_BEFORE_RE = re.compile(
    r"(?:\b(?:on|against|over)\s+(?:a\s+|an\s+)?(?:plain\s+|pure\s+|solid\s+|clean\s+|flat\s+)?"
    r"|\bbackgrounds?\s+(?:of|in|is|colou?r)\s+(?:a\s+)?)$"
)


def colors_from(mentions: list[tuple[int, int, RGB, str]], lower: str) -> tuple[list[RGB], list[str], RGB | None]:
    """Ink colours in order, their names, and the background colour when one is said ("bright yellow
    background", "on a navy background", "on black")."""
    colors: list[RGB] = []
    names: list[str] = []
    background: RGB | None = None
    for start, end, rgb, name in mentions:
        ground = (
            bool(_BACKGROUND_RE.match(lower[end:]))
            or bool(_GROUND_BEFORE_RE.search(lower[:start]))
            or lower[start:end].endswith((" paper", " cardstock"))  # "kraft paper and black ink"
        )
        if ground:
            background = background or rgb
            continue
        if rgb not in colors:
            colors.append(rgb)
            names.append(name)
    return colors, names, background


def spans_of(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Where each value is said, as whole words: "Lotus Flow" is not inside "a lotus flower"."""
    spans: list[tuple[int, int]] = []
    for value in values:
        if value:
            spans += [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.I)]
    return spans
