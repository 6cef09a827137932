"""OpenRouter as a backend: chat completions with image output, or the images API (api-landscape.md §2).

chat (default)   POST {base}/api/v1/chat/completions
                 {model, messages: [{role: user, content: prompt | [text, image_url]}], modalities: ["image"],
                  image_config: {aspect_ratio, image_size, strength, rgb_colors, background_rgb_color}, seed}
                 → choices[0].message.images[].image_url.url (data URLs)
images           POST {base}/api/v1/images
                 {model, prompt, n: 1, aspect_ratio, resolution, output_format, seed, input_references,
                  provider: {options: {recraft: {rgb_colors, background_rgb_color, strength}}}}
                 → data[].{b64_json, media_type}

Pick the route with ARTBOARD_OPENROUTER_ROUTE = chat | images. Models by public id map to OpenRouter slugs
(recraft/recraft-v4, …; override with ARTBOARD_OPENROUTER_MODELS). `usage.cost` (USD) is reported as `cost_usd`.
Optional attribution headers: ARTBOARD_OPENROUTER_REFERER (HTTP-Referer) and ARTBOARD_OPENROUTER_TITLE (X-Title).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, ClassVar

from artboard.backends.base import Design
from artboard.backends.upstream.common import UPSTREAM_CAPABILITIES, UpstreamBackend, UpstreamConfig, rgb, status_error
from artboard.backends.upstream.media import b64decode, data_url, design_from_bytes, input_image, parse_data_url
from artboard.errors import BackendError
from artboard.spec import GenerationSpec

OPENROUTER_BASE_URL = "https://openrouter.ai"
# image_config.aspect_ratio values every image model on OpenRouter accepts (1:4 … 8:1 are gemini-only).
ASPECT_RATIOS = ("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9")


def nearest_aspect_ratio(width: int, height: int) -> str:
    """The supported aspect ratio closest to width:height (the decoded result is then cropped exactly)."""

    def distance(ratio: str) -> float:
        w, h = (int(p) for p in ratio.split(":"))
        return abs(math.log(width / height) - math.log(w / h))

    return min(ASPECT_RATIOS, key=distance)


class OpenRouterBackend(UpstreamBackend):
    name = "openrouter"
    provider = "openrouter"
    model_id = "openrouter-api-v1"
    capabilities = dataclasses.replace(UPSTREAM_CAPABILITIES, seed=False)  # chat route takes no seed
    defaults: ClassVar[dict[str, Any]] = {
        "base_url": OPENROUTER_BASE_URL,
        "models": {
            "artboard-v1": "recraft/recraft-v4",
            "artboard-v1-vector": "recraft/recraft-v4-vector",
            "artboard-v1-pro": "recraft/recraft-v4-pro",
            "artboard-v1-pro-vector": "recraft/recraft-v4-pro-vector",
        },
        "route": "chat",
        "title": "artboard",
    }
    option_names: ClassVar[tuple[str, ...]] = ("route", "referer", "title")
    prices: ClassVar[dict[str, float]] = {
        "recraft/recraft-v4": 0.04,
        "recraft/recraft-v4-vector": 0.08,
        "recraft/recraft-v4-pro": 0.25,
        "recraft/recraft-v4-pro-vector": 0.30,
    }

    def call(self, config: UpstreamConfig, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        model = self.upstream_model(spec, config)
        headers = {}
        if config.options.get("referer"):
            headers["HTTP-Referer"] = config.options["referer"]
        if config.options.get("title"):
            headers["X-Title"] = config.options["title"]
        route = config.options.get("route", "chat")
        if route == "images":
            body = self.http.json(
                config, "POST", "/api/v1/images", json_body=images_body(spec, model, seed), headers=headers
            )
            _raise_body_error(body)
            raw, media = _images_result(body)
        elif route == "chat":
            body = self.http.json(
                config, "POST", "/api/v1/chat/completions", json_body=chat_body(spec, model, seed), headers=headers
            )
            _raise_body_error(body)
            raw, media = self._chat_result(body, config)
        else:
            raise BackendError(f"openrouter: unknown route {route!r} (ARTBOARD_OPENROUTER_ROUTE: chat or images)")
        design, info = design_from_bytes(raw, spec, media)
        usage = body.get("usage")
        cost = usage.get("cost") if isinstance(usage, dict) else None
        design.info = {
            "upstream_model": model,
            "upstream_route": route,
            **({"upstream_id": body["id"]} if isinstance(body.get("id"), str) else {}),
            **info,
            **self.cost(model, float(cost) if isinstance(cost, int | float) else None),
        }
        return design

    def _chat_result(self, body: dict[str, Any], config: UpstreamConfig) -> tuple[bytes, str | None]:
        choices = body.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            raise BackendError("openrouter: response has no choices", details={"provider": self.provider})
        message = choices[0].get("message") or {}
        images = message.get("images") if isinstance(message, dict) else None
        if not isinstance(images, list) or not images:
            said = str(message.get("content") or "")[:200] if isinstance(message, dict) else ""
            reason = choices[0].get("finish_reason")
            raise BackendError(
                f"openrouter: the model returned no image (finish_reason={reason}){': ' + said if said else ''}",
                details={"provider": self.provider},
            )
        url = (images[0].get("image_url") or {}).get("url") if isinstance(images[0], dict) else None
        if not isinstance(url, str):
            raise BackendError("openrouter: image has no image_url.url", details={"provider": self.provider})
        if url.startswith("data:"):
            media, raw = parse_data_url(url)
            return raw, media
        return self.http.download(url, config), None


def _image_size(spec: GenerationSpec) -> str:
    return "2K" if spec.tier == "pro" else "1K"


def chat_body(spec: GenerationSpec, model: str, seed: int) -> dict[str, Any]:
    image_config: dict[str, Any] = {
        "aspect_ratio": nearest_aspect_ratio(spec.width, spec.height),
        "image_size": _image_size(spec),
    }
    content: str | list[dict[str, Any]] = spec.prompt
    if spec.image is not None:
        data, media = input_image(spec)
        content = [
            {"type": "text", "text": spec.prompt},
            {"type": "image_url", "image_url": {"url": data_url(data, media)}},
        ]
        image_config["strength"] = spec.effective_strength
    if spec.palette:
        image_config["rgb_colors"] = [rgb(c) for c in spec.palette]
    if isinstance(spec.background, tuple):
        image_config["background_rgb_color"] = rgb(spec.background)
    return {
        "model": model,
        "messages": [{"role": "user", "content": content}],
        "modalities": ["image"],
        "image_config": image_config,
        "seed": seed,
        "stream": False,
    }


def images_body(spec: GenerationSpec, model: str, seed: int) -> dict[str, Any]:
    vector = spec.output == "vector" and "vector" in model
    body: dict[str, Any] = {
        "model": model,
        "prompt": spec.prompt,
        "n": 1,
        "aspect_ratio": nearest_aspect_ratio(spec.width, spec.height),
        "resolution": _image_size(spec),
        "output_format": "svg" if vector else "png",
        "seed": seed,
        "response_format": "b64_json",
    }
    if spec.background == "transparent":
        body["background"] = "transparent"
    options: dict[str, Any] = {}
    if spec.image is not None:
        data, media = input_image(spec)
        body["input_references"] = [data_url(data, media)]
        options["strength"] = spec.effective_strength
    if spec.palette:
        options["rgb_colors"] = [rgb(c) for c in spec.palette]
    if isinstance(spec.background, tuple):
        options["background_rgb_color"] = rgb(spec.background)
    if options and model.startswith("recraft/"):
        body["provider"] = {"options": {"recraft": options}}
    return body


def _raise_body_error(body: dict[str, Any]) -> None:
    """A 200 whose body is an error object (OpenRouter's shape) is still an error."""
    error = body.get("error")
    if not error:
        return
    if not isinstance(error, dict):
        raise BackendError(f"openrouter: {str(error)[:200]}", details={"provider": "openrouter"})
    code = error.get("code")
    status = code if isinstance(code, int) and 400 <= code < 600 else 502
    metadata = error.get("metadata") if isinstance(error.get("metadata"), dict) else {}
    raise status_error("openrouter", status, str(error.get("message") or "error"), metadata=metadata)


def _images_result(body: dict[str, Any]) -> tuple[bytes, str | None]:
    data = body.get("data")
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        raise BackendError("openrouter: images response has no data[0]", details={"provider": "openrouter"})
    item = data[0]
    if not isinstance(item.get("b64_json"), str):
        raise BackendError("openrouter: images response has no b64_json", details={"provider": "openrouter"})
    media = item.get("media_type")
    return b64decode(item["b64_json"]), media if isinstance(media, str) else None
