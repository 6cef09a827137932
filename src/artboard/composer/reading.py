"""A designer's reading of a prompt: the things it names (noun phrases with their head nouns, compounds kept
whole), the relations between them (inside, above, holding, riding…), and the words that describe the design
itself, which are never drawn.

    read("a happy dog in a bathtub full of bubbles")
    → things: dog (happy), bathtub, bubble; relations: dog inside bathtub, bathtub full_of bubble

Parts of speech, lemmas, compounds and word senses come from WordNet (composer/wordnet.py); the closed-class
words and the brief's own vocabulary from data/words/grammar.toml (composer/words.py). The reader is a pure
function of its text: no seed, no icon search.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from artboard.composer import flags, icons, wordnet, words
from artboard.composer import words as _words
from artboard.composer.lexicon import LEXICON
from artboard.composer.reading_context import animal_in_role, in_context, weather_of
from artboard.composer.reading_model import Kind as Kind
from artboard.composer.reading_model import Reading as Reading
from artboard.composer.reading_model import Relation as Relation
from artboard.composer.reading_model import Thing as Thing
from artboard.composer.reading_model import Token as Token
from artboard.composer.reading_relations import intransitive, placed_after, relations_of, resolve_of, same_creature
from artboard.composer.words import GRAMMAR

# WordNet lexicographer files whose nouns can be drawn as a thing; the rest name ideas (acts, feelings, times).
_PHYSICAL = frozenset(
    "noun.animal noun.artifact noun.body noun.food noun.object noun.person noun.phenomenon noun.plant "
    "noun.substance noun.location noun.shape".split()
)
_TOKEN_RE = re.compile(
    r"\b[23][dD]\b|\b[yY]2[kK]\b|[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]*|\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s|mm|px|k|K)?|[^\sA-Za-zÀ-ÿ\d]"
)  # "glossy 3D", "y2k" are one word, a look
# Tags: DET PRON CONJ AUX ADV NUM REL ACT DESIGN LOOK CTX COLOUR ADJ NOUN VERB NAME PUNCT BAR
_RUN_TAGS = frozenset({"ADJ", "NOUN", "COLOUR", "NUM", "LOOK", "NAME"})


# --- tokens and tags ----------------------------------------------------------------------------------------


# "hand drawn", "hand stamped": how a thing is made, no hand to draw.
_HAND_MADE = frozenset(
    "lettering lettered drawn made painted written crafted inked sketched stamped printed carved cut stitched "
    "embroidered sewn knitted poured thrown tooled".split()
)

_SCREENS = frozenset("phone desktop laptop mobile iphone android tablet ipad computer screen lockscreen home".split())
_YOUNG_READERS = frozenset("kids kid children childrens kid's kids' children's picture storybook".split())
_BOOK_LOOKS = frozenset("illustration illustrations style art drawing drawings look aesthetic".split())
# "a woman's face", "a man's profile": the person's own, so the picture is of them ("woman face").
_OWN_PARTS = frozenset("face profile portrait silhouette head smile eyes hands hand hair".split())


def _split_keys(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(key.split()): value for key, value in table.items()}


@functools.cache
def _relation_keys() -> dict[tuple[str, ...], str]:
    return _split_keys(GRAMMAR.relations)


@functools.cache
def _compounds_of_design() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(c.replace("-", " ").split()) for c in GRAMMAR.design_compounds)


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group(), _spelled(m.group(), _norm(m.group())), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)
    ]


@functools.cache
def _own_words() -> frozenset[str]:
    g = GRAMMAR
    sets = (g.design_types, g.looks, g.context, g.establishments, g.portions, g.containers, g.people, g.events)
    # Function words WordNet leaves out ("toward" is no typo of "coward") are read as written.
    function_words = (g.determiners, g.pronouns, g.conjunctions, g.auxiliaries, g.adverbs, g.numbers)
    verbs = {key.split()[0] for key in g.actions}
    prepositions = {w for key in g.relations for w in key.split()}
    return frozenset().union(*sets, *function_words, verbs, prepositions)


@functools.lru_cache(maxsize=4096)
def _spelled(text: str, word: str) -> str:
    """A lower-case typo read as the word it stands for ("resturant"); names and icon words stay as typed."""
    if text != word or len(word) < 5 or not word.isalpha() or word in _own_words():
        return word
    fixed = wordnet.correct_spelling(word)
    return fixed if fixed and not icons.known_word(word) else word


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


@functools.cache
def _calls_to_act() -> tuple[frozenset[str], frozenset[str]]:
    design = words.load("grammar")["design"]
    return frozenset(design["calls_to_act"].split()), frozenset(design["call_followers"].split())


@functools.cache
def _ride_acts() -> frozenset[str]:
    return frozenset(words.load("art").get("ride_props", {}))


@functools.cache
def _event_acts() -> frozenset[str]:
    return frozenset(words.load("grammar")["design"]["event_acts"].split())


def _event_act(qualifiers: list[str], head: str) -> bool:
    return head in GRAMMAR.events and qualifiers[-1] in _event_acts()


@functools.cache
def _feeling_words() -> frozenset[str]:
    """Words for a face's look that describe the thing after them ("a crying onion", "a winking sun")."""
    from artboard.composer.recipes.faces import EXPRESSIONS

    said = {w for _name, phrases in EXPRESSIONS for w in phrases if " " not in w}
    return frozenset(w for w in said if w.endswith("ing") or wordnet.pos_counts(w).get("a"))


