"""The icon catalogue: coverage, geometry, semantic search, outlines, and the on-disk cache."""

from __future__ import annotations

import io
import itertools
import math
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from artboard.composer import icons, textembed
from artboard.composer.icon_sources import element_to_d, parse_svg
from artboard.composer.lexicon import LEXICON
from artboard.errors import InvalidParameter, NotFound


@pytest.fixture(scope="module", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Each module run builds its own catalogue cache, so tests never read a stale one from ~/.cache.
    mp = pytest.MonkeyPatch()
    mp.setenv("ARTBOARD_CACHE_DIR", str(tmp_path_factory.mktemp("artboard-cache")))
    mp.setattr(icons, "_index", None)
    yield
    mp.undo()


def _names(query: str, k: int = 3, **kw: object) -> list[str]:
    return [icon.name for icon, _ in icons.find_icons(query, k, **kw)]  # type: ignore[arg-type]


# --- catalogue --------------------------------------------------------------------------------------------


def test_catalogue_size_and_sets() -> None:
    keys = icons.all_icon_keys()
    assert icons.icon_count() == len(keys) >= 10_000
    assert len(set(keys)) == len(keys)
    assert keys == sorted(keys)
    per_set = {s: sum(k.startswith(s + ":") for k in keys) for s in ("lucide", "mdi", "ph", "fe", "ab")}
    assert per_set["lucide"] > 1500 and per_set["mdi"] > 6500 and per_set["ph"] > 2500, per_set
    assert per_set["fe"] == 256, per_set  # the vendored animals and foods (tools/vendor_fluent_emoji.py)
    assert per_set["ab"] >= 1, per_set  # glyphs drawn for artboard (data/icons/artboard-glyphs.json)


def test_every_icon_is_drawable() -> None:
    for key in icons.all_icon_keys():
        icon = icons.get_icon(key)
        assert icon.key == f"{icon.set}:{icon.name}"
        assert icon.paths and all(p.strip() for p in icon.paths), key
        assert all(re.match(r"^\s*[Mm]", p) for p in icon.paths), key
        _, _, w, h = icon.viewbox
        assert all(math.isfinite(v) for v in icon.viewbox) and w > 0 and h > 0, key
        if icon.set == "lucide":
            assert (icon.mode, icon.stroke_width, icon.licence) == ("stroke", 2.0, "ISC")
        elif icon.mode == "stroke":  # glyphs drawn for artboard in Lucide's lines, each with a filled twin
            assert (icon.set, icon.stroke_width, icon.licence) == ("ab", 2.0, "Apache-2.0")
            assert icons.get_icon(f"{key}-fill").mode == "fill"
        else:
            assert icon.mode == "fill" and icon.stroke_width == 0.0
            assert icon.licence == {"mdi": "Apache-2.0", "ph": "MIT", "fe": "MIT", "ab": "Apache-2.0"}[icon.set]
        assert icon.fill_rule in ("nonzero", "evenodd")


def test_no_brands_or_deprecated() -> None:
    keys = set(icons.all_icon_keys())
    for gone in (
        "mdi:github",
        "mdi:twitter",
        "mdi:google",
        "mdi:android",
        "mdi:raspberry-pi",
        "ph:github-logo",
        "ph:twitter-logo",
        "ph:slack-logo",
        "ph:apple-logo",
    ):
        assert gone not in keys
    assert {"mdi:coffee", "ph:coffee", "ph:coffee-fill", "lucide:coffee", "lucide:apple"} <= keys


def test_get_icon_unknown_raises_not_found() -> None:
    with pytest.raises(NotFound) as err:
        icons.get_icon("lucide:definitely-not-an-icon")
    assert err.value.status == 404
    with pytest.raises(NotFound):
        icons.get_icon("coffee")  # keys are always set-qualified


def test_mdi_borrows_tags_from_same_named_icons() -> None:
    assert "cafe" in icons.get_icon("mdi:coffee").tags
    assert icons.get_icon("mdi:coffee-outline").tags == icons.get_icon("mdi:coffee").tags


# --- SVG element conversion -------------------------------------------------------------------------------


def test_shape_elements_become_paths() -> None:
    assert element_to_d("line", {"x1": "1", "y1": "2", "x2": "3", "y2": "4"}) == "M1 2L3 4"
    assert element_to_d("rect", {"x": "2", "y": "3", "width": "4", "height": "5"}) == "M2 3h4v5h-4Z"
    assert element_to_d("polygon", {"points": "1,1 5,1 3,4"}) == "M1 1L5 1L3 4Z"
    assert element_to_d("polyline", {"points": "1 1 5 1"}) == "M1 1L5 1"
    assert element_to_d("circle", {"cx": "12", "cy": "12", "r": "3"}).startswith("M9 12a3 3 0 1 0 6 0")
    assert element_to_d("circle", {"cx": "12", "cy": "12", "r": "0"}) == ""
    rounded = element_to_d("rect", {"x": "2", "y": "2", "width": "20", "height": "10", "rx": "2"})
    assert rounded.count("a2 2 0 0 1") == 4
    vb, paths = parse_svg(
        '<svg viewBox="0 0 24 24"><rect width="24" height="24" fill="none"/>'
        '<circle cx="5" cy="5" r="1"/><path d="M0 0h1"/></svg>'
    )
    assert vb == (0.0, 0.0, 24.0, 24.0) and len(paths) == 2  # the invisible hit-area rect is dropped


# --- search -----------------------------------------------------------------------------------------------

EXPECTED: list[tuple[str, tuple[str, ...]]] = [
    ("espresso", ("coffee",)),
    ("java", ("coffee",)),
    ("latte", ("coffee",)),
    ("coffee shop", ("coffee",)),
    ("mountain landscape", ("mountain",)),
    ("sun behind a cloud", ("cloud-sun", "partly-cloudy", "weather")),
    ("pizza", ("pizza",)),
    ("rocket", ("rocket",)),
    ("startup", ("rocket",)),
    ("bike", ("bike", "bicycle")),
    ("bicycle", ("bike", "bicycle")),
    ("cycling", ("bike", "bicycle")),
    ("dentist", ("tooth",)),
    ("bee honey", ("bee",)),
    ("skateboarding dinosaur", ("skate",)),
    ("bakery", ("croissant", "bread", "cake")),
    ("law firm", ("scale", "gavel")),
    ("real estate", ("house", "home")),
    ("fintech", ("wallet", "chart", "card")),
    ("yoga", ("yoga", "lotus", "meditation")),
    ("crypto", ("bitcoin", "btc")),
    ("jazz", ("saxophone", "music")),
    ("wedding", ("ring", "heart")),
    ("hiking", ("mountain", "hiking", "boot")),
    ("cat", ("cat",)),
    ("dog", ("dog",)),
    ("snowy winter", ("snow",)),
    ("pet store", ("paw", "dog", "cat")),
    ("airplane", ("airplane",)),
    ("camera", ("camera",)),
    ("rainy day", ("rain",)),
    ("night sky", ("moon", "star")),
    ("fast food", ("hamburger", "fries", "pizza", "food")),
    ("fitness gym", ("dumbbell", "barbell", "weight")),
    ("ice cream", ("ice-cream",)),
    ("guitar", ("guitar",)),
    ("wine tasting", ("wine",)),
    ("halloween", ("pumpkin", "ghost")),
    ("birthday party", ("cake", "party", "balloon", "gift")),
    ("doctor", ("stethoscope", "doctor", "medical")),
    ("barber shop", ("scissors", "razor", "barber")),
    ("sailing boat", ("sail", "boat")),
    ("robot", ("robot",)),
]


@pytest.mark.parametrize(("query", "expected"), EXPECTED, ids=[q for q, _ in EXPECTED])
def test_query_finds_expected_icon(query: str, expected: tuple[str, ...]) -> None:
    top3 = _names(query)
    assert any(e in name for name in top3 for e in expected), (query, top3)


def test_multi_noun_query_covers_each_noun() -> None:
    names = _names("bee honey", 8) + _names("sun behind a cloud", 8)
    assert any("bee" in n for n in names) and any("cloud" in n for n in names)
    skate = _names("skateboarding dinosaur", 8)
    assert any("skate" in n for n in skate), skate


def test_base_icons_beat_badged_variants() -> None:
    top = _names("airplane", 4, sets=["mdi"])
    assert top[0] == "airplane", top
    assert not any(re.search(r"-(off|remove|plus|minus|alert|check|edit)$", n) for n in _names("coffee", 3))


def test_filters() -> None:
    # "stroke" asks for line art: Lucide's strokes and Phosphor's regular (outline) weight, never a solid glyph.
    line = icons.find_icons("coffee", 10, mode="stroke")
    assert all(icons.is_line_art(icon) for icon, _ in line) and any(icon.mode == "stroke" for icon, _ in line)
    assert not any(icon.name.endswith("-fill") or icon.set == "mdi" for icon, _ in line)
    assert all(icon.mode == "fill" for icon, _ in icons.find_icons("coffee", 10, mode="fill"))
    assert all(icon.set == "ph" for icon, _ in icons.find_icons("coffee", 10, sets=["ph"]))
    assert icons.find_icons("coffee", 5, sets=["nope"]) == []
    assert icons.find_icons("", 5) == [] and icons.find_icons("coffee", 0) == []
    assert len(icons.find_icons("coffee", 25)) == 25


def test_results_are_ranked_and_deterministic() -> None:
    for query in ("espresso", "sun behind a cloud", "mountain landscape", "xyzzy plugh"):
        first = icons.find_icons(query, 12)
        again = icons.find_icons(query, 12)
        assert [(i.key, s) for i, s in first] == [(i.key, s) for i, s in again]
        scores = [s for _, s in first]
        assert scores == sorted(scores, reverse=True)
        for (a, sa), (b, sb) in itertools.pairwise(first):
            assert sa > sb or a.key < b.key  # equal scores are ordered by key


def test_query_speed_is_reported() -> None:
    icons.find_icons("warm up")
    queries = [q for q, _ in EXPECTED]
    start = time.perf_counter()
    for q in queries:
        icons.find_icons(q)
    per_query = (time.perf_counter() - start) / len(queries)
    print(f"\nfind_icons warm: {per_query * 1000:.2f} ms/query over {len(queries)} queries")


def test_concurrent_queries_agree() -> None:
    expected = [i.key for i, _ in icons.find_icons("espresso", 5)]
    seen: list[list[str]] = []

    def worker() -> None:
        for _ in range(10):
            seen.append([i.key for i, _ in icons.find_icons("espresso", 5)])

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen and all(s == expected for s in seen)


# --- lexicon and model ------------------------------------------------------------------------------------


def test_lexicon_targets_exist() -> None:
    vocab: set[str] = set()
    # (both catalogues: the lexicon serves colour lookups too, "haunted house" → the derelict house emoji)
    for key in [*icons.all_icon_keys(), *icons.all_icon_keys(color=True)]:
        icon = icons.get_icon(key)
        vocab.update(icon.name.split("-"))
        vocab.update(w for tag in icon.tags for w in re.findall(r"[a-z]+", tag.lower()))
    missing = {t for targets in LEXICON.values() for t in targets if t not in vocab}
    assert not missing, sorted(missing)
    assert len(LEXICON) >= 300


def test_embeddings_are_unit_rows_and_meaningful() -> None:
    vecs = textembed.embed(["espresso", "coffee", "escalator", "", "🙂"])
    assert vecs.dtype == np.float32 and vecs.shape[0] == 5
    assert np.allclose(np.linalg.norm(vecs[:3], axis=1), 1.0, atol=1e-5)
    assert not vecs[3].any() and not vecs[4].any()
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2]) + 0.1
    assert textembed.embed([]).shape == (0, vecs.shape[1])


