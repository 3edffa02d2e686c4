"""The company's MoodHood glue: one room per meeting, one personal join link per participant.

Kept apart from the web layer (``app.py``) so it can be tested with cassettes (``tests/``).
"""

from __future__ import annotations

from dataclasses import dataclass

from moodhood import AsyncMoodhood
from moodhood.embed import RoomLink, link_from_url
from moodhood.types import Unset


@dataclass(frozen=True)
class Meeting:
    """A meeting of ours and the MoodHood room that hosts it."""

    id: str  # the room id: MoodHood's ids are unique, so it doubles as ours
    space_id: str
    title: str
    room_alias: str


async def create_meetings_space(mh: AsyncMoodhood, name: str = "Meetings") -> str:
    """A space to hold the meeting rooms; returns its id."""
    space = await mh.spaces.create(name=name)
    return space.id


async def register_webhook(mh: AsyncMoodhood, space_id: str, url: str) -> str:
    """Point the space's webhook at ``url``; returns the signing secret (shown only now: keep it)."""
    webhook = await mh.webhooks.create(space_id, url=url)
    return webhook.secret


async def create_meeting(mh: AsyncMoodhood, space_id: str, title: str) -> Meeting:
    """A fresh room for one meeting."""
    room = await mh.rooms.create(
        space_id, name=title, type="lesson", is_chat_allowed=True, is_screensharing_allowed=True
    )
    if isinstance(room.alias, Unset):  # the spec leaves it optional; links need it
        raise RuntimeError(f"MoodHood returned room {room.id} without an alias")
    return Meeting(id=room.id, space_id=space_id, title=title, room_alias=room.alias)


async def join_link(mh: AsyncMoodhood, meeting: Meeting, participant: str, *, host: bool = False) -> RoomLink:
    """A personal, single-use link into the meeting's room for ``participant`` (RoomLink masks its token)."""
    access = await mh.rooms.generate_access(
        meeting.space_id,
        meeting.id,
        username=participant,
        role="moderator" if host else "user",
        external_meeting_id=meeting.id,
        ttl=4 * 60 * 60,
    )
    return link_from_url(access.url)
