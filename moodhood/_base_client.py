"""The httpx layer under ``Moodhood`` and ``AsyncMoodhood``.

One request travels through::

    MoodhoodHTTPClient.send          per-call options, typed errors, logging (after auth, so 401s refresh)
      └─ httpx auth flow             MoodhoodAuth: bearer, token requests, one replay after a 401
          └─ RetryTransport          retries, Retry-After
              └─ ClientTransport     hands each attempt to an inner httpx client: ours (a pool honouring
                                     proxy/TLS environment variables) or the caller's ``http_client=``,
                                     with its own transport, mounts, proxies and event hooks untouched
                                     (without event hooks, straight to the transport it would pick)

Per-call options (``max_retries``, ``timeout``, ``retry_post``, ``deadline``) become one ``CallState`` in
``call_state`` (the one place that turns them into request settings, for ``call()`` and every typed resource
method); it travels in a context variable, ``send`` writes it into the request's extensions (and ``Accept``
for an operation answering another media type), and the auth flow copies the timeout onto its token
requests. The deadline bounds the whole call (token requests, retries and the body): ``send`` turns it into
an absolute time in a context variable; each attempt's timeouts are cut to what is left, and the response
body stops at it (a body trickled a byte at a time never times out per read).
"""

from __future__ import annotations

import contextvars
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from moodhood._config import (
    NOT_GIVEN,
    NotGiven,
    TimeoutTypes,
    check_max_retries,
    resolve_deadline,
    resolve_timeout,
)
from moodhood._exceptions import APIConnectionError, APITimeoutError
from moodhood._logging import log_failure, log_response
from moodhood._response import status_error
from moodhood._retry import EXT_MAX_RETRIES, EXT_RETRIES, EXT_RETRY_POST

__all__ = [
    "AsyncClientTransport",
    "AsyncMoodhoodHTTPClient",
    "AsyncPool",
    "CallState",
    "ClientTransport",
    "DeadlineExceeded",
    "MoodhoodHTTPClient",
    "WrongFlavourTransport",
    "call_scope",
    "call_state",
]


@dataclass(kw_only=True)
class CallState:
    """Options of one ``call()`` and the final raw response it received."""

    max_retries: int | None = None
    timeout: httpx.Timeout | None = None
    retry_post: bool = False
    accept: str | None = None
    deadline: float | NotGiven | None = NOT_GIVEN
    """Seconds for the whole call; ``None``: no deadline; ``NOT_GIVEN``: the client's."""
    response: httpx.Response | None = None

    def apply(self, request: httpx.Request) -> None:
        """Write the per-call options into ``request.extensions`` (and the ``Accept`` header)."""
        if self.accept is not None:
            request.headers["Accept"] = self.accept
        if self.timeout is not None:
            request.extensions["timeout"] = self.timeout.as_dict()
        if self.max_retries is not None:
            request.extensions[EXT_MAX_RETRIES] = self.max_retries
        if self.retry_post:
            request.extensions[EXT_RETRY_POST] = True


def call_state(
    *,
    max_retries: int | None = None,
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    retry_post: bool = False,
    accept: str | None = None,
    deadline: float | NotGiven | None = NOT_GIVEN,
) -> CallState:
    """The ``CallState`` for one call's options, checked (a bad value is a ``ValueError`` before any I/O).

    ``accept`` is the media type an operation answers when it is not JSON (set by the typed resources).
    ``deadline`` is the call's total seconds (``None``: none; ``NOT_GIVEN``: the client's).
    """
    if max_retries is not None:
        check_max_retries(max_retries)
    return CallState(
        max_retries=max_retries,
        timeout=None if isinstance(timeout, NotGiven) else resolve_timeout(timeout),
        retry_post=retry_post,
        accept=accept,
        deadline=deadline if isinstance(deadline, NotGiven) else resolve_deadline(deadline),
    )


