"""The words of a scene and the pictures that answer them, for cast.py: who is a figure (a person, a creature,
an agent such as a robot, also where the reading filed it as a thing), how many, how tall beside a grown-up,
whether a picture is a head, a bust or whole, what a thing is to the figures (ridden, sat on, held, too big to
hold, a building, terrain), where they are (the place, the season) and which preposition placed them.
Every table of words is art.toml's [scene].
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Literal

from artboard.composer import colour_words, icons, shapes, wordnet, words
from artboard.composer.arrange import animal_part
from artboard.composer.canvas import rect_d
from artboard.composer.context import Ctx
from artboard.composer.noun_icons import names_thing, resolve_in
from artboard.composer.reading import GROUP_NOUNS, Thing
from artboard.composer.recipes.graphics.common import has_word

MAX_COPIES = 6


@functools.cache
def scene_words() -> dict[str, frozenset[str]]:
    scene = words.load("art")["scene"]
    return {k: frozenset(v.split()) for k, v in scene.items() if isinstance(v, str)}


def in_group(group: str, noun: str) -> bool:
    return bool(scene_words()[group].intersection(noun.split()))


def is_kind(noun: str, group: str) -> bool:
    """`noun` is one of the group's words, or (for a WordNet hyponym) a kind of one ("rowboat" is a boat)."""
    if in_group(group, noun):
        return True
    return any(wordnet.is_a(noun.split()[-1], w, 1) for w in scene_words()[group] if " " not in w)


def fef(name: str) -> icons.Icon | None:
    try:
        return icons.get_icon("fef:" + name)
    except Exception:  # not in this icon index
        return None


@functools.lru_cache(maxsize=2048)
def icon_union(icon: icons.Icon) -> str:
    """Everything the icon paints as one outline, in its own units ("" where pathops cannot outline it)."""
    try:
        return shapes.union(list(icons.icon_as_fill_paths(icon)))
    except Exception:
        return ""


@functools.lru_cache(maxsize=2048)
def drawn_bounds(icon: icons.Icon) -> tuple[float, float, float, float]:
    """The box the icon's paint covers, in its own units (its viewbox pads it)."""
    d = icon_union(icon)
    try:
        box = shapes.bounds(d) if d else None
    except Exception:
        box = None
    if not box:
        vx, vy, vw, vh = icon.viewbox
        return vx, vy, vx + vw, vy + vh
    return box


def body_of(icon: icons.Icon, animal: bool) -> str:
    if icon.set == "fef" and (icon.name in scene_words()["heads"] or "face" in icon.name.split("-")):
        return "head"  # a face picture ("cowboy hat face") gets a body
    if animal or any(w.endswith("ing") for w in icon.name.split("-")):
        return "whole"  # an act's picture (rowing, swimming, biking) is whole, setting and all
    x0, y0, x1, y1 = drawn_bounds(icon)
    if (y1 - y0) < (x1 - x0) * 1.35 and bottom_span(icon) > 0.94:
        return "bust"  # the cook, the technologist: a picture cut straight across the chest
    return "whole"


@functools.lru_cache(maxsize=1024)
def bottom_span(icon: icons.Icon) -> float:
    """How much of its width a picture's lowest paint spans: a bust is cut straight across, feet are not."""
    x0, y0, x1, y1 = drawn_bounds(icon)
    try:
        d = icon_union(icon)
        strip = shapes.intersect(d, rect_d(x0 - 1, y1 - (y1 - y0) * 0.04, x1 - x0 + 2, (y1 - y0) * 0.04))
        b = shapes.bounds(strip) if strip else None
    except Exception:
        return 0.0
    return (b[2] - b[0]) / max(1e-6, x1 - x0) if b else 0.0


def creature(t: Thing) -> Literal["person", "animal"] | None:
    """'person' or 'animal' for a thing that is one, also where the reading filed it as a thing ("a barista",
    "a dragon"): by WordNet, or by the picture the word is drawn as (the barista is the cook)."""
    if t.kind == "person" or t.kind == "animal":
        return t.kind
    if t.kind != "thing":
        return None
    if in_group("agents", t.noun):
        return "person"
    if wordnet.is_a(t.head, "person", 1):
        return "person"
    if wordnet.is_a(t.head, "animal", 1) or wordnet.is_a(t.head, "imaginary being", 1):
        return "animal"
    name = words.load("art")["colour"].get(t.noun)
    picture = fef(name) if name and ":" not in name else None
    return "person" if picture is not None and "person" in picture.tags else None