def _open_class_tag(word: str, nxt: str | None) -> str:
    if nxt is not None and word in _feeling_words() and nxt.isalpha():
        return "ADJ"
    if word == "hand" and nxt in _HAND_MADE:
        return "ADJ"  # "hand lettering", "hand drawn": how it is made, no hand to draw
    calls, followers = _calls_to_act()
    if word in calls and nxt in followers:
        return "VERB"  # "book at breatherenew.com": no book to draw
    counts = wordnet.pos_counts(word)
    if not counts:
        return "NOUN" if len(word) > 2 and word.isalpha() else "X"
    noun, adj, verb = counts.get("n", 0), counts.get("a", 0), counts.get("v", 0)
    if noun and (noun >= adj or nxt is None):
        return "NOUN"
    if adj:
        # "a rustic Italian kitchen", "a cozy cabin": mostly an adjective, before what it describes
        before_noun = (
            nxt is not None and nxt.isalpha() and (wordnet.is_noun(nxt) or bool(wordnet.pos_counts(nxt).get("a")))
        )
        return "ADJ" if not noun or adj > 2 * noun or before_noun else "NOUN"
    if verb and not noun:
        return "VERB"
    return "NOUN" if noun else ("ADV" if counts.get("r") else "X")


def _tag(
    tokens: list[Token], colour_spans: Sequence[tuple[int, int]], barriers: Sequence[tuple[int, int]]
) -> list[Token]:
    g = GRAMMAR
    out: list[Token] = []
    rel_keys = _relation_keys()
    longest_rel = max(len(k) for k in rel_keys)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if any(a <= tok.start < b for a, b in barriers):
            if tok.text[:1].isupper():
                _untag_role(out)  # "speaker Priya Rao", the name set as copy
            out.append(dataclasses.replace(tok, tag="BAR"))
            i += 1
            continue
        if any(a <= tok.start < b for a, b in colour_spans):
            out.append(dataclasses.replace(tok, tag="COLOUR"))
            i += 1
            continue
        if not tok.lower[:1].isalnum():
            tag = "CONJ" if tok.lower in ("&", "+") else "PUNCT"  # "mountain + compass"
            out.append(dataclasses.replace(tok, tag=tag))
            i += 1
            continue
        # Multi-word relations first ("in front of", "full of"): one REL token spanning them.
        words = [t.lower for t in tokens[i : i + longest_rel]]
        rel = next((n for n in range(min(longest_rel, len(words)), 1, -1) if tuple(words[:n]) in rel_keys), 0)
        if rel:
            last = tokens[i + rel - 1]
            out.append(Token(" ".join(words[:rel]), " ".join(words[:rel]), tok.start, last.end, "REL"))
            i += rel
            continue
        w = tok.lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else None
        prev = out[-1].tag if out else None
        after = tuple(t.lower for t in tokens[i + 1 : i + 3])
        if tok.text.lower().endswith(("'s", "’s")) and (
            (after[:1] and after[0] in g.design_types) or after in _compounds_of_design()
        ):
            tag = "X"  # "a children's book cover", "a women's health poster": who it is for, not a thing in it
        elif w in _YOUNG_READERS and nxt in ("book", "books") and after[1:2] and after[1] in _BOOK_LOOKS:
            tag = "LOOK"  # "kids book illustration": the style of a picture book, not children to draw
        elif w == "book" and out and out[-1].tag == "LOOK" and out[-1].lower in _YOUNG_READERS:
            tag = "LOOK"
        elif w in ("flight", "mid-flight") and prev in ("REL",) and out and out[-1].lower in ("in", "mid"):
            tag = "ADJ"  # "a falcon in flight": how it is, not an aeroplane's flight
        elif w == "hand" and nxt in _HAND_MADE:
            tag = "LOOK"  # "hand drawn stars": how they are drawn, not a hand
        elif f"{w} {nxt}" in look_compounds() or (prev == "LOOK" and f"{out[-1].lower} {w}" in look_compounds()):
            tag = "LOOK"  # "paper cut style", "a low poly fox", "stained glass": a technique, both words
        elif w in _LISTICLE and prev == "NUM":
            tag = "X"  # "4 steps to brew coffee", "5 tips for better sleep": how the list is counted
        elif (
            len(out) >= 2
            and out[-1].lower == "to"
            and out[-2].lower in _LISTICLE | {"how"}
            and wordnet.pos_counts(w).get("v")
        ):
            tag = "VERB"  # "how to brew coffee", "ways to save money": the act, not a thing to draw
        elif (w in ("year", "years", "month", "months", "old") and prev == "NUM") or (
            w == "old" and out[-1:] and out[-1].lower.startswith(("year", "month"))
        ):
            tag = "X"  # "for a 5 year old": an age, not a year to draw
        elif w in _OUTLINES and nxt in g.design_types:
            tag = "LOOK"  # "a circle sticker", "a round badge": the design's outline, not a thing drawn in it
        elif w in g.determiners:
            tag = "DET"
        elif w in g.pronouns and w != "one":
            tag = "PRON"
        elif w in g.conjunctions and not (w == "plus" and nxt in ("sign", "signs", "symbol", "icon")):
            tag = "CONJ"  # (not "a plus sign": the sign)
        elif w in g.auxiliaries and not (
            out and out[-1].tag == "NOUN" and wordnet.longest_compound([out[-1].lower, w]) == 2
        ):
            tag = "AUX"  # not the can of "a watering can", a compound WordNet knows
        elif w in g.adverbs:
            tag = "ADV"
        elif (w in g.numbers and not (w == "couple" and nxt != "of")) or w[:1].isdigit():
            tag = "NUM"
        elif w in g.events and prev == "NOUN" and (nxt is None or nxt in _TIMES or not nxt[:1].isalpha()):
            tag = "NOUN"  # "author signing Saturday 3pm", "wine tasting, 7pm": the event, when it is dated
        elif (
            w.endswith("s")
            and prev == "NOUN"
            and f"{out[-1].lower} {w}" not in LEXICON  # "palm leaves and …" names a thing; "coffee gets to" acts
            and (nxt in g.determiners or (nxt,) in rel_keys)
            and wordnet.pos_counts(w).get("v", 0) > 4 * wordnet.pos_counts(w).get("n", 0)
            and wordnet.lemma(w, "v") not in (None, w)
        ):
            tag = "VERB"  # "how coffee gets to your cup": a clause's verb, not a kind of coffee
        elif (
            prev in ("NOUN", "NAME", "AUX")
            and nxt is not None
            # "a book signing" is an event; "a moon reading a book" reads it
            and not (
                w in g.events and thing_kind(out[-1].lower) not in ("person", "animal") and nxt not in g.determiners
            )
            and (
                w in g.actions
                or (w.endswith("ing") and nxt in g.determiners and wordnet.pos_counts(w).get("v"))
                or (
                    w.endswith("ing")
                    and prev != "AUX"
                    and _mostly_verb(w)
                    and wordnet.is_noun(nxt)
                    and nxt not in g.establishments  # "a car charging network", "a house cleaning service"
                )
                or (_doing(out[-1].lower, w, nxt, rel_keys) and nxt not in g.establishments)
            )
        ) or (w.endswith("ing") and prev in ("NOUN", "NUM") and _acts_alone(out, w, nxt, rel_keys)):
            tag = "ACT"  # "a woman working on a laptop", "a cat wearing a crown", "ducks crossing a road"
        elif (w,) in rel_keys and not (w == "like" and prev in (None, "AUX")):
            tag = "REL"
        elif w in ("pin", "pins") and out and out[-1].lower in ("enamel", "lapel", "enameled", "enamelled"):
            tag = "DESIGN"  # "an enamel pin of a cat": the design, not a push pin ("a pin icon" stays a pin)
            out[-1] = dataclasses.replace(out[-1], tag="DESIGN")
        elif (
            w in g.design_types
            and not _ends_compound(tokens, i)
            and not (w in ("reel", "reels") and out and out[-1].lower in ("film", "fishing", "movie", "cinema"))
        ):
            tag = "DESIGN"
            # "pie chart", "book cover": the words before it belong to the design too.
            for k in (2, 1):
                if len(out) >= k and tuple([t.lower for t in out[-k:]] + [w]) in _compounds_of_design():
                    out[-k:] = [dataclasses.replace(t, tag="DESIGN") for t in out[-k:]]
                    break
            if w in ("wallpaper", "wallpapers", "background", "backgrounds") and out and out[-1].lower in _SCREENS:
                # "phone wallpaper", "desktop background": the screen it is for, not a phone to draw
                out[-1] = dataclasses.replace(out[-1], tag="DESIGN")
            if w in ("sticker", "stickers", "decal", "decals") and out and out[-1].lower in _STUCK_ON:
                # "laptop sticker", "bumper sticker": where it is stuck, not a laptop to draw
                out[-1] = dataclasses.replace(out[-1], tag="DESIGN")
        elif out and _relative(out) and wordnet.pos_counts(w).get("v") and (nxt is None or nxt not in g.relations):
            tag = "VERB"  # "a boy who loves dinosaurs": what he does, not a kind of dinosaur
        elif w in g.looks and not (prev == "NOUN" and f"{out[-1].lower} {w}" in LEXICON):
            tag = "LOOK"  # (a look word that a thing before it names a part of is that thing: "camera aperture")
        elif w in g.context:
            tag = "CTX"
        elif (
            tok.text[:1].isupper()
            and i > 0
            and not _sentence_start(tokens, i)
            and (not wordnet.pos_counts(w) or _after_naming(out) or _paired_name(tokens, i))
        ):
            tag = "NAME"  # an unknown capitalised word, or any after "named"/"called" ("named Lotus & Light")
        else:
            tag = _open_class_tag(w, nxt)
            if tag == "NOUN" and tok.text[:1].isupper() and wordnet.pos_counts(w).get("a") and nxt is not None:
                tag = "ADJ"  # "a Norwegian design studio", "Greek olive oil": a nationality describes
            if (
                tag == "NOUN"
                and w.endswith("ing")
                and prev == "NOUN"
                and (nxt is None or not nxt[:1].isalnum())
                and _mostly_verb(w)
            ):
                tag = "ADJ"  # "an ice cream cone melting", "a candle burning": the state of the thing before
            if tag == "NOUN" and w in _SIZES and nxt is not None and wordnet.is_noun(nxt):
                tag = "ADJ"  # "a giant radio dish", "a jumbo pretzel": how big, not a giant
            if tag == "NOUN" and w.endswith("ing") and nxt in g.determiners and wordnet.pos_counts(w).get("v"):
                tag = "VERB"  # "…, supporting the animal shelter": a clause about it, not a thing called so
            if tag == "VERB" and nxt == "of" and wordnet.is_noun(w):
                tag = "NOUN"  # "stacks of books", "rows of lavender": a verb form is not followed by "of"
            if tag == "VERB" and w.endswith("ing") and nxt is not None and prev in ("DET", "ADJ", None):
                tag = "ADJ"  # "a flying saucer", "running shoes": the form qualifies what follows
            elif (
                tag == "VERB"
                and prev in ("DET", "ADJ", "CTX")
                and not w.endswith(("ed", "ing"))
                and (wordnet.lemma(w, "v") or w) == w
            ):
                tag = "NOUN"  # "a new podcast episode": after a determiner a bare verb form names a thing
            after2 = tuple(t.lower for t in tokens[i + 1 : i + 3])
            if (
                tag == "NOUN"
                and prev not in ("DET", "REL")
                and (
                    nxt in _STYLE_NOUNS
                    or (len(after2) == 2 and after2[0] in g.design_types and after2[1] in _STYLE_NOUNS)
                )
            ):
                tag = "LOOK"  # "chalkboard style", "apple emoji style": a style named by what it imitates
            elif tag == "NOUN" and prev in (None, "PUNCT") and _imperative(w, nxt, rel_keys):
                tag = "VERB"  # "save the whales", "register at …": an imperative, not a thing
            elif (
                tag == "VERB"
                and nxt is not None
                and (
                    wordnet.longest_compound([w, nxt]) == 2
                    or (prev == "NOUN" and wordnet.pos_counts(nxt).get("n", 0) > wordnet.pos_counts(nxt).get("v", 0))
                )
            ):
                tag = "NOUN"  # "bake sale", "swim team": the verb names a kind of the noun after it
        if tag == "NAME":
            _untag_role(out)
        out.append(Token(tok.text, w, tok.start, tok.end, tag))
        i += 1
    return out


