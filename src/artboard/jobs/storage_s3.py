"""Output files in S3-compatible object storage (AWS S3, R2, MinIO, SeaweedFS, Garage …) through `obstore`.

    storage_url = "s3://BUCKET?endpoint=http://HOST:PORT&region=R"      credentials: AWS_ACCESS_KEY_ID / _SECRET_…

Same keys and the same interface as the local `FileStorage`, so API nodes and worker machines share outputs
without sharing a disk. Signed URLs come in two kinds (`urls=` in the storage URL):

* `proxy` (default): today's `/files/{key}?expires&sig` URLs, HMAC-signed with the shared signing secret; the API
  node streams the bytes from the bucket. Clients never need to reach the object store.
* `presign`: the object store's own SigV4 presigned GET URLs (at most 7 days, S3's limit), so downloads bypass
  the API; the endpoint must then be reachable by clients. `/files/` URLs still verify.

Optional query parameters: `prefix=` (keys live under it, e.g. one bucket for several deployments), `urls=`.
obstore was chosen over boto3, minio and s3fs: fastest put/get here and local presigning (shared/reference/
scale-out.md §4), and much smaller to install. Expiry: the API's TTL sweep deletes a job's objects by prefix; a
bucket lifecycle rule (expire after the longest TTL) is a good backstop.
"""

from __future__ import annotations

import contextlib
import os
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from artboard.errors import BackendUnavailable, InvalidParameter, NotFound

try:
    import obstore
    from obstore.exceptions import NotFoundError
    from obstore.store import S3Store
except ImportError as exc:  # an optional part: say how to get it rather than show a traceback
    raise BackendUnavailable(
        "storage_url needs obstore (not installed): pip install 'artboard[scaleout]'", param="storage_url"
    ) from exc
from artboard.jobs.storage import KEY_RE, UrlSigner, job_prefix

if TYPE_CHECKING:  # a typing-only name in obstore's stubs
    from obstore.store import ClientConfig

URL_MODES = ("proxy", "presign")
_MAX_PRESIGN = timedelta(days=7)  # SigV4's ceiling
_QUERY_KEYS = ("endpoint", "region", "prefix", "urls")


def parse_s3_url(url: str) -> dict[str, str]:
    """bucket, endpoint, region, prefix and urls from `s3://BUCKET?endpoint=…&region=…`; InvalidParameter if bad."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise InvalidParameter(
            "storage_url must look like s3://BUCKET?endpoint=http://HOST:PORT&region=R",
            param="storage_url",
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = sorted(set(query) - set(_QUERY_KEYS))
    if unknown:
        raise InvalidParameter(
            f"unknown storage_url parameter(s): {', '.join(unknown)}", param="storage_url", allowed=list(_QUERY_KEYS)
        )
    mode = query.get("urls", "proxy") or "proxy"
    if mode not in URL_MODES:
        raise InvalidParameter(f"urls={mode!r} is not a URL mode", param="storage_url", allowed=list(URL_MODES))
    endpoint = query.get("endpoint", "")
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise InvalidParameter("endpoint must be an http(s) URL", param="storage_url")
    prefix = parts.path.strip("/") or query.get("prefix", "").strip("/")
    return {
        "bucket": parts.netloc,
        "endpoint": endpoint,
        "region": query.get("region", "") or os.environ.get("AWS_REGION", "") or "us-east-1",
        "prefix": prefix,
        "urls": mode,
    }


class S3Storage(UrlSigner):
    """Writes, reads, deletes and signs output files in one bucket (optionally under a key prefix)."""

    def __init__(
        self,
        store: S3Store,
        *,
        secret: bytes,
        public_base_url: str,
        presign: bool = False,
        location: str = "",
    ) -> None:
        super().__init__(secret=secret, public_base_url=public_base_url)
        self.store = store
        self.presign = presign
        self.location = location  #: for logs and /health (no credentials in it)

    @classmethod
    def from_url(cls, url: str, *, secret: bytes, public_base_url: str) -> S3Storage:
        cfg = parse_s3_url(url)
        options: dict[str, Any] = {"region": cfg["region"]}
        if cfg["endpoint"]:
            # Path-style requests: custom endpoints (SeaweedFS, MinIO, Garage) rarely serve bucket subdomains.
            options.update(endpoint=cfg["endpoint"], virtual_hosted_style_request=False)
        for name, env in (("access_key_id", "AWS_ACCESS_KEY_ID"), ("secret_access_key", "AWS_SECRET_ACCESS_KEY")):
            if os.environ.get(env):
                options[name] = os.environ[env]
        client: ClientConfig = {
            "allow_http": cfg["endpoint"].startswith("http://"),
            "timeout": "30s",
            "connect_timeout": "5s",
        }
        store = S3Store(cfg["bucket"], prefix=cfg["prefix"] or None, client_options=client, **options)
        where = f"s3://{cfg['bucket']}/{cfg['prefix']}" + (f" at {cfg['endpoint']}" if cfg["endpoint"] else "")
        return cls(
            store, secret=secret, public_base_url=public_base_url, presign=cfg["urls"] == "presign", location=where
        )

    @staticmethod
    def _check(key: str) -> str:
        if not KEY_RE.match(key):
            raise NotFound("no such file", param="key")
        return key

    def write(self, key: str, data: bytes) -> None:
        """One PUT: S3 objects appear whole or not at all, so readers never see a partial file."""
        obstore.put(self.store, self._check(key), data)

    def read(self, key: str) -> bytes:
        try:
            return bytes(obstore.get(self.store, self._check(key)).bytes())
        except (NotFoundError, FileNotFoundError):
            raise NotFound("no such file (it may have expired)", param="key") from None

    def delete_job(self, job_id: str, created_at: datetime) -> None:
        paths = [
            meta["path"] for batch in obstore.list(self.store, prefix=job_prefix(job_id, created_at)) for meta in batch
        ]
        if paths:
            obstore.delete(self.store, paths)

    def signed_url(self, key: str, expires_at: float) -> str:
        if not self.presign:
            return super().signed_url(key, expires_at)
        lifetime = timedelta(seconds=max(1.0, expires_at - time.time()))
        return str(obstore.sign(self.store, "GET", self._check(key), min(lifetime, _MAX_PRESIGN)))

    def ping(self) -> bool:
        """The bucket answers (a HEAD of a key that need not exist: not-found means reachable and authorised)."""
        with contextlib.suppress(NotFoundError, FileNotFoundError):
            obstore.head(self.store, "artboard-health-probe")
        return True
