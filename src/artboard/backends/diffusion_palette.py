"""Pixel helpers of the diffusers backend that need no torch: sizes, exact fitting, palette layouts, input images.

- `generation_size` picks the size a model generates at: its native area, the requested aspect, a multiple of what
  its VAE and patching need.
- `fit_exact` turns any generated (or input) image into exactly the requested size: one Lanczos resample of the
  centred crop that has the target aspect (cover, never letterbox).
- `palette_layout` draws the seeded start image for palette control before generation: flat blocks and a soft
  gradient of the palette's colours, which img2img at high strength keeps as the colour layout of the result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter

from artboard.colors import RGB
from artboard.imageio import image_to_rgba_array

WHITE: RGB = (255, 255, 255)


def generation_size(width: int, height: int, *, native_side: int, multiple: int) -> tuple[int, int]:
    """The size to sample at: about `native_side`² pixels (never more than asked) at the aspect of width×height."""
    if width <= 0 or height <= 0 or native_side <= 0 or multiple <= 0:
        raise ValueError("sizes must be positive")
    area = min(native_side * native_side, width * height)
    aspect = width / height
    gen_w = max(multiple, round(math.sqrt(area * aspect) / multiple) * multiple)
    gen_h = max(multiple, round(math.sqrt(area / aspect) / multiple) * multiple)
    return gen_w, gen_h


def _cover_box(src_w: int, src_h: int, width: int, height: int) -> tuple[float, float, float, float]:
    """The centred box of the source that has the target's aspect ratio (crop, never pad)."""
    target = width / height
    if src_w / src_h > target:
        box_w = src_h * target
        left = (src_w - box_w) / 2
        return left, 0.0, left + box_w, float(src_h)
    box_h = src_w / target
    top = (src_h - box_h) / 2
    return 0.0, top, float(src_w), top + box_h


def fit_image(image: Image.Image, width: int, height: int) -> Image.Image:
    """`image` resized (Lanczos) and centre-cropped to exactly width×height, in one resample."""
    if image.size == (width, height):
        return image.copy()
    box = _cover_box(image.width, image.height, width, height)
    return image.resize((width, height), Image.Resampling.LANCZOS, box=box)


def fit_exact(pixels: NDArray[np.uint8], width: int, height: int) -> NDArray[np.uint8]:
    """An (H, W, 3|4) uint8 array as an opaque-or-kept-alpha (height, width, 4) array of exactly that size."""
    if pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError(f"expected an (H, W, 3|4) array, got {pixels.shape}")
    fitted = fit_image(Image.fromarray(np.ascontiguousarray(pixels)), width, height)
    return image_to_rgba_array(fitted)


def float_to_uint8(images: NDArray[np.floating]) -> NDArray[np.uint8]:
    """Pipeline output (B, H, W, 3) floats in 0..1 → uint8 with round-to-nearest."""
    out: NDArray[np.uint8] = np.rint(np.clip(images, 0.0, 1.0) * 255.0).astype(np.uint8)
    return out


def flatten(image: Image.Image, background: RGB | None) -> Image.Image:
    """An RGB copy of `image`, composited over `background` (white when none) where it has alpha."""
    rgba = image.convert("RGBA")
    base = Image.new("RGBA", rgba.size, (*(background or WHITE), 255))
    return Image.alpha_composite(base, rgba).convert("RGB")


def palette_layout(
    palette: Sequence[RGB], width: int, height: int, *, seed: int, background: RGB | None = None
) -> Image.Image:
    """A seeded RGB layout of the palette's colours: a soft two-colour gradient ground and a few flat blocks.

    The ground is `background` when given (so the result keeps it), else the first palette colour; blocks use the
    other colours in turn, so every palette colour shows up at a reasonable share. A light blur removes the hard
    edges a diffusion model would otherwise try to keep as lines.
    """
    if not palette:
        raise ValueError("palette_layout needs at least one colour")
    rng = np.random.default_rng(seed)
    colours = [tuple(int(v) for v in c) for c in palette]
    ground = tuple(background) if background is not None else colours[0]
    others = [c for c in colours if c != ground] or colours
    second = others[int(rng.integers(len(others)))]

    # Ground: a gradient from the ground colour to 25 % of the second colour, along a random direction.
    angle = float(rng.uniform(0.0, 2.0 * math.pi))
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    t = (xs / max(width - 1, 1) - 0.5) * math.cos(angle) + (ys / max(height - 1, 1) - 0.5) * math.sin(angle)
    t = np.clip(t + 0.5, 0.0, 1.0)[..., None] * 0.25
    ground_arr = np.array(ground, np.float32)
    ground_pixels = ground_arr * (1.0 - t) + np.array(second, np.float32) * t
    image = Image.fromarray(np.rint(ground_pixels).astype(np.uint8))

    draw = ImageDraw.Draw(image)
    blocks = int(rng.integers(3, 7))
    for i in range(blocks):
        colour = others[i % len(others)]
        bw = float(rng.uniform(0.2, 0.55)) * width
        bh = float(rng.uniform(0.2, 0.55)) * height
        cx = float(rng.uniform(0.1, 0.9)) * width
        cy = float(rng.uniform(0.1, 0.9)) * height
        box = (cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2)
        if rng.random() < 0.5:
            draw.ellipse(box, fill=colour)
        else:
            draw.rectangle(box, fill=colour)
    radius = max(1.0, min(width, height) / 96)
    return image.filter(ImageFilter.GaussianBlur(radius))
