"""The `X-Artboard-Warnings` response header: a single answered image's warnings, for clients that read headers only.

Each warning is URL-encoded (so `;`, `%`, line breaks and non-ASCII text are escaped; spaces and plain punctuation
stay readable) and the encoded warnings are joined with `"; "`:

    X-Artboard-Warnings: photographic prompt: the design composer drew a flat illustration …%3B configure …

    warnings = [urllib.parse.unquote(w) for w in response.headers["X-Artboard-Warnings"].split("; ")]

Only responses that answer exactly one image get the header (the warnings of several images could not be told apart
in it); the dialects' bodies carry the warnings of every image (docs/warnings.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import quote

from artboard.jobs.types import StoredArtifact

HEADER = "X-Artboard-Warnings"
_SAFE = " ,:()'/"


def encode(warnings: Iterable[str]) -> str:
    return "; ".join(quote(w, safe=_SAFE) for w in warnings)


def warning_headers(warnings: Sequence[str]) -> dict[str, str]:
    """`{HEADER: …}` when there are warnings, else `{}`."""
    return {HEADER: encode(warnings)} if warnings else {}


def single_image_headers(artifacts: Sequence[StoredArtifact]) -> dict[str, str]:
    """The header for an answer of exactly one image with warnings; `{}` otherwise."""
    if len(artifacts) != 1:
        return {}
    return warning_headers(artifacts[0].warnings)
