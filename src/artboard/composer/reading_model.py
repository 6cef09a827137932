"""The records a reading is made of: tokens, the things a prompt names, the relations between them, and the
reading itself (composer/reading.py reads them; composer/reading_relations.py relates the things)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["thing", "person", "animal", "place", "theme"]


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Thing:
    """One thing the prompt names. `noun` is what to draw: a compound ("olive oil"), or the head with the nouns
    that qualify it ("pizza slice"); `head` is the head noun's lemma."""

    noun: str
    head: str
    kind: Kind
    adjectives: tuple[str, ...] = ()
    colours: tuple[str, ...] = ()  # colour words said for this thing ("a red fox")
    count: int = 1
    start: int = 0
    end: int = 0
    establishment: bool = False  # "surf shop", "jazz festival": `noun` is what it sells or is about
    doing: str = ""  # what it does when the act has no object ("a family of four walking", "kids playing")


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # inside, full_of, made_of, on, above, below, behind, front, around, around_by, beside, with…
    a: int  # index of the thing it starts from
    b: int  # index of the thing it points to
    verb: str = ""  # the action that links them, when one does ("cooking", "riding")


@dataclass(frozen=True)
class Reading:
    tokens: tuple[Token, ...]
    things: tuple[Thing, ...] = ()
    relations: tuple[Relation, ...] = ()
    design_words: tuple[str, ...] = ()  # "logo", "poster"… as found
    look_words: tuple[str, ...] = ()  # "glossy", "flat", "outline"…
    names: tuple[str, ...] = field(default=())  # capitalised runs that are not sentence starts
