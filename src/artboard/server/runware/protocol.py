"""Runware task objects: lenient parsing into typed tasks, and their conversion to the strict GenerationSpec.

Nothing here does I/O. Image references (URL, data URI, base64, UUID) are classified, not fetched; serving.py
resolves them. Unknown fields are accepted and logged; a known field with a wrong type or value raises
`InvalidParameter` naming the Runware parameter, so the error object's `parameter` is what the client sent.

Decisions where Runware leaves room:
- `taskUUID` must parse as a UUID (any version; Runware documents v4) and is echoed in canonical form.
- `width`/`height` must come together and be in the model's tier table; when both are absent the tier's 1:1 size
  is used. The error names `width` (or `height` when the width exists in the table) and lists the sizes.
- `seed` is 0..2**63-1 as on Runware; the engine draws with it modulo 2**32, and results report the seed as sent
  (plus the image's index), so sending a reported seed back draws the same image.
- `outputFormat: "SVG"` switches a raster model to its vector twin; a vector model defaults to SVG and refuses
  raster formats. `outputQuality` (default 95 for JPG/WEBP, as Runware) is ignored for SVG.
- `seedImage` without `strength` uses Runware's default strength 0.8.
- `safety`: `checkContent: true` or `mode: "fast"` (or the deprecated `checkNsfw: true`) turn the safety check on,
  `checkContent: false`/`mode: "none"` turn it off; absent, the server's default (on) applies.
- `negativePrompt`, `steps`, `CFGScale`, `scheduler`, `lora`, … are accepted and ignored (V4 ignores negative
  prompts); `ttl` only applies to `outputType: "URL"` and is ignored otherwise.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from artboard.colors import RGB, parse_color, parse_palette
from artboard.errors import ArtboardError, InvalidParameter, PayloadTooLarge
from artboard.jobs.pricing import dialect_model
from artboard.models import ModelInfo, resolve_model, vector_twin
from artboard.server.notices import warn_ignored, warn_param
from artboard.sizes import SIZE_TABLES, sizes, tier_of_size
from artboard.spec import MAX_N, MAX_PROMPT, MAX_SEED, GenerationSpec, integer_param, make_spec

log = logging.getLogger("artboard.server.runware")

TASK_TYPES: tuple[str, ...] = (
    "authentication",
    "imageInference",
    "vectorize",
    "imageUpload",
    "getResponse",
    "ping",
    "removeBackground",
    "imageBackgroundRemoval",
    "upscale",
    "imageUpscale",
    "imageCaption",
)
OUTPUT_TYPES: tuple[str, ...] = ("URL", "base64Data", "dataURI")
OUTPUT_FORMATS: tuple[str, ...] = ("JPG", "PNG", "WEBP", "SVG")
VECTORIZE_MODEL = "recraft:1@1"  #: Runware's id of its vectorize model; catalogue vector ids are accepted too
DEFAULT_STRENGTH = 0.8
DEFAULT_QUALITY = 95
MAX_TTL = 30 * 86_400
_FORMAT_ALIASES = {"JPEG": "JPG"}
_BASE64_RE = re.compile(r"^[A-Za-z0-9+/_\-\s]+={0,2}\s*$")

_COMMON = {
    "taskType",
    "taskUUID",
    "includeCost",
    "outputType",
    "outputFormat",
    "deliveryMethod",
    "webhookURL",
    "uploadEndpoint",
    "ttl",
    "model",
    "providerSettings",
}
_INFERENCE = _COMMON | {
    "positivePrompt",
    "width",
    "height",
    "seedImage",
    "maskImage",
    "strength",
    "numberResults",
    "seed",
    "outputQuality",
    "safety",
    "checkNsfw",
    "negativePrompt",
}
#: Runware fields for other model families: accepted so existing clients work, and ignored.
_IGNORED = {
    "negativePrompt",
    "steps",
    "CFGScale",
    "scheduler",
    "lora",
    "controlNet",
    "clipSkip",
    "vae",
    "refiner",
    "embeddings",
    "ipAdapters",
    "acceleratorOptions",
    "advancedFeatures",
    "promptWeighting",
    "usePromptWeighting",
    "maskMargin",
    "referenceImages",
    "outpaint",
    "inputs",
    "numberResultsPerPrompt",
    "styleId",
}


@dataclass(frozen=True)
class ImageRef:
    """An input image as the client referenced it: `url`, `data_uri`, `base64` or `uuid` (an earlier image)."""

    kind: Literal["url", "data_uri", "base64", "uuid"]
    value: str
    param: str


@dataclass(frozen=True)
class Output:
    """How a task's images are returned and delivered."""

    output_type: str = "URL"
    include_cost: bool = False
    delivery_method: Literal["sync", "async"] = "sync"
    webhook_url: str | None = None
    upload_endpoint: str | None = None
    ttl: int | None = None


