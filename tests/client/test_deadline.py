"""``deadline=`` bounds a whole call: a body trickled one byte a second never times out per read, but the
deadline ends it (a real loopback server, not a mock)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from moodhood_api.api.spaces import list_spaces

from moodhood import APITimeoutError, AsyncMoodhood, Moodhood

TOKEN = "personal-token-deadline-0123456789"


def _trickle(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        conn.settimeout(10)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n")
        body = b'{"items": []}' + b" " * 47
        for byte in body:
            if stop.wait(1.0):
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:
                return


@pytest.fixture
def trickle_url() -> Iterator[str]:
    """A loopback server answering every request with headers at once, then a body at one byte a second."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=_trickle, args=(conn, stop), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/v1"
    finally:
        stop.set()
        server.close()


def _assert_bounded(started: float, error: APITimeoutError) -> None:
    elapsed = time.monotonic() - started
    assert 2.5 <= elapsed < 6.0, elapsed  # deadline 3 s; generous headroom on a busy machine
    assert "deadline of 3 s" in str(error)


def test_client_deadline_ends_a_trickled_body(trickle_url: str) -> None:
    with Moodhood(base_url=trickle_url, token=TOKEN, timeout=2, deadline=3) as client:
        assert client.deadline == 3
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            client.call(list_spaces.sync_detailed)
    _assert_bounded(started, caught.value)


def test_per_call_and_with_options_deadlines(trickle_url: str) -> None:
    with Moodhood(base_url=trickle_url, token=TOKEN, timeout=2) as client:
        assert client.deadline is None
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            client.call(list_spaces.sync_detailed, deadline=3)
        _assert_bounded(started, caught.value)
        copy = client.with_options(deadline=3)
        assert copy.deadline == 3 and copy.with_options(timeout=5).deadline == 3
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            copy.call(list_spaces.sync_detailed)
        _assert_bounded(started, caught.value)


def test_async_deadline_ends_a_trickled_body(trickle_url: str) -> None:
    async def run() -> tuple[float, APITimeoutError]:
        async with AsyncMoodhood(base_url=trickle_url, token=TOKEN, timeout=2, deadline=3) as client:
            started = time.monotonic()
            try:
                await client.call(list_spaces.asyncio_detailed)
            except APITimeoutError as error:
                return started, error
        raise AssertionError("no timeout")

    started, error = asyncio.run(run())
    _assert_bounded(started, error)


@pytest.mark.parametrize("bad", [0, -1, float("inf"), float("nan"), "3", True])
def test_bad_deadlines_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="deadline"):
        Moodhood(base_url="http://127.0.0.1:9/v1", token=TOKEN, deadline=bad)  # type: ignore[arg-type]
    with (
        Moodhood(base_url="http://127.0.0.1:9/v1", token=TOKEN) as client,
        pytest.raises(ValueError, match="deadline"),
    ):
        client.with_options(deadline=bad)  # type: ignore[arg-type]


def test_a_timeout_at_the_deadline_is_not_retried() -> None:
    attempts: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request.extensions["timeout"]["read"])
        time.sleep(0.3)
        raise httpx.ReadTimeout("slow", request=request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with (
        Moodhood(base_url="https://api.example.test/v1", token=TOKEN, http_client=http, deadline=0.25) as mh,
        pytest.raises(APITimeoutError, match=r"deadline of 0\.25 s"),
    ):
        mh.call(list_spaces.sync_detailed)
    assert len(attempts) == 1  # a GET, retryable, yet no retry: no time was left
    assert attempts[0] <= 0.25  # the attempt's read timeout was cut to the time left
