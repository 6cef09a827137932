"""The copy: the text a layout may set, all of it taken from the prompt (quoted or named text, a tagline,
"est. 1987", days and times, names on an invitation, place names), and the subject symbol the prompt depicts."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from artboard.composer import brands, brief_copy, flags, icons, wordnet
from artboard.composer import reading as _reading
from artboard.composer.brief import Brief
from artboard.composer.context import Ctx
from artboard.composer.lexicon import LEXICON
from artboard.composer.vocabulary import GENERIC, INSTITUTIONS, MOODS, STYLE_WORDS
from artboard.composer.words import GRAMMAR

# -- vocabulary --------------------------------------------------------------------------------------------

_PLATFORMS = frozenset(
    """linkedin youtube instagram facebook twitter tiktok pinterest etsy shopify google apple
ios android twitch spotify behance dribbble medium substack reddit whatsapp snapchat x threads bluesky""".split()
)
_MEDIA = frozenset(
    """web website page poster flyer banner header hero thumbnail social post cover card invitation
invite menu board sign signage label wrapper bottle can jar box packaging package tshirt t-shirt shirt tee
apparel merch graphic print design template layout certificate postcard greeting ad advert campaign display
information extra virgin concert blocks youtube linkedin instagram""".split()
)
_CTA_RE = re.compile(
    r"\b(shop now|sign up(?: today| now| free)?|learn more|buy now|get started|book now|join now|join us|"
    r"subscribe(?: now)?|download now|order now|register (?:now|free|today|here)|try it free|get yours|"
    r"read more|watch now|"
    r"start (?:your )?free trial|apply now|get tickets|book a demo|contact us|donate now)\b",
    re.I,
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WHEN_RE = re.compile(
    rf"\b((?:(?:{_DAYS})(?:,?\s+)?)?(?:(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{_MONTHS}))?(?:,?\s*(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm))?)\b",
    re.I,
)
_EVENTS = frozenset(
    "night festival fest party fair market swap concert workshop meetup conference gala marathon tournament expo "
    "opening summit brunch ball showcase hackathon jam quiz bazaar carnival parade screening tasting crawl launch sale "
    "fundraiser auction reunion picnic potluck ceremony recital exhibition opening premiere".split()
)
_EVENT_RE = re.compile(
    r"\b(?:for|announcing|promoting|advertising|about)\s+(?:an?|the|our)\s+((?:[a-z'\-]+\s+){1,2}(?:"
    + "|".join(sorted(_EVENTS))
    + r"))\b"
)
_CERTIFIES_RE = re.compile(
    r"\bcertificate of \w+\s+(?:for|in)\s+(?:(?:a|an|the|our)\s+)?([A-Za-z][\w+#'\- ]{1,40}?)\s*(?:[,.;]|$)"
)
_LANDMARKS = frozenset("eiffel city temple landmark bridge windmill pyramid".split())
_CALENDAR = frozenset(f"{_DAYS}|{_MONTHS}".split("|"))
_NAME_RE = re.compile(r"(?<![\w'])([A-Z][a-zà-ÿ]+(?:\s+(?:&|and|\+)\s+[A-Z][a-zà-ÿ]+|\s+[A-Z][a-zà-ÿ]+){0,3})")
_VOCAB: dict[str, tuple[str, ...]] = {**STYLE_WORDS, **MOODS}
_STYLEISH = frozenset(w for ws in _VOCAB.values() for p in ws for w in p.split())
_STYLE_ONLY = frozenset(w for ws in STYLE_WORDS.values() for p in ws for w in p.split())
# Nouns that icon sets draw better under another name.
_ICON_ALIASES = {
    "note": "music note",
    "notes": "music note",
    "olive": "leaf",
    "pagoda": "temple",
    "ipa": "hop",
    "kyoto": "temple",
    "wine": "wine glass",
    "hike": "mountain",
    "hiking": "mountain",
    "brew": "coffee",
    "espresso": "coffee",
}
_ICON_STOP = frozenset(
    """top best happy new day daily club fest festival night sessions session theory off up
