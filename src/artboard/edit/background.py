"""Remove, replace and generate backgrounds.

Our designs lose their ground exactly: the composer draws it as one `<g id="background">`, so the design is drawn
again without it (vector-clean; SVG output possible). Any other image is cut out in three steps:

1. a smooth background model (a quadratic surface per OKLab-ish Lab channel, fitted robustly to the border ring)
   gives each pixel its colour distance from "the background here": plain, studio and gradient grounds fit it;
2. pixels near the model that are connected to the border are background (a flood from the borders, so a white
   label on a product on white stays), the rest is the subject; a band around their boundary is unknown;
3. closed-form alpha matting (`pymatting`, MIT) solves the unknown band, and multi-level foreground estimation
   removes the old background's colour from the soft edges.

How well the border fits the model says how plain the ground is. A busy ground (a scene, a pattern) does not fit
it, and is cut out with OpenCV's GrabCut instead, seeded from how far each pixel is from the border's colours
(`_grabcut_subject`), with the same matting of the edge; it is reported in the manifest's warnings, because the
cut-out then follows colour statistics, not objects (docs/image-tools.md has what succeeds and what fails).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from artboard.edit import source as src
from artboard.edit.source import U8, Source

F32 = npt.NDArray[np.float32]
#: border-fit noise (ΔE, Lab) above which the ground is not plain enough for colour-based cut-outs
BUSY_NOISE = 9.0
_MAX_WORK_PIXELS = 2_500_000  # larger inputs are matted at a reduced size (the alpha is scaled back up)
BUSY_WARNING = (
    "busy background: the subject was separated by GrabCut from the border's colours, not recognised as an "
    "object, so parts of the background may remain or parts of the subject may be lost"
)


@dataclass(frozen=True)
class Cutout:
    rgba: U8  #: the subject, background colour removed from its soft edges, on transparent
    alpha: F32  #: 0..1
    ground: str  #: "transparent" | "plain" | "gradient" | "busy"
    noise: float  #: border fit residual (ΔE)
    coverage: float  #: fraction of the image that is subject
    warnings: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        return {"ground": self.ground, "border_noise": round(self.noise, 2), "coverage": round(self.coverage, 4)}


def cutout(rgba: U8) -> Cutout:
    """The subject of a raster image on transparent (see the module docstring)."""
    import cv2

    h, w = rgba.shape[:2]
    alpha_in = rgba[..., 3]
    ring = _ring(h, w, max(2, round(0.01 * min(h, w))))
    if float((alpha_in[ring] < 250).mean()) > 0.5:
        # Already cut out: the border is transparent, keep the image's own alpha.
        alpha = alpha_in.astype(np.float32) / 255.0
        return Cutout(rgba.copy(), alpha, "transparent", 0.0, float(alpha.mean()))
    scale = min(1.0, (_MAX_WORK_PIXELS / (h * w)) ** 0.5)
    work = (
        rgba[..., :3]
        if scale == 1.0
        else cv2.resize(
            np.ascontiguousarray(rgba[..., :3]), (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA
        )
    )
    alpha_small, ground, noise = _matte(np.ascontiguousarray(work))
    full = alpha_small if scale == 1.0 else np.asarray(cv2.resize(alpha_small, (w, h), interpolation=cv2.INTER_LINEAR))
    alpha = np.clip(full, 0.0, 1.0).astype(np.float32)
    rgb = _decontaminate(rgba[..., :3], alpha)
    out = np.dstack([rgb, np.rint(alpha * 255).astype(np.uint8)])
    coverage = float(alpha.mean())
    warnings: list[str] = []
    if ground == "busy":
        warnings.append(BUSY_WARNING)
    if coverage < 0.005 or coverage > 0.98:
        warnings.append(
            "no distinct subject was found against the background; the result is nearly "
            + ("empty" if coverage < 0.005 else "unchanged")
        )
    return Cutout(out, alpha, ground, noise, coverage, tuple(warnings))


def _ring(h: int, w: int, width: int) -> npt.NDArray[np.bool_]:
    ring = np.zeros((h, w), bool)
    ring[:width], ring[-width:], ring[:, :width], ring[:, -width:] = True, True, True, True
    return ring


def _lab(rgb: U8) -> F32:
    import cv2

    return np.asarray(cv2.cvtColor(rgb.astype(np.float32) / 255.0, cv2.COLOR_RGB2Lab), dtype=np.float32)


def _features(xs: F32, ys: F32) -> F32:
    return np.stack([np.ones_like(xs), xs, ys, xs * xs, xs * ys, ys * ys], axis=-1)


def _background_model(lab: F32, ring: npt.NDArray[np.bool_]) -> tuple[F32, float]:
    """Per-pixel expected background colour (quadratic in x, y, fitted to the border), and the fit's noise.

    The fit is repeated on the border samples nearest the first fit, so a subject touching the border does not
    drag the model towards itself.
    """
    h, w = lab.shape[:2]
    ys, xs = np.nonzero(ring)
    fx, fy = (xs / max(1, w - 1)).astype(np.float32), (ys / max(1, h - 1)).astype(np.float32)
    design = _features(fx, fy)
    samples = lab[ys, xs]
    keep = np.ones(len(samples), bool)
    coef = np.zeros((6, 3), np.float32)
    residual = np.zeros(len(samples), np.float32)
    for _ in range(3):
        coef = np.linalg.lstsq(design[keep], samples[keep], rcond=None)[0].astype(np.float32)
        residual = np.linalg.norm(samples - design @ coef, axis=1)
        keep = residual <= max(float(np.percentile(residual, 75)), 1.0)
    noise = float(np.percentile(residual, 75))
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    model = _features(gx / max(1, w - 1), gy / max(1, h - 1)) @ coef
    return model.astype(np.float32), noise


def _matte(rgb: U8) -> tuple[F32, str, float]:
    import cv2

    h, w = rgb.shape[:2]
    lab = _lab(rgb)
    ring = _ring(h, w, max(2, round(0.01 * min(h, w))))
    model, noise = _background_model(lab, ring)
    spread = float(np.ptp(model.reshape(-1, 3), axis=0).max())
    ground = "busy" if noise > BUSY_NOISE else ("gradient" if spread > 8.0 else "plain")
    if ground == "busy":
        # The border does not fit a smooth model, so a colour flood would take nearly everything for background:
        # GrabCut separates the subject instead, seeded from how far each pixel is from the border's colours.
        subject = _grabcut_subject(rgb, lab)
    else:
        distance = np.linalg.norm(lab - model, axis=2)
        threshold = max(7.0, 3.0 * noise)
        near = (distance < threshold).astype(np.uint8)
        # Flood from the borders: only near-background pixels connected to the border are background.
        count, labels = cv2.connectedComponents(near, connectivity=4)
        border_labels = np.unique(labels[ring & (near > 0)])
        background = np.isin(labels, border_labels[border_labels > 0]) if count > 1 else np.zeros((h, w), bool)
        subject = _clean(~background, min_area=max(16, (h * w) // 4000))
        if noise > _TEXTURED and float(subject[ring].mean()) > _SPILL:
            # A textured ground the smooth model almost fits, but the "subject" runs out to the border: the model
            # missed part of the scene (a table edge, a window), so this is a busy ground after all.
            ground, subject = "busy", _grabcut_subject(rgb, lab)
    radius = max(2, round(0.004 * max(h, w)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    sure_fg = cv2.erode(subject.astype(np.uint8), kernel) > 0
    maybe = cv2.dilate(subject.astype(np.uint8), kernel) > 0
    trimap = np.where(sure_fg, 1.0, np.where(maybe, 0.5, 0.0))
    if not (trimap == 0.5).any() or not sure_fg.any():
        return subject.astype(np.float32), ground, noise
    return _solve_band(rgb, trimap), ground, noise


_TEXTURED = 4.0  # border-fit noise (ΔE) above which a flood that spills onto the border is not trusted
_SPILL = 0.02  # share of the border ring the flood's subject may cover (a subject cropped by an edge)
_GRABCUT_PIXELS = 300_000  # GrabCut's cost grows with the pixels: it segments at most this many, pymatting refines
_BORDER_COLOURS = 12  # k-means clusters of the border ring: "the background's colours"
_CENTRE_INSET = 0.2  # the central box (each side inset by this share) starts as probable subject


def _grabcut_subject(rgb: U8, lab: F32) -> npt.NDArray[np.bool_]:
    """The subject of a busy-background image (True = subject), by OpenCV's GrabCut (BSD).

    Seeds: the border ring is background for sure; inside, a pixel far from every colour of the border (k-means
    clusters of the ring, in Lab) is probably subject, and so is the central box (GrabCut's usual rectangle, 20 %
    in from each side); the rest is probably background. GrabCut then refines both colour models and the cut. Of
    the resulting blobs the one that is large and central is the subject; other blobs are kept when they are
    central and at least a quarter of its size (a product shot of several items), so clutter at the sides of a
    scene is dropped. What still fails (docs/image-tools.md): grounds whose colours are everywhere the subject's
    colours are (a mosaic of many colours), clutter touching the subject, and a subject far off-centre in the
    ground's colours.
    """
    import cv2

    h, w = rgb.shape[:2]
    scale = min(1.0, (_GRABCUT_PIXELS / (h * w)) ** 0.5)
    sw, sh = max(8, round(w * scale)), max(8, round(h * scale))
    small: U8 = (
        rgb
        if scale == 1.0
        else np.asarray(cv2.resize(np.ascontiguousarray(rgb), (sw, sh), interpolation=cv2.INTER_AREA), np.uint8)
    )
    small_lab = lab if scale == 1.0 else _lab(small)
    ring = _ring(sh, sw, max(2, round(0.02 * min(sh, sw))))
    samples = np.ascontiguousarray(small_lab[ring].reshape(-1, 3), dtype=np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.5)
    cv2.setRNGSeed(0)  # k-means++ starts from random centres: the same image must give the same cut-out
    _, _, centres = cv2.kmeans(samples, min(_BORDER_COLOURS, len(samples)), None, criteria, 2, cv2.KMEANS_PP_CENTERS)
    flat = small_lab.reshape(-1, 3)
    nearest = np.full(len(flat), np.inf, np.float32)
    for centre in centres:
        nearest = np.minimum(nearest, np.linalg.norm(flat - centre, axis=1))
    distance = nearest.reshape(sh, sw)
    threshold = max(12.0, 1.5 * float(np.percentile(distance[ring], 95)))
    seeds = np.where(distance > threshold, cv2.GC_PR_FGD, cv2.GC_PR_BGD).astype(np.uint8)
    # GrabCut's own rectangle start as well: the middle of the frame is probably subject whatever its colours
    # (a grey cap on a pale wall), and GrabCut's colour models take back what matches the ground there.
    iy, ix = round(_CENTRE_INSET * sh), round(_CENTRE_INSET * sw)
    seeds[iy : sh - iy, ix : sw - ix] = cv2.GC_PR_FGD
    seeds[ring] = cv2.GC_BGD
    background_model = np.zeros((1, 65), np.float64)
    foreground_model = np.zeros((1, 65), np.float64)
    bgr = np.ascontiguousarray(small[..., ::-1])
    # OpenCV's stubs want a rectangle; None is what its docs say to pass with GC_INIT_WITH_MASK.
    cv2.grabCut(bgr, seeds, None, background_model, foreground_model, 5, cv2.GC_INIT_WITH_MASK)  # type: ignore[call-overload]
    found = (seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)
    found = _clean(found, min_area=max(16, (sh * sw) // 4000))
    found = _central_blobs(found)
    if scale != 1.0:
        grown = cv2.resize(found.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
        return np.asarray(grown > 0.5)
    return found


def _central_blobs(mask: npt.NDArray[np.bool_], share: float = 0.25) -> npt.NDArray[np.bool_]:
    """The main subject's blob (large and central) and the central blobs at least `share` of its size."""
    import cv2

    h, w = mask.shape
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count <= 2:
        return mask
    areas = stats[1:, cv2.CC_STAT_AREA].astype(np.float64)
    cx = (stats[1:, cv2.CC_STAT_LEFT] + stats[1:, cv2.CC_STAT_WIDTH] / 2) / w
    cy = (stats[1:, cv2.CC_STAT_TOP] + stats[1:, cv2.CC_STAT_HEIGHT] / 2) / h
    off_centre = np.maximum(np.abs(cx - 0.5), np.abs(cy - 0.5))  # 0 at the centre, 0.5 at an edge
    main = int(np.argmax(areas * (1.0 - 1.6 * np.clip(off_centre, 0.0, 0.5))))
    keep = np.zeros(count, bool)
    keep[1:] = (areas >= share * areas[main]) & (off_centre <= 0.3)
    keep[main + 1] = True
    out: npt.NDArray[np.bool_] = keep[labels]
    return out


