"""Logs mask every token value the process uses, wherever it appears: an opaque personal token that a
server echoes in a custom header is masked in httpcore's DEBUG record, not only JWT-shaped values."""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from moodhood_api.api.spaces import list_spaces

from moodhood import Moodhood
from moodhood._redact import redact
from moodhood._secrets import mask, remember

OPAQUE = "mh-opaque-personal-token-7f3a9c21d4"


class _Echo(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        token = self.headers.get("Authorization", "").partition(" ")[2]
        body = b'{"items": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Echo-Token", token)
        self.send_header("X-Echo-B64", base64.b64encode(token.encode()).decode())
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_an_echoed_opaque_token_is_masked_in_httpcore_debug_logs(
    echo_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), Moodhood(base_url=echo_url, token=OPAQUE) as client:
        client.call(list_spaces.sync_detailed)
    assert "X-Echo-Token" in caplog.text  # the record with the headers was logged
    assert OPAQUE not in caplog.text
    assert base64.b64encode(OPAQUE.encode()).decode() not in caplog.text
    assert mask(OPAQUE) in caplog.text


def test_remembered_values_are_masked_in_any_form() -> None:
    secret = "another-opaque/token+value-0042"
    remember(secret)
    for form in (secret, quote(secret, safe=""), base64.b64encode(secret.encode()).decode()):
        assert form not in redact(f"(b'x-custom', b'{form}')")
    assert redact("a word: another-opaque/token+value-00421") != ""  # no crash on near misses
    remember("short")  # under 8 characters: not remembered
    assert redact("short") == "short"
