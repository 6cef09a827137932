"""The copy a prompt says, as a designer reads it: quoted lines (split where a spaced dash starts the details),
names after their cues ("called", "for a law firm …", "name:"), a leading or capitalised name, taglines, honours,
what a sign "says", and monogram letters. Used by brief.parse; pure functions of the prompt."""

from __future__ import annotations

import functools
import re

from artboard.colors import NAMED_COLORS, RGB
from artboard.composer import icons, wordnet
from artboard.composer import reading as _reading
from artboard.composer.copy_lines import mostly_caps, title_case
from artboard.composer.vocabulary import CARD_GREETINGS, GENERIC, OCCASION_PHRASES
from artboard.composer.words import GRAMMAR

_FAMILY_RE = re.compile(r"\bthe\s+([A-Z][a-z]+)\s+family\b")
_TEAM_RE = re.compile(
    r"(?:^|\bthe\s+)((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+(?:(?:youth|college|high school|amateur|local)\s+)?"
    r"(?:(?:ice\s+)?hockey|football|soccer|baseball|basketball|rugby|esports|e-sports|cricket|volleyball|lacrosse|"
    r"softball|handball|netball|bowling|cycling|rowing|running|swim(?:ming)?|racing|gaming)\s+(?:team|club|squad|league|crew)"
)

_QUOTE_RE = re.compile(r"[\"“”«»]([^\"“”«»]{1,260})[\"“”«»]|(?<![A-Za-z])'([^']{2,60})'(?![A-Za-z])")
_NAMED_RE = re.compile(
    r"\b(?:called|named|reads?|reading|says?|saying|titled|(?:the )?words?|(?:the )?text|headline|title|"
    r"(?:the |its |our |brand |business )?name|"
    r"wordmark(?: for)?|brand(?:ed)?|"
    r"for(?: a| the)? (?:company|brand|shop|cafe|café|studio|bakery|restaurant|startup|app|podcast|band|team|"
    r"store|agency|club|festival|event|conference|(?:law )?firm|practice|clinic|salon|gym|school|boutique|"
    r"brewery|winery|hotel)|(?:invitation|card|party|birthday|shower|wedding|"
    r"anniversary|certificate|menu) for)\s*[:\-]?\s+([A-Z0-9][\w'.\-]*(?:\s+(?:[A-Z0-9][\w'.\-]*|&|and)){0,5})"
)
# Lower-case text after a word that says what is written: up to the next clause.
_AWARD_RE = re.compile(
    r"\b((?:(?!for\b|a\b|an\b|the\b)[a-z]+\s+){0,2}([a-z]+)\s+of the (?:year|month|week|day)(?:\s+(?:19|20)\d{2})?)\b",
    re.I,
)


def _drawable_word(word: str) -> bool:
    """A noun for a thing to draw ("checkmark", "leaf"), not a word a seal says ("guarantee", "approved")."""
    if word in GRAMMAR.seal_words:
        return False
    if not wordnet.pos_counts(word):
        return icons.known_word(word)  # "checkmark": an icon word WordNet spells open
    return wordnet.is_noun(word) and _reading.thing_kind(wordnet.lemma(word, "n") or word) in ("thing", "animal")


