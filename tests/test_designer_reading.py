"""Prompts read as a designer reads them, from fresh contact sheets and two designer panels: names after a colon,
relative clauses, weather and times, themes, purposes, letter marks, colour pairs, names joined by "+", counted
plurals, and the compositions that follow (what is drawn, which copy is set, which colours print). Real
compositions, checked through the brief and the manifest."""

from __future__ import annotations

import random
from typing import Any

from artboard.colors import oklch
from artboard.composer import compose, icons, palettes, parse_prompt
from artboard.composer.arrange import _oriented
from artboard.composer.brief import classify
from artboard.composer.noun_icons import one_icon_for, resolve
from artboard.composer.reading import read
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 7) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _key(noun: str, mode: icons.Mode | None = None) -> str:
    found = resolve(noun, mode)
    assert found is not None, noun
    return found[0].key


def test_a_places_name_after_a_colon_is_its_copy_and_est_does_not_end_the_list() -> None:
    brief = parse_prompt("badge for a national park: Yellowstone, est. 1872, bison and mountains")
    assert brief.texts == ("Yellowstone",) and brief.established == "1872"
    assert "est" not in brief.subjects and {"bison", "mountain"} <= set(brief.subjects)
    # a capitalised word followed by more is a list item, not a name
    assert parse_prompt("menu for an Italian restaurant: Margherita 12, Pepperoni 14").texts == ()


def test_a_relative_clause_names_what_to_draw() -> None:
    brief = parse_prompt("birthday card for a 5 year old boy who loves dinosaurs")
    assert "dinosaur" in brief.subjects and not any("love" in s for s in brief.subjects)
    _svg, info = _compose("birthday card for a 5 year old boy who loves dinosaurs", "4:5")
    assert any("sauropod" in k or "dino" in k or "t-rex" in k for k in info["icons"])


def test_weather_and_times_of_day_are_not_things() -> None:
    things = {t.noun for t in read("a little girl reading a book with her cat on a rainy day").things}
    assert things == {"little girl", "book", "cat"}
    assert {t.noun for t in read("a fox on a sunny morning").things} == {"fox"}
    # a dropped phrase ends the relation chain: the owl is not "at" the moon
    assert read("owl at night, crescent moon").relations == ()
    # "game day" is an event with its theme
    assert [t.noun for t in read("poster for game day").things] == ["game"]


def test_themes_and_vibes_are_drawn_and_purposes_are_not() -> None:
    assert "dinosaur" in parse_prompt("birthday party invitation for Max turning 5, dinosaur theme").subjects
    assert "beach" in parse_prompt('Instagram post "Summer Sale 40% Off", beach vibes, coral and teal').subjects
    pattern = parse_prompt("seamless pattern of tiny stars and moons for kids' pajamas, navy background")
    assert pattern.subjects == ("star", "moon") and pattern.background_color is not None
    logo = parse_prompt('wordmark logo "NORTHBOUND" for an outdoor gear brand, mountain peak, forest green')
    assert logo.subjects == ("mountain peak",)  # an outdoor gear brand's gear is no cog


def test_the_ground_said_beats_a_mood_palette_and_white_paper_takes_no_hue() -> None:
    brief = parse_prompt("seamless pattern of tiny stars and moons for kids' pajamas, navy background")
    scheme = palettes.generate(brief, None, False, random.Random(7))
    assert scheme.background == brief.background_color
    brief = parse_prompt("wedding invitation for Emma and James, sage green and white, eucalyptus")
    scheme = palettes.generate(brief, None, False, random.Random(7))
    sage_hue = oklch(brief.colors[0])[2]
    assert abs(oklch(scheme.surface)[2] - sage_hue) < 30  # a sage tint, not a pink one
    brief = parse_prompt("save the date card, Noah + Ava, 10.12.2025, Lake Como, minimal, black and white")
    assert oklch(palettes.generate(brief, None, False, random.Random(7)).surface)[1] < 0.01


def test_colour_words_read_with_their_partners() -> None:
    brief = parse_prompt("logo for a photography studio called Aperture, camera lens, black and white")
    assert brief.color_names == ("black", "white") and brief.subjects == ("camera lens",)
    brief = parse_prompt("logo for a farm called Sunny Acres, barn and sunflower, yellow and red")
    assert "sunflower" in brief.subjects and "sunflower" not in brief.color_names
    brief = parse_prompt("icon set for a fitness app: dumbbell, water bottle, yoga mat, duotone orange and grey")
    assert brief.color_names == ("orange", "grey") and "duotone orange" not in brief.items


def test_names_with_of_and_names_joined_by_plus_or_ampersand() -> None:
    assert parse_prompt("logo for a law firm Hartwell & Price, scales of justice, navy").subjects == (
        "scales of justice",
    )
    assert "ph:scales" in _key("scales of justice")
    assert parse_prompt("save the date card, Noah + Ava, 10.12.2025, Lake Como").subjects == ()
    # a counted plural is its singular: hearts are no card game, glasses are to drink from
    assert [t.noun for t in read("two hearts").things] == ["heart"]
    assert read("three glasses of wine").things[0].noun == "glass"


def test_icons_named_for_the_sense_meant() -> None:
    assert "blossom" in _key("daisy", "color") and "white-flower" not in _key("daisies", "color")
    assert _key("japan") not in ("mdi:creation", "fef:coat")  # the country, not lacquerware
    assert "paw" in _key("animal shelter")
    assert "package" in _key("box", "fill") and "help" not in _key("box", "fill")
    assert "lifebuoy" in _key("pool float", "fill")
    assert "chat" in _key("speech bubble")
    shield = one_icon_for("shield", "checkmark", "fill")
    assert shield is not None and shield[0].key == "mdi:shield-check"


