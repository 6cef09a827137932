"""Raster → SVG: fidelity, structure, options and bad input."""

from __future__ import annotations

import io
import math
import re
import time

import numpy as np
import numpy.typing as npt
import pytest
import resvg_py
from PIL import Image

from artboard.errors import InvalidParameter
from artboard.metrics import ssim
from artboard.svgsafe import check_svg
from artboard.vectorizer import MAX_SVG_BYTES, VectorizeOptions, VectorizeResult, vectorize

U8 = npt.NDArray[np.uint8]


def render(svg: str, width: int, height: int | None = None) -> U8:
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, height=height or width))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _star(cx: float, cy: float, r1: float, r2: float, n: int = 5) -> str:
    pts = []
    for i in range(2 * n):
        r = r1 if i % 2 == 0 else r2
        a = math.radians(-90 + i * 180 / n)
        pts.append(f"{cx + r * math.cos(a):.1f},{cy + r * math.sin(a):.1f}")
    return " ".join(pts)


LOGO = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" fill="#f4efe6"/>
<circle cx="256" cy="200" r="130" fill="#1d3557"/>
<polygon points="{_star(256, 200, 100, 42)}" fill="#e9c46a"/>
<text x="256" y="420" font-family="DejaVu Sans" font-weight="bold" font-size="72"
 text-anchor="middle" fill="#e63946">ACME</text>
<rect x="96" y="450" width="320" height="14" rx="7" fill="#2a9d8f"/></svg>"""

BADGE = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<circle cx="256" cy="256" r="240" fill="#264653"/>
<circle cx="256" cy="256" r="200" fill="none" stroke="#f4a261" stroke-width="16"/>
<polygon points="{_star(256, 220, 90, 38)}" fill="#f4a261"/>
<text x="256" y="380" font-family="DejaVu Sans" font-weight="bold" font-size="44"
 text-anchor="middle" fill="#ffffff">BEST</text></svg>"""

DOTS = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" fill="#ffffff"/>
<circle cx="25" cy="25" r="15" fill="#d62828"/>
<circle cx="75" cy="25" r="15" fill="#d62828"/>
<rect x="15" y="60" width="70" height="25" fill="#003049"/></svg>"""

DONUT = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<circle cx="50" cy="50" r="30" fill="none" stroke="#0a9396" stroke-width="20"/></svg>"""


@pytest.fixture(scope="module")
def logo() -> U8:
    return render(LOGO, 512)


@pytest.fixture(scope="module")
def logo_result(logo: U8) -> VectorizeResult:
    return vectorize(logo)


def _fills(svg: str) -> set[str]:
    out = set()
    for value in re.findall(r'fill="(#[0-9a-fA-F]{3,6})"', svg):
        v = value.lower()
        out.add("#" + "".join(c * 2 for c in v[1:]) if len(v) == 4 else v)
    return out


def test_flat_art_fidelity(logo: U8, logo_result: VectorizeResult) -> None:
    res = logo_result
    assert (res.width, res.height) == (512, 512)
    assert ssim(logo, render(res.svg, 512)) >= 0.95
    assert res.ssim >= 0.95
    assert set(res.colors) == {"#f4efe6", "#1d3557", "#e9c46a", "#e63946", "#2a9d8f"}
    assert _fills(res.svg) == set(res.colors)
    assert res.seconds > 0


@pytest.mark.parametrize("source", [BADGE, DONUT], ids=["badge", "donut"])
def test_fidelity_on_transparent_canvas(source: str) -> None:
    arr = render(source, 384)
    res = vectorize(arr)
    assert ssim(arr, render(res.svg, 384)) >= 0.95


def test_svg_contract(logo_result: VectorizeResult) -> None:
    svg = logo_result.svg
    assert check_svg(svg) == []
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512"')
    for forbidden in ("<image", "<script", "data:", "href", "<text", "transform="):
        assert forbidden not in svg
    assert set(re.findall(r"<(\w+)", svg)) == {"svg", "path"}


