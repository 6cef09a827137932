"""OpenRouter serving: submit a converted request as a job, answer in OpenRouter's shapes (JSON or SSE).

Warnings (docs/warnings.md): chat completions carry them as `choices[0].message.warnings` (streaming: `warnings` in
the delta of each image's chunk) and, with the text modality, as a sentence of the text; the image API as
`data[i].warnings` (streaming: in each `image_generation.completed` event). A single-image JSON answer also gets
the `X-Artboard-Warnings` header. Absent when there are none.

Errors before the first byte are ordinary error responses (`{error:{code,message,metadata}}`, HTTP status = code);
once a stream has started, a failure arrives as a chunk with a top-level `error` and `finish_reason:"error"`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.responses import ContentStream

from artboard.errors import ArtboardError, ContentBlocked, InvalidParameter
from artboard.jobs.pricing import reported_cost
from artboard.jobs.types import ApiKey, Job, JobStatus, StoredArtifact
from artboard.models import resolve_model
from artboard.server.deps import get_service, get_settings, key_id
from artboard.server.dialect import finished_job, idempotency_key, input_image
from artboard.server.errors import error_from_job
from artboard.server.openrouter.protocol import (
    ChatCompletionRequest,
    ImagesRequest,
    Prepared,
    chat_to_spec,
    check_modalities,
    images_to_spec,
    prompt_tokens,
    response_format,
)
from artboard.server.warning_headers import single_image_headers

log = logging.getLogger("artboard.server.openrouter")

PROVIDER = "artboard"
KEEPALIVE_SECONDS = 10.0
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}
_END = object()


# -- error shape ----------------------------------------------------------------------------------------------------

ERROR_TYPES = {
    "rate_limited": "rate_limit_exceeded",
    "backend_unavailable": "provider_unavailable",
    "missing_dependency": "provider_unavailable",
    "backend_error": "provider_error",
}


def error_body(error: ArtboardError, request: Request | None = None) -> dict[str, Any]:
    """`{error:{code,message,metadata}}` with the HTTP status as `code`."""
    metadata: dict[str, Any] = {"error_type": ERROR_TYPES.get(error.code, error.code)}
    if error.param:
        metadata["param"] = error.param
    if error.allowed is not None:
        metadata["allowed"] = error.allowed
    metadata.update({k: v for k, v in error.details.items() if k not in metadata})
    if isinstance(error, ContentBlocked):
        state = request.state if request is not None else None
        metadata.update(
            reasons=[error.message],
            flagged_input=("input image" if error.param == "image" else str(getattr(state, "prompt", "")))[:100],
            provider_name=PROVIDER,
            model_slug=getattr(state, "model_slug", None),
        )
    return {"error": {"code": error.status, "message": error.describe(), "metadata": metadata}}


def render_error(error: ArtboardError, request: Request) -> Response:
    from artboard.server.errors import headers_for

    headers = headers_for(error)
    if error.status == 503 and "Retry-After" not in headers:
        headers["Retry-After"] = "5"
    return JSONResponse(error_body(error, request), status_code=error.status, headers=headers)


# -- jobs -----------------------------------------------------------------------------------------------------------


async def submit(
    request: Request, prepared: Prepared, key: ApiKey | None, requested: str | None, meta: dict[str, Any]
) -> Job:
    """Store the job (charged all-or-nothing); the Idempotency-Key header returns an earlier job instead."""
    request.state.model_slug = requested or prepared.model.id
    request.state.prompt = prepared.prompt
    model = prepared.model.id
    if requested:
        with contextlib.suppress(InvalidParameter):
            model = requested if resolve_model(requested) == prepared.model else model
    return await get_service(request).submit(
        kind="generate",
        request=prepared.spec.model_dump(mode="json"),
        model=model,
        dialect="openrouter",
        key_id=key_id(key),
        meta={**meta, "requested_model": requested},
        idempotency_key=idempotency_key(request),
    )


async def finished(request: Request, job: Job) -> Job:
    """The succeeded job; its error otherwise (408 after the server's synchronous limit, the job cancelled)."""
    timeout = get_settings(request).sync_timeout_seconds
    hint = "it took longer than the server's limit and was cancelled (and refunded)"
    return await finished_job(get_service(request), job, timeout=timeout, hint=hint, cancel_late=True)


async def snapshots(request: Request, job: Job) -> AsyncIterator[Job | None]:
    """The job's snapshots until finished; None every KEEPALIVE_SECONDS without news (for SSE comments)."""
    service = get_service(request)
    queue: asyncio.Queue[Any] = asyncio.Queue()

    async def pump() -> None:
        try:
            async for snapshot in service.watch(job.id):
                await queue.put(snapshot)
        except Exception as exc:  # handed to the consumer, which reports it in the stream
            await queue.put(exc)
        finally:
            await queue.put(_END)

    task = asyncio.create_task(pump())
    last = job
    try:
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                yield None
                continue
            if item is _END:
                break
            if isinstance(item, Exception):
                raise item
            last = item
            yield item
            if item.status.finished:
                return
        if not last.status.finished:
            yield await service.get(job.id)
    finally:
        task.cancel()


def cancel_unfinished(request: Request, job_id: str) -> None:
    """A client that leaves a stream early cancels its job (nothing billed), in the background."""
    service = get_service(request)

    async def cancel() -> None:
        try:
            current = await service.get(job_id)
            if not current.status.finished:
                await service.cancel(job_id, key_id=current.key_id)
        except Exception as exc:
            log.debug("cancel after disconnect failed: %s", exc)

    task = asyncio.get_running_loop().create_task(cancel())
    request.app.state.background_tasks = getattr(request.app.state, "background_tasks", set())
    request.app.state.background_tasks.add(task)
    task.add_done_callback(request.app.state.background_tasks.discard)


def sse(data: Any, event: str | None = None) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}\n\n".encode()


