"""Colour quantisation for the vectoriser: turn an RGBA raster into a small label image.

Traced directly, anti-aliased design art gives thin "halo" shapes along every edge (each blend
of two fills is a colour of its own). A clean label image instead gives fewer, larger shapes,
exact fill colours and much smaller SVGs. Two strategies:

* **flat** (logos, icons, badges, posters): the palette is found among *flat* pixels only, those
  whose right and lower neighbours match them (within 7 levels, so JPEG noise is tolerated).
  Anti-aliasing blends live in 1-px bands and are almost never flat, so a blend that is common
  along a long straight edge still does not become a fill, while small real fills (a caption) do.
  The most frequent 5-bit colour bins become fills, skipping near-duplicates in OKLab. Each pixel
  then takes its nearest fill in OKLab, except edge pixels that match no fill well: they take the
  best-matching fill among their confidently labelled neighbours. That is what removes halos: a
  grey edge pixel between black text and a white background becomes black or white, never the
  red fill that happens to be nearest to grey.
* **photo** (when fills and blends of two fills explain < 90 % of a pixel sample): k-means in
  OKLab seeded by median cut (so deterministic), no edge repair.

Nearest-fill distances are computed once per 6-bit-per-channel colour bin present in the image,
then gathered per pixel, which keeps a 1024² image at ~10–15 ms.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from artboard.colors import srgb_to_oklab

__all__ = ["TRANSPARENT", "QuantizeSettings", "Quantized", "looks_flat", "quantize"]

U8 = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]

TRANSPARENT: Final = 255  # label value of transparent pixels
MAX_LABELS: Final = 64

_SAMPLE_TARGET = 65_536  # pixels sampled for palette discovery
_ALPHA_CUT = 128  # partial alpha is thresholded: SVG shapes are opaque on a transparent canvas
_MIX_TOLERANCE = 10.0  # sRGB levels: how far off the A–B line a pixel may be and still count as a blend
_NEIGHBOUR_OFFSETS: Final = (
    (0, 1),
    (0, -1),
    (1, 0),
    (-1, 0),
    (1, 1),
    (1, -1),
    (-1, 1),
    (-1, -1),
    (0, 2),
    (0, -2),
    (2, 0),
    (-2, 0),
)


def _oklab(rgb: npt.ArrayLike) -> F32:
    """OKLab of sRGB colours given as 0..255 values (any dtype), shape (..., 3)."""
    arr = np.asarray(rgb)
    if not np.issubdtype(arr.dtype, np.integer):
        arr = arr / 255.0  # artboard.colors reads floats as 0..1
    return np.asarray(srgb_to_oklab(arr), dtype=np.float32)


def _oklab_distances(a: npt.ArrayLike, b: npt.ArrayLike) -> F32:
    """Euclidean OKLab distances between every colour of ``a`` (N, 3) and of ``b`` (M, 3)."""
    la, lb = _oklab(a), _oklab(b)
    return np.asarray(np.sqrt(((la[:, None, :] - lb[None, :, :]) ** 2).sum(axis=2)), dtype=np.float32)


@lru_cache(maxsize=1)
def _bin_lab() -> F32:
    """OKLab of the centre of every 6-bit-per-channel bin (262,144 × 3), built once."""
    centres = np.arange(64, dtype=np.float64) * 4 + 1.5
    # Index layout b << 12 | g << 6 | r, matching _bin_keys.
    b, g, r = np.meshgrid(centres, centres, centres, indexing="ij")
    grid = np.stack([r, g, b], axis=-1).reshape(-1, 3)
    return _oklab(grid)


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


def looks_flat(rgba: U8, settings: QuantizeSettings = QuantizeSettings()) -> bool:
    """Whether a few flat fills (plus their anti-aliased edges) explain the image. Cheap: it
    looks at a ~65k pixel sample only."""
    sample, flat = _sample(rgba)
    if sample.shape[0] == 0:
        return True
    palette = _flat_palette(sample[flat], settings, max(1, min(settings.max_colors, MAX_LABELS)))
    return _coverage(sample, palette, settings.core_distance * 2) >= settings.flat_coverage


def quantize(
    rgba: U8,
    settings: QuantizeSettings = QuantizeSettings(),
    *,
    strict_palette: U8 | None = None,
    kind: Literal["auto", "flat", "photo"] = "auto",
) -> Quantized:
    """Quantise an (H, W, 4) uint8 image into at most ``settings.max_colors`` opaque labels.

    ``kind`` "auto" picks flat or photo by palette coverage (see :func:`looks_flat`). With
    ``strict_palette`` ((P, 3) uint8) each discovered colour is snapped to its nearest palette
    colour in OKLab before pixels are assigned, so every label is a palette colour.
    """
    h, w = rgba.shape[:2]
    sample, flat = _sample(rgba)
    if sample.shape[0] == 0:
        empty = np.full((h, w), TRANSPARENT, dtype=np.uint8)
        return Quantized(empty, np.zeros((0, 3), np.uint8), "flat", 1.0)

    max_colors = max(1, min(settings.max_colors, MAX_LABELS))
    coverage = 0.0
    if kind != "photo":
        palette = _flat_palette(sample[flat], settings, max_colors)
        coverage = _coverage(sample, palette, settings.core_distance * 2)
    chosen: Literal["flat", "photo"] = "flat"
    if kind == "photo" or (kind == "auto" and coverage < settings.flat_coverage):
        chosen = "photo"
        palette = _kmeans_palette(sample, min(max_colors, settings.photo_colors))
    if strict_palette is not None:
        palette = _snap(palette, strict_palette)

    labels, uncertain = _assign(rgba, palette, settings.core_distance)
    if chosen == "flat":
        _repair_edges(labels, uncertain, rgba, palette)
    return Quantized(labels, palette, chosen, coverage)


def _sample(rgba: U8) -> tuple[U8, npt.NDArray[np.bool_]]:
    """Opaque pixels on a sparse grid, and which of them sit inside a flat 2×2 patch.

    Anti-aliasing blends live in 1-px bands, so they are (almost) never the top-left of a patch
    whose right and lower neighbours match it; fills are. Counting only flat pixels therefore
    finds the real fills even when a blend colour is frequent along a long straight edge.
    """
    h, w = rgba.shape[:2]
    step = max(1, math.ceil(math.sqrt(h * w / _SAMPLE_TARGET)))
    hh, ww = max(h - 1, 1), max(w - 1, 1)
    here = np.ascontiguousarray(rgba[:hh:step, :ww:step])
    right = np.ascontiguousarray(rgba[:hh:step, min(1, w - 1) :: step][:, : here.shape[1]])
    down = np.ascontiguousarray(rgba[min(1, h - 1) :: step, :ww:step][: here.shape[0]])
    # Flat: every channel differs by at most 7 levels, i.e. no byte of the difference reaches 8.
    spread = (_absdiff(here, right) | _absdiff(here, down)).view(np.uint32)[..., 0]
    flat = (spread & 0xF8F8F8F8) == 0
    keep = here[..., 3] >= _ALPHA_CUT
    return np.ascontiguousarray(here[keep][:, :3]), flat[keep]


def _absdiff(a: U8, b: U8) -> U8:
    return np.asarray(np.maximum(a, b) - np.minimum(a, b), dtype=np.uint8)


def _bin_keys(rgba: U8) -> npt.NDArray[np.uint32]:
    """6-bit-per-channel colour bin of each pixel: ``b << 12 | g << 6 | r`` (alpha ignored)."""
    if rgba.ndim == 3 and rgba.shape[-1] == 4 and rgba.flags.c_contiguous and sys.byteorder == "little":
        # One pass over the packed 32-bit pixels instead of three channel extractions.
        v = rgba.view(np.uint32)[..., 0]
        return np.asarray(((v >> 2) & 0x3F) | ((v >> 4) & 0xFC0) | ((v >> 6) & 0x3F000), dtype=np.uint32)
    r = (rgba[..., 0] >> 2).astype(np.uint32)
    g = (rgba[..., 1] >> 2).astype(np.uint32)
    b = (rgba[..., 2] >> 2).astype(np.uint32)
    return np.asarray((b << 12) | (g << 6) | r, dtype=np.uint32)


def _flat_palette(flat: U8, settings: QuantizeSettings, max_colors: int) -> U8:
    """Greedy palette: most frequent 5-bit bins of flat pixels, skipping near-duplicates."""
    if flat.shape[0] == 0:
        return np.zeros((0, 3), dtype=np.uint8)
    keys = ((flat[:, 0] >> 3).astype(np.intp) << 10) | ((flat[:, 1] >> 3).astype(np.intp) << 5) | (flat[:, 2] >> 3)
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
        lab = _oklab(colour)
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
    colours = np.stack([present & 63, (present >> 6) & 63, (present >> 12) & 63], axis=1) * 4.0 + 1.5
    d = np.sqrt(((_bin_lab()[present][:, None, :] - _oklab(palette)[None]) ** 2).sum(axis=2))
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
    """k-means in OKLab, seeded by median cut (deterministic), on at most 16k sampled pixels."""
    step = max(1, sample.shape[0] // 16_384)
    sample = sample[::step]
    labs = _oklab(sample)
    centres = _median_cut(labs, k)
    for _ in range(iterations):
        nearest = _nearest_centre(labs, centres)
        counts = np.bincount(nearest, minlength=centres.shape[0]).astype(np.float32)
        sums = np.stack(
            [np.bincount(nearest, weights=labs[:, c], minlength=centres.shape[0]) for c in range(3)], axis=1
        )
        keep = counts > 0
        centres = np.asarray(sums[keep] / counts[keep, None], dtype=np.float32)
    # Report each cluster as the mean sRGB colour of its members, which stays inside the gamut.
    nearest = _nearest_centre(labs, centres)
    members = np.bincount(nearest, minlength=centres.shape[0])
    totals = np.stack(
        [np.bincount(nearest, weights=sample[:, c], minlength=centres.shape[0]) for c in range(3)], axis=1
    )
    used = members > 0
    return np.clip(np.rint(totals[used] / members[used, None]), 0, 255).astype(np.uint8)


def _nearest_centre(points: F32, centres: F32) -> npt.NDArray[np.intp]:
    # |p - c|² = |p|² - 2 p·c + |c|²; the |p|² term does not change the argmin.
    scores = (centres * centres).sum(axis=1)[None, :] - 2.0 * (points @ centres.T)
    return np.asarray(scores.argmin(axis=1))


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
    nearest = _oklab_distances(palette, strict).argmin(axis=1)
    _, first = np.unique(nearest, return_index=True)
    return np.asarray(strict[nearest[np.sort(first)]], dtype=np.uint8)


def _assign(rgba: U8, palette: U8, core: float) -> tuple[U8, npt.NDArray[np.bool_]]:
    """Nearest-palette labels (``TRANSPARENT`` below 50 % alpha) and which pixels are uncertain.

    Uncertain: no palette colour within ``core`` (an edge blend), or partially transparent.
    One 2^18-entry table per image maps each colour bin to ``label | 0x80 * uncertain``, built
    only for the bins present, so labelling is a single gather over the pixels.
    """
    keys = _bin_keys(rgba)
    present = np.flatnonzero(np.bincount(keys.ravel(), minlength=1 << 18))
    table = np.zeros(1 << 18, dtype=np.uint8)
    if present.size and palette.shape[0]:
        d = ((_bin_lab()[present][:, None, :] - _oklab(palette)[None, :, :]) ** 2).sum(axis=2)
        nearest = d.argmin(axis=1)
        far = d[np.arange(present.size), nearest] > core * core
        table[present] = nearest.astype(np.uint8) | (far.astype(np.uint8) << 7)
    raw = table[keys]
    labels = np.asarray(raw & 0x7F, dtype=np.uint8)
    uncertain = raw >= 0x80
    alpha = rgba[..., 3]
    if int(alpha.min()) < 255:
        labels[alpha < _ALPHA_CUT] = TRANSPARENT
        # Partial alpha is an edge too; fully transparent pixels are certain.
        uncertain |= alpha < 248
        uncertain &= alpha >= 8
    return labels, uncertain


def _repair_edges(labels: U8, uncertain: npt.NDArray[np.bool_], rgba: U8, palette: U8) -> None:
    """Relabel uncertain (edge) pixels with the best-matching label of a certain neighbour, in place.

    Cost of a candidate colour: OKLab distance to the pixel plus its missing alpha; cost of
    transparency: the pixel's alpha. So a 40 % covered edge pixel of a shape on a transparent
    background becomes transparent, and a blend of red and white becomes red or white.
    """
    h, w = labels.shape
    ys, xs = np.nonzero(uncertain)
    if ys.size == 0:
        return
    px = rgba[ys, xs]
    px_lab = _bin_lab()[_bin_keys(px[None])[0]]  # bin centres: close enough, and no powers
    px_alpha = px[:, 3].astype(np.float32) / 255.0
    pal_lab = _oklab(palette)
    # Without a certain neighbour: nearest colour if opaque enough, else transparent.
    start = labels[ys, xs]
    best_label = np.where(px_alpha >= 0.5, start, TRANSPARENT).astype(np.uint8)
    best_cost = np.full(ys.size, np.inf, dtype=np.float32)
    lab_map = labels.copy()  # neighbours are read before any pixel is rewritten
    for dy, dx in _NEIGHBOUR_OFFSETS:
        yy = np.clip(ys + dy, 0, h - 1)
        xx = np.clip(xs + dx, 0, w - 1)
        ok = ~uncertain[yy, xx]
        cand = lab_map[yy, xx]
        is_t = cand == TRANSPARENT
        safe = np.where(is_t, 0, cand)
        colour_cost = np.sqrt(((px_lab - pal_lab[safe]) ** 2).sum(axis=1)) + (1.0 - px_alpha)
        cost = np.where(is_t, px_alpha, colour_cost)
        better = ok & (cost < best_cost)
        best_cost[better] = cost[better]
        best_label[better] = cand[better]
    labels[ys, xs] = best_label
