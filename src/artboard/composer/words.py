"""The one loader for the composer's word data (artboard/data/words/*.toml).

Words live in data files, not in code: a designer can extend what the reader understands without touching a
recipe, and every module asks the same tables. Each file is parsed once per process; the typed readers below
(`words.file(name).word_set(key)` …) check each value's shape and name the file and key when one is wrong, so a
typo in a data file fails at import with a message that says where, not later as a wrong design.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


class WordDataError(ValueError):
    """A data/words file that is missing, is not TOML, or holds a value of the wrong shape (names file and key)."""


# "No value given: read it from the file" (None is what `dict.get` answers for a key a table lacks).
_UNSET: Any = object()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A TOML file of data/words, parsed once per process."""
    where = f"data/words/{name}.toml"
    try:
        data = resources.files("artboard").joinpath("data", "words", f"{name}.toml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise WordDataError(f"{where}: no such word file") from exc
    try:
        return tomllib.loads(data)
    except tomllib.TOMLDecodeError as exc:
        raise WordDataError(f"{where}: not valid TOML: {exc}") from exc


@dataclass(frozen=True)
class WordFile:
    """One parsed word file and typed readers for its values. `key` is a dotted path ("index.stopwords")."""

    name: str
    data: dict[str, Any]

    def _where(self, key: str) -> str:
        return f"data/words/{self.name}.toml, key {key!r}"

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise WordDataError(f"{self._where(key)}: missing")
            node = node[part]
        return node

    def _value(self, key: str, value: Any) -> Any:
        """`value` as given (an entry of an array of tables, read by the caller), else the file's value at `key`."""
        if value is _UNSET:
            return self.get(key)
        if value is None:
            raise WordDataError(f"{self._where(key)}: missing")
        return value

    def fail(self, key: str, expected: str, value: Any) -> WordDataError:
        return WordDataError(f"{self._where(key)}: expected {expected}, got {type(value).__name__} {value!r:.60}")

    def text(self, key: str, value: Any = _UNSET) -> str:
        value = self._value(key, value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "a non-empty string", value)
        return value

    def word_list(self, key: str) -> tuple[str, ...]:
        """A string of whitespace-separated words, in order, each once (a set written as text)."""
        return tuple(dict.fromkeys(self.text(key).split()))

    def word_set(self, key: str) -> frozenset[str]:
        return frozenset(self.word_list(key))

    def phrases(self, key: str, value: Any = _UNSET) -> tuple[str, ...]:
        """An array of non-empty strings (phrases may hold spaces), in order."""
        value = self._value(key, value)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "a non-empty array of non-empty strings", value)
        return tuple(value)

    def table(self, key: str) -> dict[str, Any]:
        value = self.get(key)
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "a non-empty table", value)
        return value

    def tables(self, key: str) -> list[dict[str, Any]]:
        """An array of tables ([[key]]), in order."""
        value = self.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "an array of tables ([[" + key + "]])", value)
        return value

    def string_map(self, key: str) -> dict[str, str]:
        """A table of strings, in the file's order."""
        out = self.table(key)
        for k, v in out.items():
            if not isinstance(v, str) or not v.strip():
                raise self.fail(f"{key}.{k}", "a non-empty string", v)
        return dict(out)

    def phrase_map(self, key: str) -> dict[str, tuple[str, ...]]:
        """A table of phrase arrays, in the file's order."""
        return {k: self.phrases(f"{key}.{k}", v) for k, v in self.table(key).items()}

    def pattern(self, key: str, value: Any = _UNSET) -> str:
        """A regular expression, written as one string or an array of pieces joined (checked to compile)."""
        value = self._value(key, value)
        pieces = [value] if isinstance(value, str) else value
        if not isinstance(pieces, list) or not pieces or not all(isinstance(p, str) for p in pieces):
            raise self.fail(key, "a regular expression (a string or an array of strings)", value)
        joined = "".join(pieces)
        try:
            re.compile(joined)
        except re.error as exc:
            raise WordDataError(f"{self._where(key)}: not a valid regular expression: {exc}") from exc
        return joined


@functools.cache
def file(name: str) -> WordFile:
    """data/words/`name`.toml with its typed readers."""
    return WordFile(name, load(name))


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
    seal_words: frozenset[str]


def _grammar() -> Grammar:
    g = file("grammar")
    return Grammar(
        determiners=g.word_set("closed.determiners"),
        pronouns=g.word_set("closed.pronouns"),
        conjunctions=g.word_set("closed.conjunctions"),
        auxiliaries=g.word_set("closed.auxiliaries"),
        adverbs=g.word_set("closed.adverbs"),
        numbers=g.word_set("closed.numbers"),
        relations=g.string_map("relations"),
        actions=g.string_map("actions"),
        design_types=g.word_set("design.types"),
        looks=g.word_set("design.looks"),
        context=g.word_set("design.context"),
        # "|"-separated, since a compound holds spaces; line breaks inside one are wrapping, not separators.
        design_compounds=tuple(c.strip() for c in g.text("design.compounds").replace("\n", "").split("|") if c.strip()),
        establishments=g.word_set("design.establishments"),
        portions=g.word_set("design.portions"),
        containers=g.word_set("design.containers"),
        people=g.word_set("design.people"),
        events=g.word_set("design.events"),
        claims=g.word_set("design.claims"),
        seal_words=g.word_set("design.seal_words"),
    )


GRAMMAR: Grammar = _grammar()
