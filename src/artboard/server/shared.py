"""Paths two dialects share, answered in the shape of the caller that can be told apart by its body.

`POST /api/v1/images/generations` is API-in-One's route, and also where the OpenAI SDK's `images.generate` posts
when pointed at OpenRouter's base URL (`…/api/v1`). API-in-One bodies are recognised by what only they carry (an
`image_size`, one of API-in-One's sub-model ids); OpenAI images requests by a field only OpenAI's API has (`size`,
`response_format`, `quality`, …) or a model id OpenRouter knows, and they get OpenRouter's image API answer
(`{created, data, usage}`). Anything else (a bare prompt, an unknown model) is API-in-One's, the path's owner.
Each dialect also has its own base URL (`/apiinone/api/v1`, `/openrouter/api/v1`, …) where nothing is guessed.

`GET /api/v1/models` is OpenRouter's model list and PixelDojo's discovery. A GET has no body, so the headers
decide (`models_caller`): the OpenAI SDKs (which OpenRouter's docs use) send `X-Stainless-*` headers and a
`User-Agent` of `OpenAI/…`, OpenRouter's own SDK names itself in its `User-Agent`, and OpenRouter's documented
optional headers are `HTTP-Referer` / `X-Title`; those callers get OpenRouter's `{data}` alone. A caller naming
PixelDojo gets its discovery body alone. Anything else (curl, httpx, fetch: what PixelDojo's page shows, and what
an OpenRouter client without those headers looks like too) cannot be told apart, and gets both bodies in one —
their keys (`data`; `models`, `total`, …) do not collide, so either client reads its own.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from artboard.errors import InvalidParameter
from artboard.jobs.pricing import DIALECT_MODELS, dialect_model
from artboard.server.deps import authenticate

router = APIRouter()


#: fields of OpenAI's images.generate (and OpenRouter's image API) that API-in-One's page does not have
_OPENAI_KEYS = frozenset({
    "size", "response_format", "quality", "style", "output_format", "background", "moderation", "user",
    "output_compression", "partial_images", "stream", "input_references", "aspect_ratio", "resolution", "provider",
})  # fmt: skip


def models_caller(request: Request) -> str | None:
    """ "openrouter" or "pixeldojo" when the request's headers say who calls `GET /api/v1/models`, else None."""
    headers = request.headers
    agent = headers.get("user-agent", "").lower()
    if "pixeldojo" in agent:
        return "pixeldojo"
    if agent.startswith("openai/") or "openrouter" in agent:
        return "openrouter"
    if "http-referer" in headers or "x-title" in headers or any(k.startswith("x-stainless-") for k in headers):
        return "openrouter"
    return None


#: what a cache must key `GET /api/v1/models` on: the answer depends on these request headers
MODELS_VARY = "User-Agent, HTTP-Referer, X-Title, X-Stainless-Lang"


def is_apiinone(body: dict[str, Any]) -> bool:
    """True for an API-in-One generations body, False for an OpenAI / OpenRouter images body.

    A body neither side recognises (an unknown model, nothing but a prompt) goes to API-in-One, the path's owner.
    """
    if "image_size" in body:
        return True
    model = body.get("model")
    name = model.strip().lower() if isinstance(model, str) else None
    if name in DIALECT_MODELS["apiinone"]:
        return True
    if _OPENAI_KEYS & set(body):
        return False
    if name is None:
        return True
    try:
        dialect_model("openrouter", name, default=name)
    except InvalidParameter:
        return True
    return False


@router.post("/api/v1/images/generations", include_in_schema=False)
async def images_generations(request: Request) -> Response:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        request.state.dialect = "apiinone"
        raise InvalidParameter("the body must be a JSON object", param="body")
    if is_apiinone(body):
        from artboard.server.apiinone import serving as apiinone
        from artboard.server.apiinone.protocol import GenerationRequest

        key = await authenticate(request, "apiinone")
        return JSONResponse(await apiinone.create(request, key, _validate(GenerationRequest, body)))
    from artboard.server.openrouter import serving as openrouter
    from artboard.server.openrouter.protocol import ImagesRequest

    key = await authenticate(request, "openrouter")
    return await openrouter.images(request, _validate(ImagesRequest, body), key)


def _validate(model: Any, body: dict[str, Any]) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError as exc:  # the same 4xx as a typed route's body, in the chosen dialect's shape
        errors = [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from None
