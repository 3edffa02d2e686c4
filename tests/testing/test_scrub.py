"""The scrubbing building blocks, one by one."""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vcr.request import Request  # type: ignore[import-untyped]

from moodhood import testing
from moodhood.testing import (
    FAR_FUTURE_EXP,
    is_placeholder_token,
    placeholder_token,
    scrub_request,
    scrub_response,
    scrub_text,
    scrub_value,
    vcr_config,
)
from moodhood.testing._vcr import grant_type, grant_type_matcher


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def make_jwt(claims: dict[str, Any], signature: str = "c2lnbmF0dXJlLXJlYWwtMTIzNDU2") -> str:
    return f"{b64({'alg': 'HS256', 'typ': 'JWT'})}.{b64(claims)}.{signature}"


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return decoded


ACCESS = make_jwt({"sub": "u1", "aud": "user", "type": "access", "iat": 1_700_000_000, "exp": 1_700_604_800})
REFRESH = make_jwt(
    {"sub": "u1", "aud": "user", "iat": 1_700_000_000, "exp": 1_701_814_400}, "cmVmcmVzaC1zaWc"
)


# --- placeholder tokens -----------------------------------------------------------------------------


def test_placeholder_shape_and_claims() -> None:
    placeholder = placeholder_token(ACCESS)
    header, _, signature = placeholder.split(".")
    assert signature == "scrubbed"
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {"alg": "HS256", "typ": "JWT"}
    claims = claims_of(placeholder)
    assert claims["exp"] == FAR_FUTURE_EXP
    assert claims["exp"] - claims["iat"] == 604_800  # the original lifetime
    assert (claims["aud"], claims["type"]) == ("user", "access")
    assert "sub" not in claims
    assert claims["jti"].startswith("scrubbed-")
    assert is_placeholder_token(placeholder)
    assert not is_placeholder_token(ACCESS)


def test_placeholder_is_stable_distinct_and_idempotent() -> None:
    assert placeholder_token(ACCESS) == placeholder_token(ACCESS)
    assert placeholder_token(ACCESS) != placeholder_token(REFRESH)
    assert placeholder_token(placeholder_token(ACCESS)) == placeholder_token(ACCESS)
    assert "sig" not in placeholder_token(ACCESS).rsplit(".", 1)[0]


def test_placeholder_of_opaque_token_has_unknown_lifetime() -> None:
    placeholder = placeholder_token("opaque-personal-token-abcdef123456")
    claims = claims_of(placeholder)
    assert claims["exp"] == FAR_FUTURE_EXP
    assert "iat" not in claims  # exp - iat unknown, as it was for the original
    assert "opaque" not in placeholder


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": 5, "iat": 10},
        {"exp": "soon", "iat": 1},
        {"exp": True, "iat": 0},
        {"iat": 1},
        {"exp": 1e400, "iat": 0},
    ],
)
def test_placeholder_without_a_readable_lifetime(claims: dict[str, Any]) -> None:
    placeholder = placeholder_token(make_jwt(claims))
    assert "iat" not in claims_of(placeholder)
    assert claims_of(placeholder)["exp"] == FAR_FUTURE_EXP


# --- text, values -----------------------------------------------------------------------------------


def test_scrub_text_urls_and_embedded_jwts() -> None:
    url = f"https://edu.livedigital.space/room/abc?participantName=A%20B&accessToken={ACCESS}&x=1"
    scrubbed = scrub_text(url)
    assert ACCESS not in scrubbed
    assert scrubbed == url.replace(ACCESS, placeholder_token(ACCESS))
    opaque = "https://cdn.example/x.mp4?refresh_token=opaque123456789&token=zzz"
    out = scrub_text(opaque)
    assert "opaque123456789" not in out and "zzz" not in out
    assert scrub_text(f"error near {REFRESH}!") == f"error near {placeholder_token(REFRESH)}!"
    assert scrub_text("pageToken=keep&mytoken=keep") == "pageToken=keep&mytoken=keep"
    assert scrub_text(scrub_text(url)) == scrub_text(url)


