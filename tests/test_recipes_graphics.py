"""Graphics recipes: seamless patterns, isometric heroes, infographics and illustrations (the fallback).

Every recipe is composed over several prompts, seeds and canvas sizes; the SVG must parse and meet the output
contract, be deterministic, vary with the seed, set only the prompt's text (infographics may add their own
figures), keep to a user palette, respect a transparent ground, and patterns must tile without a seam.
"""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

import numpy as np
from PIL import Image

import artboard.composer.recipes as recipes
from artboard.composer import compose
from artboard.composer.context import Ctx
from artboard.composer.recipes import graphics
from artboard.render import render_png
from artboard.spec import make_spec
from artboard.svgsafe import check_svg

SVG_NS = "{http://www.w3.org/2000/svg}"
PIXEL_DOJO = (
    "a thrilling action sequence of a woman trying to find her favorite candy. The candy wrapper is purple "
    'with a pixelated dragon and reads "Pixel Dojo"'
)
SAAS = (
    "abstract isometric vector graphic for a SaaS landing page hero, layered geometric shapes, sapphire and "
    "amber accent colors on white, clean tech illustration"
)

PROMPTS: dict[str, list[str]] = {
    "pattern": [
        "seamless pattern of lemons and leaves",
        "geometric memphis pattern pastel",
        "coffee beans and cups pattern on cream",
        "bauhaus tile pattern",
        "line art floral pattern",
        "art deco scallop pattern",
        "halftone dots pattern",
        "polka dot pattern",
        "chevron pattern",
        "striped pattern",
    ],
    "isometric": [
        SAAS,
        "isometric city block",
        "isometric server room illustration",
        "isometric growth stairs",
        "isometric illustration of a coffee shop",
    ],
    "infographic": [
        "infographic about coffee consumption with bar chart",
        "3 step process infographic for onboarding",
        "information design poster with stylized data visualizations, swiss grid",
        "pie chart of energy sources",
        "line chart showing growth",
        "infographic about the water cycle",
    ],
    "illustration": [
        "A minimalist line art illustration of a mountain landscape, clean design",
        "editorial illustration in the style of The New Yorker, limited muted palette, conceptual visual metaphor, "
        "hand-drawn texture, sophisticated composition",
        "A beautiful mountain landscape at golden hour",
        "A high-end luxury skincare campaign still life featuring a frosted glass serum bottle with a brushed gold "
        "dropper cap, placed on a sculptural cream stone pedestal",
        PIXEL_DOJO,
        "a fox in a forest at night",
        "luxury skincare serum bottle on a stone pedestal, studio lighting",
        "a bowl of ramen, photorealistic",
        "city skyline at sunset",
        "tropical beach with palm trees",
        "flat illustration of a cozy reading nook",
        "zzz",
    ],
}
ALL = [(kind, p) for kind, prompts in PROMPTS.items() for p in prompts]
SIZES: list[dict[str, Any]] = [
    {"aspect_ratio": "1:1"},
    {"aspect_ratio": "16:9"},
    {"aspect_ratio": "9:16"},
    {"aspect_ratio": "2:1"},
    {"aspect_ratio": "2:3"},
]
TEXT_GROUPS = {
    "headline",
    "subline",
    "label",
    "label-text",
    "brand",
    "text",
    "wordmark",
    "step-label",
    "figure",
    "tagline",
    "arc-text",
}


