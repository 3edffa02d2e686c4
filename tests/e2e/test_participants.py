"""Participants: the mobile apps' join flow on a client token (room by alias, participant, signaling,
join)."""

from __future__ import annotations

import pytest
from moodhood_api.api.participants import create_participant, create_participant_signaling_token, join_room
from moodhood_api.api.space_rooms import get_room_by_alias
from moodhood_api.models import JoinRoomRequest, Participant, ParticipantCreate, Room, SignalingToken

from tests._flavours import Connect
from tests.e2e.conftest import is_object_id, jwt_claims, new_room, new_space

# The Android app sends a fresh ObjectId; a fixed one keeps recorded bodies stable.
DEVICE_ID = "5f3b8b9c2a1e4d0012345678"


@pytest.mark.vcr
async def test_participants_and_join(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E calls")
    alias = (await new_room(owner, space_id, "Stand-up")).alias
    assert isinstance(alias, str)

    app = connect(username=None, password=None)  # a client token, as the iOS and Android apps use
    room = await app(get_room_by_alias, alias)
    assert isinstance(room, Room) and room.space_id == space_id and is_object_id(room.channel_id)
    assert isinstance(room.space_id, str)

    body = ParticipantCreate(name="Pixel 9", room_id=room.id, role="host", client_unique_id=DEVICE_ID)
    participant = await app(create_participant, room.space_id, body=body)
    assert isinstance(participant, Participant) and is_object_id(participant.id)

    signaling = await app(create_participant_signaling_token, room.space_id, participant.id)
    assert isinstance(signaling, SignalingToken)
    claims = jwt_claims(signaling.signaling_token)
    assert claims["aud"] == "host" and claims["exp"] > claims.get("iat", 0)

    joined = await app(join_room, room.space_id, room.id, body=JoinRoomRequest(participant_id=participant.id))
    assert joined is None
