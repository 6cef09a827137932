"""Several things the prompt names, composed in the relation it states: "a coffee bean inside a flame", "a
crescent moon above a mountain", "a cat wearing a crown", "a dog in a bathtub full of bubbles".

Two steps, as everywhere in the composer: `plan_group` decides what to draw (which things, which icons, where
each sits in a unit box) and `draw_group` draws that plan into a box of the canvas. A noun no icon names is
looked up along its WordNet hypernyms ("monstera" → vine → plant) before anything is guessed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from artboard.colors import RGB, from_oklch, oklch, to_hex
from artboard.composer import colour_words, icons, mark_forms, shapes, wear_fit, wordnet, words
from artboard.composer.canvas import Node
from artboard.composer.characters import expression_face, expression_phrase, face_wanted
from artboard.composer.crossed import crossed_group, gathered_group
from artboard.composer.harmony import hex_rgb
from artboard.composer.icon_sources import Icon
from artboard.composer.noun_icons import (
    GROWN,
    Mode,
    acting_icon,
    exact_icon,
    names_thing,
    one_icon_for,
    resolve,
    resolve_in,
    with_own_part,
)
from artboard.composer.placement import Group as Group
from artboard.composer.placement import Placed as Placed
from artboard.composer.reading import Relation, Thing, is_setting, thing_kind

if TYPE_CHECKING:
    from artboard.composer.brief import Brief
    from artboard.composer.context import Ctx

Box = tuple[float, float, float, float]

# Relations as placements in a unit box: (x, y, size) of the thing the relation starts from ("a" in "a inside
# b") and of the one it points to, and which of the two is in front.
_LAYOUTS: dict[str, tuple[tuple[float, float, float], tuple[float, float, float], str]] = {
    "inside": ((0.5, 0.56, 0.42), (0.5, 0.5, 1.0), "a"),
    "holds": ((0.5, 0.34, 0.56), (0.5, 0.64, 0.72), "b"),  # "a bowl of ramen": a = bowl? see _oriented
    "full_of": ((0.5, 0.62, 0.78), (0.5, 0.26, 0.3), "a"),
    "on": ((0.5, 0.3, 0.5), (0.5, 0.72, 0.62), "a"),
    "riding": ((0.5, 0.26, 0.48), (0.5, 0.66, 0.7), "a"),
    "above": ((0.5, 0.22, 0.38), (0.5, 0.66, 0.68), "b"),
    "below": ((0.5, 0.74, 0.5), (0.5, 0.3, 0.5), "a"),
    "behind": ((0.38, 0.4, 0.62), (0.6, 0.6, 0.62), "b"),
    "front": ((0.6, 0.6, 0.62), (0.38, 0.4, 0.62), "a"),
    "wearing": ((0.5, 0.6, 0.78), (0.5, 0.17, 0.36), "b"),
    "holding": ((0.42, 0.5, 0.8), (0.74, 0.66, 0.36), "b"),
    "at": ((0.38, 0.5, 0.7), (0.72, 0.64, 0.42), "b"),
    "from": ((0.5, 0.3, 0.5), (0.5, 0.68, 0.62), "b"),
    "beside": ((0.28, 0.55, 0.5), (0.72, 0.55, 0.5), "a"),
    "flies": ((0.36, 0.64, 0.62), (0.74, 0.24, 0.44), "a"),
    # "a pineapple wearing sunglasses": eyewear sits over the face, not above the head like a hat.
    "eyewear": ((0.5, 0.56, 0.84), (0.5, 0.44, 0.5), "b"),
    # "a penguin wearing a scarf": neckwear sits under the face, not on the head like a hat.
    "neckwear": ((0.5, 0.46, 0.8), (0.5, 0.7, 0.46), "b"),
    # "a cat astronaut": the glass helmet over the face (wear_fit.seat_enclosing sizes it to the head).
    "helmet": ((0.5, 0.5, 0.7), (0.5, 0.52, 0.96), "b"),
    # "a koala sleeping in a eucalyptus tree": the animal in the crown of the tree, in front of its leaves.
    "in_tree": ((0.52, 0.36, 0.36), (0.5, 0.52, 0.96), "a"),
    # "a wolf howling at the moon": the thing in silhouette in front of a great disc behind it.
    "before": ((0.5, 0.6, 0.66), (0.5, 0.44, 0.92), "a"),
    # "a hand holding a sprout": the open hand, palm up, below; what it holds rising from the palm.
    "offering": ((0.5, 0.74, 0.9), (0.58, 0.36, 0.52), "b"),
    # "a dragon flying over a castle": the flyer large and high, swooping across, the ground thing below it.
    "soaring": ((0.6, 0.3, 0.6), (0.4, 0.7, 0.58), "a"),
}
_SIDE_BY_SIDE = _LAYOUTS["beside"]
# A mark of one thing "with" another ("a tooth with a small wave"): one figure, the second smaller over its
# lower corner, cut out of it by a hairline — the way a logo designer merges two ideas.
_ACCENT = ((0.44, 0.44, 0.8), (0.76, 0.74, 0.42), "b")
# Things that hold others: when one of these is "with" or "and" another, the other goes in it.
_HOLDERS = frozenset(
    "bowl cup mug glass jar bottle box basket bag pot vase tray plate bucket bathtub tub nest "
    "cage pan teapot kettle cauldron crate barrel bath".split()
)
# Hypernyms too general to stand for what they include: drawing "structure" for a nook says nothing.
_AIRBORNE = frozenset("kite balloon balloons bird butterfly drone plane airplane".split())
# Great round things a figure is seen against: "howling at the moon", "a palm tree against the sunset".
_BACKDROPS = frozenset("moon sun sunset sunrise planet".split())
NECKWEAR = frozenset("scarf scarves tie necktie bowtie necklace collar cape".split())
_HEADWEAR = frozenset(
    "crown hat cap helmet beanie beret sombrero tiara halo headphones headphone earmuffs headband bandana glasses "
    "nightcap sunglasses goggles bow wreath".split()
)


# --- deciding -------------------------------------------------------------------------------------------------


def _held_third(brief: Brief, mode: Mode, placed: Sequence[Placed], extra: Sequence[str]) -> Placed | None:
    """A third thing the pair's creature or person holds, small at its front, where its hands are."""
    for r in brief.relations:
        if r.kind != "holding":
            continue
        holder, thing = brief.things[r.a].noun, brief.things[r.b].noun
        at = next((p for p in placed if p.concept == holder), None)
        hit = resolve_in(thing, mode) if at is not None and thing in extra else None
        if at is not None and hit is not None and hit[0].key not in {p.icon.key for p in placed}:
            return Placed(thing, hit[0], at.x + at.size * 0.2, at.y + at.size * 0.16, at.size * 0.4, True)
    return None


