"""Who does what, where: the cast of a scene read from the brief, before anything is drawn (stage.py draws it).

A scene with figures is planned as a designer would sketch it: every person and creature the prompt names, as
many as it says ("three people", "two penguins"), each as a whole figure in the pose its act needs (standing,
sitting under a tree, riding a bicycle, sitting in a boat) — a head picture gets a body, never floats; the props
they hold or share (a book, a fishing rod, one umbrella over two); what they work at (a desk, a counter) and the
place itself (a room, a kitchen, a lake, the moon's surface, a beach), with its season (autumn leaves, snow).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from artboard.composer import colour_words, icons, shapes, wordnet, words
from artboard.composer.arrange import _acting_icon, _names, _one_icon_for, resolve_in
from artboard.composer.canvas import rect_d
from artboard.composer.context import Ctx
from artboard.composer.reading import Thing, is_setting
from artboard.composer.recipes.graphics.common import has_word

_MAX_COPIES = 6


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    scene = words.load("art")["scene"]
    return {k: frozenset(v.split()) for k, v in scene.items() if isinstance(v, str)}


def _in(group: str, noun: str) -> bool:
    return bool(_data()[group].intersection(noun.split()))


def _is(noun: str, group: str) -> bool:
    """`noun` is one of the group's words, or (for a WordNet hyponym) a kind of one ("rowboat" is a boat)."""
    if _in(group, noun):
        return True
    return any(wordnet.is_a(noun.split()[-1], w, 1) for w in _data()[group] if " " not in w)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: its picture and how much of a body that picture shows ('whole', 'bust' or 'head')."""

    concept: str
    icon: icons.Icon
    body: str
    pose: str  # stand, sit, ride, boat
    height: float  # beside a standing grown-up (1.0)
    animal: bool = False
    painted: bool = False  # a built body takes the picture's colour (a fox's fur, a robot's metal), not clothes


@dataclass(frozen=True, slots=True)
class Prop:
    concept: str
    icon: icons.Icon
    how: str  # held, over (shared above the figures), desk (on the desk before each), ride, air, beside
    owner: int = 0  # which actor (index into Stage.actors)


@dataclass(frozen=True, slots=True)
class Actor:
    figures: tuple[Figure, ...]  # one per copy
    noun: str
    verb: str = ""


@dataclass(frozen=True)
class Stage:
    actors: tuple[Actor, ...]
    props: tuple[Prop, ...] = ()
    place: str = "outdoor"  # outdoor, room, kitchen, office, moon
    water: bool = False  # a lake, the sea: a band of water (boats float on it)
    beach: bool = False
    furniture: str | None = None  # desk, counter, table
    tree: icons.Icon | None = None
    season: str | None = None  # autumn, snow
    night: bool = False
    city: bool = False
    left_out: tuple[str, ...] = ()
    drawn: list[str] = field(default_factory=list)


def _fef(name: str) -> icons.Icon | None:
    try:
        return icons.get_icon("fef:" + name)
    except Exception:  # not in this icon index
        return None


@functools.lru_cache(maxsize=2048)
def drawn_bounds(icon: icons.Icon) -> tuple[float, float, float, float]:
    """The box the icon's paint covers, in its own units (its viewbox pads it)."""
    try:
        d = shapes.union(list(icons.icon_as_fill_paths(icon)))
        box = shapes.bounds(d) if d else None
    except Exception:
        box = None
    if not box:
        vx, vy, vw, vh = icon.viewbox
        return vx, vy, vx + vw, vy + vh
    return box


def _body_of(icon: icons.Icon, animal: bool) -> str:
    if icon.set == "fef" and (icon.name in _data()["heads"] or "face" in icon.name.split("-")):
        return "head"  # a face picture ("cowboy hat face") gets a body
    if animal or any(w.endswith("ing") for w in icon.name.split("-")):
        return "whole"  # an act's picture (rowing, swimming, biking) is whole, setting and all
    x0, y0, x1, y1 = drawn_bounds(icon)
    if (y1 - y0) < (x1 - x0) * 1.35 and _bottom_span(icon) > 0.94:
        return "bust"  # the cook, the technologist: a picture cut straight across the chest
    return "whole"


