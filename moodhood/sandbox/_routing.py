"""Routes built from the API description: one route per path of the (overlaid) spec, dispatching on method.

Handlers are registered by method and path template (``("POST", "/spaces")``); the spec decides which of
them are reachable. For each request on a path of the spec:

- a method the path does not declare is a 405 whose ``Allow`` lists every method the path declares;
- a declared operation without a handler is a 501 ``not_implemented`` (listed once when the app is built);
- otherwise the caller is authenticated first (401) when the operation needs a token, then the query and
  body are validated against the spec (422), then the handler runs.

Paths are tried literal-first, segment by segment (OpenAPI: concrete paths match before templated ones), so
``/spaces/room-by-alias/{alias}`` wins over ``/spaces/{spaceId}/rooms`` for ``/spaces/room-by-alias/rooms``.
An operation that declares no 422 (the token endpoint, whose errors are RFC 6749's) validates in its handler.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, request_response
from starlette.types import Receive, Scope, Send

from moodhood.sandbox._auth import authenticate
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._validation import RequestValidator

__all__ = ["Handler", "Operation", "allow_header", "build_routes", "operations"]

Handler = Callable[[Request], Awaitable[Response]]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_logger = logging.getLogger("moodhood.sandbox")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: method (upper case), path template, operationId, and the operation."""

    method: str
    path: str
    operation_id: str | None
    spec: Mapping[str, Any]

    @property
    def label(self) -> str:
        what = f"{self.method} {self.path}"
        return f"{what} ({self.operation_id})" if self.operation_id else what


def operations(spec: Mapping[str, Any]) -> list[Operation]:
    """Every operation of ``spec``, in the order of its paths."""
    found = []
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, Mapping) else None
            if isinstance(operation, Mapping):
                found.append(Operation(method.upper(), str(path), operation.get("operationId"), operation))
    return found


def allow_header(methods: list[str]) -> str:
    """The ``Allow`` value for a path that declares ``methods`` (HEAD goes with GET)."""
    allowed = {m.upper() for m in methods}
    if "GET" in allowed:
        allowed.add("HEAD")
    return ", ".join(sorted(allowed))


def _specificity(path: str) -> tuple[tuple[int, str], ...]:
    """Sort key: literal segments before templated ones, position by position."""
    return tuple((1, "") if re.fullmatch(r"\{[^/]+\}", s) else (0, s) for s in path.strip("/").split("/"))


def _needs_token(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> bool:
    security = operation.get("security", spec.get("security"))
    return bool(security) and all(requirement for requirement in security)


def _not_implemented(op: Operation) -> Handler:
    async def endpoint(request: Request) -> Response:
        raise ApiError(
            501,
            "not_implemented",
            f"{op.label} is in the API description but this sandbox has no handler for it",
        )

    return endpoint


def _guarded(spec: Mapping[str, Any], item: Mapping[str, Any], op: Operation, handler: Handler) -> Handler:
    needs_token = _needs_token(spec, op.spec)
    validator = RequestValidator(spec, item, op.spec) if "422" in (op.spec.get("responses") or {}) else None

    async def endpoint(request: Request) -> Response:
        if needs_token:
            authenticate(request, request.app.state.sandbox)
        if validator is not None:
            await validator.check(request)
        return await handler(request)

    return endpoint


def _path_endpoint(by_method: dict[str, Handler]) -> Handler:
    allow = allow_header(list(by_method))

    async def endpoint(request: Request) -> Response:
        method = request.method
        handler = by_method.get(method) or (by_method.get("GET") if method == "HEAD" else None)
        if handler is None:
            raise ApiError(
                405,
                "method_not_allowed",
                f"{method} is not allowed on {request.url.path}",
                headers={"Allow": allow},
            )
        return await handler(request)

    return endpoint


class _AnyMethod:
    """An ASGI endpoint, so that Starlette hands it every method and the 405 is ours."""

    def __init__(self, endpoint: Handler) -> None:
        self._app = request_response(endpoint)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)


def build_routes(spec: Mapping[str, Any], handlers: Mapping[tuple[str, str], Handler]) -> list[BaseRoute]:
    """Starlette routes for every path of ``spec``; logs the operations that have no handler, once."""
    by_path: dict[str, dict[str, Handler]] = {}
    missing: list[Operation] = []
    for op in operations(spec):
        handler = handlers.get((op.method, op.path))
        if handler is None:
            missing.append(op)
            endpoint = _not_implemented(op)
        else:
            endpoint = _guarded(spec, spec["paths"][op.path], op, handler)
        by_path.setdefault(op.path, {})[op.method] = endpoint
    if missing:
        _logger.warning(
            "sandbox: %d operation(s) of the API description have no handler and answer 501: %s",
            len(missing),
            "; ".join(op.label for op in missing),
        )
    unused = sorted(f"{m} {p}" for m, p in handlers if p not in by_path or m not in by_path[p])
    if unused:
        _logger.info("sandbox: handlers for operations the API description lacks: %s", "; ".join(unused))
    ordered = sorted(by_path, key=_specificity)
    return [Route(path, _AnyMethod(_path_endpoint(by_path[path]))) for path in ordered]