_BY_WINDOW_RE = re.compile(
    r"\b(?:by|near|beside|at|next to|in front of)\s+(?:(?:the|a|an|my|her|his)\s+)?(?:\w+\s+)?window\b", re.I
)


def actor_nouns(ctx: Ctx) -> list[Thing]:
    b = ctx.brief
    colours = {n.split()[-1] for n in b.color_names}
    seen: set[str] = set()
    out: list[Thing] = []
    for t in b.things:
        kind = creature(t)
        if kind is None or t.noun in seen or t.head in colours or t.noun in colours:
            continue
        if only_colour(t) or style_word(ctx, t):
            continue
        if t.kind == "thing" and wordnet.is_a(t.head, "artifact", 3) and not _acts(ctx, t):
            continue  # "a desk with two monitors": screens, though a monitor is first someone who supervises
        if _part_of_a_creature(t):
            continue  # "a deer with antlers": the deer's picture has them
        if b.prompt[t.start : t.start + 1].isupper() and t.noun not in b.subjects and t.start > 0:
            continue  # "…, The Fillmore": a venue's name set as copy, no President Fillmore on stage
        if wordnet.is_a(t.head, "musical organization", 3) and not _acts(ctx, t):
            continue  # "a concert poster for an indie band": its instruments, not strangers standing about
        seen.add(t.noun)
        out.append(replace(t, kind=kind))
    return out


def _part_of_a_creature(t: Thing) -> bool:
    return animal_part(t.noun.split()[-1])


def _acts(ctx: Ctx, t: Thing) -> bool:
    b = ctx.brief
    return bool(t.doing) or any(b.things[r.a].noun == t.noun and r.verb for r in b.relations)


def only_colour(t: Thing) -> bool:
    """A colour word read as a thing ("muted greys"), not a thing with a colour's name (coffee, lemon)."""
    return colour_words.colour_value(t.noun) is not None and not any(
        wordnet.is_a(t.head, kind, 1) for kind in ("food", "artifact", "plant", "animal", "natural object")
    )


def style_word(ctx: Ctx, t: Thing) -> bool:
    """A noun that names a look, not a thing: "children's book style", "in a comic book style"."""
    span = ctx.brief.prompt[t.start : t.end].lower().strip()
    after = ctx.brief.prompt[t.end :].lower()
    look = r"(?:style|aesthetic|look)\b"
    return t.end > 0 and (
        re.search(r"\b" + look + "$", span) is not None
        or re.match(r"(?:'s|’s|s')?\s*(?:illustration\s+)?" + look, after) is not None
    )


_COLLECTIVE_RE = re.compile(
    r"\b(?:school|schools|flock|flocks|herd|herds|pack|swarm|pod|shoal|colony|gaggle|litter|troop)\s+of\s+$", re.I
)


def copies(ctx: Ctx, t: Thing) -> int:
    """As many as the prompt says; a plural with no number ("kids playing", "chickens") is three."""
    if t.count > 1:
        return min(MAX_COPIES, t.count)
    if _COLLECTIVE_RE.search(ctx.brief.prompt[: max(0, t.start)]):
        return 4  # "a school of fish", "a flock of sheep": a crowd of them
    said = ctx.brief.prompt[t.start : t.end].lower().split()
    last = said[-1] if said else ""
    plural = (last != t.head and last.endswith("s") and icons.lemma(last) == t.head) or last in scene_words()["people"]
    if last == "couple":
        return 2
    if last in GROUP_NOUNS:
        return 4 if last == "band" else 3  # "a team brainstorming": three people at it
    return 4 if last == "family" else 3 if plural else 1


def figure_height(noun: str, animal: bool, adjectives: tuple[str, ...]) -> float:
    if animal:
        if in_group("tiny", noun) or (wordnet.is_a(noun.split()[-1], "bird", 1) and not in_group("small", noun)):
            return 0.26
        return 1.05 if in_group("large", noun) else 0.5 if in_group("small", noun) or not wordnet.is_noun(noun) else 0.6
    young = in_group("young", noun) or bool(scene_words()["young"].intersection(adjectives))
    return 0.72 if young else 1.0


def someone_else(icon: icons.Icon, noun: str) -> bool:
    """Whether a picture of an act shows another creature besides the figure ("man feeding baby")."""
    mine = set(noun.split()) | {"man", "woman", "person", "people"}
    return any(
        w not in mine and (wordnet.is_a(w, "person", 1) or wordnet.is_a(w, "animal", 1))
        for w in icon.name.split("-")
        if len(w) > 2
    )


