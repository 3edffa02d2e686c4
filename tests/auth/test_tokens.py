"""Token values: JWT lifetimes (D5), fresh/stale/expired on a local clock, hostile token strings."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodhood._auth import MoodhoodAuth
from moodhood._credentials import Credentials
from moodhood._exceptions import TokenError
from moodhood._secrets import mask
from moodhood._tokens import Token, TokenState, decode_jwt_claims, jwt_lifetime
from tests.auth.conftest import (
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    TOKEN_URL,
    USERNAME,
    AsyncAsSync,
    FakeClock,
    b64,
    make_jwt,
)


def test_decode_claims() -> None:
    token = make_jwt({"iat": 10, "exp": 70, "aud": "user"})
    assert decode_jwt_claims(token) == {"iat": 10, "exp": 70, "aud": "user"}
    assert jwt_lifetime(decode_jwt_claims(token)) == 60


@pytest.mark.parametrize(
    "value",
    [
        "",
        "opaque-personal-token",
        "a.b",
        "a.b.c.d",
        "x.!!!.y",
        f"x.{b64(b'not json')}.y",
        f"x.{b64(b'[1,2]')}.y",
    ],
)
def test_not_a_jwt(value: str) -> None:
    assert decode_jwt_claims(value) is None
    assert Token.from_response(value or "x", sent_at=0).lifetime is None


@pytest.mark.parametrize(
    ("claims", "lifetime"),
    [
        ({"iat": 100, "exp": 700}, 600),
        ({"exp": 700}, None),  # no iat: we cannot tell the lifetime without trusting the server clock
        ({"iat": 700}, None),
        ({"iat": 700, "exp": 100}, None),  # exp before iat
        ({"iat": 100, "exp": 100}, None),
        ({"iat": "100", "exp": "700"}, None),
        ({"iat": True, "exp": 700}, None),
        ({"iat": 0, "exp": 10**400}, None),  # does not fit a float
        ({"iat": -1e308, "exp": 1e308}, None),  # the difference overflows to inf
        ({"iat": 1.5, "exp": 2.25}, 0.75),
    ],
)
def test_lifetime(claims: dict[str, Any], lifetime: float | None) -> None:
    assert jwt_lifetime(claims) == lifetime


def test_nan_claims() -> None:
    raw = b'{"iat": NaN, "exp": Infinity}'
    assert jwt_lifetime(decode_jwt_claims(f"x.{b64(raw)}.y")) is None


def test_states_and_window() -> None:
    token = Token("t", obtained_at=1000, lifetime=3600)
    assert token.expires_at == 4600
    assert token.refresh_window(300) == 300
    assert token.state(1000, 300) is TokenState.FRESH
    assert token.state(4299.9, 300) is TokenState.FRESH
    assert token.state(4300, 300) is TokenState.STALE
    assert token.state(4600, 300) is TokenState.EXPIRED
    short = Token("t", obtained_at=0, lifetime=60)
    assert short.refresh_window(300) == 30  # min(margin, lifetime / 2)
    assert short.state(29, 300) is TokenState.FRESH
    assert short.state(30, 300) is TokenState.STALE


def test_unknown_lifetime_is_always_fresh() -> None:
    token = Token("opaque", obtained_at=0, lifetime=None)
    assert token.expires_at is None
    assert token.state(10**12, 300) is TokenState.FRESH


def test_server_clock_skew_changes_nothing() -> None:
    for server_now in (0, 1_700_000_000, 4_000_000_000):
        token = Token.from_response(make_jwt({"iat": server_now, "exp": server_now + 3600}), sent_at=50)
        assert token.expires_at == 3650


def test_repr_masks_value() -> None:
    value = make_jwt({"iat": 0, "exp": 60, "sub": "someone"})
    token = Token.from_response(value, sent_at=0)
    assert value not in repr(token) and value[:-4] not in repr(token) and value not in str(token)
    assert repr(token) == f"Token('…{value[-4:]}', lifetime=60s)"


# -- hostile token strings through the whole flow --------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
numbers = (
    st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([10**400, -(10**400), 2**63, 2**1024])
)


def _payload(data: Any) -> str:
    try:
        return b64(json.dumps(data).encode())
    except (ValueError, OverflowError):
        return b64(repr(data).encode())


hostile_tokens = st.one_of(
    st.text(min_size=1, max_size=60),
    st.builds(lambda p: f"h.{_payload(p)}.s", json_values),
    st.builds(lambda iat, exp: f"h.{_payload({'iat': iat, 'exp': exp})}.s", numbers, numbers),
    st.builds(lambda raw: f"h.{base64.urlsafe_b64encode(raw).decode()}.s", st.binary(max_size=40)),
    st.builds(lambda s: f"h.{s}.s", st.text(alphabet="abc-_=!*%", max_size=20)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=hostile_tokens, elapsed=st.floats(min_value=0, max_value=1e7))
def test_hostile_tokens_never_crash(token: str, elapsed: float) -> None:
    parsed = Token.from_response(token, sent_at=0.0)
    state = parsed.state(elapsed, 300.0)
    assert state in TokenState
    assert parsed.lifetime is None or parsed.lifetime > 0
    assert repr(parsed).startswith(f"Token({mask(token)!r}, lifetime=")


@pytest.mark.parametrize("flavour", ["sync", "async"])
@settings(max_examples=120, deadline=None)
@given(
    access=hostile_tokens,
    refresh=hostile_tokens,
    steps=st.lists(st.floats(min_value=0, max_value=10**6), min_size=1, max_size=4),
)
def test_hostile_token_responses_never_loop(
    flavour: str, access: str, refresh: str, steps: list[float]
) -> None:
    """Whatever tokens the server hands out, a call costs a bounded number of requests and ends."""
    clock = FakeClock()
    counts = {"token": 0, "api": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/token"):
            counts["token"] += 1
            return httpx.Response(200, json={"access_token": access, "refresh_token": refresh})
        counts["api"] += 1
        return httpx.Response(401 if counts["api"] % 3 == 0 else 200)

    auth = MoodhoodAuth(
        Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD),
        token_url=TOKEN_URL,
        clock=clock,
        wall_clock=clock.wall,
    )
    transport = httpx.MockTransport(handler)
    client: Any = (
        httpx.Client(transport=transport, auth=auth)
        if flavour == "sync"
        else AsyncAsSync(httpx.AsyncClient(transport=transport, auth=auth))
    )
    with client:
        for step in steps:
            clock.advance(step)
            before = dict(counts)
            try:
                response = client.get("https://api.moodhood.test/v1/spaces")
            except TokenError as exc:
                assert "not a usable bearer token" in str(exc)
                assert access not in str(exc)
                continue
            assert response.status_code in (200, 401)
            assert counts["api"] - before["api"] <= 2  # the call and at most one replay
            assert counts["token"] - before["token"] <= 2 * 3  # at most two renewals of at most 3 requests


@pytest.mark.parametrize(
    ("value", "expires_in", "lifetime"),
    [
        ("opaque-token", 600, 600),
        ("opaque-token", "600", None),
        ("opaque-token", -5, None),
        ("opaque-token", float("inf"), None),
        (make_jwt({"iat": 0, "exp": 60}), 600, 60),  # the JWT's own claims win
    ],
)
def test_expires_in_is_a_fallback(value: str, expires_in: object, lifetime: float | None) -> None:
    assert Token.from_response(value, sent_at=0, expires_in=expires_in).lifetime == lifetime