_SEAL_WORDS_RE = re.compile(
    r"^\s*(?:an?\s+)?((?:\d+\s*%\s*)?[A-Za-z][\w' -]{2,40}?)\s+(?:badges?|stamps?|seals?|emblems?|rosettes?)\b"
)
_SAYS_RE = re.compile(
    r"\b(?:says|saying|reads|with the (?:words?|text))\s*:?\s+(?!(?:a|an|the|something)\b)"
    r"([A-Za-z][A-Za-z0-9' !?&-]{1,60}?)(?=\s+(?:with|and a|and an|on a|in a|for|featuring|in)\b|\s*[,.;]|\s*$)"
)
# Design words that end a name ("Blue Harbor Coffee Logo" → Blue Harbor Coffee); function words do not ("Leaf It").
_DESIGN_NOUNS = frozenset(
    "logo logos logotype wordmark lockup poster posters flyer banner badge sticker stickers card label icon icons "
    "emblem seal crest design designs illustration pattern header thumbnail shirt t-shirt tee menu mascot mark "
    "branding brand identity typography graphic graphics print cover".split()
)
_LETTERS_RE = re.compile(
    r"\b(?:letters?|initials?)\s+[\"“']?([A-Z])(?:\s*(?:,|and|&|\+)?\s*([A-Z]))?(?:\s*(?:,|and|&|\+)?\s*([A-Z]))?\b"
    r"|\b([A-Z]{2,3})[\"”']?\s+(?:monogram|lettermark|initials|logo)\b|\b([A-Z])\s+(?:mark|lettermark|logomark|symbol)\b"
    r"|\b(?i:monogram)\s+(?:of\s+|for\s+)?(?:the\s+)?(?:letters?\s+)?[\"“']?"
    r"([A-Z](?:[ .]{1,2}[A-Z]){1,2}(?![\w'])|[A-Z]{1,3}\b)"
    r"(?!\s*(?:&|\+|and)\s*[A-Z]\b)"
    r"|(?<![\w'])([A-Z])\s*(?:&|\+|and)\s*([A-Z])(?![\w'])"
)
# A run of capitalised words inside the sentence (not its first word) is usually a name: "Apex Logistics".
_PROPER_RUN_RE = re.compile(
    r"(?<=[a-z,:;—–] )([A-Z][\w'.\-]*(?<!\.)(?:\s+(?:(?:&|and|of|the|at|on|de|la)(?=(?:\s+(?:the|of|and))?\s+[A-Z])"
    r"|[A-Z][\w'.\-]*(?<!\.))){0,5})"
)
# A word with a capital inside ("DevSummit", "PixelCraft", "iPhone") is a name wherever it stands.
_CAMEL_RE = re.compile(r"^[A-Za-z]+[a-z][A-Z][A-Za-z]*$|^[a-z][A-Z][A-Za-z]+$")
# An all-caps prompt still names its client after "called"/"named": "…BARBER SHOP CALLED FADE KINGS, …".
_CAPS_NAMED_RE = re.compile(r"\b(?:CALLED|NAMED|TITLED)\s+([A-Z0-9'&.\- ]+?)(?=\s*[,.;:!]|\s+WITH\b|$)")
_EST_RE = re.compile(r"\b(?:est\.?|established|since)\s*(\d{4})\b", re.I)
_TAGLINE_RE = re.compile(
    r"\b(?:tagline|slogan|subtitle|subheading|motto)\s*[:\-]?\s*(?:[\"“]([^\"”]{1,80})[\"”]|'([^']{2,80})'(?![A-Za-z])"
    r"|((?!(?:in|with|below|under|beneath|above|on|at|set|font|text)\b)[A-Za-z0-9][^,;\"“”]{1,60}?)(?=\s*(?:[,;.]|$)))"
)


def _mascot(prompt: str, texts: list[str]) -> list[str]:
    """A team named for a creature or thing is drawn as it: the Wolves' mark is a wolf, the Red Dragons' a dragon."""
    team = _TEAM_RE.search(prompt)
    if team is None or team.group(1) not in texts:
        return []
    word = team.group(1).split()[-1].lower()
    return [] if word in GENERIC else [word]


_DAY_WORDS = r"mon|tues?|wed|thu(?:rs)?|fri|sat(?:ur)?|sun"
_MONTH_WORDS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DETAIL_START_RE = re.compile(rf"(?:(?:{_DAY_WORDS})[a-z]*|(?:{_MONTH_WORDS})[a-z]*)\b|\d", re.I)
_BARE_DAY_RE = re.compile(rf"(?:{_DAY_WORDS})[a-z]*\.?", re.I)
_MONTH_DAY_END_RE = re.compile(rf"\b(?:{_MONTH_WORDS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?$", re.I)


