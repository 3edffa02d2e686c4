"""The sandbox's in-memory entities and their JSON shapes (as in openapi/moodhood.yaml)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import string
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ROOM_FLAGS",
    "Call",
    "Delivery",
    "Invite",
    "Participant",
    "Record",
    "Room",
    "Space",
    "User",
    "Webhook",
    "isoformat",
    "new_alias",
    "new_id",
    "stable_id",
]

_ALIAS_ALPHABET = string.ascii_letters + string.digits + "_-"

ROOM_FLAGS: dict[str, bool] = {
    "isPublic": True,
    "isChatAllowed": True,
    "isFavorite": False,
    "isRecordAllowed": True,
    "isScreensharingAllowed": True,
    "isAutoRecordingAllowed": False,
    "isMicrophonePublishingAllowed": True,
    "isScreenMediaPublishingAllowed": True,
    "isCameraPublishingAllowed": True,
    "isAvatarsAllowed": True,
    "isSelfRenamingAllowed": True,
    "isHandRaisingAllowed": True,
    "isRemoteDrawingAllowed": False,
}
"""The boolean room settings and their defaults."""


def new_id(now: float) -> str:
    """A 24-hex id shaped like a MongoDB ObjectId (4 bytes of seconds, 8 random bytes)."""
    return f"{int(now) & 0xFFFFFFFF:08x}{secrets.token_hex(8)}"


def stable_id(*parts: str) -> str:
    """A 24-hex id derived from ``parts``, so configured users keep their ids across resets."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


def new_alias() -> str:
    """A 10-character room alias of ``[A-Za-z0-9_-]``."""
    return "".join(secrets.choice(_ALIAS_ALPHABET) for _ in range(10))


def isoformat(timestamp: float) -> str:
    """``2026-11-29T23:30:00.000Z``: the date-time form the service writes."""
    moment = dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class User:
    """A MoodHood account (configured, created through ``POST /users``, or a guest from a link)."""

    id: str
    email: str
    username: str
    password: str | None
    created_at: float
    phone: str | None = None
    is_guest: bool = False
    external_user_id: str | None = None
    meeting_settings: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "email": self.email, "username": self.username}
        body["phone"] = self.phone
        return body


@dataclass
class Space:
    """A space: an owner, members with roles, rooms."""

    id: str
    name: str
    owner_id: str
    is_public: bool
    created_at: float
    description: str | None = None
    logo: str | None = None
    members: dict[str, str] = field(default_factory=dict)  # user id -> role_space_*

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "name": self.name, "isPublic": self.is_public}
        if self.description is not None:
            body["description"] = self.description
        if self.logo is not None:
            body["logo"] = self.logo
        return body


@dataclass
class Room:
    """A room of a space; ``roles`` maps user ids to ``role_room_*``."""

    id: str
    space_id: str
    alias: str
    name: str
    type: str
    app_id: str
    channel_id: str
    created_at: float
    flags: dict[str, bool] = field(default_factory=lambda: dict(ROOM_FLAGS))
    waiting_room_audience: str = "nobody"
    redirect_url: str | None = None
    last_call_at: float | None = None
    roles: dict[str, str] = field(default_factory=dict)

    def to_json(self, role_in_room: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "alias": self.alias,
            "name": self.name,
            "spaceId": self.space_id,
            "appId": self.app_id,
            "channelId": self.channel_id,
            "type": self.type,
            "templateId": None,
            "parentRoomId": None,
            "waitingRoomAudience": self.waiting_room_audience,
            "redirectUrl": self.redirect_url,
        }
        body.update(self.flags)
        body["lastCallAt"] = None if self.last_call_at is None else isoformat(self.last_call_at)
        body["createdAt"] = isoformat(self.created_at)
        body["roleInRoom"] = role_in_room
        body["breakoutRooms"] = {"status": "enabled", "session": {"status": "ready", "startedAt": None}}
        body["joinSettings"] = {
            "fields": [
                {
                    "slug": "email",
                    "type": "email",
                    "title": "Email",
                    "enabled": False,
                    "required": False,
                    "description": "",
                }
            ],
            "customFields": [],
        }
        return body


@dataclass
class Invite:
    """A single-use space invite."""

    id: str
    space_id: str
    role: str
    created_by: str
    used_by: str | None = None


@dataclass
class Participant:
    """A media participant created before joining a room."""

    id: str
    space_id: str
    room_id: str
    name: str
    role: str
    client_unique_id: str
    user_id: str | None
    created_at: float
    joined_at: float | None = None
    external_user_id: str | None = None


@dataclass
class Call:
    """One call: from the first participant joining until it is finished."""

    id: str
    room_id: str
    space_id: str
    room_type: str
    started_at: float
    finished_at: float | None = None
    attendees: list[dict[str, Any]] = field(default_factory=list)
    """One entry per participant that joined: ``participantId``, ``name``, ``role``, ``externalUserId``,
    ``joinedAt`` (Unix seconds)."""

    @property
    def active(self) -> bool:
        return self.finished_at is None

    @property
    def unique_count(self) -> int:
        return len({a.get("externalUserId") or a["name"] for a in self.attendees})

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "active": self.active,
            "roomId": self.room_id,
            "participantsCount": len(self.attendees) if self.active else 0,
            "isBreakoutRoom": False,
            "planAlias": "business",
            "roomType": self.room_type,
            "totalParticipantsCount": len(self.attendees),
            "uniqueParticipantsCount": self.unique_count,
            "startedAt": isoformat(self.started_at),
            "finishedAt": None if self.finished_at is None else isoformat(self.finished_at),
        }


@dataclass
class Record:
    """A recording of a call."""

    id: str
    name: str
    room_id: str
    space_id: str
    call_id: str
    state: str
    file_size: int
    created_at: float
    started_at: float
    finished_at: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "fileSize": self.file_size,
            "roomId": self.room_id,
            "spaceId": self.space_id,
            "callId": self.call_id,
            "state": self.state,
            "createdAt": isoformat(self.created_at),
            "startedAt": isoformat(self.started_at),
            "finishedAt": None if self.finished_at is None else isoformat(self.finished_at),
        }


@dataclass
class Webhook:
    """The one webhook of a space."""

    url: str
    secret: str
    is_active: bool = True


@dataclass
class Delivery:
    """One webhook delivery and its attempts, for ``GET /__sandbox/webhook-deliveries``."""

    id: int
    url: str
    space_id: str
    body: dict[str, Any]
    signature: str
    attempts: list[dict[str, Any]] = field(default_factory=list)
    delivered: bool = False
    finished: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "spaceId": self.space_id,
            "eventName": self.body.get("eventName"),
            "body": self.body,
            "signature": self.signature,
            "attempts": list(self.attempts),
            "delivered": self.delivered,
            "finished": self.finished,
        }