@functools.cache
def look_compounds() -> frozenset[str]:
    """Two-word looks (grammar.toml design.look_compounds): a technique or a movement named in two words."""
    joined = words.file("grammar").text("design.look_compounds").replace("\n", "")
    return frozenset(c.strip() for c in joined.split("|") if c.strip())


SHADE_NOUNS = frozenset(
    "sunset sunrise ocean sea sky forest lemon lime mint rose wine coral sand stone royal midnight electric neon "
    "dusty cherry peach brick slate steel earth moss jungle lagoon desert".split()
)
_STUCK_ON = frozenset("laptop laptops bumper window".split())
# "a circle sticker", "a hexagon badge": the shape said before a design's noun is the design's own outline.
_OUTLINES = frozenset(
    "circle circular round square hexagon hexagonal octagon oval rectangle rectangular triangle".split()
)
_SIZES = frozenset("giant gigantic jumbo massive mini miniature colossal mammoth titanic".split())


# Roles said before a person's name on an announcement ("with speaker Priya Rao"): who, not a thing to draw (a
# speaker is a loudspeaker). Trades that are pictures of themselves (chef, DJ) are not among them.
_ROLES = frozenset(
    "speaker speakers author authors host hosts guest guests presenter moderator panelist keynote writer poet "
    "founder ceo narrator".split()
)
# "chalkboard style": a look imitated; "beach vibes", "dinosaur theme" are things to show, so not among them.
_STYLE_NOUNS = frozenset({"style", "styled", "look", "aesthetic"})


