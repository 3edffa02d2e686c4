"""Spaces, rooms, users and ``/users/me``: happy paths, permissions (D6), 404s and bad bodies."""

from __future__ import annotations

import re

import pytest

from moodhood.sandbox import DEMO_PERSONAL_TOKEN, DEMO_USER

from .conftest import Api

UNKNOWN = "0" * 24


async def test_space_lifecycle(api: Api) -> None:
    token = await api.user_token()
    created = await api.request("POST", "/spaces", token, json={"name": "School", "description": "5th grade"})
    assert created.status_code == 201
    space_id = created.json()["id"]
    assert re.fullmatch(r"[0-9a-f]{24}", space_id)
    listed = await api.request("GET", "/spaces/", token)  # trailing slash as seen in the wild
    assert listed.status_code == 200
    assert listed.json() == {
        "items": [{"id": space_id, "name": "School", "isPublic": True, "description": "5th grade"}]
    }
    updated = await api.request(
        "PUT",
        f"/spaces/{space_id}",
        token,
        json={"name": "New", "isPublic": False, "logo": "https://x/l.png"},
    )
    assert updated.status_code == 200
    assert updated.json()["name"] == "New" and updated.json()["logo"] == "https://x/l.png"
    assert (await api.request("GET", "/spaces", token)).json()["items"][0]["isPublic"] is False


async def test_client_token_is_refused_for_space_management(api: Api) -> None:
    client = await api.client_token()
    for method, path, body in [
        ("GET", "/spaces", None),
        ("POST", "/spaces", {"name": "x"}),
        ("GET", "/users/me", None),
        ("POST", "/users", {"email": "a@b.c", "password": "p", "username": "u"}),
        ("GET", "/users/me/settings/meetings", None),
    ]:
        response = await api.request(method, path, client, json=body)
        assert response.status_code == 403, (method, path)
        assert response.json()["code"] == "forbidden"


async def test_personal_token_manages_spaces_of_the_first_user(api: Api) -> None:
    space_id = await api.create_space(DEMO_PERSONAL_TOKEN)
    user = await api.user_token()
    items = (await api.request("GET", "/spaces", user)).json()["items"]
    assert [s["id"] for s in items] == [space_id]


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 422), ({"name": 5}, 422), ({"name": ""}, 422), ({"name": "x", "isPublic": "yes"}, 422)],
)
async def test_create_space_validation(api: Api, body: dict[str, object], status: int) -> None:
    response = await api.request("POST", "/spaces", await api.user_token(), json=body)
    assert response.status_code == status
    assert response.json()["code"] == "validation_error"


@pytest.mark.parametrize("raw", [b"{oops", b"[]", b""])
async def test_unreadable_bodies_are_400(api: Api, raw: bytes) -> None:
    token = await api.user_token()
    response = await api.request("POST", "/spaces", token, content=raw)
    assert response.status_code == 400
    assert set(response.json()) == {"message", "code"}


async def test_update_space_requires_is_public_and_knows_the_space(api: Api) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    missing = await api.request("PUT", f"/spaces/{space_id}", token, json={"name": "x"})
    assert missing.status_code == 422
    unknown = await api.request("PUT", f"/spaces/{UNKNOWN}", token, json={"name": "x", "isPublic": True})
    assert unknown.status_code == 404


async def test_room_lifecycle(api: Api) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id, name="Math", isChatAllowed=False, type="webinar")
    assert re.fullmatch(r"[0-9a-f]{24}", room["id"])
    assert re.fullmatch(r"[A-Za-z0-9_-]{10}", room["alias"])
    assert room["spaceId"] == space_id and room["name"] == "Math" and room["type"] == "webinar"
    assert room["isChatAllowed"] is False and room["isScreensharingAllowed"] is True
    assert room["roleInRoom"] == "role_room_owner"
    assert re.fullmatch(r"[0-9a-f]{24}", room["channelId"])

    path = f"/spaces/{space_id}/rooms/{room['id']}"
    assert (await api.request("GET", path, token)).json() == room
    by_alias = await api.request("GET", f"/spaces/room-by-alias/{room['alias']}", token)
    assert by_alias.json()["id"] == room["id"]
    listed = await api.request("GET", f"/spaces/{space_id}/rooms", token)
    assert [r["id"] for r in listed.json()["items"]] == [room["id"]]

    renamed = await api.request("PUT", path, token, json={"name": "Physics", "isChatAllowed": True})
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Physics" and renamed.json()["isChatAllowed"] is True

    deleted = await api.request("DELETE", path, token)
    assert deleted.status_code == 204 and deleted.content == b""
    assert (await api.request("GET", path, token)).status_code == 404
    assert (await api.request("GET", f"/spaces/room-by-alias/{room['alias']}", token)).status_code == 404


