"""The prompt reader's colour vocabulary: names, modifiers, things, backgrounds, moods, and the data build."""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from artboard.colors import RGB, oklch
from artboard.composer.colour_words import (
    MODIFIERS,
    ColourMention,
    apply_modifier,
    colour_value,
    find_colours,
    mood_palette,
    moods_in,
    natural_colour,
)

ROOT = Path(__file__).resolve().parent.parent


def one(text: str) -> ColourMention:
    found = find_colours(text)
    assert len(found) == 1, found
    return found[0]


def hue_between(rgb: RGB, low: float, high: float) -> bool:
    return low <= oklch(rgb)[2] <= high


def value(text: str) -> RGB:
    rgb = colour_value(text)
    assert rgb is not None, text
    return rgb


# --- designer values ---------------------------------------------------------------------------------------


def test_deep_brown_is_a_dark_brown_not_brick_red() -> None:
    m = one("deep brown")
    assert (m.name, m.modifiers, m.text) == ("brown", ("deep",), "deep brown")
    lightness, chroma, hue = oklch(m.rgb)
    assert lightness < 0.4
    assert 45 <= hue <= 80, hue  # brown; red sits near 25-30
    assert chroma > 0.03
    assert m.rgb != (165, 42, 42)


def test_navy_is_a_dark_blue() -> None:
    for text in ("navy", "navy blue"):
        lightness, chroma, hue = oklch(value(text))
        assert lightness < 0.4 and chroma > 0.03 and 240 <= hue <= 280, text
    assert value("navy") != (0, 0, 128)


def test_gold_is_metallic_gold() -> None:
    assert value("gold") == (0xD4, 0xAF, 0x37)
    assert value("metallic gold") == (0xD4, 0xAF, 0x37)
    assert one("metallic silver").modifiers == ("metallic",)


@pytest.mark.parametrize(
    ("text", "low", "high", "light"),
    [
        ("terracotta", 30, 50, (0.5, 0.75)),
        ("dusty rose", 0, 30, (0.55, 0.8)),
        ("millennial pink", 0, 45, (0.8, 0.95)),
        ("mustard", 75, 100, (0.65, 0.85)),
        ("sage", 110, 150, (0.6, 0.8)),
        ("cream", 70, 110, (0.9, 1.0)),
        ("forest green", 130, 160, (0.25, 0.6)),
        ("terra cotta", 30, 50, (0.5, 0.75)),
    ],
)
def test_designer_words(text: str, low: float, high: float, light: tuple[float, float]) -> None:
    rgb = value(text)
    assert hue_between(rgb, low, high), (text, oklch(rgb))
    assert light[0] <= oklch(rgb)[0] <= light[1], (text, oklch(rgb))


def test_designer_compounds_are_names() -> None:
    assert one("dusty rose").name == "dusty rose" and one("dusty rose").modifiers == ()
    assert one("rose gold").name == "rose gold"
    assert one("millennial pink").name == "millennial pink"
    assert oklch(value("millennial pink"))[1] < 0.07  # greyed, not a candy pink


def test_sage_and_cream_are_two_colours() -> None:
    sage, cream = find_colours("sage and cream")
    assert (sage.name, cream.name) == ("sage", "cream")
    assert not sage.thing and not cream.thing
    assert oklch(sage.rgb)[1] < 0.08 and oklch(cream.rgb)[0] > 0.9


# --- forms -------------------------------------------------------------------------------------------------


def test_hyphen_forms() -> None:
    m = one("navy-blue")
    assert (m.text, m.name, m.rgb) == ("navy-blue", "navy blue", value("navy"))
    assert one("sky-blue").name == "sky blue"
    bg = one("blue-green")
    assert bg.text == "blue-green" and hue_between(bg.rgb, 150, 220)
    assert one("light-blue").rgb == one("light blue").rgb


def test_two_basic_hues_with_a_hyphen_meet_in_the_middle() -> None:
    m = one("blue-pink")  # not a survey name: the OKLab midpoint
    assert (m.name, m.text) == ("blue pink", "blue-pink")
    assert hue_between(m.rgb, 280, 340), oklch(m.rgb)
    assert [x.name for x in find_colours("blue pink")] == ["blue", "pink"]  # without the hyphen, two colours
    assert one("coffee brown").rgb == value("coffee")  # a kind of brown: coffee's value
    assert [x.name for x in find_colours("gold black")] == ["gold", "black"]  # gold is no black


