"""Words the prompt reader knows: design types, style words, moods, and words that never name a subject.

The words themselves are data: data/words/vocabulary.toml (moods, generic words, colour words that are things,
set phrases, card greetings) and data/words/design.toml (design types, the rules that recognise them, styles),
read through composer/words.py. This module keeps the names and types its callers import.
"""

from __future__ import annotations

import re

from artboard.composer import registry
from artboard.composer.words import file

_DATA = file("vocabulary")

DESIGN_TYPES: tuple[str, ...] = registry.DESIGN_TYPES

# Ordered: the first rule whose pattern matches wins, so specific phrases come before generic ones.
TYPE_RULES: tuple[tuple[str, str], ...] = registry.TYPE_RULES

STYLE_WORDS: dict[str, tuple[str, ...]] = registry.STYLE_WORDS

MOODS: dict[str, tuple[str, ...]] = _DATA.phrase_map("moods")

# Words that describe the design, not its subject; they never become icon queries.
GENERIC: frozenset[str] = _DATA.word_set("words.generic")

# Colour names that are also everyday nouns: "coffee roastery" asks for coffee, not for brown.
NOUN_COLORS: frozenset[str] = _DATA.word_set("words.noun_colors")

# Subjects that also set a mood: they stay subjects (drawn), and the design goes dark.
DARK_SUBJECTS: re.Pattern[str] = re.compile(_DATA.pattern("patterns.dark_subjects"))

# Places and bodies named after what they teach or sell ("language school", "surf shop"): the word before them
# names what to draw.
INSTITUTIONS: frozenset[str] = _DATA.word_set("words.institutions")

# The medium, not its subject: "a children's book cover about a whale" depicts a whale, not a book.
MEDIA_PHRASES: tuple[str, ...] = _DATA.phrases("phrases.media")

# Things whose name holds a colour word that is not a colour request: "ice cream truck" is not cream-coloured.
COLOURLESS_COMPOUNDS: tuple[str, ...] = _DATA.phrases("phrases.colourless_compounds")

# Colour terms that name a colour and nothing else; any other colour name standing alone is a thing ("avocado").
BASIC_COLORS: frozenset[str] = _DATA.word_set("words.basic_colors")

# Stock lines a shop or an event sets as they are ("available now", "coming soon").
SIGN_LINES: frozenset[str] = frozenset(_DATA.phrases("phrases.sign_lines"))

# Set phrases that are the message itself: "a thank you card" should say "Thank You". Longest first.
OCCASION_PHRASES: tuple[str, ...] = _DATA.phrases("phrases.occasions")

# A card of an occasion, named without its greeting ("christmas card for the Johnson family"): the greeting to set.
CARD_GREETINGS: tuple[tuple[str, str], ...] = tuple(_DATA.string_map("card_greetings").items())