def _clean(mask: npt.NDArray[np.bool_], *, min_area: int) -> npt.NDArray[np.bool_]:
    """The mask without specks (JPEG noise, dust) smaller than min_area."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count <= 1:
        return mask
    big = np.zeros(count, bool)
    big[1:] = stats[1:, cv2.CC_STAT_AREA] >= min_area
    out: npt.NDArray[np.bool_] = big[labels]
    return out


def _solve_band(rgb: U8, trimap: npt.NDArray[np.float64]) -> F32:
    """Closed-form matting on the crop around the unknown band (the Laplacian's cost grows with the crop)."""
    from pymatting import estimate_alpha_cf

    h, w = trimap.shape
    ys, xs = np.nonzero(trimap == 0.5)
    pad = 8
    y0, y1 = max(0, ys.min() - pad), min(h, ys.max() + pad + 1)
    x0, x1 = max(0, xs.min() - pad), min(w, xs.max() + pad + 1)
    alpha: F32 = (trimap == 1.0).astype(np.float32)
    crop = rgb[y0:y1, x0:x1].astype(np.float64) / 255.0
    solved = estimate_alpha_cf(crop, trimap[y0:y1, x0:x1])
    alpha[y0:y1, x0:x1] = np.clip(np.asarray(solved, dtype=np.float32), 0.0, 1.0)
    return alpha


def _decontaminate(rgb: U8, alpha: F32) -> U8:
    """Foreground colours without the old background mixed into soft edges (pymatting's multi-level estimate)."""
    soft = (alpha > 0.01) & (alpha < 0.99)
    if not soft.any():
        return np.ascontiguousarray(rgb)
    from pymatting import estimate_foreground_ml

    foreground = estimate_foreground_ml(rgb.astype(np.float64) / 255.0, alpha.astype(np.float64))
    out = rgb.copy()
    out[soft] = np.clip(np.rint(np.asarray(foreground)[soft] * 255.0), 0, 255).astype(np.uint8)
    return out


# ---------------------------------------------------------------------------------------------------------------
# backgrounds drawn by the engine


def nearest_table_size(width: int, height: int) -> str:
    """The standard-tier size whose aspect ratio is closest to width:height (the composer draws table sizes)."""
    from artboard.sizes import SIZE_TABLES

    target = width / height
    w, h = min(SIZE_TABLES["standard"].values(), key=lambda s: abs(np.log((s[0] / s[1]) / target)))
    return f"{w}x{h}"


def compose_background(prompt: str, width: int, height: int, *, seed: int, palette: Any = None) -> tuple[str, Any]:
    """A background design for `prompt` (the composer's background type), as SVG covering width x height."""
    from artboard import engine
    from artboard.spec import make_spec

    text = prompt.strip()
    if "background" not in text.lower():
        text = f"{text} background"
    spec = make_spec(
        text, size=nearest_table_size(width, height), seed=seed, format="svg", palette=palette, backend="design"
    )
    artifact = engine.run(spec)[0]
    svg = src.set_root(artifact.text, width=str(width), height=str(height), preserveAspectRatio="xMidYMid slice")
    return svg, artifact


def composite(subject: U8, ground: U8) -> U8:
    """`subject` (straight alpha) over an opaque `ground`."""
    a = subject[..., 3:4].astype(np.float32) / 255.0
    rgb = subject[..., :3].astype(np.float32) * a + ground[..., :3].astype(np.float32) * (1.0 - a)
    return np.dstack([np.rint(rgb).astype(np.uint8), np.full(subject.shape[:2], 255, np.uint8)])


def layered_svg(ground_svg: str, design_svg: str, width: int, height: int) -> str:
    """One SVG: the new ground (its ids prefixed so they cannot clash) under the design without its ground."""
    import re

    x, y, w, h = src.viewbox(ground_svg)
    ground = src.inner_svg(ground_svg)
    ground = re.sub(r'id="([^"]+)"', r'id="bg-\1"', ground)
    ground = re.sub(r"url\(#([^)]+)\)", r"url(#bg-\1)", ground)
    ground = re.sub(r'href="#([^"]+)"', r'href="#bg-\1"', ground)
    dx, dy, dw, dh = src.viewbox(design_svg)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="{dx:g} {dy:g} {dw:g} {dh:g}">'
        f'<svg x="{dx:g}" y="{dy:g}" width="{dw:g}" height="{dh:g}" viewBox="{x:g} {y:g} {w:g} {h:g}" '
        f'preserveAspectRatio="xMidYMid slice"><g id="background">{ground}</g></svg>'
        f"{src.inner_svg(src.without_background(design_svg))}</svg>"
    )