def _related(brief: Brief, noun: str, named: tuple[str, str]) -> bool:
    """Whether the brief relates `noun` to one of the pair by place (under, behind, beside, in…)."""
    for r in brief.relations:
        ends = {brief.things[r.a].noun, brief.things[r.b].noun}
        if (
            noun in ends
            and ends & set(named)
            and r.kind
            in ("below", "above", "behind", "front", "beside", "inside", "at", "on", "around", "around_by", "among")
        ):
            return True
    return False


def _holder_for(content: str, holder: str) -> str:
    """A pot that holds a plant is a flowerpot, not a cooking pot: the holder named for what it holds."""
    if holder.split()[-1] in ("pot", "planter", "pots") and "noun.plant" in wordnet.lexnames(content, 2):
        return "potted plant"
    if holder.split()[-1] == "bath":
        return "bathtub"  # "a dog in a bubble bath": the tub the bubbles are in
    return holder


EYEWEAR = frozenset("glasses sunglasses goggles spectacles shades monocle".split())
_TREES = frozenset("tree trees branch branches treetop canopy".split())


def _oriented(kind: str, a: str, b: str) -> tuple[str, str, str]:
    """Relations read from the prompt, turned so the layout table applies: "with" and "and" become
    containment when one side is a holder, headwear when one side is worn."""
    kind, a, b = _oriented_kind(kind, a, b)
    if kind == "wearing" and b.split()[-1] in EYEWEAR:
        kind = "eyewear"
    elif kind == "wearing" and b.split()[-1] in NECKWEAR:
        kind = "neckwear"
    elif kind == "wearing" and (b == "space helmet" or b.split()[-1] in ("earmuffs", "earmuff")):
        kind = "helmet"  # the glass bubble goes over the head, not on it; earmuffs hug it
    elif kind in ("inside", "on", "at", "with") and b.split()[-1] in _TREES and a.split()[-1] not in _TREES:
        kind = "in_tree"
    elif kind in ("holding", "with") and a.split()[-1] in ("hand", "hands", "palm", "palms"):
        kind = "offering"
    elif kind == "above" and a.split()[-1] in _group("soaring") and b.split()[-1] not in _group("soaring"):
        kind = "soaring"
    if kind == "inside":
        b = _holder_for(a, b)
    return kind, a, b


def _oriented_kind(kind: str, a: str, b: str) -> tuple[str, str, str]:
    if kind in ("with", "and", "at", "beside", "front", "behind", "under") and b.split()[-1] in _BACKDROPS:
        return "before", a, b
    if kind in ("with", "and", "featuring", "among", "through", "to", "for", "like", "about", "made_of", "between"):
        if kind == "with" and set(b.split()) & _SIGNS and not set(a.split()) & _SIGNS:
            return "beside", a, b  # "a basket with a check mark": a badge at its corner, not a tick in the basket
        if b.split()[-1] in _HOLDERS:
            return "inside", a, b
        if a.split()[-1] in _HOLDERS:
            return "inside", b, a
        creature = thing_kind(a.split()[-1]) in ("animal", "person")
        if b.split()[-1] in _HEADWEAR and (kind in ("with", "featuring") or creature):
            return "wearing", a, b  # "a dog with a party hat"; "swimwear and sunglasses" are two things on sale
        return "beside", a, b
    if kind in ("inside", "on") and b.split()[-1] in _HEADWEAR | NECKWEAR and a.split()[-1] not in _HEADWEAR:
        return "wearing", a, b  # "a cat in a party hat", "a dog in sunglasses": worn, not a hat holding a cat
    if kind == "holds":
        return "inside", b, a  # "a bowl of ramen": the ramen (a) inside the bowl (b)
    if kind == "around_by":
        return "inside", a, b
    return kind, a, b


