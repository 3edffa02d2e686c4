# pyright: strict
"""Correct resource calls: mypy --strict and pyright --strict report nothing (tests/resources/test_typing.py).

Never run: it only has to type-check. Return types are pinned with ``assert_type``.
"""

from __future__ import annotations

from typing import assert_type

from moodhood import AsyncMoodhood, Moodhood
from moodhood.types import (
    AnalyticsReport,
    CallList,
    GenerateAccessResponse,
    GuestUrlResponse,
    IdResponse,
    MeetingSettings,
    Participant,
    Room,
    RoomCreate,
    RoomList,
    RoomRecordList,
    RoomType,
    SignalingToken,
    SpaceList,
    User,
    Webhook,
    WebhookWithSecret,
)


def sync_calls(mh: Moodhood, space_id: str, room_id: str) -> None:
    assert_type(mh.spaces.list(), SpaceList)
    assert_type(mh.spaces.create(name="Team"), IdResponse)
    assert_type(mh.spaces.update(space_id, name="Team", is_public=True, timeout=5), None)
    assert_type(mh.spaces.get_room_by_alias("EGBYWoMZJe"), Room)
    assert_type(mh.rooms.create(space_id, name="Daily", type="lesson"), Room)
    assert_type(mh.rooms.create(space_id, name="Daily", type=RoomType.WEBINAR, is_public=False), Room)
    assert_type(mh.rooms.create(space_id, body=RoomCreate(name="Daily")), Room)
    assert_type(mh.rooms.list(space_id), RoomList)
    assert_type(mh.rooms.get(space_id, room_id, max_retries=0), Room)
    assert_type(mh.rooms.update(space_id, room_id, name="Renamed"), None)
    assert_type(mh.rooms.delete(space_id, room_id), None)
    assert_type(mh.rooms.grant_role(space_id, room_id, target_user_id="u", role="role_room_moderator"), None)
    access = mh.rooms.generate_access(space_id, room_id, username="Ann", role="user")
    assert_type(access, GenerateAccessResponse)
    assert_type(mh.rooms.guest_url(space_id, room_id, username="Guest", ttl=3600), GuestUrlResponse)
    assert_type(mh.rooms.join(space_id, room_id, participant_id="p", retry_post=True), None)
    assert_type(mh.users.create(email="a@example.com", password="pw", username="ann"), IdResponse)
    assert_type(mh.users.me(), User)
    assert_type(mh.users.meeting_settings(), MeetingSettings)
    assert_type(mh.users.update_meeting_settings(room_id=room_id, space_id=space_id), MeetingSettings)
    assert_type(mh.invites.create(space_id, role="role_space_user"), IdResponse)
    assert_type(mh.invites.activate(space_id, "invite"), None)
    assert_type(
        mh.participants.create(space_id, name="Ann", room_id=room_id, role="host", client_unique_id="c"),
        Participant,
    )
    assert_type(mh.participants.signaling_token(space_id, "participant"), SignalingToken)
    assert_type(mh.webhooks.create(space_id, url="https://example.com/hook"), WebhookWithSecret)
    assert_type(mh.webhooks.get(space_id), Webhook)
    assert_type(mh.webhooks.update(space_id, is_active=False), Webhook)
    assert_type(mh.webhooks.delete(space_id), None)
    assert_type(mh.webhooks.refresh_secret(space_id), WebhookWithSecret)
    assert_type(mh.records.list(space_id, room_id), RoomRecordList)
    assert_type(mh.records.download_url(space_id, room_id, "record"), str)
    assert_type(mh.analytics.calls(space_id, room_id=room_id, date="2024-01-01"), CallList)
    assert_type(mh.analytics.report(space_id, room_id=room_id, call_id="c", format="json"), AnalyticsReport)
    assert_type(mh.analytics.report(space_id, room_id=room_id, call_id="c", format="xlsx"), bytes)


async def async_calls(amh: AsyncMoodhood, space_id: str, room_id: str) -> None:
    assert_type(await amh.spaces.create(name="Team"), IdResponse)
    assert_type(await amh.rooms.create(space_id, name="Daily", type="webinar"), Room)
    assert_type(await amh.rooms.get(space_id, room_id), Room)
    assert_type(await amh.rooms.delete(space_id, room_id), None)
    assert_type(await amh.records.download_url(space_id, room_id, "record"), str)
    assert_type(await amh.analytics.report(space_id, room_id=room_id, call_id="c", format="xlsx"), bytes)
    report = await amh.analytics.report(space_id, room_id=room_id, call_id="c", format="json")
    assert_type(report, AnalyticsReport)
    participant: Participant = await amh.participants.create(
        space_id, name="Ann", room_id=room_id, role="host", client_unique_id="c"
    )
    assert_type(participant, Participant)