sale summer winter spring autumn one two three ten the and for with your our from monday tuesday wednesday
thursday friday saturday sunday tonight hacks tips guide save""".split()  # "save the date" is no piggy bank
)
_WEAK_SUBJECTS = (
    frozenset("travel trip vacation holiday event party night science consultancy candy".split())
    | INSTITUTIONS
    | _EVENTS  # "chess tournament", "jazz festival", "book fair": the theme is drawn, not the event
)
# Colour names that also name a thing worth drawing ("coffee" brown → a cup); "cream" or "sage" do not.
_NOUN_COLORS = frozenset("coffee olive wine chocolate honey lemon lavender rose cherry strawberry mint".split())

_LEAD_DESIGN_RE = re.compile(
    r"^(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:poster|flyer|banner|sign|card|post|ad)\s*[:—–-]\s*", re.I
)
_PRODUCT_KIND_RE = re.compile(
    r"\b(?:label|packaging|wrapper|can|bottle|box|bag|tin|jar|sleeve)\s+(?:design\s+)?for\s+(?:a|an|the|our|my)\s+"
    r"([a-z][\w'’ -]{2,30}?[A-Za-z])\s+(?:called|named)\b"
)
_NAMES_RE = re.compile(r"(?:[A-Za-z]+:\s*)?(?:The\s+)?[A-Z][\w'’.]*(?:\s+(?:&|and|of|the|de)?\s*[A-Z][\w'’.]*)*")
# A design that lists what is on offer: its items are copy ("Java Joe's sign - espresso, lattes, cold brew").
MENU_RE = re.compile(
    r"\b(?:menus?|(?:chalk|specials?\s+|price\s+|menu\s+)?boards?|signs?(?!\s+up\b)|signage|price\s+lists?"
    r"|recipe\s+cards?|ingredients)\b",
    re.I,
)

# Words that start a clause rather than a product phrase ("… with a bee", "… reads …").
_CONNECTORS = frozenset(
    "with on in for and featuring that which at by of the a an as to from using reads called".split()
)


# -- the copy ----------------------------------------------------------------------------------------------


@dataclass
class Copy:
    headline: str | None
    lines: list[str] = field(default_factory=list)  # secondary lines, most important first
    cta: str | None = None
    derived: bool = False  # the headline came from names in the prompt, not quoted text


def _proper_names(prompt: str) -> list[str]:
    """Capitalised runs inside the prompt ("Kyoto", "Anna & James"), not sentence starts or platform names."""
    text = re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]|'[^']*'", " ", prompt)
    found: list[str] = []
    for m in _NAME_RE.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:":
            continue  # a sentence starts here
        value = m.group(1).strip()
        if text[m.start(1) + len(m.group(1).rstrip()) :][:1].isalpha():
            continue  # part of a word in mixed case ("SaaS", "iPhone"): a term, not a name
        words = [w.lower() for w in re.findall(r"[A-Za-zà-ÿ]+", value)]
        if all(w in _CALENDAR for w in words):
            continue  # "Friday", "December": when, not who (set as a date line)
        if any(w in _PLATFORMS or w in _STYLEISH or w in _MEDIA for w in words if w != "and"):
            continue
        describes = re.match(r"\s+[a-z]", text[m.end() :]) and wordnet.pos_counts(words[0]).get("a")
        if len(words) == 1 and describes:
            continue  # "a tiger in a Japanese woodblock style", "an Italian restaurant": how, not who
        if value not in found:
            found.append(value)
    return found


def _event_name(prompt: str) -> list[str]:
    """The event a banner or flyer announces, when the prompt names it only in lower case: "a banner for a jazz
    night on Friday" → "Jazz Night". Only the event's own words, never invented ones."""
    m = _EVENT_RE.search(re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]", " ", prompt.lower()))
    if m is None:
        return []
    # Style words describe the design ("a bold night party"); moods may name the event ("summer night market").
    words = [w for w in m.group(1).split() if w not in _STYLE_ONLY and w not in _MEDIA and w not in GENERIC]
    if len(words) < 2 or words[-1] not in _EVENTS:  # "a night" alone names nothing
        return []
    return [" ".join(w.capitalize() for w in words)]


