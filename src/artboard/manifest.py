"""Manifests embedded in every artifact, and read back from any of them.

SVG: a `<metadata>` element holding the JSON. PNG: an iTXt chunk (keyword ``artboard``) plus an XMP packet.
JPEG/WEBP: an XMP packet whose ``artboard:manifest`` property holds the JSON. The JSON is canonical
(sorted keys, no whitespace variance) so identical inputs give identical bytes.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from html import escape, unescape
from typing import Any

MANIFEST_NS = "urn:artboard:manifest:1"
PNG_KEYWORD = b"artboard"
XMP_KEYWORD = b"XML:com.adobe.xmp"
_SVG_META_RE = re.compile(r"<metadata[^>]*>\s*<artboard:manifest[^>]*>(.*?)</artboard:manifest>\s*</metadata>", re.S)
_XMP_RE = re.compile(rb'artboard:manifest="([^"]*)"')


def canonical_json(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def xmp_packet(manifest: dict[str, Any]) -> bytes:
    payload = escape(canonical_json(manifest), quote=True)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" xmlns:artboard="{MANIFEST_NS}" artboard:manifest="{payload}"/>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
    ).encode()


def embed_svg(svg: str, manifest: dict[str, Any]) -> str:
    """Insert (or replace) the manifest as the first child of the root <svg>."""
    svg = _SVG_META_RE.sub("", svg)
    block = (
        f'<metadata><artboard:manifest xmlns:artboard="{MANIFEST_NS}">'
        f"{escape(canonical_json(manifest), quote=False)}</artboard:manifest></metadata>"
    )
    start = svg.find("<svg")
    end = svg.find(">", start)
    if start < 0 or end < 0:
        raise ValueError("not an SVG document")
    return svg[: end + 1] + block + svg[end + 1 :]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def embed_png(png: bytes, manifest: dict[str, Any]) -> bytes:
    """Add iTXt chunks before IEND without re-encoding the image (cheap for large PNGs)."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("not a PNG")
    text = canonical_json(manifest).encode("utf-8")
    chunks = _png_chunk(b"iTXt", PNG_KEYWORD + b"\x00\x00\x00\x00\x00" + text)
    chunks += _png_chunk(b"iTXt", XMP_KEYWORD + b"\x00\x00\x00\x00\x00" + xmp_packet(manifest))
    iend = png.rfind(b"IEND") - 4
    return png[:iend] + chunks + png[iend:]


def _png_text_chunks(png: bytes) -> dict[bytes, bytes]:
    found: dict[bytes, bytes] = {}
    pos = 8
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        data = png[pos + 8 : pos + 8 + length]
        if kind == b"iTXt":
            keyword, _, rest = data.partition(b"\x00")
            # compression flag, method, then language and translated keyword, each NUL terminated
            compressed = rest[0] == 1
            rest = rest[2:]
            _, _, rest = rest.partition(b"\x00")
            _, _, text = rest.partition(b"\x00")
            found[keyword] = zlib.decompress(text) if compressed else text
        if kind == b"IEND":
            break
        pos += 12 + length
    return found


def read_manifest(data: bytes) -> dict[str, Any] | None:
    """The manifest of an artifact in any of our formats, or None."""
    head = data[:512].lstrip()
    if head.startswith(b"<") and (b"<svg" in data[:4096]):
        match = _SVG_META_RE.search(data.decode("utf-8"))
        return json.loads(unescape(match.group(1))) if match else None
    if data.startswith(b"\x89PNG"):
        chunks = _png_text_chunks(data)
        if PNG_KEYWORD in chunks:
            loaded: dict[str, Any] = json.loads(chunks[PNG_KEYWORD].decode("utf-8"))
            return loaded
        return None
    xmp = _XMP_RE.search(data)
    if xmp:
        parsed: dict[str, Any] = json.loads(unescape(xmp.group(1).decode("utf-8")))
        return parsed
    return None
