"""Font catalogue and typesetting: loading, weights, kerning, fitting, arcs and OCR legibility."""

from __future__ import annotations

import io
import math
import re
import shutil
from pathlib import Path

import pytest
import resvg_py
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from artboard.composer.fonts import (
    ROLES,
    FontFace,
    faces_with,
    family_info,
    font_families,
    get_face,
)
from artboard.composer.shaping import load_font
from artboard.composer.typeset import Box, TextBlock, arc_text, fit_text, measure, set_line
from artboard.errors import InvalidParameter

FAMILIES = [
    "inter", "dm-sans", "space-grotesk", "montserrat", "playfair-display", "dm-serif-display", "bebas-neue",
    "anton", "archivo-black", "abril-fatface", "righteous", "fredoka", "pacifico", "great-vibes", "caveat",
    "roboto-slab", "alfa-slab-one", "oswald", "lora", "unbounded", "permanent-marker", "space-mono",
]  # fmt: skip
BRIEF_ROLES = (
    "sans", "geometric", "grotesk", "humanist", "serif", "display-serif", "high-contrast", "slab",
    "condensed", "heavy", "rounded", "playful", "script", "handwritten", "mono", "tech", "vintage",
    "luxury", "elegant", "corporate", "bold", "retro",
)  # fmt: skip
# Script and hand-drawn faces are legible to people but not reliably to tesseract.
OCR_FAMILIES = [f for f in FAMILIES if not {"script", "handwritten"} & set(family_info(f).roles)]
_NUM = re.compile(r"-?\d+(?:\.\d+)?")


def _points(d: str) -> list[tuple[float, float]]:
    """Every coordinate pair written to an absolute-command path (all commands take x y pairs)."""
    nums = [float(v) for v in _NUM.findall(d)]
    assert len(nums) % 2 == 0
    return list(zip(nums[0::2], nums[1::2], strict=True))


def _svg(blocks: list[TextBlock], width: int, height: int) -> str:
    body = "".join(b.path_element("#000000") for b in blocks)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#ffffff"/>{body}</svg>'
    )


def _render(blocks: list[TextBlock], width: int, height: int) -> Image.Image:
    png = bytes(resvg_py.svg_to_bytes(svg_string=_svg(blocks, width, height), width=width, height=height))
    return Image.open(io.BytesIO(png)).convert("L")


def _ink_pixels(image: Image.Image) -> int:
    return sum(image.point(lambda v: 255 if v < 128 else 0).histogram()[255:])


def _inside(block: TextBlock, box: Box, tol: float = 1e-9) -> bool:
    return all(box[0] - tol <= x <= box[2] + tol and box[1] - tol <= y <= box[3] + tol for x, y in _points(block.d))


# -- catalogue ---------------------------------------------------------------------------------------------


def test_catalogue_lists_every_family() -> None:
    assert font_families() == font_families()  # stable order
    assert set(font_families()) == set(FAMILIES)


@pytest.mark.parametrize("family", FAMILIES)
def test_family_metadata(family: str) -> None:
    info = family_info(family)
    assert info.licence in {"OFL-1.1", "Apache-2.0"}
    assert info.copyright and info.version
    assert Path(info.licence_path).is_file()
    assert info.roles and info.roles <= ROLES
    face = get_face(family)
    assert isinstance(face, FontFace)
    assert Path(face.path).is_file() and face.path.endswith(".ttf")
    assert face.family == family and face.roles == info.roles


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_outlines_sample(family: str) -> None:
    face = get_face(family, family_info(family).headline_weight)
    block = set_line("Hamburgefonstiv 0123", face, 48, 10, 80)
    assert block.d.startswith("M") and "<" not in block.d
    # ligatures may merge a couple of letters, but every character must be drawn
    assert len(block.glyph_boxes) >= len("Hamburgefonstiv0123") - 3
    lf = load_font(face)
    assert 0 not in lf.shape(lf.clean("Hamburgefonstiv 0123")).gids  # no .notdef boxes
    x0, y0, x1, y1 = block.bbox
    assert 10 - 0.1 * 48 <= x0 < x1 and y0 < 80 < y1  # script capitals may overhang the origin
    assert x1 - x0 == pytest.approx(measure("Hamburgefonstiv 0123", face, 48), rel=0.1)


