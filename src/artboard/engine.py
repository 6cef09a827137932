"""The engine: spec → backend → post-processing guarantees → encoded artifacts with manifests.

run(spec) ─┬─ input image safety check
           ├─ for each seed: backend.generate(spec, seed) → Design (SVG or RGBA)
           ├─ post: palette + background guarantee, SVG contract, vectorize (vector from raster backends)
           └─ render (resvg) / encode, safety check of raster output, manifest embedded

Warnings: what a result falls short of in a way the user should hear about (a photographic prompt drawn flat by the
composer, a fallback away from the learned backend) are short sentences in `manifest["warnings"]` (absent when there
are none), gathered from the backend's `design.info["warnings"]` and routing's own; `Artifact.warnings` reads them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from artboard import routing
from artboard.backends.base import Backend, Design
from artboard.colors import RGB, to_hex
from artboard.errors import BackendError, Cancelled, ContentBlocked
from artboard.manifest import embed_png, embed_svg
from artboard.render import encode_raster, png_to_rgba, render_png, rgba_to_image
from artboard.spec import MAX_SEED, GenerationSpec
from artboard.svgsafe import check_svg, sanitize_svg
from artboard.version import __version__

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Artifact:
    """One generated image: its encoded bytes and everything needed to reproduce it."""

    data: bytes = field(repr=False)
    media_type: str
    format: str
    width: int
    height: int
    seed: int
    manifest: dict[str, Any] = field(repr=False)

    @property
    def warnings(self) -> list[str]:
        """What the user should know about this result (e.g. a photographic prompt drawn as a flat design); empty
        when nothing; the same list as `manifest["warnings"]`."""
        return manifest_warnings(self.manifest)

    @property
    def text(self) -> str:
        """The SVG source (vector artifacts only)."""
        if self.format != "svg":
            raise ValueError("only SVG artifacts are text")
        return self.data.decode("utf-8")

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.data)
        return target


def manifest_warnings(manifest: Mapping[str, Any]) -> list[str]:
    """The warnings a manifest carries (an empty list when it has none)."""
    found = manifest.get("warnings")
    return [w for w in found if isinstance(w, str)] if isinstance(found, list) else []


def resolve_seed(spec: GenerationSpec) -> GenerationSpec:
    """A spec with its seed fixed (random when absent, and then always reported)."""
    return spec if spec.seed is not None else spec.with_seed(secrets.randbelow(MAX_SEED + 1))


def run(
    spec: GenerationSpec,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    provider: routing.ProviderPreferences | Mapping[str, Any] | None = None,
) -> list[Artifact]:
    """Render every result of `spec`. `provider` ({order, only, ignore, allow_fallbacks}) steers routing."""
    spec = resolve_seed(spec)
    plan = routing.plan(spec, provider)
    input_safety = check_input(spec)
    artifacts: list[Artifact] = []
    for index, seed in enumerate(spec.seeds()):
        if cancel is not None and cancel():
            raise Cancelled(f"cancelled after {index} of {spec.n} images")
        artifacts.append(render_one(spec, plan, index=index, seed=seed, input_safety=input_safety))
        if progress is not None:
            progress(index + 1, spec.n)
    return artifacts


def render_one(
    spec: GenerationSpec, plan: routing.Plan, *, index: int, seed: int, input_safety: dict[str, Any] | None
) -> Artifact:
    """Result `index` of `spec`: one turn of `run`'s loop, for callers that run images one at a time (the job
    workers), so their images are byte-identical to `run`'s. `plan` is `routing.plan(spec, provider)` and
    `input_safety` is `check_input(spec)`, both computed once per spec."""
    served = routing.serve(spec, plan, seed=seed, index=index)
    return finish(
        spec,
        served.backend,
        served.design,
        seed=seed,
        index=index,
        input_safety=input_safety,
        routing=served.manifest_record(),
        warnings=served.warnings,
    )


def check_input(spec: GenerationSpec) -> dict[str, Any] | None:
    """The safety check of the spec's input image (None without one); ContentBlocked when it is flagged."""
    if spec.image is None or not spec.safety:
        return None
    from artboard.imageio import load_image
    from artboard.safety import check_image

    result = check_image(load_image(spec.image.data))
    if result.flagged:
        raise ContentBlocked(
            f"the input image was flagged by the safety checker (score {result.nsfw_score:.2f})",
            param="image",
            details={"nsfw_score": result.nsfw_score},
        )
    return {"nsfw_score": round(result.nsfw_score, 4), "flagged": False, "model": result.model}


