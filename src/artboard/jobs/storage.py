"""Output storage, signed expiring URLs, and the signing secret.

Layout: `data_dir/files/<yyyy>/<mm>/<dd>/<job_id>/<index>.<ext>` — the storage key is the part after `files/`.
The date is the job's creation date, so a job re-run after a restart writes to the same keys. A URL is
`{public_base_url}/files/{key}?expires=<unix>&sig=<hex HMAC-SHA256(secret, "key|expires")>`.

Every store follows the `Storage` protocol and `open_storage(url, …)` picks one: "" means `FileStorage` under
data_dir (one machine), `s3://BUCKET?endpoint=…&region=…` means `storage_s3.S3Storage` (several machines; same
keys, same signed URLs, or the object store's own presigned URLs).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import shutil
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Protocol

from artboard.errors import InvalidParameter, NotFound

SECRET_FILE = "secret.key"
KEY_RE = re.compile(r"^\d{4}/\d{2}/\d{2}/[0-9a-f-]{36}/\d{1,3}\.(png|jpg|webp|svg)$")


def load_or_create_secret(data_dir: Path) -> bytes:
    """The persisted signing secret (32 random bytes, file mode 0600), created on first use.

    O_EXCL makes concurrent first starts of several processes agree on one secret: the loser reads the winner's.
    """
    path = data_dir / SECRET_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # the creator may not have written it yet
            value = path.read_bytes()
            if value:
                return value
            time.sleep(0.01)
        raise RuntimeError(f"{path} is empty; delete it to generate a new signing secret") from None
    value = secrets.token_bytes(32)
    with os.fdopen(fd, "wb") as fh:
        fh.write(value)
        fh.flush()
        os.fsync(fh.fileno())
    return value


class Storage(Protocol):
    """What the job system needs from an output store (FileStorage, storage_s3.S3Storage)."""

    def key_for(self, job_id: str, created_at: datetime, index: int, ext: str) -> str: ...

    def write(self, key: str, data: bytes) -> None: ...

    def read(self, key: str) -> bytes: ...

    def delete_job(self, job_id: str, created_at: datetime) -> None: ...

    def signed_url(self, key: str, expires_at: float) -> str: ...

    def verify_signed(self, key: str, expires: int, signature: str, *, now: float | None = None) -> bool: ...

    def ping(self) -> bool: ...


def open_storage(url: str, data_dir: Path, *, secret: bytes, public_base_url: str) -> Storage:
    """The store `url` names: "" = local files under data_dir, s3://… = S3-compatible object storage."""
    if not url:
        return FileStorage(data_dir, secret=secret, public_base_url=public_base_url)
    if url.startswith("s3://"):
        from artboard.jobs.storage_s3 import S3Storage

        return S3Storage.from_url(url, secret=secret, public_base_url=public_base_url)
    raise InvalidParameter(
        f"unsupported storage URL scheme in {url.split('?', 1)[0]!r}",
        param="storage_url",
        allowed=["(empty: local files in data_dir)", "s3://BUCKET?endpoint=http://HOST:PORT&region=R"],
    )


def job_prefix(job_id: str, created_at: datetime) -> str:
    """The key prefix shared by all of a job's files."""
    return f"{created_at:%Y/%m/%d}/{job_id}/"


class UrlSigner:
    """HMAC-signed, expiring `/files/{key}` URLs, the same whichever store holds the bytes (the API streams them)."""

    def __init__(self, *, secret: bytes, public_base_url: str) -> None:
        if not secret:
            raise ValueError("a signing secret is required")
        self.secret = secret
        self.public_base_url = public_base_url.rstrip("/")

    @staticmethod
    def key_for(job_id: str, created_at: datetime, index: int, ext: str) -> str:
        return f"{job_prefix(job_id, created_at)}{index}.{ext}"

    def _signature(self, key: str, expires: int) -> str:
        return hmac.new(self.secret, f"{key}|{expires}".encode(), hashlib.sha256).hexdigest()

    def signed_url(self, key: str, expires_at: float) -> str:
        expires = int(expires_at)
        return f"{self.public_base_url}/files/{key}?expires={expires}&sig={self._signature(key, expires)}"

    def verify_signed(self, key: str, expires: int, signature: str, *, now: float | None = None) -> bool:
        """True for an untampered, unexpired signature (compared in constant time)."""
        if not KEY_RE.match(key):
            return False
        if expires < (time.time() if now is None else now):
            return False
        expected = self._signature(key, int(expires)).encode("ascii")
        return hmac.compare_digest(expected, signature.strip().lower().encode("utf-8", "replace"))


class FileStorage(UrlSigner):
    """Writes, reads, deletes and signs stored output files."""

    def __init__(self, data_dir: Path, *, secret: bytes, public_base_url: str) -> None:
        super().__init__(secret=secret, public_base_url=public_base_url)
        self.root = data_dir / "files"

    def ping(self) -> bool:
        return True  # a local folder, created on demand: nothing to reach

    def path(self, key: str) -> Path:
        """The file for `key`; NotFound for anything that is not a well-formed key (no path tricks possible)."""
        if not KEY_RE.match(key):
            raise NotFound("no such file", param="key")
        return self.root / key

    def write(self, key: str, data: bytes) -> None:
        """Write atomically: readers see the old file or the whole new one, never a partial one."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def read(self, key: str) -> bytes:
        try:
            return self.path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            raise NotFound("no such file (it may have expired)", param="key") from None

    def delete_job(self, job_id: str, created_at: datetime) -> None:
        """Remove a job's folder, and the date folders above it once they are empty."""
        folder = self.root / f"{created_at:%Y/%m/%d}" / job_id
        shutil.rmtree(folder, ignore_errors=True)
        for parent in (folder.parent, folder.parent.parent, folder.parent.parent.parent):
            try:
                parent.rmdir()
            except OSError:  # not empty (other jobs) or already gone
                break
