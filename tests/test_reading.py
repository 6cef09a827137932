"""The designer's reading of a prompt (composer/reading.py, brief.py, copy_reader.py) and what the composer
makes of it: the things named, their relations, the copy, the colours, and everything drawn or said left out."""

from __future__ import annotations

from typing import Any

import pytest

from artboard.composer import compose, icons, parse_prompt, reading, words
from artboard.composer.arrange import plan_group
from artboard.composer.copy_reader import read_copy
from artboard.composer.group_mark import composite_icon
from artboard.composer.noun_icons import resolve
from artboard.composer.reading import read
from artboard.spec import make_spec
from artboard.svgsafe import check_svg


def _compose(prompt: str, seed: int = 1, **kw: Any) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", **kw), seed=seed)


@pytest.mark.parametrize(
    ("prompt", "nouns"),
    [
        ("a happy dog in a bathtub full of bubbles", ["dog", "bathtub", "bubble"]),
        ("a coffee bean inside a flame", ["coffee bean", "flame"]),
        ("olive oil label with a thick white outline", ["olive oil"]),  # compound kept, finish not a thing
        ("pizza slice sticker, glossy", ["pizza"]),  # a portion names its thing; a finish is no subject
        ("hot air balloons over a valley", ["hot air balloon", "valley"]),
        ("surf shop logo", ["surf"]),  # an establishment is drawn as what it sells
        ("save the whales sticker", ["whale"]),  # an imperative is a verb
        ("studio portrait of a woman, 85mm, bokeh", ["woman"]),  # photography words are no things
    ],
)
def test_only_nouns_are_things_and_compounds_stay_whole(prompt: str, nouns: list[str]) -> None:
    assert [t.noun for t in read(prompt).things] == nouns


@pytest.mark.parametrize(
    ("prompt", "relation"),
    [
        ("a coffee bean inside a flame", ("inside", "coffee bean", "flame")),
        ("a crescent moon above a mountain", ("above", "crescent moon", "mountain")),
        ("a cat wearing a crown", ("wearing", "cat", "crown")),
        ("an astronaut riding a horse", ("riding", "astronaut", "horse")),
        ("a sloth hanging from a branch", ("below", "sloth", "branch")),
        ("a girl flying a kite", ("holding", "girl", "kite")),  # a verb with an object holds it
        ("map pin icon with a heart inside", ("inside", "heart", "map pin")),
    ],
)
def test_relations_are_read(prompt: str, relation: tuple[str, str, str]) -> None:
    reading = read(prompt)
    found = [(r.kind, reading.things[r.a].noun, reading.things[r.b].noun) for r in reading.relations]
    assert relation in found, found


def test_copy_details_are_found_and_set() -> None:
    found = read_copy(
        "flyer for a yard sale on Saturday, June 14 at 8am, 42 Maple Street, Springfield, "
        "40% OFF everything, tickets $25, call (555) 123-4567, www.sunnyday.com"
    )
    kinds = {d.kind: d.text for d in found.details}
    assert kinds["offer"] == "40% OFF EVERYTHING" and kinds["price"] == "tickets $25"
    assert (
        kinds["address"] == "42 Maple Street, Springfield" and kinds["phone"] == "call (555) 123-4567"
    )  # the call to action stays with it
    assert kinds["date"].startswith("Saturday, June 14") and kinds["url"] == "www.sunnyday.com"
    svg, info = _compose("summer sale banner, 40% OFF everything, this weekend only, bright yellow background")
    check_svg(svg)
    said = " ".join(info["set_texts"]).lower()
    assert "40% off everything" in said and "this weekend only" in said and "summer sale" in said


def test_a_chart_is_given_the_users_figures() -> None:
    reading = read_copy("pie chart of our budget: rent 45%, food 27%, travel 18%, savings 10%")
    assert [(f.label, f.value, f.text) for f in reading.figures] == [
        ("rent", 45.0, "45%"),
        ("food", 27.0, "27%"),
        ("travel", 18.0, "18%"),
        ("savings", 10.0, "10%"),
    ]


