"""Inputs the image-tool tests share: product shots on three kinds of ground, masks, a design of ours."""

from __future__ import annotations

import functools
import io

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SIZE = 256


def encode(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def _product(ground: Image.Image) -> Image.Image:
    """A blue bottle with a white label and a cap, and an orange, drawn over `ground`."""
    image = ground.copy()
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((100, 72, 156, 206), radius=14, fill=(30, 110, 170))
    draw.rectangle((116, 50, 140, 76), fill=(220, 220, 225))
    draw.rounded_rectangle((106, 110, 150, 160), radius=4, fill=(250, 250, 245))
    draw.ellipse((156, 140, 200, 206), fill=(230, 120, 60))
    return image.filter(ImageFilter.GaussianBlur(0.6))


@functools.cache
def product_shot(ground: str) -> bytes:
    """A product shot on `white`, a `gradient` or a `busy` background, as PNG bytes."""
    if ground == "white":
        base = Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
    elif ground == "gradient":
        t = np.linspace(0, 1, SIZE)[:, None, None]
        rows = np.array([250, 230, 200]) * (1 - t) + np.array([180, 200, 240]) * t
        base = Image.fromarray(np.repeat(rows, SIZE, axis=1).astype(np.uint8))
    else:
        rng = np.random.default_rng(1)
        base = Image.new("RGB", (SIZE, SIZE))
        draw = ImageDraw.Draw(base)
        for _ in range(150):
            x, y = (int(v) for v in rng.integers(0, SIZE, 2))
            r = int(rng.integers(5, 30))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    return encode(_product(base))


def mask(box: tuple[int, int, int, int], size: tuple[int, int] = (SIZE, SIZE)) -> bytes:
    """A greyscale mask, white inside `box` (x0, y0, x1, y1)."""
    image = Image.new("L", size, 0)
    ImageDraw.Draw(image).rectangle(box, fill=255)
    return encode(image)


@functools.cache
def design_png() -> bytes:
    """A logo of ours (PNG with its manifest): the tools edit it in vector."""
    import artboard

    return artboard.generate("a coffee shop logo with a cup", seed=2)[0].data  # a plain symbol on its ground


@functools.cache
def design_svg() -> bytes:
    import artboard

    return artboard.generate("a coffee shop logo with a cup", seed=2, format="svg")[0].data
