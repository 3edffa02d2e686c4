"""RoomRecords and SpaceAnalytics: a call is joined and finished, then its recording and analytics are read.

Finishing a call needs the sandbox's control endpoint (at record time only; replay skips it), so this
scenario is ``sandbox_only``.
"""

from __future__ import annotations

import datetime

import pytest
from moodhood_api.api.participants import create_participant, join_room
from moodhood_api.api.room_records import list_room_records, redirect_to_download_room_record
from moodhood_api.api.space_analytics import analytics_calls, get_room_analytics_report
from moodhood_api.models import (
    AnalyticsReport,
    AnalyticsReportFormat,
    CallList,
    JoinRoomRequest,
    Participant,
    ParticipantCreate,
    RoomRecordList,
)

from tests._flavours import Connect
from tests.e2e.conftest import Target, is_object_id, new_room, new_space


@pytest.mark.sandbox_only
@pytest.mark.vcr
async def test_records_and_analytics(connect: Connect, target: Target) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E records")
    room = await new_room(owner, space_id, "Recorded lesson", is_record_allowed=True)
    body = ParticipantCreate(name="Teacher", room_id=room.id, role="host", client_unique_id="e2e-teacher")
    participant = await owner(create_participant, space_id, body=body)
    assert isinstance(participant, Participant)
    await owner(join_room, space_id, room.id, body=JoinRoomRequest(participant_id=participant.id))
    target.finish_call(room.id)

    records = await owner(list_room_records, space_id, room.id)
    assert isinstance(records, RoomRecordList) and records.total == len(records.items) >= 1
    record = records.items[-1]  # oldest first: ours is the newest (the sandbox also seeds a sample one)
    assert is_object_id(record.id) and is_object_id(record.call_id)
    assert (record.room_id, record.space_id) == (room.id, space_id)
    assert isinstance(record.finished_at, datetime.datetime)
    assert isinstance(record.file_size, float | int) and record.file_size > 0

    url = await owner(redirect_to_download_room_record, space_id, room.id, record.id)
    assert isinstance(url, str) and url.startswith(("http://", "https://")) and f"{record.id}.mp4" in url

    assert isinstance(record.started_at, datetime.datetime)
    day = record.started_at.date().isoformat()  # the recording's day, not today: replay sends the same
    calls = await owner(analytics_calls, space_id, room_id=room.id, date=day)
    assert isinstance(calls, CallList)
    (call,) = [c for c in calls.items if c.id == record.call_id]
    assert call.room_id == room.id and call.active is False

    report = await owner(
        get_room_analytics_report,
        space_id,
        room_id=room.id,
        call_id=call.id,
        format_=AnalyticsReportFormat.JSON,
    )
    assert isinstance(report, AnalyticsReport)
    data = report.additional_properties
    assert (data["callId"], data["roomId"]) == (call.id, room.id)
    assert [p["name"] for p in data["participants"]] == ["Teacher"]
    assert data["participants"][0]["participantId"] == participant.id
