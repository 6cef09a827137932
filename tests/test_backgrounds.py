"""The background design type: which prompts ask for one, and the recipe that draws them (full-bleed, every style,
the named colours, a user palette kept, every aspect ratio filled, deterministic, text only when asked)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

import numpy as np
from PIL import Image

from artboard.colors import parse_palette
from artboard.composer import compose
from artboard.composer.brief import parse
from artboard.post.palette import svg_colors
from artboard.render import render_png
from artboard.spec import make_spec
from artboard.svgsafe import check_svg

SVG_NS = "{http://www.w3.org/2000/svg}"
TEXT_GROUPS = {"headline", "subline", "label", "text", "wordmark", "tagline", "arc-text"}

BACKGROUNDS = [
    "soft gradient background, dusty rose to peach",
    "marble texture with gold veins",
    "bokeh lights background",
    "abstract waves background for a tech website",
    "navy to teal gradient",
    "phone wallpaper, minimal mountains at dusk, purple and orange",
    "desktop wallpaper: starry night sky with a crescent moon, deep navy",
    "zoom background: cozy home office with bookshelves and a plant, warm tones",
    "subtle paper texture background, off-white",
    "dark mode tech background with a faint grid and glowing dots, electric blue on black",
    "low poly triangles background in purple and blue",
    "hero background for a SaaS landing page",
    "mesh gradient in purple and blue",
    "galaxy wallpaper for iphone",
    "wallpaper, mountains and a lake at dusk, purple and orange",
]
NOT_BACKGROUNDS = [
    ("logo on a white background", "logo"),
    ("poster with a blue background", "poster"),
    ("sticker, transparent background", "sticker"),
    ("icon on a dark background", "icon"),
    ("seamless pattern of leaves", "pattern"),
    ("repeating wallpaper pattern with birds", "pattern"),
    ("floral wallpaper", "pattern"),
    ("a fox in a forest, dark background", "illustration"),
    ("two friends sitting by a campfire under the stars, a tent in the background", "illustration"),
    ("website hero banner with an abstract background", "banner"),
    ("tech logo for AeroPixel, gradient purple to cyan", "logo"),
    ("business card with a marble texture", "card"),
    ("professional headshot of a man in a suit, grey backdrop", "illustration"),
]

# One prompt per technique: the layout each must draw.
STYLES: dict[str, str] = {
    "gradient": "soft gradient background, coral to lavender",
    "mesh": "mesh gradient background, pastel",
    "blobs": "abstract background with organic blobs",
    "aurora": "aurora borealis wallpaper for desktop",
    "bokeh": "bokeh lights background",
    "watercolour": "watercolour wash background in blue and pink",
    "waves": "abstract waves background",
    "papercut": "paper cut layered waves background, ocean blue",
    "lines": "wavy lines background in teal and white",
    "mountains": "phone wallpaper with mountains at dusk",
    "topographic": "topographic contour lines background",
    "lowpoly": "low poly triangles background",
    "hexagons": "hexagon background, dark tech",
    "circles": "concentric circles background",
    "grid": "tech background with a grid and glowing dots",
    "halftone": "halftone dots background, red on cream",
    "confetti": "confetti background for a birthday",
    "memphis": "memphis style background",
    "stars": "starry night sky background with a crescent moon",
    "marble": "white marble texture background with gold veins",
    "wood": "wood grain texture background",
    "linen": "linen texture background, beige",
    "terrazzo": "terrazzo texture, terracotta sage and cream",
    "room": "zoom background: home office with bookshelves and a plant",
    "grain": "subtle paper texture background, off-white",
}
# Water under a sky: the scene is drawn, never a scatter of wave glyphs.
LAKES = [
    "phone wallpaper of a starry night over a calm lake, deep blue",
    "desktop wallpaper of a full moon over a quiet lake, night",
    "background of mountains reflected in a lake at sunset",
]
PALETTE = "#112233,#ddeeff,#ff8800"


def _compose(prompt: str, seed: int = 1, **kw: Any) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", **kw), seed=seed)


def _render(svg: str, scale: float = 0.5) -> np.ndarray:
    root = ET.fromstring(svg)
    w, h = int(root.get("width", "0")), int(root.get("height", "0"))
    png = render_png(svg, max(1, round(w * scale)), max(1, round(h * scale)))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def _oklab(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m1 = np.array(
        [
            [0.4122214708, 0.5363325363, 0.0514459929],
            [0.2119034982, 0.6806995451, 0.1073969566],
            [0.0883024619, 0.2817188376, 0.6299787005],
        ]
    )
    m2 = np.array(
        [
            [0.2104542553, 0.7936177850, -0.0040720468],
            [1.9779984951, -2.4285922050, 0.4505937099],
            [0.0259040371, 0.7827717662, -0.8086757660],
        ]
    )
    return np.asarray(np.cbrt(lin @ m1.T) @ m2.T)


def _share_near(px: np.ndarray, rgb: tuple[int, int, int], delta: float = 0.06) -> float:
    """Share of the pixels within ΔE (OKLab) `delta` of `rgb`."""
    lab = _oklab(px[..., :3].reshape(-1, 3))
    return float((np.linalg.norm(lab - _oklab(np.array(rgb)), axis=1) <= delta).mean())


def _text_groups(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [g.get("id", "") for g in root.iter(f"{SVG_NS}g") if g.get("id", "") in TEXT_GROUPS]


# --- which prompts ask for a background -------------------------------------------------------------------


@pytest.mark.parametrize("prompt", BACKGROUNDS)
def test_background_prompts_classify_as_background(prompt: str) -> None:
    assert parse(prompt).design_type == "background"


@pytest.mark.parametrize(("prompt", "kind"), NOT_BACKGROUNDS)
def test_a_background_of_another_design_keeps_its_type(prompt: str, kind: str) -> None:
    assert parse(prompt).design_type == kind


# --- every style --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_style_renders_full_bleed_and_is_deterministic(style: str) -> None:
    svg, info = _compose(STYLES[style], seed=3)
    assert info["type"] == "background"
    assert info["layout"] == f"background-{style}"
    assert check_svg(svg) == []
    assert _compose(STYLES[style], seed=3)[0] == svg, "same seed, same bytes"
    px = _render(svg)
    assert (px[..., 3] == 255).all(), "no empty or see-through pixels on an opaque ground"
    assert px[..., :3].std() > 1.0, "more than a flat fill"
    assert _text_groups(svg) == [], "a background sets no text the prompt did not give"


@pytest.mark.parametrize("style", sorted(STYLES))
def test_seeds_vary_the_design(style: str) -> None:
    assert len({_compose(STYLES[style], seed=s)[0] for s in (1, 2, 3)}) == 3


@pytest.mark.parametrize("aspect", ["16:9", "9:16"])
@pytest.mark.parametrize("style", ["gradient", "waves", "mountains", "stars", "marble", "room", "confetti"])
def test_wide_and_tall_canvases_are_filled(style: str, aspect: str) -> None:
    svg, _ = _compose(STYLES[style], seed=2, aspect_ratio=aspect)
    root = ET.fromstring(svg)
    w, h = int(root.get("width", "0")), int(root.get("height", "0"))
    assert (w > h) == (aspect == "16:9")
    px = _render(svg, 0.25)
    assert (px[..., 3] == 255).all()
    # Something is drawn across the whole canvas, not a square in the middle: every quarter differs from flat.
    rows, cols = px.shape[0] // 2, px.shape[1] // 2
    quarters = [px[:rows, :cols], px[:rows, cols:], px[rows:, :cols], px[rows:, cols:]]
    drawn = [
        q[..., :3].std() > 0.5 or np.abs(q[..., :3].mean((0, 1)) - px[..., :3].mean((0, 1))).sum() > 3 for q in quarters
    ]
    assert sum(drawn) >= 3, f"{style} {aspect}: the design does not reach the edges"


# --- colours ------------------------------------------------------------------------------------------------


def test_gradient_runs_between_the_named_colours_in_order() -> None:
    prompt = "soft gradient background from dusty rose to peach"
    dusty_rose, peach = (192, 115, 122), (255, 176, 124)  # the colour reader's values for both words
    for seed in (1, 2, 3):
        svg, info = _compose(prompt, seed=seed)
        assert info["layout"] == "background-gradient"
        stops = re.findall(r'stop-color="(#[0-9a-f]{6})"', svg)
        assert stops[0] == "#c0737a" and "#ffb07c" in stops, stops
        assert stops.index("#ffb07c") > 0, "the ramp runs from the first colour named to the last"
        px = _render(svg)
        assert _share_near(px, dusty_rose) > 0.01, f"seed {seed}: no dusty rose in the image"
        assert _share_near(px, peach) > 0.01, f"seed {seed}: no peach in the image"
        assert info["drawn"] == [], "peach is a colour here, not a fruit"


def test_navy_and_teal_both_appear() -> None:
    for seed in (1, 2):
        svg, _ = _compose("navy and teal gradient background", seed=seed, aspect_ratio="16:9")
        px = _render(svg)
        assert _share_near(px, (31, 42, 68)) > 0.01
        assert _share_near(px, (2, 147, 134)) > 0.01


def test_marble_veins_are_gold_on_white() -> None:
    for seed in (1, 2):
        svg, info = _compose("white marble texture background with gold veins", seed=seed)
        assert info["layout"] == "background-marble"
        px = _render(svg, 1.0)
        assert _share_near(px, (212, 175, 55)) > 0.002, "gold veins"
        assert _share_near(px, (255, 255, 255), 0.04) > 0.3, "a white ground"


def test_a_ground_colour_said_with_on_is_the_ground() -> None:
    svg, _ = _compose(
        "dark mode tech background with a faint grid and glowing dots, electric blue on black",
        seed=1,
        aspect_ratio="16:9",
    )
    px = _render(svg)
    assert _share_near(px, (0, 0, 0), 0.08) > 0.25


@pytest.mark.parametrize("style", sorted(STYLES))
def test_user_palette_is_a_guarantee(style: str) -> None:
    allowed = set(parse_palette(PALETTE))
    for seed in (1, 2):
        for aspect in ("1:1", "16:9"):
            svg, info = _compose(STYLES[style], seed=seed, palette=PALETTE, aspect_ratio=aspect)
            assert info["layout"] == f"background-{style}"
            extra = svg_colors(svg) - allowed
            assert not extra, f"{style} seed {seed}: colours outside the palette: {sorted(extra)[:5]}"
            # Flat: no blends between colours the palette does not hold.
            assert "Gradient" not in svg and "opacity" not in svg and "filter" not in svg


# --- what else the prompt says ------------------------------------------------------------------------------


def test_named_things_are_a_soft_motif_layer() -> None:
    _, info = _compose("soft pastel background with falling leaves", seed=1)
    assert any(d["concept"].startswith("lea") for d in info["drawn"])
    _, info = _compose(
        "desktop wallpaper: starry night sky with a crescent moon, deep navy", seed=1, aspect_ratio="16:9"
    )
    concepts = {d["concept"] for d in info["drawn"]}
    assert {"stars", "moon"} <= concepts
    _, info = _compose("phone wallpaper, minimal mountains at dusk, purple and orange", seed=1, aspect_ratio="9:16")
    assert any(d["concept"] == "mountains" for d in info["drawn"])
    _, info = _compose(
        "zoom background: cozy home office with bookshelves and a plant, warm tones", seed=1, aspect_ratio="16:9"
    )
    concepts = {d["concept"] for d in info["drawn"]}
    assert {"bookshelf", "plant"} <= concepts


def test_the_technique_is_not_drawn_as_an_icon() -> None:
    for prompt in (
        "aurora borealis desktop wallpaper",
        "paper cut layered waves background",
        'gradient background with the text "Hello"',
    ):
        _, info = _compose(prompt, seed=1, aspect_ratio="16:9")
        assert "icons" not in info, f"{prompt}: {info.get('icons')}"


def test_a_website_background_keeps_its_copy_area_calm() -> None:
    for seed in (1, 2, 3):
        svg, _ = _compose("abstract waves background for a tech website", seed=seed, aspect_ratio="16:9")
        px = _render(svg, 0.25)[..., :3].astype(float)
        h, w = px.shape[:2]
        copy = px[int(h * 0.2) : int(h * 0.6), int(w * 0.05) : int(w * 0.5)]
        rest = px[int(h * 0.5) :, int(w * 0.55) :]
        assert copy.std(axis=(0, 1)).mean() < rest.std(axis=(0, 1)).mean(), f"seed {seed}"


def test_text_only_when_asked_and_never_with_no_text() -> None:
    svg, info = _compose('website hero background that says "Build faster"', seed=1, aspect_ratio="16:9")
    assert "headline" in _text_groups(svg) and info["set_texts"] == ["Build faster"]
    svg, info = _compose('gradient background with the text "Hello World", no text', seed=1)
    assert _text_groups(svg) == [] and info["set_texts"] == []
    svg, info = _compose("abstract background for Acme Corp website", seed=1, aspect_ratio="16:9")
    assert _text_groups(svg) == [], "the company a background is for is not copy to set"


def test_transparent_ground_draws_the_texture_alone() -> None:
    svg, info = _compose("confetti background", seed=1, background="transparent")
    assert info["layout"] == "background-confetti"
    assert 'id="background"' not in svg
    px = _render(svg)
    assert (px[..., 3] == 0).mean() > 0.5 and (px[..., 3] == 255).any()


@pytest.mark.parametrize("prompt", LAKES)
def test_a_lake_under_the_sky_is_drawn_as_water(prompt: str) -> None:
    for seed in (1, 2):
        svg, info = _compose(prompt, seed=seed, aspect_ratio="9:16")
        assert check_svg(svg) == []
        assert info["layout"] in ("background-stars", "background-mountains"), info["layout"]
        assert not info.get("icons"), info.get("icons")  # no glyphs scattered for the lake
        root = ET.fromstring(svg)
        water = [g for g in root.iter(f"{SVG_NS}g") if g.get("id", "").startswith("water")]
        assert water, "no water group"
        assert "lake" in [d["concept"] for d in info.get("drawn", [])]
        # The water runs to the bottom edge: the lowest rows are the water's, not the sky's ramp.
        px = _render(svg, 0.25)
        top, bottom = px[2, :, :3].mean(axis=0), px[-2, :, :3].mean(axis=0)
        assert abs(top - bottom).sum() > 5  # sky and water are different paints
