"""Routing with fallbacks: a public model id resolves to an ordered chain of backends, tried in turn.

    chain = catalogue[model]                      data/catalogue.toml, merged with $ARTBOARD_CATALOGUE (`catalogue`)
    provider {order, only, ignore, allow_fallbacks}  per request, like OpenRouter's provider object
    for each backend in the chain:
        unknown / unsupported / unavailable / circuit open  → skipped, reason recorded
        generate() → Design                                  → served
        BackendUnavailable (overloaded, 429/503, no credits) → "overloaded", next backend
        BackendError, timeout, any other exception           → "failed", next backend
        InvalidParameter, ContentBlocked, Cancelled          → raised: the request is the problem
    nothing left → BackendUnavailable (503) listing why each backend was skipped

`order` puts backends first (any installed backend, even one outside the model's chain); `only` keeps just the
named backends (and may name ones outside the chain); `ignore` drops backends; `allow_fallbacks=false` tries only
the `order` entries, or only the first backend of the chain. `spec.backend` (CLI `--backend NAME`) is `only=[NAME]`.

Photographic prompts ("a photo of …", "studio portrait, 85mm, bokeh"): the composer draws flat designs, so when the
chain would start with a backend that is not photoreal and the request names no backend itself (`spec.backend`,
`only`, `order`), the learned backends (catalogue `[routing] photographic`, plus the photoreal backends of the chain)
that are available right now go first. With none available, or with an explicit choice, the chain is unchanged and
the composer answers (its own manifest warning says so). The decision is recorded as `routing.photographic`; a
learned backend that was tried and failed adds a warning (`Served.warnings`).

Circuit breaker: after `failure_threshold` consecutive failures a backend is skipped for `cooldown_seconds`, then
tried again (one success closes the circuit). `health()` reports it per backend.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from artboard import catalogue as _catalogue
from artboard import registry
from artboard.backends.base import Backend, Design

# Loading and merging the catalogue lives in `artboard.catalogue`; its names stay importable from here.
from artboard.catalogue import DEFAULT_COOLDOWN_SECONDS as DEFAULT_COOLDOWN_SECONDS
from artboard.catalogue import DEFAULT_FAILURE_THRESHOLD as DEFAULT_FAILURE_THRESHOLD
from artboard.catalogue import ENV_CATALOGUE as ENV_CATALOGUE
from artboard.catalogue import Catalogue as Catalogue
from artboard.catalogue import backend_settings as backend_settings
from artboard.catalogue import current_catalogue as current_catalogue
from artboard.catalogue import load_catalogue as load_catalogue
from artboard.errors import (
    ArtboardError,
    BackendUnavailable,
    Cancelled,
    ContentBlocked,
    InvalidParameter,
    RateLimited,
)
from artboard.spec import GenerationSpec

log = logging.getLogger("artboard.routing")

# The request itself is wrong: no other backend would do better, so these are raised, never fallen through.
REQUEST_ERRORS: tuple[type[Exception], ...] = (InvalidParameter, ContentBlocked, Cancelled)


# -- configuration ----------------------------------------------------------------------------------------------------


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.clock: Callable[[], float] = time.monotonic
        self.health: dict[str, _Health] = {}


_state = _State()


def configure(
    catalogue: str | Path | Mapping[str, Any] | None = None, *, clock: Callable[[], float] | None = None
) -> Catalogue:
    """Use `catalogue` (path or mapping) over the packaged one instead of $ARTBOARD_CATALOGUE; returns it."""
    loaded = _catalogue.configure(catalogue)
    if clock is not None:
        with _state.lock:
            _state.clock = clock
    return loaded


def reset() -> None:
    """Forget configuration and health (tests)."""
    _catalogue.reset()
    with _state.lock:
        _state.clock = time.monotonic
        _state.health.clear()


# -- per-request provider preferences ---------------------------------------------------------------------------------


class ProviderPreferences(BaseModel):
    """OpenRouter's `provider` object, for our backends (other OpenRouter fields are accepted and ignored)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    order: tuple[str, ...] | None = None
    only: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    allow_fallbacks: bool = True

    @field_validator("order", "only", "ignore", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple) and not value:
            return None  # an empty list restricts nothing
        return value


def parse_provider(value: ProviderPreferences | Mapping[str, Any] | None) -> ProviderPreferences:
    if value is None:
        return ProviderPreferences()
    if isinstance(value, ProviderPreferences):
        return value
    if not isinstance(value, Mapping):
        raise InvalidParameter(
            "provider must be an object", param="provider", allowed="{order, only, ignore, allow_fallbacks}"
        )
    try:
        return ProviderPreferences.model_validate(dict(value))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())[:1])
        raise InvalidParameter(f"{first.get('msg')}", param=f"provider.{where}" if where else "provider") from None


