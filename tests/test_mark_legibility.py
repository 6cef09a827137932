"""Copy in marks stays readable: an app icon's letter has clear room in its symbol, a monogram's letters fit their
frame in colours that show."""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pytest

pytest.importorskip("artboard.composer.icons")

from PIL import Image

from artboard.colors import contrast_ratio
from artboard.composer import compose, shapes
from artboard.composer.recipes.letter_fit import fit_letter
from artboard.render import render_png
from artboard.spec import make_spec

SIDE = 512


def _compose(prompt: str, seed: int = 1) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, format="svg", aspect_ratio="1:1"), seed=seed)


def _pixels(svg: str) -> np.ndarray[Any, np.dtype[np.uint8]]:
    return np.asarray(Image.open(io.BytesIO(render_png(svg, SIDE, SIDE))).convert("RGB"))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(
    "prompt",
    [
        "language learning app icon, speech bubble with the letter A, green",
        "app icon with the letter M inside a shield, navy",
    ],
)
def test_app_icon_letter_has_clear_room_and_contrast(prompt: str, seed: int) -> None:
    svg, info = _compose(prompt, seed)
    assert info["layout"] in ("app-icon-knockout-letter", "app-icon-inside-letter", "app-icon-beside-letter")
    letter = re.search(r'<g id="letter"><path d="([^"]+)" fill="([^"]+)"/></g>', svg)
    assert letter is not None, "the letter is drawn as its own path"
    x0, y0, x1, y1 = shapes.bounds(letter.group(1))
    tile = 0.8 * 1024
    assert (y1 - y0) >= 0.149 * tile, "the letter is at least 15 % of the tile tall"
    # What lies under the letter, drawn without it, is one colour: no stroke of the symbol runs through it.
    with_letter = _pixels(svg)
    without = _pixels(svg.replace(letter.group(0), ""))
    k = SIDE / 1024
    pad = 0.1 * (y1 - y0)
    box = without[int((y0 - pad) * k) : int((y1 + pad) * k), int((x0 - pad) * k) : int((x1 + pad) * k)]
    colours, counts = np.unique(box.reshape(-1, 3), axis=0, return_counts=True)
    under = colours[counts.argmax()]
    assert counts.max() / counts.sum() >= 0.97, "the letter stands on one clear colour"
    changed = np.any(with_letter != without, axis=2)
    ink = np.median(with_letter[changed], axis=0)
    ratio = contrast_ratio(tuple(int(c) for c in ink), tuple(int(c) for c in under))  # type: ignore[arg-type]
    assert ratio >= 4.5, ratio


def test_fit_letter_keeps_clear_of_the_edge_and_gives_up_without_room() -> None:
    disc = shapes.to_path("M0 50A50 50 0 1 0 100 50A50 50 0 1 0 0 50Z")
    box = fit_letter(disc, 0.8, (50, 50), [80, 50, 30], 10)
    assert box is not None and box[3] - box[1] == 50  # 80 overflows the disc; 50 fits with its clear space
    ring = shapes.to_path("M0 50A50 50 0 1 0 100 50A50 50 0 1 0 0 50ZM40 50A10 10 0 1 1 60 50A10 10 0 1 1 40 50Z")
    assert fit_letter(ring, 0.8, (50, 50), [60, 40], 5) is None  # the hole is no room for a 40 px letter


@pytest.mark.parametrize("seed", [1, 2])
def test_monogram_of_a_name_with_an_ampersand_sets_both_letters_in_the_frame(seed: int) -> None:
    svg, info = _compose("monogram logo 'O&O' for Oak & Olive restaurant, forest green and cream", seed)
    assert info["set_texts"][:2] == ["O", "&"]
    group = svg[svg.index('<g id="monogram"') :]
    paths = re.findall(r'<path d="([^"]+)" fill="(#[0-9a-f]{6})"', group)
    framed = not info["layout"].endswith("-none")
    # With a frame the letters sit inside it; without one, inside the canvas.
    frame = shapes.bounds(paths[0][0]) if framed else (0.0, 0.0, 1024.0, 1024.0)
    letters = [shapes.bounds(d) for d, _ in paths[1 if framed else 0 : 4 if framed else 3]]
    assert min(b[0] for b in letters) >= frame[0] and max(b[2] for b in letters) <= frame[2]


def test_monogram_letters_show_on_what_they_sit_on() -> None:
    for seed in (1, 2, 3, 4):
        svg, info = _compose("monogram logo 'O&O' for Oak & Olive restaurant, forest green and cream", seed)
        pixels = _pixels(svg)
        ground = tuple(int(c) for c in pixels[4, 4])
        fills = {m for m in re.findall(r'fill="(#[0-9a-f]{6})"', svg[svg.index('<g id="monogram"') :])}
        if info["layout"] in ("monogram-ring", "monogram-none", "monogram-diamond"):
            for fill in fills:
                rgb = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
                assert contrast_ratio(rgb, ground) >= 3.0, (seed, fill)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1, 2])
def test_monogram_letters_in_a_pale_named_colour_are_deepened_to_read(seed: int) -> None:
    svg, info = _compose("wedding monogram E & J with a laurel wreath, gold on ivory", seed)
    group = svg[svg.index('<g id="monogram"') :]
    ground = tuple(int(c) for c in _pixels(svg)[4, 4])
    fills = re.findall(r'<path d="[^"]+" fill="(#[0-9a-f]{6})"', group)
    letters = fills[:3] if info["layout"] == "monogram-none" else fills[1:4]  # the frame comes first
    for fill in letters:
        rgb = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
        assert contrast_ratio(rgb, ground) >= 3.0, fill  # type: ignore[arg-type]