@functools.lru_cache(maxsize=1024)
def _bottom_span(icon: icons.Icon) -> float:
    """How much of its width a picture's lowest paint spans: a bust is cut straight across, feet are not."""
    x0, y0, x1, y1 = drawn_bounds(icon)
    try:
        d = shapes.union(list(icons.icon_as_fill_paths(icon)))
        strip = shapes.intersect(d, rect_d(x0 - 1, y1 - (y1 - y0) * 0.04, x1 - x0 + 2, (y1 - y0) * 0.04))
        b = shapes.bounds(strip) if strip else None
    except Exception:
        return 0.0
    return (b[2] - b[0]) / max(1e-6, x1 - x0) if b else 0.0


def _creature(t: Thing) -> Literal["person", "animal"] | None:
    """'person' or 'animal' for a thing that is one, also where the reading filed it as a thing ("a barista",
    "a dragon"): by WordNet, or by the picture the word is drawn as (the barista is the cook)."""
    if t.kind == "person" or t.kind == "animal":
        return t.kind
    if t.kind != "thing":
        return None
    if _in("agents", t.noun):
        return "person"
    if wordnet.is_a(t.head, "person", 1):
        return "person"
    if wordnet.is_a(t.head, "animal", 1) or wordnet.is_a(t.head, "imaginary being", 1):
        return "animal"
    name = words.load("art")["colour"].get(t.noun)
    picture = _fef(name) if name else None
    return "person" if picture is not None and "person" in picture.tags else None


def _actor_nouns(ctx: Ctx) -> list[Thing]:
    b = ctx.brief
    colours = {n.split()[-1] for n in b.color_names}
    seen: set[str] = set()
    out: list[Thing] = []
    for t in b.things:
        kind = _creature(t)
        if kind is None or t.noun in seen or t.head in colours or t.noun in colours:
            continue
        if _only_colour(t) or _style_word(ctx, t):
            continue
        seen.add(t.noun)
        out.append(replace(t, kind=kind))
    return out


def _only_colour(t: Thing) -> bool:
    """A colour word read as a thing ("muted greys"), not a thing with a colour's name (coffee, lemon)."""
    return colour_words.colour_value(t.noun) is not None and not any(
        wordnet.is_a(t.head, kind, 1) for kind in ("food", "artifact", "plant", "animal", "natural object")
    )


def _style_word(ctx: Ctx, t: Thing) -> bool:
    """A noun that names a look, not a thing: "children's book style", "in a comic book style"."""
    span = ctx.brief.prompt[t.start : t.end].lower().strip()
    after = ctx.brief.prompt[t.end :].lower()
    look = r"(?:style|aesthetic|look)\b"
    return t.end > 0 and (
        re.search(r"\b" + look + "$", span) is not None
        or re.match(r"(?:'s|’s|s')?\s*(?:illustration\s+)?" + look, after) is not None
    )


def wants_stage(ctx: Ctx) -> bool:
    """A scene of figures: several of one creature, two creatures, or one doing something with a thing (riding
    it, holding it, sitting under or on it, fishing). One creature alone in a place ("a fox in a forest at night",
    "a fox walking through a snowy forest") stays the landscape with its creature, and a transparent ground keeps
    the framed recipes (a stage is full bleed)."""
    b = ctx.brief
    if ctx.scheme.background is None:
        return False
    actors = _actor_nouns(ctx)
    if not actors:
        return False
    if len(actors) >= 2 or any(_count(ctx, t) > 1 for t in actors):
        return True
    nouns = {t.noun for t in actors}
    if any(
        t.kind == "person" and not _in("agents", t.noun) and (hit := resolve_in(t.noun, "color")) and _a_thing(hit[0])
        for t in actors
    ):
        return True  # "a skateboarder": a person on the board the word names
    for r in b.relations:
        a, other = b.things[r.a], b.things[r.b]
        if a.noun not in nouns:
            continue
        if r.verb in words.load("art")["scene"]["verb_props"]:
            return True  # "an astronaut fishing", "a rabbit reading"
        placed = other.kind in ("thing", "theme") and not (is_setting(other.noun) or is_setting(other.head))
        if placed and (other.kind == "thing" or _physical(other.noun) or _event_thing(other.noun)):
            return True  # riding a bicycle, under a tree, on a rock, with a kite
    return False


