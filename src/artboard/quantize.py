"""Colour quantisation for the vectoriser: turn an RGBA raster into a small label image.

vtracer clusters raw pixels itself, but on anti-aliased design art it produces thin "halo" shapes
along every edge (each blend of two fills is a colour of its own) and spends its time merging them.
Handing it a clean label image instead gives fewer, larger shapes, exact fill colours, and much
smaller SVGs. Two strategies:

* **flat** (logos, icons, badges): the palette is the set of exact colours that cover a noticeable
  share of the image, found from a histogram of a pixel sample. Colours that are just a blend of two
  palette colours (anti-aliasing) are not palette entries. Every pixel then takes its nearest palette
  colour in OKLab, except edge pixels that match no palette colour well: those take the best-matching
  colour among their confidently-labelled neighbours, which is what kills the halos (a grey edge
  pixel between black text and a white background must become black or white, never the palette's
  mid-grey or red that happens to be nearest).
* **photo** (anything the flat palette does not explain): k-means in OKLab, seeded by median cut so
  it is deterministic, with no edge repair.

Distances are computed per 6-bit-per-channel colour bin present in the image rather than per pixel,
which keeps a 1024² image at a few tens of milliseconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

__all__ = ["Quantized", "oklab_distance_matrix", "quantize", "srgb_to_oklab"]

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]

TRANSPARENT: Final = 255  # label value of transparent pixels
MAX_LABELS: Final = 64

_SAMPLE_TARGET = 65_536  # pixels sampled for palette discovery
_ALPHA_CUT = 128  # partial alpha is thresholded: SVG shapes are opaque on a transparent canvas
_MIX_TOLERANCE = 10.0  # sRGB levels: how far off the A–B line a pixel may be and still count as a blend
_NEIGHBOUR_OFFSETS: Final = (
    (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1), (0, 2), (0, -2), (2, 0), (-2, 0),
)

_M1 = np.array(
    [
        [0.4122214708, 0.5363325363, 0.0514459929],
        [0.2119034982, 0.6806995451, 0.1073969566],
        [0.0883024619, 0.2817188376, 0.6299787005],
    ]
)
_M2 = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ]
)


def srgb_to_oklab(rgb: npt.ArrayLike) -> F32:
    """OKLab (L in 0..1) of sRGB colours given as 0..255 values, shape (..., 3)."""
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    lms = np.cbrt(lin @ _M1.T)
    return (lms @ _M2.T).astype(np.float32)


def oklab_distance_matrix(a: npt.ArrayLike, b: npt.ArrayLike) -> F32:
    """Euclidean OKLab distances between every colour of ``a`` (N, 3) and of ``b`` (M, 3)."""
    la = srgb_to_oklab(a)
    lb = srgb_to_oklab(b)
    return np.sqrt(((la[:, None, :] - lb[None, :, :]) ** 2).sum(axis=2)).astype(np.float32)


@lru_cache(maxsize=1)
def _bin_lab() -> F32:
    """OKLab of the centre of every 6-bit-per-channel bin (262,144 × 3), built once."""
    centres = np.arange(64, dtype=np.float64) * 4 + 1.5
    grid = np.stack(np.meshgrid(centres, centres, centres, indexing="ij"), axis=-1).reshape(-1, 3)
    return srgb_to_oklab(grid)


@dataclass(frozen=True)
class Quantized:
    """A label image: ``labels[y, x]`` indexes ``palette`` or is ``TRANSPARENT`` (255)."""

    labels: U8
    palette: U8  # (K, 3) sRGB
    kind: Literal["flat", "photo"]
    coverage: float  # share of opaque sampled pixels the flat palette explained


@dataclass(frozen=True)
class QuantizeSettings:
    max_colors: int = 16
    merge_distance: float = 0.045  # OKLab: closer colours are one fill (about 2 JNDs)
    core_distance: float = 0.035  # OKLab: pixels this close to a palette colour are certain
    min_share: float = 0.0006  # a fill must cover this share of the opaque area
    flat_coverage: float = 0.85  # below this the image is treated as photo-like
    photo_colors: int = 24


def quantize(
    rgba: U8,
    settings: QuantizeSettings = QuantizeSettings(),
    *,
    strict_palette: U8 | None = None,
) -> Quantized:
    """Quantise an (H, W, 4) uint8 image into at most ``settings.max_colors`` opaque labels.

    With ``strict_palette`` ((P, 3) uint8) each discovered colour is snapped to its nearest palette
    colour in OKLab before pixels are assigned, so every label is a palette colour.
    """
    h, w = rgba.shape[:2]
    alpha = rgba[..., 3]
    opaque = alpha >= _ALPHA_CUT
    step = max(1, math.ceil(math.sqrt(h * w / _SAMPLE_TARGET)))
    sample = rgba[::step, ::step].reshape(-1, 4)
    sample = sample[sample[:, 3] >= _ALPHA_CUT][:, :3]
    if sample.shape[0] == 0:
        empty = np.full((h, w), TRANSPARENT, dtype=np.uint8)
        return Quantized(empty, np.zeros((0, 3), np.uint8), "flat", 1.0)

    max_colors = max(1, min(settings.max_colors, MAX_LABELS))
    palette, coverage = _flat_palette(sample, settings, max_colors)
    kind: Literal["flat", "photo"] = "flat"
    if coverage < settings.flat_coverage:
        kind = "photo"
        palette = _kmeans_palette(sample, min(max_colors, settings.photo_colors))
    if strict_palette is not None:
        palette = _snap(palette, strict_palette)

    k6 = _bin_keys(rgba)
    bin_idx, bin_dist = _assign_bins(k6, opaque, palette)
    labels = bin_idx[k6]
    labels[~opaque] = TRANSPARENT
    if kind == "flat":
        _repair_edges(labels, bin_dist[k6], rgba, opaque, palette, settings.core_distance)
    return Quantized(labels, palette, kind, coverage)


def _bin_keys(rgba: U8) -> npt.NDArray[np.intp]:
    r = rgba[..., 0] >> 2
    g = rgba[..., 1] >> 2
    b = rgba[..., 2] >> 2
    return (r.astype(np.intp) << 12) | (g.astype(np.intp) << 6) | b


def _flat_palette(sample: U8, settings: QuantizeSettings, max_colors: int) -> tuple[U8, float]:
    keys = (sample[:, 0].astype(np.uint32) << 16) | (sample[:, 1].astype(np.uint32) << 8) | sample[:, 2]
    uniq, counts = np.unique(keys, return_counts=True)
    order = np.argsort(-counts, kind="stable")[:512]
    uniq, counts = uniq[order], counts[order]
    colours = np.stack([(uniq >> 16) & 255, (uniq >> 8) & 255, uniq & 255], axis=1).astype(np.float64)
    labs = srgb_to_oklab(colours)
    n = sample.shape[0]
    min_count = max(2, math.ceil(settings.min_share * n))
    # A blend that covers a large area is a real fill (e.g. a mid-grey panel), not anti-aliasing.
    mix_limit = max(min_count, int(0.004 * n))
    chosen: list[int] = []
    for i in range(len(uniq)):
        if counts[i] < min_count or len(chosen) >= max_colors:
            break
        if chosen:
            d = np.sqrt(((labs[chosen] - labs[i]) ** 2).sum(axis=1))
            if d.min() < settings.merge_distance:
                continue
            if counts[i] < mix_limit and _is_blend(colours[i], colours[chosen]):
                continue
        chosen.append(i)
    palette = colours[chosen].astype(np.uint8)
    if not chosen:
        return palette, 0.0

    # Coverage: opaque sample pixels explained by a palette colour or by a blend of two.
    d = np.sqrt(((labs[:, None, :] - labs[chosen][None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    explained = (d < settings.core_distance * 2) | _blends(colours, colours[chosen])
    return palette, float(counts[explained].sum()) / float(n)


def _is_blend(colour: npt.NDArray[np.float64], palette: npt.NDArray[np.float64]) -> bool:
    return bool(_blends(colour[None, :], palette)[0])


def _blends(colours: npt.NDArray[np.float64], palette: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Which ``colours`` (N, 3) lie, within tolerance, between two ``palette`` colours in sRGB."""
    k = palette.shape[0]
    if k < 2:
        return np.zeros(colours.shape[0], dtype=bool)
    ia, ib = np.triu_indices(k, 1)
    a = palette[ia]  # (P, 3)
    ab = palette[ib] - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-9)
    rel = colours[:, None, :] - a[None, :, :]  # (N, P, 3)
    t = np.clip((rel * ab[None]).sum(axis=2) / denom[None], 0.0, 1.0)
    resid = rel - ab[None] * t[..., None]
    return np.asarray((resid * resid).sum(axis=2).min(axis=1) < _MIX_TOLERANCE**2)


