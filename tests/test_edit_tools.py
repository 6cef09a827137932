"""The image tools in the engine (artboard.remove_background, crisp_upscale, inpaint, …): sizes, alpha, the
vector path for our designs, and every bad input as an InvalidParameter naming its parameter."""

from __future__ import annotations

import numpy as np
import pytest

import artboard
from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.manifest import read_manifest
from edit_support import SIZE, decode, design_png, design_svg, encode, mask, product_shot


def test_remove_background_plain_grounds_give_real_alpha() -> None:
    for ground in ("white", "gradient"):
        result = artboard.remove_background(product_shot(ground))
        pixels = decode(result.data)
        assert (result.width, result.height, result.format) == (SIZE, SIZE, "png")
        assert pixels[5, 5, 3] == 0 and pixels[-5, 5, 3] == 0  # corners are background
        assert pixels[90, 128, 3] == 255  # the bottle is kept, opaque
        assert pixels[175, 178, 3] == 255  # so is the orange
        assert 0.1 < (pixels[..., 3] > 127).mean() < 0.4
        assert "warnings" not in result.manifest
        assert result.manifest["cutout"]["ground"] == ("plain" if ground == "white" else "gradient")


def test_remove_background_busy_ground_is_reported() -> None:
    result = artboard.remove_background(product_shot("busy"))
    assert result.manifest["cutout"]["ground"] == "busy"
    assert any("busy background" in w for w in result.warnings)


def test_remove_background_of_a_design_is_exact_and_can_be_svg() -> None:
    png = artboard.remove_background(design_png())
    assert png.manifest["input"]["kind"] == "design"
    pixels = decode(png.data)
    assert pixels[0, 0, 3] == 0
    svg = artboard.remove_background(design_png(), format="svg")
    assert svg.format == "svg" and 'id="background"' not in svg.text and "<path" in svg.text
    assert read_manifest(svg.data)["operation"] == "remove_background"  # type: ignore[index]


def test_remove_background_refuses_jpeg_output_for_rasters() -> None:
    with pytest.raises(InvalidParameter) as info:
        artboard.remove_background(product_shot("white"), format="jpg")
    assert info.value.param == "format"
    with pytest.raises(InvalidParameter) as info:
        artboard.remove_background(product_shot("white"), format="svg")
    assert info.value.param == "format" and "png" in info.value.allowed  # type: ignore[operator]


def test_crisp_upscale_sizes_and_alpha() -> None:
    result = artboard.crisp_upscale(artboard.remove_background(product_shot("white")).data, scale=2)
    assert (result.width, result.height) == (2 * SIZE, 2 * SIZE)
    pixels = decode(result.data)
    assert pixels[4, 4, 3] == 0 and pixels[180, 256, 3] == 255  # alpha carried through
    assert result.manifest["model"].startswith("REALESRGAN_ANIMAVIDEOV3")
    target = artboard.crisp_upscale(product_shot("white"), width=600)
    assert (target.width, target.height) == (600, 600)


def test_upscale_of_a_design_is_drawn_again_from_vector() -> None:
    result = artboard.crisp_upscale(design_svg(), scale=3, format="png")
    assert (result.width, result.height) == (3072, 3072)
    assert "vector source" in result.manifest["method"]
    svg = artboard.crisp_upscale(design_png(), width=2048, format="svg")
    assert svg.format == "svg" and 'width="2048"' in svg.text


def test_creative_upscale_small_raster() -> None:
    small = encode(
        __import__("PIL.Image", fromlist=["Image"])
        .open(__import__("io").BytesIO(product_shot("white")))
        .resize((64, 64))
    )
    result = artboard.creative_upscale(small, scale=2)
    assert (result.width, result.height) == (128, 128)
    assert result.manifest["model"] == "REALESRGAN_X4PLUSANIME_UP4X"


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"scale": 5}, "scale"),
        ({"scale": 1}, "scale"),
        ({"scale": "big"}, "scale"),
        ({"width": 100}, "width"),
        ({"width": 2000}, "width"),
        ({"scale": 2, "width": 600}, "scale"),
    ],
)
def test_upscale_bad_targets(options: dict[str, object], param: str) -> None:
    with pytest.raises(InvalidParameter) as info:
        artboard.crisp_upscale(product_shot("white"), **options)
    assert info.value.param == param
    assert info.value.allowed


def test_upscale_target_over_the_pixel_limit() -> None:
    from PIL import Image

    big = encode(Image.new("RGB", (2500, 2500), (255, 255, 255)))
    with pytest.raises(InvalidParameter) as info:
        artboard.crisp_upscale(big, scale=2)
    assert info.value.param == "scale" and "pixel limit" in info.value.message
    with pytest.raises(InvalidParameter) as info:
        artboard.creative_upscale(encode(Image.new("RGB", (800, 800))), scale=2)
    assert info.value.param == "image"


