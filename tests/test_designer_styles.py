"""Style movements and print processes named in a prompt, landmarks, recipes, dated events and words in the
wrong sense (the 11th session's contact sheets). Real compositions, checked through the brief and the manifest."""

from __future__ import annotations

import re
from typing import Any

from artboard.composer import compose, noun_icons, parse_prompt, wordnet
from artboard.composer.colour_words import moods_in
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 7) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def test_a_movement_or_print_process_is_a_look_never_a_thing() -> None:
    boho = parse_prompt("boho logo for a candle shop called Sage & Ember, terracotta and cream")
    assert boho.subjects == ("candle",) and "boho" in boho.styles
    nouveau = parse_prompt("art nouveau poster for a perfume called Iris, with flowing hair and irises")
    assert "nouveau" in nouveau.styles and not any("nouveau" in s or s == "art" for s in nouveau.subjects)
    wood = parse_prompt("japanese woodblock print of a great wave with Mount Fuji in the background")
    assert "woodblock" in wood.styles and "woodblock" not in wood.subjects
    assert moods_in("a woodcut poster") == ("woodblock",) and moods_in("an art nouveau label") == ("nouveau",)


def test_a_landmark_is_drawn_not_set_as_a_name() -> None:
    assert wordnet.names_landmark("Mount Fuji") and wordnet.names_landmark("Golden Gate Bridge")
    assert not wordnet.names_landmark("Maple Street") and not wordnet.names_landmark("Sage Ember")
    brief = parse_prompt("japanese woodblock print of a great wave with Mount Fuji in the background")
    assert "mount fuji" in brief.subjects and "Mount Fuji" not in brief.texts
    card = parse_prompt("postcard from Paris with the Eiffel Tower, text 'Bonjour'")
    assert card.subjects == ("eiffel tower",) and "Bonjour" in card.texts


def test_a_compound_names_its_head_not_the_word_before_it() -> None:
    # A pie chart is a chart, a fire truck a truck: neither draws a pie or a fire.
    found = noun_icons.resolve("pie", "glyph")
    assert found is None or "chart" not in found[0].name
    assert noun_icons.resolve("fire", "glyph") is not None
    assert "truck" in noun_icons.resolve("delivery truck", "glyph")[0].name  # type: ignore[index]
    shield = noun_icons.one_icon_for("shield", "check mark", "glyph")
    assert shield is not None and shield[0].name == "shield-check"


def test_a_recipe_card_is_titled_by_its_dish_and_lists_its_ingredients() -> None:
    prompt = "recipe card: grandma's apple pie — apples, sugar, cinnamon, butter, flour"
    assert parse_prompt(prompt).subjects == ("apple pie",)
    _svg, info = _compose(prompt, "2:3")
    assert info["set_texts"][0] == "Grandma's Apple Pie"
    assert {"apples", "sugar", "cinnamon", "butter", "flour"} <= set(info["set_texts"])
    _svg, info = _compose("recipe card for pancakes with ingredients: flour, eggs, milk, butter, syrup", "4:3")
    assert info["subjects"] == ["pancake"] and "syrup" in info["set_texts"]


def test_a_dated_event_after_a_person_is_the_event_and_a_clause_verb_is_no_thing() -> None:
    brief = parse_prompt("story for a bookstore event: author signing Saturday 3pm, warm colors")
    assert brief.event == "Author Signing"
    steps = parse_prompt("infographic: how coffee gets to your cup — grow, harvest, roast, brew")
    assert "coffee get" not in steps.subjects and "coffee" in steps.subjects
    _svg, info = _compose("infographic: how coffee gets to your cup — grow, harvest, roast, brew", "3:2")
    assert any("sprout" in k for k in info["icons"]) and any("fire" in k or "flame" in k for k in info["icons"])


def test_whose_thing_it_is_is_not_a_kind_of_it() -> None:
    from artboard.composer import reading

    assert [t.noun for t in reading.read("grandma's apple pie").things] == ["apple pie"]
    assert [t.noun for t in reading.read("a farmer's market poster").things] == ["farmer"]  # the market's trade


def test_a_feeling_said_after_a_thing_puts_a_face_on_it() -> None:
    svg, info = _compose("emoji of an avocado laughing")
    assert info["icons"] == ["fef:avocado"] and 'id="face"' in svg
    brief = parse_prompt("emoji of a sad ice cream cone melting")
    assert brief.subjects == ("ice cream cone",)  # melting is how it is, not a thing called "cone melting"
    svg, info = _compose("emoji of a sad ice cream cone melting")
    assert "ice-cream" in info["icons"][0] and 'id="face"' in svg