def test_scrub_value_by_field_name() -> None:
    value = {
        "client_secret": "s3cr3t",
        "clientSecret": "s3cr3t",
        "password": 123456,
        "username": "me@example.com",
        "secret": "abcdefghijklmnopqrstuvwxyz012345",
        "access_token": "opaque",
        "signalingToken": ACCESS,
        "nested": [{"refreshToken": REFRESH, "note": f"see {ACCESS}"}],
        "token_type": "Bearer",
        "client_id": "public-id",
        "empty": {"password": ""},
    }
    out = scrub_value(value)
    assert out["client_secret"] == out["clientSecret"] == "scrubbed-client-secret"
    assert out["password"] == "scrubbed-password"
    assert out["username"] == "scrubbed-user@example.invalid"
    assert out["secret"] == "scrubbed-webhook-secret"
    assert is_placeholder_token(out["access_token"])
    assert out["signalingToken"] == placeholder_token(ACCESS)
    assert out["nested"][0] == {
        "refreshToken": placeholder_token(REFRESH),
        "note": f"see {placeholder_token(ACCESS)}",
    }
    assert (out["token_type"], out["client_id"], out["empty"]) == ("Bearer", "public-id", {"password": ""})
    assert scrub_value(out) == out


# --- requests ---------------------------------------------------------------------------------------


def test_scrub_json_token_request() -> None:
    body = {
        "client_id": "c",
        "client_secret": "cs-123",
        "grant_type": "refresh_token",
        "refresh_token": REFRESH,
    }
    raw = json.dumps(body).encode()
    request = Request(
        "POST",
        "https://moodhood.online/v1/auth/token",
        raw,
        {"Authorization": f"Bearer {ACCESS}", "Content-Length": str(len(raw)), "x-cl-id": "c"},
    )
    out = scrub_request(request)
    assert request.body == raw  # the original is untouched
    sent = json.loads(out.body)
    assert sent == {
        "client_id": "c",
        "client_secret": "scrubbed-client-secret",
        "grant_type": "refresh_token",
        "refresh_token": placeholder_token(REFRESH),
    }
    assert out.headers["Authorization"] == f"Bearer {placeholder_token(ACCESS)}"
    assert out.headers["Content-Length"] == str(len(out.body))
    assert out.headers["x-cl-id"] == "c"
    assert scrub_request(out).body == out.body


def test_scrub_form_request_and_query() -> None:
    form = "grant_type=password&client_id=c&client_secret=cs-1&username=a%40b.c&password=p%26ss"
    request = Request(
        "POST",
        f"https://h/v1/auth/token?accessToken={ACCESS}&keep=1",
        form,
        {"Cookie": f"accessToken={ACCESS}; a=b"},
    )
    out = scrub_request(request)
    text = out.body.decode()
    assert "cs-1" not in text and "a%40b.c" not in text and "p%26ss" not in text
    assert "grant_type=password" in text and "client_secret=scrubbed-client-secret" in text
    assert out.uri == f"https://h/v1/auth/token?accessToken={placeholder_token(ACCESS)}&keep=1"
    assert out.headers["Cookie"] == f"accessToken={placeholder_token(ACCESS)}; a=scrubbed"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Basic dXNlcjpwYXNz", "Basic scrubbed"), ("opaque-token", "scrubbed"), ("Bearer opaque", None)],
)
def test_scrub_other_authorization_forms(value: str, expected: str | None) -> None:
    out = scrub_request(Request("GET", "https://h/v1/users/me", None, {"Authorization": value}))
    if expected is None:
        assert out.headers["Authorization"] == f"Bearer {placeholder_token('opaque')}"
    else:
        assert out.headers["Authorization"] == expected


def test_binary_bodies_are_left_alone() -> None:
    blob = b"\xff\xd8\xff binary"
    assert scrub_request(Request("PUT", "https://h/x", blob, {})).body == blob


# --- responses --------------------------------------------------------------------------------------


def response(body: str | bytes, headers: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"status": {"code": 200, "message": "OK"}, "headers": headers or {}, "body": {"string": body}}


