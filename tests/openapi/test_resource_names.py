"""Resource and method names of the typed client are data (the overlay), with defaults for the rest.

Proven on the fixture spec (tests/openapi/fixtures/spec.yaml): default names from tag and operationId, the
overlay's names winning, an operation added to the spec appearing on the generated client with no hand edit,
and the ``--pull`` report listing every method added, removed or renamed (BREAKING where removed or renamed).
"""

from __future__ import annotations

import ast
import copy
import importlib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.openapi.conftest import REPO, Regen


@pytest.fixture(scope="module")
def names(regen: Regen) -> Any:
    return importlib.import_module("_regen_names")


@pytest.fixture(scope="module")
def render(regen: Regen) -> Any:
    return importlib.import_module("_regen_resources")


def _named(names: Any, spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {n.key: n.qualname for n in names.operation_names(spec)}


def _name_op(spec: dict[str, Any], path: str, verb: str, resource: str | None, method: str | None) -> None:
    op = spec["paths"][path][verb]
    op["x-moodhood-resource"] = resource
    if method is not None:
        op["x-moodhood-method"] = method


ROOM = "/spaces/{spaceId}/rooms/{roomId}"


def test_defaults_come_from_tag_and_operation_id(names: Any, fixture_spec: dict[str, Any]) -> None:
    assert _named(names, fixture_spec) == {
        ("get", "/spaces"): "spaces.list_spaces",
        ("post", "/spaces"): "spaces.create_space",
        ("get", ROOM): "space_rooms.get_room",
        ("delete", ROOM): "space_rooms.delete_room",
    }
    assert all(not n.named for n in names.operation_names(fixture_spec))


def test_overlay_names_win_and_unnamed_operations_follow_their_tag(
    names: Any, fixture_spec: dict[str, Any]
) -> None:
    _name_op(fixture_spec, "/spaces", "get", "spaces", "list")
    _name_op(fixture_spec, ROOM, "get", "rooms", "get")
    _name_op(fixture_spec, "/spaces", "post", None, None)  # kept off the resources
    assert _named(names, fixture_spec) == {
        ("get", "/spaces"): "spaces.list",
        ("get", ROOM): "rooms.get",
        ("delete", ROOM): "rooms.delete_room",  # not named: lands on the resource of its tag
    }


def test_default_names_never_clash_or_shadow_the_client(names: Any, fixture_spec: dict[str, Any]) -> None:
    _name_op(fixture_spec, ROOM, "get", "space_rooms", "delete_room")  # takes the default of the delete
    fixture_spec["paths"]["/auth/revoke"] = {
        "post": {"operationId": "revoke", "tags": ["Auth"], "responses": {"204": {"description": "ok"}}}
    }
    got = _named(names, fixture_spec)
    assert got[("delete", ROOM)] == "space_rooms.delete_room_delete"
    assert got[("post", "/auth/revoke")] == "auth_api.revoke"  # ``mh.auth`` is the client's auth object
    assert names.snake("RedirectToDownloadRoomRecord") == "redirect_to_download_room_record"
    assert names.snake("get_spaces__spaceId__rooms") == "get_spaces_space_id_rooms"


def test_pull_report_lists_added_removed_renamed(names: Any, fixture_spec: dict[str, Any]) -> None:
    old = copy.deepcopy(fixture_spec)
    _name_op(old, ROOM, "get", "rooms", "get")
    new = copy.deepcopy(fixture_spec)
    new["paths"]["/spaces"]["get"]["operationId"] = "getSpaces"  # a default name changes with it
    del new["paths"][ROOM]["delete"]
    new["paths"]["/users/me"] = {
        "get": {"operationId": "getMe", "tags": ["Users"], "responses": {"200": {"description": "me"}}}
    }
    _name_op(new, ROOM, "get", "rooms", "fetch")  # the overlay renamed it
    assert names.diff_names(old, new) == [
        "BREAKING renamed: spaces.list_spaces -> spaces.get_spaces (GET /spaces)",
        "BREAKING renamed: rooms.get -> rooms.fetch (GET /spaces/{spaceId}/rooms/{roomId})",
        "BREAKING removed: rooms.delete_room (DELETE /spaces/{spaceId}/rooms/{roomId})",
        "added: users.get_me (GET /users/me)",
    ]
    assert names.diff_names(old, old) == []
    moved = copy.deepcopy(old)
    moved["paths"]["/rooms/{roomId}"] = {"delete": moved["paths"][ROOM].pop("delete")}
    moved["paths"]["/rooms/{roomId}"]["delete"]["parameters"] = []
    assert names.diff_names(old, moved) == [
        "moved: rooms.delete_room now calls another path (was DELETE /spaces/{spaceId}/rooms/{roomId})"
    ]


def _classes(source: str) -> dict[str, list[str]]:
    tree = ast.parse(source)
    return {
        node.name: list(
            dict.fromkeys(f.name for f in node.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef))
        )
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def test_an_operation_added_to_the_spec_appears_on_the_client(
    regen: Regen, regen_root: Path, fixture_spec: dict[str, Any]
) -> None:
    before = _classes((regen_root / "moodhood" / "_resources.py").read_text())
    assert "Users" not in before and "list_spaces" in before["Spaces"]
    fixture_spec["paths"]["/users/me"] = {
        "get": {
            "operationId": "getMe",
            "tags": ["Users"],
            "summary": "The current user",
            "responses": {"200": {"description": "me", "content": {"application/json": {"schema": {}}}}},
        }
    }
    (regen_root / "openapi" / "moodhood.yaml").write_text(yaml.safe_dump(fixture_spec, sort_keys=False))
    assert regen.main(["--root", str(regen_root)]) == 0
    source = (regen_root / "moodhood" / "_resources.py").read_text()
    after = _classes(source)
    assert after["Users"] == ["get_me"] and after["AsyncUsers"] == ["get_me"]
    assert "users" in after["SyncResources"] and "users" in after["AsyncResources"]
    assert '"""The current user.' in source
    assert regen.main(["--check", "--root", str(regen_root)]) == 0


def test_the_overlay_is_applied_before_generation(
    regen: Regen, regen_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "names", "version": "1"},
        "actions": [
            {
                "target": "$.paths['/spaces'].get",
                "update": {"x-moodhood-resource": "spaces", "x-moodhood-method": "list"},
            },
            {"target": "$.paths['/gone'].get", "update": {"x-moodhood-resource": "gone"}},
        ],
    }
    (regen_root / "openapi" / "overlay.yaml").write_text(yaml.safe_dump(overlay, sort_keys=False))
    assert regen.main(["--check", "--root", str(regen_root)]) == 1  # the resources change with the overlay
    assert regen.main(["--root", str(regen_root)]) == 0
    err = capsys.readouterr().err
    assert "overlay.yaml: matched nothing" in err and "/gone" in err
    assert _classes((regen_root / "moodhood" / "_resources.py").read_text())["Spaces"] == [
        "list",
        "create_space",
    ]


def test_a_new_per_call_option_is_one_line_in_the_generator(
    render: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = yaml.safe_load((REPO / "openapi" / "moodhood.yaml").read_text())
    overlay = yaml.safe_load((REPO / "openapi" / "overlay.yaml").read_text())
    from moodhood._overlay import apply_overlay

    document = apply_overlay(spec, overlay).spec
    option = render.CallOption("deadline", "float | None", "None")
    monkeypatch.setattr(render, "CALL_OPTIONS", (*render.CALL_OPTIONS, option))
    source = render.render_resources(document, REPO / "openapi" / "codegen.yaml")[render.RESOURCES_FILE]
    signatures = source.count("retry_post: bool = False")
    assert signatures > 60  # every method, overload and flavour
    assert source.count("deadline: float | None = None") == signatures
    assert source.count("call_state(") == source.count("deadline=deadline")
