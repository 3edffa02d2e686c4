"""Hostile JSON bodies get a 400 with an error body, never a 500, and never poison later responses."""

from __future__ import annotations

import pytest

from moodhood.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

from .conftest import Api

DEEP = b"[" * 100_000 + b"]" * 100_000
CLIENT = f'"client_id":"{DEMO_CLIENT_ID}","client_secret":"{DEMO_CLIENT_SECRET}"'.encode()


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        b'{"name":"a\\ud800"}',
        b'{"name":"x","description":"\\udfff"}',
        b'{"name":"x","logo":NaN}',
        b'{"name":"x","logo":1e400}',
    ],
)
async def test_api_body_is_400_and_nothing_is_stored(api: Api, body: bytes) -> None:
    token = await api.user_token()
    response = await api.request("POST", "/spaces", token, content=body)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_json"
    listed = await api.request("GET", "/spaces", token)
    assert listed.status_code == 200
    assert listed.json() == {"items": []}


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        b'{"grant_type":"client_credentials","client_id":"a\\ud800","client_secret":"b\\ud800"}',
        b'{"grant_type":"client_credentials",' + CLIENT[:-1] + b'\\ud800"}',
        b'{"grant_type":"client_credentials",' + CLIENT + b',"x":Infinity}',
    ],
)
async def test_token_body_is_invalid_request(api: Api, body: bytes) -> None:
    response = await api.http.post("/auth/token", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "invalid_request"


async def test_password_with_lone_surrogate_is_invalid_request(api: Api) -> None:
    client = await api.client_token()
    body = b'{"grant_type":"password",' + CLIENT + b',"username":"a@b.c","password":"\\ud800"}'
    response = await api.http.post(
        "/auth/token",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {client}"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "invalid_request"


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        b'{"path":"/v1/spaces","status":0,"delay":NaN}',
        b'{"path":"/v1/spaces","status":503,"retry_after":NaN}',
        b'{"path":"/v1/spaces","status":503,"retry_after":1e400}',
        b'{"path":"/v1/spaces","status":0,"delay":1e400}',
    ],
)
async def test_fault_body_is_rejected_and_fault_list_still_works(api: Api, body: bytes) -> None:
    response = await api.http.post("http://sandbox/__sandbox/faults", content=body)
    assert response.status_code in (400, 422), response.text
    assert {"message", "code"} <= response.json().keys()
    listed = await api.http.get("http://sandbox/__sandbox/faults")
    assert listed.status_code == 200
    assert listed.json() == {"items": []}


@pytest.mark.parametrize("retry_after", ["1\r\nX-Injected: 1", "\u4e00", "\x00"])
async def test_fault_retry_after_must_be_a_printable_header_value(api: Api, retry_after: str) -> None:
    body = {"path": "/v1/users/me", "status": 503, "retry_after": retry_after}
    response = await api.http.post("http://sandbox/__sandbox/faults", json=body)
    assert response.status_code == 422, response.text
    assert "retry_after" in response.json()["message"]


async def test_fault_retry_after_http_date_is_kept(api: Api) -> None:
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    body = {"path": "/v1/users/me", "status": 503, "retry_after": date}
    assert (await api.http.post("http://sandbox/__sandbox/faults", json=body)).status_code == 201
    response = await api.http.get("/users/me")
    assert response.status_code == 503
    assert response.headers["retry-after"] == date