def test_intertwined_letters_take_turns_on_top() -> None:
    from artboard.composer import shapes
    from artboard.composer.canvas import rect_d, ring_d
    from artboard.composer.recipes.monogram import interlace

    def area(d: str) -> float:
        return abs(sum(c.area for c in shapes.to_path(d).contours)) if d else 0.0

    ring, bar = ring_d(100, 100, 60, 45), rect_d(20, 92, 160, 16)
    woven_ring, woven_bar = interlace([ring, bar], 2.0)
    assert area(shapes.intersect(woven_ring, woven_bar)) < 1.0  # no crossing is painted twice
    assert area(woven_ring) < area(ring) - 100 and area(woven_bar) < area(bar) - 100  # each lies under once
    _svg, info = _compose("monogram logo with the letters A and K intertwined, gold on black")
    assert info["set_texts"] == ["A", "K"]  # woven, not set apart with an ampersand
    assert parse_prompt("overlapping letters T and C monogram in a circle").subjects == ("circle",)


def test_a_mascot_is_drawn_in_colour_with_what_it_holds() -> None:
    _svg, info = _compose("mascot for a robotics team, a friendly robot holding a wrench, blue and silver")
    assert info["layout"].startswith("mascot-disc") and {"fef:robot", "fef:wrench"} <= set(info["icons"])
    svg, info = _compose("mascot logo for a coffee shop called Bean There, a smiling coffee bean")
    assert info["layout"].startswith("mascot-disc") and "Bean There" in info["set_texts"] and 'id="face"' in svg
    # a fixed palette keeps the one-ink mark
    _svg, info = _compose("mascot logo of a bee for Honey Hive Daycare")
    palette = compose(make_spec("mascot logo of a bee for Honey Hive Daycare", format="svg",
                                palette=["#222222", "#ffcc00", "#ffffff"]), seed=7)[1]  # fmt: skip
    assert info["layout"].startswith("mascot") and not palette["layout"].startswith("mascot")


def test_a_band_or_team_name_gives_its_poster_a_picture() -> None:
    brief = parse_prompt('concert poster for "The Midnight Owls" live at the Blue Room, May 3, dark and moody')
    assert brief.subjects[0] == "owls"
    banner = parse_prompt('linkedin banner for a data scientist, "Turning data into decisions", charts and graphs')
    assert banner.design_type == "banner"  # the charts are on the banner, not the design


def test_a_technique_named_in_two_words_is_a_look() -> None:
    assert set(parse_prompt("paper cut style illustration of a forest with deer").subjects) == {"deer", "forest"}
    assert parse_prompt("a low poly fox").subjects == ("fox",)
    assert parse_prompt("y2k style sticker of a butterfly, chrome and pink").subjects == ("butterfly",)
    venue = parse_prompt("stained glass style logo of a rose, for a chapel wedding venue")
    assert venue.design_type == "logo" and venue.subjects == ("rose",)
    assert parse_prompt("wedding invitation for Emma & Liam").design_type == "card"


def test_panel_g_reading_fixes() -> None:
    from artboard.composer import brands

    # a platform named as where the design goes is no mark to draw on it
    assert brands.said_in("LinkedIn banner for a data analyst") is None
    assert brands.said_in("banner with the Instagram logo") is not None
    # "doodle icons for a bakery menu: …" is an icon set, not a menu card
    assert (
        parse_prompt("hand-drawn doodle icons for a bakery menu: croissant, cupcake, donut").design_type == "icon_set"
    )
    assert parse_prompt("infographic with icons for each step: plant, water, harvest").design_type == "infographic"
    logo = parse_prompt(
        'elegant logo for a wedding photographer "Amelia Rowe Photography", gold script, camera aperture'
    )
    assert "script" in logo.styles and logo.text_color is not None and logo.subjects == ("camera aperture",)
    thumb = parse_prompt('YouTube thumbnail "I Built a Tiny House" with a tiny wooden house, bold yellow text')
    assert thumb.on_dark  # light lettering asked: a dark ground for it to read on
    card = parse_prompt("birthday invitation for Lily's 6th birthday, unicorn theme, Saturday May 10, 2pm")
    assert card.texts[0] == "Lily's 6th Birthday"
    hero = parse_prompt('hero banner for "SunPeak Energy", sunny rooftop with solar panels, "Power your home"')
    assert "sunny rooftop with solar panels" not in hero.phrases  # a picture described, not copy
    gig = parse_prompt('concert poster for punk band "The Rust Saints" with opening act Static Mary, Oct 3')
    assert "Static Mary" in gig.texts and not any("act" in s for s in gig.subjects)


