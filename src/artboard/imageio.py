"""Loading user-supplied input images safely.

Inputs arrive as a filesystem path, raw bytes, a ``data:`` URL or an already decoded PIL image.
Every path through here enforces the same limits (``MAX_BYTES`` encoded, ``MAX_PIXELS`` decoded)
and reports failures as :class:`~artboard.errors.InvalidParameter` /
:class:`~artboard.errors.PayloadTooLarge` naming the offending parameter, so each API surface
can show a useful 400/413 without knowing anything about Pillow.

Remote ``http(s)://`` URLs are deliberately refused: fetching needs timeouts, an allow-list and
SSRF protection, which belong to the service layer, not to a pure decoding helper.
"""

from __future__ import annotations

import base64
import binascii
import io
import os
import re
import urllib.parse
from typing import Final

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from artboard.errors import InvalidParameter, PayloadTooLarge

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_BYTES",
    "MAX_PIXELS",
    "ImageSource",
    "image_to_rgba_array",
    "load_image",
]

MAX_BYTES: Final = 10 * 1024 * 1024
MAX_PIXELS: Final = 16_000_000

# Pillow format names we hand to Image.open(formats=...), so no other decoder ever sees the bytes.
ALLOWED_FORMATS: Final = ("PNG", "JPEG", "WEBP", "GIF", "BMP")
_ALLOWED_TEXT: Final = "PNG, JPEG, WEBP or SVG (sanitised, then rendered; GIF first frame and BMP also accepted)"

ImageSource = bytes | bytearray | memoryview | str | os.PathLike[str] | Image.Image


def load_image(source: ImageSource, *, param: str = "image") -> Image.Image:
    """Decode ``source`` into a fresh RGBA image with its EXIF orientation applied.

    ``source`` may be a path, raw encoded bytes, a ``data:image/...;base64,...`` URL or a PIL
    image. Raises ``PayloadTooLarge`` over ``MAX_BYTES`` encoded bytes or ``MAX_PIXELS`` pixels
    and ``InvalidParameter`` for anything that is not a complete PNG/JPEG/WEBP/GIF/BMP image.
    """
    if isinstance(source, Image.Image):
        _check_pixels(source.size, param)
        return _to_rgba(source)
    data = _read_source(source, param)
    return _decode(data, param)


def image_to_rgba_array(img: Image.Image | npt.ArrayLike) -> npt.NDArray[np.uint8]:
    """An (H, W, 4) uint8 C-contiguous copy of ``img`` (PIL image, or grey/RGB/RGBA array)."""
    if isinstance(img, Image.Image):
        return np.array(_to_rgba(img), dtype=np.uint8, copy=True)
    arr = np.asarray(img)
    if arr.dtype != np.uint8:
        raise InvalidParameter(f"image arrays must be uint8, got {arr.dtype}", param="image")
    if arr.ndim == 2:
        arr = arr[..., None]
    if arr.ndim != 3 or arr.shape[2] not in (1, 3, 4):
        raise InvalidParameter(f"image arrays must be (H, W), (H, W, 3) or (H, W, 4), got {arr.shape}", param="image")
    if arr.shape[2] == 1:
        arr = np.repeat(arr, 3, axis=2)
    if arr.shape[2] == 3:
        alpha = np.full((*arr.shape[:2], 1), 255, dtype=np.uint8)
        arr = np.concatenate([arr, alpha], axis=2)
    return np.ascontiguousarray(arr, dtype=np.uint8).copy()


def _read_source(source: bytes | bytearray | memoryview | str | os.PathLike[str], param: str) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        _check_bytes(len(data), param)
        return data
    if isinstance(source, str):
        head = source[:16].lstrip().lower()
        if head.startswith("data:"):
            return _decode_data_url(source.strip(), param)
        if head.startswith(("http://", "https://", "ftp://")):
            raise InvalidParameter(
                "remote URLs are fetched by the service layer, not by load_image; "
                "pass the downloaded bytes, a local path or a data URL",
                param=param,
            )
    if isinstance(source, str | os.PathLike):
        return _read_path(os.fspath(source), param)
    raise InvalidParameter(
        f"unsupported image source type {type(source).__name__}",
        param=param,
        allowed="bytes, a path, a data URL or a PIL image",
    )


def _read_path(path: str, param: str) -> bytes:
    try:
        size = os.stat(path).st_size
    except (OSError, ValueError) as exc:
        raise InvalidParameter(f"cannot read image file {path!r}: {exc}", param=param) from exc
    # Stat first so a huge file is refused without reading it into memory.
    _check_bytes(size, param)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidParameter(f"cannot read image file {path!r}: {exc}", param=param) from exc
    _check_bytes(len(data), param)
    return data


