"""The issue's whole resource table against the sandbox, for ``Moodhood`` and ``AsyncMoodhood``.

Every method of ``mh.spaces / rooms / users / invites / participants / webhooks / records / analytics`` is
called over real loopback HTTP and its typed result checked; the same steps run through both flavours.
"""

from __future__ import annotations

import datetime
import inspect
import secrets
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from moodhood import AsyncMoodhood, InternalServerError, Moodhood, NotFoundError, PermissionDeniedError
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
from tests._flavours import sandbox_client

pytestmark = pytest.mark.timeout(90)

Client = Moodhood | AsyncMoodhood


async def done(value: Any) -> Any:
    """The result of a resource call of either flavour (an async method's coroutine is awaited)."""
    return await value if inspect.isawaitable(value) else value


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "USERNAME", "PASSWORD", "TOKEN"):
        monkeypatch.delenv(f"MOODHOOD_{name}", raising=False)


@pytest.fixture(params=["sync", "async"])
async def connect(request: pytest.FixtureRequest, sandbox: Any) -> AsyncIterator[Callable[..., Client]]:
    made: list[Client] = []

    def make(**kwargs: Any) -> Client:
        client = sandbox_client(request.param, sandbox, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        await done(client.close())


async def test_spaces_rooms_and_roles(connect: Callable[..., Client]) -> None:
    mh = connect()
    space = await done(mh.spaces.create(name="Team"))
    assert isinstance(space, IdResponse)
    assert await done(mh.spaces.update(space.id, name="Team B", is_public=True)) is None
    spaces = await done(mh.spaces.list())
    assert isinstance(spaces, SpaceList) and "Team B" in {s.name for s in spaces.items}

    room = await done(mh.rooms.create(space.id, name="Daily", type="lesson", is_chat_allowed=False))
    assert isinstance(room, Room) and room.type_ == RoomType.LESSON and room.space_id == space.id
    webinar = await done(mh.rooms.create(space.id, body=RoomCreate(name="Talk", type_=RoomType.WEBINAR)))
    assert isinstance(webinar, Room) and webinar.type_ == RoomType.WEBINAR
    assert (await done(mh.rooms.get(space.id, room.id))).alias == room.alias
    assert (await done(mh.spaces.get_room_by_alias(room.alias))).id == room.id
    listed = await done(mh.rooms.list(space.id))
    assert isinstance(listed, RoomList) and {r.id for r in listed.items} == {room.id, webinar.id}
    assert await done(mh.rooms.update(space.id, room.id, name="Daily standup")) is None
    assert (await done(mh.rooms.get(space.id, room.id))).name == "Daily standup"

    access = await done(
        mh.rooms.generate_access(space.id, room.id, username="Ann", role="moderator", ttl=600)
    )
    assert isinstance(access, GenerateAccessResponse) and room.alias in access.url
    guest = await done(mh.rooms.guest_url(space.id, room.id, username="Guest"))
    assert isinstance(guest, GuestUrlResponse) and room.alias in guest.room_url

    assert await done(mh.rooms.delete(space.id, webinar.id)) is None
    with pytest.raises(NotFoundError):
        await done(mh.rooms.get(space.id, webinar.id))


async def test_users_invites_and_grant_role(connect: Callable[..., Client]) -> None:
    owner = connect()
    space = await done(owner.spaces.create(name="Access"))
    room = await done(owner.rooms.create(space.id, name="Private", is_public=False))
    saved = await done(owner.users.update_meeting_settings(room_id=room.id, space_id=space.id))
    assert isinstance(saved, MeetingSettings) and saved.room_id == room.id
    assert (await done(owner.users.meeting_settings())).space_id == space.id

    email, password = f"res-{secrets.token_hex(4)}@example.com", secrets.token_urlsafe(12)
    created = await done(owner.users.create(email=email, password=password, username="Res"))
    assert isinstance(created, IdResponse)
    member = connect(username=email, password=password)
    me = await done(member.users.me())
    assert isinstance(me, User) and me.id == created.id

    invite = await done(owner.invites.create(space.id, role="role_space_user"))
    assert isinstance(invite, IdResponse)
    assert await done(member.invites.activate(space.id, invite.id)) is None
    assert space.id in {s.id for s in (await done(member.spaces.list())).items}
    granted = owner.rooms.grant_role(space.id, room.id, target_user_id=created.id, role="role_room_moderator")
    assert await done(granted) is None


async def test_participants_records_analytics(connect: Callable[..., Client], sandbox: Any) -> None:
    mh = connect()
    space = await done(mh.spaces.create(name="Calls"))
    room = await done(mh.rooms.create(space.id, name="Lesson"))
    participant = await done(
        mh.participants.create(
            space.id, name="Phone", room_id=room.id, role="host", client_unique_id="c" * 24
        )
    )
    assert isinstance(participant, Participant)
    token = await done(mh.participants.signaling_token(space.id, participant.id))
    assert isinstance(token, SignalingToken) and token.signaling_token
    assert await done(mh.rooms.join(space.id, room.id, participant_id=participant.id)) is None
    finished = sandbox.finish_call(room.id)

    records = await done(mh.records.list(space.id, room.id))
    assert isinstance(records, RoomRecordList)
    (record,) = [r for r in records.items if r.id == finished["recordId"]]
    as_text = await done(mh.records.download_url(space.id, room.id, record.id))
    sandbox.settings(record_download="redirect")
    as_redirect = await done(mh.records.download_url(space.id, room.id, record.id))
    assert isinstance(as_text, str) and as_text.startswith("http") and record.id in as_text
    assert as_redirect == as_text  # the 302's Location, not followed

    assert isinstance(record.created_at, datetime.datetime)
    calls = await done(
        mh.analytics.calls(space.id, room_id=room.id, date=record.created_at.date().isoformat())
    )
    assert isinstance(calls, CallList) and finished["callId"] in {c.id for c in calls.items}
    report = await done(
        mh.analytics.report(space.id, room_id=room.id, call_id=finished["callId"], format="json")
    )
    assert isinstance(report, AnalyticsReport)
    xlsx = await done(
        mh.analytics.report(space.id, room_id=room.id, call_id=finished["callId"], format="xlsx")
    )
    assert isinstance(xlsx, bytes) and xlsx.startswith(b"PK\x03\x04")  # a zip container: an .xlsx workbook


async def test_webhooks(connect: Callable[..., Client]) -> None:
    mh = connect()
    space = await done(mh.spaces.create(name="Hooks"))
    created = await done(mh.webhooks.create(space.id, url="https://hooks.example.test/in"))
    assert isinstance(created, WebhookWithSecret) and created.secret
    assert isinstance(await done(mh.webhooks.get(space.id)), Webhook)
    updated = await done(mh.webhooks.update(space.id, is_active=False))
    assert isinstance(updated, Webhook) and updated.is_active is False
    refreshed = await done(mh.webhooks.refresh_secret(space.id))
    assert refreshed.secret and refreshed.secret != created.secret
    assert await done(mh.webhooks.delete(space.id)) is None
    with pytest.raises(NotFoundError):
        await done(mh.webhooks.get(space.id))


async def test_typed_errors_and_per_call_options(connect: Callable[..., Client], sandbox: Any) -> None:
    mh = connect(token=sandbox.personal_token)
    space = await done(mh.spaces.create(name="Errors"))
    sandbox.fault("/v1/spaces/*/rooms", method="GET", status=503, count=1)
    with pytest.raises(InternalServerError) as failed:  # max_retries=0: the one 503 is not retried
        await done(mh.rooms.list(space.id, max_retries=0))
    assert failed.value.status_code == 503
    sandbox.fault("/v1/spaces/*/rooms", method="GET", status=503, count=1)
    assert isinstance(await done(mh.rooms.list(space.id, max_retries=1)), RoomList)
    client = connect(username=None, password=None)  # client credentials only: a client token
    with pytest.raises(PermissionDeniedError):
        await done(client.spaces.list())
