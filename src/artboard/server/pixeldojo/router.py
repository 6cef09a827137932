"""PixelDojo style routes under `/api/v1` (thin: see protocol.py and serving.py).

Discovery (`/models…`) is public like PixelDojo's; running and polling need the key when auth is on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Request, Response
from fastapi.responses import JSONResponse

from artboard.jobs.types import ApiKey
from artboard.server.deps import require_key
from artboard.server.pixeldojo import serving
from artboard.server.pixeldojo.protocol import RunRequest

DIALECT = serving.DIALECT


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Register the PixelDojo webhook payload builder on the app's service."""
    service = getattr(app.state, "service", None)
    if service is not None:
        serving.install(service)
    yield


router = APIRouter(prefix="/api/v1", tags=["pixeldojo"], lifespan=lifespan)
Key = Annotated[ApiKey | None, Depends(require_key(DIALECT))]
Model = Annotated[str, Path(max_length=100, description="apiId, e.g. recraft-v4")]
JobId = Annotated[str, Path(max_length=100, description="jobId from run")]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Invalid parameter: {"error": {"code", "message", "param", "allowed"}}'},
    401: {"description": "Missing or invalid API key"},
    402: {"description": "Not enough credits"},
    404: {"description": "Unknown model or job"},
    409: {"description": "Replay of a job without webhook, or not finished yet"},
    429: {"description": "Rate limited (Retry-After)"},
}


#: routes served only under PixelDojo's own base URL (/pixeldojo/api/v1); `GET /api/v1/models` is shared with
#: OpenRouter (openrouter/router.py answers it in the caller's shape, or both bodies when it cannot tell)
own_router = APIRouter(prefix="/api/v1")


@own_router.get("/models")
async def own_models() -> dict[str, Any]:
    return dict(serving.models())


@router.get("/models/{model}", summary="One model with its request schema (PixelDojo)", responses=_ERRORS)
async def get_model(model: Model) -> dict[str, Any]:
    return serving.model_detail(model)


@router.get("/models/{model}/schema", summary="JSON-Schema of the model's run body (PixelDojo)", responses=_ERRORS)
async def get_model_schema(model: Model) -> dict[str, Any]:
    return serving.model_schema(model)


@router.post(
    "/models/{model}/run",
    status_code=202,
    summary="Submit a generation job (PixelDojo); poll statusUrl",
    responses=_ERRORS,
)
async def run(request: Request, model: Model, body: RunRequest, key: Key) -> JSONResponse:
    return JSONResponse(await serving.run(request, key, model, body), status_code=202)


@router.get("/jobs/{job_id}", summary="Job status and expiring output URLs (PixelDojo)", responses=_ERRORS)
async def get_job(request: Request, response: Response, job_id: JobId, key: Key) -> dict[str, Any]:
    return await serving.get_job(request, key, job_id, response)


@router.post(
    "/jobs/{job_id}/webhook/replay",
    status_code=202,
    summary="Send a finished job's webhook again (PixelDojo)",
    responses=_ERRORS,
)
async def replay_webhook(request: Request, job_id: JobId, key: Key) -> JSONResponse:
    return JSONResponse(await serving.replay(request, key, job_id), status_code=202)
