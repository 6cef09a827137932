"""API-in-One style routes (thin: see protocol.py and serving.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from artboard.jobs.types import ApiKey
from artboard.server.apiinone import serving
from artboard.server.apiinone.protocol import GenerationRequest
from artboard.server.deps import require_key

DIALECT = serving.DIALECT

router = APIRouter(prefix="/api/v1", tags=["apiinone"])
Key = Annotated[ApiKey | None, Depends(require_key(DIALECT))]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Invalid parameter: {"code": 400, "message", "data": null}'},
    401: {"description": "Missing or invalid API key"},
    402: {"description": "Not enough credits"},
    404: {"description": "Unknown task"},
    429: {"description": "Rate limited (Retry-After)"},
}


@router.post(
    "/images/generations",
    summary="Create a Recraft V4 generation task (API-in-One)",
    description="Sub-models: recraft-v4-text-to-image (10 credits), recraft-v4-text-to-vector (20), "
    "recraft-v4-pro-text-to-image (60), recraft-v4-pro-text-to-vector (70). Poll GET /api/v1/tasks/{task_id}.",
    responses=_ERRORS,
)
async def generations(request: Request, body: GenerationRequest, key: Key) -> dict[str, Any]:
    return await serving.create(request, key, body)


@router.get("/tasks/{task_id}", summary="Task status and result image URLs (API-in-One)", responses=_ERRORS)
async def task(
    request: Request,
    response: Response,
    key: Key,
    task_id: Annotated[str, Path(max_length=100, description="task_id from create")],
) -> dict[str, Any]:
    return await serving.task(request, key, task_id, response)
