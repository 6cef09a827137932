"""The lines of copy a prompt gives outside quotes and names, as a designer reads a brief: fragments with a verb,
a number or capitals ("this weekend only", "costumes required!!"), short describing lines on signs ("fresh
pastries"), the event a poster announces ("Outdoor Movie Night"), never an instruction to the designer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from artboard.composer import flags, wordnet
from artboard.composer import reading as _reading
from artboard.composer.colour_words import find_colours
from artboard.composer.lexicon import LEXICON
from artboard.composer.vocabulary import SIGN_LINES
from artboard.composer.words import GRAMMAR


def mostly_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > len(letters) * 0.6


def title_case(text: str) -> bool:
    """Whether the prompt is written in Title Case, so capitals say nothing. The longest run of capitalised words
    is a name and does not count ("Logo for Blue Harbor Coffee, navy" is not Title Case)."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    caps = [w[0].isupper() for w in words]
    longest, best, run = 0, (0, 0), 0
    for i, cap in enumerate(caps):
        run = run + 1 if cap else 0
        if run > longest:
            longest, best = run, (i - run + 1, i + 1)
    if len(words) >= 4 and sum(caps) >= len(words) - 1:
        return True  # capitals throughout ("Vintage Badge For A Brewery")
    rest = caps[: best[0]] + caps[best[1] :] if longest >= 2 else caps
    return len(rest) >= 3 and sum(rest) > len(rest) * 0.6


def outside_copy(
    subjects: list[str], read: _reading.Reading, prompt: str, phrases: Sequence[str], *, names_only: bool = False
) -> list[str]:
    """Subjects less the things named only inside a line of copy ("All proceeds go to the library" draws no
    library): the line is set, not pictured."""
    spans = [(i, i + len(p)) for p in phrases if (i := prompt.find(p)) > 0]
    # Only sentences ("… go to the library"): a listed "hot air balloon" read as a line may still be the picture.
    sentences = (
        []
        if names_only
        else [
            (a, b) for a, b in spans if any(a <= t.start < b and t.tag in ("VERB", "ACT", "AUX") for t in read.tokens)
        ]
    )
    names = [] if names_only else [(a, b) for a, b in spans if _proper_name(prompt[a:b])]
    spans = sentences + names + [(a, b) for a, b in spans if _numbered_name(prompt[a:b])]
    inside = {
        t.noun
        for t in read.things
        if any(a <= t.start and t.end <= b for a, b in spans) and not (_in(t, names) and t.noun in LEXICON)
    }
    outside = {t.noun for t in read.things if not any(a <= t.start and t.end <= b for a, b in spans)}
    return [s for s in subjects if s not in inside or s in outside]


def _in(thing: _reading.Thing, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= thing.start and thing.end <= b for a, b in spans)


