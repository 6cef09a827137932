"""NSFW scoring: the real model on benign images, the threshold logic with a fake score."""

from __future__ import annotations

import io
import threading
import time

import numpy as np
import pytest
import resvg_py
from PIL import Image

import artboard.safety as safety
from artboard.errors import InvalidParameter
from artboard.safety import DEFAULT_THRESHOLD, SafetyResult, check_image

FLAT_ART = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" fill="#f4efe6"/><circle cx="256" cy="220" r="140" fill="#1d3557"/>
<rect x="96" y="420" width="320" height="40" rx="20" fill="#e63946"/></svg>"""


def _flat_art(size: int = 1024) -> np.ndarray:
    png = bytes(resvg_py.svg_to_bytes(svg_string=FLAT_ART, width=size, height=size))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _noise(size: int = 1024) -> np.ndarray:
    return np.random.default_rng(3).integers(0, 256, (size, size, 3), dtype=np.uint8)


@pytest.mark.parametrize("make", [_flat_art, _noise], ids=["flat-art", "noise"])
def test_benign_images_are_not_flagged(make: object) -> None:
    image = make()  # type: ignore[operator]
    check_image(image)  # load the model outside the timing
    start = time.perf_counter()
    result = check_image(image)
    elapsed = time.perf_counter() - start
    print(f"\nsafety check 1024²: {elapsed * 1000:.1f} ms, score {result.nsfw_score:.4f}")
    assert isinstance(result, SafetyResult)
    assert 0.0 <= result.nsfw_score < 0.5
    assert result.flagged is False
    assert result.threshold == DEFAULT_THRESHOLD
    assert "open_nsfw" in result.model


def test_accepts_pil_images_of_any_mode() -> None:
    scores = {mode: check_image(Image.fromarray(_noise(256)).convert(mode)).nsfw_score for mode in ("RGB", "L", "P")}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    assert check_image(np.zeros((64, 64), np.uint8)).flagged is False


def test_transparent_pixels_are_scored_as_white() -> None:
    hidden = np.zeros((128, 128, 4), np.uint8)
    hidden[..., :3] = _noise(128)  # colour data under a fully transparent alpha channel
    white = np.full((128, 128, 3), 255, np.uint8)
    assert check_image(hidden).nsfw_score == pytest.approx(check_image(white).nsfw_score, abs=1e-6)


def test_threshold_logic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "_score", lambda rgb: 0.85)
    assert check_image(_noise(32)).flagged is True
    assert check_image(_noise(32), threshold=0.9).flagged is False
    assert check_image(_noise(32), threshold=0.85).flagged is True  # the threshold itself flags
    result = check_image(_noise(32), threshold=0.5)
    assert (result.nsfw_score, result.threshold) == (0.85, 0.5)


@pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan"), "0.5", True])
def test_bad_threshold(threshold: object) -> None:
    with pytest.raises(InvalidParameter) as info:
        check_image(_noise(16), threshold=threshold)  # type: ignore[arg-type]
    assert info.value.param == "threshold"


@pytest.mark.parametrize(
    "image",
    [np.zeros((4, 4), np.float32), np.zeros((4, 4, 2), np.uint8), np.zeros((0, 4, 3), np.uint8), "x.png"],
    ids=["float", "2-channel", "empty", "str"],
)
def test_bad_images(image: object) -> None:
    with pytest.raises(InvalidParameter) as info:
        check_image(image)  # type: ignore[arg-type]
    assert info.value.param == "image"


def test_model_is_loaded_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "_classifier", None)
    calls: list[int] = []
    real_load = safety._load

    def counting_load() -> object:
        calls.append(1)
        time.sleep(0.05)  # widen the race window
        return real_load()

    monkeypatch.setattr(safety, "_load", counting_load)
    results: list[float] = []
    threads = [threading.Thread(target=lambda: results.append(check_image(_noise(64)).nsfw_score)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 6 and len(set(results)) == 1
