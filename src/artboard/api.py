"""The Python API: `artboard.generate(prompt, **options)`, `artboard.vectorize(image, **options)` and the image
tools (`artboard.remove_background(image)`, `crisp_upscale`, `inpaint`, … — see `artboard.edit`)."""

from __future__ import annotations

import hashlib
from typing import Any

from artboard import engine
from artboard.colors import RGB, parse_palette, to_hex
from artboard.engine import Artifact, Progress
from artboard.errors import InvalidParameter
from artboard.manifest import embed_svg
from artboard.spec import make_spec
from artboard.version import __version__


def generate(prompt: str, *, progress: Progress | None = None, **options: Any) -> list[Artifact]:
    """Generate `n` designs for `prompt`.

    Options (all optional): model, backend, tier ("standard" | "pro"), output ("raster" | "vector"),
    size ("WxH" or "w:h") or aspect_ratio or width+height, n (1–20), seed (uint32), palette (list of colours
    or "#112233,#445566"), background (colour or "transparent"), image (path, bytes or data URL) + strength
    (0..1), format ("png" | "jpg" | "webp" | "svg"), quality (20–99), safety (bool).
    Raises `artboard.errors.InvalidParameter` naming the parameter for any bad value.
    """
    spec = make_spec(prompt, **options)
    return engine.run(spec, progress=progress)


def vectorize(
    image: Any,
    *,
    palette: Any = None,
    max_shapes: int | None = None,
    speckle: int = 4,
    mode: str = "spline",
) -> Artifact:
    """Trace a raster image (path, bytes, data URL or PIL image) into an SVG artifact.

    palette: strict palette — every colour of the result is one of these. max_shapes: cap on paths.
    speckle: drop blobs smaller than this many pixels. The manifest reports the SSIM of the SVG's re-render
    against the input.
    """
    from artboard.imageio import load_image
    from artboard.vectorizer import VectorizeOptions
    from artboard.vectorizer import vectorize as trace

    img = load_image(image, param="image")
    strict: tuple[RGB, ...] | None = parse_palette(palette, param="palette") if palette is not None else None
    if mode not in ("spline", "polygon"):
        raise InvalidParameter(f"unknown mode {mode!r}", param="mode", allowed=["spline", "polygon"])
    options = VectorizeOptions(strict_palette=strict, max_shapes=max_shapes, speckle=speckle, mode=mode)  # type: ignore[arg-type]
    result = trace(img, options)
    digest = hashlib.sha256(img.tobytes()).hexdigest()
    manifest: dict[str, Any] = {
        "engine": "artboard",
        "engine_version": __version__,
        "backend": "vectorize",
        "model_id": "vtracer",
        "params": {
            "image": {"sha256": digest, "width": img.width, "height": img.height},
            "palette": [to_hex(c) for c in strict] if strict else None,
            "max_shapes": max_shapes,
            "speckle": speckle,
            "mode": mode,
        },
        "vectorize": {"ssim": round(result.ssim, 4), "shapes": result.shapes, "colors": list(result.colors)},
        "seed": None,
    }
    svg = embed_svg(result.svg, manifest)
    return Artifact(
        data=svg.encode("utf-8"),
        media_type="image/svg+xml",
        format="svg",
        width=result.width,
        height=result.height,
        seed=0,
        manifest=manifest,
    )


# ---------------------------------------------------------------------------------------------------------------
# image tools: the same validation and code path as the server's jobs (artboard.edit.request)


def _edit(operation: str, image: Any, **options: Any) -> list[Artifact]:
    from artboard.edit.request import make_edit_request, run_edit

    request = make_edit_request(operation, image=image, **options).with_seed()
    return [run_edit(request, index) for index in range(request.count)]


def remove_background(image: Any, **options: Any) -> Artifact:
    """The subject on transparent. Options: format (png | webp | svg for our designs), safety."""
    return _edit("remove_background", image, **options)[0]


def replace_background(image: Any, prompt: str, **options: Any) -> Artifact:
    """The subject kept over a background composed for `prompt`. Options: seed, palette, format, safety."""
    return _edit("replace_background", image, prompt=prompt, **options)[0]


def generate_background(image: Any, mask: Any, prompt: str, **options: Any) -> Artifact:
    """The mask's white area drawn as a background for `prompt`, the rest kept. Options: seed, palette, format."""
    return _edit("generate_background", image, mask=mask, prompt=prompt, **options)[0]


def crisp_upscale(image: Any, **options: Any) -> Artifact:
    """Larger, same content. Options: scale (default 2, ≤ 4) or width/height, format, safety."""
    return _edit("crisp_upscale", image, **options)[0]


def creative_upscale(image: Any, **options: Any) -> Artifact:
    """Larger, fine detail regenerated (inputs ≤ 512x512 unless a design). Options as crisp_upscale."""
    return _edit("creative_upscale", image, **options)[0]


def erase_region(image: Any, mask: Any, **options: Any) -> Artifact:
    """What the mask's white area covers removed. Options: format, safety."""
    return _edit("erase_region", image, mask=mask, **options)[0]


def inpaint(image: Any, mask: Any, prompt: str, **options: Any) -> Artifact:
    """The mask's region drawn again as `prompt`. Options: seed, palette, format, safety."""
    return _edit("inpaint", image, mask=mask, prompt=prompt, **options)[0]


def outpaint(image: Any, **options: Any) -> Artifact:
    """A larger canvas: expand_left/top/right/bottom (px) or zoom_out_percentage; optional prompt, seed, format."""
    return _edit("outpaint", image, **options)[0]


def variate_image(image: Any, **options: Any) -> list[Artifact]:
    """`n` (1–6) variations. Options: n, seed, size (a table size), format, safety, strength (0..1: a learned
    image-to-image backend's strength, when one is ready)."""
    return _edit("variate_image", image, **options)


def caption_image(image: Any) -> str:
    """What can truthfully be said of `image` (path, bytes or data URL): one of our designs is described from its
    manifest (kind, subjects, text set, colours); any other image by its size, dominant colours and the text OCR
    found (tesseract, when installed) — no guessed objects (artboard.edit.caption)."""
    from artboard.edit.caption import caption

    return caption(image)


def enhance_prompt(prompt: str, **options: Any) -> Any:
    """A fuller design brief for `prompt`, in the composer's own words (artboard.edit.prompts.Enhanced): what it
    read (kind, subjects, copy, colours) written out, plus a style, palette mood, type and layout. Options:
    versions (1–5: returns a list), max_length (4–400 characters). Generating from it draws the same kind of
    design, the same subjects and copy."""
    from artboard.edit.prompts import enhance_prompt as enhance

    versions = options.pop("versions", None)
    found = enhance(prompt, versions=versions or 1, **options)
    return found if versions is not None else found[0]