def plan_group(ctx: Ctx, mode: Mode, *, limit: int = 3, scene: bool = True) -> Group:
    """The brief's main thing and what the prompt relates to it, each with its icon and place, in the colours
    the prompt gives them ("a yellow tram": the tram emoji turned yellow)."""
    group = _plan_group(ctx, mode, limit=limit, scene=scene)
    placed = []
    for p in group.placed:
        thing = next(
            (
                t
                for t in ctx.brief.things
                if t.colours and (t.noun == p.concept or p.concept in t.noun or t.noun in p.concept)
            ),
            None,
        )
        tint = colour_words.colour_value(thing.colours[-1]) if thing is not None else None
        if tint is not None and p.icon.mode == "color" and not ctx.scheme.constrained:
            p = Placed(p.concept, recolour(p.icon, tint), p.x, p.y, p.size, p.front)
        placed.append(p)
    placed += _asleep(ctx, placed, mode)
    placed = _winged(placed)
    face = face_wanted(ctx) or group.face
    main = face_bearer(placed)
    said = faces_said(ctx)
    if said and main is not None and len(placed) == 1 and creature(main.concept) and mode == "color":
        own = _expressive(main.concept, said)  # "a cat crying with laughter": the cat's own face of it
        if own is not None:
            placed[-1] = replace(main, icon=own)
            return Group(tuple(placed), group.relation, group.left_out)
    alone = len(placed) == 1 or (main is not None and (main.front or main is not placed[-1]))  # or under its hat
    if face and main is not None and alone and not creature(main.concept) and not _own_face(main.icon):
        return Group(tuple(placed), group.relation, group.left_out, face)
    return Group(tuple(placed), group.relation, group.left_out)


_PERSON_PICTURE = frozenset("person man woman people boy girl".split())


def _personified(brief: Brief, things: Sequence[Thing], mode: Mode) -> Group | None:
    """ "an avocado doing yoga", "a taco meditating": a thing that does what people do is the character itself —
    drawn with a content face — not the thing beside a person doing it (the yoga emoji is a man). "An avocado
    with a happy face doing yoga": what its face does, it does."""
    nouns = {t.noun for t in things}
    face_of = {r.b: r.a for r in brief.relations if r.kind == "with" and brief.things[r.b].noun in ("face", "faces")}
    for r in brief.relations:
        a, b = brief.things[face_of.get(r.a, r.a)], brief.things[r.b]
        if not r.verb or a.kind != "thing" or a.noun not in nouns or b.noun not in nouns:
            continue
        act = resolve_in(b.noun, mode)
        if act is None or not set(act[0].name.split("-")) & _PERSON_PICTURE:
            continue  # "a taco playing guitar": the guitar is a thing it holds, drawn as such
        hit = resolve_in(a.noun, mode)
        if hit is not None:
            return Group((Placed(hit[1], hit[0], 0.5, 0.5, 1.0),), "acting", (), "laugh")
    return None


def _winged(placed: list[Placed]) -> list[Placed]:
    """ "a skull with wings", "a heart with wings": a pair of wings spread from the thing's sides, behind it —
    the emblem a designer draws — not one wing set beside it."""
    wings = [p for p in placed if p.concept.split()[-1] in ("wing", "wings")]
    others = [p for p in placed if p not in wings]
    if len(wings) != 1 or len(others) != 1:
        return placed
    wing, main = wings[0], others[0]
    size = 0.46
    body = Placed(main.concept, main.icon, 0.5, 0.52, size, front=True)
    span = size * 0.86
    left = Placed(wing.concept, wing.icon, 0.5 - size * 0.62, 0.46, span, flip=True)
    right = Placed(wing.concept, wing.icon, 0.5 + size * 0.62, 0.46, span)
    return [left, right, body]


_SLEEP_WORDS = frozenset({"sleeping", "asleep", "napping", "snoozing", "dozing", "sleepy", "nap"})


def _asleep(ctx: Ctx, placed: list[Placed], mode: Mode) -> list[Placed]:
    """ "a fox sleeping in autumn leaves", "a cat asleep on books": the Zzz over a sleeping creature, which its
    picture (eyes open) cannot say."""
    if not ctx.brief.words & _SLEEP_WORDS or not placed or not any(creature(p.concept) for p in placed):
        return []
    found = resolve_in("zzz", mode) if mode == "color" else (icons.get_icon("mdi:sleep"), "zzz")
    if found is None:
        return []
    return [Placed("zzz", found[0], 0.9, 0.1, 0.24)]


def _ridden(thing: Thing, mode: Mode) -> Group | None:
    """ "a skateboarding frog", "a surfing cat": the animal standing on what its sport rides."""
    props: dict[str, str] = words.load("art").get("ride_props", {})
    first, _, rest = thing.noun.partition(" ")
    if not thing.doing and first in props and rest:
        thing = replace(thing, noun=rest, doing=first)  # "a skateboarding banana": a banana, skateboarding
    prop = props.get(thing.doing)
    if not prop or thing.kind not in ("animal", "person", "thing"):
        return None
    rider = acting_icon(thing.noun, thing.doing, mode) if thing.kind == "person" else None
    if rider is not None:
        return Group((Placed(f"{thing.noun} {thing.doing}", rider[0], 0.5, 0.5, 1.0),), "riding")
    pa, pb = resolve_in(thing.noun, mode), resolve_in(prop, mode)
    if pa is None or pb is None:
        return None
    (ax, ay, asz), (bx, by, bsz), _front = _LAYOUTS["riding"]
    face = "laugh" if thing.kind == "thing" else None  # a thing that rides is a character: it grins
    board = Placed(thing.doing, pb[0], bx, by, bsz)
    placed = wear_fit.fit_unit([board, wear_fit.seat_on(board, Placed(pa[1], pa[0], ax, ay, asz, True))])
    return Group(tuple(placed), "riding", (), face)


