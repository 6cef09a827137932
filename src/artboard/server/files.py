"""`GET /files/{key}?expires=&sig=`: stored outputs behind signed, expiring URLs (`Service.signed_url`).

403 for a bad signature, 410 once expired (or swept), 404 for a signed key with no file; `ETag` + `If-None-Match`
(304) and a `Cache-Control` lifetime that ends when the URL does.
"""

from __future__ import annotations

import hashlib
import mimetypes
import time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from artboard.errors import NotFound
from artboard.jobs.service import Service
from artboard.server.deps import get_service
from artboard.server.errors import Forbidden, Gone
from artboard.spec import MEDIA_TYPES

router = APIRouter(tags=["service"])

_MEDIA_BY_SUFFIX = {f".{fmt}": media for fmt, media in MEDIA_TYPES.items()} | {".jpeg": "image/jpeg"}


def media_type_for(key: str) -> str:
    suffix = "." + key.rsplit(".", 1)[-1].lower() if "." in key else ""
    return _MEDIA_BY_SUFFIX.get(suffix) or mimetypes.guess_type(key)[0] or "application/octet-stream"


@router.get(
    "/files/{key:path}",
    summary="Download a stored output through its signed URL",
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}, 403: {}, 404: {}, 410: {}},
)
async def get_file(
    request: Request,
    key: str,
    expires: Annotated[int, Query(description="Unix time the URL expires at")],
    sig: Annotated[str, Query(max_length=256, description="HMAC signature of key + expires")],
) -> Response:
    data = read_signed_file(get_service(request), key, expires, sig)
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    max_age = max(0, int(expires - time.time()))
    headers = {
        "ETag": etag,
        "Cache-Control": f"private, max-age={max_age}, immutable",
        "X-Content-Type-Options": "nosniff",
    }
    media_type = media_type_for(key)
    if media_type == "image/svg+xml":  # served as an image, never as a document that could run script
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    if etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(content=data, media_type=media_type, headers=headers)


def read_signed_file(service: Service, key: str, expires: int, sig: str, *, param: str | None = None) -> bytes:
    """The bytes of a stored file behind a signed URL: 410 once expired or swept, 403 for a bad signature.

    `param` names the parameter in errors when the URL arrived as one value (e.g. `url`), instead of its parts.
    """
    if expires < time.time():
        raise Gone("this file URL has expired; request the job again for a fresh URL", param=param or "expires")
    if not service.verify_signed(key, expires, sig):
        raise Forbidden("invalid file signature", param=param or "sig")
    try:
        return service.read_artifact(key)
    except (FileNotFoundError, NotFound):
        raise Gone("this file is no longer stored", param=param or "key") from None
