"""How the things a prompt names relate: "a dog in a bathtub" (inside), "a moon over water" (above), "a girl
riding a horse" (riding, the verb kept), "a slice of pizza" (the pizza), "a house with a heart inside" (inside).
composer/reading.py reads the things; these functions link them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence

from artboard.composer import flags, wordnet
from artboard.composer.lexicon import LEXICON
from artboard.composer.reading_model import Relation, Thing, Token
from artboard.composer.words import GRAMMAR

_INSIDE_AFTER = re.compile(
    r"\s*(?:inside(?: of it)?|within|in the (?:middle|cent(?:er|re))|at its (?:heart|cent(?:er|re)))\b"
)


def placed_after(text: str, things: list[Thing], r: Relation) -> Relation:
    """ "a house with a heart inside": where the second thing is said after it — inside the first."""
    if r.kind == "with" and _INSIDE_AFTER.match(text, things[r.b].end):
        return Relation("inside", r.b, r.a, r.verb)
    return r


def relations_of(
    tagged: Sequence[Token],
    thing_at: dict[int, int],
    creatures: Sequence[bool] = (),
    void_ends: Collection[int] = (),
) -> list[Relation]:
    """Links between consecutive things: the relation word or action between them decides the kind. An act
    after a thing that cannot act is done by the creature before it ("a dog wearing a party hat riding a
    skateboard": the dog rides)."""
    out: list[Relation] = []
    last: int | None = None  # the most recent thing
    actor: int | None = None  # the most recent person or animal in the clause
    link: str | None = None
    acted = False
    verb = ""
    anchor: int | None = None
    for i, tok in enumerate(tagged):
        if i in thing_at:
            current = thing_at[i]
            if last is not None and link is not None:
                out.append(Relation(link, last, current, verb))
            last, link, acted, verb = current, None, False, ""
            if current < len(creatures) and creatures[current]:
                actor = current
        elif i in void_ends:
            link = None  # "an owl at night, crescent moon": the owl is not at the moon
        elif tok.tag == "REL":
            kind = GRAMMAR.relations.get(tok.lower, tok.lower)
            if last is None and anchor is not None and kind == "with":
                last = anchor
            if (
                link is None
                and out
                and out[-1].b == last
                and out[-1].kind == "with"
                and _closes(tagged, i)
                and kind in _TRAILING
            ):
                # "a map pin with a heart inside": the heart is inside the pin.
                prev = out.pop()
                out.append(Relation(kind, prev.b, prev.a, prev.verb))
            elif not acted and " " in tok.lower and tok.lower.split()[0].endswith("ing"):
                link, verb = kind, tok.lower.split()[0]  # "sitting on", "perched on": the posture is the verb
            elif not acted or (
                link in ("holding", "with", "on", "at") and kind in _PLACING and tagged[i - 1].tag == "ACT"
            ):
                # "hanging from a branch": the verb says more than its preposition; but "kids playing in the
                # park", "a woman painting at an easel": a verb with no object is placed by the preposition.
                link = kind
        elif tok.tag == "ACT":
            if last is not None and actor is not None and last < len(creatures) and not creatures[last]:
                last = actor
            link, acted, verb = GRAMMAR.actions.get(tok.lower, "with"), True, tok.lower
            nxt = tagged[i + 1].tag if i + 1 < len(tagged) else ""
            if link == "above" and nxt in ("DET", "NOUN", "ADJ", "COLOUR", "NUM"):
                link = "holding"  # "flying a kite": the verb has an object, the flyer holds it
        elif tok.tag == "CONJ" and tok.lower in ("and", "&", "+"):
            link = link or "and"
        elif tok.tag in ("DESIGN", "BAR") or tok.text in ".;!?":
            # "a fox logo with a tagline": the design word ends the chain, but what the design shows stays the
            # anchor for a "with" right after it ("a map pin icon with a heart inside").
            anchor = last if tok.tag == "DESIGN" else None
            last, link, acted, verb, actor = None, None, False, "", None
    return out


def intransitive(tagged: Sequence[Token], thing_at: dict[int, int], things: Sequence[Thing]) -> dict[int, str]:
    """Acts with no thing after them in their clause ("a family sitting on a blanket watching", "kids
    playing"): done by the nearest person or creature before them."""
    out: dict[int, str] = {}
    for i, tok in enumerate(tagged):
        if tok.tag != "ACT":
            continue
        rest = tagged[i + 1 :]
        stop = next((k for k, t in enumerate(rest) if t.tag in ("DESIGN", "BAR") or t.text in ".;!?,"), len(rest))
        if any(i + 1 + k in thing_at for k in range(stop)):
            continue
        for k in range(i - 1, -1, -1):
            if k in thing_at and things[thing_at[k]].kind in ("person", "animal"):
                out.setdefault(thing_at[k], tok.lower)
                break
            if tagged[k].tag in ("DESIGN", "BAR") or tagged[k].text in ".;!?":
                if i - 1 in thing_at and not any(t.kind in ("person", "animal") for t in things):
                    out.setdefault(thing_at[i - 1], tok.lower)  # "an avocado surfing": the thing, as a character
                break
        else:
            if i - 1 in thing_at and not any(t.kind in ("person", "animal") for t in things):
                out.setdefault(thing_at[i - 1], tok.lower)
    return out


_PLACING = frozenset({"inside", "on", "below", "above", "behind", "front", "beside", "at", "through", "among"})
_TRAILING = frozenset({"inside", "on", "above", "below", "behind", "front", "around"})


def _closes(tagged: Sequence[Token], i: int) -> bool:
    """Whether token i ends its clause (nothing but punctuation or the end follows)."""
    return i + 1 >= len(tagged) or tagged[i + 1].tag in ("PUNCT", "CONJ", "DESIGN", "BAR")


def same_creature(things: list[Thing], relations: list[Relation]) -> tuple[list[Thing], list[Relation]]:
    """ "a lost cat named Whiskers, orange tabby": a creature said again by its kind, with nothing relating the
    two, is one creature (the tabby's colour goes to the cat), not a second one to draw."""
    linked = {(r.a, r.b) for r in relations} | {(r.b, r.a) for r in relations}
    for j, later in enumerate(things):
        if later.kind != "animal" or later.count > 1:
            continue
        for i, first in enumerate(things[:j]):
            if first.kind == "animal" and (i, j) not in linked and wordnet.is_a(later.head, first.head, 2):
                things[i] = dataclasses.replace(
                    first, colours=first.colours + later.colours, adjectives=first.adjectives + later.adjectives
                )
                index = {k: (k if k < j else k - 1) for k in range(len(things)) if k != j}
                kept = [Relation(r.kind, index[r.a], index[r.b], r.verb) for r in relations if j not in (r.a, r.b)]
                return same_creature([t for k, t in enumerate(things) if k != j], kept)
    return things, relations


def _named_of(a: str, b: str) -> str | None:
    """ "scale" + "justice": the name "scales of justice" when the lexicon or WordNet knows it, else None."""
    if a in ("flag", "flags") and flags.flag_icon(f"flag of {b}") is not None:
        return f"flag of {b}"  # "the flag of Japan"
    for first in (a, f"{a}s", f"{a}es"):
        for second in (b, f"{b}s", f"{b[:-1]}ies" if b.endswith("y") else f"{b}es"):
            phrase = f"{first} of {second}"
            if phrase in LEXICON or (second == b and wordnet.is_noun(phrase)):
                return phrase  # "bouquet of flowers": the lexicon's phrase, said in the plural
    return None


def resolve_of(things: list[Thing], relations: list[Relation]) -> tuple[list[Thing], list[Relation]]:
    drop: set[int] = set()
    kept: list[Relation] = []
    held: dict[int, int] = {}  # a dropped portion → what it is made of
    for r in relations:
        if r.kind != "of":
            kept.append(r)
            continue
        whole = things[r.a]
        named = _named_of(whole.noun, things[r.b].noun)
        if named is not None:
            # "scales of justice", "bird of paradise": one thing named with "of", not a scale and a justice
            things = [*things]
            things[r.a] = dataclasses.replace(whole, noun=named, head=named, end=things[r.b].end)
            drop.add(r.b)
            held[r.b] = r.a
            continue
        if whole.head in GRAMMAR.portions:
            drop.add(r.a)  # "a slice of pizza", "a bouquet of roses"
            held[r.a] = r.b
        elif whole.head in GRAMMAR.containers:
            kept.append(Relation("holds", r.a, r.b))  # "a bowl of ramen": the ramen in its bowl
        else:
            kept.append(r)
    if not drop:
        return things, kept
    index = {old: new for new, old in enumerate(i for i in range(len(things)) if i not in drop)}
    # "a cat sleeping on a stack of books": what was on the stack is on the books.
    index |= {p: index[b] for p, b in held.items() if b in index}
    out = [
        Relation(r.kind, index[r.a], index[r.b], r.verb)
        for r in kept
        if r.a in index and r.b in index and index[r.a] != index[r.b]
    ]
    return [t for i, t in enumerate(things) if i not in drop], out
