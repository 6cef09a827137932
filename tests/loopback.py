"""One loopback HTTP receiver for the tests: webhooks, callback URLs, uploadEndpoint PUTs and image URLs to fetch.

    def test_x(receiver: LoopbackReceiver) -> None:        # the fixture is in conftest.py
        receiver.files["/in.png"] = png                    # GET /in.png answers it (image/png)
        url = receiver.at("/hook")                         # POST/PUT are recorded and answered `answer(hit, n)`
        ...
        receiver.posts()                                   # the POSTs, in order; receiver.hits: every request

It listens on 127.0.0.1 only (tests send traffic to loopback and nowhere else).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

import anyio
import httpx

DELIVERY = "artboard-delivery"


class Hit(NamedTuple):
    """One request as received (a tuple, so `method, path, headers, body = hit` works)."""

    method: str
    path: str
    headers: httpx.Headers  #: case-insensitive
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def _ok(hit: Hit, _n: int) -> int:
    return 201 if hit.method == "PUT" else 200


class LoopbackReceiver:
    """Records every request; POST/PUT get `answer(hit, n)` (n: how many requests carried this hit's
    Artboard-Delivery id so far, 1-based), GET gets `files[path]` or a 404."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.files: dict[str, bytes] = {}
        self.answer: Callable[[Hit, int], int] = _ok
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                hit = Hit(self.command, self.path, httpx.Headers(list(self.headers.items())), self.rfile.read(length))
                with receiver._lock:
                    receiver.hits.append(hit)
                    n = sum(1 for h in receiver.hits if h.headers.get(DELIVERY) == hit.headers.get(DELIVERY))
                self.send_response(receiver.answer(hit, n))
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_PUT = _record

            def do_GET(self) -> None:
                with receiver._lock:
                    receiver.hits.append(Hit("GET", self.path, httpx.Headers(list(self.headers.items())), b""))
                data = receiver.files.get(self.path)
                self.send_response(200 if data is not None else 404)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"  #: the base URL, no trailing slash
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def at(self, path: str = "/hook") -> str:
        return self.url + path

    def posts(self) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.method == "POST"]

    def of(self, method: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.method == method]

    def for_delivery(self, delivery_id: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.headers.get(DELIVERY) == delivery_id]

    def wait_until(self, check: Callable[[], bool], timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            assert time.monotonic() < deadline, self.hits
            time.sleep(0.05)

    async def wait_for(self, count: int, timeout: float = 120.0) -> list[Any]:
        """The JSON bodies of the first `count` POSTs, once that many have arrived."""
        deadline = time.monotonic() + timeout
        while len(self.posts()) < count:
            assert time.monotonic() < deadline, self.hits
            await anyio.sleep(0.05)
        return [hit.json() for hit in self.posts()[:count]]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
