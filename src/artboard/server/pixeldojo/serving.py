"""PixelDojo serving: 202 job on run, polling with expiring output URLs, webhook payloads and replay, discovery.

    POST /api/v1/models/{model}/run → 202 {"jobId", "status": "pending", "statusUrl", "creditCost",
                                           "creditsRemaining", "expiresAt"}
    GET  /api/v1/jobs/{jobId}       → {"jobId", "status": pending|processing|completed|failed, "model",
                                       "output": {"images": [url, …]} (completed only), "creditCost",
                                       "createdAt", "completedAt", "expiresAt", "error": message (failed only),
                                       "warnings": [sentence, …] (only when there are any)}

`creditCost` is the artboard credits charged (the key's ledger; refunded on failure); `creditsRemaining` is the
key's balance after the charge (null when auth is off). `expiresAt` is when the job's files and their signed URLs
expire (server TTL). The webhook body (per finished job) is the same object as `GET /api/v1/jobs/{jobId}`.
`warnings` (docs/warnings.md) gathers every image's warnings from the stored manifests (so they outlive a restart);
a completed job of one image with warnings also gets the `X-Artboard-Warnings` header on GET.

Errors: `{"error": {"code", "message", "param"?, "allowed"?}}` with the HTTP status (`code` is artboard's error code,
e.g. invalid_parameter, unauthorized, insufficient_credits, not_found, rate_limited).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from artboard.errors import ArtboardError, Conflict
from artboard.jobs.pricing import reported_cost
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey, Delivery, Job, JobStatus, WebhookConfig
from artboard.server.deps import get_service, get_settings, key_id, resolve
from artboard.server.dialect import idempotency_key
from artboard.server.dialect import iso as _iso
from artboard.server.errors import headers_for
from artboard.server.pixeldojo.protocol import (
    RunRequest,
    api_id,
    check_webhook_url,
    listed_models,
    model_summary,
    request_schema,
    to_spec,
)
from artboard.server.pixeldojo.protocol import resolve as resolve_model
from artboard.server.warning_headers import single_image_headers

DIALECT = "pixeldojo"
_STATUS = {
    JobStatus.QUEUED: "pending",
    JobStatus.RUNNING: "processing",
    JobStatus.SUCCEEDED: "completed",
    JobStatus.FAILED: "failed",
    JobStatus.CANCELLED: "failed",
}


def render_error(error: ArtboardError, request: Request) -> Response:
    """`{"error": {"code", "message", "param"?, "allowed"?}}` with the error's HTTP status."""
    body: dict[str, Any] = {"code": error.code, "message": error.describe()}
    if error.param:
        body["param"] = error.param
    if error.allowed is not None:
        body["allowed"] = error.allowed
    return JSONResponse({"error": body}, status_code=error.status, headers=headers_for(error))


def expires_at(job: Job, default_ttl_seconds: int) -> datetime:
    """When the job's files (and URLs) expire: the stored value, else creation + TTL."""
    if job.expires_at is not None:
        return job.expires_at
    return job.created_at + timedelta(seconds=job.delivery.ttl_seconds or default_ttl_seconds)


def status_url(request: Request, job_id: str) -> str:
    return f"{get_settings(request).public_base_url}/api/v1/jobs/{job_id}"


def job_body(service: Service, job: Job, *, default_ttl_seconds: int) -> dict[str, Any]:
    """The PixelDojo job object (GET /api/v1/jobs/{jobId} and the webhook body)."""
    expiry = expires_at(job, default_ttl_seconds)
    body: dict[str, Any] = {"jobId": job.id, "status": _STATUS[job.status], "model": job.model}
    if job.status is JobStatus.SUCCEEDED and not job.files_expired:
        body["output"] = {"images": [service.signed_url(a.key, expires_at=expiry.timestamp()) for a in job.artifacts]}
    body["creditCost"] = reported_cost("pixeldojo", job)
    body["createdAt"] = _iso(job.created_at)
    body["completedAt"] = _iso(job.finished_at)
    body["expiresAt"] = _iso(expiry)
    if job.status is JobStatus.CANCELLED:
        body["error"] = job.error.message if job.error is not None else "the job was cancelled"
    elif job.error is not None:
        body["error"] = job.error.message
    elif job.files_expired:
        body["error"] = "the job's output files have expired"
    if job.warnings:
        body["warnings"] = job.warnings
    return body