def test_model_files_are_small() -> None:
    total = sum(p.stat().st_size for p in textembed.model_dir().iterdir() if p.is_file())
    print(f"\ntext model: {total / 1e6:.2f} MB")
    assert total <= 8_500_000


# --- outlines ---------------------------------------------------------------------------------------------


def _render(paths: list[str], viewbox: tuple[float, float, float, float], **attrs: str) -> np.ndarray:
    import resvg_py
    from PIL import Image

    extra = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    body = "".join(f'<path d="{d}" {extra}/>' for d in paths)
    vb = " ".join(f"{v:g}" for v in viewbox)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{vb}" width="96" height="96">{body}</svg>'
    png = resvg_py.svg_to_bytes(svg_string=svg, width=96, height=96)
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGBA"))[..., 3] > 127


@pytest.mark.parametrize("key", ["lucide:coffee", "lucide:mountain", "lucide:cloud-sun", "lucide:origami"])
def test_stroke_outlines_render_like_the_stroke(key: str) -> None:
    icon = icons.get_icon(key)
    filled = icons.icon_as_fill_paths(icon)
    assert filled and all(d.startswith("M") for d in filled)
    got = _render(filled, icon.viewbox, fill="black")
    want = _render(
        list(icon.paths),
        icon.viewbox,
        fill="none",
        stroke="black",
        stroke_width="2",
        stroke_linecap="round",
        stroke_linejoin="round",
    )
    assert got.sum() > 200
    iou = (got & want).sum() / (got | want).sum()
    assert iou > 0.9, iou


