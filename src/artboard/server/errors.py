"""Errors rendered in each dialect's own shape, in one place.

Routers never build error bodies: they raise `ArtboardError`s (or let validation raise them). Each request is
tagged with `request.state.dialect` once, by the app's guard middleware from the route it goes to (the routes
each dialect mounts, server/dialects.py; `deps.authenticate` where a shared path picks one), and the app-level
handler looks up that dialect's renderer here. Request-body validation errors from FastAPI are converted to
`InvalidParameter` first, so they get the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from artboard.errors import ArtboardError, InvalidParameter, RateLimited, StorageUnavailable
from artboard.jobs.types import JobError

Renderer = Callable[[ArtboardError, Request], Response]
_RENDERERS: dict[str, Renderer] = {}


def register_renderer(dialect: str, renderer: Renderer) -> None:
    _RENDERERS[dialect] = renderer


def dialect_dependency(dialect: str) -> Callable[[Request], None]:
    """A FastAPI dependency that tags the request with its dialect, for a router mounted outside `create_app`
    (inside it, the guard middleware tags every request from its route already)."""

    def mark(request: Request) -> None:
        request.state.dialect = dialect

    return mark


def headers_for(error: ArtboardError) -> dict[str, str]:
    if isinstance(error, RateLimited):
        return {"Retry-After": str(max(1, round(error.retry_after)))}
    if isinstance(error, StorageUnavailable):
        return {"Retry-After": "5"}
    return {}


def openai_style(error: ArtboardError, request: Request) -> Response:
    """The default shape (OpenAI/Recraft-compatible): {"error": {"message", "type", "param", "code"}}."""
    body: dict[str, Any] = {
        "error": {"message": error.describe(), "type": error.code, "param": error.param, "code": error.code}
    }
    return JSONResponse(body, status_code=error.status, headers=headers_for(error))


def render(error: ArtboardError, request: Request) -> Response:
    dialect = getattr(request.state, "dialect", None)
    return _RENDERERS.get(dialect or "", openai_style)(error, request)


def from_validation(exc: RequestValidationError) -> InvalidParameter:
    first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
    if first.get("type") == "json_invalid":  # its loc is a character offset, not a parameter
        reason = (first.get("ctx") or {}).get("error", "")
        return InvalidParameter(f"the request body is not valid JSON{f': {reason}' if reason else ''}", param="body")
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
    param = ".".join(loc) or None
    message = str(first.get("msg", "invalid request"))
    return InvalidParameter(f"{param}: {message}" if param else message, param=param)


class Forbidden(ArtboardError):
    """A signed URL whose signature does not match, or an action the key may not take."""

    status = 403
    code = "forbidden"


class Gone(ArtboardError):
    """A signed URL (or stored file) past its expiry."""

    status = 410
    code = "expired"


class RequestTimeout(ArtboardError):
    """A synchronous request waited longer than the server's limit for its job."""

    status = 408
    code = "timeout"


def _error_classes() -> dict[str, type[ArtboardError]]:
    found: dict[str, type[ArtboardError]] = {}
    pending: list[type[ArtboardError]] = [ArtboardError]
    while pending:
        cls = pending.pop()
        found.setdefault(cls.code, cls)
        pending.extend(cls.__subclasses__())
    return found


def error_from_job(error: JobError | None, *, job_id: str | None = None) -> ArtboardError:
    """The ArtboardError a failed or cancelled job's stored error stands for (BackendError when unknown)."""
    from artboard.errors import BackendError, Cancelled

    if error is None:
        return Cancelled("the job was cancelled") if job_id is None else Cancelled(f"job {job_id} was cancelled")
    cls = _error_classes().get(error.code, BackendError)
    if cls is ArtboardError:
        cls = BackendError
    if cls is RateLimited:
        return RateLimited(error.message, retry_after=1.0, param=error.param)
    details = {"job_id": job_id} if job_id else None
    return cls(error.message, param=error.param, details=details)