@functools.cache
def _building(noun: str) -> bool:
    """A building named in a picture ("a dragon flying over a castle") is a thing in it, drawn, not the backdrop
    a vignette has no room for."""
    return noun.split()[-1] in set(str(words.load("art")["scene"]["buildings"]).split())


def faces_said(ctx: Ctx) -> str | None:
    """The expression the prompt says in words ("crying", "heart eyes"), not one a look implies (kawaii)."""
    from artboard.composer.recipes.faces import expression_for

    return expression_for(ctx.brief.prompt)


def _expressive(concept: str, face: str) -> Icon | None:
    """The creature's own emoji with that expression ("cat" + joy → the cat with tears of joy), where one exists."""
    from artboard.composer.recipes.faces import EXPRESSIONS

    animal = concept.split()[-1]
    for phrase in dict(EXPRESSIONS).get(face, ())[:3]:
        for icon, score in icons.find_icons(f"{animal} {phrase}", k=3, mode="color"):
            words = set(icon.name.split("-"))
            if score >= 1.0 and animal in words and len(words) > 1 and "face" not in words - {animal}:
                return icon
    return None


def creature(concept: str) -> bool:
    """Whether the concept is an animal or a person (a character, not a prop)."""
    return thing_kind(concept.split()[-1]) in ("animal", "person")


