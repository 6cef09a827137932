"""What the 14th session's contact sheets found: a sticker's outline drawn as a disc inside it, acts and weather a
thing does left undrawn, steps after a dash dropped, pictures a designer expects for dunes, ponds, blossoms, the
sea floor, fireworks and a rocky coast. Real compositions, checked through the brief, the manifest and the SVG."""

from __future__ import annotations

import re
from typing import Any

from artboard.composer import compose, parse_prompt, reading
from artboard.composer.arrange import _oriented
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 4) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _drawn(info: dict[str, Any]) -> set[str]:
    return {d["concept"] for d in info.get("drawn", [])}


def test_a_shape_before_the_design_word_is_its_outline() -> None:
    brief = parse_prompt("avocado surfing circle sticker")
    assert "circle" not in brief.subjects
    for seed in (1, 2, 3):
        _svg, info = _compose("avocado surfing circle sticker", seed=seed)
        assert "circle" in info["layout"] and "mdi:circle" not in info["icons"], info
    assert "circle" not in parse_prompt("t-shirt design: mountain landscape in a circle").subjects


def test_a_thing_said_right_before_an_act_does_it() -> None:
    things = {t.noun: t for t in reading.read("avocado surfing circle sticker").things}
    assert things["avocado"].doing == "surfing"
    _svg, info = _compose("avocado surfing circle sticker")
    assert "abc:surfboard" in info["icons"] and "fef:avocado" in info["icons"]
    # whoever acts first keeps the act: a family sitting on a blanket, watching
    things = {t.noun: t for t in reading.read("a family sitting on a blanket watching").things}
    assert things["family"].doing == "watching" and not things["blanket"].doing


def test_weather_a_thing_is_doing_is_its_picture() -> None:
    _svg, info = _compose("grumpy cloud raining, cute sticker")
    assert info["icons"] == ["fef:cloud-with-rain"]
    assert parse_prompt("a snowing cloud emoji").subjects[0] == "cloud with snow"


def test_compound_food_words_keep_their_sense() -> None:
    _svg, info = _compose("kawaii sushi roll sticker with a happy face")
    assert "fef:sushi" in info["icons"] and "mdi:movie-roll" not in info["icons"]


def test_engraving_and_embroidery_are_looks_not_things() -> None:
    assert parse_prompt("engraving of an owl on a branch").subjects == ("owl", "branch")
    assert parse_prompt("embroidery patch of a bee").subjects == ("bee",)
    _svg, info = _compose("engraving of an owl on a branch")
    assert not any("paw" in key for key in info["icons"])


def test_steps_after_a_dash_are_the_infographics_steps_with_their_tools() -> None:
    prompt = "infographic: 4 steps to plant a tree — dig a hole, place the sapling, fill with soil, water it"
    assert parse_prompt(prompt).items == ("dig a hole", "place the sapling", "fill with soil", "water it")
    _svg, info = _compose(prompt, "3:4")
    assert {"dig a hole", "water it"} <= set(info["set_texts"])
    assert "mdi:shovel" in info["icons"] and "mdi:sprout" in info["icons"]
    assert "cards" in info["layout"]  # a squarish body: cards, not a thin row of circles
    # a dash before words about the look is still no list
    assert parse_prompt("portfolio banner for Mia Chen — Product Designer, minimal shapes, dusty blue").items == ()


def test_a_held_third_thing_is_in_the_holders_hands() -> None:
    _svg, info = _compose("cute sticker of a sloth hanging from a branch holding a coffee cup", seed=5)
    assert "fef:sloth" in info["icons"] and "fef:hot-beverage" in info["icons"]
    assert not info.get("left_out")


def test_a_thing_given_its_own_colour_leaves_the_others_natural() -> None:
    svg, _info = _compose("seamless pattern of strawberries and white flowers on a pink background", seed=5)
    fills = {tuple(int(h[i : i + 2], 16) for i in (0, 2, 4)) for h in re.findall(r'fill="#([0-9a-f]{6})"', svg)}
    assert any(r > 170 and g < 110 and b < 110 for r, g, b in fills), fills  # the strawberries are red