def test_erase_region_raster_fills_from_surroundings() -> None:
    region = mask((150, 130, 210, 215))  # the orange
    result = artboard.erase_region(product_shot("white"), region)
    pixels = decode(result.data)
    assert (result.width, result.height) == (SIZE, SIZE)
    was_orange = pixels[165:200, 170:200, :3].astype(int)
    assert (was_orange[..., 0] - was_orange[..., 2]).mean() < 30  # no orange left (orange is R-B ≈ 170)
    assert result.manifest["method"] == "OpenCV Telea inpainting"


def test_erase_region_design_removes_the_covered_element() -> None:
    region = mask((200, 200, 830, 830), (1024, 1024))
    result = artboard.erase_region(design_png(), region, format="svg")
    assert result.manifest["removed_elements"] >= 1
    rendered = decode(artboard.erase_region(design_png(), region).data)
    assert len(np.unique(rendered[..., :3].reshape(-1, 3), axis=0)) == 1  # only the ground is left


def test_inpaint_draws_the_prompt_in_the_region() -> None:
    region = mask((200, 200, 830, 830), (1024, 1024))
    result = artboard.inpaint(design_png(), region, "a star", seed=1, format="svg")
    assert result.manifest["element_design"] is not None and "<svg x=" in result.text
    raster = artboard.inpaint(product_shot("white"), mask((150, 130, 210, 215)), "a red apple", seed=2)
    assert (raster.width, raster.height) == (SIZE, SIZE)


@pytest.mark.parametrize(
    ("region", "param", "words"),
    [
        (None, "mask", "needs a mask"),
        (b"not an image", "mask", "not a recognised image"),
        ("size", "mask", "same size"),
        ("empty", "mask", "selects nothing"),
    ],
)
def test_mask_errors(region: object, param: str, words: str) -> None:
    if region == "size":
        region = mask((0, 0, 10, 10), (100, 100))
    elif region == "empty":
        region = mask((0, 0, 0, 0))
        region = encode(__import__("PIL.Image", fromlist=["Image"]).new("L", (SIZE, SIZE), 0))
    with pytest.raises(InvalidParameter) as info:
        artboard.erase_region(product_shot("white"), region)
    assert info.value.param == param
    assert words in info.value.message


def test_bad_image_and_format() -> None:
    with pytest.raises(InvalidParameter) as info:
        artboard.remove_background(b"GIF89a nonsense")
    assert info.value.param == "image"
    with pytest.raises(InvalidParameter) as info:
        artboard.remove_background(product_shot("white"), format="tiff")
    assert info.value.param == "format"
    with pytest.raises(PayloadTooLarge):
        artboard.remove_background(b"\x89PNG" + b"0" * (11 * 1024 * 1024))


def test_outpaint_raster_and_design() -> None:
    raster = artboard.outpaint(product_shot("gradient"), expand_left=64, expand_bottom=32)
    assert (raster.width, raster.height) == (SIZE + 64, SIZE + 32)
    pixels = decode(raster.data)
    assert pixels[..., 3].min() == 255
    zoom = artboard.outpaint(product_shot("white"), zoom_out_percentage=50)
    assert (zoom.width, zoom.height) == (384, 384)
    design = artboard.outpaint(design_png(), expand_top=100, format="svg")
    assert design.height == 1124 and "vector" in design.manifest["method"]
    composed = artboard.outpaint(product_shot("white"), expand_right=64, prompt="sunset", seed=3)
    assert composed.width == SIZE + 64 and composed.manifest["background_design"] is not None
    for options, param in (
        ({}, "expand_left"),
        ({"expand_top": -1}, "expand_top"),
        ({"zoom_out_percentage": 50, "expand_top": 5}, "zoom_out_percentage"),
    ):
        with pytest.raises(InvalidParameter) as info:
            artboard.outpaint(product_shot("white"), **options)
        assert info.value.param == param


def test_replace_and_generate_background() -> None:
    replaced = artboard.replace_background(product_shot("white"), "autumn leaves", seed=2)
    pixels = decode(replaced.data)
    assert (replaced.width, replaced.height) == (SIZE, SIZE) and pixels[..., 3].min() == 255
    assert tuple(pixels[90, 128, :3]) == tuple(decode(product_shot("white"))[90, 128, :3])  # subject kept
    assert not (pixels[5, 5, :3] > 245).all()  # the white ground is gone
    design = artboard.replace_background(design_png(), "sunset over mountains", seed=2, format="svg")
    assert design.text.count('id="background"') == 1 and "<svg x=" in design.text
    generated = artboard.generate_background(product_shot("white"), mask((0, 0, SIZE, 40)), "blue sky", seed=1)
    top = decode(generated.data)
    assert not np.array_equal(top[:40], decode(product_shot("white"))[:40])
    assert np.array_equal(top[60:, :, :3], decode(product_shot("white"))[60:, :, :3])
    with pytest.raises(InvalidParameter) as info:
        artboard.replace_background(product_shot("white"), "  ")
    assert info.value.param == "prompt"


