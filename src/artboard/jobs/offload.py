"""Input decoding off the API process: a small process pool for CPU work done before a job exists.

Checking an input image (decoding a raster, sanitising and rasterising an SVG) is CPU work that holds the GIL for
seconds on a large input. Run in the API process's threads, eight 7 MB SVGs made an unrelated generation take
24.8 s instead of 0.23 s and `/health` 6.2 s. Here it runs in its own processes (one by default), at most
`max_pending` calls waiting: beyond that the caller gets 503 at once rather than a queue that grows without end.

    result = await offload.run(to_spec, req, image=data)   # fn and arguments must be picklable, fn importable

ArtboardErrors raised by `fn` come back as the same class with the same param/allowed/details (they take
keyword arguments, so plain pickling would lose them). With `inline=True` (tests) calls run in a thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from artboard.errors import ArtboardError, BackendUnavailable

log = logging.getLogger(__name__)

T = TypeVar("T")


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    try:
        return "ok", fn(*args, **kwargs)
    except ArtboardError as exc:
        return "error", (type(exc), exc.message, exc.param, exc.allowed, exc.details)


def _rebuild(value: tuple[type[ArtboardError], str, str | None, Any, dict[str, Any]]) -> ArtboardError:
    cls, message, param, allowed, details = value
    try:
        return cls(message, param=param, allowed=allowed, details=details)
    except TypeError:  # a subclass with its own constructor: keep the status and code, lose nothing visible
        error = ArtboardError(message, param=param, allowed=allowed, details=details)
        error.__class__ = cls
        return error


def _init(parent_pid: int) -> None:
    from artboard.jobs.worker import _exit_with_parent

    _exit_with_parent(parent_pid)  # a kill -9 of the server must not leave this process behind either
    import artboard.imageio  # paid at start, not by the first request
    import artboard.spec  # noqa: F401


def _ready() -> bool:
    return True


class Offload:
    """See the module docstring. `start()` in the event loop, `close()` on shutdown."""

    def __init__(self, *, workers: int = 1, max_pending: int = 16, inline: bool = False) -> None:
        self.workers = max(1, workers)
        self.max_pending = max(1, max_pending)
        self.inline = inline
        self._executor: concurrent.futures.Executor | None = None
        self._pending = 0

    def start(self) -> None:
        if self._executor is None:
            self._executor = self._new()
            if not self.inline:
                for _ in range(self.workers):
                    self._executor.submit(_ready)  # spawn now, so the first image does not wait for it

    def _new(self) -> concurrent.futures.Executor:
        if self.inline:
            return concurrent.futures.ThreadPoolExecutor(self.workers, thread_name_prefix="artboard-decode")
        return concurrent.futures.ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init, initargs=(os.getpid(),)
        )

    @property
    def pending(self) -> int:
        return self._pending

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._pending >= self.max_pending:
            raise BackendUnavailable(
                f"{self._pending} input images are being checked already; retry in a moment",
                details={"max_pending": self.max_pending},
            )
        self.start()
        assert self._executor is not None
        self._pending += 1
        try:
            kind, value = await asyncio.wrap_future(self._executor.submit(_call, fn, args, kwargs))
        except BrokenProcessPool:
            # The decoder died (out of memory on a hostile input, killed): replace it for the next request.
            log.error("the input decoding process died; starting a new one")
            broken, self._executor = self._executor, None
            if broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)
            raise BackendUnavailable("checking the input image failed; retry in a moment") from None
        finally:
            self._pending -= 1
        if kind == "error":
            raise _rebuild(value)
        result: T = value
        return result

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
