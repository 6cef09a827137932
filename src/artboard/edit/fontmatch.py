"""Which of the composer's font families set the text of an image (styles from reference images).

No learned model: tesseract (when installed) finds the words and their boxes; each clear word is drawn again
in every installed family (regular and bold) and compared with the image's own ink, scaled to the same box
(intersection over union of the two ink masks). A family is reported when it is the best match over the
words, and a clear one: its mean IoU at least `MIN_SCORE` and ahead of the next family. This identifies text
set in one of our families (a poster, a label, a design made elsewhere with the same open fonts); a face we do
not ship is answered with the nearest one only when it is close, else nothing — never a guess.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess
from typing import Any

import numpy as np
import numpy.typing as npt

MIN_SCORE = 0.72  #: mean IoU of the best family's words (measured: own-family 0.8–0.95, others ≤ 0.7)
MIN_LEAD = 0.03  #: how far ahead of the next family it must be
MAX_WORDS = 6
_BOX = (96, 32)  #: the size (w, h) both ink masks are compared at
_OCR_TIMEOUT = 20.0


def _words(gray: npt.NDArray[np.uint8]) -> list[tuple[str, tuple[int, int, int, int]]]:
    """(text, (x, y, w, h)) of the words tesseract reads with confidence, largest first."""
    from PIL import Image

    from artboard.render import encode_raster

    binary = shutil.which("tesseract")
    if binary is None:
        return []
    png = encode_raster(Image.fromarray(gray).convert("RGB"), "png", quality=None, manifest={})
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", "tsv"], input=png, capture_output=True, timeout=_OCR_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    found: list[tuple[str, tuple[int, int, int, int]]] = []
    for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        text, conf = cells[11].strip(), float(cells[10])
        if conf < 70 or len(text) < 3 or not text.isalpha():
            continue
        x, y, w, h = (int(v) for v in cells[6:10])
        if h >= 12:
            found.append((text, (x, y, w, h)))
    found.sort(key=lambda item: -item[1][2] * item[1][3])
    return found[:MAX_WORDS]


def _ink(crop: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_] | None:
    """The ink of a word crop (pixels far from the crop's border tone), scaled to `_BOX`, or None when faint."""
    from PIL import Image

    ring = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]]).astype(float)
    ground = float(np.median(ring))
    far = np.abs(crop.astype(float) - ground)
    if far.max() < 40:
        return None
    mask = far > far.max() / 2
    ys, xs = np.nonzero(mask)
    tight = mask[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    scaled = Image.fromarray(tight.astype(np.uint8) * 255).resize(_BOX, Image.Resampling.BILINEAR)
    return np.asarray(scaled) > 127


@functools.lru_cache(maxsize=512)
def _rendered(family: str, weight: int, text: str) -> npt.NDArray[np.bool_] | None:
    from PIL import Image, ImageDraw, ImageFont

    from artboard.composer.fonts import get_face

    face = get_face(family, weight)
    try:
        font = ImageFont.truetype(face.path, 96)
        if face.variable:
            location = dict(face.location)
            # FreeType without variation support keeps the default instance
            with contextlib.suppress(OSError, ValueError):
                font.set_variation_by_axes([location.get(tag, default) for tag, default in _axes(font)])
    except OSError:
        return None
    left, top, right, bottom = (int(v) for v in font.getbbox(text))
    image = Image.new("L", (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(image).text((4 - left, 4 - top), text, fill=255, font=font)
    return _ink(255 - np.asarray(image))


_TAGS = {b"weight": "wght", b"width": "wdth", b"optical size": "opsz"}


def _axes(font: Any) -> list[tuple[str, float]]:
    """(tag, default) of a variable font's axes, in the font's order."""
    return [(_TAGS.get(bytes(a.get("name", b"")).lower(), "?"), float(a["default"])) for a in font.get_variation_axes()]


def match_fonts(rgba: npt.NDArray[np.uint8]) -> list[str]:
    """The family (at most one) that set the image's text, or [] when there is no clear text or no clear match."""
    from artboard.composer.fonts import font_families

    gray = (rgba[..., :3].astype(float) @ np.array([0.299, 0.587, 0.114])).astype(np.uint8)
    alpha = rgba[..., 3] < 128
    gray[alpha] = 255  # transparent areas read as a white ground
    words = _words(gray)
    scores: dict[str, list[float]] = {}
    for text, (x, y, w, h) in words:
        pad = max(2, h // 8)
        crop = gray[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad]
        ink = _ink(crop)
        if ink is None:
            continue
        for family in font_families():
            best = 0.0
            for weight in (400, 700):
                drawn = _rendered(family, weight, text)
                if drawn is not None:
                    best = max(best, float((ink & drawn).sum() / max(1, (ink | drawn).sum())))
            scores.setdefault(family, []).append(best)
    if not scores:
        return []
    ranked = sorted(((float(np.mean(v)), f) for f, v in scores.items()), reverse=True)
    (top, family), runner_up = ranked[0], (ranked[1][0] if len(ranked) > 1 else 0.0)
    return [family] if top >= MIN_SCORE and top - runner_up >= MIN_LEAD else []
