"""Single flight: many callers crossing expiry together cause one renewal and share its token or its error."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from moodhood._auth import MoodhoodAuth
from moodhood._credentials import Credentials
from moodhood._exceptions import APIConnectionError, TokenError
from tests.auth.conftest import BASE, FakeClock, FakeServer, async_wait_until, wait_until

MakeAuth = Callable[..., MoodhoodAuth]
N = 100


def waiting(auth: MoodhoodAuth) -> int:
    """How many callers wait for the renewal in flight (0 when none is)."""
    flight = auth._flights.flight
    return flight.waiting if flight is not None else 0


def expire_all(clock: FakeClock) -> None:
    clock.advance(100_000)  # past every lifetime the fake server hands out (refresh tokens: 86,400 s)


def run_threads(client: httpx.Client, n: int = N) -> list[httpx.Response | BaseException]:
    barrier = threading.Barrier(n)

    def call() -> httpx.Response | BaseException:
        barrier.wait()
        try:
            return client.get("/spaces")
        except BaseException as exc:
            return exc

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: call(), range(n)))


# -- threads -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["client", "user"])
def test_hundred_threads_one_renewal(
    mode: str,
    server: FakeServer,
    make_auth: MakeAuth,
    clock: FakeClock,
    client_credentials: Credentials,
    user_credentials: Credentials,
) -> None:
    server.refresh_lifetime = 10**6  # the refresh token outlives the expiry we cross
    auth = make_auth(user_credentials if mode == "user" else client_credentials)
    with httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as client:
        client.get("/spaces")
        first = len(server.grants)
        expire_all(clock)
        # The renewal is held until the 99 others are queued behind it.
        server.on_token_request = lambda grant: wait_until(lambda: waiting(auth) >= N - 1)
        results = run_threads(client)
    assert all(isinstance(r, httpx.Response) and r.status_code == 200 for r in results), results
    renewals = server.grant_types()[first:]
    assert renewals == (["refresh_token"] if mode == "user" else ["client_credentials"])
    bearer = auth.user_token if mode == "user" else auth.client_token
    assert bearer is not None
    assert server.api_calls[-N:] == [f"Bearer {bearer.value}"] * N


def test_hundred_threads_share_one_failure(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    with httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as client:
        client.get("/spaces")
        expire_all(clock)
        server.on_token_request = lambda grant: wait_until(lambda: waiting(auth) >= N - 1)
        server.scripted = [
            httpx.Response(401, json={"error": "invalid_client", "error_description": "Revoked"})
        ]
        results = run_threads(client)
        assert len(server.grants) == 2  # the initial token and the single failed renewal
        errors = [r for r in results if isinstance(r, TokenError)]
        assert len(errors) == N
        assert {(e.error, e.error_description, e.status_code) for e in errors} == {
            ("invalid_client", "Revoked", 401)
        }
        assert len({id(e) for e in errors}) == N  # each waiter raises its own copy
        # The failure belongs to that generation only: the next caller tries again.
        server.on_token_request = None
        assert client.get("/spaces").status_code == 200
        assert len(server.grants) == 3


def test_leader_connection_error_reaches_waiters_as_api_connection_error(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    with httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as client:
        client.get("/spaces")
        expire_all(clock)
        server.on_token_request = lambda grant: wait_until(lambda: waiting(auth) >= 9)
        server.scripted = [httpx.ConnectError("connection refused")]
        results = run_threads(client, 10)
    assert len(server.grants) == 2
    assert (
        sum(isinstance(r, httpx.ConnectError) for r in results) == 1
    )  # the leader: the transport's own error
    waiters = [r for r in results if isinstance(r, APIConnectionError)]
    assert len(waiters) == 9
    assert all("ConnectError" in str(e) for e in waiters)


def test_no_lock_while_the_api_request_is_in_flight(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    """A's API call hangs until B has renewed a token and finished its own call."""
    auth = make_auth(client_credentials)
    b_done = threading.Event()
    inner = server.handle

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/slow":
            assert b_done.wait(10), "B was blocked behind A's API call"
        return inner(request)

    transport = httpx.MockTransport(handle)
    with httpx.Client(transport=transport, auth=auth, base_url=BASE) as client:
        client.get("/spaces")
        with ThreadPoolExecutor(max_workers=1) as pool:
            slow = pool.submit(client.get, "/slow")
            wait_until(lambda: len(server.api_calls) == 1 or slow.done())  # A's request is in flight
            expire_all(clock)
            assert client.get("/spaces").status_code == 200  # B renews the token and completes
            b_done.set()
            assert slow.result(10).status_code == 200
    assert server.grant_types() == ["client_credentials", "client_credentials"]


