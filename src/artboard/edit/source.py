"""What every image tool starts from (the input, and its vector source when it is one of our designs) and how
every tool's result becomes an `Artifact` with a manifest.

An input is *one of our designs* when it is an SVG (its markup is the vector source), or a raster whose embedded
manifest names the design composer with everything needed to draw it again (prompt, seed, size, palette,
background, no input image) and whose re-render matches its pixels. The match is checked because a manifest can
outlive edits to the pixels, and a newer composer may draw the same brief differently: a design that does not
match is treated as any other raster, never silently swapped for a different picture.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from artboard.errors import InvalidParameter
from artboard.imageio import MAX_PIXELS, image_to_rgba_array, load_image
from artboard.spec import FORMAT_ALIASES
from artboard.version import __version__

U8 = npt.NDArray[np.uint8]
OUTPUT_FORMATS = ("png", "webp", "jpg", "svg")
RASTER_OUTPUTS = ("png", "webp", "jpg")
MEDIA_TYPES = {"png": "image/png", "webp": "image/webp", "jpg": "image/jpeg", "svg": "image/svg+xml"}
#: mean absolute difference (0..255, RGB premultiplied by alpha) under which a re-render is the same picture;
#: JPEG at quality 90 of a flat design stays near 1, a moved element or another icon is far above.
_SAME_PICTURE = 4.0
_BACKGROUND_RE = re.compile(r'<g id="background"[^>]*>.*?</g>', re.S)


@dataclass(frozen=True)
class Source:
    """A decoded input image; `svg` is set when it is one of our designs (or any SVG), `spec` when the design
    composer can draw it again from its brief (variations use that)."""

    rgba: U8 = field(repr=False)
    sha256: str
    svg: str | None = field(default=None, repr=False)
    spec: Any = None  # GenerationSpec of the design, when it was re-created from its manifest
    manifest: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        return int(self.rgba.shape[1])

    @property
    def height(self) -> int:
        return int(self.rgba.shape[0])

    @property
    def is_design(self) -> bool:
        return self.svg is not None

    def record(self) -> dict[str, Any]:
        """The input as the manifest names it."""
        kind = "design" if self.spec is not None else ("svg" if self.svg is not None else "raster")
        return {"sha256": self.sha256, "width": self.width, "height": self.height, "kind": kind}


def raw_bytes(image: Any, param: str) -> bytes | None:
    """The encoded bytes of an input given encoded (bytes, path, data URL), size-checked; None for PIL images."""
    from PIL import Image

    from artboard.imageio import _read_source

    return None if isinstance(image, Image.Image) else _read_source(image, param)


def load_source(image: Any, *, param: str = "image", designs: bool = True) -> Source:
    """Decode `image` (bytes, path, data URL, PIL image) and find its vector source when it has one."""
    data = raw_bytes(image, param)
    decoded = load_image(data if data is not None else image, param=param)
    rgba = image_to_rgba_array(decoded)
    digest = hashlib.sha256(data if data is not None else rgba.tobytes()).hexdigest()
    if data is None or not designs:
        return Source(rgba=rgba, sha256=digest)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")):
        from artboard.manifest import read_manifest
        from artboard.svgsafe import sanitize_svg

        svg = sanitize_svg(data.decode("utf-8"))
        return Source(rgba=rgba, sha256=digest, svg=svg, manifest=read_manifest(data))
    return _design_source(data, rgba, digest)


def _design_source(data: bytes, rgba: U8, digest: str) -> Source:
    from artboard.manifest import read_manifest

    try:
        manifest = read_manifest(data)
    except ValueError:  # a malformed manifest is no manifest
        manifest = None
    spec = design_spec(manifest) if manifest else None
    if spec is None or (spec.width, spec.height) != (rgba.shape[1], rgba.shape[0]):
        return Source(rgba=rgba, sha256=digest, manifest=manifest)
    svg = redraw(spec)
    if svg is None or not same_picture(render(svg, spec.width, spec.height), rgba):
        return Source(rgba=rgba, sha256=digest, manifest=manifest)
    return Source(rgba=rgba, sha256=digest, svg=svg, spec=spec, manifest=manifest)


def design_spec(manifest: dict[str, Any]) -> Any:
    """The vector GenerationSpec that draws the design a manifest describes again, or None when it cannot."""
    from pydantic import ValidationError

    from artboard.spec import make_spec

    params = manifest.get("params")
    if manifest.get("engine") != "artboard" or manifest.get("backend") != "design" or not isinstance(params, dict):
        return None
    if params.get("image") is not None or not isinstance(manifest.get("seed"), int):
        return None  # image-to-image results need their input image, which the manifest does not carry
    try:
        return make_spec(
            params["prompt"],
            model=params.get("model"),
            backend="design",
            tier=params.get("tier"),
            output="vector",
            size=params.get("size"),
            seed=manifest["seed"],
            palette=params.get("palette") or None,
            background=params.get("background"),
            format="svg",
            safety=False,
            style=params.get("style"),
        )
    except (InvalidParameter, ValidationError, KeyError, TypeError):
        return None


def redraw(spec: Any) -> str | None:
    """The design's SVG drawn again (None when the composer fails on it: then it is treated as a raster)."""
    from artboard import engine
    from artboard.errors import ArtboardError

    try:
        return engine.run(spec)[0].text
    except ArtboardError:
        return None


