"""MoodhoodAuth over ``httpx.MockTransport`` with an injected clock: counts, expiry, 401s, D4 chain."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from moodhood._auth import MoodhoodAuth, TokenEvent
from moodhood._credentials import Credentials
from moodhood._exceptions import InsecureTransportError, TokenError
from moodhood._net import is_loopback
from moodhood._secrets import mask
from moodhood._store import FileTokenStore, StoredToken, TokenKey, TokenRecord
from tests.auth.conftest import (
    BASE,
    CLIENT_ID,
    PASSWORD,
    PERSONAL,
    USERNAME,
    FakeClock,
    FakeServer,
)

MakeAuth = Callable[..., MoodhoodAuth]
MakeClient = Callable[[MoodhoodAuth], httpx.Client]
MakeAsyncClient = Callable[[MoodhoodAuth], httpx.AsyncClient]


# -- lazy tokens, reused ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("mode", "expected"), [("user", 2), ("client", 1), ("personal", 0)])
def test_thousand_calls_cost(
    mode: str,
    expected: int,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
) -> None:
    creds = {
        "user": Credentials.user(CLIENT_ID, "cs-0123456789abcdefghijklmnopqrstuv", USERNAME, PASSWORD),
        "client": Credentials.client(CLIENT_ID, "cs-0123456789abcdefghijklmnopqrstuv"),
        "personal": Credentials.personal(PERSONAL),
    }[mode]
    if mode == "personal":
        server.valid_user.add(PERSONAL)
    auth = make_auth(creds)
    assert server.grants == []  # lazy: nothing before the first call
    with sync_client(auth) as client:
        for _ in range(1000):
            clock.advance(1)  # 1,000 s, well within the 3,600 s lifetime
            assert client.get("/spaces").status_code == 200
    assert len(server.grants) == expected
    assert server.grant_types() == ["client_credentials", "password"][:expected]
    assert len(server.api_calls) == 1000
    assert all(g.marked for g in server.grants)


async def test_thousand_async_calls_cost_two(
    server: FakeServer, make_auth: MakeAuth, async_client: MakeAsyncClient, user_credentials: Credentials
) -> None:
    async with async_client(make_auth(user_credentials)) as client:
        for _ in range(1000):
            assert (await client.get("/spaces")).status_code == 200
    assert server.grant_types() == ["client_credentials", "password"]


def test_user_mode_sends_user_token_not_client_token(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, user_credentials: Credentials
) -> None:
    auth = make_auth(user_credentials)
    with sync_client(auth) as client:
        client.get("/spaces")
    assert auth.user_token is not None and auth.client_token is not None
    assert server.api_calls == [f"Bearer {auth.user_token.value}"]
    assert server.grants[1].authorization == f"Bearer {auth.client_token.value}"


# -- expiry on the local clock (D5) -----------------------------------------------------------------------


def test_refresh_before_expiry(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
) -> None:
    auth = make_auth(user_credentials, refresh_margin=300)
    with sync_client(auth) as client:
        client.get("/spaces")
        clock.advance(3299)
        client.get("/spaces")
        assert server.grant_types() == ["client_credentials", "password"]
        clock.advance(1)  # 300 s before expiry: stale, renewed before use
        client.get("/spaces")
        assert server.grant_types() == ["client_credentials", "password", "refresh_token"]
    assert server.api_calls[-1] == f"Bearer {auth.user_token.value}"  # type: ignore[union-attr]


def test_short_lifetime_window_is_half(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    server.client_lifetime = 60  # window min(300, 30) = 30 s, not 300 s (which would refresh every call)
    with sync_client(make_auth(client_credentials)) as client:
        client.get("/rooms")
        clock.advance(29)
        client.get("/rooms")
        assert len(server.grants) == 1
        clock.advance(1)
        client.get("/rooms")
        assert len(server.grants) == 2


def test_lifetime_counts_from_the_moment_the_request_was_sent(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    server.on_token_request = lambda grant: clock.advance(100)  # the token endpoint takes 100 s to answer
    with sync_client(make_auth(client_credentials, refresh_margin=300)) as client:
        sent = clock.now
        client.get("/rooms")  # answered 100 s after it was sent
        assert clock.now == sent + 100
        clock.advance(6799)  # 6,899 s after sending: fresh (lifetime 7,200, margin 300)
        client.get("/rooms")
        assert len(server.grants) == 1
        clock.advance(1)  # 6,900 s after sending, only 6,800 s after receipt: stale
        client.get("/rooms")
        assert len(server.grants) == 2


@pytest.mark.parametrize("server_time", [0, 1_700_000_000, 1_700_000_000 - 86400 * 365, 4_102_444_800])
def test_server_clock_far_off_changes_nothing(
    server_time: float,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    server.server_time = server_time  # tokens "issued" decades ago, or in the future
    with sync_client(make_auth(client_credentials)) as client:
        for _ in range(50):
            client.get("/rooms")
            clock.advance(100)  # 5,000 s: one renewal at 6,900 s would be too early; none yet
    assert len(server.grants) == 1


def test_unknown_expiry_renewed_only_after_401(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    opaque = "opaque-token-without-any-claims-01"
    server.scripted = [httpx.Response(200, json={"access_token": opaque})]
    server.valid_client.add(opaque)
    auth = make_auth(client_credentials)
    with sync_client(auth) as client:
        client.get("/rooms")
        clock.advance(10**9)
        client.get("/rooms")
        assert len(server.grants) == 1
        assert auth.client_token is not None and auth.client_token.lifetime is None
        server.revoke_client_tokens()
        assert client.get("/rooms").status_code == 200  # 401, renew, replay
    assert len(server.grants) == 2
    assert server.api_calls[-2:] == [f"Bearer {opaque}", f"Bearer {auth.client_token.value}"]


# -- 401 handling -----------------------------------------------------------------------------------------


def test_401_renews_once_and_replays(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, user_credentials: Credentials
) -> None:
    auth = make_auth(user_credentials)
    with sync_client(auth) as client:
        client.get("/spaces")
        server.revoke_user_tokens()
        response = client.get("/spaces")
    assert response.status_code == 200
    assert server.grant_types() == ["client_credentials", "password", "refresh_token"]
    assert len(server.api_calls) == 3


def test_second_401_is_returned_no_loop(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, client_credentials: Credentials
) -> None:
    server.accept_client_tokens = False  # the API refuses every client token
    auth = make_auth(client_credentials)
    with sync_client(auth) as client:
        response = client.get("/spaces")
        assert response.status_code == 401
        assert server.grant_types() == ["client_credentials", "client_credentials"]
        assert len(server.api_calls) == 2
        assert auth.client_token is None  # dropped: the next call starts afresh, still bounded
        assert client.get("/spaces").status_code == 401
    assert len(server.grants) == 4 and len(server.api_calls) == 4


async def test_second_401_is_returned_async(
    server: FakeServer, make_auth: MakeAuth, async_client: MakeAsyncClient, client_credentials: Credentials
) -> None:
    server.accept_client_tokens = False
    async with async_client(make_auth(client_credentials)) as client:
        assert (await client.get("/spaces")).status_code == 401
    assert len(server.grants) == 2 and len(server.api_calls) == 2


def test_401_to_an_old_token_does_not_drop_the_new_one(
    make_auth: MakeAuth, client_credentials: Credentials, server: FakeServer
) -> None:
    """Drive two flows by hand: B's 401 arrives after A already renewed; B reuses A's token."""
    auth = make_auth(client_credentials)
    transport = server.transport()

    def answer(request: httpx.Request) -> httpx.Response:
        response = transport.handle_request(request)
        response.read()
        return response

    a = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    a_api = a.send(answer(next(a)))
    b = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    b_api = next(b)
    old = b_api.headers["authorization"]
    server.revoke_client_tokens()
    a_refresh = a.send(httpx.Response(401, request=a_api))  # A drops the old token and renews
    a_replay = a.send(answer(a_refresh))
    new = a_replay.headers["authorization"]
    assert new != old
    b_replay = b.send(httpx.Response(401, request=b_api))  # B's 401 is for the old token: no new request
    assert b_replay is b_api and b_replay.headers["authorization"] == new
    assert len(server.grants) == 2


# -- the D4 chain: a table ---------------------------------------------------------------------------------

CLIENT_STATES = ["fresh", "expired", "rejected"]
ACCESS_STATES = ["fresh", "expired"]
REFRESH_STATES = ["accepted", "rejected"]


def expected_chain(client: str, access: str, refresh: str) -> tuple[list[str], bool]:
    """The token requests a call makes, and whether it succeeds."""
    if access == "fresh":
        return [], True
    if refresh == "accepted":
        return ["refresh_token"], True
    if client == "fresh":
        return ["refresh_token", "password"], True
    if client == "expired":
        return ["refresh_token", "client_credentials", "password"], True
    # The cached client token is refused by the password grant; renewing it and retrying would be 4 requests.
    return ["refresh_token", "password"], False


@pytest.mark.parametrize("refresh", REFRESH_STATES)
@pytest.mark.parametrize("access", ACCESS_STATES)
@pytest.mark.parametrize("client_state", CLIENT_STATES)
def test_renewal_table(
    client_state: str,
    access: str,
    refresh: str,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
    events: list[TokenEvent],
) -> None:
    server.access_lifetime = 3600
    server.client_lifetime = 10_000 if client_state != "expired" else 1000
    auth = make_auth(user_credentials)
    with sync_client(auth) as client:
        client.get("/spaces")
        assert server.grant_types() == ["client_credentials", "password"]
        server.grants.clear()
        events.clear()
        clock.advance(2000 if access == "fresh" else 4000)
        if client_state == "rejected":
            server.revoke_client_tokens()
        if refresh == "rejected":
            server.refresh_mode = "invalid_grant"

        grants, succeeds = expected_chain(client_state, access, refresh)
        if succeeds:
            assert client.get("/spaces").status_code == 200
            assert server.api_calls[-1] == f"Bearer {auth.user_token.value}"  # type: ignore[union-attr]
            kinds = [e.kind for e in events]
            if grants:
                assert "user" in kinds and kinds.count("user") == 1
            if "client_credentials" in grants:
                assert kinds[0] == "client"
        else:
            with pytest.raises(TokenError) as info:
                client.get("/spaces")
            assert info.value.error == "invalid_client" and info.value.status_code == 401
        assert server.grant_types() == grants
        assert len(grants) <= 3

        if not succeeds:  # the next call recovers: a new client token, then the password grant
            server.grants.clear()
            assert client.get("/spaces").status_code == 200
            assert server.grant_types() == ["client_credentials", "password"]


@pytest.mark.parametrize("mode", ["unsupported", "invalid_grant"])
def test_refresh_grant_rejection_codes_fall_back(
    mode: str,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
) -> None:
    server.refresh_mode = mode
    server.client_lifetime = 100_000
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        clock.advance(4000)
        client.get("/spaces")
        clock.advance(4000)
        client.get("/spaces")
    # Each renewal tries the refresh token it holds; both fall back to the password grant.
    assert server.grant_types() == [
        "client_credentials",
        "password",
        "refresh_token",
        "password",
        "refresh_token",
        "password",
    ]


def test_refresh_server_error_is_a_token_error_not_a_fallback(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
) -> None:
    server.refresh_mode = "server_error"
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        clock.advance(4000)
        with pytest.raises(TokenError) as info:
            client.get("/spaces")
    assert info.value.status_code == 503
    assert "not JSON" in str(info.value) and "text/html" in str(info.value)
    assert server.grant_types()[-1] == "refresh_token"


def test_expired_refresh_token_goes_straight_to_password(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
) -> None:
    server.refresh_lifetime = 5000
    server.client_lifetime = 100_000
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        clock.advance(6000)
        client.get("/spaces")
    assert server.grant_types() == ["client_credentials", "password", "password"]


def test_client_mode_renews_with_client_credentials(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    with sync_client(make_auth(client_credentials)) as client:
        for _ in range(3):
            client.get("/rooms")
            clock.advance(8000)
    assert server.grant_types() == ["client_credentials"] * 3


def test_user_mode_first_login_with_cached_client_rejected_is_bounded(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
) -> None:
    """No refresh token: password (401 for a revoked client token), client, password = 3 requests."""
    server.refresh_mode = "invalid_grant"
    server.client_lifetime = 100_000
    server.refresh_lifetime = 3000  # expires before the access token: no refresh grant possible
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        server.grants.clear()
        server.revoke_client_tokens()
        clock.advance(4000)
        assert client.get("/spaces").status_code == 200
    assert server.grant_types() == ["password", "client_credentials", "password"]


# -- on_token ----------------------------------------------------------------------------------------------


def test_on_token_events(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    user_credentials: Credentials,
    events: list[TokenEvent],
) -> None:
    auth = make_auth(user_credentials)
    with sync_client(auth) as client:
        client.get("/spaces")
        assert [(e.kind, e.grant) for e in events] == [
            ("client", "client_credentials"),
            ("user", "password"),
            ("refresh", "password"),
        ]
        assert events[1].token is auth.user_token and events[2].token is auth.refresh_token
        clock.advance(4000)
        client.get("/spaces")
    assert [(e.kind, e.grant) for e in events[3:]] == [
        ("user", "refresh_token"),
        ("refresh", "refresh_token"),
    ]
    for event in events:
        assert event.token.value not in repr(event)


def test_on_token_callback_errors_do_not_break_calls(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, client_credentials: Credentials
) -> None:
    def boom(event: TokenEvent) -> None:
        raise RuntimeError("callback failed")

    with sync_client(make_auth(client_credentials, on_token=boom)) as client:
        assert client.get("/rooms").status_code == 200


# -- typed token errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "status", "error", "text"),
    [
        (httpx.Response(200, text="<html><body>Login</body></html>", headers={"content-type": "text/html"}),
         200, None, "not JSON (text/html)"),
        (httpx.Response(200, json=["access_token"]), 200, None, "JSON but not an object"),
        (httpx.Response(200, json={"token_type": "Bearer"}), 200, None, "no access_token"),
        (httpx.Response(200, json={"access_token": 42}), 200, None, "no access_token"),
        (httpx.Response(200, json={"access_token": "has space"}), 200, None, "not a usable bearer token"),
        (httpx.Response(200, json={"access_token": "tökén-0123456789"}), 200, None, "non-ASCII"),
        (httpx.Response(200, json={"error": "server_error"}), 200, "server_error", "HTTP 200 server_error"),
        (httpx.Response(401, json={"error": "invalid_client", "error_description": "Bad client"}),
         401, "invalid_client", "HTTP 401 invalid_client: Bad client"),
        (httpx.Response(502, text="Bad gateway"), 502, None, "HTTP 502 (the answer is not JSON"),
        (httpx.Response(400, json={"error": 7}), 400, None, "HTTP 400"),
        (httpx.Response(200, content=b"[" * 60_000, headers={"content-type": "application/json"}),
         200, None, "not JSON (application/json)"),  # json.loads raises RecursionError here
    ],
)  # fmt: skip
def test_token_errors_are_typed(
    response: httpx.Response,
    status: int,
    error: str | None,
    text: str,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    client_credentials: Credentials,
) -> None:
    server.scripted = [response]
    with sync_client(make_auth(client_credentials)) as client, pytest.raises(TokenError) as info:
        client.get("/rooms")
    assert info.value.status_code == status
    assert info.value.error == error
    assert text in str(info.value)
    assert info.value.request is not None and info.value.request.url.path == "/v1/auth/token"


def test_wrong_password_keeps_oauth_fields(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient
) -> None:
    creds = Credentials.user(CLIENT_ID, "cs-0123456789abcdefghijklmnopqrstuv", USERNAME, "wrong-password-000")
    with sync_client(make_auth(creds)) as client, pytest.raises(TokenError) as info:
        client.get("/spaces")
    assert (info.value.error, info.value.error_description, info.value.status_code) == (
        "invalid_grant",
        "Invalid credentials",
        400,
    )
    assert "wrong-password-000" not in str(info.value)


def test_error_description_echoing_a_secret_is_redacted(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, client_credentials: Credentials
) -> None:
    secret = client_credentials.client_secret
    assert secret is not None
    server.scripted = [
        httpx.Response(401, json={"error": "invalid_client", "error_description": f"bad {secret}"})
    ]
    with sync_client(make_auth(client_credentials)) as client, pytest.raises(TokenError) as info:
        client.get("/rooms")
    assert secret not in str(info.value) and secret not in (info.value.error_description or "")
    assert info.value.error_description == f"bad …{secret[-4:]}"


def test_connection_errors_pass_through_untouched(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, client_credentials: Credentials
) -> None:
    """The transport's httpx exceptions reach the caller as they are; the facade maps them."""
    server.scripted = [httpx.ConnectTimeout("timed out"), httpx.ConnectError("refused")]
    auth = make_auth(client_credentials)
    with sync_client(auth) as client:
        with pytest.raises(httpx.ConnectTimeout):
            client.get("/rooms")
        with pytest.raises(httpx.ConnectError):
            client.get("/rooms")
        assert client.get("/rooms").status_code == 200  # nothing left wedged


