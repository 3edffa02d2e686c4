"""The token state: which tokens are cached, which were refused, and when a bearer is usable.

No I/O, no locks.

The single-flight helper (``_flight.SingleFlight``) owns the one ``TokenState`` of an auth and calls its
mutating methods under its lock; everything here is plain bookkeeping on an injected monotonic clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from moodhood._tokens import Token
from moodhood._tokens import TokenState as Freshness

__all__ = ["QUIET", "Changes", "TokenEvent", "TokenKind", "TokenState"]

TokenKind = Literal["client", "user", "refresh"]

QUIET = 30.0
"""Seconds between renewal attempts while a stale (still valid) token is kept after a failed renewal."""
_REMEMBERED = 16


@dataclass(frozen=True)
class TokenEvent:
    """A new or rotated token, passed to ``on_token``.

    ``kind`` is ``"client"``, ``"user"`` (an access token) or ``"refresh"`` (a user refresh token);
    ``grant`` the grant that produced it. The token's ``repr`` is masked.
    """

    kind: TokenKind
    token: Token
    grant: str


Changes = dict[TokenKind, Token | None]
"""What one renewal changed: a new token per kind, or ``None`` for a token it dropped."""


class TokenState:
    """The cached client, user and refresh tokens and what the server refused (see the module docstring)."""

    def __init__(self, *, user_mode: bool, margin: float, clock: Callable[[], float]) -> None:
        self.user_mode = user_mode
        self.margin = margin
        self.clock = clock
        self.client: Token | None = None
        self.user: Token | None = None
        self.refresh: Token | None = None
        self.rejected: tuple[str, ...] = ()  # replaced whole, so readers need no lock
        self.quiet_until = -math.inf
        self.user_refused = False  # the API answered 401 to the cached user token (revocation suspected)
        self._fresh_until: tuple[Token | None, float] = (None, -math.inf)

    # -- reading --------------------------------------------------------------------------------------

    def bearer(self) -> Token | None:
        """The cached token API requests carry."""
        return self.user if self.user_mode else self.client

    def fresh(self) -> Token | None:
        """The bearer while it is fresh, with no lock: the moment it turns stale is computed once per
        token."""
        bearer = self.user if self.user_mode else self.client
        if bearer is None:
            return None
        memo = self._fresh_until
        if memo[0] is not bearer:
            expires_at = bearer.expires_at
            until = math.inf if expires_at is None else expires_at - bearer.refresh_window(self.margin)
            memo = self._fresh_until = (bearer, until)
        return bearer if self.clock() < memo[1] else None

    def ready(self) -> Token | None:
        """The bearer if usable now: fresh, or stale during the quiet spell after a failed renewal."""
        bearer = self.bearer()
        if bearer is None:
            return None
        now = self.clock()
        state = bearer.state(now, self.margin)
        if state is Freshness.FRESH or (state is Freshness.STALE and now < self.quiet_until):
            return bearer
        return None

    def usable(self, token: Token | None, now: float) -> bool:
        """Whether ``token`` may be used without renewal: known, not refused, and fresh."""
        return (
            token is not None
            and token.value not in self.rejected
            and token.state(now, self.margin) is Freshness.FRESH
        )

    def known(self, token: Token | None) -> set[str]:
        """Values not worth loading from the store: ``token``'s own (we know its lifetime) and refused
        ones."""
        known = set(self.rejected)
        if token is not None:
            known.add(token.value)
        return known

    # -- changing (the single-flight helper holds its lock) ---------------------------------------

    def reject(self, value: str) -> None:
        """Remember a refused token value (the last 16)."""
        self.rejected = (*self.rejected, value)[-_REMEMBERED:]

    def drop(self, refused: Token) -> None:
        """Forget a token the API answered 401 to, if it is still the cached one."""
        self.reject(refused.value)
        if self.user is refused:
            self.user = None
            self.user_refused = True
        if self.client is refused:
            self.client = None

    def apply(self, changes: Changes) -> None:
        """Take a renewal's new (or dropped) tokens."""
        if "client" in changes:
            self.client = changes["client"]
        if "user" in changes:
            self.user = changes["user"]
            if self.user is not None:
                self.user_refused = False
        if "refresh" in changes:
            self.refresh = changes["refresh"]
        if changes.get("client") is not None or changes.get("user") is not None:
            self.quiet_until = -math.inf

    def keep_stale(self) -> Token | None:
        """After a failed renewal: the bearer if it is still valid (stale), starting a quiet spell; else None.

        An outage of the token endpoint then costs no API call: everyone keeps that token, and renewal is
        retried after at most 30 s (and at most half the time it has left).
        """
        bearer, now = self.bearer(), self.clock()
        if (
            bearer is None
            or bearer.expires_at is None
            or bearer.value in self.rejected
            or bearer.state(now, self.margin) is not Freshness.STALE
        ):
            return None
        self.quiet_until = now + min(QUIET, (bearer.expires_at - now) / 2)
        return bearer
