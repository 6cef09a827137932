"""Runware's image-tool tasks and styles, kept apart from the task plumbing in protocol.py / serving.py.

Tasks (old and new names are both accepted, as Runware accepts them):

* `removeBackground` / `imageBackgroundRemoval`: `inputImage` (or `inputs.image`) → the subject on transparent;
  `outputFormat` PNG (default) | WEBP; `rgba`, `postProcessMask`, `alphaMatting`… are accepted and ignored (the
  cut-out always mattes its edges, see docs/image-tools.md).
* `upscale` / `imageUpscale`: `inputImage` + `upscaleFactor` (2–4, default 2; also `settings.upscaleFactor`) →
  crisp upscale; `outputFormat` JPG (default) | PNG | WEBP.
* `imageCaption`: `inputImage` → `{taskType, taskUUID, text}` answered at once (no job): a design of ours is
  described from its manifest, any other image honestly (size, dominant colours, whether OCR found text).
* `promptEnhance`: `prompt`, `promptMaxLength` (4–400) and `promptVersions` (1–5), both required as in Runware's
  docs → one `{taskType, taskUUID, text}` per version, answered at once (no job): the composer's reading written out
  plus design decisions in its own words (artboard.edit.prompts). Charged 3 credits per task through the ledger
  (Recraft's $0.01 list price for prompt enhance; Runware publishes none of its own here), refunded on failure;
  with `includeCost` each result carries its share of $0.01.

Runware has no task for background replacement or for variations of an image (its task list: imageInference,
imageUpload, imageUpscale, imageBackgroundRemoval, imageCaption, imageMasking, imageControlNetPreProcess,
promptEnhance, vectorize, …); a variation there is an imageInference with `seedImage` + `strength`, which this
server runs as image-to-image, so none is invented here (docs/image-tools.md).

An `imageInference` with `seedImage` + `maskImage` is inpainting: it runs as the inpaint tool (the prompt drawn
in the mask's region; one image). These and the image tasks run as `edit` jobs exactly like the Recraft routes
(same prices, same worker pool), with Runware's delivery options (outputType, webhookURL, uploadEndpoint,
async + getResponse, ttl, includeCost).
Styles: `referenceImages` (or `inputs.referenceImages`, 1–5 images) derive a one-off style the same way.
`providerSettings.recraft.styleId` or `inputs.styleId` on an imageInference names a style made with
Recraft's `POST /v1/styles` by the same key: its palette and background apply unless `providerSettings.recraft`
gives its own colours, and the rest of its look goes to the composer (`spec.style`).
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from artboard.errors import InvalidParameter, NotFound
from artboard.server.runware.protocol import ImageRef, InferenceTask, Output, _output, image_ref

if TYPE_CHECKING:
    from artboard.server.runware.serving import RunwareServing

REMOVE = ("removeBackground", "imageBackgroundRemoval")
UPSCALE = ("upscale", "imageUpscale")
CAPTION = ("imageCaption",)
ENHANCE = ("promptEnhance",)
TOOL_TASK_TYPES: tuple[str, ...] = REMOVE + UPSCALE + CAPTION + ENHANCE
#: operations answered in the request itself, not as jobs
INSTANT = ("caption", "prompt_enhance")
ENHANCE_CREDITS = 3  #: Recraft's $0.01 list price in whole artboard credits ($0.004 each)
ENHANCE_USD = 0.01


@dataclass(frozen=True)
class ToolTask:
    task_uuid: str
    task_type: str
    model_name: str
    image: ImageRef | None  #: None for promptEnhance, which takes no image
    output: Output
    operation: str  #: remove_background | crisp_upscale | caption | prompt_enhance
    options: dict[str, Any]


def _source(raw: dict[str, Any]) -> ImageRef:
    inputs = raw.get("inputs")
    if inputs is not None and not isinstance(inputs, dict):
        raise InvalidParameter("inputs must be an object", param="inputs")
    for param, value in (
        ("inputImage", raw.get("inputImage")),
        ("inputs.image", (inputs or {}).get("image")),
        ("image", raw.get("image")),
    ):
        if value is not None:
            return image_ref(value, param)
    raise InvalidParameter(
        "inputImage is required (a URL, data URI, base64 data or an image UUID)",
        param="inputImage",
        details={"missing": True},
    )


def _format(raw: dict[str, Any], allowed: tuple[str, ...], default: str) -> str:
    value = raw.get("outputFormat")
    if value is None:
        return default
    text = str(value).strip().upper()
    text = {"JPEG": "JPG"}.get(text, text)
    if text not in allowed:
        raise InvalidParameter(f"unsupported outputFormat {value!r}", param="outputFormat", allowed=allowed)
    return text


def _enhance_options(raw: dict[str, Any]) -> dict[str, Any]:
    from artboard.edit.prompts import MAX_LENGTH, MAX_VERSIONS, MIN_LENGTH, check_prompt
    from artboard.spec import integer_param

    options: dict[str, Any] = {"prompt": check_prompt(raw.get("prompt"))}
    for field, low, high, key in (
        ("promptMaxLength", MIN_LENGTH, MAX_LENGTH, "max_length"),
        ("promptVersions", 1, MAX_VERSIONS, "versions"),
    ):
        if raw.get(field) is None:
            raise InvalidParameter(
                f"{field} is required ({low}–{high})", param=field, allowed=f"{low}..{high}", details={"missing": True}
            )
        options[key] = integer_param(raw[field], field, low, high)
    return options


def parse_tool_task(raw: dict[str, Any], task_uuid: str) -> ToolTask:
    task_type = str(raw["taskType"])
    if task_type in ENHANCE:
        return ToolTask(
            task_uuid=task_uuid,
            task_type=task_type,
            model_name=task_type,
            image=None,
            output=_output(raw),
            operation="prompt_enhance",
            options=_enhance_options(raw),
        )
    image = _source(raw)
    model = raw.get("model")
    model_name = model if isinstance(model, str) and model.strip() else task_type
    options: dict[str, Any] = {}
    if task_type in REMOVE:
        operation = "remove_background"
        options["format"] = _format(raw, ("PNG", "WEBP"), "PNG").lower()
    elif task_type in UPSCALE:
        from artboard.spec import integer_param

        operation = "crisp_upscale"
        found = raw.get("settings")
        settings: dict[str, Any] = found if isinstance(found, dict) else {}
        factor = raw.get("upscaleFactor", settings.get("upscaleFactor", 2))
        options["scale"] = integer_param(factor, "upscaleFactor", 2, 4)
        options["format"] = _format(raw, ("JPG", "PNG", "WEBP"), "JPG").lower()
    else:
        operation = "caption"
    return ToolTask(
        task_uuid=task_uuid,
        task_type=task_type,
        model_name=model_name,
        image=image,
        output=_output(raw),
        operation=operation,
        options=options,
    )


async def edit_request(serving: RunwareServing, task: ToolTask) -> dict[str, Any]:
    """The job request of an image task (its image resolved, checked in a thread), errors named as Runware's."""
    from artboard.edit.request import make_edit_request

    assert task.image is not None  # every job tool has an input image (parse_tool_task)
    data = await serving.resolve_image(task.image)
    try:
        request = await asyncio.to_thread(
            make_edit_request, task.operation, image=data, image_param=task.image.param, **task.options
        )
    except InvalidParameter as error:
        error.param = {"scale": "upscaleFactor", "format": "outputFormat"}.get(error.param or "", error.param)
        raise
    return request.to_request()


