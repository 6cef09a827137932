"""Style words that are a look over the whole design (grunge, holographic, pixel art) and a genre's own scene
(synthwave): each is drawn, recorded in the manifest, and never breaks a fixed palette."""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
from PIL import Image

from artboard.colors import to_hex
from artboard.composer import compose, parse_prompt
from artboard.render import render_png
from artboard.spec import make_spec


def _design(prompt: str, seed: int = 3, **kw: Any) -> tuple[str, dict[str, Any], int, int]:
    spec = make_spec(prompt, format="svg", **kw)
    svg, info = compose(spec, seed=seed)
    return svg, info, spec.width, spec.height


def _pixels(svg: str, w: int, h: int) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(render_png(svg, w, h))).convert("RGBA")).astype(int)


def test_grunge_wears_the_print_through_a_vector_mask() -> None:
    svg, info, w, h = _design('grunge poster for a punk show "The Rusty Nails" at Dive Bar, red and black',
                              aspect_ratio="2:3")  # fmt: skip
    assert info["finish"] == "grunge"
    assert "<mask" in svg and "<feTurbulence" not in svg  # vector chips, no raster noise in the file
    masked = re.search(r'<g id="(finished\d+)" mask="url\(#(wear\d+)\)"', svg)
    assert masked, "the whole design (lettering too) is one masked layer"
    worn, clean = _pixels(svg, w, h), _pixels(svg.replace(masked.group(0), f'<g id="{masked.group(1)}"'), w, h)
    changed = (np.abs(worn - clean).sum(axis=2) > 30).mean()
    assert 0.003 < changed < 0.12, changed  # visible wear that leaves the design readable


def test_holographic_foil_stays_inside_the_sticker() -> None:
    svg, info, w, h = _design("holographic sticker of a unicorn head")
    assert info["finish"] == "holographic"
    foil = re.compile(r"<rect[^>]*mix-blend-mode:multiply[^>]*/>")
    assert foil.search(svg)
    finished, plain = _pixels(svg, w, h), _pixels(foil.sub("", svg), w, h)
    outside = plain[..., 3] == 0
    assert not finished[..., 3][outside].any(), "the foil never paints outside the design's shape"
    assert np.abs(finished[..., 3] - plain[..., 3]).max() <= 64  # only antialiased edge pixels shift at all
    opaque = plain[..., 3] > 250
    shift = np.abs(finished[..., :3] - plain[..., :3]).sum(axis=2)[opaque]
    assert (shift > 20).mean() > 0.3  # the white die-cut border and the art take the foil's colours


def test_a_badge_that_wears_itself_takes_no_second_wear_and_worn_by_is_no_grunge() -> None:
    for seed in range(1, 6):
        _svg, info, _w, _h = _design("distressed vintage badge for a brewery, 'Iron Hops', est. 1998", seed=seed)
        if str(info["layout"]).endswith("-distressed"):
            assert "finish" not in info and "worn" not in info
            break
    else:
        raise AssertionError("no seed drew the badge's own distressing")
    _svg, info, _w, _h = _design("sticker of a cat with a hat worn by a dog")
    assert "finish" not in info


def test_a_fixed_palette_takes_no_finish_and_no_synthwave_gradients() -> None:
    palette = "#111111,#e5e5e5,#d62828"
    svg, info, _w, _h = _design('grunge poster "Loud" for a punk show', palette=palette)
    assert "finish" not in info and "<mask" not in svg
    svg, info, _w, _h = _design("synthwave sunset with palm trees", palette=palette)
    assert "synthwave" not in str(info["layout"]) and "linearGradient" not in svg


def test_synthwave_draws_the_genres_scene_in_every_kind() -> None:
    _svg, info, _w, _h = _design("synthwave sunset with a palm tree and a grid floor, neon pink and purple",
                                 aspect_ratio="16:9")  # fmt: skip
    assert info["layout"] == "synthwave-bleed"
    drawn = {d["concept"] for d in info["drawn"]}
    assert {"sunset sun", "grid floor", "palm tree", "mountain"} <= drawn
    assert "left_out" not in info  # the floor the prompt names is the grid
    _svg, info, _w, _h = _design("retrowave illustration with a sports car driving toward the sun")
    assert any("car" in k for k in info["icons"])
    assert "coward" not in parse_prompt("a car driving toward the sun").subjects  # "toward" is no typo
    _svg, info, _w, _h = _design('synthwave poster "Midnight Drive"', aspect_ratio="2:3")
    assert info["layout"] == "poster-synthwave" and "Midnight Drive" in info["set_texts"]
    _svg, info, _w, _h = _design("vaporwave phone wallpaper", aspect_ratio="9:16")
    assert info["layout"] == "background-synthwave"


