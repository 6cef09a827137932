"""Prompt → Brief: what the user asked for, in terms a layout recipe can act on.

Pure function of the prompt (no seed): design type, subjects (noun phrases to find symbols for), text to set,
monogram letters, style words, colour words and moods, and hints such as "on a transparent background".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from artboard.colors import RGB, oklch
from artboard.composer import colour_words, wordnet
from artboard.composer import reading as _reading
from artboard.composer.brief_copy import (
    _EST_RE,
    _LETTERS_RE,
    _QUOTE_RE,
    _SEAL_WORDS_RE,
    _drawable_word,
    _letters,
    _mascot,
    _texts,
    _title,
    asked_of_reader,
    lettering_colour,
    name_creature,
)
from artboard.composer.colour_reading import blank, colors_from, spans_of
from artboard.composer.colour_reading import colour_mentions as read_colour_mentions
from artboard.composer.copy_lines import SIGNS, colon_headline, outside_copy
from artboard.composer.copy_lines import event as copy_event
from artboard.composer.copy_lines import phrases as phrases_of
from artboard.composer.copy_reader import Detail, Figure, is_data, read_copy
from artboard.composer.lexicon import LEXICON
from artboard.composer.vocabulary import (
    DARK_SUBJECTS,
    GENERIC,
    MOODS,
    OCCASION_PHRASES,
    STYLE_WORDS,
    TYPE_RULES,
)
from artboard.composer.words import GRAMMAR


@dataclass(frozen=True)
class Brief:
    prompt: str
    design_type: str
    subjects: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    tagline: str | None = None
    letters: str | None = None
    established: str | None = None
    styles: frozenset[str] = frozenset()
    moods: frozenset[str] = frozenset()
    colors: tuple[RGB, ...] = ()
    color_names: tuple[str, ...] = ()
    transparent: bool = False
    on_white: bool = False
    on_dark: bool = False
    photographic: bool = False
    words: frozenset[str] = field(default_factory=frozenset)
    # The designer's reading (composer/reading.py): what is named, how things relate, and the copy beyond names.
    things: tuple[_reading.Thing, ...] = ()
    relations: tuple[_reading.Relation, ...] = ()
    items: tuple[str, ...] = ()  # a list the prompt spells out: icon set members, steps, chart labels
    details: tuple[Detail, ...] = ()  # offers, prices, dates, times, years, addresses, web addresses, phones
    figures: tuple[Figure, ...] = ()  # a chart's own numbers ("rent 45%")
    background_color: RGB | None = None  # "bright yellow background", "on navy"
    event: str | None = None  # an event the design announces, in the prompt's words ("Outdoor Movie Night")
    phrases: tuple[str, ...] = ()  # other copy, fragment by fragment ("this weekend only", "bring your own mat")
    text_color: RGB | None = None  # "bold yellow text", "gold lettering": the colour the headline is set in

    @property
    def headline(self) -> str | None:
        return self.texts[0] if self.texts else None

    @property
    def lowercase(self) -> bool:
        """Whether the prompt asks for its words in lower case ("lowercase wordmark", "all lower case")."""
        return bool(re.search(r"\blower[- ]?case\b|\ball lower\b", self.prompt, re.I))

    def has(self, *styles: str) -> bool:
        return any(s in self.styles for s in styles)

    @property
    def design_colors(self) -> tuple[RGB, ...]:
        """The colours named for the design, not for one thing in it ("a yellow tram, navy and gold": navy, gold)."""
        own = {name for thing in self.things for name in thing.colours}
        return tuple(rgb for rgb, name in zip(self.colors, self.color_names, strict=False) if name not in own)

    @property
    def team(self) -> bool:
        """A sports team or club ("Wolves hockey team logo"): its mark is a crest around the mascot."""
        return bool(self.words & _TEAM_WORDS) and bool(self.words & _SPORT_WORDS)


@functools.lru_cache(maxsize=8192)
def _word_pattern(phrase: str) -> re.Pattern[str]:
    """`phrase` as a whole word or phrase. Cached here: the colour names and vocabulary alone are more patterns
    than `re`'s own cache holds (512), so without this every prompt recompiled hundreds of them (≈ 40 % of an
    SVG's CPU, measured with cProfile)."""
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


def _phrase_in(text: str, phrase: str) -> bool:
    return _word_pattern(phrase).search(text) is not None


def classify(text: str) -> str:
    lower = text.lower()
    for design_type, pattern in TYPE_RULES:
        if re.search(pattern, lower):
            return design_type
    return "illustration"


_SPORT_WORDS = frozenset(
    "hockey football soccer baseball basketball rugby esports e-sports cricket volleyball lacrosse softball "
    "handball netball bowling cycling rowing running swimming racing gaming sports athletic athletics".split()
)
_TEAM_WORDS = frozenset("team teams club squad league crew fc".split())
_FORM_WORDS = frozenset(
    "shield circle ring disc hexagon octagon square diamond seal crest frame border roundel laurel laurels "
    "wreath".split()
)


