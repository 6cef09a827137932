"""`POST /v1`: Runware's single endpoint, a JSON array of tasks (a single task object is accepted too).

Authentication is the first `{"taskType": "authentication", "apiKey": …}` task or `Authorization: Bearer <key>`;
the authentication task is answered with a `connectionSessionUUID` as Runware does. Every other task gets its own
result objects or error object; see serving.py. Errors raised outside a task (bad key, rate limit, malformed JSON,
body too large) render as `{"errors": [{code, message, parameter, taskType}]}` through the renderer registered here.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Body, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from artboard.errors import ArtboardError, InvalidParameter, Unauthorized
from artboard.jobs.service import Service
from artboard.server.deps import authenticate, get_service, get_settings
from artboard.server.errors import headers_for
from artboard.server.runware.protocol import (
    AuthTask,
    InferenceTask,
    Task,
    TaskFailure,
    VectorizeTask,
    parse_body,
    parse_task,
)
from artboard.server.runware.serving import (
    DIALECT,
    RunwareServing,
    error_object,
    make_payload_builder,
    single_image_warnings,
)
from artboard.server.warning_headers import warning_headers

log = logging.getLogger("artboard.server.runware")

#: tasks in one request; each job task also takes one token of the key's rate limit
MAX_TASKS = 100


def render_error(error: ArtboardError, request: Request) -> Response:
    """Runware's error body for errors that are not scoped to one task."""
    task_type = "authentication" if isinstance(error, Unauthorized) else getattr(request.state, "runware_task", None)
    body = {"errors": [error_object(error, task_type, None)]}
    return JSONResponse(body, status_code=error.status, headers=headers_for(error))


def install(service: Service) -> None:
    """Register the Runware webhook payload builder on the service (one result object per image)."""
    builders = getattr(service, "payload_builders", None)
    if isinstance(builders, dict) and DIALECT not in builders:
        builders[DIALECT] = make_payload_builder(service)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    service = getattr(app.state, "service", None)
    if service is not None:
        install(service)
    yield


router = APIRouter(tags=["runware"], lifespan=lifespan)

_EXAMPLE = [
    {"taskType": "authentication", "apiKey": "<your key>"},
    {
        "taskType": "imageInference",
        "taskUUID": "96801d3b-21cb-4a22-85cd-7b136d9d5365",
        "model": "recraft:v4-pro@0",
        "positivePrompt": "A high-end luxury skincare campaign still life featuring a frosted glass serum bottle",
        "width": 2560,
        "height": 1664,
        "providerSettings": {
            "recraft": {
                "colors": [{"rgb": [233, 223, 205]}, {"rgb": [198, 170, 120]}, {"rgb": [214, 228, 221]}],
                "backgroundColor": {"rgb": [245, 242, 236]},
            }
        },
        "includeCost": True,
    },
]


@router.post(
    "/v1",
    summary="Runware: run an array of tasks (imageInference, vectorize, imageUpload, getResponse, ping)",
    response_model=None,
    responses={
        200: {"description": "`{data: [...results], errors?: [...per-task errors]}` — at least one task succeeded"},
        400: {"description": "`{errors: [{code, message, parameter, taskType, taskUUID}]}` — every task failed"},
        401: {"description": "`{errors: [{code: 'invalidApiKey', ...}]}`"},
        402: {"description": "`{errors: [{code: 'insufficientCredits', ...}]}`"},
        429: {"description": "`{errors: [{code: 'rateLimitExceeded', ...}]}` with Retry-After"},
    },
)
async def run_tasks(
    request: Request,
    body: Annotated[
        list[Any] | dict[str, Any],
        Body(
            description="A JSON array of Runware task objects (or one task object).",
            openapi_examples={"luxury skincare (recraft:v4-pro@0)": {"value": _EXAMPLE}},
        ),
    ],
) -> Response:
    service = get_service(request)
    install(service)
    raw_tasks = parse_body(body)
    if len(raw_tasks) > MAX_TASKS:
        raise InvalidParameter(
            f"{len(raw_tasks)} tasks in one request", param="tasks", allowed=f"1..{MAX_TASKS} tasks per request"
        )
    tasks: list[Task | TaskFailure] = [_parse(raw) for raw in raw_tasks]
    auth = next((t for t in tasks if isinstance(t, AuthTask)), None)
    jobs = sum(isinstance(t, InferenceTask | VectorizeTask) for t in tasks)
    request.state.runware_task = "authentication"
    key = await authenticate(request, DIALECT, api_key=auth.api_key if auth is not None else None, cost=jobs)
    request.state.runware_task = None
    serving = RunwareServing(service, get_settings(request), key)
    status, answer = await serving.run([t for t in tasks if not isinstance(t, AuthTask)])
    if auth is not None:
        session = auth.session_uuid or str(uuid.uuid4())
        answer.setdefault("data", []).insert(0, {"taskType": "authentication", "connectionSessionUUID": session})
    return JSONResponse(answer, status_code=status, headers=warning_headers(single_image_warnings(answer)))


def _parse(raw: Any) -> Task | TaskFailure:
    try:
        return parse_task(raw)
    except TaskFailure as failure:
        return failure
    except InvalidParameter as error:  # pragma: no cover - parse_task wraps its own errors
        return TaskFailure(error, None, None)
