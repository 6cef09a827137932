"""The routing catalogue: public model id or alias → ordered chain of backend names, plus routing settings.

The packaged `data/catalogue.toml` is merged with an override: `configure()`'s path or mapping, else the TOML file
named by $ARTBOARD_CATALOGUE. Tables: `[models]` (model id or alias → list of backend names), `[routing]` (`default`
chain, `failure_threshold`, `cooldown_seconds` of the circuit breaker, `photographic` = the learned backends that
photographic prompts go to first when one is available) and `[backends.<name>]` (per-backend settings, see
`backend_settings`). `artboard.routing` plans and serves requests from it and re-exports these names.
"""

from __future__ import annotations

import contextlib
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from artboard.errors import InvalidParameter

ENV_CATALOGUE = "ARTBOARD_CATALOGUE"
DEFAULT_FAILURE_THRESHOLD = 3
DEFAULT_COOLDOWN_SECONDS = 30.0


@dataclass(frozen=True)
class Catalogue:
    """Model id or alias (lower case) → chain of backend names, plus routing and per-backend settings."""

    models: Mapping[str, tuple[str, ...]]
    default: tuple[str, ...] = ("design",)
    failure_threshold: int = DEFAULT_FAILURE_THRESHOLD
    cooldown_seconds: float = DEFAULT_COOLDOWN_SECONDS
    backends: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    #: learned backends a photographic prompt tries first (before the composer), besides the chain's own
    photographic: tuple[str, ...] = ()

    def chain(self, model: str | None, *, tier: str | None = None, output: str | None = None) -> tuple[str, ...]:
        """The chain for a model id or alias: an alias's own entry if it has one; else the entry of the public
        model with the request's tier and output (artboard-v1 asked for SVG is served as artboard-v1-vector);
        else the model id's entry; else the default chain."""
        from artboard.models import MODELS, resolve_model

        key = (model or "artboard-v1").strip().lower()
        try:
            canonical = resolve_model(key)
        except InvalidParameter:
            return self.models.get(key, self.default)
        if key != canonical.id.lower() and key in self.models:
            return self.models[key]
        for twin in MODELS:
            if twin.tier == tier and twin.output == output and twin.id.lower() in self.models:
                return self.models[twin.id.lower()]
        return self.models.get(canonical.id.lower(), self.default)


def _chain(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidParameter(f"{where} must be a non-empty list of backend names", param="catalogue")
    return tuple(v.strip() for v in value)


def _names(value: Any, where: str) -> tuple[str, ...]:
    """A list of backend names that may be empty (`[]` turns the setting off)."""
    if isinstance(value, list) and not value:
        return ()
    return _chain(value, where)


def _merge(base: dict[str, Any], data: Mapping[str, Any], source: str) -> None:
    """Merge one catalogue document into `base` (validating as it goes)."""
    from artboard.models import resolve_model

    unknown = set(data) - {"models", "routing", "backends"}
    if unknown:
        raise InvalidParameter(
            f"{source}: unknown table(s) {sorted(unknown)}",
            param="catalogue",
            allowed=["models", "routing", "backends"],
        )
    for key, chain in (data.get("models") or {}).items():
        try:
            resolve_model(key)
        except InvalidParameter:
            raise InvalidParameter(f"{source}: unknown model {key!r} in [models]", param="catalogue") from None
        base["models"][key.strip().lower()] = _chain(chain, f"{source}: models.{key}")
    routing_table = data.get("routing") or {}
    for key, value in routing_table.items():
        if key == "default":
            base["default"] = _chain(value, f"{source}: routing.default")
        elif key == "failure_threshold" and isinstance(value, int) and value >= 1:
            base["failure_threshold"] = value
        elif key == "cooldown_seconds" and isinstance(value, int | float) and value >= 0:
            base["cooldown_seconds"] = float(value)
        elif key == "photographic" and isinstance(value, list):
            base["photographic"] = _names(value, f"{source}: routing.photographic")
        else:
            raise InvalidParameter(
                f"{source}: bad routing.{key} = {value!r}",
                param="catalogue",
                allowed=[
                    "default",
                    "failure_threshold (≥ 1)",
                    "cooldown_seconds (≥ 0)",
                    "photographic (list of backend names)",
                ],
            )
    for name, settings in (data.get("backends") or {}).items():
        if not isinstance(settings, Mapping):
            raise InvalidParameter(f"{source}: [backends.{name}] must be a table", param="catalogue")
        base["backends"][name] = {**base["backends"].get(name, {}), **settings}
    base["sources"].append(source)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise InvalidParameter(f"cannot read catalogue {path}: {exc.strerror or exc}", param="catalogue") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidParameter(f"catalogue {path} is not valid TOML: {exc}", param="catalogue") from None


def load_catalogue(override: str | Path | Mapping[str, Any] | None = None) -> Catalogue:
    """The packaged catalogue merged with `override` (a TOML file path or an already parsed mapping)."""
    base: dict[str, Any] = {
        "models": {},
        "default": ("design",),
        "failure_threshold": DEFAULT_FAILURE_THRESHOLD,
        "cooldown_seconds": DEFAULT_COOLDOWN_SECONDS,
        "backends": {},
        "sources": [],
        "photographic": (),
    }
    packaged = resources.files("artboard").joinpath("data/catalogue.toml")
    _merge(base, tomllib.loads(packaged.read_text(encoding="utf-8")), "packaged catalogue")
    if isinstance(override, Mapping):
        _merge(base, override, "configured catalogue")
    elif override is not None:
        _merge(base, _read_toml(Path(override).expanduser()), str(override))
    return Catalogue(
        models=dict(base["models"]),
        default=tuple(base["default"]),
        failure_threshold=int(base["failure_threshold"]),
        cooldown_seconds=float(base["cooldown_seconds"]),
        backends={k: dict(v) for k, v in base["backends"].items()},
        sources=tuple(base["sources"]),
        photographic=tuple(base["photographic"]),
    )


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.override: str | Path | Mapping[str, Any] | None = None
        self.cached: tuple[Any, Catalogue] | None = None


_state = _State()


def configure(catalogue: str | Path | Mapping[str, Any] | None = None) -> Catalogue:
    """Use `catalogue` (path or mapping) over the packaged one instead of $ARTBOARD_CATALOGUE; returns it."""
    loaded = load_catalogue(catalogue) if catalogue is not None else None
    with _state.lock:
        _state.override = catalogue
        _state.cached = None
    return loaded if loaded is not None else current_catalogue()


def reset() -> None:
    """Forget the configured catalogue (tests)."""
    with _state.lock:
        _state.override = None
        _state.cached = None


def current_catalogue() -> Catalogue:
    """The catalogue in effect: configure()'s, else $ARTBOARD_CATALOGUE's, merged over the packaged one."""
    import os

    with _state.lock:
        override = _state.override
        if override is None and os.environ.get(ENV_CATALOGUE):
            override = os.environ[ENV_CATALOGUE]
        key: Any = ("mapping", id(override)) if isinstance(override, Mapping) else ("path", override)
        if isinstance(override, str | Path):
            with contextlib.suppress(OSError):
                key = ("path", str(override), Path(override).expanduser().stat().st_mtime_ns)
        if _state.cached is not None and _state.cached[0] == key:
            return _state.cached[1]
        loaded = load_catalogue(override)
        _state.cached = (key, loaded)
        return loaded


def backend_settings(name: str) -> dict[str, Any]:
    """The catalogue's ``[backends.<name>]`` table (empty when absent)."""
    return dict(current_catalogue().backends.get(name, {}))