def _paired_name(tokens: Sequence[Token], i: int) -> bool:
    """ "Noah + Ava", "Emma & James": a capitalised word joined to another by "+" or "&" is one of two names."""
    after = tokens[i + 1 : i + 3]
    before = tokens[max(0, i - 2) : i]
    joined_after = len(after) == 2 and after[0].lower in ("+", "&") and after[1].text[:1].isupper()
    joined_before = len(before) == 2 and before[1].lower in ("+", "&") and before[0].text[:1].isupper()
    return joined_after or joined_before


def _relative(out: Sequence[Token]) -> bool:
    """Whether the word before opens a relative clause ("who", "which", or "that" after a noun)."""
    if out[-1].lower in ("who", "which"):
        return True
    return out[-1].lower == "that" and len(out) > 1 and out[-2].tag == "NOUN"


def _untag_role(out: list[Token]) -> None:
    """ "with speaker Priya Rao", "author Maya Chen": a role said with a name is who, not a thing to draw."""
    if out and out[-1].tag == "NOUN" and out[-1].lower in _ROLES:
        out[-1] = dataclasses.replace(out[-1], tag="X")


def _doing(prev: str, word: str, nxt: str, rel_keys: dict[tuple[str, ...], str]) -> bool:
    """ "a bear fishing in a river", "a couple riding bicycles": an -ing verb right after a creature is what it
    does, unless the two words are one compound ("fly fishing")."""
    if not word.endswith("ing") or not wordnet.pos_counts(word).get("v"):
        return False
    if wordnet.longest_compound([prev, word]) == 2:
        return False
    kind = thing_kind(wordnet.lemma(prev, "n") or prev)
    if kind == "thing":
        # "a pirate ship sailing on stormy seas", "a car driving through…": a thing moving somewhere, but
        # "a coffee brewing kit" stays one thing (the -ing word is followed by a noun).
        return _mostly_verb(word) and (nxt in GRAMMAR.determiners or (nxt,) in rel_keys)
    if kind not in ("animal", "person") and prev not in GROUP_NOUNS:
        return False
    return nxt in GRAMMAR.determiners or (nxt,) in rel_keys or nxt in _PARTICLES or wordnet.is_noun(nxt)


