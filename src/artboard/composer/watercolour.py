"""The watercolour look ("a watercolour illustration of a fox", "thank you card, loose watercolor bouquet"): every
painted shape of the design is washed — edges wander, pigment pools darker at the rim and thins to a mottle
inside — while the lettering stays crisp, as a designer sets type over a painting. One SVG filter, rendered by
resvg like any other. It is one of the finishes (finishes.py), which puts it on the design: on pictures only — a
logo or an icon in watercolour is still a flat mark, its edges clean."""

from __future__ import annotations

import math
import random
import re

from artboard.colors import RGB
from artboard.composer.canvas import Canvas, Node, num

WORDS_RE = re.compile(r"\bwater-?colou?r|\bgouache\b|\bpainterly\b|\bink wash\b", re.I)


def _fe(parent: Node, tag: str, source: str, **attrs: object) -> Node:
    return parent.add(tag, **{"in": source}, **attrs)


def filter_for(canvas: Canvas, seed: int) -> str:
    short = min(canvas.width, canvas.height)
    fid = canvas.new_id("wash")
    # The region follows each washed shape's own box: a full-canvas region would run every pass over the whole
    # page once per shape.
    flt = canvas.definitions().add(
        "filter", id=fid, x="-3%", y="-3%", width="106%", height="106%", color_interpolation_filters="sRGB"
    )
    # Edges that wander: the shape's alpha softened, stirred with slow noise and cut again (a threshold), so its
    # outline frays inward like paint on paper. (resvg moves whole layers under feDisplacementMap at small scales,
    # so the edge is shaped from the alpha instead.)
    _fe(flt, "feGaussianBlur", "SourceAlpha", stdDeviation=round(short * 0.0022, 2), result="spread")
    flt.add("feTurbulence", type="fractalNoise", baseFrequency=f"{9 / short:.5f}", numOctaves=3, seed=seed,
            result="drift")  # fmt: skip
    _fe(flt, "feColorMatrix", "drift", type="matrix", values="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0",
        result="driftAlpha")  # fmt: skip
    _fe(flt, "feComposite", "spread", in2="driftAlpha", operator="arithmetic", k1=0, k2=1, k3=0.5, k4=-0.25,
        result="stirred")  # fmt: skip
    edge = _fe(flt, "feComponentTransfer", "stirred", result="frayed")
    edge.add("feFuncA", type="linear", slope=4, intercept=-1.4)
    _fe(flt, "feComposite", "SourceGraphic", in2="frayed", operator="in", result="wandered")
    _fe(flt, "feGaussianBlur", "wandered", stdDeviation=round(short * 0.0008, 2), result="soft")
    # Pigment pools at the rim: the edge band, darkened.
    _fe(flt, "feMorphology", "soft", operator="erode", radius=round(short * 0.004, 2), result="inner")
    _fe(flt, "feComposite", "soft", in2="inner", operator="out", result="rim")
    _fe(flt, "feColorMatrix", "rim", type="matrix",
            values="0.72 0 0 0 0 0 0.72 0 0 0 0 0 0.72 0 0 0 0 0 0.55 0", result="rimDark")  # fmt: skip
    # Inside, the wash thins to a mottle: alpha from finer noise.
    flt.add("feTurbulence", type="fractalNoise", baseFrequency=f"{24 / short:.5f}", numOctaves=2, seed=seed + 1,
            result="mottle")  # fmt: skip
    _fe(flt, "feColorMatrix", "mottle", type="matrix", values="0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1.1 1.35",
            result="mottleAlpha")  # fmt: skip
    _fe(flt, "feComposite", "soft", in2="mottleAlpha", operator="in", result="washed")
    _fe(flt, "feComposite", "washed", in2="soft", operator="arithmetic", k1=0, k2=0.55, k3=0.35, k4=0,
            result="pigment")  # fmt: skip
    merge = flt.add("feMerge")
    _fe(merge, "feMergeNode", "pigment")
    _fe(merge, "feMergeNode", "rimDark")
    return f"url(#{fid})"


def _blob_d(rng: random.Random, cx: float, cy: float, r: float) -> str:
    """A loose wash: eleven points round (cx, cy) at wandering radii, joined by smooth curves."""
    n = 11
    pts = []
    for k in range(n):
        a = k * math.tau / n + rng.uniform(-0.2, 0.2)
        rr = r * rng.uniform(0.62, 1.0)
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    mids = [((pts[k][0] + pts[(k + 1) % n][0]) / 2, (pts[k][1] + pts[(k + 1) % n][1]) / 2) for k in range(n)]
    d = f"M{num(mids[-1][0])} {num(mids[-1][1])}"
    for k in range(n):
        d += f"Q{num(pts[k][0])} {num(pts[k][1])} {num(mids[k][0])} {num(mids[k][1])}"
    return d + "Z"


def washes(canvas: Canvas, colours: list[RGB], seed: int) -> Node | None:
    """Loose washes of the design's own colours blooming in two opposite corners, as a watercolour card is
    painted: translucent, overlapping, their edges frayed by the wash filter. None when there is no colour."""
    if not colours:
        return None
    rng = random.Random(seed)
    w, h = canvas.width, canvas.height
    short = min(w, h)
    corners = [(0.0, 0.0), (w, h)] if rng.random() < 0.5 else [(w, 0.0), (0.0, h)]
    group = Node("g", {"id": canvas.new_id("washes"), "filter": filter_for(canvas, seed + 7)})
    for k, (x, y) in enumerate(corners):
        for j in range(3):
            colour = colours[(k * 3 + j) % len(colours)]
            r = short * rng.uniform(0.16, 0.26)
            cx = x + (short * rng.uniform(0.02, 0.14) if x == 0 else -short * rng.uniform(0.02, 0.14))
            cy = y + (short * rng.uniform(0.02, 0.14) if y == 0 else -short * rng.uniform(0.02, 0.14))
            group.add("path", d=_blob_d(rng, cx, cy, r), fill=colour, fill_opacity=num(rng.uniform(0.22, 0.34)))
    return group
