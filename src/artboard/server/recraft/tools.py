"""Recraft's image tools: removeBackground, replaceBackground, generateBackground, crispUpscale, creativeUpscale,
eraseRegion, inpaint, outpaint, variateImage (all `POST /v1/images/<tool>`).

Each request is validated at once (the image decoded, the mask's size checked, the fields' ranges), then runs as a
job of kind `edit` in the engine worker pool, and the route waits for it: Recraft answers these synchronously with
JSON, and the event loop stays free (decoding in a thread, the work in the pool, bounded by its workers). Credits
are charged through the same ledger as generations (`artboard.edit.request.CREDITS`); `credits` in the answer is
Recraft's API units for the tool (1,000 = $1: removeBackground 10, crispUpscale 4, creativeUpscale 250, …).

Shapes (Recraft's): removeBackground, crispUpscale, creativeUpscale and eraseRegion answer
`{created, credits, image: {image_id, url | b64_json}}`; the others `{created, credits, data: [...]}`.
Inputs: the file `image` (multipart) or `image_url` (http(s) or data URL); `mask` or `mask_url` (a greyscale
image of the same size, white = the region). `response_format` url | b64_json; `image_format` png | webp, and svg
for our own designs (a vector model name in `model` asks for svg too). `style_id` (a stored style, /v1/styles)
or `controls.colors` give the palette of what is drawn. Extensions: `scale` (≤ 4) or `width`/`height` for the
upscales (default ×2); `prompt` for outpaint (a composed background instead of mirrored edges).
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.imageio import MAX_BYTES
from artboard.jobs.pricing import reported_cost
from artboard.jobs.types import ApiKey
from artboard.server.deps import get_service, get_settings, require_key
from artboard.server.recraft import serving
from artboard.server.recraft.protocol import Controls, log_ignored, response_format_of
from artboard.server.warning_headers import single_image_headers

router = APIRouter()
Key = Annotated[ApiKey | None, Depends(require_key(serving.DIALECT))]

#: route name → (engine operation, answers a single `image` object)
TOOLS: dict[str, tuple[str, bool]] = {
    "removeBackground": ("remove_background", True),
    "replaceBackground": ("replace_background", False),
    "generateBackground": ("generate_background", False),
    "crispUpscale": ("crisp_upscale", True),
    "creativeUpscale": ("creative_upscale", True),
    "eraseRegion": ("erase_region", True),
    "inpaint": ("inpaint", False),
    "outpaint": ("outpaint", False),
    "variateImage": ("variate_image", False),
}
IMAGE_FORMATS = ("png", "webp", "svg")


class ToolRequest(BaseModel):
    """The fields every tool reads (unknown ones are accepted and logged, as on the other Recraft routes)."""

    model_config = ConfigDict(extra="allow")

    image_url: str | None = Field(default=None, description="http(s) URL or data: URL of the input image")
    mask_url: str | None = Field(default=None, description="http(s) URL or data: URL of the mask (white = region)")
    prompt: str | None = None
    model: str | None = None
    n: int | None = Field(default=None, description="variateImage: 1–6")
    size: str | None = Field(default=None, description="variateImage: a size from the 1K table")
    strength: float | None = Field(
        default=None, description="variateImage through a learned backend: 0 (the input) … 1 (default 0.5)"
    )
    random_seed: int | None = None
    style_id: str | None = Field(default=None, description="a style from POST /v1/styles: its palette is used")
    controls: Controls | None = Field(default=None, description='{"colors": [{"rgb": [r, g, b]}, …]}: the palette')
    response_format: str | None = None
    image_format: str | None = Field(default=None, description="png (default) | webp | svg (our designs)")
    expand_left: int | None = None
    expand_right: int | None = None
    expand_top: int | None = None
    expand_bottom: int | None = None
    zoom_out_percentage: int | None = None
    scale: float | None = Field(default=None, description="upscales: factor > 1, ≤ 4 (default 2)")
    width: int | None = Field(default=None, description="upscales: target width (aspect kept)")
    height: int | None = Field(default=None, description="upscales: target height (aspect kept)")
    block_nsfw: bool | None = None
    expire: bool | None = None


async def read_form(request: Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Fields and every uploaded file of a multipart body (or the fields of a JSON body and no files)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "multipart/form-data":
        fields, _ = await serving.read_body(request, ())
        return fields, {}
    values: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    try:
        async with request.form(max_files=8, max_fields=200) as form:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        raise PayloadTooLarge(f"{name} is over {MAX_BYTES} bytes", param=name)
                    files.setdefault(name, data)
                elif value != "":
                    values[name] = serving._form_value(value)
    except (HTTPException, ValueError) as exc:
        raise InvalidParameter(f"cannot read the form body: {getattr(exc, 'detail', exc)}", param="body") from None
    return values, files


async def _fetch(request: Request, url: str, param: str) -> bytes:
    from artboard.jobs.fetch import fetch_bytes

    text = url.strip()
    if text[:5].lower() != "data:" and not text.lower().startswith(("http://", "https://")):
        raise InvalidParameter(
            f"{param} must be an http(s) URL or a data: URL", param=param, allowed="http(s) URL or data: URL"
        )
    settings = get_settings(request)
    data, _ = await fetch_bytes(text, allow=tuple(settings.fetch_allow), max_bytes=MAX_BYTES, param=param)
    return data


def _format(req: ToolRequest) -> str:
    if req.model:
        from artboard.server.recraft.protocol import resolve

        if resolve(req.model).output == "vector":
            return "svg"
    if req.image_format is None:
        return "png"
    text = req.image_format.strip().lower()
    if text not in IMAGE_FORMATS:
        raise InvalidParameter(
            f"unknown image_format {req.image_format!r}", param="image_format", allowed=IMAGE_FORMATS
        )
    return text


async def _palette(request: Request, key: ApiKey | None, req: ToolRequest) -> Any:
    if req.style_id:
        from artboard.server.recraft.styles import style_palette

        return await style_palette(request, key, req.style_id)
    colors = req.controls.colors if req.controls is not None else None
    return colors or None


_RENAMED = {"seed": "random_seed", "format": "image_format", "palette": "controls.colors"}


def _renamed(exc: InvalidParameter) -> InvalidParameter:
    """The error naming Recraft's field where the engine names its own."""
    if exc.param in _RENAMED:
        exc.param = _RENAMED[exc.param]
    return exc


