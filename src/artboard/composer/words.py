"""The one loader for the composer's word data (artboard/data/words/*.toml).

Words live in data files, not in code: a designer can extend what the reader understands without touching a
recipe, and every module asks the same tables.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A TOML file of data/words, parsed once per process."""
    data = resources.files("artboard").joinpath("data", "words", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(data)


@dataclass(frozen=True)
class Grammar:
    determiners: frozenset[str]
    pronouns: frozenset[str]
    conjunctions: frozenset[str]
    auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    numbers: frozenset[str]
    relations: dict[str, str]
    actions: dict[str, str]
    design_types: frozenset[str]
    looks: frozenset[str]
    context: frozenset[str]
    design_compounds: tuple[str, ...]
    establishments: frozenset[str]
    portions: frozenset[str]
    containers: frozenset[str]
    people: frozenset[str]
    events: frozenset[str]
    claims: frozenset[str]


def _grammar() -> Grammar:
    raw = load("grammar")
    closed, design = raw["closed"], raw["design"]
    return Grammar(
        determiners=_words(closed["determiners"]),
        pronouns=_words(closed["pronouns"]),
        conjunctions=_words(closed["conjunctions"]),
        auxiliaries=_words(closed["auxiliaries"]),
        adverbs=_words(closed["adverbs"]),
        numbers=_words(closed["numbers"]),
        relations=dict(raw["relations"]),
        actions=dict(raw["actions"]),
        design_types=_words(design["types"]),
        looks=_words(design["looks"]),
        context=_words(design["context"]),
        design_compounds=tuple(c.strip() for c in design["compounds"].replace("\n", "").split("|") if c.strip()),
        establishments=_words(design["establishments"]),
        portions=_words(design["portions"]),
        containers=_words(design["containers"]),
        people=_words(design["people"]),
        events=_words(design["events"]),
        claims=_words(design["claims"]),
    )


GRAMMAR: Grammar = _grammar()