def test_family_names_normalise() -> None:
    assert get_face("Playfair Display", 700) == get_face("playfair_display", 700) == get_face("playfair-display", 700)
    with pytest.raises(InvalidParameter):
        get_face("comic-sans")


def test_nearest_weight() -> None:
    assert get_face("anton", 900).weight == 400  # static single weight
    assert get_face("space-mono", 500).weight == 400
    assert get_face("space-mono", 650).weight == 700
    assert get_face("space-mono", 550).weight == 700  # ties go heavier
    assert get_face("space-mono", 700).path.endswith("SpaceMono-Bold.ttf")
    assert get_face("inter", 1000).weight == 900  # variable: clamped to the axis
    assert get_face("inter", 50).weight == 100
    assert get_face("playfair-display", 300).weight == 400
    assert get_face("montserrat", 650).weight == 650
    assert dict(get_face("inter", 700).location) == {"wght": 700.0, "opsz": 32.0}
    assert dict(get_face("inter", 700, opsz=14).location)["opsz"] == 14.0
    assert get_face("inter", italic=True).italic
    assert not get_face("anton", italic=True).italic  # no italic file: upright fallback


def test_faces_with_roles() -> None:
    assert faces_with("script") == ["pacifico", "great-vibes"]
    assert faces_with("serif", "slab") == ["roboto-slab", "alfa-slab-one"]
    assert faces_with("mono") == ["space-mono"]
    assert faces_with("condensed") == ["oswald", "bebas-neue", "anton"]
    assert faces_with() == font_families()
    assert faces_with("no-such-role") == []
    for role in BRIEF_ROLES:
        assert faces_with(role), role


@pytest.mark.parametrize("family", [f for f in FAMILIES if family_info(f).weights[0] < family_info(f).weights[1]])
def test_bold_has_more_ink(family: str) -> None:
    lo, hi = family_info(family).weights
    light = set_line("Hamburgefonstiv", get_face(family, lo), 64, 10, 90)
    heavy = set_line("Hamburgefonstiv", get_face(family, hi), 64, 10, 90)
    width = int(max(light.bbox[2], heavy.bbox[2])) + 20
    assert _ink_pixels(_render([heavy], width, 130)) > 1.1 * _ink_pixels(_render([light], width, 130))


@pytest.mark.parametrize("family", ["inter", "dm-serif-display", "roboto-slab", "abril-fatface", "fredoka"])
def test_kerning_applies(family: str) -> None:
    face = get_face(family)
    assert measure("AV", face, 100) < measure("A", face, 100) + measure("V", face, 100) - 1
    assert measure("To", face, 100) < measure("T", face, 100) + measure("o", face, 100)


def test_tracking_widens_by_em_per_1000() -> None:
    face = get_face("inter")
    plain = measure("ABCD", face, 100)
    # 3 gaps between 4 letters; ligatures are off for tracked text but ABCD has none
    assert measure("ABCD", face, 100, tracking=100) == pytest.approx(plain + 3 * 10, abs=0.01)


def test_missing_characters_are_substituted() -> None:
    for family in FAMILIES:
        lf = load_font(get_face(family))
        cleaned = lf.clean("\u201cCaf\u00e9\u201d \u2014 na\u00efve\u2026 \u2122 \u4e2d")
        assert "\u4e2d" not in cleaned
        assert 0 not in lf.shape(cleaned).gids, family


def test_path_format() -> None:
    block = set_line("Ag", get_face("lora"), 33.3, 1.234, 50.5)
    assert re.fullmatch(r"(?:[MLQCZ]|-?\d+(?:\.\d{1,2})?|\s)+", block.d)
    assert block.d.count("M") == block.d.count("Z")  # every contour closed
    assert all(block.bbox[0] <= x <= block.bbox[2] and block.bbox[1] <= y <= block.bbox[3] for x, y in _points(block.d))


