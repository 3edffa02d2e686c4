"""Drive the auth generator by hand, as httpx does: ``next`` for the first request, ``send`` after."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncGenerator, Callable

import httpx
import pytest

from moodhood._auth import TOKEN_REQUEST_EXTENSION, MoodhoodAuth
from moodhood._credentials import Credentials
from tests.auth.conftest import (
    BASE,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    PERSONAL,
    TOKEN_URL,
    USERNAME,
    FakeClock,
    make_jwt,
)


def token_response(request: httpx.Request, access: str, refresh: str | None = None) -> httpx.Response:
    body = {"token_type": "Bearer", "access_token": access}
    if refresh:
        body["refresh_token"] = refresh
    return httpx.Response(200, json=body, request=request)


def jwt(n: int, lifetime: int = 3600) -> str:
    return make_jwt({"iat": 1_000_000, "exp": 1_000_000 + lifetime, "jti": n})


def test_user_mode_by_hand(make_auth: Callable[..., MoodhoodAuth], user_credentials: Credentials) -> None:
    auth = make_auth(user_credentials)
    api = httpx.Request("GET", BASE + "/spaces", extensions={"timeout": {"connect": 5.0}})
    flow = auth.sync_auth_flow(api)

    client_request = next(flow)
    assert client_request.method == "POST"
    assert client_request.url == TOKEN_URL
    assert client_request.extensions[TOKEN_REQUEST_EXTENSION] is True
    assert client_request.extensions["timeout"] == {"connect": 5.0}  # the API request's timeout applies
    assert client_request.headers["content-type"] == "application/json"
    assert "authorization" not in client_request.headers
    assert json.loads(client_request.content) == {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "grant_type": "client_credentials",
    }

    client_token, user_token, refresh_token = jwt(1), jwt(2), jwt(3, 86400)
    password_request = flow.send(token_response(client_request, client_token, jwt(9)))
    assert password_request.url == TOKEN_URL
    assert password_request.headers["authorization"] == f"Bearer {client_token}"  # D2
    assert json.loads(password_request.content) == {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "grant_type": "password",
        "username": USERNAME,  # D3: the email
        "password": PASSWORD,
    }

    sent = flow.send(token_response(password_request, user_token, refresh_token))
    assert sent is api
    assert api.headers["authorization"] == f"Bearer {user_token}"

    # A 401 to that token: the refresh grant, then the replay with the new token.
    refresh_request = flow.send(httpx.Response(401, request=api))
    assert json.loads(refresh_request.content) == {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
    }
    assert "authorization" not in refresh_request.headers
    new_user = jwt(4)
    replay = flow.send(token_response(refresh_request, new_user, jwt(5, 86400)))
    assert replay is api
    assert api.headers["authorization"] == f"Bearer {new_user}"

    # A second 401 ends the flow: httpx returns that response; no loop.
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(401, request=api))
    assert auth.user_token is None  # the rejected token was dropped


def test_cached_token_goes_straight_to_the_api(
    make_auth: Callable[..., MoodhoodAuth], client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    flow = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    token_request = next(flow)
    api = flow.send(token_response(token_request, jwt(1)))
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, request=api))

    second = httpx.Request("GET", BASE + "/rooms")
    flow = auth.sync_auth_flow(second)
    assert next(flow) is second
    assert second.headers["authorization"] == f"Bearer {jwt(1)}"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, request=second))


def test_personal_token_is_a_static_bearer(make_auth: Callable[..., MoodhoodAuth]) -> None:
    auth = make_auth(Credentials.personal(PERSONAL))
    api = httpx.Request("GET", BASE + "/users/me")
    flow = auth.sync_auth_flow(api)
    assert next(flow) is api
    assert api.headers["authorization"] == f"Bearer {PERSONAL}"
    with pytest.raises(StopIteration):  # a 401 is returned, never replayed: nothing to renew
        flow.send(httpx.Response(401, request=api))


def test_generic_auth_flow_is_the_sync_flow(
    make_auth: Callable[..., MoodhoodAuth], client_credentials: Credentials
) -> None:
    auth = make_auth(client_credentials)
    flow = auth.auth_flow(httpx.Request("GET", BASE + "/rooms"))
    assert next(flow).extensions[TOKEN_REQUEST_EXTENSION] is True


async def test_async_flow_by_hand(
    make_auth: Callable[..., MoodhoodAuth], user_credentials: Credentials
) -> None:
    auth = make_auth(user_credentials)
    api = httpx.Request("GET", BASE + "/spaces")
    flow = auth.async_auth_flow(api)
    client_request = await flow.__anext__()
    assert json.loads(client_request.content)["grant_type"] == "client_credentials"
    password_request = await flow.asend(token_response(client_request, jwt(1)))
    assert json.loads(password_request.content)["grant_type"] == "password"
    assert await flow.asend(token_response(password_request, jwt(2), jwt(3))) is api
    with pytest.raises(StopAsyncIteration):
        await flow.asend(httpx.Response(200, request=api))


def test_abandoned_flow_lets_the_next_caller_lead(
    make_auth: Callable[..., MoodhoodAuth], client_credentials: Credentials, clock: FakeClock
) -> None:
    """A leader closed mid-flight (no response, no transport error) does not wedge later callers."""
    auth = make_auth(client_credentials)
    first = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    next(first)
    first.close()
    second = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    assert next(second).extensions[TOKEN_REQUEST_EXTENSION] is True


def test_async_leader_closed_outside_its_loop_does_not_wedge_later_callers(
    make_auth: Callable[..., MoodhoodAuth], client_credentials: Credentials
) -> None:
    """A leader task left pending when its loop was closed (run_until_complete, then close) is closed
    when it is collected, outside any running loop: asyncio.current_task() raised RuntimeError there, the
    flight never ended, and every later caller waited for it forever."""
    auth = make_auth(client_credentials)

    async def lead() -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = auth.async_auth_flow(httpx.Request("GET", BASE + "/rooms"))
        assert (await flow.__anext__()).extensions[TOKEN_REQUEST_EXTENSION] is True
        return flow

    loop = asyncio.new_event_loop()
    flow = loop.run_until_complete(lead())
    loop.close()
    closing = flow.aclose()
    with pytest.raises(StopIteration):
        closing.send(None)  # what collecting the pending task does: no loop is running
    assert auth._flights.flight is None
    second = auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms"))
    assert next(second).extensions[TOKEN_REQUEST_EXTENSION] is True  # leads a new renewal, no wait


def test_flight_of_a_leader_whose_loop_closed_is_not_waited_for(
    make_auth: Callable[..., MoodhoodAuth], client_credentials: Credentials
) -> None:
    """A leader task still referenced (so never collected) after its loop closed can never finish its
    flight; callers used to wait for it forever."""
    auth = make_auth(client_credentials)

    async def lead() -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = auth.async_auth_flow(httpx.Request("GET", BASE + "/rooms"))
        await flow.__anext__()
        return flow

    loop = asyncio.new_event_loop()
    stuck = loop.run_until_complete(lead())
    loop.close()
    led: list[httpx.Request] = []
    thread = threading.Thread(
        target=lambda: led.append(next(auth.sync_auth_flow(httpx.Request("GET", BASE + "/rooms")))),
        daemon=True,
    )
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "the caller waits for a flight that can never end"
    assert led[0].extensions[TOKEN_REQUEST_EXTENSION] is True
    assert stuck is not None  # kept alive on purpose until here