@pytest.fixture
def use_recipe(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Route every brief to one graphics recipe, whatever the classifier thinks."""

    def set_recipe(kind: str) -> None:
        monkeypatch.setattr(recipes, "recipe_for", lambda brief: getattr(graphics, kind))

    return set_recipe


def _compose(prompt: str, seed: int = 1, **kw: Any) -> tuple[str, dict[str, Any]]:
    spec = make_spec(prompt, format="svg", **kw)
    return compose(spec, seed=seed)


def _render(svg: str) -> np.ndarray:
    root = ET.fromstring(svg)
    w, h = int(root.get("width", "0")), int(root.get("height", "0"))
    return np.asarray(Image.open(io.BytesIO(render_png(svg, w, h))).convert("RGBA")).astype(int)


def _text_groups(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [g.get("id", "") for g in root.iter(f"{SVG_NS}g") if g.get("id", "") in TEXT_GROUPS]


# --- every recipe, many sizes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "prompt"), ALL)
def test_parses_meets_contract_and_is_deterministic(kind: str, prompt: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe(kind)
    for size in SIZES:
        svg, info = _compose(prompt, seed=7, **size)
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG_NS}svg"
        assert check_svg(svg) == []
        assert info["layout"]
        again, _ = _compose(prompt, seed=7, **size)
        assert again == svg, f"{kind} {size}: same seed must give the same bytes"


@pytest.mark.parametrize(("kind", "prompt"), ALL)
def test_seeds_give_visibly_different_designs(kind: str, prompt: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe(kind)
    svgs = [_compose(prompt, seed=s, aspect_ratio="1:1")[0] for s in (1, 2, 3)]
    assert len(set(svgs)) == 3
    images = [_render(s)[..., :3] for s in svgs]
    diffs = [np.abs(images[i] - images[j]).mean() for i, j in ((0, 1), (0, 2), (1, 2))]
    assert max(diffs) > 2.0, f"{kind}: seeds look the same ({diffs})"


@pytest.mark.parametrize("size", [{"aspect_ratio": "1:1"}, {"aspect_ratio": "1:1", "tier": "pro"}])
def test_large_canvas_scales(size: dict[str, Any], use_recipe: Callable[[str], None]) -> None:
    for kind in ("pattern", "isometric", "infographic", "illustration"):
        use_recipe(kind)
        svg, _ = _compose(PROMPTS[kind][0], seed=3, **size)
        assert check_svg(svg) == []


# --- patterns tile ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", PROMPTS["pattern"])
@pytest.mark.parametrize("aspect", ["1:1", "16:9", "9:16"])
def test_pattern_tiles_seamlessly(prompt: str, aspect: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe("pattern")
    for seed in (1, 2, 3):
        svg, info = _compose(prompt, seed=seed, aspect_ratio=aspect)
        px = _render(svg)[..., :3]
        # Left and right edges are neighbours once tiled: they must agree (anti-aliasing aside).
        cols = np.abs(px[:, 0] - px[:, -1]).max(axis=1)
        rows = np.abs(px[0] - px[-1]).max(axis=1)
        assert np.abs(px[:, 0] - px[:, -1]).mean() < 8, f"{info['layout']} seed {seed}: vertical seam"
        assert np.abs(px[0] - px[-1]).mean() < 8, f"{info['layout']} seed {seed}: horizontal seam"
        assert (cols > 96).mean() < 0.06 and (rows > 96).mean() < 0.06


def test_pattern_motifs_cross_the_edges(use_recipe: Callable[[str], None]) -> None:
    """A real repeat, not a framed layout: something is drawn across at least one edge."""
    use_recipe("pattern")
    svg, _ = _compose("seamless pattern of lemons and leaves", seed=1)
    px = _render(svg)[..., :3]
    ground = px[px.shape[0] // 2, px.shape[1] // 2]
    edges = np.concatenate([px[:, 0], px[:, -1], px[0], px[-1]])
    assert (np.abs(edges - edges.mean(axis=0)).sum(axis=1) > 30).any() or (
        np.abs(edges - ground).sum(axis=1) > 30
    ).any()


# --- colour guarantees ------------------------------------------------------------------------------------


def _colors_in(svg: str) -> set[tuple[int, int, int]]:
    try:
        from artboard.post.palette import svg_colors

        return set(svg_colors(svg))
    except ImportError:  # pragma: no cover - fallback when the post package is absent
        found = set()
        for value in re.findall(r'(?:fill|stroke|stop-color)="(#[0-9a-fA-F]{6})"', svg):
            found.add((int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)))
        return found


PALETTE = "#1d3557,#e63946,#f1faee,#a8dadc,#457b9d"


@pytest.mark.parametrize(("kind", "prompt"), ALL)
def test_user_palette_is_a_guarantee(kind: str, prompt: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe(kind)
    allowed = {(0x1D, 0x35, 0x57), (0xE6, 0x39, 0x46), (0xF1, 0xFA, 0xEE), (0xA8, 0xDA, 0xDC), (0x45, 0x7B, 0x9D)}
    for seed in (1, 2):
        for size in ({"aspect_ratio": "1:1"}, {"aspect_ratio": "16:9"}):
            svg, _ = _compose(prompt, seed=seed, palette=PALETTE, **size)
            extra = _colors_in(svg) - allowed
            assert not extra, f"{kind} seed {seed}: colours outside the palette: {sorted(extra)[:5]}"


@pytest.mark.parametrize(("kind", "prompt"), ALL)
def test_transparent_ground_is_left_clear(kind: str, prompt: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe(kind)
    svg, _ = _compose(prompt, seed=2, aspect_ratio="1:1", background="transparent")
    assert 'id="background"' not in svg
    px = _render(svg)
    # At least the corners are see-through (nothing paints the whole canvas).
    corners = [px[0, 0, 3], px[0, -1, 3], px[-1, 0, 3], px[-1, -1, 3]]
    if kind != "pattern":
        assert min(corners) == 0 or max(corners) == 0, f"{kind}: a transparent ground got painted"
    else:
        assert (px[..., 3] == 0).mean() > 0.05, "pattern: the ground between motifs stays clear"


# --- text -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "prompt"), [(k, p) for k, p in ALL if k != "infographic" and '"' not in p])
def test_no_invented_text(kind: str, prompt: str, use_recipe: Callable[[str], None]) -> None:
    use_recipe(kind)
    for size in ({"aspect_ratio": "1:1"}, {"aspect_ratio": "16:9"}):
        svg, info = _compose(prompt, seed=1, **size)
        assert _text_groups(svg) == [], f"{kind}: text layers in a prompt without text"
        assert "fonts" not in info


@pytest.fixture
def spy_text(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []
    original = Ctx.text

    def text(self: Ctx, parent: Any, value: str, *args: Any, **kw: Any) -> Any:
        seen.append(value)
        return original(self, parent, value, *args, **kw)

    monkeypatch.setattr(Ctx, "text", text)
    yield seen


@pytest.mark.parametrize("prompt", PROMPTS["infographic"])
def test_infographic_invents_no_text_and_no_figures(
    prompt: str, use_recipe: Callable[[str], None], spy_text: list[str]
) -> None:
    use_recipe("infographic")
    for seed in (1, 2, 3):
        for size in ({"aspect_ratio": "1:1"}, {"aspect_ratio": "16:9"}, {"aspect_ratio": "9:16"}):
            _compose(prompt, seed=seed, **size)
    prompt_words = set(re.findall(r"\w+", prompt.lower()))
    for value in spy_text:
        # Step numbers, or the prompt's own topic as the title ("infographic about coffee consumption"); no other
        # words, and no figure the prompt did not give ("38%" on a chart of nothing would be an invented fact).
        own = set(re.findall(r"\w+", value.lower())) <= prompt_words
        assert re.fullmatch(r"\d{1,2}|0\d", value) or own, f"invented text {value!r}"


def test_infographic_uses_the_given_words(use_recipe: Callable[[str], None], spy_text: list[str]) -> None:
    use_recipe("infographic")
    _compose('infographic titled "Water Use" with donut chart', seed=1)
    assert "Water Use" in spy_text
    spy_text.clear()
    _compose(
        'onboarding steps infographic "Sign up", "Verify email", "Invite team", "Launch"', seed=2, aspect_ratio="16:9"
    )
    words = [t for t in spy_text if not re.fullmatch(r"\d{1,3}%?|0\d", t)]
    assert set(words) == {"Sign up", "Verify email", "Invite team", "Launch"}


def test_headline_set_when_given(use_recipe: Callable[[str], None], spy_text: list[str]) -> None:
    use_recipe("isometric")
    _compose('isometric hero titled "Ship faster" with tagline "Deploy in seconds"', seed=1, aspect_ratio="16:9")
    assert "Ship faster" in spy_text and "Deploy in seconds" in spy_text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
@pytest.mark.parametrize("aspect", ["1:1", "16:9", "9:16"])
def test_pixel_dojo_is_legible(aspect: str, use_recipe: Callable[[str], None]) -> None:
    pytesseract = pytest.importorskip("pytesseract")
    use_recipe("illustration")
    for seed in (1, 2, 3):
        svg, info = _compose(PIXEL_DOJO, seed=seed, aspect_ratio=aspect)
        assert info["layout"].startswith("wrapper")
        rgb = Image.fromarray(_render(svg)[..., :3].astype("uint8"))
        read = ""
        for angle in (7, 10.5, 14):  # the wrapper is tilted 7–14° for energy; OCR reads level lines
            level = rgb.rotate(-angle, expand=True, fillcolor=(255, 255, 255), resample=Image.Resampling.BICUBIC)
            read = " ".join(pytesseract.image_to_string(level, config=f"--psm {psm}") for psm in (6, 11))
            if re.search(r"pixel", read, re.I) and re.search(r"dojo", read, re.I):
                break
        else:
            pytest.fail(f"seed {seed}: OCR read {read!r}")


# --- routing and fallbacks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("seamless pattern of lemons and leaves", "pattern"),
        ("isometric city block", "isometric"),
        ("infographic about coffee consumption with bar chart", "infographic"),
        ("a fox in a forest at night", "illustration"),
    ],
)
def test_dispatcher_reaches_the_graphics_recipes(prompt: str, kind: str) -> None:
    _svg, info = _compose(prompt, seed=1, aspect_ratio="1:1")
    assert info["type"] == kind
    assert info["layout"].split("-")[0] in {
        "pattern",
        "isometric",
        "infographic",
        "landscape",
        "line",
        "hero",
        "editorial",
        "still",
        "wrapper",
    }


def test_illustration_picks_a_fitting_scene(use_recipe: Callable[[str], None]) -> None:
    use_recipe("illustration")
    layouts = {p: _compose(p, seed=1)[1]["layout"] for p in PROMPTS["illustration"]}
    assert layouts[PROMPTS["illustration"][0]].startswith("line-landscape")
    assert layouts[PROMPTS["illustration"][1]].startswith("editorial")
    assert layouts[PROMPTS["illustration"][2]].startswith("landscape-mountains")
    assert layouts[PROMPTS["illustration"][3]].startswith("still-life-dropper")
    assert layouts[PIXEL_DOJO].startswith("wrapper")
    assert "fox" in layouts["a fox in a forest at night"] and "night" in layouts["a fox in a forest at night"]
    # Indoor things stand in a room (wall, window, floor), not on a meadow.
    assert layouts["flat illustration of a cozy reading nook"].endswith("-room")
    _svg, info = _compose("illustration of a piano in a living room", seed=2)
    # The piano emoji is Unicode's "musical keyboard".
    assert info["layout"].endswith("-room") and any(k in key for key in info["icons"] for k in ("piano", "keyboard"))
    assert not _compose("illustration of a dog and a ball", seed=1)[1]["layout"].endswith("-room")
    # Where the subject is ("through a city") is its backdrop, not a second icon.
    _svg, info = _compose("vector illustration of a cyclist riding through a city", seed=1)
    # the cyclist on a bicycle, one picture ("person-biking"), or the bicycle alone in glyph styles
    assert [key.split(":")[1] for key in info["icons"]] in (["person-biking"], ["bicycle"])


def test_landscape_subjects_float_fly_or_stand() -> None:
    """Boats go on the water (the scene then has water), balloons in the sky, a lighthouse on a headland."""
    for seed in (1, 2):
        assert "-water-sailboat" in _compose("a sailboat on a lake at sunset", seed=seed)[1]["layout"]
        assert "balloon" in _compose("hot air balloons over a valley", seed=seed)[1]["layout"]
        layout = _compose("illustration of a lighthouse on a cliff by the sea", seed=seed)[1]["layout"]
        assert "-water-lighthouse" in layout and "lighthouse-on" not in layout
        assert "cabin" in _compose("a cabin by a lake in the mountains", seed=seed)[1]["layout"]


def test_snow_makes_a_winter_scene() -> None:
    from artboard.colors import oklch

    for seed in (1, 2):
        svg, info = _compose("a fox walking through a snowy forest", seed=seed)
        assert "fox" in info["layout"]
        px = _render(svg)[..., :3]
        lightness, _chroma, hue = oklch(tuple(int(v) for v in px[4, px.shape[1] // 2]))
        assert lightness > 0.7 and 200 <= hue <= 280  # a pale, cold sky


def test_saas_hero_uses_the_named_colours(use_recipe: Callable[[str], None]) -> None:
    """Sapphire and amber on white: the two named hues lead, the ground stays white."""
    from artboard.colors import oklch

    use_recipe("isometric")
    for seed in (1, 2, 3):
        svg, info = _compose(SAAS, seed=seed, aspect_ratio="16:9")
        px = _render(svg)[..., :3]
        assert tuple(px[2, 2]) == (255, 255, 255)
        sample = [oklch(tuple(int(v) for v in c)) for c in px.reshape(-1, 3)[::97]]
        hues = [hue for _, chroma, hue in sample if chroma > 0.08]
        blue = sum(1 for hue in hues if 230 <= hue <= 290)
        amber = sum(1 for hue in hues if 50 <= hue <= 95)
        assert blue > amber > 0, f"seed {seed} ({info['layout']}): blue {blue}, amber {amber}"


def test_an_isometric_shop_carries_its_trade_on_the_sign() -> None:
    for prompt, trade in (("isometric illustration of a coffee shop", "coffee"), ("isometric bakery", "croissant")):
        _svg, info = _compose(prompt, seed=1)
        assert info["layout"] == "isometric-shop" and trade in info["icons"][0], info


def test_named_repeats_are_drawn_as_named() -> None:
    for prompt, kind in (
        ("art deco scallop pattern", "deco"),
        ("halftone dots pattern", "halftone"),
        ("polka dot pattern in red and white", "polka"),
        ("chevron pattern pastel", "chevron"),
        ("striped pattern, navy and cream", "stripes"),
    ):
        _svg, info = _compose(prompt, seed=1)
        assert info["layout"] == f"pattern-{kind}" and not info.get("icons"), (prompt, info)
    _svg, info = _compose("kids pattern with dinosaurs", seed=1)
    assert any("sauropod" in key or "t-rex" in key for key in info["icons"])


def test_cycles_are_drawn_as_rings(spy_text: list[str]) -> None:
    """A cycle is a ring of stages joined by arrows: a known one in its order, labels from the prompt only."""
    _svg, info = _compose("infographic about the water cycle", seed=1)
    assert info["layout"] == "infographic-cycle-4"
    stages = [key.split(":")[1] for key in info["icons"][-4:]]
    assert "sun" in stages[0] and "cloud" in stages[1] and "rain" in stages[2] and "wave" in stages[3], stages
    spy_text.clear()
    _svg, info = _compose(
        'product lifecycle infographic "Plan" "Build" "Launch" "Measure"', seed=2, aspect_ratio="16:9"
    )
    assert info["layout"] == "infographic-cycle-4"
    assert [t for t in spy_text if not t.isdigit()] == ["Plan", "Build", "Launch", "Measure"]
    _svg, info = _compose("5 stage cycle infographic", seed=1)
    assert info["layout"] == "infographic-cycle-5"
    assert not any("cycle" in key for key in info["icons"][-5:])  # the diagram's kind is not one of its stages
