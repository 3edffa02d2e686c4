"""RoomGenerateAccess: a personal join link and a guest link, both pointing at the room's alias."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from moodhood_api.api.room_generate_access import room_generate_access, room_generate_guest_url
from moodhood_api.models import (
    GenerateAccessRequest,
    GenerateAccessResponse,
    GenerateAccessRole,
    GuestUrlRequest,
    GuestUrlResponse,
)

from tests._flavours import Connect
from tests.e2e.conftest import jwt_claims, new_room, new_space


def link_parts(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query)


@pytest.mark.vcr
async def test_generate_access_and_guest_url(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E links")
    room = await new_room(owner, space_id, "Open day")

    body = GenerateAccessRequest(
        username="Ada Guest", role=GenerateAccessRole.MODERATOR, external_user_id="lms-42", ttl=3600
    )
    access = await owner(room_generate_access, space_id, room.id, body=body)
    assert isinstance(access, GenerateAccessResponse)
    path, query = link_parts(access.url)
    assert path.endswith(f"/room/{room.alias}")
    assert query["participantName"] == ["Ada Guest"]
    assert jwt_claims(query["accessToken"][0])["aud"] == "user"

    guest = await owner(room_generate_guest_url, space_id, room.id, body=GuestUrlRequest(username="Walk-in"))
    assert isinstance(guest, GuestUrlResponse)
    path, query = link_parts(guest.room_url)
    assert path.endswith(f"/room/{room.alias}")
    assert query["participantName"] == ["Walk-in"]
    assert jwt_claims(query["accessToken"][0])["aud"] == "user"
    assert query["accessToken"] != link_parts(access.url)[1]["accessToken"]  # each link has its own token