def test_scrub_token_response() -> None:
    body = json.dumps({"token_type": "Bearer", "access_token": ACCESS, "refresh_token": REFRESH}).encode()
    original = response(
        body, {"Content-Length": [str(len(body))], "Set-Cookie": [f"refreshToken={REFRESH}; Path=/"]}
    )
    out = scrub_response(original)
    assert original["body"]["string"] == body
    data = json.loads(out["body"]["string"])
    assert data == {
        "token_type": "Bearer",
        "access_token": placeholder_token(ACCESS),
        "refresh_token": placeholder_token(REFRESH),
    }
    assert out["headers"]["Content-Length"] == [str(len(out["body"]["string"]))]
    assert out["headers"]["Set-Cookie"] == [f"refreshToken={placeholder_token(REFRESH)}; Path=/"]
    assert scrub_response(out) == out


def test_scrub_generate_access_and_text_responses() -> None:
    url = f"https://edu.livedigital.space/room/abc?participantName=Anna&accessToken={ACCESS}"
    out = scrub_response(response(json.dumps({"url": url, "roomUrl": url})))
    data = json.loads(out["body"]["string"])
    assert data["url"] == data["roomUrl"] == url.replace(ACCESS, placeholder_token(ACCESS))
    text = scrub_response(response(f"https://cdn/r.mp4?token={ACCESS}", {"Location": [url]}))
    assert ACCESS not in json.dumps(text)


def test_compressed_body_is_decoded_by_the_preset() -> None:
    """``vcr_config`` turns on decoding; vcrpy decodes before our hook, so the hook sees plain JSON."""
    import vcr.filters  # type: ignore[import-untyped]

    body = json.dumps({"access_token": ACCESS}).encode()
    packed = response(gzip.compress(body), {"content-encoding": ["gzip"], "content-length": ["1"]})
    config = vcr_config()
    assert config["decode_compressed_response"] is True
    out = config["before_record_response"](vcr.filters.decode_response(packed))
    assert json.loads(out["body"]["string"]) == {"access_token": placeholder_token(ACCESS)}
    assert "content-encoding" not in out["headers"]


# --- grant_type matcher -----------------------------------------------------------------------------


def test_grant_type_extraction_and_matcher() -> None:
    def req(body: str | bytes | None) -> Request:
        return Request("POST", "https://h/v1/auth/token", body, {})

    assert grant_type(req('{"grant_type": "password"}')) == "password"
    assert grant_type(req(b"grant_type=client_credentials&client_id=x")) == "client_credentials"
    assert grant_type(req("{}")) is None
    assert grant_type(req(None)) is None
    grant_type_matcher(req('{"grant_type":"password"}'), req("grant_type=password"))
    grant_type_matcher(req(None), req(b"{}"))
    with pytest.raises(AssertionError, match="grant_type"):
        grant_type_matcher(req('{"grant_type":"password"}'), req('{"grant_type":"refresh_token"}'))


def test_vcr_config_overrides_and_make_vcr() -> None:
    config = vcr_config(record_mode="none", match_on=("method", "path"))
    assert config["record_mode"] == "none" and config["match_on"] == ("method", "path")
    assert "grant_type" in vcr_config()["match_on"]
    assert "grant_type" in testing.make_vcr().matchers


def test_public_surface() -> None:
    def isort_key(name: str) -> tuple[int, str]:  # constants, classes, functions (ruff RUF022)
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert testing.__all__ == sorted(testing.__all__, key=isort_key)
    for name in testing.__all__:
        obj = getattr(testing, name)
        if callable(obj):
            assert obj.__module__ == "moodhood.testing"


# --- properties -------------------------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.sampled_from([ACCESS, REFRESH]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["access_token", "password", "url", "note", "secret", "a", "refreshToken"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(_json)
def test_scrubbing_is_idempotent_and_removes_known_tokens(value: Any) -> None:
    once = scrub_value(value)
    assert scrub_value(once) == once
    text = json.dumps(once)
    assert ACCESS not in text and REFRESH not in text