_CALL: contextvars.ContextVar[CallState | None] = contextvars.ContextVar("moodhood_call", default=None)
_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "moodhood_deadline", default=None
)
"""(absolute ``time.monotonic()`` limit, the deadline in seconds) of the call being sent."""


class DeadlineExceeded(httpx.TimeoutException):
    """The call's total deadline passed (never retried: no time is left)."""


def _deadline_for(client_deadline: float | None, state: CallState | None) -> float | None:
    if state is None or isinstance(state.deadline, NotGiven):
        return client_deadline
    return state.deadline


def _start_deadline(seconds: float | None) -> contextvars.Token[tuple[float, float] | None] | None:
    if seconds is None:
        return None
    return _DEADLINE.set((time.monotonic() + seconds, seconds))


def _exceeded(request: httpx.Request, seconds: float) -> DeadlineExceeded:
    return DeadlineExceeded(f"the call's deadline of {seconds:g} s passed", request=request)


def _cut_timeouts(request: httpx.Request) -> tuple[float, float] | None:
    """Cut this attempt's timeouts to the time left before the deadline (raise when none is left)."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    at, seconds = deadline
    left = at - time.monotonic()
    if left <= 0:
        raise _exceeded(request, seconds)
    timeouts = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        phase: left if timeouts.get(phase) is None else min(timeouts[phase], left)
        for phase in ("connect", "read", "write", "pool")
    }
    return deadline


def _past(deadline: tuple[float, float]) -> bool:
    return time.monotonic() >= deadline[0] - 0.001


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that stops at the deadline, however slowly its bytes arrive."""

    def __init__(self, stream: httpx.SyncByteStream, request: httpx.Request, deadline: tuple[float, float]):
        self._stream, self._request, self._deadline = stream, request, deadline

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if _past(self._deadline):
                raise _exceeded(self._request, self._deadline[1])
            yield chunk

    def close(self) -> None:
        self._stream.close()


class _AsyncDeadlineStream(httpx.AsyncByteStream):
    """The async twin of ``_DeadlineStream``."""

    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request, deadline: tuple[float, float]):
        self._stream, self._request, self._deadline = stream, request, deadline

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            if _past(self._deadline):
                raise _exceeded(self._request, self._deadline[1])
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class call_scope:
    """``with call_scope(state):`` makes ``state`` the current call's options (per thread and asyncio task).

    A small class rather than ``@contextmanager``: it runs on every call, and this is cheaper.
    """

    __slots__ = ("_state", "_token")

    def __init__(self, state: CallState) -> None:
        self._state = state

    def __enter__(self) -> CallState:
        self._token = _CALL.set(self._state)
        return self._state

    def __exit__(self, *exc_info: object) -> None:
        _CALL.reset(self._token)


def _is_error(response: httpx.Response) -> bool:
    """Non-2xx, except a redirect that says where to go (``follow_redirects`` is off; the caller reads it)."""
    return not (response.is_success or response.is_redirect)


def _before(request: httpx.Request) -> CallState | None:
    state = _CALL.get()
    if state is not None:
        state.apply(request)
    return state


def _transport_error(request: httpx.Request, error: httpx.RequestError) -> APIConnectionError:
    """The typed error for an httpx request error: a timeout, a connection error, or a body that could
    not be decoded (a proxy's broken ``Content-Encoding``)."""
    if isinstance(error, DeadlineExceeded):
        return APITimeoutError(f"Request timed out: {error}.", request=request)
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(error).__name__}).", request=request)
    if isinstance(error, httpx.DecodingError):
        return APIConnectionError(
            f"The response body could not be decoded ({type(error).__name__}).", request=request
        )
    return APIConnectionError(f"Connection error ({type(error).__name__}).", request=request)


