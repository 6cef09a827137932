"""Fake Recraft and OpenRouter servers for the upstream backend tests (loopback only, never the real services).

Each fake is a FastAPI app reproducing the documented request/response/error shapes (shared/reference/
api-landscape.md §1, §2), served by uvicorn on a free 127.0.0.1 port in a background thread that stops by itself
after `lifetime` seconds at the latest. Knobs:

    fake.fail(status, body, times=1, headers=…, content_type=…)   the next `times` requests get this answer
    fake.delay = 2.0                                                every request sleeps first (timeouts)
    fake.image_size = (512, 512)                                    raster answers have this size
    fake.requests                                                   every request: path, headers, json / form

    with FakeUpstream(recraft_app) as fake:
        ... ARTBOARD_RECRAFT_BASE_URL=fake.url, ARTBOARD_RECRAFT_API_KEY=fake.api_key ...
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from PIL import Image

API_KEY = "sk-test-upstream"

RECRAFT_MODELS = {
    "recraftv4": "raster",
    "recraftv4_vector": "vector",
    "recraftv4_pro": "raster",
    "recraftv4_pro_vector": "vector",
    "recraftv4_1": "raster",
    "recraftv4_1_vector": "vector",
}
RECRAFT_SIZES = {
    "standard": {
        "1024x1024",
        "1536x768",
        "768x1536",
        "1280x832",
        "832x1280",
        "1216x896",
        "896x1216",
        "1152x896",
        "896x1152",
        "832x1344",
        "1280x896",
        "896x1280",
        "1344x768",
        "768x1344",
    },
    "pro": {
        "2048x2048",
        "3072x1536",
        "1536x3072",
        "2560x1664",
        "1664x2560",
        "2432x1792",
        "1792x2432",
        "2304x1792",
        "1792x2304",
        "1664x2688",
        "2560x1792",
        "1792x2560",
        "2688x1536",
        "1536x2688",
    },
}
RECRAFT_CREDITS = {
    "recraftv4": 40,
    "recraftv4_vector": 80,
    "recraftv4_pro": 250,
    "recraftv4_pro_vector": 300,
    "recraftv4_1": 35,
    "recraftv4_1_vector": 80,
}
OPENROUTER_MODELS = {
    "recraft/recraft-v4": 0.04,
    "recraft/recraft-v4-vector": 0.08,
    "recraft/recraft-v4-pro": 0.25,
    "recraft/recraft-v4-pro-vector": 0.30,
}
# image_config.aspect_ratio → 1K output size, as documented (2K doubles it).
OPENROUTER_SIZES = {
    "1:1": (1024, 1024),
    "2:3": (832, 1248),
    "3:2": (1248, 832),
    "3:4": (864, 1184),
    "4:3": (1184, 864),
    "4:5": (896, 1120),
    "5:4": (1120, 896),
    "9:16": (768, 1344),
    "16:9": (1344, 768),
    "21:9": (1536, 672),
}


@dataclass
class Scripted:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None

    def response(self) -> Response:
        if isinstance(self.body, dict | list):
            return JSONResponse(self.body, status_code=self.status, headers=self.headers)
        media = self.content_type or "text/plain; charset=utf-8"
        return Response(str(self.body), status_code=self.status, headers=self.headers, media_type=media)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    json: Any = None
    form: dict[str, Any] = field(default_factory=dict)


class FakeState:
    def __init__(self) -> None:
        self.api_key = API_KEY
        self.requests: list[Recorded] = []
        self.script: deque[Scripted] = deque()
        self.delay = 0.0
        self.image_size: tuple[int, int] | None = None
        self.lock = threading.Lock()

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.script.clear()
        self.delay = 0.0
        self.image_size = None

    def fail(
        self,
        status: int,
        body: Any = "",
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        with self.lock:
            for _ in range(times):
                self.script.append(Scripted(status, body, dict(headers or {}), content_type))

    async def receive(self, request: Request) -> Recorded:
        """Record the request, honour the delay knob."""
        record = Recorded(request.method, request.url.path, {k.lower(): v for k, v in request.headers.items()})
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            record.json = await request.json()
        elif content_type.startswith("multipart/form-data"):
            form = await request.form()
            for key, value in form.multi_items():
                if isinstance(value, str):
                    record.form[key] = value
                else:
                    data = await value.read()
                    record.form[key] = {"filename": value.filename, "content_type": value.content_type, "bytes": data}
        with self.lock:
            self.requests.append(record)
        if self.delay:
            await asyncio.sleep(self.delay)
        return record

    def scripted(self) -> Response | None:
        with self.lock:
            return self.script.popleft().response() if self.script else None


# -- images the fakes draw --------------------------------------------------------------------------------------------


def _nudge(color: list[int], by: int) -> tuple[int, int, int]:
    return tuple(max(0, min(255, c + by)) for c in color)  # type: ignore[return-value]


def raster_png(width: int, height: int, colors: list[list[int]], background: list[int] | None) -> bytes:
    """A PNG with near-palette colours, a gradient band and noise: nothing in it is exactly on the palette."""
    bg = _nudge(background or [246, 244, 238], 3)
    pixels = np.zeros((height, width, 3), np.uint8)
    pixels[:] = bg
    palette = colors or [[200, 40, 40], [30, 60, 160]]
    for i, color in enumerate(palette):
        x0 = width * (i + 1) // (len(palette) + 2)
        pixels[height // 4 : 3 * height // 4, x0 : x0 + max(4, width // (len(palette) + 3))] = _nudge(color, 9)
    ramp = np.linspace(0, 255, width, dtype=np.float32)
    pixels[height - height // 8 :, :, 0] = ramp.astype(np.uint8)
    rng = np.random.default_rng(0)
    pixels = np.clip(pixels.astype(np.int16) + rng.integers(-3, 4, pixels.shape), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def vector_svg(width: int, height: int, colors: list[list[int]], background: list[int] | None) -> bytes:
    """An SVG in off-palette colours (including a gradient), as a vector model might answer."""
    bg = "#{:02x}{:02x}{:02x}".format(*_nudge(background or [250, 250, 250], 4))
    shapes = []
    for i, color in enumerate(colors or [[220, 30, 30], [20, 20, 120]]):
        fill = "#{:02x}{:02x}{:02x}".format(*_nudge(color, 11))
        shapes.append(f'<circle cx="{(i + 1) * width // 5}" cy="{height // 2}" r="{width // 12}" fill="{fill}"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/><stop offset="1" stop-color="#abcdef"/>'
        f'</linearGradient></defs><rect width="{width}" height="{height}" fill="{bg}"/>'
        f'<rect y="{height - height // 6}" width="{width}" height="{height // 6}" fill="url(#g)"/>'
        + "".join(shapes)
        + "</svg>"
    ).encode()


def _decode_input(value: Any) -> Image.Image:
    data = value["bytes"] if isinstance(value, dict) else base64.b64decode(str(value).split(",", 1)[1])
    return Image.open(io.BytesIO(data))


# -- Recraft ----------------------------------------------------------------------------------------------------------


def recraft_app(state: FakeState) -> FastAPI:
    app = FastAPI()

    def unauthorized(request: Request) -> Response | None:
        if request.headers.get("authorization") != f"Bearer {state.api_key}":
            return PlainTextResponse("request unauthorized", status_code=401)
        return None

    def fields(record: Recorded) -> dict[str, Any]:
        if record.json is not None:
            return dict(record.json)
        out = dict(record.form)
        for key in ("n", "random_seed", "strength", "controls", "strict_color_palette"):
            if isinstance(out.get(key), str):
                out[key] = json.loads(out[key])
        return out

    def image_answer(model: str, width: int, height: int, controls: dict[str, Any]) -> dict[str, Any]:
        colors = [c["rgb"] for c in controls.get("colors", [])]
        background = (controls.get("background_color") or {}).get("rgb")
        if RECRAFT_MODELS[model] == "vector":
            data = vector_svg(width, height, colors, background)
        else:
            w, h = state.image_size or (width, height)
            data = raster_png(w, h, colors, background)
        return {
            "created": int(time.time()),
            "credits": RECRAFT_CREDITS[model],
            "data": [{"image_id": str(uuid.uuid4()), "b64_json": base64.b64encode(data).decode(), "features": {}}],
        }

    def check(body: dict[str, Any]) -> Response | None:
        if not body.get("prompt"):
            return JSONResponse({"code": "invalid_request", "message": "prompt is required", "param": "prompt"}, 400)
        if body.get("model") not in RECRAFT_MODELS:
            return JSONResponse({"code": "invalid_model", "message": f"unknown model {body.get('model')}"}, 400)
        if body.get("n", 1) != 1 or body.get("response_format") not in ("b64_json", "url"):
            return PlainTextResponse("bad n or response_format", status_code=400)
        colors = (body.get("controls") or {}).get("colors", [])
        if any(not isinstance(c.get("rgb"), list) or len(c["rgb"]) != 3 for c in colors):
            return PlainTextResponse("controls.colors: each colour needs rgb [r,g,b]", status_code=400)
        return None

    @app.post("/v1/images/generations")
    async def generations(request: Request) -> Response:
        record = await state.receive(request)
        denied = unauthorized(request) or state.scripted()
        if denied is not None:
            return denied
        body = fields(record)
        problem = check(body)
        if problem is not None:
            return problem
        tier = "pro" if "_pro" in body["model"] else "standard"
        if body.get("size") not in RECRAFT_SIZES[tier]:
            return PlainTextResponse(f"invalid size {body.get('size')} for model {body['model']}", status_code=400)
        width, height = (int(v) for v in body["size"].split("x"))
        return JSONResponse(image_answer(body["model"], width, height, body.get("controls") or {}))

    @app.post("/v1/images/imageToImage")
    async def image_to_image(request: Request) -> Response:
        record = await state.receive(request)
        denied = unauthorized(request) or state.scripted()
        if denied is not None:
            return denied
        body = fields(record)
        problem = check(body)
        if problem is not None:
            return problem
        source = body.get("image_url") or body.get("image")
        if source is None or "strength" not in body:
            return PlainTextResponse("image and strength are required", status_code=400)
        width, height = _decode_input(source).size
        return JSONResponse(image_answer(body["model"], width, height, body.get("controls") or {}))

    @app.post("/v1/images/vectorize")
    async def vectorize(request: Request) -> Response:
        record = await state.receive(request)
        denied = unauthorized(request) or state.scripted()
        if denied is not None:
            return denied
        body = fields(record)
        source = body.get("file_url") or body.get("file")
        if source is None:
            return PlainTextResponse("file is required", status_code=400)
        width, height = _decode_input(source).size
        data = vector_svg(width, height, body.get("strict_color_palette") or [], None)
        return JSONResponse(
            {
                "created": int(time.time()),
                "credits": 10,
                "image": {"image_id": str(uuid.uuid4()), "b64_json": base64.b64encode(data).decode()},
            }
        )

    return app


# -- OpenRouter -------------------------------------------------------------------------------------------------------


def _or_error(status: int, message: str, **metadata: Any) -> JSONResponse:
    error: dict[str, Any] = {"code": status, "message": message}
    if metadata:
        error["metadata"] = metadata
    return JSONResponse({"error": error}, status_code=status)


def openrouter_app(state: FakeState) -> FastAPI:
    app = FastAPI()

    def unauthorized(request: Request) -> Response | None:
        if request.headers.get("authorization") != f"Bearer {state.api_key}":
            return _or_error(401, "No auth credentials found")
        return None

    def draw(
        model: str, size: tuple[int, int], colors: list[list[int]], background: list[int] | None
    ) -> tuple[bytes, str]:
        if model.endswith("-vector"):
            return vector_svg(*size, colors, background), "image/svg+xml"
        return raster_png(*(state.image_size or size), colors, background), "image/png"

    def usage(model: str) -> dict[str, Any]:
        return {"prompt_tokens": 12, "completion_tokens": 1290, "total_tokens": 1302, "cost": OPENROUTER_MODELS[model]}

    def output_size(ratio: str, image_size: str) -> tuple[int, int]:
        w, h = OPENROUTER_SIZES[ratio]
        return (w * 2, h * 2) if image_size == "2K" else (w, h)

    @app.post("/api/v1/chat/completions")
    async def chat(request: Request) -> Response:
        record = await state.receive(request)
        denied = unauthorized(request) or state.scripted()
        if denied is not None:
            return denied
        body = record.json or {}
        model = body.get("model")
        if model not in OPENROUTER_MODELS:
            return _or_error(400, f"{model} is not a valid model ID")
        if "image" not in (body.get("modalities") or []):
            return _or_error(400, "this model only outputs images: set modalities to ['image']")
        config = body.get("image_config") or {}
        ratio = config.get("aspect_ratio", "1:1")
        if ratio not in OPENROUTER_SIZES:
            return _or_error(400, f"Invalid aspect_ratio {ratio}", param="image_config.aspect_ratio")
        messages = body.get("messages") or []
        if not messages or messages[-1].get("role") != "user":
            return _or_error(400, "messages must end with a user message")
        data, media = draw(
            model,
            output_size(ratio, config.get("image_size", "1K")),
            config.get("rgb_colors", []),
            config.get("background_rgb_color"),
        )
        url = f"data:{media};base64,{base64.b64encode(data).decode()}"
        return JSONResponse(
            {
                "id": f"gen-{uuid.uuid4().hex[:12]}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {
                            "role": "assistant",
                            "content": "",
                            "images": [{"type": "image_url", "image_url": {"url": url}}],
                        },
                    }
                ],
                "usage": usage(model),
            }
        )

    @app.post("/api/v1/images")
    async def images(request: Request) -> Response:
        record = await state.receive(request)
        denied = unauthorized(request) or state.scripted()
        if denied is not None:
            return denied
        body = record.json or {}
        model = body.get("model")
        if model not in OPENROUTER_MODELS:
            return _or_error(400, f"{model} is not a valid model ID")
        ratio = body.get("aspect_ratio", "1:1")
        if ratio not in OPENROUTER_SIZES:
            return _or_error(400, f"Invalid aspect_ratio {ratio}", param="aspect_ratio")
        options = ((body.get("provider") or {}).get("options") or {}).get("recraft") or {}
        data, media = draw(
            model,
            output_size(ratio, body.get("resolution", "1K")),
            options.get("rgb_colors", []),
            options.get("background_rgb_color"),
        )
        if body.get("output_format") == "svg" and media != "image/svg+xml":
            return _or_error(400, "output_format svg needs a vector model", param="output_format")
        return JSONResponse(
            {
                "created": int(time.time()),
                "data": [{"b64_json": base64.b64encode(data).decode(), "media_type": media}],
                "usage": usage(model),
            }
        )

    return app


# -- serving ----------------------------------------------------------------------------------------------------------


class FakeUpstream:
    """A fake app served on a free loopback port in a background thread (stopped on exit or after `lifetime`)."""

    def __init__(self, make_app: Callable[[FakeState], FastAPI], *, lifetime: float = 600.0) -> None:
        self.state = FakeState()
        self.app = make_app(self.state)
        self.lifetime = lifetime
        self.url = ""
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None

    # knobs, forwarded
    @property
    def requests(self) -> list[Recorded]:
        return self.state.requests

    @property
    def api_key(self) -> str:
        return self.state.api_key

    def fail(self, status: int, body: Any = "", **kwargs: Any) -> None:
        self.state.fail(status, body, **kwargs)

    def __enter__(self) -> FakeUpstream:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True, name=f"fake-upstream-{port}"
        )
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("fake upstream did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port}"
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self.stop()
