"""Which icon draws a noun: the phrase, its plural or a synonym by name, then its head noun, then the nearest
WordNet hypernym some icon is named for ("trout" → fish, "monstera" → plant); a thing doing something as one
icon that is both ("a woman working on a laptop"); a figure doing something as a person doing it. Split out of
arrange.py, which composes the things it finds."""

from __future__ import annotations

import functools
import re
from typing import Literal

from artboard.composer import brands, flags, icons, wordnet, words
from artboard.composer.lexicon import LEXICON, PART_WORDS
from artboard.composer.vocabulary import BASIC_COLORS

Mode = Literal["stroke", "fill", "color"] | None

_TOO_GENERAL = frozenset(
    "entity physical entity object whole artifact instrumentality structure construction area region location "
    "matter substance thing unit part device organism living thing causal agent abstraction group collection "
    "commodity covering surface material solid natural object geological formation relative relation support".split(" ")
) | {"physical entity", "living thing", "causal agent", "natural object", "geological formation"}
# An amount ("a swallow" of milk, a "bite", a "pinch"): the word above it is a measure, never the picture.
_TOO_GENERAL |= {"taste", "helping", "small indefinite quantity", "indefinite quantity", "measure"}
_VARIANT = re.compile(r"-(?:off|plus|minus|remove|alert|check|lock|cancel|edit|outline|variant|x|sync|question)\b")
# Version-control glyphs are never the picture of a word in a design prompt: an olive branch is no git branch.
DEV_GLYPH = re.compile(r"^(?:source-|git)|(?<!silverware)-(?:merge|pull-request|commit|fork)$")
_CLEAR = 1.2  # an icon search score the index only gives to a literal or lexicon match


def _lemma_words(text: str) -> set[str]:
    return {icons.lemma(w) for w in text.replace("-", " ").split() if w}


def names_thing(icon: icons.Icon, query: str) -> bool:
    """Whether an icon is literally named for the query's head noun (or carries it as a tag)."""
    head = icons.lemma(query.split()[-1])
    if _other_form(icon, query):
        return False
    return head in _lemma_words(icon.name) or any(head in _lemma_words(tag) for tag in icon.tags[:16])


def _other_form(icon: icons.Icon, query: str) -> bool:
    """Whether the icon is named by another form of the query's head that is another thing ("glasses" are
    spectacles, not a glass of water), or by a compound in which the head only qualifies another thing: a pie
    chart is a chart when a pie is asked for."""
    said = query.split()[-1]
    head = icons.lemma(said)
    names = icon.name.split("-")
    if any(icons.lemma(w) == head and w != said and _other_thing(w, said) for w in names):
        return True
    if "with" in names and all(icons.lemma(w) != head for w in names[: names.index("with")]):
        return True  # "money-with-wings" is money, "face-with-tears-of-joy" a face: not wings, not tears
    # Icon sets name a kind after its category ("chart-pie", "chart-donut"): the head after another word that
    # it would qualify ("pie chart") is that other thing.
    return any(
        names[k + 1] == head and not names[k].isdigit() and _qualifies(head, names[k]) for k in range(len(names) - 1)
    )


@functools.lru_cache(maxsize=4096)
def _qualifies(head: str, other: str) -> bool:
    """Whether "head other" is a compound WordNet knows as a noun ("pie chart", "ice cream"): head then
    names a kind of `other`, not itself."""
    return wordnet.longest_compound([head, other]) == 2


@functools.lru_cache(maxsize=1024)
def _other_thing(form: str, said: str) -> bool:
    """Whether another form of a word names another thing in WordNet ("glasses" are not glasses of water)."""
    first, other = wordnet.senses(said)[:1], wordnet.senses(form)[:1]
    return bool(first and other and first != other)


