"""Infographics show the user's own data: the figures a prompt gives ("rent 45%", "Q1 120", "$4.2M revenue") are
drawn to scale and set as written, listed items label the steps of a process or the stages of a cycle, and no
chart invents a number when the prompt gives figures.

Charts name their marks: bars `bar-i`, donut segments `segment-i`, line points `point-i` (the first chart of a
kind on the page; a second one gets `bar2-i`…). Every string a chart sets is in info["set_texts"].
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

import artboard.composer as composer_pkg
from artboard.composer import compose, shapes
from artboard.composer.brief import Brief
from artboard.composer.context import Ctx
from artboard.composer.copy_reader import Figure
from artboard.spec import make_spec
from artboard.svgsafe import check_svg

SVG_NS = "{http://www.w3.org/2000/svg}"
ASPECTS = ("1:1", "16:9", "9:16")
SEEDS = (1, 2, 3)

PIE = "pie chart of our budget: rent 45%, food 27%, travel 18%, savings 10%"
BARS = "bar chart comparing Q1 120, Q2 150, Q3 90 and Q4 200"
STEPS = "infographic with 5 steps: research, design, build, test, launch"
CYCLE = "infographic of the product cycle: plan, build, launch, measure"
DASHBOARD = "dashboard infographic: revenue $4.2M, costs $1.1M, profit $3.1M"
MONEY = "infographic of company results: $4.2M revenue, $1.1M costs, $3.1M profit"
LINE = "line chart of sales growth: Jan 20, Feb 35, Mar 30, Apr 50, May 65, Jun 80"
MIXED = "infographic: users 1200, sessions 5400, churn 3%"
# Years label a series; with a figure after each year it is data, never a timeline of milestones.
YEARS = "bar chart of recycling rate by year: 2019 32%, 2020 35%, 2021 38%, 2022 41%"
LONG = (
    "bar chart of website traffic by source: organic search 4200, paid advertising campaigns 2100, "
    "social media 1800, email newsletter 950, referrals 400, direct 0"
)

FIGURES: dict[str, list[tuple[str, float, str]]] = {
    PIE: [("rent", 45, "45%"), ("food", 27, "27%"), ("travel", 18, "18%"), ("savings", 10, "10%")],
    BARS: [("Q1", 120, "120"), ("Q2", 150, "150"), ("Q3", 90, "90"), ("Q4", 200, "200")],
    DASHBOARD: [("revenue", 4.2, "$4.2M"), ("costs", 1.1, "$1.1M"), ("profit", 3.1, "$3.1M")],
    MONEY: [("revenue", 4.2, "$4.2M"), ("costs", 1.1, "$1.1M"), ("profit", 3.1, "$3.1M")],
    LINE: [
        ("Jan", 20, "20"),
        ("Feb", 35, "35"),
        ("Mar", 30, "30"),
        ("Apr", 50, "50"),
        ("May", 65, "65"),
        ("Jun", 80, "80"),
    ],
    MIXED: [("users", 1200, "1200"), ("sessions", 5400, "5400"), ("churn", 3, "3%")],
    YEARS: [("2019", 32, "32%"), ("2020", 35, "35%"), ("2021", 38, "38%"), ("2022", 41, "41%")],
    LONG: [
        ("organic search", 4200, "4200"),
        ("paid advertising campaigns", 2100, "2100"),
        ("social media", 1800, "1800"),
        ("email newsletter", 950, "950"),
        ("referrals", 400, "400"),
        ("direct", 0, "0"),
    ],
}


def _compose(prompt: str, seed: int, aspect: str) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", aspect_ratio=aspect), seed=seed)


@pytest.fixture
def blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, tuple[float, float, float, float], float]]]:
    """Every block of text set through Ctx.text: its string, its ink box and its font size."""
    seen: list[tuple[str, tuple[float, float, float, float], float]] = []
    original = Ctx.text

    def text(self: Ctx, parent: Any, value: str, *args: Any, **kw: Any) -> Any:
        block = original(self, parent, value, *args, **kw)
        seen.append((value, block.bbox, block.font_size))
        return block

    monkeypatch.setattr(Ctx, "text", text)
    yield seen


def _marks(svg: str, kind: str) -> list[ET.Element]:
    """The chart marks `kind-0`, `kind-1`… of the first chart of that kind, in order."""
    found: dict[int, ET.Element] = {}
    for element in ET.fromstring(svg).iter():
        m = re.fullmatch(rf"{kind}-(\d+)", element.get("id", ""))
        if m:
            found[int(m.group(1))] = element
    return [found[i] for i in sorted(found)]


def _box(element: ET.Element) -> tuple[float, float, float, float]:
    if element.tag == f"{SVG_NS}rect":
        x, y = float(element.get("x", "0")), float(element.get("y", "0"))
        return x, y, x + float(element.get("width", "0")), y + float(element.get("height", "0"))
    return shapes.bounds(element.get("d", ""))


def _bar_lengths(svg: str) -> list[float]:
    """Each bar's length along its axis: heights for columns (all as wide as each other), else widths."""
    boxes = [_box(e) for e in _marks(svg, "bar")]
    widths = [b[2] - b[0] for b in boxes]
    heights = [b[3] - b[1] for b in boxes]
    return heights if max(widths) - min(widths) < 0.5 else widths