# -- planning and serving ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    backend: str
    # served | unavailable | unsupported | unknown | ignored | circuit_open | overloaded | failed | rejected
    # (and `ready` in a photographic record: the learned backend could take the request)
    outcome: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"backend": self.backend, "outcome": self.outcome, "reason": self.reason}


@dataclass(frozen=True)
class PhotoRoute:
    """How a photographic prompt was routed.

    decision: `learned` (available learned backends go first), `none_available` (no learned backend can take it
    now: the chain is unchanged) or `explicit` (the request named its backends: the chain is unchanged).
    learned: each learned backend considered, `ready` or why not (its routing outcome and reason).
    """

    decision: str
    learned: tuple[Attempt, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"decision": self.decision, "learned": [a.to_dict() for a in self.learned]}


@dataclass(frozen=True)
class Plan:
    """The backends to try for one request, in order, and those already ruled out."""

    model: str
    candidates: tuple[str, ...]
    skipped: tuple[Attempt, ...] = ()
    photographic: PhotoRoute | None = None


@dataclass
class Served:
    backend: Backend
    name: str
    design: Design
    tried: list[Attempt]
    plan: Plan

    @property
    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"tried": [a.to_dict() for a in self.tried], "served_by": self.name}
        if self.plan.photographic is not None:
            record["photographic"] = self.plan.photographic.to_dict()
        return record

    def manifest_record(self) -> dict[str, Any] | None:
        """The routing record for the manifest; None when one backend was the whole chain and served directly
        (then the manifest's `backend` says it all, and output stays byte-identical to direct rendering) and no
        photographic routing decision was taken."""
        if len(self.plan.candidates) == 1 and len(self.tried) == 1 and self.plan.photographic is None:
            return None
        return self.record

    @property
    def warnings(self) -> list[str]:
        """Routing's own warnings for the manifest: a photographic prompt whose learned backend could not serve it
        this time (failed, overloaded, circuit open), so a backend that is not photoreal answered."""
        photo = self.plan.photographic
        if photo is None or self.backend.capabilities.photoreal:
            return []
        learned = {a.backend for a in photo.learned}
        trouble = [a for a in photo.learned if a.outcome in ("circuit_open", "overloaded", "failed")]
        if photo.decision == "learned":
            trouble += [a for a in self.tried if a.backend in learned and a.outcome != "served"]
        if not trouble:
            return []
        listing = ", ".join(f"{a.backend} {a.outcome}" for a in trouble)
        return [
            f"photographic prompt: the learned backend could not serve it this time ({listing}); "
            f"{self.name} answered instead"
        ]


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def plan(spec: GenerationSpec, provider: ProviderPreferences | Mapping[str, Any] | None = None) -> Plan:
    """The ordered candidates for `spec` (raises for an unknown `spec.backend` or a request no backend can take)."""
    prefs = parse_provider(provider)
    if spec.backend:
        if not registry.is_known(spec.backend):
            raise InvalidParameter(
                f"unknown backend {spec.backend!r}", param="backend", allowed=registry.backend_names()
            )
        prefs = prefs.model_copy(update={"only": (spec.backend,)})
    chain = current_catalogue().chain(spec.model, tier=spec.tier, output=spec.output)
    order = list(prefs.order or ())
    candidates = _dedupe([*order, *chain])
    if prefs.only is not None:
        extra = [o for o in _dedupe(prefs.only) if o not in candidates]
        candidates = [c for c in candidates if c in prefs.only] + extra
    skipped = [Attempt(c, "ignored", "provider.ignore") for c in candidates if c in (prefs.ignore or ())]
    candidates = [c for c in candidates if c not in (prefs.ignore or ())]
    photo: PhotoRoute | None = None
    if candidates and not _photoreal(candidates[0]) and _photographic(spec):
        explicit = bool(spec.backend or prefs.only is not None or prefs.order)
        candidates, photo = _photographic_route(spec, candidates, prefs, explicit=explicit)
    if not prefs.allow_fallbacks:
        candidates = [c for c in candidates if c in order] if order else candidates[:1]
    if not candidates:
        raise BackendUnavailable(
            f"no backend left for model {spec.model!r} after the provider preferences (chain: {', '.join(chain)})",
            param="provider",
            details={"routing": {"tried": [a.to_dict() for a in skipped], "served_by": None}},
        )
    _check_supported(spec, candidates)
    return Plan(model=spec.model, candidates=tuple(candidates), skipped=tuple(skipped), photographic=photo)


