"""The design types and styles the composer knows: one registry, read from data/words/design.toml.

Adding a design type is its recipe (a function in composer/recipes/) plus one `[type.<name>]` table and its
`[[rule]]`s in design.toml; adding a style is one `[style.<name>]` table (the words that ask for it, its type
faces, what a stored style's fill style or an artistic level means). Everything else reads from here:
`vocabulary.DESIGN_TYPES` / `TYPE_RULES` / `STYLE_WORDS` (the brief's type detection and style words),
`recipes.RECIPES` / `recipe_for`, the stored-style tables of `composer.compose`, and the type faces of `context`.

Recipes are resolved lazily (`DesignType.recipe()`): the recipes import the brief, which imports this module, so
importing them here would be a cycle.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from artboard.composer.words import WordDataError, WordFile, file

if TYPE_CHECKING:
    from artboard.composer.context import Ctx

Recipe: TypeAlias = "Callable[[Ctx], str]"

# What a prompt no rule matches is, and the recipe a type without one falls back to.
FALLBACK_TYPE = "illustration"
# Recraft's controls.artistic_level runs 0…5 (spec.StyleSpec checks the range).
ARTISTIC_LEVELS = range(6)

_RECIPE_PATH = re.compile(r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*")


@dataclass(frozen=True)
class DesignType:
    name: str
    recipe_path: str  # "marks.logo": `logo` of the package artboard.composer.recipes.marks
    rules: tuple[str, ...]  # the patterns that recognise it, in their order among all the rules

    def recipe(self) -> Recipe:
        """The recipe function (imported on first use)."""
        module, function = self.recipe_path.split(".")
        found = getattr(importlib.import_module(f"artboard.composer.recipes.{module}"), function, None)
        if not callable(found):
            raise WordDataError(
                f"data/words/design.toml, key 'type.{self.name}.recipe': "
                f"artboard.composer.recipes.{self.recipe_path} is not a function"
            )
        recipe: Recipe = found
        return recipe


@dataclass(frozen=True)
class Style:
    name: str
    words: tuple[str, ...]  # words and phrases of the prompt that ask for it
    faces: tuple[str, ...] = ()  # type faces, best first (catalogue slugs)
    fill_style: str | None = None  # the stored style's fill_style that means it
    artistic_levels: frozenset[int] = frozenset()  # the artistic_level values that mean it


def _types(data: WordFile) -> dict[str, DesignType]:
    raw = data.table("type")
    rules: dict[str, list[str]] = {name: [] for name in raw}
    for i, rule in enumerate(data.tables("rule")):
        kind = rule.get("type")
        if kind not in rules:
            raise data.fail(f"rule[{i}].type", f"a design type of [type] ({', '.join(raw)})", kind)
        rules[kind].append(data.pattern(f"rule[{i}].pattern", rule.get("pattern")))
    out: dict[str, DesignType] = {}
    for name in raw:
        key = f"type.{name}"
        data.table(key)
        path = data.text(f"{key}.recipe")
        if not _RECIPE_PATH.fullmatch(path):
            raise data.fail(f"{key}.recipe", "'module.function' of artboard.composer.recipes", path)
        if not rules[name] and name != FALLBACK_TYPE:
            raise WordDataError(f"data/words/design.toml, key {key!r}: no [[rule]] recognises it")
        out[name] = DesignType(name, path, tuple(rules[name]))
    if FALLBACK_TYPE not in out:
        raise WordDataError(f"data/words/design.toml: the fallback type {FALLBACK_TYPE!r} has no [type] table")
    return out


def _styles(data: WordFile) -> dict[str, Style]:
    out: dict[str, Style] = {}
    for name, entry in data.table("style").items():
        key = f"style.{name}"
        levels: Any = entry.get("artistic_levels", [])
        if not isinstance(levels, list) or not all(isinstance(v, int) and v in ARTISTIC_LEVELS for v in levels):
            raise data.fail(f"{key}.artistic_levels", "an array of integers 0…5", levels)
        out[name] = Style(
            name=name,
            words=data.phrases(f"{key}.words"),
            faces=data.phrases(f"{key}.faces") if "faces" in entry else (),
            fill_style=data.text(f"{key}.fill_style") if "fill_style" in entry else None,
            artistic_levels=frozenset(levels),
        )
    fills = [s.fill_style for s in out.values() if s.fill_style is not None]
    if len(fills) != len(set(fills)):
        raise WordDataError(f"data/words/design.toml: a fill_style means one style, got {sorted(fills)}")
    return out


def _face_order(data: WordFile, styles: dict[str, Style]) -> tuple[str, ...]:
    order = data.phrases("faces.order")
    with_faces = {s.name for s in styles.values() if s.faces}
    if set(order) != with_faces or len(order) != len(with_faces):
        raise data.fail("faces.order", f"each style with faces once ({', '.join(sorted(with_faces))})", order)
    return order


_DATA = file("design")

TYPES: dict[str, DesignType] = _types(_DATA)
STYLES: dict[str, Style] = _styles(_DATA)

DESIGN_TYPES: tuple[str, ...] = tuple(TYPES)
# Ordered: the first rule whose pattern matches the lower-cased prompt wins.
TYPE_RULES: tuple[tuple[str, str], ...] = tuple(
    (str(rule["type"]), _DATA.pattern(f"rule[{i}].pattern", rule["pattern"]))
    for i, rule in enumerate(_DATA.tables("rule"))
)

STYLE_WORDS: dict[str, tuple[str, ...]] = {s.name: s.words for s in STYLES.values()}
# A stored style's fill style → the style word it means.
FILL_STYLES: dict[str, str] = {s.fill_style: s.name for s in STYLES.values() if s.fill_style is not None}
# artistic_level → the style words it means; ARTISTIC_STYLES are those a level sets or clears.
ARTISTIC: dict[int, frozenset[str]] = {
    level: frozenset(s.name for s in STYLES.values() if level in s.artistic_levels) for level in ARTISTIC_LEVELS
}
ARTISTIC_STYLES: frozenset[str] = frozenset(s.name for s in STYLES.values() if s.artistic_levels)
# Style → type faces, which style's faces win when a design has several, and the faces of a design with none.
FACES: dict[str, tuple[str, ...]] = {s.name: s.faces for s in STYLES.values() if s.faces}
FACE_ORDER: tuple[str, ...] = _face_order(_DATA, STYLES)
DEFAULT_FACES: tuple[str, ...] = _DATA.phrases("faces.default")
# A business's tone → its faces, when no style is said (first match wins).
TONE_FACES: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = tuple(
    (frozenset(t["words"]), tuple(t["faces"])) for t in _DATA.tables("tone")
)
