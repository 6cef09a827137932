"""Runware's WebSocket transport, driven by the unmodified `runware` SDK from PyPI against `artboard serve`."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest

from live_server import artboard_serve

runware = pytest.importorskip("runware")
websockets = pytest.importorskip("websockets")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with artboard_serve(tmp_path_factory.mktemp("ws"), workers=1) as (url, _process):
        yield url.replace("http://", "ws://")


@pytest.mark.parametrize("path", ["/v1", "/runware/v1"])
def test_the_runware_sdk_generates_over_the_socket(base: str, path: str) -> None:
    async def scenario() -> None:
        client = runware.Runware(api_key="unused-with-auth-off", url=base + path)
        await client.connect()
        try:
            request = runware.IImageInference(
                positivePrompt="a minimal fox logo", model="recraft:v4@0", width=1024, height=1024, numberResults=2,
                seed=7, includeCost=True,
            )  # fmt: skip
            images = await client.imageInference(requestImage=request)
            assert len(images) == 2 and all(image.imageURL and image.imageUUID for image in images)
            assert sorted(image.seed for image in images) == [7, 8]
            assert images[0].cost == pytest.approx(0.04)
        finally:
            await client.disconnect()

    asyncio.run(asyncio.wait_for(scenario(), 300))


def test_raw_protocol_auth_ping_async_push_and_errors(base: str) -> None:
    async def scenario() -> None:
        async with websockets.connect(base + "/v1") as socket:

            async def ask(frame: Any) -> dict[str, Any]:
                await socket.send(json.dumps(frame))
                answer: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), 120))
                return answer

            session = (await ask([{"taskType": "authentication", "apiKey": "x"}]))["data"][0]["connectionSessionUUID"]
            resumed = await ask([{"taskType": "authentication", "apiKey": "x", "connectionSessionUUID": session}])
            assert resumed["data"][0]["connectionSessionUUID"] == session
            assert (await ask([{"taskType": "ping", "ping": True}]))["data"][0]["pong"] is True
            task = {"taskType": "imageInference", "taskUUID": "0f6d5a3e-8f3b-4d8e-9a51-2a4b7e9c1d20",
                    "model": "recraft:v4@0", "positivePrompt": "a fox", "deliveryMethod": "async"}  # fmt: skip
            ack = await ask([task])
            assert ack["data"][0]["taskUUID"] == task["taskUUID"] and "imageURL" not in ack["data"][0]
            pushed = json.loads(await asyncio.wait_for(socket.recv(), 120))
            assert pushed["data"][0]["taskUUID"] == task["taskUUID"] and pushed["data"][0]["imageURL"]
            bad = {**task, "taskUUID": "0f6d5a3e-8f3b-4d8e-9a51-2a4b7e9c1d21", "model": "nope"}
            error = (await ask([bad]))["errors"][0]
            assert error["parameter"] == "model" and error["taskUUID"] == bad["taskUUID"]
            await socket.send("{not json")
            assert json.loads(await socket.recv())["errors"][0]["parameter"] == "body"

    asyncio.run(asyncio.wait_for(scenario(), 300))


def test_auth_and_rate_limit_on_the_socket(tmp_path: Any) -> None:
    import dataclasses

    from fastapi.testclient import TestClient

    from artboard.jobs.service import Service
    from artboard.server.app import create_app
    from artboard.server.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", auth="on", workers=1, public_base_url="http://testserver")
    config = settings.to_service_config()
    extra = {**config.extra, "inline_workers": True, "warm_workers": False}
    service = Service(dataclasses.replace(config, extra=extra))
    app = create_app(settings, service=service)
    with TestClient(app) as client:
        _key, secret = service.keys.create("socket", credits=1000, rate_limit_per_minute=3)
        task = {"taskType": "imageInference", "model": "recraft:v4@0", "positivePrompt": "a fox",
                "deliveryMethod": "async"}  # fmt: skip
        with client.websocket_connect("/v1") as socket:
            socket.send_json([{**task, "taskUUID": "7c1e0d6a-1111-4a2b-8c3d-000000000001"}])
            assert socket.receive_json()["errors"][0]["code"] == "invalidApiKey"  # not authenticated yet
            socket.send_json([{"taskType": "authentication", "apiKey": "wrong"}])
            refused = socket.receive_json()["errors"][0]
            assert refused["taskType"] == "authentication" and refused["code"] == "invalidApiKey"
            socket.send_json([{"taskType": "authentication", "apiKey": secret}])
            assert socket.receive_json()["data"][0]["connectionSessionUUID"]
            many = [{**task, "taskUUID": f"7c1e0d6a-1111-4a2b-8c3d-00000000001{i}"} for i in range(4)]
            socket.send_json(many)  # four jobs from a three-a-minute key
            limited = [socket.receive_json()["errors"][0] for _ in many]
            assert {e["code"] for e in limited} == {"rateLimitExceeded"}
        assert service.store.page(key_id=None, limit=10, before=None) == []
