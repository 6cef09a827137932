"""artboard: self-hosted, design-first image generation.

import artboard
[art] = artboard.generate("minimal fox logo called Ember", format="svg", seed=7)
art.save("ember.svg")
"""

from artboard.api import (
    caption_image,
    creative_upscale,
    crisp_upscale,
    enhance_prompt,
    erase_region,
    generate,
    generate_background,
    inpaint,
    outpaint,
    remove_background,
    replace_background,
    variate_image,
    vectorize,
)
from artboard.engine import Artifact
from artboard.errors import (
    ArtboardError,
    BackendError,
    BackendUnavailable,
    Cancelled,
    ContentBlocked,
    InvalidParameter,
    MissingDependency,
    NotFound,
    PayloadTooLarge,
)
from artboard.manifest import read_manifest
from artboard.spec import GenerationSpec, make_spec
from artboard.version import __version__

__all__ = [
    "ArtboardError",
    "Artifact",
    "BackendError",
    "BackendUnavailable",
    "Cancelled",
    "ContentBlocked",
    "GenerationSpec",
    "InvalidParameter",
    "MissingDependency",
    "NotFound",
    "PayloadTooLarge",
    "__version__",
    "caption_image",
    "creative_upscale",
    "crisp_upscale",
    "enhance_prompt",
    "erase_region",
    "generate",
    "generate_background",
    "inpaint",
    "make_spec",
    "outpaint",
    "read_manifest",
    "remove_background",
    "replace_background",
    "variate_image",
    "vectorize",
]
