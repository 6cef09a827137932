"""Characters: when a thing in a picture wears a face — it is said to feel something ("a laughing avocado"),
it does what people do ("a taco playing guitar"), it is in a kawaii style — and which face; a face said with a
look ("a shocked face") as the emoji of that look. Read by arrange.plan_group, which draws the face on the thing."""

from __future__ import annotations

import dataclasses
import functools
import re

from artboard.composer import wordnet, words
from artboard.composer.context import Ctx
from artboard.composer.reading import Thing

_FACE_LOOKS = frozenset({"kawaii", "chibi"})
# Designs where a thing said to feel something wears the face ("a cute bakery logo with a smiling cupcake").
_CHARACTER_TYPES = frozenset({"emoji", "sticker", "icon", "logo", "badge", "app_icon", "tshirt"})


def expression_phrase(noun: str) -> bool:
    """Whether a thing read from the prompt is the look of a face ("heart eyes", "tears", "a big smile"): drawn
    as the face on the thing, not as a thing of its own."""
    from artboard.composer.recipes import faces

    single = ("smile", "tears", "grin", "joy", "laughter")  # feelings a face shows, no things of their own
    return noun in single or (" " in noun and faces.expression_for(noun) is not None)


def face_wanted(ctx: Ctx) -> str | None:
    """The expression a thing wears: "with a happy face", "smiling", or any thing in a kawaii style."""
    from artboard.composer.recipes import faces

    said = any(t.noun in ("face", "faces") for t in ctx.brief.things)
    # "emoji of a crying cloud", "a happy sun sticker": the thing itself is said to feel something
    # ("an avocado laughing": the feeling said after it, in the thing's own words)
    feeling = (ctx.brief.design_type in _CHARACTER_TYPES or "mascot" in ctx.brief.words) and any(
        {*t.adjectives, t.noun.split()[0], *re.findall(r"[a-z]+", ctx.brief.prompt[t.start : t.end].lower())}
        & faces.expression_words()
        for t in ctx.brief.things
    )
    # "a mascot logo with a cartoon flame": a thing made the brand's character has a face
    mascot = bool({"mascot", "cartoon"} & ctx.brief.words) and bool(ctx.brief.things)
    mascot = mascot and ctx.brief.things[0].kind in ("thing", "theme") and ctx.brief.design_type in _CHARACTER_TYPES
    if not (said or feeling or mascot) and not (set(ctx.brief.words) & _FACE_LOOKS):
        if ctx.brief.design_type in _CHARACTER_TYPES | {"card", "poster"} and _thing_acts(ctx):
            return faces.expression_for(ctx.brief.prompt) or "laugh"  # "a taco playing guitar": a character
        return None
    return faces.expression_for(ctx.brief.prompt) or "smile"


def _thing_acts(ctx: Ctx) -> bool:
    """Whether a thing (not a person or an animal) does what people do: "a taco playing guitar", "a cactus
    meditating" — on a sticker or an emoji it is a character, and wears a face."""
    b = ctx.brief
    if any(r.verb and b.things[r.a].kind == "thing" for r in b.relations):
        return True
    for t in b.things:
        said = re.findall(r"[a-z]+", b.prompt[t.start : t.end].lower())
        said += re.findall(r"^\s+([a-z]+ing)\b", b.prompt[t.end :].lower())  # "a cactus meditating"
        states = _thing_states()
        if t.kind == "thing" and any(
            w.endswith("ing") and w not in t.noun.split() and w not in states and _a_verb(w) for w in said
        ):
            return True
    return False


@functools.cache
def _thing_states() -> frozenset[str]:
    return frozenset(str(words.load("art").get("thing_states", {}).get("words", "")).split())


@functools.lru_cache(maxsize=512)
def _a_verb(word: str) -> bool:
    counts = wordnet.pos_counts(word)
    return counts.get("v", 0) > counts.get("n", 0)


def expression_face(thing: Thing) -> Thing:
    """A face with a look said ("a shocked face", "a crying face") as the emoji of that look."""
    from artboard.composer.recipes.faces import expression_for

    if thing.noun not in ("face", "faces") or not thing.adjectives:
        return thing
    look = expression_for(" ".join(thing.adjectives))
    name = words.load("art").get("expression_faces", {}).get(look or "")
    return dataclasses.replace(thing, noun=name.replace("-", " ")) if name else thing