# -- plain http refusal -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("api.localhost", False),
        ("10.0.0.1", False),
        ("128.0.0.1", False),
        ("example.com", False),
        ("localhost.example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_refuses_secret_to_plain_http_token_url(make_auth: MakeAuth, client_credentials: Credentials) -> None:
    with pytest.raises(InsecureTransportError, match="client secret"):
        make_auth(client_credentials, token_url="http://api.example.com/v1/auth/token")
    make_auth(client_credentials, token_url="http://127.0.0.1:8080/v1/auth/token")
    make_auth(client_credentials, token_url="http://[::1]:8080/v1/auth/token")
    make_auth(client_credentials, token_url="http://example.com/v1/auth/token", allow_insecure_http=True)


@pytest.mark.parametrize("mode", ["personal", "client"])
def test_refuses_bearer_to_plain_http_api(
    mode: str, server: FakeServer, make_auth: MakeAuth, client_credentials: Credentials
) -> None:
    creds = Credentials.personal(PERSONAL) if mode == "personal" else client_credentials
    auth = make_auth(creds)
    with httpx.Client(transport=server.transport(), auth=auth) as client:
        with pytest.raises(InsecureTransportError, match="bearer token"):
            client.get("http://api.moodhood.test/v1/spaces")
        assert server.api_calls == [] and server.grants == []
        client.get("http://localhost/v1/spaces")
        client.get("http://127.0.0.1/v1/spaces")
    assert len(server.api_calls) == 2


def test_allow_insecure_http(server: FakeServer, make_auth: MakeAuth) -> None:
    server.valid_user.add(PERSONAL)
    auth = make_auth(Credentials.personal(PERSONAL), allow_insecure_http=True)
    with httpx.Client(transport=server.transport(), auth=auth) as client:
        assert client.get("http://intranet.example/v1/spaces").status_code == 200


def test_token_url_must_be_absolute(client_credentials: Credentials) -> None:
    with pytest.raises(ValueError, match="absolute"):
        MoodhoodAuth(client_credentials, token_url="/v1/auth/token")


# -- a failed renewal while the token is only stale ---------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503, text="<html>maintenance</html>", headers={"content-type": "text/html"}),
        httpx.Response(401, json={"error": "invalid_client"}),
    ],
)
def test_stale_token_outlives_a_failed_renewal(
    failure: httpx.Response,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
    caplog: pytest.LogCaptureFixture,
) -> None:
    auth = make_auth(client_credentials, refresh_margin=300)
    with sync_client(auth) as client:
        client.get("/rooms")
        token = auth.client_token
        assert token is not None
        clock.advance(7200 - 250)  # stale: 250 s left
        server.scripted = [failure]
        with caplog.at_level(logging.WARNING, logger="moodhood"):
            assert client.get("/rooms").status_code == 200  # the renewal failed; the valid token carried on
        assert "renewing the token failed" in caplog.text
        assert len(server.grants) == 2 and auth.client_token is token
        clock.advance(29)  # quiet for min(30 s, 250 s / 2): no new attempt on every call
        client.get("/rooms")
        assert len(server.grants) == 2
        clock.advance(1)
        client.get("/rooms")  # tried again, and this time it works
        assert len(server.grants) == 3 and auth.client_token is not token
    assert server.api_calls[-2:] == [f"Bearer {token.value}", f"Bearer {auth.client_token.value}"]


