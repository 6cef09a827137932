"""Reliability defects of issue #11, each reproduced against the real server, database and processes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from tests.live_server import artboard_serve

from loopback import LoopbackReceiver


def _children(pid: int) -> set[int]:
    """Every live descendant of `pid` (Linux /proc)."""
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == parent and int(entry.name) not in found:
                found.add(int(entry.name))
                frontier.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_kill_9_of_serve_leaves_no_orphan_workers(tmp_path: Path) -> None:
    with artboard_serve(tmp_path, workers=2) as (_base, process):
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2:
            workers = {pid for pid in _children(process.pid) if _alive(pid)}
            time.sleep(0.2)
        assert workers, "the server started no worker processes"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        orphans = [pid for pid in workers if _alive(pid)]
        for pid in orphans:  # do not leave them behind even when the test fails
            os.kill(pid, signal.SIGKILL)
        assert not orphans, f"worker processes outlived a kill -9 of their server: {orphans}"


def test_svg_doctype_is_refused_anywhere_in_the_input() -> None:
    from artboard.errors import InvalidParameter
    from artboard.imageio import load_image

    bomb = '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    svg = (
        '<?xml version="1.0"?>\n<!-- <svg> ' + "x" * 5000 + "-->\n" + bomb
        + '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><text>&b;</text></svg>'
    )  # fmt: skip
    with pytest.raises(InvalidParameter, match="DOCTYPE"):
        load_image(svg.encode(), param="image")


@pytest.mark.parametrize("url", ["bogus://x", "postgresql+psycopg://nobody@127.0.0.1:1/none", "not a url"])
def test_a_bad_database_url_is_one_line_and_exit_2(tmp_path: Path, url: str) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "artboard", "serve", "--port", "0", "--data-dir", str(tmp_path)]
    command += ["--database-url", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--database-url" in lines[0] and "Traceback" not in done.stderr, done.stderr


def test_load_with_a_kill_9_loses_nothing_duplicates_no_webhook_and_leaves_no_orphan(
    tmp_path: Path, receiver: LoopbackReceiver
) -> None:
    """Issue #11's closing run, scaled to a test: async Runware tasks with webhooks, the server killed -9 while
    they run, then started again on the same data: every task succeeds, every image's webhook arrives as one
    delivery (one Artboard-Delivery id per image, never a second delivery for it), and no worker process outlives
    the killed server. A delivery the receiver answered in the instant before the kill, before its outcome was
    written, is sent again under the same id (at least once, as webhooks.py documents): receivers dedupe on it."""
    import uuid

    import httpx

    def images() -> set[str]:
        return {hit.json()["imageUUID"] for hit in receiver.posts()}

    hook = receiver.at("/hook")
    tasks = [
        {"taskType": "imageInference", "taskUUID": str(uuid.uuid4()), "model": "recraft:v4@0",
         "positivePrompt": f"a badge for club number {i}", "deliveryMethod": "async", "webhookURL": hook}
        for i in range(16)
    ]  # fmt: skip
    env = {"ARTBOARD_FETCH_ALLOW": "127.0.0.1"}
    with artboard_serve(tmp_path, workers=2, env=env) as (base, process):
        answer = httpx.post(f"{base}/v1", json=tasks, timeout=60)
        assert answer.status_code == 200, answer.text
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(images()) < 3:
            time.sleep(0.05)
        workers = {pid for pid in _children(process.pid) if _alive(pid)}
        os.kill(process.pid, signal.SIGKILL)  # mid-run: some jobs done, some running, some queued
        process.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        orphans = [pid for pid in workers if _alive(pid)]
        for pid in orphans:
            os.kill(pid, signal.SIGKILL)
        assert not orphans, f"worker processes outlived the kill -9: {orphans}"
    with artboard_serve(tmp_path, workers=2, env=env) as (base, _process):
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and len(images()) < len(tasks):
            time.sleep(0.1)
        polls = [{"taskType": "getResponse", "taskUUID": t["taskUUID"]} for t in tasks]
        results = httpx.post(f"{base}/v1", json=polls, timeout=60).json()["data"]
        assert sorted(r["status"] for r in results) == ["success"] * len(tasks)  # nothing lost
        assert images() == {r["imageUUID"] for r in results}  # every image's webhook arrived
        time.sleep(1.0)  # a late duplicate would arrive now
    ids_per_image: dict[str, set[str]] = {}
    deliveries: dict[str, int] = {}
    for hit in receiver.posts():
        delivery = hit.headers["artboard-delivery"]
        assert hit.headers["webhook-id"] == hit.headers["idempotency-key"] == delivery  # the id to dedupe on
        ids_per_image.setdefault(hit.json()["imageUUID"], set()).add(delivery)
        deliveries[delivery] = deliveries.get(delivery, 0) + 1
    assert {image: len(ids) for image, ids in ids_per_image.items() if len(ids) > 1} == {}
    assert len([count for count in deliveries.values() if count > 1]) <= 1  # only the one the kill cut
