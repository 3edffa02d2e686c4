# pyright: strict
"""Wrong resource calls: each line marked with a "wrong" comment must be reported by mypy --strict AND
by pyright --strict, and no other line may be (tests/resources/test_typing.py). Never run."""

from __future__ import annotations

from moodhood import AsyncMoodhood, Moodhood
from moodhood.types import Room, RoomCreate, SpaceCreate


def sync_calls(mh: Moodhood, space_id: str, room_id: str) -> None:
    mh.rooms.get(space_id)  # wrong: missing path argument
    mh.rooms.create(space_id, body=SpaceCreate(name="Team"))  # wrong: body of another operation
    mh.rooms.get(space_id, 42)  # wrong: int id
    mh.rooms.create(space_id, nme="Daily")  # wrong: misspelled keyword
    mh.rooms.create(space_id, name="Daily", type="lessen")  # wrong: not a RoomType value
    mh.rooms.create(space_id)  # wrong: required field missing, no body
    mh.rooms.create(space_id, body=RoomCreate(name="Daily"), name="Daily")  # wrong: body and fields
    mh.invites.create(space_id, role="moderator")  # wrong: a room role is not a space invite role
    mh.analytics.report(space_id, room_id=room_id, call_id="c", format="csv")  # wrong: no such format
    report: bytes = mh.analytics.report(space_id, room_id=room_id, call_id="c", format="json")  # wrong
    del report
    mh.rooms.get(space_id, room_id, timeout="soon")  # wrong: timeout is seconds or httpx.Timeout


async def async_misuse(mh: Moodhood, amh: AsyncMoodhood, space_id: str, room_id: str) -> None:
    await mh.rooms.get(space_id, room_id)  # wrong: awaiting a sync method
    room: Room = amh.rooms.get(space_id, room_id)  # wrong: not awaiting an async method
    del room
