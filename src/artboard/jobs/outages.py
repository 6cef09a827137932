"""Storage outages (the database gone, the disk full) as short 503s instead of 500s with a traceback each.

A dropped or unreachable database used to answer every job request with a 500 and log a full traceback per
request (47.7 MB of log in 30 s) while /health said ready. `as_outage` turns the exceptions that mean "storage
is not usable now" into `StorageUnavailable` with a one-line reason; `OutageLog` says so once per interval.
"""

from __future__ import annotations

import errno
import logging
import shutil
import threading
import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from artboard.errors import StorageUnavailable

log = logging.getLogger("artboard.outages")

DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
_MISSING_TABLE = ("no such table", "does not exist", "undefinedtable")


def as_outage(exc: BaseException) -> StorageUnavailable | None:
    """The 503 that `exc` stands for, or None when it is not a storage outage."""
    if isinstance(exc, StorageUnavailable):
        return exc
    if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
        return StorageUnavailable(f"storage is full or read-only ({errno.errorcode.get(exc.errno or 0, 'OSError')})")
    if isinstance(exc, SQLAlchemyError):
        text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
        if "disk is full" in text or "no space left" in text:
            return StorageUnavailable("the database's disk is full")
        if any(marker in text for marker in _MISSING_TABLE):
            return StorageUnavailable("the job database is missing its tables")
        if isinstance(exc, DBAPIError) and not _is_programming_error(exc):
            return StorageUnavailable("the job database is unavailable")
    return None


def _is_programming_error(exc: DBAPIError) -> bool:
    """Our own SQL mistakes (and constraint violations) stay 500s: they are bugs, not outages."""
    from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError

    return isinstance(exc, (IntegrityError, ProgrammingError, DataError))


def missing_tables(exc: BaseException) -> bool:
    """True when the database answers but its tables are gone (recreating them recovers)."""
    text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
    return isinstance(exc, SQLAlchemyError) and any(marker in text for marker in _MISSING_TABLE)


class OutageLog:
    """One warning per `interval` seconds per reason, and a line when it is over (not a traceback per request)."""

    def __init__(self, interval: float = 30.0) -> None:
        self.interval = interval
        self._last: dict[str, float] = {}
        self._suppressed: dict[str, int] = {}
        self._lock = threading.Lock()

    def failed(self, reason: str, detail: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            last = self._last.get(reason)
            if last is not None and now - last < self.interval:
                self._suppressed[reason] = self._suppressed.get(reason, 0) + 1
                return
            self._last[reason] = now
            skipped = self._suppressed.pop(reason, 0)
        more = f" ({skipped} more since the last report)" if skipped else ""
        log.warning("storage outage: %s%s%s", reason, f": {detail}" if detail else "", more)

    def recovered(self) -> None:
        with self._lock:
            if not self._last:
                return
            self._last.clear()
            self._suppressed.clear()
        log.warning("storage outage over: the database and disk answer again")


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0
