"""Design benchmark: score the composer on the realistic prompts of bench/design_suite.toml.

For every case (and seed) it composes, renders, and checks: the design type, the nouns drawn, the copy set
(and, with --ocr, legible to tesseract), the colours named, and that photographic prompts are flagged.
It is a benchmark, not a test: it always exits 0.

    python bench/bench_design.py [-j 2] [--seeds 1 2] [--only logo] [--match coffee] [--ocr]
        [--verbose] [--json /tmp/design.json] [--sheet /tmp/sheets]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import json
import re
import statistics
import subprocess
import sys
import textwrap
import time
import tomllib
import traceback
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

SUITE = Path(__file__).with_name("design_suite.toml")
DESIGN_TYPES = (
    "logo", "monogram", "icon", "icon_set", "app_icon", "emoji", "badge", "sticker", "poster", "banner", "card",
    "label", "tshirt", "pattern", "background", "isometric", "infographic", "illustration",
)  # fmt: skip
COLOUR_DISTANCE = 0.06  # ΔE in OKLab units (0..1 lightness scale)
COLOUR_SHARE = 0.003  # of the opaque pixels
LEGIBLE_SHARE = 0.8  # of a copy string's words found by OCR
OCR_WORD_RATIO = 0.8  # difflib ratio for an OCR word to count
THUMB = 300
PALETTE_ATTR = re.compile(r"(?:fill|stroke|stop-color)\s*[=:]\s*[\"']?\s*(#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b)")


@dataclass(frozen=True)
class Case:
    id: str
    prompt: str
    kinds: tuple[str, ...]
    nouns: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    copy: tuple[str, ...] = ()
    colours: tuple[tuple[str, tuple[str, ...]], ...] = ()  # name, acceptable hexes (designer reading first)
    photographic: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def load_suite(path: Path = SUITE) -> list[Case]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return [
        Case(
            id=c["id"],
            prompt=c["prompt"],
            kinds=(c["kind"],) if isinstance(c["kind"], str) else tuple(c["kind"]),
            nouns=tuple(c.get("nouns", ())),
            avoid=tuple(c.get("avoid", ())),
            copy=tuple(c.get("copy", ())),
            colours=tuple((name, tuple(hexes)) for name, *hexes in c.get("colours", ())),
            photographic=bool(c.get("photographic", False)),
            options=dict(c.get("options", {})),
        )
        for c in raw
    ]


# ---------------------------------------------------------------- nouns

IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse", "geese": "goose",
    "teeth": "tooth", "feet": "foot", "leaves": "leaf", "knives": "knife", "wolves": "wolf", "loaves": "loaf",
    "shelves": "shelf", "cacti": "cactus", "calves": "calf", "halves": "half",
}  # fmt: skip


def word_forms(word: str) -> set[str]:
    """The word, lower-cased, and every singular it may be the plural of (-s, -es, -ies→y, irregulars)."""
    w = word.lower()
    forms = {w}
    if w in IRREGULAR:
        forms.add(IRREGULAR[w])
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        forms.add(w[:-1])
        if w.endswith("es"):
            forms.add(w[:-2])
        if len(w) > 4 and w.endswith("ies"):
            forms.add(w[:-3] + "y")
    return forms


def lemma(word: str) -> str:
    """The shortest plausible singular (for display; matching compares all forms)."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def name_words(name: str) -> list[str]:
    """Words of an icon key ("mdi:weather-rainy" → weather, rainy), a motif name or a concept."""
    name = name.split(":", 1)[1] if ":" in name else name
    return [w for w in re.split(r"[\s\-_/]+", name.lower()) if w]


def drawn_items(info: dict[str, Any]) -> list[list[str]]:
    """One word list per thing drawn: each drawn entry (concept + icon) and each icon key."""
    items = [
        name_words(str(d.get("concept", ""))) + name_words(str(d.get("icon", ""))) for d in info.get("drawn") or ()
    ]
    items += [name_words(key) for key in info.get("icons") or ()]
    return [item for item in items if item]