def test_a_mood_word_said_as_a_thing_is_drawn() -> None:
    brief = parse_prompt('greeting card "Happy Retirement, Linda!" with a beach chair and a sunset')
    assert "sunset" in brief.subjects
    assert "sunset" not in parse_prompt("retro sunset sticker").subjects[1:]


def test_dunes_ponds_and_blossoms_are_their_own_backgrounds() -> None:
    for prompt, layout, concept in (
        ("sand dunes phone wallpaper at sunset", "background-dunes", "dunes"),
        ("desert landscape desktop background, minimal", "background-dunes", "dunes"),
        ("koi pond phone wallpaper with lily pads", "background-pond", "koi"),
        ("desktop wallpaper, koi fish swimming among water lilies, calm", "background-pond", "lily pad"),
        ("phone wallpaper of cherry blossoms against a pale blue sky", "background-blossom", "blossom"),
    ):
        _svg, info = _compose(prompt, "9:16")
        assert info["layout"] == layout and concept in _drawn(info), (prompt, info["layout"])


def test_sea_creatures_swim_under_the_sea() -> None:
    for prompt in ("an octopus under the sea, flat illustration", "a sea turtle and a clownfish swimming together"):
        _svg, info = _compose(prompt, "16:9")
        assert info["layout"] == "stage-underwater" and "sea" in _drawn(info), prompt
    _svg, info = _compose("a school of fish swimming around a coral reef")
    assert info["icons"].count("fef:fish") == 4
    _svg, info = _compose("children's book cover about a whale in the ocean", "2:3")
    assert "underwater" not in info["layout"]  # a whale is seen at the surface


def test_fireworks_are_bursts_in_a_night_sky() -> None:
    _svg, info = _compose('harbour fireworks festival poster "Lights on the Water" July 4', "2:3")
    assert info["layout"] == "poster-fireworks"
    assert {"fireworks", "water"} <= _drawn(info) and "Lights on the Water" in info["set_texts"]
    _svg, info = _compose("fourth of july fireworks show at Lakeside Park, 9:30pm, free entry", "9:16")
    assert info["layout"] == "poster-fireworks" and "Lakeside Park" in info["set_texts"]


def test_a_figure_in_a_pose_is_drawn_in_it() -> None:
    brief = parse_prompt('logo for a yoga studio "Lotus Flow" with a woman in a lotus pose, teal')
    assert brief.subjects == ("lotus pose",)
    _svg, info = _compose('logo for a yoga studio "Lotus Flow" with a woman in a lotus pose, teal', seed=5)
    assert info["icons"] == ["mdi:yoga"]


def test_a_flyer_over_a_ground_thing_soars_above_it() -> None:
    assert _oriented("above", "dragon", "castle")[0] == "soaring"
    assert _oriented("above", "moon", "castle")[0] == "above"


def test_a_subject_on_a_rocky_coast_stands_on_rocks_in_the_sea() -> None:
    for seed in (4, 5):
        _svg, info = _compose("a lighthouse on a rocky coast in a storm, dramatic", "4:3", seed=seed)
        if info["layout"].startswith("hero-vignette"):
            assert "coast" in _drawn(info)
            break
    else:
        raise AssertionError("no vignette drawn")


# --- panel N's failures ---------------------------------------------------------------------------------------


def test_a_described_picture_is_never_set_as_copy() -> None:
    brief = parse_prompt(
        'instagram story poster for "Neon Rave 2025", DJ booth with laser lights, Friday Nov 21, Warehouse 9 Berlin'
    )
    assert "DJ booth with laser lights" not in brief.phrases and "Warehouse 9 Berlin" in brief.phrases


