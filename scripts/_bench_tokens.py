"""Token requests counted at the transport: per 1,000 API calls, and for 100 callers crossing expiry at once.

The expiry runs use real time: the fake token endpoint issues access tokens whose JWT lifetime
(``exp - iat``) is one second, the client makes one call to fetch them, the benchmark sleeps past expiry,
and then 100 threads (behind a barrier) or 100 asyncio tasks (one ``gather``) each make one call. Each token
answer takes 20 ms, so every caller arrives while the renewal is still in flight.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import httpx
from _bench_common import BASE_URL, PERSONAL_TOKEN, USER_CREDENTIALS, FakeApi, Row
from moodhood_api.api.spaces import list_spaces

from moodhood import AsyncMoodhood, Moodhood

__all__ = ["bench_tokens"]

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


async def _tasks_crossing(callers: int) -> tuple[int, int]:
    """Token requests and failures when ``callers`` tasks call just after the user token expired."""
    api = FakeApi(access_ttl=_LIFETIME, refresh_ttl=3600, token_delay=_DELAY)
    transport = httpx.MockTransport(api.handle_async)
    async with AsyncMoodhood(
        base_url=BASE_URL, **USER_CREDENTIALS, http_client=httpx.AsyncClient(transport=transport)
    ) as mh:
        await mh.call(list_spaces.asyncio_detailed)
        await asyncio.sleep(_LIFETIME + 0.05)
        api.reset()
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
