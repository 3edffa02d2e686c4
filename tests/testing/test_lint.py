"""Cassette lint: flags real cassettes recorded without scrubbing, passes scrubbed ones, and the CLI."""

from __future__ import annotations

import base64
import gzip
import json
import pathlib
import re
from typing import Any

import httpx
import pytest
import vcr  # type: ignore[import-untyped]

from moodhood.cli._app import main
from moodhood.testing import Finding, lint_cassettes, lint_text, make_vcr, placeholder_token

CLIENT_ID = "client-id-public-1"
CLIENT_SECRET = "canary-client-secret-7Hq2xV9pLm"
USERNAME = "canary.user@example.com"
PASSWORD = "canary-password-Zk81wQ"


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


REAL_JWT = f"{b64({'alg': 'HS256'})}.{b64({'aud': 'user', 'iat': 1, 'exp': 2})}.UmVhbFNpZ25hdHVyZVZhbHVlMTIz"


def record(server: Any, cassette: pathlib.Path, recorder: Any) -> None:
    with recorder.use_cassette(str(cassette)), httpx.Client(base_url=server.base_url) as client:
        secret = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
        client_token = client.post("/auth/token", json={**secret, "grant_type": "client_credentials"}).json()
        user = client.post(
            "/auth/token",
            json={**secret, "grant_type": "password", "username": USERNAME, "password": PASSWORD},
            headers={"Authorization": f"Bearer {client_token['access_token']}"},
        ).json()
        client.post(
            "/auth/token",
            data={**secret, "grant_type": "refresh_token", "refresh_token": user["refresh_token"]},
        )
        client.get("/users/me", headers={"Authorization": f"Bearer {user['access_token']}"})
        client.post("/spaces/s1/webhook", json={"url": "https://hooks.example.org/in"})
        client.post("/spaces/s1/rooms/r1/generate-access", json={"username": "Guest", "role": "user"})
        client.get("/spaces/s1/rooms/r1/records/download/x", params={"accessToken": user["access_token"]})


def test_unscrubbed_recording_is_flagged_line_by_line(token_server: Any, tmp_path: pathlib.Path) -> None:
    cassette = tmp_path / "raw.yaml"
    record(token_server, cassette, vcr.VCR(decode_compressed_response=True))
    lines = cassette.read_text("utf-8").splitlines()
    # `username` is scrubbed wherever it appears, so the guest name given to generate-access counts too
    canaries = [*token_server.canaries, "canary-tracking-cookie-value", '"username":"Guest"']
    leaking = {n for n, line in enumerate(lines, start=1) if any(c in line for c in canaries)}
    assert len(leaking) >= 10

    findings = lint_cassettes([cassette])
    flagged = {f.line for f in findings}
    assert leaking <= flagged, f"lines with secrets not flagged: {sorted(leaking - flagged)}"
    assert flagged <= leaking, f"lines flagged without a secret: {sorted(flagged - leaking)}"
    for finding in findings:
        assert finding.file == str(cassette)
        assert not any(c in str(finding) for c in canaries if len(c) > 4)
    kinds = {f.what for f in findings}
    assert {
        "JWT with a real signature",
        "unscrubbed client_secret",
        "unscrubbed authorization header",
        "unscrubbed set-cookie header",
        "unscrubbed secret",
    } <= kinds


def test_scrubbed_recording_is_clean(token_server: Any, tmp_path: pathlib.Path) -> None:
    cassette = tmp_path / "clean.yaml"
    record(token_server, cassette, make_vcr(record_mode="once"))
    assert lint_cassettes([cassette]) == []
    assert lint_cassettes([tmp_path]) == []  # a directory is searched


CLEAN_YAML = f"""interactions:
- request:
    body: grant_type=password&username=scrubbed-user%40example.invalid&password=scrubbed-password
    headers:
      Authorization:
      - Bearer {placeholder_token(REAL_JWT)}
      Cookie:
      - accessToken={placeholder_token(REAL_JWT)}; trClId=scrubbed
    method: POST
    uri: https://moodhood.online/v1/auth/token?accessToken={placeholder_token(REAL_JWT)}
  response:
    body:
      string: '{{"token_type":"Bearer","note":"the password field is required","author":"Ann"}}'
    headers:
      x-request-id:
      - 5f3b8b9c2a1e4d0012345678
    status: {{code: 200, message: OK}}
version: 1
"""


def test_placeholders_and_ordinary_values_pass() -> None:
    assert lint_text(CLEAN_YAML) == []


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        (CLEAN_YAML.replace("scrubbed-password", "hunter2"), 3, "unscrubbed password"),
        (
            CLEAN_YAML.replace(f"Bearer {placeholder_token(REAL_JWT)}", "Bearer opaque1234"),
            6,
            "authorization header",
        ),
        (CLEAN_YAML.replace("trClId=scrubbed", "trClId=abc"), 8, "cookie header"),
        (
            CLEAN_YAML.replace(f"?accessToken={placeholder_token(REAL_JWT)}", "?accessToken=abc"),
            10,
            "accessToken",
        ),
        (CLEAN_YAML.replace('"author":"Ann"', '"apiKey":"Zx81kLmQ9vT2rB7wYp"'), 13, "high-entropy"),
        (
            CLEAN_YAML.replace('"author":"Ann"', f'"signalingToken":"{REAL_JWT}"'),
            13,
            "JWT with a real signature",
        ),
        (CLEAN_YAML.replace("5f3b8b9c2a1e4d0012345678", REAL_JWT), 16, "JWT with a real signature"),
    ],
)
def test_each_kind_of_leak(text: str, line: int, what: str) -> None:
    findings = lint_text(text, "c.yaml")
    assert [(f.line, what.lower() in f.what.lower()) for f in findings] == [(line, True)], findings


