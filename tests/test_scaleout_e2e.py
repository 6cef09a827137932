"""Machines simulated as processes: one `artboard serve --workers 0` API and `artboard worker` processes, each with
its own name, queues, HOME and data dir, sharing only PostgreSQL, RabbitMQ (this run's own queue names), SeaweedFS
and the settings. Outputs are always fetched through the URLs the API hands out.

    wa   --queues cpu          (design composer)
    wb   --queues remote,cpu   (upstream providers: a loopback fake of Recraft; and design)

The tests share one cluster per test process (pytest-xdist may split them over two, each with its own) and do not
depend on their order: mixed jobs; kill -9 of a worker mid-job; kill -9 of the API; a crash between
storing and publishing a job; cancelling a job that runs on a worker; a diffusers job (the tests' tiny pipeline) on
a `gpu` worker, its step progress and a cancel that stops it at its next step; an OpenRouter SSE stream of a job
run by a worker. The mixed run submits SCALEOUT_JOBS jobs
(default 12 to keep the suite quick on 2 cores; `ARTBOARD_SCALEOUT_JOBS=100` runs the issue's hundred).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from artboard.jobs.keys import KeyStore
from artboard.jobs.storage import open_storage
from artboard.jobs.store import JobStore
from artboard.jobs.types import Job, JobStatus
from fake_upstreams import FakeUpstream, recraft_app
from scaleout_support import (
    SeaweedS3,
    child_env,
    delete_queues,
    free_ports,
    rabbitmq_or_skip,
    seaweed_s3,
    start_worker,
    unique_prefix,
)

pytest_plugins = ["test_jobs_support"]  # pg_database

JOBS = int(os.environ.get("ARTBOARD_SCALEOUT_JOBS", "12"))
SECRET = "scale-out-e2e-signing-secret-0123456789"


@dataclass
class Cluster:
    folder: Path
    env: dict[str, str]
    database_url: str
    store: JobStore
    token: str
    key_id: str
    s3: SeaweedS3
    tag: str  #: worker names end with it: Celery node names must be unique on the broker
    api_url: str = ""
    api: subprocess.Popen[bytes] | None = None
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start_api(self) -> None:
        port = free_ports(1)[0]
        self.api_url = f"http://127.0.0.1:{port}"
        env = child_env({**self.env, "ARTBOARD_PUBLIC_BASE_URL": self.api_url, "HOME": str(self.folder / "api")})
        command = [
            sys.executable, "-m", "artboard", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "0",
            "--auth", "on", "--data-dir", str(self.folder / "api" / "data"), "--log-level", "warning",
        ]  # fmt: skip
        (self.folder / "api").mkdir(exist_ok=True)
        with (self.folder / "api.log").open("ab") as log:
            self.api = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.folder / "api")
        _until(lambda: self._ready(), 120, "the API to become ready", self.folder / "api.log")

    def _ready(self) -> bool:
        assert self.api is not None
        if self.api.poll() is not None:
            raise RuntimeError("artboard serve exited: " + (self.folder / "api.log").read_text()[-3000:])
        with contextlib.suppress(OSError, ValueError):
            return self.call("GET", "/health")[0] == 200
        return False

    def start_worker(self, base: str, queues: str, **env: str) -> None:
        name = f"{base}-{self.tag}"
        self.workers[base] = start_worker(self.folder, name=name, queues=queues, env={**self.env, **env})

    def log(self, base: str) -> Path:
        return self.folder / f"{base}-{self.tag}.log"

    def live_workers(self) -> dict[str, list[str]]:
        """Worker (base name) → its queues, from the API's /health."""
        _status, body = self.call("GET", "/health")
        live = body["checks"]["worker_pool"]["live_workers"] or []
        return {w["name"].split("@")[0].removesuffix(f"-{self.tag}"): w["queues"] for w in live}

    def ran_on(self, job_id: str) -> str:
        """The worker (base name) whose claim the job row holds: claimed_by is host|pid|NAME-TAG-xxxxxx."""
        return _claimed_by(self).get(job_id, "||").split("|")[2].rsplit("-", 2)[0]

    def call(
        self, method: str, path: str, body: dict[str, Any] | None = None, *, timeout: float = 120
    ) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.api_url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"null")

    def generate(self, model: str, prompt: str, n: int = 1) -> tuple[int, Any]:
        return self.call(
            "POST", "/v1/images/generations", {"model": model, "prompt": prompt, "n": n, "response_format": "url"}
        )

    def jobs(self) -> list[Job]:
        return self.store.page(key_id=None, limit=1000, before=None)

    def fetch(self, url: str) -> bytes:
        with urllib.request.urlopen(url, timeout=30) as answer:
            assert answer.status == 200
            return bytes(answer.read())