def test_svg_is_much_smaller_than_bare_vtracer(logo: U8, logo_result: VectorizeResult) -> None:
    import vtracer

    buf = io.BytesIO()
    Image.fromarray(logo).save(buf, format="PNG")
    bare = vtracer.convert_raw_image_to_svg(buf.getvalue(), img_format="png")
    assert len(logo_result.svg) <= len(bare) / 2


def test_shape_count_and_one_path_per_colour() -> None:
    res = vectorize(render(DOTS, 200))
    assert res.shapes == 4  # background, two dots, one bar
    assert res.svg.count("<path") == 3  # one per colour
    assert set(res.colors) == {"#ffffff", "#d62828", "#003049"}


def test_transparency_is_preserved() -> None:
    arr = render(DONUT, 200)
    res = vectorize(arr)
    out = render(res.svg, 200)
    assert out[100, 100, 3] == 0  # the hole
    assert out[2, 2, 3] == 0  # outside the ring
    assert out[100, 20, 3] == 255  # on the ring (r = 30 ± 10 in a 100 box)
    assert res.colors == ("#0a9396",)
    assert '<path d="M0 0h200v200' not in res.svg  # no background rectangle


def test_opaque_image_gets_a_background_path(logo_result: VectorizeResult) -> None:
    assert '<path d="M0 0h512v512h-512z" fill="#f4efe6"/>' in logo_result.svg


def test_deterministic(logo: U8, logo_result: VectorizeResult) -> None:
    again = vectorize(logo.copy())
    assert again.svg == logo_result.svg
    assert again.ssim == logo_result.ssim


def test_strict_palette(logo: U8) -> None:
    palette = ((255, 255, 255), (20, 20, 20), (220, 40, 50), (240, 200, 90))
    res = vectorize(logo, VectorizeOptions(strict_palette=palette))
    allowed = {"#{:02x}{:02x}{:02x}".format(*c) for c in palette}
    fills = _fills(res.svg)
    assert fills and fills <= allowed
    assert set(res.colors) <= allowed
    assert res.ssim > 0.8


def test_strict_palette_of_one_colour(logo: U8) -> None:
    res = vectorize(logo, VectorizeOptions(strict_palette=((0, 0, 0),)))
    assert _fills(res.svg) == {"#000000"}


@pytest.mark.parametrize("cap", [1, 2, 3, 4, 8])
def test_max_shapes(logo: U8, cap: int) -> None:
    res = vectorize(logo, VectorizeOptions(max_shapes=cap))
    assert 1 <= res.shapes <= cap
    assert res.svg.count("<path") <= cap
    assert check_svg(res.svg) == []


def test_max_shapes_keeps_the_picture_recognisable(logo: U8) -> None:
    res = vectorize(logo, VectorizeOptions(max_shapes=4))
    assert res.ssim > 0.8


def test_polygon_mode_has_no_curves(logo: U8, logo_result: VectorizeResult) -> None:
    res = vectorize(logo, VectorizeOptions(mode="polygon"))
    d = " ".join(re.findall(r' d="([^"]*)"', res.svg))
    assert not re.search(r"[cCsSqQaA]", d)
    assert re.search(r"c", " ".join(re.findall(r' d="([^"]*)"', logo_result.svg)))
    assert res.ssim >= 0.95


def test_speckle_filter_removes_specks() -> None:
    rng = np.random.default_rng(1)
    arr = np.full((200, 200, 3), 255, np.uint8)
    arr[50:150, 50:150] = (0, 90, 160)
    ys, xs = rng.integers(0, 200, 40), rng.integers(0, 200, 40)
    for y, x in zip(ys, xs, strict=True):
        arr[y : y + 2, x : x + 2] = (200, 0, 0)  # 2×2 specks
    none = vectorize(arr, VectorizeOptions(speckle=0))
    some = vectorize(arr, VectorizeOptions(speckle=4))
    assert some.shapes < none.shapes
    assert some.shapes <= 3


