"""A fake MoodHood token endpoint + API for ``httpx.MockTransport``, a fake clock, and auth factories."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from moodhood._auth import TOKEN_REQUEST_EXTENSION, MoodhoodAuth, TokenEvent
from moodhood._credentials import Credentials

BASE = "https://api.moodhood.test/v1"
TOKEN_URL = BASE + "/auth/token"
CLIENT_ID = "acme-livedigital"
CLIENT_SECRET = "cs-0123456789abcdefghijklmnopqrstuv"
USERNAME = "owner@example.com"
PASSWORD = "pw-correct-horse-battery-staple"
PERSONAL = "pt-personal-token-0123456789abcdef"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_jwt(claims: object, header: object = None) -> str:
    """An unsigned JWT-shaped string with ``claims`` as payload."""
    head = b64(json.dumps(header or {"alg": "HS256", "typ": "JWT"}).encode())
    return f"{head}.{b64(json.dumps(claims).encode())}.c2lnbmF0dXJl"


class FakeClock:
    """A monotonic clock and a wall clock that move together, only when told to."""

    def __init__(self, start: float = 1000.0, wall: float = 1_800_000_000.0) -> None:
        self.now = start
        self.wall_offset = wall - start

    def __call__(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self.wall_offset

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Grant:
    """One token request as the server saw it."""

    grant_type: str
    body: dict[str, Any]
    authorization: str | None
    marked: bool
    timeout: object


@dataclass
class FakeServer:
    """The token endpoint and a protected API, as docs/decisions.md describes them (D2, D4, D10).

    Access and refresh tokens are JWTs whose ``iat`` comes from ``server_time`` (which may be far off
    our clock); their lifetimes are set per kind. API calls succeed with a valid user token (or client
    token when ``accept_client_tokens``) and answer 401 otherwise.
    """

    client_lifetime: float = 7200
    access_lifetime: float = 3600
    refresh_lifetime: float = 86400
    server_time: float = 1_700_000_000
    refresh_mode: str = "ok"  # "ok" | "invalid_grant" | "unsupported" | "server_error"
    accept_client_tokens: bool = True
    grants: list[Grant] = field(default_factory=list)
    api_calls: list[str | None] = field(default_factory=list)
    valid_client: set[str] = field(default_factory=set)
    valid_user: set[str] = field(default_factory=set)
    valid_refresh: set[str] = field(default_factory=set)
    scripted: list[httpx.Response | Exception] = field(default_factory=list)
    on_token_request: Callable[[Grant], None] | None = None
    async_gate: Callable[[], Any] | None = None
    counter: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- helpers -------------------------------------------------------------------------------

    def grant_types(self) -> list[str]:
        return [g.grant_type for g in self.grants]

    def issue(self, kind: str, lifetime: float, aud: str) -> str:
        self.counter += 1
        iat = self.server_time
        claims = {"aud": aud, "type": kind, "iat": iat, "exp": iat + lifetime, "jti": f"j{self.counter:06d}"}
        return make_jwt(claims)

    def revoke_client_tokens(self) -> None:
        self.valid_client.clear()

    def revoke_user_tokens(self) -> None:
        self.valid_user.clear()

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.ahandle)

    # -- handlers ------------------------------------------------------------------------------

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        if request.extensions.get(TOKEN_REQUEST_EXTENSION) and self.async_gate is not None:
            await self.async_gate()
        return self.handle(request)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            return self._token(request)
        with self.lock:
            auth = request.headers.get("authorization")
            self.api_calls.append(auth)
            bearer = (auth or "").removeprefix("Bearer ")
            ok = bearer in self.valid_user or (self.accept_client_tokens and bearer in self.valid_client)
        if not ok:
            return httpx.Response(401, json={"message": "Unauthorized", "code": "unauthorized"})
        return httpx.Response(200, json={"items": []})

    def _token(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        grant = Grant(
            body.get("grant_type"),
            body,
            request.headers.get("authorization"),
            request.extensions.get(TOKEN_REQUEST_EXTENSION) is True,
            request.extensions.get("timeout"),
        )
        with self.lock:
            self.grants.append(grant)
            scripted = self.scripted.pop(0) if self.scripted else None
        if self.on_token_request is not None:
            self.on_token_request(grant)
        if isinstance(scripted, Exception):
            raise scripted
        if scripted is not None:
            return scripted
        with self.lock:
            return self._grant(grant)

    def _error(self, status: int, error: str, description: str) -> httpx.Response:
        return httpx.Response(status, json={"error": error, "error_description": description})

    def _pair(self, aud: str, lifetime: float) -> httpx.Response:
        access = self.issue("accessToken", lifetime, aud)
        refresh = self.issue("refreshToken", self.refresh_lifetime, aud)
        (self.valid_user if aud == "user" else self.valid_client).add(access)
        if aud == "user":
            self.valid_refresh.add(refresh)
        return httpx.Response(
            200, json={"token_type": "Bearer", "access_token": access, "refresh_token": refresh}
        )

    def _grant(self, grant: Grant) -> httpx.Response:
        body = grant.body
        if body.get("client_id") != CLIENT_ID or body.get("client_secret") != CLIENT_SECRET:
            return self._error(401, "invalid_client", "Invalid client credentials")
        if grant.grant_type == "client_credentials":
            return self._pair("client", self.client_lifetime)
        if grant.grant_type == "password":
            bearer = (grant.authorization or "").removeprefix("Bearer ")
            if bearer not in self.valid_client:
                return self._error(401, "invalid_client", "A valid client token is required")
            if body.get("username") != USERNAME or body.get("password") != PASSWORD:
                return self._error(400, "invalid_grant", "Invalid credentials")
            return self._pair("user", self.access_lifetime)
        if grant.grant_type == "refresh_token":
            if self.refresh_mode == "unsupported":
                return self._error(400, "unsupported_grant_type", "Unsupported grant type")
            if self.refresh_mode == "server_error":
                return httpx.Response(503, text="<html>down</html>", headers={"content-type": "text/html"})
            token = body.get("refresh_token")
            if self.refresh_mode != "ok" or token not in self.valid_refresh:
                return self._error(400, "invalid_grant", "Invalid refresh token")
            self.valid_refresh.discard(token)
            return self._pair("user", self.access_lifetime)
        return self._error(400, "unsupported_grant_type", "Unsupported grant type")


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def events() -> list[TokenEvent]:
    return []


@pytest.fixture
def user_credentials() -> Credentials:
    return Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD)


@pytest.fixture
def client_credentials() -> Credentials:
    return Credentials.client(CLIENT_ID, CLIENT_SECRET)


@pytest.fixture
def make_auth(clock: FakeClock, events: list[TokenEvent]) -> Callable[..., MoodhoodAuth]:
    """``make_auth(credentials, **kwargs)``: an auth on the fake clock, recording ``on_token`` events."""

    def make(credentials: Credentials, **kwargs: Any) -> MoodhoodAuth:
        kwargs.setdefault("token_url", TOKEN_URL)
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("wall_clock", clock.wall)
        kwargs.setdefault("on_token", events.append)
        return MoodhoodAuth(credentials, **kwargs)

    return make


@pytest.fixture
def sync_client(server: FakeServer) -> Callable[[MoodhoodAuth], httpx.Client]:
    def make(auth: MoodhoodAuth) -> httpx.Client:
        return httpx.Client(transport=server.transport(), auth=auth, base_url=BASE)

    return make


@pytest.fixture
def async_client(server: FakeServer) -> Callable[[MoodhoodAuth], httpx.AsyncClient]:
    def make(auth: MoodhoodAuth) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE)

    return make


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Block until ``predicate()`` (a condition, not a timing guess); fail after ``timeout`` seconds."""
    event = threading.Event()
    deadline = 0.0
    while not predicate():
        if deadline > timeout:
            raise AssertionError("condition not reached")
        event.wait(0.005)
        deadline += 0.005


async def async_wait_until(predicate: Callable[[], bool], limit: int = 100_000) -> None:
    """Yield to the loop until ``predicate()``; fail after ``limit`` turns."""
    for _ in range(limit):
        if predicate():
            return
        await asyncio.sleep(0)
    raise AssertionError("condition not reached")