def _until(check: Callable[[], bool], timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log is not None and log.exists() else ""
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{tail}")


def _stop(process: subprocess.Popen[bytes] | None, *, signalled: bool = False) -> None:
    if process is None or process.poll() is not None:
        return
    if not signalled:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, pg_database: str) -> Iterator[Cluster]:
    amqp = rabbitmq_or_skip()
    folder = tmp_path_factory.mktemp("scaleout")
    prefix = unique_prefix()
    catalogue = folder / "catalogue.toml"
    catalogue.write_text('[models]\n"artboard-v1" = ["recraft"]\n')  # recraftv4 (1K raster) → the fake provider
    with seaweed_s3(folder / "s3") as s3, FakeUpstream(recraft_app, lifetime=600) as upstream:
        env = {
            "ARTBOARD_DATABASE_URL": pg_database,
            "ARTBOARD_QUEUE_URL": amqp,
            "ARTBOARD_QUEUE_PREFIX": prefix,
            "ARTBOARD_STORAGE_URL": s3.url(prefix=prefix),
            "ARTBOARD_SIGNING_SECRET": SECRET,
            "ARTBOARD_CATALOGUE": str(catalogue),
            "ARTBOARD_RECRAFT_BASE_URL": upstream.url,
            "ARTBOARD_RECRAFT_API_KEY": upstream.api_key,
            "ARTBOARD_REPUBLISH_AFTER_SECONDS": "3",
            **s3.env,
        }
        store = JobStore(pg_database)
        store.ensure_schema()
        key, token = KeyStore(store, initial_credits=0).create("scale-out", credits=1_000_000)
        cluster = Cluster(folder, env, pg_database, store, token, key.id, s3, tag=prefix[-6:])
        try:
            cluster.start_worker("wa", "cpu")
            cluster.start_worker("wb", "remote,cpu")
            cluster.start_api()
            _until(lambda: len(cluster.live_workers()) == 2, 120, "both workers to report", cluster.log("wa"))
            yield cluster
        finally:
            processes = [p for p in (cluster.api, *cluster.workers.values()) if p is not None and p.poll() is None]
            for process in processes:  # all at once: each finishes its warm shutdown in parallel
                process.send_signal(signal.SIGTERM)
            for process in processes:
                _stop(process, signalled=True)
            store.dispose()
            delete_queues(prefix)


def _claimed_by(cluster: Cluster) -> dict[str, str]:
    from sqlalchemy import select

    from artboard.jobs.tables import JOBS

    with cluster.store.engine.connect() as conn:
        return {row.id: row.claimed_by or "" for row in conn.execute(select(JOBS.c.id, JOBS.c.claimed_by))}


def _charges(cluster: Cluster) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for entry in cluster.store.ledger():
        if entry["job_id"] is not None:
            found.setdefault(entry["job_id"], []).append((entry["delta"], entry["reason"]))
    return found


