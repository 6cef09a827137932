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


# ---- what each dialect reports: its own service's model ids and units, from one table --------------------------
#
# The key's ledger is always charged in artboard credits (models.MODELS). What a response *reports* is the price in
# the units of the service the client was written for, for the model id it asked for:
#   recraft    API units, 1,000 = $1 (Recraft bills units; V4 1K raster = 40)
#   runware    USD per image (`cost`)
#   openrouter USD (`usage.cost`)
#   apiinone   credits of API-in-One's page (10 / 20 / 60 / 70)
#   pixeldojo  PixelDojo credits (Recraft V4: 1 per image)
# List prices are Recraft's own (reference/api-landscape.md §1.4), except where the service's own page says otherwise
# (OpenRouter lists recraft/recraft-v4.1 at $0.04 per image, not Recraft's $0.035); V4.1 pro vector is not listed
# there and is priced like V4 pro vector.

UNITS: dict[str, str] = {
    "recraft": "Recraft API units (1,000 = $1)",
    "runware": "USD",
    "openrouter": "USD",
    "apiinone": "API-in-One credits",
    "pixeldojo": "PixelDojo credits",
}

# dialect -> {the dialect's model id: (artboard model id, price per image in the dialect's unit)}
DIALECT_MODELS: dict[str, dict[str, tuple[str, float]]] = {
    "recraft": {
        "recraftv4": ("artboard-v1", 40),
        "recraftv4_raster": ("artboard-v1", 40),
        "recraftv4_vector": ("artboard-v1-vector", 80),
        "recraftv4_pro": ("artboard-v1-pro", 250),
        "recraftv4_pro_raster": ("artboard-v1-pro", 250),
        "recraftv4_pro_vector": ("artboard-v1-pro-vector", 300),
        "recraftv4_1": ("artboard-v1", 35),
        "recraftv4_1_raster": ("artboard-v1", 35),
        "recraftv4_1_vector": ("artboard-v1-vector", 80),
        "recraftv4_1_pro": ("artboard-v1-pro", 210),
        "recraftv4_1_pro_raster": ("artboard-v1-pro", 210),
        "recraftv4_1_pro_vector": ("artboard-v1-pro-vector", 300),
        "recraftv4_1_flash": ("artboard-v1", 7),
    },
    "runware": {
        "recraft:v4@0": ("artboard-v1", 0.04),
        "recraft:v4@vector": ("artboard-v1-vector", 0.08),
        "recraft:v4-pro@0": ("artboard-v1-pro", 0.25),
        "recraft:v4-pro@vector": ("artboard-v1-pro-vector", 0.30),
        "recraft:v4.1@0": ("artboard-v1", 0.035),
        "recraft:v4.1@vector": ("artboard-v1-vector", 0.08),
        "recraft:v4.1-pro@0": ("artboard-v1-pro", 0.21),
        "recraft:v4.1-pro@vector": ("artboard-v1-pro-vector", 0.30),
    },
    "openrouter": {
        "recraft/recraft-v4": ("artboard-v1", 0.04),
        "recraft/recraft-v4-vector": ("artboard-v1-vector", 0.08),
        "recraft/recraft-v4-pro": ("artboard-v1-pro", 0.25),
        "recraft/recraft-v4-pro-vector": ("artboard-v1-pro-vector", 0.30),
        "recraft/recraft-v4.1": ("artboard-v1", 0.04),  # OpenRouter's own page (seeds/001): $0.04 per image
        "recraft/recraft-v4.1-vector": ("artboard-v1-vector", 0.08),
        "recraft/recraft-v4.1-pro": ("artboard-v1-pro", 0.21),
    },
    "apiinone": {
        "recraft-v4-text-to-image": ("artboard-v1", 10),
        "recraft-v4-text-to-vector": ("artboard-v1-vector", 20),
        "recraft-v4-pro-text-to-image": ("artboard-v1-pro", 60),
        "recraft-v4-pro-text-to-vector": ("artboard-v1-pro-vector", 70),
        "recraft-v4-text-to-image-pro": ("artboard-v1-pro", 60),
        "recraft-v4-text-to-vector-pro": ("artboard-v1-pro-vector", 70),
    },
    "pixeldojo": {
        "recraft-v4": ("artboard-v1", 1),
        "recraft-v4.1": ("artboard-v1", 1),
        "recraft-v4-vector": ("artboard-v1-vector", 1),
        "recraft-v4-pro": ("artboard-v1-pro", 1),
        "recraft-v4-pro-vector": ("artboard-v1-pro-vector", 1),
    },
}


