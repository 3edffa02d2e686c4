"""Routes come from the spec: every operation has a handler, 501 for one that has none, ``Allow`` lists every
method of a path, literal segments win over templates, and authentication comes before validation."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, create_app
from moodhood.sandbox._app import HANDLERS
from tests._spec import API_SPEC, SPEC, operations_of

from .conftest import Api


def test_every_operation_of_the_committed_spec_has_a_handler() -> None:
    operations = {(op.method.upper(), op.path) for op in operations_of(API_SPEC)}
    assert operations, "the spec has operations"
    assert operations - set(HANDLERS) == set(), "operations that would answer 501"
    assert set(HANDLERS) - operations == set(), "handlers the spec does not route"


def _client(spec_file: Path) -> httpx.AsyncClient:
    app = create_app(SandboxConfig(spec_path=str(spec_file)))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox/v1")


async def test_an_operation_without_a_handler_answers_501_and_is_listed_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spec: dict[str, Any] = json.loads(json.dumps(SPEC))
    spec["paths"]["/spaces/{spaceId}/polls"] = {
        "get": {"operationId": "listPolls", "security": [], "responses": {"200": {"description": "ok"}}},
        "post": {"operationId": "createPoll", "security": [], "responses": {"200": {"description": "ok"}}},
    }
    spec_file = tmp_path / "live.json"
    spec_file.write_text(json.dumps(spec))
    with caplog.at_level(logging.WARNING, logger="moodhood.sandbox"):
        async with _client(spec_file) as http:
            response = await http.get("/spaces/abc/polls")
            assert (await http.post("/spaces/abc/polls")).status_code == 501
    assert response.status_code == 501
    assert response.json()["code"] == "not_implemented"
    assert "GET /spaces/{spaceId}/polls (listPolls)" in response.json()["message"]
    listed = [r.getMessage() for r in caplog.records if "no handler" in r.getMessage()]
    assert len(listed) == 1 and "listPolls" in listed[0] and "createPoll" in listed[0]


async def test_an_operation_the_spec_lacks_is_not_routed(tmp_path: Path) -> None:
    spec: dict[str, Any] = json.loads(json.dumps(SPEC))
    del spec["paths"]["/users/me"]
    spec_file = tmp_path / "live.json"
    spec_file.write_text(json.dumps(spec))
    async with _client(spec_file) as http:
        assert (await http.get("/users/me")).status_code == 404


@pytest.mark.parametrize("op", operations_of(API_SPEC), ids=lambda op: f"{op.method} {op.path}")
async def test_405_allows_every_method_of_the_path(api: Api, op: Any) -> None:
    declared = {
        m.upper() for m in API_SPEC["paths"][op.path] if m in ("get", "put", "post", "delete", "patch")
    }
    unused = next(m for m in ("PATCH", "OPTIONS", "TRACE", "PUT", "DELETE", "POST") if m not in declared)
    path = op.path.replace("{alias}", "abc").replace("{", "").replace("}", "")
    response = await api.http.request(unused, path)
    assert response.status_code == 405
    allowed = {m.strip() for m in response.headers["allow"].split(",")}
    assert allowed - {"HEAD"} == declared
    assert ("HEAD" in allowed) == ("GET" in declared)


async def test_options_on_spaces_lists_get_and_post(api: Api) -> None:
    response = await api.http.options("/spaces")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, POST"


async def test_room_by_alias_wins_over_the_space_templates(api: Api) -> None:
    """``/spaces/room-by-alias/rooms`` is the room with alias ``rooms``, not the rooms of a space."""
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    api.state.rooms[room["id"]].alias = "rooms"
    found = await api.request("GET", "/spaces/room-by-alias/rooms", token)
    assert found.status_code == 200 and found.json()["id"] == room["id"]
    posted = await api.request("POST", "/spaces/room-by-alias/rooms", token, json={"name": "x"})
    assert posted.status_code == 405 and posted.headers["allow"] == "GET, HEAD"
    invites = await api.request(
        "POST", "/spaces/room-by-alias/invites", token, json={"role": "role_space_user"}
    )
    assert invites.status_code == 405


async def test_authentication_comes_before_validation(api: Api) -> None:
    """``GET .../analytics/calls?roomId=&date=2024-01-01`` without a token is a 401, not a 422."""
    path = "/spaces/0123456789abcdef01234567/analytics/calls"
    anonymous = await api.http.get(path, params={"roomId": "", "date": "2024-01-01"})
    assert anonymous.status_code == 401
    assert (await api.http.post("/spaces", json={"name": ""})).status_code == 401
    token = await api.user_token()
    invalid = await api.request("GET", path, token, params={"roomId": "", "date": "2024-01-01"})
    assert invalid.status_code == 422 and "roomId" in invalid.json()["message"]
