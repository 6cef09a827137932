"""sRGB ↔ OKLab/OKLCH conversions (vectorised numpy, used on whole images) and ΔE in OKLab.

Björn Ottosson's OKLab with the standard sRGB transfer function. :mod:`artboard.colors` re-exports the public
functions; ``LINEAR_LUT`` (sRGB byte → linear light) is shared with its WCAG luminance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "LINEAR_LUT",
    "clamp8",
    "delta_e_ok",
    "from_oklch",
    "oklab",
    "oklab_to_srgb",
    "oklch",
    "srgb_to_oklab",
]


def clamp8(value: float) -> int:
    """Round half up and clamp to a 0..255 channel."""
    return int(min(255, max(0, math.floor(value + 0.5))))


_LMS_FROM_LINEAR = np.array(
    [
        [0.4122214708, 0.5363325363, 0.0514459929],
        [0.2119034982, 0.6806995451, 0.1073969566],
        [0.0883024619, 0.2817188376, 0.6299787005],
    ]
)
_LAB_FROM_LMS = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ]
)
_LMS_FROM_LAB = np.linalg.inv(_LAB_FROM_LMS)
_LINEAR_FROM_LMS = np.linalg.inv(_LMS_FROM_LINEAR)


def _linearise(c: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.where(c <= 0.04045, c / 12.92, ((np.abs(c) + 0.055) / 1.055) ** 2.4)
    return out


def _gamma(c: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.where(
        c <= 0.0031308, c * 12.92, 1.055 * np.power(np.maximum(c, 0.0), 1.0 / 2.4) - 0.055
    )
    return out


# Integer input goes through a 256-entry table: one gather instead of a pow per channel.
LINEAR_LUT: NDArray[np.float64] = _linearise(np.arange(256, dtype=np.float64) / 255.0)


def srgb_to_oklab(rgb: Any) -> NDArray[np.float64]:
    """sRGB → OKLab for an array of shape ``(..., 3)``.

    Integer arrays (uint8 and friends) are 0..255, float arrays are 0..1. Returns float64 ``(..., 3)`` with
    L in 0..1 and a, b roughly in -0.4..0.4.
    """
    arr = np.asarray(rgb)
    if arr.shape[-1:] != (3,):
        raise ValueError(f"expected an array of shape (..., 3), got {arr.shape}")
    if np.issubdtype(arr.dtype, np.integer):
        linear = LINEAR_LUT[np.clip(arr, 0, 255).astype(np.intp)]
    else:
        linear = _linearise(arr.astype(np.float64))
    lms = linear @ _LMS_FROM_LINEAR.T
    out: NDArray[np.float64] = np.cbrt(lms) @ _LAB_FROM_LMS.T
    return out


def oklab_to_srgb(lab: Any) -> NDArray[np.float64]:
    """OKLab → sRGB floats 0..1 (not clipped: out-of-gamut colours come back outside 0..1)."""
    arr = np.asarray(lab, dtype=np.float64)
    if arr.shape[-1:] != (3,):
        raise ValueError(f"expected an array of shape (..., 3), got {arr.shape}")
    lms = (arr @ _LMS_FROM_LAB.T) ** 3
    return _gamma(lms @ _LINEAR_FROM_LMS.T)


def oklab(rgb: Sequence[int]) -> tuple[float, float, float]:
    """One colour's OKLab coordinates."""
    lab = srgb_to_oklab(np.array(rgb[:3], dtype=np.uint8))
    return float(lab[0]), float(lab[1]), float(lab[2])


def oklch(rgb: Sequence[int]) -> tuple[float, float, float]:
    """``(L 0..1, C ≥ 0, h degrees 0..360)`` of one sRGB colour; achromatic colours get h = 0."""
    lightness, a, b = oklab(rgb)
    chroma = math.hypot(a, b)
    hue = math.degrees(math.atan2(b, a)) % 360.0 if chroma > 1e-6 else 0.0
    return lightness, chroma, hue


def _lch_to_srgb_float(lightness: float, chroma: float, hue: float) -> NDArray[np.float64]:
    rad = math.radians(hue)
    return oklab_to_srgb(np.array([lightness, chroma * math.cos(rad), chroma * math.sin(rad)]))


def from_oklch(lightness: float, chroma: float, hue: float) -> tuple[int, int, int]:
    """OKLCH → sRGB, keeping lightness and hue and lowering chroma until the colour fits the sRGB gamut."""
    lightness = min(1.0, max(0.0, float(lightness)))
    chroma = max(0.0, float(chroma))
    hue = float(hue) % 360.0
    rgb = _lch_to_srgb_float(lightness, chroma, hue)
    eps = 1e-4
    if np.any(rgb < -eps) or np.any(rgb > 1 + eps):
        # Bisection on chroma: clipping channels instead would shift the hue, which palettes care about.
        low, high = 0.0, chroma
        for _ in range(24):
            mid = (low + high) / 2
            test = _lch_to_srgb_float(lightness, mid, hue)
            if np.any(test < -eps) or np.any(test > 1 + eps):
                high = mid
            else:
                low = mid
        rgb = _lch_to_srgb_float(lightness, low, hue)
    r, g, b = (clamp8(float(c) * 255.0) for c in np.clip(rgb, 0.0, 1.0))
    return (r, g, b)


def delta_e_ok(a: Sequence[int], b: Sequence[int]) -> float:
    """Euclidean OKLab distance × 100 (≈ 1 is a just-noticeable difference, ≈ 2 is easily seen)."""
    lab = srgb_to_oklab(np.array([a[:3], b[:3]], dtype=np.uint8))
    return float(np.linalg.norm(lab[0] - lab[1]) * 100.0)
