"""``MoodhoodAuth``: the two-step MoodHood token flow as an ``httpx.Auth``.

Token requests are *yielded* from the auth flow, so they travel through the client's own transport,
retries and cassettes. Each is marked ``request.extensions["moodhood.token_request"] = True``.

- Tokens are fetched lazily and reused: a client token (client mode), a client token then a user token
  (user mode; the password grant carries ``Authorization: Bearer <client token>``, D2), nothing at all for
  a personal token (a static bearer, D16).
- A token is renewed before it expires (D5) and after a 401 answered to the token it sent; the request is
  then replayed once, and a second 401 is returned as the response.
- A renewal that fails while the cached token is only stale (valid, inside the refresh window) is not an
  error: that token stays in use and renewal is retried after a short quiet spell.
- User tokens renew through the refresh grant, then a fresh password grant when that is rejected (D4),
  renewing the client token first when it is stale; no renewal makes more than 3 token requests.
- Single flight: one caller (the leader) renews while every other caller, thread or asyncio task on any
  event loop, waits for it and shares its token or its error. A plain ``threading.Lock`` guards the state
  for a few instructions at a time; waiters block on a ``threading.Event`` (sync) or a future of their own
  loop (async), so no lock is ever held while a request is in flight and no loop is blocked.
- A bearer token or secret is never sent over plain ``http://`` except to loopback hosts.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import math
import re
import sys
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import httpx

from ._credentials import Credentials
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    InsecureTransportError,
    MoodhoodError,
    TokenError,
)
from ._net import is_loopback
from ._response import sent_secrets
from ._retry import EXT_TOKEN_REQUEST
from ._secrets import mask
from ._store import MemoryTokenStore, StoredToken, TokenKey, TokenRecord, TokenStore
from ._tokens import Token, TokenState

if TYPE_CHECKING:  # asyncio is imported where it is used, so that import moodhood does not load it
    import asyncio

__all__ = ["TOKEN_REQUEST_EXTENSION", "MoodhoodAuth", "TokenEvent", "TokenKind"]

logger = logging.getLogger("moodhood.auth")

TOKEN_REQUEST_EXTENSION = EXT_TOKEN_REQUEST
"""The ``request.extensions`` key set to ``True`` on every token request the auth flow yields."""

TokenKind = Literal["client", "user", "refresh"]

MAX_TOKEN_REQUESTS = 3
"""The most token requests one renewal may make (refresh, client, password)."""

_BEARER_CHARS = re.compile(r"[\x21-\x7e]+")
_REMEMBERED = 16
_QUIET = 30.0
"""Seconds between renewal attempts while a stale (still valid) token is kept after a failed renewal."""
_REJECTIONS = frozenset({"unsupported_grant_type", "invalid_grant"})


@dataclass(frozen=True)
class TokenEvent:
    """A new or rotated token, passed to ``on_token``.

    ``kind`` is ``"client"``, ``"user"`` (an access token) or ``"refresh"`` (a user refresh token);
    ``grant`` the grant that produced it. The token's ``repr`` is masked.
    """

    kind: TokenKind
    token: Token
    grant: str


def _is_rejection(exc: TokenError) -> bool:
    return exc.status_code in (400, 401) or exc.error in _REJECTIONS


def _lost_response(cause: BaseException | None) -> MoodhoodError | None:
    """The error waiters share when the leader's token request got no response (``None``: just abandoned)."""
    if isinstance(cause, httpx.TimeoutException):
        return APITimeoutError("The token request timed out.")
    if isinstance(cause, httpx.TransportError):
        return APIConnectionError(f"The token request failed: {type(cause).__name__}.")
    return None


