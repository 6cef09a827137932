"""The diffusers backend (`artboard[diffusers]`): local text-to-image and image-to-image pipelines.

    ARTBOARD_DIFFUSERS_MODEL=/models/sdxl-turbo artboard generate "a fox" --backend diffusers

It loads a diffusers pipeline folder, or a repo id already in the local Hugging Face cache, and never downloads at
run time unless `ARTBOARD_DIFFUSERS_ALLOW_DOWNLOAD=1`. Everything goes through diffusers' auto pipelines, so SDXL
(+Turbo), SD3.5, FLUX.1, Sana and PixArt-Σ all work; img2img comes from `AutoPipelineForImage2Image.from_pipe`
(shared weights, no extra memory) where the family has one.

What the backend does around the pipeline call (docs/backends-diffusers.md has the details):

- sizes: samples at the model's native area and a multiple of its VAE × patch factor near the requested aspect,
  then one Lanczos resample of the centred crop gives exactly spec.width × spec.height;
- seeds: one `torch.Generator(device).manual_seed(seed)` per image, so a seed reproduces its image on the same
  device (and CPU thread count); `generate_batch` batches several seeds in one call;
- palette: with `spec.palette` and no input image, sampling starts as img2img from a seeded palette layout at
  `palette_strength` (0.9); the engine's post-processing snaps the result to the palette afterwards anyway;
- strength 0 returns the input image resized, untouched (diffusers would run no step at all);
- progress and cancellation between steps through `progress` / `cancel` (attributes, or `hooks()` per call).

Importing this module imports neither torch nor diffusers; they load with the first pipeline.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import json
import math
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from artboard.backends.base import Backend, Capabilities, Design
from artboard.backends.diffusion_device import (
    backend_error,
    geometry,
    hub_cache,
    resolve_device,
    resolve_dtype,
    want_offload,
    want_slicing,
)
from artboard.backends.diffusion_palette import fit_exact, fit_image, flatten, float_to_uint8, palette_layout
from artboard.backends.diffusion_palette import generation_size as _generation_size
from artboard.backends.diffusion_settings import DiffusersSettings, SettingsError, family_defaults
from artboard.errors import ArtboardError, BackendError, BackendUnavailable, Cancelled, MissingDependency
from artboard.spec import GenerationSpec

__all__ = ["CancelCheck", "DiffusersBackend", "DiffusersSettings", "StepProgress", "step_hooks"]

StepProgress = Callable[[int, int], None]
"""Called after each denoising step with (steps done, steps in this pipeline call)."""
CancelCheck = Callable[[], bool]
"""Polled before the call and after every step; True stops the job with `Cancelled`."""

INSTALL_HINT = (
    "install a torch build for your machine first (pip install torch==…), then pip install 'artboard[diffusers]'"
)
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
# Families whose auto pipelines have no image-to-image variant (text-to-image only; palette control is post-only).
_NO_IMG2IMG = ("AuraFlow", "Chroma", "CogView", "HunyuanDiT", "Lumina", "PixArt", "Sana", "Wuerstchen", "StableCascade")
_HOOKS: ContextVar[tuple[StepProgress | None, CancelCheck | None] | None] = ContextVar("diffusers_hooks", default=None)


def missing_packages() -> list[str]:
    """The packages of the `artboard[diffusers]` extra that are not installed (found without importing them)."""
    return [m for m in ("torch", "diffusers", "transformers") if importlib.util.find_spec(m) is None]


@contextlib.contextmanager
def step_hooks(*, progress: StepProgress | None = None, cancel: CancelCheck | None = None) -> Iterator[None]:
    """Progress/cancel for every diffusers call made in this thread or task inside the `with` block.

    The registry shares one backend instance per process, so a job worker sets its hooks here (a context variable)
    rather than on the instance: `with step_hooks(progress=report, cancel=job.cancelled): engine.run(spec)`.
    """
    token = _HOOKS.set((progress, cancel))
    try:
        yield
    finally:
        _HOOKS.reset(token)


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise MissingDependency(f"the diffusers backend needs {name} ({exc}); {INSTALL_HINT}") from exc


@dataclass
class _Loaded:
    """A loaded model: its text-to-image pipeline, the img2img one sharing its weights, and its geometry."""

    t2i: Any
    i2i: Any | None
    device: str
    dtype: str
    multiple: int
    native_side: int
    pipeline: str
    offload: bool
    notes: list[str] = field(default_factory=list)
    active: Any = None
    signatures: dict[int, Mapping[str, inspect.Parameter]] = field(default_factory=dict)

    def params(self, pipe: Any) -> Mapping[str, inspect.Parameter]:
        key = id(pipe)
        if key not in self.signatures:
            self.signatures[key] = inspect.signature(pipe.__call__).parameters
        return self.signatures[key]


@dataclass(frozen=True)
class _Job:
    """One pipeline call: which pipeline, its start images (img2img) and the sampling parameters."""

    mode: str  # "text2img" | "img2img" | "palette"
    pipe: Any
    strength: float | None
    init: list[Any] | None  # PIL images at the generation size, one per seed
    steps: int
    guidance: float | None  # None: the pipeline's own default


class DiffusersBackend(Backend):
    """Local diffusers pipelines behind the backend interface (registered as `diffusers`)."""

    name = "diffusers"

    def __init__(
        self,
        settings: DiffusersSettings | None = None,
        *,
        progress: StepProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> None:
        self._config_error: str | None = None
        self._lock = threading.RLock()
        self._loaded: _Loaded | None = None
        if settings is None:
            try:
                settings = DiffusersSettings.from_env()
            except SettingsError as exc:
                self._config_error = str(exc)
                settings = DiffusersSettings()
        self.settings = settings
        self.progress = progress
        self.cancel = cancel
        self.model_id = settings.model or "unconfigured"
        img2img = not self._pipeline_class().startswith(_NO_IMG2IMG)
        self.capabilities = Capabilities(
            raster=True,
            vector=False,
            img2img=img2img,
            seed=True,
            transparent=False,
            photoreal=True,
            max_pixels=settings.max_pixels,
            palette_control=img2img and settings.palette_strength < 1.0,
        )

    # -- availability and loading -------------------------------------------------------------------------------

    def available(self) -> tuple[bool, str]:
        if self._config_error:
            return False, self._config_error
        if self._loaded is not None:
            return True, "ok"
        missing = missing_packages()
        if missing:
            return False, f"{', '.join(missing)} not installed: {INSTALL_HINT}"
        if not self.settings.model:
            return False, (
                "no model configured: set ARTBOARD_DIFFUSERS_MODEL to a diffusers pipeline folder (with "
                "model_index.json) or to a Hugging Face repo id whose weights are in the local cache"
            )
        _, why = self._locate()
        if why:
            return False, why
        if self.settings.device.startswith(("cuda", "mps")):
            torch = _module("torch")
            if self.settings.device.startswith("cuda") and not torch.cuda.is_available():
                return False, f"ARTBOARD_DIFFUSERS_DEVICE={self.settings.device} but torch sees no CUDA device"
            if self.settings.device == "mps" and not torch.backends.mps.is_available():
                return False, "ARTBOARD_DIFFUSERS_DEVICE=mps but torch's MPS backend is not available"
        return True, "ok"

    def _locate(self) -> tuple[Path | None, str]:
        """The local pipeline folder (None for a repo id to download) and, if it cannot be used, why."""
        model = self.settings.model or ""
        path = Path(model).expanduser()
        if path.exists():
            if path.is_dir() and (path / "model_index.json").is_file():
                return path, ""
            return None, (
                f"{model} is not a diffusers pipeline folder (no model_index.json); single-file checkpoints are not "
                "supported, convert them with diffusers' conversion scripts or use the repo's diffusers layout"
            )
        if not _REPO_ID.match(model) or model.startswith((".", "~", "/")):
            return None, f"model folder {model} not found"
        # From here on `model` reads as a repo id (owner/name) and no folder of that name exists.
        if importlib.util.find_spec("huggingface_hub") is None:
            return None, f"{model} looks like a Hugging Face repo id, but huggingface_hub is not installed"
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(model, "model_index.json", cache_dir=hub_cache())
        if isinstance(cached, str):
            return Path(cached).parent, ""
        if self.settings.allow_download:
            return None, ""
        return None, (
            f"weights for {model} are not in the local Hugging Face cache ({hub_cache()}): download them once "
            f"(hf download {model}) or set ARTBOARD_DIFFUSERS_ALLOW_DOWNLOAD=1"
        )

    def health(self) -> dict[str, Any]:
        loaded = self._loaded
        details: dict[str, Any] = {"model": self.settings.model, "loaded": loaded is not None}
        if loaded is not None:
            details.update(
                pipeline=loaded.pipeline,
                img2img=loaded.i2i is not None,
                device=loaded.device,
                dtype=loaded.dtype,
                native_side=loaded.native_side,
                multiple=loaded.multiple,
                notes=list(loaded.notes),
            )
        return details

    def _pipeline_class(self) -> str:
        """The pipeline class named in model_index.json, read without loading anything ('' when unknown)."""
        if not self.settings.model:
            return ""
        try:
            folder, _ = self._locate()
            if folder is None:
                return ""
            data = json.loads((folder / "model_index.json").read_text(encoding="utf-8"))
            return str(data.get("_class_name", ""))
        except (OSError, ValueError, ImportError):
            return ""

    def load(self) -> _Loaded:
        """Load the pipeline now (the first generate does it otherwise). Raises BackendUnavailable / MissingDep…."""
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
                img2img = self._loaded.i2i is not None
                self.capabilities = replace(
                    self.capabilities,
                    img2img=img2img,
                    palette_control=img2img and self.settings.palette_strength < 1.0,
                )
            return self._loaded

    def _load(self) -> _Loaded:
        ok, why = self.available()
        if not ok:
            error = MissingDependency if "not installed" in why else BackendUnavailable
            raise error(f"diffusers backend: {why}", param="backend")
        torch = _module("torch")
        diffusers = _module("diffusers")
        s = self.settings
        if s.threads:
            torch.set_num_threads(s.threads)
        device = resolve_device(torch, s.device)
        dtype_name, dtype = resolve_dtype(torch, s.dtype, device)
        folder, _ = self._locate()
        source = str(folder) if folder is not None and Path(s.model or "").expanduser().exists() else s.model
        # diffusers renamed torch_dtype to dtype (the old name warns, and goes in 1.0).
        new_api = hasattr(importlib.import_module("diffusers.pipelines.pipeline_utils"), "_resolve_dtype")
        kwargs: dict[str, Any] = {
            "dtype" if new_api else "torch_dtype": dtype,
            "local_files_only": not s.allow_download,
        }
        if s.variant:
            kwargs["variant"] = s.variant
        try:
            pipe = diffusers.DiffusionPipeline.from_pretrained(source, **kwargs)
        except ImportError as exc:
            raise MissingDependency(f"loading {s.model} needs a missing package: {exc}", param="backend") from exc
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise BackendUnavailable(f"cannot load diffusers model {s.model}: {exc}", param="backend") from exc
        try:
            t2i = diffusers.AutoPipelineForText2Image.from_pipe(pipe)
        except (ValueError, TypeError, KeyError):
            t2i = pipe
        try:
            i2i: Any | None = diffusers.AutoPipelineForImage2Image.from_pipe(t2i)
        except (ValueError, TypeError, KeyError):
            i2i = None
        notes: list[str] = []
        for p in (t2i, i2i):
            if p is not None:
                p.set_progress_bar_config(disable=True)
        offload = want_offload(torch, s.cpu_offload, device, t2i)
        if offload:
            if importlib.util.find_spec("accelerate") is None:
                raise MissingDependency("model CPU offload needs accelerate (pip install accelerate)", param="backend")
            notes.append("model CPU offload")
        else:
            try:
                t2i.to(device)
            except (RuntimeError, ValueError) as exc:  # out of memory, unknown device
                raise BackendUnavailable(
                    f"cannot move {s.model} to {device}: {exc}; try ARTBOARD_DIFFUSERS_CPU_OFFLOAD=on", param="backend"
                ) from exc
        if want_slicing(torch, s.attention_slicing, device):
            try:
                t2i.enable_attention_slicing()
                notes.append("attention slicing")
            except (AttributeError, NotImplementedError, ValueError, TypeError):
                notes.append("attention slicing not supported by this pipeline")
        denoiser = getattr(t2i, "unet", None) or getattr(t2i, "transformer", None)
        if s.compile and denoiser is not None:
            denoiser.compile(mode=s.compile_mode)
            notes.append(f"torch.compile ({s.compile_mode})")
        multiple, native = geometry(t2i)
        return _Loaded(
            t2i=t2i,
            i2i=i2i,
            device=device,
            dtype=dtype_name,
            multiple=multiple,
            native_side=s.resolution or native,
            pipeline=type(t2i).__name__,
            offload=offload,
            notes=notes,
        )

    # -- generation ----------------------------------------------------------------------------------------------

    def hooks(
        self, *, progress: StepProgress | None = None, cancel: CancelCheck | None = None
    ) -> contextlib.AbstractContextManager[None]:
        """Per-call progress/cancel for the current thread or task (overrides the attributes; for shared backends)."""
        return step_hooks(progress=progress, cancel=cancel)

    def _hooks(self) -> tuple[StepProgress | None, CancelCheck | None]:
        current = _HOOKS.get()
        return current if current is not None else (self.progress, self.cancel)

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        return self.generate_batch(spec, [seed])[0]

    def generate_batch(self, spec: GenerationSpec, seeds: Sequence[int]) -> list[Design]:
        """One design per seed, sampled `settings.batch_size` at a time (each image has its own generator)."""
        _, cancel = self._hooks()
        if cancel is not None and cancel():
            raise Cancelled("cancelled before sampling")
        if spec.image is not None and spec.effective_strength == 0.0:
            return [self._untouched_input(spec, seed) for seed in seeds]
        loaded = self.load()
        size = self.generation_size(spec.width, spec.height)
        designs: list[Design] = []
        step = max(1, self.settings.batch_size)
        for start in range(0, len(seeds), step):
            chunk = list(seeds[start : start + step])
            job = self._job(spec, loaded, chunk, size)
            images = self._sample(spec, loaded, job, chunk, size)
            for seed, pixels in zip(chunk, images, strict=True):
                info = self._info(loaded, job, seed, size)
                designs.append(Design(rgba=fit_exact(pixels, spec.width, spec.height), info=info))
        return designs

    def generation_size(self, width: int, height: int) -> tuple[int, int]:
        """The size the loaded model samples at for a width×height request (loads the model)."""
        loaded = self.load()
        return _generation_size(width, height, native_side=loaded.native_side, multiple=loaded.multiple)

    def _untouched_input(self, spec: GenerationSpec, seed: int) -> Design:
        from artboard.imageio import image_to_rgba_array, load_image

        assert spec.image is not None
        fitted = fit_image(load_image(spec.image.data), spec.width, spec.height)
        info = {"generator": "diffusers", "mode": "input", "strength": 0.0, "seed": seed, "model": self.model_id}
        return Design(rgba=image_to_rgba_array(fitted), info=info)

    def _job(self, spec: GenerationSpec, loaded: _Loaded, seeds: list[int], size: tuple[int, int]) -> _Job:
        background = spec.background if isinstance(spec.background, tuple) else None
        if spec.image is not None:
            if loaded.i2i is None:
                raise BackendUnavailable(
                    f"{loaded.pipeline} has no image-to-image pipeline in diffusers", param="image"
                )
            from artboard.imageio import load_image

            start = fit_image(flatten(load_image(spec.image.data), background), *size)
            return self._with_steps(loaded, "img2img", spec.effective_strength, [start] * len(seeds))
        strength = self.settings.palette_strength
        if spec.palette and loaded.i2i is not None and strength < 1.0:
            layouts = [palette_layout(spec.palette, *size, seed=seed, background=background) for seed in seeds]
            return self._with_steps(loaded, "palette", strength, layouts)
        return self._with_steps(loaded, "text2img", None, None)

    def _with_steps(self, loaded: _Loaded, mode: str, strength: float | None, init: list[Any] | None) -> _Job:
        """The job with its steps (settings, else family preset, else the pipeline's default) and guidance."""
        pipe = loaded.i2i if init is not None else loaded.t2i
        preset_steps, preset_guidance = family_defaults(self.model_id)
        steps = self.settings.steps or preset_steps
        if steps is None:
            default = loaded.params(pipe).get("num_inference_steps")
            steps = int(default.default) if default is not None and isinstance(default.default, int) else 30
        if strength:
            steps = max(steps, math.ceil(1.0 / strength))  # img2img runs int(steps × strength) steps
        guidance = self.settings.guidance if self.settings.guidance is not None else preset_guidance
        return _Job(mode=mode, pipe=pipe, strength=strength, init=init, steps=steps, guidance=guidance)

    def _sample(
        self, spec: GenerationSpec, loaded: _Loaded, job: _Job, seeds: list[int], size: tuple[int, int]
    ) -> list[np.ndarray]:
        torch = _module("torch")
        pipe, steps, guidance = job.pipe, job.steps, job.guidance
        params = loaded.params(pipe)
        gen_device = "cpu" if loaded.device.startswith("mps") else loaded.device
        kwargs: dict[str, Any] = {
            "prompt": [spec.prompt] * len(seeds),
            "num_inference_steps": steps,
            "generator": [torch.Generator(gen_device).manual_seed(s) for s in seeds],
            "output_type": "np",
        }
        if job.init is not None:
            kwargs["image"] = job.init
            kwargs["strength"] = job.strength
        else:
            kwargs["width"], kwargs["height"] = size
        if guidance is not None:
            kwargs["guidance_scale"] = guidance
        if "num_images_per_prompt" in params:
            kwargs["num_images_per_prompt"] = 1
        total = int(steps * job.strength) if job.strength else steps
        self._add_callback(kwargs, params, pipe, total)
        kwargs = {k: v for k, v in kwargs.items() if k in params or k == "prompt"}
        with self._lock:
            if loaded.offload and loaded.active is not pipe:
                pipe.enable_model_cpu_offload(device=loaded.device)
            loaded.active = pipe
            try:
                with torch.inference_mode():
                    result = pipe(**kwargs)
            except ArtboardError:
                raise
            except Exception as exc:
                raise backend_error(torch, loaded.pipeline, loaded.device, exc) from exc
            finally:
                if loaded.offload:
                    with contextlib.suppress(Exception):
                        pipe.maybe_free_model_hooks()
        images = np.asarray(result.images)
        if images.ndim != 4 or images.shape[0] != len(seeds):
            raise BackendError(f"{loaded.pipeline} returned images of shape {images.shape}")
        pixels = float_to_uint8(images) if images.dtype != np.uint8 else images
        return [pixels[i, ..., :3] for i in range(len(seeds))]

    def _add_callback(self, kwargs: dict[str, Any], params: Mapping[str, Any], pipe: Any, total: int) -> None:
        progress, cancel = self._hooks()
        if progress is None and cancel is None:
            return

        def step_done(step: int) -> None:
            if cancel is not None and cancel():
                raise Cancelled(f"cancelled after step {step + 1}")
            if progress is not None:
                done_total = int(getattr(pipe, "_num_timesteps", 0) or total)
                progress(min(step + 1, done_total), done_total)

        if "callback_on_step_end" in params:

            def on_step_end(_pipe: Any, step: int, _timestep: Any, callback_kwargs: dict[str, Any]) -> dict[str, Any]:
                step_done(step)
                return callback_kwargs

            kwargs["callback_on_step_end"] = on_step_end
        elif "callback" in params:  # older pipelines (PixArt): callback(step, timestep, latents) every callback_steps

            def legacy(step: int, _timestep: Any, _latents: Any) -> None:
                step_done(step)

            kwargs["callback"] = legacy
            kwargs["callback_steps"] = 1

    def _info(self, loaded: _Loaded, job: _Job, seed: int, size: tuple[int, int]) -> dict[str, Any]:
        return {
            "generator": "diffusers",
            "model": self.model_id,
            "pipeline": type(job.pipe).__name__,
            "mode": job.mode,
            "seed": seed,
            "steps": job.steps,
            "guidance": job.guidance,
            "strength": job.strength,
            "sampled_size": f"{size[0]}x{size[1]}",
            "device": loaded.device,
            "dtype": loaded.dtype,
        }
