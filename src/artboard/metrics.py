"""Image similarity metrics in plain numpy (scipy is not a dependency).

``ssim`` is the standard Wang et al. (2004) SSIM: an 11-tap Gaussian window with sigma 1.5,
K1 = 0.01, K2 = 0.03, dynamic range 255, computed on Rec. 601 luma after compositing any alpha
channel over white, averaged over the "valid" region (no padding, like the reference MATLAB code).
The Gaussian is applied exactly as a separable convolution: the 11 taps are symmetric, so each
pass adds mirrored slices pairwise and needs only 6 multiplies per pixel. All five moment maps
are filtered together as one stacked float32 array, which keeps a 1024² comparison well under
100 ms on one core.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["gaussian_kernel", "ssim", "to_luma"]

_K1 = 0.01
_K2 = 0.03
_L = 255.0
_C1 = (_K1 * _L) ** 2
_C2 = (_K2 * _L) ** 2
_RADIUS = 5  # 11-tap window, as in the reference implementation
_SIGMA = 1.5
_LUMA_WEIGHTS = np.array([0.299, 0.587, 0.114], dtype=np.float32)

FloatArray = npt.NDArray[np.float32]


def gaussian_kernel(radius: int = _RADIUS, sigma: float = _SIGMA) -> FloatArray:
    """Normalised 1-D Gaussian taps of length ``2 * radius + 1``."""
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    k = np.exp(-(x * x) / (2.0 * sigma * sigma))
    return np.asarray(k / k.sum(), dtype=np.float32)


def to_luma(img: npt.ArrayLike) -> FloatArray:
    """Rec. 601 luma of a grey, RGB or RGBA uint8-range array; alpha is composited over white."""
    a = np.asarray(img)
    if a.ndim == 2:
        return a.astype(np.float32)
    if a.ndim != 3 or a.shape[2] not in (1, 2, 3, 4):
        raise ValueError(f"expected an (H, W[, C]) image array, got shape {a.shape}")
    channels = a.shape[2]
    grey = a[..., 0].astype(np.float32) if channels in (1, 2) else a[..., :3].astype(np.float32) @ _LUMA_WEIGHTS
    if channels in (2, 4):
        alpha_u8 = a[..., -1]
        if alpha_u8.min() < 255:
            alpha = alpha_u8.astype(np.float32) * np.float32(1.0 / 255.0)
            # Over white, so that transparent areas compare equal whatever colour they hide.
            grey = grey * alpha + np.float32(255.0) * (np.float32(1.0) - alpha)
    return np.ascontiguousarray(grey, dtype=np.float32)


def _filter_valid(stack: FloatArray, taps: FloatArray, axis: int) -> FloatArray:
    """Correlate along ``axis`` with symmetric ``taps``, keeping only fully covered samples."""
    n = stack.shape[axis]
    radius = (taps.shape[0] - 1) // 2
    out_len = n - 2 * radius

    def sl(start: int) -> FloatArray:
        index: list[slice] = [slice(None)] * stack.ndim
        index[axis] = slice(start, start + out_len)
        return stack[tuple(index)]

    out = sl(radius) * taps[radius]
    for k in range(radius):
        # Mirrored taps are equal: sum the two slices first, then one multiply.
        out += (sl(k) + sl(2 * radius - k)) * taps[k]
    return np.asarray(out, dtype=np.float32)


def ssim(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Mean structural similarity of two same-sized images (grey, RGB or RGBA, 0..255).

    Returns 1.0 for identical images. Images smaller than the 11×11 window fall back to a
    single global window (the SSIM formula over all pixels).
    """
    x = to_luma(a)
    y = to_luma(b)
    if x.shape != y.shape:
        raise ValueError(f"ssim needs equal sizes, got {x.shape} and {y.shape}")
    if x.size == 0:
        raise ValueError("ssim of an empty image is undefined")
    win = 2 * _RADIUS + 1
    if x.shape[0] < win or x.shape[1] < win:
        return _global_ssim(x, y)
    stack = np.stack([x, y, x * x, y * y, x * y])
    taps = gaussian_kernel()
    filtered = _filter_valid(_filter_valid(stack, taps, axis=1), taps, axis=2)
    mu_x, mu_y, xx, yy, xy = filtered
    mu_xx = mu_x * mu_x
    mu_yy = mu_y * mu_y
    mu_xy = mu_x * mu_y
    num = (2.0 * mu_xy + _C1) * (2.0 * (xy - mu_xy) + _C2)
    den = (mu_xx + mu_yy + _C1) * ((xx - mu_xx) + (yy - mu_yy) + _C2)
    return float(np.mean(num / den, dtype=np.float64))


def _global_ssim(x: FloatArray, y: FloatArray) -> float:
    xd = x.astype(np.float64)
    yd = y.astype(np.float64)
    mx, my = xd.mean(), yd.mean()
    vx, vy = xd.var(), yd.var()
    cov = float(((xd - mx) * (yd - my)).mean())
    num = (2 * mx * my + _C1) * (2 * cov + _C2)
    den = (mx * mx + my * my + _C1) * (vx + vy + _C2)
    return float(num / den)