class _Flight:
    """One renewal: the leader runs it, the waiters wait for its bearer or its error."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.finished = False
        self.waiting = 0
        self.bearer: Token | None = None
        self.error: BaseException | None = None
        self.loop: asyncio.AbstractEventLoop | None = None  # the async leader's loop
        self.async_waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


_UNSET: Any = object()

_SHOWN = frozenset({"client_id", "grant_type", "username", "Accept"})


class _Masked(dict[str, Any]):
    """A token request's body or headers, or a token response: a dict whose ``repr`` masks its secrets.

    Tracebacks rendered with local variables (``capture_locals``, rich, pytest ``--showlocals``, error
    trackers) print the locals of the renewal frames; this keeps the client secret, password and tokens
    out of them.
    """

    def __repr__(self) -> str:
        items = (
            f"{k!r}: {v!r}"
            if k in _SHOWN
            else f"{k!r}: {repr(mask(v)) if isinstance(v, str) else type(v).__name__}"
            for k, v in self.items()
        )
        return "{" + ", ".join(items) + "}"

    __str__ = __repr__


class MoodhoodAuth(httpx.Auth):
    """MoodHood authentication for ``httpx.Client`` and ``httpx.AsyncClient`` (one instance serves both).

    ``token_url`` is the absolute URL of ``POST /auth/token``. ``store`` keeps tokens (in memory by
    default); ``on_token`` is called with a ``TokenEvent`` for every new or rotated token. ``clock`` is the
    monotonic clock lifetimes are counted on and ``wall_clock`` the clock for stored expiries.
    ``refresh_margin`` is how long before expiry a token is renewed (at most half its lifetime).
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
    ) -> None:
        self._credentials = credentials
        self._token_url = httpx.URL(token_url)
        if self._token_url.scheme not in ("http", "https") or not self._token_url.host:
            raise ValueError(f"token_url must be an absolute http(s) URL, not {str(self._token_url)!r}")
        self._store: TokenStore = MemoryTokenStore() if store is None else store
        self._on_token = on_token
        self._clock = clock
        self._wall_clock = wall_clock
        self._margin = float(refresh_margin)
        if not self._margin >= 0:
            raise ValueError(f"refresh_margin must be a number of seconds >= 0, not {refresh_margin!r}")
        self._allow_insecure = allow_insecure_http
        if credentials.mode != "personal":
            self._check_secure(self._token_url, "a client secret")
        base = str(self._token_url).rstrip("/")
        self._base_url = base.removesuffix("/auth/token")
        self._mutex = threading.Lock()
        self._client: Token | None = None
        self._user: Token | None = None
        self._refresh: Token | None = None
        self._rejected: tuple[str, ...] = ()  # replaced whole (under the mutex), so readers need no lock
        self._flight: _Flight | None = None
        self._quiet_until = -math.inf
        self._user_refused = False  # the API answered 401 to the cached user token (revocation suspected)
        self._user_mode = credentials.mode == "user"
        self._fresh_until: tuple[Token | None, float] = (None, -math.inf)  # memo of _fresh_bearer

    # -- public read-only view ------------------------------------------------------------------------

    @property
    def credentials(self) -> Credentials:
        """The credentials this auth uses."""
        return self._credentials

    @property
    def token_url(self) -> httpx.URL:
        """The token endpoint."""
        return self._token_url

    @property
    def client_token(self) -> Token | None:
        """The cached client token, if any."""
        return self._client

    @property
    def user_token(self) -> Token | None:
        """The cached user access token, if any."""
        return self._user

    @property
    def refresh_token(self) -> Token | None:
        """The cached user refresh token, if any (used e.g. for iFrame background login links)."""
        return self._refresh

    def __repr__(self) -> str:
        return f"MoodhoodAuth({self._credentials!r}, token_url={str(self._token_url)!r})"

    __str__ = __repr__

    # -- httpx entry points ---------------------------------------------------------------------------

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The sync flow (httpx calls ``sync_auth_flow`` / ``async_auth_flow`` directly)."""
        yield from self.sync_auth_flow(request)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self._check_secure(request.url, "a bearer token")
        if self._credentials.token is not None:
            self._authorize(request, self._credentials.token)
            yield request
            return
        request.read()
        bearer = self._fresh_bearer()
        if bearer is None:
            bearer = yield from self._sync_bearer(None, request)
        self._authorize(request, bearer.value)
        response = yield request
        if response.status_code != 401:
            return
        logger.debug("401 answered to token %r: renewing it and replaying the request once", bearer)
        bearer = yield from self._sync_bearer(bearer, request)
        self._authorize(request, bearer.value)
        response = yield request
        if response.status_code == 401:
            with self._mutex:
                self._drop(bearer)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self._check_secure(request.url, "a bearer token")
        if self._credentials.token is not None:
            self._authorize(request, self._credentials.token)
            yield request
            return
        await request.aread()
        rejected: Token | None = None
        for attempt in range(2):
            while True:
                role, value = self._join(rejected, request)
                rejected = None
                if isinstance(value, Token):
                    bearer = value
                    break
                flight = value
                if role == "wait":
                    await self._async_wait(flight)
                    result = self._flight_result(flight)
                    if result is not None:
                        bearer = result
                        break
                    continue
                import asyncio  # loaded already: this is an async flow

                flight.loop = asyncio.get_running_loop()
                step = self._renew(request)
                try:
                    token_request = next(step)
                    while True:
                        token_response = yield token_request
                        await token_response.aread()
                        token_request = step.send(token_response)
                except StopIteration as stop:
                    bearer = stop.value
                    self._finish(flight, bearer=bearer)
                    break
                except MoodhoodError as exc:
                    stale = self._fail(flight, exc)
                    if stale is None:
                        raise
                    bearer = stale
                    break
                except GeneratorExit:
                    try:
                        task = asyncio.current_task()
                        abandoned = task is not None and task.cancelling() > 0
                    except RuntimeError:  # closed with no loop running: a pending task of a closed loop
                        abandoned = True
                    self._fail(
                        flight,
                        None if abandoned else APIConnectionError("The token request got no response."),
                    )
                    raise
                except BaseException:
                    self._finish(flight)
                    raise
            self._authorize(request, bearer.value)
            response = yield request
            if response.status_code != 401:
                return
            if attempt:
                with self._mutex:
                    self._drop(bearer)
                return
            logger.debug("401 answered to token %r: renewing it and replaying the request once", bearer)
            rejected = bearer

    # -- single flight --------------------------------------------------------------------------------

    def _sync_bearer(
        self, rejected: Token | None, request: httpx.Request | None = None
    ) -> Generator[httpx.Request, httpx.Response, Token]:
        while True:
            role, value = self._join(rejected, request)
            rejected = None
            if isinstance(value, Token):
                return value
            flight = value
            if role == "wait":
                self._check_not_blocking_leader(flight)
                flight.event.wait()
                result = self._flight_result(flight)
                if result is not None:
                    return result
                continue
            step = self._renew(request)
            try:
                token_request = next(step)
                while True:
                    token_response = yield token_request
                    token_response.read()
                    token_request = step.send(token_response)
            except StopIteration as stop:
                bearer: Token = stop.value
                self._finish(flight, bearer=bearer)
                return bearer
            except MoodhoodError as exc:
                stale = self._fail(flight, exc)
                if stale is None:
                    raise
                return stale
            except GeneratorExit as exc:
                self._fail(flight, _lost_response(exc.__context__))
                raise
            except BaseException:
                self._finish(flight)
                raise

    def _fresh_bearer(self) -> Token | None:
        """The cached bearer while it is fresh and no renewal is in flight; otherwise ``None``: ask ``_join``.

        The path of almost every call, so it takes no lock: it only reads references (atomic), and a token
        replaced a moment later is no different from the one a request already in flight carries. The
        moment the bearer turns stale is computed once per token, not on every call.
        """
        bearer = self._user if self._user_mode else self._client
        if bearer is None or self._flight is not None:
            return None
        memo = self._fresh_until
        if memo[0] is not bearer:
            expires_at = bearer.expires_at
            until = math.inf if expires_at is None else expires_at - bearer.refresh_window(self._margin)
            memo = self._fresh_until = (bearer, until)
        return bearer if self._clock() < memo[1] else None

    def _join(
        self, rejected: Token | None, request: httpx.Request | None
    ) -> tuple[Literal["ready", "lead", "wait"], Token | _Flight]:
        """Drop ``rejected`` if still cached; then a fresh bearer, or a flight to lead or to wait for."""
        dead = self._flight
        if dead is not None and dead.loop is not None and dead.loop.is_closed():
            # Its async leader's loop is closed: that flight can never finish. End it (waking its waiters,
            # who then elect a new leader) instead of waiting for it.
            self._finish(dead)
        with self._mutex:
            if rejected is not None:
                self._drop(rejected)
            bearer = self._bearer()
            if bearer is not None:
                now = self._clock()
                state = bearer.state(now, self._margin)
                if state is TokenState.FRESH or (state is TokenState.STALE and now < self._quiet_until):
                    return "ready", bearer
            if self._flight is None:
                self._flight = _Flight()
                return "lead", self._flight
            self._flight.waiting += 1
            return "wait", self._flight

    @staticmethod
    def _check_not_blocking_leader(flight: _Flight) -> None:
        """A sync call waiting inside the event loop whose task is renewing would block that task forever."""
        asyncio = sys.modules.get("asyncio")
        if asyncio is None:  # never imported: no event loop can be running
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            return
        if running is flight.loop:
            raise RuntimeError(
                "a synchronous request is waiting for a token that an async request on this same event loop "
                "is renewing, which would deadlock: use the async client inside async code"
            )

    def _bearer(self) -> Token | None:
        """The cached token API requests carry (caller holds the mutex)."""
        return self._user if self._credentials.mode == "user" else self._client

    def _fail(self, flight: _Flight, error: MoodhoodError | None) -> Token | None:
        """End a failed flight (``error=None``: abandoned, waiters elect a new leader).

        While the cached token is merely stale (valid, inside the refresh window), the failure is not passed
        on: everyone keeps using that token, and renewal is retried after a quiet spell (at most 30 s, and
        at most half the time it has left), so an outage of the token endpoint costs no API call.
        """
        stale = None
        if error is not None:
            with self._mutex:
                bearer, now = self._bearer(), self._clock()
                if (
                    bearer is not None
                    and bearer.expires_at is not None
                    and bearer.value not in self._rejected
                    and bearer.state(now, self._margin) is TokenState.STALE
                ):
                    self._quiet_until = now + min(_QUIET, (bearer.expires_at - now) / 2)
                    stale = bearer
        if stale is not None:
            logger.warning(
                "renewing the token failed (%s); the current one, still valid, stays in use", error
            )
        self._finish(flight, bearer=stale, error=None if stale is not None else error)
        return stale

    def _reject(self, value: str) -> None:
        """Remember a refused token value (the last 16; caller holds the mutex)."""
        self._rejected = (*self._rejected, value)[-_REMEMBERED:]

    def _drop(self, rejected: Token) -> None:
        """Forget a token the API answered 401 to, if it is still the cached one (caller holds the mutex)."""
        self._reject(rejected.value)
        if self._user is rejected:
            self._user = None
            self._user_refused = True
        if self._client is rejected:
            self._client = None

    def _finish(
        self, flight: _Flight, *, bearer: Token | None = None, error: BaseException | None = None
    ) -> None:
        """End ``flight``: record its outcome and wake every waiter, sync and async."""
        with self._mutex:
            if flight.finished:  # ended already (by its leader, or as dead by a caller)
                return
            flight.finished = True
            flight.bearer = bearer
            flight.error = error
            if self._flight is flight:
                self._flight = None
            waiters, flight.async_waiters = flight.async_waiters, []
        flight.event.set()
        for loop, future in waiters:
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits there any more
                loop.call_soon_threadsafe(_wake, future)

    async def _async_wait(self, flight: _Flight) -> None:
        import asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self._mutex:
            if flight.finished:
                return
            flight.async_waiters.append((loop, future))
        await future

    @staticmethod
    def _flight_result(flight: _Flight) -> Token | None:
        """The flight's bearer, its error re-raised (a copy per waiter), or ``None`` if it was abandoned."""
        if flight.bearer is not None:
            return flight.bearer
        if flight.error is not None:
            raise copy.copy(flight.error) from flight.error
        return None

    # -- renewal (runs in the leader only; yields token requests) --------------------------------------

    def _renew(self, api_request: httpx.Request | None) -> Generator[httpx.Request, httpx.Response, Token]:
        """Obtain a bearer: from the store, else through the grant chain. Commits whatever it obtained."""
        changes: dict[str, Token | None] = {}
        events: list[TokenEvent] = []
        sent = 0

        def grant(
            grant_type: str, body: dict[str, str], bearer: Token | None = None
        ) -> Generator[httpx.Request, httpx.Response, tuple[Token, Token | None]]:
            nonlocal sent
            sent += 1
            assert sent <= MAX_TOKEN_REQUESTS
            token_request = self._token_request(grant_type, body, bearer, api_request)
            logger.debug("token request %d: %s grant to %s", sent, grant_type, self._token_url.path)
            sent_at = self._clock()
            response = yield token_request
            return self._parse(response, grant_type, sent_at)

        creds = self._credentials
        client_body = _Masked(client_id=creds.client_id or "", client_secret=creds.client_secret or "")

        def client_grant() -> Generator[httpx.Request, httpx.Response, Token]:
            access, _ = yield from grant(
                "client_credentials", _Masked(client_body, grant_type="client_credentials")
            )
            changes["client"] = access
            events.append(TokenEvent("client", access, "client_credentials"))
            return access

        try:
            with self._mutex:
                client, user, refresh = self._client, self._user, self._refresh
                user_refused = self._user_refused
            client, user, refresh = self._from_store(client, user, refresh, changes)
            now = self._clock()
            if creds.mode == "client":
                if client is not None and self._usable(client, now):
                    return client
                return (yield from client_grant())
            if user is not None and self._usable(user, now):
                return user
            if refresh is not None and refresh.state(now, 0.0) is not TokenState.EXPIRED:
                try:
                    access, rotated = yield from grant(
                        "refresh_token",
                        _Masked(client_body, grant_type="refresh_token", refresh_token=refresh.value),
                    )
                except TokenError as exc:
                    if not _is_rejection(exc):
                        raise
                    logger.debug("refresh grant rejected (%s): falling back to the password grant", exc.error)
                    with self._mutex:
                        self._reject(refresh.value)
                    changes["refresh"] = None
                    if user_refused:
                        # The API refused the user token and the server now refuses its refresh token: the
                        # tokens were revoked, the client token most likely with them. Renewing it first
                        # keeps the recovery at 3 requests (refresh, client, password) instead of 4.
                        client = None
                else:
                    self._user_tokens(access, rotated, refresh, "refresh_token", changes, events)
                    return access
            client_is_new = False
            if client is None or not self._usable(client, self._clock()):
                client = yield from client_grant()
                client_is_new = True
            password_body = _Masked(
                client_body,
                grant_type="password",
                username=creds.username or "",
                password=creds.password or "",
            )
            try:
                access, new_refresh = yield from grant("password", password_body, client)
            except TokenError as exc:
                if exc.status_code != 401 or client_is_new:
                    raise
                with self._mutex:
                    self._reject(client.value)  # refused: the next renewal starts with a new one
                changes["client"] = None
                if sent + 2 > MAX_TOKEN_REQUESTS:
                    raise
                logger.debug("password grant refused the cached client token %r: renewing it", client)
                client = yield from client_grant()
                access, new_refresh = yield from grant("password", password_body, client)
            self._user_tokens(access, new_refresh, None, "password", changes, events)
            return access
        finally:
            self._commit(changes, events)

    def _usable(self, token: Token, now: float) -> bool:
        return token.value not in self._rejected and token.state(now, self._margin) is TokenState.FRESH

    @staticmethod
    def _user_tokens(
        access: Token,
        refresh: Token | None,
        previous: Token | None,
        grant_type: str,
        changes: dict[str, Token | None],
        events: list[TokenEvent],
    ) -> None:
        changes["user"] = access
        events.append(TokenEvent("user", access, grant_type))
        if refresh is not None and (previous is None or refresh.value != previous.value):
            changes["refresh"] = refresh
            events.append(TokenEvent("refresh", refresh, grant_type))

    def _commit(self, changes: dict[str, Token | None], events: list[TokenEvent]) -> None:
        """Apply token changes to the cache, then the store, then tell ``on_token``."""
        if not changes:
            return
        with self._mutex:
            if "client" in changes:
                self._client = changes["client"]
            if "user" in changes:
                self._user = changes["user"]
                if changes["user"] is not None:
                    self._user_refused = False
            if "refresh" in changes:
                self._refresh = changes["refresh"]
            if changes.get("client") is not None or changes.get("user") is not None:
                self._quiet_until = -math.inf
            client, user, refresh = self._client, self._user, self._refresh
        try:
            if changes.get("client") is not None and client is not None:
                self._store.save(self._key(None), TokenRecord(self._stored(client)))
            if (
                self._credentials.mode == "user"
                and ("user" in changes or "refresh" in changes)
                and user is not None
            ):
                record = TokenRecord(self._stored(user), None if refresh is None else self._stored(refresh))
                self._store.save(self._key(self._credentials.username), record)
        except (MoodhoodError, OSError) as exc:
            logger.warning("could not save tokens to %r: %s", self._store, exc)
        for event in events:
            logger.debug("new %s token %r (%s grant)", event.kind, event.token, event.grant)
            if self._on_token is not None:
                try:
                    self._on_token(event)
                except Exception:
                    logger.warning("the on_token callback raised", exc_info=True)

    # -- store ------------------------------------------------------------------------------------------

    def _key(self, username: str | None) -> TokenKey:
        return TokenKey(self._base_url, self._credentials.client_id or "", username)

    def _stored(self, token: Token) -> StoredToken:
        expires_at = token.expires_at
        if expires_at is None:
            return StoredToken(token.value)
        return StoredToken(token.value, self._wall_clock() + (expires_at - self._clock()), token.lifetime)

    def _restored(self, stored: StoredToken) -> Token:
        now = self._clock()
        if stored.expires_at is None:
            return Token.from_response(stored.value, sent_at=now)
        remaining = stored.expires_at - self._wall_clock()
        if stored.lifetime is None or stored.lifetime <= 0:
            return Token(stored.value, obtained_at=now, lifetime=max(0.0, remaining))
        return Token(stored.value, obtained_at=now + remaining - stored.lifetime, lifetime=stored.lifetime)

    def _known(self, token: Token | None) -> set[str]:
        """Values not worth loading from the store: our own (we know its lifetime) and rejected ones."""
        known = set(self._rejected)
        if token is not None:
            known.add(token.value)
        return known

    def _from_store(
        self,
        client: Token | None,
        user: Token | None,
        refresh: Token | None,
        changes: dict[str, Token | None],
    ) -> tuple[Token | None, Token | None, Token | None]:
        """Fill in or replace cached tokens with usable ones another process (or earlier run) stored."""
        try:
            now = self._clock()
            if client is None or not self._usable(client, now):
                record = self._store.load(self._key(None))
                if record is not None and record.access.value not in self._known(client):
                    loaded = self._restored(record.access)
                    if self._usable(loaded, now):
                        client = changes["client"] = loaded
            if self._credentials.mode == "user" and (user is None or not self._usable(user, now)):
                record = self._store.load(self._key(self._credentials.username))
                if record is not None:
                    if record.access.value not in self._known(user):
                        loaded = self._restored(record.access)
                        if self._usable(loaded, now):
                            user = changes["user"] = loaded
                    stored_refresh = record.refresh
                    if (
                        stored_refresh is not None
                        and stored_refresh.value not in self._rejected
                        and (refresh is None or refresh.value != stored_refresh.value)
                    ):
                        refresh = changes["refresh"] = self._restored(stored_refresh)
        except (MoodhoodError, OSError) as exc:
            logger.warning("could not load tokens from %r: %s", self._store, exc)
        return client, user, refresh

    # -- token requests -----------------------------------------------------------------------------------

    def _token_request(
        self,
        grant_type: str,
        body: dict[str, str],
        bearer: Token | None,
        api_request: httpx.Request | None,
    ) -> httpx.Request:
        headers = _Masked(Accept="application/json")
        if bearer is not None:
            headers["Authorization"] = f"Bearer {bearer.value}"
        extensions: dict[str, Any] = {TOKEN_REQUEST_EXTENSION: True}
        if api_request is not None and "timeout" in api_request.extensions:
            extensions["timeout"] = api_request.extensions["timeout"]
        return httpx.Request("POST", self._token_url, json=body, headers=headers, extensions=extensions)

    def _redact(self, text: str, limit: int, request: httpx.Request) -> str:
        """``text`` with every secret we hold or sent in ``request`` masked (bearer, refresh token, ...)."""
        secrets = [*self._credentials.secrets(), *sent_secrets(request)]
        secrets += [t.value for t in (self._client, self._user, self._refresh) if t is not None]
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, mask(secret))
        return text if len(text) <= limit else text[:limit] + "…"

    def _parse(self, response: httpx.Response, grant_type: str, sent_at: float) -> tuple[Token, Token | None]:
        """The access and refresh tokens of a token response, or a ``TokenError``.

        The parsed body lives in a ``_Masked`` dict and no raw value is bound to a local when an error is
        raised, so a traceback rendered with local variables shows no token and no echoed secret.
        """
        status = response.status_code
        content_type = response.headers.get("content-type", "").split(";")[0].strip() or "no content type"
        try:
            parsed: object = response.json()
        except (ValueError, UnicodeDecodeError, RecursionError):
            parsed = _UNSET
        shape = (
            "not JSON" if parsed is _UNSET else None if isinstance(parsed, dict) else "JSON but not an object"
        )
        data = _Masked(parsed) if isinstance(parsed, dict) else _Masked()
        del parsed
        error = (
            self._redact(data["error"], 100, response.request) if isinstance(data.get("error"), str) else None
        )
        description = (
            self._redact(data["error_description"], 300, response.request)
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
                message,
                error=error,
                error_description=description,
                status_code=status,
                request=response.request,
            )
        if shape is not None:
            raise TokenError(
                f"The token endpoint answered the {grant_type} grant with HTTP {status} and a body that is "
                f"{shape} ({content_type}), not a token",
                status_code=status,
                request=response.request,
            )
        if not isinstance(data.get("access_token"), str) or not data["access_token"]:
            raise TokenError(
                f"The token endpoint answered the {grant_type} grant with HTTP {status} but no access_token",
                status_code=status,
                request=response.request,
            )
        if not _BEARER_CHARS.fullmatch(data["access_token"]):
            raise TokenError(
                f"The token endpoint answered the {grant_type} grant with an access_token that is not a "
                "usable bearer token (it holds spaces, control or non-ASCII characters)",
                status_code=status,
                request=response.request,
            )
        refresh_token = None
        if isinstance(data.get("refresh_token"), str) and _BEARER_CHARS.fullmatch(data["refresh_token"]):
            refresh_token = Token.from_response(data["refresh_token"], sent_at=sent_at)
        access = Token.from_response(data["access_token"], sent_at=sent_at, expires_in=data.get("expires_in"))
        return access, refresh_token

    # -- API requests -----------------------------------------------------------------------------------

    def _check_secure(self, url: httpx.URL, what: str) -> None:
        if url.scheme == "https" or self._allow_insecure or is_loopback(url.host):
            return
        raise InsecureTransportError(
            f"refusing to send {what} over plain {url.scheme}:// to {url.host!r}: use https://, "
            "or pass allow_insecure_http=True if this network is trusted"
        )

    @staticmethod
    def _authorize(request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"