def test_an_owl_in_glasses_keeps_its_own_face() -> None:
    _svg, info = _compose("mascot logo of an owl wearing glasses for an online tutoring company, Smart Owl")
    assert "mdi:owl" in info["icons"] and "mdi:face-man" not in info["icons"]


def test_a_letter_mark_is_the_letter_framed_beside_the_name() -> None:
    brief = parse_prompt("minimal logo for a fintech startup called Ledgerly, geometric L mark, emerald green")
    assert brief.letters == "L" and brief.texts == ("Ledgerly",)
    _svg, info = _compose("minimal logo for a fintech startup called Ledgerly, geometric L mark, emerald green")
    assert info["layout"] == "horizontal-enclosed" and "Ledgerly" in info["set_texts"]
    # quoted letters are the monogram's own: no caption repeating them
    for prompt in ('monogram "MR" for a luxury menswear label, art deco style', 'interlocking "AB" monogram'):
        assert parse_prompt(prompt).texts == () and parse_prompt(prompt).letters in ("MR", "AB")


def test_the_design_said_first_keeps_its_type() -> None:
    assert classify('horizontal logo for "Northpeak Analytics", mountain peak merged with a bar chart') == "logo"
    assert classify('YouTube thumbnail "I Tried 30 Days of Cold Showers", shocked face emoji, ice cubes') == "banner"
    assert classify("flat vector scene of two people high-fiving in front of a rising chart") == "illustration"
    assert classify("bar chart of revenue") == "infographic" and classify("laughing emoji") == "emoji"


def test_one_change_stat_is_a_big_number_and_charts_are_titled_by_what_they_show() -> None:
    _svg, info = _compose("presentation slide: quarterly revenue up 24%, bar chart", "16:9")
    assert info["layout"] == "infographic-bignum-full" and "24%" in info["set_texts"]
    brief = parse_prompt("pie chart infographic of household budget: rent 35%, food 20%, savings 45%")
    assert brief.texts == ("Household budget",)
    assert parse_prompt("product launch process: research, design, build, launch").texts == ("Product launch process",)


def test_copy_read_from_places_lists_and_names() -> None:
    assert parse_prompt("vintage patch for a surf shop in Malibu, waves and palm tree").texts == ("Malibu",)
    assert parse_prompt("badge for a marathon finisher, Boston 2026, running shoe and laurel").texts == ("Boston",)
    brief = parse_prompt("banner for a bakery: fresh bread every morning, wheat and loaf, brown")
    assert brief.texts == ("Fresh Bread Every Morning",) and {"wheat", "loaf"} <= set(brief.subjects)
    brief = parse_prompt('instagram post announcing "Grand Opening" of Luna Nail Studio, 20% off first visit')
    assert "Luna Nail Studio" in brief.texts
    assert "free" in parse_prompt("flyer for a yoga class in the park, Sundays at 9am, free").phrases
    # an occasion before a thing is the thing
    brief = parse_prompt("icon of a graduation cap on a stack of books, flat")
    assert brief.texts == () and "graduation cap" in brief.subjects
    # a numbered name is copy; elsewhere a phrase with a verb still names the picture
    assert "station" not in parse_prompt("emblem for a fire department, Station 9, axes and helmet").subjects
    assert {"sun", "cloud"} <= set(parse_prompt("weather app icon: sun peeking out from behind a cloud").subjects)


def test_scenes_place_what_flies_sits_under_or_stands_on_a_table() -> None:
    _svg, info = _compose("halloween party poster, October 31, haunted house, bats, purple and orange", "2:3")
    assert info["layout"].startswith("poster-stage-outdoor")
    _svg, info = _compose("seagulls flying over a beach")
    assert all(f["pose"] == "fly" for f in info["scene"]["figures"])
    _svg, info = _compose("cute illustration of a fox reading a book under a mushroom in a forest", "4:5")
    assert any(p["concept"] == "mushroom" and p["how"] == "canopy" for p in info["scene"]["props"])
    _svg, info = _compose("flat illustration of a woman working on a laptop at a cafe table with a plant and coffee")
    on_desk = [p for p in info["scene"]["props"] if p["how"] == "desk"]
    figure = info["scene"]["figures"][0]["box"]
    face_x = (figure[0] + figure[2]) / 2
    assert on_desk and all(abs((p["box"][0] + p["box"][2]) / 2 - face_x) > 20 for p in on_desk)
    _svg, info = _compose("a fox sitting on a hill looking at the moon")
    assert info["scene"]["place"] == "outdoor"
    _svg, info = _compose("a dragon flying over a castle", "16:9")
    assert "fef:castle" in info["icons"]


def test_two_named_colours_both_print_on_a_retro_seal() -> None:
    svg, _info = _compose('retro emblem for a motorcycle club "Desert Wolves MC" with a wolf head, red and black')
    brief = parse_prompt('retro emblem for a motorcycle club "Desert Wolves MC" with a wolf head, red and black')
    red = "#{:02x}{:02x}{:02x}".format(*brief.colors[0])
    assert red in svg.lower()


def test_a_flower_by_name_is_a_flower_and_neckwear_sits_at_the_neck() -> None:
    _svg, info = _compose("logo for a florist called Bloom & Co, peony, blush pink")
    assert not any("peso" in k for k in info["icons"]) and any("flower" in k for k in info["icons"])
    assert _oriented("wearing", "penguin", "scarf")[0] == "neckwear"  # under the face, not on the head
    assert _oriented("wearing", "cat", "crown")[0] == "wearing"
    assert "bills" not in str(
        _compose("icon set of 6 line icons for a banking app: wallet, card, transfer, savings, bills, settings")[1].get(
            "left_out"
        )
    )