#: a vectorize job in each dialect's unit (Recraft: $0.01 a vectorize)
VECTORIZE_PRICE: dict[str, float] = {"recraft": 10, "runware": 0.01, "openrouter": 0.01, "apiinone": 2, "pixeldojo": 1}


def dialect_model(dialect: str, name: str | None, *, default: str, param: str = "model") -> models.ModelInfo:
    """The artboard model for a dialect's model id (its own ids first, then artboard ids and aliases);
    an unknown id is an InvalidParameter listing the dialect's own ids."""
    table = DIALECT_MODELS[dialect]
    key = (name or default).strip().lower()
    if key in table:
        return models.resolve_model(table[key][0])
    try:
        return models.resolve_model(key, param=param)
    except InvalidParameter:
        raise InvalidParameter(f"unknown model {name!r}", param=param, allowed=list(table)) from None


def dialect_price(dialect: str, name: str | None, model_id: str) -> float:
    """Price of one image in the dialect's unit: for the id the client asked for, else for the artboard model
    (the first of the dialect's ids that stands for it)."""
    table = DIALECT_MODELS[dialect]
    key = (name or "").strip().lower()
    if key in table:
        return table[key][1]
    if "vectorize" in (key, model_id):
        return VECTORIZE_PRICE[dialect]
    resolved = model_id
    if key:
        try:
            resolved = models.resolve_model(key).id
        except InvalidParameter:
            resolved = model_id
    return next((price for target, price in table.values() if target == resolved), 0.0)


def dialect_cost(dialect: str, name: str | None, model_id: str, images: int) -> float:
    """What `images` images of that model cost in the dialect's unit (rounded as the service shows it)."""
    total = dialect_price(dialect, name, model_id) * max(0, images)
    return round(total, 6) if UNITS[dialect] == "USD" else round(total, 3) if total % 1 else int(total)


def reported_cost(dialect: str, job: Any) -> float:
    """A job's price as its dialect reports it: every image it asked for, at the price of the model id the client
    named (`meta["requested_model"]` when the job is filed under another id), in the dialect's unit."""
    if job.kind == "edit":  # image tools have no model id of their own: their list price in the dialect's unit
        from artboard.edit.request import list_usd

        return edit_cost(dialect, list_usd(job.request))
    images = int(job.request.get("n", 1)) if job.kind == "generate" else 1
    name = job.meta.get("requested_model") or job.model
    model_id = "vectorize" if job.kind == "vectorize" else job.model
    if name != job.model and job.kind == "generate":
        try:  # the request moved to another model (a 2K image_size on a 1K id): price what was drawn
            if models.resolve_model(name).id != models.resolve_model(job.model).id:
                name = job.model
        except InvalidParameter:
            name = job.model
    return dialect_cost(dialect, name, model_id, images)


def edit_cost(dialect: str, usd: float) -> float:
    """An image-tool job's price (USD, Recraft's list: artboard.edit.request.LIST_USD) in the dialect's unit."""
    per_usd = {"recraft": 1000.0, "apiinone": 1 / models.USD_PER_CREDIT, "pixeldojo": 25.0}.get(dialect, 1.0)
    total = usd * per_usd
    return round(total, 6) if UNITS[dialect] == "USD" else round(total, 3) if total % 1 else int(total)