def test_event_and_names_are_headlines_never_dates() -> None:
    brief = parse_prompt("outdoor movie night poster, popcorn and a film reel, Saturday Aug 9, 8:30 PM, free entry")
    assert brief.event == "Outdoor Movie Night" and not brief.texts
    assert parse_prompt("Maple Street Bakery logo, deep brown and cream").texts == ("Maple Street Bakery",)
    assert parse_prompt("gym logo IRON FORGE FITNESS with a barbell").texts == ("IRON FORGE FITNESS",)
    assert parse_prompt("LOGO FOR A BARBER SHOP CALLED FADE KINGS, SCISSORS AND COMB").texts == ("FADE KINGS",)


@pytest.mark.parametrize(
    ("prompt", "names", "background"),
    [
        ("Maple Street Bakery logo, deep brown and cream", ("deep brown", "cream"), None),
        ("summer sale banner, bright yellow background", (), "bright yellow"),
        ("red panda sticker", (), None),  # a colour inside a thing's name asks for no colour
        ("a cat sitting on grass, navy and gold", ("navy", "gold"), None),
        ("minimal fox logo, orange on white", ("orange",), "white"),
    ],
)
def test_colours_are_read_like_a_designer(prompt: str, names: tuple[str, ...], background: str | None) -> None:
    from artboard.composer.colour_words import colour_value

    brief = parse_prompt(prompt)
    assert brief.color_names == names
    assert brief.background_color == (colour_value(background) if background else None)
    if names == ("deep brown", "cream"):
        from artboard.colors import oklch

        lightness, _chroma, hue = oklch(brief.colors[0])
        assert lightness < 0.4 and 40 < hue < 80  # brown, not CSS brown's brick red


def test_nouns_fall_back_along_their_hypernyms_and_colour_art_is_literal() -> None:
    assert resolve("monstera", "fill") is not None and "plant" in resolve("monstera", "fill")[0].name  # type: ignore[index]
    assert "fish" in resolve("trout", "fill")[0].name  # type: ignore[index]
    balloon = resolve("hot air balloon", "color")
    assert balloon is None or "hot" in balloon[0].name  # never a party balloon for a hot-air balloon
    assert resolve("car", "color")[0].name == "automobile"  # type: ignore[index]
    for noun, name in words.load("art")["colour"].items():
        assert icons.get_icon(name if ":" in name else f"fef:{name}").mode == "color", noun


def test_related_things_become_one_mark_with_every_part_drawn() -> None:
    svg, info = _compose("security icon, a padlock inside a shield, dark blue")
    check_svg(svg)
    drawn = " ".join(d["icon"] for d in info["drawn"])
    assert "lock" in drawn and "shield" in drawn
    from artboard.composer.context import Ctx  # noqa: F401  (the mark is built from a context's brief)

    brief = parse_prompt("logo: a bee over a honeycomb hexagon")
    assert [t.noun for t in brief.things][:2] == ["bee", "honeycomb hexagon"]


def test_composite_marks_cut_the_front_thing_out_of_the_back() -> None:
    from artboard.composer import shapes
    from artboard.composer.arrange import Group, Placed

    lock, shield = resolve("padlock", "fill"), resolve("shield", "fill")
    assert lock is not None and shield is not None
    group = Group(
        (Placed("shield", shield[0], 0.5, 0.5, 1.0), Placed("padlock", lock[0], 0.5, 0.56, 0.42, True)), "inside"
    )
    mark = composite_icon(group)
    assert mark is not None and mark.mode == "fill" and len(mark.paths) == 2
    back, front = mark.paths
    assert shapes.intersect(back, front) == ""  # a hairline of ground between them, no overlap


def test_scenes_and_stickers_draw_every_named_thing_in_colour_art() -> None:
    for prompt, expected in [
        ("a woman working on a laptop in a cafe", {"technologist"}),
        ("a man cooking pasta in a kitchen", {"cook"}),
        ("a coffee bean inside a flame", {"fire", "coffee-bean"}),
        ("sticker of a cat drinking coffee", {"cat", "beverage"}),
    ]:
        svg, info = _compose(prompt)
        check_svg(svg)
        keys = " ".join(info["icons"])
        assert all(word in keys for word in expected), (prompt, info["icons"])