def test_hex_and_rgb() -> None:
    m = one("use #ff8800 for the title")
    assert (m.name, m.rgb, m.text) == ("#ff8800", (255, 136, 0), "#ff8800")
    assert one("#F80").rgb == (255, 136, 0)
    r = one("rgb(10, 20, 30)")
    assert (r.rgb, r.name, r.start, r.end) == ((10, 20, 30), "#0a141e", 0, 15)
    assert find_colours("#ff88") == [] and find_colours("a#ff8800") == []


def test_ish_forms_are_softened_hues() -> None:
    greenish = one("greenish")
    assert greenish.name == "green" and greenish.modifiers == ("ish",)
    assert hue_between(greenish.rgb, 120, 170)
    assert oklch(greenish.rgb)[1] < oklch(value("green"))[1]
    assert one("bluish").name == "blue" and one("reddish").name == "red"
    assert one("green-ish").rgb == greenish.rgb


def test_combinations() -> None:
    assert [m.name for m in find_colours("blue and gold")] == ["blue", "gold"]
    assert [m.name for m in find_colours("black & white")] == ["black", "white"]
    assert [m.name for m in find_colours("black-and-white photo")] == ["black", "white"]
    assert [m.name for m in find_colours("red, white and blue")] == ["red", "white", "blue"]