def test_binary_gzip_body_is_decoded() -> None:
    packed = base64.encodebytes(gzip.compress(json.dumps({"refresh_token": REAL_JWT}).encode())).decode()
    indented = "".join(f"        {row}\n" for row in packed.splitlines())
    text = f"interactions:\n- response:\n    body:\n      string: !!binary |\n{indented}version: 1\n"
    findings = lint_text(text)
    assert [f.line for f in findings] == [4]
    assert findings[0].what == "JWT with a real signature"


def test_json_cassettes() -> None:
    cassette = {
        "interactions": [
            {
                "request": {"body": json.dumps({"client_secret": "s3cr3t-value"}), "headers": {}},
                "response": {"body": {"string": json.dumps({"access_token": REAL_JWT})}},
            }
        ]
    }
    text = json.dumps(cassette, indent=4)
    findings = lint_text(text, "c.json")
    lines = text.splitlines()
    assert [f.line for f in findings] == [
        next(n for n, line in enumerate(lines, 1) if "client_secret" in line),
        next(n for n, line in enumerate(lines, 1) if "access_token" in line),
    ]


def test_unparsable_text_is_scanned_by_line() -> None:
    text = (
        "not: [valid yaml\nAuthorization: Bearer x\nhttps://x/?refresh_token=opaque-0123456789\n" + REAL_JWT
    )
    assert [f.line for f in lint_text(text)] == [3, 4]


def test_findings_render_and_sort() -> None:
    finding = Finding("a.yaml", 3, "unscrubbed password", "…")
    assert str(finding) == "a.yaml:3: unscrubbed password: …"
    assert sorted([Finding("b", 1, "x", ""), finding]) == [finding, Finding("b", 1, "x", "")]


def test_missing_path_raises() -> None:
    with pytest.raises(FileNotFoundError):
        lint_cassettes(["/nonexistent/cassette.yaml"])


# --- the command line -------------------------------------------------------------------------------


def test_cli_reports_findings(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(CLEAN_YAML.replace("scrubbed-password", "hunter2"), "utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(CLEAN_YAML, "utf-8")
    assert main(["cassettes", "lint", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{bad}:3: unscrubbed password: …"]
    assert err.strip() == "1 finding(s) in 1 cassette(s)"
    assert "hunter2" not in out + err


def test_cli_clean(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.yaml").write_text(CLEAN_YAML, "utf-8")
    assert main(["cassettes", "lint", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "no findings"


def test_cli_json(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(CLEAN_YAML.replace("scrubbed-password", "hunter2"), "utf-8")
    assert main(["cassettes", "lint", "--json", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == [
        {"file": str(bad), "line": 3, "what": "unscrubbed password", "excerpt": "…"},
    ]
    assert "hunter2" not in out + err
    good = tmp_path / "good.yaml"
    good.write_text(CLEAN_YAML, "utf-8")
    assert main(["cassettes", "lint", str(good), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out) == []


def test_cli_missing_file(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["cassettes", "lint", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [f"moodhood cassettes lint: error: no such file or directory: {missing}"]
    assert re.search("Traceback", err) is None


def test_a_short_secret_does_not_hide_others() -> None:
    body = json.dumps({"password": "a", "access_token": REAL_JWT, "client_secret": "ab"})
    text = f"interactions:\n- request:\n    body: '{body}'\nversion: 1\n"
    whats = sorted(f.what for f in lint_text(text))
    assert whats == ["JWT with a real signature", "unscrubbed client_secret", "unscrubbed password"]


def test_deeply_nested_cassettes_are_still_linted(tmp_path: pathlib.Path) -> None:
    """Nesting too deep for the parsers falls back to the line scan instead of an error."""
    deep = "[" * 50_000 + "]" * 50_000
    in_yaml = tmp_path / "deep.yaml"
    in_yaml.write_text(
        f"interactions:\n- response:\n    body:\n      string: '{deep}'\n- request:\n"
        f"    body: password=hunter2-value\n",
        "utf-8",
    )
    in_json = tmp_path / "deep.json"
    in_json.write_text(deep + '\n{"password": "hunter2-value"}\n', "utf-8")
    findings = lint_cassettes([in_yaml, in_json])
    assert {(pathlib.Path(f.file).name, f.what) for f in findings} == {
        ("deep.yaml", "unscrubbed password"),
        ("deep.json", "unscrubbed password"),
    }
    assert [f.line for f in findings if f.file.endswith("deep.yaml")] == [6]
    assert [f.line for f in findings if f.file.endswith("deep.json")] == [2]
