"""Fixtures for the tests of ``scripts/regenerate.py``.

``regen`` (session)
    The ``scripts/`` modules, loaded once: ``regen.main``, ``regen.codegen``, ``regen.spec``,
    ``regen.fetch``, ``regen.diff``.

``fixture_spec`` (function)
    A fresh dict of ``tests/openapi/fixtures/spec.yaml``, a small valid OpenAPI 3.0 document.

``regen_root`` (function)
    A throw-away repository root (``openapi/moodhood.yaml`` = the fixture spec, the real
    ``openapi/codegen.yaml`` and its templates, a generated ``generated/moodhood_api``, a ``README.md``
    sentinel), copied from one generated once per session, for ``--root``.

``spec_server`` (function)
    A :class:`SpecServer` on ``127.0.0.1`` (``http.server`` in a thread): ``route(path, body, ...)``,
    ``url(path)``, ``requests`` (``(path, Authorization header)`` per request).
"""

from __future__ import annotations

import importlib
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Regen:
    """The ``scripts/`` modules under test."""

    main: Any
    codegen: ModuleType
    spec: ModuleType
    fetch: ModuleType
    diff: ModuleType


@pytest.fixture(scope="session")
def regen() -> Regen:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    keep = sys.dont_write_bytecode  # regenerate.py switches bytecode off for the whole process
    try:
        script = importlib.import_module("regenerate")
    finally:
        sys.dont_write_bytecode = keep
    return Regen(
        main=script.main,
        codegen=importlib.import_module("_regen_codegen"),
        spec=importlib.import_module("_regen_spec"),
        fetch=importlib.import_module("_regen_fetch"),
        diff=importlib.import_module("_regen_diff"),
    )


@pytest.fixture
def fixture_spec() -> dict[str, Any]:
    loaded = yaml.safe_load((FIXTURES / "spec.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="session")
def _generated_root(regen: Regen, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regen-root")
    (root / "openapi").mkdir()
    shutil.copyfile(FIXTURES / "spec.yaml", root / "openapi" / "moodhood.yaml")
    shutil.copyfile(REPO / "openapi" / "codegen.yaml", root / "openapi" / "codegen.yaml")
    shutil.copytree(REPO / "openapi" / "templates", root / "openapi" / "templates")
    (root / "README.md").write_text("sentinel: regenerate.py never writes outside openapi/ and generated/\n")
    assert regen.main(["--root", str(root)]) == 0
    return root


@pytest.fixture
def regen_root(_generated_root: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(_generated_root, root)
    return root


@dataclass
class _Route:
    body: bytes
    content_type: str
    auth: str | None
    location: str | None


class SpecServer:
    """A tiny HTTP server on 127.0.0.1 serving fixed routes, some behind basic auth."""

    def __init__(self) -> None:
        self.routes: dict[str, _Route] = {}
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                auth = self.headers.get("Authorization")
                server.requests.append((self.path, auth))
                route = server.routes.get(self.path)
                if route is None:
                    self._reply(404, b"not found", "text/plain")
                elif route.auth is not None and auth != route.auth:
                    self._reply(401, b"Unauthorized", "text/plain", {"WWW-Authenticate": 'Basic realm="doc"'})
                elif route.location is not None:
                    self._reply(301, b"", "text/plain", {"Location": route.location})
                else:
                    self._reply(200, route.body, route.content_type)

            def _reply(
                self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def url(self, path: str) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def route(
        self,
        path: str,
        body: str | bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        *,
        auth: str | None = None,
        location: str | None = None,
    ) -> None:
        """Serve ``body`` at ``path``; ``auth`` is the exact ``Authorization`` header required."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = _Route(data, content_type, auth, location)


@pytest.fixture
def spec_server() -> Iterator[SpecServer]:
    server = SpecServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