def physical(noun: str) -> bool:
    senses = wordnet.senses(noun)[:1]
    kinds = ("noun.artifact", "noun.object", "noun.food", "noun.plant", "noun.phenomenon")
    return any(sense.lexname in kinds for sense in senses)


def perched(ctx: Ctx, noun: str) -> bool:
    """Up in a tree: "a kitten stuck in a tree", "rescuing a kitten from a tree" (not "sleeping under" one)."""
    b = ctx.brief
    return any(
        b.things[r.a].noun == noun
        and r.kind in ("from", "on", "inside", "in_tree", "at")
        and is_kind(b.things[r.b].noun, "trees")
        and word_before(ctx, b.things[r.b]) in ("in", "from", "up", "on", "into", "onto", "atop")
        for r in b.relations
    )


def shows(icon: icons.Icon, noun: str) -> bool:
    """Whether a figure's picture already shows a thing: named for it, or a picture of an act whose tags name it
    (the surfer's wave); a bear's tags saying "honey" do not draw the honey."""
    acting = any(w.endswith("ing") for w in icon.name.split("-"))
    return noun.split()[-1] in icon.name.split("-") or (acting and names_thing(icon, noun))


def under(ctx: Ctx, noun: str) -> bool:
    hit = next((t for t in ctx.brief.things if t.noun == noun), None)
    return hit is not None and word_before(ctx, hit) in ("under", "beneath", "below", "underneath")


def word_before(ctx: Ctx, t: Thing) -> str:
    """The preposition before a thing's phrase ("under" in "under a big oak tree"), past articles."""
    before = re.findall(r"[a-z]+", ctx.brief.prompt[: t.start].lower())
    while before and before[-1] in ("a", "an", "the", "big", "old", "tall", "small", "little", "large", "huge"):
        before.pop()
    return before[-1] if before else ""


def person_picture(icon: icons.Icon) -> bool:
    return bool({"man", "woman", "person", "people", "boy", "girl"} & set(icon.name.split("-")))


def event_thing(noun: str) -> bool:
    """A happening some picture is named for: "a campfire" (WordNet files it as an event)."""
    senses = wordnet.senses(noun)[:1]
    if not senses or senses[0].lexname != "noun.event":
        return False
    hit = resolve_in(noun, "color")
    return hit is not None and noun.split()[-1] in hit[0].name


def a_thing(icon: icons.Icon) -> bool:
    """Whether a picture found for a person is a thing (the skateboard for "skateboarder")."""
    head = icon.name.split("-")[-1]
    return (
        icon.mode == "color"
        and not wordnet.is_a(head, "person", 2)
        and any(wordnet.is_a(head, kind, 1) for kind in ("artifact", "food", "plant"))
    )


def not_held(t: Thing) -> bool:
    """A thing not held: a car, a snowman, an oven, an easel, a rock, a lamp by the figure."""
    return big_thing(t.noun) or any(
        wordnet.is_a(t.head, kind, 1) for kind in ("natural object", "source of illumination")
    )


def big_thing(noun: str) -> bool:
    """A thing as big as a person or more: a car, an airplane, a snowman, an oven, an easel, a tent."""
    head = noun.split()[-1]
    if noun in words.load("art")["colour"] and not in_group("large_things", noun):
        return False  # the word's picture is known ("plant" is a potted plant, not a factory)
    return in_group("large_things", noun) or any(
        wordnet.is_a(head, kind, 1) for kind in ("vehicle", "structure", "furniture", "home appliance")
    )


def water_words(ctx: Ctx) -> bool:
    return has_word(
        ctx, "lake", "sea", "ocean", "river", "pond", "harbor", "harbour", "bay", "stream", "pool",
        "pier", "dock", "jetty", "wharf", "fishing", "seagull", "seagulls", "gulls",
    )  # fmt: skip


def boat_icon() -> icons.Icon:
    found = fef("canoe") or fef("sailboat")
    assert found is not None
    return found


_SPACE_WORDS = (
    *("astronaut", "astronauts", "cosmonaut", "spaceman", "spacewalk"),
    *("galaxy", "orbit", "orbiting", "cosmos"),
)
_EARTHLY = ("lake", "sea", "forest", "beach", "field", "park", "city", "street", "room", "kitchen", "office", "garden")


# "a fox looking at the moon", "a wolf howling at the moon": the moon is in the sky, not the ground.
_GAZING = frozenset("looking gazing staring watching howling admiring facing".split())


