"""Engine benchmark: seconds per image on ONE core (process pinned), median and p95, and peak RSS.

    python bench/bench_engine.py [--rounds 3]

Targets (issue #2): 1K PNG ≤ 0.15 s, 2K PNG ≤ 0.5 s, SVG ≤ 0.08 s, RSS ≤ 400 MB. Vectorize has its own
benchmark (bench/bench_vectorize.py). Results go to docs/benchmarks.md by hand, with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import time

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


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def _measure(label: str, rounds: int, **options: object) -> tuple[str, float, float, int]:
    import artboard

    times: list[float] = []
    for r in range(rounds):
        for i, prompt in enumerate(PROMPTS):
            start = time.perf_counter()
            artboard.generate(prompt, seed=1000 * r + i, **options)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return label, statistics.median(times), p95, len(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pinned = _pin_one_core()
    import artboard

    start = time.perf_counter()
    artboard.generate(PROMPTS[0], seed=0, format="png")  # warm-up: fonts, icon index, text model, classifier
    warm = time.perf_counter() - start
    rows = [
        _measure("SVG 1K", args.rounds, format="svg"),
        _measure("PNG 1K (safety on)", args.rounds, format="png"),
        _measure("PNG 1K (safety off)", args.rounds, format="png", safety=False),
        _measure("PNG 2K (pro, safety on)", args.rounds, format="png", tier="pro"),
        _measure("JPG 1K", args.rounds, format="jpg"),
        _measure("WEBP 1K", args.rounds, format="webp"),
    ]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, {pinned}; "
        f"python {platform.python_version()}; first call (cold) {warm:.2f}s"
    )
    print(f"{'case':28} {'median s':>9} {'p95 s':>8} {'n':>4}")
    for label, median, p95, count in rows:
        print(f"{label:28} {median:9.3f} {p95:8.3f} {count:4d}")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