def test_variations_of_a_design_and_of_a_raster() -> None:
    results = artboard.variate_image(design_png(), n=2, seed=10)
    assert [r.seed for r in results] == [10, 11]
    assert results[0].data != results[1].data
    assert all(r.manifest["input"]["kind"] == "design" for r in results)
    raster = artboard.variate_image(product_shot("white"), n=1, seed=5)
    assert "raster" in raster[0].manifest["method"] and raster[0].manifest["variation"]["reframe"]
    with pytest.raises(InvalidParameter) as info:
        artboard.variate_image(design_png(), n=7)
    assert info.value.param == "n"


def test_a_design_whose_pixels_were_changed_is_treated_as_a_raster() -> None:
    from PIL import Image

    from artboard.edit.source import load_source
    from artboard.manifest import embed_png

    assert load_source(design_png()).is_design
    edited = np.array(decode(design_png()))
    edited[300:700, 300:700, :3] = (0, 200, 0)
    changed = embed_png(encode(Image.fromarray(edited)), read_manifest(design_png()) or {})
    assert read_manifest(changed) is not None
    source = load_source(changed)
    assert not source.is_design and source.record()["kind"] == "raster"


def test_cli_edit_commands(tmp_path: object) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from artboard.cli import main

    folder = Path(str(tmp_path))
    shot = folder / "shot.png"
    shot.write_bytes(product_shot("white"))
    runner = CliRunner()
    done = runner.invoke(main, ["edit", "remove-background", str(shot), "-o", str(folder / "cut.png")])
    assert done.exit_code == 0, done.output
    assert decode((folder / "cut.png").read_bytes())[0, 0, 3] == 0
    done = runner.invoke(main, ["edit", "crisp-upscale", str(shot), "--scale", "9"])
    assert done.exit_code == 2 and "scale" in done.output
    done = runner.invoke(main, ["edit", "erase-region", str(shot), "--mask", str(shot)])
    assert done.exit_code == 0, done.output  # a white-ish image is a valid mask of the same size


def test_caption_in_the_python_api_and_cli(tmp_path: object) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from artboard.cli import main

    described = artboard.caption_image(design_png())
    assert described.startswith("A flat logo") and "coffee" in described
    assert artboard.caption_image(product_shot("white")).startswith(f"A {SIZE}x{SIZE} image; dominant colours")
    shot = Path(str(tmp_path)) / "shot.png"
    shot.write_bytes(product_shot("white"))
    done = CliRunner().invoke(main, ["edit", "caption", str(shot)])
    assert done.exit_code == 0 and done.output.startswith(f"A {SIZE}x{SIZE} image"), done.output
    bad = Path(str(tmp_path)) / "bad.png"
    bad.write_bytes(b"not an image")
    done = CliRunner().invoke(main, ["edit", "caption", str(bad)])
    assert done.exit_code == 2 and "image" in done.output


def test_dense_designs_are_erased_as_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    from artboard.edit import regions

    monkeypatch.setattr(regions, "MAX_ELEMENTS", 0)
    region = mask((200, 200, 830, 830), (1024, 1024))
    result = artboard.erase_region(design_png(), region)
    assert result.manifest["method"] == "OpenCV Telea inpainting" and result.manifest["input"]["kind"] == "design"
    with pytest.raises(InvalidParameter) as info:
        artboard.erase_region(design_png(), region, format="svg")
    assert info.value.param == "format" and "elements" in info.value.message


def test_jpeg_is_refused_for_every_cut_out() -> None:
    with pytest.raises(InvalidParameter) as info:
        artboard.remove_background(design_png(), format="jpg")
    assert info.value.param == "format"


def test_a_styled_design_keeps_its_style_through_the_tools() -> None:
    styled = artboard.generate(
        "a coffee shop logo", seed=4, palette=["#112233", "#eeddcc"], style={"id": "s1", "fill_style": "line"}
    )[0]
    variation = artboard.variate_image(styled.data, n=1, seed=9)[0]
    assert variation.manifest["params"]["style"] == {"id": "s1", "fill_style": "line"}
    assert variation.manifest["params"]["palette"] == ["#112233", "#eeddcc"]
    assert artboard.remove_background(styled.data).manifest["input"]["kind"] == "design"
