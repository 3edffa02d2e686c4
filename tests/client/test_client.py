"""Moodhood / AsyncMoodhood over httpx.MockTransport: call(), typed errors, options, the caller's client."""

from __future__ import annotations

import asyncio
import datetime
import functools
import importlib
import inspect
import json
import logging
import pkgutil
from collections.abc import Callable
from types import ModuleType

import httpx
import moodhood_api
import pytest
from moodhood_api.api.room_records import list_room_records, redirect_to_download_room_record
from moodhood_api.api.space_rooms import delete_room
from moodhood_api.api.spaces import create_space, list_spaces
from moodhood_api.models import IdResponse, SpaceCreate, SpaceList

from moodhood import _exceptions as exc
from moodhood._client import AsyncMoodhood, Moodhood
from moodhood._config import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from moodhood._retry import EXT_MAX_RETRIES, EXT_RETRY_POST

TOKEN = "personal-token-0123456789abcdef"
BASE = "https://api.example.test/v1"
SPACE = "6b0cb6334d435f5da69a355d"
ROOM = "6b0cb6335294598b189c3a0f"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "USERNAME", "PASSWORD", "TOKEN"):
        monkeypatch.delenv(f"MOODHOOD_{name}", raising=False)


class Recorder:
    """A MockTransport handler answering from a queue of responses and recording requests."""

    def __init__(self, *responses: httpx.Response | type[httpx.TransportError]) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(answer, type):
            raise answer("mock failure", request=request)
        return answer


def mh_with(handler: Handler, **kwargs: object) -> Moodhood:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Moodhood(base_url=BASE, token=TOKEN, http_client=http, **kwargs)  # type: ignore[arg-type]


def amh_with(handler: Handler, **kwargs: object) -> AsyncMoodhood:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return AsyncMoodhood(base_url=BASE, token=TOKEN, http_client=http, **kwargs)  # type: ignore[arg-type]


def test_call_returns_the_model_and_injects_client_and_bearer() -> None:
    rec = Recorder(httpx.Response(201, json={"id": SPACE}))
    mh = mh_with(rec)
    created = mh.call(create_space.sync_detailed, body=SpaceCreate(name="Team"))
    assert isinstance(created, IdResponse)
    assert created.id == SPACE
    (request,) = rec.requests
    assert (request.method, str(request.url)) == ("POST", f"{BASE}/spaces")
    assert json.loads(request.content) == {"name": "Team"}
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["user-agent"].startswith("moodhood-python/")


def test_path_parameters_stay_positional_and_empty_body_gives_none() -> None:
    rec = Recorder(httpx.Response(204))
    assert mh_with(rec).call(delete_room.sync_detailed, SPACE, ROOM) is None
    assert rec.requests[0].url.path == f"/v1/spaces/{SPACE}/rooms/{ROOM}"


def test_text_body_and_redirect_give_the_download_url() -> None:
    url = "https://cdn.example.test/records/r.mp4?sig=abc"
    text = mh_with(Recorder(httpx.Response(200, text=url)))
    assert text.call(redirect_to_download_room_record.sync_detailed, SPACE, ROOM, "r1") == url
    redirect = mh_with(Recorder(httpx.Response(302, headers={"Location": url})))
    assert redirect.call(redirect_to_download_room_record.sync_detailed, SPACE, ROOM, "r1") == url


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, exc.BadRequestError),
        (401, exc.AuthenticationError),
        (403, exc.PermissionDeniedError),
        (404, exc.NotFoundError),
        (409, exc.ConflictError),
        (418, exc.APIStatusError),
        (422, exc.UnprocessableEntityError),
        (429, exc.RateLimitError),
        (499, exc.APIStatusError),
        (500, exc.InternalServerError),
        (520, exc.InternalServerError),
        (302, exc.APIStatusError),  # a redirect list_spaces does not document
    ],
)
def test_every_status_becomes_a_typed_error(status: int, cls: type[exc.APIStatusError]) -> None:
    headers = {"x-request-id": "req-9", "Location": "/elsewhere"}
    rec = Recorder(httpx.Response(status, json={"message": "no", "code": "c1"}, headers=headers))
    with pytest.raises(exc.APIStatusError) as info:
        mh_with(rec, max_retries=0).call(list_spaces.sync_detailed)
    assert type(info.value) is cls
    assert (info.value.status_code, info.value.code, info.value.request_id) == (status, "c1", "req-9")
    assert info.value.body == {"message": "no", "code": "c1"}


