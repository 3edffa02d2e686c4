"""Lazy credentials (``SecretProvider``), the file store off the event loop, token audiences, and one failure
giving the same error in both flavours."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

import moodhood
from moodhood import (
    APITimeoutError,
    AsyncMoodhood,
    ConfigurationError,
    Credentials,
    FileTokenStore,
    Moodhood,
    MoodhoodAuth,
)
from moodhood._store import TokenKey, TokenRecord
from tests.auth.conftest import (
    BASE,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    USERNAME,
    AsyncAsSync,
    FakeClock,
    FakeServer,
    async_wait_until,
    make_jwt,
    wait_until,
)

MakeAuth = Callable[..., MoodhoodAuth]
MakeClient = Callable[..., httpx.Client]


class Secret(str):
    """A secret whose lifetime a test can watch (a ``str`` subclass takes a weak reference)."""


class Provider:
    """A ``SecretProvider`` that counts its calls and the threads they ran on."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.threads: list[int] = []
        self.last: weakref.ref[Secret] | None = None

    def __call__(self) -> str:
        self.threads.append(threading.get_ident())
        if isinstance(self.value, BaseException):
            raise self.value
        if isinstance(self.value, str):
            secret = Secret(self.value)
            self.last = weakref.ref(secret)
            return secret
        return self.value  # type: ignore[return-value]


def test_secret_provider_is_exported() -> None:
    assert moodhood.SecretProvider is moodhood._credentials.SecretProvider
    assert "SecretProvider" in moodhood.__all__


def test_providers_are_called_only_when_a_grant_needs_them(
    server: FakeServer, make_auth: MakeAuth, client_for: MakeClient, clock: FakeClock
) -> None:
    secret, password = Provider(CLIENT_SECRET), Provider(PASSWORD)
    creds = Credentials.user(CLIENT_ID, secret, USERNAME, password)
    auth = make_auth(creds)
    repr(creds), repr(auth), str(creds)
    assert "<provider>" in repr(creds) and CLIENT_SECRET not in repr(creds)
    assert secret.threads == [] and password.threads == []  # not at construction, not by repr
    with client_for(auth) as client:
        for _ in range(5):
            assert client.get("/spaces").status_code == 200
        assert (len(secret.threads), len(password.threads)) == (1, 1)  # once per renewal, for 2 grants
        clock.advance(3400)  # stale: the refresh grant needs the client secret only
        client.get("/spaces")
        assert (len(secret.threads), len(password.threads)) == (2, 1)
    assert server.grant_types() == ["client_credentials", "password", "refresh_token"]
    gc.collect()
    assert secret.last is not None and secret.last() is None  # used for that grant, not kept


def test_a_stored_session_needs_no_provider_until_renewal(
    tmp_path: Path, server: FakeServer, make_auth: MakeAuth, client_for: MakeClient, clock: FakeClock
) -> None:
    path = tmp_path / "tokens.json"
    with client_for(
        make_auth(Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD), store=FileTokenStore(path))
    ) as c:
        c.get("/spaces")  # a `moodhood login`: tokens in the file
    secret, password = Provider(AssertionError("not now")), Provider(AssertionError("not now"))
    later = make_auth(Credentials.user(CLIENT_ID, secret, USERNAME, password), store=FileTokenStore(path))
    with client_for(later) as client:
        for _ in range(3):
            assert client.get("/spaces").status_code == 200
        assert secret.threads == [] and password.threads == []
        secret.value = CLIENT_SECRET
        clock.advance(3400)
        assert client.get("/spaces").status_code == 200  # the refresh grant: the secret, not the password
    assert (len(secret.threads), password.threads) == (1, [])


def test_a_providers_configuration_error_reaches_the_caller_unchanged(
    make_auth: MakeAuth, client_for: MakeClient, server: FakeServer
) -> None:
    error = ConfigurationError("not logged in: run `moodhood login`")
    auth = make_auth(Credentials.client(CLIENT_ID, Provider(error)))
    with client_for(auth) as client, pytest.raises(ConfigurationError) as info:
        client.get("/spaces")
    assert info.value is error
    assert server.grants == []


@pytest.mark.parametrize(("value", "what"), [("", "an empty string"), (42, "a int"), (None, "a NoneType")])
def test_a_provider_must_return_a_non_empty_string(
    value: object, what: str, make_auth: MakeAuth, client_for: MakeClient, server: FakeServer
) -> None:
    auth = make_auth(Credentials.client(CLIENT_ID, Provider(value)))
    with client_for(auth) as client, pytest.raises(ConfigurationError, match=f"provider returned {what}"):
        client.get("/spaces")
    assert server.grants == []