async def instant_task(serving: RunwareServing, task: ToolTask) -> list[dict[str, Any]]:
    """The results of a task answered in the request itself (INSTANT): imageCaption or promptEnhance."""
    if task.operation == "prompt_enhance":
        return await enhance_task(serving, task)
    return [await caption_task(serving, task)]


async def enhance_task(serving: RunwareServing, task: ToolTask) -> list[dict[str, Any]]:
    """promptEnhance: one result per version; the key charged first and refunded if it fails."""
    from artboard.edit.prompts import enhance_prompt
    from artboard.jobs.charges import charge, refund

    store = serving.service.store
    operation = await asyncio.to_thread(charge, store, serving.key_id, ENHANCE_CREDITS)
    try:
        found = await asyncio.to_thread(
            enhance_prompt,
            task.options["prompt"],
            versions=task.options["versions"],
            max_length=task.options["max_length"],
        )
    except Exception:
        await asyncio.to_thread(refund, store, serving.key_id, operation, ENHANCE_CREDITS)
        raise
    results: list[dict[str, Any]] = []
    for item in found:
        entry: dict[str, Any] = {"taskType": task.task_type, "taskUUID": task.task_uuid, "text": item.prompt}
        if task.output.include_cost:
            entry["cost"] = round(ENHANCE_USD / len(found), 6)
        results.append(entry)
    return results


async def caption_task(serving: RunwareServing, task: ToolTask) -> dict[str, Any]:
    from artboard.edit.caption import caption

    assert task.image is not None  # imageCaption requires inputImage (parse_tool_task)
    data = await serving.resolve_image(task.image)
    text = await asyncio.to_thread(caption, data, param=task.image.param)
    return {"taskType": task.task_type, "taskUUID": task.task_uuid, "text": text}


