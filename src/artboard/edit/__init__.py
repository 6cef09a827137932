"""Image tools: background removal and replacement, upscaling, erase / inpaint / outpaint, variations.

Each tool works on any image, and exactly (in vector) on our own designs: see `source.py` for how a design is
recognised, and docs/image-tools.md for what each tool does with other images and where it fails.
"""

from __future__ import annotations

from artboard.edit.background import remove_background, replace_background
from artboard.edit.regions import erase_region, inpaint, outpaint
from artboard.edit.request import OPERATIONS, EditRequest, make_edit_request, run_edit
from artboard.edit.upscale import creative_upscale, crisp_upscale
from artboard.edit.variations import variate_image

__all__ = [
    "OPERATIONS",
    "EditRequest",
    "creative_upscale",
    "crisp_upscale",
    "erase_region",
    "inpaint",
    "make_edit_request",
    "outpaint",
    "remove_background",
    "replace_background",
    "run_edit",
    "variate_image",
]
