"""Runware's WebSocket transport on `/v1` (and `/runware/v1`): what the official SDKs speak by default.

Every frame either way is JSON. The client sends arrays of tasks, as over HTTP; the server answers with
`{"data": [...]}` and `{"errors": [...]}` frames, the same objects as the HTTP answer, matched by `taskUUID`:

* `{"taskType": "authentication", "apiKey": …[, "connectionSessionUUID": …]}` → `{"data": [{"taskType":
  "authentication", "connectionSessionUUID": …}]}` (the UUID sent back is kept, so a reconnecting client resumes
  its session); a bad key → `{"errors": [{"code": "invalidApiKey", "taskType": "authentication", …}]}`. With
  auth on, other tasks need an authenticated connection (or an `Authorization` header on the upgrade request).
* `{"taskType": "ping", "ping": true}` → `{"data": [{"taskType": "ping", "pong": true}]}`.
* Every other task runs on its own, so a long one does not hold up the rest of the array or the connection:
  its results (or its error) are sent as soon as they exist, one frame per task. `deliveryMethod: "async"` tasks
  are acknowledged first and their results are pushed on the socket when the job finishes (`getResponse` works
  too). Each job task takes a token of the key's rate limit, as over HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Sequence
from typing import Any, cast

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.requests import Request

from artboard.errors import ArtboardError, InvalidParameter, Unauthorized
from artboard.jobs.types import ApiKey
from artboard.server.deps import authenticate, get_service, get_settings
from artboard.server.runware.protocol import (
    AuthTask,
    GetResponseTask,
    InferenceTask,
    PingTask,
    Task,
    TaskFailure,
    VectorizeTask,
    parse_body,
)
from artboard.server.runware.serving import DIALECT, RunwareServing, error_object

log = logging.getLogger("artboard.server.runware")

router = APIRouter()

MAX_TASKS_IN_FLIGHT = 100  #: per connection; more are answered with an error instead of piling up


class Connection:
    """One client socket: its key, its session id, and the tasks it has running."""

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.secret: str | None = None
        self.key: ApiKey | None = None
        self.authenticated = False
        self.session = str(uuid.uuid4())
        self.running: set[asyncio.Task[None]] = set()
        self._send_lock = asyncio.Lock()

    @property
    def request(self) -> Request:
        # deps.authenticate reads headers, app state and request state, which a WebSocket has as well.
        return cast(Request, self.websocket)

    async def send(self, frame: dict[str, Any]) -> None:
        async with self._send_lock:
            with contextlib.suppress(WebSocketDisconnect, RuntimeError):  # the client went away: nothing to do
                await self.websocket.send_text(json.dumps(frame))

    async def error(self, error: ArtboardError, task_type: str | None, task_uuid: str | None) -> None:
        await self.send({"errors": [error_object(error, task_type, task_uuid)]})

    # ------------------------------------------------------------------------------------------------ frames
    async def handle(self, text: str) -> None:
        try:
            raw_tasks = parse_body(json.loads(text))
        except (ValueError, RecursionError):
            await self.error(InvalidParameter("the message is not valid JSON", param="body"), None, None)
            return
        except ArtboardError as error:
            await self.error(error, None, None)
            return
        from artboard.server.runware.router import MAX_TASKS, _parse

        if len(raw_tasks) > MAX_TASKS:
            await self.error(
                InvalidParameter(f"{len(raw_tasks)} tasks in one message", param="tasks", allowed=f"1..{MAX_TASKS}"),
                None,
                None,
            )
            return
        tasks: list[Task | TaskFailure] = [_parse(raw) for raw in raw_tasks]
        auth = next((t for t in tasks if isinstance(t, AuthTask)), None)
        if auth is not None and not await self._authenticate(auth):
            return
        rest = [t for t in tasks if not isinstance(t, AuthTask)]
        pings = [t for t in rest if isinstance(t, PingTask)]
        if pings:
            await self.send({"data": [{"taskType": "ping", "pong": True} for _ in pings]})
        work = [t for t in rest if not isinstance(t, PingTask)]
        if not work:
            return
        if not await self._admit(work):
            return
        for task in work:
            if len(self.running) >= MAX_TASKS_IN_FLIGHT:
                await self.error(
                    InvalidParameter("too many tasks running on this connection", param="tasks"),
                    getattr(task, "task_type", None),
                    getattr(task, "task_uuid", None),
                )
                continue
            running = asyncio.create_task(self._run(task))
            self.running.add(running)
            running.add_done_callback(self.running.discard)

    async def _authenticate(self, auth: AuthTask) -> bool:
        try:
            self.key = await authenticate(self.request, DIALECT, api_key=auth.api_key, cost=0)
        except ArtboardError as error:
            await self.error(error, "authentication", None)
            return False
        self.secret = auth.api_key
        self.authenticated = True
        if auth.session_uuid:  # a reconnecting client resumes the session it had
            self.session = auth.session_uuid
        await self.send({"data": [{"taskType": "authentication", "connectionSessionUUID": self.session}]})
        return True

    async def _admit(self, work: Sequence[Task | TaskFailure]) -> bool:
        """Authentication (when auth is on) and one rate-limit token per job task, for the whole message."""
        settings = get_settings(self.request)
        if settings.auth_enabled and not self.authenticated and not self.websocket.headers.get("authorization"):
            denied = Unauthorized("authenticate first: send an authentication task with your apiKey")
            for task in work:
                await self.error(denied, getattr(task, "task_type", None), getattr(task, "task_uuid", None))
            return False
        jobs = sum(isinstance(t, InferenceTask | VectorizeTask) for t in work)
        try:
            key = await authenticate(self.request, DIALECT, api_key=self.secret, cost=jobs)
        except ArtboardError as error:
            for task in work:
                await self.error(error, getattr(task, "task_type", None), getattr(task, "task_uuid", None))
            return False
        self.key = key
        return True

    async def _run(self, task: Task | TaskFailure) -> None:
        serving = RunwareServing(get_service(self.request), get_settings(self.request), self.key)
        _status, body = await serving.run([task])
        if body.get("data") or body.get("errors"):
            await self.send({k: v for k, v in body.items() if v})
        if not isinstance(task, InferenceTask | VectorizeTask) or task.output.delivery_method != "async":
            return
        if body.get("data") and not body.get("errors"):
            await self._push_when_done(serving, task)

    async def _push_when_done(self, serving: RunwareServing, task: InferenceTask | VectorizeTask) -> None:
        """An async task's results, pushed on the socket when its job finishes (as a getResponse would answer)."""
        service = serving.service
        job = await service.find_idempotent(task.task_uuid, key_id=serving.key_id)
        if job is None:
            return
        while not job.status.finished:
            job = await service.wait(job, timeout=60.0)
        _status, body = await serving.run([GetResponseTask(task.task_uuid)])
        await self.send({k: v for k, v in body.items() if v})

    async def close(self) -> None:
        for running in list(self.running):
            running.cancel()
        await asyncio.gather(*self.running, return_exceptions=True)


async def serve_socket(websocket: WebSocket) -> None:
    await websocket.accept()
    websocket.state.dialect = DIALECT
    connection = Connection(websocket)
    try:
        while True:
            text = await websocket.receive_text()
            await connection.handle(text)
    except WebSocketDisconnect:
        pass
    except Exception:  # one connection's failure must not take the server with it
        log.exception("runware websocket connection failed")
        with contextlib.suppress(Exception):
            await websocket.close(code=1011)
    finally:
        await connection.close()


@router.websocket("/v1")
async def runware_socket(websocket: WebSocket) -> None:
    await serve_socket(websocket)