@functools.lru_cache(maxsize=4096)
def resolve(noun: str, mode: Mode = None, *, literal: bool = False) -> tuple[icons.Icon, str] | None:
    """The icon that draws `noun`, and the concept it draws: the phrase, then its head noun, then the nearest
    hypernym that some icon is named for ("trout" → fish, "monstera" → plant). None when nothing reads.
    A version-control glyph answers only a prompt about version control ("a branch" is a tree's)."""
    mark = brands.brand_icon(noun)
    if mark is not None:
        return mark, noun  # "the Instagram logo": the brand's own mark
    flag = flags.flag_icon(noun) if mode in ("color", None, "fill") else None
    if flag is not None:
        return flag, noun  # "an American flag": the stars and stripes, drawn in its colours in any style
    parts = noun.split()
    if len(parts) == 2 and parts[1] in _ANIMAL_SERVICES and wordnet.is_a(parts[0], "animal", 1):
        kept = _resolve(parts[0], mode, literal=literal)
        if kept is not None:
            return kept  # "a dog daycare", "a dog walker", "a cat cafe": the animal it is for, not a walking frame
    found = _resolve(noun, mode, literal=literal)
    acting = _participle_led(noun) if found is None and noun not in LEXICON else None  # (not "haunted house")
    if acting is not None:
        found = _resolve(acting, mode, literal=literal)  # "a howling wolf", "a leaping salmon": the creature
    if found is not None and DEV_GLYPH.search(found[0].name) and not _DEV_WORDS.search(noun):
        return None if literal else _resolve_plain(noun, mode)
    if found is not None and _SIGNAGE.search(found[0].name):
        # "smoke" is not the no-smoking sign, a cardboard box not the NEW box: a plain icon of the thing, if any.
        return _resolve_plain(noun, mode)
    return found


def _participle_led(noun: str) -> str | None:
    """`noun` without the participles before its head ("howling wolf" → wolf), unless WordNet knows the phrase
    ("frying pan", "rolling pin"); None when none leads it."""
    parts = noun.split()
    k = 0
    while (
        k < len(parts) - 1
        and re.fullmatch(r"[a-z]{3,}(?:ing|ed)", parts[k])
        and "v" in wordnet.parts_of_speech(re.sub(r"(?:ing|ed)$", "", parts[k])) | wordnet.parts_of_speech(parts[k])
    ):
        k += 1
    if k == 0 or wordnet.is_noun(noun):
        return None
    return " ".join(parts[k:])


def _split_compound(word: str) -> str | None:
    """A closed compound WordNet writes open ("check mark"), or None."""
    for i in range(3, len(word) - 2):
        candidate = f"{word[:i]} {word[i:]}"
        if wordnet.is_noun(candidate):
            return candidate
    return None


_DEV_WORDS = re.compile(r"\b(?:git|github|gitlab|source|merge|commit|pull request|repo|repository|version)\b")


# Icons that are signs about a thing, not pictures of it.
_SIGNAGE = re.compile(r"^(?:no|new|help)-|-(?:off|alert|remove|cancel)$")


def _resolve_plain(noun: str, mode: Mode) -> tuple[icons.Icon, str] | None:
    """`noun` drawn without version-control glyphs or signage: the nearest icon named for it that is neither."""
    for icon, score in icons.find_icons(noun, k=8, mode=mode):
        if (
            score >= 0.9
            and names_thing(icon, noun)
            and not DEV_GLYPH.search(icon.name)
            and not _SIGNAGE.search(icon.name)
        ):
            return icon, noun
    if wordnet.is_a(noun, "plant part"):
        return _resolve("leaf", mode, literal=True)  # a branch, a twig, a sprig: the leafy thing it is
    return None


_FIGURE_WORDS = frozenset({"figure", "figures", "silhouette", "silhouettes"})


