"""No renewal deadlock: bursts larger than the connection pool cross a revocation and an expiry on the real
sandbox (a uvicorn server on loopback), sync and async.

Every caller that got a 401 reads and closes it before it waits for the renewal, so the leader's token
request always finds a connection. Each burst: every call succeeds, every renewal makes at most 3 token
requests, and the burst ends within 5 s. A machine so loaded that the same burst of plain calls (a valid
token, no renewal) already takes more than a third of that gets three times that burst's time instead:
the sandbox shares the CPU with the callers, and a deadlock never ends at all.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from moodhood_api.api.spaces import list_spaces

from moodhood import AsyncMoodhood, Moodhood, TokenEvent
from tests.conftest import SandboxHandle

BURST_SECONDS = 5.0
TTL = 60  # seconds; the expiry burst moves the sandbox clock past it (tokens expire while callers queue)


class TokenRequests(logging.Handler):
    """Counts the token requests the SDK makes (its ``moodhood.auth`` DEBUG record for each)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("token request "):
            self.count += 1


@pytest.fixture
def token_requests() -> Iterator[TokenRequests]:
    logger = logging.getLogger("moodhood.auth")
    handler, level = TokenRequests(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def credentials(sandbox: SandboxHandle) -> dict[str, str]:
    return {
        "base_url": sandbox.base_url,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "username": sandbox.username,
        "password": sandbox.password,
    }


def check(
    label: str, failures: list[BaseException], seconds: float, requests: int, renewals: int, baseline: float
) -> None:
    assert not failures, f"{label}: {len(failures)} calls failed, e.g. {failures[0]!r}"
    assert renewals >= 1, f"{label}: no renewal happened"
    assert requests <= 3 * renewals, f"{label}: {requests} token requests for {renewals} renewals"
    limit = max(BURST_SECONDS, 3 * baseline)
    assert seconds < limit, f"{label}: the burst took {seconds:.1f} s (plain calls: {baseline:.1f} s)"


def sync_burst(mh: Moodhood, callers: int) -> tuple[list[BaseException], float]:
    barrier = threading.Barrier(callers + 1)
    failures: list[BaseException] = []

    def one() -> None:
        barrier.wait()
        try:
            mh.call(list_spaces.sync_detailed)
        except Exception as exc:  # collected and reported by check()
            failures.append(exc)

    with ThreadPoolExecutor(max_workers=callers) as pool:
        for _ in range(callers):
            pool.submit(one)
        barrier.wait()
        start = time.monotonic()
    return failures, time.monotonic() - start


@pytest.mark.parametrize("max_connections", [2, 10])
def test_300_threads_on_a_small_pool_cross_revocation_and_expiry(
    sandbox: SandboxHandle, token_requests: TokenRequests, max_connections: int
) -> None:
    sandbox.settings(access_ttl=TTL)
    events: list[TokenEvent] = []
    pool = httpx.Client(limits=httpx.Limits(max_connections=max_connections))
    with pool, Moodhood(**credentials(sandbox), http_client=pool, on_token=events.append) as mh:
        mh.call(list_spaces.sync_detailed)
        _, baseline = sync_burst(mh, 300)
        for label, cross in (
            ("revocation", lambda: sandbox.revoke_all(personal_tokens=False)),
            ("expiry", lambda: sandbox.advance_clock(TTL + 1)),
        ):
            cross()
            token_requests.count, events[:] = 0, []
            failures, seconds = sync_burst(mh, 300)
            renewals = sum(e.kind == "user" for e in events)
            label = f"{label}, max_connections={max_connections}"
            check(label, failures, seconds, token_requests.count, renewals, baseline)


async def test_500_tasks_on_the_default_pool_cross_revocation_and_expiry(
    sandbox: SandboxHandle, token_requests: TokenRequests
) -> None:
    sandbox.settings(access_ttl=TTL)
    events: list[TokenEvent] = []
    async with AsyncMoodhood(**credentials(sandbox), on_token=events.append) as mh:
        await mh.call(list_spaces.asyncio_detailed)
        baseline = 0.0
        for label in ("plain", "revocation", "expiry"):
            if label == "revocation":
                await asyncio.to_thread(sandbox.revoke_all, personal_tokens=False)
            elif label == "expiry":
                await asyncio.to_thread(sandbox.advance_clock, TTL + 1)
            token_requests.count, events[:] = 0, []
            start = time.monotonic()
            results = await asyncio.gather(
                *(mh.call(list_spaces.asyncio_detailed) for _ in range(500)), return_exceptions=True
            )
            seconds = time.monotonic() - start
            failures = [r for r in results if isinstance(r, BaseException)]
            if label == "plain":
                baseline = seconds
                continue
            renewals = sum(e.kind == "user" for e in events)
            check(label, failures, seconds, token_requests.count, renewals, baseline)
