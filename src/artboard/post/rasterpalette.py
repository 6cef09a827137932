"""Raster side of the palette guarantee: snap pixels to the allowed colours, keep anti-aliasing honest.

The guarantee for pixels: every visible pixel is an allowed colour (palette ∪ background), or an
anti-aliased edge, i.e. it lies on the straight sRGB segment between two allowed colours that both occur in
its 3×3 neighbourhood (or it is partially transparent). :func:`raster_compliance` checks exactly that
definition and :func:`enforce_raster` produces images that pass it by construction.

Speed comes from never doing per-pixel colour science: images are packed to 24-bit keys, the distinct keys
are classified once (OKLab nearest colour, exact-or-not), and a 16 M-entry byte table broadcasts the result
back. Only non-exact pixels (anti-aliased edges in flat art) take the slower neighbourhood path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from artboard.colors import RGB, to_hex

EXACT_TOL = 2.0  # RGB units: within this of an allowed colour a pixel *is* that colour (rounding, dithering)
_KEEP_TOL = 1.0  # already an exact mix up to 8-bit rounding (≤ √3/2): leaving it alone keeps enforcement idempotent
_AA_ABS = 6.0  # how far off the mixing segment a pixel may be and still count as anti-aliasing …
_AA_REL = 0.08  # … or this share of the segment's length, for noisy sources with far-apart colours
_NONE = 255  # code for "no anchor here"
_CHUNK = 1 << 18

# Neighbour offsets are built per image width; the order is fixed so results never depend on iteration order.
_DIRS = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1))

# Float32 copies of the OKLab pipeline: the raster path classifies up to millions of distinct colours.
_LMS_FROM_LINEAR = np.array(
    [
        [0.4122214708, 0.5363325363, 0.0514459929],
        [0.2119034982, 0.6806995451, 0.1073969566],
        [0.0883024619, 0.2817188376, 0.6299787005],
    ],
    dtype=np.float32,
)
_LAB_FROM_LMS = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ],
    dtype=np.float32,
)
_LIN = np.arange(256, dtype=np.float64) / 255.0
_LINEAR_LUT32: NDArray[np.float32] = np.where(_LIN <= 0.04045, _LIN / 12.92, ((_LIN + 0.055) / 1.055) ** 2.4).astype(
    np.float32
)


def oklab32(r: NDArray[np.uint8], g: NDArray[np.uint8], b: NDArray[np.uint8]) -> list[NDArray[np.float32]]:
    """OKLab (L, a, b) as three float32 arrays; channel-wise because tiny matmuls are slow in numpy."""
    lin = (_LINEAR_LUT32[r], _LINEAR_LUT32[g], _LINEAR_LUT32[b])
    lms = [np.cbrt(m[0] * lin[0] + m[1] * lin[1] + m[2] * lin[2]) for m in _LMS_FROM_LINEAR]
    return [m[0] * lms[0] + m[1] * lms[1] + m[2] * lms[2] for m in _LAB_FROM_LMS]


def allowed_colors(palette: Sequence[RGB], background: RGB | None) -> list[RGB]:
    """Palette order first, then the background: ties in nearest-colour lookups go to palette colours."""
    allowed: list[RGB] = []
    for color in [*palette, *([background] if background is not None else [])]:
        rgb = (int(color[0]), int(color[1]), int(color[2]))
        if rgb not in allowed:
            allowed.append(rgb)
    if not allowed:
        raise ValueError("palette enforcement needs at least one colour")
    return allowed


def _unpack(keys: NDArray[np.uint32]) -> tuple[NDArray[np.uint8], NDArray[np.uint8], NDArray[np.uint8]]:
    return (
        (keys & 0xFF).astype(np.uint8),
        ((keys >> 8) & 0xFF).astype(np.uint8),
        ((keys >> 16) & 0xFF).astype(np.uint8),
    )


def _pack(rgb: Sequence[int] | NDArray[np.uint8], alpha: int = 0) -> int:
    return int(rgb[0]) | (int(rgb[1]) << 8) | (int(rgb[2]) << 16) | (alpha << 24)


@dataclass
class _Classified:
    nearest: NDArray[np.uint8]  # per pixel: index of the nearest allowed colour (OKLab)
    exact: NDArray[np.bool_]  # per pixel: within EXACT_TOL (RGB) of an allowed colour
    uniq: NDArray[np.uint32]  # distinct 24-bit keys
    counts: NDArray[np.int64]  # pixels per distinct key
    uniq_nearest: NDArray[np.uint8]


def _classify_keys(
    uniq: NDArray[np.uint32], allowed: Sequence[RGB], tol: float
) -> tuple[NDArray[np.uint8], NDArray[np.bool_]]:
    k = len(allowed)
    pal = np.array(allowed, dtype=np.uint8)
    pal_lab = oklab32(pal[:, 0], pal[:, 1], pal[:, 2])
    pal_f = pal.astype(np.float32)
    nearest = np.empty(uniq.size, np.uint8)
    exact = np.empty(uniq.size, np.bool_)
    for start in range(0, uniq.size, _CHUNK):
        r, g, b = _unpack(uniq[start : start + _CHUNK])
        lab = oklab32(r, g, b)
        rf, gf, bf = r.astype(np.float32), g.astype(np.float32), b.astype(np.float32)
        # Running minimum instead of argmin over a (K, N) stack: strided argmin is several times slower.
        lab_best = np.full(r.size, np.inf, np.float32)
        rgb_best = np.full(r.size, np.inf, np.float32)
        lab_idx = np.zeros(r.size, np.uint8)
        rgb_idx = np.zeros(r.size, np.uint8)
        for i in range(k):
            lab_d = (lab[0] - pal_lab[0][i]) ** 2 + (lab[1] - pal_lab[1][i]) ** 2 + (lab[2] - pal_lab[2][i]) ** 2
            rgb_d = (rf - pal_f[i, 0]) ** 2 + (gf - pal_f[i, 1]) ** 2 + (bf - pal_f[i, 2]) ** 2
            # Strict "<" keeps the earliest colour on ties: palette order, background last.
            better = lab_d < lab_best
            lab_best = np.where(better, lab_d, lab_best)
            lab_idx[better] = i
            better = rgb_d < rgb_best
            rgb_best = np.where(better, rgb_d, rgb_best)
            rgb_idx[better] = i
        is_exact = rgb_best <= tol * tol
        # An exact pixel is the colour it equals (RGB), even if two palette colours are nearly identical.
        nearest[start : start + _CHUNK] = np.where(is_exact, rgb_idx, lab_idx)
        exact[start : start + _CHUNK] = is_exact
    return nearest, exact


def _classify(keys: NDArray[np.uint32], allowed: Sequence[RGB], tol: float) -> _Classified:
    ordered = np.sort(keys)
    starts = np.empty(ordered.size, np.bool_)
    starts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    first = np.flatnonzero(starts)
    uniq = ordered[first]
    counts = np.diff(np.append(first, ordered.size)).astype(np.int64)
    u_nearest, u_exact = _classify_keys(uniq, allowed, tol)
    # One byte per possible colour; only the pages for colours present are ever touched.
    table = np.empty(1 << 24, np.uint8)
    table[uniq] = u_nearest | (u_exact.astype(np.uint8) << 7)
    codes: NDArray[np.uint8] = table[keys]
    return _Classified(
        nearest=(codes & np.uint8(0x7F)).astype(np.uint8),
        exact=codes >= 0x80,
        uniq=uniq,
        counts=counts,
        uniq_nearest=u_nearest,
    )


def _as_rgba(image: NDArray[np.uint8]) -> NDArray[np.uint8]:
    arr = np.asarray(image)
    if arr.dtype != np.uint8 or arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError(f"expected an (H, W, 3|4) uint8 image, got {arr.dtype} {arr.shape}")
    if arr.shape[2] == 3:
        out = np.empty((*arr.shape[:2], 4), np.uint8)
        out[..., :3] = arr
        out[..., 3] = 255
        return out
    return np.ascontiguousarray(arr)


def _keys_of(rgba: NDArray[np.uint8]) -> NDArray[np.uint32]:
    packed: NDArray[np.uint32] = rgba.view(np.uint32).reshape(-1)
    return packed & np.uint32(0xFFFFFF)


def _composite(rgba: NDArray[np.uint8], background: RGB) -> NDArray[np.uint8]:
    """Straight-alpha "over" onto an opaque colour, in sRGB like every renderer artboard targets."""
    out = rgba.copy()
    flat = out.reshape(-1, 4)
    alpha = flat[:, 3]
    partial = np.flatnonzero(alpha < 255)
    if partial.size:
        a = alpha[partial].astype(np.float32)[:, None] / 255.0
        bg = np.array(background, np.float32)
        flat[partial, :3] = np.rint(flat[partial, :3].astype(np.float32) * a + bg * (1.0 - a)).astype(np.uint8)
        flat[partial, 3] = 255
    return out


def _neighbour_offsets(width: int) -> NDArray[np.intp]:
    stride = width + 2
    return np.array([dy * stride + dx for dy, dx in _DIRS], dtype=np.intp)


def _padded_index(flat_index: NDArray[np.intp], width: int) -> NDArray[np.intp]:
    y, x = np.divmod(flat_index, width)
    out: NDArray[np.intp] = (y + 1) * (width + 2) + (x + 1)
    return out


Channels = tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]]


def _channels(keys: NDArray[np.uint32]) -> Channels:
    r, g, b = _unpack(keys)
    return r.astype(np.float32), g.astype(np.float32), b.astype(np.float32)


def _seg_c(p: Channels, a: Channels, b: Channels) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Like :func:`_seg` on per-channel arrays (returns t and the *squared* distance).

    (N, 3) reductions over the last axis are several times slower in numpy than three 1-D expressions.
    """
    d0, d1, d2 = b[0] - a[0], b[1] - a[1], b[2] - a[2]
    e0, e1, e2 = p[0] - a[0], p[1] - a[1], p[2] - a[2]
    dd = np.maximum(d0 * d0 + d1 * d1 + d2 * d2, np.float32(1e-6))
    t = np.clip((e0 * d0 + e1 * d1 + e2 * d2) / dd, np.float32(0.0), np.float32(1.0))
    r0, r1, r2 = e0 - t * d0, e1 - t * d1, e2 - t * d2
    dist2: NDArray[np.float32] = r0 * r0 + r1 * r1 + r2 * r2
    return t, dist2


