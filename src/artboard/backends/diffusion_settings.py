"""Settings of the diffusers backend, read from `ARTBOARD_DIFFUSERS_*` environment variables (or built in code).

name (after ARTBOARD_DIFFUSERS_)  default     meaning
MODEL                 (none)      pipeline folder (with model_index.json) or Hugging Face repo id in the local cache
ALLOW_DOWNLOAD        0           1 lets from_pretrained download a repo id that is missing from the cache
VARIANT               (none)      weight variant to load, e.g. fp16
DEVICE                auto        auto (cuda, else mps, else cpu), cuda, cuda:N, mps, cpu
DTYPE                 auto        auto (CUDA: bf16 if supported, else fp16; MPS: fp16; CPU: fp32), bf16, fp16, fp32
STEPS                 (family)    denoising steps: 4 for turbo/schnell/lightning names, else the pipeline's default
GUIDANCE              (family)    guidance scale: 0 for those distilled names, else the pipeline's default
RESOLUTION            (model)     side of the square area to sample at (default: the model's native size)
MAX_PIXELS            6291456     largest output accepted (width × height): every table size by default
BATCH                 4           images per pipeline call in generate_batch
PALETTE_STRENGTH      0.9         img2img strength from the palette layout; 1 turns the layout off
COMPILE               0           1 wraps the UNet/transformer in torch.compile
COMPILE_MODE          default     torch.compile mode (default, reduce-overhead, max-autotune, …)
ATTENTION_SLICING     auto        auto (on for MPS and GPUs under 12 GiB), on, off
CPU_OFFLOAD           auto        model CPU offload: auto (on when the weights exceed 80 % of GPU memory), on, off
THREADS               (torch)     torch CPU threads (process-wide)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

PREFIX = "ARTBOARD_DIFFUSERS_"
DEFAULT_MAX_PIXELS = 3072 * 2048
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")
# Distilled few-step families: name fragments → (steps, guidance scale).
_DISTILLED = ("turbo", "schnell", "lightning")
_T = TypeVar("_T")


class SettingsError(ValueError):
    """An ARTBOARD_DIFFUSERS_* value that cannot be used (the message names the variable)."""


@dataclass(frozen=True)
class DiffusersSettings:
    model: str | None = None
    allow_download: bool = False
    variant: str | None = None
    device: str = "auto"
    dtype: str = "auto"
    steps: int | None = None
    guidance: float | None = None
    resolution: int | None = None
    max_pixels: int = DEFAULT_MAX_PIXELS
    batch_size: int = 4
    palette_strength: float = 0.9
    compile: bool = False
    compile_mode: str = "default"
    attention_slicing: str = "auto"
    cpu_offload: str = "auto"
    threads: int | None = None

    def __post_init__(self) -> None:
        if self.device != "auto" and not (
            self.device in ("cpu", "mps", "cuda") or (self.device.startswith("cuda:") and self.device[5:].isdigit())
        ):
            raise SettingsError(f"{PREFIX}DEVICE={self.device!r}: use auto, cuda, cuda:N, mps or cpu")
        if self.dtype not in ("auto", "bf16", "fp16", "fp32"):
            raise SettingsError(f"{PREFIX}DTYPE={self.dtype!r}: use auto, bf16, fp16 or fp32")
        for name, value in (("ATTENTION_SLICING", self.attention_slicing), ("CPU_OFFLOAD", self.cpu_offload)):
            if value not in ("auto", "on", "off"):
                raise SettingsError(f"{PREFIX}{name}={value!r}: use auto, on or off")
        if not 0.0 < self.palette_strength <= 1.0:
            raise SettingsError(f"{PREFIX}PALETTE_STRENGTH={self.palette_strength}: use a number in (0, 1]")
        for name, number in (("STEPS", self.steps), ("RESOLUTION", self.resolution), ("THREADS", self.threads)):
            if number is not None and number < 1:
                raise SettingsError(f"{PREFIX}{name}={number}: use a positive integer")
        if self.batch_size < 1 or self.max_pixels < 1:
            raise SettingsError(f"{PREFIX}BATCH and {PREFIX}MAX_PIXELS must be positive")
        if self.guidance is not None and self.guidance < 0:
            raise SettingsError(f"{PREFIX}GUIDANCE={self.guidance}: use a number ≥ 0")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DiffusersSettings:
        """Settings from `ARTBOARD_DIFFUSERS_*` (unset or empty variables keep the defaults)."""
        source = os.environ if env is None else env

        def get(name: str, parse: Callable[[str], _T], default: _T) -> _T:
            raw = source.get(PREFIX + name, "").strip()
            if not raw:
                return default
            try:
                return parse(raw)
            except ValueError:
                raise SettingsError(f"{PREFIX}{name}={raw!r} is not a valid value") from None

        def optional_int(raw: str) -> int | None:
            return int(raw)

        def optional_float(raw: str) -> float | None:
            return float(raw)

        def text(raw: str) -> str | None:
            return raw

        values: dict[str, Any] = {
            "model": get("MODEL", text, None),
            "allow_download": get("ALLOW_DOWNLOAD", _boolean, False),
            "variant": get("VARIANT", text, None),
            "device": get("DEVICE", str.lower, "auto"),
            "dtype": get("DTYPE", _dtype, "auto"),
            "steps": get("STEPS", optional_int, None),
            "guidance": get("GUIDANCE", optional_float, None),
            "resolution": get("RESOLUTION", optional_int, None),
            "max_pixels": get("MAX_PIXELS", int, DEFAULT_MAX_PIXELS),
            "batch_size": get("BATCH", int, 4),
            "palette_strength": get("PALETTE_STRENGTH", float, 0.9),
            "compile": get("COMPILE", _boolean, False),
            "compile_mode": get("COMPILE_MODE", str, "default"),
            "attention_slicing": get("ATTENTION_SLICING", _switch, "auto"),
            "cpu_offload": get("CPU_OFFLOAD", _switch, "auto"),
            "threads": get("THREADS", optional_int, None),
        }
        return cls(**values)


def _boolean(raw: str) -> bool:
    text = raw.lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(raw)


def _switch(raw: str) -> str:
    text = raw.lower()
    if text in ("auto", "on", "off"):
        return text
    return "on" if _boolean(text) else "off"


def _dtype(raw: str) -> str:
    text = raw.lower()
    return {"bfloat16": "bf16", "float16": "fp16", "half": "fp16", "float32": "fp32", "float": "fp32"}.get(text, text)


def family_defaults(model_id: str) -> tuple[int | None, float | None]:
    """(steps, guidance) defaults for few-step distilled models recognised by name; (None, None) otherwise."""
    name = model_id.lower()
    if any(tag in name for tag in _DISTILLED):
        return 4, 0.0
    return None, None
