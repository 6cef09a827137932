"""The `artboard` command line: generate, vectorize, gallery.

Bad input prints one clear message naming the parameter and exits with status 2; other failures exit 1.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from artboard.errors import ArtboardError, InvalidParameter

EXIT_USAGE = 2
_SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".webp": "webp"}


def _fail(error: ArtboardError) -> None:
    click.echo(f"error: {error.describe()}", err=True)
    sys.exit(EXIT_USAGE if isinstance(error, InvalidParameter) else 1)


def _targets(output: str | None, fmt: str, seeds: list[int]) -> list[Path]:
    """Where each result goes: a file for one result; a folder or a {i}/{seed} pattern for several."""
    ext = "jpg" if fmt == "jpg" else fmt
    if output is None:
        return [Path(f"artboard-{seed}.{ext}") for seed in seeds]
    if "{" in output:
        try:
            return [Path(output.format(i=i, seed=seed, n=i + 1)) for i, seed in enumerate(seeds)]
        except (KeyError, IndexError, ValueError):
            raise InvalidParameter("output pattern may use {i}, {n} and {seed}", param="--output") from None
    path = Path(output)
    is_folder = path.is_dir() or output.endswith(("/", "\\")) or (len(seeds) > 1 and not path.suffix)
    if is_folder:
        return [path / f"artboard-{i + 1:02d}-{seed}.{ext}" for i, seed in enumerate(seeds)]
    if len(seeds) > 1:
        return [path.with_name(f"{path.stem}-{i + 1:02d}{path.suffix}") for i in range(len(seeds))]
    return [path]


class _Bar:
    """tqdm progress bar on a terminal, silent otherwise (pipes and CI logs stay clean)."""

    def __init__(self, total: int) -> None:
        self.bar: Any = None
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="img", file=sys.stderr)

    def __call__(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="artboard")
def main() -> None:
    """artboard: design-first image generation on your own machine."""


@main.command()
@click.argument("prompt")
@click.option("-o", "--output", help="File; with -n > 1 a folder or a pattern with {i}, {n}, {seed}.")
@click.option("--size", help="WxH from the tier's table, or a ratio like 16:9.")
@click.option("--aspect-ratio", "aspect_ratio", help="e.g. 1:1, 16:9, 2:3, 14:10.")
@click.option("--tier", type=str, help="standard (~1K) or pro (~2K).")
@click.option("--format", "fmt", type=str, help="png, jpg, webp or svg (default: from -o, else png).")
@click.option("--quality", type=str, help="20–99 for jpg/webp (png: compression effort).")
@click.option("--palette", help='Colours, e.g. "#112233,#445566" (1–10).')
@click.option("--background", help='A colour like "#ffffff", or "transparent".')
@click.option("--seed", type=str, help="uint32; results use seed, seed+1, …")
@click.option("-n", "n", type=str, default="1", show_default=True, help="Number of results, 1–20.")
@click.option("--image", type=click.Path(dir_okay=False), help="Input image for image-to-image.")
@click.option("--strength", type=str, help="0 ≈ keep the input, 1 ≈ new design (needs --image).")
@click.option("--backend", help="Backend name (see `artboard backends`).")
@click.option("--model", help="Public model id, e.g. artboard-v1 or recraftv4_vector.")
@click.option("--safety/--no-safety", default=True, show_default=True, help="NSFW check of inputs/outputs.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifests as JSON.")
def generate(
    prompt: str,
    output: str | None,
    size: str | None,
    aspect_ratio: str | None,
    tier: str | None,
    fmt: str | None,
    quality: str | None,
    palette: str | None,
    background: str | None,
    seed: str | None,
    n: str,
    image: str | None,
    strength: str | None,
    backend: str | None,
    model: str | None,
    safety: bool,
    as_json: bool,
) -> None:
    """Generate designs for PROMPT."""
    from artboard import engine
    from artboard.spec import make_spec

    if fmt is None and output and "{" not in output:
        fmt = _SUFFIX_FORMATS.get(Path(output).suffix.lower())
    try:
        spec = engine.resolve_seed(
            make_spec(
                prompt,
                size=size,
                aspect_ratio=aspect_ratio,
                tier=tier,
                format=fmt,
                quality=quality,
                palette=palette,
                background=background,
                seed=seed,
                n=n,
                image=image,
                strength=strength,
                backend=backend,
                model=model,
                safety=safety,
            )
        )
        targets = _targets(output, spec.format, spec.seeds())
        bar = _Bar(spec.n)
        start = time.perf_counter()
        try:
            artifacts = engine.run(spec, progress=bar)
        finally:
            bar.close()
    except ArtboardError as error:
        _fail(error)
        return
    took = time.perf_counter() - start
    written = []
    for artifact, target in zip(artifacts, targets, strict=True):
        artifact.save(target)
        written.append({"path": str(target), "seed": artifact.seed, "manifest": artifact.manifest})
    if as_json:
        click.echo(json.dumps(written if len(written) > 1 else written[0], indent=2))
    else:
        for item in written:
            click.echo(f"{item['path']}  seed={item['seed']}")
        click.echo(f"{len(written)} image(s) in {took:.2f}s", err=True)


@main.command()
@click.argument("image", type=click.Path(dir_okay=False))
@click.option("-o", "--output", help="SVG file (default: IMAGE with .svg).")
@click.option("--palette", help="Strict palette: every colour of the SVG is one of these.")
@click.option("--max-shapes", "max_shapes", type=str, help="Cap on the number of shapes.")
@click.option("--speckle", type=str, default="4", show_default=True, help="Drop blobs under N pixels.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
def vectorize(
    image: str, output: str | None, palette: str | None, max_shapes: str | None, speckle: str, as_json: bool
) -> None:
    """Trace a raster IMAGE into an SVG."""
    from artboard.api import vectorize as trace
    from artboard.spec import integer_param

    try:
        shapes = integer_param(max_shapes, "--max-shapes", 1, 100_000) if max_shapes is not None else None
        artifact = trace(image, palette=palette, max_shapes=shapes, speckle=integer_param(speckle, "--speckle", 0, 128))
    except ArtboardError as error:
        _fail(error)
        return
    target = Path(output) if output else Path(image).with_suffix(".svg")
    artifact.save(target)
    if as_json:
        click.echo(json.dumps({"path": str(target), "manifest": artifact.manifest}, indent=2))
    else:
        click.echo(f"{target}  ssim={artifact.manifest['vectorize']['ssim']}")


@main.command()
def backends() -> None:
    """List the installed backends."""
    from artboard import registry

    for name in registry.backend_names():
        click.echo(name)


@main.command()
@click.option("-o", "--output", default="gallery", show_default=True, help="Folder for the gallery.")
@click.option("--seed", type=int, default=7, show_default=True)
def gallery(output: str, seed: int) -> None:
    """Generate a sample gallery (SVG + PNG of several design types) and an index.html to view it."""
    from artboard.gallery import build_gallery

    try:
        index = build_gallery(Path(output), seed=seed, echo=click.echo)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(f"gallery written to {index.parent.resolve()} — open {index.resolve()}")