@dataclass(frozen=True)
class AuthTask:
    api_key: str | None
    session_uuid: str | None
    task_type: str = "authentication"
    task_uuid: str | None = None


@dataclass(frozen=True)
class PingTask:
    task_uuid: str | None
    task_type: str = "ping"


@dataclass(frozen=True)
class GetResponseTask:
    task_uuid: str
    task_type: str = "getResponse"


@dataclass(frozen=True)
class UploadTask:
    task_uuid: str
    image: ImageRef
    task_type: str = "imageUpload"


@dataclass(frozen=True)
class InferenceTask:
    """Text-to-image / image-to-image (`imageInference`), or text-to-vector sent as a `vectorize` task."""

    task_uuid: str
    model_name: str  #: what the job is filed under: the client's id, or the vector twin's id when SVG was asked
    model: ModelInfo
    prompt: str
    options: dict[str, Any]  #: make_spec keyword arguments, without the image
    seed_image: ImageRef | None
    output: Output
    task_type: str = "imageInference"
    #: the seed as sent (0..2**63-1); results report it (+ image index) though the engine draws with it mod 2**32
    requested_seed: int | None = None


@dataclass(frozen=True)
class VectorizeTask:
    task_uuid: str
    model_name: str
    image: ImageRef
    output: Output
    palette: tuple[RGB, ...] | None = None
    task_type: str = "vectorize"


Task = AuthTask | PingTask | GetResponseTask | UploadTask | InferenceTask | VectorizeTask


@dataclass
class TaskFailure(Exception):
    """A task that could not be accepted; rendered as one object of the response's `errors`."""

    error: ArtboardError
    task_type: str | None
    task_uuid: str | None


# ---------------------------------------------------------------------------------------------------- parsing


def parse_body(body: Any) -> list[Any]:
    """The task list: Runware sends an array; a single object is accepted as an array of one."""
    if isinstance(body, list):
        if not body:
            raise InvalidParameter("the request array is empty", param="taskType", allowed=TASK_TYPES)
        return body
    if isinstance(body, dict):
        return [body]
    raise InvalidParameter("the request body must be a JSON array of task objects", param="taskType")


def parse_task(raw: Any) -> Task:
    """A typed task, or TaskFailure carrying whatever taskType/taskUUID could be read."""
    if not isinstance(raw, dict):
        raise TaskFailure(InvalidParameter("each task must be a JSON object", param="taskType"), None, None)
    task_type = raw.get("taskType")
    raw_uuid = raw.get("taskUUID")
    echo_uuid = raw_uuid if isinstance(raw_uuid, str) else None
    echo_type = task_type if isinstance(task_type, str) else None
    try:
        if task_type not in TASK_TYPES:
            missing = task_type is None
            raise InvalidParameter(
                "taskType is required" if missing else f"unsupported taskType {task_type!r}",
                param="taskType",
                allowed=TASK_TYPES,
                details={"missing": missing},
            )
        if task_type == "authentication":
            key = raw.get("apiKey")
            session = raw.get("connectionSessionUUID")
            if key is not None and not isinstance(key, str):
                raise InvalidParameter("apiKey must be a string", param="apiKey")
            return AuthTask(api_key=key, session_uuid=session if isinstance(session, str) else None)
        if task_type == "ping":
            return PingTask(task_uuid=echo_uuid)
        task_uuid = task_uuid_of(raw_uuid)
        echo_uuid = task_uuid
        if task_type == "getResponse":
            return GetResponseTask(task_uuid=task_uuid)
        if task_type == "imageUpload":
            _log_unknown(raw, {"taskType", "taskUUID", "image"}, task_type, task_uuid)
            return UploadTask(task_uuid=task_uuid, image=image_ref(_required(raw, "image"), "image"))
        if task_type == "vectorize":
            return _parse_vectorize(raw, task_uuid)
        if task_type in TASK_TYPES[6:]:  # image tools and captions: server/runware/tools.py
            from artboard.server.runware.tools import parse_tool_task

            return parse_tool_task(raw, task_uuid)  # type: ignore[return-value]
        return _parse_inference(raw, task_uuid)
    except InvalidParameter as error:
        raise TaskFailure(error, echo_type, echo_uuid) from None


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