def _sq(a: Channels, b: Channels) -> NDArray[np.float32]:
    d0, d1, d2 = a[0] - b[0], a[1] - b[1], a[2] - b[2]
    out: NDArray[np.float32] = d0 * d0 + d1 * d1 + d2 * d2
    return out


@dataclass
class RasterResult:
    rgba: NDArray[np.uint8]
    mapped: list[tuple[RGB, RGB, int]]  # (original, mapped, pixel count), most frequent first


def enforce_raster(
    image: NDArray[np.uint8],
    palette: Sequence[RGB],
    background: RGB | None,
    *,
    tol: float = EXACT_TOL,
    report_colors: int = 64,
) -> RasterResult:
    """Map every visible pixel to an allowed colour, turning anti-aliased pixels into exact mixes."""
    rgba = _as_rgba(image)
    allowed = allowed_colors(palette, background)
    k = len(allowed)
    height, width = rgba.shape[:2]
    if background is not None:
        rgba = _composite(rgba, background)
    alpha = rgba[..., 3].reshape(-1)
    keys = _keys_of(rgba)
    invisible = np.flatnonzero(alpha == 0) if background is None else np.empty(0, np.intp)
    if invisible.size:
        # Hidden pixels carry arbitrary RGB; a palette key makes them cost nothing and count for nothing.
        keys[invisible] = _pack(allowed[0])
    cls = _classify(keys, allowed, tol)
    nearest, exact = cls.nearest, cls.exact
    visible_mask = alpha > 0

    pal_rgba = np.array([_pack(c, 255) for c in allowed], dtype=np.uint32)
    out32: NDArray[np.uint32]
    if background is None and not bool((alpha == 255).all()):
        out32 = (pal_rgba[nearest] & np.uint32(0xFFFFFF)) | (alpha.astype(np.uint32) << np.uint32(24))
    else:
        out32 = pal_rgba[nearest]
    if invisible.size:
        out32[invisible] = 0

    candidates = np.flatnonzero(~exact & visible_mask)
    if candidates.size and k >= 2:
        _blend_edges(rgba, out32, candidates, nearest, visible_mask, allowed, tol, background is None)

    if cls.counts.size > report_colors:
        top = np.argpartition(-cls.counts, report_colors - 1)[:report_colors]
        order = top[np.lexsort((cls.uniq[top], -cls.counts[top]))]
    else:
        order = np.lexsort((cls.uniq, -cls.counts))
    r, g, b = _unpack(cls.uniq[order])
    mapped = [
        ((int(r[j]), int(g[j]), int(b[j])), allowed[int(cls.uniq_nearest[i])], int(cls.counts[i]))
        for j, i in enumerate(order)
    ]
    out = out32.view(np.uint8).reshape(height, width, 4)
    return RasterResult(rgba=out, mapped=mapped)


