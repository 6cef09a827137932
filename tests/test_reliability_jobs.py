"""Reliability defects of issue #11 in the job system, on SQLite and PostgreSQL (fixtures from test_jobs_support)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from artboard.jobs.snapshots import FinishedJobs
from artboard.jobs.types import JobStatus
from test_jobs_support import ServiceFactory, request_for

pytest_plugins = ["test_jobs_support"]
pytestmark = pytest.mark.anyio


def _noise_png(side: int = 600) -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, format="PNG")
    return buffer.getvalue()


async def test_finished_jobs_keep_no_input_bytes_in_memory(make_service: ServiceFactory) -> None:
    service = make_service()
    await service.start()
    data = _noise_png()
    request = request_for("a poster in the style of this photo", image=data)
    assert len(request["image"]["data"]) > len(data)  # the stored request carries the input (base64)
    job = await service.submit(kind="generate", request=request, model="artboard-v1", dialect="test")
    done = await service.wait(job, timeout=120)
    assert done.status is JobStatus.SUCCEEDED, done.error
    # The answer came from the in-memory cache of final snapshots: it must not hold the input image.
    assert "data" not in done.request["image"] and done.request["image"]["sha256"]
    stored = await service.get(job.id)  # the database row still has it (a re-run needs it)
    assert stored.request["image"]["data"] == request["image"]["data"]


async def test_a_final_row_read_back_from_the_database_is_answered_without_input_bytes() -> None:
    """The path CI hit: the job finished in a window where no notification woke the waiter, so wait() read the row."""
    from artboard.jobs.tables import utcnow
    from artboard.jobs.types import Delivery, Job
    from artboard.jobs.waiting import Waiters

    now = utcnow()
    image = {"data": "aGVsbG8=" * 1000, "sha256": "ab" * 32, "width": 8, "height": 8}
    running = Job(
        id="j", kind="generate", status=JobStatus.RUNNING, key_id=None, model="m", dialect="d",
        request={"prompt": "p", "image": image}, meta={}, credits=1, cost_usd=0.0, idempotency_key=None,
        delivery=Delivery(), artifacts=(), progress=0.5, attempts=1, created_at=now, updated_at=now,
    )  # fmt: skip
    from dataclasses import replace

    done = replace(running, status=JobStatus.SUCCEEDED, progress=1.0)

    async def read(job_id: str) -> Job:
        return done

    async def status(job_id: str) -> JobStatus:
        return JobStatus.SUCCEEDED

    async def stamp(job_id: str) -> None:
        return None

    waiters = Waiters(read=read, status=status, stamp=stamp, poll_interval=0.01, snapshots=FinishedJobs())
    for answer in (await waiters.wait(running, timeout=5), await waiters.wait("j", timeout=5)):
        assert answer.status is JobStatus.SUCCEEDED
        assert "data" not in answer.request["image"] and answer.request["image"]["sha256"] == image["sha256"]
    timed_out = await waiters.wait(running, timeout=0)  # the deadline path reads the row too
    assert "data" not in timed_out.request["image"]


def test_finished_cache_is_bounded_by_bytes() -> None:
    from dataclasses import replace

    from artboard.jobs.tables import utcnow
    from artboard.jobs.types import Delivery, Job

    now = utcnow()
    base = Job(
        id="x", kind="generate", status=JobStatus.SUCCEEDED, key_id=None, model="m", dialect="d",
        request={"prompt": "p" * 100_000}, meta={}, credits=1, cost_usd=0.0, idempotency_key=None,
        delivery=Delivery(), artifacts=(), progress=1.0, attempts=1, created_at=now, updated_at=now,
    )  # fmt: skip
    cache = FinishedJobs(max_jobs=1000, max_bytes=1_000_000)
    for index in range(50):
        cache.put(replace(base, id=str(index)))
    assert cache.bytes <= 1_000_000 and 5 <= len(cache) <= 10
    assert cache.get("49") is not None and cache.get("0") is None


async def test_input_checks_run_in_their_own_process_and_keep_error_details() -> None:
    import time

    from artboard.errors import BackendUnavailable, InvalidParameter
    from artboard.imageio import load_image
    from artboard.jobs.offload import Offload

    offload = Offload(workers=1, max_pending=1)
    try:
        assert await offload.run(os.getpid) != os.getpid()  # not this process: its GIL stays free
        with pytest.raises(InvalidParameter) as info:
            await offload.run(load_image, b"not an image at all", param="seedImage")
        assert info.value.param == "seedImage" and info.value.allowed  # rebuilt with its details
        import asyncio

        slow = asyncio.ensure_future(offload.run(time.sleep, 0.5))
        await asyncio.sleep(0)  # the first call is now pending
        with pytest.raises(BackendUnavailable):  # bounded: no queue growing without end
            await offload.run(os.getpid)
        await slow
        assert offload.pending == 0
    finally:
        offload.close()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (Linux, root): a real full disk. Skipped where mounting is not allowed."""
    import shutil
    import subprocess

    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + mounted.stderr.decode(errors="replace")[:200])
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


async def test_a_full_disk_fails_the_job_as_unavailable_and_refunds(
    make_service: ServiceFactory, tiny_disk: Path
) -> None:
    service = make_service(data_dir=tiny_disk / "data", extra={"min_free_bytes": 0})
    await service.start()
    key, _ = service.keys.create("full", credits=100)
    free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
    (tiny_disk / "filler").write_bytes(b"\0" * max(0, free - 4096))  # leave less than one image
    job = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="test",
                               key_id=key.id)  # fmt: skip
    done = await service.wait(job, timeout=120)
    assert done.status is JobStatus.FAILED and done.error is not None
    assert done.error.status == 503 and "full" in done.error.message, done.error
    assert service.keys.balance(key.id) == 100  # refunded
