"""Client-side cost per call (in memory, ``httpx.MockTransport``) and loopback throughput (the sandbox).

Every variant sends ``GET /v1/spaces`` with a bearer token and decodes the JSON answer:

- raw httpx: a static ``Authorization`` header, ``raise_for_status()`` and ``response.json()``;
- the bare generated ``moodhood_api.Client`` with the same static header: ``list_spaces.sync_detailed``,
  which also builds the ``SpaceList`` model;
- ``Moodhood.call(list_spaces.sync_detailed)``: auth flow, retry transport, typed errors, logging guard,
  with a personal token, or in user mode with tokens fetched before the timed loop (none inside it).

``bench_resources`` times the typed resources against ``call`` and raw httpx with a full 30-field room:
``GET`` a room (``mh.rooms.get``) and ``POST`` one (``mh.rooms.create(name=..., type="lesson", ...)``, which
also builds the ``RoomCreate`` model and converts the enum literal), sync and async.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager

import httpx
import moodhood_api
from _bench_common import (
    BASE_URL,
    PERSONAL_TOKEN,
    SPACE_COUNT,
    USER_CREDENTIALS,
    FakeApi,
    Row,
    median,
    per_call_us,
)
from moodhood_api.api.space_rooms import create_room, get_room
from moodhood_api.api.spaces import create_space, list_spaces
from moodhood_api.models import Room, RoomCreate, RoomType, SpaceCreate

from moodhood import AsyncMoodhood, Moodhood

__all__ = ["FULL_ROOM", "bench_loopback", "bench_mock", "bench_resources"]

_SECTION_MOCK = "1 per-call cost (MockTransport)"
_SECTION_LOOP = "2 loopback throughput (sandbox)"
_SECTION_RES = "1 per-call cost, typed resources (MockTransport, full room)"


def _check(items: object) -> None:
    if not isinstance(items, list) or len(items) < 1:
        raise RuntimeError(f"a benchmarked call returned {items!r} instead of the space list")


def _sync_variants(stack: ExitStack, api: FakeApi) -> dict[str, Callable[[], object]]:
    transport = httpx.MockTransport(api)
    header = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}

    raw = stack.enter_context(httpx.Client(base_url=BASE_URL, headers=header, transport=transport))

    def raw_call() -> object:
        response = raw.get("/spaces")
        response.raise_for_status()
        return response.json()["items"]

    generated = moodhood_api.Client(
        base_url=BASE_URL,
        headers=header,
        httpx_args={"transport": transport},
        raise_on_unexpected_status=True,
    )
    stack.enter_context(generated)

    def generated_call() -> object:
        parsed = list_spaces.sync_detailed(client=generated).parsed
        assert isinstance(parsed, moodhood_api.models.SpaceList)
        return parsed.items

    personal = stack.enter_context(
        Moodhood(base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.Client(transport=transport))
    )
    user = stack.enter_context(
        Moodhood(base_url=BASE_URL, **USER_CREDENTIALS, http_client=httpx.Client(transport=transport))
    )
    user.call(list_spaces.sync_detailed)  # fetch the client and user tokens before the timed loop

    return {
        "raw httpx (static header, .json())": raw_call,
        "generated Client (static header)": generated_call,
        "Moodhood.call, personal token": lambda: personal.call(list_spaces.sync_detailed).items,
        "Moodhood.call, user mode (warm tokens)": lambda: user.call(list_spaces.sync_detailed).items,
    }


async def _async_variants(
    api: FakeApi,
) -> tuple[dict[str, Callable[[], Awaitable[object]]], list[Callable[[], Awaitable[None]]]]:
    transport = httpx.MockTransport(api.handle_async)
    header = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}
    raw = httpx.AsyncClient(base_url=BASE_URL, headers=header, transport=transport)
    personal = AsyncMoodhood(
        base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.AsyncClient(transport=transport)
    )

    async def raw_call() -> object:
        response = await raw.get("/spaces")
        response.raise_for_status()
        return response.json()["items"]

    async def personal_call() -> object:
        return (await personal.call(list_spaces.asyncio_detailed)).items

    variants: dict[str, Callable[[], Awaitable[object]]] = {
        "raw httpx.AsyncClient": raw_call,
        "AsyncMoodhood.call, personal token": personal_call,
    }
    return variants, [raw.aclose, personal.close]


async def _per_call_async_us(call: Callable[[], Awaitable[object]], calls: int) -> float:
    start = time.perf_counter_ns()
    for _ in range(calls):
        await call()
    return (time.perf_counter_ns() - start) / calls / 1000


def _ratio_row(what: str, times: list[float], base: list[float], base_name: str, limit: float | None) -> Row:
    """Medians of both, and the median of the per-round ratios (rounds time the variants side by side, so a
    slow spell on the machine lands on both sides of each ratio)."""
    ratio = median([t / b for t, b in zip(times, base, strict=True)])
    return Row(
        _SECTION_MOCK,
        what,
        f"{median(times):.1f} µs/call",
        f"{base_name} {median(base):.1f} µs",
        f"{ratio:.3f}x",
        f"<= {limit:.2f}x" if limit is not None else "",
        None if limit is None else ratio <= limit,
    )


def bench_mock(rounds: int, calls: int) -> list[Row]:
    """Per-call client cost with a free server; medians over ``rounds`` rounds of ``calls`` calls."""
    api = FakeApi()
    timings: dict[str, list[float]] = {}
    with ExitStack() as stack:
        variants = _sync_variants(stack, api)
        for call in variants.values():
            _check(call())
            per_call_us(call, max(calls // 10, 20))  # warm-up
        api.reset()
        names = list(variants)
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:  # rotate the order per round
                timings.setdefault(name, []).append(per_call_us(variants[name], calls))
        tokens_in_loop = api.token_requests
    raw, generated = (timings[n] for n in names[:2])
    rows = [
        Row(_SECTION_MOCK, names[0], f"{median(raw):.1f} µs/call"),
        _ratio_row(names[1], generated, raw, "raw", None),
    ]
    for name in names[2:]:
        rows.append(_ratio_row(name, timings[name], raw, "raw", 1.3))
        rows.append(_ratio_row(f"{name} vs generated", timings[name], generated, "generated", 1.1))
    rows.append(
        Row(
            _SECTION_MOCK,
            "token requests inside the timed loops",
            str(tokens_in_loop),
            target="0",
            met=tokens_in_loop == 0,
        )
    )
    rows += asyncio.run(_bench_mock_async(rounds, calls))
    return rows


async def _bench_mock_async(rounds: int, calls: int) -> list[Row]:
    api = FakeApi()
    variants, closers = await _async_variants(api)
    names = list(variants)
    timings: dict[str, list[float]] = {name: [] for name in names}
    try:
        for call in variants.values():
            _check(await call())
            await _per_call_async_us(call, max(calls // 10, 20))
        for r in range(rounds):
            for name in names[r % 2 :] + names[: r % 2]:
                timings[name].append(await _per_call_async_us(variants[name], calls))
    finally:
        for close in closers:
            await close()
    raw, sdk = (timings[n] for n in names)
    return [
        Row(_SECTION_MOCK, names[0], f"{median(raw):.1f} µs/call"),
        _ratio_row(names[1], sdk, raw, "raw", 1.3),
    ]


# -- loopback ---------------------------------------------------------------------------------------------

_SERVER = """
import sys
from moodhood.sandbox import SandboxServer
with SandboxServer() as server:
    print(server.base_url, flush=True)
    sys.stdin.read()
