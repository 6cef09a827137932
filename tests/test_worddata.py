"""The composer's word data (data/words/*.toml) and the registry of design types and styles: every file loads
through the one loader with the shapes its readers expect, the registry is complete (every type has a recipe that
resolves and a rule that recognises it; every style's faces are installed families), and a malformed file fails
with an error naming the file and the key."""

from __future__ import annotations

import dataclasses
import importlib
import re
import tomllib
import typing
from importlib import resources

import pytest

from artboard.composer import context, fonts, lexicon, registry, vocabulary, words
from artboard.composer.brief import classify, parse
from artboard.composer.recipes import RECIPES, recipe_for
from artboard.composer.words import WordDataError, WordFile
from artboard.spec import StyleControls

# The modules, not the functions the layouts package re-exports under the same names.
tshirt = importlib.import_module("artboard.composer.recipes.layouts.tshirt")
tshirt_styles = importlib.import_module("artboard.composer.recipes.layouts.tshirt_styles")
_WORD = re.compile(r"[a-z0-9][a-z0-9'&+.-]*", re.ASCII)


def _is_words(value: object) -> bool:
    """A set of single lower-case words (no spaces, no stray punctuation)."""
    return isinstance(value, frozenset) and bool(value) and all(_WORD.fullmatch(w) for w in value)


def _is_phrases(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and bool(value)
        and all(isinstance(p, str) and p == p.strip() and p == " ".join(p.split()) and p for p in value)
    )


def test_every_word_file_ships_in_the_package_and_parses() -> None:
    names = sorted(p.name for p in resources.files("artboard").joinpath("data", "words").iterdir())
    assert {"design.toml", "vocabulary.toml", "lexicon.toml", "tshirt.toml"} <= set(names)
    for name in names:
        assert isinstance(words.load(name.removesuffix(".toml")), dict)


def test_vocabulary_has_the_shapes_its_readers_expect() -> None:
    for name in ("GENERIC", "NOUN_COLORS", "INSTITUTIONS", "BASIC_COLORS"):
        assert _is_words(getattr(vocabulary, name)), name
    for name in ("MEDIA_PHRASES", "COLOURLESS_COMPOUNDS", "OCCASION_PHRASES"):
        value = getattr(vocabulary, name)
        assert _is_phrases(value) and value == tuple(p.lower() for p in value), name
    assert isinstance(vocabulary.MOODS, dict) and all(_is_phrases(v) for v in vocabulary.MOODS.values())
    assert isinstance(vocabulary.DARK_SUBJECTS, re.Pattern)
    greetings = vocabulary.CARD_GREETINGS
    assert isinstance(greetings, tuple) and all(len(g) == 2 and all(isinstance(s, str) for s in g) for g in greetings)
    # An occasion is matched lower-case; its greeting is set as written.
    assert all(key == key.lower() and greeting[0].isupper() for key, greeting in greetings)
    # Basic colours are colours only; a colour that is also a thing is the other list's business.
    assert not vocabulary.BASIC_COLORS & {"coffee", "avocado", "sky"}


def test_lexicon_maps_words_to_ordered_distinct_icon_words() -> None:
    assert len(lexicon.LEXICON) > 500
    for word, targets in lexicon.LEXICON.items():
        assert word == word.lower().strip() and word, word
        assert isinstance(targets, tuple) and targets and len(set(targets)) == len(targets), word
    assert lexicon.MAX_PHRASE_WORDS == max(len(k.split()) for k in lexicon.LEXICON) >= 2
    for name in ("STYLE_WORDS", "NEGATORS", "BADGES", "CONTAINERS", "CHROME_WORDS", "CHROME_CATEGORIES"):
        assert _is_words(getattr(lexicon, name)), name
    assert _is_words(lexicon.STOPWORDS) and _is_words(lexicon.WEAK_WORDS)


def test_grammar_reads_through_the_typed_readers() -> None:
    g = words.GRAMMAR
    for name in ("determiners", "pronouns", "conjunctions", "auxiliaries", "adverbs", "numbers", "design_types"):
        assert isinstance(getattr(g, name), frozenset) and getattr(g, name), name
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in (*g.relations.items(), *g.actions.items()))
    assert g.design_compounds and all(c == " ".join(c.split()) for c in g.design_compounds)


def test_tshirt_words() -> None:
    for name in ("_OUTDOOR", "_BADGE", "_SUNSET", "_COLLEGE", "_SPORT", "_PLACEMENT", "_SMALL", "_CUTE", "_FUNNY"):
        assert _is_words(getattr(tshirt, name)), name
    for name in ("_TEE_NOUNS", "_SOFT_NOUNS", "_PART_WORDS", "_EYEWEAR", "_HEADS"):
        assert _is_words(getattr(tshirt_styles, name)), name
    kinds = [kind for kind, _, _ in tshirt_styles._SCENES]
    assert len(kinds) == len(set(kinds)) >= 4
    assert all(isinstance(draws, str) and _is_words(trigger) for _, draws, trigger in tshirt_styles._SCENES)


