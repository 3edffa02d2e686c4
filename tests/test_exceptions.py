"""The error tree: one class per status, any status code accepted."""

from __future__ import annotations

import httpx
import pytest

import moodhood._exceptions as exc


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, exc.BadRequestError),
        (401, exc.AuthenticationError),
        (403, exc.PermissionDeniedError),
        (404, exc.NotFoundError),
        (409, exc.ConflictError),
        (422, exc.UnprocessableEntityError),
        (429, exc.RateLimitError),
        (500, exc.InternalServerError),
        (503, exc.InternalServerError),
        (520, exc.InternalServerError),
        (499, exc.APIStatusError),
        (418, exc.APIStatusError),
    ],
)
def test_status_error_class(status: int, cls: type[exc.APIStatusError]) -> None:
    assert exc._status_error_class(status) is cls


def test_status_error_keeps_response_fields() -> None:
    request = httpx.Request("GET", "https://example.invalid/v1/spaces")
    response = httpx.Response(520, request=request)
    err = exc.APIStatusError("boom", response=response, body={"message": "boom"}, code="E1", request_id="r1")
    assert (err.status_code, err.code, err.request_id, err.request) == (520, "E1", "r1", request)
    assert repr(err) == "APIStatusError(status_code=520, message='boom')"


def test_webhook_verification_error_is_a_value_error() -> None:
    assert issubclass(exc.WebhookVerificationError, ValueError)
    assert issubclass(exc.WebhookVerificationError, exc.MoodhoodError)
