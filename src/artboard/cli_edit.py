"""`artboard edit …`: the image tools on the command line (the Python API's functions, same validation).

    artboard edit remove-background shot.jpg -o cutout.png
    artboard edit crisp-upscale logo.png --scale 4
    artboard edit inpaint poster.png --mask mask.png --prompt "a red balloon"
    artboard edit outpaint photo.jpg --expand 0,0,256,0
    artboard edit variate logo.png -n 3
    artboard edit enhance "coffee shop logo called Bean There" --versions 2
    artboard edit caption poster.png

Each writes its result(s) next to IMAGE unless -o names the file (variations: NAME-1.png, NAME-2.png, …); the
manifest's warnings go to stderr; bad values exit with status 2 and name the option, like the other commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from artboard.errors import ArtboardError, InvalidParameter


@click.group(name="edit")
def edit() -> None:
    """Image tools: background removal/replacement, upscaling, erase/inpaint/outpaint, variations."""


def _run(operation: str, image: str, output: str | None, as_json: bool, **options: Any) -> None:
    from artboard.api import _edit
    from artboard.cli import _fail

    given = {k: v for k, v in options.items() if v is not None}
    try:
        artifacts = _edit(operation, image, **given)
    except ArtboardError as error:
        _fail(error)
        return
    stem = Path(output) if output else Path(image).with_name(f"{Path(image).stem}-{operation.replace('_', '-')}")
    saved = []
    for index, artifact in enumerate(artifacts):
        suffix = f".{artifact.format}"
        target = stem.with_suffix(suffix) if len(artifacts) == 1 else stem.with_name(f"{stem.stem}-{index + 1}{suffix}")
        artifact.save(target)
        saved.append(str(target))
        for warning in artifact.warnings:
            click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(
            json.dumps([{"path": p, "manifest": a.manifest} for p, a in zip(saved, artifacts, strict=True)], indent=2)
        )
    else:
        for path, artifact in zip(saved, artifacts, strict=True):
            click.echo(f"{path}  {artifact.width}x{artifact.height}  {artifact.manifest.get('method', '')}")


_IMAGE = click.argument("image", type=click.Path(dir_okay=False))
_OUTPUT = click.option("-o", "--output", help="Output file (its suffix is replaced by the format's).")
_FORMAT = click.option("--format", "fmt", help="png (default) | webp | jpg | svg (our designs only).")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print the manifests as JSON.")
_SEED = click.option("--seed", help="Seed of what is drawn (default: random, reported in the manifest).")
_PALETTE = click.option("--palette", help="Colours of what is drawn, e.g. '#112233,#ffcc00'.")


@edit.command("remove-background")
@_IMAGE
@_OUTPUT
@_FORMAT
@_JSON
def remove_background(image: str, output: str | None, fmt: str | None, as_json: bool) -> None:
    """The subject of IMAGE on transparent."""
    _run("remove_background", image, output, as_json, format=fmt)


@edit.command("replace-background")
@_IMAGE
@click.option("--prompt", required=True, help="What the new background shows.")
@click.option("--mask", help="Only the mask's white area becomes background (generateBackground).")
@_OUTPUT
@_FORMAT
@_SEED
@_PALETTE
@_JSON
def replace_background(
    image: str,
    prompt: str,
    mask: str | None,
    output: str | None,
    fmt: str | None,
    seed: str | None,
    palette: str | None,
    as_json: bool,
) -> None:
    """IMAGE's subject over a background composed for --prompt."""
    operation = "generate_background" if mask else "replace_background"
    _run(operation, image, output, as_json, prompt=prompt, mask=mask, format=fmt, seed=seed, palette=palette)


def _upscale(operation: str) -> Any:
    @_IMAGE
    @click.option("--scale", help="Factor, more than 1 and up to 4 (default 2).")
    @click.option("--width", help="Target width (aspect kept).")
    @click.option("--height", help="Target height (aspect kept).")
    @_OUTPUT
    @_FORMAT
    @_JSON
    def command(
        image: str,
        scale: str | None,
        width: str | None,
        height: str | None,
        output: str | None,
        fmt: str | None,
        as_json: bool,
    ) -> None:
        _run(operation, image, output, as_json, scale=scale, width=width, height=height, format=fmt)

    command.__doc__ = (
        "Larger, same content (Real-ESRGAN; designs re-drawn from vector)."
        if operation == "crisp_upscale"
        else "Larger, fine detail regenerated (rasters up to 512x512)."
    )
    return command


edit.command("crisp-upscale")(_upscale("crisp_upscale"))
edit.command("creative-upscale")(_upscale("creative_upscale"))