def _invitation_lines(value: str) -> list[str]:
    """Long quoted copy with no dashes ("Oh Baby! Join us for a baby shower honoring Sarah Miller, Sunday May 5
    at 1pm, 22 Oak Lane") as an invitation sets it: each sentence its own line, and within one, the day, the time
    and the place each on a line of their own ("Saturday, September 14, 2027 at 4 pm" stays one line)."""
    lines: list[str] = []
    for sentence in re.split(r"(?<=[!?])\s+|(?<=[a-z]\.)\s+(?=[A-Z])", value):
        pieces = [p for p in sentence.split(", ") if p]
        out = pieces[:1]
        for piece in pieces[1:]:
            prev = out[-1]
            date_goes_on = bool(_BARE_DAY_RE.fullmatch(prev.strip())) or (
                bool(_MONTH_DAY_END_RE.search(prev)) and bool(re.match(r"\d{4}\b", piece))
            )
            detail = bool(_DETAIL_START_RE.match(piece))
            # a place after the date ("…4 pm, Rosewood Gardens"), then its town with it ("Rosewood Gardens, Napa")
            place = piece[:1].isupper() and bool(re.search(r"\d", prev)) and len(piece.split()) <= 5
            if date_goes_on or not (detail or place):
                out[-1] = f"{prev}, {piece}"
            else:
                out.append(piece)
        lines += [line.strip() for line in out if line.strip()]
    # The couple or the guest of honour is the invitation's headline: their names on a line of their own, first
    # ("Together with their families, Emma Rose & James Carter request…" → the names, then the rest).
    for i, line in enumerate(lines):
        names = _NAME_PAIR_RE.search(line)
        if names is None or names.group(0) == line:
            continue
        counts = wordnet.pos_counts(names.group(0).split()[0].lower())
        if counts.get("v", 0) > counts.get("n", 0):
            continue  # "Join Anna and Mark for dinner": the first word is the invitation's verb, not a name
        raw_before, raw_after = line[: names.start()].strip(), line[names.end() :].strip()
        if (raw_before and not raw_before.endswith(",")) or raw_after[:1].isupper():
            continue  # "The International Association of Bookbinders and Paper Conservators": one name
        before, after = raw_before.strip(" ,"), raw_after.strip(" ,")
        lines[i : i + 1] = [x for x in (before, after) if x]
        lines.insert(0, names.group(0))
        break
    return lines or [value]


_NAME_PAIR_RE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:&|and) [A-Z][a-z]+(?: [A-Z][a-z]+)?\b")


def _quoted_lines(value: str) -> list[str]:
    """Quoted copy as the lines it is set in: a name, then what a spaced dash leads to ("Highland Roast — Ethiopia
    Yirgacheffe, medium roast, notes of blueberry" → the name, then each detail); long copy without dashes as an
    invitation's lines (_invitation_lines)."""
    parts = re.split(r"\s+[—–]\s+", value)
    if len(parts) < 2 and len(value) >= 48:
        return _invitation_lines(value)
    if len(parts) < 2 or len(value) < 24:
        return [value]
    lines = [parts[0]]
    for part in parts[1:]:
        lines += [p.strip() for p in part.split(", ") if p.strip()] if len(part) > 28 else [part]
    return lines


