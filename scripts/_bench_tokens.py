"""Token requests counted at the transport: per 1,000 API calls, and for 100 callers crossing expiry at once.

The expiry runs use real time: the fake token endpoint issues access tokens whose JWT lifetime
(``exp - iat``) is one second, the client makes one call to fetch them, the benchmark sleeps past expiry,
and then 100 threads (behind a barrier) or 100 asyncio tasks (one ``gather``) each make one call. Each token
answer takes 20 ms, so every caller arrives while the renewal is still in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import statistics
import threading
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
from _bench_common import BASE_URL, PERSONAL_TOKEN, USER_CREDENTIALS, FakeApi, Row
from moodhood_api.api.spaces import list_spaces

from moodhood import AsyncMoodhood, Moodhood

__all__ = ["bench_loop_steps", "bench_tokens"]

_SECTION = "3 token requests (counted at the transport)"
_LIFETIME = 1
_DELAY = 0.02


def _per_thousand(api: FakeApi, mh: Moodhood, calls: int) -> int:
    for _ in range(calls):
        mh.call(list_spaces.sync_detailed)
    if api.api_calls != calls:
        raise RuntimeError(f"{api.api_calls} API calls reached the server, not {calls}")
    return api.token_requests


def _threads_crossing(callers: int) -> tuple[int, int]:
    """Token requests and failures when ``callers`` threads call just after the user token expired."""
    api = FakeApi(access_ttl=_LIFETIME, refresh_ttl=3600, token_delay=_DELAY)
    with Moodhood(
        base_url=BASE_URL, **USER_CREDENTIALS, http_client=httpx.Client(transport=httpx.MockTransport(api))
    ) as mh:
        mh.call(list_spaces.sync_detailed)
        time.sleep(_LIFETIME + 0.05)
        api.reset()
        barrier = threading.Barrier(callers)
        failures: list[BaseException] = []

        def one() -> None:
            barrier.wait()
            try:
                mh.call(list_spaces.sync_detailed)
            except Exception as exc:  # counted and reported, never hidden
                failures.append(exc)

        threads = [threading.Thread(target=one) for _ in range(callers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return api.token_requests, len(failures)


@contextlib.asynccontextmanager
async def _past_expiry() -> AsyncIterator[tuple[FakeApi, AsyncMoodhood]]:
    """A user-mode ``AsyncMoodhood`` whose tokens just expired (its counters zeroed), and its fake API."""
    api = FakeApi(access_ttl=_LIFETIME, refresh_ttl=3600, token_delay=_DELAY)
    transport = httpx.MockTransport(api.handle_async)
    async with AsyncMoodhood(
        base_url=BASE_URL, **USER_CREDENTIALS, http_client=httpx.AsyncClient(transport=transport)
    ) as mh:
        await mh.call(list_spaces.asyncio_detailed)
        await asyncio.sleep(_LIFETIME + 0.05)
        api.reset()
        yield api, mh


async def _tasks_crossing(callers: int) -> tuple[int, int]:
    """Token requests and failures when ``callers`` tasks call just after the user token expired."""
    async with _past_expiry() as (api, mh):
        results = await asyncio.gather(
            *(mh.call(list_spaces.asyncio_detailed) for _ in range(callers)), return_exceptions=True
        )
    return api.token_requests, sum(isinstance(r, BaseException) for r in results)


def bench_tokens(rounds: int, calls: int = 1000, callers: int = 100) -> list[Row]:
    """Token traffic per ``calls`` API calls (user and personal mode) and per expiry crossing."""
    rows: list[Row] = []
    api = FakeApi()
    transport = httpx.MockTransport(api)
    with Moodhood(base_url=BASE_URL, **USER_CREDENTIALS, http_client=httpx.Client(transport=transport)) as mh:
        user = _per_thousand(api, mh, calls)
    rows.append(Row(_SECTION, f"user mode, per {calls:,} API calls", str(user), target="2", met=user == 2))
    api = FakeApi()
    transport = httpx.MockTransport(api)
    with Moodhood(
        base_url=BASE_URL, token=PERSONAL_TOKEN, http_client=httpx.Client(transport=transport)
    ) as mh:
        personal = _per_thousand(api, mh, calls)
    rows.append(
        Row(
            _SECTION, f"personal token, per {calls:,} API calls", str(personal), target="0", met=personal == 0
        )
    )
    runs: list[tuple[str, Callable[[], tuple[int, int]]]] = [
        (f"{callers} threads crossing expiry", lambda: _threads_crossing(callers)),
        (f"{callers} asyncio tasks crossing expiry", lambda: asyncio.run(_tasks_crossing(callers))),
    ]
    for what, run in runs:
        counts: list[int] = []
        failed = 0
        for _ in range(rounds):
            requests, failures = run()
            counts.append(requests)
            failed += failures
        worst = max(counts)
        detail = f"max {worst} over {rounds} round{'s' if rounds > 1 else ''} ({', '.join(map(str, counts))})"
        if failed:
            detail += f"; {failed} calls FAILED"
        rows.append(Row(_SECTION, what, detail, target="1", met=worst == 1 and not failed))
    return rows


# -- the event loop during a renewal ------------------------------------------------------------------------

_STEPS = "3 longest event-loop step, 100 tasks crossing expiry (20 ms token endpoint)"
_STEP_LIMIT = 0.005


class _StepTimer:
    """Times every event-loop step (each ``Handle._run``: a task step or a callback) while installed: what
    asyncio's debug mode reports as slow callbacks, without debug mode's own cost (a stack captured for
    every handle). Both clocks are kept: wall time, and this thread's CPU time, which leaves out the
    moments the OS ran another process (on a loaded machine those dominate the wall-clock maximum)."""

    def __init__(self) -> None:
        self.longest_wall = 0.0
        self.longest_cpu = 0.0
        self._original = asyncio.events.Handle._run

    def __enter__(self) -> _StepTimer:
        original, wall, cpu = self._original, time.perf_counter, time.thread_time

        def timed(handle: asyncio.Handle) -> None:
            start_wall, start_cpu = wall(), cpu()
            try:
                original(handle)
            finally:
                self.longest_cpu = max(self.longest_cpu, cpu() - start_cpu)
                self.longest_wall = max(self.longest_wall, wall() - start_wall)

        asyncio.events.Handle._run = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc_info: object) -> None:
        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]


async def _longest_step(burst: Callable[[], Awaitable[int]]) -> tuple[float, float, int]:
    """The longest single loop step during ``burst`` (CPU and wall seconds, the collector frozen), and
    the token requests ``burst`` reports."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        with _StepTimer() as steps:
            requests = await burst()
    finally:
        gc.enable()
        gc.unfreeze()
    return steps.longest_cpu, steps.longest_wall, requests


