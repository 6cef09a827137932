"""Scale-out benchmark: what the Celery + RabbitMQ path costs per job, how it scales, how fast it recovers.

    python bench/bench_scaleout.py [--jobs 200] [--throughput-jobs 60] [--restarts 3]

Needs PostgreSQL (127.0.0.1:5432, user postgres) and RabbitMQ (127.0.0.1:5672, guest) like the tests; a temporary
database and this run's own queue names are created and removed. Everything stays on loopback.

1. Overhead per job (CPU). The same jobs through the in-process dispatcher and through the broker, with the
   image rendering replaced by a canned result so the plumbing is all that is measured: submit (row + charge),
   publish, Celery's consumer, the claim by id, the watcher, storing the file, complete, and the waiter noticing.
   Both run inside this one process (an in-process Celery worker on the threads pool), so `process_time` covers
   the API and the worker side; RabbitMQ's own CPU (beam.smp, from /proc) is reported next to it. Target ≤ 10 ms.
2. Throughput: N small design-composer jobs (real rendering) through 1 and then 2 `artboard worker` processes
   (`--concurrency 1` each), against the in-process dispatcher with 1 and 2 engine processes.
3. Recovery: a worker is killed with SIGKILL in the middle of a job; the time until the other worker has taken
   the row over (its claim in the database), over `--restarts` trials.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from artboard.jobs import worker as engine_worker
from artboard.jobs.service import Service, ServiceConfig
from artboard.jobs.types import Job, JobStatus
from artboard.spec import make_spec
from scaleout_support import AMQP_URL, delete_queues, start_worker, unique_prefix  # the tests' helpers

PG_ADMIN = os.environ.get("ARTBOARD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SECRET = b"bench-scaleout-secret-0123456789"


@contextlib.contextmanager
def temp_database() -> Iterator[str]:
    import psycopg

    base = PG_ADMIN.rsplit("/", 1)[0]
    name = f"artboard_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN.replace("+psycopg", ""), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{base}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def beam_cpu() -> float | None:
    """CPU seconds used so far by RabbitMQ's Erlang VM (None when it cannot be read)."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        with contextlib.suppress(OSError):
            if Path(f"/proc/{pid}/comm").read_text().strip() == "beam.smp":
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return None


def request(i: int, **options: Any) -> dict[str, Any]:
    return make_spec(f"a minimal logo for shop {i}", seed=i, **options).model_dump(mode="json")


# ---- 1. overhead ------------------------------------------------------------------------------------------------

CANNED: engine_worker.RenderedImage | None = None


def canned_render(*_args: Any, **_kwargs: Any) -> engine_worker.RenderedImage:
    assert CANNED is not None
    return CANNED


async def run_jobs(service: Service, count: int, **options: Any) -> tuple[float, float, list[Job]]:
    """Submit `count` jobs, wait for all; (wall s, CPU s of this process, final jobs)."""
    cpu, wall = time.process_time(), time.perf_counter()
    jobs = [await service.submit(kind="generate", request=request(i, **options), model="artboard-v1",
                                 dialect="bench") for i in range(count)]  # fmt: skip
    done = [await service.wait(job, timeout=600) for job in jobs]
    return time.perf_counter() - wall, time.process_time() - cpu, done


