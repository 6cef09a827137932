"""One strict request model for every image tool, so a tool call can be a durable job like a generation.

    req = make_edit_request("remove_background", image=data, format="png")
    artifacts = [run_edit(req, i) for i in range(req.count)]

The request keeps the input image and mask as the bytes the client sent (base64 in JSON, like GenerationSpec),
is checked at submit time for everything that does not need the engine (formats, sizes, mask size, prompts,
ranges), and is run by `run_edit` — in a worker process for jobs, directly for the Python API and the CLI.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from artboard.colors import RGB, parse_palette
from artboard.errors import InvalidParameter
from artboard.spec import FORMAT_ALIASES, MAX_SEED, InputImage, integer_param, pydantic_to_invalid

Operation = Literal[
    "remove_background",
    "replace_background",
    "generate_background",
    "crisp_upscale",
    "creative_upscale",
    "erase_region",
    "inpaint",
    "outpaint",
    "variate_image",
]
OPERATIONS: tuple[str, ...] = (
    "remove_background",
    "replace_background",
    "generate_background",
    "crisp_upscale",
    "creative_upscale",
    "erase_region",
    "inpaint",
    "outpaint",
    "variate_image",
)
NEEDS_MASK = ("generate_background", "erase_region", "inpaint")
NEEDS_PROMPT = ("replace_background", "generate_background", "inpaint")
SEEDED = ("replace_background", "generate_background", "inpaint", "outpaint", "variate_image")
#: credits per result image (1 credit = $0.004): Recraft's list prices — removeBackground $0.01, crispUpscale
#: $0.004, creativeUpscale $0.25, inpaint/outpaint/background tools $0.04 raster, $0.08 vector; variations are
#: priced as generations.
CREDITS: dict[str, tuple[int, int]] = {  # (raster, svg)
    "remove_background": (3, 3),
    "crisp_upscale": (1, 1),
    "creative_upscale": (63, 63),
    "replace_background": (10, 20),
    "generate_background": (10, 20),
    "erase_region": (10, 20),
    "inpaint": (10, 20),
    "outpaint": (10, 20),
    "variate_image": (10, 20),
}


#: Recraft's list prices in USD per result (raster, svg): what each dialect reports in its own unit, while the
#: ledger charges the credits above (whole credits, so removeBackground's $0.01 is charged as 3 credits, $0.012).
LIST_USD: dict[str, tuple[float, float]] = {
    "remove_background": (0.01, 0.01),
    "crisp_upscale": (0.004, 0.004),
    "creative_upscale": (0.25, 0.25),
    "replace_background": (0.04, 0.08),
    "generate_background": (0.04, 0.08),
    "erase_region": (0.04, 0.08),
    "inpaint": (0.04, 0.08),
    "outpaint": (0.04, 0.08),
    "variate_image": (0.04, 0.08),
}


def list_usd(request: dict[str, Any]) -> float:
    """The list price of a stored edit request (its JSON), for the dialects' cost reports."""
    raster, vector = LIST_USD.get(str(request.get("operation")), (0.0, 0.0))
    count = int(request.get("n", 1)) if request.get("operation") == "variate_image" else 1
    return round((vector if request.get("format") == "svg" else raster) * count, 6)


