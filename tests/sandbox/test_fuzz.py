"""Property-based fuzzing of every operation (what a schemathesis run checks, with hypothesis alone).

Random path ids (real, unknown, malformed), random tokens (none, client, user, personal, garbage), random
query strings and random JSON bodies built around each operation's documented fields. Every answer must be
one the spec declares for the operation, with a body that validates (strictly) against its schema: in
particular never a 5xx.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_contract import METHODS, SPEC, _check, _request_schema

OPERATIONS = sorted(
    (template, method) for template, item in SPEC["paths"].items() for method in item if method in METHODS
)

_finite = st.floats(allow_nan=False, allow_infinity=False)
_json_scalars = st.none() | st.booleans() | st.integers() | _finite | st.text(max_size=12)
_json = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _body(operation: dict[str, Any]) -> st.SearchStrategy[Any]:
    schema = _request_schema(operation) or {}
    names = sorted(schema.get("properties", {})) or ["name"]
    documented = st.dictionaries(st.sampled_from(names), _json | st.text(max_size=30), max_size=len(names))
    return documented | _json | st.just(None)


@st.composite
def _requests(draw: st.DrawFn, ids: dict[str, list[str]]) -> tuple[str, str, dict[str, Any]]:
    template, method = draw(st.sampled_from(OPERATIONS))
    operation = SPEC["paths"][template][method]
    path = template
    for name in ("spaceId", "roomId", "inviteId", "participantId", "recordId", "alias"):
        placeholder = "{" + name + "}"
        if placeholder in path:
            known = ids.get(name) or ["0" * 24]
            value = draw(st.sampled_from(known) | st.sampled_from(["0" * 24, "zz", "%20", "x" * 40]))
            path = path.replace(placeholder, value)
    kwargs: dict[str, Any] = {}
    query = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
    if query:
        kwargs["params"] = draw(
            st.dictionaries(
                st.sampled_from(query),
                st.sampled_from([*ids.get("roomId", []), "2026-01-01", "json", "xlsx", "", "junk"]),
            )
        )
    if "requestBody" in operation:
        body = draw(_body(operation))
        if body is not None:
            kwargs["json"] = body
        elif draw(st.booleans()):
            kwargs["content"] = draw(st.binary(max_size=20))
    kwargs["headers"] = {
        "Authorization": draw(st.sampled_from(["user", "user", "personal", "client", "", "junk"]))
    }
    return method.upper(), "/v1" + path, kwargs


class World(dict[str, Any]):
    """The fuzz targets; its repr leaves the tokens out of failure reports."""

    def __repr__(self) -> str:
        return f"World(ids={self['ids']!r})"


@pytest.fixture(scope="module")
def world(sandbox_server: Any) -> World:
    """A space, a room, an invite and a participant to aim at, plus one token of each kind."""
    http = httpx.Client(base_url=sandbox_server.base_url)
    http.post(sandbox_server.root_url + "/__sandbox/reset")
    config = sandbox_server.config
    secret = {"client_id": config.client_id, "client_secret": config.client_secret}
    client = http.post("/auth/token", json={"grant_type": "client_credentials", **secret}).json()[
        "access_token"
    ]
    email, password = config.users[0]
    user = http.post(
        "/auth/token",
        headers={"Authorization": f"Bearer {client}"},
        json={"grant_type": "password", **secret, "username": email, "password": password},
    ).json()["access_token"]
    owner = {"Authorization": f"Bearer {user}"}
    space = http.post("/spaces", headers=owner, json={"name": "fuzz"}).json()["id"]
    room = http.post(f"/spaces/{space}/rooms", headers=owner, json={"name": "fuzz"}).json()
    invite = http.post(f"/spaces/{space}/invites", headers=owner, json={"role": "role_space_user"}).json()[
        "id"
    ]
    participant = http.post(
        f"/spaces/{space}/participants",
        headers={"Authorization": f"Bearer {client}"},
        json={"name": "p", "roomId": room["id"], "role": "host", "clientUniqueId": "c"},
    ).json()["id"]
    tokens = {
        "": "",
        "client": f"Bearer {client}",
        "user": f"Bearer {user}",
        "personal": f"Bearer {config.personal_tokens[0]}",
        "junk": "Bearer not.a.token",
    }
    ids = {
        "spaceId": [space],
        "roomId": [room["id"]],
        "alias": [room["alias"]],
        "inviteId": [invite],
        "participantId": [participant],
    }
    return World(http=http, tokens=tokens, ids=ids)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_requests_get_declared_answers(world: World, data: st.DataObject) -> None:
    method, path, kwargs = data.draw(_requests(world["ids"]))
    kwargs["headers"]["Authorization"] = world["tokens"][kwargs["headers"]["Authorization"]]
    if not kwargs["headers"]["Authorization"]:
        del kwargs["headers"]["Authorization"]
    response = world["http"].request(method, path.removeprefix("/v1"), **kwargs)
    assert response.status_code < 500, f"{method} {path}: {response.status_code} {response.text[:200]}"
    _check(method, path, response)