"""


@contextmanager
def _sandbox() -> Iterator[str]:
    """A sandbox in its own process (its own core and GIL); yields its base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        base_url = proc.stdout.readline().strip()
        if not base_url.startswith("http://"):
            raise RuntimeError("the sandbox process did not start")
        yield base_url
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _rps(requests: int, seconds: float) -> float:
    return requests / seconds


def _sync_rps(base_url: str, token: str, requests: int, rounds: int) -> dict[str, list[float]]:
    header = {"Authorization": f"Bearer {token}"}
    results: dict[str, list[float]] = {"raw": [], "moodhood": []}
    with (
        httpx.Client(base_url=base_url, headers=header) as raw,
        Moodhood(base_url=base_url, token=token) as mh,
    ):

        def raw_call() -> object:
            response = raw.get("/spaces")
            response.raise_for_status()
            return response.json()["items"]

        calls: dict[str, Callable[[], object]] = {
            "raw": raw_call,
            "moodhood": lambda: mh.call(list_spaces.sync_detailed).items,
        }
        for call in calls.values():
            _check(call())
            per_call_us(call, 20)
        for r in range(rounds):
            for name in ["raw", "moodhood"] if r % 2 == 0 else ["moodhood", "raw"]:
                us = per_call_us(calls[name], requests)
                results[name].append(1e6 / us)
    return results