# -- set_line ---------------------------------------------------------------------------------------------


def test_set_line_anchors() -> None:
    face = get_face("inter", 700)
    width = measure("Pixel Dojo", face, 50)
    start = set_line("Pixel Dojo", face, 50, 100, 100)
    middle = set_line("Pixel Dojo", face, 50, 100, 100, anchor="middle")
    end = set_line("Pixel Dojo", face, 50, 100, 100, anchor="end")
    assert middle.bbox[0] == pytest.approx(start.bbox[0] - width / 2, abs=0.02)
    assert end.bbox[0] == pytest.approx(start.bbox[0] - width, abs=0.02)
    assert start.advance == pytest.approx(width)
    assert start.baselines == (100,)
    assert start.cap_height == pytest.approx(50 * 0.727, rel=0.05)  # Inter's cap height
    with pytest.raises(InvalidParameter):
        set_line("x", face, 0, 0, 0)


# -- fit_text ---------------------------------------------------------------------------------------------


def test_fit_uses_max_size_when_room() -> None:
    block = fit_text("Hi", get_face("inter"), (0, 0, 1000, 1000), max_size=80, min_size=10)
    assert block.font_size == pytest.approx(80)
    assert block.lines == ("Hi",) and not block.below_min and not block.overflow


def test_fit_breaks_balanced_at_spaces() -> None:
    face = get_face("space-mono")  # monospaced: line widths are easy to reason about
    block = fit_text("AAAA BBBB CCCC DDDD", face, (0, 0, 300, 300), max_size=200, min_size=5, max_lines=2)
    assert block.lines == ("AAAA BBBB", "CCCC DDDD")
    block = fit_text("Blue Harbor Coffee Roasters", get_face("inter"), (0, 0, 500, 500), max_size=300, min_size=8)
    assert " ".join(block.lines) == "Blue Harbor Coffee Roasters"
    assert 2 <= len(block.lines) <= 3


def test_fit_prefers_one_line_in_wide_box() -> None:
    block = fit_text("Blue Harbor Coffee", get_face("inter"), (0, 0, 1600, 200), max_size=400, min_size=8)
    assert block.lines == ("Blue Harbor Coffee",)


def test_fit_newlines_force_breaks() -> None:
    block = fit_text("Pixel\nDojo", get_face("inter"), (0, 0, 2000, 400), max_size=100, min_size=8)
    assert block.lines == ("Pixel", "Dojo")
    assert block.baselines[1] - block.baselines[0] == pytest.approx(1.15 * block.font_size)


def test_fit_uppercase_and_empty() -> None:
    face = get_face("oswald")
    assert fit_text("est 1987", face, (0, 0, 400, 100), max_size=60, min_size=8, uppercase=True).lines == ("EST 1987",)
    empty = fit_text("   ", face, (0, 0, 400, 100), max_size=60, min_size=8)
    assert empty.empty and empty.lines == ()


def test_fit_optical_vertical_centre() -> None:
    box = (0.0, 0.0, 600.0, 300.0)
    block = fit_text("HOTEL", get_face("inter", 700), box, max_size=120, min_size=8)
    baseline = block.baselines[0]
    # cap block centred, not the em box (which would sit the caps visibly low)
    assert (baseline - block.cap_height + baseline) / 2 == pytest.approx(150, abs=1.5)
    assert (block.bbox[1] + block.bbox[3]) / 2 == pytest.approx(150, abs=2)


