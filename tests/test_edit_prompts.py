"""Prompt enhance: the composer's reading written out plus design decisions, read back the same way.

Engine (artboard.edit.prompts / artboard.enhance_prompt), CLI (`artboard edit enhance`), Recraft
`POST /v1/prompts/enhance` (charged through the ledger, refunded on failure) and Runware `promptEnhance`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from app_support import serve
from artboard.composer import parse_prompt
from artboard.edit.prompts import enhance_prompt
from artboard.errors import InvalidParameter

ROOT = Path(__file__).resolve().parents[1]
SHORT = [
    "coffee shop logo called Bean There",
    "a fox",
    "birthday card for Mia",
    "sticker that says good vibes only with a sun",
    "icon of a rocket",
    "poster for a jazz night 'Blue Notes' on Friday 8pm",
]


def _kept(brief: Any) -> tuple[Any, ...]:
    return (brief.design_type, brief.subjects, brief.texts, brief.tagline, tuple(d.text for d in brief.details))


@pytest.mark.parametrize("prompt", SHORT)
def test_enhanced_prompt_keeps_kind_subjects_and_copy(prompt: str) -> None:
    original = parse_prompt(prompt)
    for found in enhance_prompt(prompt, versions=3):
        assert found.prompt.startswith(prompt.rstrip(" ,;"))
        assert len(found.prompt) > len(prompt) + 20, found.prompt  # a fuller brief, not the same text
        assert _kept(parse_prompt(found.prompt)) == _kept(original)
        assert found.understood["design_type"] == original.design_type


def test_additions_are_read_by_the_composer() -> None:
    """The style, mood and type words added are ones the composer acts on: the enhanced brief has them."""
    found = enhance_prompt("a fox")[0]
    brief = parse_prompt(found.prompt)
    assert brief.styles, found.prompt  # a style was decided
    assert brief.moods, found.prompt  # and a palette mood
    logo = enhance_prompt("coffee shop logo called Bean There")[0]
    assert '"Bean There"' in logo.prompt  # the copy written out, quoted
    assert "coffee" in logo.prompt.split(";", 1)[1]  # what is drawn written out


def test_every_suite_prompt_round_trips() -> None:
    """The 260 prompts of the design suite: enhancing never changes what the composer draws or sets."""
    suite = tomllib.loads((ROOT / "bench" / "design_suite.toml").read_text())
    cases = next(v for v in suite.values() if isinstance(v, list))
    for case in cases:
        prompt = case["prompt"]
        found = enhance_prompt(prompt)[0]
        assert _kept(parse_prompt(found.prompt)) == _kept(parse_prompt(prompt)), prompt


def test_versions_differ_and_are_reproducible() -> None:
    first = [e.prompt for e in enhance_prompt("a fox", versions=3)]
    assert len(set(first)) == 3
    assert first == [e.prompt for e in enhance_prompt("a fox", versions=3)]


def test_max_length_and_bad_values() -> None:
    for found in enhance_prompt("a fox", versions=2, max_length=40):
        assert len(found.prompt) <= 40
    long = enhance_prompt("a very long prompt about a fox in the woods at night", max_length=20)[0]
    assert len(long.prompt) <= 20 and long.truncated
    for kwargs, param in (
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x", "versions": 6}, "versions"),
        ({"prompt": "x", "max_length": 3}, "max_length"),
        ({"prompt": "x", "max_length": 401}, "max_length"),
    ):
        with pytest.raises(InvalidParameter) as caught:
            enhance_prompt(**kwargs)
        assert caught.value.param == param


def test_python_api_and_cli() -> None:
    import artboard
    from artboard.cli import main

    one = artboard.enhance_prompt("icon of a rocket")
    assert one.prompt.startswith("icon of a rocket;")
    assert len(artboard.enhance_prompt("icon of a rocket", versions=2)) == 2
    result = CliRunner().invoke(main, ["edit", "enhance", "icon of a rocket", "--versions", "2"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 2
    bad = CliRunner().invoke(main, ["edit", "enhance", "x", "--versions", "9"])
    assert bad.exit_code == 2 and "versions" in bad.output


@pytest.mark.anyio
async def test_recraft_enhance_route_charges_and_generates_the_same_design(tmp_path: Path) -> None:
    async with serve(tmp_path, auth="on") as (client, app):
        keys = app.state.service.keys
        key, secret = keys.create("enhance", credits=20)
        auth = {"Authorization": f"Bearer {secret}"}
        answer = await client.post(
            "/v1/prompts/enhance", json={"prompt": "coffee shop logo called Bean There"}, headers=auth
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["credits"] == 10  # Recraft's API units for $0.01
        assert body["understood"]["design_type"] == "logo"
        assert keys.get(key.id).credits == 17  # 3 artboard credits through the ledger
        entries = [e for e in keys.ledger(key.id) if e["reason"] == "charge"]
        assert entries and entries[-1]["delta"] == -3
        # Generating from the enhanced prompt: the same kind of design, subject and copy as the short one.
        generated = await client.post(
            "/v1/images/generations",
            json={"prompt": body["enhanced_prompt"], "response_format": "b64_json", "random_seed": 7},
            headers=auth,
        )
        assert generated.status_code == 200, generated.text
        job = (await app.state.service.list_jobs(key_id=key.id, limit=1))[0]
        design = job.artifacts[0].manifest["design"]
        assert design["type"] == "logo"
        assert "Bean There" in design["set_texts"]
        missing = await client.post("/v1/prompts/enhance", json={}, headers=auth)
        assert missing.status_code == 400 and "prompt" in missing.text
        too_long = await client.post("/v1/prompts/enhance", json={"prompt": "a" * 2001}, headers=auth)
        assert too_long.status_code == 400 and "prompt" in too_long.text
        keys.top_up(key.id, -keys.get(key.id).credits)
        short = await client.post("/v1/prompts/enhance", json={"prompt": "a fox"}, headers=auth)
        assert short.status_code == 402, short.text


def test_failed_enhance_is_refunded(tmp_path: Path) -> None:
    from artboard.jobs.charges import charged
    from artboard.jobs.keys import KeyStore
    from artboard.jobs.store import JobStore

    store = JobStore(f"sqlite:///{tmp_path / 'jobs.db'}")
    store.ensure_schema()
    keys = KeyStore(store, initial_credits=0)
    key, _ = keys.create("refund", credits=5)
    with pytest.raises(RuntimeError), charged(store, key.id, 3):
        assert keys.get(key.id).credits == 2
        raise RuntimeError("the work failed")
    assert keys.get(key.id).credits == 5
    reasons = [e["reason"] for e in keys.ledger(key.id)]
    assert reasons[-2:] == ["charge", "refund"]


@pytest.mark.anyio
async def test_a_failing_enhance_is_refunded_in_both_dialects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The route and the Runware task charge first; when the work fails the key gets its credits back."""
    import artboard.edit.prompts as prompts

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the reader failed")

    async with serve(tmp_path, auth="on") as (client, app):
        keys = app.state.service.keys
        key, secret = keys.create("refunds", credits=10)
        auth = {"Authorization": f"Bearer {secret}"}
        monkeypatch.setattr(prompts, "enhance_prompt", broken)
        try:
            failed = await client.post("/v1/prompts/enhance", json={"prompt": "a fox"}, headers=auth)
            assert failed.status_code == 500
        except RuntimeError:
            pass  # the in-process transport may raise the app's exception instead of answering 500
        assert keys.get(key.id).credits == 10
        task = {
            "taskType": "promptEnhance",
            "taskUUID": "0b6f3f9e-1c1a-4f4e-9a55-7d2f0c9b8a11",
            "prompt": "a fox",
            "promptMaxLength": 100,
            "promptVersions": 1,
        }
        runware = await client.post("/v1", json=[task], headers=auth)
        assert runware.status_code >= 500 and runware.json()["errors"][0]["taskType"] == "promptEnhance"
        assert keys.get(key.id).credits == 10
        reasons = [e["reason"] for e in keys.ledger(key.id)]
        assert reasons.count("charge") == 2 and reasons.count("refund") == 2