def _plan_group(ctx: Ctx, mode: Mode, *, limit: int = 3, scene: bool = True) -> Group:
    """The brief's main thing and what the prompt relates to it, each with its icon and place. In a scene
    (`scene`), settings (a room, a city, a mountain) are the backdrop the recipe draws, not group members; in a
    mark they are motifs like any other thing."""
    brief = ctx.brief
    located = {r.b for r in brief.relations}
    # A building the prompt opens with ("a lighthouse on a rocky cliff") is the subject, not the backdrop.
    # "an open book": the subject is the phrase the lexicon draws, the adjective with its noun.
    things = [
        replace(t, noun=phrase) if (phrase := " ".join([*t.adjectives, t.noun])) in brief.subjects else t
        for t in brief.things
    ]
    said = [t.noun for t in things]  # each thing by the words it is drawn for, in the brief's order ("hot cocoa")
    for r in brief.relations:
        if said[r.b].split()[-1] in _POSES and thing_kind(said[r.a].split()[-1]) == "person":
            # "a woman in lotus pose": the pose's figure is the woman in it, one picture (hers where one exists)
            who = GROWN.get(last := said[r.a].split()[-1], last)
            posed = f"{who} in {' '.join(said[r.b].split()[:-1])} position"
            pose = posed if exact_icon(posed, "color") is not None else said[r.b]
            things[r.a] = replace(things[r.a], noun=pose, head=pose.split()[-1])
            things[r.b] = replace(things[r.b], noun="")
            said[r.a] = pose
    things = [
        t
        for i, t in enumerate(things)
        if (t.noun in brief.subjects or (t.noun in said and t.noun.split()[-1] in _POSES and t.noun))
        and not (scene and is_setting(t.noun) and (i > 0 or i in located) and not _building(t.noun))
        and not (scene and t.noun in _group("weather"))  # falling snow, rain: the scene's weather, not a glyph
        and not expression_phrase(t.noun)
    ]
    if (
        brief.design_type in ("emoji", "sticker")
        and len(things) > 1
        and any(t.noun not in ("face", "faces") and t.kind == "thing" for t in things)
    ):
        # "a melting ice cream cone, sad face": the face is the thing's own (characters.face_wanted draws it on it)
        things = [t for t in things if t.noun not in ("face", "faces")]
    # Things listed after a colon or a dash ("bake sale flyer - cupcakes, cookies, pies") are subjects the
    # sentence reading never saw: they join the group as things, in the list's place among the subjects.
    seen_nouns = {t.noun for t in things}
    listed_things = [
        Thing(noun=n, head=n.split()[-1], kind=thing_kind(n), start=-1, end=-1)
        for n in brief.subjects
        if n not in seen_nouns
        and brief.items
        and any(n.split()[-1] in item.lower() or n in item.lower() for item in brief.items)
    ]
    things += [t for t in listed_things if t.kind in ("thing", "animal", "person")]
    # In the brief's order of subjects: "a pet grooming salon, a dog with a bow" is about the dog, not the salon.
    order = {noun: k for k, noun in enumerate(brief.subjects)}
    things.sort(key=lambda t: order.get(t.noun, len(order)))
    from artboard.composer.recipes.faces import FACE_WORDS, expression_words

    # "a sloth wearing headphones and smiling": the smile is the sloth's face, the headphones what it wears
    words_of_face = expression_words() - FACE_WORDS
    things = [t for t in things if not (t.kind == "theme" and t.noun in words_of_face)] or things
    if things and things[0].head in _HEADWEAR | NECKWEAR:
        things.sort(key=lambda t: t.kind not in ("animal", "person"))  # the wearer leads, not what it wears
    related = {brief.things[i].noun for r in brief.relations for i in (r.a, r.b)}
    concrete = [t for t in things if t.kind != "theme" or t.noun in related]
    if concrete:
        things = concrete  # "hiking badge, mountain + compass": the theme is what the things already say
    if not things:
        return Group((), None)
    faces_worn = {brief.things[r.b].noun for r in brief.relations if r.kind == "with"}  # "ice cream with a sad face"
    things = [t if t.noun in faces_worn else expression_face(t) for t in things]
    if len(things) > 1 and any(t.noun in ("face", "faces") for t in things):
        things = [t for t in things if t.noun not in ("face", "faces")]  # the face is drawn on the thing
    if things[0].kind == "thing" and things[0].head not in _LIMBS and len(things) > 1:
        # "a taco with a face and little arms": a character's limbs are its own, not a stick figure beside it
        things = [things[0], *(t for t in things[1:] if t.head not in _LIMBS)]
    if any(t.kind in ("animal", "person") and not animal_part(t.noun.split()[-1]) for t in things):
        # "a goat head with horns", "an owl with big wings": the animal's picture has its horns and wings; drawn
        # on their own they become other things (an air horn).
        things = [t for t in things if not animal_part(t.noun.split()[-1])] or things
    arranged = crossed_group(brief, things, mode) or gathered_group(things, mode)
    if arranged is not None:
        return arranged  # "a wrench crossed with a bicycle wheel", "a bouquet of tulips"
    nouns = [t.noun for t in things]
    main = nouns[0]
    acted = _personified(brief, things, mode)
    if acted is not None:
        return acted
    hot = things[0] if {"steaming", "steamy", "hot"} & set(things[0].adjectives) else None
    steaming = with_own_part(hot.noun, "steam", mode) if hot is not None and len(things) == 1 else None
    if steaming is not None:
        return Group((Placed(steaming[1], steaming[0], 0.5, 0.5, 1.0),), "with")  # "a steaming coffee mug"
    # "a dog wearing a party hat riding a skateboard": what the main thing does with another thing decides
    # the layout; what it wears goes on it after (_worn_third).
    relation = min(
        (r for r in brief.relations if said[r.a] in nouns and said[r.b] in nouns and main in (said[r.a], said[r.b])),
        key=lambda r: said[r.b].split()[-1] in _HEADWEAR | NECKWEAR and limit >= 3,
        default=None,
    )
    if (
        relation is None
        and len(nouns) == 2
        and nouns[1].split()[-1] in _HEADWEAR | EYEWEAR
        and brief.design_type in ("mascot", "sticker", "emoji", "logo")
        and main in said
        and nouns[1] in said
    ):
        # "a smiling ice cream cone …, sunglasses": said beside a character, what it would wear is on it
        relation = Relation("wearing", said.index(main), said.index(nouns[1]), "wearing")
    left_out: list[str] = []
    ridden = _ridden(things[0], mode) if relation is None else None
    if ridden is not None:
        return ridden
    if relation is not None:
        named = (said[relation.a], said[relation.b])
        kind, a, b = _oriented(relation.kind, *named)
        pa, pb = resolve_in(a, mode), resolve_in(b, mode)
        surface = words.load("art").get("surfaces", {}).get(b.split()[-1])
        if surface and kind in ("above", "on"):
            pb = resolve_in(surface, mode) or pb  # "a moon over calm water": the water's waves
        if kind == "offering" and mode != "color":
            pa = (icons.get_icon("mdi:hand-extended"), a)  # the hand drawn open, palm up, to hold it
        headwear = kind == "wearing" and b.split()[-1] in _HEADWEAR and thing_kind(a) == "animal"
        if kind in ("eyewear", "helmet") or headwear:
            # Glasses go on a face: an animal drawn whole (a cat side on) is drawn as its face instead. So does a
            # hat on a sticker or a mark (a side-on animal's head is at one end, its tail as high).
            face = _face_of(a, pa[1] if pa else a, mode)
            if face is not None:
                pa = (face, a)
        # "a planet with a ring": the ringed planet is one picture.
        put_on = kind in _WORN_KINDS  # a pineapple wearing a crown: no crowned fruit
        one: tuple[icons.Icon, str] | None = (
            None if put_on else with_own_part(*named, mode) or with_own_part(*named[::-1], mode)
        )
        if one is not None:
            kind = "with"
        elif pa is not None and pb is not None and names_thing(pa[0], b):
            one = (pa[0], f"{a} {b}")  # "a surfer riding a wave": the surfing emoji already rides its wave
        elif kind not in ("inside", "above", "below", "behind", "front", "offering"):
            # "a woman working on a laptop": the technologist is both; "a man cooking pasta": the cook; "sun
            # behind a cloud" as a glyph: the partly cloudy weather icon.
            one = one_icon_for(a, b, mode) or (one_icon_for(a, relation.verb, mode) if relation.verb else None)
            if one is not None and pb is not None and not names_thing(one[0], b) and thing_kind(b) == "animal":
                pa, one = one, None  # "a woman walking three dogs": the walker, and the dogs beside her
        elif mode != "color":
            one = one_icon_for(a, b, mode)
        if one is not None:
            # (what the one picture shows too is drawn: the hot drink of "a coffee cup with steam" is coffee)
            left_out += [n for n in nouns if n not in named and not names_thing(one[0], n)][: max(0, limit - 2)]
            return Group((Placed(one[1], one[0], 0.5, 0.5, 1.0),), kind, tuple(left_out))
        if kind in ("holding", "with") and pb and b.split()[-1] in _AIRBORNE:
            kind = "flies"  # "a girl flying a kite", "a child holding balloons": the kite up in the air
        merged = (
            _merged([(pa[1], pa[0]), (pb[1], pb[0])])
            if pa and pb and kind in ("and", "beside") and relation.kind != "with" and not scene and mode != "color"
            else None
        )  # (a thing "with" a small other is the accent below: a badge at its corner)
        if merged is not None:
            left_out += [n for n in nouns if n not in named][: max(0, limit - 2)]
            return Group(merged, "merged", tuple(left_out))
        if pa and pb and pa[0].key != pb[0].key:
            layout = _LAYOUTS.get(kind, _SIDE_BY_SIDE)
            if not scene and kind == "beside" and relation.kind == "with" and mode != "color":
                layout = _ACCENT
                kind = "accent"
            (ax, ay, asz), (bx, by, bsz), front = layout
            placed = [Placed(pa[1], pa[0], ax, ay, asz, front == "a"), Placed(pb[1], pb[0], bx, by, bsz, front == "b")]
            placed.sort(key=lambda p: p.front)  # back first
            if kind in _WORN_KINDS:
                placed = wear_fit.fit_unit(_worn_on(placed[0], _seat(placed[0], placed[1], kind)))
            elif kind in ("riding", "on") and mode == "color" and _rideable(b):
                # "a dog on a surfboard": standing on its deck
                base, rider = (placed[0], placed[1]) if placed[0].concept == pb[1] else (placed[1], placed[0])
                placed = wear_fit.fit_unit([base, wear_fit.seat_on(base, replace(rider, front=True))])
            extra = [n for n in nouns if n not in named]
            worn = _worn_third(ctx, mode, placed, extra, limit)
            if worn is not None:
                # "a cat on a pool float with sunglasses": the glasses on the cat's face, the cat on its float.
                extra.remove(worn[0])
                placed = worn[1]
            third = next((n for n in extra if _related(brief, n, named)), None)
            hit = resolve_in(third, mode) if third is not None and limit >= 3 else None
            if third is not None and hit is not None and hit[0].key not in {p.icon.key for p in placed}:
                # "a fox reading a book under a tree": the tree stands behind the pair, larger and to one side.
                placed.insert(0, Placed(hit[1], hit[0], 0.7, 0.42, 0.78))
                extra.remove(third)
            held = _held_third(brief, mode, placed, extra) if limit >= 3 else None
            if held is not None:
                # "a sloth hanging from a branch holding a coffee cup": the cup in its hands, in front
                placed.append(held)
                extra.remove(held.concept)
            left_out += extra[: max(0, limit - 2)]
            return Group(tuple(placed), kind, tuple(left_out))
    picks: list[tuple[str, icons.Icon]] = []
    proper = {t.noun for t in things if ctx.brief.prompt[t.start : t.start + 1].isupper()}
    # What a figure is doing, even where the other side of the verb is the setting ("a woman jogging in the park"):
    # the figure doing it ("woman running").
    acting = {brief.things[r.a].noun: r.verb for r in brief.relations if r.verb}
    for noun in nouns:
        hit = (acting_icon(noun, acting[noun], mode) if noun in acting else None) or resolve_in(noun, mode)
        if hit is None:
            if noun not in proper:  # "in Bali": a place's name is set or evoked, not an icon to miss
                left_out.append(noun)
        elif all(hit[0].key != ic.key for _, ic in picks) and len(picks) < limit:
            picks.append((hit[1], hit[0]))
    if not picks:
        return Group((), None, tuple(left_out))
    if len(picks) == 1:
        copies = _copies(brief, picks[0][0]) if not scene else 1
        if copies > 1:
            return Group(_row(picks[0][0], picks[0][1], copies), "row", tuple(left_out))
        return Group((Placed(picks[0][0], picks[0][1], 0.5, 0.5, 1.0),), None, tuple(left_out))
    if len(picks) == 2 and not scene and mode != "color":
        merged = _merged(picks)
        if merged is not None:
            return Group(merged, "merged", tuple(left_out))
    if len(picks) == 2:
        (ax, ay, asz), (bx, by, bsz), _ = _SIDE_BY_SIDE
        return Group(
            (Placed(picks[0][0], picks[0][1], ax, ay, asz), Placed(picks[1][0], picks[1][1], bx, by, bsz)),
            "beside",
            tuple(left_out),
        )
    # Three: the main thing large in front, the others behind on each side.
    main_pick, *rest = picks
    placed = [
        Placed(rest[0][0], rest[0][1], 0.24, 0.42, 0.44),
        Placed(rest[1][0], rest[1][1], 0.76, 0.42, 0.44),
        Placed(main_pick[0], main_pick[1], 0.5, 0.62, 0.62, True),
    ]
    return Group(tuple(placed), "trio", tuple(left_out))


