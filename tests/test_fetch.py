"""The SSRF guard and the guarded HTTP helpers (jobs/fetch.py).

Network rule for this file: traffic goes only to loopback servers started here. Guard refusals are tested on the
decision itself (nothing connects), names are resolved by injected fake resolvers, and an autouse fixture makes any
attempt to connect or resolve outside loopback fail the test before a packet could leave.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from artboard.errors import InvalidParameter, PayloadTooLarge
from artboard.jobs import fetch
from artboard.jobs.fetch import DeliveryError, check_url, classify, fetch_bytes, parse_url, post_json, put_bytes

REFUSAL = "server-side fetches refuse private, loopback, link-local and metadata addresses"


# ------------------------------------------------------------------------------------------- loopback-only network
@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any connect() or DNS lookup outside loopback raises (and fails the test) instead of touching the network."""
    blocked: list[Any] = []
    connected: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def is_loopback(address: Any) -> bool:
        if isinstance(address, (str, bytes)):  # AF_UNIX (event-loop internals)
            return True
        try:
            return ipaddress.ip_address(str(address[0]).split("%")[0]).is_loopback
        except ValueError:
            return False

    def connect(self: socket.socket, address: Any) -> None:
        if not is_loopback(address):
            blocked.append(address)
            raise OSError(f"test network rule: refused to connect to {address!r}")
        connected.append(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not is_loopback(address):
            blocked.append(address)
            raise OSError(f"test network rule: refused to connect to {address!r}")
        connected.append(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "::1", b"127.0.0.1", None):
            blocked.append(host)
            raise socket.gaierror(f"test network rule: no real DNS lookups ({host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield connected
    assert not blocked, f"the code under test tried to leave loopback: {blocked}"


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Route = Callable[[BaseHTTPRequestHandler, Seen], None]


@dataclass
class Loopback:
    """A threaded http.server on 127.0.0.1 with per-path handlers; records every request."""

    routes: dict[str, Route]
    seen: list[Seen] = field(default_factory=list)
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def serve(tls: ssl.SSLContext | None = None) -> Iterator[Loopback]:
    """A loopback server for one test; stops (and its threads end) when the block exits."""
    state = Loopback(routes={})
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        timeout = 5  # a stuck client cannot keep the thread (and the test) alive

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def handle_any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(
                self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length)
            )
            with lock:
                state.seen.append(seen)
            route = state.routes.get(self.path.split("?")[0])
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route(self, seen)

        do_GET = do_PUT = do_POST = handle_any

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[Loopback]:
    with serve() as state:
        yield state


def reply(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Route:
    def route(handler: BaseHTTPRequestHandler, _seen: Seen) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        with contextlib.suppress(OSError):  # the client may hang up early on purpose (announced size over limit)
            handler.wfile.write(body)

    return route


def never_resolve(host: str) -> list[str]:
    raise AssertionError(f"the resolver must not be called for {host!r}")


FAKE_DNS = {
    "public.test": ["93.184.216.34"],
    "v6.test": ["2606:4700::1111"],
    "internal.test": ["10.0.0.1"],
    "mixed.test": ["93.184.216.34", "192.168.1.10"],
    "rebind.test": ["169.254.169.254"],
    "images.test": ["127.0.0.1"],
}


def fake_resolver(host: str) -> list[str]:
    if host not in FAKE_DNS:
        raise socket.gaierror(f"fake DNS: unknown {host}")
    return list(FAKE_DNS[host])


def refused(url: str, **kwargs: Any) -> InvalidParameter:
    with pytest.raises(InvalidParameter) as info:
        check_url(url, **kwargs)
    return info.value


# ------------------------------------------------------------------------------------------------ guard decisions
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.255.0.9:8080/x", "loopback"),
        ("http://2130706433/", "loopback"),  # decimal
        ("http://0x7f.1/", "loopback"),  # hex + short form
        ("http://0x7f000001/", "loopback"),
        ("http://017700000001/", "loopback"),  # octal
        ("http://0177.0.0.1/", "loopback"),
        ("http://127.1/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),  # IPv4-mapped IPv6
        ("http://[2002:7f00:1::]/", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("http://10.0.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://172.31.255.255/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://100.64.0.1/", "private"),  # CGNAT
        ("http://[fc00::1]/", "private"),
        ("http://[fd12:3456::1]/", "private"),
        ("http://[64:ff9b::a00:1]/", "private"),  # NAT64 of 10.0.0.1
        ("http://[::ffff:10.1.2.3]/", "private"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://[::ffff:169.254.169.254]/", "metadata"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://255.255.255.255/", "reserved"),
        ("http://198.18.0.1/", "reserved"),
        ("http://192.0.2.1/", "reserved"),  # documentation range
    ],
)
def test_ip_literals_refused_without_resolving(url: str, reason: str) -> None:
    error = refused(url, resolver=never_resolve, param="image_url")
    assert error.param == "image_url"
    assert f" {reason} address" in str(error)
    assert REFUSAL in str(error)
    assert str(error).startswith("image_url:")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com@127.0.0.1/",  # userinfo: the host is 127.0.0.1, not example.com
        "http://user:pass@public.test/",
        "http://127.0.0.1\\@public.test/",  # backslash: parsers disagree where the host ends
        "http://public.test/a b",
        "http://public.test/\n",
        "ftp://public.test/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "javascript:alert(1)",
        "http:///nohost",
        "http://public.test:0/",
        "http://public.test:65536/",
        "http://public.test:80x/",
        "http://1.2.3.4.5/",  # ends in a number but is no IPv4 address
        "http://foo.0x10/",
        "http://%31%32%37.0.0.1/",
        "http://[fe80::1%25eth0]/",
        "http://[::1/",
        "",
    ],
)
def test_malformed_or_tricky_urls_refused(url: str) -> None:
    error = refused(url, resolver=fake_resolver)
    assert error.param == "url"


def test_names_are_vetted_through_the_resolver() -> None:
    assert check_url("https://public.test/img.png", resolver=fake_resolver) == ["93.184.216.34"]
    assert check_url("http://v6.test:8080/", resolver=fake_resolver) == ["2606:4700::1111"]
    assert check_url("http://PUBLIC.test./", resolver=fake_resolver) == ["93.184.216.34"]  # case, trailing dot
    error = refused("http://internal.test/", resolver=fake_resolver, param="webhookURL")
    assert "'internal.test' resolves to a private address; " + REFUSAL in str(error)
    assert "10.0.0.1" not in str(error)  # the internal address a name points to is not echoed to the client
    assert "private" in str(refused("http://mixed.test/", resolver=fake_resolver))  # ANY address counts
    assert "metadata" in str(refused("http://rebind.test/", resolver=fake_resolver))
    assert "resolved" in str(refused("http://nowhere.test/", resolver=fake_resolver))


def test_special_names_refused_before_resolving() -> None:
    for url in ("http://metadata.google.internal/computeMetadata/v1/", "http://metadata.goog/", "http://metadata/"):
        assert "metadata" in str(refused(url, resolver=never_resolve))
    for url in ("http://localhost/", "http://LOCALHOST:8000/", "http://api.localhost/"):
        assert "loopback" in str(refused(url, resolver=never_resolve))


def test_allow_list() -> None:
    assert check_url("http://127.0.0.1:9/", allow=["127.0.0.1/32"]) == ["127.0.0.1"]
    assert check_url("http://127.0.0.1:9/", allow=["127.0.0.1"]) == ["127.0.0.1"]
    assert check_url("http://[::1]:9/", allow=["::1"]) == ["::1"]
    assert check_url("http://internal.test/", allow=["10.0.0.0/8"], resolver=fake_resolver) == ["10.0.0.1"]
    assert check_url("http://internal.test/", allow=["internal.test"], resolver=fake_resolver) == ["10.0.0.1"]
    assert check_url("http://localhost:9/", allow=["localhost"], resolver=lambda h: ["127.0.0.1"]) == ["127.0.0.1"]
    assert check_url("http://a.corp.test/", allow=["*.corp.test"], resolver=lambda h: ["10.9.9.9"]) == ["10.9.9.9"]
    refused("http://127.0.0.2/", allow=["127.0.0.1/32"])  # outside the allowed network
    refused("http://mixed.test/", allow=["93.184.216.0/24"], resolver=fake_resolver)  # one address still private
    refused("http://corp.test/", allow=["*.corp.test"], resolver=lambda h: ["10.9.9.9"])  # wildcard needs a label
    # a broad CIDR does not open metadata endpoints; naming the exact address does
    assert "metadata" in str(refused("http://169.254.169.254/", allow=["169.254.0.0/16", "0.0.0.0/0"]))
    assert check_url("http://169.254.169.254/", allow=["169.254.169.254"]) == ["169.254.169.254"]


def test_public_addresses_pass_and_parse_is_normalised() -> None:
    for url in ("http://8.8.8.8/", "https://[2606:4700::1111]/", "http://[::ffff:8.8.8.8]/", "http://1.1.1.1./"):
        assert check_url(url, resolver=never_resolve)
    assert classify(ipaddress.ip_address("93.184.216.34")) is None
    target = parse_url("HTTPS://Bücher.Example:8443/a/b?x=1#frag")
    assert (target.scheme, target.host, target.port, target.path) == (
        "https",
        "xn--bcher-kva.example",
        8443,
        "/a/b?x=1",
    )
    assert target.host_header == "xn--bcher-kva.example:8443"
    assert parse_url("http://[::1]/").url_for("::1") == "http://[::1]:80/"


# ------------------------------------------------------------------------------------------------- fetch_bytes
def test_fetch_from_allowed_loopback_server(server: Loopback, loopback_only: list[Any]) -> None:
    server.routes["/img.png"] = reply(200, b"\x89PNG-bytes", {"Content-Type": "image/png; charset=binary"})
    body, media = asyncio.run(fetch_bytes(f"{server.base}/img.png?sig=1", allow=["127.0.0.1/32"]))
    assert (body, media) == (b"\x89PNG-bytes", "image/png")
    assert server.seen[0].path == "/img.png?sig=1"
    assert server.seen[0].headers["host"] == f"127.0.0.1:{server.port}"
    assert ("127.0.0.1", server.port) in [tuple(a[:2]) for a in loopback_only]  # the safety net saw the connection


def test_loopback_refused_without_allow_list(server: Loopback) -> None:
    server.routes["/img.png"] = reply(200, b"x")
    with pytest.raises(InvalidParameter, match="loopback address"):
        asyncio.run(fetch_bytes(f"{server.base}/img.png", param="image_url"))
    assert server.seen == []  # refused before connecting


def test_connects_to_the_vetted_ip_with_the_original_host_header(server: Loopback) -> None:
    server.routes["/a"] = reply(200, b"ok", {"Content-Type": "text/plain"})
    calls: list[str] = []

    def counting(host: str) -> list[str]:
        calls.append(host)
        return fake_resolver(host)

    body, _ = asyncio.run(fetch_bytes(f"http://images.test:{server.port}/a", allow=["127.0.0.1"], resolver=counting))
    assert body == b"ok"
    assert server.seen[0].headers["host"] == f"images.test:{server.port}"
    assert calls == ["images.test"]  # resolved once, by the guard: no second lookup that DNS rebinding could answer


def test_redirects_are_followed_and_vetted(server: Loopback) -> None:
    server.routes["/start"] = reply(302, headers={"Location": "/middle"})
    server.routes["/middle"] = reply(301, headers={"Location": f"{server.base}/end"})
    server.routes["/end"] = reply(200, b"done")
    assert asyncio.run(fetch_bytes(f"{server.base}/start", allow=["127.0.0.1"]))[0] == b"done"

    server.routes["/loop"] = reply(302, headers={"Location": "/loop"})
    with pytest.raises(InvalidParameter, match="redirects"):
        asyncio.run(fetch_bytes(f"{server.base}/loop", allow=["127.0.0.1"]))
    assert [s.path for s in server.seen].count("/loop") == 4  # the request and 3 redirects, no more


def test_redirect_into_a_private_address_is_refused(server: Loopback) -> None:
    server.routes["/go"] = reply(302, headers={"Location": "http://internal.test/admin"})
    server.routes["/go2"] = reply(307, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    server.routes["/go3"] = reply(302, headers={"Location": "http://127.0.0.2:1/"})
    resolved: list[str] = []

    def resolver(host: str) -> list[str]:
        resolved.append(host)
        return fake_resolver(host)

    for path, reason in (("/go", "private"), ("/go2", "metadata"), ("/go3", "loopback")):
        with pytest.raises(InvalidParameter, match=f"{reason} address") as info:
            asyncio.run(fetch_bytes(f"{server.base}{path}", allow=["127.0.0.1/32"], resolver=resolver, param="image"))
        assert info.value.param == "image"
    assert resolved == ["internal.test"]  # the guard decided on the fake answer; the autouse fixture saw no connect


def test_size_limit_streamed_and_announced(server: Loopback) -> None:
    def stream(handler: BaseHTTPRequestHandler, _seen: Seen) -> None:
        handler.send_response(200)
        handler.send_header("Transfer-Encoding", "chunked")  # no Content-Length: the limit must be counted
        handler.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(64):  # 4 MiB at most, then stop by itself
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up at the limit, as it should

    server.routes["/big"] = stream
    server.routes["/announced"] = reply(200, b"y" * 5000)
    with pytest.raises(PayloadTooLarge) as info:
        asyncio.run(fetch_bytes(f"{server.base}/big", allow=["127.0.0.1"], max_bytes=1_000_000, param="seedImage"))
    assert info.value.param == "seedImage" and info.value.status == 413
    with pytest.raises(PayloadTooLarge):
        asyncio.run(fetch_bytes(f"{server.base}/announced", allow=["127.0.0.1"], max_bytes=4000))
    assert asyncio.run(fetch_bytes(f"{server.base}/announced", allow=["127.0.0.1"], max_bytes=5000))[0] == b"y" * 5000


def test_error_status_and_timeout(server: Loopback) -> None:
    with pytest.raises(InvalidParameter, match="HTTP 404") as info:
        asyncio.run(fetch_bytes(f"{server.base}/missing", allow=["127.0.0.1"], param="image_url"))
    assert info.value.details["status"] == 404 and info.value.param == "image_url"

    def slow(handler: BaseHTTPRequestHandler, _seen: Seen) -> None:
        time.sleep(1.5)  # bounded: the server thread ends by itself
        reply(200, b"late")(handler, _seen)

    server.routes["/slow"] = slow
    with pytest.raises(InvalidParameter, match="longer than"):
        asyncio.run(fetch_bytes(f"{server.base}/slow", allow=["127.0.0.1"], timeout=0.2))


def test_environment_proxies_are_ignored(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    # If the client honoured these, it would try 10.0.0.1 and the loopback-only fixture would fail the test.
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://10.0.0.1:3128")
    server.routes["/p"] = reply(200, b"direct")
    assert asyncio.run(fetch_bytes(f"{server.base}/p", allow=["127.0.0.1"]))[0] == b"direct"


def test_data_urls() -> None:
    png = b"\x89PNG\r\n\x1a\nrest"
    url = "data:image/png;base64," + base64.b64encode(png).decode()
    assert asyncio.run(fetch_bytes(url)) == (png, "image/png")
    assert asyncio.run(fetch_bytes("data:,hello%20world")) == (b"hello world", "text/plain")
    with pytest.raises(PayloadTooLarge):
        asyncio.run(fetch_bytes("data:image/png;base64," + "A" * 4000, max_bytes=1000))
    with pytest.raises(InvalidParameter, match="base64"):
        asyncio.run(fetch_bytes("data:image/png;base64,@@@@"))
    with pytest.raises(InvalidParameter, match="comma"):
        asyncio.run(fetch_bytes("data:image/png;base64"))


# ------------------------------------------------------------------------------------------- put_bytes, post_json
def test_put_bytes_retries_after_500_then_succeeds(server: Loopback) -> None:
    answers = iter([500, 429, 200])

    def flaky(handler: BaseHTTPRequestHandler, seen: Seen) -> None:
        status = next(answers)
        reply(status, headers={"Retry-After": "0"} if status == 429 else {})(handler, seen)

    server.routes["/upload"] = flaky
    status = asyncio.run(
        put_bytes(
            f"{server.base}/upload?X-Sig=abc", b"\x00\x01image", "image/webp", allow=["127.0.0.1"], base_delay=0.01
        )
    )
    assert status == 200
    assert [s.method for s in server.seen] == ["PUT", "PUT", "PUT"]
    assert all(s.body == b"\x00\x01image" and s.headers["content-type"] == "image/webp" for s in server.seen)


def test_put_bytes_gives_up(server: Loopback) -> None:
    server.routes["/down"] = reply(503)
    server.routes["/denied"] = reply(403)
    with pytest.raises(DeliveryError) as info:
        asyncio.run(put_bytes(f"{server.base}/down", b"x", "image/png", allow=["127.0.0.1"], base_delay=0.01))
    assert info.value.details == {"status": 503, "attempts": 3} and info.value.status == 502
    assert info.value.param == "uploadEndpoint"
    with pytest.raises(DeliveryError, match="HTTP 403"):  # a 4xx is final: no retries
        asyncio.run(put_bytes(f"{server.base}/denied", b"x", "image/png", allow=["127.0.0.1"], base_delay=0.01))
    assert [s.path for s in server.seen].count("/denied") == 1
    with pytest.raises(InvalidParameter, match="private address"):
        asyncio.run(put_bytes("https://internal.test/up", b"x", "image/png", resolver=fake_resolver))


def test_put_bytes_connection_refused_is_retried_then_reported(server: Loopback) -> None:
    # A port nobody listens on (the server's own port after it is closed would race; pick another free one).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    with pytest.raises(DeliveryError) as info:
        asyncio.run(put_bytes(f"http://127.0.0.1:{dead_port}/", b"x", "image/png", allow=["127.0.0.1"], base_delay=0))
    assert info.value.details["attempts"] == 3 and info.value.details["status"] is None


def test_post_json(server: Loopback) -> None:
    server.routes["/hook"] = reply(204)
    status = asyncio.run(post_json(f"{server.base}/hook", b'{"a":1}', {"X-Test": "1"}, allow=["127.0.0.1"]))
    assert status == 204
    assert server.seen[0].body == b'{"a":1}'
    assert server.seen[0].headers["content-type"] == "application/json"
    assert server.seen[0].headers["x-test"] == "1"
    server.routes["/moved"] = reply(302, headers={"Location": "http://169.254.169.254/"})
    assert asyncio.run(post_json(f"{server.base}/moved", b"{}", {}, allow=["127.0.0.1"])) == 302  # not followed


# ------------------------------------------------------------------------------------------------------- TLS
@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate")
def test_https_pins_the_ip_but_verifies_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SNI and certificate verification use the URL's name while the socket goes to the vetted IP."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=images.test",
         "-addext", "subjectAltName=DNS:images.test"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    sni: list[str | None] = []
    server_tls.sni_callback = lambda _sock, name, _ctx: sni.append(name)
    client_tls = ssl.create_default_context(cafile=str(cert))  # trust the test certificate, still verify names

    def client(timeout: float) -> httpx.AsyncClient:
        return httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=timeout, verify=client_tls)

    monkeypatch.setattr(fetch, "_client", client)
    with serve(server_tls) as tls_server:
        tls_server.routes["/secure"] = reply(200, b"tls-ok", {"Content-Type": "image/png"})
        url = f"https://images.test:{tls_server.port}/secure"
        assert asyncio.run(fetch_bytes(url, allow=["127.0.0.1"], resolver=fake_resolver)) == (b"tls-ok", "image/png")
        assert sni == ["images.test"]
        assert tls_server.seen[0].headers["host"] == f"images.test:{tls_server.port}"
        # The same server reached by its IP: the certificate does not name 127.0.0.1, so verification fails.
        with pytest.raises(InvalidParameter, match="failed"):
            asyncio.run(fetch_bytes(f"https://127.0.0.1:{tls_server.port}/secure", allow=["127.0.0.1"]))
