"""Backends by name: built-ins plus anything registered under the `artboard.backends` entry-point group."""

from __future__ import annotations

import threading
from importlib.metadata import entry_points
from typing import Any

from artboard.backends.base import Backend
from artboard.errors import BackendUnavailable, InvalidParameter
from artboard.spec import GenerationSpec

DEFAULT_BACKEND = "design"
ENTRY_POINT_GROUP = "artboard.backends"

_lock = threading.Lock()
_instances: dict[str, Backend] = {}


def _factories() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep
    if DEFAULT_BACKEND not in found:
        # Source checkouts without installed metadata still get the built-in composer.
        from artboard.backends.design import DesignComposerBackend

        found[DEFAULT_BACKEND] = DesignComposerBackend
    return found


def backend_names() -> list[str]:
    return sorted(_factories())


def get_backend(name: str | None) -> Backend:
    key = name or DEFAULT_BACKEND
    with _lock:
        if key in _instances:
            return _instances[key]
        factories = _factories()
        if key not in factories:
            raise InvalidParameter(f"unknown backend {key!r}", param="backend", allowed=sorted(factories))
        factory = factories[key]
        cls = factory.load() if hasattr(factory, "load") else factory
        backend: Backend = cls()
        ok, why = backend.available()
        if not ok:
            raise BackendUnavailable(f"backend {key!r} is not available: {why}", param="backend")
        _instances[key] = backend
        return backend


def check_capabilities(backend: Backend, spec: GenerationSpec) -> None:
    caps = backend.capabilities
    if spec.width * spec.height > caps.max_pixels:
        raise InvalidParameter(f"backend {backend.name} renders at most {caps.max_pixels} pixels", param="size")