def finish(
    spec: GenerationSpec,
    backend: Backend,
    design: Design,
    *,
    seed: int,
    index: int,
    input_safety: dict[str, Any] | None = None,
    routing: dict[str, Any] | None = None,
    warnings: Sequence[str] = (),
) -> Artifact:
    """Apply the guarantees every backend gets, then encode with the manifest (with `routing`'s record if any).

    The manifest's `warnings` are the backend's (`design.info["warnings"]`) followed by `warnings` (routing's)."""
    background: RGB | None = spec.background if isinstance(spec.background, tuple) else None
    manifest: dict[str, Any] = {
        "engine": "artboard",
        "engine_version": __version__,
        "backend": backend.name,
        "model": spec.model,
        "model_id": backend.model_id,
        "seed": seed,
        "index": index,
        "params": {**spec.public_params(), "seed": seed},
        "design": {k: v for k, v in design.info.items() if k != "warnings"},
    }
    if routing is not None:
        manifest["routing"] = routing
    if input_safety is not None:
        manifest["input_safety"] = input_safety
    found = _warnings(design.info.get("warnings"), warnings)
    if found:
        manifest["warnings"] = found

    if design.svg is not None:
        svg, report = _post_svg(design.svg, spec, background)
        manifest["palette"] = report
        if spec.format == "svg":
            return _artifact(spec, embed_svg(svg, manifest).encode("utf-8"), seed, manifest)
        png = render_png(svg, spec.width, spec.height)
        rgba: np.ndarray | None = None
        if spec.palette:
            # Anti-aliasing where three colours meet, or under thin strokes, blends colours that are not on a
            # two-colour edge; snapping the render makes the pixel guarantee hold by construction.
            from artboard.post.palette import enforce_raster_palette

            rgba, raster_report = enforce_raster_palette(png_to_rgba(png), spec.palette, background)
            manifest["palette"]["raster"] = {"coverage": raster_report.coverage, "compliant": raster_report.compliant}
        if spec.safety:
            manifest["safety"] = _check_output(rgba if rgba is not None else _preview(svg, spec))
        if spec.format == "png" and spec.quality is None and not spec.palette:
            return _artifact(spec, embed_png(png, manifest), seed, manifest)
        image = rgba_to_image(rgba if rgba is not None else png_to_rgba(png))
        return _artifact(
            spec,
            encode_raster(
                image, spec.format, quality=spec.quality, manifest=manifest, matte=background or (255, 255, 255)
            ),
            seed,
            manifest,
        )

    assert design.rgba is not None
    pixels = _post_raster(design.rgba, spec, background, manifest)
    if spec.format == "svg":
        from artboard.vectorizer import VectorizeOptions, vectorize

        result = vectorize(pixels, VectorizeOptions(strict_palette=spec.palette))
        manifest["vectorize"] = {"ssim": round(result.ssim, 4), "shapes": result.shapes}
        svg, _ = _post_svg(result.svg, spec, background)
        return _artifact(spec, embed_svg(svg, manifest).encode("utf-8"), seed, manifest)
    if spec.safety:
        manifest["safety"] = _check_output(pixels)
    image = rgba_to_image(pixels)
    return _artifact(
        spec,
        encode_raster(image, spec.format, quality=spec.quality, manifest=manifest, matte=background or (255, 255, 255)),
        seed,
        manifest,
    )


def _warnings(*groups: Any) -> list[str]:
    """The warning sentences of every group in order, each once (a group may be None or hold non-strings)."""
    found: list[str] = []
    for group in groups:
        for item in group if isinstance(group, list | tuple) else ():
            text = item.strip() if isinstance(item, str) else ""
            if text and text not in found:
                found.append(text)
    return found


def _post_svg(svg: str, spec: GenerationSpec, background: RGB | None) -> tuple[str, dict[str, Any]]:
    from artboard.post.palette import enforce_svg_palette, svg_colors

    if check_svg(svg):
        # A backend's SVG is untrusted until checked; strip what the contract forbids rather than fail the job.
        svg = sanitize_svg(svg)
        if check_svg(svg):
            raise BackendError("backend produced an SVG that cannot be made to satisfy the SVG contract")
    if spec.palette:
        svg, report = enforce_svg_palette(svg, spec.palette, background)
        return svg, report.to_dict()
    return svg, {"palette": None, "colors": sorted(to_hex(c) for c in svg_colors(svg))}


def _post_raster(
    rgba: np.ndarray, spec: GenerationSpec, background: RGB | None, manifest: dict[str, Any]
) -> np.ndarray:
    from artboard.post.palette import enforce_raster_palette

    if rgba.shape[:2] != (spec.height, spec.width):
        raise BackendError(f"backend returned {rgba.shape[1]}x{rgba.shape[0]}, expected {spec.width}x{spec.height}")
    if spec.palette:
        rgba, report = enforce_raster_palette(rgba, spec.palette, background)
        manifest["palette"] = report.to_dict()
    elif background is not None:
        alpha = rgba[..., 3:4].astype(np.float32) / 255.0
        rgb = rgba[..., :3].astype(np.float32) * alpha + np.array(background, np.float32) * (1 - alpha)
        rgba = np.dstack([np.rint(rgb).astype(np.uint8), np.full(rgba.shape[:2], 255, np.uint8)])
    return rgba


def _preview(svg: str, spec: GenerationSpec) -> np.ndarray:
    """A small render for the classifier (it looks at 224 px): cheaper than decoding the full-size PNG."""
    scale = 256 / min(spec.width, spec.height)
    return png_to_rgba(render_png(svg, round(spec.width * scale), round(spec.height * scale)))


def _check_output(rgba: np.ndarray) -> dict[str, Any]:
    from artboard.safety import check_image

    result = check_image(rgba)
    if result.flagged:
        raise ContentBlocked(
            f"an output image was flagged by the safety checker (score {result.nsfw_score:.2f})",
            details={"nsfw_score": result.nsfw_score},
        )
    return {"nsfw_score": round(result.nsfw_score, 4), "flagged": False, "model": result.model}


def _artifact(spec: GenerationSpec, data: bytes, seed: int, manifest: dict[str, Any]) -> Artifact:
    return Artifact(
        data=data,
        media_type=spec.media_type,
        format=spec.format,
        width=spec.width,
        height=spec.height,
        seed=seed,
        manifest=manifest,
    )
