"""What every dialect shares, so each dialect module holds only its own service's shapes.

A dialect is a package `artboard.server.<name>` with `protocol.py` (its typed request models, each read into a
`server.conversion.Draft` that `conversion.to_spec` makes strict), `serving.py` (submit, wait, answer in its
shape, its error renderer) and `router.py` (thin FastAPI routes, optional `own_router` for its own base URL),
and an entry in `server/dialects.py` (base URL, error renderer, root paths). The chores that were repeated in each
of them live here. docs/extending.md ("Adding a dialect") walks through a new one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime

from fastapi import Request

from artboard.errors import ArtboardError, InvalidParameter
from artboard.jobs.service import Service
from artboard.jobs.types import Job, JobStatus
from artboard.server.errors import RequestTimeout, error_from_job


def idempotency_key(request: Request) -> str | None:
    """The `Idempotency-Key` header, stripped; None when absent or blank."""
    value = request.headers.get("idempotency-key")
    return value.strip() if value and value.strip() else None


async def input_image(allow: Sequence[str], ref: str, *, param: str) -> bytes:
    """An input image given by reference: a `data:` URL decoded, an http(s) URL fetched through the SSRF guard
    (`allow`: the server's fetch_allow exceptions; the image size limit); anything else is a 400 naming `param`."""
    from artboard.imageio import MAX_BYTES
    from artboard.jobs.fetch import fetch_bytes

    text = ref.strip()
    if text[:5].lower() != "data:" and not text.lower().startswith(("http://", "https://")):
        raise InvalidParameter(
            f"{param} must be an http(s) URL or a data: URL", param=param, allowed="http(s) URL or data: URL"
        )
    data, _media = await fetch_bytes(text, allow=tuple(allow), max_bytes=MAX_BYTES, param=param)
    return data


def iso(value: datetime | None) -> str | None:
    """An ISO-8601 UTC timestamp with `Z`, as the hosted APIs write them (None stays None)."""
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


async def finished_job(
    service: Service, job: Job, *, timeout: float, hint: str, cancel_late: bool = False, param: str | None = None
) -> Job:
    """The job once it succeeded; its error (as the ArtboardError it stands for) when it failed or was cancelled;
    RequestTimeout (408, naming `param`) saying how to collect it (`hint`) when it is still running after `timeout`
    seconds. `cancel_late`: a dialect whose clients cannot collect a job later (OpenRouter) cancels it then, so it
    is refunded instead of running on for nobody."""
    if not job.status.finished:
        job = await service.wait(job, timeout=timeout)
    if job.status is JobStatus.SUCCEEDED:
        return job
    if not job.status.finished:
        if cancel_late:
            with contextlib.suppress(ArtboardError):
                await service.cancel(job.id, key_id=job.key_id)
        raise RequestTimeout(
            f"job {job.id} is still {job.status.value} after {timeout:g} s; {hint}",
            param=param,
            details={"job_id": job.id},
        )
    error: ArtboardError = error_from_job(job.error, job_id=job.id)
    raise error
