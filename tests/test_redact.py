"""The log filter on httpx's and httpcore's loggers masks headers, token query values and JWTs."""

from __future__ import annotations

import logging

import httpx
import pytest

import moodhood  # noqa: F401  (importing the SDK installs the filter)
from moodhood._redact import REDACTED_LOGGERS, RedactingFilter, redact

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.ZmFrZS0xMjM0"


def test_header_values_are_masked() -> None:
    line = (
        "receive_response_headers.complete return_value=(b'HTTP/1.1', 200, b'OK', "
        "[(b'Set-Cookie', b'refreshToken=CANARY-COOKIE-VALUE-9876; Path=/'), (b'content-type', b'json')])"
    )
    out = redact(line)
    assert "CANARY-COOKIE" not in out
    assert "(b'Set-Cookie', b'…th=/')" in out
    assert "(b'content-type', b'json')" in out


@pytest.mark.parametrize("name", ["accessToken", "refreshToken", "access_token", "token"])
def test_token_query_values_are_masked(name: str) -> None:
    out = redact(f'HTTP Request: GET https://h/room/x?participantName=Ann&{name}=SECRETVALUE-abcd "200 OK"')
    assert "SECRETVALUE" not in out and f"{name}=…abcd" in out and "participantName=Ann" in out


def test_jwts_keep_their_last_four_characters() -> None:
    assert redact(f"token {JWT} end") == "token …MjM0 end"


def test_filter_rewrites_formatted_records_and_keeps_them() -> None:
    record = logging.LogRecord("httpcore.http11", logging.DEBUG, __file__, 1, "value %s", (JWT,), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "value …MjM0"


def test_installed_on_httpx_and_httpcore_loggers() -> None:
    for name in REDACTED_LOGGERS:
        assert any(isinstance(f, RedactingFilter) for f in logging.getLogger(name).filters), name


def test_httpx_request_log_is_masked(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with httpx.Client(transport=transport) as client:
        client.get("https://example.invalid/v1/x", params={"accessToken": JWT})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "HTTP Request" in text and JWT not in text and "accessToken=…MjM0" in text
