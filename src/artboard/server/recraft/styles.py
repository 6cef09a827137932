"""Recraft styles: `POST /v1/styles`, `GET /v1/styles`, `GET /v1/styles/{id}`, `DELETE /v1/styles/{id}`.

A style is made from 1–5 reference images (multipart files `images`/`file*`, or JSON `image_urls`) and/or a
`palette` ({colors: [{rgb}], background_color: {rgb}} as Recraft sends it, or a list of colours), `fonts`, and
a style word `style`; our extensions `fill_style` (flat | line | duotone | gradient), `line_weight`,
`corner_radius`. It is stored durably per API key (artboard.jobs.styles) and answered in Recraft's shape
`{id, style, substyle, creation_time, is_private, credits}` plus what it fixes (`palette`, `background_color`,
`fonts`, …). Naming its id as `style_id` in a generation (or an image tool) fixes the palette and background of
what is drawn and passes the rest to the composer (`spec.style`). Creating a style costs no credits.
`GET /v1/styles/basic` lists the built-in basic styles (Recraft's shape `{styles: [{style_id, style, substyle,
model}]}` plus what each fixes), which every key may name. A brand kit's style (server/recraft/brandkits.py) is
deleted with its kit, not alone.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from artboard.errors import InvalidParameter, NotFound, PayloadTooLarge
from artboard.imageio import MAX_BYTES
from artboard.jobs.styles import StoredStyle, StyleStore
from artboard.jobs.types import ApiKey
from artboard.server.deps import get_service, key_id, require_key
from artboard.server.recraft import serving

router = APIRouter()
Key = Annotated[ApiKey | None, Depends(require_key(serving.DIALECT))]
MAX_REFERENCES = 5


class StyleRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    style: str | None = None
    image_urls: list[str] | None = None
    palette: Any = None
    fonts: Any = None
    fill_style: str | None = None
    line_weight: float | None = None
    corner_radius: float | None = None
    private: bool | None = None


def store_of(request: Request) -> StyleStore:
    return StyleStore(get_service(request).store.engine)


async def _read(request: Request) -> tuple[dict[str, Any], list[bytes]]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "multipart/form-data":
        fields, _ = await serving.read_body(request, ())
        return fields, []
    values: dict[str, Any] = {}
    files: list[bytes] = []
    try:
        async with request.form(max_files=MAX_REFERENCES + 1, max_fields=50) as form:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        raise PayloadTooLarge(f"{name} is over {MAX_BYTES} bytes", param=name)
                    files.append(data)
                elif value != "":
                    values[name] = serving._form_value(value)
    except (HTTPException, ValueError) as exc:
        raise InvalidParameter(f"cannot read the form body: {getattr(exc, 'detail', exc)}", param="body") from None
    return values, files


def _palette_fields(value: Any) -> tuple[Any, Any]:
    """(colours, background) from Recraft's `palette` object or a plain list of colours."""
    if value is None:
        return None, None
    if isinstance(value, dict):
        return value.get("colors") or None, value.get("background_color")
    return value, None


def answer(style: StoredStyle) -> dict[str, Any]:
    definition = style.definition
    return {
        "id": style.id,
        "style": definition.get("style", "any"),
        "substyle": None,
        "creation_time": style.created_at.isoformat(),
        "is_private": True,
        "credits": 0,
        **{k: v for k, v in definition.items() if k != "style"},
    }


def openapi_body(model: type[BaseModel], files: dict[str, Any], url_fields: tuple[str, ...]) -> dict[str, Any]:
    """The request body as JSON (`model`) or as a multipart form: the uploaded `files` in place of the model's
    `url_fields` (styles: `images` for `image_urls`; brand kits also `logo` for `logo_url`)."""
    schema = model.model_json_schema()
    form = {
        "type": "object",
        "properties": {**files, **{k: v for k, v in schema["properties"].items() if k not in url_fields}},
    }
    content = {"application/json": {"schema": schema}, "multipart/form-data": {"schema": form}}
    return {"requestBody": {"required": True, "content": content}}


IMAGES_FIELD = {
    "images": {"type": "array", "items": {"type": "string", "format": "binary"}, "maxItems": MAX_REFERENCES}
}


def _openapi_body() -> dict[str, Any]:
    return openapi_body(StyleRequest, IMAGES_FIELD, ("image_urls",))


