"""Token requests and answers: building the request, reading at most 64 KiB of its answer, parsing it. No I/O.

- A token request goes to the token URL only, with ``Accept: application/json``, the client's
  ``User-Agent`` and default headers (never their ``Authorization``), and is marked with
  ``extensions["moodhood.token_request"]`` and ``extensions["moodhood.token_url"]``; the retry transport
  refuses to send it anywhere else and never lets it be redirected (``moodhood._retry``).
- A 3xx answer is a ``TokenError`` naming the status and the ``Location`` host: credentials never follow a
  redirect.
- An answer over 64 KiB (decoded) is refused without decoding the rest: ``CappedBody`` inflates gzip and
  deflate itself, with a bound on the output of every chunk.
- Exceptions carry ``public_request``: the token request without its body and with its bearer masked.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import Any

import httpx

from moodhood._exceptions import APIConnectionError, APITimeoutError, MoodhoodError, TokenError
from moodhood._response import sent_secrets
from moodhood._retry import EXT_TOKEN_FAILURE, EXT_TOKEN_REDIRECT, EXT_TOKEN_REQUEST, EXT_TOKEN_URL
from moodhood._secrets import mask
from moodhood._tokens import Token

from ._grants import Grant, Masked

__all__ = [
    "MAX_TOKEN_RESPONSE",
    "CappedBody",
    "lost_response",
    "parse",
    "public_request",
    "token_headers",
    "token_request",
]

MAX_TOKEN_RESPONSE = 64 * 1024
"""The largest token response body (decoded) that is read; a larger one is a ``TokenError``."""

_BEARER_CHARS = re.compile(r"[\x21-\x7e]+")
_NOT_FORWARDED = frozenset(
    {"authorization", "cookie", "content-type", "content-length", "host", "transfer-encoding", "accept"}
)
_UNSET: Any = object()


def token_headers(defaults: httpx.Headers | None) -> httpx.Headers:
    """The headers of every token request: the client's defaults without ``Authorization`` (or cookies and
    body headers), ``Accept: application/json``, and only the encodings ``CappedBody`` can bound."""
    items = [] if defaults is None else defaults.multi_items()
    headers = httpx.Headers([(k, v) for k, v in items if k.lower() not in _NOT_FORWARDED])
    headers["Accept"] = "application/json"
    headers["Accept-Encoding"] = "gzip, deflate"
    return headers


def token_request(
    grant: Grant, url: httpx.URL, headers: httpx.Headers, api_request: httpx.Request | None
) -> httpx.Request:
    """The ``POST`` of ``grant`` to the token URL (with the API request's timeout, and its
    ``User-Agent`` when the client's default headers are not known)."""
    sent = Masked(headers.items())
    if api_request is not None and "user-agent" not in headers and "user-agent" in api_request.headers:
        sent["User-Agent"] = api_request.headers["user-agent"]
    if grant.bearer is not None:
        sent["Authorization"] = f"Bearer {grant.bearer.value}"
    extensions: dict[str, Any] = {EXT_TOKEN_REQUEST: True, EXT_TOKEN_URL: str(url)}
    if api_request is not None and "timeout" in api_request.extensions:
        extensions["timeout"] = api_request.extensions["timeout"]
    return httpx.Request("POST", url, json=grant.body, headers=sent, extensions=extensions)


def public_request(request: httpx.Request) -> httpx.Request:
    """What an exception may keep of a token request: method, URL and headers, bearer masked, no body."""
    headers = {
        k: (f"Bearer ...{v[-4:]}" if k.lower() == "authorization" else v) for k, v in request.headers.items()
    }
    headers.pop("content-length", None)
    return httpx.Request(request.method, request.url, headers=headers)


class CappedBody:
    """Decodes a token response body chunk by chunk and refuses it once it exceeds ``MAX_TOKEN_RESPONSE``.

    gzip and deflate are inflated here with a bound on each chunk's output (``zlib``'s ``max_length``), so a
    compression bomb costs at most the cap; identity bodies are counted as they come.
    """

    def __init__(self, response: httpx.Response, request: httpx.Request, grant_type: str) -> None:
        self._grant_type = grant_type
        self._status = response.status_code
        self._request = request
        self._parts: list[bytes] = []
        self._size = 0
        self.streaming = not hasattr(response, "_content")
        """``False`` when the body was read already (a mock's response, a hook that read it): then only
        its size is checked."""
        if not self.streaming:
            if len(response.content) > MAX_TOKEN_RESPONSE:
                raise self._error(f"a body over {MAX_TOKEN_RESPONSE // 1024} KiB")
            self._inflate = None
            return
        codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise self._error(f"an encoding it was not asked for ({', '.join(codings)})")
        self._coding = codings[0] if codings else None
        wbits = zlib.MAX_WBITS | 16 if self._coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._inflate = zlib.decompressobj(wbits) if self._coding else None

    def _error(self, what: str) -> TokenError:
        return TokenError(
            f"The token endpoint answered the {self._grant_type} grant with HTTP {self._status} and {what}; "
            "refused",
            status_code=self._status,
            request=public_request(self._request),
        )

    def feed(self, chunk: bytes) -> None:
        """Add a raw (still encoded) chunk; ``TokenError`` once the decoded body passes the cap."""
        room = MAX_TOKEN_RESPONSE - self._size
        if self._inflate is not None:
            try:
                chunk = self._inflate.decompress(chunk, room + 1)
            except zlib.error:
                if self._coding != "deflate" or self._size or self._parts:
                    raise self._error("a body that does not decode") from None
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # deflate without the zlib header
                chunk = self._inflate.decompress(chunk, room + 1)
        if len(chunk) > room:
            raise self._error(f"a body over {MAX_TOKEN_RESPONSE // 1024} KiB")
        self._size += len(chunk)
        self._parts.append(chunk)

    def close(self, response: httpx.Response) -> None:
        """Put the decoded body on ``response`` (whose stream is consumed) so ``response.content`` has it."""
        if self.streaming:
            response._content = b"".join(self._parts)


def lost_response(request: httpx.Request | None, context: BaseException | None) -> MoodhoodError | None:
    """What waiters share when the leader's token request got no response; ``None``: it was abandoned
    (a cancelled task), and the waiters elect a new leader.

    The retry transport records the final transport error on the request (``moodhood.token_failure``);
    without it (an ``httpx`` client not built by moodhood), ``context`` (the error being handled when the
    flow was closed) is used.
    """
    failure = None if request is None else request.extensions.get(EXT_TOKEN_FAILURE)
    if failure is None and request is not None:
        failure = context
    if isinstance(failure, MoodhoodError):
        return failure
    if isinstance(failure, httpx.TimeoutException):
        return APITimeoutError("The token request timed out.")
    if isinstance(failure, httpx.TransportError):
        return APIConnectionError(f"The token request failed: {type(failure).__name__}.")
    return None


def _redact(text: str, limit: int, request: httpx.Request, known: Callable[[], tuple[str, ...]]) -> str:
    """``text`` with every secret we hold or sent in ``request`` masked (bearer, refresh token, ...)."""
    for secret in sorted({*known(), *sent_secrets(request)}, key=len, reverse=True):
        text = text.replace(secret, mask(secret))
    return text if len(text) <= limit else text[:limit] + "…"


def _answered(response: httpx.Response, sent: httpx.Request) -> httpx.Request:
    """The request ``response`` answers: ``sent``, or its redirected copy when a client followed one."""
    try:
        return response.request
    except RuntimeError:  # a response built by hand (a test driving the flow)
        return sent


def _redirect(
    response: httpx.Response, request: httpx.Request, grant_type: str, url: httpx.URL
) -> TokenError:
    location = response.extensions.get(EXT_TOKEN_REDIRECT) or response.headers.get("location", "")
    try:
        target = url.join(location) if location else None
    except httpx.InvalidURL:
        target = None
    where = f"to {target.host!r}" if target is not None and target.host else "without a usable Location"
    message = (
        f"The token endpoint answered the {grant_type} grant with HTTP {response.status_code}, a redirect "
        f"{where}; token requests never follow redirects"
    )
    if target is not None and target.scheme == "https" and target.host:
        path = target.path.removesuffix("/").removesuffix("/auth/token") or ""
        suggested = target.copy_with(path=path or "/", query=None, fragment=None)
        message += f" (if the API moved, pass base_url={str(suggested).rstrip('/')!r})"
    return TokenError(message, status_code=response.status_code, request=public_request(request))


def parse(
    response: httpx.Response,
    request: httpx.Request,
    grant_type: str,
    sent_at: float,
    url: httpx.URL,
    known: Callable[[], tuple[str, ...]],
) -> tuple[Token, Token | None]:
    """The access and refresh tokens of a read token response, or a ``TokenError``.

    The parsed body lives in a ``Masked`` dict and no raw value is bound to a local when an error is
    raised, so a traceback rendered with local variables shows no token and no echoed secret. ``request``
    is the token request sent; ``known()`` the secrets to mask if the server echoes them (a function, so
    that no frame holds them).
    """
    status = response.status_code
    sent = public_request(request)
    if 300 <= status < 400 or _answered(response, request).url != url:  # the latter: a redirect followed
        raise _redirect(response, request, grant_type, url)
    content_type = response.headers.get("content-type", "").split(";")[0].strip() or "no content type"
    try:
        parsed: object = response.json()
    except (ValueError, UnicodeDecodeError, RecursionError):
        parsed = _UNSET
    shape = "not JSON" if parsed is _UNSET else None if isinstance(parsed, dict) else "JSON but not an object"
    data = Masked(parsed) if isinstance(parsed, dict) else Masked()
    del parsed
    error = _redact(data["error"], 100, request, known) if isinstance(data.get("error"), str) else None
    description = (
        _redact(data["error_description"], 300, request, known)
        if isinstance(data.get("error_description"), str)
        else None
    )
    if not 200 <= status < 300 or error is not None:
        message = f"The token endpoint refused the {grant_type} grant: HTTP {status}"
        if error:
            message += f" {error}"
        if description:
            message += f": {description}"
        if shape == "not JSON":
            message += f" (the answer is not JSON: {content_type})"
        raise TokenError(
            message, error=error, error_description=description, status_code=status, request=sent
        )
    if shape is not None:
        raise TokenError(
            f"The token endpoint answered the {grant_type} grant with HTTP {status} and a body that is "
            f"{shape} ({content_type}), not a token",
            status_code=status,
            request=sent,
        )
    if not isinstance(data.get("access_token"), str) or not data["access_token"]:
        raise TokenError(
            f"The token endpoint answered the {grant_type} grant with HTTP {status} but no access_token",
            status_code=status,
            request=sent,
        )
    if not _BEARER_CHARS.fullmatch(data["access_token"]):
        raise TokenError(
            f"The token endpoint answered the {grant_type} grant with an access_token that is not a "
            "usable bearer token (it holds spaces, control or non-ASCII characters)",
            status_code=status,
            request=sent,
        )
    refresh = None
    if isinstance(data.get("refresh_token"), str) and _BEARER_CHARS.fullmatch(data["refresh_token"]):
        refresh = Token.from_response(data["refresh_token"], sent_at=sent_at)
    access = Token.from_response(data["access_token"], sent_at=sent_at, expires_in=data.get("expires_in"))
    return access, refresh