def test_a_list_of_milestones_is_a_timeline_titled_by_its_lead() -> None:
    prompt = (
        "timeline infographic of a product launch: Q1 Research, Q2 Design, Q3 Beta, Q4 Launch, horizontal arrows, "
        "clean corporate blue"
    )
    brief = parse_prompt(prompt)
    assert brief.items == ("Q1 Research", "Q2 Design", "Q3 Beta", "Q4 Launch")
    assert brief.texts == ("Product launch",)
    _svg, info = _compose(prompt, "3:4", seed=7)
    assert info["layout"] == "infographic-timeline-across-4"
    assert "horizontal arrows" not in info["set_texts"] and "Research" in info["set_texts"]


def test_counted_stats_are_titled_by_what_they_report_and_keep_their_labels() -> None:
    prompt = (
        "infographic showing 3 stats for a nonprofit annual report: 12,000 meals served, 850 volunteers, "
        "34 cities. big numbers with icons, teal and coral"
    )
    brief = parse_prompt(prompt)
    assert brief.texts == ("Nonprofit annual report",)
    assert brief.figures[0].label == "meals served" and brief.figures[0].text == "12,000"
    _svg, info = _compose(prompt, "16:9", seed=7)
    assert info["layout"].startswith("infographic-stats") and "ph:fork-knife" in info["icons"]


def test_an_invitation_sets_the_venue_in_its_list() -> None:
    _svg, info = _compose(
        'elegant wedding invitation: "Emma & James", September 14, 2025, Villa Rosa, Tuscany, olive branches border',
        "5:4",
        seed=7,
    )
    assert {"Villa Rosa", "Tuscany"} <= set(info["set_texts"])


def test_words_for_kinds_of_things_keep_their_kind() -> None:
    assert parse_prompt("android app icon for a recipe app: a chef's hat and fork").subjects[0] == "chef hat"
    _svg, info = _compose("iOS app icon for a budgeting app, a piggy bank with a coin slot, bright green", seed=7)
    assert info["icons"] == ["mdi:piggy-bank"]
    _svg, info = _compose("t-shirt graphic of a tiger head surrounded by roses, tattoo flash style", seed=7)
    assert "fef:tiger-face" in info["icons"] and "tattoo" not in info.get("left_out", [])
    brief = parse_prompt('laptop sticker of a rubber duck wearing sunglasses, "Debug Mode" lettering')
    assert brief.subjects == ("rubber duck", "sunglasses")
    _svg, info = _compose('laptop sticker of a rubber duck wearing sunglasses, "Debug Mode" lettering', seed=7)
    assert "abc:rubber-duck" in info["icons"] and "fef:laptop" not in info["icons"]


def test_a_shade_named_by_a_thing_is_a_colour_not_a_subject() -> None:
    brief = parse_prompt(
        'poster for "Summer Jazz Nights", July 18, saxophone player silhouette, sunset orange and purple, retro 70s'
    )
    assert brief.subjects == ("saxophone player",) and "orange" in brief.color_names and "70s" in brief.words
    assert parse_prompt("a starry night sky background").subjects == ("night sky",)


def test_a_tech_background_of_nodes_is_a_network_on_the_deep_colour_said() -> None:
    svg, info = _compose(
        "abstract background for a tech presentation, dark blue with glowing network lines and nodes, space on "
        "the left for text",
        "16:9",
        seed=7,
    )
    assert info["layout"] == "background-network" and "network" in _drawn(info)
    assert "#1a2b6b" in svg  # the dark blue said is the ground


def test_named_colours_win_over_a_crafts_default_inks() -> None:
    svg, info = _compose(
        'circular badge emblem for "Pine Ridge Hiking Club, est. 1987", pine trees and mountains, forest green and '
        "cream, vintage engraving style",
        seed=7,
    )
    assert (info.get("finish") == "engraving" and "#2a4d2e" not in svg.lower()) or "#" in svg
    from artboard.colors import oklch

    fills = {h.lower() for h in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg)}
    greens = [h for h in fills if 120 < oklch(tuple(int(h[i : i + 2], 16) for i in (1, 3, 5)))[2] < 170]
    assert greens, fills  # the ink is the forest green said, not the engraver's sepia


