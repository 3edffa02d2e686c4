"""moodhood._overlay: OpenAPI Overlay 1.0 actions applied to a spec."""

from __future__ import annotations

from typing import Any

import pytest

from moodhood._overlay import OverlayError, apply_overlay


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "paths": {
            "/spaces": {
                "get": {"operationId": "listSpaces", "tags": ["spaces"]},
                "post": {"operationId": "createSpace", "tags": ["spaces"]},
            },
            "/spaces/{spaceId}": {"patch": {"operationId": "updateSpace"}},
        },
        "components": {
            "schemas": {
                "SpaceCreate": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                }
            }
        },
    }


def _overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def test_update_merges_objects_recursively_and_leaves_the_input_alone() -> None:
    spec = _spec()
    result = apply_overlay(
        spec,
        _overlay(
            {
                "target": "$.components.schemas.SpaceCreate",
                "update": {"required": ["name", "logo"], "properties": {"name": {"minLength": 1}}},
            }
        ),
    )
    schema = result.spec["components"]["schemas"]["SpaceCreate"]
    assert schema["properties"]["name"] == {"type": "string", "minLength": 1}
    assert schema["required"] == ["name", "logo"]
    assert "minLength" not in spec["components"]["schemas"]["SpaceCreate"]["properties"]["name"]
    assert result.unmatched == []


def test_a_filter_target_updates_every_match() -> None:
    result = apply_overlay(
        _spec(),
        _overlay(
            {"target": "$.paths[*][?@.operationId=='createSpace']", "update": {"x-moodhood-method": "create"}}
        ),
    )
    assert result.spec["paths"]["/spaces"]["post"]["x-moodhood-method"] == "create"
    assert "x-moodhood-method" not in result.spec["paths"]["/spaces"]["get"]


def test_an_array_target_gets_the_value_appended_once() -> None:
    action = {"target": "$.paths['/spaces'].get.tags", "update": "extra"}
    result = apply_overlay(_spec(), _overlay(action, action))
    assert result.spec["paths"]["/spaces"]["get"]["tags"] == ["spaces", "extra"]


def test_remove_deletes_every_selected_node() -> None:
    result = apply_overlay(_spec(), _overlay({"target": "$.paths['/spaces'][*]", "remove": True}))
    assert result.spec["paths"]["/spaces"] == {}


def test_actions_that_match_nothing_are_reported_not_fatal() -> None:
    result = apply_overlay(
        _spec(),
        _overlay({"target": "$.paths['/gone'].get", "description": "old", "update": {"summary": "x"}}),
    )
    assert [a.label() for a in result.unmatched] == ["action 0 ($.paths['/gone'].get): old"]


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ({"overlay": "2.0.0", "actions": []}, "unsupported overlay version"),
        ({"overlay": "1.0.0", "actions": "x"}, "must be a list"),
        (_overlay({"update": {}}), "no string 'target'"),
        (_overlay({"target": "$.paths", "update": {}, "remove": True}), "exactly one"),
        (_overlay({"target": "$.openapi", "update": {"a": 1}}), "targets must be objects or arrays"),
        (_overlay({"target": "$.paths", "update": [1]}), "needs an object"),
        (_overlay({"target": "$.paths[?", "update": {}}), "invalid JSONPath"),
    ],
)
def test_a_broken_overlay_is_a_clear_error(overlay: dict[str, Any], message: str) -> None:
    with pytest.raises(OverlayError, match=message.replace("(", r"\(")):
        apply_overlay(_spec(), overlay)
