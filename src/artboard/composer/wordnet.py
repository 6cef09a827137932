"""WordNet 3.0 lookups for the prompt reader: parts of speech, lemmas, multiword nouns and hypernyms.

The data is a compact extract of the Princeton WordNet 3.0 database (no glosses) built by
`tools/build_wordnet.py` into `data/lexicon/wordnet.json.gz`; its licence ships next to it as
`WORDNET-LICENSE`. Everything loads once per process on first use (~0.1 s).

Words are compared lower-case with spaces between the words of a compound; WordNet writes some compounds with
hyphens ("hot-air balloon"), so lookups also try the form with every hyphen read as a space.
"""

from __future__ import annotations

import functools
import gzip
import json
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

__all__ = [
    "POS",
    "Sense",
    "correct_spelling",
    "hypernym_lemmas",
    "hypernyms",
    "is_a",
    "is_noun",
    "lemma",
    "lexnames",
    "longest_compound",
    "parts_of_speech",
    "pos_counts",
    "senses",
]

POS = Literal["n", "v", "a", "r"]
_PARTS: tuple[POS, ...] = ("n", "v", "a", "r")
_MAX_CHAIN = 20

# Morphy's detachment rules (WordNet's morph.c) as "suffix:replacement", in its order. They over-generate
# ("bus" -> "bu"); every candidate is checked against the lemma lists before use.
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    pos: tuple((suffix, new) for suffix, _, new in (rule.partition(":") for rule in rules.split()))
    for pos, rules in {
        "n": "s: ses:s xes:x zes:z ches:ch shes:sh men:man ies:y",
        "v": "s: ies:y es:e es: ed:e ed: ing:e ing:",
        "a": "er: est: er:e est:e",
        "r": "",
    }.items()
}


@dataclass(frozen=True, slots=True)
class Sense:
    id: int  # synset id within the data file
    lexname: str  # e.g. "noun.animal", "noun.food", "noun.artifact"
    lemmas: tuple[str, ...]  # lower-case, spaces not underscores
    count: int  # tagged frequency of this sense, summed over its lemmas (0 when untagged)


def _split_map(column: dict[str, Any]) -> dict[str, int]:
    return dict(zip(column["lemmas"].split(";"), column["counts"], strict=True))


class _Lexicon:
    def __init__(self, raw: dict[str, Any]) -> None:
        # The file keeps big lists as ";"-joined strings (see tools/build_wordnet.py): splitting them is ~10x
        # faster than json.loads of as many small lists. Hypernym and index entries stay strings until used.
        noun = raw["noun"]
        self.lexnames: tuple[str, ...] = tuple(raw["lexnames"])
        self.lex: list[int] = noun["lex"]
        self.count: list[int] = noun["count"]
        self.lemmas: list[str] = noun["lemmas"].split(";")
        self.hyper_text: list[str] = noun["hyper"].split(";")
        index = raw["noun_index"]
        self.index: dict[str, str] = dict(zip(index["lemmas"].split(";"), index["ids"].split(";"), strict=True))
        self.counts: dict[str, dict[str, int]] = {pos: _split_map(c) for pos, c in raw["counts"].items()}
        self.exc: dict[str, dict[str, list[str]]] = raw["exc"]
        self.dehyphen: dict[str, str] = raw["dehyphen"]
        self.compound_len: dict[str, int] = raw["compound_len"]
        self.sense_cache: dict[int, Sense] = {}

    def hyper(self, sid: int) -> list[int]:
        return [int(h) for h in self.hyper_text[sid].split()]

    def noun_key(self, text: str) -> str | None:
        if text in self.index:
            return text
        flat = _flat(text)
        return flat if flat in self.index else self.dehyphen.get(flat)

    def known(self, text: str, pos: str) -> str | None:
        """The lemma as WordNet spells it, if `text` is one for `pos`."""
        if pos == "n":
            return self.noun_key(text)
        return text if text in self.counts[pos] else None

    def sense(self, sid: int) -> Sense:
        found = self.sense_cache.get(sid)
        if found is None:
            found = Sense(sid, self.lexnames[self.lex[sid]], tuple(self.lemmas[sid].split("|")), self.count[sid])
            self.sense_cache[sid] = found  # a race only stores an equal object twice
        return found


_lock = threading.Lock()
_loaded: list[_Lexicon] = []