class MoodhoodHTTPClient(httpx.Client):
    """An ``httpx.Client`` whose ``send`` raises typed errors and logs; auth and retries sit below it."""

    deadline: float | None = None
    """The client's default total seconds per call (``None``: no deadline)."""

    def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        state = _before(request)
        start = time.perf_counter()
        token = _start_deadline(_deadline_for(self.deadline, state))
        try:
            response = super().send(request, stream=stream, auth=auth, follow_redirects=follow_redirects)
        except httpx.RequestError as error:
            log_failure(request, error, time.perf_counter() - start)
            raise _transport_error(request, error) from error
        finally:
            if token is not None:
                _DEADLINE.reset(token)
        log_response(request, response, time.perf_counter() - start, response.extensions.get(EXT_RETRIES, 0))
        if _is_error(response):
            try:
                response.read()
            except httpx.RequestError as error:
                raise _transport_error(request, error) from error
            finally:
                response.close()
            raise status_error(response)
        if state is not None:
            state.response = response
        return response


class AsyncMoodhoodHTTPClient(httpx.AsyncClient):
    """The async twin of ``MoodhoodHTTPClient``."""

    deadline: float | None = None

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        state = _before(request)
        start = time.perf_counter()
        token = _start_deadline(_deadline_for(self.deadline, state))
        try:
            response = await super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        except httpx.RequestError as error:
            log_failure(request, error, time.perf_counter() - start)
            raise _transport_error(request, error) from error
        finally:
            if token is not None:
                _DEADLINE.reset(token)
        log_response(request, response, time.perf_counter() - start, response.extensions.get(EXT_RETRIES, 0))
        if _is_error(response):
            try:
                await response.aread()
            except httpx.RequestError as error:
                raise _transport_error(request, error) from error
            finally:
                await response.aclose()
            raise status_error(response)
        if state is not None:
            state.response = response
        return response


def _detach(response: httpx.Response) -> httpx.Response:
    """A fresh response for the outer client to bind and decode: over the inner client's unread stream, or,
    when one of the caller's event hooks already read the body, over that (decoded) content."""
    if not response.is_stream_consumed:
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=response.stream,
            extensions=response.extensions,
        )
    headers = response.headers.copy()
    headers.pop("content-encoding", None)
    headers["content-length"] = str(len(response.content))
    return httpx.Response(
        response.status_code, headers=headers, content=response.content, extensions=response.extensions
    )


_PIPELINE = ("send", "_send_handling_auth", "_send_handling_redirects", "_send_single_request")
_COOKIE_HEADERS = frozenset({b"set-cookie", b"set-cookie2"})
_SYNC_PIPELINE = tuple(getattr(httpx.Client, name) for name in _PIPELINE)
_ASYNC_PIPELINE = tuple(getattr(httpx.AsyncClient, name) for name in _PIPELINE)


def _plain(
    client: httpx.Client | httpx.AsyncClient, request: httpx.Request, pipeline: tuple[Any, ...]
) -> bool:
    """Whether the inner client's ``send`` would only pick a transport (pool, proxy or mount) and call it.

    Not when it has event hooks, is closed, would add basic auth from credentials in the URL, or has a send
    pipeline changed by a subclass or a patch. Then the attempt can go straight to that transport, saving a
    second pass through httpx's pipeline (about 50 µs a call); the outer client binds and reads the response.
    """
    hooks = client.event_hooks
    if hooks["request"] or hooks["response"] or client.is_closed or request.url.userinfo:
        return False
    cls = type(client)
    send, auth, redirects, single = pipeline
    return (
        getattr(cls, "send", None) is send
        and getattr(cls, "_send_handling_auth", None) is auth
        and getattr(cls, "_send_handling_redirects", None) is redirects
        and getattr(cls, "_send_single_request", None) is single
        and hasattr(cls, "_transport_for_url")
    )


def _keep_cookies(
    client: httpx.Client | httpx.AsyncClient, request: httpx.Request, response: httpx.Response
) -> None:
    """Store cookies the response sets in the inner client's jar, as its own ``send`` would have."""
    for key, _ in response.headers.raw:
        if key.lower() in _COOKIE_HEADERS:
            response.request = request
            client.cookies.extract_cookies(response)
            return


