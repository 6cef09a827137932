"""Loading input images: sources, formats, limits and errors."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.imageio import MAX_BYTES, MAX_PIXELS, image_to_rgba_array, load_image


def _encoded(img: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def _sample(mode: str = "RGB") -> Image.Image:
    arr = np.zeros((24, 32, 3), np.uint8)
    arr[:, :16] = (200, 30, 40)
    arr[:, 16:] = (20, 60, 200)
    img = Image.fromarray(arr, "RGB")
    return img.convert(mode) if mode != "RGB" else img


def _png_with_size(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of any size, built by hand: every row is one filter byte plus zeros,
    so even a huge image compresses to a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF", "BMP"])
def test_formats_decode_to_rgba(fmt: str) -> None:
    data = _encoded(_sample(), fmt)
    img = load_image(data)
    assert img.mode == "RGBA"
    assert img.size == (32, 24)
    r, _g, b, a = img.getpixel((4, 4))  # type: ignore[misc]
    assert a == 255
    assert r > 150 and b < 100  # the red half, give or take lossy coding


def test_path_bytes_and_data_url_agree(tmp_path: Path) -> None:
    data = _encoded(_sample(), "PNG")
    path = tmp_path / "in.png"
    path.write_bytes(data)
    url = "data:image/png;base64," + base64.b64encode(data).decode()
    arrays = [
        image_to_rgba_array(load_image(src))
        for src in (data, bytearray(data), memoryview(data), str(path), path, url, _sample())
    ]
    for arr in arrays[1:]:
        np.testing.assert_array_equal(arr, arrays[0])


def test_png_transparency_is_kept() -> None:
    img = Image.new("RGBA", (8, 8), (0, 0, 0, 0))
    img.putpixel((2, 2), (10, 20, 30, 255))
    out = load_image(_encoded(img, "PNG"))
    assert out.getpixel((0, 0))[3] == 0  # type: ignore[index]
    assert out.getpixel((2, 2)) == (10, 20, 30, 255)


def test_palette_gif_first_frame() -> None:
    frames = [Image.new("P", (10, 10), i) for i in (1, 2)]
    frames[0].putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0] + [0] * 759)
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:])
    out = load_image(buf.getvalue())
    assert out.getpixel((5, 5))[:3] == (255, 0, 0)  # type: ignore[index]


def test_exif_orientation_is_applied() -> None:
    img = Image.new("RGB", (40, 20), (255, 255, 255))
    img.paste((0, 0, 0), (0, 0, 10, 20))  # black band on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    out = load_image(_encoded(img, "JPEG", exif=exif.tobytes(), quality=95))
    assert out.size == (20, 40)
    top = np.asarray(out)[:8].mean()
    bottom = np.asarray(out)[-8:].mean()
    assert top < bottom  # the band ended up at the top


def test_sixteen_bit_grey_png_is_rescaled() -> None:
    arr = np.full((4, 4), 65535, dtype=np.uint16)
    arr[0, 0] = 0
    img = Image.fromarray(arr)
    out = image_to_rgba_array(load_image(_encoded(img, "PNG")))
    assert out[1, 1, 0] == 255 and out[0, 0, 0] == 0


def test_too_many_bytes() -> None:
    with pytest.raises(PayloadTooLarge) as info:
        load_image(b"\x89PNG" + b"\x00" * MAX_BYTES, param="reference")
    assert info.value.param == "reference"
    assert info.value.status == 413


def test_too_many_bytes_in_a_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(PayloadTooLarge) as info:
        load_image(path)
    assert info.value.param == "image"


def test_too_many_bytes_in_a_data_url() -> None:
    url = "data:image/png;base64," + "A" * (MAX_BYTES * 4 // 3 + 16)
    with pytest.raises(PayloadTooLarge):
        load_image(url)


def test_too_many_pixels_is_refused_before_decoding() -> None:
    data = _png_with_size(4001, 4000)  # 16.004 MP, a few kB
    assert len(data) < 100_000
    with pytest.raises(PayloadTooLarge) as info:
        load_image(data, param="init_image")
    assert info.value.param == "init_image"
    assert "pixel" in str(info.value)


def test_just_under_the_pixel_limit_loads() -> None:
    side = int(MAX_PIXELS**0.5)
    img = load_image(_png_with_size(side, side))
    assert img.size == (side, side)


def test_decompression_bomb_is_refused() -> None:
    with pytest.raises(PayloadTooLarge):
        load_image(_png_with_size(30_000, 30_000))


def test_too_many_pixels_as_pil_image() -> None:
    with pytest.raises(PayloadTooLarge):
        load_image(Image.new("1", (5000, 4000)))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, world",
        b"<svg xmlns='http://www.w3.org/2000/svg'><rect",  # SVG inputs are accepted, broken ones are not
        _encoded(_sample(), "PNG")[:60],  # truncated
        _encoded(_sample(), "JPEG")[:200],  # truncated
        _encoded(_sample(), "TIFF"),  # a real image, in a format we do not accept
    ],
    ids=["empty", "text", "svg-broken", "png-truncated", "jpeg-truncated", "tiff"],
)
def test_not_an_image(data: bytes) -> None:
    with pytest.raises(InvalidParameter) as info:
        load_image(data, param="image")
    assert not isinstance(info.value, PayloadTooLarge)
    assert info.value.param == "image"
    assert info.value.status == 400


def test_garbage_data_url() -> None:
    with pytest.raises(InvalidParameter) as info:
        load_image("data:image/png;base64,@@@not-base64@@@", param="style_image")
    assert info.value.param == "style_image"
    with pytest.raises(InvalidParameter):
        load_image("data:text/plain;base64,aGVsbG8=")
    with pytest.raises(InvalidParameter):
        load_image("data:image/png;base64")  # no comma


@pytest.mark.parametrize("url", ["https://example.com/a.png", "http://10.0.0.1/x.jpg", "  HTTPS://x/y"])
def test_remote_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        load_image(url, param="image")
    assert info.value.param == "image"
    assert "service layer" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidParameter) as info:
        load_image(tmp_path / "nope.png")
    assert info.value.param == "image"


def test_wrong_type() -> None:
    with pytest.raises(InvalidParameter):
        load_image(12345)  # type: ignore[arg-type]


def test_rgba_array_shapes() -> None:
    grey = np.full((3, 4), 7, np.uint8)
    rgb = np.zeros((3, 4, 3), np.uint8)
    assert image_to_rgba_array(grey).shape == (3, 4, 4)
    assert image_to_rgba_array(grey)[0, 0].tolist() == [7, 7, 7, 255]
    assert image_to_rgba_array(rgb)[..., 3].min() == 255
    with pytest.raises(InvalidParameter):
        image_to_rgba_array(np.zeros((3, 4), np.float32))
    with pytest.raises(InvalidParameter):
        image_to_rgba_array(np.zeros((3, 4, 2), np.uint8))


def test_result_is_independent_of_the_source_image() -> None:
    src = Image.new("RGBA", (4, 4), (1, 2, 3, 4))
    out = load_image(src)
    out.putpixel((0, 0), (9, 9, 9, 9))
    assert src.getpixel((0, 0)) == (1, 2, 3, 4)


def test_svg_input_is_sanitised_and_rendered() -> None:
    from artboard.imageio import load_image

    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100"'
        b' viewBox="0 0 200 100"><script>alert(1)</script><image xlink:href="http://example.invalid/x.png"'
        b' width="200" height="100"/><rect width="100" height="100" fill="#ff0000" onclick="steal()"/></svg>'
    )
    image = load_image(svg)
    assert image.size == (1024, 512)  # short side brought up to 512 for a usable input
    assert image.getpixel((10, 10)) == (255, 0, 0, 255)
    assert image.getpixel((900, 10))[3] == 0  # the external <image> was dropped, not fetched


def test_svg_input_with_entities_is_refused() -> None:
    from artboard.errors import InvalidParameter
    from artboard.imageio import load_image

    bomb = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(InvalidParameter):
        load_image(bomb)
