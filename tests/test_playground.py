"""The web playground at `/`, driven in a real headless Chromium against a real `artboard serve` process.

Needs the Debian `chromium` package (installed by CI) and the `playwright` Python package (never `playwright
install`: the system browser is used). Screenshots of the main states go to test-artifacts/playground/.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from live_server import artboard_serve  # noqa: E402  (after the skip: no playwright, no module)

CHROMIUM = next(
    (
        p
        for p in (
            os.environ.get("CHROMIUM"),
            "/usr/bin/chromium",
            shutil.which("chromium"),
            shutil.which("chromium-browser"),
        )
        if p and Path(p).exists()
    ),
    None,
)
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "playground"
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with artboard_serve(tmp_path_factory.mktemp("playground"), workers=2, timeout=60) as (base, _process):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1360, "height": 900}, accept_downloads=True, bypass_csp=True
    )  # wait_for_function evaluates strings
    external: list[str] = []

    def watch(route: Any) -> None:
        if not route.request.url.startswith((server, "data:", "blob:")):
            external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", watch)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready=true]")
    yield pg
    context.close()
    assert external == [], f"the page made external requests: {external}"


def shot(pg: Any, name: str, **kwargs: Any) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), **kwargs)


def fetch(server: str, url: str) -> bytes:
    full = url if url.startswith("http") else server + url
    with urllib.request.urlopen(full, timeout=30) as answer:
        data: bytes = answer.read()
        return data


def set_palette(pg: Any, colors: str) -> None:
    pg.fill("#palette-paste", colors)
    pg.click("#palette-apply")


def generate_and_wait(pg: Any, count_before: int) -> Any:
    pg.click("#generate")
    pg.wait_for_function(f"document.querySelectorAll('#gallery .card.ready').length > {count_before}")
    return pg.locator("#gallery .card.ready").first


def test_generate_with_palette_shows_compliant_result(page: Any, server: str) -> None:
    shot(page, "01-empty")
    page.fill("#prompt", '"Blue Harbor Coffee" logo, est. 1987')
    set_palette(page, "#1b2a49, #f2a541, #f6f7eb")
    assert page.locator("#palette .swatch").count() == 3
    page.check("input[name=bg-mode][value=color]")
    page.locator("#ratios [data-ratio='4:5']").click()
    assert "896x1152" in page.text_content("#size-label")
    card = generate_and_wait(page, 0)
    badge = card.locator(".compliance .badge")
    assert badge.get_attribute("data-compliant") == "true", badge.text_content()
    assert "compliant" in badge.text_content()
    facts = card.locator(".facts").text_content()
    assert "896×1152" in facts and "design" in facts
    card.locator(".manifest summary").click()
    assert '"compliant": true' in card.locator(".manifest pre").text_content()
    img = card.locator("img")
    assert page.evaluate("(i) => i.complete && i.naturalWidth", img.element_handle()) == 896
    shot(page, "02-result-palette")


def test_seed_reuse_gives_the_same_image(page: Any, server: str) -> None:
    page.fill("#prompt", "minimal fox logo called Ember")
    page.select_option("#format", "png")
    first = generate_and_wait(page, 0)
    seed = first.get_attribute("data-seed")
    first_url = first.get_attribute("data-url")
    first_bytes = fetch(server, first_url)
    page.click("#seed-random")  # a different seed is in the box now ...
    first.locator(".use-seed").click()  # ... until "use this seed" puts the result's seed back and locks it
    assert page.input_value("#seed") == seed and page.is_checked("#seed-lock")
    second = generate_and_wait(page, 1)
    assert second.get_attribute("data-seed") == seed
    assert second.get_attribute("data-url") != first_url  # a new job, not the old file
    assert fetch(server, second.get_attribute("data-url")) == first_bytes
    shot(page, "03-seed-reuse")


def test_invalid_input_shows_the_api_error_naming_the_parameter(page: Any) -> None:
    page.fill("#prompt", "")
    page.click("#generate")
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert error.locator("code.param").text_content() == "prompt"
    assert "prompt" in error.text_content()
    assert page.get_attribute("#prompt", "aria-invalid") == "true"
    shot(page, "04-error-prompt")
    page.fill("#prompt", "badge")
    page.fill("#n", "9")
    page.click("#generate")
    page.wait_for_function("document.querySelector('#error code.param')?.textContent === 'n'")
    assert "1..6" in error.text_content()


def test_upload_with_strength_and_vectorize(page: Any, tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (320, 320), "#f6f7eb")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((60, 60, 260, 260), fill="#d35400")
    draw.rectangle((140, 20, 180, 300), fill="#1b2a49")
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    path = tmp_path / "emblem.png"
    path.write_bytes(buf.getvalue())
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#image-tools:not([hidden])")
    page.fill("#prompt", "a geometric emblem")
    page.locator("#strength").fill("0.35")
    assert page.text_content("#strength-out") == "0.35"
    assert "imageToImage" in page.text_content("#route-note")
    shot(page, "05-upload")
    card = generate_and_wait(page, 0)
    card.locator(".manifest summary").click()
    manifest = card.locator(".manifest pre").text_content()
    assert '"strength": 0.35' in manifest
    page.click("#vectorize")
    page.wait_for_function("document.querySelectorAll('#gallery .card.ready').length > 1")
    vector = page.locator("#gallery .card.ready").first
    assert ".svg" in vector.get_attribute("data-url")
    assert "vectorized" in vector.locator(".compliance").text_content()
    shot(page, "06-upload-result-and-vectorize")


def test_copied_recraft_curl_returns_an_image(page: Any, server: str) -> None:
    page.fill("#prompt", "app icon of a camera, it's flat")  # the quote must survive shell quoting
    set_palette(page, "#0b7285 #f8f9fa #e8590c")
    page.click("#tab-code")
    page.check("input[name=code-kind][value=recraft]")
    command = page.text_content("#code-text")
    assert command.startswith("curl") and "/v1/images/generations" in command
    shot(page, "07-copy-as-code")
    answer = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, check=True)
    import json

    body = json.loads(answer.stdout)
    data = fetch(server, body["data"][0]["url"])
    assert data.startswith(b"\x89PNG")
    for kind in ("openrouter", "openai", "runware", "pixeldojo"):
        page.check(f"input[name=code-kind][value={kind}]")
        assert page.text_content("#code-text").strip()
    page.check("input[name=code-kind][value=openai]")
    assert "client.images.generate(" in page.text_content("#code-text")


def test_transparent_svg_history_and_phone_width(page: Any, server: str) -> None:
    page.select_option("#format", "svg")
    assert "vector" in page.input_value("#model")
    page.check("input[name=bg-mode][value=transparent]")
    page.fill("#prompt", "sticker of a cactus")
    page.click("#palette-clear")
    card = generate_and_wait(page, 0)
    assert ".svg" in card.get_attribute("data-url")
    assert "checker" in card.locator(".frame").get_attribute("class")
    shot(page, "08-transparent-svg")
    page.click("#tab-history")
    page.wait_for_selector("#history-list li img")
    shot(page, "09-history")
    page.set_viewport_size({"width": 390, "height": 844})
    page.click("#tab-results")
    shot(page, "10-phone", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"horizontal overflow at phone width: {width}px"
