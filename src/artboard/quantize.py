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
_FLAT_TOLERANCE = 6  # sRGB levels: neighbours this close belong to one fill (JPEG noise)
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
    min_share: float = 0.0005  # a fill must cover this share of the flat area
    flat_coverage: float = 0.9  # below this share of explained pixels the image is photo-like
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
    opaque = rgba[..., 3] >= _ALPHA_CUT
    sample, flat = _sample(rgba)
    if sample.shape[0] == 0:
        empty = np.full((h, w), TRANSPARENT, dtype=np.uint8)
        return Quantized(empty, np.zeros((0, 3), np.uint8), "flat", 1.0)

    max_colors = max(1, min(settings.max_colors, MAX_LABELS))
    palette = _flat_palette(sample[flat], settings, max_colors)
    coverage = _coverage(sample, palette, settings.core_distance * 2)
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


def _sample(rgba: U8) -> tuple[U8, npt.NDArray[np.bool_]]:
    """Opaque pixels on a sparse grid, and which of them sit inside a flat 2×2 patch.

    Anti-aliasing blends live in 1-px bands, so they are (almost) never the top-left of a patch
    whose right and lower neighbours match it; fills are. Counting only flat pixels therefore
    finds the real fills even when a blend colour is frequent along a long straight edge.
    """
    h, w = rgba.shape[:2]
    step = max(1, math.ceil(math.sqrt(h * w / _SAMPLE_TARGET)))
    hh, ww = max(h - 1, 1), max(w - 1, 1)
    here = rgba[:hh:step, :ww:step].astype(np.int16)
    right = rgba[:hh:step, min(1, w - 1) :: step][:, : here.shape[1]].astype(np.int16)
    down = rgba[min(1, h - 1) :: step, :ww:step][: here.shape[0]].astype(np.int16)
    flat = (np.abs(here - right).max(axis=2) <= _FLAT_TOLERANCE) & (
        np.abs(here - down).max(axis=2) <= _FLAT_TOLERANCE
    )
    keep = here[..., 3] >= _ALPHA_CUT
    return here[keep][:, :3].astype(np.uint8), flat[keep]


def _bin_keys(rgba: U8) -> npt.NDArray[np.intp]:
    r = rgba[..., 0] >> 2
    g = rgba[..., 1] >> 2
    b = rgba[..., 2] >> 2
    return (r.astype(np.intp) << 12) | (g.astype(np.intp) << 6) | b


def _flat_palette(flat: U8, settings: QuantizeSettings, max_colors: int) -> U8:
    """Greedy palette: most frequent 5-bit bins of flat pixels, skipping near-duplicates."""
    if flat.shape[0] == 0:
        return np.zeros((0, 3), dtype=np.uint8)
    keys = ((flat[:, 0] >> 3).astype(np.intp) << 10) | ((flat[:, 1] >> 3).astype(np.intp) << 5) | (
        flat[:, 2] >> 3
    )
    counts = np.bincount(keys, minlength=1 << 15)
    sums = np.stack([np.bincount(keys, weights=flat[:, c], minlength=1 << 15) for c in range(3)], axis=1)
    order = np.argsort(-counts, kind="stable")[:256]
    min_count = max(2, math.ceil(settings.min_share * flat.shape[0]))
    chosen: list[npt.NDArray[np.float64]] = []
    chosen_lab: list[F32] = []
    for key in order:
        if counts[key] < min_count or len(chosen) >= max_colors:
            break
        # Mean of the bin: exact for clean art, denoised for JPEG-compressed art.
        colour = sums[key] / counts[key]
        lab = srgb_to_oklab(colour)
        if chosen_lab and float(np.sqrt(((np.array(chosen_lab) - lab) ** 2).sum(axis=1)).min()) < (
            settings.merge_distance
        ):
            continue
        chosen.append(colour)
        chosen_lab.append(lab)
    if not chosen:
        return np.zeros((0, 3), dtype=np.uint8)
    return np.clip(np.rint(np.array(chosen)), 0, 255).astype(np.uint8)


def _coverage(sample: U8, palette: U8, near: float) -> float:
    """Share of sampled pixels that are a palette colour or a blend of two palette colours."""
    if palette.shape[0] == 0:
        return 0.0
    # 6-bit bins rather than exact colours, so JPEG noise does not multiply the work.
    keys = _bin_keys(sample[None])[0]
    counts = np.bincount(keys, minlength=1 << 18)
    present = np.flatnonzero(counts)
    if present.size > 16_384:
        # This many distinct colours cannot be a few fills plus their edges: photo-like.
        return 0.0
    colours = np.stack([(present >> 12) & 63, (present >> 6) & 63, present & 63], axis=1) * 4.0 + 1.5
    d = np.sqrt(((_bin_lab()[present][:, None, :] - srgb_to_oklab(palette)[None]) ** 2).sum(axis=2))
    explained = (d.min(axis=1) < near) | _blends(colours, palette.astype(np.float64))
    return float(counts[present][explained].sum()) / float(sample.shape[0])


def _blends(colours: npt.NDArray[np.float64], palette: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Which ``colours`` (N, 3) lie, within tolerance, between two ``palette`` colours in sRGB."""
    k = palette.shape[0]
    if k < 2:
        return np.zeros(colours.shape[0], dtype=bool)
    ia, ib = np.triu_indices(k, 1)
    a = palette[ia]  # (P, 3)
    ab = palette[ib] - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-9)
    out = np.zeros(colours.shape[0], dtype=bool)
    for lo in range(0, colours.shape[0], 1024):  # bounded (N, P, 3) temporaries
        rel = colours[lo : lo + 1024, None, :] - a[None, :, :]
        t = np.clip((rel * ab[None]).sum(axis=2) / denom[None], 0.0, 1.0)
        resid = rel - ab[None] * t[..., None]
        out[lo : lo + 1024] = (resid * resid).sum(axis=2).min(axis=1) < _MIX_TOLERANCE**2
    return out


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