def info_icon(key: str) -> Any:
    from artboard.composer import icons

    return icons.get_icon(key)


def test_a_label_sets_what_it_holds_and_wings_spread_from_a_thing() -> None:
    _svg, info = _compose('label for homemade strawberry jam "Grandma\'s Kitchen", gingham pattern, red and white')
    assert "STRAWBERRY JAM" in info["set_texts"]
    _svg, info = _compose('emblem for a motorcycle club "Iron Vultures MC" with a skull and wings, black and red')
    assert info["icons"].count("fe:wing") == 2  # a pair spread from the skull, not one wing beside it
    _svg, info = _compose("sticker of a heart with wings, pastel")
    assert info["icons"].count("fef:wing") == 2
    from artboard.composer.arrange import Placed, _winged
    from artboard.composer.group_mark import place_matrix

    wings = _winged(
        [
            Placed("heart", info_icon("fef:red-heart"), 0.5, 0.5, 0.5),
            Placed("wings", info_icon("fef:wing"), 0.8, 0.5, 0.3),
        ]
    )
    left, right, body = wings
    assert left.flip and not right.flip and body.concept == "heart" and left.x < body.x < right.x
    assert place_matrix(left)[0] < 0 < place_matrix(right)[0]  # the left wing drawn mirrored
    assert noun_icons.resolve("wings", "color")[0].name == "wing"  # type: ignore[index]  # not money with wings


def test_a_travel_poster_is_a_view_of_the_place() -> None:
    svg, info = _compose("vintage travel poster for Lake Como, Italy, art deco style, boats and mountains", "2:3")
    assert info["layout"] == "poster-deco" and 'id="view"' in svg  # the landscape painted inside the arch
    assert "Lake Como" in info["set_texts"]
    for seed in (1, 2, 3):
        _svg, info = _compose("travel poster for Iceland, northern lights over mountains", "2:3", seed=seed)
        assert info["layout"].startswith(("poster-scene", "poster-deco")), info["layout"]


def test_a_line_icon_is_drawn_in_a_fine_line_of_the_whole_compound() -> None:
    svg, info = _compose("line art icon of a lighthouse, black on white")
    widths = [float(x) for x in re.findall(r'stroke-width="([\d.]+)"', svg)]
    assert info["icons"] == ["lucide:lighthouse"] and widths and max(widths) <= 1.3  # lucide's 2 units, thinned
    _svg, info = _compose("line icon of a coffee cup")
    assert info["icons"] == ["lucide:coffee"]  # the coffee cup, not a soda cup found by its head noun


def test_a_thing_that_does_what_people_do_is_a_character() -> None:
    svg, info = _compose("sticker of a cute avocado doing yoga, flat style")
    assert info["icons"] == ["fef:avocado"] and 'id="face"' in svg  # not an avocado beside a man in lotus pose
    svg, info = _compose("a taco playing guitar sticker")
    assert {"fef:taco", "fef:guitar"} <= set(info["icons"]) and 'id="face"' in svg
    svg, _info = _compose("emoji of a cactus meditating")
    assert 'id="face"' in svg
    svg, _info = _compose("sticker of a candle burning")
    assert 'id="face"' not in svg  # burning is what a candle does, not a character's act
    _svg, info = _compose("sticker of a woman doing yoga")
    assert info["icons"] == ["fef:woman-in-lotus-position"]


def test_panel_h_reading_fixes() -> None:
    assert parse_prompt("emoji of a laughing avocado, apple emoji style").subjects == ("avocado",)
    svg, info = _compose("emoji of a laughing avocado, apple emoji style")
    assert info["icons"] == ["fef:avocado"] and 'id="face"' in svg
    _svg, info = _compose('t-shirt design "Coffee First" with a steaming coffee mug, vintage distressed, brown')
    assert "fef:hot-beverage" in info["icons"]  # the steaming mug is the hot drink, steam and all


def test_a_colorful_icon_set_without_colour_art_for_every_item_is_many_colours() -> None:
    svg, info = _compose("icon set of 4 weather icons: sun, rain, snow, storm, flat colorful")
    inks = set(re.findall(r'<g id="icon-\d+"[^>]*fill="(#[0-9a-f]{6})"', svg))
    assert len(info["icons"]) == 4 and len(inks) >= 3, inks  # not one hot pink for the whole family
    svg, _info = _compose("set of 4 line icons: home, search, profile, settings")
    strokes = set(re.findall(r'<g id="icon-\d+"[^>]*stroke="(#[0-9a-f]{6})"', svg))
    assert len(strokes) <= 1  # a plain set stays one ink