def _resolve(noun: str, mode: Mode = None, *, literal: bool = False) -> tuple[icons.Icon, str] | None:
    parts = noun.split()
    if parts[-1] in _FIGURE_WORDS and len(parts) <= 2:
        # "a running figure", "a yoga figure", "a stick figure": a person, doing what is said.
        doing = parts[0] if len(parts) == 2 and parts[0] not in ("stick", "human") else None
        acting = acting_icon("person", doing, mode) if doing else None
        return acting or resolve("person", mode, literal=True)
    exact = exact_icon(noun, mode)
    if exact is not None:
        return exact, noun  # an icon named for the thing or for a WordNet synonym of it ("car" → automobile)
    queries: list[str] = [noun]
    parts = noun.split()
    if len(parts) > 1 and noun not in LEXICON:  # a compound the lexicon knows is not its head ("pool float")
        queries.append(parts[-2] if parts[-1] in PART_WORDS else parts[-1])  # "robot head": the robot
    for query in queries:
        found = icons.find_icons(query, k=4, mode=mode)
        if (
            found
            and found[0][1] >= _CLEAR
            and (mode != "color" or _covers(found[0][0], noun))
            and not _other_form(found[0][0], query)
        ):
            return found[0][0], query  # the index is sure (its lexicon knows "hot air balloon", "java")
        named = [
            (score - 0.06 * len(_lemma_words(icon.name) - _lemma_words(query)), icon)
            for icon, score in found
            if names_thing(icon, query)
            and score >= 0.9
            and (mode != "color" or _covers(icon, noun))
            and not DEV_GLYPH.search(icon.name)
        ]
        if named:
            # The plainest icon of the thing: "car" is the automobile, not the police car's light.
            return max(named, key=lambda si: si[0])[1], query
    if literal:
        return None
    for target in LEXICON.get(noun, ()):
        # The lexicon's reading before WordNet's senses: "japan" is the country, not lacquer ("creation").
        for icon, score in icons.find_icons(target, k=3, mode=mode):
            # (colour art is literal, but a lexicon target other than the phrase's head is the phrase's own
            # picture: "haunted house" → the derelict house, not a house)
            named_for = icon.name.split("-")[0] == target  # (the icon is that thing, not a leaf in a clover)
            literal_ok = mode != "color" or _covers(icon, noun) or (target != noun.split()[-1] and named_for)
            if names_thing(icon, target) and score >= 0.9 and literal_ok:
                return icon, target
    # Colour art is literal: a compound's hypernym ("balloon" for a hot-air balloon) draws another thing.
    for sense in _drawable_senses(noun) if mode != "color" or len(parts) == 1 else []:
        for hyper in wordnet.hypernyms(sense)[:4]:
            if hyper.lemmas[0] in _TOO_GENERAL:
                break  # past "structure" or "organism" a hypernym no longer looks like the thing
            for lemma in hyper.lemmas[:2]:
                for icon, score in icons.find_icons(lemma, k=3, mode=mode):
                    if names_thing(icon, lemma) and score >= 0.9:
                        return icon, lemma
    found = icons.find_icons(noun, k=1, mode=mode)
    if found and found[0][1] >= 1.15 and (mode != "color" or _covers(found[0][0], noun)):
        return found[0][0], noun
    if " " not in noun and len(noun) > 6:
        joined = _split_compound(noun)  # "checkmark" → check mark, "toothbrush" → tooth brush
        if joined is not None:
            return resolve(joined, mode, literal=literal)
    if noun != "person" and (noun in words.GRAMMAR.people or wordnet.is_a(noun, "relative", 1)):
        return resolve("person", mode, literal=True)  # an aunt, a coach, a grandma: a person, drawn as one
    return None


_EXACT_SETS: dict[str, tuple[str, ...]] = {
    "color": ("fef:{}", "noto:{}"),
    # artboard's own glyphs ("ab:"), drawn where no installed set has the thing (whisk, oven mitt, rolling pin)
    "fill": ("mdi:{}", "ph:{}-fill", "fe:{}", "ab:{}-fill"),
    "stroke": ("lucide:{}", "ph:{}", "ab:{}"),
}


def exact_icon(noun: str, mode: Mode) -> icons.Icon | None:
    """An icon whose name is the noun, or one of its synonyms in its first drawable WordNet sense."""
    sets = _EXACT_SETS.get(mode or "fill", _EXACT_SETS["fill"])
    if mode == "color" and noun in words.load("art")["colour"]:
        name = words.load("art")["colour"][noun]
        return icons.get_icon(name if ":" in name else "fef:" + name)  # a Fluent Flat name, or a full key
    for name in _icon_names(noun)[:7]:
        slug = name.replace(" ", "-")
        for pattern in sets:
            try:
                return icons.get_icon(pattern.format(slug))
            except Exception:  # no icon of that name in this set
                continue
    return None


