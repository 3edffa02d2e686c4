"""The auth flow of one API request, as steps for a driver (``_steps``): no I/O, no waiting of its own.

- The caller's fast path (a fresh cached bearer, no lock) runs in the driver; this flow takes over when
  there is no fresh bearer or the API answered 401 to it.
- A 401 is read and closed (``Discard``) before anything else, so a caller never waits for a renewal while
  holding a pooled connection: the leader's token request can always get one.
- ``_obtain`` joins the single flight: it leads the renewal (``_plan.Renewal``) or waits for it.
- After a 401 answered to the token it sent, the request is renewed and replayed once; a second 401 is
  returned as the response.
- The response returned keeps no token request or response in its ``history`` (nor in the ``history`` of
  the responses listed there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import Any

import httpx

from moodhood._credentials import Credentials
from moodhood._exceptions import MoodhoodError
from moodhood._retry import EXT_TOKEN_REQUEST
from moodhood._store import MemoryTokenStore, StoredToken, TokenKey, TokenStore
from moodhood._tokens import Token

from ._exchange import lost_response
from ._flight import SingleFlight
from ._plan import Renewal, restored, stored
from ._state import TokenEvent, TokenState
from ._steps import Discard, Send, Step, Wait

__all__ = ["AuthCore", "Flow", "api_history"]

logger = logging.getLogger("moodhood.auth")

Flow = Generator[Step, Any, None]


def api_history(history: list[httpx.Response]) -> list[httpx.Response]:
    """``history`` without token exchanges, recursively (each kept response's own ``history`` too)."""
    kept = [r for r in history if not r.request.extensions.get(EXT_TOKEN_REQUEST)]
    for response in kept:
        if response.history:
            response.history = api_history(response.history)
    return kept


class AuthCore:
    """Everything one ``MoodhoodAuth`` knows: settings, the token state behind its single flight, the flow."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        token_url: httpx.URL,
        token_headers: httpx.Headers,
        store: TokenStore,
        on_token: Callable[[TokenEvent], None] | None,
        clock: Callable[[], float],
        wall_clock: Callable[[], float],
        margin: float,
    ) -> None:
        self.credentials = credentials
        self.user_mode = credentials.mode == "user"
        self.token_url = token_url
        self.token_headers = token_headers
        self.base_url = str(token_url).rstrip("/").removesuffix("/auth/token")
        self.store = store
        self.offload_store = not isinstance(store, MemoryTokenStore)
        self.on_token = on_token
        self.clock = clock
        self.wall_clock = wall_clock
        self.flights = SingleFlight(TokenState(user_mode=self.user_mode, margin=margin, clock=clock))

    # -- the flow -------------------------------------------------------------------------------------

    def flow(self, request: httpx.Request, sent: Token | None, response: httpx.Response | None) -> Flow:
        """The flow after the fast path: ``sent`` is the bearer it sent and ``response`` the 401 to it, or
        both are ``None`` when there was no fresh bearer to send."""
        rejected, replay = None, False
        if response is not None:
            yield Discard(response)
            rejected, replay = sent, True
            logger.debug("401 answered to token %r: renewing it and replaying the request once", sent)
        while True:
            bearer = yield from self._obtain(rejected, request)
            request.headers["Authorization"] = f"Bearer {bearer.value}"
            response = yield Send(request)
            if response.status_code != 401 or replay:
                if response.status_code == 401:
                    self.flights.drop(bearer)
                if response.history:
                    response.history = api_history(response.history)
                return
            yield Discard(response)
            logger.debug("401 answered to token %r: renewing it and replaying the request once", bearer)
            rejected, replay = bearer, True

    def _obtain(self, rejected: Token | None, request: httpx.Request) -> Generator[Step, Any, Token]:
        """A usable bearer: ready, from the renewal this caller leads, or from the one it waits for."""
        while True:
            role, value = self.flights.join(rejected)
            rejected = None
            if isinstance(value, Token):
                return value
            flight = value
            if role == "wait":
                yield Wait(flight)
                result = flight.result()
                if result is not None:
                    return result
                continue  # abandoned: elect a new leader
            renewal = Renewal(self, request)
            try:
                bearer = yield from renewal.run()
            except MoodhoodError as exc:
                stale = self.flights.fail(flight, exc)
                if stale is None:
                    raise
                return stale
            except GeneratorExit as exc:
                # The leader's request was closed: its token request failed (shared with the waiters) or
                # its task was cancelled (the waiters elect a new leader).
                self.flights.fail(flight, lost_response(renewal.pending, exc.__context__))
                raise
            except BaseException:
                self.flights.finish(flight)
                raise
            self.flights.finish(flight, bearer=bearer)
            return bearer

    # -- the store's view of tokens -------------------------------------------------------------------

    def key(self, username: str | None) -> TokenKey:
        return TokenKey(self.base_url, self.credentials.client_id or "", username)

    def stored(self, token: Token) -> StoredToken:
        return stored(token, self.clock(), self.wall_clock())

    def restored(self, token: StoredToken) -> Token:
        return restored(token, self.clock(), self.wall_clock())
