"""Fixtures of the scale-out test modules (`pytest_plugins = ["scaleout_fixtures"]`): a SeaweedFS S3 server per
module, its credentials in the environment, and this test's own RabbitMQ queue names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from artboard.jobs.queue_celery import QueueSettings
from scaleout_support import SeaweedS3, delete_queues, rabbitmq_or_skip, seaweed_s3, unique_prefix


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    with seaweed_s3(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


@pytest.fixture
def s3_env(s3: SeaweedS3, monkeypatch: pytest.MonkeyPatch) -> SeaweedS3:
    for name, value in s3.env.items():
        monkeypatch.setenv(name, value)
    return s3


@pytest.fixture
def broker() -> Iterator[QueueSettings]:
    settings = QueueSettings(rabbitmq_or_skip(), unique_prefix())
    yield settings
    delete_queues(settings.prefix)