def webhook_payloads(service: Service, job: Job) -> list[dict[str, Any]]:
    """One webhook body per finished PixelDojo job: the job object as GET answers it."""
    return [job_body(service, job, default_ttl_seconds=service.config.default_ttl_seconds)]


def install(service: Service) -> None:
    """Register the PixelDojo webhook body (the job object) as this dialect's payload builder on the service."""
    builders = getattr(service, "payload_builders", None)
    if isinstance(builders, dict) and DIALECT not in builders:
        builders[DIALECT] = lambda job: webhook_payloads(service, job)


async def credits_remaining(service: Service, key: ApiKey | None) -> int | None:
    """The key's balance after this request's charge (None when auth is off)."""
    keys = getattr(service, "keys", None)
    if key is None or keys is None:
        return None
    balance = await resolve(await asyncio.to_thread(keys.balance, key.id))
    return int(balance)


async def run(request: Request, key: ApiKey | None, model: str, req: RunRequest) -> dict[str, Any]:
    info, spec = to_spec(model, req)
    if req.style_id is not None:
        from artboard.server.style_support import with_style

        spec = await with_style(request, key, spec, req.style_id, param="style_id")
    webhook = check_webhook_url(req.webhookUrl)
    service = get_service(request)
    if webhook:  # the SSRF guard at submit, as Runware does: a refused URL is a 400 now, not a silent failure later
        from artboard.jobs.webhooks import validate_webhook_url

        await asyncio.to_thread(validate_webhook_url, webhook, service.config.fetch_allow, param="webhookUrl")
    if webhook:
        install(service)  # normally done by the router's lifespan; harmless when already there
    job = await service.submit(
        kind="generate",
        request=spec.model_dump(mode="json"),
        model=model,
        dialect=DIALECT,
        key_id=key_id(key),
        meta={"route": "run", "apiId": api_id(info)},
        idempotency_key=idempotency_key(request),
        delivery=Delivery(webhook=WebhookConfig(webhook, per_image=False)) if webhook else None,
    )
    settings = get_settings(request)
    return {
        "jobId": job.id,
        "status": _STATUS[job.status],
        "statusUrl": status_url(request, job.id),
        "creditCost": reported_cost("pixeldojo", job),
        "creditsRemaining": await credits_remaining(service, key),
        "expiresAt": _iso(expires_at(job, settings.default_ttl_seconds)),
    }


async def get_job(
    request: Request, key: ApiKey | None, job_id: str, response: Response | None = None
) -> dict[str, Any]:
    service = get_service(request)
    job = await service.get(job_id, key_id=key_id(key))
    if response is not None and job.status is JobStatus.SUCCEEDED:
        response.headers.update(single_image_headers(job.artifacts))
    return job_body(service, job, default_ttl_seconds=get_settings(request).default_ttl_seconds)


async def replay(request: Request, key: ApiKey | None, job_id: str) -> dict[str, Any]:
    service = get_service(request)
    job = await service.get(job_id, key_id=key_id(key))
    if job.delivery.webhook is None:
        raise Conflict("this job was submitted without a webhookUrl", param="webhookUrl")
    if not job.status.finished:
        raise Conflict(f"job {job.id} is still {_STATUS[job.status]}; only finished jobs can be replayed")
    await service.replay_webhook(job.id, key_id=key_id(key))
    return {"jobId": job.id, "replayed": True, "webhookUrl": job.delivery.webhook.url, "status": _STATUS[job.status]}


def models() -> dict[str, Any]:
    entries = [model_summary(m) for m in listed_models()]
    return {"models": entries, "total": len(entries), "imageCount": len(entries), "videoCount": 0}


def model_detail(model: str) -> dict[str, Any]:
    info = resolve_model(model)
    return {**model_summary(info), "requestSchema": request_schema(info)}


def model_schema(model: str) -> dict[str, Any]:
    return request_schema(resolve_model(model))