def test_what_is_not_drawn_is_said() -> None:
    _svg, info = _compose("set of 4 icons: sun, cloud, xyzzyplonk, moon")
    assert info["type"] == "icon_set" and "xyzzyplonk" in info.get("left_out", [])
    assert any("xyzzyplonk" in w for w in info["warnings"])


def test_icon_sets_draw_exactly_the_listed_items() -> None:
    weather = "set of 9 line icons for a weather app: sun, cloud, rain, snow, wind, storm, fog, sunrise, moon"
    _svg, info = _compose(weather)
    assert info["type"] == "icon_set" and len(info["icons"]) == 9
    assert [d["concept"] for d in info["drawn"]] == [
        "sun",
        "cloud",
        "rain",
        "snow",
        "wind",
        "storm",
        "fog",
        "sunrise",
        "moon",
    ]
    _svg, info = _compose("6 icons for a fintech app: credit card, wallet, coins, chart, bank, shield")
    assert info["type"] == "icon_set" and "credit-card" in " ".join(info["icons"])  # a compound never decides type


def test_plan_group_is_deterministic() -> None:
    from artboard.composer.context import Ctx  # noqa: F401

    a = _compose("a dog in a bathtub full of bubbles", seed=3)
    b = _compose("a dog in a bathtub full of bubbles", seed=3)
    assert a[0] == b[0]
    assert plan_group is not None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("resturant", "restaurant"), ("strawbery", "strawberry"), ("mountian", "mountain"), ("avacado", "avocado"),
     ("occassion", "occasion"), ("pizzza", "pizza"), ("baloon", "balloon")],
)  # fmt: skip
def test_typos_are_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert [t.lower for t in reading.tokenize(f"a {typed} logo")][1] == meant


@pytest.mark.parametrize("word", ["ramen", "matcha", "kombucha", "Stackly", "boba"])
def test_real_words_and_names_are_not_corrected(word: str) -> None:
    assert reading.tokenize(f"a {word} logo")[1].lower == word.lower()


@pytest.mark.parametrize(
    ("prompt", "wanted"),
    [
        ("logo for Hoppy Trails Brewing Co., hop cone and a hiking boot, 'Since 2014'",
         ["Hoppy Trails Brewing Co.", "Since 2014"]),
        ("album cover for 'Neon Tides' by KAIROS, palm trees, magenta and cyan", ["Neon Tides", "KAIROS"]),
        ("tea box packaging for Earl Grey Supreme by Bramble & Co., a teapot", ["Earl Grey Supreme", "Bramble & Co."]),
    ],
)  # fmt: skip
def test_a_name_is_copy_next_to_quoted_copy_and_leads(prompt: str, wanted: list[str]) -> None:
    assert list(parse_prompt(prompt).texts[: len(wanted)]) == wanted


def test_copy_fragments_a_designer_would_set() -> None:
    jazz = parse_prompt('poster for a jazz night "Blue Note Sessions", Friday March 14, 9 PM, The Velvet Room')
    assert "The Velvet Room" in jazz.phrases
    lost = parse_prompt("lost cat poster: MISSING - Biscuit, orange tabby, call 555-0142")
    assert "Biscuit" in lost.phrases
    oil = parse_prompt("olive oil label for Casa Verde, Extra Virgin, cold pressed, organic, 500 ml, minimal")
    assert {"cold pressed", "organic"} <= set(oil.phrases) and "minimal" not in oil.phrases


def test_unset_copy_is_reported_and_set_copy_is_not() -> None:
    from artboard.composer import copy_left_out

    brief = parse_prompt('logo for Drip Doctors, a wrench, slogan "No leak too small"')
    assert copy_left_out(brief, ["DRIP", "DOCTORS", "No leak too small"]) == []
    assert copy_left_out(brief, ["Drip Doctors"]) == ["No leak too small"]
    _, info = compose(make_spec('logo for Drip Doctors, a wrench, slogan "No leak too small"', format="svg"), seed=3)
    assert "copy_left_out" not in info


