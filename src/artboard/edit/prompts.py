"""Prompt enhance (Recraft `POST /v1/prompts/enhance`, Runware `promptEnhance`): a short prompt expanded into a
fuller design brief, in the composer's own vocabulary.

The composer reads a prompt into a `Brief` (artboard.composer.brief: the kind of design, the subjects to draw,
the copy to set, colours, style words and moods). Enhancing reads the prompt the same way, then writes out what it
understood (the kind, what is drawn, the copy in quotes) and adds what a designer would settle before drawing —
a style, a palette mood, the type, the ground, a layout — using only words the composer acts on (its style words
pick the fonts and fills, its mood words the palette's chroma and lightness, "on a … background" the ground).

Every clause is checked by reading the enhanced prompt back through the composer: a clause that would change
the kind of design, the subjects or the copy is left out, so generating from the enhanced prompt draws the same
thing, only more decided. Pure function of (prompt, version): no model, nothing downloaded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from artboard.errors import InvalidParameter

MAX_PROMPT = 10_000
MAX_VERSIONS = 5  #: Runware promptVersions 1–5
MIN_LENGTH, MAX_LENGTH = 4, 400  #: Runware promptMaxLength

# What a kind of design usually wants when the prompt does not say (the composer's style words).
_KIND_STYLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "logo": (("minimal", "flat"), ("bold", "geometric"), ("elegant",), ("vintage",)),
    "monogram": (("elegant",), ("minimal", "geometric"), ("vintage",)),
    "badge": (("vintage", "bold"), ("flat", "bold"), ("retro",)),
    "emoji": (("flat", "playful"), ("playful", "rounded")),
    "sticker": (("playful", "bold"), ("flat", "rounded"), ("retro",)),
    "icon": (("flat", "minimal"), ("line art", "minimal"), ("rounded", "flat")),
    "app_icon": (("flat", "minimal"), ("gradient", "rounded"), ("bold", "geometric")),
    "icon_set": (("line art", "minimal"), ("flat", "rounded"), ("flat", "minimal")),
    "poster": (("bold",), ("retro", "bold"), ("minimal", "geometric"), ("elegant",)),
    "banner": (("bold", "flat"), ("minimal",), ("gradient",)),
    "card": (("playful",), ("elegant",), ("hand-drawn",)),
    "label": (("vintage",), ("elegant",), ("minimal",)),
    "tshirt": (("bold", "retro"), ("vintage",), ("hand-drawn", "bold")),
    "pattern": (("flat", "geometric"), ("playful", "flat"), ("hand-drawn",)),
    "background": (("minimal", "gradient"), ("geometric",), ("flat",)),
    "infographic": (("flat", "minimal"), ("corporate", "flat")),
    "isometric": (("isometric", "flat"), ("isometric", "gradient")),
    "illustration": (("flat",), ("flat", "playful"), ("hand-drawn",), ("minimal", "geometric")),
}
# The composer's mood words that change its palette (each has a curated palette in colour_words; "warm" and
# "cool" it reads but leaves to the seed, so they are not offered): which suit a style, first choice first.
_STYLE_MOODS: dict[str, tuple[str, ...]] = {
    "elegant": ("muted",),
    "vintage": ("earthy", "muted"),
    "retro": ("earthy", "vibrant"),
    "playful": ("pastel", "vibrant"),
    "bold": ("vibrant",),
    "minimal": ("muted", "pastel"),
    "corporate": ("muted",),
    "tech": ("vibrant",),
    "hand_drawn": ("pastel", "earthy"),
    "organic": ("earthy",),
}
_ALL_MOODS = ("muted", "pastel", "earthy", "vibrant")
# How each style sets its type (the composer's font roles for that style word, composer/context.py).
_TYPE = {
    "elegant": "elegant high-contrast type",
    "vintage": "vintage type",
    "retro": "retro display type",
    "playful": "playful rounded type",
    "hand_drawn": "hand-drawn lettering",
    "bold": "bold condensed type",
    "tech": "tech grotesk type",
    "corporate": "corporate sans type",
    "geometric": "geometric sans type",
    "minimal": "minimal sans type",
}
# Layout words the composer does not take for things to draw (checked: "margins", "hierarchy", "repeat" it does).
_LAYOUTS: dict[str, tuple[str, ...]] = {
    "logo": ("centred and balanced", "compact, centred", "centred with generous spacing"),
    "monogram": ("symmetrical", "centred and balanced"),
    "badge": ("symmetrical", "centred and balanced"),
    "poster": ("centred layout", "centred with generous spacing"),
    "banner": ("centred with generous spacing",),
    "card": ("centred layout", "centred with generous spacing"),
    "label": ("symmetrical", "centred layout"),
    "pattern": ("evenly spaced",),
    "infographic": ("centred layout",),
    "app_icon": ("centred and balanced",),
}
# Words the composer lists among subjects but that are not things to describe ("tagline EST. 1987").
_NOT_DRAWN = frozenset({"tagline", "text", "name", "logo", "slogan", "headline"})
_KINDS = {
    "app_icon": "app icon",
    "icon_set": "icon set",
    "tshirt": "t-shirt design",
    "isometric": "isometric illustration",
}


@dataclass(frozen=True)
class Enhanced:
    """One enhanced prompt, what the composer read in the original, and the clauses added to it."""

    prompt: str
    original: str
    understood: dict[str, Any]
    added: tuple[str, ...] = ()
    version: int = 0
    truncated: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


def _reading(prompt: str) -> Any:
    from artboard.composer import parse_prompt

    return parse_prompt(prompt)


def _key(brief: Any) -> tuple[Any, ...]:
    """What enhancing must keep: the kind of design, what is drawn and the copy (names, tagline, details)."""
    return (
        brief.design_type,
        tuple(brief.subjects),
        tuple(brief.texts),
        brief.tagline,
        brief.letters,
        brief.established,
        tuple(d.text for d in brief.details),
        brief.transparent,
    )


def understood(brief: Any) -> dict[str, Any]:
    """The composer's reading of a prompt, as plain data (the API's `understood`)."""
    from artboard.colors import to_hex

    return {
        "design_type": brief.design_type,
        "subjects": list(brief.subjects),
        "copy": [*brief.texts, *([brief.tagline] if brief.tagline else []), *(d.text for d in brief.details)],
        "colors": [to_hex(c) for c in brief.colors],
        "color_names": list(brief.color_names),
        "styles": sorted(brief.styles),
        "moods": sorted(brief.moods),
        "transparent": bool(brief.transparent),
    }


def check_prompt(prompt: Any, param: str = "prompt") -> str:
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidParameter("prompt is required: the text to enhance", param=param, details={"missing": True})
    text = " ".join(prompt.split())
    if len(text) > MAX_PROMPT:
        raise InvalidParameter(
            f"prompt is {len(text)} characters; at most {MAX_PROMPT}", param=param, allowed=f"1..{MAX_PROMPT} chars"
        )
    return text


def _candidates(brief: Any, rng: random.Random) -> list[tuple[str, ...]]:
    """Clauses to try, most informative first: the reading written out, then the design decisions. Each entry
    lists alternatives, best first; the first one the composer reads back the same way is kept."""
    clauses: list[tuple[str, ...]] = []
    kind = _KINDS.get(brief.design_type, brief.design_type)
    drawn = " and ".join([s for s in brief.subjects if s not in _NOT_DRAWN][:3])
    what = (f"{kind} of {drawn}" if brief.design_type != "pattern" else f"{kind} of {drawn} motifs") if drawn else kind
    copy = [*brief.texts, *([brief.tagline] if brief.tagline else [])]
    # "that reads": the composer's own cue for copy, which it does not take for a thing to draw ("text" it does).
    says = " that reads " + " and ".join(f'"{c}"' for c in copy[:3]) if copy else ""
    clauses.append((what + says, what) if says else (what,))
    styles = set(brief.styles)
    if not styles & {"minimal", "bold", "elegant", "vintage", "retro", "playful", "hand_drawn", "tech", "corporate"}:
        options = _KIND_STYLES.get(brief.design_type, _KIND_STYLES["illustration"])
        chosen = options[rng.randrange(len(options))]
        clauses.append((", ".join(chosen) + " style",))
        styles |= {w.replace("line art", "line").replace("hand-drawn", "hand_drawn") for w in chosen}
    if not brief.colors and not brief.moods:
        moods = next((_STYLE_MOODS[s] for s in sorted(styles) if s in _STYLE_MOODS), _ALL_MOODS)
        mood = moods[rng.randrange(len(moods))] if len(moods) > 1 and rng.random() < 0.5 else moods[0]
        clauses.append((f"{mood} colour palette",))
    if copy:
        style = next((s for s in ("elegant", "vintage", "retro", "playful", "hand_drawn", "bold") if s in styles), None)
        style = style or next((s for s in sorted(styles) if s in _TYPE), "minimal")
        clauses.append((_TYPE[style],))
    if brief.background_color is None and not brief.transparent and not brief.on_white and not brief.on_dark:
        # Stickers and emoji are cut out by default: naming a ground would change that, so only marks get one.
        if brief.design_type in ("icon", "icon_set", "logo", "monogram"):
            clauses.append(("on a plain white background",))
        elif "dark" in brief.moods:
            clauses.append(("on a dark background",))
    layouts = _LAYOUTS.get(brief.design_type)
    if layouts:
        start = rng.randrange(len(layouts))
        clauses.append(layouts[start:] + layouts[:start])
    return clauses


def _join(original: str, clauses: list[str]) -> str:
    """The original, then the clauses, each after a semicolon: the composer ends a tagline or a name at one, so an
    addition never runs into the copy before it (a full stop would: "tagline EST. 1987. logo…")."""
    if not clauses:
        return original
    return original.rstrip(" ,;") + "; " + "; ".join(clauses)


def _one(original: str, version: int, max_length: int | None) -> Enhanced:
    brief = _reading(original)
    want = _key(brief)
    rng = random.Random(f"artboard-enhance:{version}:{original}")
    kept: list[str] = []
    notes: list[str] = []
    for alternatives in _candidates(brief, rng):
        for clause in alternatives:
            trial = _join(original, [*kept, clause])
            if max_length is not None and len(trial) > max_length:
                continue
            if _key(_reading(trial)) == want:
                kept.append(clause)
                break
            # The composer would read something else into it: not worth changing the design for.
            notes.append(f"left out {clause!r}: it would change what the composer reads")
    text = _join(original, kept)
    truncated = False
    if max_length is not None and len(text) > max_length:
        # The original alone is longer than asked: cut at a word boundary (the caller asked for at most this).
        cut = text[:max_length]
        text = cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut
        truncated = True
        notes.append(f"the prompt itself is longer than {max_length} characters and was cut")
    return Enhanced(
        prompt=text,
        original=original,
        understood=understood(brief),
        added=tuple(kept),
        version=version,
        truncated=truncated,
        notes=tuple(notes),
    )


def enhance_prompt(prompt: Any, *, versions: Any = 1, max_length: Any = None) -> list[Enhanced]:
    """`versions` (1–5) enhanced prompts for `prompt`; each at most `max_length` (4–400) characters when given.

    Each version draws its choices (style, mood, layout) from a seed of (prompt, version), skipping a version that
    comes out the same as an earlier one, so versions differ where the prompt leaves room and the same prompt
    always gives the same texts.
    """
    from artboard.spec import integer_param

    text = check_prompt(prompt)
    count = integer_param(versions, "versions", 1, MAX_VERSIONS)
    limit = integer_param(max_length, "max_length", MIN_LENGTH, MAX_LENGTH) if max_length is not None else None
    results: list[Enhanced] = []
    seen: set[str] = set()
    version = 0
    while len(results) < count and version < count * 6:
        found = _one(text, version, limit)
        version += 1
        if found.prompt in seen and version < count * 6:
            continue  # another version that chose the same: try the next choice
        seen.add(found.prompt)
        results.append(found)
    while len(results) < count:  # every choice exhausted (a very short max_length): repeat the last one
        results.append(results[-1])
    return results
