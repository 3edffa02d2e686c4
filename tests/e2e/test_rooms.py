"""SpaceRooms: create, read (by id and by alias), list, update and delete a room."""

from __future__ import annotations

import re

import pytest
from moodhood_api.api.space_rooms import delete_room, get_room, get_room_by_alias, list_rooms, update_room
from moodhood_api.models import Room, RoomList, RoomType, RoomUpdate

from moodhood import NotFoundError
from tests._flavours import Connect
from tests.e2e.conftest import is_object_id, new_room, new_space

ALIAS = re.compile(r"[A-Za-z0-9_-]{6,}")


@pytest.mark.vcr
async def test_rooms(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E rooms")
    room = await new_room(owner, space_id, "Lesson", type_=RoomType.LESSON, is_chat_allowed=True)
    assert isinstance(room.alias, str) and ALIAS.fullmatch(room.alias)
    assert room.is_chat_allowed is True and room.type_ == "lesson"
    assert is_object_id(room.channel_id)

    fetched = await owner(get_room, space_id, room.id)
    assert isinstance(fetched, Room)
    assert (fetched.id, fetched.alias, fetched.channel_id) == (room.id, room.alias, room.channel_id)
    by_alias = await owner(get_room_by_alias, room.alias)
    assert isinstance(by_alias, Room) and (by_alias.id, by_alias.space_id) == (room.id, space_id)

    change = RoomUpdate(name="Lesson (renamed)", is_chat_allowed=False)
    assert await owner(update_room, space_id, room.id, body=change) is None
    second = await new_room(owner, space_id, "Webinar", type_=RoomType.WEBINAR)
    rooms = await owner(list_rooms, space_id)
    assert isinstance(rooms, RoomList)
    listed = {r.id: r for r in rooms.items}
    assert set(listed) == {room.id, second.id}
    assert listed[room.id].name == "Lesson (renamed)" and listed[room.id].is_chat_allowed is False
    assert listed[second.id].type_ == "webinar"

    assert await owner(delete_room, space_id, room.id) is None
    with pytest.raises(NotFoundError) as gone:
        await owner(get_room, space_id, room.id)
    assert gone.value.status_code == 404
    rooms = await owner(list_rooms, space_id)
    assert [r.id for r in rooms.items] == [second.id]