def render(svg: str, width: int, height: int) -> U8:
    from artboard.render import png_to_rgba, render_png

    return np.array(png_to_rgba(render_png(svg, width, height)), dtype=np.uint8)  # a writable copy


def same_picture(a: U8, b: U8) -> bool:
    if a.shape != b.shape:
        return False
    pa = a[..., :3].astype(np.float32) * (a[..., 3:4] / 255.0)
    pb = b[..., :3].astype(np.float32) * (b[..., 3:4] / 255.0)
    return float(np.abs(pa - pb).mean()) < _SAME_PICTURE


def without_background(svg: str) -> str:
    """The design with its ground (the composer's `<g id="background">`) removed; unchanged when it has none."""
    return _BACKGROUND_RE.sub("", svg, count=1)


def has_background(svg: str) -> bool:
    return _BACKGROUND_RE.search(svg) is not None


def check_output_format(fmt: str | None, source: Source, *, vector_ok: bool, param: str = "format") -> str:
    """png by default; svg only where the result is vector (a design's re-render)."""
    text = (fmt or "png").strip().lower()
    text = FORMAT_ALIASES.get(text, text)  # the one table of spellings (jpeg, image/png, svg+xml…)
    allowed = OUTPUT_FORMATS if vector_ok and source.is_design else RASTER_OUTPUTS
    if text not in allowed:
        why = " (svg needs one of our designs or an SVG as input)" if text == "svg" else ""
        raise InvalidParameter(f"unknown output format {fmt!r}{why}", param=param, allowed=list(allowed))
    return text


def check_pixels(width: int, height: int, param: str) -> None:
    if width * height > MAX_PIXELS:
        raise InvalidParameter(
            f"the result would be {width}x{height} = {width * height} pixels, over the {MAX_PIXELS} pixel limit",
            param=param,
            allowed=f"at most {MAX_PIXELS} pixels",
        )


def base_manifest(operation: str, source: Source, params: dict[str, Any], seed: int | None = None) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "engine": "artboard",
        "engine_version": __version__,
        "backend": "edit",
        "operation": operation,
        "input": source.record(),
        "params": params,
        "seed": seed,
    }
    if source.spec is not None and source.manifest is not None:
        manifest["source_design"] = {"params": source.manifest.get("params"), "design": source.manifest.get("design")}
    return manifest


def finish_svg(svg: str, manifest: dict[str, Any], *, seed: int | None = None) -> Any:
    """An SVG artifact (the manifest embedded as <metadata>)."""
    from artboard.engine import Artifact
    from artboard.manifest import embed_svg

    width, height = svg_size(svg)
    return Artifact(
        data=embed_svg(svg, manifest).encode("utf-8"),
        media_type=MEDIA_TYPES["svg"],
        format="svg",
        width=width,
        height=height,
        seed=seed or 0,
        manifest=manifest,
    )


def finish_raster(
    rgba: U8, fmt: str, manifest: dict[str, Any], *, seed: int | None = None, quality: int | None = None
) -> Any:
    """A PNG/WEBP (real alpha) or JPEG (alpha flattened on white) artifact with the manifest embedded."""
    from artboard.engine import Artifact
    from artboard.render import encode_raster, rgba_to_image

    if fmt == "jpg" and bool((rgba[..., 3] < 255).any()):
        manifest.setdefault("warnings", []).append("JPEG has no alpha: the transparent parts are white")
    data = encode_raster(rgba_to_image(rgba), fmt, quality=quality, manifest=manifest)
    return Artifact(
        data=data,
        media_type=MEDIA_TYPES[fmt],
        format=fmt,
        width=int(rgba.shape[1]),
        height=int(rgba.shape[0]),
        seed=seed or 0,
        manifest=manifest,
    )


def finish_design(svg: str, fmt: str, manifest: dict[str, Any], width: int, height: int, **kw: Any) -> Any:
    """A vector result: the SVG itself, or rendered at width x height (resvg, so edges stay exact)."""
    if fmt == "svg":
        return finish_svg(svg, manifest, **kw)
    return finish_raster(render(svg, width, height), fmt, manifest, **kw)


_SIZE_RE = re.compile(r'<svg\b[^>]*?\bwidth="([0-9.]+)(?:px)?"[^>]*?\bheight="([0-9.]+)(?:px)?"', re.S)
_VIEWBOX_RE = re.compile(r'<svg\b[^>]*?\bviewBox="\s*([-0-9.]+)[ ,]+([-0-9.]+)[ ,]+([0-9.]+)[ ,]+([0-9.]+)\s*"', re.S)