def _texts(prompt: str) -> tuple[list[str], str | None]:
    tagline_match = _TAGLINE_RE.search(prompt)
    tagline = next((g.strip() for g in tagline_match.groups() if g), None) if tagline_match else None
    found: list[str] = []
    for match in _QUOTE_RE.finditer(prompt):
        value = (match.group(1) or match.group(2) or "").strip()
        if value and value != tagline and value not in found:
            found += _quoted_lines(value)
    quoted_names = list(found)
    if found:
        # Quoted copy and a name together ("logo for Hoppy Trails Brewing Co., 'Since 2014'", "'Neon Tides' by
        # KAIROS"): the name is copy too.
        found += [
            n for n in _cue_names(prompt) if not any(n.lower() in q.lower() for q in quoted_names) and n != tagline
        ]
    if not found:
        said = _SAYS_RE.search(prompt)
        if said:
            found.append(said.group(1).strip())  # "a sticker that says good vibes only with a sun"
    if not found:
        award = _AWARD_RE.search(prompt)
        if award and _reading.thing_kind(wordnet.lemma(award.group(2).lower(), "n") or award.group(2)) == "person":
            found.append(_title(award.group(1)))  # "a badge for employee of the year 2026": the honour is the copy
    if not found:
        for match in _NAMED_RE.finditer(prompt):
            value = match.group(1).strip().rstrip(".,;:")
            # Stop at the first word that is a generic design word ("Blue Harbor Coffee Logo" → "Blue Harbor Coffee").
            kept: list[str] = []
            for word in value.split():
                if word.lower() in _DESIGN_NOUNS and kept:
                    break
                kept.append(word)
            while kept and kept[-1] in ("&", "and"):
                kept.pop()
            value = " ".join(kept)
            if value and value.lower() not in GENERIC and value not in found:
                found.append(value)
    if not found and mostly_caps(prompt):
        found += [m.group(1).strip() for m in _CAPS_NAMED_RE.finditer(prompt)]
    if not found and not mostly_caps(prompt):
        # Words a user types in capitals are copy ("gym logo IRON FORGE FITNESS", "MISSING").
        for match in _CAPS_RUN_RE.finditer(prompt):
            value = match.group(1).strip()
            if re.match(r"[\s-]+(?:style|styled|look|inspired|aesthetic|vibes?)\b", prompt[match.end() :], re.I):
                continue  # "NASA style", "IKEA-inspired": a look named for someone, not words to set
            if sum(ch.isalpha() for ch in value) >= 4 and value.lower() not in GENERIC and value not in found:
                found.append(value)
    leading = _leading_name(prompt)
    if leading and not any(leading.lower() in f.lower() or f.lower() in leading.lower() for f in found):
        found.insert(0, leading)  # "Maple Street Bakery logo, deep brown and cream", "Science Fair 2025 poster for…"
    if not found and not title_case(prompt):
        for match in _PROPER_RUN_RE.finditer(prompt):
            words = match.group(1).split()
            while words and words[-1].lower() in ("&", "and", "of", "the"):
                words.pop()
            value = " ".join(words)
            meaningful = value and not all(w.lower() in GENERIC or w.lower() in NAMED_COLORS for w in words)
            listed = _in_name_list(prompt, match)  # "by country: Finland 12kg, Norway 9.9kg": data, not a name
            after_cue = re.search(r"\b(?:logo|wordmark|brand|for)\s+$", prompt[: match.start()]) or (
                not listed
                and (
                    _names_after_colon(prompt, match)
                    or _business_place(prompt[: match.start()])
                    or _name_segment(prompt, match)
                )
            )
            if wordnet.names_landmark(value):
                continue  # "with Mount Fuji in the background": a place drawn, not a name set
            if re.match(r"(?:Q[1-4]|H[12]|(?:19|20)\d{2})\s+\w", value):
                continue  # "Q1 Research, Q2 Design": a milestone in a list, not a name
            if meaningful and (len(words) > 1 or after_cue or _CAMEL_RE.search(value)):
                found.append(value)
                break
    if not found:
        team = _TEAM_RE.search(prompt)
        if team and team.group(1).lower() not in GENERIC:
            found.append(team.group(1))  # "Wolves hockey team logo": the team's name is its wordmark
    if found and not quoted_names:
        # A second name after a cue ("Earl Grey Supreme by Bramble & Co.", "…, awarded to Jordan Blake").
        found += [
            n
            for n in _cue_names(prompt)
            if not any(n.lower() in f.lower() or f.lower() in n.lower() for f in found) and n != tagline
        ]
    # "for Lily's 6th birthday", "Sam's 40th": the occasion said after a name belongs to that line.
    found = [_with_occasion(prompt, value) for value in found]
    # A founding year or a place is never the headline, even when quoted first ("'Since 2014'", "'Portland, Maine'").
    found.sort(key=lambda t: bool(re.search(r"\b(?:since|est\.?|established)\b|^\W*\d{4}\W*$|\w, \w", t, re.I)))
    lower = prompt.lower()
    greeting = next(
        (g for key, g in CARD_GREETINGS if re.search(rf"\b{re.escape(key)}\s+(?:greeting\s+)?cards?\b", lower)), None
    )
    quoted = bool(_QUOTE_RE.search(prompt))  # quoted text is the user's own greeting
    if greeting and not quoted and not any(greeting.lower() in value.lower() for value in found):
        family = _FAMILY_RE.search(prompt)
        if family and not found:
            found.append(f"The {family.group(1)} Family")
        found.insert(0, greeting)  # "christmas card for the Johnsons" says Merry Christmas
    for phrase in OCCASION_PHRASES:
        # "all welcome", "everyone welcome", "all ages welcome": who may come, not a welcome sign
        who = r"(?<![\w'])(?<!all )(?<!ages )(?<!everyone )(?<!everybody )"
        said = re.search(who + re.escape(phrase) + r"(?![\w'])\s*([a-z]+)?", lower)
        if said and said.group(1) and _names_a_thing(said.group(1)):
            continue  # "a graduation cap", "a birthday cake", "a wedding ring": things, not an occasion to set
        if said:
            occasion = _title(phrase)
            if not any(occasion.lower() in value.lower() for value in found):
                # The occasion is the headline; a name from "for Maya" becomes the second line. The user's own
                # quoted words stay the headline ('baby shower card "Oh Baby!"'): the occasion follows them.
                found.insert(len(found) if quoted else 0, occasion)
            break
    if not found and tagline:
        found, tagline = [tagline], None  # "a t-shirt with the slogan: stay wild": the slogan is the copy
    return found, tagline


