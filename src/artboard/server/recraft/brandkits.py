"""Brand kits (our extension beside Recraft's styles): a style plus a logo and names, per API key.

    POST   /v1/brand_kits            name*, tagline, logo (multipart file) or logo_url, and the kit's look: style_id
                                     (a style of this key or a basic one) or the style fields of POST /v1/styles
                                     (palette, fonts, style, fill_style, line_weight, corner_radius, image_urls /
                                     images); with none of them the look is derived from the logo itself
    GET    /v1/brand_kits            the key's kits, newest first
    GET    /v1/brand_kits/{id}       one kit
    GET    /v1/brand_kits/{id}/logo  its logo, as stored
    DELETE /v1/brand_kits/{id}       the kit and its style

A kit answers `{id, name, tagline, style_id, logo: {url, sha256, width, height, media_type} | null,
creation_time, style: {...}}`. Its `style_id` works wherever a style id does (Recraft `style_id`, Runware
`providerSettings.recraft.styleId` / `inputs.styleId`, `style_id` in the other dialects): palette, ground, fonts
and fill as for any style, and the brand name (and tagline) set as the design's copy when the prompt gives none.
The logo is vectorised once when the kit is made (artboard.jobs.brandkits) and drawn by the composer as the mark
of logos and badges and in a corner of posters, banners, cards and labels (docs/image-tools.md, Brand kits).
Kits cost no credits, like styles.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import ConfigDict, Field

from artboard.errors import InvalidParameter, NotFound
from artboard.jobs.brandkits import MAX_LOGO_BYTES, BrandKit, BrandKitStore
from artboard.jobs.styles import StoredStyle
from artboard.jobs.types import ApiKey
from artboard.server.deps import get_service, key_id, require_key
from artboard.server.recraft import serving
from artboard.server.recraft.styles import (
    IMAGES_FIELD,
    MAX_REFERENCES,
    StyleRequest,
    _palette_fields,
    answer,
    openapi_body,
    reference_images,
    store_of,
)

router = APIRouter()
Key = Annotated[ApiKey | None, Depends(require_key(serving.DIALECT))]
_LOOK_FIELDS = ("palette", "fonts", "style", "fill_style", "line_weight", "corner_radius", "image_urls")


class BrandKitRequest(StyleRequest):
    model_config = ConfigDict(extra="allow")

    name: str | None = Field(default=None, description="the brand name (1–80 characters): the designs' copy")
    tagline: str | None = Field(default=None, description="a tagline (up to 120 characters), set under the name")
    logo_url: str | None = Field(default=None, description="http(s) or data: URL of the logo (or a `logo` file)")
    style_id: str | None = Field(default=None, description="the kit's look: a style of this key or a basic style")


def kits_of(request: Request) -> BrandKitStore:
    return BrandKitStore(get_service(request).store.engine)


def _text(value: str | None, param: str, limit: int, *, required: bool) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else None
    if not text:
        if required:
            raise InvalidParameter(f"{param} is required", param=param, details={"missing": True})
        return None
    if len(text) > limit:
        raise InvalidParameter(
            f"{param} is {len(text)} characters; at most {limit}", param=param, allowed=f"1..{limit} characters"
        )
    return text


def _logo_record(data: bytes, param: str) -> tuple[str, dict[str, Any]]:
    """The logo's media type and record (sha256, size), after checking it is an image we can read."""
    from artboard.edit.source import MEDIA_TYPES, load_source

    if len(data) > MAX_LOGO_BYTES:
        raise InvalidParameter(
            f"the logo is {len(data)} bytes; at most {MAX_LOGO_BYTES}",
            param=param,
            allowed=f"<= {MAX_LOGO_BYTES} bytes",
        )
    source = load_source(data, param=param, designs=False)
    head = data[:16]
    text = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"\x89PNG"):
        media_type = MEDIA_TYPES["png"]
    elif head.startswith(b"\xff\xd8"):
        media_type = MEDIA_TYPES["jpg"]
    elif head[8:12] == b"WEBP":
        media_type = MEDIA_TYPES["webp"]
    elif text.startswith((b"<svg", b"<?xml")):
        media_type = MEDIA_TYPES["svg"]
    else:  # another format the decoder reads (GIF, BMP…): served back as it came
        media_type = "application/octet-stream"
    record = {"sha256": hashlib.sha256(data).hexdigest(), "width": source.width, "height": source.height}
    return media_type, {**record, "media_type": media_type}


def kit_answer(kit: BrandKit, style: StoredStyle | None) -> dict[str, Any]:
    brand = (style.definition.get("brand") if style is not None else None) or {}
    logo = brand.get("logo") if isinstance(brand, dict) else None
    return {
        "id": kit.id,
        "name": kit.name,
        "tagline": kit.tagline,
        "style_id": kit.style_id,
        "logo": {**logo, "url": f"/v1/brand_kits/{kit.id}/logo"} if logo else None,
        "creation_time": kit.created_at.isoformat(),
        "style": answer(style) if style is not None else None,
    }