def test_non_json_520_is_not_a_value_error() -> None:
    rec = Recorder(httpx.Response(520, text="<html>origin error</html>"))
    with pytest.raises(exc.InternalServerError) as info:
        mh_with(rec).call(create_space.sync_detailed, body=SpaceCreate(name="x"))
    assert info.value.body == "<html>origin error</html>"


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, json={"unexpected": True}),
        httpx.Response(200, text="not json"),
        httpx.Response(200, json=[1, 2]),
        httpx.Response(202, json={"id": SPACE}),  # a 2xx the spec does not document
        httpx.Response(201, content=b"[" * 100_000),  # json.loads raises RecursionError
    ],
)
def test_unparseable_success_is_a_validation_error(response: httpx.Response) -> None:
    with pytest.raises(exc.APIResponseValidationError) as info:
        mh_with(Recorder(response)).call(create_space.sync_detailed, body=SpaceCreate(name="x"))
    assert info.value.status_code == response.status_code


def test_a_wrong_typed_field_is_named_in_the_validation_error() -> None:
    rec = Recorder(httpx.Response(201, json={"id": 24}))
    with pytest.raises(exc.APIResponseValidationError) as info:
        mh_with(rec).call(create_space.sync_detailed, body=SpaceCreate(name="x"))
    assert info.value.message.endswith("does not match the spec: IdResponse.id: expected a string, got int")


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_an_error_body_nested_too_deep_is_still_a_typed_error(depth: int) -> None:
    """json.loads (100 000 levels) or the redaction walk (5 000) raised RecursionError out of call()."""
    body = b"[" * depth + b"]" * depth
    rec = Recorder(httpx.Response(500, content=body, headers={"content-type": "application/json"}))
    with pytest.raises(exc.InternalServerError) as info:
        mh_with(rec, max_retries=0).call(list_spaces.sync_detailed)
    assert info.value.body == body.decode()


@pytest.mark.parametrize("status", [200, 500])
async def test_a_body_that_cannot_be_decoded_is_a_connection_error(status: int) -> None:
    """A broken Content-Encoding (a proxy's doing) raised a bare httpx.DecodingError out of call()."""

    def mangled(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, stream=httpx.ByteStream(b"not gzip"), headers={"content-encoding": "gzip"}
        )

    with pytest.raises(exc.APIConnectionError, match="could not be decoded"):
        mh_with(mangled, max_retries=0).call(list_spaces.sync_detailed)
    with pytest.raises(exc.APIConnectionError, match="could not be decoded"):
        await amh_with(mangled, max_retries=0).call(list_spaces.asyncio_detailed)


def test_connection_and_timeout_errors() -> None:
    with pytest.raises(exc.APIConnectionError) as info:
        mh_with(Recorder(httpx.ConnectError)).call(list_spaces.sync_detailed, max_retries=0)
    assert not isinstance(info.value, exc.APITimeoutError)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    with pytest.raises(exc.APITimeoutError):
        mh_with(Recorder(httpx.ReadTimeout)).call(list_spaces.sync_detailed, max_retries=0)


def test_get_is_retried_and_post_is_not_unless_opted_in() -> None:
    busy = httpx.Response(503, headers={"Retry-After": "0"}, json={"message": "busy"})
    ok = httpx.Response(200, json={"items": []})
    rec = Recorder(busy, ok)
    assert isinstance(mh_with(rec).call(list_spaces.sync_detailed), SpaceList)
    assert len(rec.requests) == 2

    rec = Recorder(busy, httpx.Response(201, json={"id": SPACE}))
    with pytest.raises(exc.InternalServerError):
        mh_with(rec).call(create_space.sync_detailed, body=SpaceCreate(name="x"))
    assert len(rec.requests) == 1

    rec = Recorder(busy, httpx.Response(201, json={"id": SPACE}))
    created = mh_with(rec).call(create_space.sync_detailed, body=SpaceCreate(name="x"), retry_post=True)
    assert created.id == SPACE
    assert len(rec.requests) == 2
    assert rec.requests[0].extensions[EXT_RETRY_POST] is True


