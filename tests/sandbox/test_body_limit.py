"""Request bodies are capped (1 MiB by default): 413 on ``Content-Length`` before reading, and mid-stream."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, SandboxServer, create_app
from moodhood.sandbox._config import MAX_BODY_BYTES

from .conftest import Api


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig()) as running:
        yield running


def _user_token(http: httpx.Client) -> str:
    cfg = SandboxConfig()
    grant = {"client_id": cfg.client_id, "client_secret": cfg.client_secret}
    client = http.post("/auth/token", json={**grant, "grant_type": "client_credentials"}).json()[
        "access_token"
    ]
    user = http.post(
        "/auth/token",
        headers={"Authorization": f"Bearer {client}"},
        json={**grant, "grant_type": "password", "username": cfg.users[0][0], "password": cfg.users[0][1]},
    )
    token: str = user.json()["access_token"]
    return token


def _name_body(size: int) -> bytes:
    """A JSON space body of exactly ``size`` bytes."""
    frame = b'{"name": "", "isPublic": true}'
    return frame[:10] + b"x" * (size - len(frame)) + frame[10:]


def test_a_body_over_the_cap_is_413_and_nothing_is_stored(server: SandboxServer) -> None:
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        headers = {"Authorization": f"Bearer {_user_token(http)}", "Content-Type": "application/json"}
        too_big = http.post("/spaces", content=_name_body(MAX_BODY_BYTES + 1), headers=headers)
        assert too_big.status_code == 413
        assert too_big.json()["code"] == "payload_too_large"
        at_cap = http.post("/spaces", content=_name_body(MAX_BODY_BYTES), headers=headers)
        assert at_cap.status_code == 201, at_cap.text
        names = [len(s.get("name", "")) for s in http.get("/spaces", headers=headers).json()["items"]]
        assert names == [MAX_BODY_BYTES - len(b'{"name": "", "isPublic": true}')]


def test_a_chunked_body_is_cut_off_at_the_cap(server: SandboxServer) -> None:
    def chunks(total: int) -> Iterator[bytes]:
        body = _name_body(total)
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        headers = {"Authorization": f"Bearer {_user_token(http)}", "Content-Type": "application/json"}
        small = http.post("/spaces", content=chunks(1000), headers=headers)
        assert small.status_code == 201, small.text
        assert "chunked" in small.request.headers["transfer-encoding"]
        big = http.post("/spaces", content=chunks(4 * MAX_BODY_BYTES), headers=headers)
        assert big.status_code == 413
        assert big.json()["code"] == "payload_too_large"


def test_a_huge_content_length_is_refused_before_any_body_is_sent(server: SandboxServer) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/spaces HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n"
            b"Content-Length: 200000000\r\n\r\n"
        )
        reply = b""
        while b"\r\n\r\n" not in reply:
            data = sock.recv(4096)
            if not data:
                break
            reply += data
    assert reply.startswith(b"HTTP/1.1 413 "), reply[:200]
    assert time.monotonic() - started < 10


async def test_the_cap_is_configurable_and_covers_the_token_endpoint() -> None:
    app = create_app(SandboxConfig(max_body_bytes=300))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox/v1"
    ) as http:
        api = Api(http, app)
        token = await api.user_token()  # the grants' bodies fit in 300 bytes
        assert (await api.request("POST", "/spaces", token, content=_name_body(300))).status_code == 201
        assert (await api.request("POST", "/spaces", token, content=_name_body(301))).status_code == 413
        padded = b'{"grant_type": "client_credentials", "pad": "' + b"x" * 300 + b'"}'
        response = await http.post("/auth/token", content=padded)
        assert response.status_code == 413
        assert response.json()["code"] == "payload_too_large"