def _count(ctx: Ctx, t: Thing) -> int:
    """As many as the prompt says; a plural with no number ("kids playing", "chickens") is three."""
    if t.count > 1:
        return min(_MAX_COPIES, t.count)
    said = ctx.brief.prompt[t.start : t.end].lower().split()
    last = said[-1] if said else ""
    plural = (last != t.head and last.endswith("s") and icons.lemma(last) == t.head) or last in _data()["people"]
    if last == "couple":
        return 2
    return 4 if last == "family" else 3 if plural else 1


def _height(noun: str, animal: bool, adjectives: tuple[str, ...]) -> float:
    if animal:
        if _in("tiny", noun) or (wordnet.is_a(noun.split()[-1], "bird", 1) and not _in("small", noun)):
            return 0.26
        return 1.05 if _in("large", noun) else 0.5 if _in("small", noun) or not wordnet.is_noun(noun) else 0.6
    young = _in("young", noun) or bool(_data()["young"].intersection(adjectives))
    return 0.72 if young else 1.0


def _verb_of(ctx: Ctx, noun: str) -> tuple[str, str | None, str | None]:
    """The act a thing does, the relation kind, and what it does it to or at."""
    b = ctx.brief
    for r in b.relations:
        if b.things[r.a].noun == noun and r.verb:
            return r.verb, r.kind, b.things[r.b].noun
    for r in b.relations:
        if b.things[r.a].noun == noun:
            return "", r.kind, b.things[r.b].noun
    return "", None, None


def _figure_icon(
    noun: str, verb: str, other: str | None, animal: bool, tools: tuple[str, ...] = ()
) -> tuple[icons.Icon, str, bool] | None:
    """The picture of the figure doing it, and whether that picture already shows the other thing."""
    person = "person" if _in("people", noun) else noun
    for thing in ([other] if other is not None else []) + list(tools):
        if animal:
            break
        one = _one_icon_for(person, thing, "color")
        alone = resolve_in(person, "color")
        if one is not None and one[0].set == "fef" and (alone is None or alone[0].key != one[0].key):
            return one[0], f"{noun} {thing}", thing == other
    if verb and verb not in words.load("art")["scene"]["verb_props"]:
        acting = _acting_icon(person, verb, "color")
        if acting is not None and acting[0].mode == "color" and not _someone_else(acting[0], person):
            return acting[0], f"{noun} {verb}", False
    hit = resolve_in(person, "color")
    if (hit is None or hit[0].mode != "color") and " " in person:
        hit = resolve_in(person.split()[-1], "color")  # "golden retriever": a retriever is a dog
    if hit is None or hit[0].mode != "color":
        return None
    return hit[0], noun, False


def _variants(icon: icons.Icon, n: int) -> list[icons.Icon]:
    """n pictures of one kind of figure, varied where the set has the woman's and the man's ("three people
    working": the technologist, the woman technologist, the man technologist)."""
    base = icon.name.removeprefix("person-").removeprefix("woman-").removeprefix("man-")
    pool = [icon]
    for pre in ("woman-", "man-", "person-", ""):
        alt = _fef(pre + base) if icon.set == "fef" else None
        if alt is not None and alt.key not in {p.key for p in pool}:
            pool.append(alt)
    return [pool[k % len(pool)] for k in range(n)]


