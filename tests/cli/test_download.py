"""``records download`` fetches with a client of its own: no MoodHood token reaches the storage host."""

from __future__ import annotations

import http.server
import io
import sys
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from moodhood._exceptions import InsecureTransportError
from moodhood.cli._download import fetch, file_name
from moodhood.cli._errors import CommandError

BODY = b"\x00\x00\x00\x18ftypmp42" * 1000


class _Storage(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append(dict(self.headers))
        path = self.path.split("?", 1)[0]
        if path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/files/rec.mp4")
            self.end_headers()
            return
        if path != "/files/rec.mp4":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def storage() -> Iterator[str]:
    _Storage.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Storage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_storage_host_sees_no_credentials_even_through_a_redirect(storage: str) -> None:
    out = io.BytesIO()
    assert fetch(f"{storage}/redirect?expires=1", out) == len(BODY)
    assert out.getvalue() == BODY
    assert len(_Storage.seen) == 2
    for headers in _Storage.seen:
        names = {name.lower() for name in headers}
        assert not names & {"authorization", "cookie", "x-cl-id"}, headers


def test_a_missing_file_is_one_line(storage: str) -> None:
    with pytest.raises(CommandError, match=r"download failed: HTTP 404 from 127\.0\.0\.1"):
        fetch(f"{storage}/files/nope.mp4", io.BytesIO())


def test_plain_http_to_a_remote_storage_host_needs_the_flag() -> None:
    with pytest.raises(InsecureTransportError):
        fetch("http://storage.example.com/rec.mp4", io.BytesIO())


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://s.example.com/a/b/rec-1.mp4?sig=x", "rec-1.mp4"),
        ("https://s.example.com/", "fallback.mp4"),
        ("https://s.example.com/..", "fallback.mp4"),
        ("https://s.example.com/a%2F..%2Fx", "x"),  # decoded: a/../x; the last segment is a plain name
        ("https://s.example.com/a/b%20c.mp4", "fallback.mp4"),
    ],
)
def test_file_name_from_the_link(url: str, name: str) -> None:
    assert file_name(url, "fallback.mp4") == name


def test_a_progress_bar_on_a_terminal_leaves_the_bytes_alone(
    storage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import moodhood.cli._download as download

    terminal = io.StringIO()
    monkeypatch.setattr(download, "styled", lambda stream: True)
    monkeypatch.setattr(sys, "stderr", terminal)
    out = io.BytesIO()
    assert fetch(f"{storage}/files/rec.mp4", out) == len(BODY)
    assert out.getvalue() == BODY
