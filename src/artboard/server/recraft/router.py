"""Recraft-native routes under `/v1` (thin: parsing and shaping live in protocol.py / serving.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel

from artboard.jobs.types import ApiKey
from artboard.server.deps import require_key
from artboard.server.recraft import serving
from artboard.server.recraft.protocol import GenerationRequest, ImageToImageRequest, VectorizeRequest

DIALECT = serving.DIALECT

router = APIRouter(prefix="/v1", tags=["recraft"])
Key = Annotated[ApiKey | None, Depends(require_key(DIALECT))]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Invalid parameter: {"error": {"message", "type", "param", "code"}}'},
    401: {"description": "Missing or invalid API key"},
    402: {"description": "Not enough credits"},
    408: {"description": "The job outlived sync_timeout_seconds; resend with the same Idempotency-Key"},
    413: {"description": "Input image or body too large"},
    429: {"description": "Rate limited (Retry-After)"},
}


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its `$defs` inlined, so it can sit inside an OpenAPI requestBody."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(defs[ref.rsplit("/", 1)[-1]])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


def _body(model: type[BaseModel], file_fields: tuple[str, ...], required: list[str]) -> dict[str, Any]:
    schema = _inline(model.model_json_schema())
    form = {
        "type": "object",
        "properties": {
            **{name: {"type": "string", "format": "binary"} for name in file_fields},
            **{
                k: {"type": "string", "description": "JSON text for nested values"} if k in ("controls",) else v
                for k, v in schema["properties"].items()
            },
        },
        "required": required,
    }
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}, "multipart/form-data": {"schema": form}},
        }
    }


@router.post("/images/generations", summary="Generate images (Recraft / OpenAI images API)", responses=_ERRORS)
async def generations(request: Request, response: Response, body: GenerationRequest, key: Key) -> dict[str, Any]:
    return await serving.generations(request, key, body, response)


@router.post(
    "/images/imageToImage",
    summary="Image to image: an input image (file `image` or `image_url`) + prompt + strength",
    responses=_ERRORS,
    openapi_extra=_body(ImageToImageRequest, serving.IMAGE_FILE_FIELDS, ["prompt", "strength"]),
)
async def image_to_image(request: Request, response: Response, key: Key) -> dict[str, Any]:
    return await serving.image_to_image(request, key, response)


@router.post(
    "/images/vectorize",
    summary="Vectorize a raster image (file `file`/`image` or `image_url`) into SVG",
    responses=_ERRORS,
    openapi_extra=_body(VectorizeRequest, serving.VECTORIZE_FILE_FIELDS, []),
)
async def vectorize(request: Request, key: Key) -> dict[str, Any]:
    return await serving.vectorize(request, key)


@router.get("/models", summary="List models (Recraft / OpenRouter provider shape)")
async def models() -> dict[str, Any]:
    return serving.models()


@router.get("/users/me", summary="The calling key: id, name and credit balance", responses=_ERRORS)
async def users_me(key: Key) -> dict[str, Any]:
    return serving.me(key)


# Image tools (removeBackground, crispUpscale, inpaint, …) and styles live in their own modules.
from artboard.server.recraft import brandkits as _brandkits  # noqa: E402
from artboard.server.recraft import prompts as _prompts  # noqa: E402
from artboard.server.recraft import styles as _styles  # noqa: E402
from artboard.server.recraft import tools as _tools  # noqa: E402

router.include_router(_tools.router)
router.include_router(_styles.router)
router.include_router(_prompts.router)
router.include_router(_brandkits.router)
