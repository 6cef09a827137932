"""Recraft-native serving: submit a job, wait for it (Recraft answers synchronously), answer in Recraft's shape.

Responses:

* generations / imageToImage: `{created, credits, data: [{image_id, url | b64_json, revised_prompt, features:
  {nsfw_score}}]}` — `credits` is what the request charged (artboard credits); URLs are signed and expire with the
  job's files (server TTL). Vector models give an SVG (`.svg` URL or base64 of the SVG text).
* vectorize: `{created, credits, image: {image_id, url | b64_json}}`.
* warnings (docs/warnings.md): `data[i].warnings`, a list of sentences, present only when image i has any (e.g. a
  photographic prompt drawn flat by the composer); a one-image answer also gets the `X-Artboard-Warnings` header.
* a job still running after `sync_timeout_seconds` → 408; resend with the same `Idempotency-Key` to pick it up.

Errors: `{"error": {"message", "type", "param", "code"}}` (what the OpenAI client parses) with the error's status.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from artboard.errors import ArtboardError, InvalidParameter, PayloadTooLarge
from artboard.imageio import MAX_BYTES
from artboard.jobs.pricing import reported_cost
from artboard.jobs.requests import make_vectorize_request
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey, Job, StoredArtifact
from artboard.models import MODELS, VECTORIZE_CREDITS, ModelInfo
from artboard.server.deps import get_service, get_settings, key_id
from artboard.server.dialect import finished_job, idempotency_key, input_image
from artboard.server.errors import error_from_job, headers_for
from artboard.server.recraft.protocol import (
    RECRAFT_NAMES,
    GenerationRequest,
    ImageToImageRequest,
    VectorizeRequest,
    log_ignored,
    response_format_of,
    to_spec,
    vectorize_options,
)
from artboard.server.warning_headers import single_image_headers
from artboard.spec import pydantic_to_invalid

DIALECT = "recraft"
IMAGE_FILE_FIELDS = ("image",)
VECTORIZE_FILE_FIELDS = ("file", "image")

_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "insufficient_quota",
    403: "permission_error",
    404: "not_found_error",
    408: "timeout_error",
    409: "conflict_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
}


def render_error(error: ArtboardError, request: Request) -> Response:
    """Recraft errors in the OpenAI-compatible shape `{"error": {"message", "type", "param", "code"}}`."""
    body: dict[str, Any] = {
        "error": {
            "message": error.describe(),
            "type": _OPENAI_TYPES.get(error.status, "server_error" if error.status >= 500 else "invalid_request_error"),
            "param": error.param,
            "code": error.code,
        }
    }
    if error.allowed is not None:
        body["error"]["allowed"] = error.allowed
    return JSONResponse(body, status_code=error.status, headers=headers_for(error))


# ---------------------------------------------------------------------------------------------------------------
# request bodies: JSON, or multipart/form-data with one image file


async def read_body(request: Request, file_fields: tuple[str, ...]) -> tuple[dict[str, Any], tuple[str, bytes] | None]:
    """The fields of a JSON or form body, and the first image file among `file_fields` (multipart only)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        fields: dict[str, Any] = {}
        found: tuple[str, bytes] | None = None
        try:
            async with request.form(max_files=8, max_fields=200) as form:  # closes the spooled files on exit
                for name, value in form.multi_items():
                    if isinstance(value, UploadFile):
                        if name in file_fields and found is None:
                            data = await value.read(MAX_BYTES + 1)
                            if len(data) > MAX_BYTES:
                                raise PayloadTooLarge(f"{name} is over {MAX_BYTES} bytes", param=name)
                            found = (name, data)
                    elif value != "":
                        fields[name] = _form_value(value)
        except (HTTPException, ValueError) as exc:
            raise InvalidParameter(f"cannot read the form body: {getattr(exc, 'detail', exc)}", param="body") from None
        return fields, found
    raw = await request.body()
    if not raw.strip():
        raise InvalidParameter("the request body is empty; send JSON or multipart/form-data", param="body")
    try:
        body = json.loads(raw)
    except ValueError:
        raise InvalidParameter("the request body is not valid JSON", param="body") from None
    if not isinstance(body, dict):
        raise InvalidParameter("the request body must be a JSON object", param="body")
    return body, None


