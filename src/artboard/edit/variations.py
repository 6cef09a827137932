"""Variations of an image (Recraft variateImage).

A design of ours is drawn again from its brief with other seeds: the same prompt, palette and background, another
layout, icon and type choice each time. Any other image goes through the composer's image-to-image ladder at a
low strength that grows with each result (the first is the input redrawn flat, later ones move towards a new
composition in the input's colours over its silhouette), with the prompt its manifest names when it has one;
the manifest says which way was taken.
Result *i* uses seed + i, as everywhere else, so a variation can be reproduced alone.
"""

from __future__ import annotations

from typing import Any

from artboard.edit import source as src
from artboard.edit.source import Source
from artboard.errors import InvalidParameter

MAX_VARIATIONS = 6  # Recraft's n range
RASTER_STRENGTH = 0.3  # the first raster variation: the input redrawn flat (posterised and traced)
RASTER_STEP = 0.08  # each further variation moves further along the ladder, towards a new composition
FALLBACK_PROMPT = "flat illustration"


def variation_spec(source: Source, *, seed: int, size: str | None, fmt: str, index: int = 0) -> Any:
    """The GenerationSpec (n=1) that draws variation `seed` of `source`."""
    from artboard.spec import make_spec

    output = "vector" if fmt == "svg" else "raster"
    if source.spec is not None:
        spec = source.spec
        return make_spec(
            spec.prompt,
            model=spec.model,
            backend="design",
            tier=spec.tier,
            output=output,
            size=size or f"{spec.width}x{spec.height}",
            seed=seed,
            palette=list(spec.palette) if spec.palette else None,
            background=_background(spec.background),
            format=fmt,
            style=spec.style,
        )
    from artboard.edit.background import nearest_table_size
    from artboard.render import encode_raster, rgba_to_image

    params = (source.manifest or {}).get("params")
    prompt = params.get("prompt") if isinstance(params, dict) and isinstance(params.get("prompt"), str) else None
    image = encode_raster(rgba_to_image(source.rgba), "png", quality=None, manifest={})
    return make_spec(
        prompt or FALLBACK_PROMPT,
        backend="design",
        output=output,
        size=size or nearest_table_size(source.width, source.height),
        seed=seed,
        image=image,
        strength=raster_strength(index),
        format=fmt,
    )


def raster_strength(index: int) -> float:
    return round(min(0.7, RASTER_STRENGTH + RASTER_STEP * index), 2)


def _background(value: Any) -> Any:
    if value is None or value == "transparent":
        return value
    from artboard.colors import to_hex

    return to_hex(value)


def check_n(n: Any) -> int:
    from artboard.spec import integer_param

    return integer_param(n, "n", 1, MAX_VARIATIONS)


def variation(source: Source, *, seed: int, index: int, size: str | None, fmt: str) -> Any:
    """Variation number `index` (seed + index) as an Artifact whose manifest names the input and the way taken."""
    from artboard import engine
    from artboard.spec import MAX_SEED

    spec = variation_spec(source, seed=(seed + index) % (MAX_SEED + 1), size=size, fmt=fmt, index=index)
    artifact = engine.run(spec)[0]
    artifact.manifest["operation"] = "variate_image"
    artifact.manifest["input"] = source.record()
    artifact.manifest["method"] = (
        "design: the same brief drawn with another seed"
        if source.spec is not None
        else f"image-to-image at strength {raster_strength(index)} (the input is not a design of ours)"
    )
    return artifact


def variate_image(
    image: Any,
    *,
    n: Any = 1,
    seed: Any = None,
    size: str | None = None,
    format: str | None = None,
    safety: bool = True,
) -> list[Any]:
    """`n` variations of `image` (1–6)."""
    count = check_n(n)
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    if fmt == "svg" and source.spec is None:
        raise InvalidParameter(
            "svg variations need one of our designs as input", param="format", allowed=list(src.RASTER_OUTPUTS)
        )
    src.input_safety(source, safety)
    base = src.resolve_seed(seed)
    if source.spec is not None and source.spec.seed == base:
        base += 1  # a variation is never the input itself
    return [variation(source, seed=base, index=i, size=size, fmt=fmt) for i in range(count)]
