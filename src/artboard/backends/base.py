"""The backend interface: a spec and a seed in, one design (SVG document or RGBA pixels) out.

Post-processing (palette and background guarantee, vectorize for vector output, safety, manifest, encoding) is
the engine's job and applies to every backend alike, so a backend only draws.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from artboard.spec import GenerationSpec


@dataclass(frozen=True)
class Capabilities:
    """What a backend can do natively; the engine fills the gaps (e.g. vector output via vectorize)."""

    raster: bool = True
    vector: bool = False
    img2img: bool = False
    seed: bool = True
    transparent: bool = False
    photoreal: bool = False
    max_pixels: int = 2048 * 3072

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Design:
    """One result of a backend: exactly one of `svg` (a complete SVG document of the spec's size) or `rgba`."""

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
        """Whether the backend can run now, and why not."""
        return True, "ok"