def _form_value(value: str) -> Any:
    """Form fields are text; nested values (controls, palettes) arrive as JSON text."""
    text = value.strip()
    if text[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            return value
    return value


M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], fields: dict[str, Any]) -> M:
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None


async def image_source(request: Request, url: str | None, file: tuple[str, bytes] | None, *, required: str) -> bytes:
    """The input image bytes: uploaded, decoded from a data URL, or fetched from an http(s) URL (SSRF-guarded)."""
    if file is not None:
        return file[1]
    if url is None or not url.strip():
        raise InvalidParameter(
            f"an input image is required: a multipart file '{required}' or JSON 'image_url'", param=required
        )
    return await input_image(get_settings(request).fetch_allow, url, param="image_url")


# ---------------------------------------------------------------------------------------------------------------
# jobs


async def run_job(
    request: Request, key: ApiKey | None, *, kind: str, payload: dict[str, Any], model: str, meta: dict[str, Any]
) -> Job:
    """Submit, then wait for the job (Recraft is synchronous); the failed job's error is raised as is."""
    service = get_service(request)
    settings = get_settings(request)
    job = await service.submit(
        kind=kind,  # type: ignore[arg-type]
        request=payload,
        model=model,
        dialect=DIALECT,
        key_id=key_id(key),
        meta=meta,
        idempotency_key=idempotency_key(request),
    )
    hint = "send the request again with the same Idempotency-Key to collect it"
    return await finished_job(service, job, timeout=settings.sync_timeout_seconds, hint=hint)


async def image_object(service: Service, job: Job, artifact: StoredArtifact, response_format: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"image_id": artifact.image_id}
    if response_format == "b64_json":
        data = await asyncio.to_thread(service.read_artifact, artifact.key)
        entry["b64_json"] = base64.b64encode(data).decode("ascii")
    else:
        expires = job.expires_at.timestamp() if job.expires_at is not None else None
        entry["url"] = service.signed_url(artifact.key, expires_at=expires)
    return entry


def nsfw_score(artifact: StoredArtifact) -> float:
    """The safety checker's score from the artifact's manifest (vector outputs: 0 unless flagged)."""
    safety = artifact.manifest.get("safety")
    score = safety.get("nsfw_score") if isinstance(safety, dict) else None
    if isinstance(score, int | float) and not isinstance(score, bool):
        return float(score)
    return 1.0 if artifact.nsfw else 0.0


def created_of(job: Job) -> int:
    return int(job.created_at.timestamp())


async def generate(
    request: Request,
    key: ApiKey | None,
    req: GenerationRequest | ImageToImageRequest,
    *,
    image: Any = None,
    image_param: str = "image",
    response: Response | None = None,
) -> dict[str, Any]:
    route = "imageToImage" if isinstance(req, ImageToImageRequest) else "generations"
    log_ignored(req, route)
    response_format = response_format_of(req.response_format)
    style = None
    if req.style_id:
        from artboard.server.recraft.styles import load_style

        style = await load_style(request, key, req.style_id)
        req = req.model_copy(update={"prompt": style.branded(req.prompt)})  # a brand kit's name as the copy
    elif (req.model_extra or {}).get("style_reference_urls") is not None:
        from artboard.server.recraft.styles import reference_style

        style = await reference_style(request, (req.model_extra or {})["style_reference_urls"])
    if image is None:
        _info, spec = to_spec(req, style=style)
    else:  # decoding and checking the input image is CPU work: keep it off the event loop
        service = get_service(request)  # in the decoding process: a large input must not stall this one
        _info, spec = await service.offload.run(to_spec, req, image=image, image_param=image_param, style=style)
    meta = {"response_format": response_format, "route": route}
    job = await run_job(
        request, key, kind="generate", payload=spec.model_dump(mode="json"), model=req.model or "recraftv4", meta=meta
    )
    service = get_service(request)
    data = []
    for artifact in job.artifacts:
        entry = await image_object(service, job, artifact, response_format)
        entry["revised_prompt"] = spec.prompt
        entry["features"] = {"nsfw_score": nsfw_score(artifact)}
        if artifact.warnings:
            entry["warnings"] = artifact.warnings
        data.append(entry)
    if response is not None:
        response.headers.update(single_image_headers(job.artifacts))
    return {"created": created_of(job), "credits": reported_cost("recraft", job), "data": data}


