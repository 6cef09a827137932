"""Marks: icon sets (how many glyphs, which ones), and the single-glyph prompts that only look like sets."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

from artboard.composer import compose, parse_prompt
from artboard.spec import make_spec
from artboard.svgsafe import check_svg


def _compose(prompt: str, seed: int = 1, **kw: Any) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", **kw), seed=seed)


@pytest.mark.parametrize(
    ("prompt", "count", "theme"),
    [
        ("set of 6 icons for a fitness app", 6, {"dumbbell", "heart"}),
        ("icon pack for weather", 9, {"cloud", "sun", "umbrella"}),
        ("e-commerce icon set", 9, {"shopping", "store", "bag"}),
        ("finance icon set", 9, {"coins", "wallet", "piggy"}),  # "finance" reads as a style word: still the theme
        ("fintech icons, set of 8 icons", 8, {"wallet", "credit"}),
    ],
)
def test_icon_sets_are_full_and_on_theme(prompt: str, count: int, theme: set[str]) -> None:
    svg, info = _compose(prompt)
    check_svg(svg)
    assert info["type"] == "icon_set"
    keys: list[str] = info["icons"]
    assert len(keys) == count, keys
    names = [key.split(":", 1)[1] for key in keys]
    assert len(set(names)) == len(names)
    assert all(not name.endswith(("-plus", "-minus", "-off", "-x")) for name in names), names  # no status variants
    words = [word for name in names for word in name.split("-")]
    assert max(words.count(word) for word in set(words)) <= 2, names  # no theme drowned in one word
    assert theme & set(words), names
    cols = 2 if count <= 4 else 3 if count in (5, 6, 9) else 4  # eight are two rows of four
    assert info["layout"] == f"icon-set-{cols}x{-(-count // cols)}"


def test_a_wide_canvas_takes_the_set_in_fewer_rows() -> None:
    _svg, info = _compose("icon pack for weather", aspect_ratio="16:9")
    assert len(info["icons"]) == 6 and info["layout"] == "icon-set-3x2"
    _svg, info = _compose("set of 8 icons for a travel app", aspect_ratio="16:9")
    assert len(info["icons"]) == 8 and info["layout"] == "icon-set-4x2"


def test_icon_set_style_asks_for_one_glyph() -> None:
    assert parse_prompt("icon set style glyph of a shopping cart").design_type == "icon"
    _svg, info = _compose("icon set style glyph of a shopping cart")
    assert info["type"] == "icon" and len(info["icons"]) == 1 and "cart" in info["icons"][0]


@pytest.mark.parametrize(
    ("prompt", "name", "mascot"),
    [
        ("Wolves hockey team logo", "Wolves", "wolf"),
        ("logo for the Riverside Tigers baseball team", "Riverside Tigers", "tiger"),
        ("Red Dragons esports team mascot logo", "Red Dragons", "dragon"),
    ],
)
def test_a_team_is_named_and_drawn_as_its_mascot(prompt: str, name: str, mascot: str) -> None:
    brief = parse_prompt(prompt)
    assert brief.texts == (name,) and brief.team and brief.design_type == "logo"
    layouts = set()
    for seed in (1, 2, 3, 4):
        svg, info = _compose(prompt, seed=seed)
        check_svg(svg)
        assert info["type"] == "logo" and mascot in info["icons"][0], info["icons"]
        layouts.add(info["layout"].split("-")[0])
    # a crest, at least for some seeds; a mascot asked for by name is the character on its disc
    assert layouts == {"mascot"} if "mascot" in prompt else "badge" in layouts


def test_a_sport_word_alone_is_not_a_team() -> None:
    assert not parse_prompt("hockey stick icon").team
    assert not parse_prompt("logo for a design team").team


@pytest.mark.parametrize(
    ("prompt", "word"),
    [
        ("logo for an online language school", "language"),
        ("logo for a driving school", "car"),
        ("surf shop logo", "surf"),
    ],
)
def test_a_school_or_shop_is_drawn_as_what_it_teaches_or_sells(prompt: str, word: str) -> None:
    _svg, info = _compose(prompt)
    assert word in info["icons"][0], info["icons"]


FACES = [
    ("laughing face emoji", "laugh"),
    ("heart eyes emoji", "love"),
    ("crying face emoji", "cry"),
    ("cool emoji with sunglasses", "cool"),
    ("winking smiley", "wink"),
    ("tears of joy emoji", "joy"),
    ("angry face emoji", "angry"),
    ("surprised emoji", "surprised"),
    ("sleepy emoji", "sleepy"),
    ("thinking face emoji", "thinking"),
    ("star-struck emoji", "stars"),
    ("kissing face emoji", "kiss"),
    ("smiley", "smile"),
]


@pytest.mark.parametrize(("prompt", "expression"), FACES)
def test_emoji_faces_wear_the_named_expression(prompt: str, expression: str) -> None:
    svg, info = _compose(prompt)
    check_svg(svg)
    assert info["layout"] == f"emoji-face-{expression}" and not info.get("icons")


def test_an_emoji_of_a_thing_is_the_thing_and_faces_keep_a_palette() -> None:
    _svg, info = _compose("emoji of a cat")
    assert info["layout"] == "emoji-colour" and "cat" in info["icons"][0]  # drawn as itself, in colour art
    palette = ["#1d3557", "#e63946", "#f1faee", "#a8dadc"]
    allowed = {(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in palette}
    from artboard.post.palette import svg_colors

    for prompt, _expression in FACES:
        svg, _info = _compose(prompt, palette=",".join(palette))
        assert set(svg_colors(svg)) <= allowed, prompt


def test_gradient_logos_ramp_their_letters_and_themes_draw() -> None:
    svg, info = _compose("logo for a tech company called Quantix, gradient")
    assert info["layout"].startswith("wordmark") and "<linearGradient" in svg and 'fill="url(#' in svg
    svg, _info = _compose("logo for a tech company called Quantix, gradient", palette="#112233,#ffcc00")
    assert "<linearGradient" not in svg  # a user palette keeps flat colours
    _svg, info = _compose("gradient app icon for a finance app")
    assert "finance" in info["icons"][0] or "coin" in info["icons"][0] or "chart" in info["icons"][0]


def test_neon_logos_are_glowing_tubes_on_a_dark_wall() -> None:
    from artboard.colors import oklch

    for seed in (1, 2):
        svg, info = _compose("neon sign style logo for a bar called Midnight", seed=seed)
        check_svg(svg)
        assert info["type"] == "logo" and info["layout"] == "neon-sign" and "martini" in info["icons"][0]
        assert "<feGaussianBlur" in svg and 'filter="url(#' in svg
        ground = re.search(r'<rect[^>]*fill="(#[0-9a-f]{6})"', svg)
        assert ground is not None and oklch(tuple(int(ground.group(1)[i : i + 2], 16) for i in (1, 3, 5)))[0] < 0.3
    # No glow where it cannot hold: a user palette keeps flat colours, a transparent ground has no wall.
    assert _compose("neon logo for a bar called Midnight", palette="#111111,#ff00aa")[1]["layout"] != "neon-sign"
    assert _compose("neon logo for a bar called Midnight", background="transparent")[1]["layout"] != "neon-sign"


@pytest.mark.parametrize(
    ("prompt", "layout"),
    [
        ("laughing cat emoji", "emoji-face-laugh-pointed"),
        ("crying dog emoji", "emoji-face-cry-long"),
        ("happy bear emoji", "emoji-face-laugh-round"),
    ],
)
def test_animal_emoji_wear_the_expression_too(prompt: str, layout: str) -> None:
    svg, info = _compose(prompt)
    check_svg(svg)
    assert info["layout"] == layout
