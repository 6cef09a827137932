"""Variations of a raster that is not one of our designs: visibly different, the subject kept, reproducible per
seed; through a learned image-to-image backend with `strength` when one is ready."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

import artboard
from artboard import registry, routing
from artboard.backends.base import Backend, Capabilities, Design
from artboard.errors import InvalidParameter
from artboard.spec import GenerationSpec
from cutout_shots import shot
from edit_support import decode


def _difference(a: bytes, b: bytes) -> float:
    return float(np.abs(decode(a)[..., :3].astype(float) - decode(b)[..., :3].astype(float)).mean())


def test_raster_variations_differ_and_keep_the_subject() -> None:
    original = shot("photo", 1)
    results = artboard.variate_image(original, n=4, seed=11)
    assert [r.seed for r in results] == [11, 12, 13, 14]
    for result in results:
        assert (result.width, result.height) == (256, 256)
        assert "raster" in result.manifest["method"]
        record = result.manifest["variation"]
        assert 20 <= abs(record["hue_shift_degrees"]) <= 70 and 0.78 <= record["reframe"]["zoom"] <= 0.95
        assert _difference(result.data, original) > 15  # visibly different from the input
    for i, a in enumerate(results):
        for b in results[i + 1 :]:
            assert _difference(a.data, b.data) > 10  # and from each other


def _vivid(data: bytes) -> int:
    pixels = decode(data)[..., :3].astype(int)
    return int(((pixels.max(axis=2) - pixels.min(axis=2)) > 60).sum())  # on white, only the product is vivid


def test_raster_variations_keep_the_subject_whole() -> None:
    """On white, the product's vivid area grows only by the reframe's zoom (1/0.78² at most): nothing is lost."""
    original = shot("white", 1)
    before = _vivid(original)
    for result in artboard.variate_image(original, n=4, seed=21):
        zoom = result.manifest["variation"]["reframe"]["zoom"]
        assert 0.9 / zoom**2 < _vivid(result.data) / before < 1.1 / zoom**2


def test_raster_variations_are_reproducible_alone() -> None:
    original = shot("white", 1)
    both = artboard.variate_image(original, n=2, seed=40)
    assert [r.data for r in artboard.variate_image(original, n=2, seed=40)] == [r.data for r in both]
    second = artboard.variate_image(original, n=1, seed=41)[0]  # result i is seed + i
    assert second.data == both[1].data


def test_size_and_bad_strength() -> None:
    result = artboard.variate_image(shot("white", 1), n=1, seed=3, size="1280x832")[0]
    assert (result.width, result.height) == (1280, 832)
    unused = artboard.variate_image(shot("white", 1), n=1, seed=3, strength=0.4)[0]
    assert any("none is ready" in w for w in unused.warnings)  # no learned backend here: said, not ignored
    for value in (-0.1, 1.5, "x"):
        with pytest.raises(InvalidParameter) as caught:
            artboard.variate_image(shot("white", 1), strength=value)
        assert caught.value.param == "strength"
    with pytest.raises(InvalidParameter) as caught:
        artboard.remove_background(shot("white", 1), strength=0.3)
    assert caught.value.param == "strength"


class Img2Img(Backend):
    """A learned backend stand-in that takes an input image and records the strength it was asked for."""

    name = "img2img-test"
    model_id = "img2img-test-1"
    capabilities = Capabilities(raster=True, vector=True, img2img=True, photoreal=True)

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def available(self) -> tuple[bool, str]:
        return True, "ok"

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        self.calls.append({"strength": spec.strength, "seed": seed, "has_image": spec.image is not None})
        shade = f"#{seed % 200:02x}6699"
        w, h = spec.width, spec.height
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
            f'<rect width="{w}" height="{h}" fill="{shade}"/></svg>'
        )
        return Design(svg=svg, info={"drawn_by": self.name})


@pytest.fixture
def learned() -> Iterator[Img2Img]:
    made = Img2Img()
    registry.register(made.name, made)
    routing.configure({"routing": {"photographic": [made.name]}})
    yield made
    routing.reset()
    registry.unregister(made.name)


def test_a_ready_learned_backend_takes_raster_variations_with_strength(learned: Img2Img) -> None:
    results = artboard.variate_image(shot("photo", 1), n=2, seed=5, strength=0.35)
    assert [c["strength"] for c in learned.calls] == [0.35, 0.35]
    assert all(c["has_image"] for c in learned.calls)
    assert [c["seed"] for c in learned.calls] == [5, 6]
    assert all("learned backend img2img-test at strength 0.35" in r.manifest["method"] for r in results)
    default = artboard.variate_image(shot("photo", 1), n=1, seed=5)
    assert default[0].manifest["variation"] == {"backend": "img2img-test", "strength": 0.5}


def test_a_learned_backend_that_is_not_ready_leaves_the_classical_way(learned: Img2Img) -> None:
    learned.capabilities = dataclasses.replace(Img2Img.capabilities, img2img=False)
    result = artboard.variate_image(shot("photo", 1), n=1, seed=5)[0]
    assert "raster" in result.manifest["method"] and not learned.calls


def _has_ml_stack() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "diffusers", "transformers"))


@pytest.mark.skipif(not _has_ml_stack(), reason="needs torch, diffusers and transformers")
def test_the_real_diffusers_backend_takes_variations(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packaged catalogue's photographic backend (diffusers) with a tiny random pipeline: variations are its
    image-to-image at the strength asked, one seed each."""
    from artboard.backends.diffusion import DiffusersBackend
    from artboard.backends.diffusion_settings import DiffusersSettings
    from tiny_pipeline import save_tiny_pipeline

    folder = save_tiny_pipeline(tmp_path_factory.mktemp("models") / "tiny-sd")
    backend = DiffusersBackend(DiffusersSettings(model=str(folder), steps=2, threads=1))
    monkeypatch.setitem(registry._instances, "diffusers", backend)
    routing.reset()
    results = artboard.variate_image(shot("photo", 1), n=2, seed=9, strength=0.6, safety=False)
    for result in results:
        assert result.manifest["backend"] == "diffusers"
        assert result.manifest["design"]["mode"] == "img2img" and result.manifest["design"]["strength"] == 0.6
        assert result.manifest["variation"] == {"backend": "diffusers", "strength": 0.6}
    assert results[0].data != results[1].data
