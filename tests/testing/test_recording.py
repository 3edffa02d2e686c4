"""Record a real cassette with vcrpy against the canary server, then prove it holds no secret and replays."""

from __future__ import annotations

import base64
import json
import pathlib
import re
from typing import Any

import httpx
import jwt
import pytest
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException  # type: ignore[import-untyped]

from moodhood.testing import FAR_FUTURE_EXP, SCRUBBED_SIGNATURE, make_vcr

# The canary server of conftest.py (not importable under --import-mode=importlib, so repeated here).
CLIENT_ID = "client-id-public-1"
CLIENT_SECRET = "canary-client-secret-7Hq2xV9pLm"
USERNAME = "canary.user@example.com"
PASSWORD = "canary-password-Zk81wQ"
LIFETIMES = {"access": 7 * 86400, "refresh": 21 * 86400}
Recorded = tuple[Any, pathlib.Path, dict[str, Any]]  # (server state, cassette path, what the live run saw)

JWT_LIKE = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


def grant(client: httpx.Client, grant_type: str, **extra: str) -> dict[str, Any]:
    body = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "grant_type": grant_type, **extra}
    headers = {}
    if "bearer" in extra:
        headers["Authorization"] = f"Bearer {body.pop('bearer')}"
    response = client.post("/auth/token", json=body, headers=headers)
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result


def full_flow(client: httpx.Client) -> dict[str, Any]:
    """Every kind of secret-carrying exchange, in the order the SDK would make them."""
    out: dict[str, Any] = {}
    out["client"] = grant(client, "client_credentials")
    out["user"] = grant(
        client, "password", username=USERNAME, password=PASSWORD, bearer=out["client"]["access_token"]
    )
    out["refreshed"] = grant(client, "refresh_token", refresh_token=out["user"]["refresh_token"])
    form = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "grant_type": "client_credentials"}
    out["form"] = client.post("/auth/token", data=form).json()
    bearer = {"Authorization": f"Bearer {out['refreshed']['access_token']}"}
    me = client.get("/users/me", headers=bearer)
    out["me"] = me.json()
    out["cookies"] = me.headers.get_list("set-cookie")
    out["webhook"] = client.post("/spaces/s1/webhook", json={"url": "https://hooks.example.org/in"}).json()
    out["access"] = client.post(
        "/spaces/s1/rooms/r1/generate-access", json={"username": "Guest One", "role": "user"}
    ).json()
    out["guest"] = client.post("/spaces/s1/rooms/r1/generate-access/guest-url", json={}).json()
    out["signaling"] = client.post("/spaces/s1/participants/p1/signaling-token").json()
    query = {"accessToken": out["refreshed"]["access_token"]}
    out["download"] = client.get("/spaces/s1/rooms/r1/records/download/rec1", params=query).text
    return out


@pytest.fixture
def recorded(token_server: Any, tmp_path: pathlib.Path) -> Recorded:
    assert (token_server.client_id, token_server.password) == (CLIENT_ID, PASSWORD)
    cassette = tmp_path / "flow.yaml"
    with (
        make_vcr(record_mode="once").use_cassette(str(cassette)),
        httpx.Client(base_url=token_server.base_url) as client,
    ):
        live = full_flow(client)
    return token_server, cassette, live


def test_live_run_sees_real_values(recorded: Recorded) -> None:
    """Scrubbing acts on the cassette only: the code under test got the real tokens while recording."""
    state, _, live = recorded
    claims = jwt.decode(
        live["user"]["access_token"],
        state.signing_key,
        algorithms=["HS256"],
        audience="user",
        options={"verify_exp": False},
    )
    assert claims["type"] == "access"
    assert live["webhook"]["secret"].startswith("Canary")


def test_cassette_holds_no_canary(recorded: Recorded) -> None:
    state, cassette, _ = recorded
    text = cassette.read_text("utf-8")
    assert len(state.issued) >= 10
    for canary in state.canaries:
        assert canary not in text, f"canary …{canary[-6:]} leaked into the cassette"
    assert "canary-subject" not in text  # claims of the real tokens are not copied
    assert "canary-tracking-cookie-value" not in text
    assert "content-encoding" not in text.lower()  # bodies were decoded before scrubbing


def test_placeholders_are_scrubbed_jwts(recorded: Recorded) -> None:
    _, cassette, _ = recorded
    found = JWT_LIKE.findall(cassette.read_text("utf-8"))
    assert len(set(found)) >= 10
    for token in found:
        signature = token.split(".")[2]
        assert signature == SCRUBBED_SIGNATURE
        claims = claims_of(token)
        assert claims["exp"] == FAR_FUTURE_EXP
        assert claims["aud"] in ("client", "user")
        assert (
            claims["exp"] - claims["iat"] == LIFETIMES[claims["type"]]
        )  # same lifetime: same refresh decisions
        assert set(claims) == {"aud", "type", "iat", "exp", "jti"}


