"""Render prompts through the composer into PNGs and one labelled contact sheet, to look at by eye.

    python tools/preview.py -o /tmp/preview "vintage circular badge for a craft brewery" "minimal fox logo" \
        --seeds 1 2 3 [--size 1024x1024] [--palette "#112233,#aabbcc"] [--background transparent]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

from artboard.composer import compose
from artboard.render import render_png
from artboard.spec import make_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("prompts", nargs="+")
    parser.add_argument("-o", "--out", default="/tmp/preview")
    parser.add_argument("--seeds", nargs="+", type=int, default=[1, 2, 3])
    parser.add_argument("--size", default=None)
    parser.add_argument("--aspect-ratio", default=None)
    parser.add_argument("--palette", default=None)
    parser.add_argument("--background", default=None)
    parser.add_argument("--thumb", type=int, default=360)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    thumbs: list[tuple[str, Image.Image]] = []
    for p_index, prompt in enumerate(args.prompts):
        spec = make_spec(
            prompt,
            size=args.size,
            aspect_ratio=args.aspect_ratio,
            palette=args.palette,
            background=args.background,
            format="svg",
        )
        for seed in args.seeds:
            start = time.perf_counter()
            svg, info = compose(spec, seed=seed)
            png = render_png(svg, spec.width, spec.height)
            took = time.perf_counter() - start
            name = f"p{p_index:02d}-s{seed}"
            (out / f"{name}.svg").write_text(svg)
            (out / f"{name}.png").write_bytes(png)
            print(
                f"{name} {took * 1000:.0f}ms {info.get('type')} {info.get('layout')} "
                f"icons={info.get('icons')} fonts={info.get('fonts')}",
                file=sys.stderr,
            )
            image = Image.open(io.BytesIO(png)).convert("RGBA")
            checker = Image.new("RGBA", image.size, (255, 255, 255, 255))
            draw = ImageDraw.Draw(checker)
            step = max(8, image.width // 48)
            for y in range(0, image.height, step):
                for x in range(0, image.width, step):
                    if (x // step + y // step) % 2:
                        draw.rectangle([x, y, x + step - 1, y + step - 1], fill=(225, 225, 225, 255))
            checker.alpha_composite(image)
            checker.thumbnail((args.thumb, args.thumb))
            thumbs.append((f"{p_index}:{seed} {info.get('layout')}", checker))
    cols = len(args.seeds)
    rows = (len(thumbs) + cols - 1) // cols
    cell = args.thumb + 20
    sheet = Image.new("RGB", (cols * cell, rows * (cell + 14)), (90, 90, 90))
    draw = ImageDraw.Draw(sheet)
    for i, (label, thumb) in enumerate(thumbs):
        x, y = (i % cols) * cell + 10, (i // cols) * (cell + 14) + 10
        sheet.paste(thumb.convert("RGB"), (x, y))
        draw.text((x, y + thumb.height + 2), label, fill=(255, 255, 255))
    sheet.save(out / "sheet.png")
    print(out / "sheet.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
