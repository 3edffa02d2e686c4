"""Contract: every sandbox response matches what ``openapi/moodhood.yaml`` declares for it.

A scenario drives every operation of the spec (happy paths and the documented errors) through an httpx
client whose response hook records each exchange. Each recorded response must have a status the operation
declares, a declared content type, and a body that validates (OAS 3.0) against the declared schema, made
*strict*: an object schema that lists ``properties`` rejects any property it does not list, so the sandbox
cannot drift into fields the spec lacks. Every operation must be answered with a declared 2xx at least once.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from starlette.applications import Starlette

from moodhood.sandbox import DEMO_PERSONAL_TOKEN
from tests._spec import API_SPEC, operations_of

from .conftest import Api

SPEC: dict[str, Any] = API_SPEC  # the spec the sandbox obeys: openapi/moodhood.yaml with the overlay
METHODS = ("get", "put", "post", "delete", "patch")
UNKNOWN = "0" * 24


def _strict(schema: Any) -> Any:
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


STRICT_COMPONENTS = _strict(copy.deepcopy(SPEC["components"]))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    relative = path.removeprefix("/v1")
    for template, item in SPEC["paths"].items():
        pattern = "^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(template)) + "/?$"
        if re.match(pattern, relative) and method.lower() in item:
            # prefer literal segments (room-by-alias) over parameters
            literal = next(
                (
                    (t, i)
                    for t, i in SPEC["paths"].items()
                    if t == relative.rstrip("/") and method.lower() in i
                ),
                None,
            )
            if literal:
                return literal[0], literal[1][method.lower()]
            if template.startswith("/spaces/{spaceId}") and relative.startswith("/spaces/room-by-alias/"):
                continue
            return template, item[method.lower()]
    return None


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[tuple[str, str, httpx.Response]] = []

    async def __call__(self, response: httpx.Response) -> None:
        await response.aread()
        request = response.request
        if request.url.path.startswith("/v1/"):
            self.exchanges.append((request.method, request.url.path, response))


@pytest.fixture
async def recorded(sandbox_app: Starlette) -> AsyncIterator[tuple[Api, Recorder]]:
    recorder = Recorder()
    transport = httpx.ASGITransport(app=sandbox_app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://sandbox/v1", event_hooks={"response": [recorder]}
    ) as http:
        yield Api(http, sandbox_app), recorder


async def _scenario(api: Api) -> None:
    r = api.request
    # auth: every grant and the documented errors
    tokens = await api.user_tokens()
    owner = tokens["access_token"]
    client = await api.client_token()
    await api.http.post(
        "/auth/token", json={"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"}
    )
    await api.http.post("/auth/token", json={"grant_type": "nope", "client_id": "x", "client_secret": "y"})
    await api.http.post(
        "/auth/token",
        json={
            "grant_type": "refresh_token",
            "client_id": api.state.config.client_id,
            "client_secret": api.state.config.client_secret,
            "refresh_token": tokens["refresh_token"],
        },
    )
    # spaces
    space_id = await api.create_space(owner)
    await r("GET", "/spaces", owner)
    await r("GET", "/spaces", client)
    await r("GET", "/spaces", None)
    await r("POST", "/spaces", owner, json={})
    await r("POST", "/spaces", owner, content=b"{broken")
    await r("PUT", f"/spaces/{space_id}", owner, json={"name": "Renamed", "isPublic": True})
    await r("PUT", f"/spaces/{UNKNOWN}", owner, json={"name": "Renamed", "isPublic": True})
    # rooms
    room = await api.create_room(owner, space_id)
    room_path = f"/spaces/{space_id}/rooms/{room['id']}"
    await r("GET", f"/spaces/{space_id}/rooms", owner)
    await r("GET", room_path, client)
    await r("GET", f"/spaces/{space_id}/rooms/{UNKNOWN}", owner)
    await r("GET", f"/spaces/room-by-alias/{room['alias']}", client)
    await r("GET", "/spaces/room-by-alias/missing", client)
    await r("PUT", room_path, owner, json={"name": "Renamed room", "isChatAllowed": False})
    await r("PUT", room_path, owner, json={"type": "disco"})
    # users
    user_id = await api.create_user(owner, "contract@example.com", "contract-password")
    await r("POST", "/users", client, json={"email": "a@b.c", "password": "p", "username": "u"})
    await r("GET", "/users/me", owner)
    await r("GET", "/users/me", DEMO_PERSONAL_TOKEN)
    await r("GET", "/users/me/settings/meetings", owner)
    await r("PUT", "/users/me/settings/meetings", owner, json={"roomId": room["id"], "spaceId": space_id})
    # invites and roles
    invite = await r("POST", f"/spaces/{space_id}/invites", owner, json={"role": "role_space_user"})
    member = await api.user_token("contract@example.com", "contract-password")
    await r("POST", f"/spaces/{space_id}/invites/{invite.json()['id']}/activate", member)
    await r("POST", f"/spaces/{space_id}/invites/{invite.json()['id']}/activate", member)
    await r("POST", f"/spaces/{space_id}/invites/{UNKNOWN}/activate", member)
    await r("POST", f"{room_path}/roles", owner, json={"targetUserId": user_id, "role": "role_room_user"})
    await r(
        "POST", f"{room_path}/roles", member, json={"targetUserId": user_id, "role": "role_room_moderator"}
    )
    # links
    await r(
        "POST", f"{room_path}/generate-access", owner, json={"username": "Ivan", "role": "user", "ttl": 60}
    )
    await r("POST", f"{room_path}/generate-access", owner, json={"username": "Ivan"})
    await r("POST", f"{room_path}/generate-access/guest-url", None, json={"username": "Guest"})
    # the mobile flow
    created = await r(
        "POST",
        f"/spaces/{space_id}/participants",
        client,
        json={"name": "Phone", "roomId": room["id"], "role": "host", "clientUniqueId": "u"},
    )
    participant = created.json()["id"]
    await r("POST", f"/spaces/{space_id}/participants/{participant}/signaling-token", client)
    await r("POST", f"/spaces/{space_id}/participants/{UNKNOWN}/signaling-token", client)
    await r("POST", f"{room_path}/join", client, json={"participantId": participant})
    await r("POST", f"{room_path}/join", client, json={})
    # webhook
    await r("POST", f"/spaces/{space_id}/webhook", owner, json={"url": "http://127.0.0.1:9/hook"})
    await r("GET", f"/spaces/{space_id}/webhook", owner)
    await r("PUT", f"/spaces/{space_id}/webhook", owner, json={"isActive": False})
    await r("PUT", f"/spaces/{space_id}/webhook/refresh-secret", owner)
    await r("GET", f"/spaces/{space_id}/webhook", client)
    await r("DELETE", f"/spaces/{space_id}/webhook", owner)
    await r("GET", f"/spaces/{space_id}/webhook", owner)
    # records and analytics
    finished = await api.http.post(f"http://sandbox/__sandbox/rooms/{room['id']}/finish-call")
    call_id, record_id = finished.json()["callId"], finished.json()["recordId"]
    await r("GET", f"{room_path}/records", owner)
    await r("GET", f"{room_path}/records", owner, params={"dateFrom": "2000-01-01T00:00:00Z"})
    await r("GET", f"{room_path}/records/download/{record_id}", owner)
    await r("GET", f"{room_path}/records/download/{UNKNOWN}", owner)
    await api.http.post("http://sandbox/__sandbox/settings", json={"record_download": "redirect"})
    await r("GET", f"{room_path}/records/download/{record_id}", owner)
    day = dt.datetime.fromtimestamp(api.state.now(), tz=dt.UTC).date().isoformat()
    analytics = f"/spaces/{space_id}/analytics"
    await r("GET", f"{analytics}/calls", owner, params={"roomId": room["id"], "date": day})
    await r("GET", f"{analytics}/calls", owner, params={"roomId": room["id"]})
    for fmt in ("json", "xlsx"):
        await r(
            "GET",
            f"{analytics}/report",
            owner,
            params={"roomId": room["id"], "callId": call_id, "format": fmt},
        )
    await r(
        "GET",
        f"{analytics}/report",
        owner,
        params={"roomId": room["id"], "callId": UNKNOWN, "format": "json"},
    )
    # and finally the room goes
    await r("DELETE", room_path, owner)
    await r("DELETE", room_path, owner)


def _check(method: str, path: str, response: httpx.Response) -> str:
    found = _operation(method, path)
    assert found is not None, f"{method} {path}: no such operation in the spec"
    template, operation = found
    where = f"{method} {template} -> {response.status_code}"
    declared = operation["responses"]
    key = str(response.status_code)
    assert key in declared or "default" in declared, f"{where}: status not declared"
    spec_response = _resolve(declared.get(key) or declared["default"])
    content = spec_response.get("content")
    if not content:
        assert response.content == b"" or response.status_code == 200, f"{where}: body where none is declared"
        return operation["operationId"]
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    assert media_type in content, f"{where}: content type {media_type!r} not in {list(content)}"
    schema = content[media_type].get("schema")
    if schema is None or schema.get("format") == "binary":
        return operation["operationId"]
    body = response.json() if media_type == "application/json" else response.text
    strict_schema = {**_strict(copy.deepcopy(schema)), "components": STRICT_COMPONENTS}
    validator = OAS30Validator(strict_schema, format_checker=oas30_format_checker)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, f"{where}: {errors}"
    return operation["operationId"]


async def test_every_response_matches_the_spec(recorded: tuple[Api, Recorder]) -> None:
    api, recorder = recorded
    await _scenario(api)
    await api.state.drain()
    answered: set[str] = set()
    statuses: dict[str, set[int]] = {}
    for method, path, response in recorder.exchanges:
        operation_id = _check(method, path, response)
        statuses.setdefault(operation_id, set()).add(response.status_code)
        if response.is_success:
            answered.add(operation_id)
    every = {op["operationId"] for item in SPEC["paths"].values() for m, op in item.items() if m in METHODS}
    assert every - answered == set(), "operations never answered with a 2xx"
    seen = set().union(*statuses.values())
    assert {200, 201, 204, 302, 400, 401, 403, 404, 422} <= seen


def test_success_codes_follow_d11() -> None:
    """Every operation that declares 201 declares 200 with the same body, and every one that declares 204
    declares 200 without a body (D11): a generated client never drops a real success."""
    creates = [op for op in operations_of(SPEC) if "201" in op.operation["responses"]]
    empties = [op for op in operations_of(SPEC) if "204" in op.operation["responses"]]
    assert creates and empties
    for op in creates:
        ok, created = (_resolve(op.operation["responses"][code]) for code in ("200", "201"))
        assert ok.get("content") == created.get("content"), op.operation_id
    for op in empties:
        assert "content" not in _resolve(op.operation["responses"]["200"]), op.operation_id


def _request_schema(operation: dict[str, Any]) -> dict[str, Any] | None:
    body = operation.get("requestBody")
    if not body:
        return None
    return _resolve(body["content"]["application/json"]["schema"])


async def test_request_bodies_follow_the_spec(api: Api) -> None:
    """The spec's request examples are accepted, and leaving out any field it marks required is a 422."""
    owner = await api.user_token()
    client = await api.client_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    user_id = await api.create_user(owner, "req@example.com", "req-password")
    participant = (
        await api.request(
            "POST",
            f"/spaces/{space_id}/participants",
            client,
            json={"name": "p", "roomId": room["id"], "role": "host", "clientUniqueId": "c"},
        )
    ).json()["id"]
    ids = {"spaceId": space_id, "roomId": room["id"], "targetUserId": user_id, "participantId": participant}
    webhook = {"url": "https://example.com/hook"}  # so that UpdateWebHook has one to update
    assert (await api.request("POST", f"/spaces/{space_id}/webhook", owner, json=webhook)).status_code == 201
    checked = 0
    for template, item in SPEC["paths"].items():
        if template == "/auth/token":
            continue  # grants are covered in test_token.py
        for method, operation in item.items():
            if method not in METHODS:
                continue
            schema = _request_schema(operation)
            if schema is None:
                continue
            path = template.replace("{spaceId}", space_id).replace("{roomId}", room["id"])
            media = operation["requestBody"]["content"]["application/json"]
            example = dict(media.get("example") or {})
            example.update({k: v for k, v in ids.items() if k in example})
            if "email" in example:
                example["email"] = f"{operation['operationId']}@example.com"
            token = client if operation["operationId"] in ("createParticipant", "joinRoom") else owner
            if example:
                accepted = await api.request(method.upper(), path, token, json=example)
                assert accepted.is_success, (operation["operationId"], accepted.status_code, accepted.text)
            for field in schema.get("required", []):
                full = dict(example)
                for name in schema.get("required", []):
                    full.setdefault(name, ids.get(name, "x"))
                del full[field]
                refused = await api.request(method.upper(), path, token, json=full)
                assert refused.status_code == 422, (operation["operationId"], field, refused.status_code)
                checked += 1
    await api.state.drain()
    assert checked >= 15
