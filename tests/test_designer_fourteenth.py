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
