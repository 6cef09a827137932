"""Colour illustrations: the vendored Fluent Emoji Flat ("fef") and Noto Emoji ("noto") sets, their search
(mode="color", opt-in) and drawing (each path in its own colour)."""

from __future__ import annotations

import gzip
import io
import json
import random
import re
from collections.abc import Iterator
from importlib import resources

import numpy as np
import pytest
from PIL import Image

from artboard.composer import icons
from artboard.composer.icon_sources import COLOR_SETS, SETS, VENDORED_COLOR, read_fluent_emoji_flat, read_noto_emoji
from artboard.render import render_png


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Each module run builds its own catalogue caches, so tests never read a stale one from ~/.cache.
    mp = pytest.MonkeyPatch()
    mp.setenv("ARTBOARD_CACHE_DIR", str(tmp_path_factory.mktemp("artboard-cache")))
    mp.setattr(icons, "_index", None)
    mp.setattr(icons, "_color_index", None)
    yield
    mp.undo()


def _colour_keys(query: str, k: int = 3) -> list[str]:
    return [icon.key for icon, _ in icons.find_icons(query, k, mode="color")]


def _icon_svg(icon: icons.Icon, size: int) -> str:
    """An icon alone on a transparent canvas, drawn by Ctx.draw_icon."""
    from artboard.composer.canvas import Canvas

    canvas = Canvas(size, size)
    _ctx().draw_icon(canvas, icon, size / 2, size / 2, size, (0, 0, 0))
    return canvas.to_svg()


def _ctx():  # type: ignore[no-untyped-def]
    from artboard.composer import parse_prompt
    from artboard.composer.canvas import Canvas
    from artboard.composer.context import Ctx
    from artboard.composer.palettes import scheme_for

    brief = parse_prompt("sticker of a dog")
    rng = random.Random(1)
    return Ctx(
        brief=brief, width=256, height=256, rng=rng, scheme=scheme_for(brief, None, None, False, rng),
        canvas=Canvas(256, 256),
    )  # fmt: skip


# --- the vendored files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("short", COLOR_SETS)
def test_vendored_file_is_compact_and_deterministic_gzip(short: str) -> None:
    raw = resources.files("artboard").joinpath("data", "icons", VENDORED_COLOR[short]).read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0", "gzip with mtime 0"
    data = json.loads(gzip.decompress(raw))
    assert data["license"] == {"fef": "MIT", "noto": "Apache-2.0", "abc": "Apache-2.0"}[short]
    assert data["fill_rule"] == "nonzero" and len(data["icons"]) > (10 if short == "abc" else 1300)
    folder = resources.files("artboard").joinpath("data", "icons")
    assert sum(len(folder.joinpath(f).read_bytes()) for f in VENDORED_COLOR.values()) <= 6_000_000


def test_colour_icons_load_with_valid_fills_and_geometry() -> None:
    loaded = {"fef": list(read_fluent_emoji_flat()), "noto": list(read_noto_emoji())}
    assert len(loaded["fef"]) > 1300 and len(loaded["noto"]) > 1400
    hex_colour = re.compile(r"^#[0-9a-f]{6}$")
    for short, raws in loaded.items():
        for raw in raws:
            icon = raw.icon
            assert icon.key == f"{short}:{icon.name}" and icon.set == short
            assert icon.mode == "color" and icon.fill_rule == "nonzero" and icon.stroke_width == 0.0
            assert icon.licence == {"fef": "MIT", "noto": "Apache-2.0"}[short]
            assert icon.paths and len(icon.paths) == len(icon.fills) == len(icon.opacities), icon.key
            assert all(hex_colour.match(f) for f in icon.fills), icon.key
            assert all(0 < o <= 1 for o in icon.opacities), icon.key
            assert all(re.match(r"^[Mm]", d) for d in icon.paths), icon.key
            assert "transform" not in "".join(icon.paths)
            _, _, w, h = icon.viewbox
            assert w > 0 and h > 0
            assert raw.categories and raw.categories[0] in {
                "smileys & emotion", "people & body", "animals & nature", "food & drink", "activities",
                "travel & places", "objects", "flags", "symbols",
            }  # fmt: skip
        with_tags = sum(bool(r.icon.tags) for r in raws)
        assert with_tags == len(raws), short  # every kept emoji has emojibase tags
        names = {r.icon.name for r in raws}
        # Skin-tone variants, keycaps, letters, zodiac and buttons are left out; the default figure stays.
        assert not [n for n in names if re.search(r"-(medium|medium-light|medium-dark)$|skin-tone", n)]
        assert not [n for n in names if n.endswith("-light") and n.removesuffix("-light") + "-dark" in names]
        assert not [n for n in names if n.startswith(("keycap", "letter-"))]
        assert not names & {"aries", "left-arrow", "red-circle", "rainbow-flag", "play-button", "japanese-here-button"}
        assert {"woman-technologist", "person-surfing", "dog", "steaming-bowl", "hot-beverage"} <= names
        # A person's default (yellow / neutral) tone is the only one: one technologist, not six.
        assert sum(n.startswith("woman-technologist") for n in names) == 1