def test_mixed_backends_across_two_workers(cluster: Cluster) -> None:
    health = cluster.call("GET", "/health")[1]["checks"]
    assert health["broker"] is True and health["storage"] is True and health["database"] is True
    live = cluster.live_workers()
    assert live["wb"] == ["remote", "cpu"] and ["cpu"] in (live.get("wa"), live.get("wa2"))
    before = {j.id for j in cluster.jobs()}
    models = ["recraftv4" if i % 3 == 0 else "recraftv4_vector" for i in range(JOBS)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda m: cluster.generate(m[1], f"a minimal badge for shop {m[0]}"),
                                enumerate(models)))  # fmt: skip
    assert [status for status, _ in answers] == [200] * JOBS, answers[:3]
    for (_, body), model in zip(answers, models, strict=True):
        data = cluster.fetch(body["data"][0]["url"])
        assert data.startswith(b"<svg" if model.endswith("vector") else b"\x89PNG"), data[:20]
    jobs = [j for j in cluster.jobs() if j.id not in before]
    assert len(jobs) == JOBS and all(j.status is JobStatus.SUCCEEDED for j in jobs)
    remote = [j for j in jobs if j.model == "recraftv4"]  # the dialect keeps the model asked for
    assert remote and all(cluster.ran_on(j.id) == "wb" for j in remote)  # only wb listens on `remote`
    assert all(j.artifacts[0].manifest["backend"] == "recraft" for j in remote)
    assert all(j.artifacts[0].manifest["backend"] == "design" for j in jobs if j not in remote)
    charges = _charges(cluster)
    assert all(charges[j.id] == [(-j.credits, "charge")] for j in jobs)


def test_kill_9_of_a_worker_mid_job(cluster: Cluster) -> None:
    """Every accepted job completes, none is charged twice, only the killed worker's job runs again."""
    before = {j.id for j in cluster.jobs()}
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        pending = [pool.submit(cluster.generate, "artboard-v1-pro", f"a detailed poster number {i}", 5)
                   for i in range(3)]  # fmt: skip

        def wa_job() -> Job | None:
            return next((j for j in cluster.jobs() if j.id not in before and j.status is JobStatus.RUNNING
                         and j.progress > 0 and cluster.ran_on(j.id) == "wa"), None)  # fmt: skip

        _until(lambda: wa_job() is not None, 90, "worker wa to be mid-job", cluster.log("wa"))
        victim = wa_job()
        assert victim is not None
        cluster.workers["wa"].send_signal(signal.SIGKILL)
        cluster.workers["wa"].wait(timeout=10)
        killed_at = time.time()
        answers = [f.result(timeout=180) for f in pending]
    assert [status for status, _ in answers] == [200] * 3
    for _, body in answers:
        assert len(body["data"]) == 5
        assert all(cluster.fetch(image["url"]).startswith(b"\x89PNG") for image in body["data"])
    jobs = [j for j in cluster.jobs() if j.id not in before]
    assert len(jobs) == 3 and all(j.status is JobStatus.SUCCEEDED for j in jobs)
    rerun = [j for j in jobs if j.attempts > 1]
    assert [j.id for j in rerun] == [victim.id] and rerun[0].attempts == 2
    assert cluster.ran_on(victim.id) == "wb"
    charges = _charges(cluster)
    assert all(charges[j.id] == [(-j.credits, "charge")] for j in jobs)
    restarted = rerun[0].started_at
    assert restarted is not None
    print(f"\nkill -9 → job restarted on the other worker after {restarted.timestamp() - killed_at:.2f} s")
    assert restarted.timestamp() > killed_at - 0.5  # the re-run's own start (clocks of one machine)
    cluster.start_worker("wa2", "cpu")  # a supervisor would restart it


