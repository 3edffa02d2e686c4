"""The ``/__sandbox/`` controls on a running server: faults, revoke, reset, settings, clock."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest


def _token(sandbox: Any) -> str:
    response = httpx.post(
        sandbox.base_url + "/auth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
        },
    )
    assert response.status_code == 200
    token: str = response.json()["access_token"]
    return token


def _user_token(sandbox: Any) -> str:
    response = httpx.post(
        sandbox.base_url + "/auth/token",
        headers={"Authorization": f"Bearer {_token(sandbox)}"},
        json={
            "grant_type": "password",
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "username": sandbox.username,
            "password": sandbox.password,
        },
    )
    assert response.status_code == 200
    token: str = response.json()["access_token"]
    return token


def test_fault_fails_the_next_matching_requests(sandbox: Any) -> None:
    sandbox.fault("/v1/spaces", "POST", 503, count=2, retry_after=1)
    http = httpx.Client(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.personal_token}"}
    )
    assert http.get("/spaces").status_code == 200  # other method: untouched
    for _ in range(2):
        failed = http.post("/spaces", json={"name": "x"})
        assert failed.status_code == 503
        assert failed.headers["retry-after"] == "1"
        assert set(failed.json()) == {"message", "code"}
    assert http.post("/spaces", json={"name": "x"}).status_code == 201
    assert len(http.get("/spaces").json()["items"]) == 1  # the faulted requests never reached the app


def test_fault_patterns_html_bodies_and_429(sandbox: Any) -> None:
    sandbox.fault("/v1/spaces/*/rooms", status=502, body="html")
    sandbox.fault("/v1/users/me", "GET", 429, retry_after=3)
    http = httpx.Client(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.personal_token}"}
    )
    proxy = http.get(f"/spaces/{'0' * 24}/rooms")
    assert proxy.status_code == 502 and proxy.headers["content-type"].startswith("text/html")
    assert "<html>" in proxy.text
    limited = http.get("/users/me")
    assert limited.status_code == 429 and limited.headers["retry-after"] == "3"
    assert http.get("/users/me").status_code == 200


def test_fault_delay_stalls_a_request(sandbox: Any) -> None:
    sandbox.fault("/v1/users/me", "GET", status=0, delay=1.0)
    http = httpx.Client(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.personal_token}"}
    )
    with pytest.raises(httpx.ReadTimeout):
        http.get("/users/me", timeout=0.2)
    started = time.monotonic()
    assert http.get("/users/me").status_code == 200  # fault used up: fast again
    assert time.monotonic() - started < 0.9


def test_fault_on_the_token_endpoint(sandbox: Any) -> None:
    sandbox.fault("/v1/auth/token", "POST", 500)
    response = httpx.post(sandbox.base_url + "/auth/token", json={})
    assert response.status_code == 500
    assert _token(sandbox)


def test_bad_fault_is_422(sandbox: Any) -> None:
    response = httpx.post(sandbox.root_url + "/__sandbox/faults", json={"path": "spaces", "status": 503})
    assert response.status_code == 422
    response = httpx.post(sandbox.root_url + "/__sandbox/faults", json={"path": "/v1/x", "count": 0})
    assert response.status_code == 422


def test_revoke_all_and_reset(sandbox: Any) -> None:
    user = _user_token(sandbox)
    http = httpx.Client(base_url=sandbox.base_url)
    auth = {"Authorization": f"Bearer {user}"}
    assert http.post("/spaces", json={"name": "x"}, headers=auth).status_code == 201
    assert sandbox.revoke_all() >= 3
    assert http.get("/users/me", headers=auth).status_code == 401
    personal = {"Authorization": f"Bearer {sandbox.personal_token}"}
    assert http.get("/users/me", headers=personal).status_code == 401
    fresh = {"Authorization": f"Bearer {_user_token(sandbox)}"}
    assert len(http.get("/spaces", headers=fresh).json()["items"]) == 1

    sandbox.reset()
    assert http.get("/users/me", headers=personal).status_code == 200
    assert http.get("/spaces", headers=fresh).json() == {"items": []}


def test_revoke_can_keep_personal_tokens(sandbox: Any) -> None:
    sandbox.revoke_all(personal_tokens=False)
    personal = {"Authorization": f"Bearer {sandbox.personal_token}"}
    assert httpx.get(sandbox.base_url + "/users/me", headers=personal).status_code == 200


def test_settings_and_clock_expire_tokens_without_sleeping(sandbox: Any) -> None:
    assert sandbox.settings(access_ttl=60, refresh_grant_enabled=False)["access_ttl"] == 60
    token = _user_token(sandbox)
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(sandbox.base_url + "/users/me", headers=auth).status_code == 200
    sandbox.advance_clock(60)
    expired = httpx.get(sandbox.base_url + "/users/me", headers=auth)
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"
    refresh = httpx.post(
        sandbox.base_url + "/auth/token",
        json={
            "grant_type": "refresh_token",
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "refresh_token": "x",
        },
    )
    assert refresh.json()["error"] == "unsupported_grant_type"
    sandbox.reset()
    assert sandbox.settings()["access_ttl"] == 7 * 86400