def test_secret_query_parameters_and_secret_named_fields() -> None:
    url = "https://h/v1/x?client_secret=cs-9&password=p%40ss&username=a%40b.c&page=2&accessToken=t"
    out = scrub_text(url)
    assert "cs-9" not in out and "p%40ss" not in out and "a%40b.c" not in out
    assert "client_secret=scrubbed-client-secret" in out and "page=2" in out
    assert "username=scrubbed-user@example.invalid" in out
    value = {"apiKey": "Zx81kLmQ9vT2rB7wYp", "x-csrf-token": "short", "tokenUrl": "https://h/oauth/token"}
    scrubbed = scrub_value(value)
    assert scrubbed["apiKey"].startswith("scrubbed-") and "Zx81" not in scrubbed["apiKey"]
    assert scrubbed["apiKey"] == scrub_value(value)["apiKey"]  # stable
    assert scrubbed["x-csrf-token"] == "short"  # low entropy: kept
    assert scrubbed["tokenUrl"] == "https://h/oauth/token"  # a URL: kept


_secretish = st.fixed_dictionaries(
    {
        "access_token": st.sampled_from([ACCESS, "opaque-access-1234"]),
        "refresh_token": st.just(REFRESH),
        "client_secret": st.text(min_size=1, max_size=20),
        "password": st.text(min_size=1, max_size=20) | st.integers(),
        "username": st.emails(),
        "apiKey": st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", min_size=16, max_size=40),
        "url": st.just(f"https://edu.livedigital.space/room/a?participantName=A&accessToken={ACCESS}"),
    }
)


@settings(max_examples=100, deadline=None)
@given(_secretish)
def test_lint_finds_nothing_in_what_the_scrubber_wrote(body: dict[str, Any]) -> None:
    """The scrubber and the lint agree: a scrubbed interaction is clean, the raw one is not."""
    import yaml

    from moodhood.testing import lint_text

    def cassette(string: str) -> str:
        return yaml.safe_dump({"interactions": [{"response": {"body": {"string": string}}}], "version": 1})

    raw = json.dumps(body)
    assert lint_text(cassette(raw)) != []
    scrubbed = scrub_response(response(raw))["body"]["string"]
    assert lint_text(cassette(scrubbed)) == []


def test_secret_named_headers_are_scrubbed_like_fields_and_pass_the_lint() -> None:
    """A custom ``X-Auth-Token`` / ``X-CSRF-Token`` header gets the same treatment as a secret-named field."""
    import yaml

    from moodhood.testing import lint_text

    secret = "Zq8wXv3Lk9PmN2rT7yB4"
    request = Request(
        "GET", "https://h/v1/x", None, {"X-Auth-Token": secret, "x-cl-id": "my-client", "Accept": "*/*"}
    )
    scrubbed = scrub_request(request)
    assert scrubbed.headers["X-Auth-Token"].startswith("scrubbed-")
    assert scrubbed.headers["X-Auth-Token"] == scrub_request(request).headers["X-Auth-Token"]  # stable
    assert scrubbed.headers["x-cl-id"] == "my-client" and scrubbed.headers["Accept"] == "*/*"
    out = scrub_response(response("{}", {"X-CSRF-Token": [secret + "qq"], "X-Request-Id": ["abc"]}))
    assert out["headers"]["X-CSRF-Token"][0].startswith("scrubbed-")
    assert out["headers"]["X-Request-Id"] == ["abc"]
    cassette = yaml.safe_dump(
        {
            "interactions": [
                {
                    "request": {"headers": {"X-Auth-Token": [scrubbed.headers["X-Auth-Token"]]}},
                    "response": out,
                }
            ],
            "version": 1,
        }
    )
    assert secret not in cassette
    assert lint_text(cassette) == []


def test_json_body_with_an_escaped_lone_surrogate_is_scrubbed_not_a_crash() -> None:
    """JSON may hold ``"\\ud800"``; re-serialising it must stay valid UTF-8 (escaped), not raise."""
    raw = b'{"access_token":"opaque-access-1234","name":"a\\ud800b","ok":"\xc3\xa9"}'
    out = scrub_response(response(raw))["body"]["string"]
    assert isinstance(out, bytes)
    parsed = json.loads(out.decode("utf-8"))
    assert is_placeholder_token(parsed["access_token"])
    assert parsed["name"] == "a\ud800b" and parsed["ok"] == "\u00e9"
    request = Request("POST", "https://h/v1/x", raw, {})
    assert "opaque-access-1234" not in scrub_request(request).body.decode("utf-8")
