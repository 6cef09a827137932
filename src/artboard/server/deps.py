"""FastAPI dependencies shared by every dialect: the service, the settings, authentication and the rate limit.

    @router.post("/thing")
    async def thing(request: Request, key: ApiKey | None = Depends(require_key("openrouter"))) -> …

Dialects whose key can arrive in the body (Runware's `authentication` task) call `authenticate(request, dialect,
api_key=…)` themselves. With auth off every call is anonymous (`None`) and no rate limit applies.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

from fastapi import Request

from artboard.errors import RateLimited, Unauthorized
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey
from artboard.server.settings import Settings


def get_service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


async def resolve(value: Any) -> Any:
    """`value`, awaited when it is awaitable (the service may answer sync or async)."""
    return await value if inspect.isawaitable(value) else value


class RateLimiter:
    """Per-key token buckets in memory: `per_minute` tokens, refilled continuously, bursts up to `per_minute`."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, last update)

    def check(self, key_id: str, per_minute: int, *, cost: int = 1) -> None:
        """Take `cost` tokens for `key_id` (all or none), or raise RateLimited with the seconds until there are.

        A request that starts several jobs (a Runware task array) costs one token per job: counting it as one
        request let a 5/minute key start 100 jobs at once.
        """
        if per_minute <= 0:
            return
        now = self.clock()
        rate = per_minute / 60.0
        tokens, last = self._buckets.get(key_id, (float(per_minute), now))
        tokens = min(float(per_minute), tokens + (now - last) * rate)
        if cost > per_minute:
            raise RateLimited(
                f"this request starts {cost} jobs, more than the key's limit of {per_minute} per minute",
                retry_after=60.0,
                details={"limit_per_minute": per_minute, "jobs": cost},
            )
        if tokens < cost:
            self._buckets[key_id] = (tokens, now)
            retry_after = (cost - tokens) / rate
            raise RateLimited(
                f"rate limit of {per_minute} requests per minute exceeded; retry in {math.ceil(retry_after)} s",
                retry_after=retry_after,
                details={"limit_per_minute": per_minute},
            )
        self._buckets[key_id] = (tokens - cost, now)
        if len(self._buckets) > self.max_keys:
            self._prune(now)

    def _prune(self, now: float) -> None:
        stale = [k for k, (_, last) in self._buckets.items() if now - last > 120.0]
        for key in stale:
            del self._buckets[key]

    def reset(self) -> None:
        self._buckets.clear()


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return request.headers.get("x-api-key") or None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if not token and scheme:  # a bare key in the Authorization header
        return scheme
    return None


async def authenticate(request: Request, dialect: str, *, api_key: str | None = None, cost: int = 1) -> ApiKey | None:
    """The caller's key (Bearer header, X-Api-Key, or `api_key` from the body); None when auth is off.

    Raises Unauthorized (401) for a missing, unknown or revoked key and RateLimited (429) over the key's limit;
    `cost` is how many jobs the request starts (each takes a token of the limit).
    The request is tagged with `dialect` so errors render in that dialect's shape.
    """
    request.state.dialect = dialect
    settings = get_settings(request)
    if not settings.auth_enabled:
        return None
    secret = api_key or bearer_token(request)
    if not secret:
        raise Unauthorized("missing API key: send 'Authorization: Bearer <key>'")
    service = get_service(request)
    # KeyStore.verify is synchronous (one indexed lookup); off the event loop so a remote database cannot stall it.
    key = cast(ApiKey, await asyncio.to_thread(service.keys.verify, secret))
    if key.revoked:
        raise Unauthorized("this API key has been revoked")
    request.state.api_key = key
    limit = key.rate_limit_per_minute if key.rate_limit_per_minute is not None else settings.rate_limit_per_minute
    limiter = cast(RateLimiter, request.app.state.rate_limiter)
    limiter.check(key.id, limit, cost=max(1, cost))
    return key


def require_key(dialect: str) -> Callable[[Request], Awaitable[ApiKey | None]]:
    """A dependency: authenticate with the Bearer header for `dialect` (None when auth is off)."""

    async def dependency(request: Request) -> ApiKey | None:
        return await authenticate(request, dialect)

    dependency.__name__ = f"require_key_{dialect}"
    return dependency


def key_id(key: ApiKey | None) -> str | None:
    return key.id if key is not None else None
