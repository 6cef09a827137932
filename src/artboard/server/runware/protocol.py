"""Runware task objects: lenient parsing into typed tasks (tasks.py), and their conversion to the strict spec.

Nothing here does I/O; the field validators are in fields.py. Image references (URL, data URI, base64, UUID)
are classified, not fetched; serving.py resolves them. Unknown fields are accepted and logged; a known field with
a wrong type or value raises `InvalidParameter` naming the Runware parameter, so the error object's `parameter` is
what the client sent.

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

import logging
from typing import Any

from artboard.colors import parse_color
from artboard.errors import InvalidParameter
from artboard.jobs.pricing import dialect_model
from artboard.models import ModelInfo, resolve_model, vector_twin
from artboard.server.conversion import Draft, to_spec
from artboard.server.notices import warn_ignored
from artboard.server.runware.fields import (
    decode_base64,
    image_ref,
    output_of,
    recraft_settings,
    required,
    safety_of,
    string,
    task_uuid_of,
    unit,
)
from artboard.server.runware.tasks import (
    DEFAULT_QUALITY,
    DEFAULT_STRENGTH,
    OUTPUT_FORMATS,
    OUTPUT_TYPES,
    TASK_TYPES,
    VECTORIZE_MODEL,
    AuthTask,
    GetResponseTask,
    ImageRef,
    InferenceTask,
    Output,
    PingTask,
    Task,
    TaskFailure,
    UploadTask,
    VectorizeTask,
)
from artboard.sizes import SIZE_TABLES, sizes, tier_of_size
from artboard.spec import MAX_N, MAX_PROMPT, MAX_SEED, GenerationSpec, ImageFormat, format_of, integer_param

#: re-exported: serving.py, router.py, socket.py and tools.py import the task types and helpers from here
__all__ = [
    "OUTPUT_TYPES", "AuthTask", "GetResponseTask", "ImageRef", "InferenceTask", "Output", "PingTask", "Task",
    "TaskFailure", "UploadTask", "VectorizeTask", "_output", "build_spec", "decode_base64", "image_ref",
    "parse_body", "parse_task", "task_uuid_of",
]  # fmt: skip

log = logging.getLogger("artboard.server.runware")

_output = output_of  #: the name tools.py imports

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
            return UploadTask(task_uuid=task_uuid, image=image_ref(required(raw, "image"), "image"))
        if task_type == "vectorize":
            return _parse_vectorize(raw, task_uuid)
        if task_type in TASK_TYPES[6:]:  # image tools and captions: server/runware/tools.py
            from artboard.server.runware.tools import parse_tool_task

            return parse_tool_task(raw, task_uuid)  # type: ignore[return-value]
        return _parse_inference(raw, task_uuid)
    except InvalidParameter as error:
        raise TaskFailure(error, echo_type, echo_uuid) from None


def build_spec(task: InferenceTask, image: bytes | None) -> GenerationSpec:
    """The strict spec of an inference task (its image resolved to bytes), errors named after Runware's fields."""
    options = task.options
    background = options.get("background")
    if isinstance(background, str):  # a stored style's ground (tools.apply_style), as hex
        background = parse_color(background, param=_SPEC_TO_RUNWARE["background"])
    draft = Draft(
        prompt=task.prompt,
        model=task.model,
        size=(options["width"], options["height"]),
        n=options["n"],
        seed=options.get("seed"),
        palette=options.get("palette"),
        background=background,
        image=image,
        strength=options.get("strength") if image is not None else None,
        format=options["format"],
        quality=options.get("quality"),
        safety=options.get("safety", True),
        style=options.get("style"),
        names=_SPEC_TO_RUNWARE,
    )
    return to_spec(draft)


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
    model_name = string(required(raw, "model"), "model")
    model = dialect_model("runware", model_name, default=model_name)
    prompt = required(raw, "positivePrompt")
    if not isinstance(prompt, str) or not prompt.strip() or len(prompt) > MAX_PROMPT:
        raise InvalidParameter(
            "positivePrompt must be a string of 1 to 10000 characters",
            param="positivePrompt",
            allowed=f"1..{MAX_PROMPT} characters",
        )
    fmt = _output_format(raw) or ("svg" if model.output == "vector" else "jpg")
    if fmt == "svg" and model.output == "raster":
        model = vector_twin(model)
        model_name = model.id
    elif fmt != "svg" and model.output == "vector":
        raise InvalidParameter(f"{model_name} produces SVG only", param="outputFormat", allowed=["SVG"])
    width, height = _dimensions(raw, model, model_name)
    options: dict[str, Any] = {
        "model": model.id,
        "tier": model.tier,
        "output": model.output,
        "width": width,
        "height": height,
        "n": integer_param(raw.get("numberResults", 1), "numberResults", 1, MAX_N),
        "format": fmt,
    }
    requested_seed: int | None = None
    if raw.get("seed") is not None:
        requested_seed = integer_param(raw["seed"], "seed", 0, 2**63 - 1)
        options["seed"] = requested_seed % (MAX_SEED + 1)
    if fmt != "svg":
        quality = raw.get("outputQuality")
        options["quality"] = (
            integer_param(quality, "outputQuality", 20, 99)
            if quality is not None
            else (DEFAULT_QUALITY if fmt in ("jpg", "webp") else None)
        )
    palette, background = recraft_settings(raw)
    from artboard.server.runware.tools import reference_images_of, style_id_of, style_param_of

    if style_id := style_id_of(raw):  # applied by serving, which has the database (tools.apply_style)
        options["style_id"] = style_id
        options["style_param"] = style_param_of(raw)  # the field an unknown id's error names
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
        options["strength"] = unit(raw["strength"], "strength")
    elif seed_image is not None:
        options["strength"] = DEFAULT_STRENGTH
    if raw.get("maskImage") is not None:  # inpainting: run as the inpaint tool (server/runware/tools.py)
        if seed_image is None:
            raise InvalidParameter("maskImage needs a seedImage to inpaint", param="maskImage")
        options["mask_image"] = image_ref(raw["maskImage"], "maskImage")
    safety = safety_of(raw)
    if safety is not None:
        options["safety"] = safety
    output = output_of(raw)
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
    fmt = _output_format(raw)
    if fmt not in (None, "svg"):
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
    palette, _ = recraft_settings(raw)
    return VectorizeTask(
        task_uuid=task_uuid,
        model_name=model_name,
        image=image_ref(source, param),
        output=output_of(raw),
        palette=palette,
    )


def _output_format(raw: dict[str, Any]) -> ImageFormat | None:
    """outputFormat in any spelling of the one format table (JPG, jpeg, image/png, …); errors list Runware's."""
    value = raw.get("outputFormat")
    return None if value is None else format_of(value, "outputFormat", listed=OUTPUT_FORMATS)


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
