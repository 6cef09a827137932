"""Property-based fuzzing of every operation in the served OpenAPI document: no input may produce a 5xx.

The app runs with no engine workers (an API-only node) and a short sync timeout, so accepted generation
requests answer quickly (queued / 408) and the fuzzer spends its budget on validation, auth and error paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from starlette.testclient import TestClient

from artboard.server.app import create_app
from artboard.server.settings import Settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")
    settings = Settings(
        data_dir=data_dir,
        workers=0,
        auth="off",
        sync_timeout_seconds=0.2,
        rate_limit_per_minute=0,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def _schema(client: TestClient) -> schemathesis.schemas.BaseSchema:
    # Load the document through the running client: a second ASGI loader would run the lifespan again.
    return schemathesis.openapi.from_dict(client.get("/openapi.json").json())


def test_no_operation_answers_5xx(client: TestClient) -> None:
    schema = _schema(client)
    failures: list[str] = []
    statuses: dict[int, int] = {}
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @hypothesis.settings(
            max_examples=12,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        @hypothesis.given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            body = case.body
            kwargs: dict[str, object] = {}
            if type(body).__name__ != "NotSet" and body is not None:
                if case.media_type == "application/json" or isinstance(body, dict | list):
                    kwargs["json"] = body
                elif isinstance(body, bytes | str):
                    kwargs["content"] = body
            response = client.request(
                case.method,
                case.formatted_path,
                params=case.query,
                headers={k: str(v) for k, v in (case.headers or {}).items()},
                **kwargs,  # type: ignore[arg-type]
            )
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500 and response.status_code not in (503,):
                failures.append(f"{case.method} {case.formatted_path} → {response.status_code}: {response.text[:200]}")

        run()
    assert operations >= 20
    # Every operation was really exercised, and not only with requests the app rejects.
    assert sum(statuses.values()) >= operations * 5, statuses
    assert any(code < 300 for code in statuses), statuses
    assert not failures, "\n".join(failures[:10])