_OCCASION_AFTER_RE = re.compile(
    r"(\s+\d+(?:st|nd|rd|th))?\s+(birthday|anniversary|party|wedding|baby shower|bridal shower|graduation|retirement"
    r"|bar mitzvah|bat mitzvah|quincea[nñ]era|christening|baptism)\b",
    re.I,
)


def _with_occasion(prompt: str, value: str) -> str:
    at = prompt.find(value)
    if at < 0 or not re.search(r"(?:['’]s|\d(?:st|nd|rd|th))$", value):
        return value
    m = _OCCASION_AFTER_RE.match(prompt, at + len(value))
    if m is None:
        return value
    return value + re.sub(r"(?<![\w'’])([a-z])", lambda c: c.group(1).upper(), prompt[m.start() : m.end()])


_LEADING_RUN_RE = re.compile(
    r"^\s*((?:[A-Z][\w'’.&\-]*\s+(?:&\s+|and\s+|of\s+|the\s+|at\s+)?){0,4}[A-Z][\w'’.\-]*(?:\s+(?:19|20)\d{2})?)"
    r"(?=\s+[a-z]|\s*[—–:]|\s+-\s)"
)


_CAPS_RUN_RE = re.compile(r"(?<![\w'])((?:[A-Z][A-Z0-9'&!.\-]+)(?:\s+(?:[A-Z][A-Z0-9'&!.\-]*|&))*)(?![\w'])")


_CUE_RUN_RE = re.compile(
    r"\b(?:for|by|of|called|named|titled|awarded to|presented to|from|with|featuring|starring|hosted by|"
    r"speaker|speakers|author|host|guest|guests|chef|artist|instructor|presenter|keynote|dj|coach|opening act|"
    r"support act|supporting act|support|headliner|headlining)\s+"
    r"([A-Z][\w'.\-]*(?:\s+(?:(?:&|and|of|the|at|on|de|la)(?=\s+[A-Z])|[A-Z][\w'.\-]*)){0,4})"
)


