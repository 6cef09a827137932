"""The backend interface: a spec and a seed in, one design (SVG document or RGBA pixels) out.

Post-processing (palette and background guarantee, vectorize for vector output, safety, manifest, encoding) is
the engine's job and applies to every backend alike, so a backend only draws.

Writing a backend
-----------------
Subclass `Backend`, set `name`, `model_id` and `capabilities`, implement `generate`, and register the class under
the ``artboard.backends`` entry-point group of your package::

    [project.entry-points."artboard.backends"]
    mybackend = "my_package.backend:MyBackend"

The registry instantiates the class with no arguments, once per process, and only when it is first needed, so the
constructor must be cheap and must not fail for missing configuration: report that from `available()` instead.

Errors a backend raises decide what routing does next (see `artboard.routing`):

* `BackendUnavailable` (503): cannot take the request now (overloaded, no credits, bad key) → next backend;
* `BackendError` (502), a timeout or any unexpected exception: failed → next backend, counts for the breaker;
* `InvalidParameter` (400), `ContentBlocked` (403), `Cancelled`: the request itself is the problem → no fallback.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from artboard.spec import GenerationSpec


@dataclass(frozen=True)
class Capabilities:
    """What a backend can do natively; the engine fills the gaps (e.g. vector output via vectorize).

    raster / vector       it can draw pixels / emit SVG itself (a raster-only backend still serves vector requests:
                          the engine vectorizes its output)
    img2img               it accepts an input image (`spec.image`, `spec.strength`)
    seed                  the same seed reproduces the same output
    transparent           it can leave the background transparent
    photoreal             it renders photographic prompts photoreal (the composer does flat designs)
    max_pixels            the largest width × height it renders
    remote                it sends the request to another service (needs network, keys, costs money)
    palette_control       it steers colours during generation (the engine enforces the palette afterwards anyway)
    cost_per_image_usd    list price of one standard image, when it costs money (remote providers)
    """

    raster: bool = True
    vector: bool = False
    img2img: bool = False
    seed: bool = True
    transparent: bool = False
    photoreal: bool = False
    max_pixels: int = 2048 * 3072
    remote: bool = False
    palette_control: bool = False
    cost_per_image_usd: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Design:
    """One result of a backend: exactly one of `svg` (a complete SVG document of the spec's size) or `rgba`.

    `info` lands in the manifest under ``design``; remote backends put the upstream model, request id and the cost
    in USD (``cost_usd``) there.
    """

    svg: str | None = None
    rgba: np.ndarray | None = None
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.svg is None) == (self.rgba is None):
            raise ValueError("a Design holds exactly one of svg or rgba")


class Backend(ABC):
    """Subclass and register under the `artboard.backends` entry-point group."""

    name: str = "backend"
    model_id: str = "unknown"
    capabilities: Capabilities = Capabilities()

    @abstractmethod
    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        """Draw result `index` of `spec` with `seed` (the engine has already resolved seeds)."""

    def available(self) -> tuple[bool, str]:
        """Whether the backend can run now, and why not (cheap: no network, no model loading)."""
        return True, "ok"

    def health(self) -> dict[str, Any]:
        """Extra, backend-specific health details (e.g. the upstream base URL, the loaded model); no secrets."""
        return {}

    def supports(self, spec: GenerationSpec) -> tuple[bool, str]:
        """Whether this backend can serve `spec` at all, and why not (routing skips it when not)."""
        caps = self.capabilities
        if spec.width * spec.height > caps.max_pixels:
            return False, f"renders at most {caps.max_pixels} pixels, {spec.width}x{spec.height} requested"
        if spec.image is not None and not caps.img2img:
            return False, "does not take an input image (image-to-image)"
        return True, "ok"

    def describe(self) -> dict[str, Any]:
        """Name, model id and capabilities as plain JSON values (for listings)."""
        return {"name": self.name, "model_id": self.model_id, "capabilities": self.capabilities.to_dict()}