def _copies(brief: Brief, concept: str) -> int:
    return mark_forms.copies(brief.prompt, concept, [(t.noun, t.count) for t in brief.things])


def _row(concept: str, icon: Icon, n: int) -> tuple[Placed, ...]:
    return tuple(Placed(concept, icon, x, y, size, front) for x, y, size, front in mark_forms.row(n))


def _merged(picks: list[tuple[str, Icon]]) -> tuple[Placed, ...] | None:
    spots = mark_forms.merged([icon for _, icon in picks])
    if spots is None:
        return None
    return tuple(Placed(picks[k][0], picks[k][1], x, y, size, front) for k, x, y, size, front in spots)


@functools.cache
def _group(name: str) -> frozenset[str]:
    """A word group of art.toml [arrange] ("soaring": what flies over a thing, "coats": a creature's own)."""
    return frozenset(str(words.load("art")["arrange"][name]).split())


def animal_part(head: str) -> bool:
    """A part of an animal's body (horns, antlers, wings, paws, a beak), by WordNet."""
    word = icons.lemma(head)
    if word in _group("coats"):
        return True  # "a unicorn with a rainbow mane": its mane is in its picture, never a hair dryer
    return wordnet.is_a(word, "body part", 2) and "noun.animal" in wordnet.lexnames(word, 2)


