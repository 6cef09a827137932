"""Routing with fallbacks, the catalogue, provider preferences, the circuit breaker, health, entry points, the CLI.

In-process test backends only (no HTTP here; the upstream providers are covered by test_upstream.py).
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.metadata
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artboard import engine, registry, routing
from artboard.backends.base import Backend, Capabilities, Design
from artboard.backends.diffusion import DiffusersBackend, DiffusersSettings
from artboard.cli import main
from artboard.composer import PHOTOGRAPHIC_WARNING
from artboard.errors import BackendError, BackendUnavailable, ContentBlocked, InvalidParameter
from artboard.models import MODELS, resolve_model
from artboard.post.palette import svg_colors
from artboard.spec import GenerationSpec, make_spec

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><rect width="{w}" '
    'height="{h}" fill="{fill}"/></svg>'
)


class ScriptedBackend(Backend):
    """Draws a one-colour SVG, or raises `error`; `up` is what available() says."""

    def __init__(
        self,
        name: str,
        *,
        error: Exception | None = None,
        up: tuple[bool, str] = (True, "ok"),
        fill: str = "#336699",
        max_pixels: int = 3072 * 1536,
    ) -> None:
        self.name = name
        self.model_id = f"{name}-1"
        self.capabilities = Capabilities(raster=True, vector=True, max_pixels=max_pixels)
        self.error = error
        self.up = up
        self.fill = fill
        self.calls = 0

    def available(self) -> tuple[bool, str]:
        return self.up

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return Design(svg=SVG.format(w=spec.width, h=spec.height, fill=self.fill), info={"drawn_by": self.name})


@pytest.fixture(autouse=True)
def clean_routing() -> Iterator[None]:
    routing.reset()
    yield
    routing.reset()


@pytest.fixture
def backends() -> Iterator[dict[str, ScriptedBackend]]:
    made = {
        "alpha": ScriptedBackend("alpha", fill="#112233"),
        "beta": ScriptedBackend("beta", fill="#445566"),
        "off": ScriptedBackend("off", up=(False, "no weights on disk")),
        "busy": ScriptedBackend("busy", error=BackendUnavailable("queue full", details={"upstream_status": 429})),
        "broken": ScriptedBackend("broken", error=BackendError("the pipeline exploded")),
        "crashing": ScriptedBackend("crashing", error=RuntimeError("bug in backend")),
        "picky": ScriptedBackend("picky", error=InvalidParameter("bad size for this model", param="size")),
        "prude": ScriptedBackend("prude", error=ContentBlocked("flagged upstream")),
    }
    for name, backend in made.items():
        registry.register(name, backend)
    yield made
    for name in made:
        registry.unregister(name)


def chain(*names: str) -> None:
    """Every public model served by this chain."""
    routing.configure({"models": {m.id: list(names) for m in MODELS}})


def spec(**kwargs: Any) -> GenerationSpec:
    return make_spec("minimal fox logo called Ember", seed=7, format="svg", safety=False, **kwargs)


def outcomes(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    return [(t["backend"], t["outcome"]) for t in manifest["routing"]["tried"]]


# -- catalogue --------------------------------------------------------------------------------------------------------


def test_packaged_catalogue_covers_every_public_model() -> None:
    catalogue = routing.load_catalogue()
    assert {m.id for m in MODELS} <= set(catalogue.models)
    for key in catalogue.models:
        resolve_model(key)  # every key is a public id or alias
    assert catalogue.chain("artboard-v1") == ("design",)
    assert catalogue.chain("recraftv4_vector") == ("design",)  # aliases resolve to their model's chain
    assert catalogue.chain("no-such-model") == catalogue.default == ("design",)


def test_catalogue_file_from_env_merges_and_alias_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "catalogue.toml"
    path.write_text(
        '[models]\n"artboard-v1" = ["diffusers", "recraft", "design"]\n"recraftv4" = ["recraft"]\n'
        '[routing]\nfailure_threshold = 5\ncooldown_seconds = 12\n[backends.recraft]\nbase_url = "http://x"\n'
    )
    monkeypatch.setenv(routing.ENV_CATALOGUE, str(path))
    catalogue = routing.current_catalogue()
    assert catalogue.chain("artboard-v1", tier="standard", output="raster") == ("diffusers", "recraft", "design")
    assert catalogue.chain("recraftv4", tier="standard", output="raster") == ("recraft",)
    assert catalogue.chain("artboard-v1-vector") == ("design",)  # untouched entries keep the packaged chain
    # artboard-v1 asked for SVG is artboard-v1-vector's chain
    assert catalogue.chain("artboard-v1", tier="standard", output="vector") == ("design",)
    assert (catalogue.failure_threshold, catalogue.cooldown_seconds) == (5, 12.0)
    assert routing.backend_settings("recraft")["base_url"] == "http://x"
    assert str(path) in catalogue.sources


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('[models]\n"no-such-model" = ["design"]\n', "unknown model"),
        ('[models]\n"artboard-v1" = []\n', "non-empty list"),
        ("[routing]\nfailure_threshold = 0\n", "routing.failure_threshold"),
        ('[routing]\nphotographic = "diffusers"\n', "routing.photographic"),
        ("[routing]\nphotographic = [1]\n", "routing.photographic"),
        ("[modles]\n", "unknown table"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_bad_catalogue_files_are_clear_errors(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(InvalidParameter, match=fragment) as info:
        routing.load_catalogue(path)
    assert info.value.param == "catalogue"


# -- fallbacks --------------------------------------------------------------------------------------------------------


def test_falls_through_unavailable_overloaded_and_failing_backends(backends: dict[str, ScriptedBackend]) -> None:
    chain("off", "busy", "broken", "crashing", "alpha", "beta")
    [art] = engine.run(spec())
    assert art.manifest["backend"] == "alpha"
    assert art.manifest["routing"]["served_by"] == "alpha"
    assert outcomes(art.manifest) == [
        ("off", "unavailable"),
        ("busy", "overloaded"),
        ("broken", "failed"),
        ("crashing", "failed"),
        ("alpha", "served"),
    ]
    reasons = {t["backend"]: t["reason"] for t in art.manifest["routing"]["tried"]}
    assert reasons["off"] == "no weights on disk"
    assert (
        "queue full" in reasons["busy"] and "exploded" in reasons["broken"] and "bug in backend" in reasons["crashing"]
    )
    assert backends["beta"].calls == 0
    assert "#112233" in art.text  # alpha's drawing, through the engine's guarantees


def test_request_errors_are_not_fallen_through(backends: dict[str, ScriptedBackend]) -> None:
    chain("picky", "alpha")
    with pytest.raises(InvalidParameter, match="bad size") as info:
        engine.run(spec())
    assert info.value.param == "size"
    assert info.value.details["routing"]["tried"][0]["outcome"] == "rejected"
    chain("prude", "alpha")
    with pytest.raises(ContentBlocked):
        engine.run(spec())
    assert backends["alpha"].calls == 0
    assert routing.health(["picky"])["picky"]["consecutive_failures"] == 0  # not the backend's fault


def test_no_backend_left_is_503_listing_every_reason(backends: dict[str, ScriptedBackend]) -> None:
    chain("off", "busy", "broken", "ghost")
    with pytest.raises(BackendUnavailable) as info:
        engine.run(spec())
    error = info.value
    assert error.status == 503
    for fragment in ("off: unavailable (no weights on disk)", "busy: overloaded", "broken: failed", "ghost: unknown"):
        assert fragment in error.describe()
    assert [t["backend"] for t in error.details["routing"]["tried"]] == ["off", "busy", "broken", "ghost"]
    assert error.details["routing"]["served_by"] is None


def test_a_lone_failing_backend_keeps_its_own_error(backends: dict[str, ScriptedBackend]) -> None:
    chain("broken")
    with pytest.raises(BackendError, match="exploded") as info:
        engine.run(spec())
    assert info.value.status == 502
    assert info.value.details["routing"]["tried"] == [
        {"backend": "broken", "outcome": "failed", "reason": "the pipeline exploded"}
    ]


def test_a_single_backend_chain_leaves_the_manifest_unchanged() -> None:
    [art] = engine.run(spec())
    assert art.manifest["backend"] == "design" and "routing" not in art.manifest


def test_unsupported_backends_are_skipped_and_all_unsupported_is_a_400(backends: dict[str, ScriptedBackend]) -> None:
    registry.register("tiny", ScriptedBackend("tiny", max_pixels=512 * 512))
    try:
        chain("tiny", "alpha")
        [art] = engine.run(spec())
        assert outcomes(art.manifest) == [("tiny", "unsupported"), ("alpha", "served")]
        chain("tiny")
        with pytest.raises(InvalidParameter) as info:
            engine.run(spec())
        assert info.value.param == "size"
    finally:
        registry.unregister("tiny")


def test_each_result_is_routed_and_records_who_served(backends: dict[str, ScriptedBackend]) -> None:
    chain("alpha", "beta")
    arts = engine.run(spec(n=2))
    assert [a.manifest["routing"]["served_by"] for a in arts] == ["alpha", "alpha"]
    assert backends["alpha"].calls == 2


# -- provider preferences ---------------------------------------------------------------------------------------------


def test_provider_order_puts_backends_first(backends: dict[str, ScriptedBackend]) -> None:
    chain("alpha", "beta")
    [art] = engine.run(spec(), provider={"order": ["beta"]})
    assert art.manifest["backend"] == "beta"
    assert outcomes(art.manifest) == [("beta", "served")]
    assert routing.plan(spec(), {"order": ["broken", "beta"]}).candidates == ("broken", "beta", "alpha")


def test_provider_only_and_ignore(backends: dict[str, ScriptedBackend]) -> None:
    chain("alpha", "beta")
    [art] = engine.run(spec(), provider={"only": ["beta"]})
    assert art.manifest["backend"] == "beta"
    [art] = engine.run(spec(), provider={"ignore": ["alpha"]})
    assert art.manifest["backend"] == "beta"
    assert outcomes(art.manifest) == [("alpha", "ignored"), ("beta", "served")]
    # `only` may name a backend outside the model's chain
    assert routing.plan(spec(), {"only": "alpha,design"}).candidates == ("alpha", "design")
    with pytest.raises(BackendUnavailable, match="no backend left") as info:
        engine.run(spec(), provider={"ignore": ["alpha", "beta"]})
    assert info.value.param == "provider"


def test_allow_fallbacks_false_stops_after_the_first_choice(backends: dict[str, ScriptedBackend]) -> None:
    chain("broken", "alpha")
    with pytest.raises(BackendError):
        engine.run(spec(), provider={"allow_fallbacks": False})
    assert backends["alpha"].calls == 0
    [art] = engine.run(spec(), provider={"allow_fallbacks": True})
    assert art.manifest["backend"] == "alpha"
    # with an order, exactly the ordered backends are tried, in turn
    with pytest.raises(BackendUnavailable) as info:
        engine.run(spec(), provider={"order": ["busy", "broken"], "allow_fallbacks": False})
    assert [t["backend"] for t in info.value.details["routing"]["tried"]] == ["busy", "broken"]


def test_bad_provider_values_are_400s() -> None:
    with pytest.raises(InvalidParameter) as info:
        routing.parse_provider({"allow_fallbacks": "perhaps"})
    assert info.value.param == "provider.allow_fallbacks"
    with pytest.raises(InvalidParameter):
        routing.parse_provider(["design"])  # type: ignore[arg-type]
    # OpenRouter's other provider fields are accepted and ignored
    assert routing.parse_provider({"sort": "price", "only": ["design"]}).only == ("design",)


def test_spec_backend_is_only_that_backend(backends: dict[str, ScriptedBackend]) -> None:
    chain("alpha")
    [art] = engine.run(spec(backend="beta"))
    assert art.manifest["backend"] == "beta" and "routing" not in art.manifest
    assert routing.plan(spec(backend="beta"), {"order": ["alpha"]}).candidates == ("beta",)
    with pytest.raises(InvalidParameter, match="unknown backend") as info:
        engine.run(spec(backend="nope"))
    assert info.value.param == "backend"
    with pytest.raises(BackendUnavailable, match="no weights on disk"):
        engine.run(spec(backend="off"))


# -- circuit breaker and health ---------------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_circuit_breaker_skips_a_failing_backend_then_retries(backends: dict[str, ScriptedBackend]) -> None:
    clock = Clock()
    routing.configure(
        {
            "models": {m.id: ["broken", "alpha"] for m in MODELS},
            "routing": {"failure_threshold": 2, "cooldown_seconds": 30},
        },
        clock=clock,
    )
    for _ in range(2):
        [art] = engine.run(spec())
        assert outcomes(art.manifest) == [("broken", "failed"), ("alpha", "served")]
    state = routing.health(["broken"])["broken"]
    assert state["consecutive_failures"] == 2 and state["circuit_open"] is True
    assert "exploded" in state["last_error"]

    [art] = engine.run(spec())
    assert outcomes(art.manifest) == [("broken", "circuit_open"), ("alpha", "served")]
    assert backends["broken"].calls == 2  # not called while open

    clock.now += 31  # half-open: one try goes through
    backends["broken"].error = None
    [art] = engine.run(spec())
    assert art.manifest["backend"] == "broken"
    state = routing.health(["broken"])["broken"]
    assert state["consecutive_failures"] == 0 and state["circuit_open"] is False and state["served"] == 1


def test_health_reports_every_backend(backends: dict[str, ScriptedBackend], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTBOARD_RECRAFT_API_KEY", raising=False)
    report = routing.health()
    assert {"design", "recraft", "openrouter", "alpha", "off"} <= set(report)
    for entry in report.values():
        assert {"available", "reason", "last_error", "consecutive_failures", "circuit_open"} <= set(entry)
    assert report["design"]["available"] is True
    assert report["off"] == {**report["off"], "available": False, "reason": "no weights on disk"}
    assert report["recraft"]["available"] is False and "ARTBOARD_RECRAFT_API_KEY" in report["recraft"]["reason"]
    assert report["recraft"]["details"]["api_key"] == "missing"
    json.dumps(report)  # GET-able as is


# -- entry points -----------------------------------------------------------------------------------------------------

THIRD_PARTY = """
from artboard.backends.base import Backend, Capabilities, Design

