"""The job vocabulary shared by the store, the workers, the service and every HTTP dialect.

A job is one accepted request (generate, vectorize, or edit: an image tool). It is written to the store before
any response is sent, and moves queued → running → succeeded | failed | cancelled; a restart puts interrupted
running jobs back to queued. Each dialect keeps what it needs to answer in its own shape in `dialect` + `meta`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal


class JobStatus(enum.StrEnum):
    QUEUED = "queued"  #: accepted and durable, waiting for a worker
    RUNNING = "running"  #: claimed by a worker
    SUCCEEDED = "succeeded"  #: every artifact stored
    FAILED = "failed"  #: error recorded, credits refunded
    CANCELLED = "cancelled"  #: cancelled before finishing, credits refunded

    @property
    def finished(self) -> bool:
        return self in (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


JobKind = Literal["generate", "vectorize", "edit"]  #: edit: an image tool (artboard.edit.request)
OutputType = Literal["url", "base64", "data_uri"]


@dataclass(frozen=True)
class WebhookConfig:
    """POST a signed JSON payload to `url` per finished image (or once per job with `per_image=False`)."""

    url: str
    per_image: bool = True


@dataclass(frozen=True)
class Delivery:
    """How results leave the server besides the API response."""

    ttl_seconds: int | None = None  #: lifetime of stored files and their signed URLs (None: server default)
    upload_url: str | None = None  #: HTTP PUT each image's bytes here (Runware uploadEndpoint)
    webhook: WebhookConfig | None = None


@dataclass(frozen=True)
class StoredArtifact:
    """One stored output file of a job."""

    index: int
    key: str  #: storage key (relative path under the output folder)
    media_type: str
    format: str
    width: int
    height: int
    seed: int
    bytes: int
    sha256: str
    image_id: str  #: public uuid of the image (Runware imageUUID, Recraft image_id)
    manifest: dict[str, Any] = field(default_factory=dict)
    nsfw: bool = False

    @property
    def warnings(self) -> list[str]:
        """The image's warnings, from its stored manifest (so they survive restarts); empty when none."""
        found = self.manifest.get("warnings")
        return [w for w in found if isinstance(w, str)] if isinstance(found, list) else []


@dataclass(frozen=True)
class JobError:
    code: str
    message: str
    status: int
    param: str | None = None


@dataclass(frozen=True)
class Job:
    """A read-only snapshot of a job row."""

    id: str
    kind: JobKind
    status: JobStatus
    key_id: str | None
    model: str  #: the public model id the client asked for
    dialect: str  #: which API surface accepted it ("openrouter", "runware", "recraft", "apiinone", "pixeldojo", …)
    request: dict[str, Any]  #: the resolved spec (GenerationSpec JSON, or vectorize options) — enough to re-run
    meta: dict[str, Any]  #: dialect-specific details (taskUUID, outputType, response_format, …)
    credits: int  #: credits charged (refunded on failure)
    cost_usd: float
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    expires_at: datetime | None = None
    artifacts: tuple[StoredArtifact, ...] = ()
    error: JobError | None = None
    idempotency_key: str | None = None
    delivery: Delivery = field(default_factory=Delivery)
    progress: float = 0.0
    attempts: int = 0  #: how many times a worker has started it (a restart re-runs an interrupted job)
    files_expired: bool = False  #: the TTL passed and the sweep deleted the stored files

    @property
    def warnings(self) -> list[str]:
        """Every distinct warning of the job's images, in image order (empty when none)."""
        found: list[str] = []
        for artifact in sorted(self.artifacts, key=lambda a: a.index):
            found += [w for w in artifact.warnings if w not in found]
        return found


@dataclass(frozen=True)
class ApiKey:
    """An API key as the service sees it (the secret itself is stored only as a hash)."""

    id: str
    name: str
    prefix: str  #: first characters of the secret, for people to recognise it in lists
    credits: int  #: current balance
    revoked: bool
    created_at: datetime
    rate_limit_per_minute: int | None = None
