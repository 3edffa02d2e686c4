"""The project's end-to-end suite as VCR cassettes: recorded once against a live MoodHood, replayed offline.

Replay (the default, and what CI runs): nothing is started and nothing leaves the process. Clients talk to
``https://api.moodhood.test/v1``, a name that never resolves, and every request is answered from
``tests/cassettes/<scenario>.yaml``; a request the cassette does not hold fails the test, and so does a
recorded request the test did not make. The whole suite replays in a few seconds::

    .venv/bin/python -m pytest tests/e2e

Re-record against the sandbox (started in-process on a free loopback port, reset before each scenario)::

    .venv/bin/python -m pytest tests/e2e --record-mode=rewrite
    .venv/bin/moodhood cassettes lint tests/cassettes

Re-record against a real account: the same command with ``MOODHOOD_BASE_URL``, ``MOODHOOD_CLIENT_ID``,
``MOODHOOD_CLIENT_SECRET``, ``MOODHOOD_USERNAME`` (the email) and ``MOODHOOD_PASSWORD`` set. It creates real
spaces, rooms and a user. Scenarios marked ``sandbox_only`` (a finished call needs the sandbox's control
endpoints) are skipped and keep their cassettes.

How cassettes stay replayable:

- Recording rewrites the live base URL (and its origin, e.g. in download links) to
  ``https://api.moodhood.test/v1``, and a real account's client id and email to the sandbox demo values,
  so replay needs no server, no port and no account. Requests to the sandbox's ``/__sandbox/`` control
  endpoints are never recorded; in replay the scenario skips them (``target.finish_call``).
- The sandbox makes random ids, so scenarios read every id from responses. Requests match on method,
  path and ``grant_type`` only: a path holds ids from earlier responses of the same cassette, so replay
  stays consistent, and bodies or query strings (a fresh email, today's date) may differ from the
  recording. Equal requests are answered in recorded order, each once.
- Every scenario runs through ``Moodhood`` and ``AsyncMoodhood`` against **one** cassette: both clients
  send the same requests in the same order, and replaying one cassette through both proves it. In record
  mode both flavours record in turn and the later one (async) is what stays on disk.
- Secrets are scrubbed by the ``moodhood.testing`` preset (``moodhood_vcr_config``).
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from moodhood_api.api.space_rooms import create_room
from moodhood_api.api.spaces import create_space
from moodhood_api.models import IdResponse, Room, RoomCreate, SpaceCreate

from moodhood import AsyncMoodhood, Moodhood
from moodhood.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER, SandboxControl
from tests._flavours import Api, Connect

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
REPLAY_BASE_URL = "https://api.moodhood.test/v1"
REPLAY_ORIGIN = "https://api.moodhood.test"
MATCH_ON = ("method", "path", "grant_type")
ACCOUNT_VARIABLES = ("BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "USERNAME", "PASSWORD")


@dataclass(frozen=True)
class Target:
    """Where the scenarios run: ``replay`` (cassettes only), ``sandbox`` or ``account`` (recording)."""

    mode: str
    base_url: str
    client_id: str
    client_secret: str
    username: str
    password: str
    control: SandboxControl | None = None

    @property
    def recording(self) -> bool:
        return self.mode != "replay"

    def finish_call(self, room_id: str) -> None:
        """End the room's running call (the sandbox makes its recording); a no-op in replay."""
        if self.mode == "account":
            raise RuntimeError("only the sandbox can finish a call on demand")
        if self.control is not None:
            self.control.finish_call(room_id)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Rewriter:
    """``before_record_*`` hooks that replace live values (base URL, origin, identity) with fixed ones.

    Idempotent, so vcrpy may run them on live requests before matching as well as before saving.
    """

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        # a very short value (a client id like "abc") could also occur inside ids or tokens: leave it
        self.pairs = [(old, new) for old, new in pairs if len(old) >= 6 and old != new]
        self.host = urlsplit(REPLAY_ORIGIN).netloc

    def text(self, value: str) -> str:
        for old, new in self.pairs:
            value = value.replace(old, new)
        return value

    def _body(self, body: Any) -> Any:
        if isinstance(body, bytes):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return body
            return self.text(text).encode("utf-8")
        return self.text(body) if isinstance(body, str) else body

    def request(self, request: Any) -> Any:
        request.uri = self.text(request.uri)
        body = self._body(request.body)
        if body != request.body:
            request.body = body
            _set_length(request.headers, len(request.body or b""), wrap=False)
        for name in list(request.headers):
            value = request.headers[name]
            if name.lower() == "host":
                request.headers[name] = self.host
            elif isinstance(value, str):
                request.headers[name] = self.text(value)
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        headers = response.get("headers") or {}
        for name, values in list(headers.items()):
            if isinstance(values, list):
                headers[name] = [self.text(v) if isinstance(v, str) else v for v in values]
        body = response.get("body")
        if isinstance(body, dict) and isinstance(body.get("string"), str | bytes):
            new = self._body(body["string"])
            if new != body["string"]:
                body["string"] = new
                size = len(new.encode("utf-8")) if isinstance(new, str) else len(new)
                _set_length(headers, size, wrap=True)
        return response


