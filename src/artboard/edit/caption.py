"""Image captions (Runware imageCaption): what we can say truthfully about an image.

A design of ours (an SVG with our manifest, or a raster whose manifest's re-render matches) is described from its
manifest: the kind of design, what it draws, the text it sets and its colours. Any other image gets only what is
measured: its size, its dominant colours (named by the nearest designer colour word) and whether OCR (the
tesseract binary, when installed) found text — no guessed objects or scenes.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from artboard.colors import RGB, to_hex

_OCR_TIMEOUT = 20.0


def colour_name(rgb: RGB) -> str:
    from artboard.colornames import NAMED_COLORS
    from artboard.oklab import delta_e_ok

    return min(NAMED_COLORS, key=lambda name: delta_e_ok(rgb, NAMED_COLORS[name]))


def ocr_text(png: bytes) -> str | None:
    """The text tesseract reads in the image; None when tesseract is not installed or fails."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout"], input=png, capture_output=True, timeout=_OCR_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return " ".join(done.stdout.decode("utf-8", "replace").split())


def _colours(rgbs: list[RGB]) -> str:
    return ", ".join(f"{colour_name(c)} ({to_hex(c)})" for c in rgbs)


def describe_design(manifest: dict[str, Any], colours: list[RGB]) -> str:
    found_design, found_params = manifest.get("design"), manifest.get("params")
    design: dict[str, Any] = found_design if isinstance(found_design, dict) else {}
    params: dict[str, Any] = found_params if isinstance(found_params, dict) else {}
    kind = str(design.get("type") or "design").replace("_", " ")
    subjects = [str(s) for s in design.get("subjects", [])]
    texts = [str(t) for t in design.get("set_texts", [])]
    parts = [f"A flat {kind}" + (f" of {', '.join(subjects)}" if subjects else "")]
    parts.append(f"with the text {', '.join(repr(t) for t in texts)}" if texts else "with no text")
    sentence = " ".join(parts) + "."
    sentence += f" Colours: {_colours(colours)}." if colours else ""
    if params.get("prompt"):
        sentence += f" Drawn by artboard's design composer for the prompt {params['prompt']!r}."
    return sentence


def caption(image: Any, *, param: str = "image") -> str:
    from artboard.edit.source import dominant_colors, load_source
    from artboard.render import encode_raster, rgba_to_image

    source = load_source(image, param=param)
    colours = dominant_colors(source.rgba, 4)
    if source.manifest is not None and (source.spec is not None or source.svg is not None):
        return describe_design(source.manifest, colours)
    sentence = f"A {source.width}x{source.height} image"
    if int(source.rgba[..., 3].min()) < 255:
        sentence += " with transparency"
    sentence += f"; dominant colours: {_colours(colours)}." if colours else "."
    text = ocr_text(encode_raster(rgba_to_image(source.rgba), "png", quality=None, manifest={}))
    if text is None:
        sentence += " Text was not checked (no OCR engine installed)."
    elif text:
        sentence += f" Text found by OCR: {text!r}."
    else:
        sentence += " No text was found by OCR."
    return sentence