def _photographic(spec: GenerationSpec) -> bool:
    """Whether the prompt asks for a photograph (the composer's brief reads it; parses are cached)."""
    try:
        from artboard.composer import parse_prompt

        return bool(parse_prompt(spec.prompt).photographic)
    except Exception:  # reading the prompt must never fail routing; the composer reports its own errors
        log.warning("could not tell whether the prompt is photographic", exc_info=True)
        return False


def _photoreal(name: str) -> bool:
    """Whether backend `name` renders photographs (False for unknown or unloadable backends)."""
    if not registry.is_known(name):
        return False
    try:
        return registry.load_backend(name).capabilities.photoreal
    except ArtboardError:
        return False


def _photographic_route(
    spec: GenerationSpec, candidates: list[str], prefs: ProviderPreferences, *, explicit: bool
) -> tuple[list[str], PhotoRoute]:
    """The candidates for a photographic prompt whose chain starts with a backend that is not photoreal: the learned
    backends that are ready go first, unless the request named its backends itself."""
    if explicit:
        return candidates, PhotoRoute("explicit")
    ignored = set(prefs.ignore or ())
    named = [n for n in current_catalogue().photographic if n not in ignored]
    learned = _dedupe([*named, *(c for c in candidates if c not in named and _photoreal(c))])
    considered: list[Attempt] = []
    ready: list[str] = []
    for name in learned:
        _backend, skip = _ready(name, spec)
        considered.append(skip or Attempt(name, "ready", "ok"))
        if skip is None:
            ready.append(name)
    if not ready:
        return candidates, PhotoRoute("none_available", tuple(considered))
    return ready + [c for c in candidates if c not in ready], PhotoRoute("learned", tuple(considered))


def _check_supported(spec: GenerationSpec, candidates: list[str]) -> None:
    """InvalidParameter up front when every loadable candidate refuses the request itself (e.g. its size)."""
    refusals: list[tuple[Backend, str]] = []
    for name in candidates:
        if not registry.is_known(name):
            return
        try:
            backend = registry.load_backend(name)
        except ArtboardError:
            return
        ok, why = backend.supports(spec)
        if ok:
            return
        refusals.append((backend, why))
    if not refusals:
        return
    backend, why = refusals[0]
    registry.check_capabilities(backend, spec)  # the size message surfaces keep showing
    reasons = "; ".join(f"{b.name}: {w}" for b, w in refusals)
    raise InvalidParameter(
        f"no backend can serve this request: {reasons}", param="image" if spec.image is not None else None
    )


def serve(
    spec: GenerationSpec,
    route: Plan | ProviderPreferences | Mapping[str, Any] | None = None,
    *,
    seed: int,
    index: int,
) -> Served:
    """Generate result `index` with the first backend of the plan that can; see the module docstring."""
    planned = route if isinstance(route, Plan) else plan(spec, route)
    tried = list(planned.skipped)
    failures: list[BaseException] = []
    for name in planned.candidates:
        backend, skip = _ready(name, spec)
        if skip is not None or backend is None:
            tried.append(skip or Attempt(name, "unavailable", "not loaded"))
            continue
        try:
            design = backend.generate(spec, seed=seed, index=index)
        except REQUEST_ERRORS as exc:
            tried.append(Attempt(name, "rejected", _reason(exc)))
            _attach(exc, tried)
            raise
        except (BackendUnavailable, RateLimited) as exc:
            _failed(name, exc)
            busy = isinstance(exc, RateLimited) or exc.details.get("upstream_status") in (429, 503)
            tried.append(Attempt(name, "overloaded" if busy else "unavailable", _reason(exc)))
            failures.append(exc)
        except Exception as exc:
            _failed(name, exc)
            log.warning("backend %s failed, trying the next one: %s", name, _reason(exc), exc_info=True)
            tried.append(Attempt(name, "failed", _reason(exc)))
            failures.append(exc)
        else:
            _succeeded(name)
            tried.append(Attempt(name, "served", "ok"))
            if len(tried) > 1:
                log.info(
                    "model %s served by %s after: %s",
                    spec.model,
                    name,
                    "; ".join(f"{a.backend} {a.outcome}" for a in tried[:-1]),
                )
            return Served(backend=backend, name=name, design=design, tried=tried, plan=planned)
    record = {"tried": [a.to_dict() for a in tried], "served_by": None}
    if len(planned.candidates) == 1 and failures:
        # A single backend that failed keeps its own error (e.g. 502 backend_error) as before routing existed.
        error = failures[-1]
        _attach(error, tried)
        raise error
    listing = "; ".join(f"{a.backend}: {a.outcome} ({a.reason})" for a in tried)
    raise BackendUnavailable(f"no backend could serve model {spec.model!r}: {listing}", details={"routing": record})


