"""The generated models (``openapi/templates/model.py.jinja``) against every object schema of the spec.

Round trips of a full example and of random valid bodies (Hypothesis), unknown fields kept, absent
optionals ``UNSET``, nulls kept, and a clear error for every wrong-typed property: a ``TypeError`` (a
``ValueError`` for a malformed date-time) naming the model and the wire field, never the value.
"""

from __future__ import annotations

import types
from typing import Any

import moodhood_api.models
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moodhood_api.types import UNSET

from tests.models._spec_data import (
    OBJECT_SCHEMAS,
    full_example,
    minimal_example,
    properties,
    valid_bodies,
    wrong_values,
)


def model(name: str) -> Any:
    """The generated class of the schema ``name`` (the generator keeps these schema names as class names)."""
    return getattr(moodhood_api.models, name)


def attribute_of(name: str, key: str) -> str:
    """The attribute the optional wire field ``key`` of ``name`` lands in: the one that stops being UNSET."""
    cls, minimal = model(name), minimal_example(name)
    with_key = cls.from_dict({**minimal, key: full_example(name)[key]})
    without = cls.from_dict(minimal)
    changed = [
        a.name
        for a in cls.__attrs_attrs__
        if getattr(with_key, a.name) is not UNSET and getattr(without, a.name) is UNSET
    ]
    assert len(changed) == 1, (name, key, changed)
    return changed[0]


def test_every_object_schema_has_a_model() -> None:
    assert len(OBJECT_SCHEMAS) > 30
    for name in OBJECT_SCHEMAS:
        assert hasattr(model(name), "from_dict"), name


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_full_example_round_trips(name: str) -> None:
    cls, example = model(name), full_example(name)
    parsed = cls.from_dict(example)
    assert parsed.to_dict() == example
    assert cls.from_dict(parsed.to_dict()) == parsed
    declared = [a.name for a in cls.__attrs_attrs__ if a.name != "additional_properties"]
    assert [a for a in declared if getattr(parsed, a) is UNSET] == []
    if declared:
        assert parsed.additional_properties == {}


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_unknown_fields_are_kept(name: str) -> None:
    body = {**full_example(name), "brandNewField": {"nested": [1, None]}, "x-count": 2}
    parsed = model(name).from_dict(body)
    assert parsed.additional_properties["brandNewField"] == {"nested": [1, None]}
    assert parsed["x-count"] == 2 and "x-count" in parsed
    assert parsed.to_dict() == body


def test_unknown_fields_of_nested_models_are_kept() -> None:
    body = full_example("Room")
    body["breakoutRooms"] = {**body["breakoutRooms"], "groups": 3}
    body["joinSettings"]["fields"][0]["placeholder"] = "you@example.com"
    room = model("Room").from_dict(body)
    assert room.breakout_rooms.additional_properties == {"groups": 3}
    assert room.join_settings.fields[0]["placeholder"] == "you@example.com"
    assert room.to_dict() == body


def test_parsing_copies_the_input() -> None:
    body = {**full_example("Space"), "extra": 1}
    space = model("Space").from_dict(body)
    body["extra"] = 2
    space["more"] = 3
    assert space["extra"] == 1 and "more" not in body


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_absent_optionals_are_unset(name: str) -> None:
    cls, minimal = model(name), minimal_example(name)
    parsed = cls.from_dict(minimal)
    for key in properties(name):
        if key not in minimal:
            assert getattr(parsed, attribute_of(name, key)) is UNSET, key
    assert parsed.to_dict() == minimal
    assert parsed.additional_properties == {}


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_nulls_are_kept_where_the_spec_allows_them(name: str) -> None:
    nullable = [key for key, schema in properties(name).items() if schema.get("nullable")]
    body = {**full_example(name), **dict.fromkeys(nullable)}
    parsed = model(name).from_dict(body)
    assert all(getattr(parsed, attribute_of(name, key)) is None for key in nullable)
    assert parsed.to_dict() == body


def _wrong_cases() -> list[tuple[str, str, Any]]:
    return [
        (name, key, value)
        for name in OBJECT_SCHEMAS
        for key, schema in properties(name).items()
        for value in wrong_values(schema)
    ]


@pytest.mark.parametrize(("name", "key", "value"), _wrong_cases())
def test_a_wrong_type_is_a_clear_error(name: str, key: str, value: Any) -> None:
    body = {**full_example(name), key: value}
    with pytest.raises((TypeError, ValueError)) as info:
        model(name).from_dict(body)
    message = str(info.value)
    assert message.startswith(f"{name}.{key}: expected "), message
    assert "\n" not in message
    if isinstance(value, str):
        assert repr(value) not in message and value not in message.split(": expected ")[1]


def test_a_wrong_date_time_string_is_a_value_error_and_a_wrong_type_a_type_error() -> None:
    room = model("Room")
    with pytest.raises(ValueError, match=r"^Room\.createdAt: expected an ISO 8601 date-time string, got a"):
        room.from_dict({"id": "r", "createdAt": "yesterday"})
    with pytest.raises(TypeError, match=r"^Room\.createdAt: expected an ISO 8601 date-time string, got int$"):
        room.from_dict({"id": "r", "createdAt": 1700000000})
    with pytest.raises(TypeError, match=r"^Room\.lastCallAt: .* or null, got int$"):
        room.from_dict({"id": "r", "lastCallAt": 1700000000})


def test_wrong_items_of_a_list_name_the_item_model() -> None:
    with pytest.raises(TypeError, match=r"^RoomJoinSettingsField: expected a JSON object, got str$"):
        model("RoomJoinSettings").from_dict({"fields": ["email"]})
    with pytest.raises(TypeError, match=r"^Room\.isPublic: expected a boolean, got str$"):
        model("RoomList").from_dict({"items": [{"id": "r", "isPublic": "yes"}]})


@pytest.mark.parametrize("name", [n for n in OBJECT_SCHEMAS if minimal_example(n)])
def test_a_missing_required_field_is_a_key_error_naming_it(name: str) -> None:
    body = minimal_example(name)
    first = next(iter(body))
    del body[first]
    with pytest.raises(KeyError) as info:
        model(name).from_dict(body)
    assert info.value.args == (first,)


@pytest.mark.parametrize("body", ["text", 7, None, ["id"]])
def test_a_body_that_is_not_an_object_is_a_type_error(body: Any) -> None:
    with pytest.raises(TypeError, match=r"^Room: expected a JSON object, got \w+$"):
        model("Room").from_dict(body)


def test_any_mapping_and_subclasses_of_json_types_are_accepted() -> None:
    room_type = moodhood_api.models.RoomType.WEBINAR  # a str subclass, in a plain string field
    body = types.MappingProxyType({"id": "r", "type": room_type, "name": "N"})
    room = model("Room").from_dict(body)
    assert room.type_ == "webinar" and room.name == "N"
    record = model("RoomRecord").from_dict({"id": "x", "fileSize": 1024})  # an integer is a number
    assert record.file_size == 1024


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_valid_bodies_round_trip(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(OBJECT_SCHEMAS))
    body = data.draw(valid_bodies(name))
    parsed = model(name).from_dict(body)
    assert parsed.to_dict() == body
    assert model(name).from_dict(parsed.to_dict()) == parsed