# -- asyncio -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["client", "user"])
async def test_hundred_tasks_one_renewal(
    mode: str,
    server: FakeServer,
    make_auth: MakeAuth,
    clock: FakeClock,
    client_credentials: Credentials,
    user_credentials: Credentials,
) -> None:
    server.refresh_lifetime = 10**6
    auth = make_auth(user_credentials if mode == "user" else client_credentials)
    async with httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE) as client:
        await client.get("/spaces")
        first = len(server.grants)
        expire_all(clock)
        server.async_gate = lambda: async_wait_until(lambda: waiting(auth) >= N - 1)
        results = await asyncio.gather(*(client.get("/spaces") for _ in range(N)))
    assert all(r.status_code == 200 for r in results)
    assert server.grant_types()[first:] == (["refresh_token"] if mode == "user" else ["client_credentials"])


async def test_hundred_tasks_share_one_failure(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    async with httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE) as client:
        await client.get("/spaces")
        expire_all(clock)
        server.async_gate = lambda: async_wait_until(lambda: waiting(auth) >= N - 1)
        server.scripted = [httpx.Response(400, json={"error": "invalid_client"})]
        results = await asyncio.gather(*(client.get("/spaces") for _ in range(N)), return_exceptions=True)
    assert len(server.grants) == 2
    assert all(isinstance(r, TokenError) and r.error == "invalid_client" for r in results)


async def test_cancelled_leader_hands_over(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    """A leader cancelled mid-request is not a failure: a waiter leads a new attempt."""
    auth = make_auth(client_credentials)
    entered: list[int] = []

    async def gate() -> None:
        entered.append(1)
        if len(entered) == 1:
            await asyncio.Event().wait()  # hangs until cancelled

    server.async_gate = gate
    async with httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE) as client:
        leader = asyncio.create_task(client.get("/spaces"))
        await async_wait_until(lambda: len(entered) == 1)
        waiters = [asyncio.create_task(client.get("/spaces")) for _ in range(5)]
        await async_wait_until(lambda: waiting(auth) == 5)
        leader.cancel()
        with pytest.raises(asyncio.CancelledError):
            await leader
        results = await asyncio.gather(*waiters)
    assert all(r.status_code == 200 for r in results)
    assert len(entered) == 2 and len(server.grants) == 1


def test_works_across_several_asyncio_runs(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE) as client:
            return await asyncio.gather(*(client.get("/spaces") for _ in range(20)))

    for run in range(1, 4):
        expire_all(clock)
        server.async_gate = lambda: async_wait_until(lambda: waiting(auth) >= 19)
        assert all(r.status_code == 200 for r in asyncio.run(burst()))
        assert len(server.grants) == run


def test_async_waiters_on_a_thread_leader(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    """One auth serves a sync client in a thread and an async client in another loop at once."""
    auth = make_auth(client_credentials)
    release = threading.Event()
    server.on_token_request = lambda grant: release.wait(10) and None
    with (
        httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as sync_client,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        leader = pool.submit(sync_client.get, "/spaces")
        wait_until(lambda: len(server.grants) == 1)

        async def waiters() -> list[httpx.Response]:
            async with httpx.AsyncClient(transport=server.transport(), auth=auth, base_url=BASE) as client:
                tasks = [asyncio.create_task(client.get("/spaces")) for _ in range(10)]
                await async_wait_until(lambda: waiting(auth) == 10)
                release.set()
                return await asyncio.gather(*tasks)

        results = asyncio.run(waiters())
        assert leader.result(10).status_code == 200
    assert all(r.status_code == 200 for r in results)
    assert len(server.grants) == 1


def test_waiters_share_a_stale_token_when_renewal_fails(
    server: FakeServer, make_auth: MakeAuth, clock: FakeClock, client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    with httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as client:
        client.get("/spaces")
        token = auth.client_token
        assert token is not None
        clock.advance(7200 - 100)  # stale, not expired
        server.on_token_request = lambda grant: wait_until(lambda: waiting(auth) >= 19)
        server.scripted = [httpx.Response(502, text="Bad gateway")]
        results = run_threads(client, 20)
    assert all(isinstance(r, httpx.Response) and r.status_code == 200 for r in results), results
    assert len(server.grants) == 2
    assert server.api_calls[-20:] == [f"Bearer {token.value}"] * 20


async def test_sync_call_inside_the_renewing_loop_fails_fast(
    server: FakeServer, make_auth: MakeAuth, client_credentials: Credentials
) -> None:
    """One auth shared by a sync and an async client: a sync wait on the leader's own loop would deadlock."""
    auth = make_auth(client_credentials)
    outcome: list[BaseException | int] = []

    async def gate() -> None:
        try:
            with httpx.Client(transport=server.transport(), auth=auth, base_url=BASE) as sync_client:
                outcome.append(sync_client.get("/spaces").status_code)
        except RuntimeError as exc:
            outcome.append(exc)

    server.async_gate = gate
    async with httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE) as client:
        assert (await client.get("/spaces")).status_code == 200
    assert len(outcome) == 1 and isinstance(outcome[0], RuntimeError)
    assert "deadlock" in str(outcome[0])
