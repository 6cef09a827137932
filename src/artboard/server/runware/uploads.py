"""A small durable index under `<data_dir>/runware/` for what the job Service does not (yet) look up for us.

* uploads: `imageUpload` bytes, addressable by their imageUUID (kept `ttl` seconds, swept lazily)
* tasks:   taskUUID → upload, per API key, so a repeated `imageUpload` is idempotent (inference and vectorize
           tasks are found through the job store, by taskUUID = the job's idempotency key, from any process)
* images:  imageUUID → stored artifact key, per API key, so a generated image can be a later `seedImage`

One JSON file per entry, written atomically (temp file + rename): safe for one server process with many
concurrent requests, and it survives restarts like the job store does. Entries are scoped by a hash of the API key
id, so one key can never read another key's tasks or images.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

_SWEEP_EVERY = 60.0
_sweep_lock = threading.Lock()
_last_sweep: dict[str, float] = {}


def _scope(key_id: str | None) -> str:
    return hashlib.sha256(f"runware-key:{key_id or ''}".encode()).hexdigest()[:24]


def _name(key_id: str | None, ident: str) -> str:
    return hashlib.sha256(f"{_scope(key_id)}:{ident}".encode()).hexdigest()


class RunwareIndex:
    def __init__(self, root: Path, *, upload_ttl_seconds: int = 86_400) -> None:
        self.root = root
        self.upload_ttl_seconds = upload_ttl_seconds

    # ------------------------------------------------------------------------------------------------ tasks
    def put_task(self, key_id: str | None, task_uuid: str, record: dict[str, Any]) -> None:
        self._write_json(self.root / "tasks" / f"{_name(key_id, task_uuid)}.json", record)

    def get_task(self, key_id: str | None, task_uuid: str) -> dict[str, Any] | None:
        return self._read_json(self.root / "tasks" / f"{_name(key_id, task_uuid)}.json")

    # ------------------------------------------------------------------------------------------------ images
    def put_image(self, key_id: str | None, image_uuid: str, artifact_key: str, media_type: str) -> None:
        path = self.root / "images" / f"{_name(key_id, image_uuid)}.json"
        if not path.exists():
            self._write_json(path, {"key": artifact_key, "media_type": media_type})

    def get_image(self, key_id: str | None, image_uuid: str) -> dict[str, Any] | None:
        return self._read_json(self.root / "images" / f"{_name(key_id, image_uuid)}.json")

    # ------------------------------------------------------------------------------------------------ uploads
    def put_upload(self, key_id: str | None, data: bytes, media_type: str) -> str:
        """Store an uploaded image; its new imageUUID."""
        self.sweep()
        image_uuid = str(uuid.uuid4())
        name = _name(key_id, image_uuid)
        folder = self.root / "uploads"
        self._write_bytes(folder / f"{name}.bin", data)
        self._write_json(
            folder / f"{name}.json",
            {"media_type": media_type, "bytes": len(data), "expires_at": time.time() + self.upload_ttl_seconds},
        )
        return image_uuid

    def get_upload(self, key_id: str | None, image_uuid: str) -> bytes | None:
        name = _name(key_id, image_uuid)
        meta = self._read_json(self.root / "uploads" / f"{name}.json")
        if meta is None or float(meta.get("expires_at", 0)) < time.time():
            return None
        try:
            return (self.root / "uploads" / f"{name}.bin").read_bytes()
        except FileNotFoundError:
            return None

    def sweep(self, *, force: bool = False) -> int:
        """Delete expired uploads (at most once a minute per index unless forced); how many were removed."""
        now = time.time()
        with _sweep_lock:
            if not force and now - _last_sweep.get(str(self.root), 0.0) < _SWEEP_EVERY:
                return 0
            _last_sweep[str(self.root)] = now
        removed = 0
        folder = self.root / "uploads"
        if not folder.is_dir():
            return 0
        for meta_path in folder.glob("*.json"):
            meta = self._read_json(meta_path)
            if meta is not None and float(meta.get("expires_at", 0)) >= now:
                continue
            meta_path.with_suffix(".bin").unlink(missing_ok=True)
            meta_path.unlink(missing_ok=True)
            removed += 1
        return removed

    # ------------------------------------------------------------------------------------------------ files
    @staticmethod
    def _read_json(path: Path) -> dict[str, Any] | None:
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        return loaded if isinstance(loaded, dict) else None

    def _write_json(self, path: Path, record: dict[str, Any]) -> None:
        self._write_bytes(path, json.dumps(record, sort_keys=True).encode("utf-8"))

    @staticmethod
    def _write_bytes(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
