"""Readings a thing's context decides: an animal in a role ("a cat astronaut"), a word's sense among the words
around it ("a cap" at a graduation), and the weather a thing is doing ("a cloud raining")."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from artboard.composer import words
from artboard.composer.reading_model import Relation, Thing, Token

_CHARACTER_WORDS = frozenset("mascot mascots sticker stickers emoji character characters cartoon kawaii".split())
_CHARACTER_LOOKS = frozenset("smiling happy cute kawaii cheerful grinning laughing winking friendly".split())


def animal_in_role(
    things: list[Thing], relations: list[Relation], said: frozenset[str]
) -> tuple[list[Thing], list[Relation]]:
    """ "a cat astronaut", "a frog wizard", "a dog chef": the animal is drawn, with what says the role worn or
    held (art.toml [roles]); the role's person picture would lose the animal. A thing in a role is a character
    only where the prompt makes it one ("a smiling croissant chef" mascot); a "pastry chef" stays a person."""
    from artboard.composer.reading import thing_kind  # (the reading's own kinds; it calls this module)

    roles: dict[str, str] = words.load("art").get("roles", {})
    out = list(things)
    rels = list(relations)
    for i, t in enumerate(things):
        parts = t.noun.split()
        if len(parts) == 2 and parts[0] in roles and parts[1] not in roles and thing_kind(parts[1]) == "animal":
            parts = parts[::-1]  # "an astronaut cat" is "a cat astronaut"
        if len(parts) != 2 or parts[1] not in roles:
            continue
        kind = thing_kind(parts[0])
        character = kind == "thing" and bool(said & _CHARACTER_WORDS or set(t.adjectives) & _CHARACTER_LOOKS)
        if kind != "animal" and not character:
            continue
        prop, how = roles[parts[1]].rsplit(" ", 1)
        out[i] = dataclasses.replace(t, noun=parts[0], head=parts[0], kind=kind)
        out.append(Thing(noun=prop, head=prop.split()[-1], kind="thing", start=t.end, end=t.end))
        rels.append(Relation(how, i, len(out) - 1, how))
    return out, rels


def weather_of(things: list[Thing], tagged: Sequence[Token]) -> list[Thing]:
    """ "a grumpy cloud raining", "a snowing cloud": the weather a thing is doing is part of its picture (art.toml
    [weather_states])."""
    table: dict[str, str] = words.load("art").get("weather_states", {})
    out = []
    for t in things:
        after = next((k.lower for k in tagged if k.start >= t.end), "")
        said = [*(k.lower for k in tagged if t.start <= k.start < t.end), after, t.doing]
        drawn = next((table[f"{t.noun} {w}"] for w in said if w and f"{t.noun} {w}" in table), None)
        out.append(dataclasses.replace(t, noun=drawn, head=drawn.split()[-1]) if drawn else t)
    return out


def in_context(things: list[Thing], said: frozenset[str]) -> list[Thing]:
    """ "a cap and a diploma" at a graduation: the mortarboard; "a bass jumping" on a fishing shirt: the fish
    (art.toml [context_senses]: the word, the words around it that decide, and what is drawn then)."""
    table: dict[str, str] = words.load("art").get("context_senses", {})
    out = []
    for t in things:
        entry = table.get(t.noun)
        if entry is not None:
            cues, _, drawn = entry.partition("|")
            if said & set(cues.split()) - {t.noun}:
                t = dataclasses.replace(t, noun=drawn.strip(), head=drawn.split()[-1])
        out.append(t)
    return out
