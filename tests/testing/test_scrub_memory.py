"""The scrubber remembers every credential value it replaced and replaces it wherever else it appears:
an opaque token a server echoes back (body, headers, JSON at any depth, URL-encoded, base64) leaves no
trace; the lint flags bearer values seen outside ``Authorization`` headers."""

from __future__ import annotations

import base64
import json
import pathlib
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from vcr.request import Request  # type: ignore[import-untyped]

from moodhood.testing import lint_cassettes, lint_text, placeholder_token
from moodhood.testing._scrub import Scrubber, scrub_request, scrub_response

OPAQUE = "mhp_0pAqUe-personal/token+42xyz"
SECRET = "client-secret-Q8w7E6r5T4y3"
PASSWORD = "hunter2-but-longer"


def response(body: str | bytes, headers: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"status": {"code": 200, "message": "OK"}, "headers": headers or {}, "body": {"string": body}}


def echoes(value: str) -> dict[str, Any]:
    """Every place and form a server might echo ``value`` in."""
    b64 = base64.b64encode(value.encode()).decode()
    return {
        "plain": value,
        "deep": {"a": [{"b": {"c": f"prefix {value} suffix"}}]},
        "url": f"https://h/cb?next=%2Fx&t={quote(value, safe='')}&u={quote_plus(value)}",
        "b64": b64,
        "b64url": base64.urlsafe_b64encode(value.encode()).decode().rstrip("="),
        "basic": base64.b64encode(f"someone:{value}".encode()).decode(),
        "nested_json": json.dumps({"token": "x", "echo": value}),
    }


def leaks(text: str, value: str) -> list[str]:
    forms = {
        value,
        quote(value, safe=""),
        quote_plus(value),
        base64.b64encode(value.encode()).decode().rstrip("="),
        base64.urlsafe_b64encode(value.encode()).decode().rstrip("="),
        json.dumps(value)[1:-1],
    }
    found = [form for form in forms if form in text]
    for run in text.replace('"', " ").split():  # base64 blobs holding the value with other text
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                if value in decode(run + "=" * (-len(run) % 4)).decode("utf-8", "ignore"):
                    found.append(run)
            except ValueError:
                pass
    return found


def test_an_echoed_opaque_bearer_is_replaced_everywhere() -> None:
    scrubber = Scrubber()
    request = scrubber.scrub_request(
        Request("GET", "https://h/v1/users/me", None, {"Authorization": f"Bearer {OPAQUE}"})
    )
    assert request.headers["Authorization"] == f"Bearer {placeholder_token(OPAQUE)}"
    body = json.dumps(echoes(OPAQUE))
    headers = {"X-Echo": [OPAQUE], "Location": [f"https://h/x?token={quote(OPAQUE, safe='')}"]}
    out = scrubber.scrub_response(response(body, headers))
    text = json.dumps(out)
    assert leaks(text, OPAQUE) == []
    assert out["headers"]["X-Echo"] == [placeholder_token(OPAQUE)]
    parsed = json.loads(out["body"]["string"])
    assert parsed["deep"]["a"][0]["b"]["c"] == f"prefix {placeholder_token(OPAQUE)} suffix"
    assert base64.b64decode(parsed["basic"]).decode() == f"someone:{placeholder_token(OPAQUE)}"


def test_secrets_and_passwords_from_request_bodies_are_remembered() -> None:
    scrubber = Scrubber()
    form = (
        f"grant_type=password&client_id=c&client_secret={quote_plus(SECRET)}"
        f"&username=u%40x.io&password={PASSWORD}"
    )
    scrubber.scrub_request(Request("POST", "https://h/v1/auth/token", form, {}))
    body = json.dumps({"error_description": f"bad secret {SECRET} for pw {PASSWORD}"}).encode()
    out = scrubber.scrub_response(response(body, {"X-Debug": [base64.b64encode(SECRET.encode()).decode()]}))
    text = json.dumps({"b": out["body"]["string"].decode(), "h": out["headers"]})
    assert leaks(text, SECRET) == [] and leaks(text, PASSWORD) == []
    assert "scrubbed-client-secret" in text and "scrubbed-password" in text


def test_unicode_escaped_json_is_parsed_and_scrubbed() -> None:
    scrubber = Scrubber()
    scrubber.scrub_request(Request("GET", "https://h/v1/x", None, {"Authorization": f"Bearer {OPAQUE}"}))
    escaped = '{"echo": "' + "".join(f"\\u{ord(c):04x}" for c in OPAQUE) + '"}'
    out = scrubber.scrub_response(response(escaped))
    assert json.loads(out["body"]["string"])["echo"] == placeholder_token(OPAQUE)


def test_matches_respect_token_boundaries_and_short_values_are_not_remembered() -> None:
    scrubber = Scrubber()
    scrubber.scrub_request(Request("GET", "https://h/v1/x", None, {"Authorization": "Bearer abcdefgh12"}))
    out = scrubber.scrub_response(response('{"a": "abcdefgh123", "b": "xabcdefgh12", "c": "(abcdefgh12)"}'))
    parsed = json.loads(out["body"]["string"])
    assert parsed["a"] == "abcdefgh123" and parsed["b"] == "xabcdefgh12"  # other values, left alone
    assert parsed["c"] == f"({placeholder_token('abcdefgh12')})"
    short = Scrubber()
    short.scrub_request(Request("GET", "https://h/v1/x", None, {"Authorization": "Bearer abc1234"}))
    assert short.secrets == frozenset()


def test_the_shared_hooks_remember_across_interactions() -> None:
    token = "mhp_shared-hook-token-99887766"
    scrub_request(Request("GET", "https://h/v1/a", None, {"Authorization": f"Bearer {token}"}))
    later = scrub_response(response(f"your token is {token}"))  # a later, unrelated interaction
    assert token not in later["body"]["string"]


def test_lint_flags_bearer_values_outside_authorization(tmp_path: pathlib.Path) -> None:
    cassette = tmp_path / "echo.yaml"
    cassette.write_text(
        "interactions:\n"
        "- request:\n"
        "    body: null\n"
        "    headers:\n"
        f"      authorization: [Bearer {OPAQUE}]\n"
        "    method: GET\n"
        "    uri: https://h/v1/users/me\n"
        "  response:\n"
        "    body:\n"
        f'      string: \'{{"note": "{quote(OPAQUE, safe="")}"}}\'\n'
        "    headers:\n"
        f"      x-echo: ['{base64.b64encode(OPAQUE.encode()).decode()}']\n"
        "    status: {code: 200, message: OK}\n"
        "version: 1\n"
    )
    findings = lint_cassettes(str(cassette))  # a plain string: one path, not its characters
    whats = [f.what for f in findings]
    assert whats.count("bearer token found outside an Authorization header") == 2, findings
    assert all(OPAQUE not in str(f) for f in findings)
    placeholder = placeholder_token(OPAQUE)
    clean = cassette.read_text().replace(OPAQUE, placeholder)
    assert [f for f in lint_text(clean) if "outside" in f.what] == []  # placeholders are exempt


def test_lint_cassettes_takes_one_path_or_many(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.yaml").write_text("interactions: []\nversion: 1\n")
    assert lint_cassettes(tmp_path) == []
    assert lint_cassettes(str(tmp_path)) == []
    assert lint_cassettes([tmp_path, str(tmp_path / "a.yaml")]) == []
    with pytest.raises(FileNotFoundError):
        lint_cassettes(str(tmp_path / "missing"))
