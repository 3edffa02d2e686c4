"""``moodhood sandbox`` as a subprocess: prints URL and credentials (no JWTs), serves, exits 0 on a signal."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from moodhood.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_PERSONAL_TOKEN, DEMO_USER


def _start(*args: str) -> tuple[subprocess.Popen[str], list[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "moodhood", "sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl-C"):
            break
    else:
        process.kill()
        pytest.fail(f"no banner: {lines} {process.stderr.read() if process.stderr else ''}")
    return process, lines


@pytest.fixture
def stop_later() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(10)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serves_with_demo_defaults_and_stops_cleanly(
    stop_later: list[subprocess.Popen[str]], sig: int
) -> None:
    process, lines = _start()
    stop_later.append(process)
    banner = "\n".join(lines)
    match = re.search(r"MoodHood sandbox at (http://127\.0\.0\.1:\d+/v1)", banner)
    assert match, banner
    base_url = match.group(1)
    for public in (DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_USER, DEMO_PASSWORD, DEMO_PERSONAL_TOKEN):
        assert public in banner

    token = httpx.post(
        base_url + "/auth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
        },
    )
    assert token.status_code == 200
    me = httpx.get(base_url + "/users/me", headers={"Authorization": f"Bearer {DEMO_PERSONAL_TOKEN}"})
    assert me.json()["email"] == DEMO_USER

    process.send_signal(sig)
    out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert "Sandbox stopped." in out
    assert "eyJ" not in banner + out + err  # never a JWT


def test_options_are_applied_and_typed_secrets_masked(stop_later: list[subprocess.Popen[str]]) -> None:
    secret = "TypedClientSecret0123456789abcd"
    process, lines = _start(
        "--client-id",
        "my-client",
        "--client-secret",
        secret,
        "--user",
        "ann@example.com:ann-password-long",
        "--user",
        "ben@example.com:ben-password-long",
        "--personal-token",
        "typed-personal-token-0001",
        "--access-ttl",
        "30",
        "--no-refresh-grant",
        "--doc-auth",
        "docs:docs-password",
    )
    stop_later.append(process)
    banner = "\n".join(lines)
    assert (
        secret not in banner
        and "ann-password-long" not in banner
        and "typed-personal-token-0001" not in banner
    )
    assert "my-client" in banner and "ann@example.com" in banner and "ben@example.com" in banner
    base_url = re.search(r"(http://\S+/v1)", banner).group(1)  # type: ignore[union-attr]
    root = base_url.removesuffix("/v1")

    client = httpx.post(
        base_url + "/auth/token",
        json={"grant_type": "client_credentials", "client_id": "my-client", "client_secret": secret},
    ).json()["access_token"]
    user = httpx.post(
        base_url + "/auth/token",
        headers={"Authorization": f"Bearer {client}"},
        json={
            "grant_type": "password",
            "client_id": "my-client",
            "client_secret": secret,
            "username": "ben@example.com",
            "password": "ben-password-long",
        },
    ).json()
    refresh = httpx.post(
        base_url + "/auth/token",
        json={
            "grant_type": "refresh_token",
            "client_id": "my-client",
            "client_secret": secret,
            "refresh_token": user["refresh_token"],
        },
    )
    assert refresh.json()["error"] == "unsupported_grant_type"
    me = httpx.get(base_url + "/users/me", headers={"Authorization": "Bearer typed-personal-token-0001"})
    assert me.json()["email"] == "ann@example.com"  # the first user owns the personal tokens
    assert httpx.get(root + "/doc/").status_code == 401
    assert httpx.get(root + "/doc/", auth=("docs", "docs-password")).status_code == 200

    process.send_signal(signal.SIGINT)
    process.communicate(timeout=15)
    assert process.returncode == 0


def test_bad_user_option_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "moodhood", "sandbox", "--user", "no-colon-secret-value"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "no-colon-secret-value" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--client-id", ""], "--client-id"),
        (["--client-secret", ""], "--client-secret"),
        (["--personal-token", ""], "--personal-token"),
        (["--user", "a@x.io:pw-one-secret", "--user", "A@x.io:pw-two-secret"], "--user"),
    ],
)
def test_empty_values_and_duplicate_users_are_usage_errors(args: list[str], option: str) -> None:
    """Not silently replaced by a demo default (then shown as 'as given'), nor two accounts for one email."""
    result = subprocess.run(
        [sys.executable, "-m", "moodhood", "sandbox", "--port", "0", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and option in lines[0]
    assert "pw-one-secret" not in lines[0] and "pw-two-secret" not in lines[0]


def test_port_in_use_fails_with_one_line(sandbox_server: object) -> None:
    port = str(sandbox_server.port)  # type: ignore[attr-defined]
    result = subprocess.run(
        [sys.executable, "-m", "moodhood", "sandbox", "--port", port],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("example.com", False),
    ],
)
def test_only_loopback_binds_go_without_a_warning(host: str, loopback: bool) -> None:
    from moodhood._net import is_loopback

    assert is_loopback(host) is loopback