class ThirdPartyBackend(Backend):
    name = "thirdparty"
    model_id = "thirdparty-0.1"
    capabilities = Capabilities(raster=True, vector=True)

    def generate(self, spec, *, seed, index):
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{spec.width}" height="{spec.height}" '
               f'viewBox="0 0 {spec.width} {spec.height}"><circle cx="50" cy="50" r="40" fill="#aa0000"/></svg>')
        return Design(svg=svg, info={"seed_seen": seed})
"""


def test_a_third_party_package_registers_a_backend_by_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    dist_info = site / "thirdparty_artboard-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (site / "thirdparty_artboard.py").write_text(THIRD_PARTY)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-artboard\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(
        "[artboard.backends]\nthirdparty = thirdparty_artboard:ThirdPartyBackend\n"
    )
    dist = importlib.metadata.PathDistribution(dist_info)
    assert [(ep.name, ep.group) for ep in dist.entry_points] == [("thirdparty", registry.ENTRY_POINT_GROUP)]
    assert "thirdparty" not in registry.backend_names()
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    try:
        assert "thirdparty" in registry.backend_names()
        backend = registry.get_backend("thirdparty")
        assert type(backend).__module__ == "thirdparty_artboard" and backend.model_id == "thirdparty-0.1"
        [art] = engine.run(spec(backend="thirdparty", palette="#000000,#ffffff"))
        assert art.manifest["backend"] == "thirdparty" and art.manifest["design"] == {"seed_seen": 7}
        assert svg_colors(art.text) <= {(0, 0, 0), (255, 255, 255)}  # the palette guarantee holds for it too
    finally:
        registry.unregister("thirdparty")
        sys.modules.pop("thirdparty_artboard", None)


# -- CLI --------------------------------------------------------------------------------------------------------------


def test_cli_backends_list(backends: dict[str, ScriptedBackend], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTBOARD_OPENROUTER_API_KEY", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["backends", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    design = next(line for line in lines if line.startswith("design "))
    assert "raster+vector+img2img" in design and "available" in design
    openrouter = next(line for line in lines if line.startswith("openrouter "))
    assert "remote" in openrouter and "unavailable: no API key (set ARTBOARD_OPENROUTER_API_KEY)" in openrouter
    assert any(line.startswith("off ") and "no weights on disk" in line for line in lines)

    result = runner.invoke(main, ["backends", "list", "--json"])
    rows = {row["name"]: row for row in json.loads(result.output)}
    assert rows["recraft"]["capabilities"]["remote"] is True and rows["recraft"]["capabilities"]["img2img"] is True
    assert rows["design"]["models"] == sorted(m.id for m in MODELS)
    assert rows["design"]["circuit_open"] is False

    bare = runner.invoke(main, ["backends"])  # the old plain listing still works
    assert bare.exit_code == 0 and "design" in bare.output.split()


def test_cli_generate_routes_backend_and_provider_options(backends: dict[str, ScriptedBackend], tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "a.svg"
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--seed", "3", "--backend", "beta", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["manifest"]["backend"] == "beta"

    chain("broken", "alpha")
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--seed", "3", "--json"])
    assert json.loads(result.output)["manifest"]["routing"]["served_by"] == "alpha"
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--provider-order", "beta", "--json"])
    assert json.loads(result.output)["manifest"]["backend"] == "beta"
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--provider-ignore", "broken", "--json"])
    assert outcomes(json.loads(result.output)["manifest"])[0] == ("broken", "ignored")
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--no-fallbacks"])
    assert result.exit_code == 1 and "exploded" in result.output

    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--backend", "off"])
    assert result.exit_code == 1 and "no weights on disk" in result.output
    result = runner.invoke(main, ["generate", "fox logo", "-o", str(out), "--backend", "nope"])
    assert result.exit_code == 2 and "unknown backend" in result.output


# -- photographic prompts ---------------------------------------------------------------------------------------------

PHOTO = "a photo of a bowl of ramen"


def photo_spec(**kwargs: Any) -> GenerationSpec:
    return make_spec(PHOTO, seed=7, format="svg", safety=False, **kwargs)


@pytest.fixture
def camera() -> Iterator[ScriptedBackend]:
    """A learned (photoreal) backend that draws a grey square."""
    made = ScriptedBackend("camera", fill="#778899")
    made.capabilities = dataclasses.replace(made.capabilities, photoreal=True)
    registry.register("camera", made)
    yield made
    registry.unregister("camera")


@pytest.fixture
def no_diffusers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged catalogue's photographic backend, unconfigured (no ARTBOARD_DIFFUSERS_MODEL)."""
    monkeypatch.setitem(registry._instances, "diffusers", DiffusersBackend(DiffusersSettings()))