def test_thicker_outline_covers_more() -> None:
    icon = icons.get_icon("lucide:rocket")
    thin = _render(icons.icon_as_fill_paths(icon), icon.viewbox, fill="black").sum()
    thick = _render(icons.icon_as_fill_paths(icon, stroke_width=5), icon.viewbox, fill="black").sum()
    assert thick > thin * 1.5


def test_bad_stroke_width_is_rejected() -> None:
    for bad in (0.0, -1.0, float("nan")):
        with pytest.raises(InvalidParameter):
            icons.icon_as_fill_paths(icons.get_icon("lucide:rocket"), stroke_width=bad)


def test_fill_icons_pass_through_and_render() -> None:
    icon = icons.get_icon("mdi:pizza")
    assert icons.icon_as_fill_paths(icon) == list(icon.paths)
    assert _render(list(icon.paths), icon.viewbox, fill="black").sum() > 200


# --- cache ------------------------------------------------------------------------------------------------


def test_cache_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTBOARD_CACHE_DIR", str(tmp_path))
    t0 = time.perf_counter()
    built = icons._load_or_build()
    t1 = time.perf_counter()
    files = list(tmp_path.glob("icons-*.npz"))
    assert len(files) == 1 and not list(tmp_path.glob("*.tmp"))
    loaded = icons._load_or_build()
    t2 = time.perf_counter()
    print(f"\ncatalogue cold build {t1 - t0:.2f}s, load from cache {t2 - t1:.2f}s")
    assert [i.key for i in loaded.icons] == [i.key for i in built.icons]
    assert loaded.icons[100] == built.icons[100]
    assert np.array_equal(loaded.vectors, built.vectors) and np.array_equal(loaded.prior, built.prior)
    files[0].write_bytes(b"garbage")  # a corrupt cache is rebuilt, not fatal
    assert len(icons._load_or_build().icons) == len(built.icons)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("fox", "fe:fox"), ("wolf", "fe:wolf"), ("lion", "fe:lion"), ("eagle", "fe:eagle"), ("tiger", "fe:tiger-face"),
     ("bear", "fe:bear"), ("dragon", "fe:dragon"), ("deer", "fe:moose"), ("husky", "fe:wolf"),
     ("whale", "ab:whale"), ("humpback whale", "ab:whale"), ("strawberry", "fe:strawberry"),
     ("sushi", "fe:sushi"), ("dumpling", "fe:dumpling"), ("bee", "fe:honeybee")],
)  # fmt: skip
def test_animals_the_pypi_sets_lack_come_from_the_vendored_glyphs(query: str, expected: str) -> None:
    assert icons.find_icons(query, k=1)[0][0].key == expected