def test_fit_alignment() -> None:
    face = get_face("dm-sans", 700)
    box = (50.0, 50.0, 950.0, 650.0)
    left = fit_text("Blue Harbor Coffee", face, box, max_size=60, min_size=8, align="left", valign="top")
    right = fit_text("Blue Harbor Coffee", face, box, max_size=60, min_size=8, align="right", valign="bottom")
    assert left.bbox[0] == pytest.approx(50, abs=0.05) and left.bbox[1] == pytest.approx(50, abs=0.05)
    assert right.bbox[2] == pytest.approx(950, abs=0.05)
    assert right.bbox[3] == pytest.approx(650, abs=0.05)
    # no descenders: only the round letters' overshoot hangs below the baseline
    assert right.baselines[-1] == pytest.approx(650, abs=0.02 * right.font_size)


def test_fit_shrinks_below_min_but_stays_inside() -> None:
    box = (0.0, 0.0, 120.0, 30.0)
    text = "Supercalifragilistic expialidocious wonders of the universe"
    block = fit_text(text, get_face("inter"), box, max_size=40, min_size=12)
    assert block.below_min and _inside(block, box)
    tiny = fit_text(text * 3, get_face("inter"), (0, 0, 40, 5), max_size=40, min_size=12, max_lines=1)
    assert tiny.overflow and _inside(tiny, (0, 0, 40, 5))


def test_fit_rejects_bad_arguments() -> None:
    face = get_face("inter")
    with pytest.raises(InvalidParameter):
        fit_text("x", face, (10, 10, 10, 50), max_size=10, min_size=5)
    with pytest.raises(InvalidParameter):
        fit_text("x", face, (0, 0, 10, 10), max_size=10, min_size=20)