def _ready(name: str, spec: GenerationSpec) -> tuple[Backend | None, Attempt | None]:
    if not registry.is_known(name):
        return None, Attempt(name, "unknown", "no backend of this name is installed")
    try:
        backend = registry.load_backend(name)
    except ArtboardError as exc:
        return None, Attempt(name, "unavailable", _reason(exc))
    ok, why = backend.supports(spec)
    if not ok:
        return None, Attempt(name, "unsupported", why)
    try:
        ok, why = backend.available()
    except Exception as exc:
        ok, why = False, f"available() raised {type(exc).__name__}: {exc}"
    if not ok:
        return None, Attempt(name, "unavailable", why)
    open_for = _open_for(name)
    if open_for is not None:
        state = _health(name)
        return None, Attempt(
            name,
            "circuit_open",
            f"{state.consecutive_failures} consecutive failures, retried in {open_for:.0f}s (last: {state.last_error})",
        )
    return backend, None


def _reason(exc: BaseException) -> str:
    text = exc.describe() if isinstance(exc, ArtboardError) else f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 300 else text[:299] + "…"


def _attach(exc: BaseException, tried: list[Attempt]) -> None:
    if isinstance(exc, ArtboardError):
        exc.details = {**exc.details, "routing": {"tried": [a.to_dict() for a in tried], "served_by": None}}


# -- health and the circuit breaker -----------------------------------------------------------------------------------


@dataclass
class _Health:
    consecutive_failures: int = 0
    last_error: str | None = None
    open_until: float | None = None
    served: int = 0
    failures: int = 0


def _health(name: str) -> _Health:
    with _state.lock:
        return _state.health.setdefault(name, _Health())


def _open_for(name: str) -> float | None:
    """Seconds the circuit of `name` stays open, None when closed (or half-open: one attempt may go)."""
    with _state.lock:
        state = _state.health.get(name)
        if state is None or state.open_until is None:
            return None
        left = state.open_until - _state.clock()
        return left if left > 0 else None


def _failed(name: str, exc: BaseException) -> None:
    catalogue = current_catalogue()
    with _state.lock:
        state = _health(name)
        state.consecutive_failures += 1
        state.failures += 1
        state.last_error = _reason(exc)
        if state.consecutive_failures >= catalogue.failure_threshold:
            state.open_until = _state.clock() + catalogue.cooldown_seconds
            log.warning(
                "backend %s: circuit open for %gs after %d consecutive failures",
                name,
                catalogue.cooldown_seconds,
                state.consecutive_failures,
            )


def _succeeded(name: str) -> None:
    with _state.lock:
        state = _health(name)
        state.consecutive_failures = 0
        state.open_until = None
        state.served += 1


def health(names: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Per backend: available + reason, last_error, consecutive_failures, circuit state, counters, details."""
    report: dict[str, dict[str, Any]] = {}
    for name in names if names is not None else registry.backend_names():
        entry: dict[str, Any] = {"available": False, "reason": "", "details": {}}
        try:
            backend = registry.load_backend(name)
            ok, why = backend.available()
            entry.update(available=bool(ok), reason=why, remote=backend.capabilities.remote, details=backend.health())
        except Exception as exc:
            entry["reason"] = _reason(exc)
        with _state.lock:
            state = _state.health.get(name, _Health())
            open_for = _open_for(name)
            entry.update(
                last_error=state.last_error,
                consecutive_failures=state.consecutive_failures,
                circuit_open=open_for is not None,
                retry_in_seconds=round(open_for, 1) if open_for is not None else None,
                served=state.served,
                failures=state.failures,
            )
        report[name] = entry
    return report


def backends_report() -> list[dict[str, Any]]:
    """Every backend with capabilities and health, for `artboard backends list` and the service."""
    rows: list[dict[str, Any]] = []
    states = health()
    catalogue = current_catalogue()
    for name, state in states.items():
        row: dict[str, Any] = {"name": name, "capabilities": None, "model_id": None, **state}
        try:
            described = registry.load_backend(name).describe()
            row.update(capabilities=described["capabilities"], model_id=described["model_id"])
        except Exception:  # already reported as unavailable by health()
            pass
        row["models"] = sorted(m for m, chain in catalogue.models.items() if name in chain)
        rows.append(row)
    return rows