def _set_length(headers: Any, size: int, *, wrap: bool) -> None:
    for name in list(headers):
        if name.lower() == "content-length":
            headers[name] = [str(size)] if wrap else str(size)


def drop_sandbox_control(request: Any) -> Any:
    """Keep the sandbox's own control requests (``/__sandbox/...``) out of cassettes."""
    return None if urlsplit(request.uri).path.startswith("/__sandbox/") else request


def recording_against_account(config: pytest.Config) -> bool:
    mode = config.getoption("--record-mode")
    return mode not in (None, "none") and bool(os.environ.get("MOODHOOD_BASE_URL"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sandbox_only: needs the sandbox's control endpoints; not recorded against a real account"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Before any fixture runs: pytest-recording deletes a cassette in rewrite mode when the test starts.
    if not recording_against_account(config):
        return
    skip = pytest.mark.skip(reason="needs the sandbox (control endpoints); its cassette is kept")
    for item in items:
        if item.get_closest_marker("sandbox_only") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def e2e_target(request: pytest.FixtureRequest, record_mode: str) -> Iterator[Target]:
    """The target of this run, decided once: replay, the sandbox, or the account in ``MOODHOOD_*``."""
    if record_mode == "none":
        yield Target("replay", REPLAY_BASE_URL, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER, DEMO_PASSWORD)
    elif recording_against_account(request.config):
        missing = [f"MOODHOOD_{n}" for n in ACCOUNT_VARIABLES if not os.environ.get(f"MOODHOOD_{n}")]
        if missing:
            raise pytest.UsageError(f"recording against an account needs {', '.join(missing)}")
        env = {n: os.environ[f"MOODHOOD_{n}"] for n in ACCOUNT_VARIABLES}
        yield Target(
            "account",
            env["BASE_URL"].rstrip("/"),
            env["CLIENT_ID"],
            env["CLIENT_SECRET"],
            env["USERNAME"],
            env["PASSWORD"],
        )
    else:
        server = request.getfixturevalue("sandbox_server")
        control = SandboxControl(server.root_url)
        config = server.config
        email, password = config.users[0]
        try:
            yield Target(
                "sandbox", server.base_url, config.client_id, config.client_secret, email, password, control
            )
        finally:
            control.close()


@pytest.fixture
def target(e2e_target: Target) -> Target:
    """The run's target; a recording sandbox is reset first, so each cassette starts from a clean state."""
    if e2e_target.control is not None:
        e2e_target.control.reset()
    return e2e_target


@pytest.fixture(autouse=True)
def _no_moodhood_env(monkeypatch: pytest.MonkeyPatch, e2e_target: Target) -> None:
    """Clients get every setting explicitly; a developer's ``MOODHOOD_*`` never leaks into a scenario."""
    for name in (*ACCOUNT_VARIABLES, "TOKEN"):
        monkeypatch.delenv(f"MOODHOOD_{name}", raising=False)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture
def default_cassette_name(request: pytest.FixtureRequest) -> str:
    """One cassette per scenario, shared by both flavours: ``test_rooms[sync]`` → ``rooms.yaml``."""
    name: str = request.node.originalname
    return name.removeprefix("test_")


@pytest.fixture
def vcr_config(moodhood_vcr_config: dict[str, Any], target: Target) -> dict[str, Any]:
    """The moodhood preset, matching on method + path + grant_type, with the live-value rewrite."""
    pairs = [(target.base_url, REPLAY_BASE_URL), (_origin(target.base_url), REPLAY_ORIGIN)]
    if target.mode == "account":
        pairs += [(target.username, DEMO_USER), (target.client_id, DEMO_CLIENT_ID)]
    rewrite = Rewriter(pairs)
    config = dict(moodhood_vcr_config)
    config["match_on"] = MATCH_ON
    config["before_record_request"] = (
        drop_sandbox_control,
        moodhood_vcr_config["before_record_request"],
        rewrite.request,
    )
    config["before_record_response"] = (moodhood_vcr_config["before_record_response"], rewrite.response)
    return config


@pytest.fixture(autouse=True)
def _every_interaction_replayed(request: pytest.FixtureRequest, e2e_target: Target) -> Iterator[None]:
    """In replay, a scenario must make every recorded request: the cassette is the scenario, exactly."""
    if request.node.get_closest_marker("vcr") is None or e2e_target.recording:
        yield
        return
    cassette = request.getfixturevalue("vcr")
    if cassette is None:  # --disable-recording
        yield
        return
    yield
    assert cassette.play_count > 0, "the scenario made no request"
    assert cassette.all_played, (
        f"{cassette.play_count} of {len(cassette)} recorded interactions replayed: re-record the cassette"
    )


@pytest.fixture(params=["sync", "async"])
async def connect(request: pytest.FixtureRequest, target: Target) -> AsyncIterator[Connect]:
    """``connect(**settings)``: a client of this test's flavour on the target, as the owner by default.

    ``connect(username=None, password=None)`` gives a client-token client (the mobile apps' mode);
    ``connect(username=..., password=...)`` another user.
    """
    made: list[Moodhood | AsyncMoodhood] = []

    def make(**settings: Any) -> Api:
        settings.setdefault("client_id", target.client_id)
        settings.setdefault("client_secret", target.client_secret)
        settings.setdefault("username", target.username)
        settings.setdefault("password", target.password)
        cls = Moodhood if request.param == "sync" else AsyncMoodhood
        client = cls(base_url=target.base_url, max_retries=0, **settings)
        made.append(client)
        return Api(client)

    yield make
    for client in made:
        if isinstance(client, AsyncMoodhood):
            await client.close()
        else:
            client.close()


# -- helpers the scenarios share (import them: ``from tests.e2e.conftest import ...``) -----------------

OBJECT_ID = re.compile(r"[0-9a-f]{24}")


def is_object_id(value: object) -> bool:
    """Whether ``value`` is a 24-hex id, as MoodHood's (and the sandbox's) are."""
    return isinstance(value, str) and OBJECT_ID.fullmatch(value) is not None


def jwt_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT, unverified: a live token's, or its cassette placeholder's (``aud`` survives)."""
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return claims


async def new_space(api: Api, name: str) -> str:
    """A new space's id."""
    created = await api(create_space, body=SpaceCreate(name=name, is_public=True))
    assert isinstance(created, IdResponse) and is_object_id(created.id)
    return created.id


async def new_room(api: Api, space_id: str, name: str, **fields: Any) -> Room:
    """A new room in the space (public unless told otherwise), checked against what was asked for."""
    fields.setdefault("is_public", True)
    room = await api(create_room, space_id, body=RoomCreate(name=name, **fields))
    assert isinstance(room, Room) and is_object_id(room.id)
    assert (room.space_id, room.name) == (space_id, name)
    return room