_STYLE_TAILS = frozenset(
    "style styled look vibe vibes aesthetic feel font fonts typeface colours colors palette theme tones".split()
)


def is_instruction(item: str) -> bool:
    """Whether a listed item tells the designer how it should look ("minimal", "black on kraft"), not copy."""
    from artboard.composer.colour_words import find_colours
    from artboard.composer.reading import read

    if any(not m.thing or m.modifiers for m in find_colours(item)):
        return True
    content = [t for t in read(item).tokens if t.tag not in ("DET", "REL", "CONJ", "PUNCT", "ADV")]
    if 1 < len(content) <= 3 and content[-1].lower in _STYLE_TAILS:
        return True  # "chalk style", "retro vibe", "earthy palette": how it looks
    if content and content[0].tag == "LOOK" and all(t.tag in ("LOOK", "ADJ") for t in content):
        return True  # "hand drawn", "hand lettered": how it is made
    return bool(content) and all(t.tag in ("LOOK", "DESIGN", "CTX") for t in content)


def copy_for(ctx: Ctx) -> Copy:
    """The text a layout may set, all of it from the prompt."""
    return _copy(ctx.brief)


_LOST_RE = re.compile(
    r"\b(lost|missing|found)\s+(?:[a-z]+\s+){0,2}?(cat|dog|kitten|puppy|pet|parrot|bird|rabbit|bunny|tortoise|"
    r"turtle|ferret|hamster|horse|ring|wallet|keys)\b",
    re.I,
)


_SAYS_SOMETHING = frozenset("free off sale deal deals now only new open today tonight live welcome".split())
# A street or a venue named as a place ("Oak Street", "Ocean Beach", "Riverside Park"): never the headline.
_VENUE_RE = re.compile(
    r"\b(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|square|plaza|beach|park|pier|gardens?"
    r"|hall|arena|stadium|field|library|center|centre|theat(?:er|re))\.?$",
    re.I,
)
_OPENING_TITLE_RE = re.compile(
    r"^\s*((?:[a-z][\w'-]*\s+){1,3}(?:in|at|on|under|by)\s+the\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
    r"(?:flyer|poster|banner|sign|invitation|post|story)\b"
)


def _opening_title(prompt: str) -> list[str]:
    """ "yoga in the park flyer: …", "movies under the stars poster": the event the prompt opens with, named in
    lower case around a place, is the title (small words stay lower case)."""
    m = _OPENING_TITLE_RE.match(prompt)
    if m is None or m.group(1).split()[0] in GRAMMAR.looks | GRAMMAR.design_types:
        return []
    return [brief_copy._title(m.group(1))]