def test_every_design_type_has_a_recipe_and_a_rule() -> None:
    assert registry.FALLBACK_TYPE in registry.DESIGN_TYPES
    assert set(RECIPES) == set(registry.DESIGN_TYPES) == set(registry.TYPES)
    assert all(callable(recipe) for recipe in RECIPES.values())
    ruled = {kind for kind, _ in registry.TYPE_RULES}
    assert ruled == set(registry.DESIGN_TYPES)
    for kind, pattern in registry.TYPE_RULES:
        re.compile(pattern)
        assert pattern in registry.TYPES[kind].rules
    assert vocabulary.TYPE_RULES is registry.TYPE_RULES and vocabulary.DESIGN_TYPES is registry.DESIGN_TYPES
    # A type no recipe is registered for falls back to the illustration's.
    brief = parse("a fox in the snow")
    assert recipe_for(dataclasses.replace(brief, design_type="no_such_type")) is RECIPES["illustration"]
    assert recipe_for(dataclasses.replace(brief, design_type="logo")) is RECIPES["logo"]


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("logo for a coffee roastery", "logo"),
        ("set of 6 line icons: home, search, cart", "icon_set"),
        ("soft gradient background, navy to teal", "background"),
        ("vintage t-shirt design, mountains", "tshirt"),
        ("a lighthouse on a cliff at dusk", "illustration"),
    ],
)
def test_rules_recognise_types(prompt: str, kind: str) -> None:
    assert classify(prompt) == kind


def test_styles_register_their_words_faces_fill_and_levels() -> None:
    assert vocabulary.STYLE_WORDS is registry.STYLE_WORDS
    assert all(_is_phrases(v) for v in registry.STYLE_WORDS.values())
    # Every stored fill_style the API accepts means a style.
    fill_arg = typing.get_args(StyleControls.model_fields["fill_style"].annotation)[0]
    assert set(registry.FILL_STYLES) == set(typing.get_args(fill_arg))
    assert set(registry.FILL_STYLES.values()) <= set(registry.STYLES)
    assert set(registry.ARTISTIC) == set(range(6)) and set(registry.STYLES) >= registry.ARTISTIC_STYLES
    available = set(fonts.font_families())
    assert set(registry.FACE_ORDER) == set(registry.FACES) <= set(registry.STYLES)
    assert all(f in available for faces in (*registry.FACES.values(), registry.DEFAULT_FACES) for f in faces)
    assert context._FACES is registry.FACES and context._STYLE_ORDER is registry.FACE_ORDER


def _file(text: str) -> WordFile:
    return WordFile("demo", tomllib.loads(text))


@pytest.mark.parametrize(
    ("text", "read", "message"),
    [
        ("[a]\nb = 3", lambda f: f.word_set("a.b"), "data/words/demo.toml, key 'a.b': expected a non-empty string"),
        ("[a]\nb = 'x'", lambda f: f.word_set("a.c"), "data/words/demo.toml, key 'a.c': missing"),
        ("[a]\nb = ['x', 2]", lambda f: f.phrases("a.b"), "key 'a.b': expected a non-empty array of non-empty"),
        ("[a]\nb = 'x'\nc = 1", lambda f: f.string_map("a"), "key 'a.c': expected a non-empty string"),
        ("p = ['(unclosed']", lambda f: f.pattern("p"), "key 'p': not a valid regular expression"),
        ("[[s]]\nkind = 'x'", lambda f: f.text("s[0].draws", f.tables("s")[0].get("draws")), "key 's[0].draws'"),
    ],
)
def test_malformed_data_names_the_file_and_key(
    text: str, read: typing.Callable[[WordFile], object], message: str
) -> None:
    with pytest.raises(WordDataError, match=re.escape(message)):
        read(_file(text))


def test_registry_refuses_an_incomplete_table() -> None:
    types = "[type.illustration]\nrecipe = 'graphics.illustration'\n[type.logo]\nrecipe = 'marks.logo'\n"
    with pytest.raises(WordDataError, match=re.escape("key 'rule[0].type': expected a design type of [type] (illustr")):
        registry._types(_file(types + "[[rule]]\ntype = 'poster'\npattern = 'x'"))
    with pytest.raises(WordDataError, match=re.escape("key 'type.logo': no [[rule]] recognises it")):
        registry._types(_file(types + "[[rule]]\ntype = 'illustration'\npattern = 'x'"))
    with pytest.raises(WordDataError, match=re.escape("'module.function' of artboard.composer.recipes")):
        registry._types(
            _file("[type.illustration]\nrecipe = 'illustration'\n[[rule]]\ntype='illustration'\npattern='x'")
        )
    missing = registry.DesignType("demo", "marks.no_such_recipe", ("x",))
    with pytest.raises(WordDataError, match=re.escape("recipes.marks.no_such_recipe is not a function")):
        missing.recipe()
    styles = "[style.a]\nwords = ['a']\nfaces = ['inter']\n[style.b]\nwords = ['b']\nartistic_levels = [7]\n"
    with pytest.raises(WordDataError, match=re.escape("key 'style.b.artistic_levels': expected an array of integers")):
        registry._styles(_file(styles))
    data = _file(styles.replace("[7]", "[1]") + "[faces]\norder = ['b']\n")
    with pytest.raises(WordDataError, match=re.escape("key 'faces.order': expected each style with faces once (a)")):
        registry._face_order(data, registry._styles(data))


def test_a_missing_word_file_is_named() -> None:
    with pytest.raises(WordDataError, match=re.escape("data/words/no_such_file.toml: no such word file")):
        words.load("no_such_file")
