"""Resource methods in memory (httpx.MockTransport): what they send, and bad arguments refused before I/O."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from moodhood import AsyncMoodhood, Moodhood
from moodhood.types import RoomCreate, RoomType, SpaceCreate

BASE = "https://api.example.test/v1"
ROOM = {"id": "r1", "alias": "EGBYWoMZJe", "name": "Daily", "spaceId": "s1", "type": "lesson"}


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path.endswith("/report"):
            if request.url.params["format"] == "xlsx":
                return httpx.Response(200, content=b"PK\x03\x04xlsx", headers={"content-type": "x/xlsx"})
            return httpx.Response(200, json={"rows": []})
        if "/records/download/" in path:
            return httpx.Response(200, text="https://files.example.test/r.mp4")
        if request.method == "DELETE":
            return httpx.Response(204)
        return httpx.Response(201 if request.method == "POST" else 200, json=ROOM)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def mh(recorder: Recorder) -> Iterator[Moodhood]:
    with Moodhood(
        base_url=BASE, token="tok-1234", http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    ) as client:
        yield client


def _body(request: httpx.Request) -> Any:
    return json.loads(request.content)


def test_fields_become_the_body_and_enum_literals_their_values(mh: Moodhood, recorder: Recorder) -> None:
    room = mh.rooms.create("s1", name="Daily", type="webinar", is_chat_allowed=False)
    assert room.alias == "EGBYWoMZJe"
    mh.rooms.create("s1", name="Daily", type=RoomType.LESSON)
    mh.rooms.create("s1", body=RoomCreate(name="Whole", type_=RoomType.WEBINAR))
    first, second, third = recorder.requests
    assert (first.method, first.url.path) == ("POST", "/v1/spaces/s1/rooms")
    assert _body(first) == {"name": "Daily", "type": "webinar", "isChatAllowed": False}  # nothing unset sent
    assert _body(second) == {"name": "Daily", "type": "lesson"}
    assert _body(third) == {"name": "Whole", "type": "webinar"}


def test_path_arguments_are_quoted_and_query_arguments_sent(mh: Moodhood, recorder: Recorder) -> None:
    mh.rooms.get("s 1", "r/1")
    mh.analytics.report("s1", room_id="r1", call_id="c1", format="json")
    get, report = recorder.requests
    assert get.url.raw_path == b"/v1/spaces/s%201/rooms/r%2F1"
    assert dict(report.url.params) == {"roomId": "r1", "callId": "c1", "format": "json"}


def test_non_json_answers_send_their_media_type_in_accept(mh: Moodhood, recorder: Recorder) -> None:
    assert mh.records.download_url("s1", "r1", "rec1") == "https://files.example.test/r.mp4"
    assert mh.analytics.report("s1", room_id="r1", call_id="c1", format="xlsx") == b"PK\x03\x04xlsx"
    mh.analytics.report("s1", room_id="r1", call_id="c1", format="json")
    mh.rooms.get("s1", "r1")
    download, xlsx, as_json, plain = (r.headers.get("accept") for r in recorder.requests)
    assert download == "text/plain"
    assert xlsx == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert as_json == "application/json"
    assert plain != "text/plain"  # JSON operations keep the client's default


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda mh: mh.rooms.get("s1", 42), TypeError, "rooms.get(): room_id must be a str, not int"),
        (lambda mh: mh.rooms.get("", "r1"), ValueError, "rooms.get(): space_id must not be empty"),
        (
            lambda mh: mh.rooms.create("s1"),
            TypeError,
            "rooms.create() missing required keyword argument(s): 'name'",
        ),
        (
            lambda mh: mh.rooms.create("s1", body=SpaceCreate(name="x")),
            TypeError,
            "rooms.create(): body must be a RoomCreate, not SpaceCreate",
        ),
        (
            lambda mh: mh.rooms.create("s1", body=RoomCreate(name="x"), name="y"),
            TypeError,
            "rooms.create() takes either body= or the body's fields as keywords, not both",
        ),
        (
            lambda mh: mh.rooms.create("s1", name="x", type="lessen"),
            ValueError,
            "'lessen' is not a valid RoomType; use one of 'lesson', 'webinar'",
        ),
        (lambda mh: mh.rooms.get("s1", "r1", max_retries=-1), ValueError, "max_retries must be an int >= 0"),
        (lambda mh: mh.rooms.get("s1", "r1", nme="x"), TypeError, "unexpected keyword argument 'nme'"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    mh: Moodhood, recorder: Recorder, call: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        call(mh)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert recorder.requests == []


async def test_async_resources_send_the_same_requests(recorder: Recorder) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return recorder(request)

    transport = httpx.MockTransport(handler)
    async with AsyncMoodhood(
        base_url=BASE, token="tok-1234", http_client=httpx.AsyncClient(transport=transport)
    ) as amh:
        room = await amh.rooms.create("s1", name="Daily", type="lesson")
        assert room.id == "r1"
        assert await amh.rooms.delete("s1", "r1") is None
        assert (
            await amh.analytics.report("s1", room_id="r1", call_id="c1", format="xlsx") == b"PK\x03\x04xlsx"
        )
        with pytest.raises(TypeError, match="room_id must be a str"):
            await amh.rooms.get("s1", 7)  # type: ignore[arg-type]
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/v1/spaces/s1/rooms"),
        ("DELETE", "/v1/spaces/s1/rooms/r1"),
        ("GET", "/v1/spaces/s1/analytics/report"),
    ]


def test_resources_are_views_of_their_client(mh: Moodhood) -> None:
    copy = mh.with_options(max_retries=0)
    assert copy.rooms._client is copy and mh.rooms._client is mh
    assert "tok-1234" not in repr(mh.rooms)
    assert {"spaces", "rooms", "users", "invites", "participants", "webhooks", "records", "analytics"} <= set(
        dir(mh)
    )


def test_every_sync_resource_has_an_async_twin_with_the_same_parameters() -> None:
    import inspect

    from moodhood import _resources

    sync_classes = {
        n: c for n, c in vars(_resources).items() if isinstance(c, type) and n in _resources.__all__
    }
    pairs = [(c, sync_classes[f"Async{n}"]) for n, c in sync_classes.items() if f"Async{n}" in sync_classes]
    pairs.append((_resources.SyncResources, _resources.AsyncResources))
    assert len(pairs) == 9  # eight resources and the client mixins
    sync_props = {n for n, v in vars(_resources.SyncResources).items() if isinstance(v, property)}
    assert sync_props == {n for n, v in vars(_resources.AsyncResources).items() if isinstance(v, property)}
    for sync_cls, async_cls in pairs:
        sync_methods = {n: f for n, f in vars(sync_cls).items() if inspect.isfunction(f)}
        async_methods = {n: f for n, f in vars(async_cls).items() if inspect.isfunction(f)}
        assert sync_methods.keys() == async_methods.keys()
        for name, fn in sync_methods.items():
            twin = async_methods[name]
            assert inspect.iscoroutinefunction(twin) and not inspect.iscoroutinefunction(fn), name
            assert inspect.signature(fn).parameters.keys() == inspect.signature(twin).parameters.keys()
            assert fn.__doc__ == twin.__doc__ and fn.__doc__