async def generations(
    request: Request, key: ApiKey | None, req: GenerationRequest, response: Response | None = None
) -> dict[str, Any]:
    return await generate(request, key, req, response=response)


async def image_to_image(request: Request, key: ApiKey | None, response: Response | None = None) -> dict[str, Any]:
    fields, file = await read_body(request, IMAGE_FILE_FIELDS)
    req = parse(ImageToImageRequest, fields)
    if req.strength is None:  # before fetching anything
        raise InvalidParameter("strength is required for imageToImage", param="strength", allowed="0..1")
    image = await image_source(request, req.image_url, file, required="image")
    image_param = "image" if file is not None else "image_url"
    return await generate(request, key, req, image=image, image_param=image_param, response=response)


async def vectorize(request: Request, key: ApiKey | None) -> dict[str, Any]:
    fields, file = await read_body(request, VECTORIZE_FILE_FIELDS)
    req = parse(VectorizeRequest, fields)
    log_ignored(req, "vectorize")
    response_format = response_format_of(req.response_format)
    options = vectorize_options(req)
    source = await image_source(request, req.image_url, file, required="file")
    param = file[0] if file is not None else "image_url"
    try:
        vectorize_request = await get_service(request).offload.run(make_vectorize_request, source, **options)
        payload = vectorize_request.to_request()
    except InvalidParameter as exc:
        if exc.param != "image":
            raise
        raise type(exc)(exc.message, param=param, allowed=exc.allowed, details=exc.details) from None
    job = await run_job(
        request,
        key,
        kind="vectorize",
        payload=payload,
        model="vectorize",
        meta={"response_format": response_format, "route": "vectorize"},
    )
    if not job.artifacts:
        raise error_from_job(job.error, job_id=job.id)
    image = await image_object(get_service(request), job, job.artifacts[0], response_format)
    return {"created": created_of(job), "credits": reported_cost("recraft", job), "image": image}


# ---------------------------------------------------------------------------------------------------------------
# discovery


def model_entry(info: ModelInfo, model_id: str) -> dict[str, Any]:
    return {
        "id": model_id,
        "object": "model",
        "created": 0,
        "owned_by": "artboard",
        "name": info.name,
        "description": info.description,
        "input_modalities": ["text", "image"],
        "output_modalities": ["image"],
        "output_format": "svg" if info.output == "vector" else "png|webp",
        "pricing": {"image": f"{info.usd:g}", "credits": info.credits},
        "canonical_id": info.id,
    }


def models() -> dict[str, Any]:
    """Recraft's names first (recraftv4, …_vector, …_pro, …_pro_vector), then artboard's own ids."""
    data = [model_entry(m, RECRAFT_NAMES.get(m.id, m.id)) for m in MODELS]
    data += [model_entry(m, m.id) for m in MODELS if m.id in RECRAFT_NAMES]
    data.append(
        {
            "id": "vectorize",
            "object": "model",
            "created": 0,
            "owned_by": "artboard",
            "name": "vectorize (raster → SVG)",
            "input_modalities": ["image"],
            "output_modalities": ["image"],
            "output_format": "svg",
            "pricing": {
                "image": f"{VECTORIZE_CREDITS * MODELS[0].usd / MODELS[0].credits:g}",
                "credits": VECTORIZE_CREDITS,
            },
        }
    )
    return {"object": "list", "data": data}


def me(key: ApiKey | None) -> dict[str, Any]:
    if key is None:
        return {"id": "anonymous", "email": None, "name": "anonymous (auth off)", "credits": None}
    return {"id": key.id, "email": None, "name": key.name, "credits": key.credits}
