"""``MoodhoodAuth``: the httpx adapter. Its sync and async drivers run the same core flow (``_flow``) and
differ only in how they send, read and wait (the table in ``_steps``)."""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any

import httpx

from moodhood._credentials import Credentials
from moodhood._exceptions import InsecureTransportError
from moodhood._net import is_loopback
from moodhood._retry import EXT_TOKEN_REQUEST
from moodhood._store import MemoryTokenStore, TokenKey, TokenStore
from moodhood._tokens import Token

from ._exchange import CappedBody, token_headers
from ._flow import AuthCore, Flow
from ._state import TokenEvent
from ._steps import Call, Discard, Exchange, Send, Wait

__all__ = ["TOKEN_REQUEST_EXTENSION", "MoodhoodAuth"]

TOKEN_REQUEST_EXTENSION = EXT_TOKEN_REQUEST
"""The ``request.extensions`` key set to ``True`` on every token request the auth flow yields."""


def _read(response: httpx.Response, body: CappedBody) -> None:
    """Read a token response through ``body`` (64 KiB at most) and close it."""
    try:
        for chunk in response.iter_raw() if body.streaming else ():
            body.feed(chunk)
    finally:
        response.close()
    body.close(response)


async def _aread(response: httpx.Response, body: CappedBody) -> None:
    """The async twin of ``_read``."""
    try:
        if body.streaming:
            async for chunk in response.aiter_raw():
                body.feed(chunk)
    finally:
        await response.aclose()
    body.close(response)


class MoodhoodAuth(httpx.Auth):
    """MoodHood authentication for ``httpx.Client`` and ``httpx.AsyncClient`` (one instance serves both).

    ``token_url`` is the absolute URL of ``POST /auth/token``. ``store`` keeps tokens (in memory by
    default); ``on_token`` is called with a ``TokenEvent`` for every new or rotated token. ``clock`` is the
    monotonic clock lifetimes are counted on and ``wall_clock`` the clock for stored expiries.
    ``refresh_margin`` is how long before expiry a token is renewed (at most half its lifetime).
    ``headers`` are the client's default headers, sent on token requests too (never their
    ``Authorization``); without them a token request carries the API request's ``User-Agent``.
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        token_url: str | httpx.URL,
        store: TokenStore | None = None,
        on_token: Callable[[TokenEvent], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        refresh_margin: float = 300.0,
        allow_insecure_http: bool = False,
        headers: httpx.Headers | None = None,
    ) -> None:
        url = httpx.URL(token_url)
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(f"token_url must be an absolute http(s) URL, not {str(url)!r}")
        margin = float(refresh_margin)
        if not margin >= 0:
            raise ValueError(f"refresh_margin must be a number of seconds >= 0, not {refresh_margin!r}")
        self._credentials = credentials
        self._allow_insecure = allow_insecure_http
        if credentials.mode != "personal":
            self._check_secure(url, "a client secret")
        self._personal = None if credentials.token is None else f"Bearer {credentials.token}"
        self._core = AuthCore(
            credentials,
            token_url=url,
            token_headers=token_headers(headers),
            store=MemoryTokenStore() if store is None else store,
            on_token=on_token,
            clock=clock,
            wall_clock=wall_clock,
            margin=margin,
        )
        self._flights = self._core.flights

    # -- public read-only view ------------------------------------------------------------------------

    @property
    def credentials(self) -> Credentials:
        """The credentials this auth uses."""
        return self._credentials

    @property
    def token_url(self) -> httpx.URL:
        """The token endpoint."""
        return self._core.token_url

    @property
    def client_token(self) -> Token | None:
        """The cached client token, if any."""
        return self._flights.state.client

    @property
    def user_token(self) -> Token | None:
        """The cached user access token, if any."""
        return self._flights.state.user

    @property
    def refresh_token(self) -> Token | None:
        """The cached user refresh token, if any (used e.g. for iFrame background login links)."""
        return self._flights.state.refresh

    def _key(self, username: str | None) -> TokenKey:
        return self._core.key(username)

    def __repr__(self) -> str:
        return f"MoodhoodAuth({self._credentials!r}, token_url={str(self._core.token_url)!r})"

    __str__ = __repr__

    # -- the two drivers ------------------------------------------------------------------------------

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The sync flow (httpx calls ``sync_auth_flow`` / ``async_auth_flow`` directly)."""
        yield from self.sync_auth_flow(request)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._static(request):
            yield request
            return
        request.read()
        bearer = self._fresh(request)
        response = None
        if bearer is not None:
            response = yield request
            if response.status_code != 401:
                return
        flow = self._core.flow(request, bearer, response)
        reply: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = flow.send(reply) if error is None else flow.throw(error)
            except StopIteration:
                return
            reply = error = None
            try:
                if isinstance(step, Send):
                    reply = yield step.request
                elif isinstance(step, Exchange):
                    reply = yield step.request
                    _read(reply, CappedBody(reply, step.request, step.grant_type))
                elif isinstance(step, Discard):
                    step.response.read()
                    step.response.close()
                elif isinstance(step, Wait):
                    step.flight.check_not_blocking_leader()
                    step.flight.event.wait()
                else:
                    reply = step.fn()
            except BaseException as exc:  # thrown into the core, which decides (GeneratorExit included)
                error = exc

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._static(request):
            yield request
            return
        await request.aread()
        bearer = self._fresh(request)
        response = None
        if bearer is not None:
            response = yield request
            if response.status_code != 401:
                return
        flow: Flow = self._core.flow(request, bearer, response)
        reply: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = flow.send(reply) if error is None else flow.throw(error)
            except StopIteration:
                return
            reply = error = None
            try:
                if isinstance(step, Send):
                    reply = yield step.request
                elif isinstance(step, Exchange):
                    reply = yield step.request
                    await _aread(reply, CappedBody(reply, step.request, step.grant_type))
                elif isinstance(step, Discard):
                    await step.response.aread()
                    await step.response.aclose()
                elif isinstance(step, Wait):
                    await self._flights.wait_async(step.flight)
                elif isinstance(step, Call) and step.offload:
                    import asyncio  # loaded already: this is an async flow

                    reply = await asyncio.to_thread(step.fn)
                else:
                    reply = step.fn()
            except BaseException as exc:  # thrown into the core, which decides (GeneratorExit included)
                error = exc

    # -- shared by both drivers -----------------------------------------------------------------------

    def _static(self, request: httpx.Request) -> bool:
        """Refuse plain http:// to a remote host; sign with the personal token, if that is the mode."""
        self._check_secure(request.url, "a bearer token")
        if self._personal is None:
            return False
        request.headers["Authorization"] = self._personal
        return True

    def _fresh(self, request: httpx.Request) -> Token | None:
        """The lock-free fast path: sign with the cached bearer while it is fresh."""
        bearer = self._flights.fresh()
        if bearer is not None:
            request.headers["Authorization"] = f"Bearer {bearer.value}"
        return bearer

    def _check_secure(self, url: httpx.URL, what: str) -> None:
        if url.scheme == "https" or self._allow_insecure or is_loopback(url.host):
            return
        raise InsecureTransportError(
            f"refusing to send {what} over plain {url.scheme}:// to {url.host!r}: use https://, "
            "or pass allow_insecure_http=True if this network is trusted"
        )