def _proper_name(text: str) -> bool:
    """ "The Fillmore", "Riverside Hall": a line of capitalised words names a place or a person; it is set, and
    drawn only when the lexicon knows it as a thing ("Eiffel Tower")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _numbered_name(text: str) -> bool:
    """ "Station 9", "Route 66", "Studio 54": a name with its number, set as copy, not a station to draw."""
    words = text.split()
    return any(w[:1].isdigit() for w in words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


# Verbs that open an instruction to the designer, never a line of copy ("Include vegetables and a basket").
_INSTRUCTIONS = frozenset("include add make show put avoid draw feature place".split())

_FRAGMENT_RE = re.compile(
    # A title's full stop ("Dr. Ana Ruiz") and a figure's ("4.5") do not end a fragment.
    # A range's dash between figures ("open daily 9–6") does not either.
    r"(?:[^,;:.!?()—–\n]|(?<=\d)[.,:–](?=\d)|(?<=\w)\.(?=\w)|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bMrs)\.|(?<=\bSt)\."
    r"|(?<=\bProf)\.|(?<=\bJr)\.)+(?:[!?]+)?"
)
_DESCRIPTIVE = frozenset({"DESIGN", "LOOK", "COLOUR", "BAR"})


SIGNS = frozenset({"poster", "banner", "card", "label"})
_LAYOUT_TALK = re.compile(r"\b(?:space|spacing|margins?|padding|whitespace|layout|grid|alignment)\b", re.I)


def _sign_line(tags: Sequence[_reading.Token], text: str) -> bool:
    """ "fresh pastries", "barista wanted", "first walk free", "weekly conversations about science",
    "everything must go": a short line a designer sets on a sign or poster, not an instruction (instructions
    carry a style, colour or design word, a pronoun pointing at the picture, or talk about layout)."""
    if not 2 <= len(tags) <= 6 or _LAYOUT_TALK.search(text):
        return False
    kinds = [t.tag for t in tags]
    if kinds[0] not in ("ADJ", "NOUN", "NAME", "PRON", "CTX", "NUM") or kinds[-1] in ("REL", "CONJ", "DET"):
        return False
    if any(t.tag == "PRON" and t.lower not in ("everything", "everyone", "everybody", "all") for t in tags):
        return False  # "tiny stars around it": about the picture
    nouns = sum(k in ("NOUN", "NAME") for k in kinds)
    return bool(nouns) and (
        "ADJ" in kinds or "AUX" in kinds or ("REL" in kinds[1:-1] and nouns >= 2) or kinds.count("NUM") >= 2
    )


def _physical(noun: str) -> bool:
    """Whether WordNet files the noun's first sense as a thing one can see ("laptop", not "how" or "review")."""
    if " " in noun and not wordnet.lexnames(noun, 1):
        noun = noun.split()[-1]  # "dj booth", unknown whole: its head says what it is (a booth)
    return wordnet.lexnames(noun, 1)[:1] in (
        ("noun.artifact",),
        ("noun.object",),
        ("noun.food",),
        ("noun.plant",),
        ("noun.animal",),
    )


def _acronym_of_thing(token: _reading.Token, thing: _reading.Thing | None) -> bool:
    """ "DJ booth", "TV stand": a short all-capital word that is part of a thing's name, not a name of its own."""
    return thing is not None and token.text.isupper() and len(token.text) <= 3 and token.tag == "NOUN"


