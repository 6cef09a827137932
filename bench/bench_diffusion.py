"""Diffusers backend plumbing overhead: seconds per image, backend.generate vs the raw pipeline call, on CPU.

    python bench/bench_diffusion.py [--preset small] [--steps 20] [--resolution 128] [--rounds 7] [--size 1024x1024]

Builds a random-initialised pipeline (tests/tiny_pipeline.py, no hub access), saves it, loads it through the backend,
and times, interleaved round by round so machine load hits both alike:

  raw       pipe(prompt, num_inference_steps, generator, output_type="np", width, height) at the size the backend
            samples at (what you would write by hand);
  backend   DiffusersBackend.generate(spec, seed) for a table size: the same call plus generator set-up,
            kwargs filtering, uint8 conversion and the exact-size Lanczos resample/crop to spec.width × spec.height;
  +hooks    the same with a progress hook and a cancel check polled after every step (what the job service sets).

The goal (issue #4) is backend / raw ≤ 1.05. The process is pinned to one core with one torch thread. The resample to
the exact size is reported separately: it is the one part that grows with the output size rather than the model.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("DIFFUSERS_VERBOSITY", "error")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="small", choices=["tiny", "small"])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--resolution", type=int, default=128, help="side of the sampled area (0: model native)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--size", default="1024x1024", help="output size from the standard or pro table")
    args = parser.parse_args()
    pinned = _pin_one_core()

    import numpy as np
    import torch

    from artboard.backends.diffusion import DiffusersBackend, DiffusersSettings
    from artboard.backends.diffusion_palette import fit_exact
    from artboard.sizes import tier_of_size
    from artboard.spec import make_spec
    from tiny_pipeline import save_tiny_pipeline

    torch.set_num_threads(1)
    width, height = (int(v) for v in args.size.lower().split("x"))
    tier = tier_of_size(width, height) or "standard"
    with tempfile.TemporaryDirectory() as tmp:
        folder = save_tiny_pipeline(Path(tmp) / f"{args.preset}-sd", args.preset)
        settings = DiffusersSettings(model=str(folder), steps=args.steps, threads=1, resolution=args.resolution or None)
        backend = DiffusersBackend(settings)
        loaded = backend.load()
        spec = make_spec("a lighthouse on a cliff at dusk", backend="diffusers", size=args.size, tier=tier, seed=1)
        gen_w, gen_h = backend.generation_size(width, height)
        pipe = loaded.t2i

        def raw(seed: int) -> None:
            out = pipe(
                spec.prompt,
                num_inference_steps=args.steps,
                generator=torch.Generator("cpu").manual_seed(seed),
                output_type="np",
                width=gen_w,
                height=gen_h,
            )
            assert out.images.shape[1:3] == (gen_h, gen_w)

        def plumbed(seed: int) -> None:
            design = backend.generate(spec, seed=seed, index=0)
            assert design.rgba is not None and design.rgba.shape[:2] == (height, width)

        def hooked(seed: int) -> None:
            with backend.hooks(progress=lambda done, total: None, cancel=lambda: False):
                plumbed(seed)

        runs = {"raw": raw, "backend": plumbed, "+hooks": hooked}
        times: dict[str, list[float]] = {name: [] for name in runs}
        for fn in runs.values():  # warm-up
            fn(0)
        for r in range(args.rounds):
            for name, fn in runs.items():
                start = time.perf_counter()
                fn(100 + r)
                times[name].append(time.perf_counter() - start)
        sample = (np.random.default_rng(0).random((gen_h, gen_w, 3)) * 255).astype(np.uint8)
        fit_times = []
        for _ in range(5):
            start = time.perf_counter()
            fit_exact(sample, width, height)
            fit_times.append(time.perf_counter() - start)

    base = statistics.median(times["raw"])
    print(f"# diffusers backend plumbing — {platform.processor() or platform.machine()}, {pinned}, 1 torch thread")
    print(
        f"# preset {args.preset}, {args.steps} steps, sampled at {gen_w}x{gen_h}, output {width}x{height}, "
        f"{args.rounds} rounds (medians)"
    )
    base_min = min(times["raw"])
    print("| run | s/image (median) | min | × raw (median) | × raw (min) |")
    print("|---|---|---|---|---|")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"| {name} | {med:.3f} | {min(values):.3f} | {med / base:.3f} | {min(values) / base_min:.3f} |")
    fit_ms = 1000 * statistics.median(fit_times)
    print(f"exact-size resample alone ({gen_w}x{gen_h} → {width}x{height}): {fit_ms:.1f} ms")


if __name__ == "__main__":
    main()