def method_of(found: Cutout) -> str:
    if found.ground == "busy":
        return "GrabCut seeded from the border's colours + closed-form matting (pymatting)"
    if found.ground == "transparent":
        return "the image's own alpha (already cut out)"
    return "colour flood from the borders + closed-form matting (pymatting)"


def subject_of(source: Source) -> tuple[U8, dict[str, Any], list[str]]:
    """The subject on transparent at the input's size, how it was found, and any warnings."""
    if source.svg is not None and src.has_background(source.svg):
        rgba = src.render(src.without_background(source.svg), source.width, source.height)
        return rgba, {"method": "design: drawn again without its background"}, []
    found = cutout(source.rgba)
    return (
        found.rgba,
        {"method": method_of(found), **found.record()},
        list(found.warnings),
    )


# ---------------------------------------------------------------------------------------------------------------
# operations


def remove_background(image: Any, *, format: str | None = None, safety: bool = True) -> Any:
    """The subject of `image` on transparent: PNG/WEBP with real alpha, or SVG for our designs."""
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    if fmt == "jpg":
        from artboard.errors import InvalidParameter

        raise InvalidParameter(
            "JPEG has no alpha channel for a cut-out", param="format", allowed=["png", "webp", "svg (our designs)"]
        )
    checked = src.input_safety(source, safety)
    manifest = src.base_manifest("remove_background", source, {"format": fmt})
    if checked:
        manifest["input_safety"] = checked
    if source.svg is not None and src.has_background(source.svg):
        manifest["method"] = "design: drawn again without its background"
        return src.finish_design(src.without_background(source.svg), fmt, manifest, source.width, source.height)
    found = cutout(source.rgba)
    manifest["method"] = method_of(found)
    manifest["cutout"] = found.record()
    if found.warnings:
        manifest["warnings"] = list(found.warnings)
    if fmt == "svg":  # an SVG input without a ground of ours: its render cut out, traced back to vector
        from artboard.vectorizer import VectorizeOptions, vectorize

        return src.finish_svg(vectorize(found.rgba, VectorizeOptions()).svg, manifest)
    return src.finish_raster(found.rgba, fmt, manifest)


