"""A real `artboard serve` process for end-to-end tests: free loopback port, own data dir, always stopped."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def artboard_serve(
    data_dir: Path,
    *,
    workers: int = 1,
    env: dict[str, str] | None = None,
    timeout: float = 90.0,
    cores: set[int] | None = None,
    log_level: str = "info",
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start `artboard serve` (auth off) and yield (base URL, process) once /health answers 200.

    `cores` confines the server and its worker processes to those CPUs (Linux; the benchmarks use it).
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The caller's ARTBOARD_* settings must not leak into the server under test.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ARTBOARD_")}
    environment |= {"PYTHONUNBUFFERED": "1", "ARTBOARD_PUBLIC_BASE_URL": base, **(env or {})}
    command = [
        sys.executable, "-m", "artboard", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--data-dir", str(data_dir / "data"), "--auth", "off", "--workers", str(workers), "--log-level", log_level,
    ]  # fmt: skip
    pin = (lambda: os.sched_setaffinity(0, cores)) if cores and hasattr(os, "sched_setaffinity") else None
    log_path = data_dir / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment, preexec_fn=pin)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError("artboard serve exited: " + log_path.read_text()[-3000:])
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{base}/health", timeout=2) as answer:
                if answer.status == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"artboard serve not ready in {timeout:.0f} s: " + log_path.read_text()[-3000:])
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
