"""Server-side HTTP with an SSRF guard: fetching input images, PUTting uploads, POSTing webhooks.

Every URL a client hands us (image URLs, `uploadEndpoint`, `webhookURL`) is attacker-controlled, and the server
usually sits next to things the client must not reach (cloud metadata, databases, admin ports). So:

* `check_url` (the guard, in `artboard.jobs.urlguard` and re-exported here) parses the URL strictly (http/https
  only, no userinfo, sane port, every numeric IPv4 spelling such as `2130706433` or `0x7f.1` normalised the way
  `inet_aton` would read it), resolves the host and refuses when ANY address is loopback, private (RFC 1918, CGNAT,
  ULA), link-local, multicast, unspecified/reserved or a cloud metadata address — unless the operator allow-listed
  the host or the address (`fetch_allow` setting).
* The request is then sent to the vetted IP itself, with the original `Host` header and TLS SNI/certificate name, so
  a second DNS answer (DNS rebinding) cannot redirect the connection after the check.
* Redirects are never followed automatically: `fetch_bytes` follows at most 3 by hand, vetting every hop; PUT and
  POST follow none. Bodies are streamed with a byte limit, every operation has a total time limit, and proxy
  settings from the environment are ignored (a proxy would make the guard's decision meaningless).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import email.utils
import re
import time
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import httpx

from artboard.errors import BackendError, InvalidParameter, PayloadTooLarge

# The guard lives in `urlguard`; its names stay importable from here (callers and tests use `fetch.check_url` …).
from artboard.jobs.urlguard import IPAddress as IPAddress
from artboard.jobs.urlguard import IPNetwork as IPNetwork
from artboard.jobs.urlguard import Resolver as Resolver
from artboard.jobs.urlguard import Target as Target
from artboard.jobs.urlguard import check_url as check_url
from artboard.jobs.urlguard import classify as classify
from artboard.jobs.urlguard import parse_url as parse_url
from artboard.jobs.urlguard import system_resolver as system_resolver
from artboard.jobs.urlguard import vet as vet

MAX_REDIRECTS = 3
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class DeliveryError(BackendError):
    """A remote endpoint we deliver to (uploadEndpoint, webhook) failed or refused; a 502 like any upstream failure.

    `details` carries `status` (the last HTTP status, if any) and `attempts`.
    """


@dataclass(frozen=True)
class Reply:
    status: int
    headers: httpx.Headers


async def _vet_async(
    url: str, allow: Sequence[str], resolver: Resolver | None, param: str, timeout: float
) -> tuple[Target, list[str]]:
    # getaddrinfo blocks and has no deadline of its own: run it in a thread and stop waiting after `timeout`.
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(vet, url, allow=allow, resolver=resolver, param=param), timeout=timeout
        )
    except TimeoutError:
        raise InvalidParameter(
            f"{param}: resolving the host took longer than {timeout:g} s",
            param=param,
            details={"reason": "unresolvable"},
        ) from None


# -------------------------------------------------------------------------------------------------------- transport
def _client(timeout: float) -> httpx.AsyncClient:
    # One client per request hop: the connection pool is keyed by IP, so sharing one across hosts could reuse a TLS
    # session verified for another name. trust_env=False: HTTP(S)_PROXY must not route around the guard.
    return httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=httpx.Timeout(timeout))


def _request(
    client: httpx.AsyncClient, method: str, target: Target, ip: str, content: bytes | None, headers: Mapping[str, str]
) -> httpx.Request:
    merged = httpx.Headers(dict(headers))
    merged["Host"] = target.host_header  # the URL carries the IP; the server still sees the name it was asked for
    # SNI and certificate verification use the original name too (httpcore's "sni_hostname" extension).
    extensions = {"sni_hostname": target.host} if target.scheme == "https" and not target.is_ip else {}
    return client.build_request(method, target.url_for(ip), content=content, headers=merged, extensions=extensions)


async def _send(
    client: httpx.AsyncClient,
    method: str,
    target: Target,
    ips: Sequence[str],
    *,
    content: bytes | None = None,
    headers: Mapping[str, str],
) -> httpx.Response:
    """Streamed response from the first vetted address that accepts a connection (dual-stack, round-robin hosts)."""
    last: httpx.ConnectError | None = None
    for ip in ips:
        try:
            return await client.send(_request(client, method, target, ip, content, headers), stream=True)
        except httpx.ConnectError as exc:
            last = exc
    assert last is not None  # vet() never returns an empty list
    raise last


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """Retry-After as seconds from now (delta-seconds or HTTP-date), None when absent or unreadable."""
    value = headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower() or "application/octet-stream"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.3g} MB" if n >= 1024 * 1024 else f"{n} bytes"


def decode_data_url(url: str, *, max_bytes: int = 10 * 1024 * 1024, param: str = "url") -> tuple[bytes, str]:
    """`data:[<media type>][;base64],<data>` → (bytes, media type), refusing oversized payloads before decoding."""
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise InvalidParameter(f"{param}: malformed data URL (no comma)", param=param)
    params = [p.strip() for p in header.split(";")]
    is_base64 = params[-1].lower() == "base64"
    media = params[0].lower() if params[0] else "text/plain"
    if is_base64:
        payload = re.sub(r"\s+", "", payload)
        if len(payload) // 4 * 3 > max_bytes + 3:
            raise PayloadTooLarge(f"{param}: the data URL is larger than {_size(max_bytes)}", param=param)
        try:
            data = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise InvalidParameter(f"{param}: the data URL is not valid base64", param=param) from None
    else:
        if len(payload) > 3 * max_bytes:  # each decoded byte takes 1–3 characters
            raise PayloadTooLarge(f"{param}: the data URL is larger than {_size(max_bytes)}", param=param)
        data = urllib.parse.unquote_to_bytes(payload)
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"{param}: the data URL is larger than {_size(max_bytes)}", param=param)
    return data, media


# -------------------------------------------------------------------------------------------------------- public API
async def fetch_bytes(
    url: str,
    *,
    allow: Sequence[str] = (),
    max_bytes: int = 10 * 1024 * 1024,
    timeout: float = 10.0,
    param: str = "url",
    resolver: Resolver | None = None,
) -> tuple[bytes, str]:
    """GET an http(s) or `data:` URL through the guard → (body, media type without parameters).

    Redirects: at most 3, each hop vetted again. Errors (all naming `param`): InvalidParameter for refused URLs,
    non-2xx answers, connection failures and the `timeout` (total, redirects and body included); PayloadTooLarge
    past `max_bytes` (announced by Content-Length or counted while streaming).
    """
    if url[:5].lower() == "data:":
        return decode_data_url(url, max_bytes=max_bytes, param=param)
    current = url
    try:
        async with asyncio.timeout(timeout):
            for _hop in range(MAX_REDIRECTS + 1):
                target, ips = await _vet_async(current, allow, resolver, param, timeout)
                async with _client(timeout) as client:
                    # identity: images are compressed already, and a gzip bomb would inflate past the limit per chunk
                    response = await _send(client, "GET", target, ips, headers={"Accept-Encoding": "identity"})
                    try:
                        if response.status_code in _REDIRECTS and "location" in response.headers:
                            current = urllib.parse.urljoin(current, response.headers["location"])
                            continue
                        if not 200 <= response.status_code < 300:
                            raise InvalidParameter(
                                f"{param}: fetching {target.display()} failed with HTTP {response.status_code}",
                                param=param,
                                details={"status": response.status_code},
                            )
                        return await _read_limited(response, max_bytes, param), _media_type(
                            response.headers.get("content-type")
                        )
                    finally:
                        await response.aclose()
            raise InvalidParameter(f"{param}: more than {MAX_REDIRECTS} redirects", param=param)
    except TimeoutError:
        raise InvalidParameter(f"{param}: fetching the URL took longer than {timeout:g} s", param=param) from None
    except httpx.HTTPError as exc:
        raise InvalidParameter(f"{param}: fetching the URL failed ({type(exc).__name__})", param=param) from exc


async def _read_limited(response: httpx.Response, max_bytes: int, param: str) -> bytes:
    too_large = PayloadTooLarge(f"{param}: the fetched file is larger than {_size(max_bytes)}", param=param)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large  # refuse before reading a byte
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def send_request(
    method: str,
    url: str,
    *,
    content: bytes,
    headers: Mapping[str, str],
    allow: Sequence[str] = (),
    timeout: float = 10.0,
    resolver: Resolver | None = None,
    param: str = "url",
) -> Reply:
    """One guarded request, no redirects, body not read. InvalidParameter when refused; DeliveryError when the
    endpoint cannot be reached or does not answer within `timeout` (total)."""
    target, ips = await _vet_async(url, allow, resolver, param, timeout)
    try:
        async with asyncio.timeout(timeout), _client(timeout) as client:
            response = await _send(client, method, target, ips, content=content, headers=headers)
            await response.aclose()  # the body is of no interest, and an endless one must not hold us
            return Reply(response.status_code, response.headers)
    except (TimeoutError, httpx.HTTPError) as exc:
        why = f"did not answer within {timeout:g} s" if isinstance(exc, TimeoutError) else type(exc).__name__
        raise DeliveryError(
            f"{param}: {target.display()} failed: {why}", param=param, details={"status": None}
        ) from exc


async def post_json(
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    allow: Sequence[str] = (),
    timeout: float = 10.0,
    resolver: Resolver | None = None,
    param: str = "webhookURL",
) -> int:
    """POST a JSON body once (no retries, no redirects); the HTTP status. Raises like `send_request`."""
    merged = {"Content-Type": "application/json", **headers}
    reply = await send_request(
        "POST", url, content=body, headers=merged, allow=allow, timeout=timeout, resolver=resolver, param=param
    )
    return reply.status


def retryable(status: int) -> bool:
    """Worth another attempt: rate limited, request timeout or a server error."""
    return status in (408, 429) or status >= 500


async def put_bytes(
    url: str,
    data: bytes,
    content_type: str,
    *,
    allow: Sequence[str] = (),
    attempts: int = 3,
    timeout: float = 30.0,
    resolver: Resolver | None = None,
    param: str = "uploadEndpoint",
    base_delay: float = 0.5,
    max_delay: float = 30.0,
) -> int:
    """Raw-binary HTTP PUT (Runware uploadEndpoint / presigned URLs); the 2xx status it ended with.

    Connection errors, timeouts, 408, 429 and 5xx are retried up to `attempts` times in all, waiting
    base_delay·2^n seconds, or Retry-After when the endpoint sends one (both capped at `max_delay`). Any other
    answer (3xx, 4xx) is final. Failure raises DeliveryError (502) with `details` {status, attempts}; a URL the
    guard refuses raises InvalidParameter at once.
    """
    headers = {"Content-Type": content_type}
    attempts = max(1, attempts)
    last_status: int | None = None
    last_error = ""
    for attempt in range(1, attempts + 1):
        wait: float | None = None
        try:
            reply = await send_request(
                "PUT", url, content=data, headers=headers, allow=allow, timeout=timeout, resolver=resolver, param=param
            )
        except DeliveryError as exc:
            last_status, last_error = None, exc.message
        else:
            last_status = reply.status
            if 200 <= reply.status < 300:
                return reply.status
            last_error = f"{param}: the upload endpoint answered HTTP {reply.status}"
            if not retryable(reply.status):
                raise DeliveryError(last_error, param=param, details={"status": reply.status, "attempts": attempt})
            wait = retry_after_seconds(reply.headers)
        if attempt < attempts:
            delay = base_delay * 2.0 ** (attempt - 1) if wait is None else wait
            await asyncio.sleep(min(delay, max_delay))
    raise DeliveryError(
        f"{last_error} (gave up after {attempts} attempts)",
        param=param,
        details={"status": last_status, "attempts": attempts},
    )
