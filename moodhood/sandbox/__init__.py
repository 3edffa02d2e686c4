"""A local, stateful MoodHood for demos, cassette recording and contract tests (needs the ``sandbox`` extra).

    from moodhood.sandbox import SandboxServer

    with SandboxServer() as server:        # a free loopback port, demo credentials
        print(server.base_url)             # http://127.0.0.1:PORT/v1

``create_app(config)`` gives the Starlette app for in-process use (``httpx.ASGITransport``);
``SandboxControl(server.root_url)`` drives a running one (faults, revoke, reset, clock, webhook log).
Importing this package is cheap: Starlette and uvicorn load only when an app is created or served.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from moodhood.sandbox._config import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_PASSWORD,
    DEMO_PERSONAL_TOKEN,
    DEMO_USER,
    SandboxConfig,
)
from moodhood.sandbox._control_client import SandboxControl
from moodhood.sandbox._server import SandboxServer

if TYPE_CHECKING:
    from moodhood.sandbox._app import create_app

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_PASSWORD",
    "DEMO_PERSONAL_TOKEN",
    "DEMO_USER",
    "SandboxConfig",
    "SandboxControl",
    "SandboxServer",
    "create_app",
]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from moodhood.sandbox._requires import require_sandbox

        require_sandbox()
        from moodhood.sandbox._app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
