"""The meetings glue, tested against recorded MoodHood answers (cassettes in ``cassettes/``)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from meetings import create_meeting, create_meetings_space, join_link, register_webhook

from moodhood import AsyncMoodhood, NotFoundError


@pytest.mark.vcr
async def test_a_meeting_gets_its_own_room_and_personal_links() -> None:
    async with AsyncMoodhood() as mh:
        space_id = await create_meetings_space(mh)
        meeting = await create_meeting(mh, space_id, "Quarterly planning")
        assert meeting.title == "Quarterly planning" and len(meeting.room_alias) == 10
        ann = await join_link(mh, meeting, "Ann")
        bob = await join_link(mh, meeting, "Bob", host=True)
    assert ann.alias == bob.alias == meeting.room_alias
    assert parse_qs(urlsplit(ann.url).query)["participantName"] == ["Ann"]
    assert ann.has_token and ann.url != bob.url
    assert "accessToken=…" in str(ann)  # a RoomLink never shows its token


@pytest.mark.vcr
async def test_registering_the_webhook_points_it_at_us_and_returns_its_secret() -> None:
    url = "https://meetings.example.com/webhooks/moodhood"
    async with AsyncMoodhood() as mh:
        space_id = await create_meetings_space(mh, "Webhooks")
        secret = await register_webhook(mh, space_id, url)
        webhook = await mh.webhooks.get(space_id)
    assert isinstance(secret, str) and secret  # cassettes hold it scrubbed; a live run gets the real one
    assert webhook.url == url and webhook.is_active is True


@pytest.mark.vcr
async def test_a_link_for_a_deleted_room_is_a_not_found_error() -> None:
    async with AsyncMoodhood() as mh:
        space_id = await create_meetings_space(mh, "Gone")
        meeting = await create_meeting(mh, space_id, "Cancelled")
        await mh.rooms.delete(space_id, meeting.id)
        with pytest.raises(NotFoundError):
            await join_link(mh, meeting, "Ann")
