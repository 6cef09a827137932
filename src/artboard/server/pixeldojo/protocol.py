"""PixelDojo run body (lenient), its JSON-Schema, and the conversion to the strict `GenerationSpec`.

Run body for `recraft-v4` (seed page 003): `prompt` (required), `aspect_ratio` (one of PixelDojo's 8:
1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3, 4:5 → the exact size of the model's table; default 1:1), `size`, `seed`.

* `size`: `WxH` from the model's size table (or a `w:h` ratio of the table), or `1K` / `2K` naming the model's
  resolution; with both `size` and `aspect_ratio`, they must agree.
* `seed`: 0..4294967295; result *i* of a request uses seed + i.
* `webhookUrl` (optional): POSTed once when the job finishes, with the body of `GET /api/v1/jobs/{jobId}`
  (signed with the server's webhook signature headers); replay with `POST /api/v1/jobs/{jobId}/webhook/replay`.
* Extension: `output_format` png (default) | jpg | webp for raster models (vector models give svg).
* A body of the form `{"input": {…}}` is unwrapped (the SDK style); `webhook_url` is read as `webhookUrl`.

Models (path `{model}`): `recraft-v4` (1K raster), `recraft-v4-vector`, `recraft-v4-pro` (2K), `recraft-v4-pro-vector`,
and every artboard id/alias. Unknown fields are accepted and logged.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from artboard.errors import InvalidParameter, NotFound
from artboard.jobs.pricing import dialect_cost, dialect_model
from artboard.models import MODELS, ModelInfo, table_size
from artboard.server.conversion import Draft
from artboard.server.conversion import to_spec as strict
from artboard.server.notices import warn_ignored
from artboard.sizes import SIZE_TABLES
from artboard.spec import MAX_PROMPT, MAX_SEED, RASTER_FORMATS, GenerationSpec, ImageFormat, format_of, integer_param

logger = logging.getLogger("artboard.server.pixeldojo")

ASPECT_RATIOS = ("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "4:5")
RESOLUTIONS = {"1K": "standard", "2K": "pro"}
#: PixelDojo apiIds of our four models, in listing order.
API_IDS: dict[str, str] = {
    "artboard-v1": "recraft-v4",
    "artboard-v1-vector": "recraft-v4-vector",
    "artboard-v1-pro": "recraft-v4-pro",
    "artboard-v1-pro-vector": "recraft-v4-pro-vector",
}


MAX_OUTPUTS = 4  #: `num_outputs`, honoured (each image is charged)


class RunRequest(BaseModel):
    """POST /api/v1/models/{model}/run."""

    model_config = ConfigDict(extra="allow")

    prompt: str = Field(description=f"Text prompt (1–{MAX_PROMPT} characters)")
    aspect_ratio: str | None = Field(default=None, description="One of " + ", ".join(ASPECT_RATIOS) + " (default 1:1)")
    size: str | None = Field(default=None, description="WxH from the model's size table, or 1K / 2K")
    seed: int | None = Field(default=None, description="0..4294967295")
    style_id: str | None = Field(default=None, description="extension: a style from POST /v1/styles")
    webhookUrl: str | None = Field(default=None, description="http(s) URL POSTed when the job finishes")
    output_format: str | None = Field(default=None, description="png | jpg | webp (raster models)")
    num_outputs: int | None = Field(default=None, description=f"1–{MAX_OUTPUTS} images (each is charged)")

    @model_validator(mode="before")
    @classmethod
    def _unwrap_input(cls, data: Any) -> Any:
        if isinstance(data, dict) and "prompt" not in data and isinstance(data.get("input"), dict):
            outer = {k: v for k, v in data.items() if k != "input"}
            data = {**outer, **data["input"]}
        if isinstance(data, dict) and "webhook_url" in data and "webhookUrl" not in data:
            data = {**{k: v for k, v in data.items() if k != "webhook_url"}, "webhookUrl": data["webhook_url"]}
        return data


def resolve(model: str) -> ModelInfo:
    try:
        return dialect_model("pixeldojo", model, default=model)
    except InvalidParameter as exc:
        raise NotFound(exc.message, param="model", allowed=exc.allowed) from None


def api_id(info: ModelInfo) -> str:
    return API_IDS.get(info.id, info.id)


def _dimensions(req: RunRequest, info: ModelInfo) -> tuple[int, int]:
    table = SIZE_TABLES[info.tier]
    ratio = "1:1"
    if req.aspect_ratio is not None:
        ratio = req.aspect_ratio.strip()
        if ratio not in ASPECT_RATIOS:
            raise InvalidParameter(
                f"unsupported aspect_ratio {req.aspect_ratio!r}", param="aspect_ratio", allowed=ASPECT_RATIOS
            )
    if req.size is None or not req.size.strip():
        return table[ratio]
    text = req.size.strip()
    if text.upper() in RESOLUTIONS:
        if RESOLUTIONS[text.upper()] != info.tier:
            other = next(k for k, v in RESOLUTIONS.items() if v == info.tier)
            raise InvalidParameter(
                f"size {text} is not available for {api_id(info)} (use the -pro model for 2K)",
                param="size",
                allowed=[other, *(f"{w}x{h}" for w, h in table.values())],
            )
        return table[ratio]
    wh = table_size(text, info, param="size", name=api_id(info))
    if req.aspect_ratio is not None and wh != table[ratio]:
        raise InvalidParameter(
            f"size {text} does not match aspect_ratio {ratio} ({table[ratio][0]}x{table[ratio][1]})",
            param="size",
            allowed=f"{table[ratio][0]}x{table[ratio][1]}, or leave size out",
        )
    return wh


def check_webhook_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    text = url.strip()
    if not text.lower().startswith(("http://", "https://")) or len(text) > 2048:
        raise InvalidParameter("webhookUrl must be an http(s) URL", param="webhookUrl", allowed="http(s) URL")
    return text


def to_spec(model: str, req: RunRequest) -> tuple[ModelInfo, GenerationSpec]:
    """The run body in the shared concepts (server/conversion.py), made strict there."""
    extra = set((req.model_extra or {}).keys())
    warn_ignored("pixeldojo", extra, "not a parameter of this model")
    info = resolve(model)
    seed = integer_param(req.seed, "seed", 0, MAX_SEED) if req.seed is not None else None
    fmt: ImageFormat | None = None
    if req.output_format is not None and info.output == "raster":
        fmt = format_of(req.output_format, "output_format", allowed=RASTER_FORMATS)
    n = integer_param(req.num_outputs, "num_outputs", 1, MAX_OUTPUTS) if req.num_outputs is not None else 1
    draft = Draft(prompt=req.prompt, model=info, size=_dimensions(req, info), n=n, seed=seed, format=fmt)
    return info, strict(draft)


def request_schema(info: ModelInfo) -> dict[str, Any]:
    """The JSON-Schema of the run body for `info` (what `/models/{model}/schema` answers)."""
    table = SIZE_TABLES[info.tier]
    resolution = next(k for k, v in RESOLUTIONS.items() if v == info.tier)
    properties: dict[str, Any] = {
        "prompt": {"type": "string", "minLength": 1, "maxLength": MAX_PROMPT, "description": "Text prompt"},
        "aspect_ratio": {
            "type": "string",
            "enum": list(ASPECT_RATIOS),
            "default": "1:1",
            "description": "Aspect ratio; each maps to an exact size of the model's table",
        },
        "size": {
            "type": "string",
            "enum": [resolution, *(f"{w}x{h}" for w, h in table.values())],
            "description": "Resolution (1K/2K) or an exact WxH of the size table",
        },
        "seed": {"type": "integer", "minimum": 0, "maximum": MAX_SEED, "description": "Random seed"},
        "num_outputs": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_OUTPUTS,
            "default": 1,
            "description": "Images to generate (each is charged)",
        },
        "webhookUrl": {"type": "string", "format": "uri", "description": "POSTed when the job finishes"},
    }
    if info.output == "raster":
        properties["output_format"] = {"type": "string", "enum": list(RASTER_FORMATS), "default": "png"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{api_id(info)} run input",
        "type": "object",
        "additionalProperties": False,
        "required": ["prompt"],
        "properties": properties,
    }


def model_summary(info: ModelInfo) -> dict[str, Any]:
    price = dialect_cost("pixeldojo", api_id(info), info.id, 1)  # PixelDojo credits, from the one price table
    return {
        "apiId": api_id(info),
        "name": info.name,
        "description": info.description,
        "modality": "image",
        "outputFormat": "svg" if info.output == "vector" else "png",
        "creditCost": {"default": price, "type": "fixed", "amount": price},
        "aliases": sorted({info.id, *info.aliases} - {api_id(info)}),
    }


def listed_models() -> list[ModelInfo]:
    return list(MODELS)
