"""Users, SpaceInvites and RoomRoles: a new user logs in, takes an invite, and gets a room role."""

from __future__ import annotations

import secrets

import pytest
from moodhood_api.api.room_roles import grant_role_to_user_at_room
from moodhood_api.api.space_invites import activate_invite, create_invite
from moodhood_api.api.spaces import list_spaces
from moodhood_api.api.users import (
    create_new_user,
    get_me,
    get_my_meeting_settings,
    update_my_meeting_settings,
)
from moodhood_api.models import (
    IdResponse,
    InviteCreate,
    MeetingSettings,
    MeetingSettingsUpdate,
    RoomRole,
    RoomRoleGrant,
    SpaceInviteRole,
    SpaceList,
    User,
    UserCreate,
)

from moodhood import APIStatusError
from tests._flavours import Connect
from tests.e2e.conftest import is_object_id, new_room, new_space


@pytest.mark.vcr
async def test_users_invites_and_roles(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E access")
    room = await new_room(owner, space_id, "Private lesson", is_public=False)

    settings = MeetingSettingsUpdate(room_id=room.id, space_id=space_id)
    saved = await owner(update_my_meeting_settings, body=settings)
    assert isinstance(saved, MeetingSettings) and (saved.room_id, saved.space_id) == (room.id, space_id)
    read = await owner(get_my_meeting_settings)
    assert isinstance(read, MeetingSettings) and (read.room_id, read.space_id) == (room.id, space_id)

    # A fresh user each recording (bodies are not matched, so replay needs no particular email).
    email = f"e2e-{secrets.token_hex(4)}@example.com"
    password = f"e2e-{secrets.token_urlsafe(12)}"
    created = await owner(create_new_user, body=UserCreate(email=email, password=password, username="E2E"))
    assert isinstance(created, IdResponse) and is_object_id(created.id)

    member = connect(username=email, password=password)
    me = await member(get_me)
    assert isinstance(me, User) and me.id == created.id
    assert isinstance(me.email, str) and me.email.startswith("e2e-") and me.email.endswith("@example.com")
    spaces = await member(list_spaces)
    assert isinstance(spaces, SpaceList) and space_id not in {s.id for s in spaces.items}

    invite = await owner(create_invite, space_id, body=InviteCreate(role=SpaceInviteRole.ROLE_SPACE_USER))
    assert isinstance(invite, IdResponse) and is_object_id(invite.id)
    assert await member(activate_invite, space_id, invite.id) is None
    spaces = await member(list_spaces)
    assert space_id in {s.id for s in spaces.items}
    with pytest.raises(APIStatusError) as spent:  # an invite works once
        await member(activate_invite, space_id, invite.id)
    assert 400 <= spent.value.status_code < 500

    grant = RoomRoleGrant(target_user_id=created.id, role=RoomRole.ROLE_ROOM_MODERATOR)
    assert await owner(grant_role_to_user_at_room, space_id, room.id, body=grant) is None
