"""The one exception hierarchy of artboard.

Every surface (Python API, CLI, each HTTP dialect) renders these in its own shape, in one place each.

    ArtboardError                 status 500  code "internal_error"
    ├── InvalidParameter          status 400  code "invalid_parameter"    (param + allowed values)
    │   └── PayloadTooLarge       status 413  code "payload_too_large"
    ├── Unauthorized              status 401  code "unauthorized"
    ├── InsufficientCredits       status 402  code "insufficient_credits"
    ├── ContentBlocked            status 403  code "content_policy_violation"
    ├── Conflict                  status 409  code "conflict"
    ├── RateLimited               status 429  code "rate_limited"          (retry_after seconds)
    ├── NotFound                  status 404  code "not_found"
    ├── BackendUnavailable        status 503  code "backend_unavailable"
    │   └── MissingDependency     status 503  code "missing_dependency"  (e.g. artboard[diffusers])
    ├── BackendError              status 502  code "backend_error"
    └── Cancelled                 status 499  code "cancelled"
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar


class ArtboardError(Exception):
    """Base of every error artboard raises on purpose."""

    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def __init__(
        self,
        message: str,
        *,
        param: str | None = None,
        allowed: Iterable[Any] | str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self.message = message
        self.param = param
        if allowed is None or isinstance(allowed, str):
            self.allowed: list[Any] | str | None = allowed
        else:
            self.allowed = list(allowed)
        self.details = details or {}
        super().__init__(self.describe())

    def describe(self) -> str:
        """The full human message: what is wrong, with which parameter, and what is allowed."""
        text = self.message
        if self.param and self.param not in text:
            text = f"{self.param}: {text}"
        if self.allowed is not None and "allowed" not in text:
            shown = self.allowed if isinstance(self.allowed, str) else ", ".join(map(str, self.allowed))
            text = f"{text} (allowed: {shown})"
        return text

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.describe(), "status": self.status}
        if self.param:
            body["param"] = self.param
        if self.allowed is not None:
            body["allowed"] = self.allowed
        if self.details:
            body["details"] = self.details
        return body


class InvalidParameter(ArtboardError):
    """A request value or combination of values is not allowed."""

    status = 400
    code = "invalid_parameter"


class PayloadTooLarge(InvalidParameter):
    """An input (image, body) is over its size limit."""

    status = 413
    code = "payload_too_large"


class ContentBlocked(ArtboardError):
    """The safety checker flagged an input or an output and blocking is on."""

    status = 403
    code = "content_policy_violation"


class NotFound(ArtboardError):
    status = 404
    code = "not_found"


class BackendUnavailable(ArtboardError):
    """A backend cannot take the request now (not installed, no weights, overloaded)."""

    status = 503
    code = "backend_unavailable"


class StorageUnavailable(ArtboardError):
    """The job database or the output disk cannot be used now (unreachable, dropped, full); retry later."""

    status = 503
    code = "service_unavailable"


class BackendError(ArtboardError):
    """A backend failed while generating."""

    status = 502
    code = "backend_error"


class MissingDependency(BackendUnavailable):
    """An optional extra is needed, e.g. artboard[diffusers]."""

    code = "missing_dependency"


class Cancelled(ArtboardError):
    status = 499
    code = "cancelled"


class Unauthorized(ArtboardError):
    """Missing, unknown or revoked API key."""

    status = 401
    code = "unauthorized"


class InsufficientCredits(ArtboardError):
    """The key's credit balance does not cover the request's price."""

    status = 402
    code = "insufficient_credits"


class Conflict(ArtboardError):
    """The request contradicts the current state (e.g. cancelling a finished job, reusing an idempotency key)."""

    status = 409
    code = "conflict"


class RateLimited(ArtboardError):
    """Too many requests for this key; retry after `retry_after` seconds."""

    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)