def plan_stage(ctx: Ctx) -> Stage:
    """Decide the scene: figures, props, furniture, the tree, the place and its season."""
    b = ctx.brief
    things = _actor_nouns(ctx)
    used: set[str] = set()
    actors: list[Actor] = []
    props: list[Prop] = []
    left_out: list[str] = []
    tree: icons.Icon | None = None
    furniture: str | None = None
    ridden = {
        o
        for t in things
        for v, k, o in [_verb_of(ctx, t.noun)]
        if o and _in("ridden", o) and (k == "riding" or v in ("riding", "rides", "ride"))
    }
    # "an elephant carrying a boy": the boy rides the elephant.
    carried = {
        b.things[r.b].noun: b.things[r.a].noun
        for r in b.relations
        if r.verb in ("carrying", "carries", "giving")
        and _in("ridden", b.things[r.a].noun)
        and _creature(b.things[r.b]) == "person"
    }
    ridden |= set(carried.values())
    seated = any(_in("seats", x.noun) for x in b.things)
    wet = False
    for t in things:
        if t.noun in ridden:
            continue  # "a girl riding a horse": the horse is what she rides, drawn under her
        animal = t.kind == "animal"
        verb, kind, other = _verb_of(ctx, t.noun)
        if t.noun in carried:
            verb, kind, other = "riding", "riding", carried[t.noun]
        pose = "stand"
        if other is not None and _is(other, "ridden") and (kind == "riding" or verb in ("riding", "rides", "ride")):
            pose = "ride"
        elif other is not None and _is(other, "boats"):
            pose = "boat"
        elif animal and _perched(ctx, t.noun):
            pose = "perch"  # "a kitten stuck in a tree", "a koala sleeping in a eucalyptus tree": up in its crown
        elif verb in ("swimming", "floating", "paddling", "bathing", "surfing") and _water_words(ctx):
            pose = "swim"
        elif (
            kind == "below"
            or (other is not None and _under(ctx, other))
            or verb in ("sitting", "reading", "resting", "sleeping", "napping", "picnicking")
        ):
            pose = "sit"
        elif kind == "at" and other is not None and _is(other, "furniture"):
            pose = "work"
        elif seated and not animal:
            pose = "sit"
        tools = (
            tuple(x.noun for x in b.things if x.kind == "thing" and x.noun != other and not is_setting(x.noun))
            if pose in ("stand", "work")
            else ()
        )
        found = _figure_icon(t.noun, verb, other if pose in ("stand", "work", "ride") else None, animal, tools)
        if found is None and not animal:
            # "a soccer player": no picture of the trade, but a person is always drawable.
            found = _figure_icon("person", verb, None, False)
            found = (found[0], t.noun, False) if found is not None else None
        if found is None:
            left_out.append(t.noun)
            continue
        icon, concept, shows_other = found
        if other is not None and not shows_other and other not in concept and _shows(icon, other):
            concept, shows_other = f"{concept} {other}", True  # the surfer's picture rides its wave
        if _in("water_acts", icon.name.replace("-", " ")):
            pose, wet = "swim", True  # the surfer's picture rides its wave: the figure is out on the water
        tool = None
        if not animal and _a_thing(icon) and not _in("agents", t.noun):
            # "a skateboarder": the picture the word finds is the board; a person rides or holds it.
            tool, found_person = icon, resolve_in("person", "color")
            if found_person is None:
                left_out.append(t.noun)
                continue
            icon = found_person[0]
        if shows_other and other is not None:
            used.add(other)
            if pose == "ride":
                pose = "stand"  # "a girl riding a horse": the jockey's picture rides it already
        elif pose == "ride" and not animal and _body_of(icon, animal) == "whole":
            plain = resolve_in("person" if _in("people", t.noun) else t.noun, "color")
            icon = plain[0] if plain is not None and plain[0].mode == "color" else icon  # not the biker on a horse
        n = _count(ctx, t)
        height = _height(t.noun, animal, t.adjectives)
        if pose == "sit" and not animal:
            height *= 1.25  # a seated figure is lower: drawn larger, it reads as the same person
        figures: list[Figure] = []
        aged = words.load("art")["scene"]["aged"]
        if not animal and set(t.adjectives) & _data()["old"] and icon.name in aged:
            icon = _fef(aged[icon.name]) or icon
        for ic in _variants(icon, n) if not animal else [icon] * n:
            body = _body_of(ic, animal)
            standing = words.load("art")["scene"]["bodies"].get(ic.name)
            if body == "head" and pose == "stand" and not animal and standing:
                whole = _fef(standing)  # else (an old man, a cowboy) a body is built under the head
                if whole is not None:
                    ic, body = whole, "whole"
            figures.append(Figure(concept, ic, body, pose, height, animal, animal or _in("agents", t.noun)))
        actors.append(Actor(tuple(figures), t.noun, verb))
        used.add(t.noun)
        owner = len(actors) - 1
        if tool is not None:
            how = "ride" if _in("ridden", tool.name.replace("-", " ")) else "held"
            props.append(Prop(tool.name.replace("-", " "), tool, how, owner))
        if pose == "ride" and other is not None and other in ridden:
            hit = resolve_in(other, "color")
            if hit is not None:
                props.append(Prop(other, hit[0], "ride", owner))
                used.add(other)
        # What the act puts in the hands ("fishing" → a rod), unless the picture already holds it.
        act = verb or words.load("art")["scene"]["trade_props"].get(t.noun.split()[-1], "")
        vp = words.load("art")["scene"]["verb_props"].get(act)
        prop = _fef(vp) if vp else None
        named_other = other is not None and ((prop is not None and _names(prop, other)) or _names(icon, other))
        if vp and prop is not None and not icon.name.endswith(vp) and not named_other:
            props.append(Prop(vp.replace("-", " "), prop, "held", owner))
    # The other things: what the figures ride, sit in or under, work at, hold or share; the rest beside them.
    for t in b.things:
        if t.noun in used or t.kind in ("person", "animal", "place") or _style_word(ctx, t):
            continue
        if t.kind == "theme" and not (_physical(t.noun) or _event_thing(t.noun)):
            continue  # "afternoon", "soccer": not a thing to draw ("a campfire" read as a theme still is)
        used.add(t.noun)
        if any(_shows(f.icon, t.noun) for a in actors for f in a.figures):
            continue  # the figure's picture shows it already (the surfer's wave, the technologist's laptop)
        if _in("buildings", t.noun):
            hit = resolve_in(t.noun, "color") or resolve_in(t.noun.split()[-1], "color")
            if hit is not None and hit[0].mode == "color":
                props.append(Prop(t.noun, hit[0], "backdrop", 0))
            else:
                left_out.append(t.noun)
            continue
        pictured = t.noun in words.load("art")["colour"]  # "plant" is a potted plant here, not a factory
        if (is_setting(t.noun) or is_setting(t.head)) and not (
            pictured or _is(t.noun, "furniture") or _in("seats", t.noun)
        ):
            continue  # the place is the stage itself
        if _only_colour(t):
            continue  # "muted greys": a colour, read as a thing
        if any(_in(g, t.noun) for g in ("sandy", "icy", "peaks")):
            continue  # the ground and the skyline: the stage draws the desert, the ice, the mountains
        if t.head in ("leaf", "leaves", "snowflake", "snow", "raindrop") and _season(ctx) is not None:
            continue  # the season's falling leaves or snow are drawn as such
        if t.head in ("rain", "storm", "thunder", "lightning", "thunderstorm", "downpour"):
            continue  # weather is drawn as weather
        whose, rel, verb = _owner(ctx, t.noun, actors)
        if _is(t.noun, "trees"):
            hit = resolve_in(t.noun, "color")
            tree = hit[0] if hit and hit[0].mode == "color" else _fef("deciduous-tree")
            continue
        if _in("seats", t.noun):
            furniture = t.noun.split()[-1]  # a bench, an armchair: sat on
            continue
        if _is(t.noun, "furniture"):
            furniture = "counter" if has_word(ctx, "kitchen", "bakery", "bar", "counter") else "desk"
            continue
        if t.noun in ("moon", "earth", "sun", "sky", "snow", "star", "stars", "sunset", "sunrise", "beach", "lake"):
            continue  # the stage draws the sky, its moon and stars, the snow and the shore
        if whose is not None and _is(t.noun, "boats") and not _in("ridden", t.noun):
            props.append(Prop(t.noun, _boat_icon(), "boat", whose))
            continue
        hit = resolve_in(t.noun, "color")
        if hit is not None and _person_picture(hit[0]):
            hit = None  # "easel" → stand → a standing man: a near miss is worse than saying it is left out
        if hit is None:
            if not t.noun.endswith(("leaf", "leaves")):
                left_out.append(t.noun)
            continue
        icon = hit[0]
        if whose is not None and _is(t.noun, "ridden"):
            props.append(Prop(t.noun, icon, "ride", whose))
        elif whose is not None and _in("overhead", t.noun) and (verb == "sharing" or _many(actors)):
            props.append(Prop(t.noun, icon, "over", whose))
        elif _in("airborne", t.noun):
            props.append(Prop(t.noun, icon, "sky", whose or 0))
        elif whose is not None and verb == "sharing":
            props.append(Prop(t.noun, icon, "between", whose))
        elif _large(t):
            props.append(Prop(t.noun, icon, "beside", whose or 0))
        elif (furniture is not None and not _in("seats", furniture) and rel in ("with", "on", "inside")) or t.head in (
            "laptop",
            "computer",
            "monitor",
        ):
            if not any(_names(f.icon, t.head) for a in actors for f in a.figures):
                props.append(Prop(t.noun, icon, "desk", whose or 0))
        elif whose is not None and (verb or rel in ("holding", "with")):
            props.append(Prop(t.noun, icon, "air" if verb in ("tossing", "juggling", "throwing") else "held", whose))
        else:
            props.append(Prop(t.noun, icon, "beside", whose or 0))
    if furniture is not None and _in("seats", furniture):
        # On a bench, a sofa, in an armchair: whoever is there sits on it (a cat and a dog on the sofa too).
        actors = [Actor(tuple(replace(f, pose="sit") for f in a.figures), a.noun, a.verb) for a in actors]
    working = ("working", "typing", "coding", "studying", "writing", "programming")
    if furniture is None and any(
        a.figures[0].pose == "work" or (a.verb in working and a.figures[0].body == "bust") for a in actors
    ):
        furniture = "desk"
    if has_word(ctx, "kitchen") and furniture is None and any(f.body == "bust" for a in actors for f in a.figures):
        furniture = "counter"
    return Stage(
        actors=tuple(actors),
        props=tuple(props),
        place=_place(ctx, furniture),
        water=_water_words(ctx) or wet or any(p.how == "boat" for p in props),
        beach=has_word(ctx, "beach", "shore", "seaside", "coast") or terrain(ctx, "sandy"),
        furniture=furniture,
        tree=tree,
        season=_season(ctx),
        city=has_word(ctx, "city", "street", "streets", "town", "downtown", "urban", "skyline"),
        night=has_word(ctx, "night", "midnight", "moonlit", "starry", "stars", "space") or _place(ctx, None) == "moon",
        left_out=tuple(left_out),
    )


