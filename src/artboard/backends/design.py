"""The embedded default backend: the programmatic design composer (offline, CPU, vector-first)."""

from __future__ import annotations

from artboard.backends.base import Backend, Capabilities, Design
from artboard.spec import GenerationSpec


class DesignComposerBackend(Backend):
    name = "design"
    model_id = "artboard-design-composer-1"
    capabilities = Capabilities(
        raster=True, vector=True, img2img=True, seed=True, transparent=True, photoreal=False, max_pixels=3072 * 1536
    )

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        if spec.image is not None:
            from artboard.composer.restyle import restyle

            svg, info = restyle(spec, seed=seed, index=index)
        else:
            from artboard.composer import compose

            svg, info = compose(spec, seed=seed, index=index)
        return Design(svg=svg, info=info)
