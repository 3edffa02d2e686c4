"""Tokens cannot be forged and ids cannot be guessed: a random signing key per sandbox keys both."""

from __future__ import annotations

import hashlib

import httpx
import jwt
import pytest

from moodhood.sandbox import DEMO_USER, SandboxConfig, create_app

from .conftest import Api

OLD_CONSTANT_KEY = "moodhood-sandbox-jwt-signing-key-not-secret"
KEY = "k" * 16 + "team-shared-signing-key"


def _api(config: SandboxConfig | None = None) -> Api:
    app = create_app(config)
    return Api(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox/v1"), app)


async def test_each_sandbox_signs_with_its_own_random_key() -> None:
    first, second = _api(), _api()
    token = await first.user_token()
    assert (await first.request("GET", "/users/me", token)).status_code == 200
    response = await second.request("GET", "/users/me", token)
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"
    assert first.state.signing_key != second.state.signing_key
    assert len(first.state.signing_key) >= 32


async def test_user_ids_are_not_derived_from_the_email_alone() -> None:
    first, second = _api(), _api()
    ids = [
        (await api.request("GET", "/users/me", await api.user_token())).json()["id"]
        for api in (first, second)
    ]
    assert ids[0] != ids[1]
    for guess in (
        hashlib.sha256(f"user\x00{DEMO_USER}".encode()).hexdigest()[:24],
        hashlib.sha256(DEMO_USER.encode()).hexdigest()[:24],
    ):
        assert guess not in ids
    first.state.reset()  # the configured users keep their ids across resets
    assert (await first.request("GET", "/users/me", await first.user_token())).json()["id"] == ids[0]


@pytest.mark.parametrize("key", [OLD_CONSTANT_KEY, "guess" * 8])
async def test_a_forged_admin_token_is_refused(key: str) -> None:
    api = _api()
    real = jwt.decode(await api.user_token(), options={"verify_signature": False})
    forged = jwt.encode({**real, "jti": "forged-jti-0000000000"}, key, algorithm="HS256")
    response = await api.request("GET", "/spaces", forged)
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


async def test_a_configured_signing_key_lets_tokens_outlive_a_restart() -> None:
    config = SandboxConfig(signing_key=KEY)
    before, after = _api(config), _api(config)
    token = await before.user_token()
    me = await after.request("GET", "/users/me", token)
    assert me.status_code == 200
    assert me.json()["id"] == (await before.request("GET", "/users/me", token)).json()["id"]
    other = _api(SandboxConfig(signing_key=KEY[::-1]))
    assert (await other.request("GET", "/users/me", token)).status_code == 401


def test_a_short_signing_key_is_refused_and_a_key_is_never_shown() -> None:
    with pytest.raises(ValueError, match="at least 32 characters"):
        SandboxConfig(signing_key="short")
    assert KEY not in repr(SandboxConfig(signing_key=KEY))