def test_color_precision_hint(logo: U8) -> None:
    coarse = vectorize(logo, VectorizeOptions(color_precision=1))
    fine = vectorize(logo, VectorizeOptions(color_precision=8))
    assert len(coarse.colors) < len(fine.colors)


def test_inputs_of_every_kind() -> None:
    rgb = np.zeros((40, 60, 3), np.uint8)
    rgb[:, 30:] = (255, 255, 0)
    for image in (rgb, rgb[..., 0], Image.fromarray(rgb), Image.fromarray(rgb).convert("P"), rgb[:1, :1]):
        res = vectorize(image)
        h, w = np.asarray(image).shape[:2]
        assert (res.width, res.height) == (w, h)
        assert f'viewBox="0 0 {w} {h}"' in res.svg
        assert check_svg(res.svg) == []


def test_fully_transparent_image() -> None:
    res = vectorize(np.zeros((30, 30, 4), np.uint8))
    assert res.shapes == 0 and res.colors == ()
    assert "<path" not in res.svg
    assert check_svg(res.svg) == []


def test_large_flat_image_keeps_its_size() -> None:
    arr = render(DOTS.replace('viewBox="0 0 100 100"', 'viewBox="0 0 100 50"'), 2048, 1024)
    res = vectorize(arr)
    assert (res.width, res.height) == (2048, 1024)
    assert 'viewBox="0 0 2048 1024"' in res.svg
    assert res.ssim > 0.95


def _photo_like(size: int) -> U8:
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    rng = np.random.default_rng(7)
    base = np.stack([np.sin(6 * x + 2 * y), np.cos(5 * y - 3 * x), np.sin(9 * x * y)], axis=-1) * 90 + 128
    return np.clip(base + rng.normal(0, 18, base.shape), 0, 255).astype(np.uint8)


def test_photo_like_input_stays_bounded() -> None:
    arr = _photo_like(1024)
    start = time.perf_counter()
    res = vectorize(arr)
    elapsed = time.perf_counter() - start
    print(f"\nphoto-like 1024²: {elapsed * 1000:.0f} ms, {len(res.svg)} bytes, {res.shapes} shapes")
    assert len(res.svg) <= MAX_SVG_BYTES
    assert elapsed < 10  # ≤ 2 s on an idle core; generous for loaded CI machines
    assert 2 <= len(res.colors) <= 24
    assert check_svg(res.svg) == []


def test_smooth_gradient_is_posterised() -> None:
    ramp = np.linspace(0, 255, 256, dtype=np.float32)
    arr = np.stack(np.broadcast_arrays(ramp[None, :], ramp[:, None], np.full((256, 256), 128.0)), -1)
    res = vectorize(arr.astype(np.uint8))
    assert len(res.colors) > 4
    assert res.ssim > 0.6


@pytest.mark.parametrize(
    ("options", "param"),
    [
        (VectorizeOptions(max_shapes=0), "max_shapes"),
        (VectorizeOptions(max_shapes=-3), "max_shapes"),
        (VectorizeOptions(speckle=-1), "speckle"),
        (VectorizeOptions(speckle=129), "speckle"),
        (VectorizeOptions(speckle=2.5), "speckle"),  # type: ignore[arg-type]
        (VectorizeOptions(color_precision=0), "color_precision"),
        (VectorizeOptions(color_precision=9), "color_precision"),
        (VectorizeOptions(mode="bezier"), "mode"),  # type: ignore[arg-type]
        (VectorizeOptions(strict_palette=tuple((i, i, i) for i in range(11))), "strict_palette"),
        (VectorizeOptions(strict_palette=()), "strict_palette"),
        (VectorizeOptions(strict_palette=((0, 0, 256),)), "strict_palette"),
        (VectorizeOptions(strict_palette=((0, 0),)), "strict_palette"),  # type: ignore[arg-type]
        (VectorizeOptions(strict_palette="#ff0000"), "strict_palette"),  # type: ignore[arg-type]
    ],
)
def test_bad_options(options: VectorizeOptions, param: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        vectorize(np.zeros((8, 8, 3), np.uint8), options)
    assert info.value.param == param
    assert info.value.status == 400


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((0, 0, 3), np.uint8),
        np.zeros((0, 5, 4), np.uint8),
        np.zeros((4, 4, 3), np.float32),
        np.zeros((4, 4, 2), np.uint8),
        "not an image",
        None,
    ],
    ids=["0x0", "0x5", "float", "2-channel", "str", "none"],
)
def test_bad_images(image: object) -> None:
    with pytest.raises(InvalidParameter) as info:
        vectorize(image)  # type: ignore[arg-type]
    assert info.value.param == "image"


