"""The request of a vectorize job, with the same JSON round-trip as GenerationSpec.

    req = make_vectorize_request(image_bytes, palette="#112233,#ffffff", max_shapes=200)
    job = await service.submit(kind="vectorize", request=req.to_request(), model="vectorize", dialect=…)

The image is kept as the bytes the client sent (base64 in the job row's JSON), checked once here.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from artboard.colors import RGB, parse_palette
from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.imageio import MAX_BYTES
from artboard.spec import InputImage, integer_param, pydantic_to_invalid

MAX_SHAPES = 20_000
MAX_SPECKLE = 128  # the vectorizer's own bound
FORMATS = ("png", "jpeg", "webp")
_MAGIC: tuple[tuple[bytes, str], ...] = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"RIFF", "webp"))


def sniff_format(data: bytes) -> str | None:
    """png | jpeg | webp by magic bytes, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic) and (name != "webp" or data[8:12] == b"WEBP"):
            return name
    return None


class VectorizeRequest(BaseModel):
    """A validated vectorize request (strict; build it with `make_vectorize_request`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    image: InputImage
    palette: tuple[RGB, ...] | None = Field(default=None, min_length=1, max_length=10)
    max_shapes: int | None = Field(default=None, ge=1, le=MAX_SHAPES)
    speckle: int = Field(default=4, ge=0, le=MAX_SPECKLE)
    mode: Literal["spline", "polygon"] = "spline"

    @model_validator(mode="after")
    def _check_image(self) -> VectorizeRequest:
        if len(self.image.data) > MAX_BYTES:
            raise PayloadTooLarge(f"the image is over {MAX_BYTES} bytes", param="image")
        if sniff_format(self.image.data) is None:
            raise InvalidParameter("the image must be PNG, JPEG or WEBP", param="image", allowed=list(FORMATS))
        return self

    def to_request(self) -> dict[str, Any]:
        """Plain JSON for the job row (image bytes as base64)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_request(cls, request: dict[str, Any]) -> VectorizeRequest:
        """Back from the job row: through JSON, because only JSON validation decodes the base64 bytes."""
        try:
            return cls.model_validate_json(json.dumps(request))
        except ValidationError as exc:
            raise pydantic_to_invalid(exc) from None


def make_vectorize_request(
    image: Any, *, palette: Any = None, max_shapes: Any = None, speckle: Any = 4, mode: Any = "spline"
) -> VectorizeRequest:
    """Validate loose values (image as bytes, data URL or path) into a VectorizeRequest; InvalidParameter if bad."""
    if isinstance(image, bytes | bytearray) and sniff_format(bytes(image)) is None:
        raise InvalidParameter("the image must be PNG, JPEG or WEBP", param="image", allowed=list(FORMATS))
    loaded = InputImage.load(image, param="image")
    mode_text = str(mode).strip().lower()
    if mode_text not in ("spline", "polygon"):
        raise InvalidParameter(f"unknown mode {mode!r}", param="mode", allowed=["spline", "polygon"])
    strict: tuple[RGB, ...] | None = parse_palette(palette, param="palette") if palette is not None else None
    try:
        return VectorizeRequest(
            image=loaded,
            palette=strict,
            max_shapes=integer_param(max_shapes, "max_shapes", 1, MAX_SHAPES) if max_shapes is not None else None,
            speckle=integer_param(speckle, "speckle", 0, MAX_SPECKLE),
            mode=mode_text,  # type: ignore[arg-type]
        )
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None