_LAYOUT_WORDS = frozenset("side sides button buttons cta corner corners top bottom left right center centre".split())
_BADGE_PARTS = frozenset("ribbon ribbons banner banners scroll".split())
_POSE_WORDS = frozenset("pose poses position posture stance asana".split())
_ANNOUNCED_RE = re.compile(
    r"\bnew!|\b(?:our|a|the) new\b(?! (?:blog|post|episode|video|article))|\bintroducing\b"
    r"|\bnow (?:available|serving|open|in stock)\b|\blaunch",
    re.I,
)
_CHANNEL_HEADS = frozenset({"video", "videos", "vlog", "channel"})
_TITLE_THINGS = frozenset((f"noun.{kind}",) for kind in ("food", "animal", "plant", "artifact", "object"))


def _shape_said(subject: str) -> bool:
    words = subject.split()
    return (
        len(words) == 2 and words[1] in ("shape", "shaped", "outline") and words[0] in _FORM_WORDS | {"star", "heart"}
    )


def _container_of(thing: _reading.Thing) -> bool:
    """A container named with what it holds ("coffee bag", "olive oil bottle", "honey jar")."""
    words = thing.noun.split()
    return len(words) > 1 and words[-1] in GRAMMAR.containers | {"packet", "package", "pack", "carton"}


def _line_then_things(items: tuple[str, ...]) -> bool:
    """A list whose first item is a line of three or more words and whose others are things to draw."""
    rest = [_reading.read(i).things for i in items[1:]]
    return (
        len(items[0].split()) >= 3
        and bool(rest)
        and all(len(t) == 1 and t[0].kind in ("thing", "animal") for t in rest)
    )


_MOOD_THINGS = frozenset("sunset sunrise ocean night autumn winter summer".split())
_STYLE_VOCABULARY = frozenset(w for words in (*STYLE_WORDS.values(), *MOODS.values()) for w in words)


def _names_design(read: _reading.Reading, thing: _reading.Thing) -> bool:
    """ "a retro sunset sticker", "an ocean poster": a mood's word right before the design word is its picture."""
    after = [t for t in read.tokens if t.start >= thing.end][:1]
    return bool(after) and after[0].tag == "DESIGN" and thing.noun in _MOOD_THINGS


def _said_as_thing(read: _reading.Reading, thing: _reading.Thing) -> bool:
    """ "with a beach chair and a sunset": a mood's word said with an article is a thing in the picture."""
    before = [t for t in read.tokens if t.end <= thing.start][-1:]
    return thing.noun in _MOOD_THINGS and bool(before) and before[0].lower in ("a", "an")


def _after_for(read: _reading.Reading, thing: _reading.Thing) -> bool:
    before = [t.lower for t in read.tokens if t.end <= thing.start][-2:]
    return bool(before) and (
        before[-1] == "for"
        or (before[-1] in ("a", "an", "the", "my", "our") and len(before) == 2 and before[0] == "for")
    )


def _for_use(read: _reading.Reading, thing: _reading.Thing) -> bool:
    """Whether the thing is what the design is for, "for" a few describing words before it ("for kids' pajamas")."""
    before = [t for t in read.tokens if t.end <= thing.start][-6:]
    quoted = False
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower == "for":
            return True
        if before[k].lower in ('"', "“", "”", "'"):
            quoted = not quoted  # 'for a "deploy" button': the quoted name is part of what it is for
            continue
        if not quoted and (
            before[k].tag not in ("DET", "ADJ", "X", "NOUN", "LOOK") or before[k].lower in ("and", "of")
        ):
            return False
    return False


def _last_word(read: _reading.Reading, thing: _reading.Thing) -> str | None:
    """The last word of the thing's phrase as written ("yoga studio": studio, which the tagger reads as a look)."""
    inside = [t.lower for t in read.tokens if thing.start <= t.start < thing.end]
    return inside[-1] if inside else None


_DRAWN_LEXNAMES = frozenset(
    {"noun.artifact", "noun.animal", "noun.plant", "noun.food", "noun.object", "noun.person", "noun.body"}
)


_MARK_NOUNS = frozenset("icon icons logo logos app emoji badge favicon glyph".split())


def _names_field(read: _reading.Reading, thing: _reading.Thing) -> bool:
    """A noun said right before the design's own noun that is no drawable thing ("weather icon", "fitness app
    logo"): the field the design serves."""
    if not read.things or read.things[0] is not thing:
        return False  # ("calendar with checkmark icon": the checkmark is part of what is drawn)
    following = [t for t in read.tokens if t.start >= thing.end]

    def designs(t: _reading.Token) -> bool:
        return t.tag == "DESIGN" or t.lower in _MARK_NOUNS  # ("…, weather app, …": the second "app" reads as a context)

    if len(following) < 2 or not designs(following[0]):
        return False
    after = next((t for t in following if not designs(t)), None)
    design = {t.lower for t in following[: following.index(after)]} if after is not None else set()
    # "weather app icon, a sun behind a cloud": a mark's field; a poster's event ("movie night poster, popcorn")
    # is its theme, and a picture of it
    cues = ("of", "showing", "featuring", ":") + ((",", "-", "with") if design & _MARK_NOUNS else ())
    if after is None or after.lower not in cues:
        return False  # the things it is of come after the design's noun
    first = wordnet.lexnames(thing.head, 1)[:1]
    return not first or first[0] not in _DRAWN_LEXNAMES


