"""The company's MoodHood glue: one room per meeting, one personal join link per participant.

Kept apart from the web layer (``app.py``) so it can be tested with cassettes (``tests/``).
"""

from __future__ import annotations

from dataclasses import dataclass

from moodhood_api.api.room_generate_access import room_generate_access
from moodhood_api.api.space_rooms import create_room
from moodhood_api.api.spaces import create_space
from moodhood_api.api.web_hook import create_web_hook
from moodhood_api.models import (
    GenerateAccessRequest,
    GenerateAccessRole,
    RoomCreate,
    RoomType,
    SpaceCreate,
    WebhookCreate,
)
from moodhood_api.types import Unset

from moodhood import AsyncMoodhood
from moodhood.embed import RoomLink, link_from_url


@dataclass(frozen=True)
class Meeting:
    """A meeting of ours and the MoodHood room that hosts it."""

    id: str  # the room id: MoodHood's ids are unique, so it doubles as ours
    space_id: str
    title: str
    room_alias: str


async def create_meetings_space(mh: AsyncMoodhood, name: str = "Meetings") -> str:
    """A space to hold the meeting rooms; returns its id."""
    space = await mh.call(create_space.asyncio_detailed, body=SpaceCreate(name=name))
    return space.id


async def register_webhook(mh: AsyncMoodhood, space_id: str, url: str) -> str:
    """Point the space's webhook at ``url``; returns the signing secret (shown only now: keep it)."""
    webhook = await mh.call(create_web_hook.asyncio_detailed, space_id, body=WebhookCreate(url=url))
    return webhook.secret


async def create_meeting(mh: AsyncMoodhood, space_id: str, title: str) -> Meeting:
    """A fresh room for one meeting."""
    room = await mh.call(
        create_room.asyncio_detailed,
        space_id,
        body=RoomCreate(
            name=title, type_=RoomType.LESSON, is_chat_allowed=True, is_screensharing_allowed=True
        ),
    )
    if isinstance(room.alias, Unset):  # the spec leaves it optional; links need it
        raise RuntimeError(f"MoodHood returned room {room.id} without an alias")
    return Meeting(id=room.id, space_id=space_id, title=title, room_alias=room.alias)


async def join_link(mh: AsyncMoodhood, meeting: Meeting, participant: str, *, host: bool = False) -> RoomLink:
    """A personal, single-use link into the meeting's room for ``participant`` (RoomLink masks its token)."""
    access = await mh.call(
        room_generate_access.asyncio_detailed,
        meeting.space_id,
        meeting.id,
        body=GenerateAccessRequest(
            username=participant,
            role=GenerateAccessRole.MODERATOR if host else GenerateAccessRole.USER,
            external_meeting_id=meeting.id,
            ttl=4 * 60 * 60,
        ),
    )
    return link_from_url(access.url)