@edit.command("erase-region")
@_IMAGE
@click.option("--mask", required=True, help="Greyscale mask, white = what to erase (same size as IMAGE).")
@_OUTPUT
@_FORMAT
@_JSON
def erase_region(image: str, mask: str, output: str | None, fmt: str | None, as_json: bool) -> None:
    """IMAGE with what the mask covers removed."""
    _run("erase_region", image, output, as_json, mask=mask, format=fmt)


@edit.command("inpaint")
@_IMAGE
@click.option("--mask", required=True, help="Greyscale mask, white = the region to redraw.")
@click.option("--prompt", required=True, help="What to draw in the region.")
@_OUTPUT
@_FORMAT
@_SEED
@_PALETTE
@_JSON
def inpaint(
    image: str,
    mask: str,
    prompt: str,
    output: str | None,
    fmt: str | None,
    seed: str | None,
    palette: str | None,
    as_json: bool,
) -> None:
    """The mask's region of IMAGE drawn again as --prompt."""
    _run("inpaint", image, output, as_json, mask=mask, prompt=prompt, format=fmt, seed=seed, palette=palette)


@edit.command("outpaint")
@_IMAGE
@click.option("--expand", help="Pixels to add: LEFT,TOP,RIGHT,BOTTOM.")
@click.option("--zoom-out", "zoom", help="Percent to add around the image, centred (1..300).")
@click.option("--prompt", help="Compose a background for the new area instead of mirroring the edges.")
@_OUTPUT
@_FORMAT
@_SEED
@_JSON
def outpaint(
    image: str,
    expand: str | None,
    zoom: str | None,
    prompt: str | None,
    output: str | None,
    fmt: str | None,
    seed: str | None,
    as_json: bool,
) -> None:
    """IMAGE on a larger canvas."""
    sides: dict[str, Any] = {}
    if expand is not None:
        parts = [p.strip() for p in expand.split(",")]
        if len(parts) != 4:
            from artboard.cli import _fail

            _fail(InvalidParameter("--expand takes four numbers", param="--expand", allowed="LEFT,TOP,RIGHT,BOTTOM"))
            return
        sides = dict(zip(("expand_left", "expand_top", "expand_right", "expand_bottom"), parts, strict=True))
    _run("outpaint", image, output, as_json, zoom_out_percentage=zoom, prompt=prompt, format=fmt, seed=seed, **sides)


@edit.command("variate")
@_IMAGE
@click.option("-n", "n", default="1", show_default=True, help="How many variations (1..6).")
@click.option("--size", help="A size from the 1K table (default: the input's own size).")
@click.option("--strength", help="0..1: how far a learned image-to-image backend may move (default 0.5).")
@_OUTPUT
@_FORMAT
@_SEED
@_JSON
def variate(
    image: str,
    n: str,
    size: str | None,
    strength: str | None,
    output: str | None,
    fmt: str | None,
    seed: str | None,
    as_json: bool,
) -> None:
    """Variations of IMAGE (designs: the same brief with other seeds; rasters: reframed, mirrored, recoloured)."""
    _run("variate_image", image, output, as_json, n=n, size=size, format=fmt, seed=seed, strength=strength)


@edit.command("caption")
@_IMAGE
def caption(image: str) -> None:
    """Describe IMAGE: our designs from their manifest; others by size, colours and the text OCR finds."""
    from artboard.api import caption_image
    from artboard.cli import _fail

    try:
        click.echo(caption_image(image))
    except ArtboardError as error:
        _fail(error)


@edit.command("enhance")
@click.argument("prompt")
@click.option("--versions", default="1", show_default=True, help="How many enhanced prompts (1..5).")
@click.option("--max-length", "max_length", help="At most this many characters each (4..400).")
@_JSON
def enhance(prompt: str, versions: str, max_length: str | None, as_json: bool) -> None:
    """PROMPT expanded into a fuller design brief the composer reads the same way (no image)."""
    from artboard.cli import _fail
    from artboard.edit.prompts import enhance_prompt

    try:
        found = enhance_prompt(prompt, versions=versions, max_length=max_length)
    except ArtboardError as error:
        _fail(error)
        return
    if as_json:
        click.echo(
            json.dumps(
                [
                    {"prompt": e.prompt, "understood": e.understood, "added": list(e.added), "notes": list(e.notes)}
                    for e in found
                ],
                indent=2,
            )
        )
        return
    for item in found:
        click.echo(item.prompt)
        for note in item.notes:
            click.echo(f"note: {note}", err=True)
