"""The strict request model: size tables, every invalid value and combination, and defaults."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image
from pydantic import ValidationError

from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.sizes import SIZE_TABLES, resolve_size, sizes
from artboard.spec import GenerationSpec, make_spec

STANDARD = {
    "1:1": (1024, 1024),
    "2:1": (1536, 768),
    "1:2": (768, 1536),
    "3:2": (1280, 832),
    "2:3": (832, 1280),
    "4:3": (1216, 896),
    "3:4": (896, 1216),
    "5:4": (1152, 896),
    "4:5": (896, 1152),
    "6:10": (832, 1344),
    "14:10": (1280, 896),
    "10:14": (896, 1280),
    "16:9": (1344, 768),
    "9:16": (768, 1344),
}
PRO = {
    "1:1": (2048, 2048),
    "2:1": (3072, 1536),
    "1:2": (1536, 3072),
    "3:2": (2560, 1664),
    "2:3": (1664, 2560),
    "4:3": (2432, 1792),
    "3:4": (1792, 2432),
    "5:4": (2304, 1792),
    "4:5": (1792, 2304),
    "6:10": (1664, 2688),
    "14:10": (2560, 1792),
    "10:14": (1792, 2560),
    "16:9": (2688, 1536),
    "9:16": (1536, 2688),
}


def _png(width: int = 32, height: int = 32) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_size_tables_are_exactly_the_published_ones() -> None:
    assert SIZE_TABLES["standard"] == STANDARD
    assert SIZE_TABLES["pro"] == PRO
    assert len(sizes("standard")) == len(sizes("pro")) == 14


@pytest.mark.parametrize(
    ("tier", "ratio", "wh"),
    [("standard", r, wh) for r, wh in STANDARD.items()] + [("pro", r, wh) for r, wh in PRO.items()],
)
def test_every_size_resolves_by_ratio_and_by_wxh(tier: str, ratio: str, wh: tuple[int, int]) -> None:
    by_ratio = make_spec("a fox", tier=tier, aspect_ratio=ratio)
    by_size = make_spec("a fox", tier=tier, size=f"{wh[0]}x{wh[1]}")
    by_size_ratio = make_spec("a fox", tier=tier, size=ratio)
    by_wh = make_spec("a fox", tier=tier, width=wh[0], height=wh[1])
    for spec in (by_ratio, by_size, by_size_ratio, by_wh):
        assert (spec.width, spec.height) == wh


def test_size_of_the_other_tier_is_refused_with_a_hint() -> None:
    with pytest.raises(InvalidParameter) as err:
        make_spec("a fox", size="2048x2048")
    assert err.value.param == "size"
    assert "pro" in err.value.describe()
    assert "1024x1024" in err.value.describe()


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"size": "1000x1000"}, "size"),
        ({"size": "huge"}, "size"),
        ({"aspect_ratio": "21:9"}, "aspect_ratio"),
        ({"aspect_ratio": "7:3"}, "aspect_ratio"),
        ({"size": "1024x1024", "aspect_ratio": "1:1"}, "aspect_ratio"),
        ({"width": 1024}, "height"),
        ({"tier": "ultra"}, "tier"),
        ({"n": 0}, "n"),
        ({"n": 21}, "n"),
        ({"n": "two"}, "n"),
        ({"n": 1.5}, "n"),
        ({"seed": -1}, "seed"),
        ({"seed": 2**32}, "seed"),
        ({"seed": True}, "seed"),
        ({"palette": []}, "palette"),
        ({"palette": [f"#0000{i:02x}" for i in range(11)]}, "palette"),
        ({"palette": "#12345"}, "palette"),
        ({"palette": [[300, 0, 0]]}, "palette"),
        ({"background": "notacolor"}, "background"),
        ({"background": "transparent", "format": "jpg"}, "background"),
        ({"strength": 0.5}, "strength"),
        ({"format": "gif"}, "format"),
        ({"format": "svg", "output": "raster"}, "format"),
        ({"format": "png", "output": "vector"}, "format"),
        ({"output": "3d"}, "output"),
        ({"quality": 10}, "quality"),
        ({"quality": 100}, "quality"),
        ({"quality": 80, "format": "svg"}, "quality"),
        ({"safety": "maybe"}, "safety"),
        ({"image": b"not an image"}, "image"),
    ],
)
def test_invalid_values_name_the_parameter(options: dict[str, object], param: str) -> None:
    with pytest.raises(InvalidParameter) as err:
        make_spec("a fox", **options)  # type: ignore[arg-type]
    assert err.value.param == param
    assert err.value.status in (400, 413)
    assert err.value.describe()


@pytest.mark.parametrize("prompt", ["", "   ", None, "x" * 10_001])
def test_prompt_length(prompt: object) -> None:
    with pytest.raises(InvalidParameter) as err:
        make_spec(prompt)
    assert err.value.param == "prompt"
    assert "10000" in err.value.describe()


def test_prompt_at_the_limit_is_fine() -> None:
    assert len(make_spec("x" * 10_000).prompt) == 10_000


def test_defaults_and_inference() -> None:
    spec = make_spec("a fox")
    assert (spec.width, spec.height, spec.format, spec.output, spec.n, spec.tier) == (
        1024,
        1024,
        "png",
        "raster",
        1,
        "standard",
    )
    assert make_spec("a fox", format="svg").output == "vector"
    assert make_spec("a fox", output="vector").format == "svg"
    assert make_spec("a fox", format="jpeg").format == "jpg"
    assert make_spec("a fox", tier="pro").width == 2048


def test_palette_and_background_forms() -> None:
    spec = make_spec("a fox", palette="#112233, #445566", background="#ffffff")
    assert spec.palette == ((0x11, 0x22, 0x33), (0x44, 0x55, 0x66))
    assert spec.background == (255, 255, 255)
    spec = make_spec("a fox", palette=[[1, 2, 3], {"rgb": [4, 5, 6]}], background="transparent")
    assert spec.palette == ((1, 2, 3), (4, 5, 6))
    assert spec.background == "transparent"


def test_image_inputs_and_strength(tmp_path: pytest.TempPathFactory) -> None:
    data = _png()
    path = tmp_path / "in.png"  # type: ignore[operator]
    path.write_bytes(data)
    url = "data:image/png;base64," + base64.b64encode(data).decode()
    for source in (data, str(path), url):
        spec = make_spec("a fox", image=source, strength=0.4)
        assert spec.image is not None and spec.image.width == 32
        assert spec.effective_strength == 0.4
    assert make_spec("a fox", image=data).effective_strength == 0.2
    with pytest.raises(InvalidParameter) as err:
        make_spec("a fox", image=data, strength=1.5)
    assert err.value.param == "strength"


def test_too_large_image_is_refused() -> None:
    with pytest.raises(PayloadTooLarge) as err:
        make_spec("a fox", image=b"\x89PNG" + b"0" * (10 * 1024 * 1024 + 1))
    assert err.value.param == "image"
    assert err.value.status == 413


def test_spec_is_frozen_and_strict() -> None:
    spec = make_spec("a fox")
    with pytest.raises(ValidationError):
        spec.n = 3  # type: ignore[misc]
    with pytest.raises(ValidationError):
        GenerationSpec(prompt="a fox", unknown=1)  # type: ignore[call-arg]


def test_seeds_are_consecutive_and_wrap() -> None:
    spec = make_spec("a fox", n=3, seed=2**32 - 2)
    assert spec.seeds() == [2**32 - 2, 2**32 - 1, 0]


def test_resolve_size_accepts_equivalent_ratio_spellings() -> None:
    assert resolve_size("7:5", "standard") == (1280, 896)
    assert resolve_size("1536 x 768", "standard") == (1536, 768)
