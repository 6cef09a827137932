"""The Recraft and OpenRouter backends against local fake upstreams (tests/fake_upstreams.py, 127.0.0.1 only).

Settings come from the environment exactly as in production (ARTBOARD_<PROVIDER>_*); retries never really sleep
(the waits are recorded instead), and nothing asserts on timing.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from PIL import Image

from artboard import engine, registry, routing
from artboard.backends.upstream import common
from artboard.backends.upstream.common import UpstreamConfig, error_body, guess_param, status_error
from artboard.backends.upstream.openrouter import OpenRouterBackend, nearest_aspect_ratio
from artboard.backends.upstream.recraft import RecraftBackend
from artboard.colors import parse_color
from artboard.errors import BackendError, BackendUnavailable, ContentBlocked, InvalidParameter
from artboard.models import MODELS
from artboard.post.palette import raster_compliance, svg_colors
from artboard.spec import make_spec
from fake_upstreams import API_KEY, FakeUpstream, openrouter_app, recraft_app

PALETTE = ["#1b3a4b", "#f2a541", "#c0392b"]
WHITE = (255, 255, 255)
ALLOWED = {parse_color(c) for c in PALETTE} | {WHITE}


@pytest.fixture(scope="module")
def recraft_server() -> Iterator[FakeUpstream]:
    with FakeUpstream(recraft_app, lifetime=300) as fake:
        yield fake


@pytest.fixture(scope="module")
def openrouter_server() -> Iterator[FakeUpstream]:
    with FakeUpstream(openrouter_app, lifetime=300) as fake:
        yield fake


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []
    monkeypatch.setattr(common, "_sleep", recorded.append)
    return recorded


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for provider in ("RECRAFT", "OPENROUTER"):
        for name in (
            "API_KEY",
            "BASE_URL",
            "MODELS",
            "TIMEOUT",
            "MAX_RETRIES",
            "MAX_RETRY_AFTER",
            "ROUTE",
            "UPLOAD",
            "VECTORIZE",
        ):
            monkeypatch.delenv(f"ARTBOARD_{provider}_{name}", raising=False)
    monkeypatch.delenv(routing.ENV_CATALOGUE, raising=False)
    routing.reset()
    yield
    routing.reset()


@pytest.fixture
def recraft(recraft_server: FakeUpstream, monkeypatch: pytest.MonkeyPatch, waits: list[float]) -> FakeUpstream:
    recraft_server.state.reset()
    monkeypatch.setenv("ARTBOARD_RECRAFT_BASE_URL", recraft_server.url)
    monkeypatch.setenv("ARTBOARD_RECRAFT_API_KEY", recraft_server.api_key)
    return recraft_server


@pytest.fixture
def openrouter(openrouter_server: FakeUpstream, monkeypatch: pytest.MonkeyPatch, waits: list[float]) -> FakeUpstream:
    openrouter_server.state.reset()
    monkeypatch.setenv("ARTBOARD_OPENROUTER_BASE_URL", openrouter_server.url)
    monkeypatch.setenv("ARTBOARD_OPENROUTER_API_KEY", openrouter_server.api_key)
    return openrouter_server


def chain(*names: str) -> None:
    routing.configure({"models": {m.id: list(names) for m in MODELS}})


def run(**kwargs: Any) -> Any:
    options: dict[str, Any] = {"seed": 11, "safety": False, "palette": ",".join(PALETTE), "background": "#ffffff"}
    options.update(kwargs)
    provider = options.pop("provider", None)
    [art] = engine.run(make_spec("a fox mascot for a coffee brand", **options), provider=provider)
    return art


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def png_bytes(width: int, height: int, color: tuple[int, int, int] = (90, 140, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def assert_palette_pixels(data: bytes) -> None:
    report = raster_compliance(pixels(data), sorted(ALLOWED))
    assert report["other"] <= 0.0005, report


# -- Recraft ----------------------------------------------------------------------------------------------------------


def test_recraft_raster_through_the_engine(recraft: FakeUpstream) -> None:
    art = run(backend="recraft")
    [request] = recraft.requests
    assert request.path == "/v1/images/generations"
    assert request.headers["authorization"] == f"Bearer {recraft.api_key}"
    assert request.json == {
        "prompt": "a fox mascot for a coffee brand",
        "model": "recraftv4",
        "size": "1024x1024",
        "n": 1,
        "random_seed": 11,
        "response_format": "b64_json",
        "controls": {
            "colors": [{"rgb": [27, 58, 75]}, {"rgb": [242, 165, 65]}, {"rgb": [192, 57, 43]}],
            "background_color": {"rgb": [255, 255, 255]},
        },
    }
    assert art.manifest["backend"] == "recraft" and art.format == "png"
    design = art.manifest["design"]
    assert design["provider"] == "recraft" and design["upstream_model"] == "recraftv4"
    assert design["cost_usd"] == pytest.approx(0.04) and design["cost_source"] == "upstream"
    assert pixels(art.data).shape == (1024, 1024, 4)
    assert_palette_pixels(art.data)  # the upstream drew near-palette colours and noise; the guarantee holds


def test_recraft_vector_model_returns_svg_with_the_palette_enforced(recraft: FakeUpstream) -> None:
    art = run(backend="recraft", format="svg", tier="pro", aspect_ratio="16:9")
    [request] = recraft.requests
    assert request.json["model"] == "recraftv4_pro_vector" and request.json["size"] == "2688x1536"
    assert art.format == "svg" and art.manifest["design"]["cost_usd"] == pytest.approx(0.3)
    assert svg_colors(art.text) <= ALLOWED  # the upstream SVG had a gradient and off-palette fills
    assert 'width="2688"' in art.text and "vectorize" not in art.manifest  # native SVG, not traced


def test_recraft_image_to_image_json_and_multipart(recraft: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> None:
    source = png_bytes(640, 480)
    art = run(backend="recraft", image=source, strength=0.35)
    [request] = recraft.requests
    assert request.path == "/v1/images/imageToImage"
    assert request.json["strength"] == 0.35 and request.json["random_seed"] == 11
    assert request.json["image_url"] == "data:image/png;base64," + base64.b64encode(source).decode()
    assert "size" not in request.json
    # the fake answers at the input's size: the engine still gets exactly the spec's size
    assert pixels(art.data).shape == (1024, 1024, 4) and art.manifest["design"]["upstream_size"] == "640x480"

    monkeypatch.setenv("ARTBOARD_RECRAFT_UPLOAD", "multipart")
    run(backend="recraft", image=source, strength=0.8)
    form = recraft.requests[-1].form
    assert form["image"]["bytes"] == source and form["image"]["content_type"] == "image/png"
    assert form["strength"] == "0.8" and form["model"] == "recraftv4"
    assert json.loads(form["controls"])["background_color"] == {"rgb": [255, 255, 255]}


def test_recraft_upstream_vectorize_option(recraft: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTBOARD_RECRAFT_MODELS", "artboard-v1-vector=recraftv4")  # a raster model for SVG
    monkeypatch.setenv("ARTBOARD_RECRAFT_VECTORIZE", "upstream")
    art = run(backend="recraft", format="svg")
    assert [r.path for r in recraft.requests] == ["/v1/images/generations", "/v1/images/vectorize"]
    vectorize = recraft.requests[1].json
    assert vectorize["strict_color_palette"] == [[27, 58, 75], [242, 165, 65], [192, 57, 43]]
    assert vectorize["file_url"].startswith("data:image/png;base64,")
    assert art.manifest["design"]["vectorized_by"] == "recraft"
    assert art.manifest["design"]["cost_usd"] == pytest.approx(0.05)
    assert svg_colors(art.text) <= ALLOWED


def test_recraft_plain_text_400_is_an_invalid_parameter(recraft: FakeUpstream) -> None:
    recraft.fail(400, "invalid size 1000x1000 for model recraftv4", content_type="text/plain")
    chain("recraft", "design")
    with pytest.raises(InvalidParameter) as info:
        run()
    error = info.value
    assert error.param == "size" and "invalid size 1000x1000" in error.message and "recraft" in error.message
    assert error.details["upstream_status"] == 400
    assert len(recraft.requests) == 1  # not retried, and not fallen through: the request is wrong


def test_recraft_json_400_names_the_param(recraft: FakeUpstream) -> None:
    recraft.fail(400, {"code": "invalid_request", "message": "too many colors", "param": "controls.colors"})
    with pytest.raises(InvalidParameter, match="too many colors") as info:
        run(backend="recraft")
    assert info.value.param == "palette"


def test_recraft_429_is_retried_honouring_retry_after(recraft: FakeUpstream, waits: list[float]) -> None:
    recraft.fail(429, "slow down", headers={"Retry-After": "2"})
    art = run(backend="recraft")
    assert art.manifest["backend"] == "recraft"
    assert len(recraft.requests) == 2 and waits == [2.0]


def test_recraft_long_retry_after_fails_over_at_once(recraft: FakeUpstream, waits: list[float]) -> None:
    recraft.fail(429, "come back tomorrow", headers={"Retry-After": "86400"})
    chain("recraft", "design")
    art = run()
    assert len(recraft.requests) == 1 and waits == []
    assert art.manifest["backend"] == "design"
    [first, second] = art.manifest["routing"]["tried"]
    assert first["backend"] == "recraft" and first["outcome"] == "overloaded" and "HTTP 429" in first["reason"]
    assert second == {"backend": "design", "outcome": "served", "reason": "ok"}


def test_recraft_5xx_falls_back_to_the_next_backend(recraft: FakeUpstream, waits: list[float]) -> None:
    recraft.fail(500, "internal error", times=3)
    chain("recraft", "design")
    art = run()
    assert len(recraft.requests) == 3 and len(waits) == 2  # max_retries = 2, with backoff
    assert art.manifest["backend"] == "design"
    assert art.manifest["routing"]["served_by"] == "design"
    tried = art.manifest["routing"]["tried"]
    assert tried[0]["backend"] == "recraft" and tried[0]["outcome"] == "failed"
    assert "HTTP 500" in tried[0]["reason"] and "internal error" in tried[0]["reason"]
    assert_palette_pixels(art.data)


def test_recraft_bad_key_is_unavailable_and_falls_through(recraft: FakeUpstream) -> None:
    recraft.state.api_key = "rotated"  # the server no longer accepts the key in ARTBOARD_RECRAFT_API_KEY
    try:
        with pytest.raises(BackendUnavailable, match="bad upstream key") as info:
            run(backend="recraft")
        assert "request unauthorized" in info.value.message
        chain("recraft", "design")
        art = run()
        assert art.manifest["routing"]["tried"][0]["outcome"] == "unavailable"
    finally:
        recraft.state.api_key = API_KEY


def test_recraft_402_is_unavailable(recraft: FakeUpstream) -> None:
    recraft.fail(402, {"code": "not_enough_credits", "message": "Not enough credits"})
    with pytest.raises(BackendUnavailable, match="no credits left"):
        run(backend="recraft")


def test_timeouts_fail_over(recraft: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> None:
    recraft.state.delay = 2.0
    monkeypatch.setenv("ARTBOARD_RECRAFT_TIMEOUT", "0.3")
    monkeypatch.setenv("ARTBOARD_RECRAFT_MAX_RETRIES", "0")
    chain("recraft", "design")
    art = run()
    assert art.manifest["backend"] == "design"
    assert "timed out" in art.manifest["routing"]["tried"][0]["reason"]


def test_without_a_key_the_backend_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = registry.load_backend("recraft")
    ok, why = backend.available()
    assert not ok and "ARTBOARD_RECRAFT_API_KEY" in why
    chain("recraft", "design")
    art = run()
    assert art.manifest["routing"]["tried"][0] == {"backend": "recraft", "outcome": "unavailable", "reason": why}


# -- OpenRouter -------------------------------------------------------------------------------------------------------


def test_openrouter_chat_raster(openrouter: FakeUpstream) -> None:
    art = run(backend="openrouter", aspect_ratio="2:3")
    [request] = openrouter.requests
    assert request.path == "/api/v1/chat/completions"
    body = request.json
    assert body["model"] == "recraft/recraft-v4" and body["modalities"] == ["image"]
    assert body["messages"] == [{"role": "user", "content": "a fox mascot for a coffee brand"}]
    assert body["image_config"] == {
        "aspect_ratio": "2:3",
        "image_size": "1K",
        "rgb_colors": [[27, 58, 75], [242, 165, 65], [192, 57, 43]],
        "background_rgb_color": [255, 255, 255],
    }
    assert request.headers["x-title"] == "artboard"
    # OpenRouter's 2:3 is 832x1248; the spec's table says 832x1280: exact size after cover + crop
    assert pixels(art.data).shape == (1280, 832, 4)
    design = art.manifest["design"]
    assert design["upstream_size"] == "832x1248" and design["cost_usd"] == pytest.approx(0.04)
    assert design["upstream_id"].startswith("gen-")
    assert_palette_pixels(art.data)


def test_openrouter_chat_vector_and_image_input(openrouter: FakeUpstream) -> None:
    art = run(backend="openrouter", format="svg")
    assert openrouter.requests[0].json["model"] == "recraft/recraft-v4-vector"
    assert art.format == "svg" and svg_colors(art.text) <= ALLOWED

    source = png_bytes(300, 200)
    run(backend="openrouter", image=source, strength=0.6, tier="pro", aspect_ratio="14:10", palette=None)
    body = openrouter.requests[-1].json
    assert body["model"] == "recraft/recraft-v4-pro"
    assert body["messages"][0]["content"] == [
        {"type": "text", "text": "a fox mascot for a coffee brand"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64," + base64.b64encode(source).decode()}},
    ]
    assert body["image_config"]["strength"] == 0.6 and body["image_config"]["image_size"] == "2K"
    assert body["image_config"]["aspect_ratio"] == "3:2"  # nearest supported ratio to 14:10


def test_openrouter_images_api(openrouter: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTBOARD_OPENROUTER_ROUTE", "images")
    art = run(backend="openrouter", format="svg", aspect_ratio="16:9")
    [request] = openrouter.requests
    assert request.path == "/api/v1/images"
    body = request.json
    assert body["model"] == "recraft/recraft-v4-vector" and body["output_format"] == "svg"
    assert body["aspect_ratio"] == "16:9" and body["resolution"] == "1K" and body["n"] == 1 and body["seed"] == 11
    assert body["provider"] == {
        "options": {
            "recraft": {
                "rgb_colors": [[27, 58, 75], [242, 165, 65], [192, 57, 43]],
                "background_rgb_color": [255, 255, 255],
            }
        }
    }
    assert art.manifest["design"]["upstream_route"] == "images" and svg_colors(art.text) <= ALLOWED

    art = run(backend="openrouter", image=png_bytes(64, 64))
    body = openrouter.requests[-1].json
    assert body["output_format"] == "png" and body["input_references"][0].startswith("data:image/png;base64,")
    assert body["provider"]["options"]["recraft"]["strength"] == 0.2  # the documented default
    assert pixels(art.data).shape == (1024, 1024, 4)


def test_openrouter_400_names_the_param(openrouter: FakeUpstream) -> None:
    openrouter.fail(
        400,
        {
            "error": {
                "code": 400,
                "message": "Invalid aspect_ratio 7:3",
                "metadata": {"param": "image_config.aspect_ratio"},
            }
        },
    )
    with pytest.raises(InvalidParameter, match="Invalid aspect_ratio 7:3") as info:
        run(backend="openrouter")
    assert info.value.param == "size" and info.value.details["upstream_status"] == 400


def test_openrouter_moderation_403_blocks_without_fallback(openrouter: FakeUpstream) -> None:
    openrouter.fail(
        403,
        {
            "error": {
                "code": 403,
                "message": "Input was flagged",
                "metadata": {
                    "reasons": ["violence"],
                    "flagged_input": "…",
                    "provider_name": "recraft",
                    "model_slug": "recraft-v4",
                },
            }
        },
    )
    chain("openrouter", "design")
    with pytest.raises(ContentBlocked, match="flagged"):
        run()


def test_openrouter_503_retried_then_falls_back(openrouter: FakeUpstream, waits: list[float]) -> None:
    openrouter.fail(
        503, {"error": {"code": 503, "message": "No provider available"}}, times=3, headers={"Retry-After": "1"}
    )
    chain("openrouter", "design")
    art = run()
    assert waits == [1.0, 1.0] and len(openrouter.requests) == 3
    assert art.manifest["routing"]["tried"][0]["outcome"] == "overloaded"
    assert art.manifest["backend"] == "design"


def test_openrouter_200_with_an_error_body(openrouter: FakeUpstream) -> None:
    openrouter.fail(200, {"error": {"code": 502, "message": "provider returned an invalid response"}})
    with pytest.raises(BackendError, match="invalid response"):
        run(backend="openrouter")


def test_chain_across_both_providers(recraft: FakeUpstream, openrouter: FakeUpstream, waits: list[float]) -> None:
    recraft.fail(502, "bad gateway", times=3)
    chain("recraft", "openrouter", "design")
    art = run()
    assert art.manifest["backend"] == "openrouter"
    assert [(t["backend"], t["outcome"]) for t in art.manifest["routing"]["tried"]] == [
        ("recraft", "failed"),
        ("openrouter", "served"),
    ]
    # provider preferences steer around a provider
    art = run(provider={"ignore": ["recraft"]})
    assert art.manifest["backend"] == "openrouter" and len(recraft.requests) == 3


# -- units ------------------------------------------------------------------------------------------------------------


def test_error_mapping_table() -> None:
    assert isinstance(status_error("x", 401, "nope"), BackendUnavailable)
    assert isinstance(status_error("x", 403, "forbidden"), BackendUnavailable)
    assert isinstance(status_error("x", 404, "404 page not found"), BackendUnavailable)
    assert isinstance(status_error("x", 429, "busy"), BackendUnavailable)
    assert isinstance(status_error("x", 500, "oops"), BackendError)
    assert isinstance(status_error("x", 504, "gateway"), BackendError)
    assert status_error("x", 413, "too big").status == 413
    assert guess_param("random_seed must be uint32") == "seed"
    assert guess_param("background_rgb_color is invalid") == "background"
    assert guess_param(None, "something else") is None
    assert error_body('{"detail": [{"loc": ["body", "strength"], "msg": "too high"}]}') == ("too high", "strength", {})
    assert error_body("plain words") == ("plain words", None, {})


def test_nearest_aspect_ratio_and_config_from_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    assert nearest_aspect_ratio(1024, 1024) == "1:1" and nearest_aspect_ratio(1536, 768) == "16:9"
    routing.configure(
        {
            "backends": {
                "openrouter": {
                    "base_url": "http://10.0.0.1:9",
                    "models": {"artboard-v1": "black-forest-labs/flux"},
                    "route": "images",
                    "max_retries": 5,
                }
            }
        }
    )
    config = OpenRouterBackend().config()
    assert config.base_url == "http://10.0.0.1:9" and config.max_retries == 5
    assert config.models["artboard-v1"] == "black-forest-labs/flux"
    assert config.models["artboard-v1-vector"] == "recraft/recraft-v4-vector"  # defaults kept
    assert config.options["route"] == "images"
    monkeypatch.setenv("ARTBOARD_OPENROUTER_MODELS", '{"artboard-v1": "google/gemini-image"}')
    monkeypatch.setenv("ARTBOARD_OPENROUTER_BASE_URL", "http://127.0.0.1:1")
    config = OpenRouterBackend().config()
    assert config.models["artboard-v1"] == "google/gemini-image" and config.base_url == "http://127.0.0.1:1"
    assert "secret" not in repr(UpstreamConfig(provider="p", base_url="b", api_key="secret"))
    assert RecraftBackend().config().base_url == "https://external.api.recraft.ai"