@functools.lru_cache(maxsize=256)
def _copy(b: Brief) -> Copy:
    texts = list(b.texts)
    cta = None
    for t in list(texts):
        if _CTA_RE.fullmatch(t.strip(" !.")) and len(texts) > 1:
            cta = t
            texts.remove(t)
            break
    if cta is None:
        m = _CTA_RE.search(re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]", " ", b.prompt))
        if m:
            cta = m.group(1).capitalize() if m.group(1).islower() else m.group(1)
    derived = False
    if not texts:
        prompt = b.prompt
        for d in b.details:  # "42 Maple Street" is an address line, not the name of the event
            prompt = prompt[: d.start] + " " * (d.end - d.start) + prompt[d.end :]
        if b.items and MENU_RE.search(prompt) and ":" in prompt:
            prompt = prompt[: prompt.index(":")]  # "…: Espresso $3, Latte $4.50": the dishes name no board
        names = [b.event] if b.event else (_event_name(prompt) or _proper_names(prompt) or _opening_title(prompt))
        # "back to school sale 25% off": the user's whole line names the event better than its noun phrase.
        fuller = next((p for p in b.phrases if b.event and b.event.lower() in p.lower() and len(p.split()) <= 6), None)
        if fuller is not None:
            names = [brief_copy._title(fuller)]
        place = next((t for t in b.things if t.establishment), None)
        if not names and place is not None and MENU_RE.search(prompt):
            # "menu board for a smoothie bar: …": the board names the place it hangs in, in the prompt's words.
            names = [brief_copy._title(prompt[place.start : place.end])]
        if not names and b.items and re.search(r"\brecipe\b", prompt, re.I):
            # "recipe card: grandma's apple pie — apples, sugar, …": the dish names the card, in their words.
            listed = {i.lower() for i in b.items}
            dish = next((t for t in b.things if b.prompt[t.start : t.end].lower() not in listed), None)
            names = [brief_copy._title(b.prompt[dish.start : dish.end])] if dish is not None else []
        if not names and b.items and MENU_RE.search(prompt) and b.design_type == "card":
            # "cafe menu board: latte $4, …": an unnamed board is titled as a menu (its first dish was).
            venue = next((t.noun for t in b.things if t.establishment or _reading.is_setting(t.noun)), None)
            names = [brief_copy._title(f"{venue} menu") if venue else "Menu"]
        if names:
            texts = names[:2]
            derived = True
    lost = _LOST_RE.search(b.prompt) if b.design_type in ("poster", "banner", "card") else None
    said_first = {"missing", "lost", "found", "wanted"}  # "lost cat poster: MISSING - Biscuit": theirs leads
    if (
        lost
        and not any(lost.group(0).lower() in t.lower() for t in (*texts, *b.phrases))
        and not any(t.lower().strip("!. ") in said_first for t in texts)
    ):
        # "a flyer for a lost cat named Whiskers": LOST CAT is what a passer-by must read first; the name follows.
        texts.insert(0, brief_copy._title(f"{lost.group(1)} {lost.group(2)}"))
    lines: list[str] = []
    kind = _PRODUCT_KIND_RE.search(b.prompt) if b.design_type == "label" else None
    if kind and texts and kind.group(1).lower() not in " ".join(texts).lower():
        lines.append(kind.group(1))  # "beer can label for a hazy IPA called Cloud Surfer": the product under the name
    if len(texts) == 1 and texts[0].lower().startswith("certificate of"):
        # What it certifies: "certificate of completion for a Python course" → "Python Course".
        m = _CERTIFIES_RE.search(b.prompt)
        if m:
            lines.append(" ".join(w if w[:1].isupper() else w.capitalize() for w in m.group(1).split()))
    said = " ".join(texts).lower()
    named = b.event and re.search(re.escape(b.event) + r"\W+(?:called|named|titled)\b", b.prompt, re.I)
    if (
        not derived
        and b.event
        and not named  # "a jazz night called 'Blue Note Sessions'": the quote is the event's name
        and b.event.lower() not in said
        and b.design_type in ("poster", "banner", "card", "badge")
    ):
        # "a bookstore reading with author Maya Chen", "a climate march, 'There is no planet B'": the headline
        # is theirs, and the event it announces is said right under it; a street or a park is no headline
        # ("a farmers market, every Saturday, Oak Street": FARMERS MARKET over Oak Street).
        if texts and _VENUE_RE.search(texts[0]):
            lines.insert(0, texts[0])
            texts[0] = b.event
        else:
            lines.append(b.event)
    for extra_line in (b.tagline, *texts[1:]):
        if extra_line and extra_line not in lines:
            lines.append(extra_line)
    quoted = " ".join(texts).lower()
    # Offers lead ("40% OFF"); dates, times, places, prices and addresses follow, each as the user wrote it.
    offers = [d.text for d in b.details if d.kind == "offer"]
    for d in b.details:
        if d.kind == "offer" or d.text.lower() in quoted:
            continue
        age = re.match(r"\d+", d.text) if d.kind == "age" else None
        if age and re.search(rf"\b{age.group(0)}(?:st|nd|rd|th)?\b", quoted):
            continue  # "for a 7 year old, 'Happy 7th Birthday Leo!'": the age is in the greeting already
        value = d.text.upper() if d.kind in ("date", "time") else d.text
        if all(value.lower() not in line.lower() for line in lines):
            lines.append(value)
    for phrase in b.phrases:  # "this weekend only", "bring your own mat": the user's own lines
        spot = next((d.text for d in b.details if d.kind in ("venue", "address") and d.text in lines), None)
        if spot is not None and re.search(r"\b(?:near|at|in|by|on|outside|behind)$", phrase, re.I):
            # "last seen near Oak Park": the place the sentence was going to, on its line
            lines[lines.index(spot)] = f"{phrase} {spot}"
            continue
        if phrase.lower() not in quoted and all(phrase.lower() not in line.lower() for line in (*lines, *texts)):
            lines.append(phrase)
    menu = bool(MENU_RE.search(b.prompt))
    if b.items and b.design_type == "label" and not menu:
        # "coffee bag packaging: Ethiopia Yirgacheffe, light roast, notes of blueberry, 250g": the label's lines.
        lines += [
            item
            for item in b.items
            if all(item.lower() not in t.lower() for t in (*texts, *lines)) and not is_instruction(item)
        ]
    if b.items and b.design_type in ("poster", "banner", "card") and not menu:
        # "open house flyer: Sunday 1-4pm, 3 bed 2 bath": a listed line with a figure is copy; a listed thing
        # to draw ("a fox, a tree") is not.
        said = " ".join([*texts, *lines, *(d.text for d in b.details)]).lower()
        lines += [
            item
            for item in b.items
            if (
                re.search(r"\d|\b(?:two|three) for (?:one|two)\b|\bbogo\b", item, re.I)
                or set(item.lower().split()) & _SAYS_SOMETHING
                # "…, Villa Rosa, Tuscany": a place's name in the list is a line of the invitation
                or (b.design_type == "card" and all(w[:1].isupper() for w in item.split() if w[:1].isalpha()))
            )
            and item.lower() not in said
        ]  # "banner: two for one pizza, kids eat free": a listed line that offers or announces is copy too
        # Names in a list ("Lineup: The Lanterns, Moss & Stone, Paper Kites", "Riverside Park, Austin") are copy.
        said = " ".join([*texts, *lines]).lower()
        lines += [
            item
            for item in b.items
            if _NAMES_RE.fullmatch(item) and item.lower() not in said and not is_instruction(item)
        ][:6]
    if b.items and menu:
        # A menu (or a shop's sign, a specials board) lists its dishes, with their prices when given.
        priced = {f.label.lower(): f.text for f in b.figures}
        lines += [f"{item} {priced[item.lower()]}" if item.lower() in priced else item for item in b.items]
    covered = " ".join([*lines, *offers]).lower()
    for m in _WHEN_RE.finditer(b.prompt):
        value = " ".join(m.group(1).split()).strip(" ,.;")
        if (
            len(value) >= 3
            and any(ch.isalpha() for ch in value)
            and value.lower() not in quoted
            and value.lower() not in covered
            and not any(line.lower() in value.lower() for line in lines)  # "at 7pm" when "7pm" is set
        ):
            lines.append(value.upper())
    turning = re.search(r"\bturning\s+(\d{1,3})\b", b.prompt, re.I)
    if turning and texts:
        lines.append(f"TURNING {turning.group(1)}")  # "invitation for Leo, turning 5"
    if b.established:
        lines.append(f"EST. {b.established}")
    opening = _LEAD_DESIGN_RE.sub("", b.prompt.lstrip())  # "poster: Lost Cat! …" opens with its shout too
    shout = next((p for p in b.phrases if p.endswith("!") and opening.startswith(p)), None)
    if shout and (derived or not texts or not opening.startswith(texts[0])):
        # "Free yoga in the park! …": the user's exclamation is the headline, not a place name found later.
        texts = [shout, *texts]
        lines = [*texts[1:2], *(line for line in lines if line != shout)]  # the displaced name stays a line
    headline = texts[0] if texts else (offers.pop(0) if offers else None)
    if headline is None and lines and b.design_type in ("poster", "banner", "card"):
        # "poster: 3 bands live, doors 7pm": copy without a name still leads with its first line (not a date).
        dated = {d.text.lower() for d in b.details if d.kind in ("date", "time", "price")}
        lead = next((line for line in lines if line.lower() not in dated), lines[0])
        headline = lead
        lines = [line for line in lines if line is not lead]
    if headline is not None and not derived:
        # 'Oro Verde — Extra Virgin Olive Oil, Cold Pressed, 500 ml', 'Hoppy Trails IPA, 6.5% ABV': one quote
        # holding a name and its lines is set as a name and lines, not one long headline.
        parts = _split_quote(headline)
        if len(parts) > 1:
            headline, lines = parts[0], [*parts[1:], *lines]
    said = (headline or "").lower()
    rest = [line for line in [*offers, *lines] if line.lower() not in said]  # never set a line twice
    rest = list({line.lower(): line for line in reversed(rest)}.values())[::-1]
    # A name set inside a longer line ("keynote by Dr. Ana Ruiz") is not set again on its own.
    rest = [line for line in rest if not any(line.lower() in o.lower() and line != o for o in rest)]
    return Copy(headline, rest[:8], cta, derived)


