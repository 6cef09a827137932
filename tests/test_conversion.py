"""The dialect contract's shared pieces: one conversion to the strict spec, one format table, one dialect registry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from artboard.errors import InvalidParameter
from artboard.jobs.pricing import DIALECT_MODELS, UNITS
from artboard.models import resolve_model
from artboard.server.conversion import Draft, to_spec
from artboard.server.dialects import BASE_PATHS, DIALECTS, path_dialect
from artboard.spec import FORMAT_ALIASES, format_of

SERVER = Path(__file__).resolve().parents[1] / "src" / "artboard" / "server"
README = Path(__file__).resolve().parents[1] / "README.md"


# ---- one format table ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("png", "png"), ("PNG", "png"), ("image/png", "png"),
        ("jpg", "jpg"), ("JPG", "jpg"), ("jpeg", "jpg"), ("JPEG", "jpg"), ("image/jpeg", "jpg"), ("image/jpg", "jpg"),
        ("webp", "webp"), ("WEBP", "webp"), ("image/webp", "webp"),
        ("svg", "svg"), ("SVG", "svg"), ("svg+xml", "svg"), ("image/svg+xml", "svg"), (" Jpeg ", "jpg"),
    ],
)  # fmt: skip
def test_every_spelling_of_a_format_reads_the_same(spelling: str, expected: str) -> None:
    assert format_of(spelling) == expected


def test_a_refused_format_names_the_callers_parameter_and_its_own_spellings() -> None:
    with pytest.raises(InvalidParameter) as caught:
        format_of("bmp", "outputFormat", listed=("JPG", "PNG", "WEBP", "SVG"))
    assert caught.value.param == "outputFormat" and list(caught.value.allowed or ()) == ["JPG", "PNG", "WEBP", "SVG"]
    with pytest.raises(InvalidParameter) as caught:
        format_of("svg", "image_format", allowed=("webp", "png"))
    assert caught.value.param == "image_format" and "svg" not in caught.value.allowed
    assert set(FORMAT_ALIASES.values()) == {"png", "jpg", "webp", "svg"}


def test_each_dialect_reads_formats_through_the_one_table() -> None:
    from artboard.server.openrouter.protocol import ImagesRequest, images_to_spec
    from artboard.server.pixeldojo.protocol import RunRequest
    from artboard.server.pixeldojo.protocol import to_spec as pixeldojo_spec
    from artboard.server.recraft.protocol import GenerationRequest
    from artboard.server.recraft.protocol import to_spec as recraft_spec
    from artboard.server.runware.protocol import build_spec, parse_task

    assert pixeldojo_spec("recraft-v4", RunRequest(prompt="a fox", output_format="JPEG"))[1].format == "jpg"
    assert recraft_spec(GenerationRequest(prompt="a fox", image_format="PNG"))[1].format == "png"
    assert images_to_spec(ImagesRequest(prompt="a fox", output_format="image/webp")).spec.format == "webp"
    task = parse_task({
        "taskType": "imageInference", "taskUUID": "0b8a1cbe-0d8c-4b35-9d7c-2f4a3c1e7a10", "model": "recraft:v4@0",
        "positivePrompt": "a fox", "outputFormat": "jpeg",
    })  # fmt: skip
    assert build_spec(task, None).format == "jpg"  # type: ignore[arg-type]


# ---- one conversion --------------------------------------------------------------------------------------------


def test_no_dialect_goes_through_the_lenient_make_spec() -> None:
    """Every dialect converts its typed request with server/conversion.py's to_spec, nothing else."""
    offenders = []
    for path in sorted(SERVER.glob("*/protocol.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and any(alias.name == "make_spec" for alias in node.names):
                offenders.append(str(path.relative_to(SERVER)))
    assert offenders == []


def test_errors_of_the_shared_conversion_name_the_dialects_field() -> None:
    model = resolve_model("artboard-v1")
    with pytest.raises(InvalidParameter) as caught:
        to_spec(Draft(prompt="\u200b\u200b", model=model, names={"prompt": "positivePrompt"}))
    assert caught.value.param == "positivePrompt" and caught.value.message.startswith("positivePrompt ")
    with pytest.raises(InvalidParameter) as caught:
        to_spec(Draft(prompt="a fox", model=model, aspect_ratio="7:3", names={"aspect_ratio": "image_size"}))
    assert caught.value.param == "image_size"
    with pytest.raises(InvalidParameter) as caught:  # JPEG has no alpha: the combination rule lives in the spec
        to_spec(Draft(prompt="a fox", model=model, background="transparent", format="jpg"))
    assert caught.value.param == "background"


def test_a_draft_becomes_the_spec_the_lenient_door_would_make() -> None:
    from artboard.spec import make_spec

    model = resolve_model("artboard-v1-pro")
    draft = Draft(prompt="a fox", model=model, aspect_ratio="16:9", n=2, seed=7, palette=((1, 2, 3),), format="webp")
    lenient = make_spec(
        "a fox", model=model.id, tier="pro", output="raster", aspect_ratio="16:9", n=2, seed=7, palette=["#010203"],
        format="webp",
    )  # fmt: skip
    assert to_spec(draft) == lenient


# ---- one registry ----------------------------------------------------------------------------------------------


def test_the_registry_is_the_set_of_dialects_everywhere() -> None:
    names = [d.name for d in DIALECTS]
    assert sorted(names) == sorted(DIALECT_MODELS) == sorted(UNITS)  # prices and units for exactly these
    assert set(BASE_PATHS) == set(names)
    for dialect in DIALECTS:
        assert callable(dialect.render_error())
        assert (SERVER / dialect.name / "router.py").exists()
        assert dialect.model_ids and dialect.units


def test_readme_table_lists_each_dialect_with_its_base_url() -> None:
    rows = [line for line in README.read_text().splitlines() if line.startswith("| ")]
    for dialect in DIALECTS:
        assert any(re.match(rf"\| {re.escape(dialect.title)} \| `{re.escape(dialect.base_path)}` \|", r) for r in rows)


@pytest.mark.parametrize(
    ("path", "dialect"),
    [
        ("/api/v1/tasks/nope", "apiinone"), ("/api/v1/jobs/x", "pixeldojo"), ("/api/v1/models/x/y/z", "pixeldojo"),
        ("/api/v1/nothing", "openrouter"), ("/v1/nothing", None), ("/runware/v1/x", "runware"),
        ("/apiinone/api/v1/x", "apiinone"), ("/openrouter/api/v1/tasks", "openrouter"),
    ],
)  # fmt: skip
def test_a_404_is_answered_in_the_shape_of_whoever_sends_that_path(path: str, dialect: str | None) -> None:
    assert path_dialect(path) == dialect