def test_enhance_basic_styles_and_brand_kits_over_real_http(tmp_path: Path) -> None:
    """A real `artboard serve` on loopback: enhance a prompt, make a brand kit from a basic style, and generate
    from the enhanced prompt with the kit's style_id (its copy wins; the kit's look applies)."""
    import httpx

    from live_server import artboard_serve

    with artboard_serve(tmp_path) as (base, _process), httpx.Client(base_url=base, timeout=180) as client:
        enhanced = client.post("/v1/prompts/enhance", json={"prompt": "a lighthouse badge"})
        assert enhanced.status_code == 200, enhanced.text
        text = enhanced.json()["enhanced_prompt"]
        basic = client.get("/v1/styles/basic").json()["styles"]
        vintage = next(s for s in basic if s["name"] == "vintage_badge")
        kit = client.post("/v1/brand_kits", json={"name": "Harbor Lights", "style_id": vintage["style_id"]})
        assert kit.status_code == 200, kit.text
        made = client.post(
            "/v1/images/generations",
            json={"prompt": text, "style_id": kit.json()["style_id"], "response_format": "b64_json"},
        )
        assert made.status_code == 200, made.text
        revised = made.json()["data"][0]["revised_prompt"]
        assert revised.startswith(text) and '"Harbor Lights"' in revised  # the prompt had no copy: the kit's name
        assert client.delete(f"/v1/brand_kits/{kit.json()['id']}").status_code == 200