def _pictures(tags: Sequence[_reading.Token], read: _reading.Reading, prompt: str, start: int) -> bool:
    """ "hiker on a mountain trail", "rolling pin and tomatoes", "illustrated vegetables", ". Saxophone,": the
    things to draw, said as a fragment of their own; a designer pictures them and sets none of it. A number, a
    name, a verb beyond a look ("illustrated"), a pronoun or a word outside the things ("fresh pastries") makes it
    a line; so does a capital that is not where a sentence starts."""
    content = [t for t in tags if t.tag not in ("DET", "REL", "CONJ", "PUNCT")]
    if not content:
        return False
    # "woman doing a tree pose", "two people playing chess", "volunteers with trash bags in a park": people (or
    # animals) doing something or placed somewhere, as the picture shows them.
    counted = content[1:] if content[0].tag == "NUM" and len(content) > 1 else content
    lead = next((th for th in read.things if th.start <= counted[0].start < th.end), None)
    acts = any(t.tag == "ACT" or (t.tag == "REL" and t.lower.split()[0].endswith("ing")) for t in tags)
    placed = any(t.tag == "REL" for t in tags) and all(
        t.tag in ("NOUN", "ADJ", "COLOUR") and any(th.start <= t.start < th.end for th in read.things) for t in counted
    )
    if (
        (acts or placed)
        and lead is not None
        and (lead.kind in ("person", "animal") or (placed and lead.kind == "thing" and _physical(lead.noun)))
        and (not counted[0].text[:1].isupper() or _acronym_of_thing(counted[0], lead))
        and content[-1].tag in ("NOUN", "CTX", "ACT")
        and not any(t.text == "!" or t.tag in ("NAME", "PRON", "AUX") for t in tags)
    ):
        return True
    if any(t.tag in ("NUM", "NAME", "AUX", "PRON", "ADV") for t in content):
        return False
    if content[-1].tag != "NOUN" or any(t.text == "!" for t in tags):
        return False  # "barista wanted", "first walk free", "costumes required!!": said about something
    # "stack of books", "bouquet of tulips": a portion or a container named with "of" is the picture of what it holds
    portions = GRAMMAR.portions | GRAMMAR.containers
    content = [t for t in content if (wordnet.lemma(t.lower, "n") or t.lower) not in portions] or content
    for token in content:
        lemma = wordnet.lemma(token.lower, "n") or token.lower
        if (
            token.tag == "NOUN"
            and _reading.thing_kind(lemma) not in ("thing", "animal", "person", "place")  # "sunny rooftop with…"
            # (a word of a compound that is a thing: "reading" in "reading glasses")
            and not any(
                th.start <= token.start < th.end
                and " " in th.noun
                and th.kind == "thing"
                # (a head that is mostly a verb makes no compound: "proceeds go"; one WordNet knows does: a
                # "watering can")
                and (
                    wordnet.is_noun(th.noun)
                    or wordnet.pos_counts(th.noun.split()[-1]).get("n", 0)
                    >= wordnet.pos_counts(th.noun.split()[-1]).get("v", 0)
                )
                for th in read.things
            )
            and not any(wordnet.is_a(w, "body part", 2) for w in (lemma, lemma.removesuffix("s")))  # "earth in hands"
        ):
            return False  # "all proceeds go", "this weekend": not things a picture shows
    sentence_start = not prompt[:start].strip() or prompt[:start].rstrip()[-1:] in ".!?:"
    for index, token in enumerate(content):
        if token.text[:1].isupper() and not (index == 0 and sentence_start):
            return False
        lemma = wordnet.lemma(token.lower, "n") or token.lower
        # Part of the thing's own name ("rolling pin"), not a word said about it ("fresh pastries").
        inside = any(
            th.start <= token.start < th.end
            and (
                token.tag == "NOUN"
                or lemma in th.noun.split()
                or token.lower in th.noun.split()
                or (token.lower in th.adjectives and token.lower not in GRAMMAR.claims)  # "a little creek"
            )
            for th in read.things
        )
        participle = token.tag in ("VERB", "ADJ") and token.lower.endswith("ed") and index < len(content) - 1
        # "kids flying kites on a hill", "volunteers picking up trash": what the people in the picture do.
        acting = (token.tag == "ACT" or token.lower in ("up", "down", "out", "off", "away")) and any(
            th.kind in ("person", "animal") and th.end <= token.start for th in read.things
        )
        if not (inside or acting or token.tag == "LOOK" or token.lower in GRAMMAR.looks or participle):
            return False
    return any(any(th.start <= t.start < th.end for th in read.things) for t in content)


# What an event offers, said on a poster's list ("costume contest", "live music", "food trucks"): copy.
_ACTIVITIES = frozenset(
    "contest contests competition competitions raffle raffles giveaway giveaways tasting tastings workshop workshops "
    "games karaoke trivia music prizes auction tours demos lessons trucks crafts activities dancing bingo".split()
)


_HAND_WORK = frozenset("drawn painted lettered sketched illustrated inked".split())