_PARTICLES = frozenset({"up", "down", "out", "off", "away", "back", "around", "along", "together"})
# Groups of people named as one ("a team brainstorming", "the crew hauling a net"): people when they act.
GROUP_NOUNS = frozenset({"team", "teams", "crew", "crews", "staff", "squad", "class", "band", "choir", "troop"})


def _acts_alone(out: Sequence[Token], word: str, nxt: str | None, rel_keys: dict[tuple[str, ...], str]) -> bool:
    """ "a family of four walking", "kids playing", "volunteers picking up trash": an -ing verb form after a
    person or creature (or its count) that ends the clause or takes a particle is what they do."""
    counts = wordnet.pos_counts(word)
    # "a bear fishing": right after a creature, a word that is more often a noun ("fishing") is still its act
    creature_first = bool(out) and out[-1].tag == "NOUN" and _creature_word(out[-1].lower)
    if not counts.get("v") or (counts.get("v", 0) < counts.get("n", 0) and not creature_first):
        return False
    ends = nxt is None or not nxt[:1].isalnum() or nxt in ("and", "or") or (nxt,) in rel_keys
    if not (ends or nxt in _PARTICLES):
        return False
    if out and out[-1].tag == "NOUN" and wordnet.longest_compound([out[-1].lower, word]) == 2:
        return False  # "fly fishing"
    for tok in reversed(out[-8:]):
        if tok.tag == "NOUN" and _creature_word(tok.lower):
            return True  # "a family sitting on a blanket watching": the family watches
        if tok.tag not in ("NOUN", "NUM", "REL", "DET", "ADJ", "COLOUR"):
            return False
    return False