def test_packaged_catalogue_sends_photographs_to_diffusers_first() -> None:
    assert routing.load_catalogue().photographic == ("diffusers",)
    assert routing.load_catalogue({"routing": {"photographic": []}}).photographic == ()


def test_photographic_prompt_goes_to_the_configured_learned_backend(camera: ScriptedBackend) -> None:
    routing.configure({"routing": {"photographic": ["camera"]}})
    [photo] = engine.run(photo_spec())
    assert photo.manifest["backend"] == "camera" and photo.warnings == [] and "warnings" not in photo.manifest
    assert outcomes(photo.manifest) == [("camera", "served")]
    assert photo.manifest["routing"]["photographic"] == {
        "decision": "learned",
        "learned": [{"backend": "camera", "outcome": "ready", "reason": "ok"}],
    }
    [logo] = engine.run(spec())  # a design prompt stays with the composer, manifest untouched
    assert logo.manifest["backend"] == "design" and "routing" not in logo.manifest and logo.warnings == []
    assert camera.calls == 1


def test_a_learned_backend_of_the_chain_takes_photographs_first(camera: ScriptedBackend) -> None:
    routing.configure({"models": {m.id: ["design", "camera"] for m in MODELS}, "routing": {"photographic": []}})
    [photo] = engine.run(photo_spec())
    assert photo.manifest["backend"] == "camera"
    assert photo.manifest["routing"]["photographic"]["decision"] == "learned"
    [logo] = engine.run(spec())
    assert logo.manifest["backend"] == "design" and outcomes(logo.manifest) == [("design", "served")]


