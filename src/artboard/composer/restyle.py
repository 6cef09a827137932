"""Image-to-image for the composer: a smooth, monotone ladder from "the input, cleaned" to "a fresh design".

strength 0      the input traced to vector at high fidelity (palette-snapped later if a palette is given)
0 … 0.5         fewer colours, coarser tracing, bigger speckle filter: posterised in the brief's flat style
0.5 … 1         a new composition of the prompt in the input's dominant colours, over the input's silhouette,
                which shrinks and simplifies as strength grows
1               a fresh design of the prompt
"""

from __future__ import annotations

import re
from typing import Any

from PIL import Image, ImageOps

from artboard.colors import RGB
from artboard.spec import GenerationSpec

_ROOT_RE = re.compile(r"<svg\b[^>]*>(.*)</svg>\s*$", re.S)


def _fit(image: Image.Image, width: int, height: int) -> Image.Image:
    """Cover-fit: scale to fill the output and crop the overflow, centred."""
    return ImageOps.fit(image.convert("RGBA"), (width, height), method=Image.Resampling.LANCZOS)


def _dominant_colors(image: Image.Image, count: int = 4) -> tuple[RGB, ...]:
    small = image.convert("RGB").resize((64, 64), Image.Resampling.BILINEAR)
    quant = small.quantize(colors=count, method=Image.Quantize.MEDIANCUT)
    palette: list[int] = list(quant.getpalette() or [])
    counts = sorted(quant.getcolors() or [], reverse=True)
    colors: list[RGB] = []
    for _, entry in counts:
        index = int(entry)  # type: ignore[call-overload]  # P-mode getcolors() yields palette indices
        rgb = (palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2])
        if rgb not in colors:
            colors.append(rgb)
    return tuple(colors[:count])


def _traced_layer(image: Image.Image, width: int, height: int, colors: int, speckle: int, shrink: float) -> str:
    """The input traced with `colors` colours, scaled into a width×height group (shrunk around the centre)."""
    from artboard.vectorizer import VectorizeOptions, vectorize

    work_w = max(64, int(width / max(1.0, 1 + (24 - colors) / 8)))
    work_h = max(64, int(work_w * height / width))
    small = image.resize((work_w, work_h), Image.Resampling.LANCZOS)
    quantized = small.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT).convert("RGBA")
    quantized.putalpha(small.getchannel("A"))
    result = vectorize(quantized, VectorizeOptions(speckle=speckle))
    match = _ROOT_RE.search(result.svg)
    inner = match.group(1) if match else ""
    inner = re.sub(r"<metadata>.*?</metadata>", "", inner, flags=re.S)
    sx = width / result.width * shrink
    sy = height / result.height * shrink
    tx = width * (1 - shrink) / 2
    ty = height * (1 - shrink) / 2
    return f'<g id="input-trace" transform="translate({tx:.2f} {ty:.2f}) scale({sx:.5f} {sy:.5f})">{inner}</g>'


def restyle(spec: GenerationSpec, *, seed: int, index: int = 0) -> tuple[str, dict[str, Any]]:
    from artboard.composer import compose
    from artboard.imageio import load_image

    assert spec.image is not None
    strength = spec.effective_strength
    source = _fit(load_image(spec.image.data), spec.width, spec.height)
    fresh = spec.model_copy(update={"image": None, "strength": None})
    info: dict[str, Any] = {"type": "image-to-image", "strength": strength}
    if strength >= 0.999:
        svg, design_info = compose(fresh, seed=seed, index=index)
        return svg, {**design_info, **info, "layout": "fresh-design"}

    if strength < 0.5:
        t = strength / 0.5
        colors = max(3, round(24 - 20 * t))
        speckle = int(2 + 30 * t)
        layer = _traced_layer(source, spec.width, spec.height, colors, speckle, 1.0)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{spec.width}" height="{spec.height}" '
            f'viewBox="0 0 {spec.width} {spec.height}">'
        )
        if isinstance(spec.background, tuple):
            r, g, b = spec.background
            svg += f'<rect width="{spec.width}" height="{spec.height}" fill="#{r:02x}{g:02x}{b:02x}"/>'
        svg += layer + "</svg>"
        return svg, {**info, "layout": "traced", "colors": colors, "speckle": speckle}

    t = (strength - 0.5) / 0.5
    if spec.palette is None and t < 0.8:
        fresh = fresh.model_copy(update={"palette": _dominant_colors(source)})
    svg, design_info = compose(fresh, seed=seed, index=index)
    shrink = 1.0 - 0.75 * t
    layer = _traced_layer(source, spec.width, spec.height, max(2, round(4 - 2 * t)), int(20 + 60 * t), shrink)
    # Put the silhouette right above the background so the new composition sits on it.
    marker = '<g id="background">'
    at = svg.find(marker)
    if at >= 0:
        end = svg.find("</g>", at) + len("</g>")
        svg = svg[:end] + layer + svg[end:]
    else:
        open_end = svg.find(">", svg.find("<svg")) + 1
        svg = svg[:open_end] + layer + svg[open_end:]
    return svg, {**design_info, **info, "layout": f"recomposed-{design_info.get('layout')}"}