def _lexicon() -> _Lexicon:
    if not _loaded:
        with _lock:
            if not _loaded:
                blob = resources.files("artboard").joinpath("data", "lexicon", "wordnet.json.gz").read_bytes()
                _loaded.append(_Lexicon(json.loads(gzip.decompress(blob))))
    return _loaded[0]


def _norm(word: str) -> str:
    # WordNet spells loanwords without their accents: a "café" is its "cafe", a "jalapeño" its "jalapeno".
    plain = unicodedata.normalize("NFKD", word.lower())
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).replace("_", " ").split())


def _flat(text: str) -> str:
    return " ".join(text.replace("-", " ").split())


def _candidates(lx: _Lexicon, word: str, pos: str) -> list[str]:
    """Morphy's unchecked base forms of `word`, the word itself first."""
    if pos not in _RULES:
        raise ValueError(f"unknown part of speech {pos!r}; expected one of {_PARTS}")
    exceptions = lx.exc[pos].get(word)
    if exceptions:
        return list(dict.fromkeys([word, *exceptions]))
    # morph.c leaves short nouns and "-ss" nouns alone: "is" is not the plural of "i", nor "glass" of "glas".
    if pos == "n" and (len(word) <= 2 or word.endswith("ss")):
        return [word]
    forms = [word] + [word[: len(word) - len(s)] + e for s, e in _RULES[pos] if word.endswith(s) and word != s]
    return list(dict.fromkeys(forms))


def _lemma(lx: _Lexicon, word: str, pos: str) -> str | None:
    for form in _candidates(lx, word, pos):
        found = lx.known(form, pos)
        if found:
            return found
    # Compounds inflect on the head, which WordNet's morphy finds by trying the last word.
    head, _, last = word.rpartition(" ")
    if pos == "n" and head:
        for form in _candidates(lx, last, pos)[1:]:
            found = lx.noun_key(f"{head} {form}")
            if found:
                return found
    return None


def lemma(word: str, pos: str = "n") -> str | None:
    """The WordNet lemma of `word` as part of speech `pos` ("mice" -> "mouse"), or None if it is none."""
    return _lemma(_lexicon(), _norm(word), pos)


def pos_counts(word: str) -> dict[str, int]:
    """Summed tagged frequency of the word's lemma per part of speech; 1 for an untagged part of speech."""
    lx = _lexicon()
    text = _norm(word)
    out: dict[str, int] = {}
    for pos in _PARTS:
        found = _lemma(lx, text, pos)
        if found is not None:
            out[pos] = lx.counts[pos].get(found, 0) or 1
    return out


def parts_of_speech(word: str) -> frozenset[str]:
    return frozenset(pos_counts(word))


def is_noun(word: str) -> bool:
    return lemma(word, "n") is not None


def longest_compound(words: Sequence[str], start: int = 0) -> int:
    """How many of the tokens from `start` (at least 2) form the longest WordNet multiword noun; 0 if none.

    Only the last token is lemmatised ("hot air balloons"), as English compounds inflect on the head.
    """
    if start >= len(words) - 1:
        return 0
    lx = _lexicon()
    first = _flat(_norm(words[start])).split(" ")[0]
    limit = lx.compound_len.get(first, 0)
    for size in range(min(limit, len(words) - start), 1, -1):
        text = _flat(_norm(" ".join(words[start : start + size])))
        if " " not in text or text.count(" ") + 1 > limit:
            continue
        # Any noun lemma of two or more words is a compound; the plural may be an exception ("attorneys general").
        if lx.noun_key(text) or any(lx.noun_key(e) for e in lx.exc["n"].get(text, ())):
            return size
        head, _, last = text.rpartition(" ")
        if any(lx.noun_key(f"{head} {form}") for form in _candidates(lx, last, "n")[1:]):
            return size
    return 0


def senses(noun: str) -> tuple[Sense, ...]:
    """The noun's synsets in WordNet order (most frequent first); the noun is lemmatised first."""
    lx = _lexicon()
    key = _lemma(lx, _norm(noun), "n")
    if key is None:
        return ()
    return tuple(lx.sense(int(sid)) for sid in lx.index[key].split())


def hypernyms(sense: Sense) -> tuple[Sense, ...]:
    """Nearest hypernym first, up to the root, along the first hypernym (or instance-hypernym) pointer."""
    lx = _lexicon()
    chain: list[Sense] = []
    sid = sense.id
    while len(chain) < _MAX_CHAIN and (up := lx.hyper(sid)):
        sid = up[0]
        chain.append(lx.sense(sid))
    return tuple(chain)