def _alternative_in(alternative: str, item: Sequence[str]) -> bool:
    item_forms = [word_forms(w) for w in item]
    return all(any(word_forms(w) & forms for forms in item_forms) for w in name_words(alternative))


def group_drawn(group: str, items: Iterable[Sequence[str]]) -> bool:
    """Whether any alternative of "cup|mug|hot air balloon" is drawn (multiword: all words on one thing)."""
    items = list(items)
    return any(_alternative_in(alt, item) for alt in group.split("|") if alt.strip() for item in items)


# ---------------------------------------------------------------- copy

_END_PUNCT = ".,;:!?'\"()[]{}<>…—–-·*/\\ "
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Lower-case, unify quotes and dashes, collapse whitespace, strip punctuation at the ends."""
    return " ".join(text.translate(_FOLD).lower().split()).strip(_END_PUNCT)


_SOFT_PUNCT = re.compile(r"[^\w\s$%&+#@/:.'-]|(?<=\w)[.,:;!?](?=\s|$)")


def copy_set(copy: str, texts: Iterable[str]) -> bool:
    """Set, in order, across the lines it was broken into; a comma or full stop the line break took is no loss."""
    hay = " ".join(normalise(t) for t in texts)
    needle = normalise(copy)
    if needle in hay or needle.replace(" ", "") in hay.replace(" ", ""):
        return True
    soft_hay, soft_needle = (" ".join(_SOFT_PUNCT.sub(" ", x).split()) for x in (hay, needle))
    return bool(soft_needle) and soft_needle in soft_hay


def copy_legible(copy: str, ocr_words: Sequence[str]) -> bool:
    """≥ 80 % of the copy's words fuzzy-match an OCR word (two words OCR read as one, or one read as two, count)."""
    words = [normalise(w) for w in copy.split() if normalise(w)]
    if not words:
        return True
    tokens = [*ocr_words, *(a + b for a, b in pairwise(ocr_words))]

    def seen(word: str, slack: int | None = None) -> bool:  # slack: how much shorter than the word a token may be
        fits = [t for t in tokens if slack is None or len(t) >= len(word) - slack]
        return any(difflib.SequenceMatcher(None, word, t).ratio() >= OCR_WORD_RATIO for t in fits)

    found = [seen(w) for w in words]
    for i in range(len(words) - 1):
        if not (found[i] and found[i + 1]) and seen(words[i] + words[i + 1], slack=1):
            found[i] = found[i + 1] = True
    return sum(found) / len(words) >= LEGIBLE_SHARE


