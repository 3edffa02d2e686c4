"""``POST /v1/auth/token``: grants, error codes (D10), claims and lifetimes (D5), expiry and revocation."""

from __future__ import annotations

from typing import Any

import jwt
import pytest

from moodhood.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER

from .conftest import Api

CLIENT = {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}


def claims(token: str) -> dict[str, Any]:
    decoded: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return decoded


async def test_client_credentials_returns_a_client_pair(api: Api, sandbox_clock: Any) -> None:
    response = await api.http.post("/auth/token", json={"grant_type": "client_credentials", **CLIENT})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == {"token_type", "access_token", "refresh_token"}
    assert body["token_type"] == "Bearer"
    access, refresh = claims(body["access_token"]), claims(body["refresh_token"])
    assert access["aud"] == refresh["aud"] == "client"
    assert (access["type"], refresh["type"]) == ("accessToken", "refreshToken")
    assert access["sub"] == access["cId"] == api.state.client_db_id
    assert len(access["jti"]) == 21 and access["jti"] != refresh["jti"]
    assert access["iat"] == int(sandbox_clock())
    assert access["exp"] - access["iat"] == 7 * 86400
    assert refresh["exp"] - refresh["iat"] == 21 * 86400
    assert jwt.get_unverified_header(body["access_token"])["alg"] == "HS256"


async def test_form_encoded_body_is_accepted(api: Api) -> None:
    response = await api.http.post("/auth/token", data={"grant_type": "client_credentials", **CLIENT})
    assert response.status_code == 200
    assert claims(response.json()["access_token"])["aud"] == "client"


async def test_password_grant_needs_the_client_token(api: Api) -> None:
    body = {"grant_type": "password", **CLIENT, "username": DEMO_USER, "password": DEMO_PASSWORD}
    missing = await api.http.post("/auth/token", json=body)
    assert missing.status_code == 401
    assert missing.json()["error"] == "invalid_client"
    bogus = await api.http.post("/auth/token", json=body, headers={"Authorization": "Bearer not-a-jwt"})
    assert (bogus.status_code, bogus.json()["error"]) == (401, "invalid_client")
    user = await api.user_token()
    as_user = await api.http.post("/auth/token", json=body, headers={"Authorization": f"Bearer {user}"})
    assert (as_user.status_code, as_user.json()["error"]) == (401, "invalid_client")

    client = await api.client_token()
    ok = await api.http.post("/auth/token", json=body, headers={"Authorization": f"Bearer {client}"})
    assert ok.status_code == 200
    access = claims(ok.json()["access_token"])
    assert access["aud"] == "user"
    assert access["sub"] == api.state.user_by_email(DEMO_USER).id
    assert access["cId"] == api.state.client_db_id


async def test_password_grant_takes_the_email_case_insensitively(api: Api) -> None:
    tokens = await api.user_tokens(DEMO_USER.upper())
    assert claims(tokens["access_token"])["aud"] == "user"


@pytest.mark.parametrize(
    ("username", "password"),
    [(DEMO_USER, "wrong"), ("demo", DEMO_PASSWORD), ("nobody@example.com", DEMO_PASSWORD)],
)
async def test_wrong_user_credentials_are_invalid_grant(api: Api, username: str, password: str) -> None:
    client = await api.client_token()
    body = {"grant_type": "password", **CLIENT, "username": username, "password": password}
    response = await api.http.post("/auth/token", json=body, headers={"Authorization": f"Bearer {client}"})
    assert response.status_code == 400
    assert response.json() == {"error": "invalid_grant", "error_description": "Invalid credentials"}


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID}, 400, "invalid_request"),
        ({**CLIENT}, 400, "invalid_request"),
        ({"grant_type": "authorization_code", **CLIENT}, 400, "unsupported_grant_type"),
        ({"grant_type": "client_credentials", **CLIENT, "client_secret": "x" * 32}, 401, "invalid_client"),
        ({"grant_type": "client_credentials", **CLIENT, "client_id": "other"}, 401, "invalid_client"),
        ({"grant_type": "refresh_token", **CLIENT}, 400, "invalid_request"),
        ({"grant_type": "refresh_token", **CLIENT, "refresh_token": "garbage"}, 400, "invalid_grant"),
        ({"grant_type": 5, **CLIENT}, 400, "invalid_request"),
    ],
)
async def test_oauth_errors(api: Api, body: dict[str, Any], status: int, error: str) -> None:
    response = await api.http.post("/auth/token", json=body)
    assert response.status_code == status
    assert response.json()["error"] == error
    assert isinstance(response.json()["error_description"], str)


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b""])
async def test_unreadable_bodies_are_invalid_request(api: Api, raw: bytes) -> None:
    response = await api.http.post("/auth/token", content=raw, headers={"Content-Type": "application/json"})
    assert (response.status_code, response.json()["error"]) == (400, "invalid_request")