async def _async_rps(
    base_url: str, token: str, requests: int, rounds: int, tasks: int
) -> dict[str, list[float]]:
    header = {"Authorization": f"Bearer {token}"}
    results: dict[str, list[float]] = {"raw": [], "moodhood": []}
    per_task = max(requests // tasks, 1)
    async with (
        httpx.AsyncClient(base_url=base_url, headers=header) as raw,
        AsyncMoodhood(base_url=base_url, token=token) as mh,
    ):

        async def raw_call() -> object:
            response = await raw.get("/spaces")
            response.raise_for_status()
            return response.json()["items"]

        async def sdk_call() -> object:
            return (await mh.call(list_spaces.asyncio_detailed)).items

        calls: dict[str, Callable[[], Awaitable[object]]] = {"raw": raw_call, "moodhood": sdk_call}

        async def worker(call: Callable[[], Awaitable[object]]) -> None:
            for _ in range(per_task):
                await call()

        async def burst(call: Callable[[], Awaitable[object]]) -> float:
            start = time.perf_counter()
            await asyncio.gather(*(worker(call) for _ in range(tasks)))
            return _rps(per_task * tasks, time.perf_counter() - start)

        for call in calls.values():
            _check(await call())
            await burst(call)  # warm-up: opens the pool's connections
        for r in range(rounds):
            for name in ["raw", "moodhood"] if r % 2 == 0 else ["moodhood", "raw"]:
                results[name].append(await burst(calls[name]))
    return results


def _throughput_rows(what: str, results: dict[str, list[float]]) -> list[Row]:
    raw, sdk = median(results["raw"]), median(results["moodhood"])
    ratio = median([m / r for m, r in zip(results["moodhood"], results["raw"], strict=True)])
    return [
        Row(_SECTION_LOOP, f"{what}: raw httpx", f"{raw:,.0f} req/s"),
        Row(
            _SECTION_LOOP,
            f"{what}: moodhood",
            f"{sdk:,.0f} req/s",
            f"raw {raw:,.0f} req/s",
            f"{ratio:.2f}x",
        ),
    ]


def bench_loopback(rounds: int, requests: int, tasks: int = 64) -> list[Row]:
    """Requests per second against a sandbox process on 127.0.0.1, raw httpx vs moodhood, sync and async."""
    from moodhood.sandbox import DEMO_PERSONAL_TOKEN

    with _sandbox() as base_url:
        with Moodhood(base_url=base_url, token=DEMO_PERSONAL_TOKEN) as mh:
            for i in range(SPACE_COUNT):
                mh.call(create_space.sync_detailed, body=SpaceCreate(name=f"Bench space {i}"))
        sync = _sync_rps(base_url, DEMO_PERSONAL_TOKEN, requests, rounds)
        async_ = asyncio.run(_async_rps(base_url, DEMO_PERSONAL_TOKEN, requests, rounds, tasks))
    return _throughput_rows("sync, sequential", sync) + _throughput_rows(f"async, {tasks} tasks", async_)


# -- typed resources ----------------------------------------------------------------------------------------

_SPACE_ID, _ROOM_ID = "62ab5a84b0ce6ee31b0997b4", "64f1c0a2b3d4e5f60718293a"
_FLAGS = [
    "isPublic",
    "isChatAllowed",
    "isFavorite",
    "isRecordAllowed",
    "isScreensharingAllowed",
    "isAutoRecordingAllowed",
    "isMicrophonePublishingAllowed",
    "isScreenMediaPublishingAllowed",
    "isCameraPublishingAllowed",
    "isAvatarsAllowed",
    "isSelfRenamingAllowed",
    "isHandRaisingAllowed",
    "isRemoteDrawingAllowed",
]
FULL_ROOM: dict[str, object] = {
    "id": _ROOM_ID,
    "alias": "EGBYWoMZJe",
    "name": "Math, lesson 1",
    "spaceId": _SPACE_ID,
    "appId": "64f1c0a2b3d4e5f60718293f",
    "channelId": "64f1c0a2b3d4e5f60718293e",
    "type": "lesson",
    "templateId": None,
    "parentRoomId": None,
    "waitingRoomAudience": "nobody",
    "redirectUrl": "https://example.com/after-the-call",
    **{flag: i % 3 != 0 for i, flag in enumerate(_FLAGS)},
    "lastCallAt": "2026-11-29T23:30:00.000Z",
    "createdAt": "2026-11-01T09:15:00.000Z",
    "roleInRoom": "role_room_owner",
    "breakoutRooms": {"status": "enabled", "session": {"status": "ready", "startedAt": None}},
    "joinSettings": {
        "fields": [
            {
                "slug": "email",
                "type": "email",
                "title": "Email",
                "enabled": False,
                "required": False,
                "description": "",
            }
        ],
        "customFields": [],
    },
}
"""A room with every documented field (30 top-level keys), as the sandbox returns it."""
_ROOM_BODY = json.dumps(FULL_ROOM, separators=(",", ":")).encode()
_CREATE = {"name": "Math, lesson 1", "type": "lesson", "isChatAllowed": True, "isRecordAllowed": False}


def _room_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        201 if request.method == "POST" else 200,
        content=_ROOM_BODY,
        headers={"content-type": "application/json"},
    )


async def _room_answer_async(request: httpx.Request) -> httpx.Response:
    return _room_answer(request)


