"""T-shirt graphics, composed as a merch designer would: the prompt's style words and the seed pick one of nine
compositions, every one drawing what the prompt names and setting all the copy it gives. The compositions are
drawn in tshirt_art (led by art) and tshirt_type (led by type); the parts they share are in tshirt_styles and
tshirt_copy.

- `badge` / `arched` / `emblem`: a vintage circular badge, the subject in the disc (vintage, outdoor, club tees);
- `stacked`: the headline in two blocks of condensed capitals, the subject between them;
- `sunset`: a retro striped sun on the horizon with the subject in front of it (retro, beach, sunset tees);
- `varsity`: a college arc of slab capitals over big numerals or the mascot, distressed;
- `illustration`, `cluster`, `statement`, `pocket`: a full-front illustration of the named
  things, a playful die-cut sticker cluster, a phrase as the whole design, a small left-chest print.

Every string set is recorded in the manifest's set_texts (by the typesetter), every thing drawn in info["drawn"].
"""

from __future__ import annotations

import re
from collections.abc import Callable

from artboard.composer.arrange import plan_group
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.tshirt_art import badge_tee, cluster_tee, illustration_tee, sunset_tee
from artboard.composer.recipes.layouts.tshirt_copy import TeeCopy, tee_copy
from artboard.composer.recipes.layouts.tshirt_styles import Inks, has_subject, tee_inks
from artboard.composer.recipes.layouts.tshirt_type import pocket_tee, stacked_tee, statement_tee, varsity_tee
from artboard.composer.words import file

# The words that make a composition likely are data: data/words/tshirt.toml [compositions].
_WORDS = file("tshirt")
_OUTDOOR = _WORDS.word_set("compositions.outdoor")
_BADGE = _WORDS.word_set("compositions.badge")
_SUNSET = _WORDS.word_set("compositions.sunset")
_COLLEGE = _WORDS.word_set("compositions.college")
_SPORT = _WORDS.word_set("compositions.sport")
_PLACEMENT = _WORDS.word_set("compositions.placement")
_SMALL = _WORDS.word_set("compositions.small")
_CUTE = _WORDS.word_set("compositions.cute")
_FUNNY = _WORDS.word_set("compositions.funny")
_PHRASE = _WORDS.word_set("compositions.phrase")
_BOLD = _WORDS.word_set("compositions.bold")
_CONNECTORS = _WORDS.word_set("compositions.connectors")


def tshirt(ctx: Ctx) -> str:
    """A t-shirt graphic in one of the compositions the brief's words allow, chosen by the seed."""
    copy = tee_copy(ctx)
    inks = tee_inks(ctx)
    weights = _weights(ctx, copy)
    names = sorted(weights)
    kind = ctx.rng.choices(names, weights=[weights[n] for n in names])[0]
    compose = _COMPOSITIONS.get(kind)
    if compose is not None:
        return compose(ctx, copy, inks)
    return badge_tee(ctx, copy, inks, plain=kind == "emblem")


# The compositions drawn from the copy and the inks alone; the badge (and its plain emblem) takes a flag.
_COMPOSITIONS: dict[str, Callable[[Ctx, TeeCopy, Inks], str]] = {
    "stacked": stacked_tee,
    "sunset": sunset_tee,
    "varsity": varsity_tee,
    "illustration": illustration_tee,
    "cluster": cluster_tee,
    "statement": statement_tee,
    "pocket": pocket_tee,
}


def _phrase(head: str) -> bool:
    """Whether the headline reads as a sentence ("I need coffee", "Be Kind to Your Mind") rather than a name
    ("Westbrook Wolves", "Bay Area Half Marathon")."""
    words = re.findall(r"[A-Za-z']+", head)
    if not words:
        return False
    lower = [w for w in words if w.islower()]
    return bool(lower) or any(w.lower() in _CONNECTORS for w in words) or bool(re.search(r"[!?,]", head))


def _weights(ctx: Ctx, copy: TeeCopy) -> dict[str, float]:
    """How well each composition suits the brief; only those that can draw it are offered. A composition the
    prompt asks for by name ("pocket", "varsity", "sunset", "kawaii") is the likely one, never the only one."""
    b = ctx.brief
    words = b.words
    head = copy.headline or ""
    subject = has_subject(ctx)
    vintage = b.has("vintage", "retro") or bool(words & _OUTDOOR)
    out: dict[str, float] = {}
    if words & _BADGE or vintage:
        out["badge"] = 6.0 if words & _BADGE else 3.0
    if head:
        out["stacked"] = 2.0 + (2.5 if b.has("bold", "typographic") or words & _BOLD else 0.0)
        asked = bool(words & _PHRASE) or (bool(words & _FUNNY) and _phrase(head))
        if not subject:
            out["statement"] = 5.0 if _phrase(head) else 3.0 if asked else 1.0
        elif asked:
            out["statement"] = 1.0  # type alone leaves out what the prompt names: only when asked for by name
        if len(head) <= 40:
            out["varsity"] = 8.0 if words & _COLLEGE or b.team else 1.5 if words & _SPORT or b.established else 0.6
    if words & {"sunset", "sunsets", "sunrise"}:
        out["sunset"] = 6.0
    elif b.has("retro") or words & _SUNSET:
        out["sunset"] = 3.0 if words & _SUNSET else 2.0
    if subject:
        out["illustration"] = 1.5 + (2.5 if b.has("line") or words & {"illustration", "illustrated"} else 0.0)
        if any(r.verb for r in b.relations) or any(t.doing for t in b.things):
            # "a cactus playing guitar", "a bear riding a bicycle": a character doing something is the shirt's
            # picture, large, never a small glyph between the words
            out["illustration"] += 4.0
        things = bool(plan_group(ctx, None).placed)
        if things and not b.has("line", "elegant"):
            out["cluster"] = 5.0 if words & _CUTE else 3.0 if b.has("playful") or words & _FUNNY else 1.2
    if words & _PLACEMENT:
        out["pocket"] = 12.0
    elif words & _SMALL or b.has("minimal"):
        out["pocket"] = 3.0
    if not head and not vintage and not (subject and b.has("line", "minimal")):
        out["emblem"] = 1.5  # (minimal line art is the drawing alone, never framed in a ray-burst emblem)
    if not out:  # nothing named, nothing said: the theme's glyph in an emblem
        out["emblem"] = 1.0
    return out