async def overhead(database: str, folder: Path, jobs: int) -> dict[str, float]:
    global CANNED
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping, which start_worker expects)
    from celery.contrib.testing.worker import start_worker

    from artboard.jobs.celery_worker import WorkerSettings, build
    from artboard.jobs.queue_celery import QueueSettings, declare
    from artboard.jobs.remote_worker import WorkerConfig

    CANNED = engine_worker.render_image(
        make_spec("warm-up badge", seed=0).model_dump_json(), 0
    )  # a real 1K PNG, rendered once
    real = engine_worker.render_image
    engine_worker.render_image = canned_render  # type: ignore[assignment]
    results: dict[str, float] = {}
    try:
        # In-process dispatcher (threads, so the canned render applies).
        local = Service(ServiceConfig(database_url=database, data_dir=folder / "local", workers=1,
                                      extra={"inline_workers": True, "warm_workers": False}))  # fmt: skip
        await local.start()
        await run_jobs(local, 10)  # warm
        wall, cpu, done = await run_jobs(local, jobs)
        await local.stop()
        assert all(j.status is JobStatus.SUCCEEDED for j in done)
        results["inprocess_cpu_ms"] = cpu / jobs * 1000
        results["inprocess_wall_ms"] = wall / jobs * 1000

        # Broker path: API side and a Celery worker (threads pool) in this process.
        queue = QueueSettings(AMQP_URL, unique_prefix())
        settings = WorkerSettings(
            queue=queue, database_url=database, storage_url="", data_dir=folder / "remote",
            worker=WorkerConfig(name="bench", queues=("cpu",), inline=True, warm=False), signing_secret=SECRET,
        )  # fmt: skip
        app, runner = build(settings)
        declare(app, queue)
        api = Service(ServiceConfig(database_url=database, data_dir=folder / "remote", workers=0,
                                    signing_secret=SECRET, queue_url=queue.url, queue_prefix=queue.prefix,
                                    extra={"poll_interval": 0.05}))  # fmt: skip
        await api.start()
        try:
            with start_worker(app, pool="threads", concurrency=1, perform_ping_check=False,
                              queues=[queue.name("cpu")], shutdown_timeout=30):  # fmt: skip
                await run_jobs(api, 10)  # warm
                beam = beam_cpu()
                wall, cpu, done = await run_jobs(api, jobs)
                beam_after = beam_cpu()
        finally:
            await api.stop()
            runner.close()
            delete_queues(queue.prefix)
        assert all(j.status is JobStatus.SUCCEEDED for j in done), [j.error for j in done if j.error][:3]
        results["celery_cpu_ms"] = cpu / jobs * 1000
        results["celery_wall_ms"] = wall / jobs * 1000
        if beam is not None and beam_after is not None:
            results["rabbitmq_cpu_ms"] = (beam_after - beam) / jobs * 1000
    finally:
        engine_worker.render_image = real  # type: ignore[assignment]
    return results


# ---- 2. throughput, 3. recovery -----------------------------------------------------------------------------------


