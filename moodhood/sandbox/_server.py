"""``SandboxServer``: the sandbox app served by uvicorn on a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from moodhood.sandbox._config import SandboxConfig

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from moodhood.sandbox._state import SandboxState

__all__ = ["SandboxServer"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SandboxServer:
    """Runs a sandbox on ``config.host``; ``port=0`` picks a free port.

    Use it as a context manager or call :meth:`start` / :meth:`stop`. ``base_url`` is
    ``http://HOST:PORT/v1`` once started; ``root_url`` drops the ``/v1`` (for ``/doc/`` and ``/__sandbox/``).
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        clock: Callable[[], float] | None = None,
        log_level: str = "warning",
        startup_timeout: float = 10.0,
    ) -> None:
        self.config = config or SandboxConfig()
        self._clock = clock
        self._log_level = log_level
        self._startup_timeout = startup_timeout
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._socket: socket.socket | None = None
        self._port: int | None = None
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.app: Starlette | None = None

    @property
    def port(self) -> int:
        """The bound port (after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("the sandbox server is not running")
        return self._port

    @property
    def root_url(self) -> str:
        """``http://HOST:PORT`` (IPv6 hosts in brackets)."""
        host = self.config.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT/v1``: the API base URL to give a client."""
        return self.root_url + "/v1"

    @property
    def state(self) -> SandboxState:
        """The running app's state (touch it only from tests that know the server is idle)."""
        if self.app is None:
            raise RuntimeError("the sandbox server is not running")
        state: SandboxState = self.app.state.sandbox
        return state

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> SandboxServer:
        """Bind, start serving on a daemon thread, and wait until uvicorn is ready."""
        if self._thread is not None:
            raise RuntimeError("the sandbox server is already started")
        from moodhood.sandbox._requires import require_sandbox

        require_sandbox()  # one line naming pip install 'moodhood[sandbox]', not a ModuleNotFoundError
        import uvicorn

        from moodhood.sandbox._app import create_app

        self.app = create_app(self.config, clock=self._clock)
        family = socket.AF_INET6 if ":" in self.config.host else socket.AF_INET
        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP; without it
        # every keep-alive response waits ~40 ms for a delayed ACK (uvicorn writes head and body apart)
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.config.host, self.config.port))
        except OSError:
            sock.close()
            raise
        sock.listen(128)
        sock.set_inheritable(True)
        self._socket = sock
        self._port = sock.getsockname()[1]
        # X-Forwarded-For is believed from a proxy on this host only, whatever FORWARDED_ALLOW_IPS says: the
        # loopback-only controls judge the client address, and no remote client may claim to be loopback
        uv_config = uvicorn.Config(
            self.app,
            log_level=self._log_level,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
            proxy_headers=True,
            forwarded_allow_ips=["127.0.0.1", "::1"],
        )
        self._server = uvicorn.Server(uv_config)
        self._thread = threading.Thread(target=self._run, name="moodhood-sandbox", daemon=True)
        self._thread.start()
        deadline = self._startup_timeout
        step = 0.01
        waited = 0.0
        while not self._server.started:
            if not self._thread.is_alive():
                self._cleanup()
                raise RuntimeError(f"the sandbox server failed to start: {self._error!r}")
            if waited >= deadline:
                self.stop()
                raise RuntimeError("the sandbox server did not start in time")
            self._thread.join(step)
            waited += step
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # reported by start()
            self._error = exc

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self._server.serve(sockets=[self._socket])

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to exit, wait for the thread, release the socket. Safe to call twice."""
        if self._thread is None:
            return
        loop, self._loop = self._loop, None
        if loop is not None and self.app is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already closed
                loop.call_soon_threadsafe(self.app.state.sandbox.stopping.set)
        self._server.should_exit = True
        self._thread.join(timeout)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._socket is not None:
            self._socket.close()
        self._socket = None
        self._thread = None
        self._port = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self._port is not None else "stopped"
        return f"SandboxServer({where})"