def build_spec(task: InferenceTask, image: bytes | None) -> GenerationSpec:
    """The strict spec of an inference task (its image resolved to bytes), errors renamed to Runware's fields."""
    options = dict(task.options)
    if image is None:
        options.pop("strength", None)
    try:
        return make_spec(task.prompt, image=image, **options)
    except InvalidParameter as error:
        error.param = _SPEC_TO_RUNWARE.get(error.param or "", error.param)
        raise


_SPEC_TO_RUNWARE = {
    "prompt": "positivePrompt",
    "n": "numberResults",
    "format": "outputFormat",
    "quality": "outputQuality",
    "image": "seedImage",
    "palette": "providerSettings.recraft.colors",
    "size": "width",
    "width/height": "width",
    "background": "providerSettings.recraft.backgroundColor",
    "model": "model",
    "output": "outputFormat",
}


def _parse_inference(raw: dict[str, Any], task_uuid: str, task_type: str = "imageInference") -> InferenceTask:
    _log_unknown(raw, _INFERENCE | _IGNORED, task_type, task_uuid)
    model_name = _string(_required(raw, "model"), "model")
    model = dialect_model("runware", model_name, default=model_name)
    prompt = _required(raw, "positivePrompt")
    if not isinstance(prompt, str) or not prompt.strip() or len(prompt) > MAX_PROMPT:
        raise InvalidParameter(
            "positivePrompt must be a string of 1 to 10000 characters",
            param="positivePrompt",
            allowed=f"1..{MAX_PROMPT} characters",
        )
    fmt = _choice(raw.get("outputFormat"), OUTPUT_FORMATS, "outputFormat", _FORMAT_ALIASES)
    if fmt is None:
        fmt = "SVG" if model.output == "vector" else "JPG"
    if fmt == "SVG" and model.output == "raster":
        model = vector_twin(model)
        model_name = model.id
    elif fmt != "SVG" and model.output == "vector":
        raise InvalidParameter(f"{model_name} produces SVG only", param="outputFormat", allowed=["SVG"])
    width, height = _dimensions(raw, model, model_name)
    options: dict[str, Any] = {
        "model": model.id,
        "tier": model.tier,
        "output": model.output,
        "width": width,
        "height": height,
        "n": integer_param(raw.get("numberResults", 1), "numberResults", 1, MAX_N),
        "format": fmt.lower(),
    }
    requested_seed: int | None = None
    if raw.get("seed") is not None:
        requested_seed = integer_param(raw["seed"], "seed", 0, 2**63 - 1)
        options["seed"] = requested_seed % (MAX_SEED + 1)
    if fmt != "SVG":
        quality = raw.get("outputQuality")
        options["quality"] = (
            integer_param(quality, "outputQuality", 20, 99)
            if quality is not None
            else (DEFAULT_QUALITY if fmt in ("JPG", "WEBP") else None)
        )
    palette, background = _recraft_settings(raw)
    from artboard.server.runware.tools import reference_images_of, style_id_of

    if style_id := style_id_of(raw):  # applied by serving, which has the database (tools.apply_style)
        options["style_id"] = style_id
    elif references := reference_images_of(raw):  # a one-off style derived from them (tools.apply_style)
        options["reference_images"] = references
    if palette is not None:
        options["palette"] = palette
    if background is not None:
        options["background"] = background
    seed_image = image_ref(raw["seedImage"], "seedImage") if raw.get("seedImage") is not None else None
    if raw.get("strength") is not None:
        if seed_image is None:
            raise InvalidParameter("strength needs a seedImage", param="strength")
        options["strength"] = _unit(raw["strength"], "strength")
    elif seed_image is not None:
        options["strength"] = DEFAULT_STRENGTH
    if raw.get("maskImage") is not None:  # inpainting: run as the inpaint tool (server/runware/tools.py)
        if seed_image is None:
            raise InvalidParameter("maskImage needs a seedImage to inpaint", param="maskImage")
        options["mask_image"] = image_ref(raw["maskImage"], "maskImage")
    safety = _safety(raw)
    if safety is not None:
        options["safety"] = safety
    output = _output(raw)
    if output.upload_endpoint and options["n"] > 1:
        # A presigned upload URL holds one object: every image PUT to it would overwrite the one before.
        raise InvalidParameter(
            f"uploadEndpoint receives one image, but numberResults is {options['n']}",
            param="numberResults",
            allowed="1 with uploadEndpoint (send one task per image)",
        )
    return InferenceTask(
        task_uuid=task_uuid,
        model_name=model_name,
        model=model,
        prompt=prompt,
        options=options,
        seed_image=seed_image,
        output=output,
        task_type=task_type,
        requested_seed=requested_seed,
    )


