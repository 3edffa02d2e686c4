"""Retries as an httpx transport wrapper: ``RetryTransport`` and ``AsyncRetryTransport``.

What is retried (``max_retries`` times at most, 2 by default):

- a connection that could not be made (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``): the request
  never left, so every method is retried, POST included;
- other transport errors (read/write errors and timeouts, a dropped connection) and the statuses 408, 429,
  502, 503 and 504, for idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS, TRACE). A POST is
  replayed only when the request carries ``extensions["moodhood.retry_post"] = True``;
- token requests (``extensions["moodhood.token_request"] = True``): transport errors and any 5xx.

Token requests are also guarded here, below any redirect handling: one whose URL is not its
``extensions["moodhood.token_url"]`` (a redirected copy) is refused before it is sent, a 3xx answer loses
its ``Location`` header (kept in ``extensions["moodhood.token_redirect"]``) so that no client follows it,
whatever ``follow_redirects`` says, and the final transport error is kept in
``extensions["moodhood.token_failure"]`` for the callers waiting on that renewal.

The wait before retry ``n`` (0-based) is ``min(initial_delay * 2**n, max_delay)`` with jitter (``"equal"``:
half fixed, half random; ``"full"``: all random). A ``Retry-After`` header (seconds or an HTTP date) replaces
it when it is at most ``max_retry_after``; beyond that cap the response is returned at once, so the caller
sees the error (with the wait) instead of hanging. Retried responses are closed before the wait.

Per request, ``extensions["moodhood.max_retries"]`` overrides ``max_retries``. The transport writes the number
of retries it made into the final response's ``extensions["moodhood.retries"]``.
"""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

import httpx

from moodhood._exceptions import TokenError
from moodhood._logging import log_retry

__all__ = [
    "EXT_MAX_RETRIES",
    "EXT_RETRIES",
    "EXT_RETRY_POST",
    "EXT_TOKEN_FAILURE",
    "EXT_TOKEN_REDIRECT",
    "EXT_TOKEN_REQUEST",
    "EXT_TOKEN_URL",
    "IDEMPOTENT_METHODS",
    "RETRY_STATUSES",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "parse_retry_after",
]

EXT_MAX_RETRIES = "moodhood.max_retries"
EXT_RETRY_POST = "moodhood.retry_post"
EXT_TOKEN_REQUEST = "moodhood.token_request"
EXT_TOKEN_URL = "moodhood.token_url"
EXT_TOKEN_REDIRECT = "moodhood.token_redirect"
EXT_TOKEN_FAILURE = "moodhood.token_failure"
EXT_RETRIES = "moodhood.retries"

RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})

_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT_ERRORS = (
    *_NOT_SENT_ERRORS,
    httpx.ReadError,
    httpx.WriteError,
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.RemoteProtocolError,
)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta seconds or an HTTP date), ``None`` if unusable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": UTC, per RFC 5322
        when = when.replace(tzinfo=datetime.UTC)
    current = time.time() if now is None else now
    return max(when.timestamp() - current, 0.0)


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """When and how long to wait before retrying; shared by the sync and async transports."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: Literal["full", "equal"] = "equal"

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")

    def retries_for(self, request: httpx.Request) -> int:
        """The retry budget of one request: its ``moodhood.max_retries`` extension or the policy's."""
        value = request.extensions.get(EXT_MAX_RETRIES)
        return self.max_retries if value is None else max(int(value), 0)

    def backoff(self, retry_index: int, rand: float) -> float:
        """The jittered exponential wait before retry ``retry_index`` (0-based); ``rand`` is in [0, 1)."""
        base = min(self.initial_delay * 2.0 ** min(retry_index, 64), self.max_delay)
        if self.jitter == "full":
            return base * rand
        return base / 2 + base / 2 * rand

    def can_retry_error(self, request: httpx.Request, error: Exception) -> bool:
        """Whether a transport error on ``request`` may be retried."""
        if isinstance(error, _NOT_SENT_ERRORS):
            return _replayable(request)
        return isinstance(error, _TRANSIENT_ERRORS) and _safe_to_replay(request)

    def can_retry_status(self, request: httpx.Request, status_code: int) -> bool:
        """Whether a response with ``status_code`` to ``request`` may be retried."""
        if request.extensions.get(EXT_TOKEN_REQUEST):
            return 500 <= status_code <= 599 and _replayable(request)
        return status_code in RETRY_STATUSES and _safe_to_replay(request)

    def delay_for_response(
        self, response: httpx.Response, retry_index: int, rand: float, now: float
    ) -> float | None:
        """The wait before retrying ``response``; ``None`` when ``Retry-After`` exceeds the cap."""
        retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
        if retry_after is None:
            return self.backoff(retry_index, rand)
        if retry_after > self.max_retry_after:
            return None
        return retry_after


def _replayable(request: httpx.Request) -> bool:
    """A request whose body can be sent again (every body httpx builds from bytes, JSON, form or text)."""
    return isinstance(request.stream, httpx.ByteStream)