def _name_segment(prompt: str, match: re.Match[str]) -> bool:
    """A capitalised word that is a clause of its own, alone or with a year ("…, Boston 2026, running shoe")."""
    return bool(re.search(r",\s*$", prompt[: match.start()])) and bool(
        re.match(r"\s*(?:[,.;]|$|(?:19|20)\d{2}\b)", prompt[match.end() :])
    )


def _in_name_list(prompt: str, match: re.Match[str]) -> bool:
    """A capitalised word among three or more listed after a colon ("Finland 12kg, Norway 9.9kg, Iceland 9kg"):
    the list's labels, each with its figure."""
    colon = prompt.rfind(":", 0, match.start())
    if colon < 0:
        return False
    segments = [seg.strip() for seg in re.split(r"[,;]", prompt[colon + 1 :])]
    return sum(bool(re.match(r"[A-Z][a-z]", seg)) for seg in segments) >= 3


def _business_place(before: str) -> bool:
    """ "a patch for a surf shop in Malibu": where the business is, set on its badge or sign."""
    m = re.search(r"\b([a-z]+)\s+in\s+$", before)
    return m is not None and m.group(1) in GRAMMAR.establishments


def _names_after_colon(prompt: str, match: re.Match[str]) -> bool:
    """A place or body, a colon, then its name alone ("badge for a national park: Yellowstone, est. 1872"); a
    capitalised word followed by more ("restaurant: Margherita 12, …") is a list item."""
    before = re.search(r"([a-z]+)\s*:\s*$", prompt[: match.start()])
    if before is None or not re.match(r"\s*(?:[,.;]|$)", prompt[match.end() :]):
        return False
    noun = wordnet.lemma(before.group(1), "n") or before.group(1)
    return _reading.thing_kind(noun) == "place" or _reading.is_setting(noun)


def _cue_names(prompt: str) -> list[str]:
    """Capitalised names right after "for", "by", "called", "awarded to"… outside quotes."""
    out: list[str] = []
    quoted = [m.span() for m in _QUOTE_RE.finditer(prompt)]
    for match in _CUE_RUN_RE.finditer(prompt):
        if any(a <= match.start(1) < b for a, b in quoted):
            continue
        words = match.group(1).rstrip(".,;:").split()
        while words and words[-1].lower() in {"&", "and", "of", "the"} | _DESIGN_NOUNS:
            words.pop()
        value = " ".join(words)
        if value.lower().endswith(" co") and match.group(1).rstrip(",;:").endswith("Co."):
            value += "."  # "Brewing Co." keeps its full stop
        generic = all(w.lower() in GENERIC or w.lower() in NAMED_COLORS for w in words)
        if words and not generic and not wordnet.names_landmark(value):
            out.append(value)  # (a landmark after "with" is drawn: "with Mount Fuji in the background")
    return out


def _leading_name(prompt: str) -> str | None:
    """A name the prompt opens with ("Maple Street Bakery logo"): two or more capitalised words followed by
    lower-case ones. Capitalised design words ("Vintage Badge for…") are not a name, nor is a Title Case prompt."""
    m = _LEADING_RUN_RE.match(prompt)
    if m is None or _TEAM_RE.match(prompt):
        return None
    if title_case(prompt[m.end() :]):
        return None  # Title Case throughout: capitals say nothing
    words = m.group(1).split()
    while words and words[-1].lower() in _DESIGN_NOUNS:
        words.pop()
    g = GRAMMAR
    plain = g.design_types | g.looks | g.context | g.determiners | g.conjunctions
    styled = {"style", "styled", "inspired", "themed", "look"}  # "Swiss-style", "Bauhaus-inspired": a look
    content = [
        w
        for w in words
        if w.lower() not in plain | GENERIC and w.lower() not in NAMED_COLORS and not set(w.lower().split("-")) & styled
    ]
    if (len(words) < 2 and not (words and _CAMEL_RE.search(words[0]))) or not content:
        return None  # one word is a name only when it looks like one ("PixelCraft logo")
    lowered = " ".join(words).lower()
    if any(look in lowered for look in _reading.look_compounds()):
        return None  # "Art Deco poster for a jazz night": a movement, not a name
    if any(phrase in m.group(1).lower() for phrase in OCCASION_PHRASES):
        return None  # "Happy Birthday card": the occasion, set by its own rule
    return " ".join(words)