def test_rate_limit_beyond_the_cap_fails_at_once_with_the_wait() -> None:
    rec = Recorder(httpx.Response(429, headers={"Retry-After": "3600"}, json={"message": "slow down"}))
    with pytest.raises(exc.RateLimitError) as info:
        mh_with(rec).call(list_spaces.sync_detailed)
    assert info.value.retry_after == 3600.0
    assert len(rec.requests) == 1


def test_per_call_and_per_client_options_reach_the_request() -> None:
    rec = Recorder(httpx.Response(200, json={"items": []}))
    mh = mh_with(rec, max_retries=5, timeout=12.0)
    mh.call(list_spaces.sync_detailed)
    mh.call(list_spaces.sync_detailed, max_retries=0, timeout=httpx.Timeout(3.0, connect=1.0))
    first, second = rec.requests
    assert first.extensions["timeout"] == httpx.Timeout(12.0).as_dict()
    assert EXT_MAX_RETRIES not in first.extensions
    assert second.extensions["timeout"] == httpx.Timeout(3.0, connect=1.0).as_dict()
    assert second.extensions[EXT_MAX_RETRIES] == 0


def test_with_options_copies_share_the_pool_and_leave_the_original_alone() -> None:
    rec = Recorder(httpx.Response(200, json={"items": []}))
    mh = mh_with(rec)
    fast = mh.with_options(timeout=1.0, max_retries=0)
    assert (fast.max_retries, fast.timeout) == (0, httpx.Timeout(1.0))
    assert (mh.max_retries, mh.timeout) == (2, DEFAULT_TIMEOUT)
    assert fast.auth is mh.auth
    assert fast._shared.http_client is mh._shared.http_client
    fast.call(list_spaces.sync_detailed)
    fast.close()  # a copy leaves the shared pool open
    mh.call(list_spaces.sync_detailed)
    assert [r.extensions["timeout"]["read"] for r in rec.requests] == [1.0, 30.0]


def test_immutable_and_keyword_only() -> None:
    mh = mh_with(Recorder(httpx.Response(200)))
    with pytest.raises(AttributeError, match="immutable"):
        mh.max_retries = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        mh._timeout = None  # type: ignore[assignment]
    with pytest.raises(TypeError):
        Moodhood(BASE)  # type: ignore[call-arg]


def test_repr_masks_every_secret() -> None:
    secret, password = "client-secret-value-XYZ9", "hunter2-password-QQ77"
    mh = Moodhood(base_url=BASE, client_id="cid", client_secret=secret, username="a@b.c", password=password)
    text = repr(mh) + str(mh)
    assert secret not in text and password not in text
    assert "cid" in text and BASE in text
    personal = Moodhood(base_url=BASE, token=TOKEN)
    assert TOKEN not in repr(personal)
    mh.close()
    personal.close()


def test_environment_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOODHOOD_TOKEN", TOKEN)
    with Moodhood() as mh:
        assert str(mh.base_url) == DEFAULT_BASE_URL
        assert mh.credentials.mode == "personal"
    monkeypatch.setenv("MOODHOOD_BASE_URL", "https://other.example.test/v1/")
    with Moodhood() as mh:
        assert str(mh.base_url) == "https://other.example.test/v1"
        assert mh.timeout == httpx.Timeout(30.0, connect=5.0)
    monkeypatch.delenv("MOODHOOD_TOKEN")
    with pytest.raises(exc.ConfigurationError, match="MOODHOOD_CLIENT_ID"):
        Moodhood()