def test_a_said_laurel_and_lines_shape_the_design() -> None:
    _svg, info = _compose('award badge "Best Customer Service 2025", gold laurel wreath, ribbon, star at the top')
    assert info["layout"].startswith("badge-laurel") and "mdi:ribbon" not in info["icons"]
    svg, info = _compose("seamless geometric pattern, art deco fans, gold lines on deep emerald green", seed=7)
    assert info["layout"] == "pattern-deco" and "stroke=" in svg


def test_a_card_describing_a_place_pictures_it() -> None:
    _svg, info = _compose(
        'Christmas greeting card "Merry Christmas & Happy New Year" with a snowy cabin, pine trees and falling snow',
        "4:3",
        seed=7,
    )
    assert info["layout"].startswith("card-scene") and "Merry Christmas & Happy New Year" in info["set_texts"]


def test_a_comparison_sets_what_is_said_of_each_side() -> None:
    prompt = "infographic comparing cats vs dogs: cats independent, dogs loyal, cats quiet, dogs playful"
    _svg, info = _compose(prompt, "16:9", seed=8)
    assert info["layout"] == "infographic-compare-2"
    assert {"Cats vs dogs", "independent", "loyal", "quiet", "playful"} <= set(info["set_texts"])


def test_a_reading_nook_is_a_room_with_rain_on_its_window() -> None:
    _svg, info = _compose("phone wallpaper of a cozy reading nook with rain on the window at night", "9:16", seed=8)
    assert info["layout"] == "background-room" and {"window", "rain"} <= _drawn(info)


def test_words_about_photography_are_no_photograph() -> None:
    assert not parse_prompt('poster for a photography workshop "Golden Hour Basics", camera and sun').photographic
    assert not parse_prompt("logo for a wedding photographer").photographic
    assert parse_prompt("professional product photography of a watch").photographic
    assert parse_prompt("a photograph of a mountain lake").photographic
    # a lower-case "sun" before a date is the sun; "Sun, Sept 20" is a Sunday
    brief = parse_prompt('poster for a photography workshop "Golden Hour Basics", camera and sun, Sept 20, 10am')
    assert [d.text for d in brief.details] == ["Sept 20, 10am"] and "sun" in brief.subjects


def test_an_announced_product_is_the_picture() -> None:
    brief = parse_prompt('instagram post for a bakery: "New! Pumpkin Spice Muffins", autumn leaves, orange and brown')
    assert brief.subjects[0] == "pumpkin spice muffin"
    brief = parse_prompt("story: new blog post, how to start a garden, seedlings and a watering can")
    assert brief.subjects == ("seedling", "watering can")


def test_a_scenic_card_is_dressed_in_the_colours_said() -> None:
    prompt = (
        'Christmas greeting card "Merry Christmas & Happy New Year" with a snowy cabin, pine trees and falling '
        "snow, red and dark green"
    )
    assert parse_prompt(prompt).color_names == ("red", "dark green")  # falling snow is snow
    svg, info = _compose(prompt, "4:3", seed=7)
    assert info["layout"].startswith("card-scene") and "fef:hut" in info["icons"]
    assert "#e50000" in svg and "snow" in _drawn(info)


def test_a_mark_with_its_wordmark_below_is_a_combination_mark() -> None:
    prompt = (
        'Logo for "Tidewater Roasters", a coastal coffee company. Minimal wave inside a coffee bean, navy blue and '
        "sand beige, clean sans-serif wordmark below"
    )
    assert parse_prompt(prompt).subjects[:2] == ("wave", "coffee bean")  # the company's trade comes after
    _svg, info = _compose(prompt, seed=7)
    assert info["layout"] != "wordmark-mark" and "ph:coffee-bean-fill" in info["icons"]
    _svg, info = _compose("Wordmark logo for NORTHWIND LOGISTICS, with a small compass star", seed=7)
    assert info["layout"] == "wordmark-mark"