def _split_quote(text: str) -> list[str]:
    """A quoted line cut at its dashes, bars and middle dots, and at commas once it runs past five words; a short
    phrase with a comma ("Hello, Sunshine") stays whole."""
    parts = [p.strip() for p in re.split(r"\s+[—–|·/]\s+|\s+-\s+", text) if p.strip()]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in re.split(r",(?!\d{3}\b)\s*", part) if p.strip()]
        long = len(text.split()) > 5 or any(re.search(r"\d", p) for p in pieces[1:])
        out += pieces if len(pieces) > 1 and long and all(len(p.split()) <= 6 for p in pieces) else [part]
    return out if all(len(p) >= 2 for p in out) else [text]


# -- the subject symbol ------------------------------------------------------------------------------------


def _icon_words(ctx: Ctx, extra: Sequence[str] = ()) -> list[list[tuple[str, float]]]:
    """Candidate words in tiers: what the prompt depicts first, the headline's words only as a fallback
    (so "Form & Function" does not draw a form field)."""
    b = ctx.brief
    # Words that are set as text are not drawn ("Blue Harbor Coffee" draws no harbour); other names are things
    # to draw ("a poster for Paris with the Eiffel Tower": the tower).
    copy = _copy(b)
    event = _event_name(b.prompt)  # an event's words name its theme ("Astronomy Night" → a telescope)
    lost = _LOST_RE.search(b.prompt)
    event += [brief_copy._title(f"{lost.group(1)} {lost.group(2)}")] if lost else []  # "Lost Cat" draws the cat
    # A line the prompt says in lower case that names a thing read as a subject ("new menu item, spicy ramen
    # bowl") is set and drawn; a capitalised name ("Blue Harbor Coffee") is only set.
    described = {
        t for t in copy.lines if t == t.lower() and any(re.search(rf"\b{re.escape(s)}\b", t) for s in b.subjects)
    }
    names = {
        w.lower()
        for t in (copy.headline or "", *copy.lines)
        if t not in event and t not in described
        for w in t.split()
    }
    # A thing the brief draws that the prompt names only inside quoted copy ("a cooking video, 'Easy Pasta in 10
    # Minutes'") is the picture, though its word is also set.
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", " ", b.prompt.lower())
    names -= {x for x in b.subjects if " " not in x and not re.search(rf"\b{re.escape(x)}\b", unquoted)}
    # So is one it also describes outside the copy ("'Strawberry Jam', a big strawberry"); the product a label is
    # for ("jam jar label, Strawberry Jam") and a name's capitalised word ("Blue Harbor Coffee") stay only set.
    said_plain = re.sub(r"[\"“][^\"”]*[\"”]", " ", b.prompt)
    names -= {
        x
        for x in b.subjects
        if " " not in x and re.search(rf"\b(?:an?|the|some|two|three)\s+(?:[a-z]+\s+)?{re.escape(x)}\b", said_plain)
    }
    first: list[tuple[str, float]] = []
    prompt = b.prompt.lower()
    for i, phrase in enumerate(b.subjects):
        words = phrase.split()
        # "… with dinosaurs", "featuring a fox": the prompt says what to draw, above the theme's own symbol.
        said = re.search(
            rf"\b(?:with|featuring|showing|of)\s+(?:(?:an?|the|some|two|three)\s+)?{re.escape(phrase)}\b", prompt
        )
        spans = [" ".join(words[k : k + n]) for n in (3, 2) for k in range(len(words) - n + 1)]
        compound = next(
            (span for span in spans if span in LEXICON or wordnet.longest_compound(span.split()) == len(span.split())),
            None,
        )
        if compound:  # "olive oil", "real estate", "hot air balloon": one thing, not its words (motor oil)
            first.append((compound, 1.0 - 0.03 * i))
            words = [w for w in words if w not in compound.split()]
        for w in reversed(words):
            if w not in _MEDIA and w not in _PLATFORMS and w not in names and w not in _ICON_STOP:
                weight = 0.8 if w in _WEAK_SUBJECTS else (1.3 if said else 1.0)
                first.append((w, weight - 0.03 * i))
    for t in b.texts[:1]:
        # A place the lexicon knows draws its landmark even though its name is set as text: "New York" a skyline,
        # "Paris" the Eiffel Tower (above the theme's "travel" aeroplane). Other words of a name stay text.
        tw = re.findall(r"[a-z]+", t.lower())
        for span in [" ".join(tw[k : k + 2]) for k in range(len(tw) - 1)] + tw:
            if span in LEXICON and _LANDMARKS.intersection(LEXICON[span]):
                first.append((span, 1.0))
                break
    for w in b.color_names:
        if w in _NOUN_COLORS:
            first.append((w, 0.9))
    for w in extra:
        first.append((w, 0.9))
    for w in ("wedding", "birthday", "jazz", "coffee", "beer", "wine", "music"):
        if w in b.words:
            first.append((w, 0.88))
    # What the prompt says to draw ("a honey label with a bee") leads the product it labels (a honey pot).
    first.sort(key=lambda entry: entry[1] < 1.25)
    second: list[tuple[str, float]] = []
    for t in b.texts[:1]:
        for w in re.findall(r"[A-Za-z]+", t):
            if len(w) > 2 and w.lower() not in _ICON_STOP:
                second.append((w.lower(), 0.9))
    return [first, second]