def _worn_third(
    ctx: Ctx, mode: Mode, placed: list[Placed], extra: list[str], limit: int
) -> tuple[str, list[Placed]] | None:
    """A third thing worn by the pair's creature ("with sunglasses", "in a party hat"): placed on it as the
    two-thing layouts place eyewear and headwear, scaled to where the creature stands in the group. The
    creature seen side on is drawn as its face for glasses, as the eyewear layout does."""
    if limit < 3:
        return None
    worn = next((n for n in extra if n.split()[-1] in _HEADWEAR | NECKWEAR), None)
    wearer = next((k for k, p in enumerate(placed) if thing_kind(p.concept.split()[0]) in ("animal", "person")), None)
    if worn is None or wearer is None:
        return None
    hit = resolve_in(worn, mode)
    if hit is None:
        return None
    kind = _oriented("wearing", placed[wearer].concept, worn)[0]
    owner = placed[wearer]
    face = _face_of(owner.concept.split()[0], owner.concept, mode)
    if face is not None:
        owner = Placed(owner.concept, face, owner.x, owner.y, owner.size, owner.front)
    elif kind in ("eyewear", "helmet"):
        return None
    (ax, ay, asz), (bx, by, bsz), _front = _LAYOUTS[kind]
    k = owner.size / asz
    item = _seat(owner, Placed(hit[1], hit[0], owner.x + (bx - ax) * k, owner.y + (by - ay) * k, bsz * k, True), kind)
    # The wearer keeps its place in the paint order (glasses it already wears stay over it); the new thing on top.
    pair = _worn_on(owner, item)
    out = [*placed[:wearer], *pair[:-1], *placed[wearer + 1 :], pair[-1]]
    return worn, wear_fit.fit_unit(out)


def _rideable(noun: str) -> bool:
    """Something a figure stands on and rides: a board, a float, a sled."""
    return noun.split()[-1] in _RIDEABLE or noun in words.load("art").get("ride_props", {}).values()


_WORN_KINDS = frozenset({"wearing", "eyewear", "neckwear", "helmet"})  # relations that put one thing on another
_SIGNS = frozenset("check checkmark tick plus cross star sparkle sparkles lock padlock bolt dollar percent".split())
_POSES = frozenset("pose poses position posture stance asana".split())
_LIMBS = frozenset(
    "arm arms leg legs hand hands foot feet limbs cheek cheeks eye eyes mouth nose smile head antenna antennae "
    "antennas".split()
)
_RIDEABLE = frozenset("surfboard skateboard snowboard board float raft sled sledge skis scooter paddleboard".split())


_FACED = frozenset("skull face ghost robot alien clown ogre goblin mask head jack-o-lantern".split())


def _own_face(icon: Icon) -> bool:
    """A picture that has a face of its own (a skull, a ghost, a robot): no second face is drawn on it."""
    return bool(set(icon.name.split("-")) & _FACED)


def _face_of(said: str, drawn: str, mode: Mode) -> Icon | None:
    """The creature's face picture: of the thing said ("black cat"), else of its kind ("cat", the corgi's "dog"),
    never another creature's face (a fox is no dog) nor a person's."""
    for noun in dict.fromkeys((said, said.split()[-1], drawn.split()[-1])):
        face = resolve(f"{noun} face", mode, literal=True)
        if face is not None and "face" in face[0].name and names_thing(face[0], noun):
            return face[0]
    return None


def _worn_on(wearer: Placed, item: Placed) -> list[Placed]:
    """The pair in paint order: a glass helmet behind the head it holds, its shine over it; anything else worn
    over the wearer."""
    if item.icon.key != "abc:space-helmet":
        return [wearer, item]
    try:
        glare = icons.get_icon("abc:space-helmet-glare")
    except Exception:
        return [wearer, item]
    behind = replace(item, front=False)
    return [behind, replace(wearer, front=False), replace(item, icon=glare, concept="glare", front=False)]


def _seat(wearer: Placed, item: Placed, kind: str) -> Placed:
    """The worn thing seated on the wearer's painted shape (wear_fit): glasses on the eyes, a hat on the head."""
    if kind == "eyewear":
        return wear_fit.seat_eyewear(wearer, item, "face" in wearer.icon.name.split("-"))
    if kind == "helmet":
        return wear_fit.seat_enclosing(wearer, item)
    if kind == "neckwear":
        return wear_fit.seat_neckwear(wearer, item)
    if item.concept.split()[-1] in _HEADWEAR - EYEWEAR:
        return wear_fit.seat_headwear(wearer, item)
    return item


@functools.cache
def colour_art_available() -> bool:
    try:
        return bool(icons.find_icons("dog", k=1, mode="color"))
    except Exception:  # an icon index without the colour sets
        return False