def test_the_pypi_sets_still_win_where_they_have_the_animal() -> None:
    for query in ("cat", "dog", "owl", "shark", "butterfly"):
        assert not icons.find_icons(query, k=1)[0][0].key.startswith("fe:"), query


@pytest.mark.parametrize(
    ("prompt", "depicted"),
    [
        ("wildlife conservation badge with a bear", "bear"),  # a theme no glyph draws, then a clear thing
        ("craft brewery badge with a fox", "fox"),  # "with a …" says what is drawn
        ("bakery logo featuring a golden wheat", "wheat"),
        ("owl and moon badge", "owl"),  # otherwise the first subject leads
        ("coffee shop logo", "coffee"),
    ],
)
def test_the_mark_depicts_the_subject_the_prompt_names(prompt: str, depicted: str) -> None:
    import random

    from artboard.composer import parse_prompt
    from artboard.composer.canvas import Canvas
    from artboard.composer.context import Ctx
    from artboard.composer.palettes import scheme_for

    brief = parse_prompt(prompt)
    rng = random.Random(1)
    ctx = Ctx(
        brief=brief,
        width=512,
        height=512,
        rng=rng,
        scheme=scheme_for(brief, None, None, False, rng),
        canvas=Canvas(512, 512),
    )
    assert ctx.main_subject() == depicted
    icon = ctx.pick_icon()
    assert icon is not None and depicted in icon.name.replace("-", " ") + " " + " ".join(icon.tags)


