"""Service routes shared by every client: health, job history, cancel, webhook replay, quote, account.

Plain JSON; errors in the OpenAI style `{error:{message,type,param,code}}`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from artboard.errors import InvalidParameter
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey, Job, StoredArtifact
from artboard.models import MODELS, ModelInfo, resolve_model
from artboard.server.deps import get_service, get_settings, key_id, require_key, resolve
from artboard.spec import GenerationSpec, make_spec
from artboard.version import __version__

log = logging.getLogger("artboard.server")
router = APIRouter(tags=["service"])
Key = Annotated[ApiKey | None, Depends(require_key("service"))]
JobId = Annotated[str, Path(max_length=100, description="Job id")]


def catalogue_model(tier: str, output: str) -> ModelInfo:
    """The catalogue model of a tier and output kind (prices follow what is really produced)."""
    return next(m for m in MODELS if m.tier == tier and m.output == output)


def artifact_json(service: Service, artifact: StoredArtifact, expires_at: float | None = None) -> dict[str, Any]:
    return {
        "index": artifact.index,
        "image_id": artifact.image_id,
        "url": service.signed_url(artifact.key, expires_at=expires_at),
        "media_type": artifact.media_type,
        "format": artifact.format,
        "width": artifact.width,
        "height": artifact.height,
        "seed": artifact.seed,
        "bytes": artifact.bytes,
        "sha256": artifact.sha256,
        "nsfw": artifact.nsfw,
        "warnings": artifact.warnings,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def public_request(request: dict[str, Any]) -> dict[str, Any]:
    """The stored request without input-image bytes."""
    shown = dict(request)
    image = shown.get("image")
    if isinstance(image, dict):
        shown["image"] = {k: v for k, v in image.items() if k != "data"}
    return shown


def job_json(service: Service, job: Job) -> dict[str, Any]:
    expires = job.expires_at.timestamp() if job.expires_at is not None else None
    return {
        "id": job.id,
        "object": "job",
        "kind": job.kind,
        "status": job.status.value,
        "model": job.model,
        "dialect": job.dialect,
        "credits": job.credits,
        "cost_usd": job.cost_usd,
        "progress": job.progress,
        "created_at": _iso(job.created_at),
        "started_at": _iso(job.started_at),
        "finished_at": _iso(job.finished_at),
        "expires_at": _iso(job.expires_at),
        "idempotency_key": job.idempotency_key,
        "request": public_request(job.request),
        "artifacts": [artifact_json(service, a, expires) for a in job.artifacts],
        "warnings": job.warnings,
        "error": None
        if job.error is None
        else {
            "code": job.error.code,
            "message": job.error.message,
            "status": job.error.status,
            "param": job.error.param,
        },
    }


def _database_ok(service: Service) -> bool:
    from sqlalchemy import text

    store = getattr(service, "store", None)
    if store is None:
        return False
    with store.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return True


def _workers(service: Service) -> dict[str, Any]:
    """Whether the dispatcher runs (or workers=0: another process runs the jobs), and how busy it is."""
    configured = service.config.workers
    dispatcher = getattr(service, "dispatcher", None)
    if configured == 0:
        return {"ok": True, "configured": 0, "running_jobs": 0, "note": "jobs run in another process"}
    loops = getattr(dispatcher, "_tasks", None) or []
    alive = dispatcher is not None and bool(loops) and all(not task.done() for task in loops)
    running = len(dispatcher.running) if dispatcher is not None else 0
    return {"ok": alive, "configured": configured, "running_jobs": running}


async def _checks(service: Service) -> dict[str, Any]:
    probe = getattr(service, "health", None)
    if callable(probe):  # a service that knows better answers itself
        return dict(await resolve(probe()))
    try:
        database = await asyncio.wait_for(asyncio.to_thread(_database_ok, service), timeout=5.0)
    except Exception as exc:  # an unreachable database is a failing readiness check, not a 500
        log.warning("health: database check failed: %s", exc)
        database = False
    workers = _workers(service)
    return {"database": database, "workers": workers["ok"], "worker_pool": workers}


@router.get("/health", summary="Liveness and readiness (database reachable, workers up)")
async def health(request: Request) -> JSONResponse:
    """200 when ready; 503 (still `live: true`) when the database or the worker pool is not (scaled out: or the
    broker or the object storage)."""
    checks = await _checks(get_service(request))
    ready = checks.get("database") is True and checks.get("workers") is True and checks.get("disk", True) is True
    # Scaled out (queue_url / storage_url): the broker and the object storage are needed too.
    ready = ready and checks.get("broker", True) is True and checks.get("storage", True) is True
    body = {
        "status": "ok" if ready else "unavailable",
        "live": True,
        "ready": ready,
        "version": __version__,
        "checks": checks,
        "auth": get_settings(request).auth_enabled,
        "time": int(time.time()),
    }
    return JSONResponse(body, status_code=200 if ready else 503, headers={"Cache-Control": "no-store"})


@router.get("/v1/jobs", summary="The caller's jobs, newest first")
async def list_jobs(
    request: Request,
    key: Key,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size")] = 20,
    before: Annotated[str | None, Query(max_length=100, description="Return jobs older than this job id")] = None,
) -> dict[str, Any]:
    service = get_service(request)
    jobs = await service.list_jobs(key_id=key_id(key), limit=limit + 1, before=before)
    page = jobs[:limit]
    return {
        "object": "list",
        "data": [job_json(service, job) for job in page],
        "has_more": len(jobs) > limit,
        "next_before": page[-1].id if len(jobs) > limit and page else None,
    }


@router.get("/v1/jobs/{job_id}", summary="One job, with signed URLs of its outputs")
async def get_job(request: Request, key: Key, job_id: JobId) -> dict[str, Any]:
    service = get_service(request)
    return job_json(service, await service.get(job_id, key_id=key_id(key)))


@router.delete("/v1/jobs/{job_id}", summary="Cancel a queued or running job (credits refunded)")
async def cancel_job(request: Request, key: Key, job_id: JobId) -> dict[str, Any]:
    service = get_service(request)
    return job_json(service, await service.cancel(job_id, key_id=key_id(key)))


@router.post("/v1/jobs/{job_id}/webhook/replay", summary="Send a finished job's webhook again")
async def replay_webhook(request: Request, key: Key, job_id: JobId) -> dict[str, Any]:
    service = get_service(request)
    await service.replay_webhook(job_id, key_id=key_id(key))
    return {"id": job_id, "object": "webhook.replay", "queued": True}


class QuoteRequest(BaseModel):
    """A generate request to validate and price without running it (the fields of `artboard generate`)."""

    model_config = ConfigDict(extra="allow")

    prompt: Any = Field(description="1–10,000 characters")
    model: str | None = Field(default=None, description="Public model id or alias (default artboard-v1)")
    tier: Any = Field(default=None, description="standard | pro (default: the model's)")
    output: Any = Field(default=None, description="raster | vector (default: the model's)")
    size: Any = Field(default=None, description="WxH from the tier's table, or a ratio")
    aspect_ratio: Any = None
    width: Any = None
    height: Any = None
    n: Any = Field(default=1, description="1–20")
    seed: Any = None
    palette: Any = Field(default=None, description="1–10 colours")
    background: Any = Field(default=None, description="a colour or 'transparent'")
    image: Any = Field(default=None, description="data URL of an input image")
    strength: Any = None
    format: Any = Field(default=None, description="png | jpg | webp | svg")
    quality: Any = None
    safety: Any = True


def spec_for_quote(body: QuoteRequest) -> tuple[GenerationSpec, ModelInfo]:
    body_image = body.image
    if body_image is not None and not (isinstance(body_image, str) and body_image.startswith("data:")):
        raise InvalidParameter("image must be a data URL (data:image/png;base64,…)", param="image")
    info = resolve_model(body.model)
    fmt = body.format
    output = body.output
    if output is None and fmt is None:
        output = info.output
    spec = make_spec(
        body.prompt,
        model=info.id,
        tier=body.tier if body.tier is not None else info.tier,
        output=output,
        size=body.size,
        aspect_ratio=body.aspect_ratio,
        width=body.width,
        height=body.height,
        n=body.n,
        seed=body.seed,
        palette=body.palette,
        background=body.background,
        image=body.image,
        strength=body.strength,
        format=fmt,
        quality=body.quality,
        safety=body.safety,
    )
    priced = catalogue_model(spec.tier, spec.output)
    return spec.model_copy(update={"model": priced.id}), priced


@router.post("/v1/quote", summary="Validate and price a generate request without running it")
async def quote(request: Request, key: Key, body: QuoteRequest) -> dict[str, Any]:
    service = get_service(request)
    spec, priced = spec_for_quote(body)
    result = await resolve(service.quote(kind="generate", request=spec.model_dump(mode="json"), model=priced.id))
    answer: dict[str, Any] = {
        "object": "quote",
        "model": result.model,
        "requested_model": body.model,
        "images": result.images,
        "credits": result.credits,
        "usd": result.usd,
        "params": spec.public_params(),
    }
    if key is not None:
        answer["balance"] = key.credits
        answer["affordable"] = key.credits >= result.credits
    return answer


@router.get("/v1/account", summary="The calling key and its credits")
async def account(request: Request, key: Key) -> dict[str, Any]:
    if key is None:
        return {"object": "account", "auth": False, "key": None, "credits": None}
    return {
        "object": "account",
        "auth": True,
        "key": {
            "id": key.id,
            "name": key.name,
            "prefix": key.prefix,
            "created_at": _iso(key.created_at),
            "rate_limit_per_minute": key.rate_limit_per_minute,
        },
        "credits": key.credits,
    }


@router.get("/v1/backends", summary="Every backend with its capabilities, availability and health")
async def backends(key: Key) -> dict[str, Any]:
    from artboard import routing

    del key  # authentication only: which backends and upstreams this server has is not public when auth is on

    # available() may touch the disk or import optional packages: keep it off the event loop.
    rows = await asyncio.to_thread(routing.backends_report)
    return {"data": rows}