def test_without_a_learned_backend_the_composer_answers_and_warns(no_diffusers: None) -> None:
    [photo] = engine.run(photo_spec())
    assert photo.manifest["backend"] == "design"
    assert photo.warnings == [PHOTOGRAPHIC_WARNING] == photo.manifest["warnings"]
    decision = photo.manifest["routing"]["photographic"]
    assert decision["decision"] == "none_available"
    [diffusers] = decision["learned"]
    assert diffusers["backend"] == "diffusers" and diffusers["outcome"] == "unavailable"
    assert "ARTBOARD_DIFFUSERS_MODEL" in diffusers["reason"] or "not installed" in diffusers["reason"]
    routing.configure({"routing": {"photographic": []}})  # turned off: nothing considered, still said
    [again] = engine.run(photo_spec())
    assert again.warnings == [PHOTOGRAPHIC_WARNING]
    assert again.manifest["routing"]["photographic"] == {"decision": "none_available", "learned": []}


@pytest.mark.parametrize(
    ("options", "provider"),
    [({"backend": "design"}, None), ({}, {"only": ["design"]}), ({}, {"order": ["design"]})],
    ids=["backend", "only", "order"],
)
def test_an_explicit_composer_choice_is_kept_and_warns(
    camera: ScriptedBackend, options: dict[str, Any], provider: dict[str, Any] | None
) -> None:
    routing.configure({"routing": {"photographic": ["camera"]}})
    [photo] = engine.run(photo_spec(**options), provider=provider)
    assert photo.manifest["backend"] == "design" and camera.calls == 0
    assert photo.manifest["routing"]["photographic"] == {"decision": "explicit", "learned": []}
    assert photo.warnings == [PHOTOGRAPHIC_WARNING]