_WORDS = st.sampled_from(
    ["Pixel", "Dojo", "Blue", "Harbor", "Coffee", "EST", "1987", "Qjy", "WWW", "i", "Ångström", "—", "“Hi”",
     "Supercalifragilisticexpialidocious", "fi", "ffl", "AV", "Tōkyō", "&", "42%", "gypsy"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    family=st.sampled_from(FAMILIES),
    x0=st.floats(-500, 500),
    y0=st.floats(-500, 500),
    w=st.floats(4, 1200),
    h=st.floats(4, 800),
    sizes=st.tuples(st.floats(1, 300), st.floats(1, 300)),
    align=st.sampled_from(["left", "center", "right"]),
    valign=st.sampled_from(["top", "middle", "bottom"]),
    tracking=st.floats(-60, 400),
    max_lines=st.integers(1, 5),
    uppercase=st.booleans(),
    line_height=st.floats(0.7, 2.0),
)
def test_fit_never_overflows(
    words: list[str],
    family: str,
    x0: float,
    y0: float,
    w: float,
    h: float,
    sizes: tuple[float, float],
    align: str,
    valign: str,
    tracking: float,
    max_lines: int,
    uppercase: bool,
    line_height: float,
) -> None:
    box = (x0, y0, x0 + w, y0 + h)
    block = fit_text(
        " ".join(words),
        get_face(family, 700),
        box,
        max_size=max(sizes),
        min_size=min(sizes),
        align=align,  # type: ignore[arg-type]
        valign=valign,  # type: ignore[arg-type]
        tracking=tracking,
        max_lines=max_lines,
        uppercase=uppercase,
        line_height=line_height,
    )
    assert block.d
    assert _inside(block, box)
    assert box[0] <= block.bbox[0] and block.bbox[2] <= box[2] and box[1] <= block.bbox[1] and block.bbox[3] <= box[3]
    assert len(block.lines) <= max_lines
    assert block.font_size <= max(sizes) + 1e-9
    text = " ".join(words).upper() if uppercase else " ".join(words)
    assert " ".join(block.lines).split() == load_font(get_face(family, 700)).clean(text).split()


# -- arc_text ---------------------------------------------------------------------------------------------


def _centre(b: Box) -> tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def test_arc_top_reads_clockwise_outside() -> None:
    face = get_face("oswald", 600)
    cx, cy, r, size = 400.0, 400.0, 300.0, 40.0
    block = arc_text("BLUE HARBOR COFFEE", face, size, cx, cy, r)
    centres = [_centre(b) for b in block.glyph_boxes]
    assert len(centres) == len("BLUEHARBORCOFFEE")
    xs = [c[0] for c in centres]
    assert xs == sorted(xs)  # left to right
    for x, y in centres:
        dist = math.hypot(x - cx, y - cy)
        assert r < dist < r + size  # glyph bodies sit outside the baseline circle
        assert y < cy
    assert _centre(block.bbox)[0] == pytest.approx(cx, abs=size)


def test_arc_bottom_inside_reads_upright() -> None:
    face = get_face("oswald", 600)
    cx, cy, r, size = 400.0, 400.0, 300.0, 40.0
    block = arc_text("EST 1987", face, size, cx, cy, r, center_angle_deg=90, inside=True)
    centres = [_centre(b) for b in block.glyph_boxes]
    xs = [c[0] for c in centres]
    assert xs == sorted(xs)
    for x, y in centres:
        assert r - size < math.hypot(x - cx, y - cy) < r
        assert y > cy
    # upright: the digits' ink is taller than wide near the bottom of the circle and tops face the centre
    mid = block.glyph_boxes[len(centres) // 2]
    assert mid[3] - mid[1] > mid[2] - mid[0]


def test_arc_middle_alignment_and_sweep() -> None:
    face = get_face("inter", 800)
    cx, cy, r = 0.0, 0.0, 200.0
    for inside, angle in ((False, -90.0), (True, 90.0)):
        block = arc_text("PIXEL DOJO", face, 30, cx, cy, r, center_angle_deg=angle, inside=inside,
                         radial_align="middle")  # fmt: skip
        dists = [math.hypot(*_centre(b)) for b in block.glyph_boxes]
        assert sum(dists) / len(dists) == pytest.approx(r, abs=4)
    long = arc_text("A VERY LONG LINE OF TEXT ON A SMALL CIRCLE", face, 40, cx, cy, 100, max_sweep_deg=180)
    angles = [math.degrees(math.atan2(c[1], c[0])) for c in map(_centre, long.glyph_boxes)]
    assert max(angles) - min(angles) <= 180
    assert long.font_size < 40
    for b in long.glyph_boxes:
        assert 100 - 5 < math.hypot(*_centre(b)) < 100 + long.font_size


# -- OCR legibility ------------------------------------------------------------------------------------------

_HAS_TESSERACT = shutil.which("tesseract") is not None
try:
    import pytesseract
except ImportError:  # pragma: no cover - dev extra missing
    _HAS_TESSERACT = False


def _read(blocks: list[TextBlock], width: int, height: int) -> str:
    text: str = pytesseract.image_to_string(_render(blocks, width, height), config="--psm 6")
    return "".join(text.split()).lower()


@pytest.mark.skipif(not _HAS_TESSERACT, reason="tesseract not installed")
@pytest.mark.parametrize("family", OCR_FAMILIES)
def test_ocr_reads_fitted_text(family: str) -> None:
    face = get_face(family, family_info(family).headline_weight)
    for phrase in ("Pixel Dojo", "Blue Harbor Coffee", "EST 1987"):
        block = fit_text(phrase, face, (40, 40, 760, 200), max_size=96, min_size=20, max_lines=1)
        assert _read([block], 800, 240) == "".join(phrase.split()).lower(), (family, phrase)


@pytest.mark.skipif(not _HAS_TESSERACT, reason="tesseract not installed")
@pytest.mark.parametrize("family", ["inter", "playfair-display", "roboto-slab", "oswald"])
def test_ocr_reads_multiline_and_tracked_text(family: str) -> None:
    face = get_face(family, 700)
    block = fit_text("Blue Harbor Coffee", face, (30, 30, 370, 370), max_size=120, min_size=12)
    assert len(block.lines) >= 2
    assert _read([block], 400, 400) == "blueharborcoffee"
    tracked = set_line("EST 1987", face, 48, 30, 90, tracking=250)
    assert _read([tracked], int(tracked.bbox[2]) + 40, 130) == "est1987"
