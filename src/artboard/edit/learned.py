"""Learned inpainting for rasters: a diffusers inpainting pipeline takes over erase and inpaint when configured.

    ARTBOARD_INPAINT_MODEL=/models/sd-inpainting     # a diffusers folder (model_index.json; a 9-channel UNet)
    ARTBOARD_INPAINT_STEPS=25                        # denoising steps (default 25)
    ARTBOARD_INPAINT_DEVICE=cpu                      # torch device (default cpu)

Nothing is downloaded: the folder must exist locally. Without it (or without the `diffusers` extra) the classical
methods run. A configured pipeline that fails to load is reported as a warning on the result and the classical
method runs instead, so an image tool never fails because of an optional model. The pipeline paints the whole
frame; only the masked region (feathered by a few pixels) is taken from it, everything else is the input.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from artboard.edit.masks import Mask
from artboard.edit.source import U8

log = logging.getLogger(__name__)
ERASE_PROMPT = "empty background, seamless continuation of the surroundings"
_MAX_SIDE = 1024  # the pipeline works at the image size rounded to 8, long side at most this
_lock = threading.Lock()


def configured() -> str | None:
    """The configured pipeline folder, or None."""
    value = os.environ.get("ARTBOARD_INPAINT_MODEL", "").strip()
    return value or None


@functools.lru_cache(maxsize=2)
def _pipeline(folder: str, device: str) -> Any:
    import importlib

    import torch

    diffusers: Any = importlib.import_module("diffusers")  # optional extra, untyped
    pipe = diffusers.AutoPipelineForInpainting.from_pretrained(folder, torch_dtype=torch.float32, local_files_only=True)
    if hasattr(pipe, "safety_checker"):
        pipe.safety_checker = None  # artboard's own safety checker runs on inputs and outputs
    pipe.set_progress_bar_config(disable=True)
    return pipe.to(device)


def pipeline() -> tuple[Any, str | None]:
    """(the pipeline or None, why it is not used: None when it is used or not configured)."""
    folder = configured()
    if folder is None:
        return None, None
    if not (Path(folder).expanduser() / "model_index.json").is_file():
        return None, f"ARTBOARD_INPAINT_MODEL={folder} is not a diffusers pipeline folder; used the classical method"
    try:
        return _pipeline(str(Path(folder).expanduser()), os.environ.get("ARTBOARD_INPAINT_DEVICE", "cpu")), None
    except Exception as exc:  # an optional model must never fail the tool: say so and use the classical method
        log.warning("inpainting pipeline %s failed to load", folder, exc_info=True)
        return None, f"the inpainting model could not be loaded ({type(exc).__name__}); used the classical method"


def _size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, _MAX_SIDE / max(width, height))
    return max(8, round(width * scale / 8) * 8), max(8, round(height * scale / 8) * 8)


def learned_inpaint(pipe: Any, rgba: U8, region: Mask, prompt: str, seed: int) -> U8:
    """The masked region painted by the pipeline from `prompt`; the rest of `rgba` unchanged."""
    import torch
    from PIL import Image, ImageFilter

    h, w = rgba.shape[:2]
    size = _size(w, h)
    image = Image.fromarray(np.ascontiguousarray(rgba[..., :3]), mode="RGB").resize(size, Image.Resampling.LANCZOS)
    mask = Image.fromarray((region * 255).astype(np.uint8), mode="L")
    steps = int(os.environ.get("ARTBOARD_INPAINT_STEPS", "25"))
    with _lock:  # one pipeline call at a time per process (torch already uses every thread)
        out = pipe(
            prompt=prompt,
            image=image,
            mask_image=mask.resize(size, Image.Resampling.NEAREST),
            height=size[1],
            width=size[0],
            num_inference_steps=steps,
            generator=torch.Generator("cpu").manual_seed(seed),
        ).images[0]
    painted = np.asarray(out.convert("RGB").resize((w, h), Image.Resampling.LANCZOS), dtype=np.float32)
    soft = np.asarray(mask.filter(ImageFilter.GaussianBlur(2)), dtype=np.float32)[..., None] / 255.0
    rgb = painted * soft + rgba[..., :3].astype(np.float32) * (1 - soft)
    result: U8 = np.dstack([np.clip(np.rint(rgb), 0, 255).astype(np.uint8), rgba[..., 3]])
    return result
