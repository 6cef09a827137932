"""Masks for the region tools: a greyscale (or RGB/RGBA) image the size of the input, white = the region.

Recraft's masks are greyscale PNGs where white marks what to change; a mask drawn as an alpha channel (opaque =
region, the colour the same everywhere) is read the same way. Every failure is a 400 naming the mask parameter.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from artboard.edit.source import Source
from artboard.errors import InvalidParameter

Mask = npt.NDArray[np.bool_]


def load_mask(mask: Any, source: Source, *, param: str = "mask") -> Mask:
    """The region (True = selected) of `mask`, checked against the input's size."""
    from artboard.imageio import image_to_rgba_array, load_image

    if mask is None:
        raise InvalidParameter(
            "a mask is required: a greyscale image, white marks the region", param=param, details={"missing": True}
        )
    rgba = image_to_rgba_array(load_image(mask, param=param))
    h, w = rgba.shape[:2]
    if (w, h) != (source.width, source.height):
        raise InvalidParameter(
            f"the mask is {w}x{h} but the image is {source.width}x{source.height}; they must be the same size",
            param=param,
            allowed=f"{source.width}x{source.height}",
        )
    rgb = rgba[..., :3].astype(np.int16)
    alpha = rgba[..., 3]
    if int(np.ptp(rgb)) <= 8 and int(np.ptp(alpha)) > 8:
        region: Mask = alpha > 127
    else:
        luminance = rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114
        region = (luminance > 127) & (alpha > 127)
    if not region.any():
        raise InvalidParameter(
            "the mask selects nothing (no white pixels)", param=param, allowed="a greyscale image, white = the region"
        )
    return region


def bbox(region: Mask) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) of the region, exclusive ends."""
    ys, xs = np.nonzero(region)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1