# Opposite neighbours (left/right, up/down, both diagonals): an anti-aliased pixel on an edge of any
# orientation has at least one such pair straddling the edge, with a pure colour at each end.
_OPPOSITE = ((3, 4), (1, 6), (0, 7), (2, 5))


def _blend_edges(
    rgba: NDArray[np.uint8],
    out32: NDArray[np.uint32],
    candidates: NDArray[np.intp],
    nearest: NDArray[np.uint8],
    visible_mask: NDArray[np.bool_],
    allowed: Sequence[RGB],
    tol: float,
    keep_alpha: bool,
) -> None:
    """Turn anti-aliased pixels into exact mixes of the two allowed colours they sit between.

    A candidate (visible, not an allowed colour) is *between* when it lies on the segment joining the source
    colours of two opposite neighbours that map to different allowed colours, and is neither of them. Pixels
    that are not between anything are solid ("anchors") and snap to their nearest colour; a between pixel
    whose two ends are anchors becomes ``A + t·(B − A)`` with the blend ratio ``t`` measured on the source,
    so edges stay smooth even when both sides were recoloured. By construction both ends then occur,
    exactly, in its 3×3 neighbourhood, which is what :func:`compliance_counts` accepts as an edge.
    """
    height, width = rgba.shape[:2]
    offs = _neighbour_offsets(width)
    near_vis = np.where(visible_mask, nearest, np.uint8(_NONE)).astype(np.uint8)
    near_pad = np.pad(near_vis.reshape(height, width), 1, constant_values=_NONE)
    own = nearest[candidates]
    # Interior pixels (every neighbour maps to the same colour) have nothing to blend between.
    if candidates.size * 8 > nearest.size:
        grid = near_vis.reshape(height, width)
        inside = np.ones((height, width), np.bool_)
        for dy, dx in _DIRS:
            inside &= (near_pad[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width] == grid) | (
                near_pad[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width] == _NONE
            )
        interior = inside.reshape(-1)[candidates]
    else:
        pidx = _padded_index(candidates, width)
        flat_near = near_pad.reshape(-1)
        interior = np.ones(candidates.size, np.bool_)
        for off in offs:
            neighbour = flat_near[pidx + off]
            interior &= (neighbour == own) | (neighbour == _NONE)
    edge_idx = candidates[~interior]
    if not edge_idx.size:
        return
    epidx = _padded_index(edge_idx, width)
    flat_near = near_pad.reshape(-1)
    src_pad = np.pad(rgba.view(np.uint32).reshape(height, width), 1).reshape(-1)
    own_keys = src_pad[epidx]
    p = _channels(own_keys)
    n = edge_idx.size
    pair_ok = np.zeros((len(_OPPOSITE), n), np.bool_)
    pair_dist = np.full((len(_OPPOSITE), n), np.inf, np.float32)
    pair_t = np.zeros((len(_OPPOSITE), n), np.float32)
    tol2 = np.float32(tol * tol)
    for j, (i1, i2) in enumerate(_OPPOSITE):
        q1i, q2i = epidx + offs[i1], epidx + offs[i2]
        n1, n2 = flat_near[q1i], flat_near[q2i]
        valid = (n1 != _NONE) & (n2 != _NONE) & (n1 != n2)
        q1, q2 = _channels(src_pad[q1i]), _channels(src_pad[q2i])
        t, dist2 = _seg_c(p, q1, q2)
        limit = np.maximum(np.float32(_AA_ABS * _AA_ABS), np.float32(_AA_REL * _AA_REL) * _sq(q1, q2))
        away = (_sq(p, q1) > tol2) & (_sq(p, q2) > tol2)
        pair_ok[j] = valid & away & (dist2 <= limit)
        pair_dist[j] = dist2
        pair_t[j] = t
    between = pair_ok.any(axis=0)
    # Anchors: every visible pixel that is not between two others (exact ones, interiors, solid off-palette).
    anchor_pad = flat_near.copy()
    anchor_pad[epidx[between]] = _NONE
    pal_f = np.array(allowed, np.float32)
    best = np.full(n, np.inf, np.float32)
    best_t = np.zeros(n, np.float32)
    best_a = np.zeros(n, np.intp)
    best_b = np.zeros(n, np.intp)
    keep = np.zeros(n, np.bool_)
    keep2 = np.float32(_KEEP_TOL * _KEEP_TOL)
    for j, (i1, i2) in enumerate(_OPPOSITE):
        a_code = anchor_pad[epidx + offs[i1]]
        b_code = anchor_pad[epidx + offs[i2]]
        usable = np.flatnonzero(pair_ok[j] & (a_code != _NONE) & (b_code != _NONE))
        if not usable.size:
            continue
        ia, ib = a_code[usable].astype(np.intp), b_code[usable].astype(np.intp)
        pu: Channels = (p[0][usable], p[1][usable], p[2][usable])
        pa: Channels = (pal_f[ia, 0], pal_f[ia, 1], pal_f[ia, 2])
        pb: Channels = (pal_f[ib, 0], pal_f[ib, 1], pal_f[ib, 2])
        # Already an exact mix of those two colours (up to rounding): leave it, so a second pass is a no-op.
        _, dist_out = _seg_c(pu, pa, pb)
        keep[usable] |= dist_out <= keep2
        better = pair_dist[j, usable] < best[usable]
        upd = usable[better]
        best[upd] = pair_dist[j, upd]
        best_t[upd] = pair_t[j, upd]
        best_a[upd] = ia[better]
        best_b[upd] = ib[better]
    alpha_bits = (
        (rgba[..., 3].reshape(-1)[edge_idx].astype(np.uint32) << 24)
        if keep_alpha
        else np.full(n, 0xFF000000, np.uint32)
    )
    kept = np.flatnonzero(keep)
    if kept.size:
        out32[edge_idx[kept]] = (own_keys[kept] & np.uint32(0xFFFFFF)) | alpha_bits[kept]
    blended = np.flatnonzero((best < np.inf) & ~keep)
    if blended.size:
        ca = pal_f[best_a[blended]]
        cb = pal_f[best_b[blended]]
        mix = np.rint(ca + best_t[blended, None] * (cb - ca))
        # A blend that rounds to within tolerance of an allowed colour *is* that colour; snapping it here
        # keeps a second enforcement pass from changing it.
        d2 = ((mix[:, None, :] - pal_f[None, :, :]) ** 2).sum(axis=2)
        closest = np.argmin(d2, axis=1)
        snap = d2[np.arange(blended.size), closest] <= tol2
        mix[snap] = pal_f[closest[snap]]
        m8 = mix.astype(np.uint32)
        out32[edge_idx[blended]] = (m8[:, 0] | (m8[:, 1] << 8) | (m8[:, 2] << 16)) | alpha_bits[blended]


