"""Single flight: one caller (the leader) renews while every other caller waits for its token or its error.

Callers are threads or asyncio tasks on any event loop. One ``threading.Lock`` guards the token state for a
few instructions at a time; it is never held while a request is in flight. A waiter blocks on its flight's
``threading.Event`` (sync) or on a future of its own loop (async), woken by ``finish`` either way.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import sys
import threading
from typing import TYPE_CHECKING, Literal

from moodhood._exceptions import MoodhoodError
from moodhood._tokens import Token

from ._state import Changes, TokenState

if TYPE_CHECKING:  # asyncio is imported where it is used, so that import moodhood does not load it
    import asyncio

__all__ = ["Flight", "SingleFlight", "running_loop"]

logger = logging.getLogger("moodhood.auth")

Role = Literal["ready", "lead", "wait"]


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop of this thread, if any (without importing asyncio)."""
    aio = sys.modules.get("asyncio")
    if aio is None:  # never imported: no event loop can be running
        return None
    try:
        loop: asyncio.AbstractEventLoop = aio.get_running_loop()
    except RuntimeError:
        return None
    return loop


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class Flight:
    """One renewal: its outcome (a bearer, an error, or neither when abandoned) and who waits for it."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.finished = False
        self.waiting = 0
        self.bearer: Token | None = None
        self.error: BaseException | None = None
        self.loop: asyncio.AbstractEventLoop | None = None  # the leader's running loop, if any
        self.async_waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def result(self) -> Token | None:
        """The bearer, the error re-raised (a copy per waiter), or ``None`` if abandoned: elect a new
        leader."""
        if self.bearer is not None:
            return self.bearer
        if self.error is not None:
            raise copy.copy(self.error) from self.error
        return None

    def check_not_blocking_leader(self) -> None:
        """A sync call waiting inside the event loop whose task is renewing would block that task forever."""
        if self.loop is not None and running_loop() is self.loop:
            raise RuntimeError(
                "a synchronous request is waiting for a token that an async request on this same event loop "
                "is renewing, which would deadlock: use the async client inside async code"
            )


class SingleFlight:
    """The token state behind its lock, and the renewal in flight (see the module docstring)."""

    def __init__(self, state: TokenState) -> None:
        self.state = state
        self.mutex = threading.Lock()
        self.flight: Flight | None = None

    def fresh(self) -> Token | None:
        """The lock-free fast path: the fresh bearer when no renewal is in flight."""
        return None if self.flight is not None else self.state.fresh()

    def join(self, rejected: Token | None) -> tuple[Role, Token | Flight]:
        """Drop ``rejected`` if still cached; then a usable bearer, or a flight to lead or to wait for."""
        dead = self.flight
        if dead is not None and dead.loop is not None and dead.loop.is_closed():
            # Its async leader's loop is closed: that flight can never finish. End it (waking its waiters,
            # who then elect a new leader) instead of waiting for it.
            self.finish(dead)
        with self.mutex:
            if rejected is not None:
                self.state.drop(rejected)
            bearer = self.state.ready()
            if bearer is not None:
                return "ready", bearer
            if self.flight is None:
                self.flight = Flight()
                self.flight.loop = running_loop()
                return "lead", self.flight
            self.flight.waiting += 1
            return "wait", self.flight

    def snapshot(self) -> tuple[Token | None, Token | None, Token | None, bool]:
        """The cached client, user and refresh tokens, and whether the API refused the user token."""
        with self.mutex:
            s = self.state
            return s.client, s.user, s.refresh, s.user_refused

    def reject(self, value: str) -> None:
        with self.mutex:
            self.state.reject(value)

    def drop(self, refused: Token) -> None:
        with self.mutex:
            self.state.drop(refused)

    def apply(self, changes: Changes) -> tuple[Token | None, Token | None, Token | None]:
        """Take a renewal's changes; the cached client, user and refresh tokens after them."""
        with self.mutex:
            self.state.apply(changes)
            s = self.state
            return s.client, s.user, s.refresh

    def fail(self, flight: Flight, error: MoodhoodError | None) -> Token | None:
        """End a failed flight (``error=None``: abandoned). While the bearer is merely stale, the failure is
        not passed on: that token is returned and stays in use (``TokenState.keep_stale``)."""
        stale = None
        if error is not None:
            with self.mutex:
                stale = self.state.keep_stale()
        if stale is not None:
            logger.warning(
                "renewing the token failed (%s); the current one, still valid, stays in use", error
            )
        self.finish(flight, bearer=stale, error=None if stale is not None else error)
        return stale

    def finish(
        self, flight: Flight, *, bearer: Token | None = None, error: BaseException | None = None
    ) -> None:
        """End ``flight``: record its outcome and wake every waiter, sync and async."""
        with self.mutex:
            if flight.finished:  # ended already (by its leader, or as dead by a caller)
                return
            flight.finished = True
            flight.bearer = bearer
            flight.error = error
            if self.flight is flight:
                self.flight = None
            waiters, flight.async_waiters = flight.async_waiters, []
        flight.event.set()
        for loop, future in waiters:
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody waits there any more
                loop.call_soon_threadsafe(_wake, future)

    async def wait_async(self, flight: Flight) -> None:
        """Wait for ``flight`` on the running loop without blocking it."""
        import asyncio

        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        with self.mutex:
            if flight.finished:
                return
            flight.async_waiters.append((loop, future))
        await future