def _proportional(measured: list[float], values: list[float], tolerance: float = 0.02) -> None:
    """`measured` ∝ `values`, each share within `tolerance` of the largest."""
    assert len(measured) == len(values), (measured, values)
    scale = max(measured) / max(values)
    for got, want in zip(measured, values, strict=True):
        if want == 0:
            assert got <= max(3.0, tolerance * max(measured)), (measured, values)  # a zero is a hairline tick
        else:
            assert abs(got - want * scale) <= tolerance * max(measured), (measured, values)


def _numbers(texts: list[str]) -> list[str]:
    return [t for t in texts if re.search(r"\d", t)]


# --- the figures are drawn to scale ------------------------------------------------------------------------


@pytest.mark.parametrize("aspect", ASPECTS)
def test_pie_segments_are_the_given_shares(aspect: str) -> None:
    for seed in SEEDS:
        svg, info = _compose(PIE, seed, aspect)
        assert check_svg(svg) == []
        assert info["layout"].startswith("infographic-donut"), info["layout"]
        segments = _marks(svg, "segment")
        areas = [abs(shapes.to_path(e.get("d", "")).area) for e in segments]
        total = sum(areas)
        # An annular sector's area is proportional to its angle: each segment's share of the ring.
        for area, (_label, value, _text) in zip(areas, FIGURES[PIE], strict=True):
            assert abs(area / total - value / 100) <= 0.02 * value / 100 + 0.002, (areas, seed, aspect)


@pytest.mark.parametrize("prompt", [BARS, DASHBOARD, MONEY, LONG, YEARS])
@pytest.mark.parametrize("aspect", ASPECTS)
def test_bars_are_the_given_values(prompt: str, aspect: str) -> None:
    for seed in SEEDS:
        svg, info = _compose(prompt, seed, aspect)
        assert check_svg(svg) == []
        assert "bars" in info["layout"], info["layout"]
        _proportional(_bar_lengths(svg), [v for _, v, _ in FIGURES[prompt]])


@pytest.mark.parametrize("aspect", ASPECTS)
def test_line_points_are_the_given_values(aspect: str) -> None:
    values = [v for _, v, _ in FIGURES[LINE]]
    for seed in SEEDS:
        svg, info = _compose(LINE, seed, aspect)
        assert info["layout"].startswith("infographic-line"), info["layout"]
        points = _marks(svg, "point")
        xs = [float(p.get("cx", "0")) for p in points]
        ys = [float(p.get("cy", "0")) for p in points]
        assert xs == sorted(xs) and len(points) == len(values)
        # Heights above the zero line: y = zero - k·value for one k.
        k = (ys[0] - ys[-1]) / (values[-1] - values[0])
        zero = ys[0] + k * values[0]
        _proportional([zero - y for y in ys], values)


# --- the figures are set as written, and nothing is invented -------------------------------------------------


@pytest.mark.parametrize("prompt", list(FIGURES))
@pytest.mark.parametrize("aspect", ASPECTS)
def test_every_label_and_value_is_set_and_no_number_invented(prompt: str, aspect: str) -> None:
    for seed in SEEDS:
        _svg, info = _compose(prompt, seed, aspect)
        texts = info["set_texts"]
        for label, _value, text in FIGURES[prompt]:
            assert label in texts and text in texts, (label, text, texts, info["layout"])
        written = {text for _, _, text in FIGURES[prompt]} | {label for label, _, _ in FIGURES[prompt]}
        invented = [t for t in _numbers(texts) if t not in written]
        assert not invented, (prompt, seed, aspect, info["layout"], invented)


