"""The ``Allow`` header of a 405: every method that some route serves at the path, not just the first's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute, Match, Mount, Route

__all__ = ["allowed_methods"]


def allowed_methods(routes: Sequence[BaseRoute], path: str) -> list[str]:
    """The sorted methods served at ``path`` (the full request path) by ``routes``, through any mounts."""
    scope: dict[str, Any] = {"type": "http", "path": path, "root_path": "", "method": ""}
    return sorted(_collect(routes, scope))


def _collect(routes: Sequence[BaseRoute], scope: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for route in routes:
        match, child = route.matches(scope)
        if match is Match.NONE:
            continue
        if isinstance(route, Mount):
            found |= _collect(route.routes, {**scope, **child})
        elif isinstance(route, Route) and route.methods:
            found |= route.methods
    return found
