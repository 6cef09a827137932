"""The quickstart's main job: a small gallery of designs across types, as SVG + PNG with an index page."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from artboard.api import generate

# (prompt, options) — the seed pages' own example prompts first, then one per design type.
GALLERY: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "modern iOS-style app icon design, geometric construction, single accent color on white, rounded-square "
        "format, clean vector lines, App Store quality",
        {},
    ),
    (
        "vintage circular badge design with custom hand-lettered typography, two-color print aesthetic, "
        "distressed edges, craft brewery or artisan brand quality",
        {},
    ),
    (
        "modern monogram logo design, two-letter mark, geometric construction, single color on white, "
        "vector-clean lines",
        {},
    ),
    (
        "single flat icon, two-color minimalist design, geometric construction, suitable for an app navigation "
        "set, on transparent background",
        {},
    ),
    (
        "abstract isometric vector graphic for a SaaS landing page hero, layered geometric shapes, sapphire and "
        "amber accent colors on white, clean tech illustration",
        {"aspect_ratio": "16:9"},
    ),
    (
        "bold typography product poster, strong visual hierarchy, accent color blocks, sans-serif headline, "
        "museum gift shop aesthetic",
        {"aspect_ratio": "2:3"},
    ),
    (
        "information design poster with stylized data visualizations, bold sans-serif typography, swiss grid "
        "layout, single accent color, museum gift shop aesthetic",
        {"aspect_ratio": "3:4"},
    ),
    ("A minimalist line art illustration of a mountain landscape, clean design", {}),
    (
        "editorial illustration in the style of The New Yorker, limited muted palette, conceptual visual "
        "metaphor, hand-drawn texture, sophisticated composition",
        {},
    ),
    ('logo for a coffee roastery called "Blue Harbor Coffee", est. 1987', {"palette": "#0f2a44,#e3a64a,#f6efe3"}),
    ('die-cut sticker that says "Stay Weird" with a ghost', {}),
    ('poster for a jazz night called "Blue Note Sessions"', {"aspect_ratio": "2:3"}),
    ("seamless pattern of lemons and leaves", {}),
    ("infographic about coffee consumption with bar chart", {"aspect_ratio": "4:5"}),
    ('candy wrapper, purple, with a pixelated dragon, reads "Pixel Dojo"', {"aspect_ratio": "2:1"}),
    ('web banner for a summer sale "Up to 50% off" with a sun', {"aspect_ratio": "16:9"}),
)


def build_gallery(folder: Path, *, seed: int = 7, echo: Callable[[str], Any] = print) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    cards: list[str] = []
    for i, (prompt, options) in enumerate(GALLERY):
        start = time.perf_counter()
        [svg] = generate(prompt, seed=seed + i, format="svg", **options)
        [png] = generate(prompt, seed=seed + i, format="png", **options)
        took = time.perf_counter() - start
        stem = f"{i + 1:02d}-{svg.manifest['design']['type']}"
        svg.save(folder / f"{stem}.svg")
        png.save(folder / f"{stem}.png")
        echo(f"  {stem}  {png.width}x{png.height}  seed={svg.seed}  {took:.2f}s")
        cards.append(
            f'<figure><img src="{stem}.png" alt="{html.escape(prompt)}" loading="lazy">'
            f"<figcaption>{html.escape(prompt)}<br><small>{png.width}×{png.height} · seed {svg.seed} · "
            f'<a href="{stem}.svg">SVG</a> · <a href="{stem}.png">PNG</a></small></figcaption></figure>'
        )
    index = folder / "index.html"
    index.write_text(
        "<!doctype html><meta charset=utf-8><title>artboard gallery</title>"
        "<style>body{font:14px system-ui,sans-serif;margin:24px;background:#f4f4f2}"
        "main{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:18px}"
        "figure{margin:0;background:#fff;padding:10px;border-radius:10px}"
        "img{width:100%;height:auto;background:repeating-conic-gradient(#e6e6e6 0 25%,#fff 0 50%) 0 0/16px 16px}"
        "figcaption{color:#333;margin-top:6px}</style><h1>artboard gallery</h1><main>" + "".join(cards) + "</main>",
        encoding="utf-8",
    )
    return index
