"""The web playground of `artboard serve`: a single page at `/`, its static files, and two small JSON helpers.

* `GET /` — the page (plain HTML/CSS/JS shipped as package data in `server/static/`; no build step, no CDN,
  no external requests: a strict Content-Security-Policy keeps it to this origin).
* `GET /static/{name}` — `app.js`, `app.css` (only the files listed in `STATIC_FILES`).
* `GET /playground/config` — the size tables, the models (with each dialect's name for them) and the limits the
  page needs to build its controls.
* `GET /playground/manifest?url=<signed /files/ URL>` — the reproducibility manifest embedded in a stored output,
  read through its signed URL (the signature is the authorisation, as for `/files/…`).
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qs, unquote, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from artboard.errors import InvalidParameter, NotFound
from artboard.manifest import read_manifest
from artboard.models import MODELS, ModelInfo
from artboard.server.deps import get_service, get_settings
from artboard.server.files import read_signed_file
from artboard.sizes import SIZE_TABLES
from artboard.spec import MAX_PROMPT, MAX_SEED

router = APIRouter(include_in_schema=False)

STATIC_FILES: dict[str, str] = {
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
#: The page talks to this origin only; SVG outputs are shown through <img>, which never runs their scripts.
CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)
_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}

#: Each dialect's name for the four catalogue models (the other aliases stay valid everywhere).
_RUNWARE_IDS = {
    "artboard-v1": "recraft:v4@0",
    "artboard-v1-vector": "recraft:v4@vector",
    "artboard-v1-pro": "recraft:v4-pro@0",
    "artboard-v1-pro-vector": "recraft:v4-pro@vector",
}


def _static(name: str) -> bytes:
    return resources.files("artboard.server").joinpath("static").joinpath(name).read_bytes()


@router.get("/", response_class=HTMLResponse)
async def index() -> Response:
    return Response(_static("index.html"), media_type="text/html; charset=utf-8", headers=_HEADERS)


@router.get("/static/{name}")
async def static(name: str) -> Response:
    media_type = STATIC_FILES.get(name)
    if media_type is None:
        raise NotFound(f"no static file {name!r}", param="name")
    return Response(_static(name), media_type=media_type, headers=_HEADERS)


def _model_json(info: ModelInfo) -> dict[str, Any]:
    from artboard.server.pixeldojo.protocol import API_IDS
    from artboard.server.recraft.protocol import RECRAFT_NAMES

    recraft = RECRAFT_NAMES.get(info.id, info.id)
    return {
        "id": info.id,
        "name": info.name,
        "tier": info.tier,
        "output": info.output,
        "credits": info.credits,
        "description": info.description,
        "names": {
            "recraft": recraft,
            "openrouter": next((a for a in info.aliases if a.startswith("recraft/")), info.id),
            "runware": _RUNWARE_IDS.get(info.id, info.id),
            "pixeldojo": API_IDS.get(info.id, info.id),
        },
    }


@router.get("/playground/config")
async def config(request: Request) -> JSONResponse:
    settings = get_settings(request)
    body = {
        "sizes": {tier: {ratio: [w, h] for ratio, (w, h) in table.items()} for tier, table in SIZE_TABLES.items()},
        "models": [_model_json(m) for m in MODELS],
        "limits": {"prompt": MAX_PROMPT, "seed": MAX_SEED, "n": 6, "palette": 10, "quality": [20, 99]},
        "auth": settings.auth_enabled,
        "base_url": str(request.base_url).rstrip("/"),
    }
    return JSONResponse(body, headers={"Cache-Control": "no-cache"})


def _file_params(url: str) -> tuple[str, int, str]:
    """(key, expires, sig) of a signed `/files/{key}?expires=&sig=` URL (absolute or a path)."""
    parts = urlsplit(url)
    marker = "/files/"
    if marker not in parts.path:
        raise InvalidParameter("url must be a signed /files/… URL of this server", param="url")
    key = unquote(parts.path.split(marker, 1)[1])
    query = parse_qs(parts.query)
    try:
        expires = int(query["expires"][0])
        sig = query["sig"][0]
    except (KeyError, IndexError, ValueError):
        raise InvalidParameter("url lacks its expires/sig signature", param="url") from None
    return key, expires, sig


@router.get("/playground/manifest")
async def manifest(request: Request, url: Annotated[str, Query(max_length=4000)]) -> JSONResponse:
    key, expires, sig = _file_params(url)
    data = read_signed_file(get_service(request), key, expires, sig, param="url")
    body = {"key": key, "bytes": len(data), "manifest": read_manifest(data)}
    return JSONResponse(body, headers={"Cache-Control": "private, max-age=3600"})