def test_bad_settings() -> None:
    with pytest.raises(exc.ConfigurationError, match="base_url"):
        Moodhood(base_url="moodhood.online/v1", token=TOKEN)
    with pytest.raises(exc.InsecureTransportError):
        Moodhood(base_url="http://api.example.test/v1", token=TOKEN)
    with pytest.raises(ValueError, match="max_retries"):
        Moodhood(base_url=BASE, token=TOKEN, max_retries=-1)
    with pytest.raises(TypeError, match=r"httpx\.Client"):
        Moodhood(base_url=BASE, token=TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    Moodhood(base_url="http://api.example.test/v1", token=TOKEN, allow_insecure_http=True).close()
    Moodhood(base_url="http://127.0.0.1:9/v1", token=TOKEN).close()


def test_base_url_with_stray_whitespace_or_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """A newline read with the URL raised httpx.InvalidURL; user:password@ showed up in repr and the store."""
    monkeypatch.setenv("MOODHOOD_BASE_URL", BASE + "\n")
    with Moodhood(token=TOKEN) as mh:
        assert str(mh.base_url) == BASE
    with pytest.raises(exc.ConfigurationError, match="base_url"):
        Moodhood(base_url="https://api.example.test/v\x001", token=TOKEN)
    with pytest.raises(exc.ConfigurationError, match="user") as info:
        Moodhood(base_url="https://me:hunter2-password@api.example.test/v1", token=TOKEN)
    assert "hunter2" not in str(info.value)


def test_wrong_function_kinds_are_type_errors() -> None:
    mh = mh_with(Recorder(httpx.Response(200, json={"items": []})))
    with pytest.raises(TypeError, match="sync_detailed"):
        mh.call(list_spaces.asyncio_detailed)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="client="):
        mh.call(list_spaces.sync_detailed, client=mh.client)
    with pytest.raises(TypeError, match="_detailed"):
        mh.call(list_spaces.sync)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="AsyncMoodhood"):
        asyncio.run(list_spaces.asyncio_detailed(client=mh.client))


def test_argument_errors_are_not_disguised() -> None:
    rec = Recorder(httpx.Response(200, json={"items": []}))
    with pytest.raises(TypeError):
        mh_with(rec).call(list_spaces.sync_detailed, "unexpected-positional")
    assert rec.requests == []


def test_generated_client_is_exposed_and_raises_typed_errors_too() -> None:
    rec = Recorder(httpx.Response(404, json={"message": "gone"}))
    mh = mh_with(rec)
    assert isinstance(mh.client, moodhood_api.Client)
    with pytest.raises(exc.NotFoundError):
        list_spaces.sync_detailed(client=mh.client)


def test_callers_client_keeps_its_transport_and_hooks_and_stays_open() -> None:
    seen: list[str] = []
    rec = Recorder(httpx.Response(200, json={"items": []}))
    http = httpx.Client(
        transport=httpx.MockTransport(rec),
        event_hooks={"request": [lambda r: seen.append(f"req {r.url.path}")]},
        headers={"X-Team": "blue"},
    )
    with Moodhood(base_url=BASE, token=TOKEN, http_client=http) as mh:
        mh.call(list_spaces.sync_detailed)
    assert seen == ["req /v1/spaces"]
    assert rec.requests[0].headers["x-team"] == "blue"
    assert not http.is_closed
    http.close()


def test_own_pool_is_closed_with_the_client() -> None:
    mh = Moodhood(base_url=BASE, token=TOKEN)
    inner = mh._shared.http_client
    mh.close()
    assert inner.is_closed


def test_logging_shows_method_path_status_but_no_query_or_token(caplog: pytest.LogCaptureFixture) -> None:
    rec = Recorder(httpx.Response(200, json={"items": [], "total": 0}))
    since = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    with caplog.at_level(logging.DEBUG, logger="moodhood"):
        mh_with(rec).call(list_room_records.sync_detailed, SPACE, ROOM, date_from=since)
    assert rec.requests[0].url.query  # the request did carry a query string
    record = next(r for r in caplog.records if r.name == "moodhood")
    message = record.getMessage()
    assert message.startswith(f"GET /v1/spaces/{SPACE}/rooms/{ROOM}/records -> 200 in ")
    assert message.endswith("(retries: 0)")
    fields = (getattr(record, f"moodhood_{name}") for name in ("method", "status", "retries"))
    assert tuple(fields) == ("GET", 200, 0)
    assert "dateFrom" not in caplog.text and "2026" not in caplog.text
    assert TOKEN not in caplog.text


