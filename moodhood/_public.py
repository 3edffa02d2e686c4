"""Public copies of requests and responses: what an exception may carry out of the process (a pickle, an
error tracker), with no secret in it.

A request keeps its method, URL (token query parameters masked) and headers (``Authorization`` and
cookies masked), never its body; a response keeps its status, headers (cookies masked) and its body with
secret-looking values masked (``moodhood._response.redact``), never its ``history``.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from moodhood._response import read_body, redact

__all__ = ["public_request", "public_response", "public_state"]

_MASKED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def _headers(headers: httpx.Headers) -> list[tuple[str, str]]:
    return [(k, f"...{v[-4:]}" if k.lower() in _MASKED_HEADERS else v) for k, v in headers.multi_items()]


def public_request(request: httpx.Request) -> httpx.Request:
    """``request`` without its body, its bearer, cookies and token query parameters masked."""
    headers = [(k, v) for k, v in _headers(request.headers) if k.lower() != "content-length"]
    url = str(redact(str(request.url)))
    return httpx.Request(request.method, url, headers=headers, extensions={})


def public_response(response: httpx.Response) -> httpx.Response:
    """``response`` with its body's secrets masked, no history, and ``public_request`` as its request."""
    body = read_body(response) if hasattr(response, "_content") else None
    content = b"" if body is None else (body if isinstance(body, str) else json.dumps(body)).encode()
    headers = [
        (k, v)
        for k, v in _headers(response.headers)
        if k.lower() not in ("content-length", "content-encoding")
    ]
    try:
        request: httpx.Request | None = public_request(response.request)
    except RuntimeError:  # a response built without a request
        request = None
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)


def public_state(state: dict[str, Any]) -> dict[str, Any]:
    """An exception's ``__dict__`` for pickling: its request and response replaced by public copies."""
    public = dict(state)
    if isinstance(public.get("request"), httpx.Request):
        public["request"] = public_request(public["request"])
    if isinstance(public.get("response"), httpx.Response):
        public["response"] = public_response(public["response"])
    return public