def _parse_vectorize(raw: dict[str, Any], task_uuid: str) -> InferenceTask | VectorizeTask:
    inputs = raw.get("inputs")
    if inputs is not None and not isinstance(inputs, dict):
        raise InvalidParameter("inputs must be an object", param="inputs")
    source = raw.get("inputImage") or raw.get("image") or (inputs or {}).get("image")
    param = "inputImage" if raw.get("inputImage") else ("image" if raw.get("image") else "inputs.image")
    fmt = _choice(raw.get("outputFormat"), OUTPUT_FORMATS, "outputFormat", _FORMAT_ALIASES)
    if fmt not in (None, "SVG"):
        raise InvalidParameter("vectorize outputs SVG", param="outputFormat", allowed=["SVG"])
    if source is None and raw.get("positivePrompt") is not None:
        # Text-to-vector the way Runware's vector models take it: a vectorize task with a prompt.
        body = {**raw, "model": raw.get("model") or "recraft:v4@vector", "outputFormat": "SVG"}
        return _parse_inference(body, task_uuid, task_type="vectorize")
    if source is None:
        raise InvalidParameter(
            "inputImage is required (a URL, data URI, base64 data or an image UUID)",
            param="inputImage",
            details={"missing": True},
        )
    _log_unknown(raw, _COMMON | {"inputImage", "image", "inputs"}, "vectorize", task_uuid)
    model_name = raw.get("model") or VECTORIZE_MODEL
    if not isinstance(model_name, str):
        raise InvalidParameter("model must be a string", param="model")
    if model_name.lower() != VECTORIZE_MODEL and resolve_model(model_name, param="model").output != "vector":
        raise InvalidParameter(
            f"{model_name} does not vectorize", param="model", allowed=[VECTORIZE_MODEL, "a vector model id"]
        )
    palette, _ = _recraft_settings(raw)
    return VectorizeTask(
        task_uuid=task_uuid,
        model_name=model_name,
        image=image_ref(source, param),
        output=_output(raw),
        palette=palette,
    )


def _output(raw: dict[str, Any]) -> Output:
    output_type = _choice(raw.get("outputType"), OUTPUT_TYPES, "outputType", exact_case=True) or "URL"
    delivery = _choice(raw.get("deliveryMethod"), ("SYNC", "ASYNC"), "deliveryMethod") or "SYNC"
    ttl: int | None = None
    if raw.get("ttl") is not None:
        ttl = integer_param(raw["ttl"], "ttl", 60, MAX_TTL)
        if output_type != "URL":
            warn_param("runware", f"ttl is ignored: it applies to outputType URL only, not {output_type}")
            ttl = None
    return Output(
        output_type=output_type,
        include_cost=_bool(raw.get("includeCost", False), "includeCost"),
        delivery_method="async" if delivery == "ASYNC" else "sync",
        webhook_url=_url(raw.get("webhookURL"), "webhookURL"),
        upload_endpoint=_url(raw.get("uploadEndpoint"), "uploadEndpoint"),
        ttl=ttl,
    )