def subject_icon(
    ctx: Ctx, *, extra: Sequence[str] = (), exclude: Sequence[str] = (), threshold: float = 1.05
) -> icons.Icon | None:
    """The symbol for the brief's subject: the best-depicted word among subjects, headline and colour nouns, or
    the composite of the things the prompt relates ("a popcorn box and a film reel")."""
    from artboard.composer.group_mark import use_mark

    mark = use_mark(ctx, "stroke" if ctx.brief.has("line") else "fill") if not exclude else None
    if mark is not None:
        return mark
    flag = next((f for s in ctx.brief.subjects if (f := flags.flag_icon(s)) is not None), None) or (
        brands.said_in(ctx.brief.prompt) if not ctx.brief.subjects else None
    )
    if flag is not None and not ctx.brief.has("line"):
        ctx.info.setdefault("icons", []).append(flag.key)
        return flag  # "a pride banner with a rainbow flag": the flag itself, not a pennant glyph
    seen: set[str] = set()
    for rank, tier in enumerate(_icon_words(ctx, extra)):
        best: tuple[float, str] | None = None
        for word, weight in tier:
            query = _ICON_ALIASES.get(word, word)
            if query in seen or any(query.startswith(e) for e in exclude):
                continue
            seen.add(query)
            found = icons.find_icons(query, k=1)
            if found:
                score = found[0][1] * weight
                if rank == 0 and score >= threshold * 1.2 and not extra:
                    # The prompt's own things in its order: the first one drawn clearly is the symbol ("cupcakes,
                    # cookies, pies … in the gym" is a cupcake, however well a dumbbell draws "gym").
                    return ctx.pick_icon(query)
                if best is None or score > best[0]:
                    best = (score, query)
        if best is not None and best[0] >= threshold:
            if rank == 1 and best[1] in _CHROME_WORDS:
                # a headline word whose glyph is an interface's ("New ramen MENU", "Breathe. Stretch. RESET."):
                # the shared reading of the things themselves says more (the noodle bowl, the yoga figure)
                said = _subject_by_reading(ctx, exclude)
                if said is not None:
                    return said
            return ctx.pick_icon(best[1])
    # the shared reading's answer ("a dog daycare": the dog) where no word alone drew clearly
    return _subject_by_reading(ctx, exclude)


