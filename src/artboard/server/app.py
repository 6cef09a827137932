"""The FastAPI application of `artboard serve`: every dialect's router on one Service.

    app = create_app(load_settings())            # uvicorn artboard.server.app:app also works (settings from env)

Errors are rendered in the shape of the dialect that owns the route (server/errors.py), including body-size,
validation, 404/405 and unexpected errors, which never leak internals.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from artboard.errors import ArtboardError, InvalidParameter, NotFound, PayloadTooLarge
from artboard.jobs.outages import as_outage
from artboard.jobs.service import Service
from artboard.server import errors as dialect_errors
from artboard.server import notices
from artboard.server.deps import RateLimiter
from artboard.server.dialects import BASE_PATHS, DIALECTS, path_dialect
from artboard.server.settings import Settings
from artboard.server.warning_headers import HEADER, encode
from artboard.version import __version__

log = logging.getLogger("artboard.server")

__all__ = ["BASE_PATHS", "DIALECTS", "create_app"]  # BASE_PATHS: read by `artboard serve`'s banner

DESCRIPTION = (
    "Self-hosted, design-first image generation with the request and response shapes of several hosted APIs, all "
    "on one durable job system. Point an existing client at this server's base URL (and key, when auth is on); "
    "each API also has its own base URL where nothing is shared:\n\n"
    + "".join(f"* **{d.title}** (`{d.base_path}`) — {d.routes}\n" for d in DIALECTS)
    + "* **Service** — `GET /health`, `GET /v1/jobs`, `GET|DELETE /v1/jobs/{id}`, `POST /v1/quote`, "
    "`GET /v1/account`, signed output files under `/files/…`\n\n"
    "Errors come in each API's own shape. Authentication is `Authorization: Bearer <key>` "
    "(keys: `artboard keys create`).\n"
)


def _route_dialect(app: FastAPI, scope: Scope) -> str | None:
    """The dialect that owns the route `scope` goes to (a partial match — wrong method — counts)."""
    partial: str | None = None
    routes: list[tuple[BaseRoute, str | None]] = app.state.route_dialects
    for route, dialect in routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return dialect
        if match == Match.PARTIAL and partial is None:
            partial = dialect
    return partial


class GuardMiddleware:
    """Tags each request with its dialect, enforces the body-size limit, and turns unexpected errors into 500s.

    Bodies are read (up to the limit) before the app sees them: a Content-Length over the limit, or a streamed
    body growing past it, is answered 413 in the dialect's shape without reaching a route.
    """

    def __init__(self, app: ASGIApp, *, fastapi_app: FastAPI, max_body_bytes: int) -> None:
        self.app = app
        self.fastapi_app = fastapi_app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})
        owner = _route_dialect(self.fastapi_app, scope) or path_dialect(scope.get("path", ""))
        scope["state"]["dialect"] = owner or scope["state"].get("dialect")
        started = False
        token = notices.begin()

        async def send_wrapper(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                found = notices.collected()
                if found:  # parameters accepted but not honoured (docs/dialect-policy.md)
                    message = _with_warnings(message, found)
            await send(message)

        try:
            receive = await self._limited_body(scope, receive)
        except ArtboardError as too_large:
            await self._respond(scope, receive, send, too_large)
            notices.end(token)
            return
        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                internal = ArtboardError("internal server error; the details are in the server log")
                await self._respond(scope, receive, send, internal)
        finally:
            notices.end(token)

    async def _limited_body(self, scope: Scope, receive: Receive) -> Receive:
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE") and not _content_length(scope):
            return receive
        limit = self.max_body_bytes
        length = _content_length(scope)
        if length is not None and length > limit:
            raise PayloadTooLarge(f"request body of {length} bytes is over the limit", allowed=f"≤ {limit} bytes")
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                buffered: list[Message] = [message]
                break
            body = message.get("body", b"")
            total += len(body)
            if total > limit:
                raise PayloadTooLarge(f"request body is over the limit of {limit} bytes", allowed=f"≤ {limit} bytes")
            chunks.append(body)
            if not message.get("more_body", False):
                buffered = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]
                break

        async def replay() -> Message:
            if buffered:
                return buffered.pop(0)
            return await receive()

        return replay

    async def _respond(self, scope: Scope, receive: Receive, send: Send, error: ArtboardError) -> None:
        request = Request(scope, receive)
        response = dialect_errors.render(error, request)
        if isinstance(error, PayloadTooLarge):
            response.headers["Connection"] = "close"
        await response(scope, receive, send)


def _with_warnings(message: Message, found: list[str]) -> Message:
    """The response start with `found` appended to its X-Artboard-Warnings header (image warnings first)."""
    name = HEADER.lower().encode()
    headers = [(k, v) for k, v in message.get("headers", ())]
    existing = [v.decode("latin-1") for k, v in headers if k.lower() == name]
    value = "; ".join([*existing, encode(found)])
    headers = [(k, v) for k, v in headers if k.lower() != name] + [(name, value.encode("latin-1", "replace"))]
    return {**message, "headers": headers}


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class MethodNotAllowed(InvalidParameter):
    status = 405
    code = "method_not_allowed"


def _http_error(exc: StarletteHTTPException) -> ArtboardError:
    message = str(exc.detail) if exc.detail else "error"
    if exc.status_code == 404:
        return NotFound("no such route" if message == "Not Found" else message)
    if exc.status_code == 413:
        return PayloadTooLarge(message)
    if exc.status_code == 405:
        return MethodNotAllowed(message, param="method")
    if 400 <= exc.status_code < 500:
        return InvalidParameter(message)
    return ArtboardError(message)


def _install_handlers(app: FastAPI) -> None:
    async def artboard_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ArtboardError)
        return dialect_errors.render(exc, request)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return dialect_errors.render(dialect_errors.from_validation(exc), request)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        response = dialect_errors.render(_http_error(exc), request)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def storage_error(request: Request, exc: Exception) -> Response:
        # The database or disk failing outside Service._db (key checks, dialect lookups): a short 503, logged
        # once per interval, instead of a 500 with a traceback per request.
        outage = as_outage(exc)
        if outage is None:
            log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
            internal = ArtboardError("internal server error; the details are in the server log")
            return dialect_errors.render(internal, request)
        service = cast(Service, request.app.state.service)
        service.outages.failed(outage.message, str(exc).splitlines()[0][:200] if str(exc) else "")
        return dialect_errors.render(outage, request)

    async def too_deep(request: Request, exc: Exception) -> Response:
        # json.loads (and pydantic after it) recurse per nesting level: a body of 100,000 '[' is the client's
        # error, not a 500.
        error = InvalidParameter(
            "the request body is nested too deeply", param="body", allowed="JSON a few hundred levels deep at most"
        )
        return dialect_errors.render(error, request)

    app.add_exception_handler(ArtboardError, artboard_error)
    app.add_exception_handler(RecursionError, too_deep)
    app.add_exception_handler(SQLAlchemyError, storage_error)
    app.add_exception_handler(OSError, storage_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


def _include(app: FastAPI, module_name: str, dialect: str | None, *, prefix: str = "") -> None:
    """Mount `module_name.router`, remembering which dialect owns its routes (for error shapes).

    With `prefix` (a dialect's own base URL) the module's `own_router` comes first — routes that at the shared
    root belong to another dialect or answer for two — and nothing is added to the OpenAPI document again.
    """
    module = importlib.import_module(module_name)
    before = len(app.router.routes)
    if prefix:
        own = getattr(module, "own_router", None)
        if own is not None:
            app.include_router(own, prefix=prefix, include_in_schema=False)
        app.include_router(module.router, prefix=prefix, include_in_schema=False)
    else:
        app.include_router(module.router)
    added: list[BaseRoute] = app.router.routes[before:]
    app.state.route_dialects.extend((route, dialect) for route in added)


def create_app(settings: Settings | None = None, *, service: Service | None = None) -> FastAPI:
    """The application; `service` defaults to a new Service built from `settings` (started by the lifespan)."""
    settings = settings or Settings()
    logger = logging.getLogger("artboard")
    logger.setLevel(settings.log_level.upper())
    if not logger.handlers and not logging.getLogger().handlers:
        # uvicorn configures only its own loggers: without a handler, Python shows WARNING and above, and every
        # INFO line (accepted-but-ignored parameters, the startup line) was lost at the default level.
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    svc = service if service is not None else Service(settings.to_service_config())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        await svc.start()
        log.info(
            "artboard %s serving at %s (auth %s)",
            __version__,
            settings.public_base_url,
            "on" if settings.auth_enabled else "off",
        )
        try:
            yield {}
        finally:
            await svc.stop()

    app = FastAPI(
        title="artboard",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "openrouter", "description": "OpenRouter-compatible image generation"},
            {"name": "service", "description": "Health, jobs, quotes, account and signed files"},
        ],
    )
    app.state.settings = settings
    app.state.service = svc
    app.state.rate_limiter = RateLimiter()
    app.state.route_dialects = []

    _install_handlers(app)
    _include(app, "artboard.server.admin", None)
    _include(app, "artboard.server.files", None)
    _include(app, "artboard.server.playground", None)
    _include(app, "artboard.server.shared", None)  # before the dialects: it decides between two of them
    for dialect in DIALECTS:  # the registry (server/dialects.py): routes, own base URL, error shape
        dialect_errors.register_renderer(dialect.name, dialect.render_error())
        _include(app, dialect.router_module, dialect.name)
    for dialect in DIALECTS:
        _include(app, dialect.router_module, dialect.name, prefix=f"/{dialect.name}")
    # Runware's WebSocket transport (the SDKs' default) on the same paths as its HTTP endpoint.
    _include(app, "artboard.server.runware.socket", "runware")
    _include(app, "artboard.server.runware.socket", "runware", prefix="/runware")

    app.add_middleware(GuardMiddleware, fastapi_app=app, max_body_bytes=settings.max_body_bytes)
    if settings.cors_origins:  # outermost, so error responses carry the CORS headers too
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["Retry-After", "ETag"],
        )
    return app


def __getattr__(name: str) -> Any:
    """`uvicorn artboard.server.app:app` builds the app from the environment on first access."""
    if name == "app":
        built = create_app()
        globals()["app"] = built
        return built
    raise AttributeError(name)