def _round_strips(polar: npt.NDArray[Any]) -> list[tuple[npt.NDArray[Any], int]]:
    """The halves of an unrolled design (rows: the angle, clockwise from 3 o'clock), each with the quarter turn
    that sets its letters upright: the upper half (180°..360°) reads left to right, the lower (0°..180°) from
    outside. Each half again, run 25° past 3 and 9 o'clock: a line that crosses them ("PORTLAND, MAINE" round
    the bottom from 8 to 4 o'clock) is then read whole rather than cut in two."""
    rows = len(polar)
    over = rows * 25 // 360
    return [
        (polar[rows // 2 :], 1),
        (polar[: rows // 2], -1),
        (np.concatenate([polar[rows // 2 - over :], polar[:over]]), 1),
        (np.concatenate([polar[rows - over :], polar[: rows // 2 + over]]), -1),
    ]


def _round_reads(flat: Image.Image) -> list[str]:
    """Text set along a circle (a seal's or a patch's arcs): tesseract reads lines, so the design is unrolled
    around its centre (OpenCV's polar warp) and each half read both ways up: the top arc reads clockwise, the
    bottom arc counter-clockwise."""
    import cv2

    rgb = np.asarray(flat.convert("RGB"))
    h, w = rgb.shape[:2]
    radius = min(w, h) / 2
    # rows: the angle, clockwise from 3 o'clock; columns: the radius. At mid radius letters keep their shape.
    rows = int(np.pi * radius)
    polar = cv2.warpPolar(rgb, (int(radius), rows), (w / 2, h / 2), radius, cv2.WARP_POLAR_LINEAR)
    words: list[str] = []
    for strip, turn in _round_strips(polar):
        upright = np.ascontiguousarray(np.rot90(strip, turn))
        for psm in (6, 11):
            text = _tesseract(Image.fromarray(upright), f"--psm {psm}")
            words += [normalise(x) for x in text.split() if normalise(x)]
        # Dark type on a mid-tone band (black on a green seal's ring) reads once cut into black and white, as on
        # the flat page (see ocr_words).
        grey = np.asarray(Image.fromarray(upright).convert("L"))
        for cut in (70, 130, 190):
            binary = Image.fromarray(np.where(grey > cut, 255, 0).astype(np.uint8))
            text = _tesseract(binary, "--psm 6")
            words += [normalise(x) for x in text.split() if normalise(x)]
    return words


def _letter_reads(flat: Image.Image, ground: tuple[int, int, int]) -> list[str]:
    """Monograms and app icons: a few letters hundreds of pixels tall, which tesseract (trained on text a few
    dozen pixels tall) misses at full size. Read again small, with room around, as one word and as one
    character."""

    words: list[str] = []
    for size in (160, 96):
        small = flat.copy()
        small.thumbnail((size, size))
        padded = Image.new("RGB", (small.width + size, small.height + size), ground)
        padded.paste(small, (size // 2, size // 2))
        for psm in (7, 8, 10):
            text = _tesseract(padded, f"--psm {psm}")
            words += [normalise(x) for x in text.split() if normalise(x)]
    return words


def _enclosed(flat: Image.Image) -> list[Image.Image]:
    """The marks a shape encloses, black on white, and nothing else: a letter cut out of a speech bubble, dark
    letters on a gold disc. Tesseract reads such a letter as part of the shape around it; a reader sees the letter.
    At each cut, in each polarity, the regions that do not reach the image's edge are kept as they are drawn (no
    shape is added or reshaped), and everything that reaches the edge (the ground, the shape's own body) is cleared.
    """
    import cv2

    grey = np.asarray(flat.convert("L"))
    out = []
    for cut in (70, 130, 190):
        for ink in (grey <= cut, grey > cut):
            count, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=4)
            edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
            inside = ink & ~np.isin(labels, edge)
            if count > 1 and inside.any():
                out.append(Image.fromarray(np.where(inside, 0, 255).astype(np.uint8)).convert("RGB"))
    return out


def _tesseract(image: Image.Image, config: str) -> str:
    """One tesseract reading; a crash of tesseract itself (it dies on the odd page, e.g. SIGFPE, exit -8) is one
    reading that saw nothing, not a failed case: the other readings of the design still count."""
    import pytesseract

    try:
        return str(pytesseract.image_to_string(image, config=config))
    except pytesseract.TesseractError:
        return ""


def ocr_words(
    image: Image.Image, *, round_text: bool = False, letters: bool = False, inverted: bool = False
) -> list[str]:
    """Tesseract words, page mode and sparse-text mode together, on the image flattened on white and, where it
    is see-through, on dark grey too (white lettering on a transparent sticker); unrolled around the centre for
    a design with text on arcs (`round_text`), and read small for a few big letters (`letters`)."""

    rgba = image.convert("RGBA")
    grounds = [(255, 255, 255)]
    if np.asarray(rgba)[..., 3].min() < 250:
        grounds.append((32, 32, 32))
    words: list[str] = []
    for ground in grounds:
        flat = Image.new("RGB", rgba.size, ground)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        for psm in (3, 11):
            text = _tesseract(flat, f"--psm {psm}")
            words += [normalise(w) for w in text.split() if normalise(w)]
        # Dark type on a mid tone (brown on orange) reads once the page is cut into black and white; a design has
        # three tones or more, so it is cut at a dark, a middle and a light level.
        grey = np.asarray(flat.convert("L"))
        for cut in (70, 130, 190):
            binary = Image.fromarray(np.where(grey > cut, 255, 0).astype(np.uint8))
            text = _tesseract(binary, "--psm 11")
            words += [normalise(w) for w in text.split() if normalise(w)]
        if inverted:
            # Light lettering on a dark ground (a chalkboard, a night poster): tesseract reads dark on light only,
            # so the cuts are read again as negatives. Counted apart (legible_inverted) from the upright reading.
            for cut in (70, 130, 190):
                negative = Image.fromarray(np.where(grey > cut, 0, 255).astype(np.uint8))
                for psm in (3, 11):
                    text = _tesseract(negative, f"--psm {psm}")
                    words += [normalise(w) for w in text.split() if normalise(w)]
        if round_text:
            words += _round_reads(flat)
        if letters:
            words += _letter_reads(flat, ground)
            for enclosed in _enclosed(flat):
                words += _letter_reads(enclosed, (255, 255, 255))
    return words


# ---------------------------------------------------------------- colours


def hex_to_rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
        raise ValueError(f"not a hex colour: {hexa!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def srgb_to_oklab(rgb: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """sRGB 0..255 (…, 3) → OKLab (…, 3), Björn Ottosson's matrices."""
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m1 = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                   [0.2119034982, 0.6806995451, 0.1073969566],
                   [0.0883024619, 0.2817188376, 0.6299787005]])  # fmt: skip
    m2 = np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                   [1.9779984951, -2.4285922050, 0.4505937099],
                   [0.0259040371, 0.7827717662, -0.8086757660]])  # fmt: skip
    return np.asarray(np.cbrt(lin @ m1.T) @ m2.T, dtype=np.float64)


def colour_share(image: Image.Image, hexa: str) -> float:
    """Share of the opaque pixels within COLOUR_DISTANCE of the colour."""
    rgba = np.asarray(image.convert("RGBA"))
    opaque = rgba[rgba[..., 3] >= 250][:, :3]
    if not len(opaque):
        return 0.0
    colours, counts = np.unique(opaque, axis=0, return_counts=True)
    near = np.linalg.norm(srgb_to_oklab(colours) - srgb_to_oklab(hex_to_rgb(hexa)), axis=1) <= COLOUR_DISTANCE
    return float(counts[near].sum() / counts.sum())


def svg_has_colour(svg: str, hexa: str) -> bool:
    found = {m.lower() for m in PALETTE_ATTR.findall(svg)}
    if not found:
        return False
    distances = np.linalg.norm(srgb_to_oklab([hex_to_rgb(h) for h in found]) - srgb_to_oklab(hex_to_rgb(hexa)), axis=1)
    return bool((distances <= COLOUR_DISTANCE).any())


# ---------------------------------------------------------------- one case


def is_photo_flagged(info: dict[str, Any]) -> bool:
    if "warnings" in info:
        return any("photograph" in str(w).lower() for w in info["warnings"] or ())
    return bool(info.get("photographic"))


def score_info(case: Case, info: dict[str, Any]) -> dict[str, Any]:
    """The checks that need only the design record."""
    items = drawn_items(info)
    texts: list[str] = list((info["set_texts"] if "set_texts" in info else info.get("texts")) or [])
    return {
        "type": info.get("type"),
        "kind": info.get("type") in case.kinds,
        "nouns": {g: group_drawn(g, items) for g in case.nouns},
        "avoid": {g: not group_drawn(g, items) for g in case.avoid},
        "copy": {c: copy_set(c, texts) for c in case.copy},
        "photo_flagged": is_photo_flagged(info),
        "fallbacks": [k for k in ("drawn", "set_texts", "warnings") if k not in info],
    }


def run_case(task: tuple[Case, int, bool, bool]) -> dict[str, Any]:
    case, seed, ocr, want_thumb = task
    from artboard.composer import compose
    from artboard.render import render_png
    from artboard.spec import make_spec

    result: dict[str, Any] = {"id": case.id, "seed": seed, "prompt": case.prompt, "kinds": list(case.kinds)}
    result["photographic"] = case.photographic
    start = time.perf_counter()
    try:
        spec = make_spec(case.prompt, format="svg", **case.options)
        svg, info = compose(spec, seed=seed)
        scale = 512 / max(spec.width, spec.height)
        small_png = render_png(svg, round(spec.width * scale), round(spec.height * scale))
        small = Image.open(io.BytesIO(small_png)).convert("RGBA")
        result |= score_info(case, info)
        result["icons"] = list(info.get("icons") or [])
        result["texts"] = list(info.get("set_texts") or info.get("texts") or [])
        result["colours"] = {}
        for name, hexes in case.colours:
            shares = [colour_share(small, h) for h in hexes]
            result["colours"][name] = max(shares) >= COLOUR_SHARE or any(svg_has_colour(svg, h) for h in hexes)
            result.setdefault("colour_shares", {})[name] = round(max(shares), 4)
        if ocr and case.copy:
            full = Image.open(io.BytesIO(render_png(svg, spec.width, spec.height)))
            layout = str(info.get("layout") or "")
            round_text = "badge" in case.kinds or any(k in layout for k in ("ring", "seal", "disc", "circle"))
            letters = any(len(c.replace(" ", "")) <= 4 for c in case.copy)
            words = ocr_words(full, round_text=round_text, letters=letters)
            result["legible"] = {c: copy_legible(c, words) for c in case.copy}
            result["ocr"] = " ".join(words)
            unread = [c for c, ok in result["legible"].items() if not ok]
            if unread:  # read again with the negatives too, only where the upright reading missed something
                words += ocr_words(full, inverted=True)
            result["legible_inverted"] = {c: copy_legible(c, words) for c in case.copy}
        if want_thumb:
            result["thumb"] = thumbnail_png(small)
    except Exception as exc:  # a crash fails every check of the case
        result["error"] = "".join(traceback.format_exception(exc)[-3:]).strip()
        failed = {"nouns": case.nouns, "avoid": case.avoid, "copy": case.copy, "colours": [n for n, _ in case.colours]}
        result |= {k: dict.fromkeys(v, False) for k, v in failed.items()} | {"type": None, "kind": False}
        result["photo_flagged"] = not case.photographic
        if ocr:
            result["legible"] = dict.fromkeys(case.copy, False)
            result["legible_inverted"] = dict.fromkeys(case.copy, False)
    result["seconds"] = time.perf_counter() - start
    result["photo_ok"] = result["photo_flagged"] == case.photographic
    return result


def failures(r: dict[str, Any]) -> list[str]:
    out = [] if r["kind"] else [f"type {r['type']} (want {'/'.join(r['kinds'])})"]
    for check, label in (("nouns", "noun"), ("avoid", "drew"), ("copy", "copy"), ("legible", "illegible")):
        out += [f"{label} {k!r}" for k, ok in r.get(check, {}).items() if not ok]
    out += [f"colour {k}" for k, ok in r["colours"].items() if not ok]
    if not r["photo_ok"]:
        out.append("photo not flagged" if not r["photo_flagged"] else "photo false positive")
    return out


# ---------------------------------------------------------------- contact sheets


def checker(size: tuple[int, int], step: int = 10) -> Image.Image:
    board = Image.new("RGBA", size, (255, 255, 255, 255))
    draw = ImageDraw.Draw(board)
    for y in range(0, size[1], step):
        for x in range(0, size[0], step):
            if (x // step + y // step) % 2:
                draw.rectangle([x, y, x + step - 1, y + step - 1], fill=(225, 225, 225, 255))
    return board


def thumbnail_png(image: Image.Image) -> bytes:
    thumb = image.copy()
    thumb.thumbnail((THUMB, THUMB))
    board = checker(thumb.size)
    board.alpha_composite(thumb)
    buf = io.BytesIO()
    board.convert("RGB").save(buf, "PNG")
    return buf.getvalue()


def by_first_kind(results: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        groups[r["kinds"][0]].append(r)
    return groups


def write_sheets(results: list[dict[str, Any]], out: Path, cols: int = 5) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype("DejaVuSansCondensed.ttf", 11)
    except OSError:
        font = ImageFont.load_default(size=11)
    paths = []
    for kind, rows in sorted(by_first_kind(results).items()):
        cell_w, cell_h = THUMB + 16, THUMB + 104
        sheet = Image.new("RGB", (cols * cell_w, ((len(rows) + cols - 1) // cols) * cell_h), (70, 70, 70))
        draw = ImageDraw.Draw(sheet)
        for i, r in enumerate(rows):
            x, y = (i % cols) * cell_w + 8, (i // cols) * cell_h + 8
            if "thumb" in r:
                sheet.paste(Image.open(io.BytesIO(r["thumb"])), (x, y))
            lines = [f"{r['id']} s{r['seed']} [{r['type']}]", *textwrap.wrap(r["prompt"], 48)[:4]]
            bad = [f"ERROR {r['error'].splitlines()[-1]}"] if "error" in r else []
            bad += [f"x {'; '.join(failures(r))}"] if failures(r) else []
            for j, line in enumerate(lines + textwrap.wrap(" ".join(bad), 52)[:2]):
                colour = (255, 150, 150) if j >= len(lines) else (255, 255, 255)
                draw.text((x, y + THUMB + 2 + 14 * j), line, fill=colour, font=font)
        path = out / f"{kind}.png"
        sheet.save(path)
        paths.append(path)
    return paths


# ---------------------------------------------------------------- report


def share(label: str, ok: int, total: int) -> str:
    return f"{label:<30} {ok}/{total} = {100 * ok / total:.1f} %" if total else f"{label:<30} -"


def tally(results: list[dict[str, Any]], check: str) -> tuple[int, int]:
    values = [ok for r in results for ok in r.get(check, {}).values()]
    return sum(values), len(values)


def report(results: list[dict[str, Any]], *, ocr: bool, verbose: bool) -> None:
    wanted = [r for r in results if r["photographic"]]
    others = [r for r in results if not r["photographic"]]
    errors = [r for r in results if "error" in r]
    print(share("design type", sum(r["kind"] for r in results), len(results)))
    print(share("nouns drawn", *tally(results, "nouns")))
    print(share("cases with every noun", sum(all(r["nouns"].values()) for r in results if r["nouns"]),
                sum(bool(r["nouns"]) for r in results)))  # fmt: skip
    print(share("misread words not drawn", *tally(results, "avoid")))
    print(share("copy set", *tally(results, "copy")))
    if ocr:
        print(share("copy legible (OCR)", *tally(results, "legible")))
        print(share("  … with negatives read", *tally(results, "legible_inverted")))
    print(share("colours present", *tally(results, "colours")))
    print(share("photographic flagged", sum(r["photo_ok"] for r in wanted), len(wanted)))
    print(share("photographic false positives", sum(not r["photo_ok"] for r in others), len(others)))
    print(share("all checks pass", sum(not failures(r) for r in results), len(results)))
    print(share("errors", len(errors), len(results)))
    fallback = sorted({k for r in results for k in r.get("fallbacks", [])})
    if fallback:
        print(f"(info lacks {', '.join(fallback)}: scored on the fallbacks icons/texts/photographic)")
    print(f"\n{'kind':<13}{'n':>4}{'type':>7}{'nouns':>7}{'copy':>7}" + ("{:>7}".format("legib") if ocr else "")
          + f"{'colour':>7}{'photo':>7}{'pass':>7}{'err':>5}")  # fmt: skip
    by_kind = by_first_kind(results)

    def pct(pair: tuple[int, int]) -> str:
        return f"{100 * pair[0] / pair[1]:>6.0f}%" if pair[1] else f"{'-':>7}"

    for kind in [k for k in DESIGN_TYPES if k in by_kind]:
        rows = by_kind[kind]
        cells = [(sum(r["kind"] for r in rows), len(rows)), tally(rows, "nouns"), tally(rows, "copy")]
        cells += [tally(rows, "legible")] if ocr else []
        cells += [tally(rows, "colours"), (sum(r["photo_ok"] for r in rows), len(rows))]
        cells += [(sum(not failures(r) for r in rows), len(rows))]
        errs = sum("error" in r for r in rows)
        print(f"{kind:<13}{len(rows):>4}" + "".join(pct(c) for c in cells) + f"{errs:>5}")
    times = sorted(r["seconds"] for r in results)
    print(f"\ntime per case: median {statistics.median(times):.2f} s, p95 {times[int(0.95 * (len(times) - 1))]:.2f} s,"
          f" max {times[-1]:.2f} s" + (" (including OCR)" if ocr else ""))  # fmt: skip
    for r in errors:
        print(f"\nERROR {r['id']} (seed {r['seed']}): {r['prompt']}\n  " + r["error"].replace("\n", "\n  "))
    if verbose:
        print("\nworst failures:")
        worst = sorted(results, key=lambda r: -len(failures(r)) / (1 + len(r["nouns"]) + len(r["copy"])))
        for r in [r for r in worst if failures(r)][:40]:
            print(f"- {r['id']} [{r['type']}] {r['prompt']}\n    missing: {'; '.join(failures(r))}")
            print(f"    icons: {r.get('icons')} texts: {r.get('texts')}")


def source_fingerprint() -> str:
    """Which composer was scored: git HEAD and a hash of the artboard sources as they are (edits included)."""
    import artboard

    root = Path(artboard.__file__).parent
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(root.rglob("*.py"))))
    git = ["git", "-C", str(root), "rev-parse", "--short", "HEAD"]
    head = subprocess.run(git, capture_output=True, text=True, check=False).stdout.strip() or "?"
    return f"artboard at git {head}, sources sha256 {digest.hexdigest()[:12]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", type=Path, default=SUITE)
    parser.add_argument("--seeds", nargs="+", type=int, default=[1])
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--only", help="only cases whose expected kinds include KIND")
    parser.add_argument("--match", help="only cases whose id or prompt contains SUBSTR (case-insensitive)")
    parser.add_argument("--ocr", action="store_true", help="also check copy is legible with tesseract")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--json", type=Path, help="write per-case results here")
    parser.add_argument("--sheet", type=Path, help="write one contact sheet per kind into this folder")
    args = parser.parse_args(argv)
    cases = load_suite(args.suite)
    if args.only:
        cases = [c for c in cases if args.only in c.kinds]
    if args.match:
        cases = [c for c in cases if args.match.lower() in (c.id + " " + c.prompt).lower()]
    if not cases:
        print("no cases match")
        return 0
    tasks = [(c, seed, args.ocr, args.sheet is not None) for c in cases for seed in args.seeds]
    start = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run_case, tasks, chunksize=1))
    else:
        results = [run_case(t) for t in tasks]
    wall = time.perf_counter() - start
    print(f"{len(cases)} cases × {len(args.seeds)} seed(s) = {len(results)} designs in {wall:.1f} s (-j {args.jobs})")
    print(f"{source_fingerprint()}\n")
    report(results, ocr=args.ocr, verbose=args.verbose)
    if args.sheet:
        for path in write_sheets(results, args.sheet):
            print(f"sheet: {path}")
    if args.json:
        clean = [{k: v for k, v in r.items() if k != "thumb"} | {"failures": failures(r)} for r in results]
        args.json.write_text(json.dumps(clean, indent=1, ensure_ascii=False))
        print(f"results: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
