"""The diffusers backend end to end on a tiny random pipeline saved to disk and loaded back (no hub access).

Skipped when torch / diffusers / transformers are not installed (`pip install torch==… 'artboard[diffusers]'`).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"  # before anything imports huggingface_hub: never reach a model hub
os.environ.setdefault("DIFFUSERS_VERBOSITY", "error")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

import numpy as np
import pytest
from PIL import Image

from artboard import engine, registry, routing
from artboard.backends import diffusion, diffusion_device
from artboard.backends.diffusion import DiffusersBackend, DiffusersSettings
from artboard.backends.diffusion_palette import fit_exact, generation_size, palette_layout
from artboard.backends.diffusion_settings import SettingsError, family_defaults
from artboard.colors import parse_color
from artboard.errors import BackendError, BackendUnavailable, Cancelled, MissingDependency
from artboard.metrics import ssim
from artboard.post.palette import raster_compliance
from artboard.spec import make_spec
from artboard.svgsafe import check_svg

PALETTE = ["#1b2a49", "#f2a541", "#e94f37", "#f6f7eb"]
STEPS = 4

# -- pure helpers (no torch needed) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "native", "multiple"),
    [((1024, 1024), 1024, 8), ((1344, 768), 1024, 16), ((768, 1344), 1024, 64), ((2688, 1536), 512, 8)],
)
def test_generation_size_keeps_aspect_area_and_multiple(size: tuple[int, int], native: int, multiple: int) -> None:
    w, h = generation_size(*size, native_side=native, multiple=multiple)
    assert w % multiple == 0 and h % multiple == 0
    assert abs((w / h) / (size[0] / size[1]) - 1) < 0.1
    assert abs(w * h / min(native * native, size[0] * size[1]) - 1) < 0.15


def test_fit_exact_resizes_and_centre_crops() -> None:
    pixels = np.zeros((48, 88, 3), np.uint8)
    pixels[:, :44] = 255  # left half white
    out = fit_exact(pixels, 1344, 768)
    assert out.shape == (768, 1344, 4) and (out[..., 3] == 255).all()
    assert out[:, :600, :3].mean() > 250 and out[:, 760:, :3].mean() < 5


def test_palette_layout_is_seeded_and_uses_the_palette() -> None:
    palette = [parse_color(c) for c in PALETTE]
    a = np.asarray(palette_layout(palette, 96, 64, seed=7))
    b = np.asarray(palette_layout(palette, 96, 64, seed=7))
    c = np.asarray(palette_layout(palette, 96, 64, seed=8))
    assert a.shape == (64, 96, 3) and np.array_equal(a, b) and not np.array_equal(a, c)
    distances = np.linalg.norm(a[:, :, None, :].astype(float) - np.array(palette, float)[None, None], axis=-1)
    assert np.median(distances.min(axis=-1)) < 40  # flat palette blocks on a gentle gradient, blurred edges
    nearest = np.bincount(distances.argmin(axis=-1).ravel(), minlength=len(palette)) / distances[..., 0].size
    assert (nearest > 0.02).all()  # every palette colour is there


def test_settings_from_env() -> None:
    env = {
        "ARTBOARD_DIFFUSERS_MODEL": "stabilityai/sdxl-turbo",
        "ARTBOARD_DIFFUSERS_DTYPE": "float16",
        "ARTBOARD_DIFFUSERS_STEPS": "6",
        "ARTBOARD_DIFFUSERS_COMPILE": "yes",
        "ARTBOARD_DIFFUSERS_CPU_OFFLOAD": "1",
        "ARTBOARD_DIFFUSERS_ALLOW_DOWNLOAD": "0",
    }
    s = DiffusersSettings.from_env(env)
    assert (s.model, s.dtype, s.steps, s.compile, s.cpu_offload, s.allow_download) == (
        "stabilityai/sdxl-turbo",
        "fp16",
        6,
        True,
        "on",
        False,
    )
    assert DiffusersSettings.from_env({}) == DiffusersSettings()
    for key, value in [("DEVICE", "tpu"), ("STEPS", "many"), ("DTYPE", "int4"), ("PALETTE_STRENGTH", "0")]:
        with pytest.raises(SettingsError, match=f"ARTBOARD_DIFFUSERS_{key}"):
            DiffusersSettings.from_env({f"ARTBOARD_DIFFUSERS_{key}": value})
    assert family_defaults("stabilityai/sdxl-turbo") == (4, 0.0)
    assert family_defaults("black-forest-labs/FLUX.1-schnell") == (4, 0.0)
    assert family_defaults("black-forest-labs/FLUX.1-dev") == (None, None)


class _FakeCuda:
    def __init__(self, memory: int | None, bf16: bool = True) -> None:
        self.memory, self.bf16 = memory, bf16

    def is_available(self) -> bool:
        return self.memory is not None

    def is_bf16_supported(self) -> bool:
        return self.bf16

    def current_device(self) -> int:
        return 0

    def get_device_properties(self, index: int) -> Any:
        return type("Props", (), {"total_memory": self.memory})()


def _fake_torch(memory: int | None, bf16: bool = True) -> Any:
    mps = type("Mps", (), {"is_available": staticmethod(lambda: False)})()
    return type(
        "Torch",
        (),
        {
            "cuda": _FakeCuda(memory, bf16),
            "backends": type("Backends", (), {"mps": mps})(),
            "bfloat16": "bf16",
            "float16": "fp16",
            "float32": "fp32",
        },
    )()


class _Param:
    def __init__(self, n: int) -> None:
        self.n = n

    def numel(self) -> int:
        return self.n

    def element_size(self) -> int:
        return 2


def test_device_dtype_and_memory_decisions() -> None:
    gib = 2**30
    big, small, none = _fake_torch(80 * gib), _fake_torch(8 * gib, bf16=False), _fake_torch(None)
    assert (
        diffusion_device.resolve_device(big, "auto") == "cuda"
        and diffusion_device.resolve_device(none, "auto") == "cpu"
    )
    assert diffusion_device.resolve_dtype(big, "auto", "cuda") == ("bf16", "bf16")
    assert diffusion_device.resolve_dtype(small, "auto", "cuda") == ("fp16", "fp16")
    assert diffusion_device.resolve_dtype(none, "auto", "cpu") == ("fp32", "fp32")
    assert diffusion_device.resolve_dtype(none, "auto", "mps")[0] == "fp16"
    # A 12B-parameter bf16 transformer (FLUX.1-class, ~24 GB) fits an 80 GB GPU but needs offload on a 16 GB one.
    pipe = type(
        "P", (), {"components": {"transformer": type("M", (), {"parameters": lambda self: [_Param(12 * 10**9)]})()}}
    )()
    assert not diffusion_device.want_offload(big, "auto", "cuda", pipe)
    assert diffusion_device.want_offload(_fake_torch(16 * gib), "auto", "cuda", pipe)
    assert not diffusion_device.want_offload(none, "on", "cpu", pipe)  # offload only means something on CUDA
    assert diffusion_device.want_slicing(small, "auto", "cuda") and not diffusion_device.want_slicing(
        big, "auto", "cuda"
    )
    assert diffusion_device.want_slicing(none, "auto", "mps") and not diffusion_device.want_slicing(none, "off", "mps")


@pytest.mark.parametrize(
    ("cls", "vae_scale", "denoiser", "config", "default_sample", "expected"),
    [
        ("StableDiffusionXLPipeline", 8, "unet", {"sample_size": 128}, 128, (8, 1024)),
        ("StableDiffusionPipeline", 8, "unet", {"sample_size": 64}, None, (8, 512)),
        ("StableDiffusion3Pipeline", 8, "transformer", {"patch_size": 2, "sample_size": 128}, 128, (16, 1024)),
        ("FluxPipeline", 8, "transformer", {"patch_size": 1}, 128, (16, 1024)),
        ("SanaPipeline", 32, "transformer", {"patch_size": 1, "sample_size": 32}, None, (32, 1024)),
        ("PixArtSigmaPipeline", 8, "transformer", {"patch_size": 2, "sample_size": 128}, None, (16, 1024)),
    ],
)
def test_geometry_per_family(
    cls: str, vae_scale: int, denoiser: str, config: dict[str, Any], default_sample: int | None, expected: Any
) -> None:
    model = type("Model", (), {"config": config})()
    attrs: dict[str, Any] = {"vae_scale_factor": vae_scale, denoiser: model}
    if default_sample:
        attrs["default_sample_size"] = default_sample
    pipe = type(cls, (), attrs)()
    assert diffusion_device.geometry(pipe) == expected


def test_available_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    with_stack = _has_ml_stack()
    monkeypatch.setattr(diffusion, "missing_packages", list)  # the configuration reasons, with or without torch
    ok, why = DiffusersBackend(DiffusersSettings()).available()
    assert not ok and "ARTBOARD_DIFFUSERS_MODEL" in why
    ok, why = DiffusersBackend(DiffusersSettings(model=str(tmp_path / "nowhere"))).available()
    assert not ok and "not found" in why
    (tmp_path / "empty").mkdir()
    ok, why = DiffusersBackend(DiffusersSettings(model=str(tmp_path / "empty"))).available()
    assert not ok and "model_index.json" in why
    if with_stack:
        ok, why = DiffusersBackend(DiffusersSettings(model="someone/not-cached")).available()
        assert not ok and "not in the local Hugging Face cache" in why and "ALLOW_DOWNLOAD" in why
        ok, _ = DiffusersBackend(DiffusersSettings(model="someone/not-cached", allow_download=True)).available()
        assert ok  # available() never downloads; loading would
    monkeypatch.setenv("ARTBOARD_DIFFUSERS_DEVICE", "tpu")
    ok, why = DiffusersBackend().available()
    assert not ok and "ARTBOARD_DIFFUSERS_DEVICE" in why

    monkeypatch.undo()
    monkeypatch.setattr(diffusion, "missing_packages", lambda: ["torch"])
    ok, why = DiffusersBackend(DiffusersSettings(model=str(tmp_path))).available()
    assert not ok and "torch" in why and "artboard[diffusers]" in why
    with pytest.raises(MissingDependency, match=r"artboard\[diffusers\]"):
        DiffusersBackend(DiffusersSettings(model=str(tmp_path))).load()


def test_unconfigured_backend_is_unavailable_through_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTBOARD_DIFFUSERS_MODEL", raising=False)
    monkeypatch.setitem(registry._instances, "diffusers", DiffusersBackend())
    with pytest.raises(BackendUnavailable, match=r"ARTBOARD_DIFFUSERS_MODEL|artboard\[diffusers\]"):
        registry.get_backend("diffusers")


def test_importing_artboard_does_not_import_torch() -> None:
    code = (
        "import sys, artboard, artboard.engine, artboard.backends.diffusion as d; d.DiffusersBackend().available(); "
        "print(sorted(m for m in ('torch', 'diffusers', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"


# -- the tiny pipeline through the engine ----------------------------------------------------------------------------


def _has_ml_stack() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("torch", "diffusers", "transformers"))


needs_torch = pytest.mark.skipif(not _has_ml_stack(), reason="needs torch, diffusers and transformers")


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not _has_ml_stack():
        pytest.skip("needs torch, diffusers and transformers")
    from tiny_pipeline import save_tiny_pipeline

    return save_tiny_pipeline(tmp_path_factory.mktemp("models") / "tiny-sd")


@pytest.fixture(scope="module")
def backend(tiny_dir: Path) -> DiffusersBackend:
    return DiffusersBackend(DiffusersSettings(model=str(tiny_dir), steps=STEPS, threads=1))


@pytest.fixture
def served(backend: DiffusersBackend, monkeypatch: pytest.MonkeyPatch) -> DiffusersBackend:
    """The backend registered as `diffusers` (entry points may not be installed in a source checkout)."""
    monkeypatch.setitem(registry._instances, "diffusers", backend)
    return backend


def _run(prompt: str = "a red fox in the snow", **options: Any) -> list[engine.Artifact]:
    options.setdefault("seed", 11)
    options.setdefault("safety", False)
    return engine.run(make_spec(prompt, backend="diffusers", **options))


def _pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGBA"))


def _input_png(width: int = 1024, height: int = 1024) -> bytes:
    ys, xs = np.mgrid[0:height, 0:width]
    checker = ((xs // 8 + ys // 8) % 2) * 160  # fine detail: SSIM sees structure the tiny model cannot keep
    rgb = np.dstack([xs * 95 // width + checker, ys * 95 // height + checker, 255 - checker]).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG")
    return buffer.getvalue()


@needs_torch
def test_text_to_image_loads_the_saved_folder(served: DiffusersBackend) -> None:
    [art] = _run(safety=True)
    assert (art.width, art.height, art.format) == (1024, 1024, "png")
    assert _pixels(art.data).shape == (1024, 1024, 4)
    design = art.manifest["design"]
    assert art.manifest["backend"] == "diffusers"
    assert design["pipeline"] == "StableDiffusionPipeline" and design["mode"] == "text2img"
    assert design["steps"] == STEPS and design["device"] == "cpu" and design["dtype"] == "fp32"
    assert served.health()["loaded"] and served.capabilities.img2img and served.capabilities.photoreal
    assert art.manifest["safety"]["flagged"] is False


@needs_torch
def test_photographic_prompts_route_to_the_configured_pipeline(served: DiffusersBackend) -> None:
    """The packaged catalogue sends photographic prompts to diffusers once it is configured; designs stay flat."""
    routing.reset()
    try:
        [photo] = engine.run(make_spec("a photo of a bowl of ramen", seed=3, safety=False))
        assert photo.manifest["backend"] == "diffusers" and photo.warnings == []
        assert photo.manifest["routing"]["photographic"]["decision"] == "learned"
        assert [t["backend"] for t in photo.manifest["routing"]["tried"]] == ["diffusers"]
        [logo] = engine.run(make_spec("minimal fox logo called Ember", seed=3, safety=False, format="svg"))
        assert logo.manifest["backend"] == "design" and "routing" not in logo.manifest
    finally:
        routing.reset()


@needs_torch
def test_same_seed_same_bytes_and_different_seeds_differ(served: DiffusersBackend) -> None:
    a = _run(seed=5)[0].data
    b = _run(seed=5)[0].data
    c = _run(seed=6)[0].data
    assert a == b
    assert np.abs(_pixels(a).astype(int) - _pixels(c).astype(int)).mean() > 1.0


@needs_torch
@pytest.mark.parametrize(
    ("tier", "ratio"),
    [
        ("standard", "1:1"),
        ("standard", "16:9"),
        ("standard", "9:16"),
        ("standard", "2:1"),
        ("pro", "16:9"),
        ("pro", "1:1"),
    ],
)
def test_exact_sizes_from_the_tables(served: DiffusersBackend, tier: str, ratio: str) -> None:
    [art] = _run(tier=tier, aspect_ratio=ratio, format="jpg")
    with Image.open(io.BytesIO(art.data)) as image:
        assert image.size == (art.width, art.height)
    sampled = [int(v) for v in art.manifest["design"]["sampled_size"].split("x")]
    assert sampled[0] % 8 == 0 and sampled[1] % 8 == 0 and sampled[0] * sampled[1] <= 72 * 72
    assert abs((sampled[0] / sampled[1]) / (art.width / art.height) - 1) < 0.15


@needs_torch
def test_n_results_are_each_reproducible_alone(served: DiffusersBackend) -> None:
    arts = _run(seed=40, n=3)
    assert [a.seed for a in arts] == [40, 41, 42]
    assert np.array_equal(_pixels(_run(seed=41)[0].data), _pixels(arts[1].data))  # the manifests differ (n, index)


@needs_torch
def test_generate_batch_matches_one_by_one(served: DiffusersBackend) -> None:
    spec = make_spec("a lighthouse", backend="diffusers", seed=3, n=3)
    batch = served.generate_batch(spec, [3, 4, 5])
    single = [served.generate(spec, seed=s, index=i) for i, s in enumerate([3, 4, 5])]
    for a, b in zip(batch, single, strict=True):
        assert a.rgba is not None and b.rgba is not None
        assert np.abs(a.rgba.astype(int) - b.rgba.astype(int)).max() <= 2  # batched kernels may round differently


@needs_torch
def test_img2img_strength_zero_returns_the_input(served: DiffusersBackend) -> None:
    source = _input_png()
    [art] = _run(image=source, strength=0)
    assert art.manifest["design"]["mode"] == "input"
    assert np.array_equal(_pixels(art.data), _pixels(source))
    [wide] = _run(image=source, strength=0, aspect_ratio="16:9")
    expected = fit_exact(_pixels(source), wide.width, wide.height)
    assert ssim(_pixels(wide.data), expected) > 0.99


@needs_torch
def test_img2img_strength_one_differs_strongly(served: DiffusersBackend) -> None:
    source = _input_png()
    [art] = _run(image=source, strength=1.0)
    assert art.manifest["design"]["mode"] == "img2img"
    assert art.manifest["design"]["pipeline"] == "StableDiffusionImg2ImgPipeline"
    assert ssim(_pixels(art.data), _pixels(source)) < 0.2
    [again] = _run(image=source, strength=1.0)
    assert again.data == art.data


@needs_torch
def test_palette_guarantee_on_diffusion_output(served: DiffusersBackend) -> None:
    [art] = _run(palette=",".join(PALETTE), seed=3)
    assert art.manifest["design"]["mode"] == "palette"
    assert art.manifest["design"]["strength"] == pytest.approx(0.9)
    pixels = _pixels(art.data)
    shares = raster_compliance(pixels, [parse_color(c) for c in PALETTE])
    assert shares["other"] <= 0.001
    assert art.manifest["palette"]["compliant"] is True


@needs_torch
def test_vector_output_is_vectorized_and_passes_the_svg_contract(served: DiffusersBackend) -> None:
    [art] = _run(palette=",".join(PALETTE[:3]), format="svg")
    svg = art.text
    assert svg.startswith("<svg") or "<svg" in svg[:200]
    assert check_svg(svg) == []
    assert art.manifest["vectorize"]["shapes"] > 0


@needs_torch
def test_progress_and_cancellation_between_steps(served: DiffusersBackend) -> None:
    seen: list[tuple[int, int]] = []
    with served.hooks(progress=lambda done, total: seen.append((done, total))):
        _run(seed=1)
    assert seen == [(i, STEPS) for i in range(1, STEPS + 1)]

    steps: list[int] = []
    with (
        served.hooks(progress=lambda done, total: steps.append(done), cancel=lambda: len(steps) >= 2),
        pytest.raises(Cancelled, match="after step 3"),
    ):
        _run(seed=2)
    assert steps == [1, 2]  # step 3 ran, then the cancel check stopped the job before reporting it
    with served.hooks(cancel=lambda: True), pytest.raises(Cancelled):
        _run(seed=3)


@needs_torch
def test_pipeline_errors_map_to_backend_error(tiny_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = DiffusersBackend(DiffusersSettings(model=str(tiny_dir), steps=2, threads=1))
    loaded = fresh.load()

    class Broken:
        def __call__(self, prompt: Any, num_inference_steps: int, generator: Any, output_type: str, **kw: Any) -> Any:
            raise RuntimeError("boom")

    monkeypatch.setattr(loaded, "t2i", Broken())
    monkeypatch.setitem(registry._instances, "diffusers", fresh)
    with pytest.raises(BackendError, match="boom"):
        _run()


@needs_torch
def test_unloadable_weights_are_unavailable(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "model_index.json").write_text('{"_class_name": "StableDiffusionPipeline", "unet": ["diffusers", "X"]}')
    backend = DiffusersBackend(DiffusersSettings(model=str(broken)))
    assert backend.available()[0]  # cheap check: the folder looks right
    with pytest.raises(BackendUnavailable, match="cannot load"):
        backend.load()
