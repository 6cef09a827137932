"""Images to and from upstream providers: data URLs, input images, exact-size decoding, SVG normalisation."""

from __future__ import annotations

import base64
import binascii
import io
import re
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from artboard.backends.base import Design
from artboard.errors import BackendError
from artboard.spec import GenerationSpec

MAX_IMAGE_PIXELS = 40_000_000


def data_url(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def parse_data_url(url: str) -> tuple[str, bytes]:
    """(media type, bytes) of a ``data:<type>;base64,<payload>`` URL."""
    if not url.startswith("data:") or "," not in url:
        raise BackendError(f"upstream returned {url[:40]!r}…, not a data URL")
    head, payload = url[5:].split(",", 1)
    media_type = head.split(";", 1)[0] or "application/octet-stream"
    return media_type, b64decode(payload) if ";base64" in head else payload.encode("utf-8")


def b64decode(payload: str) -> bytes:
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise BackendError(f"upstream returned invalid base64: {exc}") from None


def media_type_of(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if is_svg(data):
        return "image/svg+xml"
    return "application/octet-stream"


def is_svg(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower()


def input_image(spec: GenerationSpec) -> tuple[bytes, str]:
    """The request's input image as bytes an upstream accepts (PNG/JPEG/WEBP as sent; anything else as PNG)."""
    assert spec.image is not None
    data = spec.image.data
    kind = media_type_of(data)
    if kind in ("image/png", "image/jpeg", "image/webp"):
        return data, kind
    from artboard.imageio import load_image

    buffer = io.BytesIO()
    load_image(data).save(buffer, format="PNG")
    return buffer.getvalue(), "image/png"


def decode_raster(data: bytes, width: int, height: int) -> tuple[np.ndarray, dict[str, Any]]:
    """RGBA pixels at exactly width×height: another size is scaled to cover and centre-cropped."""
    try:
        image = Image.open(io.BytesIO(data), formats=("PNG", "JPEG", "WEBP"))
        if image.size[0] * image.size[1] > MAX_IMAGE_PIXELS:
            raise BackendError(f"upstream image is {image.size[0]}x{image.size[1]}, too large to decode")
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BackendError(f"upstream returned an image that cannot be decoded: {exc}") from None
    info: dict[str, Any] = {}
    rgba = image.convert("RGBA")
    if rgba.size != (width, height):
        info["upstream_size"] = f"{rgba.size[0]}x{rgba.size[1]}"
        rgba = ImageOps.fit(rgba, (width, height), method=Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    return np.array(rgba, dtype=np.uint8), info


def _length(value: str | None) -> float | None:
    if not value:
        return None
    match = re.match(r"^\s*([0-9.]+)\s*(px)?\s*$", value)
    return float(match.group(1)) if match else None


def normalise_svg(text: str, width: int, height: int) -> tuple[str, dict[str, Any]]:
    """The upstream SVG sized to the spec (viewBox kept; another aspect ratio is covered and centre-cropped).

    The engine then applies the SVG contract (sanitising) and the palette guarantee, as for every backend.
    """
    from artboard import svgsafe

    if re.search(r"<!DOCTYPE|<!ENTITY", text[:4096], re.I):
        raise BackendError("upstream SVG has a DOCTYPE or entity declarations")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise BackendError(f"upstream SVG is not well-formed XML: {exc}") from None
    if svgsafe._local(root.tag) != "svg":
        raise BackendError("upstream returned XML that is not an SVG document")
    info: dict[str, Any] = {}
    w, h = _length(root.get("width")), _length(root.get("height"))
    if "viewBox" not in root.attrib:
        root.set("viewBox", f"0 0 {w or width:g} {h or height:g}")
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v]
    if len(box) == 4 and box[2] > 0 and box[3] > 0 and abs(box[2] / box[3] - width / height) > 0.01:
        root.set("preserveAspectRatio", "xMidYMid slice")
        info["upstream_size"] = f"{box[2]:g}x{box[3]:g}"
    root.set("width", str(width))
    root.set("height", str(height))
    return ET.tostring(root, encoding="unicode"), info


def design_from_bytes(
    data: bytes, spec: GenerationSpec, media_type: str | None = None
) -> tuple[Design, dict[str, Any]]:
    """A Design from upstream image bytes: SVG passes through (normalised), rasters are decoded at the spec size."""
    if (media_type or "").startswith("image/svg") or is_svg(data):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BackendError("upstream SVG is not UTF-8") from None
        svg, info = normalise_svg(text, spec.width, spec.height)
        return Design(svg=svg), info
    rgba, info = decode_raster(data, spec.width, spec.height)
    return Design(rgba=rgba), info