def test_a_chalkboard_is_slate_chalk_and_a_hand_in_a_wooden_frame() -> None:
    from artboard.colors import to_hex
    from artboard.composer.chalkboard import CHALK, SLATE

    svg, info, _w, _h = _design('cafe menu "The Daily Grind": espresso $3, latte $4.50, cold brew $4, chalkboard style',
                                aspect_ratio="2:3")  # fmt: skip
    assert info["finish"] == "chalkboard" and info["family_display"] == "caveat"
    assert '<g id="board-frame">' in svg and "chalkboard" not in info["subjects"]
    assert {"espresso", "$3", "latte", "$4.50"} <= set(info["set_texts"])
    ground = svg[svg.index('id="background"') :]
    assert ground[ground.index('fill="#') + 6 : ground.index('fill="#') + 13] == to_hex(SLATE)
    assert to_hex(CHALK) in svg
    svg, info, _w, _h = _design("chalkboard sign for a bakery", palette="#112233,#ffffff,#cc3300")
    assert "finish" not in info  # a fixed palette keeps its colours


def test_pixel_art_redraws_the_art_in_square_cells_and_keeps_the_lettering() -> None:
    svg, info, w, h = _design("pixel art sticker of a ghost holding a lantern", aspect_ratio="1:1")
    assert info["finish"] == "pixel"
    assert 'shape-rendering="crispEdges"' in svg and "<use" not in svg
    cell = w / 40
    # Every drawn cell sits on the grid: the run paths move in whole cells.
    starts = [(float(x), float(y)) for x, y in re.findall(r"M([\d.]+) ([\d.]+)h", svg)]
    assert starts and all(abs(x / cell - round(x / cell)) < 0.02 and abs(y / cell - round(y / cell)) < 0.02
                          for x, y in starts)  # fmt: skip
    rgba = _pixels(svg, w, h)
    assert (rgba[..., 3] > 0).mean() > 0.2  # the ghost is there, in cells
    colours = {tuple(c) for c in rgba[rgba[..., 3] == 255][:, :3].tolist()}
    assert len(colours) <= 30  # a sprite's few flat colours, no anti-aliased edges inside the cells
    poster_svg, poster, _pw, _ph = _design("pixel art poster for a retro game night, Friday 8pm", aspect_ratio="2:3")
    assert poster["finish"] == "pixel" and "Game Night" in poster["set_texts"]
    after = poster_svg[poster_svg.index('id="pixels') :]
    assert 'id="headline"' in after and 'id="detail"' in after  # the lettering stays crisp, above the cells
    _plain, info, _w, _h = _design(
        "pixel art poster for a retro game night", aspect_ratio="2:3", palette=["#112233", "#ffcc00", "#ffffff"]
    )
    assert "finish" not in info  # a fixed palette is kept: cells would average its colours


