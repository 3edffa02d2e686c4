"""Parse, validate and normalise an OpenAPI document.

Normal form: structural keys in the order the OpenAPI specification lists them, user-chosen names (paths,
properties, component names, status codes, media types) sorted, ``required`` lists sorted, free-form data
(examples, defaults, ``x-`` extensions) with sorted keys, list order otherwise kept; then block-style YAML
with two-space indents (lists indented under their key), no aliases and no line wrapping. The same
document always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import yaml
from _regen_common import RegenError, one_line
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

__all__ = ["dump_spec", "normalise", "parse_document", "validate_spec"]

# Structural keys first, in this order; anything else follows alphabetically.
_ORDER = [
    "openapi", "swagger", "info", "jsonSchemaDialect", "servers", "tags", "paths", "webhooks",
    "components", "externalDocs",
    "$ref", "name", "in", "url", "title", "summary", "description", "operationId", "deprecated",
    "version", "termsOfService", "contact", "license", "variables",
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
    "parameters", "requestBody", "responses", "callbacks", "security",
    "type", "format", "nullable", "enum", "const", "default", "items", "properties", "required",
    "additionalProperties",
    "allOf", "oneOf", "anyOf", "not", "discriminator",
    "schema", "content", "headers", "example", "examples",
]  # fmt: skip
_RANK = {key: index for index, key in enumerate(_ORDER)}

# Keys whose value maps user-chosen names to structural objects.
_NAME_MAPS = {
    "paths", "webhooks", "properties", "patternProperties", "definitions", "$defs", "responses", "content",
    "headers", "variables", "callbacks", "links", "encoding", "securitySchemes", "schemas", "parameters",
    "requestBodies", "examples", "pathItems", "dependentSchemas",
}  # fmt: skip
# Keys whose value is free-form data, not OpenAPI structure.
_DATA = {"example", "default", "enum", "const", "value", "mapping", "scopes"}


def parse_document(text: str) -> Any:
    """Parse JSON or YAML text; ``None`` when it is neither."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(stripped)
        except ValueError:
            pass
    if stripped.startswith("<"):
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def validate_spec(spec: Any) -> None:
    """Raise ``RegenError`` unless ``spec`` is a valid OpenAPI 3.x document."""
    if not isinstance(spec, dict):
        raise RegenError("the document is not a JSON/YAML object")
    version = str(spec.get("openapi", ""))
    if not version.startswith("3."):
        found = f"swagger {spec['swagger']}" if "swagger" in spec else f"openapi {version or '(missing)'}"
        raise RegenError(f"invalid spec: {found}; the generator needs OpenAPI 3.0 or 3.1")
    try:
        validate(spec)
    except OpenAPIValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "(root)"
        first = exc.message.split("\n\n", 1)[0]  # newer validators append the failing schema and instance
        raise RegenError(f"invalid spec at {where}: {one_line(first, 200)}") from None
    except Exception as exc:  # referencing errors and the like: report, never crash
        raise RegenError(
            f"invalid spec: {one_line(str(exc).splitlines()[0] if str(exc) else exc, 200)}"
        ) from None


def _data(node: Any) -> Any:
    if isinstance(node, Mapping):
        return {str(key): _data(node[key]) for key in sorted(node, key=str)}
    if isinstance(node, list):
        return [_data(item) for item in node]
    return node


def _structure(node: Any) -> Any:
    if isinstance(node, list):
        return [_structure(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key in sorted(node, key=lambda k: (_RANK.get(str(k), len(_RANK)), str(k))):
        value = node[key]
        name = str(key)
        if name in _DATA or name.startswith("x-"):
            out[name] = _data(value)
        elif name == "required" and isinstance(value, list):
            out[name] = sorted(value, key=str)
        elif name in _NAME_MAPS and isinstance(value, Mapping):
            out[name] = {str(k): _structure(value[k]) for k in sorted(value, key=str)}
        else:
            out[name] = _structure(value)
    return out


def normalise(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Return a copy of ``spec`` in the normal form described in the module docstring."""
    result = _structure(spec)
    assert isinstance(result, dict)
    return result


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent lists under their key


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_spec(spec: Mapping[str, Any]) -> str:
    """Normalise ``spec`` and render it as stable YAML text."""
    text = yaml.dump(
        normalise(spec),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        indent=2,
        width=1_000_000,
    )
    return text