def phrases(
    prompt: str,
    read: _reading.Reading,
    claimed: list[tuple[int, int]],
    *,
    label: bool = False,
    sign: bool = False,
) -> tuple[str, ...]:
    """The prompt's fragments that are copy rather than instructions, as a designer reads a brief: a fragment
    with a verb, a number or capitals, and no word about the design itself ("this weekend only", "costumes
    required!!", "6 weeks", "Pediatric Dentist"); not colours, styles or the things to draw."""
    out: list[str] = []
    # A spaced hyphen separates like a dash ("MISSING - Biscuit"); the same length keeps every offset.
    # "DevSummit 2025 · Berlin · 12–14 November", "INDIE FEST / July 19–21 / Austin": separators between lines.
    spaced = prompt.replace(" - ", " – ").replace(" / ", " , ").replace(" | ", " , ").replace("·", ",")
    for m in _FRAGMENT_RE.finditer(spaced):
        a, b = m.span()
        a += len(m.group()) - len(m.group().lstrip())  # the fragment's own words: " 2019 Pinot Noir" starts at 2019
        opens = not prompt[:a].strip() or prompt[:a].rstrip()[-1:] in ".!?:"  # a sentence starts here
        text = m.group().strip(" -'\"")
        opening = not prompt[:a].strip()
        quoted = any(q in prompt[a:b] for q in '"“”«»')  # the quoted copy is already the copy
        designs = any(t.tag == "DESIGN" for t in read.tokens if a <= t.start < b)
        if opening and text.endswith("!") and len(text.split()) <= 8 and not quoted and not designs:
            out.append(text)  # "Free yoga in the park! …": the user's own opening line ("Flyer for …!" is the brief)
            continue
        overlaps = sorted({(x, y) for x, y in claimed if x < b and a < y})
        if len(overlaps) == 1 and (overlaps[0][0] <= a or overlaps[0][1] >= b):
            # Copy already read at one end ("2019 Pinot Noir": the year): the rest may still be copy.
            whole, whole_tags = text, [t for t in read.tokens if a <= t.start < b]
            plain = a > 0 and not any(
                t.tag in ("DESIGN", "LOOK", "COLOUR") and t.lower not in GRAMMAR.claims for t in whole_tags
            )
            a, b = (overlaps[0][1], b) if overlaps[0][0] <= a else (a, overlaps[0][0])
            text = prompt[a:b].strip(" -'\"")
            # "Golden retriever named Max": with the name read, "named" leaves the rest a description
            trimmed = re.sub(r"\s+(?:named|called|titled)$", "", text, flags=re.I)
            if trimmed != text:
                b -= len(text) - len(trimmed)
                text = trimmed
            overlaps = []
            if plain and re.search(r"\b(?:by|with|featuring|from|at|for|to)$", text, re.I) and len(whole.split()) <= 8:
                out.append(whole)  # "keynote by Dr. Ana Ruiz": the line says who, the name stays in it
                continue
        if len(text) < 3 or overlaps:
            continue
        if text.lower().strip("!. ") in SIGN_LINES:
            out.append(text)  # "available now", "coming soon"
            continue
        tags = [t for t in read.tokens if a <= t.start < b]
        if tags and tags[0].lower in _INSTRUCTIONS:
            continue
        # On packaging a short describing phrase is a claim to print ("cold pressed", "grain free", "organic").
        drawn_by_hand = len(tags) >= 2 and tags[0].lower == "hand" and tags[1].lower in _HAND_WORK
        claim = (
            label
            and not drawn_by_hand  # "hand drawn": how the art is made, not a claim like "handmade"
            and 0 < len(tags) <= 3
            and (
                (tags[0].tag in ("ADJ", "LOOK") or tags[-1].tag == "ADJ")
                and all(t.tag in ("ADJ", "NOUN", "CONJ", "NAME", "VERB", "LOOK") for t in tags)
                and any(t.tag != "LOOK" or t.lower in GRAMMAR.claims for t in tags)
                and not any(t.tag == "LOOK" and t.lower not in GRAMMAR.claims for t in tags[-1:])
            )
        )
        named_words = not mostly_caps(prompt)  # "Pinot Noir": a capitalised word inside a line names, not styles
        descriptive = any(
            t.tag in _DESCRIPTIVE and not (named_words and t.text[:1].isupper() and t.start > tags[0].start)
            for t in tags
        )
        if not tags or (descriptive and not claim):
            continue
        if not quoted and flags.flag_icon(text.lower()) is not None:
            continue  # "…, Brazil flag, …": the flag is drawn; its country's capital is no line of copy
        if sign and a > 0 and len(tags) <= 4 and tags[-1].lower in _ACTIVITIES and tags[0].tag not in ("DET", "REL"):
            out.append(text)  # "…, costume contest, …", "live music": what the event offers, a line of its own
            continue
        pictured = not quoted and _pictures(tags, read, prompt, a)
        if pictured and not (claim and tags[0].tag in ("ADJ", "LOOK") and not find_colours(tags[0].lower)):
            continue  # "lavender sprigs", "grapes and a little creek": things to draw, even on a label
        if sign and not claim and a > 0 and _sign_line(tags, text):
            out.append(text)
            continue
        first = tags[0]
        named = first.lower == "the" and len(tags) > 1 and all(t.text[:1].isupper() for t in tags[1:])
        if (
            first.tag in ("DET", "REL")
            and first.lower in ("a", "an", "the", "with", "featuring", "of", "for")
            and not named
        ):
            continue  # "a dinosaur and balloons", "with a wreath": things to draw; "The Velvet Room" is a name
        lively = (
            any(t.tag in ("VERB", "ACT", "NUM", "NAME", "ADV") for t in tags)
            # a capital that does not open a sentence names something ("…, Berlin ·", "…, Napa.")
            or (any(t.text[:1].isupper() for t in tags if t.start > a or not opens) and not mostly_caps(prompt))
            or text.endswith("!")
            or (first.tag == "DET" and first.lower in ("this", "every", "all", "our", "your", "no"))
        )
        if (lively or claim) and len(text.split()) <= 8:
            out.append(text)
    # "enroll now button", "shop now CTA": the button's words are the copy; what it is, is the design's to draw.
    return tuple(re.sub(r"\s+(?:button|btn|cta|link)$", "", line, flags=re.I) for line in out[:5])