def stream_response(body: ContentStream, job: Job) -> StreamingResponse:
    return StreamingResponse(body, media_type="text/event-stream", headers={**SSE_HEADERS, "X-Artboard-Job-Id": job.id})


def b64(request: Request, artifact: StoredArtifact) -> str:
    return base64.b64encode(get_service(request).read_artifact(artifact.key)).decode("ascii")


def data_url(request: Request, artifact: StoredArtifact) -> str:
    return f"data:{artifact.media_type};base64,{b64(request, artifact)}"


def usage(prompt: str, job: Job, text: str = "") -> dict[str, Any]:
    p, c = prompt_tokens(prompt), (prompt_tokens(text) if text else 0)
    cost = reported_cost("openrouter", job)
    return {
        "prompt_tokens": p,
        "completion_tokens": c,
        "total_tokens": p + c,
        "cost": cost,
        "cost_details": {"upstream_inference_cost": None},
    }


# -- chat completions -----------------------------------------------------------------------------------------------


def summary_text(job: Job, prompt: str) -> str:
    arts = sorted(job.artifacts, key=lambda a: a.index)
    if not arts:
        return ""
    short = prompt if len(prompt) <= 80 else prompt[:77] + "…"
    seeds = ", ".join(str(a.seed) for a in arts)
    noun = "image" if len(arts) == 1 else "images"
    text = (
        f"Here {'is' if len(arts) == 1 else 'are'} {len(arts)} {noun} for “{short}” "
        f"({arts[0].width}x{arts[0].height}, seed {seeds})."
    )
    return " ".join([text, *(f"Warning: {w}." for w in job.warnings)])


def image_part(request: Request, artifact: StoredArtifact) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": data_url(request, artifact)}, "index": artifact.index}