def _creature_word(word: str) -> bool:
    return thing_kind(wordnet.lemma(word, "n") or word) in ("person", "animal")


def _mostly_verb(word: str) -> bool:
    """ "tossing", "watering", "juggling": a verb form far more than a noun or an adjective in WordNet's counts."""
    counts = wordnet.pos_counts(word)
    return counts.get("v", 0) > 2 * max(counts.get("n", 0), counts.get("a", 0))


def _after_naming(out: Sequence[Token]) -> bool:
    """Whether the words just tagged are "named"/"called"/"titled", then only names and joiners."""
    for tok in reversed(out):
        if tok.lower in ("named", "called", "titled"):
            return True
        if tok.tag != "NAME" and tok.lower not in ("&", "and", "of", "the", "'", "-"):
            return False
    return False


def _imperative(word: str, nxt: str | None, rel_keys: dict[tuple[str, ...], str]) -> bool:
    """A clause-opening word that is mostly a verb and is followed by its object or a preposition."""
    counts = wordnet.pos_counts(word)
    if not counts.get("v") or nxt is None or nxt == "of":
        return False  # "stacks of books", "rows of lavender": a noun is followed by "of", a verb rarely
    if (wordnet.lemma(word, "v") or word) != word:
        return False  # "volunteers with trash bags": an imperative is the verb's bare form
    return nxt in GRAMMAR.determiners or (
        (nxt,) in rel_keys and nxt not in ("and", "or", "&") and counts["v"] > counts.get("n", 0)
    )


def _ends_compound(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] closes a multiword noun that is a thing, not a design ("credit card", "stop sign")."""
    words = [t.lower for t in tokens[max(0, i - 2) : i + 1]]
    for k in range(len(words) - 1):
        n = wordnet.longest_compound(words, k)
        if n and k + n == len(words) and tuple(words[k:]) not in _compounds_of_design():
            return True
    return False


def _sentence_start(tokens: Sequence[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in ".!?:;\n"


# --- noun phrases -------------------------------------------------------------------------------------------


@dataclass
class _Phrase:
    words: list[Token]
    adjectives: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    count: int = 1


def _runs(tagged: Sequence[Token]) -> list[tuple[int, int]]:
    """Index ranges of maximal noun-phrase runs (modifiers then nouns), ending at the last noun."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tagged):
        if tagged[i].tag not in _RUN_TAGS:
            i += 1
            continue
        j = i
        while j < len(tagged) and tagged[j].tag in _RUN_TAGS:
            j += 1
        runs.append((i, j))
        i = j
    return runs


WORD_NUMBERS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}


def _count(tok: Token) -> int | None:
    if tok.lower in WORD_NUMBERS:
        return WORD_NUMBERS[tok.lower]
    digits = re.fullmatch(r"\d{1,2}", tok.lower)
    return int(digits.group()) if digits else None


_LISTICLE = frozenset("steps step tips tip ways reasons rules habits hacks signs things ideas stages phases".split())
_TIMES = frozenset(
    "day days night nights morning mornings afternoon afternoons evening evenings weekend weekends monday mondays "
    "tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays".split()
)