def _safe_to_replay(request: httpx.Request) -> bool:
    if not _replayable(request):
        return False
    if request.method in IDEMPOTENT_METHODS:
        return True
    return bool(request.extensions.get(EXT_TOKEN_REQUEST) or request.extensions.get(EXT_RETRY_POST))


async def _sleep(seconds: float) -> None:
    """``anyio.sleep`` (asyncio and trio), imported at the first async retry, not by ``import moodhood``."""
    import anyio

    await anyio.sleep(seconds)


def _mark(request: httpx.Request, response: httpx.Response, retries: int) -> httpx.Response:
    response.extensions[EXT_RETRIES] = retries
    if 300 <= response.status_code < 400 and request.extensions.get(EXT_TOKEN_REQUEST):
        return _unredirect(request, response)
    return response


def _check_token_url(request: httpx.Request) -> None:
    """Refuse a token request (a redirected copy) bound anywhere but its token URL: it carries secrets."""
    url = request.extensions.get(EXT_TOKEN_URL)
    if url is not None and request.extensions.get(EXT_TOKEN_REQUEST) and str(request.url) != url:
        error = TokenError(
            f"refusing to send a token request to {request.url.host!r}: token requests go to the token "
            "URL only, never through a redirect",
            request=httpx.Request(request.method, request.url),
        )
        request.extensions[EXT_TOKEN_FAILURE] = error
        raise error


def _unredirect(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """A token response without ``Location`` (kept in an extension), so no client follows it."""
    headers = response.headers.copy()
    location = headers.pop("location", None)
    extensions = {**response.extensions, EXT_TOKEN_REDIRECT: location}
    return httpx.Response(
        response.status_code,
        headers=headers,
        stream=response.stream,
        request=request,
        extensions=extensions,
    )


def _failed(request: httpx.Request, error: Exception) -> None:
    if request.extensions.get(EXT_TOKEN_REQUEST):
        request.extensions[EXT_TOKEN_FAILURE] = error


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and retries transient failures (see the module docstring for the rules).

    ``sleep``, ``random`` and ``now`` are injectable so tests run the schedule without waiting.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport,
        *,
        policy: RetryPolicy | None = None,
        max_retries: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
        random: Callable[[], float] = random.random,
        now: Callable[[], float] = time.time,
    ) -> None:
        policy = policy or RetryPolicy()
        if max_retries is not None:
            policy = dataclasses.replace(policy, max_retries=max_retries)
        self.transport = transport
        self.policy = policy
        self._sleep = sleep
        self._random = random
        self._now = now

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _check_token_url(request)
        budget = self.policy.retries_for(request)
        retry = 0
        while True:
            try:
                response = self.transport.handle_request(request)
            except httpx.TransportError as error:
                if retry >= budget or not self.policy.can_retry_error(request, error):
                    _failed(request, error)
                    raise
                delay = self.policy.backoff(retry, self._random())
                log_retry(request, retry + 1, budget, delay, reason=type(error).__name__)
            else:
                if retry >= budget or not self.policy.can_retry_status(request, response.status_code):
                    return _mark(request, response, retry)
                wait = self.policy.delay_for_response(response, retry, self._random(), self._now())
                if wait is None:
                    return _mark(request, response, retry)
                response.close()
                delay = wait
                log_retry(request, retry + 1, budget, delay, reason=str(response.status_code))
            self._sleep(delay)
            retry += 1

    def close(self) -> None:
        self.transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``; ``sleep`` defaults to ``anyio.sleep`` (asyncio and trio)."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        *,
        policy: RetryPolicy | None = None,
        max_retries: int | None = None,
        sleep: Callable[[float], Awaitable[None]] = _sleep,
        random: Callable[[], float] = random.random,
        now: Callable[[], float] = time.time,
    ) -> None:
        policy = policy or RetryPolicy()
        if max_retries is not None:
            policy = dataclasses.replace(policy, max_retries=max_retries)
        self.transport = transport
        self.policy = policy
        self._sleep = sleep
        self._random = random
        self._now = now

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _check_token_url(request)
        budget = self.policy.retries_for(request)
        retry = 0
        while True:
            try:
                response = await self.transport.handle_async_request(request)
            except httpx.TransportError as error:
                if retry >= budget or not self.policy.can_retry_error(request, error):
                    _failed(request, error)
                    raise
                delay = self.policy.backoff(retry, self._random())
                log_retry(request, retry + 1, budget, delay, reason=type(error).__name__)
            else:
                if retry >= budget or not self.policy.can_retry_status(request, response.status_code):
                    return _mark(request, response, retry)
                wait = self.policy.delay_for_response(response, retry, self._random(), self._now())
                if wait is None:
                    return _mark(request, response, retry)
                await response.aclose()
                delay = wait
                log_retry(request, retry + 1, budget, delay, reason=str(response.status_code))
            await self._sleep(delay)
            retry += 1

    async def aclose(self) -> None:
        await self.transport.aclose()