def compliance_counts(
    image: NDArray[np.uint8], allowed: Sequence[RGB], *, tol: float = EXACT_TOL, strict: bool = True
) -> tuple[dict[str, int], int]:
    """Pixel counts per allowed colour (hex), "edge" and "other", and the number of visible pixels.

    ``strict=False`` also accepts blends whose second colour does not occur nearby: hairlines and thin
    strokes never cover a whole pixel, so their own colour never shows unmixed.
    """
    rgba = _as_rgba(image)
    height, width = rgba.shape[:2]
    colors = allowed_colors(allowed, None)
    k = len(colors)
    alpha = rgba[..., 3].reshape(-1)
    keys = _keys_of(rgba)
    cls = _classify(keys, colors, tol)
    opaque = alpha == 255
    partial = (alpha > 0) & ~opaque
    counts: dict[str, int] = {}
    exact_opaque = cls.exact & opaque
    per = np.bincount(cls.nearest[exact_opaque], minlength=k)
    for i, color in enumerate(colors):
        counts[to_hex(color)] = int(per[i])
    edge = int(np.count_nonzero(partial))
    candidates = np.flatnonzero(opaque & ~cls.exact)
    other = candidates.size
    if candidates.size and k >= 2:
        offs = _neighbour_offsets(width)
        # Translucent pixels still show their colour, so they count as present for their neighbours.
        anchor = np.where(cls.exact & (alpha > 0), cls.nearest, np.uint8(_NONE)).astype(np.uint8)
        anchor_pad = np.pad(anchor.reshape(height, width), 1, constant_values=_NONE).reshape(-1)
        pidx = _padded_index(candidates, width)
        neigh = anchor_pad[pidx[:, None] + offs[None, :]]
        bit_of = np.zeros(256, np.uint16)
        bit_of[:k] = 1 << np.arange(k, dtype=np.uint16)
        bits = np.bitwise_or.reduce(bit_of[neigh], axis=1)
        p = _channels(keys[candidates])
        pal_f = np.array(colors, np.float32)
        is_edge = np.zeros(candidates.size, np.bool_)
        tol2 = np.float32(tol * tol)
        for a in range(k):
            for bb in range(k) if not strict else range(a + 1, k):
                if bb == a:
                    continue
                present = (bits & (1 << a)).astype(bool)
                if strict:
                    present &= (bits & (1 << bb)).astype(bool)
                sel = np.flatnonzero(present)
                if not sel.size:
                    continue
                ps: Channels = (p[0][sel], p[1][sel], p[2][sel])
                ca: Channels = (pal_f[a, 0:1], pal_f[a, 1:2], pal_f[a, 2:3])
                cb: Channels = (pal_f[bb, 0:1], pal_f[bb, 1:2], pal_f[bb, 2:3])
                _, dist2 = _seg_c(ps, ca, cb)
                is_edge[sel] |= dist2 <= tol2
        n_edge = int(np.count_nonzero(is_edge))
        edge += n_edge
        other = candidates.size - n_edge
    counts["edge"] = edge
    counts["other"] = int(other)
    return counts, int(np.count_nonzero(alpha))


def raster_compliance(
    image: NDArray[np.uint8], allowed: Sequence[RGB], *, tolerance: float = EXACT_TOL, strict: bool = True
) -> dict[str, float]:
    """Shares of visible pixels: ``exact`` (allowed colours), ``edge`` (anti-aliased), ``other`` (violations).

    Per allowed colour shares are included under their hex too. A pixel is an edge when it is partially
    transparent, or within ``tolerance`` of the sRGB segment between two allowed colours that both occur
    (exactly) in its 3×3 neighbourhood.
    """
    counts, visible = compliance_counts(image, allowed, tol=tolerance, strict=strict)
    total = max(visible, 1)
    shares = {key: value / total for key, value in counts.items()}
    shares["exact"] = sum(v for key, v in counts.items() if key.startswith("#")) / total
    return shares