# Headline words whose glyphs belong to an interface, not to the thing a design is about.
_CHROME_WORDS = frozenset(
    "menu reset lock home search settings account user login refresh back next close grid list filter sort share "
    "link page info help new now drop update stretch breathe".split()
)


def _subject_by_reading(ctx: Ctx, exclude: Sequence[str]) -> icons.Icon | None:
    from artboard.composer.noun_icons import resolve

    for subject in ctx.brief.subjects[:2]:
        hit = resolve(subject, "stroke" if ctx.brief.has("line") else "fill") if subject not in exclude else None
        if hit is not None:
            return ctx.pick_icon(hit[1]) or hit[0]
    return None


# -- product lines for labels ------------------------------------------------------------------------------


# What holds the product is no product line: "jar label for wildflower honey" sets no "JAR".
_CONTAINERS = frozenset("jar jars bottle bottles can cans box boxes bag bags tin tins pouch packet carton tube".split())


def product_line(ctx: Ctx, copy: Copy) -> list[str]:
    """Product words from the prompt ("extra virgin", "olive oil", "IPA"), set as small caps lines."""
    b = ctx.brief
    out = list(copy.lines)
    if not copy.headline:
        return out  # no name to set means no label copy at all: never invent a product line alone
    prompt = b.prompt
    for q in b.texts[:1]:
        idx = prompt.find(q)
        if idx >= 0:
            after = prompt[idx + len(q) :].lstrip("\"'”’ ")
            m = re.match(r"([A-Za-z][A-Za-z\- ]{2,30}?)(?:[,.;]|$| with | on | in | for )", after)
            if m:
                phrase = m.group(1).strip()
                first = phrase.split()[0].lower() if phrase else ""
                connector = first in _CONNECTORS
                generic = any(w.lower() in ("label", "design", "logo", "style") for w in phrase.split())
                said = phrase.lower() in {o.lower() for o in out}  # "handmade soap" already a line
                if phrase and not connector and not generic and not said:
                    out.insert(0, phrase.upper())
    # (not "wine" or "tea": "Rosso 2021" or a tea's blend says it, and a lone "WINE" reads as invented copy)
    for noun in ("olive oil", "craft beer", "coffee", "honey", "hot sauce", "chocolate", "soap"):
        if (
            re.search(rf"\b{noun}\b", prompt.lower())  # "tea", not the tea of "teal"
            and all(noun.upper() not in o.upper() for o in out)
            and all(noun.lower() not in t.lower() for t in b.texts)
        ):
            out.append(noun.upper())
            break
    else:
        # "label for homemade strawberry jam 'Grandma's Kitchen'": what the jar holds is a line under the name.
        held = next((s for s in b.subjects if _product(s, prompt, b.texts) and s not in _CONTAINERS), None)
        if held is not None and all(held.upper() not in o.upper() for o in out):
            out.append(held.upper())
    return out[:5]


def _product(subject: str, prompt: str, texts: Sequence[str]) -> bool:
    """Whether a subject is the product a label is for: a food, a drink or a made thing, said in the prompt's
    own words and not already part of the name."""
    kinds = wordnet.lexnames(subject.split()[-1], 1)[:1]
    return (
        kinds in (("noun.food",), ("noun.substance",), ("noun.artifact",))
        and subject.lower() in prompt.lower()
        and all(subject.lower() not in t.lower() for t in texts)
    )
