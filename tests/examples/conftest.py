"""Fixtures for running ``examples/`` against a sandbox whose room links point at its own room pages.

``web_sandbox`` (session)
    A :class:`SandboxServer` with ``web_app_url=None``: generate-access links are
    ``http://127.0.0.1:PORT/room/<alias>?...`` and the sandbox serves that page.
``sandbox_env`` (function)
    The ``MOODHOOD_*`` variables for that sandbox (user mode, demo credentials); the sandbox is reset first.
``meetings_app`` (function)
    ``examples/webapp/app.py`` served by uvicorn on a free loopback port (its start-up creates a space and
    registers its webhook on the sandbox). ``.url``, ``.app``.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from moodhood import AsyncMoodhood
from moodhood.sandbox import SandboxConfig, SandboxControl, SandboxServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WEBAPP = EXAMPLES / "webapp"


@pytest.fixture(scope="session")
def web_sandbox() -> Iterator[SandboxServer]:
    config = SandboxConfig(web_app_url=None, webhook_retry_interval=0.05, webhook_timeout=2.0)
    with SandboxServer(config) as server:
        yield server


@pytest.fixture
def sandbox_env(web_sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    control = SandboxControl(web_sandbox.root_url)
    try:
        control.reset()
    finally:
        control.close()
    config = web_sandbox.config
    env = {
        "MOODHOOD_BASE_URL": web_sandbox.base_url,
        "MOODHOOD_CLIENT_ID": config.client_id,
        "MOODHOOD_CLIENT_SECRET": config.client_secret,
        "MOODHOOD_USERNAME": config.users[0][0],
        "MOODHOOD_PASSWORD": config.users[0][1],
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in ("MOODHOOD_TOKEN", "MOODHOOD_WEBHOOK_SECRET", "MEETINGS_SPACE_ID"):
        monkeypatch.delenv(name, raising=False)
    return env


def import_webapp() -> Any:
    """``examples/webapp/app.py`` as a module (its directory on ``sys.path``, as when run as a script)."""
    if str(WEBAPP) not in sys.path:
        sys.path.insert(0, str(WEBAPP))
    import app

    return app


class RunningApp:
    """The example app on a uvicorn thread, with its own ``AsyncMoodhood`` on that thread's loop."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        module = import_webapp()
        self.settings = module.Settings(public_url=self.url)
        self.app: Any = None
        self._server: uvicorn.Server | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="meetings-app", daemon=True)
        self._module = module

    def _run(self) -> None:
        async def serve() -> None:
            async with AsyncMoodhood() as mh:
                self.app = self._module.create_app(mh, self.settings)
                config = uvicorn.Config(self.app, log_level="warning", lifespan="on")
                self._server = uvicorn.Server(config)
                await self._server.serve(sockets=[self._sock])

        try:
            asyncio.run(serve())
        except BaseException as exc:  # reported by start()
            self._error = exc

    def start(self) -> RunningApp:
        self._thread.start()
        for _ in range(1000):
            if self._server is not None and self._server.started:
                return self
            if not self._thread.is_alive():
                raise RuntimeError(f"the example app failed to start: {self._error!r}")
            self._thread.join(0.01)
        raise RuntimeError("the example app did not start in 10 s")

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        self._thread.join(10)
        self._sock.close()


@pytest.fixture
def meetings_app(sandbox_env: dict[str, str]) -> Iterator[RunningApp]:
    running = RunningApp().start()
    try:
        yield running
    finally:
        running.stop()
