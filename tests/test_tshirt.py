"""T-shirt graphics: varied compositions chosen by the prompt's words and the seed, the things the prompt names
drawn (never a stock emblem), every line of copy set, legible type, print-friendly inks and a user palette kept."""

from __future__ import annotations

import importlib
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

from artboard.composer import compose, parse_prompt
from artboard.spec import make_spec
from artboard.svgsafe import check_svg

PROMPTS = [
    'vintage t-shirt design "Born to Hike" with a bear and mountains',
    "t-shirt with a skull wearing sunglasses",
    "funny t-shirt that says 'I need coffee' with a cat",
    't-shirt for the "Bay Area Half Marathon" 2026 finisher',
    'retro sunset t-shirt "Malibu Surf Club" 1984 with a palm tree',
    "minimal pocket t-shirt with a small mountain, line art",
    "kawaii t-shirt with a cute avocado and a strawberry",
    'college varsity t-shirt "Westbrook Wolves" est. 1962',
    "line art t-shirt of a cat and a coffee cup",
    'family reunion t-shirt "Johnson Family Reunion" July 2026, Lake Tahoe',
    'statement t-shirt that says "Be Kind to Your Mind"',
    "t-shirt of an astronaut riding a dinosaur",
]
SEEDS = (1, 2, 3)
# Which composition a layout name belongs to: a badge with or without its ring of type is one composition.
FAMILIES = {
    "tshirt-badge": "badge", "tshirt-badge-plain": "badge", "tshirt-arched": "badge", "tshirt-emblem": "badge",
    "tshirt-emblem-type": "badge", "tshirt-stacked": "stacked", "tshirt-sunset": "sunset",
    "tshirt-varsity": "varsity", "tshirt-varsity-arched": "varsity", "tshirt-pocket": "pocket",
    "tshirt-illustration": "illustration", "tshirt-illustration-line": "illustration",
    "tshirt-cluster": "cluster", "tshirt-statement": "statement",
}  # fmt: skip

Result = tuple[str, dict[str, Any]]


@pytest.fixture(scope="module")
def designs() -> dict[tuple[str, int], Result]:
    out: dict[tuple[str, int], Result] = {}
    for prompt in PROMPTS:
        spec = make_spec(prompt, format="svg", aspect_ratio="1:1")
        for seed in SEEDS:
            out[prompt, seed] = compose(spec, seed=seed)
    return out


def _drawn_words(info: dict[str, Any]) -> set[str]:
    """Every word of what the design says it drew: the concepts and the icon names."""
    words: set[str] = set()
    for d in info.get("drawn") or ():
        words |= set(re.findall(r"[a-z]+", f"{d['concept']} {d['icon']}".lower()))
    for key in info.get("icons") or ():
        words |= set(re.findall(r"[a-z]+", key.lower()))
    return words


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _said(info: dict[str, Any]) -> str:
    return " " + _norm(" ".join(info.get("set_texts") or ())) + " "


def test_every_prompt_is_a_tshirt(designs: dict[tuple[str, int], Result]) -> None:
    for (prompt, seed), (_svg, info) in designs.items():
        assert info["type"] == "tshirt", prompt
        assert info["layout"] in FAMILIES, (prompt, seed, info["layout"])


def test_compositions_vary(designs: dict[tuple[str, int], Result]) -> None:
    """Many compositions over realistic prompts, none of them on more than 40 % of the shirts."""
    names = Counter(info["layout"] for _svg, info in designs.values())
    families = Counter(FAMILIES[name] for name in names.elements())
    assert len(names) >= 5, names
    assert len(families) >= 6, families
    total = sum(families.values())
    assert max(families.values()) <= 0.4 * total, families


def test_the_seed_varies_the_composition() -> None:
    for prompt in ('t-shirt design "Born to Hike" with mountains', "t-shirt with a skull wearing sunglasses"):
        spec = make_spec(prompt, format="svg")
        layouts = {FAMILIES[compose(spec, seed=seed)[1]["layout"]] for seed in range(1, 9)}
        assert len(layouts) >= 2, (prompt, layouts)


