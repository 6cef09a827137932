"""End-to-end engine behaviour through the public API: determinism, seeds, guarantees, contract, manifests."""

from __future__ import annotations

import io
import itertools
import json
import re

import numpy as np
import pytest
from PIL import Image

import artboard
from artboard.colors import parse_color
from artboard.errors import ContentBlocked
from artboard.manifest import read_manifest
from artboard.metrics import ssim
from artboard.post.palette import raster_compliance, svg_colors
from artboard.svgsafe import check_svg

PROMPTS = [
    "minimal fox logo called Ember",
    "vintage circular badge for a craft brewery",
    "modern iOS-style app icon of a camera, single accent color on white",
    'poster for a jazz night called "Blue Note Sessions"',
    "seamless pattern of lemons and leaves",
    "isometric city block illustration",
    "infographic about coffee consumption with bar chart",
    "A minimalist line art illustration of a mountain landscape, clean design",
    "cute sticker of a cat drinking coffee",
    "KR monogram, elegant",
]
PALETTE = ["#1b2a49", "#f2a541", "#e94f37", "#f6f7eb"]


def _drawing(svg: str) -> str:
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)


def _rgba(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGBA"))


@pytest.mark.parametrize("fmt", ["svg", "png", "jpg", "webp"])
def test_same_spec_and_seed_give_identical_bytes(fmt: str) -> None:
    a = artboard.generate(PROMPTS[0], seed=42, format=fmt)
    b = artboard.generate(PROMPTS[0], seed=42, format=fmt)
    assert a[0].data == b[0].data
    assert (
        a[0].media_type == {"svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}[fmt]
    )


@pytest.mark.parametrize("prompt", PROMPTS[:6])
def test_different_seeds_give_different_designs(prompt: str) -> None:
    arts = artboard.generate(prompt, seed=100, n=3, format="png", safety=False)
    pixels = [_rgba(a.data).astype(np.int16) for a in arts]
    for i in range(3):
        for j in range(i + 1, 3):
            # Visibly different: a real share of pixels changed, not a one-pixel jitter.
            changed = np.mean(np.any(np.abs(pixels[i] - pixels[j]) > 24, axis=2))
            assert changed > 0.02, (prompt, i, j, changed)


def test_seeds_are_reported_and_reproducible_one_by_one() -> None:
    arts = artboard.generate(PROMPTS[1], n=3, format="svg")
    seeds = [a.seed for a in arts]
    assert seeds[1] == (seeds[0] + 1) % 2**32 and seeds[2] == (seeds[0] + 2) % 2**32
    for art in arts:
        assert art.manifest["seed"] == art.seed
        again = artboard.generate(PROMPTS[1], seed=art.seed, format="svg")[0]
        assert again.manifest["design"] == art.manifest["design"]
        # Only the manifest differs (index, n): the drawing itself is the same.
        assert _drawing(again.text) == _drawing(art.text)


@pytest.mark.parametrize("prompt", PROMPTS)
def test_palette_guarantee_in_svg(prompt: str) -> None:
    [art] = artboard.generate(prompt, seed=5, format="svg", palette=",".join(PALETTE), background="#ffffff")
    allowed = {parse_color(c) for c in PALETTE} | {(255, 255, 255)}
    assert svg_colors(art.text) <= allowed
    assert art.manifest["palette"]["compliant"] is True


@pytest.mark.parametrize("prompt", PROMPTS[:5])
def test_palette_guarantee_in_pixels(prompt: str) -> None:
    [art] = artboard.generate(
        prompt, seed=9, format="png", palette=",".join(PALETTE[:3]), background="#ffffff", safety=False
    )
    allowed = [parse_color(c) for c in PALETTE[:3]] + [(255, 255, 255)]
    report = raster_compliance(_rgba(art.data), allowed)
    assert report["other"] <= 0.0005, report
    assert report["exact"] > 0.9


def test_background_colour_is_the_canvas() -> None:
    [art] = artboard.generate(PROMPTS[2], seed=3, format="png", background="#102030", safety=False)
    pixels = _rgba(art.data)
    corners = [pixels[0, 0], pixels[0, -1], pixels[-1, 0], pixels[-1, -1]]
    for corner in corners:
        assert tuple(corner) == (0x10, 0x20, 0x30, 255)


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_transparent_background_gives_real_alpha(fmt: str) -> None:
    [art] = artboard.generate(PROMPTS[2], seed=3, format=fmt, background="transparent", safety=False)
    alpha = _rgba(art.data)[..., 3]
    assert alpha[0, 0] == 0 and alpha.min() == 0
    assert alpha.max() == 255


def test_transparent_svg_has_no_background_shape() -> None:
    [art] = artboard.generate(PROMPTS[2], seed=3, format="svg", background="transparent")
    assert 'id="background"' not in art.text
    png = artboard.generate(PROMPTS[2], seed=3, format="png", background="transparent", safety=False)[0]
    assert _rgba(png.data)[0, 0, 3] == 0


@pytest.mark.parametrize("prompt", PROMPTS)
def test_svg_contract(prompt: str) -> None:
    [art] = artboard.generate(prompt, seed=11, format="svg")
    text = art.text
    assert check_svg(text) == []
    assert "<text" not in text and "<image" not in text and "<script" not in text
    assert f'width="{art.width}"' in text and f'viewBox="0 0 {art.width} {art.height}"' in text


@pytest.mark.parametrize("fmt", ["svg", "png", "jpg", "webp"])
def test_manifest_round_trip(fmt: str) -> None:
    [art] = artboard.generate(
        PROMPTS[3], seed=8, format=fmt, palette="#222222,#eeeeee,#cc3300", aspect_ratio="2:3", safety=False
    )
    manifest = read_manifest(art.data)
    assert manifest == json.loads(json.dumps(art.manifest))
    assert manifest["backend"] == "design"
    assert manifest["seed"] == 8
    assert manifest["params"]["size"] == "832x1280"
    assert manifest["engine_version"] == artboard.__version__
    assert manifest["params"]["palette"] == ["#222222", "#eeeeee", "#cc3300"]


@pytest.mark.parametrize(
    ("tier", "ratio"), [("standard", "16:9"), ("standard", "6:10"), ("pro", "2:1"), ("pro", "1:1")]
)
def test_raster_has_the_exact_size(tier: str, ratio: str) -> None:
    [art] = artboard.generate(PROMPTS[0], seed=1, tier=tier, aspect_ratio=ratio, format="jpg", safety=False)
    with Image.open(io.BytesIO(art.data)) as image:
        assert image.size == (art.width, art.height)
        assert image.format == "JPEG"


def test_photographic_prompt_still_designs_and_says_so() -> None:
    prompt = (
        "A high-end luxury skincare campaign still life featuring a frosted glass serum bottle, editorial "
        "beauty photography, ultra-photorealistic materials"
    )
    [art] = artboard.generate(prompt, seed=2, format="svg")
    assert art.manifest["backend"] == "design"
    assert art.warnings == art.manifest["warnings"] and len(art.warnings) == 1
    assert "photographic prompt" in art.warnings[0] and "learned backend" in art.warnings[0]
    assert "note" not in art.manifest and "warnings" not in art.manifest["design"]
    assert read_manifest(art.data)["warnings"] == art.warnings  # embedded in the file too


def test_a_design_prompt_has_no_warnings() -> None:
    [art] = artboard.generate(PROMPTS[0], seed=2, format="svg")
    assert art.warnings == [] and "warnings" not in art.manifest


def test_safety_reports_per_image() -> None:
    arts = artboard.generate(PROMPTS[0], seed=1, n=2, format="png")
    for art in arts:
        assert art.manifest["safety"]["flagged"] is False
        assert 0.0 <= art.manifest["safety"]["nsfw_score"] <= 1.0


def test_safety_can_block(monkeypatch: pytest.MonkeyPatch) -> None:
    import artboard.safety as safety

    real = safety.check_image

    def flag_everything(image: object, **kwargs: object) -> safety.SafetyResult:
        result = real(image)  # type: ignore[arg-type]
        return safety.SafetyResult(nsfw_score=0.99, flagged=True, threshold=result.threshold, model=result.model)

    monkeypatch.setattr(safety, "check_image", flag_everything)
    with pytest.raises(ContentBlocked):
        artboard.generate(PROMPTS[0], seed=1, format="png")
    # With the check off, nothing is scored or blocked.
    [art] = artboard.generate(PROMPTS[0], seed=1, format="png", safety=False)
    assert "safety" not in art.manifest


def _flat_art() -> bytes:
    [art] = artboard.generate("minimal fox logo called Ember", seed=4, format="png", safety=False)
    return art.data


def test_image_to_image_strength_ladder_is_monotone() -> None:
    source = _flat_art()
    reference = _rgba(source)
    scores = []
    for strength in (0.0, 0.3, 0.6, 0.9):
        [art] = artboard.generate(
            "a geometric fox emblem", image=source, strength=strength, seed=3, format="png", safety=False
        )
        assert (art.width, art.height) == (1024, 1024)
        scores.append(ssim(_rgba(art.data), reference))
    assert scores[0] > 0.85, scores
    assert all(a >= b - 0.02 for a, b in itertools.pairwise(scores)), scores
    assert scores[0] - scores[-1] > 0.15, scores


def test_image_to_image_respects_palette() -> None:
    source = _flat_art()
    [art] = artboard.generate(
        "a fox", image=source, strength=0.3, seed=3, format="svg", palette="#000000,#ff6600", background="#ffffff"
    )
    assert svg_colors(art.text) <= {(0, 0, 0), (255, 102, 0), (255, 255, 255)}


def test_vectorize_api_reports_fidelity() -> None:
    art = artboard.vectorize(_flat_art())
    assert art.media_type == "image/svg+xml"
    assert check_svg(art.text) == []
    assert art.manifest["vectorize"]["ssim"] >= 0.9
    assert read_manifest(art.data)["vectorize"]["ssim"] == art.manifest["vectorize"]["ssim"]


def test_vectorize_strict_palette() -> None:
    art = artboard.vectorize(_flat_art(), palette="#ffffff,#000000,#d35400")
    assert svg_colors(art.text) <= {(255, 255, 255), (0, 0, 0), (0xD3, 0x54, 0x00)}
