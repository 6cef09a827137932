"""Jobs survive their server: a crash mid-job (in-process and a real SIGKILL) resumes, charging once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from artboard.jobs.service import Service
from artboard.jobs.store import JobStore
from artboard.jobs.types import Job, JobStatus
from artboard.manifest import read_manifest
from test_jobs_support import ServiceFactory, request_for

pytest_plugins = ["test_jobs_support"]  # the fixtures: db_url (SQLite and PostgreSQL), make_service, fake_backends
pytestmark = pytest.mark.anyio


N = 20
PRICE = 60 * N  # artboard-v1-pro


async def _until_progress(service: Service, job_id: str, *, timeout: float = 120) -> Job:
    """Poll the database (the job may run in another process) until at least one image is done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = await service.get(job_id)
        if job.progress > 0 or job.status.finished:
            return job
        await asyncio.sleep(0.05)
    raise AssertionError(f"job {job_id} made no progress in {timeout}s")


def _check_complete(service: Service, job: Job, key_id: str, initial: int) -> None:
    assert job.status is JobStatus.SUCCEEDED, job.error
    assert job.attempts == 2 and len(job.artifacts) == N and job.progress == 1.0
    seed = job.request["seed"]
    for index, artifact in enumerate(job.artifacts):
        data = service.read_artifact(artifact.key)
        assert read_manifest(data) == artifact.manifest
        assert (artifact.index, artifact.seed, artifact.width) == (index, seed + index, 2048)
        assert artifact.manifest["params"]["n"] == N and artifact.manifest["index"] == index
    assert [(r["delta"], r["reason"]) for r in service.store.ledger(job_id=job.id)] == [(-PRICE, "charge")]
    assert service.keys.balance(key_id) == initial - PRICE


async def test_restart_mid_job_resumes_and_charges_once(make_service: ServiceFactory) -> None:
    crashed = make_service(workers=1, extra={"lease_seconds": 1.5})
    await crashed.start()
    key, _ = crashed.keys.create("k", credits=5000)
    job = await crashed.submit(
        kind="generate", request=request_for(n=N, tier="pro"), model="artboard-v1-pro", dialect="test", key_id=key.id
    )
    await _until_progress(crashed, job.id)
    await crashed.stop(requeue=False)  # a crash: the row stays running, nobody renews its lease
    interrupted = await crashed.get(job.id)
    assert interrupted.status is JobStatus.RUNNING and 0 < interrupted.progress < 1

    revived = make_service(workers=1, extra={"lease_seconds": 1.5})
    await revived.start()
    done = await revived.wait(job.id, timeout=180)
    _check_complete(revived, done, key.id, 5000)


async def test_graceful_stop_requeues_at_once(make_service: ServiceFactory, fake_backends: dict[str, Any]) -> None:
    first = make_service(workers=1)
    await first.start()
    job = await first.submit(
        kind="generate", request=request_for(n=4, backend="slow-test"), model="artboard-v1", dialect="test"
    )
    await _until_progress(first, job.id)
    await first.stop()
    assert (await first.get(job.id)).status is JobStatus.QUEUED

    second = make_service(workers=1)  # default 30 s lease: a requeued job must not wait for it
    await second.start()
    started = time.monotonic()
    done = await second.wait(job.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED and done.attempts == 2 and len(done.artifacts) == 4
    assert time.monotonic() - started < 20


_CHILD = """
import asyncio, sys
from pathlib import Path
from artboard.jobs.service import Service, ServiceConfig

async def main():
    service = Service(ServiceConfig(database_url=sys.argv[1], data_dir=Path(sys.argv[2]), workers=1,
                                    extra={"poll_interval": 0.05}))
    await service.start()
    print("ready", flush=True)
    await asyncio.Event().wait()

if __name__ == "__main__":
    asyncio.run(main())
"""


async def test_sigkill_mid_job_resumes_on_the_next_start(
    make_service: ServiceFactory, db_url: str, tmp_path: Path
) -> None:
    """A real crash: the server process (and its engine worker process) is SIGKILLed while rendering."""
    front = make_service(workers=0)  # the API side only: submits, runs nothing
    key, _ = front.keys.create("k", credits=5000)
    script = tmp_path / "child_server.py"
    script.write_text(_CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script), db_url, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the kill takes its pool processes too
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        request = request_for(n=N, tier="pro")
        job = await front.submit(kind="generate", request=request, model="artboard-v1-pro", dialect="t", key_id=key.id)
        running = await _until_progress(front, job.id)
        assert running.status is JobStatus.RUNNING
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)

    stored = JobStore(db_url)
    row = stored.get(job.id)
    stored.dispose()
    assert row is not None and row.status is JobStatus.RUNNING and row.progress < 1

    revived = make_service(workers=1)  # default 30 s lease: the dead pid on this host is noticed at once
    await revived.start()
    resumed = await revived.get(job.id)
    assert resumed.status is JobStatus.QUEUED or resumed.attempts == 2  # requeued by start(), not by lease expiry
    done = await revived.wait(job.id, timeout=180)
    _check_complete(revived, done, key.id, 5000)


async def test_a_job_that_keeps_killing_its_worker_fails_and_is_refunded(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    key, _ = service.keys.create("k", credits=100)
    job = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="t", key_id=key.id)
    dead_worker = f"{socket.gethostname()}|999999|gone"
    store = service.store
    assert store.claim(dead_worker, 30) is not None
    assert store.recover(max_attempts=2, dead=lambda claimed: claimed == dead_worker) == ([job.id], [])
    assert store.claim(dead_worker, 30) is not None
    assert store.recover(max_attempts=2, dead=lambda claimed: claimed == dead_worker) == ([], [job.id])
    failed = await service.get(job.id)
    assert failed.status is JobStatus.FAILED and failed.error is not None and failed.error.code == "internal_error"
    assert service.keys.balance(key.id) == 100
    # A live lease is left alone.
    other = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="t")
    assert store.claim("someone|1|alive", 30) is not None
    assert store.recover(max_attempts=2, dead=lambda claimed: False) == ([], [])
    assert (await service.get(other.id)).status is JobStatus.RUNNING
