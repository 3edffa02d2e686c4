"""Shared fixtures: a running MoodHood sandbox (``moodhood.sandbox``) for every test that needs a server.

Fixtures
--------
``sandbox_server`` (session)
    One :class:`moodhood.sandbox.SandboxServer` on a free loopback port with the demo credentials and a
    short webhook retry interval (0.05 s). Started once, stopped at the end of the session.

``sandbox`` (function)
    The running sandbox, **reset before the test** (only the configured users remain; faults, settings,
    clock offset and the webhook delivery log cleared). A :class:`SandboxHandle` with:

    - ``base_url`` (``http://127.0.0.1:PORT/v1``), ``root_url`` (no ``/v1``; ``/doc/`` lives there),
      ``client_id``, ``client_secret``, ``username`` (an email), ``password``, ``personal_token``;
    - ``fault(path, method="*", status=503, *, count=1, retry_after=None, delay=0.0, body="json")``: the
      next ``count`` requests matching ``method`` and the ``fnmatch`` pattern ``path`` (e.g.
      ``"/v1/spaces"``, ``"/v1/spaces/*/rooms"``) fail with ``status`` (``{message, code}`` body, or
      ``body="html"`` for a proxy page, ``"empty"``) after ``delay`` seconds; ``status=0`` only stalls;
    - ``revoke_all(personal_tokens=True)``: every issued token (and the personal token) now gets 401;
    - ``reset()``; ``settings(access_ttl=..., refresh_ttl=..., refresh_grant_enabled=False,
      webhook_retry_interval=..., record_download="redirect")``; ``advance_clock(seconds)`` (server-side
      expiry without sleeping);
    - ``deliveries()`` (webhook delivery log), ``finish_call(room_id)``, ``emit(room_id, event_name)``;
    - ``server``: the :class:`SandboxServer` itself.

``sandbox_clock`` (function)
    A :class:`FakeClock` (``clock()`` → Unix seconds, ``clock.advance(seconds)``) starting at a fixed time.

``sandbox_app`` (function)
    A fresh in-process sandbox app (``moodhood.sandbox.create_app``) driven by ``sandbox_clock``, for
    ``httpx.ASGITransport(app=sandbox_app)`` with ``base_url="http://sandbox/v1"``; its state is
    ``sandbox_app.state.sandbox``. Enough when no real socket is needed (no webhook receiver, no timeouts).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

from moodhood.sandbox import SandboxConfig, SandboxControl, SandboxServer, create_app


class FakeClock:
    """A settable clock for the sandbox's token logic."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class SandboxHandle(SandboxControl):
    """The running sandbox of the ``sandbox`` fixture: URLs, credentials and control helpers."""

    def __init__(self, server: SandboxServer) -> None:
        super().__init__(server.root_url)
        config = server.config
        self.server = server
        self.base_url = server.base_url
        self.root_url = server.root_url
        self.client_id = config.client_id
        self.client_secret = config.client_secret
        self.username, self.password = config.users[0]
        self.personal_token = config.personal_tokens[0]


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(webhook_retry_interval=0.05, webhook_timeout=2.0)) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> Iterator[SandboxHandle]:
    handle = SandboxHandle(sandbox_server)
    handle.reset()
    try:
        yield handle
    finally:
        handle.close()


@pytest.fixture
def sandbox_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox_app(sandbox_clock: FakeClock) -> Starlette:
    return create_app(SandboxConfig(webhook_retry_interval=0.0), clock=sandbox_clock)