def test_earmuffs_hug_the_head_and_a_scarf_wraps_an_upright_bodys_neck() -> None:
    _svg, info = _compose("a cat wearing earmuffs, sticker", seed=4)
    assert "abc:earmuffs" in info["icons"] and "fef:cat-face" in info["icons"]
    import random

    from artboard.composer import wear_fit
    from artboard.composer.arrange import plan_group
    from artboard.composer.canvas import Canvas
    from artboard.composer.context import Ctx
    from artboard.composer.palettes import scheme_for

    brief = parse_prompt("cute sticker of a penguin wearing a red scarf")
    rng = random.Random(4)
    ctx = Ctx(brief=brief, width=512, height=512, rng=rng, scheme=scheme_for(brief, None, None, False, rng),
              canvas=Canvas(512, 512))  # fmt: skip
    penguin, scarf = plan_group(ctx, "color").placed
    _px0, py0, _px1, py1 = wear_fit.ink_box(penguin)
    _sx0, sy0, _sx1, _sy1 = wear_fit.ink_box(scarf)
    assert py0 + (py1 - py0) * 0.25 < sy0 < py0 + (py1 - py0) * 0.45  # at the neck, under the face


def test_bright_colours_are_a_designers_not_the_screens_primaries() -> None:
    from artboard.colors import oklch
    from artboard.composer.colour_words import colour_value

    green = colour_value("bright green")
    assert green is not None and green != (1, 255, 7) and 0.6 < oklch(green)[0] < 0.82
    assert colour_value("neon green") == (12, 255, 12)  # neon stays neon


def test_the_briefs_own_exclamation_is_no_headline() -> None:
    brief = parse_prompt(
        'Flyer for a community yard sale! Saturday May 3rd, 9am–2pm, 42 Elm Street. Text: "Everything Must Go"'
    )
    assert brief.texts == ("Everything Must Go",) and "Flyer for a community yard sale!" not in brief.phrases
    assert "Free yoga in the park!" in parse_prompt("Free yoga in the park! Sunday 9am, bring a mat, poster").phrases


def test_what_a_creature_wears_with_and_is_worn_in_a_scene() -> None:
    _svg, info = _compose("penguin wearing a scarf and earmuffs, flat illustration", seed=4)
    worn = [p for p in info["scene"]["props"] if p.get("how") == "worn"]
    assert {p["concept"] for p in worn} >= {"scarf", "earmuff"}, info["scene"]["props"]


def test_a_wordmark_said_as_a_marks_lettering_keeps_the_mark() -> None:
    prompt = (
        "minimal logo for a bike repair shop called SPOKE WORKS, wrench crossed with a bicycle wheel, black and "
        "safety orange, bold sans serif wordmark"
    )
    assert "safety orange" in parse_prompt(prompt).color_names
    _svg, info = _compose(prompt, seed=7)
    assert info["layout"] != "wordmark-mark" and "mdi:wrench" in info["icons"]


def test_hard_hats_and_asides() -> None:
    _svg, info = _compose(
        "Mascot character for a hardware store: a friendly beaver wearing a yellow hard hat, full body", seed=7
    )
    assert any(k.startswith("abc:hard-hat") for k in info["icons"])
    brief = parse_prompt("a smiling ice cream cone with three scoops (strawberry, vanilla, mint), sticker")
    assert "strawberry" not in brief.subjects and "mint" not in brief.subjects


def test_icon_set_members_the_lexicon_knows_as_phrases() -> None:
    from artboard.composer.icon_lookup import find_member

    drawn = {item: find_member(item, item, "line") for item in ("gift box", "recycling arrows", "chart going up")}
    assert {k: m.icon.name for k, m in drawn.items() if m} == {
        "gift box": "gift",
        "recycling arrows": "recycle",
        "chart going up": "trending-up",
    }


def test_a_single_aside_is_the_picture_and_rain_stays_drawn() -> None:
    assert "paper plane" in parse_prompt("send icon (paper plane), filled, white on a purple circle").subjects
    _svg, info = _compose("cinematic photo of Tokyo streets at night in the rain, neon reflections", "16:9", seed=1)
    assert "rain" in _drawn(info)
