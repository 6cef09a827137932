"""Runware field validators: each raises InvalidParameter naming the Runware field (no I/O).

Shared by protocol.py (inference and vectorize tasks) and tools.py (image-tool tasks).
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from collections.abc import Mapping
from typing import Any

from artboard.colors import RGB, parse_color, parse_palette
from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.server.notices import warn_ignored, warn_param
from artboard.server.runware.tasks import MAX_TTL, OUTPUT_TYPES, ImageRef, Output
from artboard.spec import integer_param

_BASE64_RE = re.compile(r"^[A-Za-z0-9+/_\-\s]+={0,2}\s*$")


def task_uuid_of(value: Any) -> str:
    if value is None:
        raise InvalidParameter("taskUUID is required (a UUID v4)", param="taskUUID", details={"missing": True})
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise InvalidParameter(f"taskUUID {value!r} is not a UUID", param="taskUUID", allowed="a UUID v4") from None


def image_ref(value: Any, param: str) -> ImageRef:
    """Classify an image reference without fetching or decoding it."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameter(
            f"{param} must be a URL, a data URI, base64 data or the UUID of an uploaded or generated image",
            param=param,
        )
    text = value.strip()
    head = text[:16].lower()
    if head.startswith(("http://", "https://")):
        return ImageRef("url", text, param)
    if head.startswith("data:"):
        return ImageRef("data_uri", text, param)
    if len(text) == 36:
        try:
            return ImageRef("uuid", str(uuid.UUID(text)), param)
        except ValueError:
            pass
    if _BASE64_RE.match(text[:4096]):
        return ImageRef("base64", text, param)
    raise InvalidParameter(
        f"{param} is not a URL, a data URI, base64 data or an image UUID",
        param=param,
        allowed="http(s) URL, data URI, base64, UUID",
    )


def decode_base64(text: str, param: str) -> bytes:
    cleaned = "".join(text.split())
    if len(cleaned) * 3 // 4 > 10 * 1024 * 1024 + 3:
        raise PayloadTooLarge(f"{param} is over the 10 MB limit", param=param)
    standard = cleaned.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidParameter(f"{param} is not valid base64: {exc}", param=param) from None


def output_of(raw: dict[str, Any]) -> Output:
    output_type = choice(raw.get("outputType"), OUTPUT_TYPES, "outputType", exact_case=True) or "URL"
    delivery = choice(raw.get("deliveryMethod"), ("SYNC", "ASYNC"), "deliveryMethod") or "SYNC"
    ttl: int | None = None
    if raw.get("ttl") is not None:
        ttl = integer_param(raw["ttl"], "ttl", 60, MAX_TTL)
        if output_type != "URL":
            warn_param("runware", f"ttl is ignored: it applies to outputType URL only, not {output_type}")
            ttl = None
    return Output(
        output_type=output_type,
        include_cost=boolean(raw.get("includeCost", False), "includeCost"),
        delivery_method="async" if delivery == "ASYNC" else "sync",
        webhook_url=url(raw.get("webhookURL"), "webhookURL"),
        upload_endpoint=url(raw.get("uploadEndpoint"), "uploadEndpoint"),
        ttl=ttl,
    )


def recraft_settings(raw: dict[str, Any]) -> tuple[tuple[RGB, ...] | None, RGB | None]:
    settings = raw.get("providerSettings")
    if settings is None:
        return None, None
    if not isinstance(settings, dict):
        raise InvalidParameter("providerSettings must be an object", param="providerSettings")
    recraft = settings.get("recraft")
    others = sorted(k for k in settings if k != "recraft")
    if others:
        ignored = {f"providerSettings.{name}" for name in others}
        warn_ignored("runware", ignored, "only providerSettings.recraft applies")
    if recraft is None:
        return None, None
    if not isinstance(recraft, dict):
        raise InvalidParameter("providerSettings.recraft must be an object", param="providerSettings.recraft")
    palette: tuple[RGB, ...] | None = None
    background: RGB | None = None
    colors = recraft.get("colors")
    if colors is not None:
        param = "providerSettings.recraft.colors"
        if not isinstance(colors, list) or not colors or not all(isinstance(c, Mapping) for c in colors):
            raise InvalidParameter("colors must be a non-empty array of {rgb: [r, g, b]}", param=param)
        palette = parse_palette([rgb_of(c, param) for c in colors], param=param)
    if recraft.get("backgroundColor") is not None:
        param = "providerSettings.recraft.backgroundColor"
        if not isinstance(recraft["backgroundColor"], Mapping):
            raise InvalidParameter("backgroundColor must be {rgb: [r, g, b]}", param=param)
        background = rgb_of(recraft["backgroundColor"], param)
    return palette, background


def rgb_of(value: Mapping[str, Any], param: str) -> RGB:
    rgb = value.get("rgb")
    if (
        not isinstance(rgb, list)
        or len(rgb) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in rgb)
    ):
        raise InvalidParameter(
            "rgb must be an array of three integers 0..255", param=f"{param}.rgb", allowed="[r, g, b], each 0..255"
        )
    return parse_color(list(rgb), param=f"{param}.rgb")


def safety_of(raw: dict[str, Any]) -> bool | None:
    safety = raw.get("safety")
    if safety is not None:
        if not isinstance(safety, dict):
            raise InvalidParameter("safety must be an object", param="safety")
        mode = choice(safety.get("mode"), ("NONE", "FAST"), "safety.mode")
        check = safety.get("checkContent")
        if check is not None:
            enabled = boolean(check, "safety.checkContent")
            return enabled and mode != "NONE"
        if mode is not None:
            return mode == "FAST"
    if raw.get("checkNsfw") is not None:
        return boolean(raw["checkNsfw"], "checkNsfw")
    return None


def required(raw: dict[str, Any], name: str) -> Any:
    if raw.get(name) is None:
        raise InvalidParameter(f"{name} is required", param=name, details={"missing": True})
    return raw[name]


def string(value: Any, param: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameter(f"{param} must be a non-empty string", param=param)
    return value.strip()


def choice(
    value: Any, allowed: tuple[str, ...], param: str, aliases: dict[str, str] | None = None, *, exact_case: bool = False
) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        if exact_case:
            by_lower = {a.lower(): a for a in allowed}
            if value.strip().lower() in by_lower:
                return by_lower[value.strip().lower()]
        else:
            text = value.strip().upper()
            text = (aliases or {}).get(text, text)
            if text in allowed:
                return text
    raise InvalidParameter(f"unsupported {param} {value!r}", param=param, allowed=allowed)


def boolean(value: Any, param: str) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidParameter(f"{param} must be true or false, got {value!r}", param=param, allowed=["true", "false"])


def unit(value: Any, param: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
        raise InvalidParameter(f"{param} must be a number from 0 to 1, got {value!r}", param=param, allowed="0..1")
    return float(value)


def url(value: Any, param: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip().lower().startswith(("http://", "https://")):
        raise InvalidParameter(f"{param} must be an http(s) URL", param=param)
    return value.strip()
