"""Request validation from the API description: query parameters and JSON bodies, checked against the
overlaid spec with ``openapi-schema-validator`` (JSON Schema for OpenAPI 3.0: ``nullable``, formats).

The sandbox has no validation rules of its own: a 422 ``validation_error`` means the request breaks the spec,
and everything the spec allows gets through to the handler. The body is parsed by :func:`read_body` first
(400 for bytes that are not a JSON object).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openapi_schema_validator import OAS30Validator, oas30_format_checker
from starlette.requests import Request

from moodhood.sandbox._body import read_body
from moodhood.sandbox._errors import ApiError

__all__ = ["RequestValidator", "resolve"]


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` pointers until ``node`` is not a reference."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        ref = node["$ref"]
        seen.add(ref)
        target: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _validator(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> OAS30Validator:
    # the components ride along so that '#/components/schemas/...' references resolve inside the schema
    root = {**schema, "components": spec.get("components", {})}
    return OAS30Validator(root, format_checker=oas30_format_checker)


def _coerce(value: str, schema: Mapping[str, Any]) -> Any:
    """A query string value as the type its schema declares (left a string when it does not convert)."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    return value


def _message(error: Any, where: str) -> str:
    path = "".join(f"[{part!r}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    return f"{where}{path}: {error.message}" if path else f"{where}: {error.message}"


def _first_error(validator: OAS30Validator, instance: Any) -> Any:
    if validator.is_valid(instance):  # the common case, without collecting errors
        return None
    errors = sorted(
        validator.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    )
    return errors[0] if errors else None


@dataclass(frozen=True)
class _Query:
    names: tuple[str, ...]
    schemas: dict[str, Mapping[str, Any]]
    validator: OAS30Validator


class RequestValidator:
    """Checks one operation's query parameters and JSON body; raises 422 ``validation_error`` on a breach."""

    def __init__(self, spec: Mapping[str, Any], path_item: Mapping[str, Any], operation: Mapping[str, Any]):
        parameters = [
            resolve(spec, p) for p in [*path_item.get("parameters", []), *operation.get("parameters", [])]
        ]
        query = {p["name"]: p for p in parameters if p.get("in") == "query"}
        schemas = {name: resolve(spec, p.get("schema") or {}) for name, p in query.items()}
        self._query = _Query(
            names=tuple(query),
            schemas=schemas,
            validator=_validator(
                spec,
                {
                    "type": "object",
                    "properties": {name: p.get("schema") or {} for name, p in query.items()},
                    "required": sorted(name for name, p in query.items() if p.get("required")),
                },
            ),
        )
        body = resolve(spec, operation.get("requestBody")) or {}
        media = (body.get("content") or {}).get("application/json") or {}
        self._body_required = bool(body.get("required"))
        # the top-level $ref inlined: one reference lookup less on every request
        self._body = _validator(spec, resolve(spec, media["schema"])) if "schema" in media else None

    async def check(self, request: Request) -> None:
        """Raise :class:`ApiError` (400 or 422) unless the request's query and body follow the spec."""
        values = {
            name: _coerce(request.query_params[name], self._query.schemas[name])
            for name in self._query.names
            if name in request.query_params
        }
        error = _first_error(self._query.validator, values) if self._query.names else None
        if error is not None:
            name = error.absolute_path[0] if error.absolute_path else None
            if name is None:  # a required parameter is missing
                raise ApiError(422, "validation_error", f"query parameter {error.message}")
            raise ApiError(422, "validation_error", f"query parameter '{name}': {error.message}")
        if self._body is None:
            return
        body = await read_body(request, allow_empty=not self._body_required)
        if not body.data and not await request.body():
            return  # an optional body that was not sent
        error = _first_error(self._body, body.data)
        if error is not None:
            raise ApiError(422, "validation_error", _message(error, "body"))