def _icon_names(noun: str) -> list[str]:
    """The names an icon of `noun` may carry: the noun, its plural where that is the same thing ("headphones"),
    then its synonyms; a compound's head may be said by a synonym ("paper airplane" → paper plane). A synonym
    that is the tail of the noun is a different thing in pictures ("headphone" is filed with "phone")."""
    parts = noun.split()
    head = parts[-1]
    plural = noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")
    first = _drawable_senses(noun)[:1]
    names = [noun] + ([plural] if first and set(first) & set(wordnet.senses(plural)[:1]) else [])
    if len(parts) > 1:
        names += [" ".join([*parts[:-1], lemma]) for sense in _drawable_senses(head)[:1] for lemma in sense.lemmas]
    names += [lemma for sense in first for lemma in sense.lemmas]
    return [n for i, n in enumerate(names) if n not in names[:i] and (n == noun or not noun.endswith(n))]


def _covers(icon: icons.Icon, query: str) -> bool:
    """Whether a colour icon shows what makes a compound that thing: every word before the head ("olive oil" →
    an olive; not "coffee bean" → a tin of beans, nor "hot air balloon" → a party balloon). Colour art is
    literal: a near miss reads as the wrong thing."""
    words = query.split()
    if len(words) < 2:
        return True
    named = _lemma_words(icon.name) | {w for tag in icon.tags[:16] for w in _lemma_words(tag)}
    # A colour in a thing's name ("blue whale", "red fox") is drawn by the icon's own colours, not its name.
    return all(icons.lemma(w) in named or w in BASIC_COLORS for w in words[:-1])


def resolve_in(noun: str, mode: Mode) -> tuple[icons.Icon, str] | None:
    """`resolve` in the group's style, falling back to a one-colour glyph when no colour art draws the thing:
    the right thing in a plainer style beats the wrong thing in colour."""
    if mode != "color":
        return resolve(noun, mode)
    # The thing itself in either style before any stand-in: a pumpkin glyph beats a potted plant in colour.
    whole = _whole_glyph(noun)
    if whole is not None:
        return whole
    return (
        resolve(noun, "color", literal=True)
        # a phrase the lexicon knows has its own colour picture ("haunted house": the derelict house)
        or (resolve(noun, "color") if " " in noun and noun in LEXICON else None)
        or _head_in_colour(noun)
        or resolve(noun, "fill", literal=True)
        or resolve(noun, "color")
        or resolve(noun, "fill")
        or resolve(noun, None)
    )


def _whole_glyph(noun: str) -> tuple[icons.Icon, str] | None:
    """ "a baseball bat": where the colour picture found shows only the compound's first word (a baseball) and a
    glyph is named for the whole phrase, the glyph (it takes the thing's colour among colour art)."""
    if " " not in noun:
        return None
    colour = resolve(noun, "color", literal=True)
    head = icons.lemma(noun.split()[-1])
    if colour is None or head in _lemma_words(colour[0].name) | {w for t in colour[0].tags for w in _lemma_words(t)}:
        return None
    glyph = resolve(noun, "fill", literal=True)
    if glyph is None or not _lemma_words(noun) <= _lemma_words(glyph[0].name):
        return None
    return glyph


def _head_in_colour(noun: str) -> tuple[icons.Icon, str] | None:
    """ "a humpback whale": where the only glyph of the phrase is its head's own (the whale), the head's colour
    picture says as much, in the group's style. A glyph of the whole phrase (a fire truck) keeps its own."""
    if " " not in noun:
        return None
    glyph = resolve(noun, "fill", literal=True)
    head = noun.split()[-1]
    if glyph is None or (glyph[0].name.removesuffix("-fill") not in (head, icons.lemma(head)) and glyph[1] != head):
        return None  # ("an angry bull": the glyph found for the head alone, the ox, says the head has a picture)
    return resolve(head, "color", literal=True)


_ANIMAL_SERVICES = frozenset(
    "daycare walker walkers walking sitter sitting trainer training groomer grooming boarding hotel spa salon clinic "
    "rescue shelter cafe café adoption lover lovers club park".split()
)
_HANDLING = frozenset("holding holds hold carrying carries carry with having".split())
# Who a child or a casual word is drawn as where a picture shows only grown-ups ("a girl meditating").
GROWN = {"girl": "woman", "lady": "woman", "boy": "man", "guy": "man", "child": "person", "kid": "person"}


