"""The set of dialects, in one place: name, own base URL, the root paths its clients use, error renderer, units.

`create_app` mounts each one's router (at the shared root and under its own base URL) and registers its error
renderer from here; `artboard serve` prints the base URLs from here; 404s for paths no route matches are answered
in the shape of the dialect whose clients send them (`path_dialect`); the README's table is tested against it.
Model ids and units come from the one price table (jobs/pricing.py). docs/extending.md ("Adding a dialect")
describes adding an entry.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import cast

from artboard.jobs.pricing import DIALECT_MODELS, UNITS
from artboard.server.errors import Renderer


@dataclass(frozen=True)
class Dialect:
    name: str  #: package artboard.server.<name>, `Job.dialect`, `request.state.dialect`
    title: str  #: the hosted service's name, as the README table and the serve banner write it
    base_path: str  #: its own base URL, where nothing is shared with another dialect
    #: path prefixes at the shared root that only this dialect's clients send (for 404s no route matches)
    root_prefixes: tuple[str, ...]
    renderer: str  #: "module:attribute" of its error renderer, relative to the package
    routes: str  #: one line for the OpenAPI description

    @property
    def package(self) -> str:
        return f"artboard.server.{self.name}"

    @property
    def router_module(self) -> str:
        return f"{self.package}.router"

    @property
    def units(self) -> str:
        """What its responses report prices in (its service's own units; the ledger is in artboard credits)."""
        return UNITS[self.name]

    @property
    def model_ids(self) -> tuple[str, ...]:
        """The service's own model ids this dialect accepts (every V4/V4.1 id the real service lists)."""
        return tuple(DIALECT_MODELS[self.name])

    def render_error(self) -> Renderer:
        module, _, attribute = self.renderer.partition(":")
        return cast(Renderer, getattr(importlib.import_module(f"{self.package}.{module}"), attribute))


DIALECTS: tuple[Dialect, ...] = (
    Dialect(
        "openrouter",
        "OpenRouter",
        "/openrouter/api/v1",
        ("/api/",),
        "serving:render_error",
        "`POST /api/v1/chat/completions` (modalities + image_config, SSE streaming), `POST /api/v1/images`, "
        "`GET /api/v1/models`",
    ),
    Dialect(
        "recraft",
        "Recraft",
        "/recraft/v1",
        (),  # /v1/… is Recraft's (OpenAI's) shape anyway: the default renderer
        "serving:render_error",
        "`POST /v1/images/generations`, `/v1/images/imageToImage`, `/v1/images/vectorize`, the image tools, "
        "`GET /v1/models` (the OpenAI python client works with `base_url=<server>/v1`)",
    ),
    Dialect(
        "runware",
        "Runware",
        "/runware/v1",
        (),
        "router:render_error",
        "`POST /v1` with a JSON array of tasks, and the same tasks over a WebSocket on `/v1` (the SDKs' transport)",
    ),
    Dialect(
        "apiinone",
        "API-in-One",
        "/apiinone/api/v1",
        ("/api/v1/tasks",),
        "serving:render_error",
        "`POST /api/v1/images/generations`, `GET /api/v1/tasks/{task_id}`",
    ),
    Dialect(
        "pixeldojo",
        "PixelDojo",
        "/pixeldojo/api/v1",
        ("/api/v1/jobs", "/api/v1/models/"),
        "serving:render_error",
        "`POST /api/v1/models/{model}/run`, `GET /api/v1/jobs/{jobId}`, `GET /api/v1/models[/{model}]`",
    ),
)

BY_NAME: dict[str, Dialect] = {d.name: d for d in DIALECTS}
#: each dialect's own base URL, besides the shared root: a client of that service needs only this prefix
BASE_PATHS: dict[str, str] = {d.name: d.base_path for d in DIALECTS}


def path_dialect(path: str) -> str | None:
    """For a path no route matches (404): the dialect whose clients send it, so the 404 is in their shape.

    Its own base URL decides first; at the shared root the longest matching prefix wins (`/api/v1/tasks` is
    API-in-One's, the rest of `/api/` OpenRouter's); None is Recraft's (OpenAI's) shape, the default.
    """
    for dialect in DIALECTS:
        if path == dialect.base_path or path.startswith(f"/{dialect.name}/"):
            return dialect.name
    best: tuple[int, str] | None = None
    for dialect in DIALECTS:
        for prefix in dialect.root_prefixes:
            if path.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), dialect.name)
    return best[1] if best is not None else None
