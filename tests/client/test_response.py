"""Raw httpx responses → typed errors: every status code, bodies, message/code, request id, Retry-After."""

from __future__ import annotations

import httpx
import pytest

from moodhood import _exceptions as exc
from moodhood._response import (
    raise_for_status,
    read_body,
    redact,
    request_id,
    status_error,
    validation_error,
)

REQUEST = httpx.Request("GET", "https://api.example.test/v1/spaces/abc?accessToken=Q")


def response(status: int, **kwargs: object) -> httpx.Response:
    return httpx.Response(status, request=REQUEST, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (300, exc.APIStatusError),
        (302, exc.APIStatusError),
        (400, exc.BadRequestError),
        (401, exc.AuthenticationError),
        (403, exc.PermissionDeniedError),
        (404, exc.NotFoundError),
        (408, exc.APIStatusError),
        (409, exc.ConflictError),
        (418, exc.APIStatusError),
        (422, exc.UnprocessableEntityError),
        (429, exc.RateLimitError),
        (499, exc.APIStatusError),
        (500, exc.InternalServerError),
        (502, exc.InternalServerError),
        (503, exc.InternalServerError),
        (520, exc.InternalServerError),
        (599, exc.InternalServerError),
    ],
)
def test_status_table(status: int, cls: type[exc.APIStatusError]) -> None:
    with pytest.raises(exc.APIStatusError) as info:
        raise_for_status(response(status, json={"message": "nope", "code": "E42"}))
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.body == {"message": "nope", "code": "E42"}
    assert error.code == "E42"
    assert error.message.startswith(f"{status} ")
    assert error.message.endswith(": nope")
    assert error.request is REQUEST


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_success_does_not_raise(status: int) -> None:
    raise_for_status(response(status))


def test_non_iana_status_without_reason_phrase() -> None:
    error = status_error(response(520, text="<html>Web server is returning an unknown error</html>"))
    assert error.message == "520 Unknown Status: <html>Web server is returning an unknown error</html>"
    assert error.body == "<html>Web server is returning an unknown error</html>"
    assert error.code is None


def test_oauth_error_body() -> None:
    body = {"error": "invalid_grant", "error_description": "Invalid credentials"}
    error = status_error(response(400, json=body))
    assert isinstance(error, exc.BadRequestError)
    assert (error.code, error.message) == ("invalid_grant", "400 Bad Request: Invalid credentials")


def test_empty_body_and_numeric_code() -> None:
    error = status_error(response(404))
    assert (error.body, error.message, error.code) == (None, "404 Not Found", None)
    assert status_error(response(422, json={"code": 17})).code == "17"


def test_long_text_is_shortened_in_message_but_kept_in_body() -> None:
    text = "x" * 5000
    error = status_error(response(502, text=text))
    assert error.body == text
    assert len(error.message) < 260


@pytest.mark.parametrize("header", ["x-request-id", "request-id", "x-correlation-id"])
def test_request_id_headers(header: str) -> None:
    error = status_error(response(500, headers={header: "req-123"}))
    assert error.request_id == "req-123"
    assert request_id(httpx.Headers({})) is None


def test_rate_limit_error_carries_retry_after() -> None:
    error = status_error(response(429, headers={"Retry-After": "120"}))
    assert isinstance(error, exc.RateLimitError)
    assert error.retry_after == 120.0
    assert "retry after 120 s" in error.message
    assert status_error(response(429)).retry_after is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("status", [408, 502, 504])
def test_every_retried_status_names_a_wait_beyond_the_cap(status: int) -> None:
    """The retry transport returns any retryable status at once when its Retry-After exceeds the cap."""
    assert "retry after 3600 s" in status_error(response(status, headers={"Retry-After": "3600"})).message
    assert "retry after" not in status_error(response(404, headers={"Retry-After": "3600"})).message


def test_read_body_json_text_empty() -> None:
    assert read_body(response(200, json=[1, 2])) == [1, 2]
    assert read_body(response(200, text="https://cdn.example/r.mp4")) == "https://cdn.example/r.mp4"
    assert read_body(response(204)) is None


