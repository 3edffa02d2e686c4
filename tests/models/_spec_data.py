"""JSON data derived from ``openapi/moodhood.yaml`` for the model tests: every object schema, a full example
of it (every property set), a minimal one (required properties only), wrong-typed values per property, and
a Hypothesis strategy of valid bodies.

Date-times are written as Python's ``isoformat`` writes them, so a parsed example serialises back to the
very same JSON.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

__all__ = [
    "OBJECT_SCHEMAS",
    "enum_fields",
    "full_example",
    "minimal_example",
    "properties",
    "valid_bodies",
    "wrong_values",
]

_SPEC: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "openapi" / "moodhood.yaml").read_text(encoding="utf-8")
)
_SCHEMAS: dict[str, Any] = _SPEC["components"]["schemas"]
OBJECT_SCHEMAS = sorted(name for name, schema in _SCHEMAS.items() if schema.get("type") == "object")
ENUM_SCHEMAS = sorted(name for name, schema in _SCHEMAS.items() if "enum" in schema)
DATE_TIME = "2026-11-29T23:30:00.123000+00:00"
_ZONES = st.sampled_from([UTC, timezone(timedelta(hours=3)), timezone(-timedelta(hours=5, minutes=30))])


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return _SCHEMAS[ref.rsplit("/", 1)[1]] if ref else schema


def properties(name: str) -> dict[str, dict[str, Any]]:
    """The properties of the object schema ``name``, references resolved."""
    return {key: _resolve(value) for key, value in _SCHEMAS[name].get("properties", {}).items()}


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[1] if ref else None


def enum_fields() -> list[tuple[str, str, str]]:
    """(object schema, property, enum schema) for every property that refers to an enum schema."""
    return [
        (name, key, ref)
        for name in OBJECT_SCHEMAS
        for key, value in _SCHEMAS[name].get("properties", {}).items()
        if (ref := _ref_name(value)) in ENUM_SCHEMAS
    ]


def _value(schema: dict[str, Any], full: bool) -> Any:
    nested = _ref_name(schema)
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if kind == "object":
        return full_example(nested) if full and nested else minimal_example(nested) if nested else {}
    if kind == "array":
        return [_value(schema["items"], full)]
    if kind == "string":
        return DATE_TIME if schema.get("format") == "date-time" else "text ü €"
    return {"boolean": True, "integer": 7, "number": 1.5}[kind]


def full_example(name: str) -> dict[str, Any]:
    """Every property of ``name`` set (nested objects full, arrays of one item); free-form: some keys."""
    schema = _SCHEMAS[name]
    if not schema.get("properties"):
        return {"anything": {"nested": [1, "two", None]}, "count": 3}
    return {key: _value(value, True) for key, value in schema["properties"].items()}


def minimal_example(name: str) -> dict[str, Any]:
    """Only the required properties of ``name``."""
    schema = _SCHEMAS[name]
    required = schema.get("required", [])
    return {
        key: _value(value, False) for key, value in schema.get("properties", {}).items() if key in required
    }


def wrong_values(schema: dict[str, Any]) -> list[Any]:
    """Values of a JSON type the property schema does not allow (null only where it is not nullable)."""
    schema = _resolve(schema)
    kind = schema.get("type")
    wrong: list[Any] = {
        "string": [12345, True, ["text"], {"a": "b"}],
        "boolean": ["true", 1, 0, {"a": 1}],
        "integer": ["7", True, 7.5, [7]],
        "number": ["1.5", False, {"n": 1}],
        "object": ["text", 7, ["a"]],
        "array": ["text", {"a": 1}, 7],
    }[kind]
    if kind == "string" and schema.get("format") == "date-time":
        wrong += ["not a date", "2026-13-45T99:00:00Z"]
    if not schema.get("nullable"):
        wrong.append(None)
    return wrong


_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=6,
)


def _strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    nested = _ref_name(schema)
    schema = _resolve(schema)
    if "enum" in schema:
        values = st.sampled_from(schema["enum"])
    elif schema.get("type") == "object":
        values = valid_bodies(nested) if nested else st.dictionaries(_KEYS, _JSON, max_size=4)
    elif schema.get("type") == "array":
        values = st.lists(_strategy(schema["items"]), max_size=3)
    elif schema.get("format") == "date-time":
        values = st.datetimes(timezones=_ZONES).map(lambda moment: moment.isoformat())
    else:
        values = {
            "string": st.text(max_size=30),
            "boolean": st.booleans(),
            "integer": st.integers(),
            "number": st.integers() | st.floats(allow_nan=False, allow_infinity=False),
        }[schema["type"]]
    return (values | st.none()) if schema.get("nullable") else values


def valid_bodies(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies valid for ``name``: required properties, any subset of optional ones, and unknown extra keys."""
    schema = _SCHEMAS[name]
    props = schema.get("properties", {})
    required = {key: _strategy(value) for key, value in props.items() if key in schema.get("required", [])}
    optional = {key: _strategy(value) for key, value in props.items() if key not in required}
    extra = st.dictionaries(_KEYS.filter(lambda key: key not in props), _JSON, max_size=3)
    return st.tuples(st.fixed_dictionaries(required, optional=optional), extra).map(
        lambda pair: {**pair[1], **pair[0]}
    )