def _thing(run: Sequence[Token]) -> Thing | None:
    """The thing a run names, or None when it names the design or only describes it."""
    nouns = [t for t in run if t.tag in ("NOUN", "NAME")]
    if not nouns or (
        all(t.tag == "NAME" for t in nouns) and not wordnet.names_landmark(" ".join(t.lower for t in nouns))
    ):
        return None  # "IPA", "The Roxy": names are copy, not things to draw; "Mount Fuji" is drawn
    if run[-1].tag == "COLOUR" and len(nouns) == 1 and run[-2:-1] == [nouns[0]] and nouns[0].lower in SHADE_NOUNS:
        return None  # "sunset orange", "ocean blue": a shade named by what has it, not a sunset to draw
    words = [t.lower for t in run]
    # Compounds ("hot air balloon", "olive oil", "credit card") span adjectives too ("red panda").
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(run):
        n = wordnet.longest_compound(words, k)
        if n and k + n <= len(run):
            spans.append((k, k + n))
            k += n
        else:
            k += 1
    last_noun = max(i for i, t in enumerate(run) if t.tag in ("NOUN", "NAME"))
    head_span = next(((a, b) for a, b in spans if a <= last_noun < b), (last_noun, last_noun + 1))
    design = _compounds_of_design()
    if tuple(words[head_span[0] : head_span[1]]) in design or any(
        tuple(words[k : last_noun + 1]) in design for k in range(last_noun)
    ):
        return None  # "business card", "book cover", "presentation slide": the design, not a thing in it
    head_words = words[head_span[0] : head_span[1]]
    head_words[-1] = wordnet.lemma(head_words[-1], "n") or head_words[-1]
    head = " ".join(head_words)
    qualifiers: list[str] = []
    adjectives: list[str] = []
    colours: list[str] = []
    count = 1
    for i, tok in enumerate(run[: head_span[0]]):
        if (
            tok.tag == "NOUN"
            and tok.text.lower().endswith(("'s", "’s"))
            and thing_kind(tok.lower) == "person"
            and not _is_establishment(head_words[-1])
            and head_words[-1] not in _OWN_PARTS
            and f"{tok.lower} {head_words[-1]}" not in LEXICON  # "a chef's hat" is a kind of hat
        ):
            continue  # "grandma's apple pie": whose it is, not a kind of pie ("a farmer's market" is one)
        if any(a <= i < b for a, b in spans):
            qualifiers.append(tok.lower)
            continue
        if tok.tag == "NOUN":
            qualifiers.append(wordnet.lemma(tok.lower, "n") or tok.lower)
        elif tok.tag == "ADJ":
            adjectives.append(tok.lower)
        elif tok.tag == "COLOUR":
            colours.append(tok.lower)
        elif tok.tag == "NUM":
            count = _count(tok) or count
    if count > 1 and head.endswith("s") and " " not in head:
        # "two hearts": hearts, not the card game WordNet files the plural under; "three glasses": glasses to drink
        one = icons.lemma(head)
        head = one if wordnet.is_noun(one) else head
    if not qualifiers and len(head_words) > 1 and _is_establishment(head_words[-1]):
        # "coffee shop", "barber shop", "tea house" are WordNet compounds, still named for what they sell.
        qualifiers, head = head_words[:-1], head_words[-1]
    if head in _TIMES and not any(wordnet.is_noun(q) for q in qualifiers):
        return None  # "on a rainy day", "a lazy sunday morning": when, and the weather, not a thing to draw
    establishment = bool(qualifiers) and _is_establishment(head)
    while (
        establishment
        and len(qualifiers) > 1
        and (qualifiers[-1] in GRAMMAR.establishments or _event_act(qualifiers, head))
    ):
        qualifiers.pop()  # "a coffee subscription service", "a dog walking business": it is about coffee
    # "pizza slice", "soap bar", "orange wedge": a portion of the thing before it, which is what is drawn.
    portion = bool(qualifiers) and head in GRAMMAR.portions and head_span[1] - head_span[0] == 1
    # "an owl head", "a cat face": in a mark, an animal's head is the animal drawn as a face.
    animal_part = (
        bool(qualifiers) and head in ("head", "face", "heads", "faces") and thing_kind(" ".join(qualifiers)) == "animal"
    )
    noun = " ".join(qualifiers) if establishment or portion or animal_part else " ".join([*qualifiers, head])
    if animal_part and f"{noun} head" in _words.load("art").get("colour", {}):
        noun = f"{noun} head"  # "a tiger head": the colour set's tiger face, not the whole tiger
    doing = ""
    if len(qualifiers) == 1 and qualifiers[0] in _ride_acts() and thing_kind(head) in ("animal", "person"):
        noun, doing = head, qualifiers[0]  # "a skateboarding frog": a frog, skateboarding
    if head in ("flag", "flags") and adjectives and flags.flag_icon(f"{adjectives[-1]} {noun}") is not None:
        noun = f"{adjectives.pop()} {noun}"  # "the Italian flag": whose flag is the thing, not a look of it
    return Thing(
        noun=noun,
        head=head,
        kind="thing" if wordnet.names_landmark(noun) else thing_kind(noun if establishment else head),
        adjectives=tuple(adjectives),
        colours=tuple(colours),
        count=count,
        start=run[0].start,
        end=run[-1].end,
        establishment=establishment,
        doing=doing,
    )


@functools.cache
def _is_establishment(noun: str) -> bool:
    """A place or body named for what it sells, teaches or celebrates ("barbershop", "school", "festival")."""
    if noun in GRAMMAR.establishments or noun in ("meeting", "meetup", "gathering", "party"):
        return True  # "a book club meeting", "a halloween party": about the book club, halloween
    return any(wordnet.is_a(noun, kind, 2) for kind in ("mercantile establishment", "institution", "festival"))


_SETTINGS = ("structure", "geographical area", "geological formation", "vegetation", "body of water", "road")


