"""OCR helpers shared by the legibility tests: tesseract reads dark-on-mid-tone lettering (brown on orange) only
after the page is cut into black and white, as a reader's eye separates type from ground. A poster has three
tones or more (brown type on an orange block over a cream page), so no single threshold parts them all: the
page is cut at a dark, a middle and a light level."""

from __future__ import annotations

import numpy as np
from PIL import Image

CUTS = (70, 130, 190)


def binarised(image: Image.Image) -> list[Image.Image]:
    """The greyscale image cut into black and white at each level of CUTS."""
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    return [Image.fromarray(np.where(grey > cut, 255, 0).astype(np.uint8)) for cut in CUTS]