# Words read as nouns that never name a picture: a company's "co", a start date's "start", weekday shorthand.
_NO_PICTURE = frozenset("co start starts mon tue tues wed thu thur thurs fri sat word words".split())


def _subjects_from(read: _reading.Reading) -> list[str]:
    """What to draw, in the order named: settings (a cafe, a city) after the things in them."""
    found: list[tuple[float, str]] = []
    # What a container holds comes before it ("a bowl of ramen": ramen, then the bowl).
    held = {r.b: r.a for r in read.relations if r.kind == "holds"}
    for i, thing in enumerate(read.things):
        if thing.noun in _STYLE_VOCABULARY and not _names_design(read, thing) and not _said_as_thing(read, thing):
            continue  # "a tech company", "wedding invitation": a style and a theme, drawn only if nothing else is
        if thing.noun in GRAMMAR.claims:
            continue  # "raw & unfiltered", "organic": a label's claims are set, not drawn
        after = [t.lower for t in read.tokens if t.start >= thing.end][:3]
        if thing.noun == "call" and "action" in after and after[0] in ("to", "-"):
            continue  # "a call to action button": the button's job, no telephone
        if thing.noun in ("name", "names"):
            continue  # "name: The Reading Nook", "with the name Bloom": a cue for the copy after it
        following = [t.lower for t in read.tokens if t.start >= thing.end][:2]
        if thing.noun in _NO_PICTURE or following in (["&", "co"], ["&", "co."], ["and", "co"]):
            continue  # "crumb & co": a company's name, set not drawn; "co", "starts Jan 8", "Mon/Wed/Fri"
        if thing.noun in GRAMMAR.design_compounds:
            continue  # "presentation title slide", "blog post": the design itself
        noun = thing.noun
        said = " ".join([*thing.adjectives, noun])
        if said != noun and said in LEXICON:
            noun = said  # "true crime", "golden retriever": the adjective is part of what the lexicon draws
        if noun:
            order = held[i] - 0.5 if i in held else float(i)
            located = any(r.b == i for r in read.relations)
            if (_reading.is_setting(thing.noun) or _reading.is_setting(thing.head.split()[-1])) and (i > 0 or located):
                # A cafe, a city, a kitchen the things are in is the backdrop; a lighthouse, a castle or a house the
                # prompt opens with ("a lighthouse on a rocky coast") is what the picture is of.
                order += 100
            elif thing.kind not in ("animal", "person") and wordnet.lexnames(thing.head, 1)[:1] in (
                ("noun.time",),
                ("noun.act",),
                ("noun.communication",),
                ("noun.attribute",),
                ("noun.cognition",),
            ):
                # "Tuesdays only", "call 555-…", "proceeds": days, acts and ideas are drawn only when nothing else is.
                order += 60
            elif _after_for(read, thing) and len(read.things) > 1:
                # "app icon for a habit tracker, a flame with a checkmark": who it is for is the context; what
                # the brief goes on to name is the picture.
                # People it is for ("a thank-you card for customers of a candle shop") come after even the shop.
                order += 80 if _reading.thing_kind(thing.noun) == "person" else 40
            elif (
                thing.establishment
                or _last_word(read, thing) in GRAMMAR.establishments
                or (after[:1] and after[0] in GRAMMAR.establishments)  # "a coastal coffee company"
            ):
                # "coffee shop logo with a fox holding a cup", "yoga studio …, a lotus flower": what the business
                # sells is its context; a thing the brief goes on to name is the mark.
                order += 50
            # A thing named twice keeps its better place: "logo for a pizza place, a pizza slice with a halo" draws
            # the pizza its second mention describes, though the first is only the trade.
            earlier = next((k for k, (_, s) in enumerate(found) if s == noun), None)
            if earlier is None:
                found.append((order, noun))
            elif order < found[earlier][0]:
                found[earlier] = (order, noun)
    return [s for _, s in sorted(found)][:6]


_EDGE_RE = re.compile(
    r"\b(?:with\s+)?(?:an?\s+)?(?:(?:thick|thin|heavy|bold|white|black|dark|light|gold|colou?red|\d+\s?px)[\s,]+)+"
    r"(?:outline|stroke|border|edge)s?\b"
)
# Only pictures can be photographs: "flat logo from this photo" asks for a logo of an input image.
_PICTURE_TYPES = frozenset({"illustration", "poster", "banner", "card"})
_PHOTO_RE = re.compile(
    r"(?<!this )(?<!my )(?<!the )(?<!uploaded )(?<!from a )\bphoto(?!shop|graph)"
    # "a photography workshop", "a photographer's logo": about photography, not a photograph
    r"|\bphotograph(?!y|er)"
    r"|\b(?:product|food|portrait|fashion|street|wildlife|aerial|macro|studio|stock|drone) photography"
    r"|\bphotoreal|\b(?:hyper|ultra|photo)?-?realistic\b|\bcinematic|\bstudio lighting"
    r"|\bdepth of field|\bbokeh|\b\d{2,3}\s?mm\b|\bmacro\b|\bhyper-?detailed|\brender(?:ed|ing)?\b|\bdslr"
    r"|\bstudio portrait|\bproduct shot|\bshot on\b|\bf/\d|\blong exposure|\bfilm grain|\bhdr\b|\b[48]k\b"
    r"|\bclose-?up shot|\bheadshot|\bsnapshot|\bpolaroid|\bcandid\b|\bgolden hour (?:photo|shot|light)"
)