async def test_async_call_and_errors() -> None:
    rec = Recorder(httpx.Response(201, json={"id": SPACE}))
    async with amh_with(rec) as amh:
        created = await amh.call(create_space.asyncio_detailed, body=SpaceCreate(name="Team"))
        assert created.id == SPACE
        assert rec.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    for status, cls in [
        (520, exc.InternalServerError),
        (499, exc.APIStatusError),
        (401, exc.AuthenticationError),
    ]:
        amh = amh_with(Recorder(httpx.Response(status, text="x")))
        with pytest.raises(exc.APIStatusError) as info:
            await amh.call(list_spaces.asyncio_detailed)
        assert type(info.value) is cls
    amh = amh_with(Recorder(httpx.Response(200, json={"wrong": 1})))
    with pytest.raises(exc.APIResponseValidationError):
        await amh.call(list_spaces.asyncio_detailed)
    amh = amh_with(Recorder(httpx.ConnectTimeout))
    with pytest.raises(exc.APITimeoutError):
        await amh.call(list_spaces.asyncio_detailed, max_retries=0)


async def test_async_retries_options_and_kinds() -> None:
    busy = httpx.Response(503, headers={"Retry-After": "0"})
    rec = Recorder(busy, httpx.Response(204))
    amh = amh_with(rec)
    assert await amh.call(delete_room.asyncio_detailed, SPACE, ROOM, timeout=2.0) is None
    assert len(rec.requests) == 2
    assert rec.requests[0].extensions["timeout"]["read"] == 2.0
    rec = Recorder(busy, httpx.Response(201, json={"id": SPACE}))
    with pytest.raises(exc.InternalServerError):
        await amh_with(rec).call(create_space.asyncio_detailed, body=SpaceCreate(name="x"))
    assert len(rec.requests) == 1
    with pytest.raises(TypeError, match="asyncio_detailed"):
        await amh.call(list_spaces.sync_detailed)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Moodhood"):
        list_spaces.sync_detailed(client=amh.client)
    copy = amh.with_options(max_retries=0)
    assert copy.max_retries == 0 and copy.auth is amh.auth
    await copy.close()
    assert not amh._shared.http_client.is_closed


def _operations() -> list[ModuleType]:
    import moodhood_api.api as api_package

    found = []
    for info in pkgutil.walk_packages(api_package.__path__, api_package.__name__ + "."):
        module = importlib.import_module(info.name)
        if hasattr(module, "sync_detailed"):
            found.append(module)
    return found


def test_every_generated_operation_fits_call() -> None:
    """call() injects client= and takes max_retries/timeout/retry_post: no operation may use those names."""
    operations = _operations()
    assert len(operations) >= 30
    reserved = {"max_retries", "timeout", "retry_post"}
    for module in operations:
        for fn in (module.sync_detailed, module.asyncio_detailed):
            params = inspect.signature(fn).parameters
            assert params["client"].kind is inspect.Parameter.KEYWORD_ONLY, module.__name__
            assert not reserved & set(params), module.__name__
        assert inspect.iscoroutinefunction(module.asyncio_detailed)


async def test_wrapped_functions_are_accepted() -> None:
    sync_rec, async_rec = Recorder(httpx.Response(201, json={"id": SPACE})), Recorder(httpx.Response(204))
    mh = mh_with(sync_rec)
    created = mh.call(functools.partial(create_space.sync_detailed, body=SpaceCreate(name="P")))
    assert created.id == SPACE
    amh = amh_with(async_rec)
    assert await amh.call(functools.partial(delete_room.asyncio_detailed, SPACE), ROOM) is None
    assert async_rec.requests[0].url.path == f"/v1/spaces/{SPACE}/rooms/{ROOM}"


@pytest.mark.parametrize("bad", [0, -1, 0.0, float("nan"), float("inf"), httpx.Timeout(5.0, read=-1)])
def test_a_timeout_that_is_not_positive_seconds_is_refused_up_front(bad: float | httpx.Timeout) -> None:
    """0 made every connect fail at once; -1 raised a bare ValueError from the socket, mid-call."""
    rec = Recorder(httpx.Response(200, json={"items": []}))
    with pytest.raises(ValueError, match="timeout"):
        mh_with(rec, timeout=bad)
    mh = mh_with(rec)
    with pytest.raises(ValueError, match="timeout"):
        mh.with_options(timeout=bad)
    with pytest.raises(ValueError, match="timeout"):
        mh.call(list_spaces.sync_detailed, timeout=bad)
    assert rec.requests == []
    mh.call(list_spaces.sync_detailed, timeout=httpx.Timeout(None, connect=2.0))  # None: no limit, fine