def replace_background(
    image: Any,
    prompt: str,
    *,
    mask: Any = None,
    seed: Any = None,
    palette: Any = None,
    format: str | None = None,
    safety: bool = True,
    operation: str = "replace_background",
) -> Any:
    """The subject of `image` kept, over a new background the composer draws for `prompt`.

    With `mask` (generateBackground), the mask's white area is the background to draw and the rest is kept as is.
    """
    from artboard.colors import parse_palette, to_hex
    from artboard.edit.masks import load_mask

    text = src.check_prompt(prompt)
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    region = load_mask(mask, source) if mask is not None else None
    strict = parse_palette(palette, param="palette") if palette is not None else None
    seed_value = src.resolve_seed(seed)
    checked = src.input_safety(source, safety)
    ground_svg, ground = compose_background(text, source.width, source.height, seed=seed_value, palette=strict)
    params = {
        "prompt": text,
        "format": fmt,
        "palette": [to_hex(c) for c in strict] if strict else None,
        "mask": region is not None,
    }
    manifest = src.base_manifest(operation, source, params, seed=seed_value)
    manifest["background_design"] = ground.manifest.get("design")
    if checked:
        manifest["input_safety"] = checked
    if region is None and source.svg is not None and src.has_background(source.svg):
        manifest["method"] = "design: its own background replaced by a composed one (vector)"
        svg = layered_svg(ground_svg, source.svg, source.width, source.height)
        return src.finish_design(svg, fmt, manifest, source.width, source.height, seed=seed_value)
    if fmt == "svg":
        from artboard.errors import InvalidParameter

        raise InvalidParameter(
            "svg output needs one of our designs (with its own background) and no mask",
            param="format",
            allowed=list(src.RASTER_OUTPUTS),
        )
    if region is not None:
        subject = source.rgba.copy()
        subject[..., 3] = np.where(region, 0, subject[..., 3])
        manifest["method"] = "mask: white is the new background"
    else:
        subject, how, warnings = subject_of(source)
        manifest["method"] = how.pop("method")
        manifest["cutout"] = how
        if warnings:
            manifest["warnings"] = warnings
    ground_rgba = src.render(ground_svg, source.width, source.height)
    return src.finish_raster(composite(subject, ground_rgba), fmt, manifest, seed=seed_value)
