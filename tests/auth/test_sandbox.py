"""MoodhoodAuth against the in-process sandbox (its real token endpoint, D2-D5), on a shared fake clock, in
both flavours (the sync one reaches the ASGI app through a transport running it on a private loop)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable

import httpx
import pytest

from moodhood._auth import MoodhoodAuth
from moodhood._credentials import Credentials
from moodhood._exceptions import TokenError
from moodhood.sandbox import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_PASSWORD,
    DEMO_PERSONAL_TOKEN,
    DEMO_USER,
    SandboxConfig,
    create_app,
)
from tests.auth.conftest import FakeClock

BASE = "http://127.0.0.1/v1"
Run = Callable[..., tuple[MoodhoodAuth, httpx.AsyncClient, list[str]]]


class SyncASGITransport(httpx.BaseTransport):
    """An ASGI app behind a sync transport: each request runs on a private event loop thread."""

    def __init__(self, app: object) -> None:
        self.inner = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        return httpx.Response(response.status_code, headers=response.headers, content=content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return asyncio.run_coroutine_threadsafe(self._send(request), self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


class SyncAsAsync:
    """An ``httpx.Client`` with the ``async with`` / ``await client.get`` face the tests below use."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    async def get(self, url: str) -> httpx.Response:
        return self.client.get(url)

    async def __aenter__(self) -> SyncAsAsync:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.client.close()


@pytest.fixture
def sandbox(clock: FakeClock, flavour: str) -> Run:
    """``sandbox(credentials, **config)``: an auth + client of the test's flavour on a fresh sandbox; grants
    are recorded."""

    def make(credentials: Credentials, **config: object) -> tuple[MoodhoodAuth, httpx.AsyncClient, list[str]]:
        app = create_app(SandboxConfig(access_ttl=60, **config), clock=clock.wall)  # type: ignore[arg-type]
        grants: list[str] = []

        def record(request: httpx.Request) -> None:
            if request.url.path == "/v1/auth/token":
                grants.append(request.read().decode())

        async def arecord(request: httpx.Request) -> None:
            record(request)

        auth = MoodhoodAuth(credentials, token_url=BASE + "/auth/token", clock=clock, wall_clock=clock.wall)
        if flavour == "sync":
            sync = httpx.Client(
                transport=SyncASGITransport(app), auth=auth, base_url=BASE, event_hooks={"request": [record]}
            )
            return auth, SyncAsAsync(sync), grants  # type: ignore[return-value]
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            auth=auth,
            base_url=BASE,
            event_hooks={"request": [arecord]},
        )
        return auth, client, grants

    return make


def grant_types(grants: list[str]) -> list[str]:
    return [json.loads(body)["grant_type"] for body in grants]


USER = Credentials.user(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER, DEMO_PASSWORD)


async def test_user_flow_and_refresh(sandbox: Run, clock: FakeClock) -> None:
    auth, client, grants = sandbox(USER)
    async with client:
        for _ in range(20):
            assert (await client.get("/spaces")).status_code == 200
        assert grant_types(grants) == ["client_credentials", "password"]
        assert auth.user_token is not None and auth.user_token.lifetime == 60
        clock.advance(31)  # window min(300, 60 / 2) = 30 s
        assert (await client.get("/spaces")).status_code == 200
    assert grant_types(grants) == ["client_credentials", "password", "refresh_token"]


async def test_refresh_grant_switched_off_falls_back(sandbox: Run, clock: FakeClock) -> None:
    _, client, grants = sandbox(USER, refresh_grant_enabled=False)
    async with client:
        await client.get("/spaces")
        clock.advance(61)
        assert (await client.get("/spaces")).status_code == 200
    # The client token (60 s too) is stale as well: renewed before the password grant; 3 requests at most.
    assert grant_types(grants)[2:] == ["refresh_token", "client_credentials", "password"]


async def test_client_mode(sandbox: Run, clock: FakeClock) -> None:
    _, client, grants = sandbox(Credentials.client(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET))
    async with client:
        assert (await client.get("/spaces")).status_code == 403  # a client token may not list spaces
        clock.advance(61)
        await client.get("/spaces")
    assert grant_types(grants) == ["client_credentials", "client_credentials"]


async def test_personal_token(sandbox: Run) -> None:
    _, client, grants = sandbox(Credentials.personal(DEMO_PERSONAL_TOKEN))
    async with client:
        assert (await client.get("/users/me")).status_code == 200
    assert grants == []


@pytest.mark.parametrize(
    ("credentials", "error", "status"),
    [
        (
            Credentials.user(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER, "wrong-password"),
            "invalid_grant",
            400,
        ),
        (
            Credentials.user(DEMO_CLIENT_ID, "wrong-secret-000000000", DEMO_USER, DEMO_PASSWORD),
            "invalid_client",
            401,
        ),
        (
            Credentials.user(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, "not-an-email", DEMO_PASSWORD),
            "invalid_grant",
            400,
        ),
    ],
)
async def test_refusals_are_token_errors(
    sandbox: Run, credentials: Credentials, error: str, status: int
) -> None:
    _, client, _ = sandbox(credentials)
    async with client:
        with pytest.raises(TokenError) as info:
            await client.get("/spaces")
    assert (info.value.error, info.value.status_code) == (error, status)
    assert credentials.password not in str(info.value)