_ABOVE_WATER = (
    "beach",
    "boat",
    "sky",
    "island",
    "shore",
    "lake",
    "river",
    "pond",
    "jumping",
    "leaping",
    "breaching",
    "surfing",
    "sunset",
    "moon",
    "pier",
    "dock",
    "harbour",
    "harbor",
)


# Seen at the surface unless the prompt goes under it: a whale breaching, dolphins leaping, a seal on a rock.
_SURFACING = frozenset("whale whales dolphin dolphins orca orcas seal seals narwhal".split())


def underwater(ctx: Ctx) -> bool:
    """Whether the scene is under the sea: said so, or only sea creatures in it with nothing above the water."""
    from artboard.composer.recipes.graphics.stage_sea import SEA_CREATURES, SEA_WORDS

    b = ctx.brief
    if has_word(ctx, *SEA_WORDS) or re.search(
        r"\b(?:under|beneath|below) the (?:sea|ocean|waves?|water)\b", b.prompt, re.I
    ):
        return True
    creatures = [
        t for t in b.things if t.noun in b.subjects and (t.kind == "animal" or t.head.split()[-1] in SEA_CREATURES)
    ]
    return (
        bool(creatures)
        and all(t.head.split()[-1] in SEA_CREATURES - _SURFACING for t in creatures)
        and not any(t.kind == "person" for t in b.things)
        and not has_word(ctx, *_ABOVE_WATER)
    )


def place_of(ctx: Ctx, furniture: str | None) -> str:
    b = ctx.brief
    if (
        has_word(ctx, "moon", "lunar")
        and not has_word(ctx, "lake", "sea", "forest", "beach", "field", "park")
        and any(
            b.things[r.b].noun == "moon" and r.kind in ("on", "from", "with", "at") and r.verb not in _GAZING
            for r in b.relations
        )
    ):
        return "moon"  # "an astronaut fishing from the moon": its surface is the ground
    if underwater(ctx):
        return "underwater"  # "a turtle and a fish swimming", "an octopus under the sea": in the water, no sky
    if has_word(ctx, *_SPACE_WORDS) and not has_word(ctx, *_EARTHLY):
        return "space"  # "an astronaut floating above a planet": no ground, the planet below
    if has_word(ctx, "kitchen", "bakery", "restaurant", "pizzeria", "wok", "stove", "stovetop", "skillet", "oven"):
        return "kitchen"
    if has_word(ctx, "cafe", "café", "coffeehouse", "bistro", "barista") or re.search(
        r"\bcoffee (?:shop|house|bar)s?\b", b.prompt, re.I
    ):
        return "cafe"
    if (
        has_word(ctx, "office", "coworking", "workspace", "studio", "classroom", "boardroom", "whiteboard")
        or has_word(ctx, "brainstorming", "brainstorm", "meeting", "presentation", "flipchart")
        or furniture == "desk"
    ):
        return "office"
    if furniture is not None and in_group("indoor_seats", furniture):
        return "room"  # a sofa, an armchair: indoors
    if has_word(
        ctx, "room", "bedroom", "indoors", "indoor", "living", "library", "cafe", "nook", "fireplace", "windowsill"
    ):
        return "room"
    if re.search(
        r"\b(?:in|inside|at)\s+(?:(?:the|a|my|our|their|her|his)\s+)?(?:\w+\s+)?(?:house|home)\b", b.prompt, re.I
    ):
        return "room"  # "a cat asleep at home"; "a haunted house", "a house on a hill" stand outdoors
    if re.search(
        r"\b(?:by|near|beside|at|next to|in front of)\s+(?:(?:the|a|an|my|her|his)\s+)?(?:\w+\s+)?window\b",
        b.prompt,
        re.I,
    ):
        return "room"  # "a cat sleeping by a window": indoors, the window in the wall
    return "outdoor"


def terrain(ctx: Ctx, group: str) -> bool:
    """Whether the prompt puts the scene on sand, on ice, or under mountains (art.toml [scene] sandy/icy/peaks)."""
    return has_word(ctx, *scene_words()[group])


def season_of(ctx: Ctx) -> str | None:
    if has_word(ctx, "autumn", "fall", "autumnal", "leaves", "october", "november"):
        return "autumn"
    if has_word(ctx, "snow", "snowy", "snowing", "winter", "snowfall", "blizzard", "wintry") or terrain(ctx, "icy"):
        return "snow"
    if has_word(ctx, "spring", "blossom", "blossoms", "cherry"):
        return "spring"
    return None
