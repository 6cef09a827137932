"""Load + kill -9 (issue #11's closing run): nothing accepted is lost, no webhook is duplicated, no process orphaned.

    python bench/bench_kill9.py [--jobs 240] [--postgres]

Against a real `artboard serve` (2 engine workers, auth off) and a loopback receiver, on this machine only:

1. Phase A: half the jobs are submitted asynchronously across three dialects, each with its own webhook path
   (Runware task arrays with `webhookURL`, PixelDojo `webhookUrl`, API-in-One `callback_url`). Once a tenth have
   called back, one engine worker is killed -9; once two fifths have, the server itself is killed -9 with jobs
   done, running and queued. Every process under it must be gone within 15 s (no orphans).
2. Phase B: a new server on the same data and database; the other half is submitted while it resumes the first.
   With --postgres (a fresh database on 127.0.0.1:5432) every server connection is terminated mid-run
   (pg_terminate_backend), and one engine worker is killed -9 again.
3. Every accepted job must end `completed`/`success` through its own dialect's status route, and every webhook path
   must have received exactly one delivery id (a repeat of the same id — the documented at-least-once window when
   a process dies between the receiver's 2xx and the record of it — is counted and reported separately).

Prints one line of numbers per check; exits 1 if anything was lost, duplicated or orphaned.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from live_server import artboard_serve  # the tests' helper: one way to start a real server
from loopback import DELIVERY, LoopbackReceiver

PROMPTS = [
    "minimal fox logo called Ember",
    "vintage circular badge, two-color print aesthetic",
    "single flat icon of a bicycle on transparent background",
    "seamless pattern of lemons and leaves",
    "modern monogram logo, geometric construction",
    'poster for a jazz night called "Blue Note Sessions"',
]


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    pending = [pid]
    while pending:
        current = pending.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                for child in map(int, task.read_text().split()):
                    if child not in found:
                        found.add(child)
                        pending.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Load:
    """Submits jobs and remembers, per accepted job, how to ask for its status and where its webhook goes."""

    def __init__(self, receiver: LoopbackReceiver) -> None:
        self.receiver = receiver
        self.jobs: list[dict[str, Any]] = []  # {dialect, id, hook}
        self.requests = 0
        self.refused = 0

    def submit(self, base: str, index: int) -> None:
        dialect = ("runware", "pixeldojo", "apiinone")[index % 3]
        prompt = f"{PROMPTS[index % len(PROMPTS)]} #{index}"
        hook = f"/hook/{dialect}/{index}"
        url = self.receiver.at(hook)
        try:
            if dialect == "runware":
                task = {"taskType": "imageInference", "taskUUID": str(uuid.uuid4()), "model": "recraft:v4@0",
                        "positivePrompt": prompt, "deliveryMethod": "async", "webhookURL": url}  # fmt: skip
                answer = httpx.post(f"{base}/v1", json=[task], timeout=30)
                ok = answer.status_code == 200 and answer.json()["data"][0]["taskUUID"] == task["taskUUID"]
                job_id = task["taskUUID"]
            elif dialect == "pixeldojo":
                body = {"prompt": prompt, "aspect_ratio": "1:1", "webhookUrl": url}
                answer = httpx.post(f"{base}/api/v1/models/recraft-v4/run", json=body, timeout=30)
                ok = answer.status_code == 202
                job_id = answer.json()["jobId"] if ok else ""
            else:
                body = {"model": "recraft-v4-text-to-image", "prompt": prompt, "callback_url": url}
                answer = httpx.post(f"{base}/api/v1/images/generations", json=body, timeout=30)
                ok = answer.status_code == 200 and answer.json()["code"] == 200
                job_id = answer.json()["data"]["task_id"] if ok else ""
        except httpx.HTTPError:
            ok, job_id = False, ""
        self.requests += 1
        if ok:
            self.jobs.append({"dialect": dialect, "id": job_id, "hook": hook})
        else:
            self.refused += 1

    def status(self, base: str, job: dict[str, Any]) -> str:
        self.requests += 1
        if job["dialect"] == "runware":
            poll = [{"taskType": "getResponse", "taskUUID": job["id"]}]
            body = httpx.post(f"{base}/v1", json=poll, timeout=30).json()
            return str(body["data"][0]["status"]) if body.get("data") else "error:" + str(body.get("errors"))[:120]
        if job["dialect"] == "pixeldojo":
            return str(httpx.get(f"{base}/api/v1/jobs/{job['id']}", timeout=30).json()["status"])
        return str(httpx.get(f"{base}/api/v1/tasks/{job['id']}", timeout=30).json()["data"]["status"])

    def called_back(self) -> int:
        return len({hit.path for hit in self.receiver.posts()})


def wait(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def kill_a_worker(process_pid: int) -> int | None:
    workers = sorted(pid for pid in descendants(process_pid) if alive(pid))
    if not workers:
        return None
    os.kill(workers[-1], signal.SIGKILL)
    return workers[-1]


@contextlib.contextmanager
def postgres_database() -> Iterator[tuple[str, Callable[[], int]]]:
    """A fresh database on the local PostgreSQL, and a function that terminates every connection to it."""
    import psycopg

    name = f"artboard_kill9_{uuid.uuid4().hex[:8]}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def cut() -> int:
        with psycopg.connect(admin, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            ).fetchall()
        return len(rows)

    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", cut
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(jobs: int, database: str | None, cut: Callable[[], int] | None) -> int:
    receiver = LoopbackReceiver()
    load = Load(receiver)
    env = {"ARTBOARD_FETCH_ALLOW": "127.0.0.1"} | ({"ARTBOARD_DATABASE_URL": database} if database else {})
    half = jobs // 2
    all_pids: set[int] = set()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kill9-") as tmp:
        data = Path(tmp)
        # ---- phase A: load, kill -9 of a worker, then of the server
        with artboard_serve(data, workers=2, env=env) as (base, process):
            with ThreadPoolExecutor(4) as pool:
                list(pool.map(lambda i: load.submit(base, i), range(half)))
            print(f"A: {len(load.jobs)} accepted of {half} submitted in {time.monotonic() - started:.1f} s")
            wait(lambda: load.called_back() >= half // 10, 300)
            all_pids |= descendants(process.pid)
            victim = kill_a_worker(process.pid)
            print(f"A: kill -9 engine worker {victim} after {load.called_back()} webhooks")
            wait(lambda: load.called_back() >= 2 * half // 5, 300)
            workers = {pid for pid in descendants(process.pid) if alive(pid)}
            all_pids |= workers
            done_at_kill = load.called_back()
            os.kill(process.pid, signal.SIGKILL)
            process.wait(10)
            gone = wait(lambda: not any(alive(pid) for pid in workers), 15)
            orphans_a = sorted(pid for pid in workers if alive(pid))
            for pid in orphans_a:
                os.kill(pid, signal.SIGKILL)
            print(f"A: kill -9 of artboard serve after {done_at_kill} webhooks: {len(workers)} worker processes, "
                  f"orphans {orphans_a or 'none'} (all exited: {gone})")  # fmt: skip
        # ---- phase B: restart on the same data, more load, kill -9 of a worker (and of every DB connection)
        with artboard_serve(data, workers=2, env=env) as (base, process):
            with ThreadPoolExecutor(4) as pool:
                list(pool.map(lambda i: load.submit(base, i), range(half, jobs)))
            print(f"B: {len(load.jobs)} accepted in all, {load.refused} refused")
            wait(lambda: load.called_back() >= (len(load.jobs) * 7) // 10, 600)
            all_pids |= descendants(process.pid)
            if cut is not None:
                print(f"B: terminated {cut()} database connections after {load.called_back()} webhooks")
            victim = kill_a_worker(process.pid)
            print(f"B: kill -9 engine worker {victim} after {load.called_back()} webhooks")
            finished = wait(lambda: load.called_back() >= len(load.jobs), 900)
            time.sleep(2.0)  # a late duplicate would arrive now
            statuses: dict[str, int] = {}
            bad: list[tuple[str, str]] = []
            for job in load.jobs:
                status = load.status(base, job)
                statuses[status] = statuses.get(status, 0) + 1
                if status not in ("success", "completed"):
                    bad.append((job["id"], status))
            all_pids |= descendants(process.pid)
        elapsed = time.monotonic() - started
    wait(lambda: not any(alive(pid) for pid in all_pids), 15)  # a stopped server's workers take a moment to exit
    leftovers = sorted(pid for pid in all_pids if alive(pid))
    for pid in leftovers:
        with contextlib.suppress(OSError):
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(bytes(1), b" ")[:160]
            print(f"left over: {pid} {command!r}")
    ids: dict[str, set[str]] = {}
    repeats = 0
    seen: set[str] = set()
    for hit in receiver.posts():
        delivery = hit.headers.get(DELIVERY, "")
        ids.setdefault(hit.path, set()).add(delivery)
        repeats += delivery in seen
        seen.add(delivery)
    receiver.close()
    missing = [job["hook"] for job in load.jobs if job["hook"] not in ids]
    duplicated = {path: len(found) for path, found in ids.items() if len(found) > 1}
    print(f"requests: {load.requests} ({len(load.jobs)} jobs accepted, {load.refused} refused, the rest status polls) "
          f"in {elapsed:.0f} s; all called back before the deadline: {finished}")  # fmt: skip
    print(f"lost (not completed): {len(bad)} {bad[:5]}; statuses {statuses}")
    print(f"webhooks: {len(receiver.posts())} POSTs, {len(ids)} paths, missing {len(missing)}, "
          f"jobs with >1 delivery id (duplicates) {len(duplicated)}, same-id resends {repeats}")  # fmt: skip
    print(f"orphan processes after both servers stopped: {leftovers or 'none'}")
    failed = bad or missing or duplicated or leftovers or orphans_a
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=240)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL on 127.0.0.1:5432 instead of SQLite")
    args = parser.parse_args()
    if not args.postgres:
        return run(args.jobs, None, None)
    with postgres_database() as (url, cut):
        return run(args.jobs, url, cut)


if __name__ == "__main__":
    sys.exit(main())
