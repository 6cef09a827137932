"""The copy a prompt gives besides names and quotes: offers, prices, dates, times, years, addresses, web
addresses and phone numbers, lists of items after a colon, and the figures of a chart ("rent 45%").

Everything found is set as the user wrote it; nothing is invented. Each finding keeps its character span so the
reader does not also try to draw it ("40% OFF" is not a subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_DAYS = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# Before a date a short day is written with its capital: "Sun, Sept 20"; "camera and sun, Sept 20" is the sun.
_DATE_DAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sunday|(?-i:Sun|SUN)"
)
_TIME = (
    r"(?:\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|(?<=at )noon|(?<=at )midnight|(?<=til )midnight"
    r"|(?<=[-–])(?:noon|midnight)|(?<=[-–] )(?:noon|midnight)|(?<=to )(?:noon|midnight))"
    r"(?:\s(?:EST|EDT|PST|PDT|CST|CDT|MST|ET|PT|CT|GMT|UTC|CET|CEST|BST)\b)?"  # "2pm EST": the zone is part of it
)
# A span of hours ("9am to 2pm", "1-4pm", "10:00–18:00"): a bare first hour is a time only before its end.
_RANGE = (
    rf"(?:(?:\d{{1,2}}(?::\d{{2}})?|\bnoon|\bmidnight)\s*(?:[-–]|\bto\b)\s*(?:{_TIME})"  # ("noon–4pm" too)
    rf"|(?:{_TIME})(?:\s*(?:[-–]|\bto\b)\s*(?:{_TIME}))?)"
)

# Bare hours after a day ("every Sunday 9–1", "Saturday 8-2"): the span of a market's or a sale's opening.
_BARE_RANGE = r"\d{1,2}\s*[–-]\s*\d{1,2}(?![\d%:/]|[.,]\d)"

# Ordered: the first pattern to claim a span keeps it.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")),
    (
        "url",
        re.compile(
            r"\b(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\."
            r"(?:com|org|net|io|co|app|dev|shop|store|art|design|studio|cafe|xyz|ai|me|uk|de|fr)"
            r"(?:/[\w/.-]*)?\b",
            re.I,
        ),
    ),
    ("handle", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")),
    # "code SAVE30", "use promo code FRIDAY60": a code is set as written, with its word.
    ("code", re.compile(r"\b(?:use\s+)?(?:promo\s+|discount\s+|coupon\s+)?code:?\s+[A-Z0-9][A-Z0-9-]{2,19}\b")),
    (
        "phone",
        re.compile(
            # "call 555-0142": the word that says what to do with the number is set with it
            r"\b(?:call|phone|text|tel\.?|contact)\s+(?:us\s+(?:at|on)\s+)?"
            r"(?:(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\d{3}[.-]\d{4})(?!\d)"
            r"|(?<!\d)(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)",
            re.I,
        ),
    ),
    (
        "offer",
        re.compile(
            r"\b(?:up to |save |extra |flat )?\d{1,3}\s?%\s?off(?: (?:everything|sitewide|storewide|"
            r"your first order|first orders?|today|now|(?:all|any|every|selected)(?: [a-z]+)?"
            r"|(?!in\b|on\b|at\b|for\b|with\b|this\b|until\b|till\b|through\b|when\b|and\b|or\b|the\b)[a-z]{3,}"
            r"(?:\s(?!in\b|on\b|at\b|for\b|with\b|this\b|until\b|till\b|when\b|and\b|or\b|the\b)[a-z]{3,})?))?\b"
            r"|\bbuy one,? get one(?: free| half off)?\b|\bbogo\b|\b\d\s?for\s?\d\b|\bfree (?:shipping|delivery|"
            r"entry|admission|wifi|wi-fi|refills?|samples?|trial|consultation|tasting)\b|\bhalf[- ]price\b"
            r"|\bsave \$\d+\b"
            r"|\bfree\s+(?!of\b|from\b|to\b|vs\b|versus\b|or\b|and\b|plan\b|tier\b)[a-z]+(?:-[a-z]+)?"
            r"(?:\s+(?!with\b|for\b|on\b|and\b|in\b|at\b|vs\b|during\b|until\b|till\b|this\b|every\b|when\b)"
            r"[a-z]+(?:-[a-z]+)?){0,2}"  # ("free kids check-ups during …": the offer, then when)
            r"(?:\s+for\s+(?:the\s+)?first\s+\d+\s+\w+|\s+with\s+(?:every|each|any|your)\s+[a-z]+)?",
            re.I,
        ),
    ),
    (
        "price",
        re.compile(
            r"(?:\b(?:tickets?|entry|admission|cover|registration|(?:day |season )?pass(?:es)?|membership|from|only|"
            r"just|starting at|all for|(?:on )?orders (?:over|above|of)|spend|reward|prize|budget)\s+"
            r"|\b\d{1,2}\s+(?:[a-z]+\s+){1,2}for\s+)?"  # "3 months for $99", "2 large pizzas for $19.99"
            r"(?:[$€£¥]\s?\d{1,3}(?:,\d{3})+(?:\.\d{2})?|[$€£¥]\s?\d+(?:[.,]\d{1,2})?(?:\s?(?:[kKmMbB]|million|billion|bn)\b)?(?:\s?(?:/|per|a)\s?(?:month|mo|year|yr|night|person|"
            r"hour|hr|week|kg|lb|day|car|head|kid|child|adult|couple|ticket|pair|dozen))?|\b\d+(?:[.,]\d{2})?\s?(?:dollars|euros|usd|eur|gbp)\b)"
            r"(?:\s+(?:entry|admission|entrance|per person|each|only|fee|tickets?|cover|prize|gift card|value))?",
            re.I,
        ),
    ),
    (
        "address",
        re.compile(
            r"\b\d{1,5}\s+(?:[A-Z][a-z]+\.?\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|"
            r"Way|Pl|Place|Sq|Square|Ct|Court|Pkwy|Parkway|Hwy|Highway|Terrace|Row)\b\.?"
            # the town after a comma, never the day that follows ("42 Maple Street, Saturday 8am")
            rf"(?:,\s*(?!(?i:{_DAYS}|{_MONTHS})\b)(?:[A-Z][a-z]+\s?){{1,3}}(?:,\s?[A-Z]{{2}})?(?:\s\d{{5}})?)?"
        ),
    ),
    (
        "address",
        # "a bakery on Elm Street", "at 5th Avenue": a street by its name is where it is, set as copy, never drawn
        re.compile(
            r"(?:(?<=\bon )|(?<=\bat )|(?<=\boff ))(?:(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))\s){1,3}"
            r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Square|Place|Parkway|Terrace|Row|St\.|Ave\.|Rd\.|Blvd\.)"
            # "at Elm Street Park": the place on the street is the name, whole
            r"(?:\s(?:Park|Market|Plaza|Gardens?|Hall|Center|Centre|Station|Mall|Pier|Church|Library|School))?"
            r"(?!\w)"
        ),
    ),
    (
        "date",
        re.compile(
            # "valid until May 31", "offer ends June 1": the limit is said with its date
            r"(?:\b(?:(?:valid|good|offer|sale|deal)\s+)?(?:until|till|thru|through|ends?|expires?)\s+)?"
            rf"\b(?:(?:{_DATE_DAYS}),?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:\s*[-–]\s*\d{{1,2}}"
            rf"(?:st|nd|rd|th)?)?|(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}\b|\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:{_MONTHS}))"
            rf"(?:,?\s+\d{{4}})?"
            rf"(?:,?\s*(?:at\s+|from\s+)?{_RANGE})?"
            # ("1/2 cup sugar", "3/4 inch": a fraction of a measure, never a date)
            rf"|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b(?!\s*(?:cups?|tsp|tbsp|teaspoons?|tablespoons?|oz|ounces?|lbs?"
            rf"|pounds?|inch(?:es)?|in\b|mile|miles|liters?|litres?|pints?|quarts?|gallons?|sticks?|of\b))"
            # "09.14.2027", "14-09-2027", "2027-09-14": numeric dates with dots or dashes
            rf"|\b\d{{1,2}}([.-])\d{{1,2}}\1(?:19|20)?\d{{2}}\b|\b(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}\b",
            re.I,
        ),
    ),
    # "every Thursday", "every other Friday night": when a recurring event is on.
    (
        "date",
        re.compile(
            rf"\bevery\s+(?:other\s+)?(?:{_DAYS})(?:\s+(?:night|evening|morning|afternoon))?\b"
            rf"(?:,?\s*(?:at\s+|from\s+)?(?:{_RANGE}|{_BARE_RANGE}))?",
            re.I,
        ),
    ),
    (
        "time",
        re.compile(
            # "doors 7pm", "kickoff at 3pm", "ceremony 4pm": the time keeps what happens then
            rf"\b(?:(?:doors|show|showtime|kick-?off|gates|check-in|ceremony|reception|dinner|lunch|brunch|"
            rf"registration|start|starts)(?:\s+(?:open|at))?\s+)?"
            # ("Mon/Wed/Fri 6:30am": the days, all of them, and their time)
            rf"(?:(?:{_DAYS}|tonight)s?(?:\s*[/,&]\s*(?:{_DAYS})s?)*\s+(?:at\s+|from\s+)?)?{_RANGE}"
            rf"|\b(?:{_DAYS})s?\s+(?:from\s+)?{_BARE_RANGE}"
            rf"|\b(?:{_DAYS})s?\b(?=\s+(?:at|from|night|evening|morning))",
            re.I,
        ),
    ),
    (
        "venue",
        re.compile(
            r"(?<=\bat )(?:the )?[A-Z][\w'’&]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w'’&]*){0,4}"
            # a named place said anywhere: "…, Main Street Plaza", "in Lincoln Park"
            r"|(?<![\w'])(?<!for )(?<!called )(?<!named )(?:[A-Z][\w'’]*\s+){1,3}"
            r"(?:Plaza|Square|Park|Hall|Arena|Stadium|Theatre|"
            r"Theater|Center|Centre|Gardens|Pier|Commons|Fairgrounds|Pavilion|Auditorium|Ballroom|Estate|Manor|"
            r"Chapel|Warehouse|Valley|Beach|Bay|Vineyards?|Winery|Resort|Lodge|Hotel|Inn|Museum|Gallery|Castle|"
            r"Ranch|Cathedral|Church)\b(?!\s+[A-Z&])"
            # a place said plainly as its own segment of a flyer: "…, Saturday 10am, school gym, …"
            r"|(?<=, )(?:(?:the|our|school|church|community|town|main|rec|public|high school)\s+)?(?:gym|gymnasium|"
            r"library|hall|cafeteria|auditorium|courtyard|parking lot|backyard|rooftop|lobby|community center|"
            r"rec center|town square|fire station|church hall)(?=\s*(?:,|\.|$))"
        ),
    ),
    # What a label states about its contents: "6.5% ABV", "12 fl oz", "500 ml".
    (
        "measure",
        re.compile(
            r"\b\d+(?:\.\d+)?\s?%\s?(?:ABV|alc\.?(?:\s?/\s?vol\.?)?)(?!\w)"
            r"|\b\d+(?:\.\d+)?\s?(?:fl\.?\s?oz|oz|ml|cl|ltr|kg|lbs?)(?![\w%])",
            re.I,
        ),
    ),
    # "Emma turning 5", "Noah is 3", "30 years young": the age a birthday card celebrates.
    ("age", re.compile(r"\bturning\s+\d{1,3}\b|\b\d{1,3}\s+years?\s+(?:old|young)\b", re.I)),
    ("year", re.compile(r"\bclass of (?:19|20)\d{2}\b", re.I)),  # a graduating class is said whole
    ("year", re.compile(r"(?<![\d$€£#.])(?:19|20)\d{2}(?![\d%])")),
)
# A chart's own figures: "rent 45%", "Q1: 120", "food - 27 %", "$4.2M revenue".
_FIGURE_RE = re.compile(
    r"(?P<label>[A-Za-z][\w&'’/\- ]{0,28}?|(?<![\d$€£.,])(?:19|20)\d{2}s?)"  # "2019 32%": a year labels a figure
    r"\s*(?:[:=–-]\s*|\s)(?P<value>[$€£]?\d+(?:[.,]\d+)?)\s?"
    r"(?P<unit>%|percent|k|m|bn|million|billion|l|ml|kg|g|km|mi|hrs?|min|kwh|gb|mb|tb|lbs?|oz)?(?![\w.])"
    r"|(?P<value2>[$€£]?\d+(?:[.,]\d+)?)\s?(?P<unit2>%|percent)\s+(?P<label2>[A-Za-z][A-Za-z&'’\- ]{0,28}?)"
    r"(?=\s*(?:,|;|\band\b|$|\.))",
    re.I,
)
# A stat said label first ("revenue $4.2M", "customers: 12,000"), read as the tile shows it, figure first.
_LABEL_FIRST_RE = re.compile(
    r"^(?P<label>[A-Za-z][A-Za-z &'’-]{1,28}?)\s*[:=]?\s+(?P<num>[$€£]?\d[\d.,]*\s?(?:[kKmMbB]|million|billion|bn|%)?)$"
)
# Where a list starts: "…icons for a weather app: sun, cloud, rain" / "such as" / "including".
# "set of 8 weather icons, sun, cloud, rain…": a set's own name, then a comma, lists its members too.
_LIST_START_RE = re.compile(r":\s*|\s[-—–]\s+|\b(?:such as|including|namely|like|showing)\s+|(?<=\bicons),\s*", re.I)
# Where a list ends: a full stop (not a decimal point: "$4.50", nor "est." or "St."), a dash, or a clause about
# where it all is.
_LIST_END_RE = re.compile(
    r"(?<!\b[Ee]st)(?<!\b[Ss]t)(?:(?<!\d)\.|\.(?!\d))|[;!?\n]|\s[-—–]\s"
    r"|\s(?:in|on|with)\s+(?:a|an|the)\s|,\s*(?:in|with|on)\s"
)
# "$450,000" is one item, and so is a name joined by "&" ("Moss & Stone").
_ITEM_SPLIT_RE = re.compile(r"\s*(?:,(?!\d{3}\b)|;|\band\b|&(?!\s*[A-Z])|\+|(?<!\d)/|/(?!\d)|\n)\s*", re.I)


@dataclass(frozen=True, slots=True)
class Detail:
    kind: str  # url, email, handle, code, phone, offer, price, address, date, time, year, age
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: float
    unit: str  # "%", "$", "" …
    text: str  # as written ("45%", "$4.2M")


@dataclass(frozen=True)
class CopyReading:
    details: tuple[Detail, ...] = ()
    items: tuple[str, ...] = ()  # a list after a colon (icon set members, step labels, chart labels)
    figures: tuple[Figure, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()  # every span claimed above: not things to draw


def _details(text: str, taken: list[tuple[int, int]]) -> list[Detail]:
    found: list[Detail] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            value = m.group().strip(" ,.")
            if not value or any(x < b and a < y for x, y in taken):
                continue
            if kind == "time" and not re.search(r"\d|noon|midnight", value, re.I):
                continue  # a weekday alone is not a time ("Friday" → the date line says it if it was a date)
            if kind == "venue" and " " not in value and re.search(r"[A-Z][\w'’&.]*\s+at\s+$", text[:a]):
                continue  # "Attorneys at Law", "Cafe at Night": part of a name, not a place
            taken.append((a, b))
            found.append(Detail(kind, _display(kind, value), a, b))
    found.sort(key=lambda d: d.start)
    return found


def _display(kind: str, value: str) -> str:
    """As a designer would set it: offers in capitals ("40% OFF"), everything else as written."""
    if kind == "offer":
        return re.sub(r"\s+", " ", value).upper()
    if kind == "year" and value.lower().startswith("class of"):
        return "Class of" + value[8:]
    if kind == "venue" and value.startswith("the "):
        value = "The " + value[4:]
    return re.sub(r"\s+", " ", value)


_NUMBERED_RE = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=[A-Za-z])")


# Steps numbered without a stop, each opening its clause: "…: 1 grind 20g beans, 2 rinse filter, 3 bloom".
_BARE_NUMBERED_RE = re.compile(r"(?:^|(?<=[:,;]\s)|(?<=[:,;]))(\d{1,2})\s+(?=[a-z])")


def _numbered_run(marks: list[re.Match[str]]) -> list[re.Match[str]]:
    """The marks that count 1, 2, 3 … in order (a later 1 starts the count again)."""
    run: list[re.Match[str]] = []
    for m in marks:
        if int(m.group(1)) == len(run) + 1:
            run.append(m)
        elif int(m.group(1)) == 1:
            run = [m]
    return run


def _numbered_items(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """ "4 steps: 1. Heat water to 96°C 2. Grind 20g beans 3. Bloom 30 seconds": items after 1., 2., 3., in
    order, each up to the next number (its own figures kept whole)."""
    run = _numbered_run(list(_NUMBERED_RE.finditer(text)))
    if len(run) < 3:
        run = _numbered_run(list(_BARE_NUMBERED_RE.finditer(text)))  # "…: 1 grind 20g beans, 2 rinse filter, …"
    if len(run) < 3:
        return [], None
    items: list[str] = []
    for k, m in enumerate(run):
        end = run[k + 1].start() if k + 1 < len(run) else len(text)
        item = text[m.end() : end]
        if k + 1 == len(run):
            item = re.split(r"[.;!?\n]|,\s", item)[0]  # the last step ends at its clause
            end = m.end() + len(item)
        items.append(item.strip(" ,;"))
    if any(not item or len(item.split()) > 8 for item in items):
        return [], None
    return items, (run[0].start(), end)


_ITEM_MARK_RE = re.compile(
    r"(?:Q[1-4]|H[12]|(?:19|20)\d{2}|(?:step|phase|week|day|month|stage|level)\s*\d+|\d+[.)]?)\b", re.I
)


def _list_items(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """The items of a list the prompt spells out (at least three, or two joined by 'and' after a colon)."""
    numbered = _numbered_items(text)
    if numbered[0]:
        return numbered
    for m in _LIST_START_RE.finditer(text):
        rest = text[m.end() :]
        end = _LIST_END_RE.search(rest)
        body = rest[: end.start()] if end else rest
        parts = [p.strip(" \"'“”") for p in _ITEM_SPLIT_RE.split(body) if p.strip(" \"'“”")]
        items = [p for p in parts if len(p) <= 40 and len(p.split()) <= 4 and not re.match(r"(?:a|an|the)\s", p, re.I)]
        if len(items) < len(parts):
            continue  # "t-shirt: a bear riding a bicycle, 'Ride Wild', retro" is a description, not a list
        marked = [bool(_ITEM_MARK_RE.match(p)) for p in items]
        if sum(marked) >= 3 and marked[0] and not marked[-1]:
            # "Q1 Research, Q2 Design, Q3 Beta, Q4 Launch, horizontal arrows, clean corporate blue": the list is
            # its marked items; what follows them is about the look
            cut = marked.index(False)
            if not any(marked[cut:]):
                items = items[:cut]
                body = body[: body.find(items[-1]) + len(items[-1])]
        if (
            m.group().strip() in "-—–"
            and any(_instruction_word(p) for p in items)
            and not all(_imperative_step(p) for p in items)
        ):
            continue  # "… — Product Designer, minimal shapes, dusty blue": a dash before words about the look
        offers = [p for p in items if any(ch.isdigit() for ch in p)]
        if len(offers) == 1 and len(items) < 4:
            continue  # "…: author signing Saturday 3pm, warm colors": a dated line and a look, no list
        if len(offers) == 1 and re.search(
            r"%|[$€£¥]|\boff\b|\bfree\b|\bsale\b|\best\b|\b(?:19|20)\d{2}\b|\d+\s*(?:ml|g|kg|oz|lb|l)\b",
            offers[0],
            re.I,
        ):
            continue  # "banner: autumn sale, 30% off all sweaters, cozy": one offer among words, not a list
        # "…: grind, rinse, bloom, pour, serve, brown and cream": the colours end the list ("snow" stays a thing
        # unless a plain colour stands right before it).
        if len(items) > 3 and _all_colour(items[-1]) and _all_colour(items[-2], plain=True):
            items.pop()
        while len(items) > 2 and _all_colour(items[-1], plain=True):
            items.pop()
        while len(items) > 2 and _look_only(items[-1]):
            items.pop()  # "…, fog, rainbow, line style": how the set is drawn ends it
        if len(items) >= 3 or (len(items) >= 2 and m.group().strip() == ":"):
            return items, (m.end(), m.end() + len(body))  # the list itself: its lead-in ("icons:") stays words
    return [], None


def _all_colour(item: str, *, plain: bool = False) -> bool:
    """Whether every word of the item is part of a colour name ("brown", "cream", "dusty rose"); with `plain`,
    of a colour that is no thing ("blue", "dusty rose", not "snow")."""
    from artboard.composer.colour_words import SCHEME_STYLES, find_colours

    covered = "".join(ch if ch.isalpha() else " " for ch in item.lower())
    # "duotone orange and grey": a colour scheme's style word goes with its colours
    styled = re.match(rf"(?:{SCHEME_STYLES})\s+", covered)
    if styled:
        covered = " " * styled.end() + covered[styled.end() :]
    for m in find_colours(item.lower()):
        if plain and m.thing and not m.modifiers and not styled:
            continue
        covered = covered[: m.start] + " " * (m.end - m.start) + covered[m.end :]
    return bool(item.strip()) and not covered.strip()


def _imperative_step(item: str) -> bool:
    """ "dig a hole", "fill with soil": a step led by a verb, never words about the look ("minimal shapes")."""
    from artboard.composer import wordnet

    first = item.split()[0].lower() if item.split() else ""
    return bool(wordnet.pos_counts(first).get("v")) and len(item.split()) > 1


def _look_only(item: str) -> bool:
    """Whether every word of the item says how a design looks ("line style", "flat", "rounded corners")."""
    from artboard.composer.colour_words import find_colours
    from artboard.composer.words import GRAMMAR

    words = re.findall(r"[a-z0-9-]+", item.lower())
    coloured = {w for m in find_colours(item.lower()) if not m.thing for w in item.lower()[m.start : m.end].split()}
    styled = [w for w in words if w in GRAMMAR.looks or w in coloured]
    # ("line style", "flat", "yellow faces": how the members look, the members' own word beside it)
    return bool(styled) and all(w in styled or w in {"icon", "icons", "face", "faces", "consistent"} for w in words)


def _instruction_word(item: str) -> bool:
    from artboard.composer.colour_words import find_colours
    from artboard.composer.words import GRAMMAR

    words = set(re.findall(r"[a-z]+", item.lower()))
    return bool(words & GRAMMAR.looks) or any(not m.thing for m in find_colours(item))


def _figures(segment: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _FIGURE_RE.finditer(segment):
        label = (m.group("label") or m.group("label2") or "").strip(" -–:")
        value_text = m.group("value") or m.group("value2") or ""
        unit = (m.group("unit") or m.group("unit2") or "").lower()
        label = re.sub(r"^(?:and|with|of|for|the|a|an)\s+", "", label, flags=re.I).strip()
        if not label or not value_text:
            continue
        money = value_text[:1] if value_text[:1] in "$€£" else ""
        value = _number(value_text)
        if value is None:
            continue
        unit = "%" if unit in ("%", "percent") else (money or unit)
        unit_group = "unit" if m.group("value") else "unit2"
        value_group = "value" if m.group("value") else "value2"
        end = m.end(unit_group) if m.group(unit_group) else m.end(value_group)
        written = m.string[m.start(value_group) : end].strip()  # as the user wrote it: "65 L", "40%"
        out.append(Figure(label, value, unit, written))
    return out


def _number(text: str) -> float | None:
    """12, 4.5, 4,5 (a decimal comma), 1,200 and 400,000 (thousands)."""
    digits = text.lstrip("$€£").strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


# A stat as people write them in a list: "62% daily", "3 cups on average", "400 million cups a day", "1 in 4 adults
# have a dog": the number (with its scale word and one counted noun) is the figure, the rest its label.
_STAT_RE = re.compile(
    r"^(?P<num>[$€£]?\d[\d,.]*)(?P<suffix>(?:k|m|bn|b)\b)?(?P<ratio>\s+in\s+\d[\d,]*)?(?:\s?(?P<pct>%|percent\b))?"
    r"(?P<scale>\s+(?:million|billion|thousand|hundred)\b)?(?P<noun>\s+[a-z]+s\b)?\s*(?P<label>.*)$",
    re.I,
)
# A change said label first: "revenue up 32%", "churn down 4%", "sales grew 18%".
_CHANGE_RE = re.compile(
    r"^(?P<label>[A-Za-z][A-Za-z'’ ]{0,24}?)\s+(?P<dir>up|down|grew|rose|fell|increased|decreased)(?:\s+by)?\s+"
    r"(?P<num>[+\-]?\d[\d,.]*\s?%)$",
    re.I,
)
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:[,;]|\band\b|\s[—–]\s)\s*")
# A series told as a change: "growing from 1,200 in January to 8,500 in June".
_FROM_TO_RE = re.compile(
    r"\bfrom\s+(?P<v1>[$€£]?\d[\d,.]*)\s?(?P<u1>%|k|m)?\s+(?:in|on|at)\s+(?P<l1>[A-Z0-9][\w']*(?:\s\d{4})?)"
    r"\s+to\s+(?P<v2>[$€£]?\d[\d,.]*)\s?(?P<u2>%|k|m)?\s+(?:in|on|at|by)\s+(?P<l2>[A-Z0-9][\w']*(?:\s\d{4})?)"
)


_CLOCK_RE = re.compile(r"\d{1,2}(?::\d{2})?\s?(?:am|pm)\b", re.I)
_DATA_RE = re.compile(
    r"\b(?:infographic|chart|graph|stats?|statistics|data|pictogram|dashboard|figures|numbers|"
    r"survey|report|comparison|visuali[sz]ation)\b",
    re.I,
)
_NOT_LABELS = frozenset(
    {"in", "of", "to", "on", "at", "with", "by", "for", "chart", "graph", "from", "a", "the", "vs", "versus"}
)


def _stats(text: str) -> tuple[list[Figure], tuple[int, int] | None]:
    """Two or more comma-separated stats in a row, each opening with its number; or a from-to change."""
    m = _FROM_TO_RE.search(text)
    if m:
        out = []
        for k in ("1", "2"):
            value = _number(m.group("v" + k))
            if value is not None:
                unit = m.group("u" + k) or ""
                out.append(Figure(m.group("l" + k), value, "%" if unit == "%" else "", m.group("v" + k) + unit))
        if len(out) == 2:
            return out, m.span()
    for clause in re.finditer(r"(?:[^.!?:\n]|(?<=\d)[.:](?=\d))+", text):
        # Commas split the stats, except a thousands separator ("12,000 customers").
        parts = [(p.start(), p.end()) for p in re.finditer(r"(?:[^,;]|(?<=\d),(?=\d{3}\b))+", clause.group())]
        run: list[Figure] = []
        span: list[int] = []
        changes = 0
        for a, b in parts:
            segment = clause.group()[a:b]
            head = re.split(r"\s[—–]\s", segment)[-1].strip()
            change = _CHANGE_RE.match(head)
            if change:
                # "revenue up 32%": the figure first, as a stat tile shows it, the thing that changed its label.
                head = f"{change.group('num')} {change.group('label')} {change.group('dir')}"
                changes += 1
            label_first = _LABEL_FIRST_RE.match(head) if not change else None
            if label_first:
                head = f"{label_first.group('num')} {label_first.group('label')}"  # "revenue $4.2M": the tile's order
            stat = _STAT_RE.match(head) if not _CLOCK_RE.match(head) else None
            value = _number(stat.group("num")) if stat else None
            if stat is None or value is None or re.fullmatch(r"(?:19|20)\d{2}", stat.group("num")):
                if len(run) >= 2 or (run and changes):
                    break
                run, span, changes = [], [], 0
                continue
            noun, label = stat.group("noun") or "", stat.group("label").strip(" .")
            if not label:
                noun, label = "", noun.strip()  # "$1.1M costs": the counted word is the label itself
            elif noun and re.fullmatch(r"[a-z]+(?:ed|en)", label, re.I):
                noun, label = "", f"{noun.strip()} {label}"  # "12,000 meals served": the label is "meals served"
            written = (
                stat.group("num")
                + (stat.group("suffix") or "")
                + (stat.group("ratio") or "")
                + (stat.group("pct") or "")
                + (stat.group("scale") or "")
                + noun
            )
            unit = "%" if stat.group("pct") else ""
            if stat.group("ratio"):
                whole = _number(stat.group("ratio").split()[-1]) or 0
                value, unit = (value / whole * 100.0 if whole else value), "%"
            run.append(Figure(label or written, value, unit, " ".join(written.split())))
            span = span or [clause.start() + a]
            span[1:] = [clause.start() + b]
        if len(run) >= 2 or (run and changes):
            return run, (span[0], span[-1])  # one change said is a stat too: "quarterly revenue up 24%"
    return [], None


def is_data(text: str) -> bool:
    """Whether the prompt speaks of data (a chart, stats, a survey): only then are its numbers a series."""
    return bool(_DATA_RE.search(text))


def read_copy(text: str, *, data: bool = True) -> CopyReading:
    """Offers, prices, dates…, a spelled-out list and its figures (when `data`), with the spans they occupy."""
    taken: list[tuple[int, int]] = []
    items, list_span = _list_items(text)
    figures: list[Figure] = []
    # "1 grind 20g beans, 2 rinse filter, 3 bloom 30 seconds": numbered steps keep their amounts in their words;
    # they are no data series unless a chart is asked for.
    steps = bool(_numbered_items(text)[0]) and not re.search(r"\b(?:chart|graph)\b", text, re.I)
    if not data or steps:
        pass  # "open house Sunday 1-4pm, 3 bed 2 bath": lines of copy, not a data series
    elif list_span is not None:
        figures = _figures(text[list_span[0] : list_span[1]])
        if len({f.unit for f in figures}) > 1 or len(figures) < len(items) - 1:
            # "grind 20g, heat water to 93°C, bloom 30 seconds, pour slowly": steps with their amounts, not one
            # series on one scale; every step keeps its words and its figure.
            figures = []
        if len(figures) >= 2:
            items = [f.label for f in figures]
    if len(figures) < 2 and data and not steps:
        # Figures given without a colon ("Q1 120, Q2 150, Q3 90"): three or more of them make a data series.
        loose = [f for f in _figures(text) if not re.fullmatch(r"(?:19|20)\d{2}", f.text)]
        if len(loose) >= 3 and not any(f.label.split()[-1].lower() in _NOT_LABELS for f in loose):
            # Without a colon the label runs back into the sentence ("bar chart comparing Q1"): its last word.
            loose = [Figure(f.label.split()[-1], f.value, f.unit, f.text) for f in loose]
            figures, items = loose, [f.label for f in loose]
    if len(figures) >= 2 and any(f.label.lower() in _NOT_LABELS for f in figures):
        figures = []  # "pictogram chart: 1 in 4 adults…" read as "chart 1", "in 4": not a data series
    if len(figures) < 2 and data and not steps and _DATA_RE.search(text):
        stats, stats_span = _stats(text)
        if stats:
            figures, items, list_span = stats, [f.label for f in stats], stats_span
    if figures and list_span is not None:
        taken.append(list_span)  # the chart's figures are set by the chart, not again as loose copy
    details = _details(text, taken)
    if list_span is not None:
        # A list the sentence's full stop cut inside an address ("…, book at stillwateryoga.com"): the item
        # is the address's line, never a thing to draw called "stillwateryoga".
        cut = [d for d in details if d.kind in ("url", "email", "handle") and d.start < list_span[1] < d.end]
        if cut:
            items = [i for i in items if not any(i.endswith(d.text[: list_span[1] - d.start]) for d in cut)]
            list_span = (list_span[0], max(d.end for d in cut))
    spans = [(d.start, d.end) for d in details]
    if list_span is not None and items:
        spans.append(list_span)
    return CopyReading(tuple(details), tuple(items), tuple(figures), tuple(spans))