@functools.cache
def is_setting(noun: str) -> bool:
    """A place things are in (a cafe, a kitchen, a city, a beach, a forest): drawn as the backdrop."""
    return any(wordnet.is_a(noun, kind, 1) for kind in _SETTINGS)


def _counted_by_of(
    tagged: Sequence[Token], thing_at: dict[int, int], things: list[Thing], relations: list[Relation]
) -> tuple[list[Thing], list[Relation]]:
    """ "a family of four having a picnic", "a team of three": a number after "of" with no noun of its own is how
    many the group is, not a link to whatever is named next."""
    counted: set[int] = set()
    for end, index in thing_at.items():
        if end + 2 >= len(tagged) or tagged[end + 1].lower != "of" or tagged[end + 2].tag != "NUM":
            continue
        after = tagged[end + 3] if end + 3 < len(tagged) else None
        if after is not None and after.tag in ("NOUN", "ADJ", "COLOUR", "NUM"):
            continue  # "a group of three friends": the friends are the thing
        n = _count(tagged[end + 2])
        if n:
            things[index] = dataclasses.replace(things[index], count=n)
            counted.add(index)
    if not counted:
        return things, relations
    return things, [r for r in relations if not (r.kind == "of" and r.a in counted)]


@functools.cache
def thing_kind(noun: str) -> Kind:
    """What sort of thing a noun is in a design, from its first senses. WordNet's first sense is often not the
    drawable one (a taco's first sense is a slur; a plant's is a factory), so a drawable sense among the first
    three wins over an abstract or personal one."""
    last = noun.split()[-1]
    if noun in GRAMMAR.people or last in GRAMMAR.people:
        return "person"
    names = wordnet.lexnames(noun, 3) or wordnet.lexnames(last, 3)
    if not names:
        return "thing"  # unknown to WordNet ("boba", "ramen"): probably a thing someone sells
    if "noun.animal" in names[:2]:
        return "animal"
    if any(n in _PHYSICAL and n not in ("noun.person", "noun.location") for n in names):
        return "thing"
    if names[0] == "noun.person":
        return "person"
    if "noun.location" in names:
        return "place"
    return "theme"


# --- the reading --------------------------------------------------------------------------------------------


def read(
    text: str,
    *,
    colour_spans: Sequence[tuple[int, int]] = (),
    barriers: Sequence[tuple[int, int]] = (),
) -> Reading:
    """Read `text`. Characters inside `colour_spans` are colour words (modifiers, never things); those inside
    `barriers` (quoted copy, names set as text) are neither read nor allowed to join the phrases around them."""
    tagged = _tag(tokenize(text), colour_spans, barriers)
    things: list[Thing] = []
    thing_at: dict[int, int] = {}  # token index of a run's last token → thing index
    run_of: dict[int, tuple[int, int]] = {}
    void_ends: set[int] = set()  # runs that name no thing ("on a rainy day", "IPA"): a relation ends there
    for a, b in _runs(tagged):
        thing = _thing(tagged[a:b])
        if thing is not None:
            thing_at[b - 1] = len(things)
            run_of[len(things)] = (a, b)
            things.append(thing)
        elif any(t.tag in ("NOUN", "NAME") for t in tagged[a:b]):
            void_ends.add(b - 1)
    relations = relations_of(tagged, thing_at, [t.kind in ("person", "animal") for t in things], void_ends)
    relations = [placed_after(text, things, r) for r in relations]
    things, relations = _counted_by_of(tagged, thing_at, things, relations)
    for index, verb in intransitive(tagged, thing_at, things).items():
        things[index] = dataclasses.replace(things[index], doing=verb)
    acting = {r.a for r in relations if r.verb} | {i for i, t in enumerate(things) if t.doing}
    for index in acting:
        if things[index].head in GROUP_NOUNS:
            things[index] = dataclasses.replace(things[index], kind="person")  # "a team brainstorming": people
    said = frozenset(t.lower for t in tagged if t.tag in ("DESIGN", "NOUN"))
    things, relations = animal_in_role(things, relations, said)
    things = in_context(things, frozenset(t.lower for t in tagged))
    things = weather_of(things, tagged)
    # A portion or a container named with "of" yields to what it holds: "a slice of pizza" is pizza.
    things, relations = resolve_of(things, relations)
    things, relations = same_creature(things, relations)
    design = tuple(t.lower for t in tagged if t.tag == "DESIGN")
    looks = tuple(t.lower for t in tagged if t.tag == "LOOK")
    names = tuple(t.text for t in tagged if t.tag == "NAME")
    return Reading(tuple(tagged), tuple(things), tuple(relations), design, looks, names)
