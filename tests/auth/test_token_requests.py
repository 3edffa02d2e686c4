"""What a token request may do and carry, through the client facades, in both flavours: never follow a
redirect, never leave the token URL, never ride along in a response's ``history`` or a pickled error,
carry the client's headers, and read at most 64 KiB of its answer."""

from __future__ import annotations

import gzip
import json
import pickle
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest

from moodhood import AsyncMoodhood, Moodhood, TokenError
from moodhood._auth import MAX_TOKEN_RESPONSE
from moodhood._retry import EXT_TOKEN_REQUEST, EXT_TOKEN_URL, RetryTransport
from tests.auth.conftest import (
    BASE,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    TOKEN_URL,
    USERNAME,
    AsyncAsSync,
    FakeServer,
)

USER = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "username": USERNAME, "password": PASSWORD}
Handler = Callable[[httpx.Request], httpx.Response]
RawFor = Callable[..., httpx.Client]


@pytest.fixture
def raw_for(flavour: str) -> Iterator[RawFor]:
    """``raw_for(handler, headers=..., **client_kwargs)``: the raw httpx client of a ``Moodhood`` (sync) or
    ``AsyncMoodhood`` (async, driven through ``AsyncAsSync``) whose caller's client sends to ``handler``."""
    opened: list[Callable[[], None]] = []

    def make(handler: Handler, headers: dict[str, str] | None = None, **kwargs: object) -> httpx.Client:
        kwargs = {"base_url": BASE, **USER, "max_retries": 0, **kwargs}
        if flavour == "sync":
            inner = httpx.Client(transport=httpx.MockTransport(handler), headers=headers)
            mh = Moodhood(http_client=inner, **kwargs)  # type: ignore[arg-type]
            opened.append(mh.close)
            return mh.client.get_httpx_client()
        ainner = httpx.AsyncClient(transport=httpx.MockTransport(handler), headers=headers)
        amh = AsyncMoodhood(http_client=ainner, **kwargs)  # type: ignore[arg-type]
        raw = AsyncAsSync(amh.client.get_async_httpx_client())
        opened.append(lambda: raw.__exit__(None, None, None))
        return raw  # type: ignore[return-value]

    yield make
    for close in opened:
        close()


def recording(server: FakeServer, seen: list[httpx.Request]) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return server.handle(request)

    return handle


# -- redirects ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "suggestion"),
    [
        ("https://moved.example/v1/auth/token", "base_url='https://moved.example/v1'"),
        ("http://moved.example/v1/auth/token", None),
        ("https://moved.example:8443/api/v1/auth/token", "base_url='https://moved.example:8443/api/v1'"),
    ],
)
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirected_token_request_is_a_token_error_never_followed(
    status: int, location: str, suggestion: str | None, raw_for: RawFor, server: FakeServer
) -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/auth/token":
            return httpx.Response(status, headers={"Location": location})
        return server.handle(request)

    client = raw_for(handle)
    with pytest.raises(TokenError) as info:
        client.get("/spaces", follow_redirects=True)  # the README's raw path, with redirects on
    message = str(info.value)
    assert f"HTTP {status}, a redirect to 'moved.example'" in message
    assert "token requests never follow redirects" in message
    if suggestion is None:
        assert "base_url" not in message
    else:
        assert suggestion in message
    assert info.value.status_code == status
    assert [r.url.host for r in seen] == [
        "api.moodhood.test"
    ]  # one token request; nothing went to moved.example


def test_the_transport_refuses_a_token_request_bound_elsewhere() -> None:
    sent: list[httpx.Request] = []
    transport = RetryTransport(httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200)))
    moved = httpx.Request(
        "POST",
        "https://elsewhere.example/token",
        extensions={EXT_TOKEN_REQUEST: True, EXT_TOKEN_URL: TOKEN_URL},
    )
    with pytest.raises(TokenError, match="token requests go to the token URL only"):
        transport.handle_request(moved)
    assert sent == []
    home = httpx.Request("POST", TOKEN_URL, extensions={EXT_TOKEN_REQUEST: True, EXT_TOKEN_URL: TOKEN_URL})
    assert transport.handle_request(home).status_code == 200


# -- history and pickles -----------------------------------------------------------------------------------


def test_history_never_holds_a_token_exchange(raw_for: RawFor, server: FakeServer) -> None:
    client = raw_for(server.handle)
    first = client.get("/spaces")
    assert first.status_code == 200 and first.history == []  # 2 token requests were made for it
    assert server.grant_types() == ["client_credentials", "password"]
    server.revoke_user_tokens()
    replayed = client.get("/spaces")  # 401, refresh grant, replay
    assert server.grant_types()[2:] == ["refresh_token"]
    assert [r.status_code for r in replayed.history] == [401]
    assert all(r.history == [] for r in replayed.history)
    for response in (first, replayed):
        data = pickle.dumps(response)
        for secret in (CLIENT_SECRET, PASSWORD, *server.valid_refresh, *server.valid_client):
            assert secret.encode() not in data