def _light_lettering_on(design_type: str, text_colour: RGB | None, background: RGB | None) -> bool:
    """ "a thumbnail with bold yellow text": light lettering asked on a poster or a banner reads on a dark ground,
    so the design takes one when no ground colour is said."""
    return (
        design_type in ("banner", "poster")
        and background is None
        and text_colour is not None
        and oklch(text_colour)[0] > 0.75
    )


_RECIPE_WORD_RE = re.compile(r"\brecipes?\b", re.I)


def parse(prompt: str, *, data: bool = True) -> Brief:
    lower = prompt.lower()
    copy = read_copy(prompt, data=data)
    # Dates, prices and addresses are lines of their own: blanked before names are looked for, so that
    # "Saturday Aug 9" or "42 Maple Street" never becomes the headline.
    plain = prompt
    quoted_spans = [m.span() for m in _QUOTE_RE.finditer(prompt)]
    for d in copy.details:
        if d.kind != "year" and not any(a < d.end and d.start < b for a, b in quoted_spans):
            plain = blank(plain, d.start, d.end)
    texts, tagline = _texts(plain)
    est = _EST_RE.search(prompt)
    if est:
        # "Old Mill Roasters est. 1987" in quotes: the name is one line and the founding year its own, set once.
        cut = [re.sub(r"[\s,·|–—-]+$", "", t.replace(est.group(0), "")).strip() for t in texts]
        texts = [c if c else t for c, t in zip(cut, texts, strict=True)]
    said = texts + ([tagline] if tagline else [])
    barriers = [m.span() for m in _QUOTE_RE.finditer(prompt)] + spans_of(prompt, said) + list(copy.spans)
    if est:
        barriers.append(est.span())
    letters_match = _LETTERS_RE.search(prompt)
    if letters_match:
        barriers.append(letters_match.span())  # "monogram TB": letters, not a thing
    details = tuple(
        d
        for d in copy.details
        if not any(a <= d.start < b for a, b in barriers if (a, b) not in copy.spans)
        and not (est and d.kind == "year" and d.text == est.group(1))
        and not any(d.text.lower() in t.lower() for t in said)
    )
    colour_mentions = read_colour_mentions(lower, said, prompt, copy.items)
    read = _reading.read(prompt, colour_spans=[(a, b) for a, b, _, _ in colour_mentions], barriers=barriers)
    quoted = [m.span() for m in _QUOTE_RE.finditer(prompt)]
    design_type = classify(_type_text(prompt, read, quoted + list(copy.spans)))
    if design_type == "tshirt" and re.search(
        r"\bwearing (?:a |an |the )?(?:\w+ )?(?:t-?shirt|shirt|tee|hoodie)", lower
    ):
        design_type = classify(_type_text(prompt, read, quoted + list(copy.spans)).replace("wearing", "with"))
        design_type = "illustration" if design_type == "tshirt" else design_type  # a dog wearing a shirt
    menu = bool({"menu", "menus", "price", "prices", "board"} & set(re.findall(r"[a-z]+", lower)))
    if copy.figures and design_type != "infographic" and not is_data(prompt) and not menu:
        # Numbers in a list are a chart's series only where a chart is asked for; on a flyer they are copy.
        return parse(prompt, data=False)
    if design_type == "badge":
        said_words = _SEAL_WORDS_RE.match(prompt)
        said_text = said_words.group(1).strip() if said_words else ""
        if (
            said_text
            # "verified checkmark badge" names a thing to draw, "money back guarantee stamp" what it says
            and not _drawable_word(said_text.split()[-1].lower())
            and (set(re.findall(r"[a-z]+", said_text.lower())) & GRAMMAR.seal_words or re.search(r"\d", said_text))
            and not any(said_text.lower() in t.lower() or t.lower() in said_text.lower() for t in texts)
        ):
            # "money back guarantee stamp": what the stamp says; "100% organic seal …, text 'Certified Organic'":
            # the seal says both.
            texts = [*texts, _title(said_text)]
    letters = _letters(prompt, texts)
    if design_type == "infographic" and texts and re.search(r"\bposters?\b", lower):
        # A data poster with a headline is a poster (headline + decorative charts); without one, the charts are
        # the content and the infographic recipe sets them properly.
        design_type = "poster"
    if (
        design_type == "illustration"
        and texts
        and (
            {"serif", "sans", "font", "typeface", "brand"} & set(re.findall(r"[a-z]+", lower))
            or re.search(r"\b(?:inc|llc|ltd|co)\b\.?", lower)
        )
    ):
        design_type = "logo"  # "Hartwell & Price Attorneys at Law — scales of justice, serif": a name's mark
    if design_type in ("logo", "badge", "icon") and letters and re.search(r"\bletters?\b|\binitials?\b", lower):
        design_type = "monogram"
    if design_type in ("logo", "icon", "app_icon", "emoji", "pattern", "monogram"):
        # "logo for a cafe on Maple Street": where the client is, not copy for a mark (a numbered address stays)
        details = tuple(d for d in details if not (d.kind == "address" and not d.text[:1].isdigit()))
    if letters and texts and re.sub(r"[^A-Za-z]|\band\b", "", texts[0]).upper() == letters:
        texts = texts[1:]  # "J & M" is the monogram itself, not a name line under it
    # Words inside the text to set ("Certified Organic") describe the client, not the requested style.
    unquoted = _QUOTE_RE.sub(" ", lower)
    # "a thick white outline", "with a black border": the sticker's edge, not line art.
    styled = _EDGE_RE.sub(" ", unquoted)
    styles = {key for key, words in STYLE_WORDS.items() if any(_phrase_in(styled, w) for w in words)}
    # A colour's own modifier is no mood: "dark blue" asks for a blue, not a dark design.
    uncoloured = lower
    for a, b, _rgb, colour_said in colour_mentions:
        if len(colour_said.split()) > 1:
            uncoloured = blank(uncoloured, a, b)
    mood_text = _QUOTE_RE.sub(" ", uncoloured)
    moods = {key for key, words in MOODS.items() if any(_phrase_in(mood_text, w) for w in words)}
    if DARK_SUBJECTS.search(unquoted) and "light" not in moods:
        moods.update(("dark", "sinister"))
    colors, color_names, background_color = colors_from(colour_mentions, lower)
    if design_type in ("background", "pattern") and background_color is None and len(colors) >= 2:
        first_end = next((end for _a, end, rgb, _n in colour_mentions if rgb == colors[0]), 0)
        if oklch(colors[0])[0] < 0.4 or re.match(r"\s*(?:with|base|ground)\b", lower[first_end:]):
            # "dark navy with glowing cyan network lines": a background's first, dark colour is its ground.
            background_color, colors, color_names = colors[0], colors[1:], color_names[1:]
    if "single_color" in styles and not colors:
        moods.add("monochrome")
    subjects = _mascot(prompt, texts) + _subjects_from(read)
    if design_type in ("card", "poster", "banner", "label"):
        # "a thank you card for a wedding guest", "a flyer for parents": who it is for is not pictured on it.
        audience = {t.noun for t in read.things if _after_for(read, t) and _reading.thing_kind(t.noun) == "person"}
        # A trade the design is for, with nothing else named, gives its emblem ("LinkedIn banner for an
        # architect": a building and a compass, not a blank).
        subjects = [s for s in subjects if s not in audience] or [s for s in subjects if s in LEXICON]
    if design_type == "label":
        # "coffee bag packaging", "olive oil bottle label": the label is on the container; what is in it is drawn.
        holds = {t.noun: " ".join(t.noun.split()[:-1]) for t in read.things if _container_of(t)}
        subjects = [holds.get(x) or x for x in subjects]
        # "a label for a jar of honey": the jar is what the label goes on.
        holders = {read.things[r.a].noun for r in read.relations if r.kind == "holds"}
        subjects = [x for x in subjects if x not in holders or x in GRAMMAR.portions] or subjects
    if design_type in ("pattern", "background", "logo", "app_icon", "icon") and len(subjects) > 1:
        # "stars and moons for kids' pajamas": what it is printed on; "mountain peak …, for an outdoor gear
        # brand": who the mark is for (a gear is no cog) — when the prompt names what to draw.
        purpose = {t.noun for t in read.things if _for_use(read, t)}
        # (a thing the prompt names again to draw is no mere purpose: "for a pizza place, a pizza slice with …")
        purpose -= {t.noun for t in read.things if not _for_use(read, t) and not _names_design(read, t)}
        subjects = [s for s in subjects if s not in purpose] or subjects
    if len(subjects) > 1:
        # "weather icon of a sun behind a rain cloud": the field the design is for, said before the design's noun,
        # gives way to the things it names (no moon-and-stars weather glyph beside the sun)
        field = {t.noun for t in read.things if _names_field(read, t)}
        subjects = [s for s in subjects if s not in field] or subjects
    recipe = _RECIPE_RE.search(prompt) if design_type == "card" and not texts else None
    if recipe:
        texts = [_title(recipe.group(1))]  # "a recipe card for banana bread": the dish is its title
    launch = _LAUNCH_RE.search(prompt) if design_type in SIGNS and not texts else None
    if launch and 1 <= len(launch.group(1).split()) <= 5:
        texts = [_title(launch.group(1))]  # "a post announcing our new pumpkin spice latte": its name leads
    if design_type == "infographic" and not texts:
        topic = _TOPIC_RE.search(prompt)  # "How recycling works infographic", "infographic: how much coffee…"
        title = (topic.group(1) or topic.group(2) or "").strip(" ,.") if topic else ""
        chart_of = _CHART_OF_RE.match(prompt)
        if chart_of:
            title = chart_of.group(1)  # "bar chart of our quarterly revenue: …": the chart is of the revenue
            # (its range is the chart's axis, not the title: "quarterly revenue growth Q1 to Q4 2024")
            tail = _RANGE_TAIL_RE.search(title)
            if tail:
                year = re.search(r"\b(?:19|20)\d{2}$", tail.group(0))
                # "… Q1 to Q4 2024": the quarters are the axis, the year stays with the title
                title = title[: tail.start()] + (f" {year.group(0)}" if year and "Q" in tail.group(0) else "")
        # "3 stats for a nonprofit annual report": the report is the title, the count is the design's own
        title = _COUNTED_FOR_RE.sub("", title)
        lead = _LEAD_TITLE_RE.match(prompt) if not title and copy.items else None
        lead_read = _reading.read(lead.group(1)) if lead else None
        if lead and lead_read and (lead_read.things or any(t.tag in ("VERB", "ACT") for t in lead_read.tokens)):
            title = lead.group(1)  # "product launch process: research, design, build, launch"
        # "infographic comparing cats vs dogs: …": the design's own words leave the title
        title = _DESIGN_LEAD_RE.sub("", title)
        words = len(title.split())
        if (
            (2 if topic and topic.group(1) else 1) <= words <= 9
            # a year may name the topic, and a listicle opens with its count ("3 tips for better sleep")
            and not re.search(r"\d", re.sub(r"\b(?:19|20)\d{2}\b|^\d{1,2}\s+(?=[a-z])", "", title))
            and title.lower() not in GENERIC
        ):
            texts = [title[0].upper() + title[1:]]
    greetings = [i for i in copy.items if _GREETING_RE.match(i) and len(i.split()) <= 6] if design_type in SIGNS else []
    for item in reversed(greetings):
        # "greeting card: congratulations graduate, graduation cap": the listed greeting, whole, is the headline.
        line = _title(item)
        if not any(line.lower() in t.lower() for t in texts):
            texts = [t for t in texts if t.lower() not in line.lower()]
            texts.insert(0, line)
    headline_said = (
        colon_headline(prompt, [(d.start, d.end) for d in copy.details if d.kind != "year"] + quoted)
        # a list may open with the line, the things to draw after it ("bakery: fresh bread every morning, wheat")
        if design_type in SIGNS and not texts and not menu and (not copy.items or _line_then_things(copy.items))
        else None
    )
    if headline_said is not None:
        seg, seg_start, seg_end = headline_said
        texts = [_title(seg)]
        inside = {t.noun for t in read.things if seg_start <= t.start and t.end <= seg_end}
        subjects = [x for x in subjects if x not in inside]
    if design_type not in _LISTS_AS_COPY or (design_type == "card" and not menu):
        # "gift wrap: candy canes, stars, snowflakes": in a pattern, a poster or a sticker, listed things are drawn,
        # and first: a list is the user saying exactly what to show.
        listed: list[str] = []
        for item in copy.items:
            low = item.lower()
            if (
                item in greetings
                or any(low in d.text.lower() or d.text.lower() in low for d in copy.details)
                or any(low in t.lower() for t in texts)
                or all(w[:1].isupper() for w in item.split() if w[:1].isalpha())  # a name: "Napa Valley"
            ):
                continue  # copy in the list (a date, a venue, a name), not a thing to draw
            if _COLOURS_LABEL_RE.search(prompt[: max(0, prompt.find(item))]):
                continue  # "colors: burgundy and cream": the palette, not an ice cream
            spans = [(m.start, m.end) for m in colour_words.find_colours(item) if not m.thing or m.modifiers]
            first = _reading.read(item, colour_spans=spans).things[:1]
            if first and first[0].establishment and first[0].head.split()[-1] in GRAMMAR.events and len(copy.items) > 1:
                continue  # "farmers market every saturday, vegetables": the market is the event set, the rest drawn
            listed += [t.noun for t in first]
        subjects = (
            [*listed[:1], *subjects[:1], *listed[1:], *subjects[1:]] if subjects and listed else [*listed, *subjects]
        )
    phrases = phrases_of(
        prompt,
        read,
        barriers + [(d.start, d.end) for d in copy.details],
        label=design_type == "label",
        sign=design_type in SIGNS,
    )
    if design_type in SIGNS or phrases:
        # On a sign every line of copy is set, not drawn; elsewhere only a numbered name is ("Station 9").
        subjects = outside_copy(subjects, read, prompt, phrases, names_only=design_type not in SIGNS)
    subjects = [x for x in subjects if not asked_of_reader(x, phrases)] or subjects
    if copy.items and _RECIPE_WORD_RE.search(prompt):
        # "recipe card for pancakes: flour, eggs, milk": the dish is the picture; its ingredients are the list.
        listed_nouns = {_reading.read(i).things[0].noun for i in copy.items if _reading.read(i).things}
        subjects = [x for x in subjects if x not in listed_nouns] or subjects
    # A date, a time, a venue or an address is set, never drawn ("Rosewood Estate" drew a briefcase).
    in_details = {t.noun for t in read.things if any(d.start <= t.start and t.end <= d.end for d in details)}
    subjects = [x for x in subjects if x not in in_details]
    occasion_words = {w for t in texts if t.lower() in OCCASION_PHRASES for w in t.lower().split()}
    if occasion_words and len(subjects) > 1:
        # "grand opening, pizza restaurant": the occasion is set as copy; what it opens is the picture.
        subjects = [x for x in subjects if x not in occasion_words] or subjects
    if design_type == "badge" and len(subjects) > 1:
        # "award badge, gold laurel wreath, ribbon, star at the top": the badge's own parts, not its emblem
        subjects = [x for x in subjects if x not in _BADGE_PARTS] or subjects
    mascots = [t.noun for t in read.things if t.kind == "animal" and t.noun in subjects]
    if design_type in ("badge", "logo") and mascots and len(subjects) > 1:
        # "esports team emblem, a fierce wolf head": the wolf is the crest; the sport is what the team plays
        subjects = [x for x in subjects if not set(x.split()) & (_SPORT_WORDS | _TEAM_WORDS | {"school"})] or subjects
    asides = [m.span() for m in re.finditer(r"\([^(),]{1,40},[^()]{1,60}\)", prompt)]  # a list said aside
    if asides and design_type not in ("icon_set", "infographic", "pattern", "label", "card"):
        # "an ice cream cone with three scoops (strawberry, vanilla, mint)": the kinds said aside are the thing's,
        # not more things to draw beside it
        aside = {t.noun for t in read.things if any(a < t.start and t.end <= b for a, b in asides)}
        subjects = [x for x in subjects if x not in aside] or subjects
    if design_type in ("pattern", "sticker", "emoji") and len(subjects) > 1:
        # "a pattern for kids pajamas: dinosaurs…", "for wallpaper of a cocktail bar": what it is for is no motif
        used_for = {t.noun for t in read.things if _for_use(read, t)}
        subjects = [x for x in subjects if x not in used_for] or subjects
    if design_type in ("banner", "poster", "card") and len(subjects) > 1:
        # "flowers and leaves on the sides, 'Shop Now' button": where things go and the button are the layout's
        subjects = [x for x in subjects if x not in _LAYOUT_WORDS] or subjects
    if design_type in ("badge", "monogram", "sticker", "tshirt") and len(subjects) > 1:
        # "an emblem shield with an eagle", "'RK' inside a circle": the shape is the badge itself, not an emblem
        # drawn inside it.
        subjects = [x for x in subjects if x not in _FORM_WORDS] or subjects
    channel = [t for t in read.things if t.establishment and t.head in _CHANNEL_HEADS]
    announced = design_type in ("banner", "poster", "card") and texts and _ANNOUNCED_RE.search(prompt)
    if announced and not channel:
        # "post for a bakery: 'New! Pumpkin Spice Muffins'": what is announced is the picture
        titled = [t.noun for t in _reading.read(texts[0]).things if wordnet.lexnames(t.head, 1)[:1] in _TITLE_THINGS]
        subjects = [*titled[:1], *[x for x in subjects if x not in titled[:1]]]
    if design_type == "banner" and channel and texts:
        # "thumbnail for a cooking video, 'Easy Pasta in 10 Minutes'": the video is about what its title names.
        titled = [t.noun for t in _reading.read(texts[0]).things if wordnet.lexnames(t.head, 1)[:1] in _TITLE_THINGS]
        subjects = [*titled[:1], *[x for x in subjects if x not in titled[:1]]]
    # (and a band's or a team's poster: "The Midnight Owls live at the Blue Room" draws the owl, not a stage)
    named = name_creature(texts[0]) if design_type in ("logo", "app_icon", "poster", "tshirt") and texts else None
    if named and not any(
        (t.kind in ("thing", "animal") or (t.kind == "person" and t.noun in subjects)) and not t.establishment
        for t in read.things
    ):
        subjects = [named, *subjects]  # "a yoga studio named 'Lotus Flow'": the lotus is the mark a designer draws
    for r in read.relations:
        person, pose = read.things[r.a], read.things[r.b]
        if person.kind == "person" and pose.head in _POSE_WORDS and pose.noun in subjects and person.noun in subjects:
            # "a woman in a lotus pose": one figure in the pose, not a woman's face beside a lotus flower
            subjects = [x for x in subjects if x != pose.noun]
            subjects[subjects.index(person.noun)] = pose.noun
    if design_type in ("badge", "monogram", "sticker", "label", "app_icon"):
        # "shield shape", "a hexagon-shaped sticker": the design's outline, which its layout takes.
        subjects = [x for x in subjects if not _shape_said(x)] or subjects
    text_colour = lettering_colour(prompt)
    return Brief(
        prompt=prompt,
        design_type=design_type,
        subjects=tuple(dict.fromkeys(subjects)),
        texts=tuple(texts),
        tagline=tagline,
        letters=letters,
        established=est.group(1) if est else None,
        styles=frozenset(styles),
        moods=frozenset(moods),
        colors=tuple(colors),
        color_names=tuple(color_names),
        transparent=bool(re.search(r"\btransparent\b|\bno background\b|\bcut-?out\b", lower)),
        on_white=bool(
            re.search(
                r"\bon (?:a |an )?(?:plain |pure |solid |clean )?white\b|\bwhite background|"
                r"\bblack (?:and|&) white\b",
                lower,
            )
        ),
        on_dark=bool(re.search(r"\bon (?:a |an )?(?:plain |pure |solid )?(?:black|dark)\b|\bdark background", lower))
        or _light_lettering_on(design_type, text_colour, background_color),
        photographic=design_type in _PICTURE_TYPES and bool(_PHOTO_RE.search(unquoted)),
        words=frozenset(re.findall(r"[a-z]+", lower)) | frozenset(re.findall(r"\b(?:19|20)?[1-9]0s\b", lower)),
        things=read.things,
        relations=read.relations,
        items=copy.items,
        details=details,
        figures=copy.figures,
        background_color=background_color,
        # "poster: farmers market every saturday, vegetables": the event may be one of the listed items.
        event=copy_event(prompt, read)
        or next(filter(None, (copy_event(i, _reading.read(i)) for i in copy.items)), None),
        phrases=phrases,
        text_color=text_colour,
    )


