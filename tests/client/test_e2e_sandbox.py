"""End to end against the running sandbox: at least one operation per tag, with Moodhood and AsyncMoodhood.

Each scenario is written once and runs twice: ``api(module, *args)`` calls ``module.sync_detailed`` through
``Moodhood`` or ``module.asyncio_detailed`` through ``AsyncMoodhood``.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from moodhood_api.api.auth import get_access_token
from moodhood_api.api.participants import create_participant, create_participant_signaling_token, join_room
from moodhood_api.api.room_generate_access import room_generate_access, room_generate_guest_url
from moodhood_api.api.room_records import list_room_records, redirect_to_download_room_record
from moodhood_api.api.room_roles import grant_role_to_user_at_room
from moodhood_api.api.space_analytics import analytics_calls, get_room_analytics_report
from moodhood_api.api.space_invites import activate_invite, create_invite
from moodhood_api.api.space_rooms import (
    create_room,
    delete_room,
    get_room,
    get_room_by_alias,
    list_rooms,
    update_room,
)
from moodhood_api.api.spaces import create_space, list_spaces, update_space
from moodhood_api.api.users import (
    create_new_user,
    get_me,
    get_my_meeting_settings,
    update_my_meeting_settings,
)
from moodhood_api.api.web_hook import (
    create_web_hook,
    delete_web_hook,
    get_web_hook,
    refresh_secret_web_hook,
    update_web_hook,
)
from moodhood_api.models import (
    AnalyticsReport,
    AnalyticsReportFormat,
    CallList,
    GenerateAccessRequest,
    GenerateAccessRole,
    GrantType,
    GuestUrlRequest,
    IdResponse,
    InviteCreate,
    JoinRoomRequest,
    MeetingSettings,
    MeetingSettingsUpdate,
    Participant,
    ParticipantCreate,
    Room,
    RoomCreate,
    RoomList,
    RoomRecordList,
    RoomRole,
    RoomRoleGrant,
    RoomUpdate,
    SignalingToken,
    SpaceCreate,
    SpaceInviteRole,
    SpaceList,
    SpaceUpdate,
    TokenRequest,
    TokenResponse,
    User,
    UserCreate,
    Webhook,
    WebhookCreate,
    WebhookUpdate,
    WebhookWithSecret,
)

from moodhood import _exceptions as exc
from moodhood._client import AsyncMoodhood, Moodhood
from tests._flavours import Api, Connect, sandbox_client

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(params=["sync", "async"])
async def connect(request: pytest.FixtureRequest, sandbox: Any) -> AsyncIterator[Connect]:
    """Build clients of the parametrized flavour against the sandbox (user credentials by default)."""
    made: list[Moodhood | AsyncMoodhood] = []

    def make(**kwargs: Any) -> Api:
        client = sandbox_client(request.param, sandbox, **kwargs)
        made.append(client)
        return Api(client)

    yield make
    for client in made:
        if isinstance(client, AsyncMoodhood):
            await client.close()
        else:
            client.close()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "USERNAME", "PASSWORD", "TOKEN"):
        monkeypatch.delenv(f"MOODHOOD_{name}", raising=False)


async def new_space(api: Api) -> str:
    created = await api(create_space, body=SpaceCreate(name=f"Team {uuid.uuid4().hex[:6]}"))
    assert isinstance(created, IdResponse)
    return created.id


async def new_room(api: Api, space_id: str) -> Room:
    room = await api(create_room, space_id, body=RoomCreate(name="Lesson"))
    assert isinstance(room, Room)
    return room


async def test_auth_tag(connect: Connect, sandbox: Any) -> None:
    api = connect(token=sandbox.personal_token)
    body = TokenRequest(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        grant_type=GrantType.CLIENT_CREDENTIALS,
    )
    token = await api(get_access_token, body=body)
    assert isinstance(token, TokenResponse)
    assert token.access_token and token.token_type.lower() == "bearer"
    body.client_secret = "wrong-secret"
    with pytest.raises(exc.AuthenticationError) as info:
        await api(get_access_token, body=body)
    assert info.value.code == "invalid_client"


async def test_spaces_tag(connect: Connect) -> None:
    api = connect()
    space_id = await new_space(api)
    assert await api(update_space, space_id, body=SpaceUpdate(name="Renamed", is_public=True)) is None
    spaces = await api(list_spaces)
    assert isinstance(spaces, SpaceList)
    assert {s.id: s.name for s in spaces.items}[space_id] == "Renamed"


async def test_space_rooms_tag(connect: Connect) -> None:
    api = connect()
    space_id = await new_space(api)
    room = await new_room(api, space_id)
    assert (await api(get_room, space_id, room.id)).id == room.id
    assert (await api(get_room_by_alias, room.alias)).id == room.id
    await api(update_room, space_id, room.id, body=RoomUpdate(name="Renamed"))
    rooms = await api(list_rooms, space_id)
    assert isinstance(rooms, RoomList)
    assert [r.name for r in rooms.items if r.id == room.id] == ["Renamed"]
    assert await api(delete_room, space_id, room.id) is None
    with pytest.raises(exc.NotFoundError) as info:
        await api(get_room, space_id, room.id)
    assert info.value.code and info.value.message.startswith("404 ")


async def test_users_tag(connect: Connect, sandbox: Any) -> None:
    api = connect()
    me = await api(get_me)
    assert isinstance(me, User) and me.email == sandbox.username
    space_id = await new_space(api)
    room = await new_room(api, space_id)
    update = MeetingSettingsUpdate(room_id=room.id, space_id=space_id)
    assert isinstance(await api(update_my_meeting_settings, body=update), MeetingSettings)
    settings = await api(get_my_meeting_settings)
    assert (settings.room_id, settings.space_id) == (room.id, space_id)
    email = f"new-{uuid.uuid4().hex[:8]}@example.com"
    created = await api(create_new_user, body=UserCreate(email=email, password="pw-12345678", username="New"))
    assert isinstance(created, IdResponse)


async def test_invites_and_room_roles_tags(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner)
    room = await new_room(owner, space_id)
    email, password = f"guest-{uuid.uuid4().hex[:8]}@example.com", "pw-12345678"
    user_id = (await owner(create_new_user, body=UserCreate(email=email, password=password, username="G"))).id
    invite = await owner(create_invite, space_id, body=InviteCreate(role=SpaceInviteRole.ROLE_SPACE_USER))
    invited = connect(username=email, password=password)
    assert await invited(activate_invite, space_id, invite.id) is None
    with pytest.raises(exc.APIStatusError) as info:  # single use
        await invited(activate_invite, space_id, invite.id)
    assert 400 <= info.value.status_code < 500
    grant = RoomRoleGrant(target_user_id=user_id, role=RoomRole.ROLE_ROOM_MODERATOR)
    assert await owner(grant_role_to_user_at_room, space_id, room.id, body=grant) is None


async def test_generate_access_tag(connect: Connect) -> None:
    api = connect()
    space_id = await new_space(api)
    room = await new_room(api, space_id)
    body = GenerateAccessRequest(username="Guest", role=GenerateAccessRole.USER)
    access = await api(room_generate_access, space_id, room.id, body=body, retry_post=True)
    assert room.alias in access.url and "accessToken=" in access.url
    guest = await api(room_generate_guest_url, space_id, room.id, body=GuestUrlRequest(username="Walk-in"))
    assert room.alias in guest.room_url


async def test_participants_records_and_analytics_tags(connect: Connect, sandbox: Any) -> None:
    api = connect()
    space_id = await new_space(api)
    room = await new_room(api, space_id)
    body = ParticipantCreate(
        name="Phone", room_id=room.id, role="host", client_unique_id=uuid.uuid4().hex[:24]
    )
    participant = await api(create_participant, space_id, body=body)
    assert isinstance(participant, Participant)
    signaling = await api(create_participant_signaling_token, space_id, participant.id)
    assert isinstance(signaling, SignalingToken) and signaling.signaling_token
    assert (
        await api(join_room, space_id, room.id, body=JoinRoomRequest(participant_id=participant.id)) is None
    )
    finished = sandbox.finish_call(room.id)

    records = await api(list_room_records, space_id, room.id)
    assert isinstance(records, RoomRecordList)
    (record,) = [r for r in records.items if r.id == finished["recordId"]]
    url = await api(redirect_to_download_room_record, space_id, room.id, record.id)
    assert isinstance(url, str) and url.startswith("http")

    assert isinstance(record.created_at, datetime.datetime)
    day = record.created_at.date().isoformat()  # the sandbox's day, not the test machine's
    calls = await api(analytics_calls, space_id, room_id=room.id, date=day)
    assert isinstance(calls, CallList)
    assert finished["callId"] in [c.id for c in calls.items]
    report = await api(
        get_room_analytics_report,
        space_id,
        room_id=room.id,
        call_id=finished["callId"],
        format_=AnalyticsReportFormat.JSON,
    )
    assert isinstance(report, AnalyticsReport)


async def test_webhook_tag(connect: Connect) -> None:
    api = connect()
    space_id = await new_space(api)
    created = await api(create_web_hook, space_id, body=WebhookCreate(url="https://hooks.example.test/in"))
    assert isinstance(created, WebhookWithSecret) and created.secret
    assert isinstance(await api(get_web_hook, space_id), Webhook)
    updated = await api(update_web_hook, space_id, body=WebhookUpdate(is_active=False))
    assert updated.is_active is False
    refreshed = await api(refresh_secret_web_hook, space_id)
    assert refreshed.secret and refreshed.secret != created.secret
    assert await api(delete_web_hook, space_id) is None
    with pytest.raises(exc.NotFoundError):
        await api(get_web_hook, space_id)


async def test_retries_and_typed_errors_end_to_end(connect: Connect, sandbox: Any) -> None:
    api = connect()
    await api(list_spaces)  # tokens first, so the faults below hit the API calls
    sandbox.fault("/v1/spaces", "GET", 503, count=2, retry_after=0)
    assert isinstance(await api(list_spaces), SpaceList)  # two retries absorb two 503s

    sandbox.fault("/v1/spaces", "POST", 503, count=1, retry_after=0)
    with pytest.raises(exc.InternalServerError) as info:
        await api(create_space, body=SpaceCreate(name="Once"))
    assert info.value.code == "sandbox_fault"
    await new_space(api)  # the fault was used up by the single, un-replayed attempt

    sandbox.fault("/v1/spaces", "GET", 520, body="html")
    with pytest.raises(exc.InternalServerError) as server:
        await api(list_spaces, max_retries=0)
    assert server.value.status_code == 520 and isinstance(server.value.body, str)

    sandbox.fault("/v1/spaces", "GET", 499)
    with pytest.raises(exc.APIStatusError) as other:
        await api(list_spaces)
    assert type(other.value) is exc.APIStatusError and other.value.status_code == 499

    sandbox.fault("/v1/spaces", "GET", 429, retry_after=3600)
    with pytest.raises(exc.RateLimitError) as limited:
        await api(list_spaces)
    assert limited.value.retry_after == 3600


async def test_revoked_tokens_are_renewed_and_personal_revocation_raises(
    connect: Connect, sandbox: Any
) -> None:
    owner = connect()
    space_id = await new_space(owner)
    room = await new_room(owner, space_id)
    app = connect(username=None, password=None)  # client credentials only: a client token
    assert (await app(get_room, space_id, room.id)).id == room.id  # a client token may read rooms
    sandbox.revoke_all(personal_tokens=False)
    assert (await app(get_room, space_id, room.id)).id == room.id  # 401 → new client token → replayed
    # User mode after revocation: 401, refresh refused, new client token, password grant (3 requests).
    assert space_id in [space.id for space in (await owner(list_spaces)).items]
    with pytest.raises(exc.PermissionDeniedError):
        await app(list_spaces)  # a client token may not list spaces (403)
    personal = connect(token=sandbox.personal_token)
    sandbox.revoke_all(personal_tokens=True)
    with pytest.raises(exc.AuthenticationError):
        await personal(list_spaces)


async def test_timeouts_end_to_end(connect: Connect, sandbox: Any) -> None:
    api = connect()
    await api(list_spaces)
    sandbox.fault("/v1/spaces", "GET", 0, delay=1.0)
    with pytest.raises(exc.APITimeoutError):
        await api(list_spaces, timeout=httpx.Timeout(0.2), max_retries=0)


async def test_token_requests_are_retried_on_5xx_only(connect: Connect, sandbox: Any) -> None:
    sandbox.fault("/v1/auth/token", "POST", 503, count=2, retry_after=0)
    assert isinstance(await connect()(list_spaces), SpaceList)  # the token request is retried past two 503s

    sandbox.fault("/v1/auth/token", "POST", 429, count=1, retry_after=0)
    with pytest.raises(exc.TokenError) as info:
        await connect()(list_spaces)
    assert info.value.status_code == 429  # a token request is not replayed on 429
    assert isinstance(await connect()(list_spaces), SpaceList)  # the fault was used up by one attempt


def test_callers_client_over_real_sockets_keeps_its_hooks(sandbox: Any) -> None:
    """A caller's httpx.Client (its own transport, default headers and event hooks, one hook reading every
    body) still gets auth, typed errors and gzip-decoded bodies over a real connection."""
    seen: list[tuple[str, int]] = []

    def read_body(response: httpx.Response) -> None:
        response.read()
        seen.append((response.request.url.path, response.status_code))

    http = httpx.Client(
        transport=httpx.HTTPTransport(retries=0),
        headers={"Accept-Encoding": "gzip", "X-Cl-Id": sandbox.client_id},
        event_hooks={"response": [read_body]},
    )
    with Moodhood(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        username=sandbox.username,
        password=sandbox.password,
        http_client=http,
    ) as mh:
        space = mh.call(create_space.sync_detailed, body=SpaceCreate(name="Hooked"))
        assert any(s.id == space.id for s in mh.call(list_spaces.sync_detailed).items)
        with pytest.raises(exc.NotFoundError):
            mh.call(get_room.sync_detailed, space.id, "0" * 24)
    assert ("/v1/auth/token", 200) in seen and ("/v1/spaces", 201) in seen
    assert seen[-1][1] == 404
    assert not http.is_closed
    http.close()


def test_async_client_works_across_several_asyncio_run_calls(sandbox: Any) -> None:
    """httpx's pooled connections belong to the loop that opened them: the second asyncio.run used to fail
    with a bare RuntimeError('Event loop is closed') on the connection the first one left in the pool."""
    import asyncio

    amh = AsyncMoodhood(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        username=sandbox.username,
        password=sandbox.password,
    )
    copy = amh.with_options(max_retries=0)
    for client in (amh, copy, amh):
        assert isinstance(asyncio.run(client.call(list_spaces.asyncio_detailed)), SpaceList)
    assert copy._shared.http_client is amh._shared.http_client  # still one pool, shared
    asyncio.run(amh.close())
    assert amh._shared.http_client.is_closed
