"""Input decoding vs. responsiveness: does a burst of large SVG inputs stall unrelated requests?

    python bench/bench_decode_isolation.py [--svgs 8] [--megabytes 7]

Starts a real `artboard serve` (1 worker, auth off, SQLite in a temporary folder), sends `--svgs` concurrent
Recraft imageToImage requests, each with an SVG input of about `--megabytes` MB (thousands of small paths: the
input check parses, sanitises and rasterises it), and while they run measures `GET /health` and one unrelated
text-to-image generation; then the same two requests on the idle server. Issue #11 measured 24.8 s for the
generation and 6.2 s for /health before input decoding moved to its own process (jobs/offload.py).
Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from live_server import artboard_serve  # the tests' helper: one way to start a real server

FORM = {"prompt": "the same, in blue", "strength": "0.5"}
GENERATE = {"prompt": "a badge for a sailing club", "model": "recraftv4", "response_format": "url"}


def big_svg(megabytes: float, seed: int) -> bytes:
    rng = random.Random(seed)
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">']
    size = len(parts[0])
    while size < megabytes * 1_000_000:
        x, y = rng.uniform(0, 1000), rng.uniform(0, 1000)
        colour = f"#{rng.randrange(0x1000000):06x}"
        path = f'<path d="M{x:.1f} {y:.1f} l12 3 l-4 11 l-9 -6 z" fill="{colour}" opacity="0.8"/>'
        parts.append(path)
        size += len(path)
    parts.append("</svg>")
    return "".join(parts).encode()


async def timed(client: httpx.AsyncClient, method: str, url: str, **kwargs: object) -> tuple[float, int]:
    started = time.perf_counter()
    response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
    return time.perf_counter() - started, response.status_code


async def run(base: str, svgs: int, megabytes: float) -> dict[str, float]:
    inputs = [big_svg(megabytes, seed) for seed in range(svgs)]
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:
        idle_health, _ = await timed(client, "GET", "/health")
        idle_generate, _ = await timed(client, "POST", "/v1/images/generations", json=GENERATE)
        burst = [
            asyncio.create_task(
                timed(
                    client,
                    "POST",
                    "/v1/images/imageToImage",
                    data=FORM,
                    files={"image": ("in.svg", data, "image/svg+xml")},
                )
            )
            for data in inputs
        ]
        await asyncio.sleep(0.5)  # the burst is being read and checked
        busy_health, health_status = await timed(client, "GET", "/health")
        busy_generate, generate_status = await timed(client, "POST", "/v1/images/generations", json=GENERATE)
        results = await asyncio.gather(*burst)
    return {
        "idle_health_s": idle_health,
        "idle_generate_s": idle_generate,
        "busy_health_s": busy_health,
        "busy_health_status": health_status,
        "busy_generate_s": busy_generate,
        "busy_generate_status": generate_status,
        "burst_slowest_s": max(t for t, _ in results),
        "burst_statuses": sorted({s for _, s in results}),  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--svgs", type=int, default=8)
    parser.add_argument("--megabytes", type=float, default=7.0)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        artboard_serve(Path(folder), workers=1, log_level="warning") as (
            base,
            _process,
        ),
    ):
        numbers = asyncio.run(run(base, args.svgs, args.megabytes))
    for name, value in numbers.items():
        print(f"{name:>22}: {value:.3f}" if isinstance(value, float) else f"{name:>22}: {value}")


if __name__ == "__main__":
    main()