# What an infographic is about, in the prompt's words: before the design word at the start, or right after it.
_CHART_OF_RE = re.compile(
    r"(?:an?\s+)?(?:\w+\s+)?(?:chart|graph|infographic)s?\s+(?:infographic\s+)?(?:of|on|about|showing)\s+"
    r"(?:(?:our|the|my|your|a|an)\s+)?([A-Za-z][\w' -]{2,50}?)\s*(?::|,|$)",
    re.I,
)
# A list said to be the palette ("colors: burgundy and cream"), and a recipe card's dish.
_COLOURS_LABEL_RE = re.compile(r"\b(?:colou?rs?|palette|colou?r scheme)\s*:[^:.;]*$", re.I)
_LAUNCH_RE = re.compile(
    r"\b(?:announcing|introducing|launching|presenting|unveiling|(?:the )?launch of|debut of)\s+"
    r"(?:our|the|a|an|my|their)?\s*(?:(?:brand[- ])?new|latest|all[- ]new|seasonal|limited[- ]edition)\s+"
    r"([a-z][a-z' -]{2,40}?)(?=\s*(?:[,.;:!(]|$)|\s+(?:with|for|at|on|in|available|from|now|this|starting)\b)"
)
_RECIPE_RE = re.compile(
    r"\brecipe (?:card|sheet|page)\s+(?:for|of)\s+(?:an?\s+|the\s+|my\s+|our\s+)?([A-Za-z][A-Za-z' -]{2,40}?)"
    r"(?=\s+(?:with|and|featuring|showing|in|on)\b|\s*[,.;:]|\s*$)"
)
# The words before a list's colon that open the prompt: the list's title.
_DESIGN_LEAD_RE = re.compile(r"^(?:an?\s+)?(?:infographic|chart|diagram)\s+(?:comparing|of|about|showing|on)\s+", re.I)
_COUNTED_FOR_RE = re.compile(
    r"^\d{1,2}\s+(?:key\s+)?(?:stats|statistics|numbers|figures|facts|metrics|kpis)\s+(?:for|from|of|about|in)\s+"
    r"(?:(?:a|an|the|our|my)\s+)?",
    re.I,
)
_LEAD_TITLE_RE = re.compile(r"([A-Za-z][\w' -]{4,60}?)\s*:\s*\S")
_RANGE_TAIL_RE = re.compile(
    r"\s+(?:from\s+|in\s+)?(?:Q[1-4]|H[12]|(?:19|20)\d{2}|[A-Z][a-z]{2,8})\s*(?:to|-|–|through)\s*\S+"
    r"(?:\s+(?:19|20)\d{2})?\s*$"
)
_TOPIC_RE = re.compile(
    r"^([A-Za-z][\w' ]{4,60}?)\s+(?:infographic|(?:pie|bar|line|donut|column)\s+(?:chart|graph))\b"
    r"|\binfographic\s*(?::|about|on|showing|explaining)\s*((?:\d{1,2}\s+)?[A-Za-z][\w' -]{4,60}?)"
    r"(?=\s*(?:[—–:.,;(]|$)|\s+-\s|\s+(?:with|using|in(?!\s+(?:numbers|review|pictures|focus)\b)|as)\s"
    r"|\s+for\s+(?!better|a\s|an\s|the\s|your\s|more\s))",
    re.I,
)


# A listed item that opens with a greeting is the card's (or poster's) message.
_GREETING_RE = re.compile(
    r"(?:happy|merry|congrat\w*|thank\w*|welcome|get well|season's greetings|best wishes|good luck|bon voyage|"
    r"well done|cheers to|happy birthday)\b",
    re.I,
)

# Designs that carry lines of copy: on them a short describing phrase the prompt lists is a line to set.
# Designs whose listed items are their copy or their own members, not things to scatter in a picture.
_LISTS_AS_COPY = frozenset({"icon_set", "infographic", "card", "label"})


def _type_text(prompt: str, read: _reading.Reading, barriers: list[tuple[int, int]]) -> str:
    """The prompt as the type rules see it: quoted copy, listed items and things whose name holds a design word
    ("credit card", "stop sign") blanked, so that only words about the design decide its type."""
    chars = list(prompt.lower())
    for a, b in barriers:
        for k in range(a, min(b, len(chars))):
            chars[k] = " "
    for tok in read.tokens:
        if tok.tag == "NOUN" and tok.lower in GRAMMAR.design_types:
            for k in range(tok.start, tok.end):
                chars[k] = "_"
    return "".join(chars)