def test_longest_name_wins_and_each_character_is_read_once() -> None:
    assert one("navy blue").name == "navy blue"
    light_blue = one("light blue")
    assert (light_blue.name, light_blue.modifiers) == ("blue", ("light",))
    assert light_blue.rgb == (0x95, 0xD0, 0xFC)  # the survey's own "light blue", not a computed one
    found = find_colours("navy blue and light blue")
    assert [m.text for m in found] == ["navy blue", "light blue"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_whole_words_only() -> None:
    assert find_colours("a bred horse") == []
    assert [m.name for m in find_colours("tangerine")] == ["tangerine"]
    assert find_colours("standing redwoods") == []
    assert find_colours("3d render") == []


def test_case_spans_and_grey_spellings() -> None:
    text = "A logo in Navy Blue"
    m = one(text)
    assert text[m.start : m.end] == "Navy Blue" == m.text
    assert value("gray") == value("grey") and value("dark gray") == value("dark grey")


def test_modifier_without_survey_phrase_is_computed() -> None:
    m = one("muted teal")
    assert (m.name, m.modifiers) == ("teal", ("muted",))
    assert oklch(m.rgb)[1] < oklch(value("teal"))[1]
    soft = one("soft pastel pink")
    assert soft.modifiers == ("soft", "pastel") and soft.name == "pink"


# --- things and grounds ------------------------------------------------------------------------------------


def test_thing_or_colour() -> None:
    assert one("a lemon").thing is True
    assert one("lemon yellow").thing is False
    assert [m.thing for m in find_colours("in lemon and mint")] == [False, False]
    assert [m.thing for m in find_colours("a lemon and a lime")] == [True, True]
    assert one("lemon-coloured walls").thing is False
    assert one("a pale lemon").thing is False  # a modifier makes it a colour
    assert [m.thing for m in find_colours("navy and lemon")] == [False, False]
    assert one("a cup of coffee").thing is True
    assert one("navy").thing is False


def test_backgrounds() -> None:
    m = one("bright yellow background")
    assert (m.name, m.background, m.text) == ("yellow", True, "bright yellow")
    assert hue_between(m.rgb, 95, 115)
    white, black = find_colours("white text on black")
    assert (white.background, black.background) == (False, True)
    assert one("logo on navy").background
    assert one("on a navy background").background
    assert one("background in sage").background
    assert one("background: #ff8800").background
    assert one("a charcoal backdrop").background
    assert all(m.background for m in find_colours("blue and gold background"))
    red, blue = find_colours("a red car on a blue road")
    assert not red.background and not blue.background
    assert not one("a lemon on the table").background


# --- modifiers ---------------------------------------------------------------------------------------------

SAMPLES: list[RGB] = [(101, 55, 0), (3, 67, 223), (229, 0, 0), (21, 176, 26), (128, 128, 128), (255, 128, 192)]


@pytest.mark.parametrize("rgb", SAMPLES)
def test_modifiers_are_monotone(rgb: RGB) -> None:
    lightness, chroma, _ = oklch(rgb)
    assert oklch(apply_modifier(rgb, "light"))[0] > lightness
    assert oklch(apply_modifier(rgb, "pale"))[0] > lightness
    assert oklch(apply_modifier(rgb, "dark"))[0] < lightness
    assert oklch(apply_modifier(rgb, "deep"))[0] < lightness
    if chroma > 0.02:
        assert oklch(apply_modifier(rgb, "muted"))[1] < chroma
        assert oklch(apply_modifier(rgb, "dusty"))[1] < chroma
        assert abs(oklch(apply_modifier(rgb, "dark"))[2] - oklch(rgb)[2]) < 6  # hue kept
    twice = apply_modifier(apply_modifier(rgb, "light"), "light")
    assert oklch(twice)[0] > oklch(apply_modifier(rgb, "light"))[0]
    assert apply_modifier(rgb, "darker") == apply_modifier(rgb, "dark")


def test_every_modifier_runs_and_neon_is_vivid() -> None:
    for name in MODIFIERS:
        out = apply_modifier((120, 90, 160), name)
        assert all(0 <= c <= 255 for c in out)
    assert oklch(apply_modifier((21, 176, 26), "neon"))[1] > 0.25
    assert oklch(apply_modifier((150, 150, 150), "warm"))[2] < 120  # a warm grey leans yellow-orange
    with pytest.raises(ValueError):
        apply_modifier((1, 2, 3), "sparkly")


def test_colour_value() -> None:
    assert value("deep brown") == one("deep brown").rgb
    assert value("  Dusty Rose ") == one("dusty rose").rgb
    assert value("#f80") == (255, 136, 0)
    assert colour_value("not a colour") is None
    assert colour_value("red car") is None
    assert colour_value("red and blue") is None


# --- natural colours ---------------------------------------------------------------------------------------


def test_natural_colours() -> None:
    lemons = natural_colour("lemons")
    assert lemons is not None and hue_between(lemons, 95, 115) and oklch(lemons)[0] > 0.85
    for noun, low, high in [
        ("tomatoes", 20, 40),
        ("grass", 120, 150),
        ("sky", 220, 260),
        ("fire", 30, 55),
        ("cherries", 0, 30),
        ("leaves", 110, 150),
        ("bananas", 90, 110),
        ("oranges", 40, 70),
    ]:
        rgb = natural_colour(noun)
        assert rgb is not None and hue_between(rgb, low, high), (noun, rgb and oklch(rgb))
    coal = natural_colour("coal")
    assert coal is not None and oklch(coal)[0] < 0.3
    assert natural_colour("snow") is not None and oklch(natural_colour("snow") or (0, 0, 0))[0] > 0.95
    assert natural_colour("sun") is not None
    assert natural_colour("spreadsheet") is None


# --- moods -------------------------------------------------------------------------------------------------

MOODS = (
    "pastel muted earthy neon monochrome warm cool vibrant autumn winter spring summer ocean forest desert sunset "
    "retro vintage corporate luxury playful dark light candy tropical nordic boho kids halloween christmas "
    "valentine eco"
).split()


def test_mood_palettes_exist_and_differ() -> None:
    palettes = {mood: mood_palette(mood) for mood in [*MOODS, "jewel tones"]}
    for mood, palette in palettes.items():
        assert palette is not None and 4 <= len(palette) <= 6, mood
        assert len(set(palette)) == len(palette)
        lightness = [oklch(c)[0] for c in palette]
        assert max(lightness) - min(lightness) >= 0.4, mood
    assert len({p for p in palettes.values()}) == len(palettes)
    assert mood_palette("Scandinavian") == mood_palette("nordic")
    assert mood_palette("jewel-toned") == mood_palette("jewel tones")
    assert mood_palette("airy") == mood_palette("light")
    assert mood_palette("beige") is None


def test_moods_in() -> None:
    moods = moods_in("A pastel, Scandinavian nursery; jewel-toned accents")
    assert moods == ("pastel", "nordic", "kids", "jewel tones")
    assert moods_in("pastel pink and dark blue") == ()
    assert moods_in("dark mode dashboard in dark blue") == ("dark",)
    assert moods_in("an ocean scene") == ("ocean",)
    assert moods_in("ocean blue waves") == ()
    assert moods_in("a cool logo, light bulb") == ()
    assert moods_in("fall colors for a halloween party") == ("autumn", "halloween")


# --- data and its build ------------------------------------------------------------------------------------


def _data(name: str) -> bytes:
    return resources.files("artboard").joinpath("data", "colours", name).read_bytes()


def test_shipped_data_is_sorted_and_compact() -> None:
    for name in ("names.json", "moods.json"):
        raw = _data(name)
        assert raw == (json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")) + "\n").encode()
    names = json.loads(_data("names.json"))
    assert 900 <= len(names["names"]) <= 1200
    assert set(names["things"]) <= set(names["names"])
    assert {"lemon", "coffee", "sky", "olive", "salmon", "cream", "rust"} <= set(names["things"])
    assert "shit" not in names["names"] and "dark" not in names["names"]
    assert all("gray" not in n for n in names["names"])


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_colour_names", ROOT / "tools" / "build_colour_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_colour_names", module)
    spec.loader.exec_module(module)
    return module


def test_build_script_knows_the_reader_modifiers() -> None:
    assert set(MODIFIERS) == set(_build_module().MODIFIER_WORDS)
    assert _build_module().check_palettes() == []


def test_build_is_deterministic(tmp_path: Path) -> None:
    build = _build_module()
    source = build.find_xkcd_source()
    if source is None:
        pytest.skip("no xkcd source: set ARTBOARD_XKCD_SOURCE to a matplotlib wheel (or install matplotlib)")
    outputs = []
    for run in ("one", "two"):
        assert build.main(["--xkcd", str(source), "--out", str(tmp_path / run)]) == 0
        outputs.append({n: (tmp_path / run / n).read_bytes() for n in ("names.json", "moods.json")})
    assert outputs[0] == outputs[1]
    assert outputs[0] == {n: _data(n) for n in ("names.json", "moods.json")}  # the shipped files are this build


def _scheme(prompt: str) -> Any:
    import random

    from artboard.composer.brief import parse
    from artboard.composer.palettes import scheme_for

    return scheme_for(parse(prompt), None, None, False, random.Random(1))


def test_a_light_named_colour_keeps_its_value_on_a_dark_ground() -> None:
    # Darkening gold to read on cream turned it into another colour; a designer changes the ground instead.
    gold = colour_value("gold")
    for prompt in ("Gold trophy icon", "logo for a bakery, mustard yellow", "Monogram TB, art deco, gold"):
        scheme = _scheme(prompt)
        assert scheme.background is not None and oklch(scheme.background)[0] < 0.3, prompt
    assert _scheme("Gold trophy icon").primary == gold


def test_white_or_a_very_light_third_colour_is_the_ground() -> None:
    assert _scheme("barbershop logo for Sharp & Sons, black and white, vintage").background == (255, 255, 255)
    yellow = colour_value("yellow")
    assert _scheme("taco logo for Los Primos, red green and yellow").background == yellow


def test_a_chosen_ground_keeps_a_named_colour_that_still_shows() -> None:
    gold = colour_value("gold")
    assert _scheme("wedding monogram E & J with a laurel wreath, gold on ivory").primary == gold


def test_a_colour_right_before_a_things_name_describes_the_thing() -> None:
    apple = [m for m in find_colours("a red apple icon") if m.name == "apple"]
    assert apple and apple[0].thing
    assert not find_colours("lemon yellow and mint")[0].thing  # a compound colour stays a colour
    assert [m.thing for m in find_colours("a lemon and a lime")] == [True, True]


def test_a_colours_modifier_is_no_mood_and_dark_named_colours_stay_themselves() -> None:
    from artboard.composer.brief import parse

    assert "dark" not in parse("security icon — padlock inside a shield, dark blue").moods
    assert _scheme("security icon — padlock inside a shield, dark blue").primary == colour_value("dark blue")
    kraft = parse("candle label, scent: Fig & Cedar, 8 oz, minimal, black on kraft")
    assert kraft.background_color == colour_value("kraft")
    # "dark green and gold": the dark one is the ground, gold shows at its own value on it.
    oil = _scheme("olive oil label for Casa Verde, olive branch, dark green and gold")
    assert oil.background == colour_value("dark green") and oil.primary == colour_value("gold")