class ClientTransport(httpx.BaseTransport):
    """Sends each attempt through an inner ``httpx.Client`` (its transport, mounts, proxies and hooks).

    When the inner client has no event hooks, the attempt goes straight to the transport it would pick
    (cookies set by the response still land in its jar). The inner client's own auth is not used (MoodHood
    auth runs above) and it does not follow redirects. ``close`` does nothing: whoever owns the inner
    client closes it.
    """

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = _cut_timeouts(request)
        try:
            response = self._attempt(request)
        except httpx.TimeoutException as error:
            if deadline is not None and _past(deadline):
                raise _exceeded(request, deadline[1]) from error
            raise
        if deadline is not None and isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _DeadlineStream(response.stream, request, deadline)
        return response

    def _attempt(self, request: httpx.Request) -> httpx.Response:
        if not _plain(self.client, request, _SYNC_PIPELINE):
            return _detach(self.client.send(request, stream=True, auth=None, follow_redirects=False))
        response = self.client._transport_for_url(request.url).handle_request(request)
        _keep_cookies(self.client, request, response)
        return response

    def close(self) -> None:
        pass


class AsyncPool:
    """The ``httpx.AsyncClient`` an ``AsyncMoodhood`` owns, renewed when the event loop it ran on closed.

    httpx's pooled connections belong to the loop that opened them: after ``asyncio.run`` returns, reusing
    one fails with ``RuntimeError: Event loop is closed``. So the first request on a new loop, once the
    previous loop is closed, gets a fresh client from ``factory`` (the old one's connections died with
    their loop and cannot be closed from another). ``with_options`` copies share one ``AsyncPool``.
    """

    __slots__ = ("_factory", "_lock", "_loop", "client")

    def __init__(self, factory: Callable[[], httpx.AsyncClient]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._loop: weakref.ref[Any] | None = None
        self.client = factory()

    def current(self) -> httpx.AsyncClient:
        """The client for the running event loop (the current one while its last loop is still open)."""
        import asyncio  # loaded already: this runs inside an async request

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # another async library (trio): no loop to follow
            return self.client
        last = None if self._loop is None else self._loop()
        if last is loop:
            return self.client
        with self._lock:
            last = None if self._loop is None else self._loop()
            if last is not loop:
                dead = last is None or last.is_closed()
                if self._loop is not None and dead and not self.client.is_closed:
                    self.client = self._factory()
                if dead:
                    self._loop = weakref.ref(loop)
            return self.client

    async def aclose(self) -> None:
        """Close the client of the running loop (one whose loop is closed cannot be closed any more)."""
        await self.current().aclose()


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """The async twin of ``ClientTransport``, over an ``httpx.AsyncClient`` or the ``AsyncPool`` we own."""

    def __init__(self, client: httpx.AsyncClient | AsyncPool) -> None:
        self._pool = client if isinstance(client, AsyncPool) else None
        self._client = client.client if isinstance(client, AsyncPool) else client

    @property
    def client(self) -> httpx.AsyncClient:
        """The inner client attempts go through."""
        return self._client if self._pool is None else self._pool.client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        deadline = _cut_timeouts(request)
        try:
            response = await self._attempt(request)
        except httpx.TimeoutException as error:
            if deadline is not None and _past(deadline):
                raise _exceeded(request, deadline[1]) from error
            raise
        if deadline is not None and isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _AsyncDeadlineStream(response.stream, request, deadline)
        return response

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        client = self._client if self._pool is None else self._pool.current()
        if not _plain(client, request, _ASYNC_PIPELINE):
            return _detach(await client.send(request, stream=True, auth=None, follow_redirects=False))
        response = await client._transport_for_url(request.url).handle_async_request(request)
        _keep_cookies(client, request, response)
        return response

    async def aclose(self) -> None:
        pass


class WrongFlavourTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Fills the generated client's unused slot: a sync function on an async facade, or the reverse."""

    def __init__(self, hint: str) -> None:
        self.hint = hint

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise TypeError(self.hint)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise TypeError(self.hint)
