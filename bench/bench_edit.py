"""Benchmark: the image tools (artboard.edit) — time per megapixel on this machine.

Each tool runs on a synthetic product shot (a bottle and an orange on white, blurred a little like a photo) at a few
input sizes; times are the best of ``--repeat`` runs of the engine function (decode, work, encode, manifest), with
the per-process start-up cost (pymatting's numba JIT cache, the ncnn network load) paid once in a warm-up run.
Reported: seconds per run and seconds per megapixel of *output* (upscales) or of input (everything else). Our own
designs take the vector paths (re-drawn by resvg) and are timed separately (`design`).

    python bench/bench_edit.py [--sizes 256,512,1024] [--repeat 3] [--creative]
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

import artboard


def product_shot(size: int) -> bytes:
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    s = size / 256
    draw.rounded_rectangle((100 * s, 72 * s, 156 * s, 206 * s), radius=14 * s, fill=(30, 110, 170))
    draw.rectangle((116 * s, 50 * s, 140 * s, 76 * s), fill=(220, 220, 225))
    draw.ellipse((156 * s, 140 * s, 200 * s, 206 * s), fill=(230, 120, 60))
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.6 * s)).save(buffer, format="PNG")
    return buffer.getvalue()


def busy_shot(size: int) -> bytes:
    """The same product over a busy ground (a blurred room with clutter): cut out by GrabCut, not the flood."""
    import random

    rng = random.Random(1)
    image = Image.new("RGB", (size, size), (196, 186, 170))
    draw = ImageDraw.Draw(image)
    s = size / 256
    draw.rectangle((0, 170 * s, size, size), fill=(120, 84, 52))
    draw.rectangle((10 * s, 15 * s, 80 * s, 110 * s), fill=(210, 225, 240))
    for _ in range(60):
        x, y, r = rng.uniform(0, size), rng.uniform(0, size), rng.uniform(3, 12) * s
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(40, 230) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(3 * s))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((100 * s, 72 * s, 156 * s, 206 * s), radius=14 * s, fill=(30, 110, 170))
    draw.rectangle((116 * s, 50 * s, 140 * s, 76 * s), fill=(220, 220, 225))
    draw.ellipse((156 * s, 140 * s, 200 * s, 206 * s), fill=(230, 120, 60))
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.6 * s)).save(buffer, format="PNG")
    return buffer.getvalue()


def mask(size: int) -> bytes:
    image = Image.new("L", (size, size), 0)
    ImageDraw.Draw(image).rectangle((int(size * 0.6), int(size * 0.55), int(size * 0.8), int(size * 0.82)), fill=255)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def best(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm-up: JIT caches, network loads, fonts
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def tools_for(shot: bytes, region: bytes, size: int, *, creative: bool) -> list[tuple[str, Callable[[], Any], int]]:
    """(name, run, output side) of every tool on one input."""
    tools: list[tuple[str, Callable[[], Any], int]] = [
        ("remove_background", lambda: artboard.remove_background(shot), size),
        ("crisp_upscale x2", lambda: artboard.crisp_upscale(shot, scale=2), 2 * size),
        ("erase_region", lambda: artboard.erase_region(shot, region), size),
        ("outpaint +25%", lambda: artboard.outpaint(shot, zoom_out_percentage=25), size),
        ("replace_background", lambda: artboard.replace_background(shot, "autumn leaves", seed=1), size),
        ("remove_background busy", lambda: artboard.remove_background(busy_shot(size)), size),
        ("variate_image raster", lambda: artboard.variate_image(shot, seed=1), size),
    ]
    if 16 * size * size <= 16_000_000:  # the output limit
        tools.insert(2, ("crisp_upscale x4", lambda: artboard.crisp_upscale(shot, scale=4), 4 * size))
    if creative:
        tools.append(("creative_upscale x2", lambda: artboard.creative_upscale(shot, scale=2), 2 * size))
    return tools


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="256,512,1024")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--creative", action="store_true", help="also creative upscale (slow: RRDB network)")
    args = parser.parse_args()
    print(f"{'tool':<28}{'input':>10}{'output':>12}{'s/run':>9}{'s/MP':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        tools = tools_for(product_shot(size), mask(size), size, creative=args.creative and size <= 512)
        for name, fn, out in tools:
            seconds = best(fn, args.repeat)
            megapixels = out * out / 1e6
            print(f"{name:<28}{f'{size}²':>10}{f'{out}²':>12}{seconds:>9.2f}{seconds / megapixels:>9.2f}")
    design = artboard.generate("a coffee shop logo with a cup", seed=3)[0].data
    for name, fn, out in (
        ("design remove_background", lambda: artboard.remove_background(design), 1024),
        ("design crisp_upscale x3", lambda: artboard.crisp_upscale(design, scale=3), 3072),
    ):
        seconds = best(fn, args.repeat)
        print(f"{name:<28}{'1024²':>10}{f'{out}²':>12}{seconds:>9.2f}{seconds / (out * out / 1e6):>9.2f}")
    from artboard.composer import parse_prompt

    def enhance(prompt: str) -> Any:
        parse_prompt.cache_clear()  # the composer caches its readings: time the reading, not the cache
        return artboard.enhance_prompt(prompt, versions=3)

    for prompt in ("a fox", "coffee shop logo called Bean There"):  # no image: seconds per request of 3 versions
        seconds = best(lambda p=prompt: enhance(p), args.repeat)  # type: ignore[misc]
        print(f"{'enhance_prompt x3 ' + repr(prompt)[:12]:<28}{'-':>10}{'-':>12}{seconds:>9.3f}")


if __name__ == "__main__":
    main()