def _dimensions(raw: dict[str, Any], model: ModelInfo, model_name: str) -> tuple[int, int]:
    table = SIZE_TABLES[model.tier]
    w_raw, h_raw = raw.get("width"), raw.get("height")
    if w_raw is None and h_raw is None:
        return table["1:1"]
    if w_raw is None or h_raw is None:
        missing = "width" if w_raw is None else "height"
        raise InvalidParameter(
            "width and height must be used together",
            param=missing,
            allowed=sizes(model.tier),
            details={"missing": True},
        )
    width = integer_param(w_raw, "width", 1, 65535)
    height = integer_param(h_raw, "height", 1, 65535)
    if (width, height) in table.values():
        return width, height
    param = "height" if width in {w for w, _ in table.values()} else "width"
    other = tier_of_size(width, height)
    hint = f"; {width}x{height} is a {other}-tier size" if other else ""
    raise InvalidParameter(
        f"{width}x{height} is not a supported size for {model_name}{hint}", param=param, allowed=sizes(model.tier)
    )


def _recraft_settings(raw: dict[str, Any]) -> tuple[tuple[RGB, ...] | None, RGB | None]:
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
        palette = parse_palette([_rgb(c, param) for c in colors], param=param)
    if recraft.get("backgroundColor") is not None:
        param = "providerSettings.recraft.backgroundColor"
        if not isinstance(recraft["backgroundColor"], Mapping):
            raise InvalidParameter("backgroundColor must be {rgb: [r, g, b]}", param=param)
        background = _rgb(recraft["backgroundColor"], param)
    return palette, background


def _rgb(value: Mapping[str, Any], param: str) -> RGB:
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


def _safety(raw: dict[str, Any]) -> bool | None:
    safety = raw.get("safety")
    if safety is not None:
        if not isinstance(safety, dict):
            raise InvalidParameter("safety must be an object", param="safety")
        mode = _choice(safety.get("mode"), ("NONE", "FAST"), "safety.mode")
        check = safety.get("checkContent")
        if check is not None:
            enabled = _bool(check, "safety.checkContent")
            return enabled and mode != "NONE"
        if mode is not None:
            return mode == "FAST"
    if raw.get("checkNsfw") is not None:
        return _bool(raw["checkNsfw"], "checkNsfw")
    return None


def _required(raw: dict[str, Any], name: str) -> Any:
    if raw.get(name) is None:
        raise InvalidParameter(f"{name} is required", param=name, details={"missing": True})
    return raw[name]


def _string(value: Any, param: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameter(f"{param} must be a non-empty string", param=param)
    return value.strip()


def _choice(
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


def _bool(value: Any, param: str) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidParameter(f"{param} must be true or false, got {value!r}", param=param, allowed=["true", "false"])


def _unit(value: Any, param: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
        raise InvalidParameter(f"{param} must be a number from 0 to 1, got {value!r}", param=param, allowed="0..1")
    return float(value)


def _url(value: Any, param: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip().lower().startswith(("http://", "https://")):
        raise InvalidParameter(f"{param} must be an http(s) URL", param=param)
    return value.strip()


_HONOURED_ELSEWHERE = {"negativePrompt", "referenceImages", "maskImage"}


def _log_unknown(raw: dict[str, Any], known: set[str], task_type: str, task_uuid: str) -> None:
    unknown = {k for k in raw if k not in known}
    warn_ignored("runware", unknown, f"not a parameter of {task_type}")
    # Fields of other model families that a Recraft model cannot use. negativePrompt is ignored by Recraft V4
    # on Runware too, so it needs no warning; referenceImages and maskImage are honoured (runware/tools.py).
    unused = {k for k in raw if k in _IGNORED - _HONOURED_ELSEWHERE and raw[k] not in (None, [], {})}
    inputs = raw.get("inputs")
    if isinstance(inputs, dict) and set(inputs) <= {"styleId", "referenceImages"}:
        unused.discard("inputs")  # inputs.styleId / inputs.referenceImages are honoured (runware/tools.py)
    warn_ignored("runware", unused, "Recraft V4 models here do not use them")