def event(prompt: str, read: _reading.Reading) -> str | None:
    """The event a poster or banner announces, named in lower case ("outdoor movie night poster", "a school
    bake sale flyer"): the words of its phrase up to the event noun, without style words."""
    for thing in read.things:
        if thing.head.split()[-1] not in GRAMMAR.events:
            continue
        if " " in thing.noun and wordnet.lexnames(thing.noun, 1)[:1] in (("noun.artifact",), ("noun.object",)):
            continue  # "a beach ball", "a bowling ball": a thing, not a dance
        words = [
            w
            for w in re.findall(r"[\w'’&+-]+", prompt[thing.start : thing.end])
            if w.lower() not in GRAMMAR.looks and w.lower() not in GRAMMAR.design_types
        ]
        if len(words) >= 2:
            return " ".join(w if w[:1].isupper() or any(ch.isdigit() for ch in w) else w.capitalize() for w in words)
    return None


_COLON_LEAD_RE = re.compile(r"\s*([^:\n\"“]{2,60}?):\s*([^,;.!?\n\"“]+)")


def colon_headline(prompt: str, claimed: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    """ "story: new blog post, how to start a garden, …", "title slide: quarterly business review Q3 2026": the
    first segment after the design's own lead-in is its headline — unless it is a picture to draw ("sunglasses
    and a beach ball"), words about the look, an event (read as such), or copy already read (a date, a price).
    Returns the segment and its span in the prompt."""
    m = _COLON_LEAD_RE.match(prompt)
    if m is None:
        return None
    start = m.start(2)
    for k, seg in enumerate(prompt[start:].split(",")[:2]):
        found = _headline_segment(seg, start, claimed)
        if found is not None:
            return found
        if k == 0 and not re.fullmatch(
            r"\s*(?:an?\s+)?(?:new\s+)?(?:blog post|article|episode|video|post)\s*", seg, re.I
        ):
            return None  # only a kicker ("new blog post") lets the next segment be the title
        start += len(seg) + 1
    return None


def _headline_segment(raw: str, start: int, claimed: Sequence[tuple[int, int]]) -> tuple[str, int, int] | None:
    seg = raw.strip()
    a = start + len(raw) - len(raw.lstrip())
    b = a + len(seg)
    if not 1 <= len(seg.split()) <= 8 or any(x < b and a < y for x, y in claimed):
        return None
    if any(not c.thing or c.modifiers for c in find_colours(seg.lower())):
        return None  # "bright yellow", "navy and gold": colours
    seg_read = _reading.read(seg)
    tokens = [t for t in seg_read.tokens if t.tag not in ("DET", "REL", "CONJ", "PUNCT")]
    if not tokens or any(t.tag in ("LOOK", "DESIGN") for t in tokens) or event(seg, seg_read) is not None:
        return None
    if _pictures(seg_read.tokens, seg_read, seg, 0):
        return None
    concrete = [th for th in seg_read.things if th.kind in ("thing", "animal", "person", "place")]
    if all(any(th.start <= t.start < th.end for th in concrete) for t in tokens):
        return None  # only things to draw
    return seg, a, b
