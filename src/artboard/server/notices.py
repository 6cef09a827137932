"""Request-level warnings: a parameter was accepted but cannot be honoured (docs/dialect-policy.md).

    warn_param("openrouter", "quality 'high' is ignored: the design engine has one quality")

Each notice is logged at INFO (with the dialect) and collected for the request being answered; the guard middleware
(server/app.py) adds them to the response's `X-Artboard-Warnings` header (docs/warnings.md), after any image
warnings. Outside a request (a conversion running in the input-decoding process) only the log line is written.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar, Token

log = logging.getLogger("artboard.server.params")

_NOTICES: ContextVar[list[str] | None] = ContextVar("artboard_notices", default=None)


def begin() -> Token[list[str] | None]:
    """Start collecting for one request (the middleware calls this)."""
    return _NOTICES.set([])


def end(token: Token[list[str] | None]) -> None:
    _NOTICES.reset(token)


def collected() -> list[str]:
    return list(_NOTICES.get() or ())


def warn_param(dialect: str, text: str) -> None:
    """Note that a parameter was accepted without effect: an INFO log line and a response warning."""
    notices = _NOTICES.get()
    if notices is not None:
        if text in notices:
            return
        notices.append(text)
    log.info("%s: %s", dialect, text)


def warn_ignored(dialect: str, fields: list[str] | set[str], why: str = "not supported here") -> None:
    """One notice for fields accepted and ignored."""
    if fields:
        names = ", ".join(sorted(fields))
        warn_param(dialect, f"ignored parameter{'s' if len(fields) > 1 else ''} {names}: {why}")
