"""OpenRouter routes (thin): `/api/v1/chat/completions`, `/api/v1/images`, `/api/v1/models`, `/api/v1/images/models`.

Errors render as `{error:{code,message,metadata}}` with the HTTP status equal to `code`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from artboard.jobs.pricing import dialect_price
from artboard.jobs.types import ApiKey
from artboard.models import MODELS, ModelInfo
from artboard.server.deps import require_key
from artboard.server.openrouter import serving
from artboard.server.openrouter.protocol import IMAGE_SIZES, MAX_N, ChatCompletionRequest, ImagesRequest, table_ratios
from artboard.server.shared import MODELS_VARY, models_caller

DIALECT = "openrouter"

router = APIRouter(prefix="/api/v1", tags=["openrouter"])
Key = Annotated[ApiKey | None, Depends(require_key(DIALECT))]
_STREAM_DOC: dict[str, Any] = {"content": {"application/json": {}, "text/event-stream": {}}}


@router.post("/chat/completions", summary="Generate images through a chat completion", responses={200: _STREAM_DOC})
async def chat_completions(request: Request, body: ChatCompletionRequest, key: Key) -> Response:
    return await serving.chat_completions(request, body, key)


@router.post("/images", summary="Generate images (OpenRouter image API)", responses={200: _STREAM_DOC})
async def images(request: Request, body: ImagesRequest, key: Key) -> Response:
    return await serving.images(request, body, key)


def _slugs(model: ModelInfo) -> list[str]:
    """The ids a model is listed under: its own, and its OpenRouter-style `recraft/…` aliases."""
    return [model.id, *(a for a in model.aliases if a.startswith("recraft/"))]


def _usd(model: ModelInfo, slug: str) -> float:
    """OpenRouter's price of one image of `slug`, from the one dialect price table (what `usage.cost` reports)."""
    return dialect_price(DIALECT, slug, model.id)


def _entry(model: ModelInfo, slug: str) -> dict[str, Any]:
    usd = f"{_usd(model, slug):.4f}".rstrip("0").rstrip(".")
    # Every field OpenRouter's own SDK requires of a listed model (default_parameters, links, supported_voices…).
    return {
        "id": slug,
        "canonical_slug": model.id,
        "name": model.name if slug == model.id else f"{model.name} (as {slug})",
        "created": 1_767_225_600,
        "description": model.description,
        "context_length": 65_536,
        "architecture": {
            "modality": "text+image->image",
            "input_modalities": ["text", "image"],
            "output_modalities": ["image"],
            "tokenizer": "Other",
            "instruct_type": None,
        },
        "pricing": {
            "prompt": "0",
            "completion": "0",
            "request": "0",
            "image": usd,
            "image_output": usd,
            "internal_reasoning": "0",
        },
        "top_provider": {"context_length": 65_536, "max_completion_tokens": None, "is_moderated": True},
        "per_request_limits": None,
        "default_parameters": None,
        "supported_voices": None,
        "links": {"details": f"/api/v1/models/{slug}/endpoints"},
        "supported_parameters": ["image_config", "modalities", "n", "seed", "stream"],
        "credits_per_image": model.credits,
        "tier": model.tier,
        "output": model.output,
    }


def _pixeldojo_listing() -> dict[str, Any]:
    """PixelDojo's discovery answer for the same path (its keys — models, total, … — do not collide with `data`)."""
    try:
        from artboard.server.pixeldojo import serving as pixeldojo
    except ImportError:
        return {}
    return dict(pixeldojo.models())


@router.get(
    "/models",
    summary="The models: OpenRouter's list (`data`) or PixelDojo's discovery (`models`, `total`), by caller",
)
async def models(request: Request, response: Response) -> dict[str, Any]:
    """`GET /api/v1/models` belongs to two dialects: OpenRouter reads `data`, PixelDojo reads `models`.

    The caller's headers decide where they can (server/shared.py `models_caller`: the OpenAI SDKs, OpenRouter's SDK
    and its HTTP-Referer/X-Title headers → OpenRouter's body alone); a caller that cannot be told apart gets both
    bodies in one. Each dialect's own base URL (`/openrouter/api/v1/models`, `/pixeldojo/api/v1/models`) answers
    with its service's body alone."""
    response.headers["Vary"] = MODELS_VARY
    caller = models_caller(request)
    if caller == "openrouter":
        return _openrouter_listing()
    if caller == "pixeldojo":
        request.state.dialect = "pixeldojo"
        return _pixeldojo_listing()
    return {**_openrouter_listing(), **_pixeldojo_listing()}


def _listing() -> list[dict[str, Any]]:
    return [_entry(m, slug) for m in MODELS for slug in _slugs(m)]


def _openrouter_listing() -> dict[str, Any]:
    """OpenRouter's list body: `data` with its paging fields (one page), which OpenRouter's SDK requires."""
    data = _listing()
    return {"data": data, "links": {"next": None}, "total_count": len(data)}


#: routes served only under OpenRouter's own base URL (/openrouter/api/v1), where no other dialect shares a path
own_router = APIRouter(prefix="/api/v1")


@own_router.get("/models")
async def own_models() -> dict[str, Any]:
    return _openrouter_listing()


@own_router.post("/images/generations")
async def images_generations(request: Request, body: ImagesRequest, key: Key) -> Response:
    """What the OpenAI SDK's `images.generate` posts: OpenRouter's image API under OpenAI's path."""
    return await serving.images(request, body, key)


@router.get("/images/models", summary="The image API's models and their parameters")
async def image_models() -> dict[str, Any]:
    data = []
    for model in MODELS:
        for slug in _slugs(model):
            entry = _entry(model, slug)
            entry["supported_parameters"] = {
                "n": {"type": "range", "min": 1, "max": MAX_N},
                "resolution": {"type": "enum", "values": list(IMAGE_SIZES)},
                "aspect_ratio": {"type": "enum", "values": ["auto", *table_ratios(model.tier)]},
                "output_format": {
                    "type": "enum",
                    "values": ["svg"] if model.output == "vector" else ["png", "jpeg", "webp", "svg"],
                },
                "background": {"type": "enum", "values": ["auto", "transparent", "opaque"]},
                "seed": {"type": "range", "min": 0, "max": 2**32 - 1},
                "input_references": {"type": "range", "min": 0, "max": 1},
                "stream": {"type": "boolean"},
            }
            entry["supports_streaming"] = True
            entry["endpoints"] = f"/api/v1/images/models/{slug}/endpoints"
            entry["pricing_lines"] = [
                {
                    "billable": "image",
                    "unit": "image",
                    "cost_usd": _usd(model, slug),
                    "variant": "2k" if model.tier == "pro" else "1k",
                }
            ]
            data.append(entry)
    return {"data": data}