def cluster_env(database: str, prefix: str) -> dict[str, str]:
    return {"ARTBOARD_DATABASE_URL": database, "ARTBOARD_QUEUE_URL": AMQP_URL, "ARTBOARD_QUEUE_PREFIX": prefix,
            "ARTBOARD_SIGNING_SECRET": SECRET.decode()}  # fmt: skip


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def wait_workers(service: Service, count: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        health = await service.health()
        if len(health["worker_pool"].get("live_workers") or []) >= count:
            return
        await asyncio.sleep(0.5)
    raise RuntimeError("workers did not come up")


async def throughput(database: str, folder: Path, jobs: int) -> dict[str, float]:
    results: dict[str, float] = {}
    for workers in (1, 2):
        local = Service(ServiceConfig(database_url=database, data_dir=folder / f"tl{workers}", workers=workers))
        await local.start()
        await run_jobs(local, 2 * workers)  # the pool warms up
        wall, _cpu, _done = await run_jobs(local, jobs)
        await local.stop()
        results[f"inprocess_{workers}_jobs_per_s"] = jobs / wall

        for prefetch in (0, 1):
            prefix = unique_prefix()
            env = {**cluster_env(database, prefix), "ARTBOARD_WORKER_PREFETCH": str(prefetch)}
            api = Service(ServiceConfig(database_url=database, data_dir=folder / f"ta{workers}", workers=0,
                                        signing_secret=SECRET, queue_url=AMQP_URL, queue_prefix=prefix,
                                        extra={"poll_interval": 0.05}))  # fmt: skip
            await api.start()
            procs = [start_worker(folder, name=f"t{workers}-{prefetch}-{i}-{prefix[-6:]}", queues="cpu", env=env)
                     for i in range(workers)]  # fmt: skip
            try:
                await wait_workers(api, workers)
                await run_jobs(api, 2 * workers)
                wall, _cpu, done = await run_jobs(api, jobs)
                assert all(j.status is JobStatus.SUCCEEDED for j in done)
                results[f"celery_{workers}_{prefetch}_jobs_per_s"] = jobs / wall
            finally:
                for proc in procs:
                    stop(proc)
                await api.stop()
                delete_queues(prefix)
    return results


async def recovery(database: str, folder: Path, trials: int) -> list[float]:
    from sqlalchemy import select

    from artboard.jobs.tables import JOBS

    prefix = unique_prefix()
    env = cluster_env(database, prefix)
    api = Service(ServiceConfig(database_url=database, data_dir=folder / "rec", workers=0, signing_secret=SECRET,
                                queue_url=AMQP_URL, queue_prefix=prefix))  # fmt: skip
    await api.start()
    procs = {name: start_worker(folder, name=name, queues="cpu", env=env) for name in ("ra", "rb")}
    gaps: list[float] = []

    def claim_of(job_id: str) -> tuple[str, float]:
        with api.store.engine.connect() as conn:
            row = conn.execute(select(JOBS.c.claimed_by, JOBS.c.progress).where(JOBS.c.id == job_id)).one()
        return row.claimed_by or "", row.progress

    try:
        await wait_workers(api, 2)
        for trial in range(trials):
            job = await api.submit(kind="generate", request=request(1000 + trial, n=8, tier="pro"),
                                   model="artboard-v1-pro", dialect="bench")  # fmt: skip
            while True:
                claimed, progress = claim_of(job.id)
                if claimed and progress > 0:
                    break
                await asyncio.sleep(0.02)
            victim = claimed.split("|")[2].rsplit("-", 1)[0]
            procs[victim].send_signal(signal.SIGKILL)
            killed = time.perf_counter()
            while claim_of(job.id)[0] in ("", claimed):
                await asyncio.sleep(0.01)
            gaps.append(time.perf_counter() - killed)
            await api.wait(job, timeout=300)
            procs[victim].wait()
            procs[victim] = start_worker(folder, name=victim, queues="cpu", env=env)
            await wait_workers(api, 2)
    finally:
        for proc in procs.values():
            stop(proc)
        await api.stop()
        delete_queues(prefix)
    return gaps


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=200, help="jobs per overhead measurement")
    parser.add_argument("--throughput-jobs", type=int, default=60)
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--only", choices=["overhead", "throughput", "recovery"], help="run one part")
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, temp_database() as database:
        folder = Path(tmp)
        if args.only in (None, "overhead"):
            await report_overhead(database, folder, args.jobs)
        if args.only in (None, "throughput"):
            await report_throughput(database, folder, args.throughput_jobs)
        if args.only in (None, "recovery"):
            gaps = await recovery(database, folder, args.restarts)
            print(f"\n3. kill -9 of a worker mid-job → the other worker takes the job over: "
                  f"{', '.join(f'{g:.2f}' for g in gaps)} s (median {statistics.median(gaps):.2f} s)")  # fmt: skip


async def report_overhead(database: str, folder: Path, jobs: int) -> None:
    costs = await overhead(database, folder, jobs)
    print("\n1. overhead per job (canned render; API + worker in one process)")
    local, remote = costs["inprocess_cpu_ms"], costs["celery_cpu_ms"]
    print(f"   in-process dispatcher : {local:6.2f} ms CPU, {costs['inprocess_wall_ms']:6.2f} ms wall")
    print(
        f"   Celery + RabbitMQ     : {remote:6.2f} ms CPU, {costs['celery_wall_ms']:6.2f} ms wall"
        + (f"  (+ RabbitMQ {costs['rabbitmq_cpu_ms']:.2f} ms CPU)" if "rabbitmq_cpu_ms" in costs else "")
    )
    print(f"   difference            : {remote - local:+6.2f} ms CPU per job")


async def report_throughput(database: str, folder: Path, jobs: int) -> None:
    rates = await throughput(database, folder, jobs)
    print(f"\n2. throughput, {jobs} design jobs (1K PNG, real rendering)")
    for workers in (1, 2):
        print(f"   {workers} worker(s): in-process {rates[f'inprocess_{workers}_jobs_per_s']:5.2f} jobs/s, "
              f"Celery {rates[f'celery_{workers}_0_jobs_per_s']:5.2f} jobs/s, "
              f"Celery --prefetch 1 {rates[f'celery_{workers}_1_jobs_per_s']:5.2f} jobs/s")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