def _someone_else(icon: icons.Icon, noun: str) -> bool:
    """Whether a picture of an act shows another creature besides the figure ("man feeding baby")."""
    mine = set(noun.split()) | {"man", "woman", "person", "people"}
    return any(
        w not in mine and (wordnet.is_a(w, "person", 1) or wordnet.is_a(w, "animal", 1))
        for w in icon.name.split("-")
        if len(w) > 2
    )


def _physical(noun: str) -> bool:
    senses = wordnet.senses(noun)[:1]
    kinds = ("noun.artifact", "noun.object", "noun.food", "noun.plant", "noun.phenomenon")
    return any(sense.lexname in kinds for sense in senses)


def _perched(ctx: Ctx, noun: str) -> bool:
    """Up in a tree: "a kitten stuck in a tree", "rescuing a kitten from a tree" (not "sleeping under" one)."""
    b = ctx.brief
    return any(
        b.things[r.a].noun == noun
        and r.kind in ("from", "on", "inside", "in_tree", "at")
        and _is(b.things[r.b].noun, "trees")
        and _word_before(ctx, b.things[r.b]) in ("in", "from", "up", "on", "into", "onto", "atop")
        for r in b.relations
    )


def _shows(icon: icons.Icon, noun: str) -> bool:
    """Whether a figure's picture already shows a thing: named for it, or a picture of an act whose tags name it
    (the surfer's wave); a bear's tags saying "honey" do not draw the honey."""
    acting = any(w.endswith("ing") for w in icon.name.split("-"))
    return noun.split()[-1] in icon.name.split("-") or (acting and _names(icon, noun))


