"""Recording with the moodhood preset leaks nothing: a sandbox full of canary secrets, one cassette, no trace.

The sandbox gets a fresh random client secret, user passwords and personal token. A client of every kind
(user, second user, personal token, client token) runs every secret-carrying exchange through the SDK
while vcrpy records into a temporary folder with :func:`moodhood.testing.make_vcr`: all three grants
(the refresh grant after the sandbox clock passes the access tokens' expiry), guest links with tokens in
their URLs, signaling tokens, webhook secrets and record links. Every token the sandbox issued is caught on
its way back (a response hook on the client's ``httpx.Client``, and ``on_token``), and checked against the
sandbox's own list of issued token ids. Then the cassette must hold none of them, and lint must be clean.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from moodhood_api.api.auth import get_access_token
from moodhood_api.api.participants import create_participant, create_participant_signaling_token, join_room
from moodhood_api.api.room_generate_access import room_generate_access, room_generate_guest_url
from moodhood_api.api.room_records import list_room_records, redirect_to_download_room_record
from moodhood_api.api.space_rooms import create_room, get_room_by_alias
from moodhood_api.api.spaces import create_space, list_spaces
from moodhood_api.api.users import create_new_user, get_me
from moodhood_api.api.web_hook import create_web_hook, refresh_secret_web_hook
from moodhood_api.models import (
    GenerateAccessRequest,
    GenerateAccessRole,
    GrantType,
    GuestUrlRequest,
    JoinRoomRequest,
    ParticipantCreate,
    RoomCreate,
    SpaceCreate,
    TokenRequest,
    UserCreate,
    WebhookCreate,
)

from moodhood import Moodhood, TokenEvent
from moodhood._secrets import mask
from moodhood.sandbox import SandboxConfig, SandboxControl, SandboxServer
from moodhood.testing import lint_cassettes, make_vcr
from tests.e2e.conftest import jwt_claims

JWT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
DAY = 24 * 60 * 60


class Canaries:
    """The canary credentials of one run, and every secret seen coming back from the sandbox."""

    def __init__(self) -> None:
        tag = secrets.token_hex(8)
        self.client_id = "canary-client"
        self.client_secret = f"CanaryClientSecret{tag}"
        self.owner = (f"canary-owner-{tag}@example.com", f"canary-owner-password-{tag}")
        self.member_password = f"canary-member-password-{tag}"
        self.personal_token = f"canary-personal-token-{tag}"
        self.issued: set[str] = set()  # tokens and webhook secrets seen in responses
        self.events: list[TokenEvent] = []

    @property
    def given(self) -> list[str]:
        return [self.client_secret, self.owner[1], self.member_password, self.personal_token]

    def harvest(self, response: httpx.Response) -> None:
        """A response hook: keep every JWT and every ``secret`` the sandbox sends back."""
        text = response.read().decode("utf-8", "replace")
        self.issued.update(JWT.findall(text))
        self.issued.update(JWT.findall(response.headers.get("location", "")))
        if response.headers.get("content-type", "").startswith("application/json"):
            body = json.loads(text)
            if isinstance(body, dict) and isinstance(body.get("secret"), str):
                self.issued.add(body["secret"])

    def client(self, server: SandboxServer, **settings: Any) -> Moodhood:
        settings.setdefault("client_id", self.client_id)
        settings.setdefault("client_secret", self.client_secret)
        http = httpx.Client(event_hooks={"response": [self.harvest]})
        return Moodhood(
            base_url=server.base_url, on_token=self.events.append, http_client=http, max_retries=0, **settings
        )


@pytest.fixture
def canaries() -> Canaries:
    return Canaries()


@pytest.fixture
def canary_server(canaries: Canaries) -> Iterator[SandboxServer]:
    config = SandboxConfig(
        client_id=canaries.client_id,
        client_secret=canaries.client_secret,
        users=(canaries.owner,),
        personal_tokens=(canaries.personal_token,),
    )
    with SandboxServer(config) as server:
        yield server


def run_everything(server: SandboxServer, canaries: Canaries) -> None:
    """Every secret-carrying exchange, through the SDK."""
    owner_email, owner_password = canaries.owner
    owner = canaries.client(server, username=owner_email, password=owner_password)
    space = owner.call(create_space.sync_detailed, body=SpaceCreate(name="Canary"))
    room = owner.call(
        create_room.sync_detailed, space.id, body=RoomCreate(name="Canary room", is_public=True)
    )
    member_email = f"member-{secrets.token_hex(4)}@example.com"
    user = UserCreate(email=member_email, password=canaries.member_password, username="Member")
    owner.call(create_new_user.sync_detailed, body=user)
    member = canaries.client(server, username=member_email, password=canaries.member_password)
    assert member.call(get_me.sync_detailed).email == member_email
    personal = canaries.client(server, client_id=None, client_secret=None, token=canaries.personal_token)
    assert space.id in {s.id for s in personal.call(list_spaces.sync_detailed).items}

    link = GenerateAccessRequest(username="Guest", role=GenerateAccessRole.USER, is_permanent=True)
    owner.call(room_generate_access.sync_detailed, space.id, room.id, body=link)
    owner.call(room_generate_guest_url.sync_detailed, space.id, room.id, body=GuestUrlRequest(username="G"))

    app = canaries.client(server)  # client token
    grant = TokenRequest(
        client_id=canaries.client_id, client_secret=canaries.client_secret, grant_type=GrantType.PASSWORD
    )
    grant.username, grant.password = owner_email, owner_password
    app.call(get_access_token.sync_detailed, body=grant)  # a password grant sent with the client token (D2)
    found = app.call(get_room_by_alias.sync_detailed, room.alias)
    body = ParticipantCreate(name="Phone", room_id=found.id, role="host", client_unique_id="canary-device")
    participant = app.call(create_participant.sync_detailed, space.id, body=body)
    app.call(create_participant_signaling_token.sync_detailed, space.id, participant.id)
    app.call(join_room.sync_detailed, space.id, room.id, body=JoinRoomRequest(participant_id=participant.id))

    control = SandboxControl(server.root_url)
    try:
        control.finish_call(room.id)
        control.advance_clock(8 * DAY)  # access tokens (7 days) expire, refresh tokens (21 days) do not
    finally:
        control.close()
    records = owner.call(list_room_records.sync_detailed, space.id, room.id)  # 401, refresh grant, replay
    for record in records.items:
        owner.call(redirect_to_download_room_record.sync_detailed, space.id, room.id, record.id)

    hooked = owner.call(create_space.sync_detailed, body=SpaceCreate(name="Canary hooks"))  # no events here
    owner.call(
        create_web_hook.sync_detailed, hooked.id, body=WebhookCreate(url="https://hooks.example.com/c")
    )
    owner.call(refresh_secret_web_hook.sync_detailed, hooked.id)
    for client in (owner, member, personal, app):
        client.close()


def test_recording_with_the_preset_leaks_no_canary(
    canary_server: SandboxServer, canaries: Canaries, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassettes" / "canary.yaml"
    with make_vcr(record_mode="all").use_cassette(str(cassette)):
        run_everything(canary_server, canaries)

    # The run did what it should: every grant, and every kind of token, was really exchanged.
    interactions = yaml.safe_load(cassette.read_text("utf-8"))["interactions"]
    grants = [
        json.loads(i["request"]["body"])["grant_type"]
        for i in interactions
        if i["request"]["uri"].endswith("/v1/auth/token")
    ]
    assert {"client_credentials", "password", "refresh_token"} <= set(grants)
    assert {e.kind for e in canaries.events} == {"client", "user", "refresh"}
    assert {e.grant for e in canaries.events} >= {"client_credentials", "password", "refresh_token"}
    audiences = {jwt_claims(t)["aud"] for t in canaries.issued if t.startswith("eyJ")}
    assert {"client", "user", "host"} <= audiences  # API tokens, link tokens, the signaling token
    assert sum(not t.startswith("eyJ") for t in canaries.issued) == 2  # two webhook secrets

    # Every token the sandbox issued was caught (the signaling token is not in its list: signed apart).
    issued_ids: set[str] = canary_server.state.tokens._issued
    caught_ids = {jwt_claims(t)["jti"] for t in canaries.issued if t.startswith("eyJ")}
    assert issued_ids and issued_ids <= caught_ids
    assert {e.token.value for e in canaries.events} <= canaries.issued

    text = cassette.read_text("utf-8")
    signatures = [t.rsplit(".", 1)[1] for t in canaries.issued if t.startswith("eyJ")]
    secrets_ = [*canaries.given, *canaries.issued, *signatures, *issued_ids]
    assert [mask(s) for s in secrets_ if s in text] == []  # masked, even in a failure report
    assert lint_cassettes([cassette.parent]) == []
