"""Hand-written synonyms and hypernyms that map prompt words onto the words icons are named with.

The embedding model knows that "espresso" is near "coffee", but not reliably, and it has no idea that a
law firm is drawn as scales or a gavel. Each entry maps a lower-case word or phrase to icon-name words,
best first. Targets must be words that occur in icon names or tags (tests check this).

The table and the icon index's word sets are data: data/words/lexicon.toml, read through composer/words.py.
"""

from __future__ import annotations

from types import MappingProxyType

from artboard.composer.words import WordDataError, file

_DATA = file("lexicon")


def _raw() -> dict[str, str]:
    """The [icon_words.<group>] tables flattened in the file's order; a word is in one group only."""
    out: dict[str, str] = {}
    for group in _DATA.table("icon_words"):
        for word, targets in _DATA.string_map(f"icon_words.{group}").items():
            if word in out:
                raise WordDataError(f"data/words/lexicon.toml, key 'icon_words.{group}.{word}': also in another group")
            out[word] = targets
    return out


_RAW: dict[str, str] = _raw()


def _split(targets: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(targets.split()))


# Words that describe the style or state of a glyph, not the thing drawn; they never enter the index text.
STYLE_WORDS = _DATA.word_set("index.style_words")
# Badges that negate or break the base glyph ("music-off"): almost never what a prompt means.
NEGATORS = _DATA.word_set("index.negators")
# Status badges bolted onto a base glyph: busier to look at and rarely what a prompt means.
BADGES = _DATA.word_set("index.badges")
CONTAINERS = _DATA.word_set("index.containers")
# Parts named on their whole ("robot head", "bicycle wheel"): the whole is drawn when no icon names the phrase.
PART_WORDS = _DATA.word_set("index.part_words")
# Interface furniture: right for UI prompts, noise for "a mountain landscape".
CHROME_WORDS = _DATA.word_set("index.chrome_words")
# Not "arrows": Lucide files sunrise/sunset there; arrow glyphs are caught by their names instead.
CHROME_CATEGORIES = _DATA.word_set("index.chrome_categories")
STOPWORDS = _DATA.word_set("index.stopwords")
# Dropped only when the query has other words: "coffee logo" means coffee, "logo" alone still searches. Also the
# generic heads of business names: in "barber shop" the barber is what to draw.
WEAK_WORDS = _DATA.word_set("index.weak_words")


LEXICON: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({k: _split(v) for k, v in _RAW.items()})
MAX_PHRASE_WORDS: int = max(len(k.split()) for k in LEXICON)

_POSES = frozenset({"pose", "position", "posture", "stance", "asana"})


def posed_figure(query: str) -> str | None:
    """ "lotus pose", "warrior pose": the figure doing it ("yoga"), which marks draw rather than the pose's
    namesake (a lotus flower)."""
    words = query.split()
    return LEXICON[query][0] if len(words) > 1 and words[-1] in _POSES and query in LEXICON else None