def test_expired_token_does_not_outlive_a_failed_renewal(
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    clock: FakeClock,
    client_credentials: Credentials,
) -> None:
    with sync_client(make_auth(client_credentials)) as client:
        client.get("/rooms")
        clock.advance(7200)
        server.scripted = [httpx.Response(503)]
        with pytest.raises(TokenError):
            client.get("/rooms")


@pytest.mark.parametrize("margin", [-1.0, float("nan")])
def test_refresh_margin_must_be_non_negative(margin: float, client_credentials: Credentials) -> None:
    with pytest.raises(ValueError, match="refresh_margin"):
        MoodhoodAuth(client_credentials, token_url=BASE + "/auth/token", refresh_margin=margin)


# -- revocation ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("client_revoked", [True, False])
def test_revocation_of_every_token_recovers_in_three_requests(
    client_revoked: bool,
    server: FakeServer,
    make_auth: MakeAuth,
    sync_client: MakeClient,
    user_credentials: Credentials,
) -> None:
    """A 401 to a live user token whose refresh token is refused too: the client token is renewed first."""
    server.refresh_mode = "invalid_grant"
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        server.grants.clear()
        server.revoke_user_tokens()
        if client_revoked:
            server.revoke_client_tokens()
        assert client.get("/spaces").status_code == 200
        assert server.grant_types() == ["refresh_token", "client_credentials", "password"]
        server.grants.clear()
        assert client.get("/spaces").status_code == 200  # and the flag is cleared: no more token requests
        assert server.grant_types() == []


