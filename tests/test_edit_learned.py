"""A configured diffusers inpainting pipeline takes over raster erase and inpaint (a tiny random pipeline, built
offline; it paints noise, which is enough to check the plumbing: region painted, the rest untouched)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import artboard
from edit_support import SIZE, decode, mask, product_shot

pytest.importorskip("diffusers")
pytest.importorskip("torch")


def save_tiny_inpainting(folder: Path) -> Path:
    """The tiny Stable Diffusion of tiny_pipeline.py with a 9-channel UNet, saved as an inpainting pipeline."""
    import torch
    from diffusers import StableDiffusionInpaintPipeline, UNet2DConditionModel

    from tiny_pipeline import build_tiny_pipeline

    base = build_tiny_pipeline("tiny", workdir=folder.parent)
    config = dict(base.unet.config)
    config["in_channels"] = 9  # latents + mask + masked-image latents
    torch.manual_seed(0)
    unet = UNet2DConditionModel.from_config(config)
    pipe = StableDiffusionInpaintPipeline(
        vae=base.vae,
        text_encoder=base.text_encoder,
        tokenizer=base.tokenizer,
        unet=unet,
        scheduler=base.scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def inpainting_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_inpainting(tmp_path_factory.mktemp("tiny-inpaint") / "pipe")


def test_learned_inpaint_and_erase(inpainting_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTBOARD_INPAINT_MODEL", str(inpainting_model))
    monkeypatch.setenv("ARTBOARD_INPAINT_STEPS", "2")
    region = mask((150, 130, 210, 215))
    original = decode(product_shot("white"))
    for result in (
        artboard.inpaint(product_shot("white"), region, "a red apple", seed=3),
        artboard.erase_region(product_shot("white"), region),
    ):
        assert result.manifest["method"] == "diffusers inpainting pipeline"
        assert result.manifest["model"] == str(inpainting_model)
        pixels = decode(result.data)
        assert pixels.shape == (SIZE, SIZE, 4)
        assert np.array_equal(pixels[:120], original[:120])  # far from the mask: the input, untouched
        assert not np.array_equal(pixels[140:205, 160:200], original[140:205, 160:200])  # the region: painted
    again = artboard.inpaint(product_shot("white"), region, "a red apple", seed=3)
    assert again.data == artboard.inpaint(product_shot("white"), region, "a red apple", seed=3).data  # seeded


def test_a_broken_model_setting_falls_back_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTBOARD_INPAINT_MODEL", str(tmp_path / "missing"))
    result = artboard.erase_region(product_shot("white"), mask((150, 130, 210, 215)))
    assert result.manifest["method"] == "OpenCV Telea inpainting"
    assert any("ARTBOARD_INPAINT_MODEL" in w for w in result.warnings)