def test_bad_options_type() -> None:
    with pytest.raises(InvalidParameter) as info:
        vectorize(np.zeros((8, 8, 3), np.uint8), {"speckle": 4})  # type: ignore[arg-type]
    assert info.value.param == "options"


def test_jpeg_compressed_flat_art_stays_flat(logo: U8) -> None:
    buf = io.BytesIO()
    Image.fromarray(logo).convert("RGB").save(buf, format="JPEG", quality=80)
    jpeg = np.asarray(Image.open(buf).convert("RGBA"))
    res = vectorize(jpeg)
    assert len(res.colors) == 5  # compression noise does not become extra fills
    assert ssim(jpeg, render(res.svg, 512)) >= 0.95


# -- metrics.ssim, which the fidelity checks above rely on -----------------------------------------


def _ssim_reference(a: U8, b: U8) -> float:
    """Window-by-window SSIM straight from the definition (slow; small images only)."""
    from artboard.metrics import gaussian_kernel, to_luma

    x, y = to_luma(a).astype(np.float64), to_luma(b).astype(np.float64)
    k = gaussian_kernel().astype(np.float64)
    win = np.outer(k, k)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    values = []
    for i in range(x.shape[0] - 10):
        for j in range(x.shape[1] - 10):
            px, py = x[i : i + 11, j : j + 11], y[i : i + 11, j : j + 11]
            mx, my = (win * px).sum(), (win * py).sum()
            vx, vy = (win * px * px).sum() - mx * mx, (win * py * py).sum() - my * my
            cov = (win * px * py).sum() - mx * my
            values.append((2 * mx * my + c1) * (2 * cov + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2)))
    return float(np.mean(values))


def test_ssim_matches_the_definition() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 256, (30, 27, 3)).astype(np.uint8)
    b = np.clip(a + rng.normal(0, 25, a.shape), 0, 255).astype(np.uint8)
    assert ssim(a, b) == pytest.approx(_ssim_reference(a, b), abs=1e-5)
    assert ssim(a, a) == pytest.approx(1.0)
    assert ssim(a, 255 - a) < 0.2


def test_ssim_composites_alpha_over_white() -> None:
    hidden = np.zeros((20, 20, 4), np.uint8)
    hidden[..., :3] = 37  # colour under a fully transparent pixel does not count
    white = np.full((20, 20, 3), 255, np.uint8)
    assert ssim(hidden, white) == pytest.approx(1.0)


def test_ssim_is_fast_at_1024() -> None:
    rng = np.random.default_rng(1)
    a = rng.integers(0, 256, (1024, 1024, 4)).astype(np.uint8)
    b = a.copy()
    b[..., 0] //= 2
    ssim(a, b)
    best = min(_timed(lambda: ssim(a, b)) for _ in range(3))
    print(f"\nssim 1024² RGBA: {best * 1000:.1f} ms")
    assert best < 1.0  # about 50 ms on an idle core; generous for loaded CI machines


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start
