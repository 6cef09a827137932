"""Stored styles (made with Recraft's `POST /v1/styles`) applied in the dialects that have no style field of
their own: OpenRouter `image_config.style_id`, API-in-One `style_id`, PixelDojo `style_id` (docs/image-tools.md).

A named style fixes the palette and background unless the request sets its own, and carries the rest of its look
in `spec.style` for the composer; a brand kit's style also sets the brand name (and tagline) as the copy when the
prompt sets none; an unknown id (or another key's) is a 400 naming the dialect's field. Basic styles
(GET /v1/styles/basic) are found by the same lookup.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request

from artboard.errors import InvalidParameter, NotFound
from artboard.jobs.types import ApiKey
from artboard.server.deps import get_service, key_id
from artboard.spec import GenerationSpec, StyleControls


async def with_style(
    request: Request, key: ApiKey | None, spec: GenerationSpec, style_id: Any, *, param: str
) -> GenerationSpec:
    """`spec` with the stored style `style_id` applied (unchanged when style_id is None)."""
    if style_id is None:
        return spec
    if not isinstance(style_id, str) or not style_id.strip():
        raise InvalidParameter(f"{param} must be a style id", param=param, allowed="an id from POST /v1/styles")
    from artboard.colors import parse_color
    from artboard.edit.styles import StyleDefinition
    from artboard.jobs.styles import StyleStore

    store = StyleStore(get_service(request).store.engine)
    try:
        stored = await asyncio.to_thread(store.get, key_id(key), style_id, param=param)
    except NotFound as missing:
        raise InvalidParameter(missing.message, param=param, allowed="an id from POST /v1/styles") from None
    style = StyleDefinition.model_validate(stored.definition)
    update: dict[str, Any] = {"style": StyleControls(**style.controls(style_id.strip()))}
    if spec.palette is None and style.palette:
        update["palette"] = tuple(style.palette_rgb())
    if spec.background is None and style.background_color:
        update["background"] = parse_color(style.background_color)
    branded = style.branded(spec.prompt)  # a brand kit's name is the copy when the prompt sets none
    if branded != spec.prompt:
        update["prompt"] = branded
    # Every value is already validated (stored definitions went through StyleDefinition), so a copy suffices.
    return spec.model_copy(update=update)