def _room_variants(stack: ExitStack) -> dict[str, Callable[[], object]]:
    transport = httpx.MockTransport(_room_answer)
    header = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}
    raw = stack.enter_context(httpx.Client(base_url=BASE_URL, headers=header, transport=transport))
    mh = stack.enter_context(
        Moodhood(base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.Client(transport=transport))
    )
    path = f"/spaces/{_SPACE_ID}/rooms"

    def raw_get() -> object:
        response = raw.get(f"{path}/{_ROOM_ID}")
        response.raise_for_status()
        return response.json()

    def raw_create() -> object:
        response = raw.post(path, json=_CREATE)
        response.raise_for_status()
        return response.json()

    def call_create() -> object:
        body = RoomCreate(
            name="Math, lesson 1", type_=RoomType.LESSON, is_chat_allowed=True, is_record_allowed=False
        )
        return mh.call(create_room.sync_detailed, _SPACE_ID, body=body)

    def resource_create() -> object:
        return mh.rooms.create(
            _SPACE_ID, name="Math, lesson 1", type="lesson", is_chat_allowed=True, is_record_allowed=False
        )

    return {
        "GET room: raw httpx (.json())": raw_get,
        "GET room: Moodhood.call(get_room)": lambda: mh.call(get_room.sync_detailed, _SPACE_ID, _ROOM_ID),
        "GET room: mh.rooms.get": lambda: mh.rooms.get(_SPACE_ID, _ROOM_ID),
        "POST room: raw httpx (json=, .json())": raw_create,
        "POST room: Moodhood.call(create_room, body=RoomCreate(...))": call_create,
        "POST room: mh.rooms.create(name=..., type=...)": resource_create,
    }


def _resource_rows(timings: dict[str, list[float]], prefix: str = "") -> list[Row]:
    rows: list[Row] = []
    names = list(timings)
    for start in range(0, len(names), 3):
        raw_name, call_name, res_name = names[start : start + 3]
        raw, call, res = timings[raw_name], timings[call_name], timings[res_name]
        rows.append(Row(_SECTION_RES, prefix + raw_name, f"{median(raw):.1f} µs/call"))
        rows.append(_res_ratio(prefix + call_name, call, raw, "raw", 1.15))
        rows.append(_res_ratio(prefix + res_name, res, raw, "raw", 1.15))
        rows.append(_res_ratio(f"{prefix}{res_name} vs call", res, call, "call", 1.05))
    return rows


def _res_ratio(what: str, times: list[float], base: list[float], base_name: str, limit: float) -> Row:
    row = _ratio_row(what, times, base, base_name, limit)
    return Row(_SECTION_RES, row.what, row.value, row.baseline, row.ratio, row.target, row.met)


def bench_resources(rounds: int, calls: int) -> list[Row]:
    """Resource methods vs ``call`` vs raw httpx, full room, in memory; medians over ``rounds`` rounds."""
    timings: dict[str, list[float]] = {}
    with ExitStack() as stack:
        variants = _room_variants(stack)
        for name, call in variants.items():
            result = call()
            if not isinstance(result, dict | Room):
                raise RuntimeError(f"{name} returned {type(result).__name__}")
            per_call_us(call, max(calls // 10, 20))
        names = list(variants)
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                timings.setdefault(name, []).append(per_call_us(variants[name], calls))
    return _resource_rows(timings) + asyncio.run(_bench_resources_async(rounds, calls))


async def _bench_resources_async(rounds: int, calls: int) -> list[Row]:
    transport = httpx.MockTransport(_room_answer_async)
    header = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}
    raw = httpx.AsyncClient(base_url=BASE_URL, headers=header, transport=transport)
    amh = AsyncMoodhood(
        base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.AsyncClient(transport=transport)
    )

    async def raw_get() -> object:
        response = await raw.get(f"/spaces/{_SPACE_ID}/rooms/{_ROOM_ID}")
        response.raise_for_status()
        return response.json()

    async def call_get() -> object:
        return await amh.call(get_room.asyncio_detailed, _SPACE_ID, _ROOM_ID)

    async def resource_get() -> object:
        return await amh.rooms.get(_SPACE_ID, _ROOM_ID)

    variants: dict[str, Callable[[], Awaitable[object]]] = {
        "async GET room: raw httpx.AsyncClient": raw_get,
        "async GET room: AsyncMoodhood.call(get_room)": call_get,
        "async GET room: amh.rooms.get": resource_get,
    }
    timings: dict[str, list[float]] = {name: [] for name in variants}
    try:
        for call in variants.values():
            await call()
            await _per_call_async_us(call, max(calls // 10, 20))
        names = list(variants)
        for r in range(rounds):
            for name in names[r % 3 :] + names[: r % 3]:
                timings[name].append(await _per_call_async_us(variants[name], calls))
    finally:
        await raw.aclose()
        await amh.close()
    return _resource_rows(timings)