def test_cassette_structure(recorded: Recorded) -> None:
    _, cassette, _ = recorded
    data = yaml.safe_load(cassette.read_text("utf-8"))
    requests = [i["request"] for i in data["interactions"]]
    responses = [i["response"] for i in data["interactions"]]
    bodies: list[Any] = [
        json.loads(r["body"]["string"]) if r["body"]["string"].startswith("{") else None for r in responses
    ]

    cc_request = json.loads(requests[0]["body"])
    assert cc_request == {
        "client_id": CLIENT_ID,
        "client_secret": "scrubbed-client-secret",
        "grant_type": "client_credentials",
    }
    pw_request = json.loads(requests[1]["body"])
    assert (pw_request["username"], pw_request["password"]) == (
        "scrubbed-user@example.invalid",
        "scrubbed-password",
    )
    # stable: the same real token gets the same placeholder wherever it appears
    assert requests[1]["headers"]["authorization"] == [f"Bearer {bodies[0]['access_token']}"]
    assert json.loads(requests[2]["body"])["refresh_token"] == bodies[1]["refresh_token"]
    assert requests[4]["headers"]["authorization"] == [f"Bearer {bodies[2]['access_token']}"]
    assert f"accessToken={bodies[2]['access_token']}" in requests[9]["uri"]
    # distinct real tokens get distinct placeholders
    issued = [bodies[i][k] for i in range(4) for k in ("access_token", "refresh_token")]
    assert len(set(issued)) == len(issued)

    assert "client_secret=scrubbed-client-secret" in requests[3]["body"]  # form-encoded grant
    assert "grant_type=client_credentials" in requests[3]["body"]

    cookies = responses[4]["headers"]["set-cookie"]
    assert cookies[0].startswith("accessToken=" + bodies[2]["access_token"] + ";")
    assert "HttpOnly" in cookies[0]
    assert cookies[1].startswith("trClId=scrubbed;")
    assert bodies[5] == {
        "url": "https://hooks.example.org/in",
        "secret": "scrubbed-webhook-secret",
        "isActive": True,
    }
    assert bodies[6]["url"].startswith(
        "https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Guest%20One&"
    )
    assert bodies[6]["url"].endswith(".scrubbed")
    assert bodies[7]["roomUrl"].endswith(".scrubbed")
    assert bodies[8]["signalingToken"].endswith(".scrubbed")
    assert responses[9]["body"]["string"].startswith("https://cdn.example.org/rec.mp4?token=eyJ")
    for response in responses:  # content-length follows the scrubbed body
        length = response["headers"].get("content-length")
        if length:
            assert int(length[0]) == len(response["body"]["string"].encode("utf-8"))
    for request in requests:
        if request["body"]:
            assert int(request["headers"]["content-length"][0]) == len(request["body"].encode("utf-8"))


def test_replay_matches_token_requests_by_grant_type(
    recorded: Recorded,
) -> None:
    state, cassette, _ = recorded
    hits = state.hits
    with (
        make_vcr(record_mode="none").use_cassette(str(cassette)),
        httpx.Client(base_url=state.base_url) as client,
    ):
        # the password grant first, although the client_credentials grant was recorded first
        user = grant(client, "password", username=USERNAME, password=PASSWORD, bearer="anything")
        refreshed = grant(client, "refresh_token", refresh_token=user["refresh_token"])
        client_token = grant(client, "client_credentials")
        me = client.get("/users/me", headers={"Authorization": f"Bearer {refreshed['access_token']}"})
        secret = client.post("/spaces/s1/webhook", json={"url": "x"}).json()["secret"]
    assert state.hits == hits  # the server was not called
    assert claims_of(user["access_token"])["aud"] == "user"
    assert claims_of(refreshed["access_token"])["aud"] == "user"
    assert claims_of(client_token["access_token"])["aud"] == "client"
    assert me.json()["email"] == "someone@example.org"
    assert secret == "scrubbed-webhook-secret"


def test_replay_refuses_an_unrecorded_grant(
    recorded: Recorded,
) -> None:
    state, cassette, _ = recorded
    with (
        make_vcr(record_mode="none").use_cassette(str(cassette)),
        httpx.Client(base_url=state.base_url) as client,
        pytest.raises(CannotOverwriteExistingCassetteException),
    ):
        grant(client, "urn:ietf:params:oauth:grant-type:device_code")


def test_replay_of_the_whole_flow_gives_the_scrubbed_values(
    recorded: Recorded,
) -> None:
    state, cassette, live = recorded
    with (
        make_vcr(record_mode="none").use_cassette(str(cassette)),
        httpx.Client(base_url=state.base_url) as client,
    ):
        replayed = full_flow(client)
    assert replayed.keys() == live.keys()
    assert replayed["me"] == live["me"]
    text = json.dumps(replayed)
    for canary in state.canaries:
        assert canary not in text
    assert all(t.endswith(".scrubbed") for t in JWT_LIKE.findall(text))
