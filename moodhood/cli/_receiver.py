"""A tiny loopback HTTP server that collects webhook deliveries for the demo."""

from __future__ import annotations

import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

__all__ = ["WebhookReceiver"]

_MAX_BODY = 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.send_error(400, "bad Content-Length")
            return
        if length < 0 or length > _MAX_BODY:
            self.send_error(413)
            return
        body = self.rfile.read(length)
        self.server.deliveries.put(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep the demo's output clean
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A broken request from some other program is its problem: no traceback in the demo's output."""
        return

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.deliveries: queue.Queue[bytes] = queue.Queue()


class WebhookReceiver:
    """Accepts POSTs on ``http://127.0.0.1:<free port>/webhook`` and hands their raw bodies out in order."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port))
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="moodhood-webhook", daemon=True
        )

    @property
    def url(self) -> str:
        """The URL to register as the webhook."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/webhook"

    def start(self) -> WebhookReceiver:
        """Serve on a daemon thread."""
        self._thread.start()
        return self

    def wait(self, timeout: float) -> bytes | None:
        """The next delivered body, or ``None`` when none arrives within ``timeout`` seconds."""
        try:
            return self._server.deliveries.get(timeout=timeout)
        except queue.Empty:
            return None

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(5)
        self._server.server_close()

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
