"""Reading and checking JSON request bodies; failures become 400/413/422 ``{message, code}``.

:class:`BodyLimit` caps every body: a ``Content-Length`` above the cap is answered 413 before a byte of the
body is read, and a chunked body is cut off with 413 as soon as it grows past the cap.
"""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moodhood.sandbox._errors import ApiError, api_error_response

__all__ = ["Body", "BodyLimit", "loads_strict", "read_body"]


def _too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "payload_too_large",
        f"The request body is larger than {limit} bytes",
        headers={"Connection": "close"},
    )


class BodyLimit:
    """ASGI middleware: 413 for a request body of more than ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.strip().isdigit() and int(value) > self.max_bytes:
                await api_error_response(_too_large(self.max_bytes))(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _too_large(self.max_bytes)
            return message

        await self.app(scope, limited, send)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _check_text(value: Any) -> None:
    """Raise ``ValueError`` for a key or string value with a lone surrogate: it could never be sent back."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("lone surrogate in a JSON string") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads_strict(raw: bytes) -> Any:
    """Parse JSON that the sandbox can store and echo: ``ValueError`` for anything else.

    Rejects what :func:`json.loads` lets through but cannot be answered with or compared later: ``NaN`` and
    ``Infinity``, numbers that overflow to infinity, strings with lone surrogates, and nesting deep enough
    to exhaust the recursion limit.
    """
    try:
        data = json.loads(raw, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    _check_text(data)
    return data


async def read_body(request: Request, *, allow_empty: bool = False) -> Body:
    """The request's JSON object, whatever the ``Content-Type`` (the docs send JSON as ``text/plain``).

    An empty body is ``{}`` when ``allow_empty``; otherwise, like invalid JSON, it is a 400. A body already
    parsed for this request (by the spec's validation) is not parsed again.
    """
    parsed = request.scope.get("moodhood.json_body")
    if isinstance(parsed, Body):
        return parsed
    raw = await request.body()
    if not raw.strip():
        if allow_empty:
            return Body({})
        raise ApiError(400, "invalid_body", "The request body must be a JSON object")
    try:
        data = loads_strict(raw)
    except ValueError:
        raise ApiError(400, "invalid_json", "The request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_body", "The request body must be a JSON object")
    body = Body(data)
    request.scope["moodhood.json_body"] = body
    return body


def _invalid(name: str, what: str) -> ApiError:
    return ApiError(422, "validation_error", f"'{name}' {what}")


class Body:
    """Typed access to the fields of a JSON object; wrong types and missing required fields are 422s."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def __contains__(self, name: str) -> bool:
        return name in self.data

    def _get(self, name: str, required: bool) -> Any:
        value = self.data.get(name)
        if value is None and required:
            raise _invalid(name, "is required")
        return value

    def text(
        self,
        name: str,
        *,
        required: bool = False,
        enum: tuple[str, ...] | None = None,
        non_empty: bool = False,
    ) -> str | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise _invalid(name, "must be a string")
        if (non_empty or required) and not value:
            raise _invalid(name, "must not be empty")
        if enum is not None and value not in enum:
            raise _invalid(name, "must be one of " + ", ".join(enum))
        return value

    def req_text(self, name: str, *, enum: tuple[str, ...] | None = None) -> str:
        value = self.text(name, required=True, enum=enum)
        assert value is not None
        return value

    def flag(self, name: str, *, required: bool = False) -> bool | None:
        value = self._get(name, required)
        if value is not None and not isinstance(value, bool):
            raise _invalid(name, "must be a boolean")
        return value

    def integer(self, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
        value = self._get(name, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _invalid(name, "must be an integer")
        if minimum is not None and value < minimum:
            raise _invalid(name, f"must be at least {minimum}")
        if maximum is not None and value > maximum:
            raise _invalid(name, f"must be at most {maximum}")
        return value