async def reference_images(request: Request, files: list[Any], urls: list[str], owner: str) -> list[Any]:
    """The uploaded reference images, then those fetched from `image_urls`, at most MAX_REFERENCES in all."""
    if len(files) + len(urls) > MAX_REFERENCES:
        raise InvalidParameter(
            f"{len(files) + len(urls)} reference images; {owner} takes at most {MAX_REFERENCES}",
            param="images",
            allowed=f"1..{MAX_REFERENCES} images",
        )
    images = list(files)
    for index, url in enumerate(urls):
        images.append(await serving.image_source(request, url, None, required=f"image_urls[{index}]"))
    return images


@router.post(
    "/styles",
    summary="Create a style from 1–5 reference images and/or a palette, fonts and a style word",
    openapi_extra=_openapi_body(),
)
async def create_style(request: Request, key: Key) -> dict[str, Any]:
    from artboard.edit.styles import derive_style

    fields, files = await _read(request)
    req = serving.parse(StyleRequest, fields)
    images = await reference_images(request, files, req.image_urls or [], "a style")
    colours, background = _palette_fields(req.palette)
    definition = await asyncio.to_thread(
        derive_style,
        images,
        style=req.style,
        palette=colours,
        background_color=background,
        fonts=req.fonts,
        fill_style=req.fill_style,
        line_weight=req.line_weight,
        corner_radius=req.corner_radius,
    )
    stored = await asyncio.to_thread(store_of(request).create, key_id(key), definition.model_dump(mode="json"))
    return answer(stored)


@router.get("/styles", summary="The styles of the calling key, newest first")
async def list_styles(request: Request, key: Key) -> dict[str, Any]:
    styles = await asyncio.to_thread(store_of(request).list, key_id(key))
    return {"styles": [answer(s) for s in styles]}


@router.get("/styles/basic", summary="The basic styles every key may name as style_id (built in)")
async def basic_styles(key: Key) -> dict[str, Any]:
    from artboard.edit.styles import basic_listing

    return {"styles": basic_listing()}


@router.get("/styles/{style_id}", summary="One style of the calling key")
async def get_style(request: Request, style_id: str, key: Key) -> dict[str, Any]:
    return answer(await asyncio.to_thread(store_of(request).get, key_id(key), style_id))


@router.delete("/styles/{style_id}", summary="Delete a style of the calling key")
async def delete_style(request: Request, style_id: str, key: Key) -> dict[str, Any]:
    from artboard.edit.styles import basic_style

    if basic_style(style_id) is not None:
        raise InvalidParameter("basic styles are built in and cannot be deleted", param="style_id")
    stored = await asyncio.to_thread(store_of(request).get, key_id(key), style_id)
    brand = stored.definition.get("brand")
    if isinstance(brand, dict):  # the kit would be left without its look: the kit is what gets deleted
        raise InvalidParameter(
            f"style {style_id!r} belongs to brand kit {brand.get('kit_id')!r}; delete the kit instead",
            param="style_id",
            allowed="DELETE /v1/brand_kits/{id}",
        )
    await asyncio.to_thread(store_of(request).delete, key_id(key), style_id)
    return {"id": style_id, "deleted": True}


async def load_style(request: Request, key: ApiKey | None, style_id: str, *, param: str = "style_id") -> Any:
    """The StyleDefinition of a stored style of this key (404 naming `param` when there is none)."""
    from artboard.edit.styles import StyleDefinition

    try:
        stored = await asyncio.to_thread(store_of(request).get, key_id(key), style_id, param=param)
    except NotFound as missing:  # in a request, a wrong id is a bad parameter (400), as Recraft answers it
        raise InvalidParameter(missing.message, param=param, allowed="an id from GET /v1/styles") from None
    return StyleDefinition.model_validate(stored.definition)


async def style_palette(request: Request, key: ApiKey | None, style_id: str) -> list[str] | None:
    definition = await load_style(request, key, style_id)
    return list(definition.palette) or None


async def reference_style(request: Request, references: Any) -> Any:
    """A one-off StyleDefinition from a generation's `style_reference_urls` (1–5 http(s) or data URLs; not stored)."""
    from artboard.edit.styles import derive_style

    if not isinstance(references, list) or not references or len(references) > MAX_REFERENCES:
        raise InvalidParameter(
            "style_reference_urls must be a list of 1 to 5 image URLs",
            param="style_reference_urls",
            allowed=f"1..{MAX_REFERENCES} http(s) or data: URLs",
        )
    images = []
    for index, url in enumerate(references):
        if not isinstance(url, str):
            raise InvalidParameter("each style reference must be a URL string", param=f"style_reference_urls[{index}]")
        images.append(await serving.image_source(request, url, None, required=f"style_reference_urls[{index}]"))
    return await asyncio.to_thread(derive_style, images)
