"""API-in-One serving: submit a task, report it until it is done, in the `{code, message, data}` envelope.

    POST /api/v1/images/generations → {"code": 200, "message": "success",
                                       "data": {"task_id", "status": "IN_PROGRESS", "model", "credits"}}
    GET  /api/v1/tasks/{task_id}    → {"code": 200, "message": "success",
                                       "data": {"task_id", "model", "status", "progress", "credits",
                                                "created_at", "completed_at", "expires_at",
                                                "result": {"images": [url, …]} | null, "error": null | message,
                                                "warnings": [sentence, …] (only when there are any)}}

`status` is `IN_PROGRESS` while queued or running, then `completed` or `failed` (cancelled jobs are `failed`).
Image URLs are signed and expire with the job's files (server TTL; `expires_at`). `warnings` (docs/warnings.md)
gathers every image's warnings, read from the stored manifests (so they outlive a restart); a completed task of
one image with warnings also gets the `X-Artboard-Warnings` header. Errors:
`{"code": <HTTP status>, "message": "<param>: what is wrong (allowed: …)", "data": null}` with that HTTP status.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from artboard.errors import ArtboardError, InvalidParameter
from artboard.jobs.pricing import reported_cost
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey, Delivery, Job, JobStatus, WebhookConfig
from artboard.jobs.webhooks import validate_webhook_url
from artboard.server.apiinone.protocol import GenerationRequest, envelope, public_model, to_spec
from artboard.server.deps import get_service, key_id
from artboard.server.dialect import idempotency_key
from artboard.server.dialect import iso as _iso
from artboard.server.errors import headers_for
from artboard.server.warning_headers import single_image_headers

DIALECT = "apiinone"
IN_PROGRESS = "IN_PROGRESS"
_STATUS = {
    JobStatus.QUEUED: IN_PROGRESS,
    JobStatus.RUNNING: IN_PROGRESS,
    JobStatus.SUCCEEDED: "completed",
    JobStatus.FAILED: "failed",
    JobStatus.CANCELLED: "failed",
}


def render_error(error: ArtboardError, request: Request) -> Response:
    """`{code: <HTTP status>, message, data: null}` with the same HTTP status."""
    return JSONResponse(
        {"code": error.status, "message": error.describe(), "data": None},
        status_code=error.status,
        headers=headers_for(error),
    )


async def create(request: Request, key: ApiKey | None, req: GenerationRequest) -> dict[str, Any]:
    _info, spec = to_spec(req)
    if req.style_id is not None:
        from artboard.server.style_support import with_style

        spec = await with_style(request, key, spec, req.style_id, param="style_id")
    service = get_service(request)
    delivery: Delivery | None = None
    if req.callback_url is not None and req.callback_url.strip():
        url = req.callback_url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise InvalidParameter("callback_url must be an http(s) URL", param="callback_url", allowed="http(s) URL")
        # The SSRF guard at submit: a refused URL is a 400 now, not a silent failure later.
        await asyncio.to_thread(validate_webhook_url, url, service.config.fetch_allow, param="callback_url")
        install(service)
        delivery = Delivery(webhook=WebhookConfig(url, per_image=False))
    job = await service.submit(
        kind="generate",
        request=spec.model_dump(mode="json"),
        model=public_model(req),
        dialect=DIALECT,
        key_id=key_id(key),
        meta={"route": "images/generations"},
        idempotency_key=idempotency_key(request),
        delivery=delivery,
    )
    credits = reported_cost("apiinone", job)
    return envelope({"task_id": job.id, "status": _STATUS[job.status], "model": job.model, "credits": credits})


def install(service: Service) -> None:
    """`callback_url` gets the task body, as `GET /api/v1/tasks/{task_id}` answers it, once the task is done."""
    builders = getattr(service, "payload_builders", None)
    if isinstance(builders, dict) and DIALECT not in builders:
        builders[DIALECT] = lambda job: [envelope(task_body(service, job))]


def task_data(request: Request, job: Job) -> dict[str, Any]:
    return task_body(get_service(request), job)


def task_body(service: Service, job: Job) -> dict[str, Any]:
    result: dict[str, Any] | None = None
    if job.status is JobStatus.SUCCEEDED and not job.files_expired:
        expires = job.expires_at.timestamp() if job.expires_at is not None else None
        result = {"images": [service.signed_url(a.key, expires_at=expires) for a in job.artifacts]}
    error: str | None = None
    if job.status is JobStatus.CANCELLED:
        error = job.error.message if job.error is not None else "the task was cancelled"
    elif job.error is not None:
        error = job.error.message
    elif job.files_expired:
        error = "the task's files have expired"
    data: dict[str, Any] = {
        "task_id": job.id,
        "model": job.model,
        "status": _STATUS[job.status],
        "progress": round(job.progress, 3),
        "credits": reported_cost("apiinone", job),
        "created_at": _iso(job.created_at),
        "completed_at": _iso(job.finished_at),
        "expires_at": _iso(job.expires_at),
        "result": result,
        "error": error,
    }
    if job.warnings:
        data["warnings"] = job.warnings
    return data


async def task(request: Request, key: ApiKey | None, task_id: str, response: Response | None = None) -> dict[str, Any]:
    job = await get_service(request).get(task_id, key_id=key_id(key))
    if response is not None and job.status is JobStatus.SUCCEEDED:
        response.headers.update(single_image_headers(job.artifacts))
    return envelope(task_data(request, job))