def test_kill_9_of_the_api_loses_no_queued_job(cluster: Cluster) -> None:
    """Jobs the API published finish without it; any it stored but had not published yet (killed in between)
    are published by the restarted API's sweep. All are served by the restarted API."""
    before = {j.id for j in cluster.jobs()}
    count = 4

    def new_jobs() -> list[Job]:
        return [j for j in cluster.jobs() if j.id not in before]

    pool = concurrent.futures.ThreadPoolExecutor(count)
    pending = [pool.submit(cluster.generate, "recraftv4_vector", f"a sticker of a fox number {i}", 2)
               for i in range(count)]  # fmt: skip
    _until(lambda: len(jobs := new_jobs()) == count and any(j.status is not JobStatus.QUEUED for j in jobs), 60,
           "all jobs to be accepted and one to reach a worker")  # fmt: skip
    assert cluster.api is not None
    cluster.api.send_signal(signal.SIGKILL)
    cluster.api.wait(timeout=10)
    published = [j.id for j in new_jobs() if j.status is not JobStatus.QUEUED]
    for future in pending:
        with contextlib.suppress(Exception):  # the clients lose their connection with the API
            future.result(timeout=30)
    pool.shutdown()

    def done(ids: list[str]) -> bool:
        return all(cluster.store.status_of(job_id) is JobStatus.SUCCEEDED for job_id in ids)

    _until(lambda: done(published), 120, "the workers to finish their jobs without the API", cluster.log("wb"))
    cluster.start_api()  # a restart, on another port: outputs are served from the shared storage
    _until(lambda: done([j.id for j in new_jobs()]), 120, "every accepted job to finish", cluster.log("wb"))
    for job in new_jobs():
        status, body = cluster.call("GET", f"/v1/jobs/{job.id}")
        assert status == 200 and body["status"] == "succeeded"
        urls = [image["url"] for image in body["artifacts"]]
        assert len(urls) == 2 and all(cluster.fetch(url).startswith(b"<svg") for url in urls)
    charges = _charges(cluster)
    assert all(charges[j.id] == [(-j.credits, "charge")] for j in new_jobs())


def test_crash_between_storing_and_publishing(cluster: Cluster) -> None:
    """A row committed without its message (the API died in between): the API's sweep publishes it."""
    import asyncio

    from artboard.jobs.service import Service, ServiceConfig
    from test_jobs_support import request_for

    async def store_only() -> str:
        service = Service(
            ServiceConfig(database_url=cluster.database_url, data_dir=cluster.folder / "crash", workers=0)
        )  # fmt: skip  (no queue_url: nothing is published)
        await service.start()
        try:
            job = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="test")
            return job.id
        finally:
            await service.stop()

    job_id = asyncio.run(store_only())
    _until(lambda: cluster.store.status_of(job_id) is JobStatus.SUCCEEDED, 60, "the sweep to publish the job")
    job = cluster.store.get(job_id)
    assert job is not None and job.attempts == 1


def test_cancel_a_job_running_on_a_worker(cluster: Cluster) -> None:
    before = {j.id for j in cluster.jobs()}
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pending = pool.submit(cluster.generate, "artboard-v1-pro", "a detailed travel poster of the alps", 6)

        def running() -> Job | None:
            return next((j for j in cluster.jobs() if j.id not in before and j.status is JobStatus.RUNNING
                         and j.progress > 0), None)  # fmt: skip

        _until(lambda: running() is not None, 90, "the job to be running on a worker")
        job = running()
        assert job is not None
        # Its progress reaches clients through the API (which reads the row the worker writes).
        status, seen = cluster.call("GET", f"/v1/jobs/{job.id}")
        assert status == 200 and seen["status"] == "running" and 0 < seen["progress"] < 1
        status, body = cluster.call("DELETE", f"/v1/jobs/{job.id}")
        assert status == 200 and body["status"] == "cancelled"
        answer = pending.result(timeout=60)
    assert answer[0] >= 400  # the synchronous request learns that its job was cancelled
    storage = open_storage(cluster.env["ARTBOARD_STORAGE_URL"], cluster.folder, secret=SECRET.encode(),
                           public_base_url=cluster.api_url)  # fmt: skip

    def stopped() -> bool:
        # The worker stopped at its next image and removed what it had written.
        return all(
            _missing(storage, j) for j in [cluster.store.get(job.id)] if j is not None
        ) and "taken away (cancelled)" in "".join(
            log.read_text(errors="replace") for log in cluster.folder.glob(f"*-{cluster.tag}.log")
        )

    _until(stopped, 30, "the worker to stop the cancelled job")
    final = cluster.store.get(job.id)
    assert final is not None and final.status is JobStatus.CANCELLED and final.progress < 1
    assert _charges(cluster)[job.id] == [(-job.credits, "charge"), (job.credits, "refund")]


def _missing(storage: Any, job: Job) -> bool:
    keys = [storage.key_for(job.id, job.created_at, i, "png") for i in range(6)]
    found = 0
    for key in keys:
        with contextlib.suppress(Exception):
            storage.read(key)
            found += 1
    return found == 0


