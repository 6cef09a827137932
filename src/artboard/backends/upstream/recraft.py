"""Recraft's official API as a backend: generations, imageToImage and vectorize (api-landscape.md §1).

    POST {base}/v1/images/generations   {prompt, model, size, n: 1, random_seed, controls, response_format}
    POST {base}/v1/images/imageToImage  the same + image (JSON `image_url` data URL, or multipart `image`) + strength
    POST {base}/v1/images/vectorize     file (JSON `file_url` data URL, or multipart `file`) [+ strict_color_palette]

Models by public id: artboard-v1 → recraftv4, -vector → recraftv4_vector, -pro → recraftv4_pro,
-pro-vector → recraftv4_pro_vector (override with ARTBOARD_RECRAFT_MODELS). Vector models answer SVG, which passes
through to the engine (sanitised and palette-enforced there). The response's `credits` (API units, 1000 = 1 USD)
become `cost_usd` in the design info; without them the list price is reported.

Options: ARTBOARD_RECRAFT_UPLOAD = json (default) | multipart, how input images are sent;
ARTBOARD_RECRAFT_VECTORIZE = local (default) | upstream, who traces a raster model's output when SVG is asked for.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from artboard.backends.base import Design
from artboard.backends.upstream.common import UPSTREAM_CAPABILITIES, UpstreamBackend, UpstreamConfig, rgb
from artboard.backends.upstream.media import b64decode, data_url, design_from_bytes, input_image, media_type_of
from artboard.colors import RGB
from artboard.errors import BackendError, BackendUnavailable
from artboard.spec import GenerationSpec

RECRAFT_BASE_URL = "https://external.api.recraft.ai"
USD_PER_UNIT = 0.001  # Recraft bills in API units: 1 USD = 1,000 units


class RecraftBackend(UpstreamBackend):
    name = "recraft"
    provider = "recraft"
    model_id = "recraft-external-api-v1"
    capabilities = UPSTREAM_CAPABILITIES
    defaults: ClassVar[dict[str, Any]] = {
        "base_url": RECRAFT_BASE_URL,
        "models": {
            "artboard-v1": "recraftv4",
            "artboard-v1-vector": "recraftv4_vector",
            "artboard-v1-pro": "recraftv4_pro",
            "artboard-v1-pro-vector": "recraftv4_pro_vector",
        },
        "upload": "json",
        "vectorize": "local",
    }
    option_names: ClassVar[tuple[str, ...]] = ("upload", "vectorize")
    prices: ClassVar[dict[str, float]] = {
        "recraftv4": 0.04,
        "recraftv4_vector": 0.08,
        "recraftv4_pro": 0.25,
        "recraftv4_pro_vector": 0.30,
        "recraftv4_1": 0.035,
        "recraftv4_1_vector": 0.08,
        "recraftv4_1_pro": 0.21,
    }

    def call(self, config: UpstreamConfig, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        model = self.upstream_model(spec, config)
        fields: dict[str, Any] = {
            "prompt": spec.prompt,
            "model": model,
            "n": 1,
            "random_seed": seed,
            "response_format": "b64_json",
        }
        controls = recraft_controls(spec.palette, spec.background)
        if spec.image is None:
            fields["size"] = f"{spec.width}x{spec.height}"
            body = self._post(config, "/v1/images/generations", fields, controls)
        else:
            fields["strength"] = spec.effective_strength
            image, media = input_image(spec)
            body = self._post(config, "/v1/images/imageToImage", fields, controls, upload=("image", image, media))
        item = _first(body, "data")
        raw = self._image_bytes(item, config)
        design, info = design_from_bytes(raw, spec)
        units = body.get("credits")
        cost = float(units) * USD_PER_UNIT if isinstance(units, int | float) else None
        if spec.output == "vector" and design.svg is None and config.options.get("vectorize") == "upstream":
            svg, traced = self.vectorize(raw, palette=spec.palette, config=config)
            design, vector_info = design_from_bytes(svg.encode("utf-8"), spec)
            info.update(vector_info)
            info["vectorized_by"] = "recraft"
            if cost is not None and traced.get("cost_usd") is not None:
                cost += float(traced["cost_usd"])
        design.info = {
            "upstream_model": model,
            **({"upstream_image_id": item["image_id"]} if item.get("image_id") else {}),
            **({"upstream_credits": units} if units is not None else {}),
            **info,
            **self.cost(model, cost),
        }
        return design

    def vectorize(
        self, image: bytes, *, palette: tuple[RGB, ...] | None = None, config: UpstreamConfig | None = None
    ) -> tuple[str, dict[str, Any]]:
        """Trace a raster image with Recraft's vectorize endpoint: (SVG text, info with cost_usd)."""
        config = config or self.config()
        if not config.api_key:
            raise BackendUnavailable(
                "recraft: no API key (set ARTBOARD_RECRAFT_API_KEY)", details={"provider": self.provider}
            )
        fields: dict[str, Any] = {"response_format": "b64_json"}
        if palette:
            fields["strict_color_palette"] = [rgb(c) for c in palette]
        body = self._post(config, "/v1/images/vectorize", fields, None, upload=("file", image, media_type_of(image)))
        image_item = body.get("image")
        if not isinstance(image_item, dict):
            raise BackendError("recraft: vectorize response has no image", details={"provider": self.provider})
        raw = self._image_bytes(image_item, config)
        units = body.get("credits")
        info: dict[str, Any] = {}
        if isinstance(units, int | float):
            info["cost_usd"] = round(float(units) * USD_PER_UNIT, 6)
        try:
            return raw.decode("utf-8"), info
        except UnicodeDecodeError:
            raise BackendError("recraft: vectorize returned something that is not SVG text") from None

    def _post(
        self,
        config: UpstreamConfig,
        path: str,
        fields: dict[str, Any],
        controls: dict[str, Any] | None,
        *,
        upload: tuple[str, bytes, str] | None = None,
    ) -> dict[str, Any]:
        if upload is not None and config.options.get("upload") == "multipart":
            name, data, media = upload
            form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()}
            if controls:
                form["controls"] = json.dumps(controls)
            extension = media.rsplit("/", 1)[-1].replace("jpeg", "jpg")
            files = {name: (f"{name}.{extension}", data, media)}
            return self.http.json(config, "POST", path, data=form, files=files)
        payload = dict(fields)
        if upload is not None:
            name, data, media = upload
            payload[f"{name}_url"] = data_url(data, media)
        if controls:
            payload["controls"] = controls
        return self.http.json(config, "POST", path, json_body=payload)

    def _image_bytes(self, item: dict[str, Any], config: UpstreamConfig) -> bytes:
        if isinstance(item.get("b64_json"), str):
            return b64decode(item["b64_json"])
        if isinstance(item.get("url"), str):
            return self.http.download(item["url"], config)
        raise BackendError("recraft: response image has neither b64_json nor url", details={"provider": self.provider})


def recraft_controls(palette: tuple[RGB, ...] | None, background: Any) -> dict[str, Any] | None:
    """`controls` for a palette and background: {colors: [{rgb}], background_color: {rgb}}."""
    controls: dict[str, Any] = {}
    if palette:
        controls["colors"] = [{"rgb": rgb(color)} for color in palette]
    if isinstance(background, tuple):
        controls["background_color"] = {"rgb": rgb(background)}
    return controls or None


def _first(body: dict[str, Any], key: str) -> dict[str, Any]:
    items = body.get(key)
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        raise BackendError(f"recraft: response has no {key}[0]", details={"provider": "recraft"})
    return items[0]
