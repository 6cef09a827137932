"""Pixel art: the finished picture redrawn on a coarse grid of square cells in a few flat colours.

"pixel art sticker of a ghost", "8-bit poster": the art is rendered once (resvg), each cell takes the colour
that covers most of it (so no edge is blended), the colours are reduced to a small palette, and the cells are
written back as vectors — one path per colour, each row's runs merged — so the file stays a true SVG that scales
without blur. Lettering is left crisp on top: a pixel font is not among the installed faces, and the copy has to read.
"""

from __future__ import annotations

import io
import re

import numpy as np
from PIL import Image

from artboard.composer.canvas import Canvas, Node, num
from artboard.render import render_png

WORDS = re.compile(r"\bpixel[- ]?art\b|\bpixelated\b|\bpixel(?:ated)?[- ]style\b|\b(?:8|16)[- ]?bit\b", re.I)
# Cells across the longer side: a sprite for small marks, more cells where a scene has to read.
_CELLS_SMALL = 40
_CELLS_LARGE = 72
_SMALL_TYPES = frozenset({"icon", "emoji", "app_icon", "sticker", "logo", "badge", "monogram"})
_COLOURS = 14
_EXACT = 24  # up to this many distinct colours are kept as they are
_OVERSAMPLE = 4  # rendered at this many pixels a side per cell
_KEEP_TAGS = frozenset({"defs", "clipPath", "mask", "linearGradient", "radialGradient", "filter", "pattern"})


def _prune_to_text(node: Node, texts: set[int]) -> bool:
    """Keep only the lettering under `node` (and what it refers to); returns whether anything is left."""
    if id(node) in texts:
        return True
    kept = [c for c in node.children if c.tag in _KEEP_TAGS or _prune_to_text(c, texts)]
    node.children = kept
    return any(c.tag not in _KEEP_TAGS for c in kept)


def _cells(canvas: Canvas, design_type: str) -> tuple[int, int]:
    across = _CELLS_SMALL if design_type in _SMALL_TYPES else _CELLS_LARGE
    w, h = canvas.width, canvas.height
    if w >= h:
        return across, max(1, round(across * h / w))
    return max(1, round(across * w / h)), across


def _sample(svg: str, cols: int, rows: int) -> np.ndarray:
    """Each cell's colour, RGBA, rows × cols: of the cell's samples, the colour that covers most of it, with dark
    ink counted up to about twice (an outline a third of a cell wide keeps its cell, as a pixel artist keeps it);
    clear where most of the cell is."""
    o = _OVERSAMPLE
    png = render_png(svg, cols * o, rows * o)
    drawn = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))[: rows * o, : cols * o]
    rgba = np.zeros((rows * o, cols * o, 4), dtype=np.uint8)  # resvg keeps the aspect: a row may come short
    rgba[: drawn.shape[0], : drawn.shape[1]] = drawn
    blocks = rgba.reshape(rows, o, cols, o, 4).transpose(0, 2, 1, 3, 4).reshape(rows, cols, o * o, 4)
    out = np.zeros((rows, cols, 4), dtype=np.uint8)
    for r in range(rows):
        for c in range(cols):
            samples = blocks[r, c]
            solid = samples[samples[:, 3] >= 128]
            if len(solid) * 2 < len(samples):
                continue
            colours, counts = np.unique(solid[:, :3], axis=0, return_counts=True)
            light = colours @ np.array([0.2126, 0.7152, 0.0722]) / 255.0
            best = int(np.argmax(counts * (1.0 + 1.5 * (1.0 - light))))
            out[r, c, :3] = colours[best]
            out[r, c, 3] = 255
    return out


def _quantised(cells: np.ndarray) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Each opaque cell's palette index (−1 where clear) and the palette: a few flat colours, as a sprite has."""
    opaque = cells[..., 3] >= 128
    index = np.full(opaque.shape, -1, dtype=np.int32)
    if not opaque.any():
        return index, []
    rgb = cells[..., :3][opaque].reshape(1, -1, 3).astype(np.uint8)
    exact, inverse = np.unique(rgb.reshape(-1, 3), axis=0, return_inverse=True)
    if len(exact) <= _EXACT:
        # Few enough colours (flat art sampled at cell centres): keep each exactly, as the design set it.
        index[opaque] = inverse.reshape(-1)
        return index, [(int(r), int(g), int(b)) for r, g, b in exact]
    quant = Image.fromarray(rgb, "RGB").quantize(
        colors=_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    flat = np.asarray(quant).reshape(-1)
    raw = quant.getpalette() or []
    palette = [(raw[3 * k], raw[3 * k + 1], raw[3 * k + 2]) for k in range(int(flat.max()) + 1)]
    index[opaque] = flat
    return index, palette


def _runs_d(mask: np.ndarray, cw: float, ch: float) -> str:
    """Path data of the cells set in `mask`, one rectangle per horizontal run."""
    parts: list[str] = []
    for r in range(mask.shape[0]):
        row = mask[r]
        c = 0
        n = row.shape[0]
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            x, y = start * cw, r * ch
            parts.append(f"M{num(x)} {num(y)}h{num((c - start) * cw)}v{num(ch)}h{num(-(c - start) * cw)}z")
    return "".join(parts)


def apply(canvas: Canvas, content: Node, text_nodes: list[Node], design_type: str) -> int:
    """Redraw `content` (everything above the paper) in cells; lettering stays crisp above them."""
    texts = {id(n) for n in text_nodes}
    hidden: list[tuple[Node, object]] = []
    for node in text_nodes:
        hidden.append((node, node.attrs.get("display")))
        node.attrs["display"] = "none"
    background = [c for c in canvas.children if c is not content and c.tag not in ("defs", "title")]
    saved = canvas.children
    canvas.children = [c for c in canvas.children if c not in background]
    try:
        cols, rows = _cells(canvas, design_type)
        cells = _sample(canvas.to_svg(), cols, rows)
    finally:
        canvas.children = saved
        for node, display in hidden:
            if display is None:
                node.attrs.pop("display", None)
            else:
                node.attrs["display"] = display
    index, palette = _quantised(cells)
    if not palette:
        return 0
    cw, ch = canvas.width / cols, canvas.height / rows
    pixels = Node("g", {"id": canvas.new_id("pixels"), "shape-rendering": "crispEdges"})
    for k, colour in enumerate(palette):
        d = _runs_d(index == k, cw, ch)
        if d:
            pixels.path(d, colour)
    at = canvas.children.index(content)
    canvas.children.insert(at, pixels)
    if not _prune_to_text(content, texts):
        canvas.children.remove(content)
    return 1