def test_catalogues_stay_apart() -> None:
    mono = icons.all_icon_keys()
    colour = icons.all_icon_keys(color=True)
    assert not any(k.split(":")[0] in COLOR_SETS for k in mono)
    assert {k.split(":")[0] for k in colour} == set(COLOR_SETS)
    assert icons.icon_count(color=True) == len(colour) > 2700 and colour == sorted(colour)
    assert icons.get_icon("fef:dog").fills and icons.get_icon("mdi:dog").fills == ()


# --- rendering --------------------------------------------------------------------------------------------


def test_colour_icons_render_through_resvg() -> None:
    keys = [k for k in icons.all_icon_keys(color=True) if not k.startswith("abc:")]  # the emoji sets' sample
    sample = random.Random(20261206).sample(keys, 300) + [
        k
        for k in icons.all_icon_keys(color=True)
        if k.startswith("abc:") and not k.endswith("-glare")  # an overlay
    ]
    for key in sample:
        icon = icons.get_icon(key)
        with Image.open(io.BytesIO(render_png(_icon_svg(icon, 64), 64, 64))) as image:
            rgba = np.asarray(image.convert("RGBA"))
        covered = rgba[..., 3] > 128
        assert covered.mean() > 0.04, key  # a real drawing, not a speck
        # Flattened gradients and applied transforms keep their colours: not one black blob.
        colours = {tuple(c) for c in rgba[covered][:, :3].tolist()}
        assert len(colours) >= 2, key
        dark = (rgba[covered][:, :3].max(axis=1) < 40).mean()
        assert dark < 0.9, key


def test_draw_icon_keeps_every_fill_and_ignores_the_colour_argument() -> None:
    icon = icons.find_icons("dog", 1, mode="color")[0][0]
    svg = _icon_svg(icon, 128)
    fills = set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))
    assert fills == set(icon.fills) and len(fills) >= 3
    assert "#000000" not in fills  # the colour passed (black) is not used
    assert svg.count("<path") == len(icon.paths)
    assert 'id="symbol" transform="translate(' in svg  # one group carries the placement, as for other icons
    translucent = next(ic for ic in map(icons.get_icon, icons.all_icon_keys(color=True)) if min(ic.opacities) < 1)
    assert "fill-opacity=" in _icon_svg(translucent, 64)


def test_colour_icons_fill_paths_are_their_silhouette() -> None:
    icon = icons.get_icon("fef:dog")
    assert icons.icon_as_fill_paths(icon) == list(icon.paths)


# --- search -----------------------------------------------------------------------------------------------


def test_dog_comes_from_fluent_flat() -> None:
    found = icons.find_icons("dog", 3, mode="color")
    assert found[0][0].key == "fef:dog"
    assert all(icon.mode == "color" for icon, _ in found)


@pytest.mark.parametrize(
    ("query", "names"),
    [
        # Unicode has no hot-air balloon emoji; the (party) balloon is the nearest thing either set draws.
        ("hot air balloon", {"hot-air-balloon"}),  # artboard's own picture, before a party balloon
        ("woman technologist", {"woman-technologist"}),
        ("developer", {"technologist", "woman-technologist", "man-technologist"}),
        ("surfer", {"person-surfing", "woman-surfing", "man-surfing"}),
        ("lemon", {"lemon"}),
        ("ramen", {"steaming-bowl"}),
        ("steaming bowl", {"steaming-bowl"}),
        ("pizza", {"pizza"}),
        ("bathtub", {"bathtub"}),
        ("laptop", {"laptop"}),
        ("rocket", {"rocket"}),
        ("astronaut", {"astronaut"}),  # the lexicon's detour (rocket, planet) is for sets that lack one
        ("teacher", {"teacher"}),
    ],
)
def test_colour_search_finds_the_thing(query: str, names: set[str]) -> None:
    best = icons.find_icons(query, 3, mode="color")
    assert best and best[0][0].name in names, (query, [(i.key, s) for i, s in best])


def test_fluent_flat_wins_over_noto_when_both_draw_it() -> None:
    for query in ("pizza", "rocket", "lemon", "bathtub", "woman technologist"):
        keys = _colour_keys(query, 2)
        assert keys[0].startswith("fef:") and keys[1] == "noto:" + keys[0].split(":")[1], (query, keys)


def test_colour_icons_are_opt_in() -> None:
    for query in ("dog", "pizza", "rocket", "laptop", "surfer", "lemon", "coffee", "mountain sunset"):
        for mode in (None, "stroke", "fill"):
            found = icons.find_icons(query, 8, mode=mode)  # type: ignore[arg-type]
            assert found and all(icon.set in SETS and icon.mode != "color" for icon, _ in found), (query, mode)
    assert not any(icon.set in COLOR_SETS for icon, _ in icons.find_icons("dog", 20, sets=["mdi", "fef"]))
    # Naming only colour sets asks for colour icons.
    assert [i.key for i, _ in icons.find_icons("dog", 2, sets=["noto"])] == ["noto:dog", "noto:dog-face"]


def test_colour_catalogue_cache_round_trip(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ARTBOARD_CACHE_DIR", str(tmp_path))
    built = icons._load_or_build("color")
    assert len(list(tmp_path.glob("coloricons-*.npz"))) == 1 and not list(tmp_path.glob("icons-*.npz"))
    loaded = icons._load_or_build("color")
    assert loaded.icons == built.icons and np.array_equal(loaded.vectors, built.vectors)
    assert loaded.icons[0].fills and isinstance(loaded.icons[0].opacities[0], float)
