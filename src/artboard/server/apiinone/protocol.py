"""API-in-One request model (lenient) and its conversion to the strict `GenerationSpec`.

Fields (seed page 002 / reference/api-landscape.md §3b):

* `model`: one of the four Recraft V4 sub-models — `recraft-v4-text-to-image` (10 credits, default),
  `recraft-v4-text-to-vector` (20), `recraft-v4-pro-text-to-image` (60), `recraft-v4-pro-text-to-vector` (70);
  the `…-text-to-image-pro` / `…-text-to-vector-pro` spellings and every artboard id/alias work too.
* `prompt` (required, ≤ 10,000 characters).
* `image_size`: `WxH` from the model's size table, or a ratio `w:h`; default 1024x1024 (pro: 2048x2048).
* Extensions (not on the seed page): `seed` (uint32) and `n` (1–6 images; each image is priced).

Unknown fields are accepted and logged.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from artboard.errors import InvalidParameter
from artboard.jobs.pricing import dialect_model
from artboard.models import ModelInfo, table_size
from artboard.server.conversion import Draft
from artboard.server.conversion import to_spec as strict
from artboard.server.notices import warn_ignored
from artboard.sizes import ratio_of, resolve_aspect_ratio, tier_of_size
from artboard.spec import MAX_PROMPT, MAX_SEED, GenerationSpec, integer_param

logger = logging.getLogger("artboard.server.apiinone")

DEFAULT_MODEL = "recraft-v4-text-to-image"
SUB_MODELS: dict[str, str] = {
    "recraft-v4-text-to-image": "artboard-v1",
    "recraft-v4-text-to-vector": "artboard-v1-vector",
    "recraft-v4-pro-text-to-image": "artboard-v1-pro",
    "recraft-v4-pro-text-to-vector": "artboard-v1-pro-vector",
}
MAX_N = 6


class GenerationRequest(BaseModel):
    """POST /api/v1/images/generations."""

    model_config = ConfigDict(extra="allow")

    prompt: str = Field(description=f"Text description of the image (1–{MAX_PROMPT} characters)")
    model: str | None = Field(default=None, description="Sub-model; default recraft-v4-text-to-image")
    image_size: str | None = Field(default=None, description='Image dimensions, e.g. "1024x1024" (pro: 2048x2048)')
    seed: int | None = Field(default=None, description="extension: 0..4294967295")
    n: int | None = Field(default=None, description=f"extension: 1–{MAX_N} images")
    style_id: str | None = Field(default=None, description="extension: a style from POST /v1/styles")
    callback_url: str | None = Field(
        default=None, description="http(s) URL POSTed with the task body (as GET /api/v1/tasks/{task_id}) when done"
    )


def resolve(name: str | None) -> ModelInfo:
    return dialect_model("apiinone", name, default=DEFAULT_MODEL)


def to_draft(req: GenerationRequest) -> tuple[ModelInfo, Draft]:
    """The request in the shared concepts (server/conversion.py); `to_spec` makes it strict."""
    extra = set((req.model_extra or {}).keys())
    warn_ignored("apiinone", extra, "not a parameter of API-in-One's generations route")
    info = resolve(req.model)
    size: tuple[int, int] | None = None
    if req.image_size is not None and req.image_size.strip():
        size = _table_size(req.image_size, info, public_model(req))
    seed = integer_param(req.seed, "seed", 0, MAX_SEED) if req.seed is not None else None
    n = integer_param(req.n, "n", 1, MAX_N) if req.n is not None else 1
    return info, Draft(prompt=req.prompt, model=info, size=size, n=n, seed=seed, names={"size": "image_size"})


def to_spec(req: GenerationRequest) -> tuple[ModelInfo, GenerationSpec]:
    info, draft = to_draft(req)
    return info, strict(draft)


def _table_size(value: str, info: ModelInfo, name: str) -> tuple[int, int]:
    """`value` in the model's size table; on a pro sub-model a 1K size — the page's own default `1024x1024` —
    means the pro table's size of the same ratio (2048x2048), as the page's examples send it to every model."""
    try:
        return table_size(value, info, param="image_size", name=name)
    except InvalidParameter:
        parts = value.lower().replace("×", "x").split("x")
        if info.tier != "pro" or len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
            raise
        width, height = (int(p) for p in parts)
        if tier_of_size(width, height) != "standard":
            raise
        return resolve_aspect_ratio(ratio_of(width, height, "standard"), "pro", param="image_size")


def public_model(req: GenerationRequest) -> str:
    return (req.model or DEFAULT_MODEL).strip()


def envelope(data: Any, *, code: int = 200, message: str = "success") -> dict[str, Any]:
    return {"code": code, "message": message, "data": data}