def _names_a_thing(word: str) -> bool:
    """Whether a word after an occasion makes it name a thing ("cap", "cake"), not a design or an event."""
    g = GRAMMAR
    return (
        wordnet.is_noun(word)
        and word not in g.design_types | g.events | g.establishments | g.context | g.looks | GENERIC
        and (wordnet.lemma(word, "n") or word) not in g.design_types | g.events
    )


_SMALL_WORDS = {"a", "an", "the", "of", "to", "on", "for", "and", "in", "at"}


def _title(phrase: str) -> str:
    """Title case that keeps apostrophes and small words right ("Save the Date", "Mother's Day")."""
    words = phrase.split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _letters(prompt: str, texts: list[str]) -> str | None:
    match = _LETTERS_RE.search(prompt)
    if match:
        groups = [g for g in match.groups() if g]
        joined = re.sub(r"[^A-Z]", "", "".join(groups))  # "S B", "S.B."
        return joined[:3].upper() if joined else None
    return None


# What a word means in a prompt where that differs from its CSS keyword: "gold on black" asks for metallic gold
# (#d4af37), not CSS gold (#ffd700, a lemon yellow). Palettes and SVG keep the CSS meaning.
_PROMPT_COLORS: dict[str, RGB] = {"gold": (212, 175, 55)}


_STREETS = frozenset("street st avenue ave road rd lane ln drive dr boulevard way place square".split())


def name_creature(name: str) -> str | None:
    """A plant or an animal a brand's name says ("Lotus Flow", "Night Owl Coffee", "Hollow Pine"), which a designer
    takes for the mark when the prompt names nothing to draw; None when the name says none."""
    words: list[str] = re.findall(r"[A-Za-z]+", name)
    for k in range(len(words) - 1, -1, -1):
        lower = words[k].lower()
        street = k + 1 < len(words) and words[k + 1].lower() in _STREETS  # "Maple Street Bakery"
        if len(lower) < 3 or lower in GENERIC or street or not icons.known_word(lower):
            continue  # (a genus that names no icon is a person's name: "Mama Rosa's")
        if wordnet.lexnames(lower, 1)[:1] in (("noun.plant",), ("noun.animal",)) and wordnet.is_noun(lower):
            return lower
    return None


@functools.cache
def _asks() -> frozenset[str]:
    from artboard.composer.words import load

    return frozenset(load("grammar")["design"]["asked_of_reader"].split())


def asked_of_reader(subject: str, phrases: tuple[str, ...] | list[str]) -> bool:
    """Whether a subject is only said in a line asking something of the reader ("costumes required", "dogs
    welcome", "bring your own mat"), which is set as copy: a designer draws no costume for it."""
    asks = _asks()
    head = subject.split()[-1]
    return any(
        asks & set(p.lower().split()) and any(icons.lemma(w) == head for w in p.lower().split()) for p in phrases
    )


_LETTERING_RE = re.compile(
    r"\s*(?:text|lettering|letters|type|typography|font|headline|title|words|copy|script|calligraphy|wordmark|name)\b",
    re.I,
)


def lettering_colour(prompt: str) -> RGB | None:
    """The colour the prompt asks the lettering in ("bold yellow text", "gold lettering", "white type"), or None."""
    from artboard.composer.colour_words import find_colours

    for m in find_colours(prompt):
        if not m.name.startswith("#") and _LETTERING_RE.match(prompt, m.end):
            return m.rgb
    return None