def test_an_ignored_learned_backend_is_not_considered(camera: ScriptedBackend) -> None:
    routing.configure({"routing": {"photographic": ["camera"]}})
    [photo] = engine.run(photo_spec(), provider={"ignore": ["camera"]})
    assert photo.manifest["backend"] == "design" and camera.calls == 0
    assert photo.manifest["routing"]["photographic"]["learned"] == []


def test_a_failing_learned_backend_falls_back_with_its_own_warning(camera: ScriptedBackend) -> None:
    camera.error = BackendError("out of GPU memory")
    routing.configure({"routing": {"photographic": ["camera"]}})
    [photo] = engine.run(photo_spec())
    assert photo.manifest["backend"] == "design"
    assert outcomes(photo.manifest) == [("camera", "failed"), ("design", "served")]
    composer, fallback = photo.warnings
    assert composer == PHOTOGRAPHIC_WARNING
    assert fallback.startswith("photographic prompt:") and "camera failed" in fallback and "design answered" in fallback


def test_a_backends_own_warnings_reach_the_manifest(backends: dict[str, ScriptedBackend]) -> None:
    hedging = ScriptedBackend("hedging")
    real_generate = hedging.generate

    def generate(spec: GenerationSpec, *, seed: int, index: int) -> Design:
        design = real_generate(spec, seed=seed, index=index)
        design.info["warnings"] = ["not drawn: the moon", " ", 3, "not drawn: the moon"]
        return design

    hedging.generate = generate  # type: ignore[method-assign]
    registry.register("hedging", hedging)
    try:
        [art] = engine.run(spec(backend="hedging"))
    finally:
        registry.unregister("hedging")
    assert art.warnings == ["not drawn: the moon"] == art.manifest["warnings"]
    assert "warnings" not in art.manifest["design"] and art.manifest["design"]["drawn_by"] == "hedging"