def test_async_flows_call_providers_and_the_file_store_off_the_loop(
    tmp_path: Path, server: FakeServer, make_auth: MakeAuth
) -> None:
    threads: list[str] = []

    class WatchedStore(FileTokenStore):
        def load(self, key: TokenKey) -> TokenRecord | None:
            threads.append(threading.current_thread().name)
            return super().load(key)

        def save(self, key: TokenKey, record: TokenRecord) -> None:
            threads.append(threading.current_thread().name)
            super().save(key, record)

    secret = Provider(CLIENT_SECRET)
    auth = make_auth(
        Credentials.user(CLIENT_ID, secret, USERNAME, PASSWORD), store=WatchedStore(tmp_path / "t.json")
    )
    with AsyncAsSync(
        httpx.AsyncClient(transport=server.async_transport(), auth=auth, base_url=BASE)
    ) as client:
        assert client.get("/spaces").status_code == 200
        loop_thread = client.thread.ident
    assert threads and len(secret.threads) == 1
    assert loop_thread not in secret.threads
    assert all(name != client.thread.name for name in threads)


def test_moodhood_takes_providers(server: FakeServer) -> None:
    secret = Provider(CLIENT_SECRET)
    inner = httpx.Client(transport=server.transport())
    with Moodhood(base_url=BASE, client_id=CLIENT_ID, client_secret=secret, http_client=inner) as mh:
        assert secret.threads == []
        assert mh.client.get_httpx_client().get("/rooms").status_code == 200
    assert len(secret.threads) == 1
    creds = Credentials.from_env(
        client_id=CLIENT_ID, client_secret=secret, username=USERNAME, password=Provider(PASSWORD)
    )
    assert creds.mode == "user" and creds.secrets() == ()


@pytest.mark.parametrize("name", ["client_secret", "password"])
def test_a_secret_is_a_string_or_a_function(name: str) -> None:
    values: dict[str, object] = {"client_secret": CLIENT_SECRET, "password": PASSWORD, name: 42}
    with pytest.raises(ConfigurationError, match=f"{name} must be a string or a function returning one"):
        Credentials("user", client_id=CLIENT_ID, username=USERNAME, **values)  # type: ignore[arg-type]


# -- audiences (D20) -------------------------------------------------------------------------------------


def test_a_token_is_never_judged_by_its_audience(
    server: FakeServer, make_auth: MakeAuth, client_for: MakeClient, user_credentials: Credentials
) -> None:
    """The vendor's own examples: a client token with ``aud: user`` and a user token with ``aud: client``."""
    swapped = {"client": "user", "user": "client"}
    issue = server.issue

    def mislabelled(kind: str, lifetime: float, aud: str) -> str:
        return issue(kind, lifetime, swapped[aud])

    server.issue = mislabelled  # type: ignore[method-assign]
    auth = make_auth(user_credentials)
    with client_for(auth) as client:
        assert client.get("/spaces").status_code == 200
    assert auth.user_token is not None and auth.user_token.claims is not None
    assert auth.user_token.claims["aud"] == "client"
    assert auth.client_token is not None and auth.client_token.claims["aud"] == "user"  # type: ignore[index]
    assert make_jwt({"aud": "x"})  # (the helper issues any audience)


# -- one failure, one error, whatever the flavour ----------------------------------------------------------


def test_waiters_of_a_timed_out_token_request_get_the_same_error_sync_and_async(server: FakeServer) -> None:
    """The leader's token request times out while 9 callers wait: every waiter gets ``APITimeoutError``
    with the same message in both flavours (they used to get ``APIConnectionError`` in async)."""
    waiter = (APITimeoutError, "The token request timed out.")
    leader = (APITimeoutError, "Request timed out (ReadTimeout).")
    assert _timed_out_burst("sync", server) == _timed_out_burst("async", server) == {waiter, leader}


def _timed_out_burst(flavour: str, server: FakeServer) -> set[tuple[type[BaseException], str]]:
    """What 10 concurrent calls raise when the one token request they wait for times out."""
    settings: dict[str, object] = {
        "base_url": BASE,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "max_retries": 0,
    }
    clients: list[Moodhood | AsyncMoodhood] = []

    def waiting() -> int:
        flight = clients[0].auth._flights.flight
        return 0 if flight is None else flight.waiting

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            wait_until(lambda: waiting() >= 9)
            raise httpx.ReadTimeout("token endpoint too slow", request=request)
        return server.handle(request)

    async def ahandle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            await async_wait_until(lambda: waiting() >= 9)
            raise httpx.ReadTimeout("token endpoint too slow", request=request)
        return server.handle(request)

    if flavour == "sync":
        mh = Moodhood(http_client=httpx.Client(transport=httpx.MockTransport(handle)), **settings)  # type: ignore[arg-type]
        clients.append(mh)
        return _outcomes(mh.client.get_httpx_client())
    amh = AsyncMoodhood(http_client=httpx.AsyncClient(transport=httpx.MockTransport(ahandle)), **settings)  # type: ignore[arg-type]
    clients.append(amh)
    with AsyncAsSync(amh.client.get_async_httpx_client()) as wrapped:
        return _outcomes(wrapped)  # type: ignore[arg-type]


def _outcomes(client: httpx.Client) -> set[tuple[type[BaseException], str]]:
    results: list[tuple[type[BaseException], str]] = []

    def call() -> None:
        try:
            client.get("/rooms")
        except Exception as exc:
            results.append((type(exc), str(exc)))

    threads = [threading.Thread(target=call) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 10
    return set(results)