def test_style_words_pick_the_composition() -> None:
    """Asked-for compositions are the likely ones (never the only ones); others only where they fit."""

    def share(prompt: str, family: str) -> float:
        spec = make_spec(prompt, format="svg")
        got = [FAMILIES[compose(spec, seed=seed)[1]["layout"]] for seed in range(1, 13)]
        return got.count(family) / len(got)

    assert share("minimal left chest pocket t-shirt with a small fox", "pocket") >= 0.5
    assert share('college varsity t-shirt "Westbrook Wolves" est. 1962', "varsity") >= 0.4
    assert share('retro sunset t-shirt "Endless Summer" with a palm tree', "sunset") >= 0.3
    assert share("kawaii t-shirt with a cute avocado and a strawberry", "cluster") >= 0.4
    # no sunset, pocket or vintage badge (a ring of type) unless the prompt is of that kind
    for prompt in ("t-shirt with a skull wearing sunglasses", 'bold gym t-shirt "Lift Heavy" with a dumbbell'):
        for family in ("sunset", "pocket"):
            assert share(prompt, family) == 0.0, (prompt, family)
        spec = make_spec(prompt, format="svg")
        names = {compose(spec, seed=seed)[1]["layout"] for seed in range(1, 13)}
        assert not names & {"tshirt-badge", "tshirt-badge-plain", "tshirt-arched"}, (prompt, names)


@pytest.mark.parametrize(
    ("prompt", "things"),
    [
        ("t-shirt with a skull wearing sunglasses", ("skull", "sunglasses")),
        ('vintage t-shirt design "Born to Hike" with a bear and mountains', ("bear", "mountain")),
        ("line art t-shirt of a cat and a coffee cup", ("cat", "coffee")),
        ("kawaii t-shirt with a cute avocado and a strawberry", ("avocado", "strawberry")),
        ("t-shirt of an astronaut riding a dinosaur", ("astronaut", "dinosaur")),
        ('retro sunset t-shirt "Malibu Surf Club" 1984 with a palm tree', ("palm", "sunset")),
    ],
)
def test_the_named_things_are_drawn(
    designs: dict[tuple[str, int], Result], prompt: str, things: tuple[str, ...]
) -> None:
    for seed in SEEDS:
        _svg, info = designs[prompt, seed]
        words = _drawn_words(info)
        missing = [t for t in things if t not in words]
        assert not missing, (seed, info["layout"], missing, info.get("drawn"))


def test_no_stock_sun_or_waves_unless_asked(designs: dict[tuple[str, int], Result]) -> None:
    for (prompt, seed), (_svg, info) in designs.items():
        words = set(re.findall(r"[a-z]+", prompt.lower()))
        concepts = {d["concept"] for d in info.get("drawn") or ()}
        if not words & {"sunset", "sunrise", "retro", "beach", "surf"}:
            assert "sunset" not in concepts, (prompt, seed)
        if not words & {"surf", "sea", "ocean", "beach", "wave", "waves", "lake"}:
            assert "wave" not in concepts, (prompt, seed)


def test_all_the_copy_is_set(designs: dict[tuple[str, int], Result]) -> None:
    """The headline and every line the prompt gives: dates, places, "2026 finisher", "est. 1962"."""
    from artboard.composer.recipes.layouts.copy_text import _copy

    for (prompt, seed), (_svg, info) in designs.items():
        copy = _copy(parse_prompt(prompt))
        said = _said(info)
        for text in [copy.headline or "", *copy.lines]:
            if text:
                assert f" {_norm(text)} " in said or _norm(text) in said, (prompt, seed, text, said)
    expected = {
        't-shirt for the "Bay Area Half Marathon" 2026 finisher': ["bay area half marathon", "2026 finisher"],
        'family reunion t-shirt "Johnson Family Reunion" July 2026, Lake Tahoe': [
            "johnson family reunion",
            "july 2026",
            "lake tahoe",
        ],
        'college varsity t-shirt "Westbrook Wolves" est. 1962': ["westbrook wolves", "est 1962"],
        'retro sunset t-shirt "Malibu Surf Club" 1984 with a palm tree': ["malibu surf club", "1984"],
    }
    for prompt, texts in expected.items():
        for seed in SEEDS:
            said = _said(designs[prompt, seed][1])
            for text in texts:
                assert f" {text} " in said, (prompt, seed, text, said)


def test_no_text_prompt_sets_nothing() -> None:
    for seed in (1, 2, 3, 4):
        svg, info = compose(make_spec("t-shirt with a skull wearing sunglasses", format="svg"), seed=seed)
        assert not info.get("set_texts") and "fonts" not in info
        assert 'id="headline"' not in svg and 'id="detail"' not in svg


