"""Everything one sandbox remembers, plus the lookups that turn unknown ids into 404s."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from moodhood.sandbox._config import SandboxConfig
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import (
    Call,
    Delivery,
    Invite,
    Participant,
    Record,
    Room,
    Space,
    User,
    Webhook,
)
from moodhood.sandbox._tokens import TokenIssuer, derive_id, new_signing_key

if TYPE_CHECKING:
    from moodhood.sandbox._faults import Fault

__all__ = ["SandboxState", "Settings"]


@dataclass
class Settings:
    """The runtime switches; they start from the config and can be changed via ``/__sandbox/settings``."""

    access_ttl: int
    refresh_ttl: int
    refresh_grant_enabled: bool
    webhook_retry_interval: float
    clock_offset: float = 0.0
    record_download: str = "text"
    """``text``: 200 with the URL as ``text/plain``; ``redirect``: 302 to it (the spec allows both)."""

    @classmethod
    def from_config(cls, config: SandboxConfig) -> Settings:
        return cls(
            access_ttl=config.access_ttl,
            refresh_ttl=config.refresh_ttl,
            refresh_grant_enabled=config.refresh_grant_enabled,
            webhook_retry_interval=config.webhook_retry_interval,
        )


class SandboxState:
    """The sandbox's memory. Only touched from the event loop that serves the app."""

    def __init__(self, config: SandboxConfig, clock: Callable[[], float] | None = None) -> None:
        self.config = config
        self._base_clock = clock or time.time
        self.settings = Settings.from_config(config)
        self.signing_key = config.signing_key or new_signing_key()
        """Signs tokens and keys derived ids: the configured key, or a random one for this sandbox."""
        self.client_db_id = derive_id(self.signing_key, "client", config.client_id)
        self.tokens = TokenIssuer(self.signing_key, self.client_db_id, self.now)
        self.tasks: set[asyncio.Task[None]] = set()
        self.last_delivery: dict[str, asyncio.Task[None]] = {}
        self.deliveries: list[Delivery] = []
        self.faults: list[Fault] = []
        self.stopping = asyncio.Event()
        """Set when the server shuts down: requests stalled by a ``delay`` fault go on at once."""
        self.reset()

    def now(self) -> float:
        """The sandbox's clock: the injected clock plus any ``advance_clock`` offset."""
        return self._base_clock() + self.settings.clock_offset

    async def drain(self) -> None:
        """Wait until every queued webhook delivery has finished (for in-process tests)."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    def reset(self) -> None:
        """Forget everything but the configured users and personal tokens; settings back to the config.

        Pending webhook deliveries are cancelled.
        """
        for task in list(self.tasks):
            task.cancel()
        self.settings = Settings.from_config(self.config)
        self.users: dict[str, User] = {}
        self.spaces: dict[str, Space] = {}
        self.rooms: dict[str, Room] = {}
        self.invites: dict[str, Invite] = {}
        self.participants: dict[str, Participant] = {}
        self.calls: dict[str, Call] = {}
        self.records: dict[str, Record] = {}
        self.webhooks: dict[str, Webhook] = {}
        self.faults.clear()
        self.last_delivery.clear()
        self.deliveries.clear()
        self.single_use_links: set[str] = set()
        now = self.now()
        for email, password in self.config.users:
            user_id = derive_id(self.signing_key, "user", email.lower())
            self.users[user_id] = User(
                id=user_id, email=email, username=email.split("@")[0], password=password, created_at=now
            )
        owner = (
            derive_id(self.signing_key, "user", self.config.users[0][0].lower())
            if self.config.users
            else None
        )
        self.personal_tokens: dict[str, str] = (
            {token: owner for token in self.config.personal_tokens} if owner else {}
        )

    # -- lookups -----------------------------------------------------------------------------------

    def user_by_email(self, email: str) -> User | None:
        """The non-guest user with this email (case-insensitive)."""
        wanted = email.strip().lower()
        return next((u for u in self.users.values() if not u.is_guest and u.email.lower() == wanted), None)

    def space(self, space_id: str) -> Space:
        """The space, or 404."""
        space = self.spaces.get(space_id)
        if space is None:
            raise ApiError(404, "space_not_found", "Space not found")
        return space

    def room(self, space_id: str, room_id: str) -> Room:
        """The room of that space, or 404."""
        self.space(space_id)
        room = self.rooms.get(room_id)
        if room is None or room.space_id != space_id:
            raise ApiError(404, "room_not_found", "Room not found")
        return room

    def active_call(self, room_id: str) -> Call | None:
        """The room's running call, if any."""
        return next((c for c in self.calls.values() if c.room_id == room_id and c.active), None)