def _under(ctx: Ctx, noun: str) -> bool:
    hit = next((t for t in ctx.brief.things if t.noun == noun), None)
    return hit is not None and _word_before(ctx, hit) in ("under", "beneath", "below", "underneath")


def _word_before(ctx: Ctx, t: Thing) -> str:
    """The preposition before a thing's phrase ("under" in "under a big oak tree"), past articles."""
    before = re.findall(r"[a-z]+", ctx.brief.prompt[: t.start].lower())
    while before and before[-1] in ("a", "an", "the", "big", "old", "tall", "small", "little", "large", "huge"):
        before.pop()
    return before[-1] if before else ""


def _person_picture(icon: icons.Icon) -> bool:
    return bool({"man", "woman", "person", "people", "boy", "girl"} & set(icon.name.split("-")))


def _event_thing(noun: str) -> bool:
    """A happening some picture is named for: "a campfire" (WordNet files it as an event)."""
    senses = wordnet.senses(noun)[:1]
    if not senses or senses[0].lexname != "noun.event":
        return False
    hit = resolve_in(noun, "color")
    return hit is not None and noun.split()[-1] in hit[0].name


def _a_thing(icon: icons.Icon) -> bool:
    """Whether a picture found for a person is a thing (the skateboard for "skateboarder")."""
    head = icon.name.split("-")[-1]
    return (
        icon.mode == "color"
        and not wordnet.is_a(head, "person", 2)
        and any(wordnet.is_a(head, kind, 1) for kind in ("artifact", "food", "plant"))
    )


