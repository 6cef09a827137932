"""Plumbing shared by the upstream provider backends: settings, HTTP with bounded retries, error mapping, decoding.

Settings of provider P (``RECRAFT``, ``OPENROUTER``), lowest precedence first: the backend's defaults, the catalogue's
``[backends.<p>]`` table (non-secret values), then the environment:

    ARTBOARD_<P>_API_KEY            the upstream key (without it the backend reports itself unavailable)
    ARTBOARD_<P>_BASE_URL           e.g. https://external.api.recraft.ai
    ARTBOARD_<P>_TIMEOUT            read timeout in seconds (connect timeout: 10 s)
    ARTBOARD_<P>_MAX_RETRIES        retries on 408/429/5xx and connect failures (default 2)
    ARTBOARD_<P>_MAX_RETRY_AFTER    longest Retry-After honoured, in seconds; a longer one fails over at once
    ARTBOARD_<P>_MODELS             public model id -> upstream model, JSON object or "id=upstream,id=upstream"
    ARTBOARD_<P>_<OPTION>           backend options (OpenRouter: ROUTE = chat|images; Recraft: UPLOAD = json|multipart)
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx

from artboard.backends.base import Backend, Capabilities, Design
from artboard.errors import (
    ArtboardError,
    BackendError,
    BackendUnavailable,
    ContentBlocked,
    InvalidParameter,
    PayloadTooLarge,
)
from artboard.models import MODELS
from artboard.spec import GenerationSpec

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
_MESSAGE_LIMIT = 300
_sleep: Callable[[float], None] = time.sleep  # tests replace this to record waits instead of sleeping

# Upstream field names -> our parameter names, most specific first (for 400s that name what was wrong).
_PARAM_WORDS: tuple[tuple[str, str], ...] = (
    ("background_rgb_color", "background"),
    ("background_color", "background"),
    ("rgb_colors", "palette"),
    ("colors", "palette"),
    ("random_seed", "seed"),
    ("seed", "seed"),
    ("image_size", "size"),
    ("aspect_ratio", "size"),
    ("resolution", "size"),
    ("size", "size"),
    ("strength", "strength"),
    ("image_url", "image"),
    ("input_references", "image"),
    ("image", "image"),
    ("prompt", "prompt"),
    ("model", "model"),
)

# What both remote providers (Recraft's API, OpenRouter's Recraft models) can do; each adjusts what differs.
UPSTREAM_CAPABILITIES = Capabilities(
    raster=True,
    vector=True,
    img2img=True,
    seed=True,
    transparent=False,
    photoreal=True,
    max_pixels=3072 * 1536,
    remote=True,
    palette_control=True,
    cost_per_image_usd=0.04,
)


@dataclass(frozen=True)
class UpstreamConfig:
    """Everything a provider backend needs to reach its upstream (the key is never shown by `public()`)."""

    provider: str
    base_url: str
    api_key: str | None = field(default=None, repr=False)
    timeout_seconds: float = 120.0
    connect_timeout_seconds: float = 10.0
    max_retries: int = 2
    max_retry_after_seconds: float = 30.0
    backoff_seconds: float = 1.0
    models: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, str] = field(default_factory=dict)
    sleep: Callable[[float], None] | None = field(default=None, repr=False, compare=False)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def public(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "api_key": "set" if self.api_key else "missing",
            "timeout_seconds": self.timeout_seconds,
            "max_retries": self.max_retries,
            "models": dict(self.models),
            **dict(self.options),
        }


def _env(provider: str, name: str) -> str | None:
    value = os.environ.get(f"ARTBOARD_{provider.upper()}_{name}")
    return value.strip() if value is not None and value.strip() else None


def _parse_models(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    text = str(value).strip()
    if text.startswith("{"):
        try:
            parsed = json.loads(text)
        except ValueError as exc:
            raise InvalidParameter(f"{where} is not valid JSON: {exc}", param=where) from None
        if not isinstance(parsed, dict):
            raise InvalidParameter(f"{where} must be a JSON object", param=where)
        return {str(k): str(v) for k, v in parsed.items()}
    pairs = [part.split("=", 1) for part in text.split(",") if part.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise InvalidParameter(f"{where} must be id=upstream pairs separated by commas", param=where)
    return {k.strip(): v.strip() for k, v in pairs}


def _number(value: Any, where: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InvalidParameter(f"{where} must be a number, got {value!r}", param=where) from None


def load_config(provider: str, defaults: Mapping[str, Any], option_names: tuple[str, ...] = ()) -> UpstreamConfig:
    """Defaults < catalogue ``[backends.<provider>]`` < ``ARTBOARD_<PROVIDER>_*`` environment."""
    from artboard import routing

    merged: dict[str, Any] = {**defaults, **routing.backend_settings(provider)}
    models = _parse_models(defaults.get("models", {}), "models")
    models.update(_parse_models(merged.get("models", {}), "models"))
    env_models = _env(provider, "MODELS")
    if env_models:
        models.update(_parse_models(env_models, f"ARTBOARD_{provider.upper()}_MODELS"))
    env_names = {
        "api_key": "API_KEY",
        "base_url": "BASE_URL",
        "timeout_seconds": "TIMEOUT",
        "max_retries": "MAX_RETRIES",
        "max_retry_after_seconds": "MAX_RETRY_AFTER",
    }
    for key, env_name in env_names.items():
        value = _env(provider, env_name)
        if value is not None:
            merged[key] = value
    options = {name: str(merged[name]) for name in option_names if name in merged}
    for name in option_names:
        value = _env(provider, name.upper())
        if value is not None:
            options[name] = value
    prefix = f"ARTBOARD_{provider.upper()}_"
    return UpstreamConfig(
        provider=provider,
        base_url=str(merged.get("base_url") or ""),
        api_key=str(merged["api_key"]) if merged.get("api_key") else None,
        timeout_seconds=_number(merged.get("timeout_seconds", 120.0), prefix + "TIMEOUT"),
        max_retries=max(0, int(_number(merged.get("max_retries", 2), prefix + "MAX_RETRIES"))),
        max_retry_after_seconds=_number(merged.get("max_retry_after_seconds", 30.0), prefix + "MAX_RETRY_AFTER"),
        models=models,
        options=options,
    )


# -- errors -----------------------------------------------------------------------------------------------------------


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def guess_param(*texts: str | None) -> str | None:
    """Our parameter name for an upstream field named in `texts` (an explicit param first, then the message)."""
    for text in texts:
        if not text:
            continue
        for word, param in _PARAM_WORDS:
            if re.search(rf"(?<![a-z_]){re.escape(word)}(?![a-z_])", text.lower()):
                return param
    return None


def retry_after(response: httpx.Response) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None when absent or unreadable."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def error_body(text: str) -> tuple[str, str | None, dict[str, Any]]:
    """(message, explicit param, metadata) of an error body: OpenRouter ``{error:{code,message,metadata}}``,
    ``{code,message}``, ``{detail}``, ``{error:"…"}`` or plain text."""
    stripped = text.strip()
    if not stripped.startswith("{"):
        return stripped, None, {}
    try:
        body = json.loads(stripped)
    except ValueError:
        return stripped, None, {}
    if not isinstance(body, dict):
        return stripped, None, {}
    inner = body.get("error")
    if isinstance(inner, dict):
        raw_metadata = inner.get("metadata")
        metadata: dict[str, Any] = raw_metadata if isinstance(raw_metadata, dict) else {}
        message = str(inner.get("message") or stripped)
        param = inner.get("param") or body.get("param") or metadata.get("param")
        extra = {k: v for k, v in inner.items() if k in ("code", "type", "error_type")}
        return message, str(param) if param else None, {**metadata, **extra}
    detail = body.get("detail")
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):  # FastAPI-style validation errors
        loc = ".".join(str(p) for p in detail[0].get("loc", ()) if p != "body")
        return str(detail[0].get("msg", stripped)), loc or None, {}
    message = body.get("message") or (inner if isinstance(inner, str) else None) or detail or stripped
    param = body.get("param")
    extra = {k: body[k] for k in ("code", "error_type") if k in body}
    return str(message), str(param) if param else None, extra


def status_error(
    provider: str,
    status: int,
    message: str,
    *,
    param: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    wait: float | None = None,
) -> ArtboardError:
    """Our error for an upstream HTTP status (see docs/backends-upstream.md for the table)."""
    meta = dict(metadata or {})
    text = _short(message) or f"HTTP {status}"
    details: dict[str, Any] = {"provider": provider, "upstream_status": status, "upstream_message": text}
    if wait is not None:
        details["retry_after"] = wait
    ours = guess_param(param, message)
    if status in (400, 422):
        return InvalidParameter(f"{provider} rejected the request: {text}", param=ours, details=details)
    if status == 413:
        return PayloadTooLarge(f"{provider}: request too large: {text}", param=ours or "image", details=details)
    moderation = str(meta.get("error_type") or meta.get("type") or "")
    if status == 403 and ("reasons" in meta or "flagged_input" in meta or "content_policy" in moderation):
        return ContentBlocked(f"{provider} refused the request (moderation): {text}", details=details)
    if status in (401, 403):
        return BackendUnavailable(f"{provider}: bad upstream key (HTTP {status}: {text})", details=details)
    if status == 402:
        return BackendUnavailable(
            f"{provider}: upstream account has no credits left (HTTP 402: {text})", details=details
        )
    if status == 404:
        return BackendUnavailable(
            f"{provider}: upstream endpoint or model not found (HTTP 404: {text}); check the base URL and model map",
            details=details,
        )
    if status in (429, 503):
        return BackendUnavailable(f"{provider}: upstream overloaded (HTTP {status}: {text})", details=details)
    return BackendError(f"{provider}: upstream failed (HTTP {status}: {text})", details=details)


def response_error(provider: str, response: httpx.Response) -> ArtboardError:
    """Map a failed response; the body is read as text first (Recraft may answer text/plain)."""
    text = response.text
    content_type = response.headers.get("content-type", "")
    if "json" in content_type or text.lstrip().startswith("{"):
        message, param, metadata = error_body(text)
    else:
        message, param, metadata = text.strip(), None, {}
    return status_error(
        provider, response.status_code, message, param=param, metadata=metadata, wait=retry_after(response)
    )


# -- HTTP -------------------------------------------------------------------------------------------------------------


class UpstreamHTTP:
    """One pooled httpx client per backend, requests with bounded retries that honour Retry-After."""

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(follow_redirects=False, headers={"User-Agent": "artboard"})
            return self._client

    def request(
        self,
        config: UpstreamConfig,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        timeout = httpx.Timeout(
            config.timeout_seconds, connect=min(config.connect_timeout_seconds, config.timeout_seconds)
        )
        all_headers = {"Authorization": f"Bearer {config.api_key}", **(headers or {})}
        url = config.url(path)
        sleep = config.sleep or _sleep
        for attempt in range(config.max_retries + 1):
            last = attempt >= config.max_retries
            wait = config.backoff_seconds * (2**attempt)
            try:
                response = self.client().request(
                    method, url, json=json_body, data=data, files=files, headers=all_headers, timeout=timeout
                )
            except httpx.TimeoutException as exc:
                error: ArtboardError = BackendError(
                    f"{self.provider}: upstream timed out ({type(exc).__name__} after {config.timeout_seconds:g}s)",
                    details={"provider": self.provider, "timeout": True},
                )
                if not isinstance(exc, httpx.ConnectTimeout):
                    # The upstream may still finish (and bill) a request we stopped waiting for: never resend it.
                    raise error from None
            except httpx.HTTPError as exc:
                error = BackendUnavailable(
                    f"{self.provider}: cannot reach {config.base_url}: {type(exc).__name__}: {_short(str(exc))}",
                    details={"provider": self.provider},
                )
            else:
                if response.status_code < 400:
                    return response
                error = response_error(self.provider, response)
                if response.status_code not in RETRY_STATUSES:
                    raise error
                told = retry_after(response)
                if told is not None:
                    if told > config.max_retry_after_seconds:
                        raise error  # longer than we are willing to wait: let routing try the next backend
                    wait = told
            if last:
                raise error
            sleep(min(wait, config.max_retry_after_seconds))
        raise AssertionError("unreachable")

    def json(self, config: UpstreamConfig, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = self.request(config, method, path, **kwargs)
        try:
            body = response.json()
        except ValueError:
            raise BackendError(
                f"{self.provider}: upstream answered {response.status_code} with a non-JSON body: "
                f"{_short(response.text)}",
                details={"provider": self.provider},
            ) from None
        if not isinstance(body, dict):
            raise BackendError(f"{self.provider}: upstream answered with a JSON {type(body).__name__}, not an object")
        return body

    def download(self, url: str, config: UpstreamConfig) -> bytes:
        """An image the upstream returned by URL (only when it ignored response_format=b64_json)."""
        if not url.startswith(("https://", "http://")):
            raise BackendError(f"{self.provider}: upstream returned an unusable image URL {url[:60]!r}")
        try:
            response = self.client().get(url, timeout=config.timeout_seconds)
        except httpx.HTTPError as exc:
            raise BackendError(f"{self.provider}: cannot download the upstream image: {type(exc).__name__}") from exc
        if response.status_code >= 400 or len(response.content) > MAX_DOWNLOAD_BYTES:
            raise BackendError(f"{self.provider}: cannot download the upstream image (HTTP {response.status_code})")
        return response.content


# -- backends ---------------------------------------------------------------------------------------------------------


def public_model(spec: GenerationSpec) -> str:
    """The public model id that matches the spec's tier and output (the key of the model maps)."""
    for model in MODELS:
        if model.tier == spec.tier and model.output == spec.output:
            return model.id
    return spec.model


