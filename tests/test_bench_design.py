"""The design suite parses and is complete, and the design benchmark's matching functions do what they say."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

BENCH = Path(__file__).resolve().parent.parent / "bench"
TYPES = {
    "logo", "monogram", "icon", "icon_set", "app_icon", "emoji", "badge", "sticker", "poster", "banner", "card",
    "label", "tshirt", "pattern", "isometric", "infographic", "illustration", "background",
}  # fmt: skip


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_design", BENCH / "bench_design.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_design"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def raw_cases() -> list[dict[str, Any]]:
    cases = tomllib.loads((BENCH / "design_suite.toml").read_text(encoding="utf-8"))["case"]
    assert isinstance(cases, list)
    return cases


def _kinds(case: dict[str, Any]) -> list[str]:
    kind = case["kind"]
    return [kind] if isinstance(kind, str) else list(kind)


def test_suite_is_big_unique_and_well_formed(raw_cases: list[dict[str, Any]]) -> None:
    ids = [c["id"] for c in raw_cases]
    assert len(raw_cases) >= 220
    assert len(set(ids)) == len(ids), [i for i in ids if ids.count(i) > 1]
    allowed = {"id", "prompt", "kind", "nouns", "avoid", "copy", "colours", "photographic", "options"}
    for case in raw_cases:
        assert set(case) <= allowed, case["id"]
        assert isinstance(case["prompt"], str) and case["prompt"].strip(), case["id"]
        kinds = _kinds(case)
        assert kinds and set(kinds) <= TYPES, case["id"]
        assert str(case["id"]).startswith(kinds[0] + "-"), case["id"]
        for key in ("nouns", "avoid", "copy"):
            values = case.get(key, [])
            assert isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values), case["id"]
        assert isinstance(case.get("photographic", False), bool)
        assert set(case.get("options", {})) <= {"aspect_ratio", "palette", "background"}, case["id"]


def test_suite_covers_every_design_type_and_photographs(raw_cases: list[dict[str, Any]]) -> None:
    first_kinds = {_kinds(c)[0] for c in raw_cases}
    assert first_kinds == TYPES
    assert sum(bool(c.get("photographic")) for c in raw_cases) >= 10
    assert sum(bool(c.get("copy")) for c in raw_cases) >= 80
    assert sum(bool(c.get("colours")) for c in raw_cases) >= 80


def test_suite_colours_are_valid_hex(raw_cases: list[dict[str, Any]]) -> None:
    for case in raw_cases:
        for entry in case.get("colours", []):
            name, *hexes = entry
            assert isinstance(name, str) and name and hexes, case["id"]
            assert all(re.fullmatch(r"#[0-9a-f]{6}", h) for h in hexes), (case["id"], entry)


def test_suite_loads_into_cases(bench: ModuleType, raw_cases: list[dict[str, Any]]) -> None:
    cases = bench.load_suite()
    assert len(cases) == len(raw_cases)
    navy = next(c for c in cases if c.id == "logo-blue-harbor")
    assert navy.kinds == ("logo",) and navy.colours[0][0] == "navy" and navy.colours[0][1][0] == "#1f2a44"


def test_lemmas_and_plurals(bench: ModuleType) -> None:
    assert bench.lemma("berries") == "berry"
    assert bench.lemma("boxes") == "box"
    assert bench.lemma("Cats") == "cat"
    assert bench.lemma("glasses") == "glass"
    assert bench.lemma("leaves") == "leaf"
    assert bench.lemma("bus") == "bus"
    assert bench.name_words("mdi:weather-rainy") == ["weather", "rainy"]
    items = [["coffee", "beans"], ["tomatoes"], ["shoe"], ["people"]]
    assert bench.group_drawn("bean", items)
    assert bench.group_drawn("tomato", items)
    assert bench.group_drawn("shoes", items)
    assert bench.group_drawn("person", items)
    assert bench.group_drawn("mug|coffee bean", items)
    assert not bench.group_drawn("cat|dog", items)
    assert not bench.group_drawn("rain", [["weather", "rainy"]])  # whole words only


def test_nouns_from_drawn_and_icons(bench: ModuleType) -> None:
    info = {
        "drawn": [{"concept": "hot air balloon", "icon": "mdi:airballoon"}, {"concept": "moon", "icon": "crescent"}],
        "icons": ["lucide:palm-tree", "ph:coffee-bean-fill", "mdi:source-branch"],
    }
    items = bench.drawn_items(info)
    assert bench.group_drawn("hot air balloon", items)
    assert bench.group_drawn("crescent", items)
    assert bench.group_drawn("palm tree", items)
    assert bench.group_drawn("trees|bush", items)
    assert bench.group_drawn("coffee beans", items)
    assert not bench.group_drawn("air balloon tree", items)  # every word on one thing, not spread over several
    assert not bench.group_drawn("coffee tree", items)
    case = bench.Case(id="x", prompt="p", kinds=("icon",), nouns=("moon", "cat"), avoid=("git|source",))
    scores = bench.score_info(case, {**info, "type": "icon", "set_texts": [], "warnings": []})
    assert scores["kind"] and scores["nouns"] == {"moon": True, "cat": False}
    assert scores["avoid"] == {"git|source": False}


def test_copy_normalisation_and_set(bench: ModuleType) -> None:
    assert bench.normalise("  EST.  1987 ") == "est. 1987"
    assert bench.normalise("“Blue Note Sessions”!") == "blue note sessions"
    assert bench.normalise("$15") == "$15" and bench.normalise("40% OFF") == "40% off"
    assert bench.normalise("8am–1pm") == "8am-1pm"
    texts = ["BLUE HARBOR", "Coffee", "Est. 1987", "Tony’s Pizzeria", "E & J"]
    assert bench.copy_set("Blue Harbor Coffee", texts)
    assert bench.copy_set("EST. 1987", texts)
    assert bench.copy_set("Tony's Pizzeria", texts)
    assert bench.copy_set("E&J", texts)
    assert not bench.copy_set("EST. 1988", texts)
    assert not bench.copy_set("Harbour", texts)
    case = bench.Case(id="x", prompt="p", kinds=("logo",), copy=("Blue Harbor",))
    assert bench.score_info(case, {"type": "logo", "texts": ["Blue Harbor"]})["copy"] == {"Blue Harbor": True}
    assert bench.score_info(case, {"type": "logo", "texts": ["Blue Harbor"], "set_texts": []})["copy"] == {
        "Blue Harbor": False
    }


def test_copy_legible_is_fuzzy_per_word(bench: ModuleType) -> None:
    words = ["blue", "harbor", "cofee", "est.", "1987"]
    assert bench.copy_legible("Blue Harbor Coffee", words)  # "cofee" is close enough
    assert bench.copy_legible("EST. 1987", words)
    assert not bench.copy_legible("Green Valley Farm", words)
    assert not bench.copy_legible("Blue Note Sessions Tonight", words)  # 1 of 4 words
    assert bench.copy_legible("I Voted", ["ivoted"])  # two words read as one
    assert bench.copy_legible("Drip Doctors", ["drip", "doc", "tors"])  # one word read as two
    assert not bench.copy_legible("I Voted", ["i"])
    assert not bench.copy_legible("Los Primos Tacos", ["primos", "tacos"])  # "losprimos" is not "primos"


def test_colour_check_on_a_synthetic_image(bench: ModuleType) -> None:
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))  # transparent pixels do not count
    image.paste((31, 42, 68, 255), (0, 0, 100, 50))  # navy: half of the image, all of the opaque part
    image.paste((212, 175, 55, 255), (0, 50, 4, 51))  # gold: 4 pixels of 5004 opaque, under 0.3 %
    image.paste((214, 40, 40, 255), (0, 60, 100, 61))  # red: 100 pixels, 2 %
    assert bench.colour_share(image, "#1f2a44") > 0.9
    assert bench.colour_share(image, "#233050") > 0.9  # within ΔE_OK 0.06
    assert bench.colour_share(image, "#000080") == 0.0  # CSS navy is another colour
    assert 0 < bench.colour_share(image, "#d4af37") < bench.COLOUR_SHARE
    assert bench.colour_share(image, "#d62828") >= bench.COLOUR_SHARE
    lab = bench.srgb_to_oklab([[255, 255, 255], [0, 0, 0]])
    assert lab[0] == pytest.approx([1.0, 0.0, 0.0], abs=1e-3) and lab[1] == pytest.approx([0, 0, 0], abs=1e-6)
    svg = '<svg><rect fill="#D4AF37"/><stop style="stop-color:#fff"/></svg>'
    assert bench.svg_has_colour(svg, "#d2ad3a") and bench.svg_has_colour(svg, "#fcfcfc")
    assert not bench.svg_has_colour(svg, "#1f2a44")


def test_photographic_flag_prefers_warnings(bench: ModuleType) -> None:
    assert bench.is_photo_flagged({"warnings": ["photographic prompt: drawn as a flat illustration"]})
    assert not bench.is_photo_flagged({"warnings": [], "photographic": True})
    assert bench.is_photo_flagged({"photographic": True})
    assert not bench.is_photo_flagged({})


def test_failures_list_what_is_missing(bench: ModuleType) -> None:
    result = {
        "kinds": ["logo"], "type": "icon", "kind": False, "nouns": {"cup|mug": False, "wave": True},
        "avoid": {}, "copy": {"EST. 1987": False}, "colours": {"navy": True, "gold": False},
        "photo_ok": True, "photo_flagged": False,
    }  # fmt: skip
    assert bench.failures(result) == ["type icon (want logo)", "noun 'cup|mug'", "copy 'EST. 1987'", "colour gold"]


def test_enclosed_keeps_only_what_a_shape_encloses(bench: ModuleType) -> None:
    """The bench's reading of a letter inside a shape shows the letter as drawn and drops what reaches the edge."""
    from PIL import ImageDraw

    page = Image.new("RGB", (200, 200), (46, 158, 68))  # a green tile reaching the edge
    draw = ImageDraw.Draw(page)
    draw.ellipse((40, 40, 160, 160), fill=(15, 31, 14))  # a dark bubble
    draw.rectangle((90, 70, 110, 130), fill=(46, 158, 68))  # a green bar cut out of it
    views = [v.convert("L") for v in bench._enclosed(page)]
    bar = [v for v in views if v.getpixel((100, 100)) == 0 and v.getpixel((5, 5)) == 255]
    assert bar, "the cut-out bar shows black on white"
    for view in bar:
        assert view.getpixel((60, 100)) == 255, "the bubble around the bar is not in that view"
    assert all(v.getpixel((5, 5)) == 255 for v in views), "what reaches the edge is cleared"
    assert not bench._enclosed(Image.new("RGB", (50, 50), (255, 255, 255))), "a blank page encloses nothing"


def test_round_strips_cover_each_half_and_the_lines_across_3_and_9_o_clock(bench: ModuleType) -> None:
    import numpy as np

    polar = np.arange(360).reshape(360, 1)  # one row per degree, clockwise from 3 o'clock
    strips = bench._round_strips(polar)
    assert [list(s[[0, -1], 0]) for s, _ in strips] == [[180, 359], [0, 179], [155, 24], [335, 204]]
    assert [turn for _, turn in strips] == [1, -1, 1, -1]
