"""Recraft external API v1 request models (lenient) and their conversion to the strict `GenerationSpec`.

Field notes (reference/api-landscape.md §1):

* `model`: recraftv4 (default) | recraftv4_vector | recraftv4_pro | recraftv4_pro_vector, or any artboard id/alias.
  Vector models answer SVG (`image_format` is then ignored).
* `size`: `WxH` or `w:h`, checked against the model's tier table (1K for V4, 2K for V4 Pro); default 1:1.
* `n`: 1–6 like Recraft. `random_seed`: uint32; result *i* uses seed + i.
* `controls.colors` → palette (guaranteed), `controls.background_color` → background; `controls.artistic_level`
  (0–5: plain to expressive) and `controls.no_text` (no copy set) reach the composer through the spec's style.
* `style`: only `any` (or absent); V4 has no style presets, so other styles and `substyle` → 400. `style_id`: a style
  stored with `POST /v1/styles` (per key): its palette and background apply unless `controls` gives its own, and
  the rest of its look goes to the composer (`spec.style`); an unknown id → 400 naming `style_id`.
  `style_reference_urls` (1–5 URLs, without `style_id`): a one-off style derived from those images, not stored.
* `negative_prompt`, `text_layout`: ignored, as Recraft V4 ignores them.
* `response_format`: url (default; signed, expiring URL) | b64_json. `image_format`: webp | png (raster only).
* `block_nsfw`: true keeps the safety checker on (it is on by default); false is accepted, but the server's safety
  check still runs, and `features.nsfw_score` reports the score.
* `expire`: accepted; outputs always expire after the server's file TTL.
* imageToImage: `image` (multipart file) or `image_url` (http(s) URL or data URL) + **`strength`** (0..1, required).
* vectorize: `file`/`image` (multipart) or `image_url`; `strict_color_palette` [[r,g,b]…] (≤ 10),
  `limit_num_shapes` + `max_num_shapes` (1..20,000), `small_shape_filter` (true: merge specks up to ~8 px, false:
  keep down to ~2 px; default ~4 px); `color_reduction`, `svg_compression`, `return_gradients` and `shape_stacking`
  are validated and ignored (the tracer already merges near-identical colours and writes compact paths).

Unknown fields are accepted and logged (`extra="allow"`).
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from artboard.colors import parse_color, parse_palette
from artboard.errors import InvalidParameter
from artboard.jobs.pricing import dialect_model
from artboard.jobs.requests import MAX_SHAPES
from artboard.models import ModelInfo, table_size
from artboard.server.conversion import Draft
from artboard.server.conversion import to_spec as strict
from artboard.server.notices import warn_ignored
from artboard.spec import MAX_PROMPT, MAX_SEED, GenerationSpec, ImageFormat, format_of, integer_param

logger = logging.getLogger("artboard.server.recraft")

MAX_N = 6
RESPONSE_FORMATS = ("url", "b64_json")
IMAGE_FORMATS = ("webp", "png")
STYLES_ACCEPTED = ("any",)
SHAPE_STACKING = ("cut_out", "hierarchical")
#: Recraft's names for our four models, in listing order.
RECRAFT_NAMES: dict[str, str] = {
    "artboard-v1": "recraftv4",
    "artboard-v1-vector": "recraftv4_vector",
    "artboard-v1-pro": "recraftv4_pro",
    "artboard-v1-pro-vector": "recraftv4_pro_vector",
}


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="allow")


class Controls(_Lenient):
    """Recraft `controls`: colors → guaranteed palette, background_color → background."""

    colors: list[Any] | None = Field(default=None, description='[{"rgb": [r, g, b]}, …] (1–10)')
    background_color: Any = Field(default=None, description='{"rgb": [r, g, b]}')
    artistic_level: int | None = Field(default=None, description="0 plain … 5 expressive")
    no_text: bool | None = Field(default=None, description="true: no text is set (the manifest says so)")


class _Common(_Lenient):
    """The fields shared by generations and imageToImage."""

    prompt: str = Field(description=f"what to draw (1–{MAX_PROMPT} characters)")
    model: str | None = Field(default=None, description="recraftv4 | recraftv4_vector | recraftv4_pro | …")
    n: int | None = Field(default=None, description=f"1–{MAX_N} images")
    size: str | None = Field(default=None, description="WxH or w:h from the model's size table")
    style: str | None = Field(default=None, description="only 'any' (V4 has no style presets)")
    substyle: str | None = None
    style_id: str | None = None
    negative_prompt: str | None = Field(default=None, description="ignored (V4)")
    controls: Controls | None = None
    random_seed: int | None = Field(default=None, description="0..4294967295")
    response_format: str | None = Field(default=None, description="url (default) | b64_json")
    image_format: str | None = Field(default=None, description="webp | png (raster models; default png)")
    block_nsfw: bool | None = None
    expire: bool | None = None
    text_layout: list[Any] | None = Field(default=None, description="ignored (V4)")


class GenerationRequest(_Common):
    """POST /v1/images/generations."""


class ImageToImageRequest(_Common):
    """POST /v1/images/imageToImage (JSON, or multipart with an `image` file)."""

    image_url: str | None = Field(default=None, description="http(s) URL or data: URL of the input image")
    strength: float | None = Field(default=None, description="0 ≈ keep the input, 1 ≈ barely similar (required)")


class VectorizeRequest(_Lenient):
    """POST /v1/images/vectorize (JSON with `image_url`, or multipart with `file`/`image`)."""

    image_url: str | None = None
    color_reduction: bool | int | None = None
    strict_color_palette: list[Any] | None = None
    limit_num_shapes: bool | None = None
    max_num_shapes: int | None = None
    small_shape_filter: bool | None = None
    svg_compression: bool | None = None
    return_gradients: bool | None = None
    shape_stacking: str | None = None
    response_format: str | None = None
    expire: bool | None = None


def log_ignored(request: BaseModel, route: str) -> None:
    extra = set((request.model_extra or {}).keys())
    controls = getattr(request, "controls", None)
    if controls is not None:
        extra |= {f"controls.{name}" for name in (controls.model_extra or {})}
    warn_ignored("recraft", extra, f"not a parameter of Recraft's {route} route")


def response_format_of(value: str | None) -> str:
    if value is None:
        return "url"
    text = value.strip().lower()
    if text not in RESPONSE_FORMATS:
        raise InvalidParameter(f"unknown response_format {value!r}", param="response_format", allowed=RESPONSE_FORMATS)
    return text


def resolve(name: str | None) -> ModelInfo:
    return dialect_model("recraft", name, default="recraftv4")


def to_spec(
    req: _Common, *, image: Any = None, image_param: str = "image", style: Any = None
) -> tuple[ModelInfo, GenerationSpec]:
    """Validate a generations/imageToImage request into (model, spec); InvalidParameter names Recraft's fields.

    `style` is the StyleDefinition `req.style_id` names (looked up by the caller, which has the database)."""
    info = resolve(req.model)
    if req.style is not None and req.style.strip().lower() not in STYLES_ACCEPTED:
        raise InvalidParameter(
            f"style {req.style!r} is not available: Recraft V4 models have no style presets",
            param="style",
            allowed=STYLES_ACCEPTED,
        )
    if req.style_id and req.style is not None and req.style.strip().lower() != "any":
        raise InvalidParameter("style and style_id are mutually exclusive", param="style_id")
    for name in ("substyle", "style_id"):
        if getattr(req, name) and not (name == "style_id" and style is not None):
            raise InvalidParameter(f"{name} is not supported: Recraft V4 models have no styles", param=name)
    size = None
    if req.size is not None and req.size.strip():
        size = table_size(req.size, info, param="size", name=req.model or "recraftv4")
    n = integer_param(req.n, "n", 1, MAX_N) if req.n is not None else 1
    seed = integer_param(req.random_seed, "random_seed", 0, MAX_SEED) if req.random_seed is not None else None
    palette = None
    background = None
    if req.controls is not None:
        c = req.controls
        if c.colors is not None and c.colors != []:
            palette = parse_palette(c.colors, param="controls.colors")
        if c.background_color is not None:
            background = parse_color(c.background_color, param="controls.background_color")
        if c.artistic_level is not None:
            integer_param(c.artistic_level, "controls.artistic_level", 0, 5)
    if style is not None:
        palette = palette or (tuple(style.palette_rgb()) or None)
        background = background or (parse_color(style.background_color) if style.background_color else None)
    fmt: ImageFormat | None = None
    if info.output == "raster" and req.image_format is not None:
        fmt = format_of(req.image_format, "image_format", allowed=IMAGE_FORMATS)
    strength = None
    if image is not None:
        strength = getattr(req, "strength", None)
        if strength is None:
            raise InvalidParameter("strength is required for imageToImage", param="strength", allowed="0..1")
    draft = Draft(
        prompt=req.prompt,
        model=info,
        size=size,
        n=n,
        seed=seed,
        palette=palette,
        background=background,
        image=image,
        strength=strength,
        format=fmt,
        style=_with_controls(style.controls(req.style_id) if style is not None else None, req.controls),
        names={"image": image_param},
    )
    return info, strict(draft)


def _with_controls(style: Any, controls: Any) -> Any:
    """A stored style's controls plus the request's `no_text` and `artistic_level`, which the composer honours."""
    extra: dict[str, Any] = {}
    if controls is not None and controls.no_text:
        extra["no_text"] = True
    if controls is not None and controls.artistic_level is not None:
        extra["artistic_level"] = controls.artistic_level
    if not extra:
        return style
    base = dict(style) if isinstance(style, dict) else (style.model_dump(exclude_none=True) if style else {})
    return base | extra


def vectorize_options(req: VectorizeRequest) -> dict[str, Any]:
    """Recraft vectorize fields → keyword arguments of `make_vectorize_request` (palette, max_shapes, speckle)."""
    options: dict[str, Any] = {}
    if req.strict_color_palette:
        options["palette"] = parse_palette(req.strict_color_palette, param="strict_color_palette")
    if req.limit_num_shapes is False:
        pass  # Recraft: max_num_shapes only counts with limit_num_shapes
    elif req.max_num_shapes is not None:
        options["max_shapes"] = integer_param(req.max_num_shapes, "max_num_shapes", 1, MAX_SHAPES)
    elif req.limit_num_shapes:
        raise InvalidParameter(
            "limit_num_shapes needs max_num_shapes", param="max_num_shapes", allowed=f"1..{MAX_SHAPES}"
        )
    if req.small_shape_filter is not None:
        options["speckle"] = 8 if req.small_shape_filter else 2
    if req.color_reduction is not None and not isinstance(req.color_reduction, bool):
        integer_param(req.color_reduction, "color_reduction", 1, 256)
    if req.shape_stacking is not None and req.shape_stacking not in SHAPE_STACKING:
        raise InvalidParameter(
            f"unknown shape_stacking {req.shape_stacking!r}", param="shape_stacking", allowed=SHAPE_STACKING
        )
    return options
