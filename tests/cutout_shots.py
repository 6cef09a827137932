"""Product shots with known masks, for measuring cut-outs by IoU (tests/test_edit_cutouts.py, docs/image-tools.md).

The product of edit_support (a blue bottle with a white label and a grey cap, and an orange) drawn over a ground:
`white`, `gradient`, `texture` (wood-like: low-frequency noise in a narrow warm range), `photo` (a blurred room: a
wall, a window, a table edge, a plant at the side, small clutter, side light and sensor noise) or `discs` (150
overlapping discs of random colours: the hardest case, every colour is everywhere).
"""

from __future__ import annotations

import io

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFilter

SIZE = 256
GROUNDS = ("white", "gradient", "texture", "photo", "discs")


def product_mask() -> npt.NDArray[np.bool_]:
    """Where the product is (True), before the slight blur of the shot."""
    image = Image.new("L", (SIZE, SIZE), 0)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((100, 72, 156, 206), radius=14, fill=255)
    draw.rectangle((116, 50, 140, 76), fill=255)
    draw.ellipse((156, 140, 200, 206), fill=255)
    return np.asarray(image) > 127


def _product(ground: Image.Image) -> Image.Image:
    image = ground.copy()
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((100, 72, 156, 206), radius=14, fill=(30, 110, 170))
    draw.rectangle((116, 50, 140, 76), fill=(220, 220, 225))
    draw.rounded_rectangle((106, 110, 150, 160), radius=4, fill=(250, 250, 245))
    draw.ellipse((156, 140, 200, 206), fill=(230, 120, 60))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def _disc(draw: ImageDraw.ImageDraw, rng: np.random.Generator, radius: tuple[int, int], tones: tuple[int, int]) -> None:
    x, y = (int(v) for v in rng.integers(0, SIZE, 2))
    r = int(rng.integers(*radius))
    colour = tuple(int(v) for v in rng.integers(*tones, 3))
    draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def ground(kind: str, seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    if kind == "white":
        return Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
    if kind == "gradient":
        t = np.linspace(0, 1, SIZE)[:, None, None]
        rows = np.array([250, 230, 200]) * (1 - t) + np.array([180, 200, 240]) * t
        return Image.fromarray(np.repeat(rows, SIZE, axis=1).astype(np.uint8))
    if kind == "discs":
        base = Image.new("RGB", (SIZE, SIZE))
        draw = ImageDraw.Draw(base)
        for _ in range(150):
            _disc(draw, rng, (5, 30), (0, 255))
        return base
    if kind == "texture":
        coarse = rng.normal(size=(SIZE // 8, SIZE // 8))
        grain = Image.fromarray(((coarse + 3) * 40).clip(0, 255).astype(np.uint8)).resize((SIZE, SIZE), Image.BICUBIC)
        value = (np.asarray(grain, float) / 255 + rng.normal(scale=0.08, size=(SIZE, SIZE))).clip(0, 1)[..., None]
        return Image.fromarray((np.array([150, 105, 60]) * (0.6 + 0.6 * value)).clip(0, 255).astype(np.uint8))
    if kind == "photo":
        base = Image.new("RGB", (SIZE, SIZE), (196, 186, 170))
        draw = ImageDraw.Draw(base)
        draw.rectangle((0, 170, SIZE, SIZE), fill=(120, 84, 52))  # a table
        draw.rectangle((10, 15, 80, 110), fill=(210, 225, 240))  # a window
        draw.rectangle((212, 30, 250, 120), fill=(70, 110, 80))  # a plant at the side, apart from the product
        for _ in range(40):
            _disc(draw, rng, (3, 12), (40, 230))
        pixels = np.asarray(base.filter(ImageFilter.GaussianBlur(3)), float)
        light = 0.8 + 0.3 * (1 - np.mgrid[0:SIZE, 0:SIZE][1] / SIZE)
        pixels = pixels * light[..., None] + rng.normal(scale=4, size=pixels.shape)
        return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    raise ValueError(kind)


def shot(kind: str, seed: int = 1) -> bytes:
    """The product on ground `kind` (seeded), as PNG bytes."""
    buffer = io.BytesIO()
    _product(ground(kind, seed)).save(buffer, format="PNG")
    return buffer.getvalue()


def iou(alpha: npt.NDArray[np.floating], truth: npt.NDArray[np.bool_]) -> float:
    """Intersection over union of the cut-out (alpha > 0.5) and the known mask."""
    found = alpha > 0.5
    return float((found & truth).sum() / max(1, (found | truth).sum()))