def test_validation_error_mentions_the_path_not_the_query() -> None:
    error = validation_error(response(200, json={"unexpected": True}), KeyError("id"))
    assert isinstance(error, exc.APIResponseValidationError)
    assert error.status_code == 200
    assert error.body == {"unexpected": True}
    assert "/v1/spaces/abc" in error.message
    assert "accessToken" not in error.message
    assert error.message.endswith("does not match the spec: missing field 'id'")


def test_validation_error_never_quotes_the_body() -> None:
    raw = response(200, json={"access_token": "tok-SECRET-1234567890", "token_type": 7})
    error = validation_error(raw, ValueError("'tok-SECRET-1234567890' is not a valid TokenType"))
    assert "SECRET" not in error.message and "SECRET" not in str(error) and "SECRET" not in repr(error)
    assert error.message.endswith(": ValueError")


@pytest.mark.parametrize(
    "cause",
    [
        TypeError("Room.isPublic: expected a boolean, got str"),
        TypeError("RoomJoinSettings.fields[]: expected a string, got int"),
        ValueError("Room.createdAt: expected an ISO 8601 date-time string, got a string that is not one"),
    ],
)
def test_validation_error_shows_the_models_line_for_a_wrong_type(cause: Exception) -> None:
    message = validation_error(response(200, json={}), cause).message
    assert message.endswith(f"does not match the spec: {cause}")


def test_validation_error_shows_no_other_message() -> None:
    for cause in (ValueError("expected 'tok-SECRET-1234567890'"), TypeError("x: expected a, got 'SECRET'")):
        assert validation_error(response(200, json={}), cause).message.endswith(f": {type(cause).__name__}")


def test_bodies_on_errors_are_redacted() -> None:
    bearer = "bearer-token-value-0123456789"
    request = httpx.Request(
        "GET", "https://api.example.test/v1/x", headers={"Authorization": f"Bearer {bearer}"}
    )
    echoed = httpx.Response(
        401, request=request, json={"message": f"bad token {bearer}", "code": "unauthorized"}
    )
    error = status_error(echoed)
    assert bearer not in str(error.body) and bearer not in error.message
    assert error.message == f"401 Unauthorized: bad token …{bearer[-4:]}"
    assert error.code == "unauthorized"

    token_body = {"access_token": "AT-0123456789abcdef", "refresh_token": "RT-0123456789abcdef", "x": 1}
    invalid = validation_error(httpx.Response(200, request=request, json=token_body), KeyError("token_type"))
    assert invalid.body == {"access_token": "…cdef", "refresh_token": "…cdef", "x": 1}


def test_redact_masks_keys_query_tokens_and_known_secrets() -> None:
    link = "https://edu.livedigital.space/room/abc?participantName=Ann&accessToken=eyJhbGciOi.payload.sig"
    value = {
        "url": link,
        "items": [{"secret": "whsec-0123456789abcdef", "signalingToken": "sig-0123456789abcdef"}],
        "note": "said known-secret-0123456789 twice: known-secret-0123456789",
        "count": 3,
    }
    assert redact(value, ("known-secret-0123456789",)) == {
        "url": "https://edu.livedigital.space/room/abc?participantName=Ann&accessToken=….sig",
        "items": [{"secret": "…cdef", "signalingToken": "…cdef"}],
        "note": "said …6789 twice: …6789",
        "count": 3,
    }


def test_secrets_sent_in_a_json_body_are_masked_when_echoed() -> None:
    sent = {"grant_type": "password", "password": "pw-0123456789abcd", "client_secret": "cs-0123456789wxyz"}
    request = httpx.Request("POST", "https://api.example.test/v1/auth/token", json=sent)
    echo = {"error": "invalid_grant", "error_description": "bad pw-0123456789abcd / cs-0123456789wxyz"}
    error = status_error(httpx.Response(400, request=request, json=echo))
    assert error.message == "400 Bad Request: bad …abcd / …wxyz"
    assert "0123456789" not in repr(error.body)
