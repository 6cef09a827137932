from __future__ import annotations

import numpy as np
import pytest
from coloraide import Color
from hypothesis import given, settings
from hypothesis import strategies as st

from artboard.colors import (
    CSS_COLORS,
    NAMED_COLORS,
    contrast_ratio,
    delta_e_ok,
    from_oklch,
    nearest,
    oklab_to_srgb,
    oklch,
    parse_color,
    parse_css_color,
    parse_palette,
    srgb_to_oklab,
    to_hex,
)
from artboard.errors import InvalidParameter

rgb_st = st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#abc", (0xAA, 0xBB, 0xCC)),
        ("#AABBCC", (0xAA, 0xBB, 0xCC)),
        ("aabbcc", (0xAA, 0xBB, 0xCC)),
        ("  #a1b2c3 ", (0xA1, 0xB2, 0xC3)),
        ("rgb(1,2,3)", (1, 2, 3)),
        ("rgb( 1 , 2 , 3 )", (1, 2, 3)),
        ("rgb(1 2 3)", (1, 2, 3)),
        ("RGB(100%, 0%, 50%)", (255, 0, 128)),
        ("rgba(1, 2, 3, 1)", (1, 2, 3)),
        ([1, 2, 3], (1, 2, 3)),
        ((255, 0, 10), (255, 0, 10)),
        (np.array([4, 5, 6]), (4, 5, 6)),
        ([1.0, 2.0, 3.0], (1, 2, 3)),
        ({"rgb": [7, 8, 9]}, (7, 8, 9)),
        ({"hex": "#0a0b0c"}, (10, 11, 12)),
        ("red", (255, 0, 0)),
        ("RebeccaPurple", (102, 51, 153)),
        ("sapphire", NAMED_COLORS["sapphire"]),
        ("Dusty Rose", NAMED_COLORS["dusty rose"]),
        ("dusty-rose", NAMED_COLORS["dusty rose"]),
        ("navy_blue", NAMED_COLORS["navy blue"]),
        ("hsl(0, 100%, 50%)", (255, 0, 0)),
    ],
)
def test_parse_color_accepts(value: object, expected: tuple[int, int, int]) -> None:
    assert parse_color(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "#12",
        "#12345",
        "#ggg",
        "blurple",
        "rgb(1,2)",
        "rgb(1,2,3,4,5)",
        "rgba(1,2,3,0.5)",
        "#11223380",
        [1, 2],
        [1, 2, 3, 4],
        [1, 2, 300],
        [-1, 0, 0],
        [1.5, 2, 3],
        [True, 0, 0],
        None,
        42,
        {"rgb": "red"},
        {"r": 1},
        "abc",
    ],
)
def test_parse_color_rejects_with_param(value: object) -> None:
    with pytest.raises(InvalidParameter) as info:
        parse_color(value, param="background")
    err = info.value
    assert err.param == "background"
    assert "background" in str(err)
    assert err.allowed is not None
    assert err.to_dict()["code"] == "invalid_parameter"


def test_parse_color_suggests_close_name() -> None:
    with pytest.raises(InvalidParameter, match="did you mean 'sapphire'"):
        parse_color("saphire")


def test_parse_color_translucent_message() -> None:
    with pytest.raises(InvalidParameter, match="opaque"):
        parse_color("rgba(0, 0, 0, 0.2)", param="palette")


def test_designer_names_present() -> None:
    names = (
        "sapphire amber charcoal blush sage teal navy terracotta mustard coral mint lavender ochre rust "
        "olive forest emerald ruby burgundy maroon plum mauve peach cream ivory sand taupe slate graphite "
        "cobalt cerulean indigo violet magenta fuchsia turquoise aqua seafoam lime chartreuse gold copper "
        "bronze champagne espresso mocha caramel crimson scarlet vermilion tangerine saffron lemon butter"
    )
    for name in names.split():
        assert name in NAMED_COLORS, name
    assert len(NAMED_COLORS) >= len(CSS_COLORS) + 150
    # CSS keywords keep their CSS meaning.
    for name, rgb in CSS_COLORS.items():
        assert NAMED_COLORS[name] == rgb
    assert all(name == name.lower() for name in NAMED_COLORS)


def test_css_colors_agree_with_coloraide() -> None:
    for name, rgb in CSS_COLORS.items():
        ref = Color(name).convert("srgb")
        assert tuple(round(c * 255) for c in ref.coords()) == rgb, name


def test_parse_css_color_lenient() -> None:
    assert parse_css_color("none") is None
    assert parse_css_color("currentColor") is None
    assert parse_css_color("url(#g)") is None
    assert parse_css_color("#11223380") == ((0x11, 0x22, 0x33), pytest.approx(0x80 / 255))
    assert parse_css_color("rgba(1,2,3,.25)") == ((1, 2, 3), 0.25)
    assert parse_css_color("rgb(1 2 3 / 50%)") == ((1, 2, 3), 0.5)
    assert parse_css_color("hsla(120deg 100% 25% / 1)") == ((0, 128, 0), 1.0)
    assert parse_css_color("rgb(300, -4, 20)") == ((255, 0, 20), 1.0)


