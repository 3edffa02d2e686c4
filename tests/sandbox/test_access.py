"""Invites (single use), room roles, generate-access (its token really works) and guest-url (no auth)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import jwt
import pytest

from .conftest import Api

UNKNOWN = "0" * 24


async def test_invite_grants_space_membership_once(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, isPublic=False)
    await api.create_user(owner, "bob@example.com", "bob-password")
    bob = await api.user_token("bob@example.com", "bob-password")
    assert (await api.request("GET", f"/spaces/{space_id}/rooms", bob)).status_code == 403

    created = await api.request(
        "POST", f"/spaces/{space_id}/invites", owner, json={"role": "role_space_user"}
    )
    assert created.status_code == 201
    invite_id = created.json()["id"]
    activated = await api.request("POST", f"/spaces/{space_id}/invites/{invite_id}/activate", bob)
    assert activated.status_code == 204 and activated.content == b""
    assert [s["id"] for s in (await api.request("GET", "/spaces", bob)).json()["items"]] == [space_id]
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", bob)).status_code == 200
    # a plain member cannot manage the space
    assert (
        await api.request("POST", f"/spaces/{space_id}/rooms", bob, json={"name": "x"})
    ).status_code == 403

    again = await api.request("POST", f"/spaces/{space_id}/invites/{invite_id}/activate", owner)
    assert again.status_code == 422 and again.json()["code"] == "invite_already_used"


async def test_moderator_invite_lets_the_member_manage(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    await api.create_user(owner, "mod@example.com", "mod-password")
    mod = await api.user_token("mod@example.com", "mod-password")
    invite = await api.request(
        "POST", f"/spaces/{space_id}/invites", owner, json={"role": "role_space_moderator"}
    )
    await api.request("POST", f"/spaces/{space_id}/invites/{invite.json()['id']}/activate", mod)
    assert (
        await api.request("POST", f"/spaces/{space_id}/rooms", mod, json={"name": "x"})
    ).status_code == 201


async def test_invite_errors(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    client = await api.client_token()
    body = {"role": "role_space_user"}
    assert (await api.request("POST", f"/spaces/{space_id}/invites", client, json=body)).status_code == 403
    assert (await api.request("POST", f"/spaces/{space_id}/invites", None, json=body)).status_code == 401
    assert (await api.request("POST", f"/spaces/{UNKNOWN}/invites", owner, json=body)).status_code == 404
    bad = await api.request("POST", f"/spaces/{space_id}/invites", owner, json={"role": "role_room_user"})
    assert bad.status_code == 422
    missing = await api.request("POST", f"/spaces/{space_id}/invites/{UNKNOWN}/activate", owner)
    assert missing.status_code == 404


async def test_grant_room_role(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, isPublic=False)
    carol_id = await api.create_user(owner, "carol@example.com", "carol-password")
    carol = await api.user_token("carol@example.com", "carol-password")
    path = f"/spaces/{space_id}/rooms/{room['id']}"
    assert (await api.request("GET", path, carol)).status_code == 403

    granted = await api.request(
        "POST", f"{path}/roles", owner, json={"targetUserId": carol_id, "role": "role_room_moderator"}
    )
    assert granted.status_code == 200
    seen = await api.request("GET", path, carol)
    assert seen.status_code == 200 and seen.json()["roleInRoom"] == "role_room_moderator"
    # a room moderator may generate links for the room
    link = await api.request("POST", f"{path}/generate-access", carol, json={"username": "G", "role": "user"})
    assert link.status_code == 201

    unknown_user = await api.request(
        "POST", f"{path}/roles", owner, json={"targetUserId": UNKNOWN, "role": "role_room_user"}
    )
    assert unknown_user.status_code == 404
    bad_role = await api.request(
        "POST", f"{path}/roles", owner, json={"targetUserId": carol_id, "role": "boss"}
    )
    assert bad_role.status_code == 422


def _token_of(url: str) -> tuple[str, str, dict[str, list[str]]]:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return parts.path, query["accessToken"][0], query


async def test_generate_access_link_token_works_for_that_room(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, isPublic=False)
    other = await api.create_room(owner, space_id, name="Other", isPublic=False)
    body = {
        "username": "Ivan Petrov",
        "role": "moderator",
        "externalUserId": "lms-42",
        "ttl": 600,
        "isPermanent": True,
    }
    response = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{room['id']}/generate-access", owner, json=body
    )
    assert response.status_code == 201
    url = response.json()["url"]
    assert url.startswith("https://edu.livedigital.space/room/")
    path, token, query = _token_of(url)
    assert path == f"/room/{room['alias']}"
    assert query["participantName"] == ["Ivan Petrov"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 600 and claims["roomId"] == room["id"]

    got = await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", token)
    assert got.status_code == 200 and got.json()["roleInRoom"] == "role_room_moderator"
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{other['id']}", token)).status_code == 403
    assert (await api.request("GET", "/spaces", token)).status_code == 403
    participant = await api.request(
        "POST",
        f"/spaces/{space_id}/participants",
        token,
        json={"name": "Ivan", "roomId": room["id"], "role": "host", "clientUniqueId": "u-1"},
    )
    assert participant.status_code == 201


async def test_single_use_link_is_spent_by_joining(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    response = await api.request(
        "POST",
        f"/spaces/{space_id}/rooms/{room['id']}/generate-access",
        owner,
        json={"username": "A", "role": "user"},
    )
    _, token, _ = _token_of(response.json()["url"])
    created = await api.request(
        "POST",
        f"/spaces/{space_id}/participants",
        token,
        json={"name": "A", "roomId": room["id"], "role": "host", "clientUniqueId": "c"},
    )
    participant_id = created.json()["id"]
    join = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{room['id']}/join", token, json={"participantId": participant_id}
    )
    assert join.status_code == 204
    spent = await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", token)
    assert spent.status_code == 401 and spent.json()["code"] == "token_revoked"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"role": "user"}, 422),
        ({"username": "x"}, 422),
        ({"username": "x", "role": "admin"}, 422),
        ({"username": "x", "role": "user", "ttl": 432_001}, 422),
        ({"username": "x", "role": "user", "ttl": "long"}, 422),
    ],
)
async def test_generate_access_validation(api: Api, body: dict[str, object], status: int) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    response = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{room['id']}/generate-access", owner, json=body
    )
    assert response.status_code == status


async def test_generate_access_permissions(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    body = {"username": "x", "role": "user"}
    path = f"/spaces/{space_id}/rooms/{room['id']}/generate-access"
    assert (await api.request("POST", path, await api.client_token(), json=body)).status_code == 403
    assert (await api.request("POST", path, None, json=body)).status_code == 401
    await api.create_user(owner, "x@example.com", "x-password")
    stranger = await api.user_token("x@example.com", "x-password")
    assert (await api.request("POST", path, stranger, json=body)).status_code == 403
    unknown = f"/spaces/{space_id}/rooms/{UNKNOWN}/generate-access"
    assert (await api.request("POST", unknown, owner, json=body)).status_code == 404


async def test_guest_url_needs_no_auth_and_its_token_lives_24h(api: Api, sandbox_clock: object) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    path = f"/spaces/{space_id}/rooms/{room['id']}/generate-access/guest-url"
    response = await api.http.post(path, json={"username": "Guest 1", "externalUserId": "lms-43"})
    assert response.status_code == 201
    _, token, query = _token_of(response.json()["roomUrl"])
    assert query["participantName"] == ["Guest 1"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 86_400
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", token)).status_code == 200
    assert (await api.http.post(path, json={})).status_code == 201  # every field is optional
    empty = await api.http.post(path, content=b"")
    assert empty.status_code == 400  # the spec requires a body (a JSON object)
    assert (
        await api.http.post(f"/spaces/{space_id}/rooms/{UNKNOWN}/generate-access/guest-url", json={})
    ).status_code == 404
    assert (await api.http.post(path, json={"ttl": 0})).status_code == 422


async def test_guest_link_token_reads_its_rooms_analytics_only(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    path = f"/spaces/{space_id}/rooms/{room['id']}/generate-access/guest-url"
    _, token, _ = _token_of((await api.http.post(path, json={})).json()["roomUrl"])
    calls = await api.request(
        "GET",
        f"/spaces/{space_id}/analytics/calls",
        token,
        params={"roomId": room["id"], "date": "2024-01-01"},
    )
    assert calls.status_code == 200 and calls.json() == {"items": []}
    records = await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}/records", token)
    assert records.status_code == 403