def test_401_with_an_accepted_refresh_keeps_the_client_token(
    server: FakeServer, make_auth: MakeAuth, sync_client: MakeClient, user_credentials: Credentials
) -> None:
    with sync_client(make_auth(user_credentials)) as client:
        client.get("/spaces")
        server.grants.clear()
        server.revoke_user_tokens()
        assert client.get("/spaces").status_code == 200
    assert server.grant_types() == ["refresh_token"]


def test_token_error_masks_the_tokens_its_request_carried(
    make_auth: MakeAuth, user_credentials: Credentials, tmp_path: Path, clock: FakeClock
) -> None:
    """A server echoing what it got: the client token sent as the password grant's bearer (new, not cached
    yet) and a refresh token loaded from the store (not cached yet) were quoted whole in the error."""
    client_token, stored_refresh = "client-token-9f8e7d6c5b4a39281706", "refresh-token-1a2b3c4d5e6f7a8b9c0d"

    def echo(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        if sent["grant_type"] == "client_credentials":
            return httpx.Response(200, json={"access_token": client_token})
        said = f"got {request.headers.get('authorization')} and {sent.get('refresh_token')}"
        return httpx.Response(503, json={"error": "temporarily_unavailable", "error_description": said})

    def error_text(auth: MoodhoodAuth) -> str:
        with (
            httpx.Client(transport=httpx.MockTransport(echo), auth=auth) as client,
            pytest.raises(TokenError) as info,
        ):
            client.get(BASE + "/spaces")
        assert info.value.error == "temporarily_unavailable"
        return str(info.value) + repr(info.value) + repr(vars(info.value))

    text = error_text(make_auth(user_credentials))  # client grant, then the password grant is refused
    assert client_token not in text and f"Bearer {mask(client_token)}" in text

    store = FileTokenStore(tmp_path / "tokens.json")
    expired = StoredToken("expired-access-token-00000000", clock.wall() - 1)
    store.save(TokenKey(BASE, CLIENT_ID, USERNAME), TokenRecord(expired, StoredToken(stored_refresh)))
    text = error_text(make_auth(user_credentials, store=store))  # the refresh grant is refused
    assert stored_refresh not in text and f"and {mask(stored_refresh)}" in text