def _decode_data_url(url: str, param: str) -> bytes:
    header, sep, payload = url.partition(",")
    if not sep:
        raise InvalidParameter("malformed data URL: no ',' separator", param=param)
    meta = header[len("data:") :].split(";")
    media_type = meta[0].strip().lower()
    if media_type and not media_type.startswith("image/"):
        raise InvalidParameter(
            f"data URL media type {media_type!r} is not an image", param=param, allowed=_ALLOWED_TEXT
        )
    if "base64" in (m.strip().lower() for m in meta[1:]):
        # base64 inflates by 4/3; refuse oversize payloads before decoding them.
        _check_bytes(len(payload) * 3 // 4 - 2, param)
        try:
            data = base64.b64decode("".join(payload.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise InvalidParameter(f"data URL is not valid base64: {exc}", param=param) from exc
    else:
        data = urllib.parse.unquote_to_bytes(payload)
    _check_bytes(len(data), param)
    return data


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower()


def _decode_svg(data: bytes, param: str) -> Image.Image:
    """An SVG input is sanitised (scripts, external references, embedded rasters removed) and rendered."""
    from artboard.render import render_png
    from artboard.svgsafe import sanitize_svg

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidParameter("SVG input must be UTF-8", param=param, allowed=_ALLOWED_TEXT) from None
    try:
        clean = sanitize_svg(text)
    except InvalidParameter as exc:
        raise InvalidParameter(exc.message, param=param, allowed=_ALLOWED_TEXT) from None
    width, height = _svg_size(clean)
    _check_pixels((width, height), param)
    try:
        png = render_png(clean, width, height)
    except Exception as exc:  # resvg reports parse problems as generic errors
        raise InvalidParameter(f"cannot render SVG: {exc}", param=param, allowed=_ALLOWED_TEXT) from exc
    return _decode(png, param)


def _svg_size(svg: str) -> tuple[int, int]:
    """Render size: width/height when given in px, else the viewBox, scaled so the long side is ≤ 2048."""
    root = svg[: svg.find(">") + 1]
    dims = [re.search(rf'\b{name}="([0-9.]+)(?:px)?"', root) for name in ("width", "height")]
    if dims[0] and dims[1]:
        w, h = float(dims[0].group(1)), float(dims[1].group(1))
    else:
        box = re.search(r'viewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"', root)
        w, h = (float(box.group(1)), float(box.group(2))) if box else (1024.0, 1024.0)
    scale = min(1.0, 2048 / max(w, h, 1.0)) if max(w, h) > 2048 else max(1.0, 512 / max(min(w, h), 1.0))
    return max(1, round(w * scale)), max(1, round(h * scale))


def _decode(data: bytes, param: str) -> Image.Image:
    if not data:
        raise InvalidParameter("image is empty", param=param, allowed=_ALLOWED_TEXT)
    if _looks_like_svg(data):
        return _decode_svg(data, param)
    try:
        img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except UnidentifiedImageError as exc:
        raise InvalidParameter("not a recognised image", param=param, allowed=_ALLOWED_TEXT) from exc
    except Image.DecompressionBombError as exc:
        raise PayloadTooLarge(f"image has too many pixels: {exc}", param=param) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InvalidParameter(f"cannot decode image: {exc}", param=param, allowed=_ALLOWED_TEXT) from exc
    # The header is parsed but no pixel data is decoded yet: refuse bombs here.
    _check_pixels(img.size, param)
    try:
        img.load()
    except Image.DecompressionBombError as exc:
        raise PayloadTooLarge(f"image has too many pixels: {exc}", param=param) from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise InvalidParameter(
            f"image data is truncated or corrupt: {exc}", param=param, allowed=_ALLOWED_TEXT
        ) from exc
    return _to_rgba(img)


def _to_rgba(img: Image.Image) -> Image.Image:
    try:
        oriented = ImageOps.exif_transpose(img) or img
    except (OSError, ValueError, TypeError, KeyError, SyntaxError):
        # A corrupt EXIF block should not reject otherwise valid pixels.
        oriented = img
    if oriented.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        # 16-bit / float greys: Pillow's convert() clips to 0..255 instead of rescaling.
        arr = np.asarray(oriented, dtype=np.float64)
        top = 65535.0 if oriented.mode.startswith("I") else max(float(arr.max()), 1.0)
        grey = np.clip(arr * (255.0 / top), 0, 255).round().astype(np.uint8)
        oriented = Image.fromarray(grey, mode="L")
    rgba = oriented.convert("RGBA")
    # convert() may return the same object for RGBA input; callers own the result, so copy.
    return rgba.copy() if rgba is img else rgba


def _check_bytes(n: int, param: str) -> None:
    if n > MAX_BYTES:
        raise PayloadTooLarge(
            f"image is {n} bytes, over the {MAX_BYTES} byte limit",
            param=param,
            allowed=f"at most {MAX_BYTES} bytes",
        )


def _check_pixels(size: tuple[int, int], param: str) -> None:
    w, h = size
    if w * h > MAX_PIXELS:
        raise PayloadTooLarge(
            f"image is {w}x{h} = {w * h} pixels, over the {MAX_PIXELS} pixel limit",
            param=param,
            allowed=f"at most {MAX_PIXELS} pixels",
        )
    if w <= 0 or h <= 0:
        raise InvalidParameter(f"image has no pixels ({w}x{h})", param=param)