def test_gpu_queue_step_progress_and_cancel_at_the_next_step(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A diffusers job goes to the `gpu` queue; its step progress reaches the API, and a cancel stops it mid-image."""
    pytest.importorskip("torch", reason="the diffusers extra (torch) is not installed")
    pytest.importorskip("diffusers", reason="the diffusers extra is not installed")
    import asyncio

    from artboard.jobs.service import Service, ServiceConfig
    from artboard.spec import make_spec
    from tiny_pipeline import save_tiny_pipeline

    model = save_tiny_pipeline(tmp_path / "tiny-sd")
    cluster.start_worker("wg", "gpu", ARTBOARD_DIFFUSERS_MODEL=str(model), ARTBOARD_DIFFUSERS_STEPS="400",
                         ARTBOARD_DIFFUSERS_THREADS="1", ARTBOARD_DIFFUSERS_DEVICE="cpu")  # fmt: skip
    _until(lambda: "wg" in cluster.live_workers(), 90, "the gpu worker to report", cluster.log("wg"))
    key = cluster.key_id
    request = make_spec("a red fox in the snow", backend="diffusers", seed=4, safety=False).model_dump(mode="json")

    async def submit() -> Job:  # from a second API node in this process (the dialects name no backend)
        node = Service(ServiceConfig(
            database_url=cluster.database_url, data_dir=cluster.folder / "node2", workers=0,
            signing_secret=SECRET.encode(), queue_url=cluster.env["ARTBOARD_QUEUE_URL"],
            queue_prefix=cluster.env["ARTBOARD_QUEUE_PREFIX"], storage_url=cluster.env["ARTBOARD_STORAGE_URL"],
        ))  # fmt: skip
        await node.start()
        try:
            return await node.submit(kind="generate", request=request, model="artboard-v1", dialect="test",
                                     key_id=key)  # fmt: skip
        finally:
            await node.stop()

    for name, value in cluster.s3.env.items():
        monkeypatch.setenv(name, value)
    job = asyncio.run(submit())

    def mid_image() -> bool:
        status, body = cluster.call("GET", f"/v1/jobs/{job.id}")
        return status == 200 and body["status"] == "running" and 0 < body["progress"] < 1

    _until(mid_image, 120, "step progress of the diffusers job", cluster.log("wg"))
    assert cluster.ran_on(job.id) == "wg"
    status, body = cluster.call("DELETE", f"/v1/jobs/{job.id}")
    assert status == 200 and body["status"] == "cancelled"
    cancelled_at = time.monotonic()
    log = cluster.log("wg")
    _until(lambda: f"job {job.id}: cancelled" in log.read_text(errors="replace"), 30, "the step loop to stop", log)
    assert time.monotonic() - cancelled_at < 15  # far less than the 400 steps left would take
    final = cluster.store.get(job.id)
    assert final is not None and final.status is JobStatus.CANCELLED and final.artifacts == ()


def test_progress_streams_to_a_client_over_sse(cluster: Cluster) -> None:
    """OpenRouter-style streaming of a job run by a worker: each image arrives as the worker records it."""
    import httpx
    from httpx_sse import connect_sse

    body = {"model": "recraft/recraft-v4", "modalities": ["image"], "stream": True, "n": 3, "seed": 5,
            "messages": [{"role": "user", "content": "a minimal badge for a bakery"}]}  # fmt: skip
    chunks: list[dict[str, Any]] = []
    headers = {"Authorization": f"Bearer {cluster.token}"}
    with (
        httpx.Client(base_url=cluster.api_url, headers=headers, timeout=120) as client,
        connect_sse(client, "POST", "/api/v1/chat/completions", json=body) as source,
    ):
        assert source.response.status_code == 200
        for event in source.iter_sse():
            if event.data == "[DONE]":
                break
            chunks.append(json.loads(event.data))
    images = [img for c in chunks for img in c["choices"][0]["delta"].get("images", [])]
    assert len(images) == 3 and chunks[-1]["choices"][0]["finish_reason"] == "stop"
