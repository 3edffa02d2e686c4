"""Turning raw httpx responses into typed errors, and generated responses into their success value.

``status_error`` works from the raw ``httpx.Response`` alone, so any status code (499, 520, a 3xx) maps to an
``APIStatusError`` subclass, whatever the spec documents and whether or not ``http.HTTPStatus`` knows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Protocol, TypeVar, cast

import httpx

from moodhood._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    RateLimitError,
    _status_error_class,
)
from moodhood._retry import RETRY_STATUSES, parse_retry_after
from moodhood._secrets import mask

__all__ = [
    "REQUEST_ID_HEADERS",
    "GeneratedResponse",
    "raise_for_status",
    "read_body",
    "redact",
    "request_id",
    "sent_secrets",
    "status_error",
    "success_value",
    "validation_error",
]

_SENSITIVE_KEY = re.compile(r"token|secret|password|authorization", re.IGNORECASE)
_SENSITIVE_QUERY = re.compile(
    r"\b((?:access|refresh)_?token|token|secret|password)=([^&#\s\"'<>]+)", re.IGNORECASE
)
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-trace-id", "x-amzn-requestid")
_MAX_TEXT = 200

T_co = TypeVar("T_co", covariant=True)


class GeneratedResponse(Protocol[T_co]):
    """The part of ``moodhood_api.types.Response`` the facade relies on, *covariant* in the parsed type.

    The generated ``Response[T]`` is invariant; matching this protocol instead lets mypy solve
    ``Error | OAuthError | T`` against ``Error | Room`` (T = Room) in any context, ``object`` included.
    """

    @property
    def parsed(self) -> T_co | None: ...


def request_id(headers: Mapping[str, str]) -> str | None:
    """The first request-id style header present (``x-request-id`` and friends)."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


def sent_secrets(request: httpx.Request | None) -> tuple[str, ...]:
    """What the request carried that a server might echo back: its bearer token and, for a JSON body,
    the values under token/secret/password keys (``client_secret``, ``password`` on a token request)."""
    if request is None:
        return ()
    found: list[str] = []
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value:
        found.append(value)
    if isinstance(request.stream, httpx.ByteStream) and "json" in request.headers.get("content-type", ""):
        try:
            sent = json.loads(request.content)
        except ValueError:
            sent = None
        if isinstance(sent, dict):
            found += [
                v for k, v in sent.items() if isinstance(v, str) and v and _SENSITIVE_KEY.search(str(k))
            ]
    return tuple(sorted(set(found), key=len, reverse=True))


def redact(value: object, secrets: tuple[str, ...] = ()) -> object:
    """``value`` with secret-looking parts masked: values under token/secret/password keys, token query
    parameters inside strings (``accessToken=...``), and any of ``secrets`` wherever it appears."""
    if isinstance(value, dict):
        return {
            key: mask(item)
            if isinstance(item, str) and _SENSITIVE_KEY.search(str(key))
            else redact(item, secrets)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item, secrets) for item in value]
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, mask(secret))
        return _SENSITIVE_QUERY.sub(lambda m: f"{m.group(1)}={mask(m.group(2))}", value)
    return value


def _redact_item(key: str, item: object, secrets: tuple[str, ...]) -> object:
    if isinstance(item, str) and _SENSITIVE_KEY.search(key):
        return mask(item)
    return redact(item, secrets)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


def read_body(response: httpx.Response) -> object:
    """The body as parsed JSON when it is JSON, else its text (``None`` when empty), secrets masked.

    The raw bytes stay available as ``response.content`` for whoever really needs them.
    """
    content = response.content
    if not content:
        return None
    secrets = sent_secrets(_request_of(response))
    try:
        return redact(json.loads(content), secrets)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to parse or walk: its text
        return redact(response.text, secrets)


def _field(body: object, *names: str) -> str | None:
    if not isinstance(body, dict):
        return None
    for name in names:
        value = body.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            return str(value)
    return None


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= _MAX_TEXT else line[: _MAX_TEXT - 1] + "…"


def status_error(response: httpx.Response, *, now: float | None = None) -> APIStatusError:
    """The ``APIStatusError`` subclass for a non-2xx response, with body, message, code and request id.

    ``message`` and ``code`` come from MoodHood's ``{"message", "code"}`` body, or from an OAuth
    ``{"error", "error_description"}`` body; the response must have been read.
    """
    status = response.status_code
    body = read_body(response)
    reason = response.reason_phrase or httpx.codes.get_reason_phrase(status) or "Unknown Status"
    detail = _field(body, "message", "error_description", "error")
    if detail is None and isinstance(body, str):
        detail = _short(body) or None
    code = _field(body, "code", "error")
    message = f"{status} {reason}" + (f": {detail}" if detail else "")
    cls = _status_error_class(status)
    retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
    if retry_after is not None and status in RETRY_STATUSES:
        message += f" (retry after {retry_after:g} s)"
    error = cls(message, response=response, body=body, code=code, request_id=request_id(response.headers))
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after
    return error


def raise_for_status(response: httpx.Response) -> None:
    """Raise ``status_error(response)`` unless the status is 2xx; reads the body first if needed."""
    if response.is_success:
        return
    response.read()
    raise status_error(response)


def success_value(result: GeneratedResponse[T_co]) -> T_co:
    """The parsed success value of a generated ``Response`` to a 2xx answer.

    Every non-2xx was raised before the generated code saw it, so ``parsed`` is the success model, the text
    of a text body, or ``None`` for operations documented without a body (typed ``Any`` by the generator).
    """
    return cast(T_co, result.parsed)


# What the generated models raise for a wrong type: "Room.isPublic: expected a boolean, got str". Such a line
# names the model and the wire field, never the value (docs/models.md), so it may be shown.
_MODEL_TYPE_ERROR = re.compile(r"[A-Za-z_]\w*(?:\.\S+)?: expected [^:\n]+, got [\w ]+")


def _cause(cause: BaseException) -> str:
    """What went wrong, without echoing body values: a field name for a missing key, the models' own line for
    a wrong type, else the error type."""
    if isinstance(cause, KeyError) and cause.args and isinstance(cause.args[0], str):
        return f"missing field {cause.args[0]!r}"
    if isinstance(cause, TypeError | ValueError) and _MODEL_TYPE_ERROR.fullmatch(str(cause)):
        return str(cause)
    if type(cause).__name__ == "UnexpectedStatus":
        return "undocumented status"
    return type(cause).__name__


def validation_error(raw: httpx.Response, cause: BaseException) -> APIResponseValidationError:
    """An ``APIResponseValidationError`` for a 2xx ``raw`` response the generated code could not parse.

    The message names the operation's path and the kind of mismatch but never quotes the body, which may
    hold secrets (a token response, a webhook secret); the body itself is kept in ``.body``.
    """
    request = raw.request
    return APIResponseValidationError(
        f"{raw.status_code} response to {request.method} {request.url.path} does not match the spec: "
        f"{_cause(cause)}",
        response=raw,
        body=read_body(raw),
    )
