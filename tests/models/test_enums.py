"""Generated string enums (``openapi/templates/str_enum.py.jinja``): a value the spec does not list yet is
tolerated when a model parses it, and only there."""

from __future__ import annotations

from typing import Any

import moodhood_api.models
import pytest

from tests.models._spec_data import enum_fields, full_example


def test_the_spec_has_enum_fields() -> None:
    assert len(enum_fields()) >= 5


@pytest.mark.parametrize(("name", "key", "enum"), enum_fields())
def test_an_unknown_value_parses_and_round_trips(name: str, key: str, enum: str) -> None:
    cls, enum_cls = getattr(moodhood_api.models, name), getattr(moodhood_api.models, enum)
    known = list(enum_cls)
    body = {**full_example(name), key: "value_added_by_the_server_later"}
    parsed = cls.from_dict(body)
    value = next(v for v in (getattr(parsed, a.name) for a in cls.__attrs_attrs__) if v == body[key])
    assert isinstance(value, enum_cls) and isinstance(value, str)
    assert value.value == str(value) == "value_added_by_the_server_later"
    assert parsed.to_dict() == body
    assert cls.from_dict(parsed.to_dict()) == parsed
    assert list(enum_cls) == known  # not added to the members
    with pytest.raises(ValueError, match="is not a valid"):
        enum_cls("value_added_by_the_server_later")  # the constructor (user input) stays strict


@pytest.mark.parametrize(("name", "key", "enum"), enum_fields())
def test_a_known_value_parses_to_the_member_itself(name: str, key: str, enum: str) -> None:
    enum_cls = getattr(moodhood_api.models, enum)
    member = next(iter(enum_cls))
    parsed = getattr(moodhood_api.models, name).from_dict({**full_example(name), key: member.value})
    assert any(getattr(parsed, a.name) is member for a in parsed.__attrs_attrs__)


@pytest.mark.parametrize("wrong", [1, True, None, ["lesson"]])
def test_a_non_string_enum_value_is_a_type_error(wrong: Any) -> None:
    with pytest.raises(TypeError, match=r"^RoomCreate\.type: expected a string, got \w+$"):
        moodhood_api.models.RoomCreate.from_dict({"name": "n", "type": wrong})
