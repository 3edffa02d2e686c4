"""``moodhood sandbox`` off loopback: a warning that tells the truth about the credentials; safety flags.

The host is 192.0.2.1 (TEST-NET-1, never local): the warning comes before the bind, the bind then fails with a
one-line error, so no test listens anywhere but on loopback.
"""

from __future__ import annotations

import subprocess
import sys

import httpx
import jwt
import pytest

from moodhood.sandbox import DEMO_CLIENT_SECRET, DEMO_PERSONAL_TOKEN, SandboxConfig

from .test_cli import _start, stop_later

__all__ = ["stop_later"]

OFF_LOOPBACK = ("--host", "192.0.2.1", "--port", "0")
CUSTOM = (
    "--client-secret",
    "OurOwnSecret-123",
    "--user",
    "ann@team.test:pw-ann-1",
    "--personal-token",
    "pt-own-1",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "moodhood", "sandbox", *args], capture_output=True, text=True, timeout=60
    )


def test_demo_credentials_are_named_as_such() -> None:
    result = _run(*OFF_LOOPBACK)
    assert "accepts the public demo client secret, user password, personal token" in result.stderr
    assert "Controls under /__sandbox/ answer loopback only" in result.stderr
    assert "webhook targets permitted: none" in result.stderr
    assert result.returncode == 1
    assert "cannot listen on 192.0.2.1" in result.stderr
    assert "Traceback" not in result.stderr


def test_custom_credentials_are_not_called_demo_ones() -> None:
    result = _run(*OFF_LOOPBACK, *CUSTOM, "--webhook-allow", "*.team.test", "--allow-remote-control")
    assert "demo" not in result.stderr
    assert "only the credentials you gave work" in result.stderr
    assert "answer anyone (--allow-remote-control)" in result.stderr
    assert "webhook targets permitted: *.team.test" in result.stderr
    for secret in ("OurOwnSecret-123", "pw-ann-1", "pt-own-1"):
        assert secret not in result.stderr + result.stdout


def test_a_partly_custom_setup_names_what_is_still_demo() -> None:
    result = _run(*OFF_LOOPBACK, "--client-secret", "OurOwnSecret-123")
    assert "accepts the public demo user password, personal token" in result.stderr
    assert DEMO_CLIENT_SECRET not in result.stderr
    with_users = _run(*OFF_LOOPBACK, "--user", "ann@team.test:pw-ann-1")
    assert "accepts the public demo client secret, so anyone" in with_users.stderr


def test_the_demo_personal_token_never_belongs_to_a_user_given_on_the_command_line(
    stop_later: list[subprocess.Popen[str]],
) -> None:
    process, lines = _start("--user", "ann@team.test:pw-ann-1")
    stop_later.append(process)
    assert not any("personal token" in line for line in lines)
    base_url = lines[0].split(" at ")[1]
    me = httpx.get(base_url + "/users/me", headers={"Authorization": f"Bearer {DEMO_PERSONAL_TOKEN}"})
    assert me.status_code == 401


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--signing-key", "too-short"), "at least 32 characters"),
        (("--webhook-allow", "http://x.test/"), "neither an IP address"),
        (("--max-body-size", "0"), "--max-body-size"),
    ],
)
def test_bad_safety_options_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = _run("--port", "0", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "too-short" not in result.stderr
    assert "Traceback" not in result.stderr


def test_signing_key_from_the_environment_is_used(
    stop_later: list[subprocess.Popen[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "team-signing-key-" + "z" * 20
    monkeypatch.setenv("MOODHOOD_SANDBOX_SIGNING_KEY", key)
    process, lines = _start()
    stop_later.append(process)
    base_url = lines[0].split(" at ")[1]
    cfg = SandboxConfig()
    grant = {
        "client_id": cfg.client_id,
        "client_secret": cfg.client_secret,
        "grant_type": "client_credentials",
    }
    token = httpx.post(base_url + "/auth/token", json=grant).json()["access_token"]
    assert jwt.decode(token, key, algorithms=["HS256"], options={"verify_aud": False})["aud"] == "client"
    assert key not in "\n".join(lines)


def test_every_option_docs_sandbox_md_uses_exists() -> None:
    import re
    from pathlib import Path

    import typer

    from moodhood.cli._sandbox import register

    app = typer.Typer()
    register(app)
    app.command("other")(lambda: None)  # two commands, so the group keeps the subcommand's name
    command = typer.main.get_command(app).commands["sandbox"]  # type: ignore[attr-defined]
    options = {opt for param in command.params for opt in param.opts}
    docs = (Path(__file__).resolve().parents[2] / "docs" / "sandbox.md").read_text(encoding="utf-8")
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", docs))
    assert {"--signing-key", "--allow-remote-control", "--webhook-allow", "--max-body-size"} <= used
    assert used <= options, used - options
