"""Validating and pricing a job request: what submit() stores and charges, and what quote() answers.

Prices come from the model catalogue (`artboard.models`): credits per image × n for generate jobs, a flat
`VECTORIZE_CREDITS` for vectorize jobs, per operation and result for image-tool (edit) jobs
(`artboard.edit.request.CREDITS`, from Recraft's list prices); USD = credits × `USD_PER_CREDIT`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from artboard import models, registry
from artboard.engine import resolve_seed
from artboard.errors import InvalidParameter
from artboard.jobs.requests import VectorizeRequest
from artboard.jobs.store import request_digest
from artboard.spec import GenerationSpec, pydantic_to_invalid


@dataclass(frozen=True)
class Quote:
    model: str
    images: int
    credits: int
    usd: float


@dataclass(frozen=True)
class Prepared:
    request: dict[str, Any]  #: what the job row keeps (a generate request with its seed resolved)
    digest: str  #: what an idempotent resubmission must match (computed before the seed is resolved)
    quote: Quote


def prepare(kind: str, request: dict[str, Any], model: str) -> Prepared:
    """Validate and price a submission; InvalidParameter for a bad request, model, backend or kind."""
    if kind == "generate":
        try:
            spec = GenerationSpec.model_validate_json(json.dumps(request))  # JSON: decodes base64 image bytes
        except ValidationError as exc:
            raise pydantic_to_invalid(exc) from None
        check_backend(spec.backend)
        info = models.resolve_model(model)
        normalised = spec.model_dump(mode="json")
        credits, images, name = info.credits * spec.n, spec.n, info.id
        # A seed fixed now makes a job re-run after a restart draw the same images.
        stored = resolve_seed(spec).model_dump(mode="json")
    elif kind == "vectorize":
        normalised = stored = VectorizeRequest.from_request(request).to_request()
        credits, images, name = models.VECTORIZE_CREDITS, 1, model
    elif kind == "edit":
        from artboard.edit.request import EditRequest

        edit = EditRequest.from_request(request)
        normalised = edit.to_request()
        stored = edit.with_seed().to_request()
        credits, images, name = edit.credits, edit.count, model
    else:
        raise InvalidParameter(f"unknown job kind {kind!r}", param="kind", allowed=["generate", "vectorize", "edit"])
    quote = Quote(model=name, images=images, credits=credits, usd=round(credits * models.USD_PER_CREDIT, 6))
    return Prepared(request=stored, digest=request_digest(kind, model, normalised), quote=quote)


def check_backend(name: str | None) -> None:
    """Unknown backends are a 400 at submit time, not a failed job later (without loading the backend here)."""
    if name is None or name in registry._instances or name in registry.backend_names():
        return
    raise InvalidParameter(f"unknown backend {name!r}", param="backend", allowed=registry.backend_names())