def hypernym_lemmas(noun: str, max_senses: int = 1) -> tuple[str, ...]:
    """The first lemma of each hypernym of the first `max_senses` senses, nearest first, without repeats."""
    out: dict[str, None] = {}
    for sense in senses(noun)[:max_senses]:
        out.update((h.lemmas[0], None) for h in hypernyms(sense))
    return tuple(out)


def is_a(noun: str, ancestor: str, max_senses: int = 3) -> bool:
    """Whether one of the first senses of `noun` is, or descends from, a synset with the lemma `ancestor`.

    Unlike `hypernyms`, this follows every hypernym pointer, not just the first: WordNet files "dog" under both
    "canine" and "domestic animal", and only the first is on the chain `hypernyms` walks.
    """
    lx = _lexicon()
    target = _flat(lemma(ancestor, "n") or _norm(ancestor))
    todo = [s.id for s in senses(noun)[:max_senses]]
    seen: set[int] = set()
    while todo:
        sid = todo.pop()
        if sid in seen:
            continue
        seen.add(sid)
        if any(_flat(name) == target for name in lx.lemmas[sid].split("|")):
            return True
        todo.extend(lx.hyper(sid))
    return False


# What a named place is when it can be drawn: a tower, a bridge, a mountain, a statue ("Mount Fuji").
_LANDMARK_KINDS = ("structure", "geological formation", "sculpture", "body of water")


def names_landmark(phrase: str) -> bool:
    """Whether a name of two words or more is a landmark WordNet knows ("Mount Fuji", "Golden Gate Bridge",
    "Statue of Liberty"), which is drawn; a street, a shop or a city named so is not one."""
    words = phrase.lower().split()
    return (
        len(words) >= 2
        and longest_compound(words) == len(words)
        and any(is_a(" ".join(words), kind, max_senses=1) for kind in _LANDMARK_KINDS)
    )


def lexnames(noun: str, max_senses: int = 3) -> tuple[str, ...]:
    """The lexicographer file of each of the first senses, e.g. ("noun.animal", "noun.food")."""
    return tuple(s.lexname for s in senses(noun)[:max_senses])


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@functools.cache
def _spelling_index() -> dict[str, tuple[str, ...]]:
    """Every one-letter deletion of a tagged single-word lemma (and the lemma itself) → those lemmas.

    A symmetric-delete index (the SymSpell idea): a typo one edit away from a word shares a key with it.
    """
    lx = _lexicon()
    index: dict[str, list[str]] = {}
    for counts in lx.counts.values():
        for word, count in counts.items():
            if count and len(word) >= 5 and word.isalpha():
                for key in _deletes(word) | {word}:
                    index.setdefault(key, []).append(word)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


def correct_spelling(word: str) -> str | None:
    """The common word a lower-case typo stands for ("resturant" → "restaurant"), or None.

    Only words WordNet does not know, of five letters or more, and only edits that keep the typed letters: a
    missing, swapped or wrong letter, or a doubled one. Dropping a letter the user typed would turn unknown
    real words into others ("matcha" → "match").
    """
    if len(word) < 5 or not word.isalpha() or pos_counts(word):
        return None
    index = _spelling_index()
    lx = _lexicon()
    # Ranked by how typos happen: a dropped letter, two letters swapped, a letter doubled, a wrong letter.
    ranked: list[tuple[int, str]] = [(0, c) for c in index.get(word, ()) if len(c) == len(word) + 1]
    for key in _deletes(word):
        for candidate in index.get(key, ()):
            if len(candidate) == len(word):
                diff = [i for i in range(len(word)) if word[i] != candidate[i]]
                if (
                    len(diff) == 2
                    and diff[1] == diff[0] + 1
                    and word[diff[0]] == candidate[diff[1]]
                    and word[diff[1]] == candidate[diff[0]]
                ):
                    ranked.append((1, candidate))
                elif len(diff) == 1:
                    ranked.append((3, candidate))
            elif candidate == key and any(
                word[i] == word[i + 1] and key == word[:i] + word[i + 1 :] for i in range(len(word) - 1)
            ):
                ranked.append((2, candidate))
    if not ranked:
        return None
    best = min(rank for rank, _ in ranked)
    tied = sorted({c for rank, c in ranked if rank == best})
    return max(tied, key=lambda w: (lx.counts["n"].get(w, 0), max(lx.counts[p].get(w, 0) for p in _PARTS)))
