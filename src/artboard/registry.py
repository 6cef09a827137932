"""Backends by name: built-ins plus anything registered under the `artboard.backends` entry-point group.

A third-party package adds a backend with one entry point (see `artboard.backends.base`)::

    [project.entry-points."artboard.backends"]
    mybackend = "my_package.backend:MyBackend"

Installed entry points win over the built-in table below, which only exists so a source checkout whose package
metadata predates a built-in backend still finds it.
"""

from __future__ import annotations

import threading
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from artboard.backends.base import Backend
from artboard.errors import BackendUnavailable, InvalidParameter
from artboard.spec import GenerationSpec

DEFAULT_BACKEND = "design"
ENTRY_POINT_GROUP = "artboard.backends"

# name -> "module:Class", used when the installed metadata does not list the name.
BUILTIN_BACKENDS: dict[str, str] = {
    "design": "artboard.backends.design:DesignComposerBackend",
    "recraft": "artboard.backends.upstream.recraft:RecraftBackend",
    "openrouter": "artboard.backends.upstream.openrouter:OpenRouterBackend",
    "diffusers": "artboard.backends.diffusion:DiffusersBackend",
}

_lock = threading.RLock()
_instances: dict[str, Backend] = {}


def _factories() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in BUILTIN_BACKENDS.items():
        found[name] = EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep
    return found


def backend_names() -> list[str]:
    """Every backend name this process knows: installed entry points, built-ins and registered instances."""
    with _lock:
        registered = set(_instances)
    return sorted(set(_factories()) | registered)


def is_known(name: str) -> bool:
    with _lock:
        if name in _instances:
            return True
    return name in _factories()


def register(name: str, backend: Backend) -> None:
    """Register an instance under `name` in this process (tests, embedding applications)."""
    with _lock:
        _instances[name] = backend


def unregister(name: str) -> None:
    with _lock:
        _instances.pop(name, None)


def load_backend(name: str | None) -> Backend:
    """The backend instance for `name`, created on first use, whether or not it is available right now.

    InvalidParameter for an unknown name; BackendUnavailable when its code cannot be imported or constructed
    (e.g. an optional dependency is missing).
    """
    key = name or DEFAULT_BACKEND
    with _lock:
        if key in _instances:
            return _instances[key]
        factories = _factories()
        if key not in factories:
            raise InvalidParameter(f"unknown backend {key!r}", param="backend", allowed=sorted(factories))
        factory = factories[key]
        try:
            cls = factory.load() if hasattr(factory, "load") else factory
            backend: Backend = cls()
        except ImportError as exc:
            raise BackendUnavailable(
                f"backend {key!r} cannot be loaded: {exc}", param="backend", details={"backend": key}
            ) from exc
        _instances[key] = backend
        return backend


def get_backend(name: str | None) -> Backend:
    """The backend for `name`, checked available (BackendUnavailable naming the reason otherwise)."""
    key = name or DEFAULT_BACKEND
    backend = load_backend(key)
    ok, why = backend.available()
    if not ok:
        raise BackendUnavailable(f"backend {key!r} is not available: {why}", param="backend")
    return backend


def check_capabilities(backend: Backend, spec: GenerationSpec) -> None:
    caps = backend.capabilities
    if spec.width * spec.height > caps.max_pixels:
        raise InvalidParameter(f"backend {backend.name} renders at most {caps.max_pixels} pixels", param="size")