def test_a_pickled_token_error_holds_no_secret(raw_for: RawFor, server: FakeServer) -> None:
    server.scripted = [
        httpx.Response(400, json={"error": "invalid_grant", "error_description": f"bad {CLIENT_SECRET}"})
    ]
    client = raw_for(server.handle)
    with pytest.raises(TokenError) as info:
        client.get("/spaces")
    data = pickle.dumps(info.value)
    assert CLIENT_SECRET.encode() not in data and PASSWORD.encode() not in data
    copy = pickle.loads(data)
    assert (type(copy), str(copy), copy.error, copy.status_code) == (
        TokenError,
        str(info.value),
        "invalid_grant",
        400,
    )


# -- headers -----------------------------------------------------------------------------------------------


def test_token_requests_carry_the_clients_headers_but_never_its_authorization(
    raw_for: RawFor, server: FakeServer
) -> None:
    seen: list[httpx.Request] = []
    caller = {"User-Agent": "acme-lms/2.1", "X-Team": "blue", "Authorization": "Basic c2VjcmV0OnNlY3JldA=="}
    client = raw_for(recording(server, seen), headers=caller)
    client.get("/spaces")
    tokens = [r for r in seen if r.url.path == "/v1/auth/token"]
    assert len(tokens) == 2
    for request in tokens:
        assert request.headers["user-agent"] == "acme-lms/2.1"
        assert request.headers["x-team"] == "blue"
        assert request.headers["accept"] == "application/json"
        assert "Basic" not in request.headers.get("authorization", "")
    assert tokens[1].headers["authorization"].startswith("Bearer ")  # D2: the client token
    assert "authorization" not in tokens[0].headers


def test_api_calls_accept_json_unless_told_otherwise(raw_for: RawFor, server: FakeServer) -> None:
    seen: list[httpx.Request] = []
    client = raw_for(recording(server, seen))
    client.get("/spaces")
    client.get(
        "/spaces", headers={"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    )
    api = [r for r in seen if r.url.path == "/v1/spaces"]
    assert [r.headers["accept"] for r in api] == [
        "application/json",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
    assert all(r.headers["user-agent"].startswith("moodhood-python/") for r in seen)


# -- the 64 KiB cap ----------------------------------------------------------------------------------------


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body arriving in chunks, as from a socket (``httpx.Response`` does not pre-read it)."""

    def __init__(self, data: bytes, size: int = 65536) -> None:
        self.chunks = [data[i : i + size] for i in range(0, len(data), size)]

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk


def gzip_bomb(decoded: int) -> bytes:
    """A gzip body of ``decoded`` zero bytes (about 1/1000 of that on the wire), built without holding it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(decoded >> 20)]
    return b"".join([*parts, compressor.flush()])


def test_a_gzip_bomb_is_refused_without_decoding_it(raw_for: RawFor, server: FakeServer) -> None:
    bomb = gzip_bomb(200 << 20)  # 200 MiB decoded, about 200 KiB on the wire

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=Chunks(bomb))
        return server.handle(request)

    client = raw_for(handle)
    tracemalloc.start()
    try:
        with pytest.raises(TokenError, match="a body over 64 KiB; refused"):
            client.get("/spaces")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20  # a few MiB at most, not 200


@pytest.mark.parametrize("size", [MAX_TOKEN_RESPONSE - 100, MAX_TOKEN_RESPONSE + 1])
@pytest.mark.parametrize("encoding", ["identity", "gzip", "deflate"])
def test_the_cap_is_on_the_decoded_body(
    size: int, encoding: str, raw_for: RawFor, server: FakeServer
) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/v1/auth/token":
            return server.handle(request)
        answer = json.loads(server.handle(request).content)
        text = json.dumps({**answer, "padding": ""})
        body = json.dumps({**answer, "padding": "x" * (size - len(text))}).encode()
        assert len(body) == size
        wire = {"identity": body, "gzip": gzip.compress(body), "deflate": zlib.compress(body)}[encoding]
        return httpx.Response(200, headers={"Content-Encoding": encoding}, stream=Chunks(wire))

    client = raw_for(handle, client_secret=CLIENT_SECRET)
    if size <= MAX_TOKEN_RESPONSE:
        assert client.get("/spaces").status_code == 200
    else:
        with pytest.raises(TokenError, match="over 64 KiB"):
            client.get("/spaces")