def rgb(color: tuple[int, int, int]) -> list[int]:
    return [int(c) for c in color]


class UpstreamBackend(Backend):
    """Base of the provider backends: settings read at each call (env changes apply), key checks, HTTP."""

    provider: ClassVar[str] = "upstream"
    defaults: ClassVar[dict[str, Any]] = {}
    option_names: ClassVar[tuple[str, ...]] = ()
    prices: ClassVar[dict[str, float]] = {}

    def __init__(self, config: UpstreamConfig | None = None) -> None:
        self._fixed = config
        self.http = UpstreamHTTP(self.provider)

    def config(self) -> UpstreamConfig:
        return self._fixed if self._fixed is not None else load_config(self.provider, self.defaults, self.option_names)

    def available(self) -> tuple[bool, str]:
        try:
            config = self.config()
        except ArtboardError as exc:
            return False, f"bad settings: {exc.describe()}"
        if not config.api_key:
            return False, f"no API key (set ARTBOARD_{self.provider.upper()}_API_KEY)"
        if not config.base_url:
            return False, f"no base URL (set ARTBOARD_{self.provider.upper()}_BASE_URL)"
        return True, "ok"

    def health(self) -> dict[str, Any]:
        try:
            return self.config().public()
        except ArtboardError as exc:
            return {"settings_error": exc.describe()}

    def upstream_model(self, spec: GenerationSpec, config: UpstreamConfig) -> str:
        public = public_model(spec)
        model = config.models.get(public)
        if not model:
            raise BackendUnavailable(
                f"{self.provider}: no upstream model configured for {public}",
                details={"provider": self.provider, "model": public},
            )
        return model

    def cost(self, model: str, reported: float | None) -> dict[str, Any]:
        if reported is not None:
            return {"cost_usd": round(reported, 6), "cost_source": "upstream"}
        if model in self.prices:
            return {"cost_usd": self.prices[model], "cost_source": "list_price"}
        return {}

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        config = self.config()
        ok, why = self.available()
        if not ok:
            raise BackendUnavailable(f"{self.provider}: {why}", details={"provider": self.provider})
        design = self.call(config, spec, seed=seed, index=index)
        design.info = {"provider": self.provider, **design.info}
        return design

    def call(self, config: UpstreamConfig, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        raise NotImplementedError