async def inpaint_request(serving: RunwareServing, task: InferenceTask) -> dict[str, Any]:
    """An imageInference with seedImage + maskImage as the inpaint tool's job request (one image)."""
    from artboard.edit.request import make_edit_request

    options = task.options
    assert task.seed_image is not None  # protocol refuses a maskImage without one
    image = await serving.resolve_image(task.seed_image)
    mask = await serving.resolve_image(options["mask_image"])
    renames = {
        "prompt": "positivePrompt",
        "image": "seedImage",
        "format": "outputFormat",
        "palette": "providerSettings.recraft.colors",
    }
    try:
        request = await asyncio.to_thread(
            make_edit_request,
            "inpaint",
            image=image,
            mask=mask,
            prompt=task.prompt,
            seed=options.get("seed"),
            format=options.get("format"),
            palette=options.get("palette"),
            safety=options.get("safety", True),
            image_param="seedImage",
            mask_param="maskImage",
        )
    except InvalidParameter as error:
        error.param = renames.get(error.param or "", error.param)
        raise
    return request.to_request()


def style_id_of(raw: dict[str, Any]) -> str | None:
    """providerSettings.recraft.styleId or inputs.styleId (a string), else None."""
    found = _style_field(raw)
    return found[1] if found else None


def style_param_of(raw: dict[str, Any]) -> str:
    """The field that named the style (errors about it name that field)."""
    found = _style_field(raw)
    return found[0] if found else "providerSettings.recraft.styleId"


def _style_field(raw: dict[str, Any]) -> tuple[str, str] | None:
    settings = raw.get("providerSettings")
    recraft = settings.get("recraft") if isinstance(settings, dict) else None
    inputs = raw.get("inputs")
    for param, value in (
        ("providerSettings.recraft.styleId", recraft.get("styleId") if isinstance(recraft, dict) else None),
        ("inputs.styleId", inputs.get("styleId") if isinstance(inputs, dict) else None),
    ):
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise InvalidParameter(f"{param} must be a style id", param=param)
            return param, value.strip()
    return None


def reference_images_of(raw: dict[str, Any]) -> list[ImageRef] | None:
    """referenceImages (or inputs.referenceImages): 1–5 image references, else None."""
    inputs = raw.get("inputs")
    value, param = raw.get("referenceImages"), "referenceImages"
    if value is None and isinstance(inputs, dict):
        value, param = inputs.get("referenceImages"), "inputs.referenceImages"
    if value is None:
        return None
    if not isinstance(value, list) or not 1 <= len(value) <= 5:
        raise InvalidParameter(f"{param} must be a list of 1 to 5 images", param=param, allowed="1..5 images")
    return [image_ref(item, f"{param}[{index}]") for index, item in enumerate(value)]


async def apply_style(serving: RunwareServing, task: InferenceTask) -> InferenceTask:
    """The task with its named style's (or its reference images') palette, background and look in its options."""
    style_id = task.options.get("style_id")
    references = task.options.get("reference_images")
    if style_id is None and references is None:
        return task
    from artboard.edit.styles import StyleDefinition, derive_style
    from artboard.jobs.styles import StyleStore

    options = dict(task.options)
    options.pop("style_id", None)
    param = str(options.pop("style_param", "providerSettings.recraft.styleId"))
    options.pop("reference_images", None)
    if references is not None:
        images = [await serving.resolve_image(ref) for ref in references]
        style = await asyncio.to_thread(derive_style, images)
        return dataclasses.replace(task, options=_styled_options(options, style, None))
    try:
        stored = await asyncio.to_thread(StyleStore(serving.service.store.engine).get, serving.key_id, str(style_id))
    except NotFound:
        raise InvalidParameter(
            f"no style {style_id!r} for this API key",
            param=param,
            allowed="an id from POST /v1/styles",
        ) from None
    style = StyleDefinition.model_validate(stored.definition)
    # A brand kit's style: its brand name (and tagline) become the copy when the prompt sets none.
    return dataclasses.replace(
        task, prompt=style.branded(task.prompt), options=_styled_options(options, style, style_id)
    )


def _styled_options(options: dict[str, Any], style: Any, style_id: str | None) -> dict[str, Any]:
    if "palette" not in options and style.palette:
        options["palette"] = tuple(style.palette_rgb())
    if "background" not in options and style.background_color:
        options["background"] = style.background_color
    options["style"] = style.controls(style_id)
    return options