async def _definition(request: Request, key: ApiKey | None, req: BrandKitRequest, files: list[bytes], logo: Any) -> Any:
    """The kit's look: a named style, the style fields given, or what the logo itself says."""
    from artboard.edit.styles import StyleDefinition, derive_style

    given = [name for name in _LOOK_FIELDS if getattr(req, name) is not None] + (["images"] if files else [])
    if req.style_id:
        if given:
            raise InvalidParameter(
                f"style_id and {given[0]} are mutually exclusive: a kit's look is a style, or made from the fields",
                param="style_id",
            )
        from artboard.server.recraft.styles import load_style

        named = await load_style(request, key, req.style_id)
        if named.brand is not None:
            raise InvalidParameter("style_id names another brand kit's style", param="style_id")
        return named
    images = await reference_images(request, files, req.image_urls or [], "a kit's style")
    if not given and logo is None:
        raise InvalidParameter(
            "a brand kit needs a look: style_id, style fields (palette, fonts, …), reference images, or a logo",
            param="style_id",
            details={"missing": True},
        )
    if not images and req.palette is None and logo is not None:
        images = [logo]  # the logo's own colours (and, for a design of ours, its fonts) unless a palette is given
    colours, background = _palette_fields(req.palette)
    definition: StyleDefinition = await asyncio.to_thread(
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
    return definition


async def _read_kit(request: Request) -> tuple[dict[str, Any], bytes | None, list[bytes]]:
    """Fields, the `logo` file and the reference image files of a multipart body (JSON: fields only)."""
    from starlette.datastructures import UploadFile
    from starlette.exceptions import HTTPException

    from artboard.errors import PayloadTooLarge
    from artboard.imageio import MAX_BYTES

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "multipart/form-data":
        fields, _ = await serving.read_body(request, ())
        return fields, None, []
    values: dict[str, Any] = {}
    logo: bytes | None = None
    references: list[bytes] = []
    try:
        async with request.form(max_files=MAX_REFERENCES + 2, max_fields=50) as form:
            for field, value in form.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        raise PayloadTooLarge(f"{field} is over {MAX_BYTES} bytes", param=field)
                    if field == "logo" and logo is None:
                        logo = data
                    else:
                        references.append(data)
                elif value != "":
                    values[field] = serving._form_value(value)
    except (HTTPException, ValueError) as exc:
        raise InvalidParameter(f"cannot read the form body: {getattr(exc, 'detail', exc)}", param="body") from None
    return values, logo, references


def _openapi_body() -> dict[str, Any]:
    logo = {"logo": {"type": "string", "format": "binary"}}
    return openapi_body(BrandKitRequest, {**logo, **IMAGES_FIELD}, ("image_urls", "logo_url"))


@router.post(
    "/brand_kits",
    summary="Create a brand kit: a style plus a logo and names (brand name, tagline)",
    openapi_extra=_openapi_body(),
)
async def create_kit(request: Request, key: Key) -> dict[str, Any]:
    fields, logo, references = await _read_kit(request)
    req = serving.parse(BrandKitRequest, fields)
    name = _text(req.name, "name", 80, required=True)
    assert name is not None
    tagline = _text(req.tagline, "tagline", 120, required=False)
    logo_param = "logo"
    if logo is None and req.logo_url:
        logo, logo_param = await serving.image_source(request, req.logo_url, None, required="logo_url"), "logo_url"
    media_type: str | None = None
    record: dict[str, Any] | None = None
    if logo is not None:
        media_type, record = await asyncio.to_thread(_logo_record, logo, logo_param)
    definition = await _definition(request, key, req, references, logo)
    look = definition.model_dump(mode="json", exclude={"brand"})
    kit, style = await asyncio.to_thread(
        kits_of(request).create,
        key_id(key),
        name=name,
        tagline=tagline,
        definition=look,
        logo=logo,
        logo_media_type=media_type,
        logo_record=record,
    )
    return kit_answer(kit, style)


@router.get("/brand_kits", summary="The brand kits of the calling key, newest first")
async def list_kits(request: Request, key: Key) -> dict[str, Any]:
    kits = await asyncio.to_thread(kits_of(request).list, key_id(key))
    styles = store_of(request)
    answers = []
    for kit in kits:
        answers.append(kit_answer(kit, await _style_of(styles, key, kit)))
    return {"brand_kits": answers}


async def _style_of(styles: Any, key: ApiKey | None, kit: BrandKit) -> StoredStyle | None:
    try:
        stored: StoredStyle = await asyncio.to_thread(styles.get, key_id(key), kit.style_id)
        return stored
    except NotFound:
        return None


@router.get("/brand_kits/{kit_id}", summary="One brand kit of the calling key")
async def get_kit(request: Request, kit_id: str, key: Key) -> dict[str, Any]:
    kit = await asyncio.to_thread(kits_of(request).get, key_id(key), kit_id)
    return kit_answer(kit, await _style_of(store_of(request), key, kit))


@router.get("/brand_kits/{kit_id}/logo", summary="The logo of a brand kit, as stored")
async def kit_logo(request: Request, kit_id: str, key: Key) -> Response:
    data, media_type = await asyncio.to_thread(kits_of(request).logo, key_id(key), kit_id)
    return Response(content=data, media_type=media_type)


@router.delete("/brand_kits/{kit_id}", summary="Delete a brand kit and its style")
async def delete_kit(request: Request, kit_id: str, key: Key) -> dict[str, Any]:
    await asyncio.to_thread(kits_of(request).delete, key_id(key), kit_id)
    return {"id": kit_id, "deleted": True}