def test_print_processes_press_inks_cut_key_lines_screen_and_lift() -> None:
    from artboard.composer import printmaking

    svg, info, w, h = _design("linocut style poster of a whale, dark blue and cream", aspect_ratio="2:3")
    assert info["finish"] == "woodblock"
    unmasked = re.sub(r"<mask.*?</mask>", "", svg, flags=re.S)  # (a mask's black and white are no ink)
    fills = {f.lower() for f in re.findall(r'fill="(#[0-9a-fA-F]{6})"', unmasked)}
    inks = {to_hex(c) for c in printmaking._WOODBLOCK_INKS}
    lettering = set(re.findall(r'<g id="(?:headline|detail|title)[^"]*" fill="(#[0-9a-f]{6})"', svg))
    assert fills - inks - lettering == set()  # every colour of the art is one of the press's inks
    assert 'paint-order="stroke"' in svg and "<mask" in svg  # key lines under the fills, paper grain
    for mask in re.findall(r"<mask.*?</mask>", svg, flags=re.S):  # a mask's coverage is never pressed into ink
        assert not set(re.findall(r'fill="(#[0-9a-f]{6})"', mask)) - {"#ffffff", "#000000"}
    # key lines stay a few canvas pixels wide, whatever scale an icon is drawn at
    rgba = _pixels(svg, w, h)
    dark = (rgba[..., :3].sum(axis=2) < 150).mean()
    assert dark < 0.12, dark
    svg, info, _w, _h = _design("pop art sticker of a hot dog", aspect_ratio="1:1")
    assert info["finish"] == "halftone" and "<pattern" in svg
    svg, info, _w, _h = _design("paper cut style illustration of a forest with deer", aspect_ratio="1:1")
    assert info["finish"] == "papercut" and "feDropShadow" in svg
    svg, info, _w, _h = _design("risograph print of a tiger in the jungle, pink and teal", aspect_ratio="1:1")
    assert info["finish"] == "risograph" and "mix-blend-mode:multiply" in svg
    assert printmaking.scale_of("translate(4 5) scale(2)") == 2.0
    assert abs(printmaking.scale_of("matrix(3 0 0 3 10 10)") - 3.0) < 1e-9


def test_glossy_3d_domes_each_shape_and_casts_a_shadow() -> None:
    svg, info, w, h = _design("3d glossy icon of a padlock, purple gradient", aspect_ratio="1:1")
    assert info["finish"] == "glossy"
    assert "feSpecularLighting" in svg and "feDiffuseLighting" in svg and "feDropShadow" in svg
    flat_svg, flat, _w, _h = _design("icon of a padlock, purple gradient", aspect_ratio="1:1")
    assert "finish" not in flat
    lit, plain = _pixels(svg, w, h), _pixels(flat_svg, w, h)
    opaque = lit[..., 3] > 0
    # the dome lights the top of the lock and shades its foot: more spread of lightness than the flat one
    assert lit[opaque][:, :3].std() > plain[plain[..., 3] > 0][:, :3].std()
    _svg, scene, _w, _h = _design("3d illustration of a cozy cabin in the woods", aspect_ratio="16:9")
    assert scene.get("finish") != "glossy"  # scenes keep their flat look


def test_a_forest_background_is_rows_of_pines_in_mist() -> None:
    svg, info, w, h = _design("phone wallpaper of a misty pine forest at dawn, soft blue tones", aspect_ratio="9:16")
    assert info["layout"] == "background-forest" and "mist" in svg
    rgba = _pixels(svg, w, h)
    top, bottom = rgba[: h // 5, :, :3].mean(), rgba[-h // 5 :, :, :3].mean()
    assert bottom < top  # the near trees darker than the sky above them


def test_a_watercolour_card_blooms_washes_of_its_own_colours_in_two_corners() -> None:
    svg, info, w, h = _design('thank you card with watercolor sunflowers, "Thank you so much!"', aspect_ratio="3:2")
    assert info["finish"] == "watercolour"
    washes = re.search(r'<g id="washes\d+" filter="url\(#wash\d+\)">(.*?)</g>', svg)
    assert washes and washes.group(1).count("<path") == 6  # three washes in each of two corners
    rgba = _pixels(svg, w, h)
    corners = [
        rgba[: h // 6, : w // 6],
        rgba[: h // 6, -w // 6 :],
        rgba[-h // 6 :, : w // 6],
        rgba[-h // 6 :, -w // 6 :],
    ]
    middle = rgba[h // 3 : 2 * h // 3, w // 3 : 2 * w // 3]
    tinted = sorted(float(np.abs(c[..., :3] - rgba[h // 2, 8, :3]).mean()) for c in corners)
    assert tinted[-1] > 6 and tinted[-2] > 6  # two corners carry colour
    assert middle[..., 3].min() == 255  # the card itself is whole
    logo_svg, _logo, _w, _h = _design("watercolor logo of a fox", aspect_ratio="1:1")
    assert "washes" not in logo_svg  # a mark keeps its clean ground