def test_parse_palette_forms() -> None:
    assert parse_palette("#112233,#445566") == ((0x11, 0x22, 0x33), (0x44, 0x55, 0x66))
    assert parse_palette("#112233 #445566") == ((0x11, 0x22, 0x33), (0x44, 0x55, 0x66))
    assert parse_palette("rgb(1, 2, 3), red") == ((1, 2, 3), (255, 0, 0))
    assert parse_palette("rgb(1 2 3) red") == ((1, 2, 3), (255, 0, 0))
    assert parse_palette("dusty rose") == (NAMED_COLORS["dusty rose"],)
    assert parse_palette("dusty rose, sage") == (NAMED_COLORS["dusty rose"], NAMED_COLORS["sage"])
    assert parse_palette(["red", [0, 0, 255], {"rgb": [0, 255, 0]}]) == (
        (255, 0, 0),
        (0, 0, 255),
        (0, 255, 0),
    )
    assert parse_palette((1, 2, 3)) == ((1, 2, 3),)
    # Duplicates collapse, order kept.
    assert parse_palette(["#f00", "red", "blue", "#ff0000"]) == ((255, 0, 0), (0, 0, 255))


def test_parse_palette_limits() -> None:
    eleven = [f"#{i:02x}0000" for i in range(11)]
    with pytest.raises(InvalidParameter) as info:
        parse_palette(eleven)
    assert info.value.param == "palette"
    assert "11" in str(info.value)
    assert len(parse_palette(eleven[:10])) == 10
    assert len(parse_palette(eleven + ["#000000"] * 3, max_colors=11)) == 11
    with pytest.raises(InvalidParameter):
        parse_palette([])
    with pytest.raises(InvalidParameter):
        parse_palette("")
    with pytest.raises(InvalidParameter) as info:
        parse_palette(["#000", "nonsense"], param="colors")
    assert info.value.param == "colors"
    assert "colors[1]" in str(info.value)
    with pytest.raises(InvalidParameter):
        parse_palette(12)


def test_to_hex() -> None:
    assert to_hex((0, 15, 255)) == "#000fff"
    assert to_hex((170, 187, 204)) == "#aabbcc"


@settings(max_examples=200, deadline=None)
@given(rgb_st)
def test_oklab_matches_coloraide(rgb: tuple[int, int, int]) -> None:
    ours = srgb_to_oklab(np.array(rgb, dtype=np.uint8))
    ref = Color("srgb", [c / 255 for c in rgb]).convert("oklab").coords()
    assert np.allclose(ours, ref, atol=2e-4)
    assert np.allclose(srgb_to_oklab(np.array(rgb, dtype=np.float64) / 255.0), ours, atol=1e-9)
    back = oklab_to_srgb(ours) * 255.0
    assert np.allclose(back, rgb, atol=1e-6)


def test_oklab_vectorised_shapes_and_speed() -> None:
    img = np.random.default_rng(0).integers(0, 256, (64, 48, 3), dtype=np.uint8)
    lab = srgb_to_oklab(img)
    assert lab.shape == (64, 48, 3)
    assert np.allclose(lab[10, 20], srgb_to_oklab(img[10, 20]))
    with pytest.raises(ValueError):
        srgb_to_oklab(np.zeros((4, 4)))


@settings(max_examples=100, deadline=None)
@given(rgb_st)
def test_oklch_roundtrip(rgb: tuple[int, int, int]) -> None:
    lightness, chroma, hue = oklch(rgb)
    assert 0 <= hue < 360
    back = from_oklch(lightness, chroma, hue)
    assert max(abs(a - b) for a, b in zip(back, rgb, strict=True)) <= 1


def test_from_oklch_gamut_maps_keeping_hue() -> None:
    rgb = from_oklch(0.7, 0.5, 140)  # far outside sRGB
    assert all(0 <= c <= 255 for c in rgb)
    lightness, _, hue = oklch(rgb)
    assert abs(lightness - 0.7) < 0.01
    assert abs(hue - 140) < 2
    assert from_oklch(0.5, 0.0, 0) == from_oklch(0.5, 0.0, 180)


def test_delta_e_and_contrast() -> None:
    assert delta_e_ok((10, 20, 30), (10, 20, 30)) == 0
    assert delta_e_ok((0, 0, 0), (255, 255, 255)) == pytest.approx(100, abs=0.1)
    ref = Color("srgb", [1, 0, 0]).delta_e(Color("srgb", [0, 0, 1]), method="ok") * 100
    assert delta_e_ok((255, 0, 0), (0, 0, 255)) == pytest.approx(ref, rel=1e-3)
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    ref_c = Color("srgb", [0.2, 0.4, 0.6]).contrast(Color("white"), method="wcag21")
    assert contrast_ratio((51, 102, 153), (255, 255, 255)) == pytest.approx(ref_c, rel=1e-3)


def test_nearest_ties_and_order() -> None:
    palette = [(0, 0, 0), (255, 255, 255)]
    assert nearest((10, 10, 10), palette) == (0, 0, 0)
    assert nearest((250, 250, 250), palette) == (255, 255, 255)
    twins = [(100, 0, 0), (100, 0, 0)]
    assert nearest((90, 0, 0), twins) is twins[0]
    with pytest.raises(ValueError):
        nearest((0, 0, 0), [])


@settings(max_examples=100, deadline=None)
@given(rgb_st, st.lists(rgb_st, min_size=1, max_size=10))
def test_nearest_is_minimal_in_oklab(rgb: tuple[int, int, int], palette: list[tuple[int, int, int]]) -> None:
    chosen = nearest(rgb, palette)
    best = min(delta_e_ok(rgb, c) for c in palette)
    assert delta_e_ok(rgb, chosen) <= best + 1e-6
