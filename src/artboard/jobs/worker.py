"""The worker side: what runs inside the engine pool (a process pool by default, threads for tests).

The dispatcher sends one image at a time (`render_image(request_json, index)`), so progress, cancellation and
lease renewal happen between images in the server process, and the child needs no database or IPC channel.
Each image is rendered exactly as `engine.run(spec, provider=…)` renders result `index` (the same routing plan,
seed and manifest: `render_image` is one turn of run()'s loop), so a job's images are byte-identical to the
Python API's for the same spec — test_jobs checks that, so a change to run() that this misses shows up there.

Everything crossing the process boundary is plain picklable data: the request as JSON text (bytes are base64
inside it), and a `RenderedImage` or a `JobFailed` carrying a `JobError` back (ArtboardError subclasses take
keyword arguments and would not survive pickling intact).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import logging
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from artboard.errors import ArtboardError
from artboard.jobs.types import JobError

log = logging.getLogger(__name__)

_CACHE_SIZE = 4


@dataclass(frozen=True)
class RenderedImage:
    """One finished image, as it comes back from the pool."""

    data: bytes = field(repr=False)
    media_type: str
    format: str
    width: int
    height: int
    seed: int
    manifest: dict[str, Any] = field(repr=False)
    nsfw: bool = False


class JobFailed(Exception):
    """A job failed for a reason the client should see (picklable: the only argument is the JobError)."""

    def __init__(self, error: JobError) -> None:
        super().__init__(error)
        self.error = error


def error_from(exc: BaseException) -> JobError:
    """The JobError for an exception: ArtboardErrors keep code/status/param; anything else is internal."""
    if isinstance(exc, JobFailed):
        return exc.error
    if isinstance(exc, ArtboardError):
        return JobError(code=exc.code, message=exc.describe(), status=exc.status, param=exc.param)
    # No internal details in the client-visible message; the traceback goes to the log.
    return JobError(code="internal_error", message=f"internal error ({type(exc).__name__})", status=500)


_lock = threading.Lock()
_prepared: OrderedDict[str, tuple[Any, Any, dict[str, Any] | None]] = OrderedDict()


def _prepare(request_json: str, provider: dict[str, Any] | None) -> tuple[Any, Any, dict[str, Any] | None]:
    """(spec, routing plan, input safety report), cached so the n images of a job parse, plan and check once.

    These are the steps `engine.run` takes before its loop; render_image is one turn of that loop.
    """
    from artboard import engine, routing
    from artboard.spec import GenerationSpec, pydantic_to_invalid

    digest = hashlib.sha256(f"{request_json}\n{provider!r}".encode()).hexdigest()
    with _lock:
        if digest in _prepared:
            _prepared.move_to_end(digest)
            return _prepared[digest]
    try:
        spec = GenerationSpec.model_validate_json(request_json)
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None
    if spec.seed is None:
        raise ArtboardError("job request has no resolved seed")
    plan = routing.plan(spec, provider)
    # engine.run's own input check, so a flagged input image fails the job exactly as it fails run().
    prepared = (spec, plan, engine.check_input(spec))
    with _lock:
        _prepared[digest] = prepared
        while len(_prepared) > _CACHE_SIZE:
            _prepared.popitem(last=False)
    return prepared


def _rendered(artifact: Any) -> RenderedImage:
    safety = artifact.manifest.get("safety") or {}
    return RenderedImage(
        data=artifact.data,
        media_type=artifact.media_type,
        format=artifact.format,
        width=artifact.width,
        height=artifact.height,
        seed=artifact.seed,
        manifest=artifact.manifest,
        nsfw=bool(safety.get("flagged", False)),
    )


@contextlib.contextmanager
def step_signals(signals: tuple[str, str] | None) -> Iterator[None]:
    """Per-step progress and cancellation for backends that take steps (diffusers), across the process boundary.

    `signals` = (progress file, cancel file): each step writes "step/total" to the first; the step loop stops with
    `Cancelled` as soon as the second exists (the dispatcher creates it when the job is cancelled).
    """
    if signals is None:
        yield
        return
    from artboard.backends.diffusion import step_hooks

    progress_path, cancel_path = signals

    def progress(step: int, total: int) -> None:
        tmp = f"{progress_path}.{os.getpid()}"
        with open(tmp, "w", encoding="ascii") as fh:
            fh.write(f"{step}/{total}")
        os.replace(tmp, progress_path)

    with step_hooks(progress=progress, cancel=lambda: os.path.exists(cancel_path)):
        yield


def render_image(
    request_json: str,
    index: int,
    provider: dict[str, Any] | None = None,
    signals: tuple[str, str] | None = None,
) -> RenderedImage:
    """Result `index` of a generate job, identical to `engine.run(spec, provider=provider)[index]`."""
    from artboard import engine

    try:
        spec, plan, input_safety = _prepare(request_json, provider)
        seed = spec.seeds()[index]
        with step_signals(signals):
            artifact = engine.render_one(spec, plan, index=index, seed=seed, input_safety=input_safety)
        return _rendered(artifact)
    except ArtboardError as exc:
        raise JobFailed(error_from(exc)) from None
    except Exception as exc:
        log.exception("generate job image %d failed", index)
        raise JobFailed(error_from(exc)) from None


def render_vectorize(request_json: str) -> RenderedImage:
    """The SVG of a vectorize job (`artboard.api.vectorize` with the request's options)."""
    from artboard.api import vectorize
    from artboard.jobs.requests import VectorizeRequest

    try:
        request = VectorizeRequest.model_validate_json(request_json)
        artifact = vectorize(
            request.image.data,
            palette=list(request.palette) if request.palette else None,
            max_shapes=request.max_shapes,
            speckle=request.speckle,
            mode=request.mode,
        )
        return _rendered(artifact)
    except ValidationError as exc:
        from artboard.spec import pydantic_to_invalid

        raise JobFailed(error_from(pydantic_to_invalid(exc))) from None
    except ArtboardError as exc:
        raise JobFailed(error_from(exc)) from None
    except Exception as exc:
        log.exception("vectorize job failed")
        raise JobFailed(error_from(exc)) from None


def job_images(kind: str, request: dict[str, Any]) -> int:
    """How many images a job of `kind` renders (one call of render_image / render_edit each)."""
    if kind == "generate":
        return int(request.get("n", 1))
    if kind == "edit" and request.get("operation") == "variate_image":
        return int(request.get("n", 1))
    return 1


def render_edit(request_json: str, index: int) -> RenderedImage:
    """Result `index` of an image-tool job (`artboard.edit.run_edit`, the Python API's own path)."""
    from artboard.edit.request import EditRequest, run_edit

    try:
        return _rendered(run_edit(EditRequest.model_validate_json(request_json), index))
    except ValidationError as exc:
        from artboard.spec import pydantic_to_invalid

        raise JobFailed(error_from(pydantic_to_invalid(exc))) from None
    except ArtboardError as exc:
        raise JobFailed(error_from(exc)) from None
    except Exception as exc:
        log.exception("edit job image %d failed", index)
        raise JobFailed(error_from(exc)) from None


def warm_up() -> bool:
    """Load fonts, the embedding model and the safety classifier once, so a worker's first job is not slow."""
    from artboard import engine
    from artboard.spec import make_spec

    try:
        engine.run(make_spec("warm-up badge", seed=0))
    except Exception:  # a broken warm-up shows up again, properly reported, in the first real job
        log.warning("worker warm-up failed", exc_info=True)
        return False
    return True


def _exit_with_parent(parent_pid: int, interval: float = 0.5) -> None:
    """End this worker when `parent_pid` stops being its parent (the server was killed, even with SIGKILL).

    A killed parent runs no cleanup, so nothing tells the pool's processes to stop: left alone they live on as
    orphans (~250 MB each). Linux's PR_SET_PDEATHSIG is tied to the *thread* that spawned the child, which is
    not always alive as long as the server, so a daemon thread watching for reparenting is used everywhere.
    """

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent_pid:
                os._exit(0)  # no cleanup: the parent that would collect results is gone

    if os.getppid() != parent_pid:  # already orphaned between spawn and here
        os._exit(0)
    threading.Thread(target=watch, name="artboard-parent-watch", daemon=True).start()


def _init_process(parent_pid: int | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s artboard-worker %(levelname)s %(message)s")
    # With `forkserver` the parent is the fork server, which exits when the server dies; so watch whoever is
    # the parent now (the server itself for `spawn`).
    _exit_with_parent(parent_pid if parent_pid is not None else os.getppid())
    import artboard.engine  # noqa: F401  (import cost paid at spawn, not in the first job)


def make_executor(workers: int, *, inline: bool, start_method: str = "spawn") -> concurrent.futures.Executor:
    """The engine pool: processes (`spawn` by default, safe next to the server's threads) or, inline, threads.

    Inline threads share the server process, which tests use to register throwaway backends in the registry.
    """
    if inline:
        return concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="artboard-job")
    context = multiprocessing.get_context(start_method)
    # spawn: the worker's parent is this process; forkserver: the fork server, which outlives nothing of ours.
    parent = None if start_method == "forkserver" else os.getpid()
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_process, initargs=(parent,)
    )
