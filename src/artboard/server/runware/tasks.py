"""Runware's typed tasks: what protocol.py parses a task object into and serving.py runs (no parsing, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from artboard.colors import RGB
from artboard.errors import ArtboardError
from artboard.models import ModelInfo

TASK_TYPES: tuple[str, ...] = (
    "authentication",
    "imageInference",
    "vectorize",
    "imageUpload",
    "getResponse",
    "ping",
    "removeBackground",
    "imageBackgroundRemoval",
    "upscale",
    "imageUpscale",
    "imageCaption",
    "promptEnhance",
)
OUTPUT_TYPES: tuple[str, ...] = ("URL", "base64Data", "dataURI")
OUTPUT_FORMATS: tuple[str, ...] = ("JPG", "PNG", "WEBP", "SVG")
VECTORIZE_MODEL = "recraft:1@1"  #: Runware's id of its vectorize model; catalogue vector ids are accepted too
DEFAULT_STRENGTH = 0.8
DEFAULT_QUALITY = 95
MAX_TTL = 30 * 86_400


@dataclass(frozen=True)
class ImageRef:
    """An input image as the client referenced it: `url`, `data_uri`, `base64` or `uuid` (an earlier image)."""

    kind: Literal["url", "data_uri", "base64", "uuid"]
    value: str
    param: str


@dataclass(frozen=True)
class Output:
    """How a task's images are returned and delivered."""

    output_type: str = "URL"
    include_cost: bool = False
    delivery_method: Literal["sync", "async"] = "sync"
    webhook_url: str | None = None
    upload_endpoint: str | None = None
    ttl: int | None = None


@dataclass(frozen=True)
class AuthTask:
    api_key: str | None
    session_uuid: str | None
    task_type: str = "authentication"
    task_uuid: str | None = None


@dataclass(frozen=True)
class PingTask:
    task_uuid: str | None
    task_type: str = "ping"


@dataclass(frozen=True)
class GetResponseTask:
    task_uuid: str
    task_type: str = "getResponse"


@dataclass(frozen=True)
class UploadTask:
    task_uuid: str
    image: ImageRef
    task_type: str = "imageUpload"


@dataclass(frozen=True)
class InferenceTask:
    """Text-to-image / image-to-image (`imageInference`), or text-to-vector sent as a `vectorize` task."""

    task_uuid: str
    model_name: str  #: what the job is filed under: the client's id, or the vector twin's id when SVG was asked
    model: ModelInfo
    prompt: str
    options: dict[str, Any]  #: make_spec keyword arguments, without the image
    seed_image: ImageRef | None
    output: Output
    task_type: str = "imageInference"
    #: the seed as sent (0..2**63-1); results report it (+ image index) though the engine draws with it mod 2**32
    requested_seed: int | None = None


@dataclass(frozen=True)
class VectorizeTask:
    task_uuid: str
    model_name: str
    image: ImageRef
    output: Output
    palette: tuple[RGB, ...] | None = None
    task_type: str = "vectorize"


Task = AuthTask | PingTask | GetResponseTask | UploadTask | InferenceTask | VectorizeTask


@dataclass
class TaskFailure(Exception):
    """A task that could not be accepted; rendered as one object of the response's `errors`."""

    error: ArtboardError
    task_type: str | None
    task_uuid: str | None
