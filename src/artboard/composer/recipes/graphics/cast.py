"""Who does what, where: the cast of a scene read from the brief, before anything is drawn (stage.py draws it).

A scene with figures is planned as a designer would sketch it: every person and creature the prompt names, as
many as it says ("three people", "two penguins"), each as a whole figure in the pose its act needs (standing,
sitting under a tree, riding a bicycle, sitting in a boat) — a head picture gets a body, never floats; the props
they hold or share (a book, a fishing rod, one umbrella over two); what they work at (a desk, a counter) and the
place itself (a room, a kitchen, a lake, the moon's surface, a beach), with its season (autumn leaves, snow).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from artboard.composer import icons, wordnet, words
from artboard.composer.context import Ctx
from artboard.composer.lexicon import LEXICON
from artboard.composer.noun_icons import acting_icon, names_thing, one_icon_for, resolve_in
from artboard.composer.reading import is_setting, thing_kind
from artboard.composer.recipes.graphics.cast_words import (
    a_thing,
    actor_nouns,
    boat_icon,
    body_of,
    copies,
    creature,
    event_thing,
    fef,
    figure_height,
    in_group,
    is_kind,
    not_held,
    only_colour,
    perched,
    person_picture,
    physical,
    place_of,
    scene_words,
    season_of,
    shows,
    someone_else,
    style_word,
    terrain,
    under,
    water_words,
)
from artboard.composer.recipes.graphics.common import has_word


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
    how: str  # held, worn, over (shared above them), canopy (stood under), desk (on the desk), ride, air, beside,
    # made (what they build, on the ground before them)
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


# What figures make stands on the ground, not in a hand: a sandcastle, a snowman, a fort.
_BUILT = frozenset("building builds build making makes make sculpting constructing digging".split())


def _in_its_colours(icon: icons.Icon, noun: str) -> icons.Icon:
    """A stand-in picture (the bird for a seagull, a pigeon, a crow) in the colour the named creature has."""
    from artboard.composer import colour_words
    from artboard.composer.arrange import recolour

    tint = colour_words.natural_colour(noun) if icon.mode == "color" else None
    return recolour(icon, tint) if tint is not None else icon


def _worn_too(ctx: Ctx, head: str) -> bool:
    """ "a penguin wearing a scarf and earmuffs": a thing one wears, said with what the figure wears, is worn too."""
    from artboard.composer.arrange import EYEWEAR, NECKWEAR

    wearables = EYEWEAR | NECKWEAR | {"earmuffs", "earmuff", "hat", "cap", "beanie", "crown", "headphones", "mittens"}
    return head in wearables and bool(ctx.brief.words & {"wearing", "wears", "wear", "donning"})


def wants_stage(ctx: Ctx) -> bool:
    """A scene of figures: several of one creature, two creatures, or one doing something with a thing (riding
    it, holding it, sitting under or on it, fishing). One creature alone in a place ("a fox in a forest at night",
    "a fox walking through a snowy forest") stays the landscape with its creature, and a transparent ground keeps
    the framed recipes (a stage is full bleed)."""
    b = ctx.brief
    if ctx.scheme.background is None:
        return False
    actors = actor_nouns(ctx)
    if not actors:
        return False
    if len(actors) >= 2 or any(copies(ctx, t) > 1 for t in actors):
        return True
    nouns = {t.noun for t in actors}
    if place_of(ctx, None) == "underwater":
        return True  # "an octopus under the sea": the creature in the water, not on a landscape's surface
    if any(
        t.kind == "person"
        and not in_group("agents", t.noun)
        and (hit := resolve_in(t.noun, "color"))
        and a_thing(hit[0])
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
        if placed and (other.kind == "thing" or physical(other.noun) or event_thing(other.noun)):
            return True  # riding a bicycle, under a tree, on a rock, with a kite
    return False


def _sport_ball(verb: str, other: str | None, noun: str) -> icons.Icon | None:
    """The ball of a game being played ("playing soccer", "a soccer player"), from art.toml [scene.sport_balls]."""
    balls: dict[str, str] = words.load("art")["scene"].get("sport_balls", {})
    games = [other] if other is not None and verb in ("playing", "play", "plays") else []
    if noun.endswith(" player"):
        games.append(noun.removesuffix(" player"))  # "a basketball player", "a soccer player kicking a ball"
    name = next((balls[g.split()[-1]] for g in games if g.split()[-1] in balls), None)
    return fef(name) if name else None


def _verb_of(ctx: Ctx, noun: str) -> tuple[str, str | None, str | None]:
    """The act a thing does, the relation kind, and what it does it to or at."""
    b = ctx.brief
    for r in b.relations:
        if b.things[r.a].noun == noun and r.verb:
            return r.verb, r.kind, b.things[r.b].noun
    doing = next((t.doing for t in b.things if t.noun == noun and t.doing), "")
    for r in b.relations:
        if b.things[r.a].noun == noun:
            return doing, r.kind, b.things[r.b].noun
    return doing, None, None


def _figure_icon(
    noun: str, verb: str, other: str | None, animal: bool, tools: tuple[str, ...] = ()
) -> tuple[icons.Icon, str, bool] | None:
    """The picture of the figure doing it, and whether that picture already shows the other thing."""
    person = "child" if in_group("young", noun) else "person" if in_group("people", noun) else noun
    if other is not None and (other.split()[-1] in ("pose", "poses", "asana") or other in ("yoga", "meditation")):
        verb, other = "meditating", None  # "doing tree pose", "doing yoga": the yoga figure
    for thing in ([other] if other is not None else []) + list(tools):
        if animal:
            break
        if verb and (is_setting(thing) or thing_kind(thing) == "place"):
            continue  # "a woman meditating on the beach": what she does, not what people do on beaches
        one = one_icon_for(person, thing, "color")
        alone = resolve_in(person, "color")
        if one is not None and one[0].set == "fef" and (alone is None or alone[0].key != one[0].key):
            return one[0], f"{noun} {thing}", thing == other
    if verb and verb not in words.load("art")["scene"]["verb_props"]:
        acting = acting_icon(person, verb, "color")
        if acting is not None and acting[0].mode == "color" and not someone_else(acting[0], person):
            return acting[0], f"{noun} {verb}", False
    hit = resolve_in(person, "color")
    if (hit is None or hit[0].mode != "color") and " " in person:
        hit = resolve_in(person.split()[-1], "color")  # "golden retriever": a retriever is a dog
    if hit is None or hit[0].mode != "color":
        return None
    if not animal and not a_thing(hit[0]) and not _a_person(hit[0]):
        # "volunteers": the picture of the word is a pair of heart hands; a volunteer is drawn as a person.
        plain = resolve_in("person", "color")
        return (plain[0], noun, False) if plain is not None else None
    return hit[0], noun, False


BOARDS = frozenset({"whiteboard", "whiteboards", "blackboard", "chalkboard", "flipchart", "board"})
_FLYING = frozenset("flying soaring fluttering gliding hovering swooping".split())
_WITH_THEIR_THING = frozenset("player players fan fans lover lovers maker makers seller vendor collector".split())


def _trade_tool(noun: str, icon: icons.Icon) -> icons.Icon | None:
    """ "a saxophone player", "a coffee lover", "a kite seller": the thing their name is made of, in their hands
    (unless their picture holds it already)."""
    words = noun.split()
    if len(words) < 2 or words[-1] not in _WITH_THEIR_THING:
        return None
    thing = " ".join(words[:-1])
    hit = resolve_in(thing, "color")
    if hit is None or hit[0].mode != "color" or not a_thing(hit[0]) or shows(icon, thing):
        return None
    return hit[0]


_PERSON_WORDS = frozenset(
    "person people man men woman women boy girl child baby adult family couple technologist cook".split()
)


def _a_person(icon: icons.Icon) -> bool:
    """Whether a picture shows someone (a person, a trade's figure, a face), not a part or a sign of them."""
    parts = set(icon.name.split("-")) | set(icon.tags)
    return bool(parts & _PERSON_WORDS) or any(wordnet.is_a(w, "person", 2) for w in icon.name.split("-") if len(w) > 2)


def _variants(icon: icons.Icon, n: int) -> list[icons.Icon]:
    """n pictures of one kind of figure, varied where the set has the woman's and the man's ("three people
    working": the technologist, the woman technologist, the man technologist)."""
    base = icon.name.removeprefix("person-").removeprefix("woman-").removeprefix("man-")
    pool = [icon]
    if icon.set == "fef" and icon.name in ("person", "adult", "child"):
        # A plain head has no woman- or man- form; its siblings are other heads ("kids": the child, a girl, a boy).
        for name in ("girl", "boy") if icon.name == "child" else ("woman", "man"):
            alt = fef(name)
            if alt is not None:
                pool.append(alt)
        return [pool[k % len(pool)] for k in range(n)]
    for pre in ("woman-", "man-", "person-", ""):
        alt = fef(pre + base) if icon.set == "fef" else None
        if alt is not None and alt.key not in {p.key for p in pool}:
            pool.append(alt)
    return [pool[k % len(pool)] for k in range(n)]


def plan_stage(ctx: Ctx) -> Stage:
    """Decide the scene: figures, props, furniture, the tree, the place and its season."""
    b = ctx.brief
    things = actor_nouns(ctx)
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
        if o and in_group("ridden", o) and (k == "riding" or v in ("riding", "rides", "ride"))
    }
    # "an elephant carrying a boy": the boy rides the elephant.
    carried = {
        b.things[r.b].noun: b.things[r.a].noun
        for r in b.relations
        if r.verb in ("carrying", "carries", "giving")
        and in_group("ridden", b.things[r.a].noun)
        and creature(b.things[r.b]) == "person"
    }
    ridden |= set(carried.values())
    picnic = has_word(ctx, "picnic", "picnicking", "picnics")
    seated = picnic or any(in_group("seats", x.noun) for x in b.things)
    wet = False
    for t in things:
        if t.noun in ridden:
            continue  # "a girl riding a horse": the horse is what she rides, drawn under her
        animal = t.kind == "animal"
        verb, kind, other = _verb_of(ctx, t.noun)
        if t.noun in carried:
            verb, kind, other = "riding", "riding", carried[t.noun]
        pose = "stand"
        if other is not None and is_kind(other, "ridden") and (kind == "riding" or verb in ("riding", "rides", "ride")):
            pose = "ride"
        elif other is not None and is_kind(other, "boats"):
            pose = "boat"
        elif animal and perched(ctx, t.noun):
            pose = "perch"  # "a kitten stuck in a tree", "a koala sleeping in a eucalyptus tree": up in its crown
        elif verb in ("swimming", "floating", "paddling", "bathing", "surfing") and water_words(ctx):
            pose = "swim"
        elif animal and (
            verb in _FLYING or (not verb and in_group("flyers", t.noun)) or place_of(ctx, None) == "underwater"
        ):
            pose = "fly"  # "bats", "a butterfly", "a seagull soaring": up in the sky, not on the ground
        elif (
            kind == "below"
            or (other is not None and under(ctx, other))
            or verb in ("sitting", "reading", "resting", "sleeping", "napping", "picnicking")
        ):
            pose = "sit"
        elif kind == "at" and other is not None and is_kind(other, "furniture"):
            pose = "work"
        elif seated and not animal:
            pose = "sit"
        tools = (
            tuple(x.noun for x in b.things if x.kind == "thing" and x.noun != other and not is_setting(x.noun))
            if pose in ("stand", "work")
            else ()
        )
        ball = _sport_ball(verb, other, t.noun) if not animal else None
        if ball is not None:
            used.add(other or "")
            # "kids playing soccer", "a soccer player kicking a ball": people at play and the game's ball at their
            # feet, not someone's handball, nor a person holding the ball the trade's word draws
            verb, other = "", None
            person = t.noun if t.noun.split()[-1] != "player" else "person"
            found = _figure_icon(person, verb, None, animal, ())
            found = (found[0], t.noun, False) if found is not None else None
        else:
            found = _figure_icon(t.noun, verb, other if pose in ("stand", "work", "ride") else None, animal, tools)
        if found is None and not animal:
            # "a soccer player": no picture of the trade, but a person is always drawable.
            found = _figure_icon("person", verb, None, False)
            found = (found[0], t.noun, False) if found is not None else None
        if found is None:
            left_out.append(t.noun)
            continue
        icon, concept, shows_other = found
        if other is not None and not shows_other and other not in concept and shows(icon, other):
            concept, shows_other = f"{concept} {other}", True  # the surfer's picture rides its wave
        if in_group("water_acts", icon.name.replace("-", " ")):
            pose, wet = "swim", True  # the surfer's picture rides its wave: the figure is out on the water
        tool = None
        if not animal and a_thing(icon) and not in_group("agents", t.noun):
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
        elif pose == "ride" and not animal and body_of(icon, animal) == "whole":
            plain = resolve_in("person" if in_group("people", t.noun) else t.noun, "color")
            icon = plain[0] if plain is not None and plain[0].mode == "color" else icon  # not the biker on a horse
        n = copies(ctx, t)
        height = figure_height(t.noun, animal, t.adjectives)
        if pose == "sit" and not animal:
            height *= 1.25  # a seated figure is lower: drawn larger, it reads as the same person
        figures: list[Figure] = []
        aged = words.load("art")["scene"]["aged"]
        if not animal and set(t.adjectives) & scene_words()["old"] and icon.name in aged:
            icon = fef(aged[icon.name]) or icon
        family = not animal and t.head == "family" and n >= 3 and icon.name.startswith("person")
        for k, ic in enumerate(_variants(icon, n) if not animal else [icon] * n):
            body = body_of(ic, animal)
            standing = words.load("art")["scene"]["bodies"].get(ic.name)
            if body == "head" and pose == "stand" and not animal and standing:
                whole = fef(standing)  # else (an old man, a cowboy) a body is built under the head
                if whole is not None:
                    ic, body = whole, "whole"
            tall = height * (0.72 if family and k >= 2 else 1.0)  # "a family of four": two grown-ups, two children
            if animal and t.head not in ic.name.split("-"):
                ic = _in_its_colours(ic, t.head)  # "seagulls": the emoji's red bird turned gull white
            figures.append(Figure(concept, ic, body, pose, tall, animal, animal or in_group("agents", t.noun)))
        actors.append(Actor(tuple(figures), t.noun, verb))
        used.add(t.noun)
        owner = len(actors) - 1
        if tool is None and not animal and ball is None:
            tool = _trade_tool(t.noun, icon)
        if tool is not None:
            how = "ride" if in_group("ridden", tool.name.replace("-", " ")) else "held"
            props.append(Prop(tool.name.replace("-", " "), tool, how, owner))
        if pose == "ride" and other is not None and other in ridden:
            hit = resolve_in(other, "color")
            if hit is not None:
                props.append(Prop(other, hit[0], "ride", owner))
                used.add(other)
        if ball is not None:
            props.append(Prop(ball.name.replace("-", " "), ball, "beside", owner))
        # What the act puts in the hands ("fishing" → a rod), unless the picture already holds it.
        act = verb or words.load("art")["scene"]["trade_props"].get(t.noun.split()[-1], "")
        vp = words.load("art")["scene"]["verb_props"].get(act)
        prop = fef(vp) if vp else None
        named_other = other is not None and (
            (prop is not None and names_thing(prop, other)) or names_thing(icon, other)
        )
        if vp and prop is not None and not icon.name.endswith(vp) and not named_other:
            props.append(Prop(vp.replace("-", " "), prop, "held", owner))
    # The other things: what the figures ride, sit in or under, work at, hold or share; the rest beside them.
    for t in b.things:
        if t.noun in used or t.kind in ("person", "animal", "place") or style_word(ctx, t):
            continue
        if picnic and t.head in ("picnic", "picnics"):
            continue  # the picnic is the blanket they sit on, not a picnic table
        if t.kind == "theme" and not (physical(t.noun) or event_thing(t.noun)):
            continue  # "afternoon", "soccer": not a thing to draw ("a campfire" read as a theme still is)
        used.add(t.noun)
        if any(shows(f.icon, t.noun) for a in actors for f in a.figures):
            continue  # the figure's picture shows it already (the surfer's wave, the technologist's laptop)
        indoors = place_of(ctx, "desk" if has_word(ctx, "desk", "desks") else None) in ("room", "office")
        if t.head in ("home", "house", "windowsill", "sill", "window") and indoors:
            continue  # "a cat asleep at home", "on a windowsill": the room is the home, its window the sill
        if t.head in ("star", "stars", "sky", "moon", "sun", "moonlight", "starlight") and under(ctx, t.noun):
            continue  # "sleeping under the stars": the stage's own night sky, never a star spanning over them
        if t.noun in ("northern light", "northern lights", "aurora", "aurora borealis"):
            continue  # and the aurora in it
        if under(ctx, t.noun) and not (in_group("seats", t.noun) or is_kind(t.noun, "trees") or is_setting(t.noun)):
            hit = resolve_in(t.noun, "color")
            if hit is not None and hit[0].mode == "color":
                # "a fox reading under a mushroom": what they sit under spans over them, as a shared umbrella does
                props.append(Prop(t.noun, hit[0], "canopy", 0))
                continue
        inside = place_of(ctx, None)
        if inside in ("office", "room", "kitchen", "cafe") and (
            in_group("buildings", t.noun) or t.head.split()[-1] in (inside, "studio", "workspace", "home", "house")
        ):
            continue  # "in a cozy home office": the room is the office, no office block stands in it
        if in_group("buildings", t.noun):
            said = " ".join([*t.adjectives, t.noun])  # "a haunted house": the lexicon's derelict house
            hit = (resolve_in(said, "color") if said in LEXICON else None) or resolve_in(t.noun, "color")
            hit = hit or resolve_in(t.noun.split()[-1], "color")
            if hit is None or hit[0].mode != "color":
                # no colour picture of it (a lighthouse, a windmill, a barn): its glyph, in the thing's colour
                hit = resolve_in(t.noun, "fill")
                hit = hit if hit is not None and names_thing(hit[0], t.head) else None
            if hit is not None:
                props.append(Prop(t.noun, hit[0], "backdrop", 0))
            else:
                left_out.append(t.noun)
            continue
        pictured = t.noun in words.load("art")["colour"]  # "plant" is a potted plant here, not a factory
        if (is_setting(t.noun) or is_setting(t.head)) and not (
            pictured or is_kind(t.noun, "furniture") or in_group("seats", t.noun)
        ):
            continue  # the place is the stage itself
        if only_colour(t):
            continue  # "muted greys": a colour, read as a thing
        if any(in_group(g, t.noun) for g in ("sandy", "icy", "peaks")):
            continue  # the ground and the skyline: the stage draws the desert, the ice, the mountains
        if t.head in ("face", "faces") and actors:
            continue  # "a kawaii taco with a happy face dancing": the face is the character's own
        if t.head in ("spring", "summer", "autumn", "fall", "winter") and season_of(ctx) is not None:
            continue  # "on a balcony in spring": the season the stage is in, never a hot spring
        if t.head in ("leaf", "leaves", "snowflake", "snow", "raindrop") and season_of(ctx) is not None:
            continue  # the season's falling leaves or snow are drawn as such
        if t.head in ("rain", "storm", "thunder", "lightning", "thunderstorm", "downpour"):
            continue  # weather is drawn as weather
        whose, rel, verb = _owner(ctx, t.noun, actors)
        if is_kind(t.noun, "trees"):
            hit = resolve_in(t.noun, "color")
            tree = hit[0] if hit and hit[0].mode == "color" else fef("deciduous-tree")
            continue
        if in_group("seats", t.noun):
            furniture = t.noun.split()[-1]  # a bench, an armchair: sat on
            continue
        if is_kind(t.noun, "furniture"):
            furniture = "counter" if has_word(ctx, "kitchen", "bakery", "bar", "counter") else "desk"
            continue
        if t.noun in ("moon", "earth", "sun", "sky", "snow", "star", "stars", "sunset", "sunrise", "beach", "lake"):
            continue  # the stage draws the sky, its moon and stars, the snow and the shore
        if t.head in BOARDS and place_of(ctx, None) == "office":
            continue  # "a team brainstorming around a whiteboard": the board hangs on the office wall
        if t.head in ("planet", "planets", "space", "galaxy", "orbit", "nebula") and place_of(ctx, None) == "space":
            continue  # space is drawn as the place: its planet below, the stars around
        if whose is not None and is_kind(t.noun, "boats") and not in_group("ridden", t.noun):
            props.append(Prop(t.noun, boat_icon(), "boat", whose))
            continue
        hit = resolve_in(t.noun, "color")
        if hit is not None and person_picture(hit[0]):
            hit = None  # "easel" → stand → a standing man: a near miss is worse than saying it is left out
        if hit is None:
            if not t.noun.endswith(("leaf", "leaves")):
                left_out.append(t.noun)
            continue
        icon = hit[0]
        if _worn_too(ctx, t.head) and actors and (whose is not None or len(actors) == 1):
            props.append(Prop(t.noun, icon, "worn", whose or 0))  # "… wearing a scarf and earmuffs": both on it
            continue
        if whose is not None and is_kind(t.noun, "ridden"):
            props.append(Prop(t.noun, icon, "ride", whose))
        elif whose is not None and in_group("overhead", t.noun) and (verb == "sharing" or _many(actors)):
            props.append(Prop(t.noun, icon, "over", whose))
        elif in_group("airborne", t.noun):
            props.append(Prop(t.noun, icon, "sky", whose or 0))
        elif whose is not None and verb == "sharing":
            props.append(Prop(t.noun, icon, "between", whose))
        elif whose is not None and verb in _BUILT:
            props.append(Prop(t.noun, icon, "made", whose))  # "kids building a sandcastle": on the ground
        elif not_held(t):
            props.append(Prop(t.noun, icon, "beside", whose or 0))
        elif (
            furniture is not None and not in_group("seats", furniture) and rel in ("with", "on", "inside")
        ) or t.head in (
            "laptop",
            "computer",
            "monitor",
        ):
            if not any(names_thing(f.icon, t.head) for a in actors for f in a.figures):
                props.append(Prop(t.noun, icon, "desk", whose or 0))
        elif whose is not None and verb in ("wearing", "wears", "wear", "donning"):
            props.append(Prop(t.noun, icon, "worn", whose))  # "a penguin wearing a scarf": on it, not in its hand
        elif whose is not None and (verb or rel in ("holding", "with")):
            props.append(Prop(t.noun, icon, "air" if verb in ("tossing", "juggling", "throwing") else "held", whose))
        else:
            props.append(Prop(t.noun, icon, "beside", whose or 0))
    if furniture is None and picnic:
        furniture = "blanket"  # "two friends having a picnic": sitting on a blanket spread on the grass
    if furniture is not None and in_group("seats", furniture):
        # On a bench, a sofa, in an armchair: whoever is there sits on it (a cat and a dog on the sofa too).
        actors = [Actor(tuple(replace(f, pose="sit") for f in a.figures), a.noun, a.verb) for a in actors]
    working = ("working", "typing", "coding", "studying", "writing", "programming")
    if furniture is None and any(
        a.figures[0].pose == "work" or (a.verb in working and a.figures[0].body == "bust") for a in actors
    ):
        furniture = "desk"
    if furniture is None:
        # No desk drawn: a laptop said for standing figures ("kids coding, a laptop") is carried, never set in
        # the air before their faces.
        props = [replace(p, how="held") if p.how == "desk" else p for p in props]
    if has_word(ctx, "kitchen") and furniture is None and any(f.body == "bust" for a in actors for f in a.figures):
        furniture = "counter"
    return Stage(
        actors=tuple(actors),
        props=tuple(props),
        place=place_of(ctx, furniture),
        water=water_words(ctx) or wet or any(p.how == "boat" for p in props),
        beach=has_word(ctx, "beach", "shore", "seaside", "coast") or terrain(ctx, "sandy"),
        furniture=furniture,
        tree=tree,
        season=season_of(ctx),
        city=has_word(ctx, "city", "street", "streets", "town", "downtown", "urban", "skyline"),
        night=has_word(ctx, "night", "midnight", "moonlit", "starry", "stars", "space")
        or place_of(ctx, None) in ("moon", "space"),
        left_out=tuple(left_out),
    )


def _many(actors: list[Actor]) -> bool:
    return sum(len(a.figures) for a in actors) > 1


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
    # "a girl walking a dog in the rain with a yellow umbrella": "with" hangs the umbrella on the rain; back
    # along the chain it is the girl's (a person's before an animal's: the dog does not hold it).
    for r in b.relations:
        if b.things[r.b].noun == noun and r.kind == "with":
            chain, at, seen = [], r.a, set()
            while at not in seen:
                seen.add(at)
                chain.append(b.things[at].noun)
                at = next((q.a for q in b.relations if q.b == at), at)
            found = [n for n in chain if n in names]
            people = [n for n in found if not any(f.animal for f in actors[names.index(n)].figures)]
            if found:
                return names.index((people or found)[0]), "with", ""
    return None, None, ""
