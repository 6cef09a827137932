"""Recraft `POST /v1/prompts/enhance`: a short prompt expanded into a fuller design brief.

Body (JSON or form): `prompt` (1–2,000 characters, Recraft's limit for this endpoint). Answer, Recraft's shape:
`{enhanced_prompt, credits}` (credits in Recraft's API units: $0.01 = 10), plus our extension `understood` — what
the composer read in the prompt (kind of design, subjects, copy, colours, styles, moods) — and `added`, the clauses
the enhancement wrote (artboard.edit.prompts; docs/image-tools.md). The key is charged through the credits ledger
before the work and refunded if it fails (artboard.jobs.charges); no job, it runs in a thread of the API process
(a few milliseconds: the composer's reader, no image).
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from artboard.errors import InvalidParameter
from artboard.jobs.types import ApiKey
from artboard.server.deps import get_service, key_id, require_key
from artboard.server.recraft import serving
from artboard.server.recraft.protocol import log_ignored

router = APIRouter()
Key = Annotated[ApiKey | None, Depends(require_key(serving.DIALECT))]
MAX_PROMPT = 2_000  #: Recraft's limit for the text to enhance
#: Recraft's list price $0.01 per request: 10 Recraft API units; the ledger charges whole artboard credits
#: ($0.004 each), so 3 (as removeBackground's $0.01).
CREDITS = 3
RECRAFT_UNITS = 10
LIST_USD = 0.01


class EnhanceRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    prompt: str | None = Field(default=None, description="the prompt to enhance (1–2,000 characters)")


def _openapi_body() -> dict[str, Any]:
    schema = EnhanceRequest.model_json_schema()
    content = {"application/json": {"schema": schema}, "multipart/form-data": {"schema": schema}}
    return {"requestBody": {"required": True, "content": content}}


@router.post(
    "/prompts/enhance",
    summary="Expand a short prompt into a fuller design brief (the composer's own vocabulary)",
    responses={400: {"description": "Invalid parameter"}, 402: {"description": "Not enough credits"}},
    openapi_extra=_openapi_body(),
)
async def enhance(request: Request, key: Key) -> dict[str, Any]:
    from artboard.edit.prompts import check_prompt, enhance_prompt
    from artboard.jobs.charges import charge, refund

    fields, _ = await serving.read_body(request, ())
    req = serving.parse(EnhanceRequest, fields)
    log_ignored(req, "prompts/enhance")
    text = check_prompt(req.prompt)
    if len(text) > MAX_PROMPT:
        raise InvalidParameter(
            f"prompt is {len(text)} characters; prompt enhance takes at most {MAX_PROMPT}",
            param="prompt",
            allowed=f"1..{MAX_PROMPT} characters",
        )
    store, owner = get_service(request).store, key_id(key)
    operation = await asyncio.to_thread(charge, store, owner, CREDITS)
    try:
        found = (await asyncio.to_thread(enhance_prompt, text))[0]
    except Exception:
        await asyncio.to_thread(refund, store, owner, operation, CREDITS)
        raise
    return {
        "enhanced_prompt": found.prompt,
        "credits": RECRAFT_UNITS,
        "understood": found.understood,
        "added": list(found.added),
    }
