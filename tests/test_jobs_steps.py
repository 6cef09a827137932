"""Step-level progress and cancellation of a service job on a step-taking backend (tiny diffusers pipeline)."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest

from artboard import registry
from artboard.jobs.service import Service
from artboard.jobs.types import JobStatus
from test_jobs_support import request_for

pytest_plugins = ["test_jobs_support"]
pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(
        not all(importlib.util.find_spec(m) for m in ("torch", "diffusers", "transformers")),
        reason="needs torch, diffusers and transformers",
    ),
]

STEPS = 60  # enough steps on the tiny model to watch progress move inside one image


@pytest.fixture(scope="module")
def tiny_backend(tmp_path_factory: pytest.TempPathFactory) -> object:
    from artboard.backends.diffusion import DiffusersBackend
    from artboard.backends.diffusion_settings import DiffusersSettings
    from tiny_pipeline import save_tiny_pipeline

    folder = save_tiny_pipeline(tmp_path_factory.mktemp("models") / "tiny-sd")
    return DiffusersBackend(DiffusersSettings(model=str(folder), steps=STEPS, threads=1))


@pytest.fixture
def served(tiny_backend: object, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setitem(registry._instances, "diffusers", tiny_backend)
    return tiny_backend


def _request() -> dict[str, object]:
    return request_for("a red fox in the snow", backend="diffusers", safety=False, n=2)


async def test_progress_moves_within_an_image(make_service: object, served: object, db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the step signals do not depend on the database")
    service: Service = make_service(extra={"poll_interval": 0.01})  # type: ignore[operator]
    await service.start()
    job = await service.submit(kind="generate", request=_request(), model="artboard-v1", dialect="test")
    seen: list[float] = []
    async for snapshot in service.watch(job.id):
        seen.append(snapshot.progress)
        if snapshot.status.finished:
            break
    final = await service.get(job.id)
    assert final.status is JobStatus.SUCCEEDED
    inside_images = [p for p in seen if 0.0 < p < 1.0 and p not in (0.5,)]
    assert inside_images, seen  # fractions between image boundaries: progress came from the steps
    assert seen == sorted(seen) or max(seen) == 1.0


async def test_cancel_stops_between_steps(make_service: object, served: object, db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the step signals do not depend on the database")
    service: Service = make_service(extra={"poll_interval": 0.01})  # type: ignore[operator]
    await service.start()
    job = await service.submit(kind="generate", request=_request(), model="artboard-v1", dialect="test")
    async for snapshot in service.watch(job.id):
        if 0.0 < snapshot.progress < 0.5:  # inside the first image
            break
        if snapshot.status.finished:
            pytest.fail("the job finished before it could be cancelled")
    await service.cancel(job.id)
    for _ in range(400):
        current = await service.get(job.id)
        if current.status.finished:
            break
        await asyncio.sleep(0.05)
    assert current.status is JobStatus.CANCELLED
    assert not current.artifacts  # stopped inside the first image: nothing stored