async def test_refresh_grant_issues_a_new_pair_for_the_same_user(api: Api, sandbox_clock: Any) -> None:
    tokens = await api.user_tokens()
    sandbox_clock.advance(60)
    body = {"grant_type": "refresh_token", **CLIENT, "refresh_token": tokens["refresh_token"]}
    response = await api.http.post("/auth/token", json=body)
    assert response.status_code == 200
    new = response.json()
    assert claims(new["access_token"])["sub"] == claims(tokens["access_token"])["sub"]
    assert claims(new["access_token"])["aud"] == "user"
    assert claims(new["access_token"])["iat"] == claims(tokens["access_token"])["iat"] + 60
    me = await api.request("GET", "/users/me", new["access_token"])
    assert me.status_code == 200


async def test_an_access_token_is_not_a_refresh_token(api: Api) -> None:
    tokens = await api.user_tokens()
    body = {"grant_type": "refresh_token", **CLIENT, "refresh_token": tokens["access_token"]}
    response = await api.http.post("/auth/token", json=body)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")
    as_bearer = await api.request("GET", "/users/me", tokens["refresh_token"])
    assert as_bearer.status_code == 401


async def test_refresh_grant_can_be_switched_off(api: Api) -> None:
    tokens = await api.user_tokens()
    api.state.settings.refresh_grant_enabled = False
    body = {"grant_type": "refresh_token", **CLIENT, "refresh_token": tokens["refresh_token"]}
    response = await api.http.post("/auth/token", json=body)
    assert (response.status_code, response.json()["error"]) == (400, "unsupported_grant_type")


async def test_access_token_expires_exactly_at_exp(api: Api, sandbox_clock: Any) -> None:
    api.state.settings.access_ttl = 1
    token = await api.user_token()
    assert claims(token)["exp"] - claims(token)["iat"] == 1
    assert (await api.request("GET", "/users/me", token)).status_code == 200
    sandbox_clock.advance(1)
    expired = await api.request("GET", "/users/me", token)
    assert expired.status_code == 401
    assert expired.json()["code"] == "token_expired"
    assert expired.headers["www-authenticate"].startswith("Bearer")


async def test_refresh_token_expires(api: Api, sandbox_clock: Any) -> None:
    api.state.settings.refresh_ttl = 5
    tokens = await api.user_tokens()
    sandbox_clock.advance(5)
    body = {"grant_type": "refresh_token", **CLIENT, "refresh_token": tokens["refresh_token"]}
    response = await api.http.post("/auth/token", json=body)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_grant")


async def test_expired_client_token_cannot_authorise_the_password_grant(api: Api, sandbox_clock: Any) -> None:
    client = await api.client_token()
    sandbox_clock.advance(7 * 86400)
    body = {"grant_type": "password", **CLIENT, "username": DEMO_USER, "password": DEMO_PASSWORD}
    response = await api.http.post("/auth/token", json=body, headers={"Authorization": f"Bearer {client}"})
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer",
        "Basic abc",
        "Bearer not.a.jwt",
        "Bearer " + jwt.encode({"aud": "user"}, "another-signing-key-of-32-bytes!!"),
    ],
)
async def test_missing_or_malformed_tokens_get_401(api: Api, header: str) -> None:
    headers = {"Authorization": header} if header else {}
    response = await api.http.get("/users/me", headers=headers)
    assert response.status_code == 401
    assert set(response.json()) == {"message", "code"}


async def test_token_signed_with_another_key_is_rejected(api: Api, sandbox_clock: Any) -> None:
    good = claims(await api.user_token())
    forged = jwt.encode(good, "not-the-sandbox-key-but-32-bytes-long", algorithm="HS256")
    response = await api.request("GET", "/users/me", forged)
    assert (response.status_code, response.json()["code"]) == (401, "invalid_token")


async def test_revoke_all_invalidates_issued_tokens_only(api: Api) -> None:
    old = await api.user_token()
    api.state.tokens.revoke_all()
    response = await api.request("GET", "/users/me", old)
    assert (response.status_code, response.json()["code"]) == (401, "token_revoked")
    fresh = await api.user_token()
    assert (await api.request("GET", "/users/me", fresh)).status_code == 200


async def test_personal_token_acts_as_the_first_user(api: Api) -> None:
    response = await api.request("GET", "/users/me", "mh-sandbox-personal-token-demo-0001")
    assert response.status_code == 200
    assert response.json()["email"] == DEMO_USER


async def test_x_cl_id_header_is_tolerated(api: Api) -> None:
    token = await api.user_token()
    response = await api.request("GET", "/users/me", token, headers={"x-cl-id": DEMO_CLIENT_ID})
    assert response.status_code == 200