@pytest.mark.parametrize("aspect", ASPECTS)
def test_a_dashboard_of_figures_shows_them_in_every_module(aspect: str) -> None:
    for seed in SEEDS:
        svg, info = _compose(DASHBOARD, seed, aspect)
        assert info["layout"].startswith("infographic-dashboard-"), info["layout"]
        modules = info["layout"].removeprefix("infographic-dashboard-").split("-")
        assert "pictogram" not in modules and "line" not in modules  # no invented shares or trend
        assert check_svg(svg) == []


def test_headline_and_figures_are_recorded() -> None:
    _svg, info = _compose(
        'infographic titled "Where the money goes": rent 45%, food 27%, travel 18%, savings 10%', 1, "1:1"
    )
    assert info["set_texts"][0] == "Where the money goes"
    assert {"rent", "45%", "savings", "10%"} <= set(info["set_texts"])


def test_mixed_kinds_of_figures_are_tiles_not_one_scale() -> None:
    """A count and a percentage share no axis: each stands as its own stat."""
    for seed in SEEDS:
        svg, info = _compose(MIXED, seed, "1:1")
        assert info["layout"] == "infographic-stats-full"
        assert not _marks(svg, "bar") and not _marks(svg, "segment")


def test_without_figures_charts_illustrate_without_numbers() -> None:
    svg, info = _compose("pie chart of energy sources", 1, "1:1")
    assert info["layout"].startswith("infographic-donut")
    assert "<path" in svg  # the chart is still drawn, as a graphic …
    assert not _numbers(info["set_texts"]), "… but a value the prompt did not give is never printed"


# --- steps and cycles take the listed items ------------------------------------------------------------------


@pytest.mark.parametrize("aspect", ASPECTS)
def test_steps_are_the_listed_items(aspect: str) -> None:
    items = ["research", "design", "build", "test", "launch"]
    for seed in SEEDS:
        svg, info = _compose(STEPS, seed, aspect)
        assert re.fullmatch(r"infographic-steps-\w+-5", info["layout"]), info["layout"]
        assert [t for t in info["set_texts"] if t in items] == items
        assert check_svg(svg) == []


@pytest.mark.parametrize("aspect", ASPECTS)
def test_cycle_stages_are_the_listed_items(aspect: str) -> None:
    items = ["plan", "build", "launch", "measure"]
    for seed in SEEDS:
        svg, info = _compose(CYCLE, seed, aspect)
        assert info["layout"] == "infographic-cycle-4"
        assert [t for t in info["set_texts"] if t in items] == items
        assert check_svg(svg) == []


@pytest.mark.parametrize(
    ("prompt", "count"),
    [
        (
            "onboarding process infographic with 8 steps: sign up, verify email, create profile, connect bank, "
            "invite team, set goals, first report, celebrate",
            8,
        ),
        ("infographic of the product cycle: plan, build, launch, measure, learn, iterate, scale", 7),
        ("7 step process infographic", 7),
    ],
)
def test_seven_or_eight_stages_fit(
    prompt: str, count: int, blocks: list[tuple[str, tuple[float, float, float, float], float]]
) -> None:
    for aspect in ASPECTS:
        for seed in (1, 2):
            blocks.clear()
            _svg, info = _compose(prompt, seed, aspect)
            assert info["layout"].endswith(f"-{count}"), info["layout"]
            _no_overlaps(blocks, prompt, seed, aspect)


def test_more_than_eight_items_are_noted_left_out() -> None:
    _svg, info = _compose("process infographic with steps: a1, b2, c3, d4, e5, f6, g7, h8, i9, j10", 1, "1:1")
    assert info["layout"].endswith("-8")
    assert any("j10" in note for note in info["left_out"])


# --- legible: no text on text, no label below the floor --------------------------------------------------------


def _no_overlaps(blocks: list[tuple[str, tuple[float, float, float, float], float]], *where: object) -> None:
    for (t1, a, _), (t2, b, _) in itertools.combinations(blocks, 2):
        ix = min(a[2], b[2]) - max(a[0], b[0])
        iy = min(a[3], b[3]) - max(a[1], b[1])
        assert ix <= 1 or iy <= 1, (where, t1, t2, a, b)


