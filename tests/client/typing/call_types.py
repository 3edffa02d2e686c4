"""Checked by mypy --strict from tests/client/test_typing.py (never imported at run time).

``call`` returns the success model itself: not Optional, not the error union, in any context. Arguments
are not checked (the documented compromise: mypy cannot drop ``client`` from a ParamSpec).
"""

from __future__ import annotations

from typing import Any, assert_type

from moodhood_api.api.auth import get_access_token
from moodhood_api.api.room_records import redirect_to_download_room_record
from moodhood_api.api.space_rooms import create_room, delete_room, get_room
from moodhood_api.api.spaces import create_space, list_spaces
from moodhood_api.models import (
    Error,
    GrantType,
    IdResponse,
    Room,
    RoomCreate,
    SpaceCreate,
    SpaceList,
    TokenRequest,
    TokenResponse,
)

from moodhood._client import AsyncMoodhood, Moodhood


def sync_calls(mh: Moodhood) -> None:
    assert_type(mh.call(create_space.sync_detailed, body=SpaceCreate(name="Team")), IdResponse)
    assert_type(mh.call(list_spaces.sync_detailed), SpaceList)
    assert_type(mh.call(get_room.sync_detailed, "s", "r"), Room)
    assert_type(mh.call(create_room.sync_detailed, "s", body=RoomCreate(name="R"), retry_post=True), Room)
    assert_type(mh.call(delete_room.sync_detailed, "s", "r", max_retries=0, timeout=3.0), Any)
    token = TokenRequest(client_id="c", client_secret="s", grant_type=GrantType.CLIENT_CREDENTIALS)
    assert_type(mh.call(get_access_token.sync_detailed, body=token), TokenResponse)
    assert_type(mh.call(redirect_to_download_room_record.sync_detailed, "s", "r", "x"), Any)
    room: Room = mh.call(get_room.sync_detailed, "s", "r")
    assert_type(room.id, str)
    wrong: Error = mh.call(get_room.sync_detailed, "s", "r")  # type: ignore[assignment]
    del wrong
    mh.call(get_room.asyncio_detailed, "s", "r")  # type: ignore[arg-type]
    print(mh.call(list_spaces.sync_detailed))  # an `object` context still solves to the model
    anything: object = mh.call(list_spaces.sync_detailed)
    del anything


async def async_calls(amh: AsyncMoodhood) -> None:
    assert_type(await amh.call(create_space.asyncio_detailed, body=SpaceCreate(name="Team")), IdResponse)
    assert_type(await amh.call(list_spaces.asyncio_detailed, timeout=None), SpaceList)
    assert_type(await amh.call(get_room.asyncio_detailed, "s", "r"), Room)
    assert_type(await amh.call(delete_room.asyncio_detailed, "s", "r"), Any)
    token = TokenRequest(client_id="c", client_secret="s", grant_type=GrantType.CLIENT_CREDENTIALS)
    assert_type(await amh.call(get_access_token.asyncio_detailed, body=token), TokenResponse)
    await amh.call(get_room.sync_detailed, "s", "r")  # type: ignore[arg-type]
    print(await amh.call(list_spaces.asyncio_detailed))
    anything: object = await amh.call(list_spaces.asyncio_detailed)
    room: Room = await amh.call(get_room.asyncio_detailed, "s", "r")
    wrong: Error = await amh.call(get_room.asyncio_detailed, "s", "r")  # type: ignore[arg-type]
    del anything, room, wrong


def options(mh: Moodhood, amh: AsyncMoodhood) -> None:
    assert_type(mh.with_options(max_retries=0), Moodhood)
    assert_type(amh.with_options(timeout=1.0), AsyncMoodhood)
