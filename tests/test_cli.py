"""The CLI: outputs, formats from suffixes, -n folders and patterns, --json manifests, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from artboard.cli import main
from artboard.manifest import read_manifest


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_generate_svg_by_suffix(tmp_path: Path) -> None:
    out = tmp_path / "logo.svg"
    code, stdout, _ = run("generate", "minimal fox logo called Ember", "-o", str(out), "--seed", "5")
    assert code == 0, stdout
    assert out.read_text().startswith("<svg")
    assert read_manifest(out.read_bytes())["seed"] == 5
    assert "seed=5" in stdout


def test_generate_png_with_all_controls(tmp_path: Path) -> None:
    out = tmp_path / "badge.png"
    code, stdout, stderr = run(
        "generate",
        "vintage badge for a bakery",
        "-o",
        str(out),
        "--aspect-ratio",
        "4:5",
        "--tier",
        "standard",
        "--palette",
        "#222222,#f4a259,#f7f3e3",
        "--background",
        "#ffffff",
        "--seed",
        "12",
        "--json",
    )
    assert code == 0, stderr
    manifest = json.loads(stdout)["manifest"]
    assert manifest["params"]["size"] == "896x1152"
    with Image.open(out) as image:
        assert image.size == (896, 1152)


def test_n_into_folder_and_pattern(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    code, _, _ = run(
        "generate", "seamless pattern of lemons", "-n", "3", "-o", str(folder) + "/", "--format", "webp", "--seed", "1"
    )
    assert code == 0
    files = sorted(folder.iterdir())
    assert len(files) == 3 and all(f.suffix == ".webp" for f in files)
    code, _, _ = run("generate", "a fox icon", "-n", "2", "-o", str(tmp_path / "fox-{seed}.svg"), "--seed", "40")
    assert code == 0
    assert (tmp_path / "fox-40.svg").exists() and (tmp_path / "fox-41.svg").exists()


def test_json_lists_every_manifest(tmp_path: Path) -> None:
    code, stdout, _ = run(
        "generate", "a fox icon", "-n", "2", "-o", str(tmp_path), "--format", "svg", "--json", "--seed", "3"
    )
    assert code == 0
    items = json.loads(stdout)
    assert [i["seed"] for i in items] == [3, 4]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--size", "1000x1000"], "size"),
        (["--aspect-ratio", "21:9"], "aspect_ratio"),
        (["-n", "50"], "n"),
        (["--seed", "-3"], "seed"),
        (["--palette", "#zzzzzz"], "palette"),
        (["--background", "transparent", "--format", "jpg"], "background"),
        (["--strength", "0.5"], "strength"),
        (["--format", "bmp"], "format"),
        (["--quality", "5", "--format", "jpg"], "quality"),
        (["--tier", "mega"], "tier"),
    ],
)
def test_bad_input_exits_2_naming_the_parameter(tmp_path: Path, args: list[str], needle: str) -> None:
    code, _, stderr = run("generate", "a fox", "-o", str(tmp_path / "x.png"), *args)
    assert code == 2
    assert needle in stderr
    assert "allowed" in stderr or "needs" in stderr or "JPEG" in stderr


def test_missing_image_file_exits_2(tmp_path: Path) -> None:
    code, _, stderr = run("generate", "a fox", "--image", str(tmp_path / "nope.png"), "-o", str(tmp_path / "o.png"))
    assert code == 2
    assert "image" in stderr


def test_vectorize_command(tmp_path: Path) -> None:
    png = tmp_path / "in.png"
    run("generate", "minimal fox logo called Ember", "-o", str(png), "--seed", "2", "--no-safety")
    out = tmp_path / "out.svg"
    code, stdout, _ = run("vectorize", str(png), "-o", str(out), "--json")
    assert code == 0
    assert json.loads(stdout)["manifest"]["vectorize"]["ssim"] > 0.9
    assert out.read_text().lstrip().startswith("<svg")
    code, _, stderr = run("vectorize", str(png), "--max-shapes", "0")
    assert code == 2 and "max-shapes" in stderr


def test_real_process_exit_codes(tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "artboard", "generate", "a fox", "--size", "9x9"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 2
    assert "size" in bad.stderr
    good = subprocess.run(
        [sys.executable, "-m", "artboard", "generate", "a fox icon", "-o", "fox.jpg", "--seed", "1", "--quality", "70"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert good.returncode == 0, good.stderr
    with Image.open(io.BytesIO((tmp_path / "fox.jpg").read_bytes())) as image:
        assert image.format == "JPEG"
