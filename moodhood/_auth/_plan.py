"""The renewal plan: which grants to make, in what order (D4), and what to keep. Runs in the leader only.

A ``Renewal`` is a generator of steps (``_steps``): it never sends, reads, sleeps or locks by itself.

- Client mode: a usable cached or stored client token, else the client-credentials grant.
- User mode: a usable cached or stored user token; else the refresh grant; when the server rejects it
  (400/401, ``invalid_grant``, ``unsupported_grant_type``) a fresh password grant, renewing the client token
  first when it is stale. A password grant refused with 401 to a cached client token renews that token
  once. No renewal makes more than 3 token requests.
- Secrets are read when a grant needs them: a ``SecretProvider`` is called at most once per renewal (off
  the event loop in async flows) and its value is dropped when the renewal ends.
- Store loads and saves are ``Call`` steps (off the event loop for any store but the in-memory one).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import httpx

from moodhood._credentials import resolve_secret
from moodhood._exceptions import MoodhoodError, TokenError
from moodhood._store import StoredToken, TokenKey, TokenRecord
from moodhood._tokens import Token
from moodhood._tokens import TokenState as Freshness

from . import _grants as grants
from ._exchange import parse, token_request
from ._state import Changes, TokenEvent, TokenKind
from ._steps import Call, Exchange, Step

if TYPE_CHECKING:
    from ._flow import AuthCore

__all__ = ["MAX_TOKEN_REQUESTS", "Renewal", "restored", "stored"]

logger = logging.getLogger("moodhood.auth")

MAX_TOKEN_REQUESTS = 3
"""The most token requests one renewal may make (refresh, client, password)."""

Plan = Generator[Step, Any, Token]


class Renewal:
    """One renewal by the leader (see the module docstring); ``pending`` is its token request in flight."""

    def __init__(self, core: AuthCore, api_request: httpx.Request | None) -> None:
        self.core = core
        self.api_request = api_request
        self.pending: httpx.Request | None = None
        self.sent = 0
        self.changes: Changes = {}
        self.events: list[TokenEvent] = []
        self._creds = grants.Masked(
            client_id=core.credentials.client_id or "", username=core.credentials.username or ""
        )

    def run(self) -> Plan:
        """Obtain a bearer; keep what was obtained (memory, then store, then ``on_token``) even on failure."""
        try:
            bearer = yield from self._chain()
        except MoodhoodError:
            yield from self._commit()
            raise
        except BaseException:
            self.core.flights.apply(self.changes)
            raise
        finally:
            self._creds.clear()
        yield from self._commit()
        return bearer

    # -- the chain ---------------------------------------------------------------------------------

    def _chain(self) -> Plan:
        core, state = self.core, self.core.flights.state
        client, user, refresh, user_refused = core.flights.snapshot()
        client, user, refresh = yield from self._from_store(client, user, refresh)
        now = core.clock()
        if not core.user_mode:
            if client is not None and state.usable(client, now):
                return client
            return (yield from self._client_grant())
        if user is not None and state.usable(user, now):
            return user
        if refresh is not None and refresh.state(now, 0.0) is not Freshness.EXPIRED:
            try:
                creds = yield from self._need("client_secret")
                access, rotated = yield from self._exchange(grants.refresh_token(creds, refresh))
            except TokenError as exc:
                if not grants.is_rejection(exc):
                    raise
                logger.debug("refresh grant rejected (%s): falling back to the password grant", exc.error)
                core.flights.reject(refresh.value)
                self.changes["refresh"] = None
                if user_refused:
                    # The API refused the user token and the server now refuses its refresh token: the
                    # tokens were revoked, the client token most likely with them. Renewing it first
                    # keeps the recovery at 3 requests (refresh, client, password) instead of 4.
                    client = None
            else:
                self._user_tokens(access, rotated, refresh, "refresh_token")
                return access
        client_is_new = False
        if client is None or not state.usable(client, core.clock()):
            client = yield from self._client_grant()
            client_is_new = True
        try:
            access, new_refresh = yield from self._password_grant(client)
        except TokenError as exc:
            if exc.status_code != 401 or client_is_new:
                raise
            core.flights.reject(client.value)  # refused: the next renewal starts with a new one
            self.changes["client"] = None
            if self.sent + 2 > MAX_TOKEN_REQUESTS:
                raise
            logger.debug("password grant refused the cached client token %r: renewing it", client)
            client = yield from self._client_grant()
            access, new_refresh = yield from self._password_grant(client)
        self._user_tokens(access, new_refresh, None, "password")
        return access

    def _client_grant(self) -> Plan:
        creds = yield from self._need("client_secret")
        access, _ = yield from self._exchange(grants.client_credentials(creds))
        self._new("client", access, "client_credentials")
        return access

    def _password_grant(self, client: Token) -> Generator[Step, Any, tuple[Token, Token | None]]:
        creds = yield from self._need("client_secret", "password")
        return (yield from self._exchange(grants.password(creds, client)))

    def _need(self, *names: str) -> Generator[Step, Any, grants.Masked]:
        """The renewal's credentials with ``names`` filled in: the strings given, or what their providers
        return (each called once per renewal)."""
        for name in names:
            if name not in self._creds:
                value = getattr(self.core.credentials, name)
                if not isinstance(value, str):
                    value = resolve_secret(name, (yield Call(value, offload=True)))
                self._creds[name] = value
        return self._creds

    def _exchange(self, grant: grants.Grant) -> Generator[Step, Any, tuple[Token, Token | None]]:
        core = self.core
        self.sent += 1
        assert self.sent <= MAX_TOKEN_REQUESTS
        request = token_request(grant, core.token_url, core.token_headers, self.api_request)
        logger.debug("token request %d: %s grant to %s", self.sent, grant.grant_type, core.token_url.path)
        sent_at = core.clock()
        self.pending = request
        response = yield Exchange(request, grant.grant_type)
        self.pending = None
        return parse(response, request, grant.grant_type, sent_at, core.token_url, self._known)

    def _known(self) -> tuple[str, ...]:
        """Secrets to mask in an error text: the credentials', and every token we hold."""
        flights = self.core.flights
        cached = (flights.state.client, flights.state.user, flights.state.refresh)
        return (
            *self.core.credentials.secrets(),
            *(v for k, v in self._creds.items() if k in ("client_secret", "password")),
            *(t.value for t in cached if t is not None),
        )

    def _new(self, kind: TokenKind, token: Token, grant_type: str) -> None:
        self.changes[kind] = token
        self.events.append(TokenEvent(kind, token, grant_type))

    def _user_tokens(
        self, access: Token, refresh: Token | None, previous: Token | None, grant_type: str
    ) -> None:
        self._new("user", access, grant_type)
        if refresh is not None and (previous is None or refresh.value != previous.value):
            self._new("refresh", refresh, grant_type)

    # -- keeping tokens ----------------------------------------------------------------------------

    def _commit(self) -> Generator[Step, Any, None]:
        """Apply the changes to the cache, then the store, then tell ``on_token``."""
        if not self.changes:
            return
        core, changes = self.core, self.changes
        client, user, refresh = core.flights.apply(changes)
        saves: list[tuple[TokenKey, TokenRecord]] = []
        if changes.get("client") is not None and client is not None:
            saves.append((core.key(None), TokenRecord(core.stored(client))))
        if core.user_mode and ("user" in changes or "refresh" in changes) and user is not None:
            record = TokenRecord(core.stored(user), None if refresh is None else core.stored(refresh))
            saves.append((core.key(core.credentials.username), record))
        for key, record in saves:
            try:
                yield Call(functools.partial(core.store.save, key, record), core.offload_store)
            except (MoodhoodError, OSError) as exc:
                logger.warning("could not save tokens to %r: %s", core.store, exc)
        for event in self.events:
            logger.debug("new %s token %r (%s grant)", event.kind, event.token, event.grant)
            if core.on_token is not None:
                try:
                    core.on_token(event)
                except Exception:
                    logger.warning("the on_token callback raised", exc_info=True)

    def _load(self, key: TokenKey) -> Generator[Step, Any, TokenRecord | None]:
        record: TokenRecord | None = yield Call(lambda: self.core.store.load(key), self.core.offload_store)
        return record

    def _from_store(
        self, client: Token | None, user: Token | None, refresh: Token | None
    ) -> Generator[Step, Any, tuple[Token | None, Token | None, Token | None]]:
        """Fill in or replace cached tokens with usable ones another process (or an earlier run) stored."""
        core, state = self.core, self.core.flights.state
        try:
            now = core.clock()
            if not state.usable(client, now):
                record = yield from self._load(core.key(None))
                if record is not None and record.access.value not in state.known(client):
                    loaded = core.restored(record.access)
                    if state.usable(loaded, now):
                        client = self.changes["client"] = loaded
            if core.user_mode and not state.usable(user, now):
                record = yield from self._load(core.key(core.credentials.username))
                if record is not None:
                    if record.access.value not in state.known(user):
                        loaded = core.restored(record.access)
                        if state.usable(loaded, now):
                            user = self.changes["user"] = loaded
                    stored = record.refresh
                    if (
                        stored is not None
                        and stored.value not in state.rejected
                        and (refresh is None or refresh.value != stored.value)
                    ):
                        refresh = self.changes["refresh"] = core.restored(stored)
        except (MoodhoodError, OSError) as exc:
            logger.warning("could not load tokens from %r: %s", core.store, exc)
        return client, user, refresh


def stored(token: Token, clock: float, wall: float) -> StoredToken:
    """``token`` at rest: its expiry as a wall-clock time (``clock`` and ``wall`` are the same moment)."""
    expires_at = token.expires_at
    if expires_at is None:
        return StoredToken(token.value)
    return StoredToken(token.value, wall + (expires_at - clock), token.lifetime)


def restored(token: StoredToken, clock: float, wall: float) -> Token:
    """A stored token back on the monotonic clock (``clock`` and ``wall`` are the same moment)."""
    if token.expires_at is None:
        return Token.from_response(token.value, sent_at=clock)
    remaining = token.expires_at - wall
    if token.lifetime is None or token.lifetime <= 0:
        return Token(token.value, obtained_at=clock, lifetime=max(0.0, remaining))
    return Token(token.value, obtained_at=clock + remaining - token.lifetime, lifetime=token.lifetime)
