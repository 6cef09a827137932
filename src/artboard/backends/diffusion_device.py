"""Device, dtype, memory and geometry decisions of the diffusers backend (torch is passed in, never imported here)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from artboard.errors import ArtboardError, BackendError


def hub_cache() -> str:
    return os.environ.get("HF_HUB_CACHE") or os.path.join(
        os.environ.get("HF_HOME", os.path.expanduser("~/.cache/huggingface")), "hub"
    )


def resolve_device(torch: Any, wanted: str) -> str:
    if wanted != "auto":
        return wanted
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def resolve_dtype(torch: Any, wanted: str, device: str) -> tuple[str, Any]:
    if wanted == "auto":
        if device.startswith("cuda"):
            wanted = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        elif device.startswith("mps"):
            wanted = "fp16"
        else:
            wanted = "fp32"
    return wanted, {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[wanted]


def gpu_memory(torch: Any, device: str) -> int | None:
    if not device.startswith("cuda"):
        return None
    index = int(device.split(":", 1)[1]) if ":" in device else torch.cuda.current_device()
    return int(torch.cuda.get_device_properties(index).total_memory)


def weight_bytes(pipe: Any) -> int:
    total = 0
    for component in pipe.components.values():
        parameters = getattr(component, "parameters", None)
        if callable(parameters):
            total += sum(p.numel() * p.element_size() for p in parameters())
    return total


def want_offload(torch: Any, setting: str, device: str, pipe: Any) -> bool:
    """Model CPU offload: on/off as set; auto = on when the weights need more than 80 % of the GPU's memory."""
    if setting != "auto":
        return setting == "on" and device.startswith("cuda")
    memory = gpu_memory(torch, device)
    return memory is not None and weight_bytes(pipe) > 0.8 * memory


def want_slicing(torch: Any, setting: str, device: str) -> bool:
    """Attention slicing: on/off as set; auto = on for MPS and for GPUs under 12 GiB."""
    if setting != "auto":
        return setting == "on"
    if device.startswith("mps"):
        return True
    memory = gpu_memory(torch, device)
    return memory is not None and memory < 12 * 2**30


def geometry(pipe: Any) -> tuple[int, int]:
    """(pixel multiple, native side): VAE scale factor × patch size, and the default sample size in pixels."""
    vae_scale = int(getattr(pipe, "vae_scale_factor", 8) or 8)
    denoiser = getattr(pipe, "unet", None) or getattr(pipe, "transformer", None)
    config: Mapping[str, Any] = getattr(denoiser, "config", None) or {}
    patch = config.get("patch_size", 1) or 1
    patch = int(patch[-1] if isinstance(patch, list | tuple) else patch)
    if type(pipe).__name__.startswith(("Flux", "Chroma")):
        patch = max(patch, 2)  # latents are packed 2×2 into tokens
    multiple = max(8, vae_scale * patch)
    sample = getattr(pipe, "default_sample_size", None) or config.get("sample_size") or 128
    sample = int(sample[0] if isinstance(sample, list | tuple) else sample)
    return multiple, sample * vae_scale


def backend_error(torch: Any, pipeline: str, device: str, exc: Exception) -> ArtboardError:
    oom = getattr(torch, "OutOfMemoryError", None) or getattr(torch.cuda, "OutOfMemoryError", None)
    if oom is not None and isinstance(exc, oom):
        return BackendError(
            f"{pipeline} ran out of {device} memory; set ARTBOARD_DIFFUSERS_CPU_OFFLOAD=on or "
            "ARTBOARD_DIFFUSERS_ATTENTION_SLICING=on, or lower ARTBOARD_DIFFUSERS_BATCH",
            details={"reason": "out_of_memory"},
        )
    return BackendError(f"{pipeline} failed: {type(exc).__name__}: {exc}")