def _kmeans_palette(sample: U8, k: int, iterations: int = 6) -> U8:
    labs = srgb_to_oklab(sample)
    centres = _median_cut(labs, k)
    for _ in range(iterations):
        d = ((labs[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        nearest = d.argmin(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, nearest, labs)
        counts = np.bincount(nearest, minlength=centres.shape[0]).astype(np.float32)
        keep = counts > 0
        centres = sums[keep] / counts[keep, None]
    # Report each cluster as the mean sRGB colour of its members, which stays inside the gamut.
    d = ((labs[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    nearest = d.argmin(axis=1)
    out = []
    for c in range(centres.shape[0]):
        members = sample[nearest == c]
        if members.shape[0]:
            out.append(members.astype(np.float64).mean(axis=0))
    return np.clip(np.rint(np.array(out)), 0, 255).astype(np.uint8)


def _median_cut(points: F32, k: int) -> F32:
    boxes = [points]
    while len(boxes) < k:
        spans = [float(np.ptp(b, axis=0).max()) if b.shape[0] > 1 else -1.0 for b in boxes]
        i = int(np.argmax(spans))
        if spans[i] <= 0:
            break
        box = boxes.pop(i)
        axis = int(np.ptp(box, axis=0).argmax())
        box = box[np.argsort(box[:, axis], kind="stable")]
        mid = box.shape[0] // 2
        boxes += [box[:mid], box[mid:]]
    return np.array([b.mean(axis=0) for b in boxes], dtype=np.float32)


def _snap(palette: U8, strict: U8) -> U8:
    """Replace each colour by its nearest strict-palette colour, dropping duplicates (order kept)."""
    if palette.shape[0] == 0:
        return palette
    nearest = oklab_distance_matrix(palette, strict).argmin(axis=1)
    _, first = np.unique(nearest, return_index=True)
    return strict[nearest[np.sort(first)]].astype(np.uint8)


def _assign_bins(k6: npt.NDArray[np.intp], opaque: npt.NDArray[np.bool_], palette: U8) -> tuple[U8, F32]:
    """Nearest palette index and its OKLab distance for every colour bin present in the image."""
    present = np.flatnonzero(np.bincount(k6[opaque], minlength=1 << 18))
    idx = np.zeros(1 << 18, dtype=np.uint8)
    dist = np.zeros(1 << 18, dtype=np.float32)
    if present.size and palette.shape[0]:
        d = ((_bin_lab()[present][:, None, :] - srgb_to_oklab(palette)[None, :, :]) ** 2).sum(axis=2)
        nearest = d.argmin(axis=1)
        idx[present] = nearest
        dist[present] = np.sqrt(d[np.arange(present.size), nearest])
    return idx, dist


def _repair_edges(
    labels: U8,
    dist: F32,
    rgba: U8,
    opaque: npt.NDArray[np.bool_],
    palette: U8,
    core: float,
) -> None:
    """Relabel uncertain (edge) pixels with the best-matching label of a certain neighbour, in place."""
    h, w = labels.shape
    alpha = rgba[..., 3]
    certain_opaque = opaque & (dist <= core) & (alpha >= 248)
    certain = certain_opaque | (alpha < 8)
    ys, xs = np.nonzero(~certain)
    if ys.size == 0:
        return
    px = rgba[ys, xs]
    px_lab = srgb_to_oklab(px[:, :3])
    px_alpha = px[:, 3].astype(np.float32) / 255.0
    pal_lab = srgb_to_oklab(palette)
    # Start from the pixel's own best guess: nearest colour if opaque enough, else transparent.
    start = labels[ys, xs]
    own = np.where(px_alpha >= 0.5, start, TRANSPARENT).astype(np.uint8)
    best_label = own.copy()
    best_cost = np.full(ys.size, np.inf, dtype=np.float32)
    lab_map = labels.copy()
    for dy, dx in _NEIGHBOUR_OFFSETS:
        yy = np.clip(ys + dy, 0, h - 1)
        xx = np.clip(xs + dx, 0, w - 1)
        ok = certain[yy, xx]
        cand = lab_map[yy, xx]
        is_t = cand == TRANSPARENT
        safe = np.where(is_t, 0, cand)
        colour_cost = np.sqrt(((px_lab - pal_lab[safe]) ** 2).sum(axis=1)) + (1.0 - px_alpha)
        cost = np.where(is_t, px_alpha, colour_cost)
        better = ok & (cost < best_cost)
        best_cost[better] = cost[better]
        best_label[better] = cand[better]
    labels[ys, xs] = best_label
