"""Final job snapshots kept in memory so `Service.wait` answers without a database read, bounded by bytes.

A job's stored request can carry its input image (10 MB and more, base64 inside the request): a cache of whole
rows grew a server from 100 MB to 1.9 GB after 160 image-to-image jobs. Snapshots are kept without input bytes
(what a waiter answers from never includes them) and the cache is bounded by an estimate of what it holds.
"""

from __future__ import annotations

import dataclasses
import json
from collections import OrderedDict
from typing import Any

from artboard.jobs.types import Job

DEFAULT_MAX_JOBS = 256
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


def without_input_bytes(value: Any) -> Any:
    """`value` with the `data` of every input image (a mapping with `data` and `sha256`) left out."""
    if isinstance(value, dict):
        image = "data" in value and "sha256" in value
        return {k: without_input_bytes(v) for k, v in value.items() if not (image and k == "data")}
    if isinstance(value, list):
        return [without_input_bytes(v) for v in value]
    return value


def slim(job: Job) -> Job:
    """The job as a waiter needs it: everything but input-image bytes."""
    return dataclasses.replace(job, request=without_input_bytes(job.request))


def _size(job: Job) -> int:
    """A cheap estimate of what a snapshot holds (its request and manifests dominate)."""
    manifests = [artifact.manifest for artifact in job.artifacts]
    return len(json.dumps([job.request, manifests], default=str)) + 1024


class FinishedJobs:
    """Most recent final snapshots, oldest dropped first once `max_jobs` or `max_bytes` is passed."""

    def __init__(self, *, max_jobs: int = DEFAULT_MAX_JOBS, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_jobs = max_jobs
        self.max_bytes = max_bytes
        self._jobs: OrderedDict[str, tuple[Job, int]] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._jobs)

    def get(self, job_id: str) -> Job | None:
        found = self._jobs.get(job_id)
        return found[0] if found is not None else None

    def put(self, job: Job) -> None:
        snapshot = slim(job)
        size = _size(snapshot)
        previous = self._jobs.pop(job.id, None)
        if previous is not None:
            self.bytes -= previous[1]
        if size > self.max_bytes:  # one huge manifest: not worth keeping, a waiter reads the database instead
            return
        self._jobs[job.id] = (snapshot, size)
        self.bytes += size
        while len(self._jobs) > self.max_jobs or self.bytes > self.max_bytes:
            _, (_, dropped) = self._jobs.popitem(last=False)
            self.bytes -= dropped
