"""Errors rendered in each dialect's own shape, in one place.

Routers never build error bodies: they raise `ArtboardError`s (or let validation raise them). A router marks
its requests with `request.state.dialect` (via `dialect_dependency`), and the app-level handler looks up that
dialect's renderer here. Request-body validation errors from FastAPI are converted to `InvalidParameter` first,
so they get the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from artboard.errors import ArtboardError, InvalidParameter, RateLimited

Renderer = Callable[[ArtboardError, Request], Response]
_RENDERERS: dict[str, Renderer] = {}


def register_renderer(dialect: str, renderer: Renderer) -> None:
    _RENDERERS[dialect] = renderer


def dialect_dependency(dialect: str) -> Callable[[Request], None]:
    """A FastAPI dependency that tags the request with its dialect (use in APIRouter(dependencies=[…]))."""

    def mark(request: Request) -> None:
        request.state.dialect = dialect

    return mark


def headers_for(error: ArtboardError) -> dict[str, str]:
    if isinstance(error, RateLimited):
        return {"Retry-After": str(max(1, round(error.retry_after)))}
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
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
    param = ".".join(loc) or None
    message = str(first.get("msg", "invalid request"))
    return InvalidParameter(f"{param}: {message}" if param else message, param=param)