def with_warnings(body: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """`body` with a `warnings` list added when there are any (absent otherwise, so the shape stays OpenRouter's)."""
    if warnings:
        body["warnings"] = warnings
    return body


async def _styled(request: Request, key: ApiKey | None, prepared: Prepared, style_id: Any, param: str) -> Prepared:
    """The request's style id (a stored style, POST /v1/styles) applied to its spec."""
    if style_id is None:
        return prepared
    from artboard.server.style_support import with_style

    spec = await with_style(request, key, prepared.spec, style_id, param=param)
    return dataclasses.replace(prepared, spec=spec)


async def chat_completions(request: Request, body: ChatCompletionRequest, key: ApiKey | None) -> Response:
    modalities = check_modalities(body.modalities)
    prepared = chat_to_spec(body)
    if prepared.image_ref is not None:
        image = await input_image(get_settings(request).fetch_allow, prepared.image_ref, param="messages")
        prepared = await get_service(request).offload.run(chat_to_spec, body, image=image)  # CPU: not here
    config = body.image_config
    style_id = config.style_id if config is not None else None
    prepared = await _styled(request, key, prepared, style_id, "image_config.style_id")
    job = await submit(
        request,
        prepared,
        key,
        body.model,
        {"route": "chat.completions", "modalities": modalities, "stream": body.stream},
    )
    model_name = body.model or prepared.model.id
    created = int(job.created_at.timestamp())
    if body.stream:
        return stream_response(_chat_stream(request, job, prepared, model_name, modalities), job)
    job = await finished(request, job)
    text = summary_text(job, prepared.prompt) if "text" in modalities else ""
    message = with_warnings(
        {
            "role": "assistant",
            "content": text,
            "refusal": None,
            "images": [image_part(request, a) for a in sorted(job.artifacts, key=lambda a: a.index)],
        },
        job.warnings,
    )
    answer = {
        "id": f"gen-{job.id}",
        "object": "chat.completion",
        "created": created,
        "model": model_name,
        "provider": PROVIDER,
        "system_fingerprint": None,
        "choices": [
            {"index": 0, "logprobs": None, "finish_reason": "stop", "native_finish_reason": "stop", "message": message}
        ],
        "usage": usage(prepared.prompt, job, text),
    }
    return JSONResponse(answer, headers={"X-Artboard-Job-Id": job.id, **single_image_headers(job.artifacts)})


async def _chat_stream(
    request: Request, job: Job, prepared: Prepared, model_name: str, modalities: list[str]
) -> AsyncIterator[bytes]:
    base = {
        "id": f"gen-{job.id}",
        "object": "chat.completion.chunk",
        "created": int(job.created_at.timestamp()),
        "model": model_name,
        "provider": PROVIDER,
    }

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        choice: dict[str, Any] = {"index": 0, "delta": delta, "finish_reason": finish}
        if finish:
            choice["native_finish_reason"] = finish
        return sse({**base, "choices": [choice], **extra})

    sent: set[int] = set()
    done = False
    try:
        yield chunk({"role": "assistant", "content": ""})
        final = job
        async for snapshot in snapshots(request, job):
            if snapshot is None:
                yield b": artboard processing\n\n"
                continue
            final = snapshot
            for artifact in sorted(snapshot.artifacts, key=lambda a: a.index):
                if artifact.index not in sent:
                    sent.add(artifact.index)
                    delta = {"role": "assistant", "images": [image_part(request, artifact)]}
                    yield chunk(with_warnings(delta, artifact.warnings))
        done = True
        if final.status is not JobStatus.SUCCEEDED:
            raise error_from_job(final.error, job_id=job.id)
        text = summary_text(final, prepared.prompt) if "text" in modalities else ""
        if text:
            yield chunk({"content": text})
        yield chunk({}, "stop", usage=usage(prepared.prompt, final, text))
    except ArtboardError as error:
        done = True
        yield _stream_error(chunk, error)
    except Exception:
        done = True
        log.exception("openrouter stream of job %s failed", job.id)
        yield _stream_error(chunk, ArtboardError("internal error while streaming"))
    finally:
        if not done:
            cancel_unfinished(request, job.id)
    yield b"data: [DONE]\n\n"


def _stream_error(chunk: Any, error: ArtboardError) -> bytes:
    body = error_body(error)["error"]
    payload = {"code": error.code, "message": body["message"], "metadata": {**body["metadata"], "status": error.status}}
    return bytes(chunk({"content": ""}, "error", error=payload))


# -- image API ------------------------------------------------------------------------------------------------------


async def images(request: Request, body: ImagesRequest, key: ApiKey | None) -> Response:
    fmt = response_format(body.response_format)
    prepared = images_to_spec(body)
    if prepared.image_ref is not None:
        image = await input_image(get_settings(request).fetch_allow, prepared.image_ref, param="input_references")
        prepared = await get_service(request).offload.run(images_to_spec, body, image=image)  # CPU: not here
    prepared = await _styled(request, key, prepared, body.style_id, "style_id")
    job = await submit(
        request, prepared, key, body.model, {"route": "images", "stream": body.stream, "response_format": fmt}
    )
    if body.stream:
        return stream_response(_images_stream(request, job, prepared), job)
    job = await finished(request, job)
    service = get_service(request)
    expires = job.expires_at.timestamp() if job.expires_at is not None else None
    data: list[dict[str, Any]] = []
    for artifact in sorted(job.artifacts, key=lambda a: a.index):
        if fmt == "url":
            item: dict[str, Any] = {
                "url": service.signed_url(artifact.key, expires_at=expires),
                "expires_at": int(expires) if expires else None,
            }
        else:
            item = {"b64_json": b64(request, artifact)}
        item.update(media_type=artifact.media_type, seed=artifact.seed, width=artifact.width, height=artifact.height)
        data.append(with_warnings(item, artifact.warnings))
    answer = {
        "id": f"img-{job.id}",
        "created": int(job.created_at.timestamp()),
        "model": body.model or job.model,
        "data": data,
        "usage": usage(prepared.prompt, job),
    }
    return JSONResponse(answer, headers={"X-Artboard-Job-Id": job.id, **single_image_headers(job.artifacts)})


async def _images_stream(request: Request, job: Job, prepared: Prepared) -> AsyncIterator[bytes]:
    sent: set[int] = set()
    done = False
    try:
        final = job
        async for snapshot in snapshots(request, job):
            if snapshot is None:
                yield b": artboard processing\n\n"
                continue
            final = snapshot
            for artifact in sorted(snapshot.artifacts, key=lambda a: a.index):
                if artifact.index in sent:
                    continue
                sent.add(artifact.index)
                share = usage(prepared.prompt, snapshot)
                share["cost"] = round(reported_cost("openrouter", snapshot) / max(1, prepared.spec.n), 6)
                event = {
                    "type": "image_generation.completed",
                    "index": artifact.index,
                    "b64_json": b64(request, artifact),
                    "media_type": artifact.media_type,
                    "created": int(time.time()),
                    "seed": artifact.seed,
                    "usage": share,
                }
                yield sse(with_warnings(event, artifact.warnings), "image_generation.completed")
        done = True
        if final.status is not JobStatus.SUCCEEDED:
            raise error_from_job(final.error, job_id=job.id)
    except ArtboardError as error:
        done = True
        yield sse(
            {
                "type": "error",
                "error": {
                    "code": error.status,
                    "message": error.describe(),
                    "type": ERROR_TYPES.get(error.code, error.code),
                },
            },
            "error",
        )
    except Exception:
        done = True
        log.exception("openrouter image stream of job %s failed", job.id)
        yield sse({"type": "error", "error": {"code": 500, "message": "internal error while streaming"}}, "error")
    finally:
        if not done:
            cancel_unfinished(request, job.id)
    yield b"data: [DONE]\n\n"