def test_colour_words_inside_thing_names_are_not_colours() -> None:
    from artboard.composer import parse_prompt

    brief = parse_prompt("ice cream truck logo called Scoops")
    assert brief.color_names == () and brief.subjects == ("ice cream truck",)
    assert parse_prompt("red panda mascot sticker").subjects == ("red panda",)
    assert parse_prompt("cream and gold wedding invitation").color_names == ("cream", "gold")  # real colours
    assert parse_prompt("olive oil label").subjects == ("olive oil",)
    assert parse_prompt("save the whales sticker").subjects == ("whale",)


def test_dark_subjects_stay_subjects_and_set_the_mood() -> None:
    from artboard.colors import oklch
    from artboard.composer import parse_prompt
    from artboard.composer.palettes import scheme_for

    brief = parse_prompt("podcast cover art for a true crime show called Cold Case Files")
    assert brief.subjects == ("crime",) and {"dark", "sinister"} <= brief.moods
    import random

    scheme = scheme_for(brief, None, None, False, random.Random(3))
    assert scheme.background is not None and oklch(scheme.background)[0] < 0.25  # near-black ground
    _lightness, chroma, hue = oklch(scheme.primary)
    assert chroma > 0.12 and (hue < 40 or hue > 350)  # blood red, whatever the seed
    assert "sinister" not in parse_prompt("light and airy logo for a cozy mystery bookshop").moods


def test_text_after_says_and_names_with_small_words_are_set_whole() -> None:
    from artboard.composer import parse_prompt

    assert parse_prompt("sticker that says good vibes only with a sun").texts == ("good vibes only",)
    assert parse_prompt("sticker that says good vibes only with a sun").subjects == ("sun",)
    assert parse_prompt("podcast cover for a show about plants called Leaf It").texts == ("Leaf It",)
    assert parse_prompt("t-shirt with the slogan: stay wild").texts == ("stay wild",)
    assert parse_prompt("sticker that says a lot about you").texts == ()  # "says a …" is no quotation