async def _moodhood_burst(callers: int) -> tuple[float, float, int]:
    async with _past_expiry() as (api, mh):

        async def burst() -> int:
            await asyncio.gather(*(mh.call(list_spaces.asyncio_detailed) for _ in range(callers)))
            return api.token_requests

        return await _longest_step(burst)


async def _authlib_burst(callers: int) -> tuple[float, float, int]:
    """The anchor: Authlib's ``AsyncOAuth2Client`` (client credentials, renewed on expiry under its lock)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Authlib's notice that it runs on httpx rather than httpx2
        from authlib.integrations.httpx_client import AsyncOAuth2Client
    tokens, first = 0, True

    async def handle(request: httpx.Request) -> httpx.Response:
        nonlocal tokens, first
        if request.url.path == "/v1/auth/token":
            tokens += 1
            await asyncio.sleep(_DELAY)
            lifetime = 1 if first else 3600  # the warm-up token expires; the renewed one lasts
            first = False
            answer = {"access_token": f"t{tokens}", "token_type": "bearer", "expires_in": lifetime}
            return httpx.Response(200, json=answer)
        return httpx.Response(200, json={"items": []})

    async with AsyncOAuth2Client(
        "client",
        "secret",
        token_endpoint=f"{BASE_URL}/auth/token",
        grant_type="client_credentials",
        leeway=0,
        transport=httpx.MockTransport(handle),
    ) as client:
        await client.fetch_token()
        await asyncio.sleep(_LIFETIME + 0.05)
        tokens = 0

        async def burst() -> int:
            await asyncio.gather(*(client.get(f"{BASE_URL}/spaces") for _ in range(callers)))
            return tokens

        return await _longest_step(burst)


def bench_loop_steps(rounds: int, callers: int = 100) -> list[Row]:
    """The longest event-loop step while ``callers`` tasks cross expiry: moodhood and Authlib, medians."""
    rows: list[Row] = []
    for name, run in (
        ("AsyncMoodhood (user mode: refresh grant)", _moodhood_burst),
        ("anchor: Authlib AsyncOAuth2Client (client credentials)", _authlib_burst),
    ):
        results = [asyncio.run(run(callers)) for _ in range(rounds)]
        cpu = statistics.median(r[0] for r in results)
        wall = statistics.median(r[1] for r in results)
        requests = max(r[2] for r in results)
        detail = (
            f"{cpu * 1000:.1f} ms CPU, {wall * 1000:.1f} ms wall (medians of {rounds}); "
            f"{requests} token request{'s' * (requests != 1)}"
        )
        is_sdk = name.startswith("AsyncMoodhood")
        target = "< 5 ms, 1 token request" if is_sdk else ""
        met = (cpu < _STEP_LIMIT and requests == 1) if is_sdk else None
        rows.append(Row(_STEPS, name, detail, target=target, met=met))
    return rows