@pytest.fixture
def set_type(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, float]]]:
    """(kind, text, font size) of every block the context sets."""
    context = importlib.import_module("artboard.composer.context")
    seen: list[tuple[str, str, float]] = []

    def spy(kind: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(text: str, *args: Any, **kw: Any) -> Any:
            block = original(text, *args, **kw)
            seen.append((kind, text, block.font_size))
            return block

        return wrapper

    monkeypatch.setattr(context, "fit_text", spy("line", context.fit_text))
    monkeypatch.setattr(context, "arc_text", spy("arc", context.arc_text))
    yield seen


def test_type_is_legible_and_only_short_strings_curve(set_type: list[tuple[str, str, float]]) -> None:
    for prompt in PROMPTS:
        for seed in SEEDS:
            set_type.clear()
            spec = make_spec(prompt, format="svg", aspect_ratio="1:1")
            svg, _info = compose(spec, seed=seed)
            short = min(spec.width, spec.height)
            for kind, text, size in set_type:
                assert size >= 0.016 * short, (prompt, seed, kind, text, size)
                if kind == "arc":
                    assert len(text) <= 30, (prompt, seed, text)
            # laid out to fit: the graphic is never shrunk on a square canvas
            assert not re.search(r'id="tshirt" transform="[^"]*scale\(', svg), (prompt, seed)


def test_svg_contract_at_every_size(designs: dict[tuple[str, int], Result]) -> None:
    for (prompt, seed), (svg, _info) in designs.items():
        assert check_svg(svg) == [], (prompt, seed)
    for prompt in PROMPTS[::3]:
        for ratio in ("16:9", "9:16", "4:5"):
            svg, info = compose(make_spec(prompt, format="svg", aspect_ratio=ratio), seed=2)
            assert check_svg(svg) == [], (prompt, ratio)
            assert info["layout"] in FAMILIES


def test_the_print_stays_on_the_canvas() -> None:
    """On a transparent ground nothing is drawn at the canvas edge (nothing cut off), at any aspect ratio."""
    from PIL import Image

    from artboard.render import render_png

    for prompt in PROMPTS[1::2]:
        for ratio in ("1:1", "16:9", "9:16"):
            spec = make_spec(prompt, format="svg", aspect_ratio=ratio, background="transparent")
            svg, _info = compose(spec, seed=3)
            assert 'id="background"' not in svg
            w, h = spec.width // 4, spec.height // 4
            alpha = Image.open(io.BytesIO(render_png(svg, w, h))).convert("RGBA").getchannel("A")
            edge = [alpha.getpixel((x, y)) for x in range(w) for y in (0, 1, h - 2, h - 1)]
            edge += [alpha.getpixel((x, y)) for y in range(h) for x in (0, 1, w - 2, w - 1)]
            assert max(edge) == 0, (prompt, ratio)
            assert alpha.getbbox() is not None  # and something is printed


def _colors(svg: str) -> set[tuple[int, int, int]]:
    from artboard.post.palette import svg_colors

    return set(svg_colors(svg))


def _print_inks(svg: str) -> set[tuple[int, int, int]]:
    """The inks of the print itself: the shirt's colour (the background, and the knockouts that show it) is not
    an ink."""
    shirt = re.search(r'<g id="background">.*?</g>', svg)
    printed = _colors(svg.replace(shirt.group(0), "") if shirt else svg)
    return printed - (_colors(shirt.group(0)) if shirt else set())


@pytest.mark.parametrize("palette", ["#0b132b,#1c2541,#5bc0be,#f4f1de", "#264653,#e9c46a,#f4a261", "#000000,#ffffff"])
def test_a_user_palette_is_kept(palette: str) -> None:
    allowed = {(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in palette.split(",")}
    for prompt in PROMPTS:
        for seed in (1, 2):
            svg, _info = compose(make_spec(prompt, format="svg", aspect_ratio="4:5", palette=palette), seed=seed)
            used = _colors(svg)
            assert used <= allowed, (prompt, seed, used - allowed)


def test_few_inks_unless_colour_art_is_the_point(designs: dict[tuple[str, int], Result]) -> None:
    for (prompt, seed), (svg, info) in designs.items():
        if info["layout"] in ("tshirt-illustration", "tshirt-cluster") and any(
            key.startswith("fef:") for key in info.get("icons") or ()
        ):
            continue  # flat colour art brings its own colours
        inks = _print_inks(svg)
        assert len(inks) <= 4, (prompt, seed, info["layout"], len(inks))
    for seed in (1, 2, 3):
        svg, info = compose(make_spec("one color t-shirt with a bear and mountains", format="svg"), seed=seed)
        assert len(_print_inks(svg)) <= 2, (info["layout"], _print_inks(svg))


def test_same_seed_same_bytes() -> None:
    spec = make_spec('retro sunset t-shirt "Malibu Surf Club" 1984 with a palm tree', format="svg")
    assert compose(spec, seed=5) == compose(spec, seed=5)
