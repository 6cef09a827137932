"""The icon chosen for what a prompt names: parts drawn as their whole, listed set items by phrase, head or telling
word, the glyphs drawn for artboard, stand-ins said in the manifest, and icon sets that draw exactly their list."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

from artboard.composer import compose, icons
from artboard.composer.recipes.icon_set import find_member, set_look, stand_in
from artboard.spec import make_spec
from artboard.svgsafe import check_svg


def _compose(prompt: str, seed: int = 1, **kw: Any) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", **kw), seed=seed)


def _top(query: str, mode: Any = None) -> str:
    return icons.find_icons(query, 1, mode=mode)[0][0].name


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("bicycle wheel", "bicycle"),  # a part named on its whole draws the whole, never a ship's helm
        ("robot head", "robot"),
        ("fox tail", "fox"),
        ("ship wheel", "ship-wheel"),  # unless an icon is named for the phrase
        ("robot arm", "robot-arm"),
        ("whisk", "whisk"),  # drawn for artboard: no installed set has one
        ("frying pan", "frying-pan"),
        ("oven mitt", "oven-mitt"),
        ("rolling pin", "rolling-pin"),
    ],
)
def test_the_search_names_the_thing(query: str, word: str) -> None:
    assert word in _top(query), icons.find_icons(query, 3)


def test_line_art_searches_reach_phosphors_outline_weight() -> None:
    assert _top("lotus flower", "stroke") == "flower-lotus"  # Lucide has no lotus; Phosphor's regular weight does
    assert all(icons.is_line_art(ic) for ic, _ in icons.find_icons("lotus flower", 8, mode="stroke"))
    whisk = icons.find_icons("whisk", 1, mode="fill")[0][0]
    assert whisk.key == "ab:whisk-fill" and whisk.mode == "fill"  # the stroke glyph's filled twin, for solid looks


@pytest.mark.parametrize(
    ("noun", "look", "name"),
    [
        ("heart wishlist", "line", "heart"),  # a glyph and its meaning: the telling word
        ("user profile", "line", "user"),  # the head, tagged with the rest
        ("truck delivery", "line", "truck"),
        ("return arrow", "line", "arrow-u"),
        ("map pin", "fill", "map-pin"),
        ("palm tree", "fill", "palm-tree"),
        ("airplane", "fill", "airplane"),
        ("seashell", "line", "shell"),
        ("like", "line", "heart"),  # the lexicon's picture of a word the search reads past
        ("wheelbarrow", "fill", "wheel-barrow"),
        ("heart rate", "line", "heart"),
        ("surfboard", "line", "surfboard"),  # artboard's own glyph, never an ironing board
    ],
)
def test_set_members_are_found(noun: str, look: Any, name: str) -> None:
    # A seashell is a shell: the word its name ends with, found above it in WordNet, is the thing itself.
    member = find_member(noun, noun, look) or stand_in(noun, noun, look)
    assert member is not None and name in member.icon.name and not member.stand_in, member


@pytest.mark.parametrize("noun", ["tripod", "stapler", "cutting board", "leash", "carabiner x"])
def test_no_stranger_stands_in(noun: str) -> None:
    """A generic head or a hypernym in another sense never draws a stranger: no towel rack for a tripod, no
    washing machine for a stapler, no circuit board for a surfboard or cutting board, no pencil lead for a leash."""
    member = find_member(noun, noun, "line") or stand_in(noun, noun, "line")
    strangers = ("rack", "machine", "circuit", "pencil", "iron-board", "bell")
    assert member is None or not any(s in member.icon.name for s in strangers), member
    assert member is None or member.stand_in or noun == "carabiner x", member


def test_looks_are_read() -> None:
    assert set_look("Nine travel icons: airplane, suitcase. Duotone coral and navy", frozenset()) == "duotone"
    assert set_look("6 flat icons for a gardening app: shovel, sun", frozenset()) == "fill"
    assert set_look("set of e-commerce icons in a consistent outline style", frozenset()) == "line"
    assert set_look("solid glyph icons: cart, bag", frozenset()) == "fill"


def _drawn(info: dict[str, Any]) -> list[str]:
    return [d["concept"] for d in info.get("drawn", [])]


@pytest.mark.parametrize(
    ("prompt", "items"),
    [
        (
            "icon set for a recipe app: knife, whisk, frying pan, timer, measuring cup, oven mitt, teal line icons",
            ["knife", "whisk", "frying pan", "timer", "measuring cup", "oven mitt"],
        ),
        (
            "set of 8 e-commerce icons (shopping cart, heart wishlist, user profile, search, truck delivery, "
            "credit card, gift, return arrow) in a consistent outline style",
            [
                "shopping cart",
                "heart wishlist",
                "user profile",
                "search",
                "truck delivery",
                "credit card",
                "gift",
                "return arrow",
            ],
        ),
        (
            "Nine travel icons - airplane, suitcase, passport, map pin, camera, hotel bed, palm tree, ticket, "
            "compass. Duotone coral and navy",
            ["airplane", "suitcase", "passport", "map pin", "camera", "hotel bed", "palm tree", "ticket", "compass"],
        ),
    ],
)
def test_icon_sets_draw_every_listed_item_once(prompt: str, items: list[str]) -> None:
    svg, info = _compose(prompt)
    check_svg(svg)
    assert info["type"] == "icon_set"
    assert _drawn(info) == items  # every item, in order, and nothing that only says how the set looks
    names = [key.split(":", 1)[1].removesuffix("-fill").removesuffix("-outline") for key in info["icons"]]
    assert len(info["icons"]) == len(items) and len(set(names)) == len(names), info["icons"]


def test_the_set_keeps_one_look() -> None:
    _svg, line = _compose("icon set for a recipe app: knife, whisk, frying pan, timer, oven mitt, teal line icons")
    assert all(icons.is_line_art(icons.get_icon(k)) or k.endswith("-outline") for k in line["icons"]), line["icons"]
    _svg, solid = _compose("6 flat icons for a baking blog: rolling pin, whisk, oven mitt, frying pan, cupcake, bread")
    assert not any(icons.is_line_art(icons.get_icon(k)) for k in solid["icons"]), solid["icons"]


def test_stand_ins_are_said_with_their_reason() -> None:
    _svg, info = _compose("icon set for a photography app: camera, lens, tripod, flash, aperture, stapler")
    left = info.get("left_out", [])
    assert "camera" in _drawn(info) and "aperture" in _drawn(info)
    # No glyph draws a tripod or a stapler: each is either left out, or drawn as a related thing and said so.
    for item in ("tripod", "stapler"):
        said = [entry for entry in left if entry.split(" (")[0] == item]
        assert said, left
        stood = [d for d in info.get("drawn", []) if d["concept"] == item]
        assert not stood or ("as" in stood[0] and "drawn as" in said[0]), (stood, said)
    assert len(info["icons"]) == len({k.split(":")[1] for k in info["icons"]})  # the camera is not drawn twice


def test_the_last_row_is_centred() -> None:
    svg, info = _compose("set of 7 line icons: sun, cloud, rain, snowflake, wind, umbrella, thermometer")
    assert info["layout"] == "icon-set-4x2" and len(info["icons"]) == 7  # four over three, not 3 + 3 + 1
    m = re.search(r'id="icon-5"[^>]*transform="translate\(([-\d.]+) [-\d.]+\) scale\(([\d.]+)\)', svg)
    assert m is not None, svg[:600]
    vx, _vy, vw, _vh = icons.get_icon(info["icons"][5]).viewbox
    centre = float(m.group(1)) + (vx + vw / 2) * float(m.group(2))
    assert abs(centre - 1024 / 2) < 2, centre  # the middle of the three in the last row, in the middle


@pytest.mark.parametrize(
    ("query", "word", "never"),
    [
        ("olive branch", "olive-branch", "git"),  # a branch is a tree's: artboard's olive branch, never git
        ("eucalyptus branch", "leaf", "source"),
        ("git branch", "git-branch", "leaf"),  # unless the prompt is about version control
        ("honeycomb", "hexagon", "candy"),
        ("skeleton", "skull", "frame"),
        ("calories", "flame", "calculator"),
        ("pan", "frying-pan", "pan-up"),  # MDI's pan glyphs are arrows that pan a view
    ],
)
def test_words_draw_their_sense(query: str, word: str, never: str) -> None:
    top = _top(query)
    assert word in top and never not in top, icons.find_icons(query, 3)


def test_an_unsure_symbol_is_drawn_by_a_related_thing_and_said() -> None:
    _svg, info = _compose("logo for an office supply store with a stapler")
    assert any("paperclip" in key for key in info["icons"]), info["icons"]  # not a hammer
    assert any(entry.startswith("stapler (") and "paperclip" in entry for entry in info.get("left_out", []))


def test_a_specific_subject_is_not_replaced_by_its_general_word() -> None:
    for seed in (1, 2, 3):
        _svg, info = _compose("emblem for a chess club with a knight chess piece", seed=seed)
        assert info["icons"] and all("knight" in key for key in info["icons"] if "chess" in key), info["icons"]


@pytest.mark.parametrize(
    "prompt",
    [
        "pet shop icon set: dog bowl, cat, bone, leash, fish tank, bird cage",
        "beach icons: beach umbrella, sandcastle, sunglasses, surfboard, seashell, flip flops, palm tree, crab",
        "baby shop icons: stroller, bottle, pacifier, rattle, crib, teddy bear",
        "set of 8 science icons: microscope, test tube, atom, dna, magnet, beaker, telescope, petri dish",
        "kitchen utensils icon set: spatula, ladle, whisk, cutting board, frying pan, saucepan, chef hat, oven mitt",
    ],
)
def test_every_listed_item_is_drawn_or_said(prompt: str) -> None:
    """The manifest accounts for every item: drawn as itself, drawn as a stand-in and said, or said left out."""
    from artboard.composer import parse_prompt

    _svg, info = _compose(prompt)
    items = list(parse_prompt(prompt).items)
    drawn = {d["concept"]: d for d in info.get("drawn", [])}
    said = {entry.split(" (")[0]: entry for entry in info.get("left_out", [])}
    for item in items:
        assert item in drawn or item in said, (item, drawn, said)
        if item in drawn and "as" in drawn[item]:
            assert "drawn as" in said.get(item, ""), (item, said)
    assert len(info["icons"]) == len(drawn) == len(set(info["icons"]))