async def test_client_token_resolves_rooms_like_the_mobile_apps(api: Api) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    client = await api.client_token()
    by_alias = await api.request("GET", f"/spaces/room-by-alias/{room['alias']}", client)
    assert by_alias.status_code == 200 and by_alias.json()["channelId"] == room["channelId"]
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", client)).status_code == 200
    assert (await api.request("GET", f"/spaces/{space_id}/rooms", client)).status_code == 403
    assert (
        await api.request("POST", f"/spaces/{space_id}/rooms", client, json={"name": "x"})
    ).status_code == 403


async def test_rooms_404_and_validation(api: Api) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    other_space = await api.create_space(token, "Other")
    assert (await api.request("GET", f"/spaces/{UNKNOWN}/rooms", token)).status_code == 404
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{UNKNOWN}", token)).status_code == 404
    assert (await api.request("GET", f"/spaces/{other_space}/rooms/{room['id']}", token)).status_code == 404
    assert (await api.request("GET", "/spaces/room-by-alias/nope", token)).status_code == 404
    assert (
        await api.request("POST", f"/spaces/{UNKNOWN}/rooms", token, json={"name": "x"})
    ).status_code == 404
    bad_type = await api.request(
        "POST", f"/spaces/{space_id}/rooms", token, json={"name": "x", "type": "party"}
    )
    assert bad_type.status_code == 422
    no_name = await api.request("POST", f"/spaces/{space_id}/rooms", token, json={"type": "lesson"})
    assert no_name.status_code == 422
    bad_flag = await api.request("PUT", f"/spaces/{space_id}/rooms/{room['id']}", token, json={"isPublic": 1})
    assert bad_flag.status_code == 422


async def test_other_users_cannot_touch_a_space(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, isPublic=False)
    await api.create_user(owner, "eve@example.com", "eve-password")
    eve = await api.user_token("eve@example.com", "eve-password")
    assert (await api.request("GET", "/spaces", eve)).json() == {"items": []}
    assert (await api.request("GET", f"/spaces/{space_id}/rooms", eve)).status_code == 403
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", eve)).status_code == 403
    update = await api.request("PUT", f"/spaces/{space_id}", eve, json={"name": "mine", "isPublic": True})
    assert update.status_code == 403
    delete = await api.request("DELETE", f"/spaces/{space_id}/rooms/{room['id']}", eve)
    assert delete.status_code == 403


async def test_create_user_and_log_in(api: Api) -> None:
    token = await api.user_token()
    user_id = await api.create_user(token, "new@example.com", "new-password")
    assert re.fullmatch(r"[0-9a-f]{24}", user_id)
    me = await api.request("GET", "/users/me", await api.user_token("new@example.com", "new-password"))
    assert me.json() == {"id": user_id, "email": "new@example.com", "username": "new", "phone": None}
    again = await api.request(
        "POST", "/users", token, json={"email": "NEW@example.com", "password": "x", "username": "y"}
    )
    assert again.status_code == 422
    missing = await api.request("POST", "/users", token, json={"email": "a@example.com", "password": "x"})
    assert missing.status_code == 422


async def test_me_and_meeting_settings(api: Api) -> None:
    token = await api.user_token()
    me = await api.request("GET", "/users/me", token)
    assert me.status_code == 200 and me.json()["email"] == DEMO_USER
    settings = await api.request("GET", "/users/me/settings/meetings", token)
    assert settings.json() == {"roomId": None, "spaceId": None}
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    body = {"roomId": room["id"], "spaceId": space_id}
    put = await api.request("PUT", "/users/me/settings/meetings", token, json=body)
    assert put.status_code == 200 and put.json() == body
    assert (await api.request("GET", "/users/me/settings/meetings", DEMO_PERSONAL_TOKEN)).json() == body
    unknown = await api.request("PUT", "/users/me/settings/meetings", token, json={**body, "roomId": UNKNOWN})
    assert unknown.status_code == 404
    partial = await api.request("PUT", "/users/me/settings/meetings", token, json={"roomId": room["id"]})
    assert partial.status_code == 422


async def test_unknown_route_and_method(api: Api) -> None:
    token = await api.user_token()
    assert (await api.request("GET", "/nope", token)).json()["code"] == "not_found"
    wrong = await api.request("PATCH", "/spaces", token)
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