class EditRequest(BaseModel):
    """A validated image-tool request (build it with `make_edit_request`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    operation: Operation
    image: InputImage
    mask: InputImage | None = None
    prompt: str | None = Field(default=None, min_length=1, max_length=10_000)
    n: int = Field(default=1, ge=1, le=6)
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)
    format: Literal["png", "webp", "jpg", "svg"] = "png"
    scale: float | None = None
    width: int | None = None
    height: int | None = None
    size: str | None = None
    expand: tuple[int, int, int, int] | None = None  #: left, top, right, bottom
    palette: tuple[RGB, ...] | None = Field(default=None, min_length=1, max_length=10)
    safety: bool = True
    #: variations through a learned image-to-image backend: 0 = the input … 1 = barely related (default 0.5)
    strength: float | None = Field(default=None, ge=0.0, le=1.0)

    @property
    def count(self) -> int:
        return self.n if self.operation == "variate_image" else 1

    @property
    def credits(self) -> int:
        raster, vector = CREDITS[self.operation]
        return (vector if self.format == "svg" else raster) * self.count

    def to_request(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_request(cls, request: dict[str, Any]) -> EditRequest:
        try:
            return cls.model_validate_json(json.dumps(request))
        except ValidationError as exc:
            raise pydantic_to_invalid(exc) from None

    def with_seed(self) -> EditRequest:
        """The request with its seed fixed (random when absent), so a re-run after a restart draws the same."""
        if self.seed is not None or self.operation not in SEEDED:
            return self
        import secrets

        return self.model_copy(update={"seed": secrets.randbelow(MAX_SEED + 1)})


def make_edit_request(
    operation: str,
    *,
    image: Any,
    mask: Any = None,
    prompt: Any = None,
    n: Any = 1,
    seed: Any = None,
    format: Any = None,
    scale: Any = None,
    width: Any = None,
    height: Any = None,
    size: Any = None,
    expand_left: Any = None,
    expand_top: Any = None,
    expand_right: Any = None,
    expand_bottom: Any = None,
    zoom_out_percentage: Any = None,
    palette: Any = None,
    safety: Any = True,
    strength: Any = None,
    image_param: str = "image",
    mask_param: str = "mask",
) -> EditRequest:
    """Validate loose values into an EditRequest; InvalidParameter naming the parameter for anything wrong."""
    from artboard.edit.masks import load_mask
    from artboard.edit.regions import expansion
    from artboard.edit.source import Source, check_prompt, raw_bytes
    from artboard.edit.upscale import MAX_CREATIVE_INPUT, target_size
    from artboard.spec import _boolean

    if operation not in OPERATIONS:
        raise InvalidParameter(f"unknown operation {operation!r}", param="operation", allowed=OPERATIONS)
    loaded = InputImage.load(image, param=image_param)
    mask_image = None
    if mask is not None or operation in NEEDS_MASK:
        if mask is None:
            raise InvalidParameter(
                f"{operation} needs a mask: a greyscale image the size of the image, white marks the region",
                param=mask_param,
                details={"missing": True},
            )
        import numpy as np

        probe = Source(rgba=np.zeros((loaded.height, loaded.width, 4), np.uint8), sha256=loaded.sha256)
        load_mask(mask, probe, param=mask_param)
        mask_image = InputImage.load(mask, param=mask_param)
    text = check_prompt(prompt) if prompt is not None or operation in NEEDS_PROMPT else None
    fields: dict[str, Any] = {"operation": operation, "image": loaded, "mask": mask_image, "prompt": text}
    fmt = str(format or "png").strip().lower()
    fmt = FORMAT_ALIASES.get(fmt, fmt)  # the one table of spellings (jpeg, image/png, svg+xml…)
    if fmt not in ("png", "webp", "jpg", "svg"):
        raise InvalidParameter(
            f"unknown output format {format!r}", param="format", allowed=["png", "webp", "jpg", "svg"]
        )
    fields["format"] = fmt
    if operation in ("crisp_upscale", "creative_upscale"):
        w, h = target_size(loaded.width, loaded.height, scale=scale, target_width=width, target_height=height)
        fields.update(width=w, height=h)
        if (
            operation == "creative_upscale"
            and loaded.width * loaded.height > MAX_CREATIVE_INPUT
            and not _vector(raw_bytes(image, image_param))
        ):
            raise InvalidParameter(
                f"creative upscale takes images up to {MAX_CREATIVE_INPUT} pixels; this one is "
                f"{loaded.width}x{loaded.height}",
                param=image_param,
                allowed=f"at most {MAX_CREATIVE_INPUT} pixels (e.g. 512x512), or use crisp upscale",
            )
    if operation == "outpaint":
        fields["expand"] = expansion(
            loaded.width,
            loaded.height,
            left=expand_left,
            right=expand_right,
            top=expand_top,
            bottom=expand_bottom,
            zoom_out_percentage=zoom_out_percentage,
        )
    if operation == "variate_image":
        fields["n"] = integer_param(n, "n", 1, 6)
        if size is not None:
            from artboard.sizes import resolve_size

            w, h = resolve_size(str(size), "standard")
            fields["size"] = f"{w}x{h}"
    if strength is not None:
        if operation != "variate_image":
            raise InvalidParameter(
                f"strength applies to variations, not {operation}", param="strength", allowed=["variate_image"]
            )
        fields["strength"] = _unit(strength, "strength")
    if seed is not None:
        fields["seed"] = integer_param(seed, "seed", 0, MAX_SEED)
    if palette is not None:
        fields["palette"] = parse_palette(palette, param="palette")
    fields["safety"] = _boolean(safety, "safety")
    try:
        return EditRequest(**fields)
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None


def _unit(value: Any, param: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidParameter(f"{param} must be a number", param=param, allowed="0..1") from None
    if isinstance(value, bool) or not 0.0 <= number <= 1.0:
        raise InvalidParameter(f"{param} {value!r} is out of range", param=param, allowed="0..1")
    return number


def _vector(data: bytes | None) -> bool:
    head = (data or b"")[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml"))


def run_edit(request: EditRequest, index: int = 0) -> Any:
    """Result `index` of the request (an Artifact)."""
    from artboard.edit import background, regions, upscale, variations

    op = request.operation
    image = request.image.data
    mask = request.mask.data if request.mask is not None else None
    palette = list(request.palette) if request.palette else None
    common: dict[str, Any] = {"format": request.format, "safety": request.safety}
    if op == "remove_background":
        return background.remove_background(image, **common)
    if op in ("replace_background", "generate_background"):
        return background.replace_background(
            image, request.prompt or "", mask=mask, seed=request.seed, palette=palette, operation=op, **common
        )
    if op in ("crisp_upscale", "creative_upscale"):
        return upscale.upscale(image, mode=op.split("_")[0], width=request.width, height=request.height, **common)
    if op == "erase_region":
        return regions.erase_region(image, mask, **common)
    if op == "inpaint":
        return regions.inpaint(image, mask, request.prompt or "", seed=request.seed, palette=palette, **common)
    if op == "outpaint":
        left, top, right, bottom = request.expand or (0, 0, 0, 0)
        return regions.outpaint(
            image,
            expand_left=left,
            expand_top=top,
            expand_right=right,
            expand_bottom=bottom,
            prompt=request.prompt,
            seed=request.seed,
            **common,
        )
    from artboard.edit.source import input_safety, load_source, resolve_seed

    source = load_source(image)
    input_safety(source, request.safety)
    base = resolve_seed(request.seed)
    if source.spec is not None and source.spec.seed == base:
        base += 1
    if request.format == "svg" and source.spec is None:
        raise InvalidParameter(
            "svg variations need one of our designs as input", param="format", allowed=["png", "webp", "jpg"]
        )
    return variations.variation(
        source, seed=base, index=index, size=request.size, fmt=request.format, strength=request.strength
    )