def acting_icon(noun: str, verb: str, mode: Mode) -> tuple[icons.Icon, str] | None:
    """The figure doing it; a child doing what only grown-ups are drawn doing is drawn as one ("a girl
    meditating": the woman in the lotus position). Holding and carrying are what a figure does with a thing, not
    an act with its own picture ("people holding umbrellas" are never the couple holding hands)."""
    if verb in _HANDLING:
        return None
    found = one_icon_for(noun, verb, mode)
    grown = GROWN.get(noun.split()[-1])
    if found is None and grown is not None:
        found = one_icon_for(grown, verb, mode)
    for someone in ("woman", "man") if found is None and noun == "person" else ():
        found = found or one_icon_for(someone, verb, mode)  # "a couple dancing": the woman dancing
    return (found[0], f"{noun} {verb}") if found is not None else None


def with_own_part(a: str, b: str, mode: Mode) -> tuple[icons.Icon, str] | None:
    """The one picture of `a` with `b` when b is a part a's own picture has ("a planet with a ring" is the
    ringed planet, not a planet and a wedding ring; "a cup with steam" the hot drink), else None."""
    table: dict[str, str] = words.load("art").get("own_parts", {})
    name = table.get(f"{icons.lemma(a.split()[-1])} {icons.lemma(b.split()[-1])}")
    if name is None:
        return None
    both = name.replace("-", " ")
    icon = (exact_icon(both, mode) or _icon_of(resolve_in(both, mode))) if name else None
    icon = icon or _icon_of(resolve_in(a, mode))
    return (icon, f"{a} {b}") if icon is not None else None


def _icon_of(found: tuple[icons.Icon, str] | None) -> icons.Icon | None:
    return found[0] if found is not None else None


@functools.lru_cache(maxsize=1024)
def one_icon_for(a: str, b: str, mode: Mode = "color") -> tuple[icons.Icon, str] | None:
    """One icon that is both things, or a thing doing something ("woman" + "laptop" → the woman technologist;
    "man" + "cooking" → the man cook; "sun" + "cloud" → partly cloudy): named for the first, named or tagged
    for the second."""
    acts: dict[str, str] = words.load("art").get("acts", {})
    b = acts.get(b.split()[-1], b)
    a_head, b_head = icons.lemma(a.split()[-1]), icons.lemma(b.split()[-1].split("-")[0])
    if b_head.endswith("mark") and len(b_head) > 6:
        b_head = b_head[:-4]  # "a shield with a checkmark": the shield-check glyph
    elif b_head == "mark" and len(b.split()) > 1:
        b_head = icons.lemma(b.split()[-2])  # "a check mark": the check, not any mark (a question mark)
    best: tuple[int, icons.Icon] | None = None
    for key in icons.all_icon_keys(color=mode == "color"):
        icon = icons.get_icon(key)
        if mode in ("fill", "stroke") and icon.mode != mode:
            continue
        names = _lemma_words(icon.name)
        if a_head not in names:
            continue
        if b_head in names or any(b_head in _lemma_words(tag) for tag in icon.tags):
            rank = (
                len(icon.name)
                + (0 if b_head in names else 50)  # "man walking" is the man walking, not a zombie tagged so
                + (0 if icon.set in ("fef", "mdi", "lucide") else 100)
                + (300 if _VARIANT.search(icon.name) else 0)
            )
            if best is None or rank < best[0]:
                best = (rank, icon)
    return (best[1], f"{a} {b}") if best else None


def _drawable_senses(noun: str) -> list[wordnet.Sense]:
    words_of = noun.split()
    # A phrase WordNet does not know falls back on its head, unless the head is a part of the thing before it
    # ("robot head" is a robot's, not a human head; "bicycle wheel" a bicycle's).
    fallback = words_of[-2] if len(words_of) > 1 and words_of[-1] in PART_WORDS else words_of[-1]
    senses = list(wordnet.senses(noun)[:4]) or list(wordnet.senses(fallback)[:4])
    physical = (
        "noun.animal",
        "noun.plant",
        "noun.food",
        "noun.artifact",
        "noun.object",
        "noun.person",
        "noun.body",
        "noun.substance",
        "noun.phenomenon",
    )
    return [s for s in senses if s.lexname in physical][:2]