def svg_size(svg: str) -> tuple[int, int]:
    found = _SIZE_RE.search(svg)
    if found:
        return round(float(found.group(1))), round(float(found.group(2)))
    box = _VIEWBOX_RE.search(svg)
    if box:
        return round(float(box.group(3))), round(float(box.group(4)))
    return 1024, 1024


def viewbox(svg: str) -> tuple[float, float, float, float]:
    box = _VIEWBOX_RE.search(svg)
    if box:
        x, y, w, h = (float(box.group(i)) for i in range(1, 5))
        return x, y, w, h
    w, h = svg_size(svg)
    return 0.0, 0.0, float(w), float(h)


def set_root(svg: str, **attrs: str) -> str:
    """The SVG with attributes of its root element replaced (or added)."""
    start = svg.find("<svg")
    end = svg.find(">", start)
    root = svg[start:end]
    for name, value in attrs.items():
        name = name.replace("_", "-") if name != "viewBox" else name
        pattern = re.compile(rf'\s{re.escape(name)}="[^"]*"')
        root = pattern.sub("", root)
        root += f' {name}="{value}"'
    return svg[:start] + root + svg[end:]


def inner_svg(svg: str) -> str:
    """The children of the root element (metadata removed)."""
    start = svg.find(">", svg.find("<svg")) + 1
    end = svg.rfind("</svg>")
    body = svg[start:end]
    return re.sub(r"<metadata>.*?</metadata>", "", body, flags=re.S)


def input_safety(source: Source, enabled: bool) -> dict[str, Any] | None:
    """The safety checker on the input (as engine.run checks its input images); flagged → ContentBlocked."""
    if not enabled:
        return None
    from artboard.errors import ContentBlocked
    from artboard.safety import check_image

    result = check_image(source.rgba)
    if result.flagged:
        raise ContentBlocked(
            f"the input image was flagged by the safety checker (score {result.nsfw_score:.2f})",
            param="image",
            details={"nsfw_score": result.nsfw_score},
        )
    return {"nsfw_score": round(result.nsfw_score, 4), "flagged": False, "model": result.model}


def resolve_seed(seed: Any) -> int:
    import secrets

    from artboard.spec import MAX_SEED, integer_param

    return integer_param(seed, "seed", 0, MAX_SEED) if seed is not None else secrets.randbelow(MAX_SEED + 1)


def check_prompt(prompt: Any, param: str = "prompt") -> str:
    from artboard.spec import MAX_PROMPT

    if not isinstance(prompt, str) or not prompt.strip() or len(prompt) > MAX_PROMPT:
        raise InvalidParameter("prompt must be a non-empty string", param=param, allowed=f"1..{MAX_PROMPT} characters")
    return prompt.strip()


def dominant_colors(rgba: U8, count: int = 5) -> list[tuple[int, int, int]]:
    """The most common colours of the opaque pixels, most common first (median cut on a 96 px thumbnail)."""
    found: list[tuple[int, int, int]] = []
    for rgb, _share in colour_coverage(rgba, count):
        if rgb not in found:
            found.append(rgb)
    return found[:count]


def colour_coverage(
    rgba: U8, count: int = 5, *, size: int = 96, crisp: bool = False, least: float = 0.0
) -> list[tuple[tuple[int, int, int], float]]:
    """(colour, share of the opaque pixels) of an image's dominant colours, largest first: median cut on a
    `size` px thumbnail (with `crisp`, sampled without blending, so the soft edge between two flat colours is no
    colour of its own), each cluster's most common real colour, not its average, so a flat design's exact
    colours survive; clusters under `least` of the image dropped."""
    from PIL import Image

    image = Image.fromarray(np.ascontiguousarray(rgba), mode="RGBA")
    if crisp:
        image.thumbnail((size, size), Image.Resampling.NEAREST)
    else:
        image.thumbnail((size, size))
    arr = np.asarray(image)
    opaque = arr[arr[..., 3] > 127][:, :3]
    if opaque.size == 0:
        return []
    strip = Image.fromarray(np.ascontiguousarray(opaque.reshape(1, -1, 3)), mode="RGB")
    quant = strip.quantize(colors=count, method=Image.Quantize.MEDIANCUT)
    labels = np.asarray(quant).reshape(-1)
    found: list[tuple[tuple[int, int, int], float]] = []
    for pixels, entry in sorted(quant.getcolors() or [], reverse=True):
        share = pixels / len(opaque)
        if share < least:
            continue
        members = opaque[labels == int(entry)]  # type: ignore[call-overload]  # P-mode: palette indices
        colours, counts = np.unique(members, axis=0, return_counts=True)
        top = colours[int(np.argmax(counts))]
        found.append(((int(top[0]), int(top[1]), int(top[2])), share))
    return found