async def run_tool(request: Request, key: ApiKey | None, route: str, response: Response) -> dict[str, Any]:
    operation, single = TOOLS[route]
    fields, files = await read_form(request)
    req = serving.parse(ToolRequest, fields)
    log_ignored(req, route)
    response_format = response_format_of(req.response_format)
    fmt = _format(req)
    image_file = files.get("image", files.get("file"))
    image = await serving.image_source(
        request, req.image_url, ("image", image_file) if image_file else None, required="image"
    )
    image_param = "image" if image_file is not None else "image_url"
    mask: bytes | None = files.get("mask")
    mask_param = "mask"
    if mask is None and req.mask_url:
        mask, mask_param = await _fetch(request, req.mask_url, "mask_url"), "mask_url"
    palette = await _palette(request, key, req)
    from artboard.edit.request import make_edit_request

    try:
        edit = await asyncio.to_thread(
            make_edit_request,
            operation,
            image=image,
            mask=mask,
            prompt=req.prompt,
            n=req.n or 1,
            seed=req.random_seed,
            format=fmt,
            scale=req.scale,
            width=req.width,
            height=req.height,
            size=req.size,
            expand_left=req.expand_left,
            expand_right=req.expand_right,
            expand_top=req.expand_top,
            expand_bottom=req.expand_bottom,
            zoom_out_percentage=req.zoom_out_percentage,
            palette=palette,
            strength=req.strength,
            image_param=image_param,
            mask_param=mask_param,
        )
    except InvalidParameter as exc:
        raise _renamed(exc) from None
    try:
        job = await serving.run_job(
            request,
            key,
            kind="edit",
            payload=edit.to_request(),
            model=route,
            meta={"response_format": response_format, "route": route},
        )
    except InvalidParameter as exc:  # found by the worker (e.g. svg asked of an image that is not vector)
        raise _renamed(exc) from None
    service = get_service(request)
    entries = []
    for artifact in job.artifacts:
        entry = await serving.image_object(service, job, artifact, response_format)
        if artifact.warnings:
            entry["warnings"] = artifact.warnings
        entries.append(entry)
    response.headers.update(single_image_headers(job.artifacts))
    if single:
        return {"created": serving.created_of(job), "credits": reported_cost("recraft", job), "image": entries[0]}
    for entry, artifact in zip(entries, job.artifacts, strict=True):
        entry["features"] = {"nsfw_score": serving.nsfw_score(artifact)}
    return {"created": serving.created_of(job), "credits": reported_cost("recraft", job), "data": entries}


def _route(name: str) -> Any:
    async def endpoint(request: Request, response: Response, key: Key) -> dict[str, Any]:
        return await run_tool(request, key, name, response)

    endpoint.__name__ = f"tool_{name}"
    return endpoint


def _openapi_body() -> dict[str, Any]:
    """The request body in the OpenAPI document: JSON (URLs) or multipart (files), the same fields."""
    schema = ToolRequest.model_json_schema()
    schema.pop("$defs", None)
    form = {
        "type": "object",
        "properties": {
            "image": {"type": "string", "format": "binary"},
            "mask": {"type": "string", "format": "binary"},
            **{k: v for k, v in schema["properties"].items() if k not in ("image_url", "mask_url", "controls")},
            "controls": {"type": "string", "description": 'JSON text, e.g. {"colors": [{"rgb": [r, g, b]}]}'},
        },
    }
    content = {"application/json": {"schema": schema}, "multipart/form-data": {"schema": form}}
    return {"requestBody": {"required": True, "content": content}}


for _name in TOOLS:
    router.add_api_route(
        f"/images/{_name}",
        _route(_name),
        methods=["POST"],
        summary=f"{_name} (Recraft image tool): multipart `image` (+ `mask`) or JSON `image_url` (+ `mask_url`)",
        responses={
            400: {"description": "Invalid parameter (Recraft/OpenAI error shape)"},
            402: {"description": "Not enough credits"},
            413: {"description": "Input too large"},
        },
        openapi_extra=_openapi_body(),
    )