def test_lists_after_a_dash_and_sets_counted_in_brackets() -> None:
    shop = parse_prompt("ecommerce icon set - cart, bag, credit card, truck, gift, heart, search, user")
    assert shop.design_type == "icon_set" and shop.items[:4] == ("cart", "bag", "credit card", "truck")
    travel = parse_prompt("Travel icons (set of 6): airplane, suitcase, passport, map, camera, palm tree")
    assert travel.design_type == "icon_set" and len(travel.items) == 6
    # A dash before words about the look is no list: the name after it stays copy.
    sarah = parse_prompt("LinkedIn banner for a UX designer: Sarah Chen — Product Designer, minimal shapes, dusty blue")
    assert sarah.items == ()
    bakery = parse_prompt("Maple Street Bakery - bread, cakes and coffee - logo")
    assert bakery.design_type == "logo" and bakery.items == ("bread", "cakes", "coffee")


def test_days_and_acts_are_drawn_only_when_nothing_else_is() -> None:
    flyer = parse_prompt("pizza shop flyer: 2 large pizzas for $19.99, Tuesdays only, Tony's Pizzeria, call 555-0199")
    assert flyer.subjects[0] == "pizza"


def test_people_doing_things_and_people_by_family_role() -> None:
    chef = parse_prompt("a chef tossing pizza dough in a busy kitchen")
    assert chef.subjects[:2] == ("chef", "pizza dough")
    assert resolve("grandma", "color") is not None and resolve("grandma", "color")[0].key == "fef:old-woman"
    aunt = resolve("aunt", "fill")
    assert aunt is not None and "person" in aunt[0].key  # a person, never a hypernym's namesake glyph


def test_version_control_glyphs_only_for_version_control() -> None:
    for mode in ("fill", "stroke", "color", None):
        found = resolve("branch", mode)
        assert found is None or not arrange_dev(found[0].name), (mode, found)
    git = resolve("git branch", "stroke")
    assert git is not None and "git" in git[0].key


def arrange_dev(name: str) -> bool:
    from artboard.composer.noun_icons import DEV_GLYPH

    return bool(DEV_GLYPH.search(name))


def test_animal_heads_closed_compounds_and_who_a_design_is_for() -> None:
    assert "owl" in parse_prompt("esports logo for team Night Owls, an owl head, purple").subjects
    assert resolve("checkmark", "fill") is not None
    streak = parse_prompt("app icon for a habit tracker called Streak, a flame with a checkmark")
    assert streak.subjects[0] == "flame"


def test_set_members_grounds_and_thousands_in_stats() -> None:
    from artboard.composer.copy_reader import read_copy

    _, info = compose(make_spec("icon set: umbrella, sun, snowflake, cloud, line icons, blue", format="svg"), seed=5)
    assert len(info["icons"]) == 4  # "line icons" and "blue" say how the set looks
    assert parse_prompt("seamless pattern of tiny strawberries on cream").background_color is not None
    assert parse_prompt("a cat sitting on grass, navy and gold").background_color is None
    stats = read_copy("infographic: our year in numbers — 12,000 customers, 98% satisfaction, 45 cities")
    assert [f.text for f in stats.figures] == ["12,000", "98%", "45"]


def test_a_building_the_prompt_opens_with_is_the_subject() -> None:
    storm = parse_prompt("a lighthouse on a rocky cliff during a storm, dramatic")
    assert storm.subjects[0] == "lighthouse"
    assert parse_prompt("a cat sleeping in a cafe").subjects[0] == "cat"  # a cafe the cat is in is the backdrop
    _, info = compose(make_spec("a lighthouse on a rocky cliff during a storm", format="svg"), seed=2)
    assert any("lighthouse" in str(d.get("concept")) for d in info["drawn"]), info["drawn"]
