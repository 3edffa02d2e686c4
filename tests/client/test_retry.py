"""RetryTransport / AsyncRetryTransport: the schedule, what is retried, Retry-After, closing."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from moodhood._retry import (
    EXT_MAX_RETRIES,
    EXT_RETRIES,
    EXT_RETRY_POST,
    EXT_TOKEN_REQUEST,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    parse_retry_after,
)

URL = "https://api.example.test/v1/spaces?accessToken=SECRET-QUERY-VALUE"
NOW = 1_800_000_000.0


class Script:
    """A mock handler that replays a list of outcomes (status codes or exceptions) and records calls."""

    def __init__(self, *outcomes: int | type[httpx.TransportError], headers: dict[str, str] | None = None):
        self.outcomes = list(outcomes)
        self.headers = headers or {}
        self.requests: list[httpx.Request] = []
        self.closed: list[int] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, type):
            raise outcome("boom", request=request)
        index = len(self.requests)
        script = self

        class Stream(httpx.SyncByteStream, httpx.AsyncByteStream):
            def __iter__(self) -> Iterator[bytes]:
                yield b"{}"

            async def __aiter__(self) -> AsyncIterator[bytes]:
                yield b"{}"

            def close(self) -> None:
                script.closed.append(index)

            async def aclose(self) -> None:
                script.closed.append(index)

        return httpx.Response(outcome, headers=self.headers, stream=Stream())


def make(
    script: Script, *, max_retries: int = 2, jitter: str = "equal", seed: int = 7
) -> tuple[RetryTransport, list[float]]:
    sleeps: list[float] = []
    policy = RetryPolicy(max_retries=max_retries, jitter=jitter)  # type: ignore[arg-type]
    transport = RetryTransport(
        httpx.MockTransport(script),
        policy=policy,
        sleep=sleeps.append,
        random=random.Random(seed).random,
        now=lambda: NOW,
    )
    return transport, sleeps


def request(method: str = "GET", /, **extensions: object) -> httpx.Request:
    return httpx.Request(method, URL, json={"name": "x"} if method == "POST" else None, extensions=extensions)


def test_schedule_equal_jitter_is_seeded_and_doubles() -> None:
    script = Script(503, 502, 200)
    transport, sleeps = make(script)
    response = transport.handle_request(request())
    assert response.status_code == 200
    assert response.extensions[EXT_RETRIES] == 2
    rand = random.Random(7)
    r0, r1 = rand.random(), rand.random()
    assert sleeps == [0.25 + 0.25 * r0, 0.5 + 0.5 * r1]
    assert len(script.requests) == 3


def test_full_jitter_is_capped_at_max_delay() -> None:
    policy = RetryPolicy(jitter="full")
    assert [policy.backoff(n, 0.999999) for n in range(6)] == pytest.approx([0.5, 1, 2, 4, 8, 8], rel=1e-5)
    assert policy.backoff(3, 0.0) == 0.0
    equal = RetryPolicy()
    assert [equal.backoff(n, 0.0) for n in range(6)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]


def test_exhausted_retries_return_last_response_and_close_the_others() -> None:
    script = Script(503, 503, 503)
    transport, sleeps = make(script)
    response = transport.handle_request(request())
    assert response.status_code == 503
    assert response.extensions[EXT_RETRIES] == 2
    assert len(sleeps) == 2
    assert script.closed == [1, 2]  # the third is the caller's to read


@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])
def test_retryable_statuses_for_idempotent_methods(status: int, method: str) -> None:
    script = Script(status, 200)
    transport, _ = make(script)
    assert transport.handle_request(request(method)).status_code == 200
    assert len(script.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 500, 501, 520, 499])
def test_other_statuses_are_not_retried(status: int) -> None:
    script = Script(status)
    transport, sleeps = make(script)
    assert transport.handle_request(request()).status_code == status
    assert sleeps == []


@pytest.mark.parametrize("status", [503, 429, 502, 504, 408])
def test_post_is_not_replayed(status: int) -> None:
    script = Script(status, 200)
    transport, sleeps = make(script)
    assert transport.handle_request(request("POST")).status_code == status
    assert len(script.requests) == 1
    assert sleeps == []


def test_post_is_replayed_when_the_call_opts_in() -> None:
    script = Script(503, 200)
    transport, _ = make(script)
    response = transport.handle_request(request("POST", **{EXT_RETRY_POST: True}))
    assert response.status_code == 200
    assert [r.content for r in script.requests] == [b'{"name":"x"}'] * 2


def test_connect_error_is_retried_even_for_post() -> None:
    script = Script(httpx.ConnectError, httpx.ConnectTimeout, 201)
    transport, sleeps = make(script)
    assert transport.handle_request(request("POST")).status_code == 201
    assert len(sleeps) == 2


def test_read_timeout_retried_for_get_but_not_post() -> None:
    script = Script(httpx.ReadTimeout, 200)
    transport, _ = make(script)
    assert transport.handle_request(request("GET")).status_code == 200
    script = Script(httpx.ReadTimeout, 200)
    transport, sleeps = make(script)
    with pytest.raises(httpx.ReadTimeout):
        transport.handle_request(request("POST"))
    assert sleeps == []


def test_connect_errors_exhaust_and_raise() -> None:
    script = Script(httpx.ConnectError, httpx.ConnectError, httpx.ConnectError)
    transport, sleeps = make(script)
    with pytest.raises(httpx.ConnectError):
        transport.handle_request(request())
    assert len(sleeps) == 2


def test_token_requests_retry_on_5xx_and_connection_errors_only() -> None:
    token = {EXT_TOKEN_REQUEST: True}
    script = Script(httpx.ConnectError, 500, 200)
    transport, _ = make(script)
    assert transport.handle_request(request("POST", **token)).status_code == 200
    for status in (429, 408, 400, 401):
        script = Script(status, 200)
        transport, sleeps = make(script)
        assert transport.handle_request(request("POST", **token)).status_code == status
        assert sleeps == []


def test_per_request_max_retries() -> None:
    script = Script(503, 503, 503, 503, 200)
    transport, sleeps = make(script)
    assert transport.handle_request(request(**{EXT_MAX_RETRIES: 4})).status_code == 200
    assert len(sleeps) == 4
    script = Script(503, 200)
    transport, sleeps = make(script)
    assert transport.handle_request(request(**{EXT_MAX_RETRIES: 0})).status_code == 503
    assert sleeps == []


def test_retry_after_seconds_is_honoured() -> None:
    script = Script(429, 200, headers={"Retry-After": "3"})
    transport, sleeps = make(script)
    assert transport.handle_request(request()).status_code == 200
    assert sleeps == [3.0]


def test_retry_after_http_date_is_honoured() -> None:
    date = email.utils.formatdate(NOW + 12, usegmt=True)
    script = Script(503, 200, headers={"Retry-After": date})
    transport, sleeps = make(script)
    assert transport.handle_request(request()).status_code == 200
    assert sleeps == [12.0]


def test_retry_after_beyond_the_cap_fails_at_once() -> None:
    script = Script(429, 200, headers={"Retry-After": "3600"})
    transport, sleeps = make(script)
    response = transport.handle_request(request())
    assert response.status_code == 429
    assert response.extensions[EXT_RETRIES] == 0
    assert sleeps == []
    assert script.closed == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        ("0.5", 0.5),
        ("-3", 0.0),
        ("nan", None),
        ("soon", None),
        (None, None),
        (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),
        (email.utils.formatdate(NOW + 90, usegmt=True), 90.0),
        (email.utils.formatdate(NOW + 45), 45.0),  # "... -0000" is UTC, not local time
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_retries_are_logged_without_query_string(caplog: pytest.LogCaptureFixture) -> None:
    script = Script(503, 200)
    transport, _ = make(script)
    with caplog.at_level(logging.INFO, logger="moodhood"):
        transport.handle_request(request())
    assert "Retrying GET /v1/spaces" in caplog.text
    assert "SECRET-QUERY-VALUE" not in caplog.text
    assert "accessToken" not in caplog.text


def test_through_an_httpx_client() -> None:
    script = Script(502, 200)
    transport, _ = make(script)
    with httpx.Client(transport=transport) as client:
        assert client.get(URL).status_code == 200
    assert len(script.requests) == 2


def make_async(script: Script, *, max_retries: int = 2) -> tuple[AsyncRetryTransport, list[float]]:
    sleeps: list[float] = []

    async def sleep(delay: float) -> None:
        sleeps.append(delay)

    transport = AsyncRetryTransport(
        httpx.MockTransport(script),
        max_retries=max_retries,
        sleep=sleep,
        random=random.Random(7).random,
        now=lambda: NOW,
    )
    return transport, sleeps


async def test_async_schedule_matches_sync() -> None:
    script = Script(503, 502, 200)
    transport, sleeps = make_async(script)
    response = await transport.handle_async_request(request())
    assert response.status_code == 200
    rand = random.Random(7)
    r0, r1 = rand.random(), rand.random()
    assert sleeps == [0.25 + 0.25 * r0, 0.5 + 0.5 * r1]
    assert script.closed == [1, 2]


async def test_async_post_not_replayed_and_cap() -> None:
    script = Script(503, 200)
    transport, sleeps = make_async(script)
    assert (await transport.handle_async_request(request("POST"))).status_code == 503
    script = Script(429, 200, headers={"Retry-After": "61"})
    transport, sleeps = make_async(script)
    assert (await transport.handle_async_request(request())).status_code == 429
    assert sleeps == []


async def test_async_connect_errors_and_client() -> None:
    script = Script(httpx.ConnectError, 200)
    transport, sleeps = make_async(script)
    async with httpx.AsyncClient(transport=transport) as client:
        assert (await client.get(URL)).status_code == 200
    assert len(sleeps) == 1


def test_negative_max_retries_rejected() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_http_date_is_read_as_utc_whatever_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert parse_retry_after(email.utils.formatdate(NOW + 45), now=NOW) == 45.0
        assert parse_retry_after(email.utils.formatdate(NOW + 45, usegmt=True), now=NOW) == 45.0
    finally:
        monkeypatch.undo()
        time.tzset()