def _many(actors: list[Actor]) -> bool:
    return sum(len(a.figures) for a in actors) > 1


def _large(t: Thing) -> bool:
    """A thing not held: a car, a snowman, an oven, an easel, a rock, a lamp by the figure."""
    return big_thing(t.noun) or any(
        wordnet.is_a(t.head, kind, 1) for kind in ("natural object", "source of illumination")
    )


def big_thing(noun: str) -> bool:
    """A thing as big as a person or more: a car, an airplane, a snowman, an oven, an easel, a tent."""
    head = noun.split()[-1]
    if noun in words.load("art")["colour"] and not _in("large_things", noun):
        return False  # the word's picture is known ("plant" is a potted plant, not a factory)
    return _in("large_things", noun) or any(
        wordnet.is_a(head, kind, 1) for kind in ("vehicle", "structure", "furniture", "home appliance")
    )


def _water_words(ctx: Ctx) -> bool:
    return has_word(ctx, "lake", "sea", "ocean", "river", "pond", "harbor", "harbour", "bay", "stream", "pool")


def _boat_icon() -> icons.Icon:
    found = _fef("canoe") or _fef("sailboat")
    assert found is not None
    return found


def _owner(ctx: Ctx, noun: str, actors: list[Actor]) -> tuple[int | None, str | None, str]:
    """Which actor a thing belongs to (holds, rides, shares, sits in), the relation and its verb."""
    b = ctx.brief
    names = [a.noun for a in actors]
    for r in b.relations:
        a, other = b.things[r.a].noun, b.things[r.b].noun
        if other == noun and a in names:
            return names.index(a), r.kind, r.verb
        if a == noun and other in names:
            return names.index(other), r.kind, r.verb
    # One step further: "sitting on a bench reading a newspaper" reads as the bench reading it; the newspaper is
    # the one on the bench's.
    for r in b.relations:
        if b.things[r.b].noun == noun and r.verb:
            via = b.things[r.a].noun
            for q in b.relations:
                if b.things[q.b].noun == via and b.things[q.a].noun in names:
                    return names.index(b.things[q.a].noun), r.kind, r.verb
    return None, None, ""


def _place(ctx: Ctx, furniture: str | None) -> str:
    b = ctx.brief
    if (
        has_word(ctx, "moon", "lunar")
        and not has_word(ctx, "lake", "sea", "forest", "beach", "field", "park")
        and any(b.things[r.b].noun == "moon" and r.kind in ("on", "from", "with", "at") for r in b.relations)
    ):
        return "moon"  # "an astronaut fishing from the moon": its surface is the ground
    if has_word(ctx, "kitchen", "bakery", "restaurant", "pizzeria"):
        return "kitchen"
    if has_word(ctx, "cafe", "coffee shop", "coffeehouse", "bistro"):
        return "cafe"
    if has_word(ctx, "office", "coworking", "workspace", "studio", "classroom") or furniture == "desk":
        return "office"
    if furniture is not None and _in("indoor_seats", furniture):
        return "room"  # a sofa, an armchair: indoors
    if has_word(ctx, "room", "bedroom", "indoors", "indoor", "living", "library", "cafe", "home", "house"):
        return "room"
    return "outdoor"


def terrain(ctx: Ctx, group: str) -> bool:
    """Whether the prompt puts the scene on sand, on ice, or under mountains (art.toml [scene] sandy/icy/peaks)."""
    return has_word(ctx, *_data()[group])


def _season(ctx: Ctx) -> str | None:
    if has_word(ctx, "autumn", "fall", "autumnal", "leaves", "october", "november"):
        return "autumn"
    if has_word(ctx, "snow", "snowy", "snowing", "winter", "snowfall", "blizzard", "wintry") or terrain(ctx, "icy"):
        return "snow"
    if has_word(ctx, "spring", "blossom", "blossoms", "cherry"):
        return "spring"
    return None
