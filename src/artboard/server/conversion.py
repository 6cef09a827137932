"""The one conversion from a dialect's request to the strict GenerationSpec.

Each dialect parses its own fields (its names, its defaults, its size rules, its format spellings through
`spec.format_of`) into a `Draft`: the concepts every dialect shares, already typed. `to_spec` is then the only place
that turns a draft into the frozen spec — prompt rules, the model's size table, format and output kind, input image
decoding, strength, quality and background combinations — and names any parameter it refuses with the dialect's
own field (`Draft.names`), so an error says `positivePrompt` or `image_config.aspect_ratio`, never `prompt`/`size`.

    draft = Draft(prompt=req.prompt, model=info, size=(w, h), n=n, seed=seed, names={"prompt": "positivePrompt"})
    spec = to_spec(draft)                                  # no image: cheap, in the API process
    spec = await strict_spec(service, draft, image=data)   # an input image is decoded in the offload process

Dialects no longer go through the lenient `make_spec` (which stays the front door of the CLI, the Python API and
the service's own `/v1/quote`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from artboard.colors import RGB
from artboard.errors import InvalidParameter
from artboard.models import ModelInfo
from artboard.sizes import SIZE_TABLES, resolve_aspect_ratio
from artboard.spec import (
    GenerationSpec,
    ImageFormat,
    InputImage,
    StyleControls,
    check_prompt,
    pydantic_to_invalid,
)

if TYPE_CHECKING:
    from artboard.jobs.service import Service


@dataclass(frozen=True)
class Draft:
    """A dialect request in the shared concepts, typed (values already checked against the dialect's own rules)."""

    prompt: Any  #: as sent; checked once, here
    model: ModelInfo  #: the catalogue model to draw with (tier and output kind follow it)
    size: tuple[int, int] | None = None  #: an exact size of the model's table, when the dialect resolved one
    aspect_ratio: str | None = None  #: else a ratio of the model's table; neither: the table's 1:1
    n: int = 1
    seed: int | None = None
    palette: tuple[RGB, ...] | None = None
    background: RGB | Literal["transparent"] | None = None
    image: Any = None  #: bytes or a data URL, decoded and checked here (in the offload process: strict_spec)
    strength: float | None = None
    format: ImageFormat | None = None  #: None: the model's own (svg for vector models, png for raster)
    quality: int | None = None
    safety: bool = True
    style: StyleControls | Mapping[str, Any] | None = None
    #: spec field → the dialect's parameter, for the errors raised here (prompt, size, image, format, …)
    names: Mapping[str, str] = field(default_factory=dict)

    def with_image(self, image: Any) -> Draft:
        return dataclasses.replace(self, image=image)


def to_spec(draft: Draft) -> GenerationSpec:
    """The strict spec of `draft`; InvalidParameter names the dialect's own parameter."""
    try:
        return _build(draft)
    except InvalidParameter as error:
        raise renamed(error, draft.names) from None


def renamed(error: InvalidParameter, names: Mapping[str, str]) -> InvalidParameter:
    """`error` with an internal parameter name (`size`, `image`, …) replaced by the dialect's (`width`, …)."""
    internal = error.param
    if internal is None or internal not in names:
        return error
    param = names[internal]
    message = error.message.replace(f"{internal}:", f"{param}:")
    if message.startswith(f"{internal} "):  # "prompt must be …" → "positivePrompt must be …"
        message = param + message[len(internal) :]
    return type(error)(message, param=param, allowed=error.allowed, details=error.details)


async def strict_spec(service: Service, draft: Draft, image: Any = None) -> GenerationSpec:
    """`to_spec(draft)`, with `image` attached; decoding and checking an image is CPU work for the offload process
    (a large input must not stall the event loop), a draft without one is converted here."""
    if image is not None:
        draft = draft.with_image(image)
    if draft.image is None:
        return to_spec(draft)
    spec: GenerationSpec = await service.offload.run(to_spec, draft)
    return spec


def _build(draft: Draft) -> GenerationSpec:
    model = draft.model
    prompt = check_prompt(draft.prompt)
    fmt: ImageFormat = draft.format or ("svg" if model.output == "vector" else "png")
    if draft.size is not None:
        width, height = draft.size
    elif draft.aspect_ratio is not None:
        width, height = resolve_aspect_ratio(draft.aspect_ratio, model.tier)
    else:
        width, height = SIZE_TABLES[model.tier]["1:1"]
    style = draft.style
    if style is not None and not isinstance(style, StyleControls):
        style = StyleControls(**style)
    image = InputImage.load(draft.image, param="image") if draft.image is not None else None
    try:
        return GenerationSpec(
            prompt=prompt,
            model=model.id,
            tier=model.tier,
            output="vector" if model.output == "vector" else "raster",
            width=width,
            height=height,
            n=draft.n,
            seed=draft.seed,
            palette=draft.palette,
            background=draft.background,
            image=image,
            strength=draft.strength,
            format=fmt,
            quality=draft.quality,
            safety=draft.safety,
            style=style,
        )
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None