def illustration_mode(ctx: Ctx) -> Mode:
    """The visual style of the things in a picture: flat colour art unless the brief asks for line art or one
    or two inks."""
    if ctx.brief.has("line"):
        return "stroke"
    if ctx.brief.has("single_color", "two_color") or "monochrome" in ctx.brief.moods or ctx.scheme.constrained:
        return None  # a user palette is a guarantee: glyphs take its colours, colour art would not
    return "color" if colour_art_available() else None


# --- drawing --------------------------------------------------------------------------------------------------


def draw_group(
    ctx: Ctx,
    parent: Node,
    group: Group,
    box: Box,
    ink: RGB,
    *,
    second_ink: RGB | None = None,
    knockout: RGB | None = None,
) -> None:
    """Draw the plan into `box` (x0, y0, x1, y1). One-colour icons take `ink` (the front thing `second_ink`
    when given); colour icons keep their own fills. `knockout` edges the front thing in that colour so two
    overlapping glyphs stay two shapes."""
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    ox, oy = x0 + (x1 - x0 - side) / 2, y0 + (y1 - y0 - side) / 2
    layer = parent.group("subjects")
    for p in group.placed:
        cx, cy, size = ox + p.x * side, oy + p.y * side, p.size * side
        color = second_ink if (p.front and second_ink is not None) else ink
        if p.icon.mode != "color" and any(q.icon.mode == "color" for q in group.placed):
            # A glyph among colour art takes the colour its thing has (a red balloon, green leaves).
            color = colour_words.natural_colour(p.concept.split()[-1]) or ctx.scheme.primary
        if p.front and knockout is not None and len(group.placed) > 1:
            edge = _knockout(p.icon, cx, cy, size, side * 0.018)
            if edge:
                layer.path(edge, knockout)
        holder = layer.group(transform=f"translate({2 * cx:.2f} 0) scale(-1 1)") if p.flip else layer
        ctx.draw_icon(holder, p.icon, cx, cy, size, color, name=f"subject-{p.concept.replace(' ', '-')}")
    draw_face(ctx, layer, group, box)
    record_group(ctx, group)


def draw_face(ctx: Ctx, layer: Node, group: Group, box: Box) -> None:
    """The group's face on the thing that bears it, where draw_group puts that thing in `box`. None on a user's
    palette: a face's inks are no palette's."""
    main = face_bearer(group.placed)
    if not group.face or main is None or ctx.scheme.constrained:
        return
    from artboard.composer.recipes.faces import draw_face_on_thing

    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    ox, oy = x0 + (x1 - x0 - side) / 2, y0 + (y1 - y0 - side) / 2
    draw_face_on_thing(layer, main.icon, ox + main.x * side, oy + main.y * side, main.size * side, group.face)


def face_bearer(placed: Sequence[Placed]) -> Placed | None:
    """The thing a face is drawn on: the largest that is not worn, held small or ridden (the taco, not its
    sombrero; the flame, not the spatula it holds; the banana, not its skateboard)."""
    rides = words.load("art").get("ride_props", {})
    bearers = [
        p
        for p in placed
        if p.concept.split()[-1] not in _HEADWEAR | NECKWEAR and not _rideable(p.concept) and p.concept not in rides
    ]
    return max(reversed(bearers), key=lambda p: p.size) if bearers else (placed[-1] if placed else None)


def record_group(ctx: Ctx, group: Group, *, icons_too: bool = True) -> None:
    """Note in the manifest what the group draws (`drawn`, `icons`) and what it left out (`left_out`)."""
    drawn = ctx.info.setdefault("drawn", [])
    for p in group.placed:
        drawn.append({"concept": p.concept, "icon": p.icon.key})
        if icons_too:
            ctx.info.setdefault("icons", []).append(p.icon.key)
    if group.face:
        look = {"love": "heart eyes", "stars": "star eyes"}.get(group.face, group.face)
        drawn.append({"concept": f"{look} face", "icon": "artboard:face"})
    if group.left_out:
        ctx.info.setdefault("left_out", []).extend(group.left_out)


def _knockout(icon: icons.Icon, cx: float, cy: float, size: float, width: float) -> str:
    """The icon's silhouette grown by `width`: painted in the ground colour under it, it parts the front thing
    from what is behind."""
    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale
    try:
        paths = icons.icon_as_fill_paths(icon)
    except Exception:
        return ""
    silhouette = shapes.union([shapes.transform_d(d, (scale, 0, 0, scale, tx, ty)) for d in paths])
    return shapes.offset(silhouette, width) if silhouette else ""


def nouns_drawn(group: Group) -> Sequence[str]:
    return [p.concept for p in group.placed]


def recolour(icon: Icon, target: RGB) -> Icon:
    """A colour icon turned to `target`: its coloured fills take the target's hue and chroma and keep their own
    light and shade relative to the icon's main colour; greys, blacks and whites stay."""
    lch = [oklch(hex_rgb(f)) for f in icon.fills]
    coloured = [(c, i) for i, c in enumerate(lch) if c[1] > 0.04]
    if not coloured:
        return icon
    main_l = max(coloured, key=lambda ci: ci[0][1] * 1.0)[0][0]
    tl, tc, th = oklch(target)
    fills = list(icon.fills)
    for (light, chroma, _hue), i in coloured:
        new_l = max(0.05, min(0.97, tl + (light - main_l)))
        fills[i] = to_hex(from_oklch(new_l, max(0.0, tc * min(1.5, chroma / 0.12)), th))
    return replace(icon, key=f"{icon.key}#{to_hex(target)[1:]}", fills=tuple(fills))