@pytest.mark.parametrize("prompt", [PIE, BARS, DASHBOARD, LINE, MIXED, LONG])
def test_labels_and_values_are_legible(
    prompt: str, blocks: list[tuple[str, tuple[float, float, float, float], float]]
) -> None:
    for aspect in ASPECTS:
        for seed in SEEDS:
            blocks.clear()
            _svg, info = _compose(prompt, seed, aspect)
            _no_overlaps(blocks, prompt, seed, aspect)
            short = min(
                make_spec(prompt, format="svg", aspect_ratio=aspect).width,
                make_spec(prompt, format="svg", aspect_ratio=aspect).height,
            )
            floor = max(10.0, short * 0.018) * 0.95
            small = [(t, round(size, 1)) for t, _, size in blocks if size < floor]
            assert not small, (prompt, seed, aspect, info["layout"], small)


# --- zero and negative values ----------------------------------------------------------------------------------


@pytest.fixture
def with_figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Figure]]:
    """Give the next prompts these figures (the prompt reader does not read a minus sign yet)."""
    given: list[Figure] = []
    original = composer_pkg.parse

    def parse(prompt: str) -> Brief:
        brief = original(prompt)
        return dataclasses.replace(brief, figures=tuple(given), items=tuple(f.label for f in given))

    monkeypatch.setattr(composer_pkg, "parse", parse)
    yield given


def test_negative_bars_hang_below_a_zero_line(with_figures: list[Figure]) -> None:
    with_figures += [
        Figure("Jan", -5, "", "-5"),
        Figure("Feb", 0, "", "0"),
        Figure("Mar", 8, "", "8"),
        Figure("Apr", 14, "", "14"),
    ]
    for aspect in ASPECTS:
        for seed in SEEDS:
            svg, info = _compose("bar chart of temperature change", seed, aspect)
            assert check_svg(svg) == []
            assert {"Jan", "-5", "Feb", "0", "Mar", "8", "Apr", "14"} <= set(info["set_texts"])
            boxes = [_box(e) for e in _marks(svg, "bar")]
            _proportional(_bar_lengths(svg), [5, 0, 8, 14])
            columns = max(b[2] - b[0] for b in boxes) - min(b[2] - b[0] for b in boxes) < 0.5
            if columns:  # the negative bar starts where the positive ones end, and goes the other way
                assert abs(boxes[0][1] - boxes[3][3]) < 3, boxes
            else:
                assert abs(boxes[0][2] - boxes[3][0]) < 3, boxes


def test_a_pie_leaves_out_what_it_cannot_show(with_figures: list[Figure]) -> None:
    with_figures += [Figure("profit", 60, "%", "60%"), Figure("tax", 40, "%", "40%"), Figure("loss", -10, "%", "-10%")]
    svg, info = _compose("pie chart of the year", 1, "1:1")
    assert len(_marks(svg, "segment")) == 2
    assert any("loss" in note for note in info["left_out"])
    # The pie sets no value for a segment it cannot draw; a stats panel beside it may still state the figure.
    assert "-10%" not in info["set_texts"] or "stats" in info["layout"]


@pytest.mark.parametrize(
    ("prompt", "texts"),
    [
        ("infographic: how much coffee Americans drink — 62% daily, 3 cups on average, 400 million cups a day",
         ["62%", "3 cups", "400 million cups", "daily", "on average", "a day"]),
        ("line chart showing website visitors growing from 1,200 in January to 8,500 in June",
         ["1,200", "8,500", "January", "June"]),
        ("pictogram chart: 1 in 4 adults have a pet dog, 1 in 5 have a cat", ["1 in 4 adults", "1 in 5"]),
    ],
)  # fmt: skip
def test_stats_written_as_sentences_are_charted_as_given(prompt: str, texts: list[str]) -> None:
    from artboard.composer import compose
    from artboard.spec import make_spec

    _, info = compose(make_spec(prompt, format="svg"), seed=1)
    for text in texts:
        assert text in info["set_texts"], (text, info["set_texts"])


def test_thousands_separators_and_times_are_not_misread() -> None:
    from artboard.composer.copy_reader import read_copy

    line = read_copy("line chart of sales growing from 1,200 in March to 15,000 in May")
    assert [f.value for f in line.figures] == [1200.0, 15000.0]
    assert read_copy("poster for a 5k fun run, May 3, 9am, $25 entry").figures == ()
