"""The CLI's shared behaviour: help everywhere, one-line usage errors, redaction."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from moodhood.cli._errors import redact
from tests.cli.conftest import Runner

GROUPS = ("spaces", "rooms", "invites", "webhook", "records", "analytics")


def test_root_help_lists_every_group(cli: Runner) -> None:
    result = cli("--help")
    assert result.code == 0
    for group in (*GROUPS, "demo", "login", "token"):
        assert group in result.out


@pytest.mark.parametrize(
    "args",
    [
        ("spaces", "list"),
        ("spaces", "create"),
        ("spaces", "update"),
        ("rooms", "list"),
        ("rooms", "get"),
        ("rooms", "create"),
        ("rooms", "update"),
        ("rooms", "delete"),
        ("rooms", "link"),
        ("rooms", "embed"),
        ("invites", "create"),
        ("invites", "activate"),
        ("webhook", "create"),
        ("webhook", "get"),
        ("webhook", "update"),
        ("webhook", "delete"),
        ("webhook", "refresh-secret"),
        ("webhook", "verify"),
        ("records", "list"),
        ("records", "download"),
        ("analytics", "calls"),
        ("analytics", "report"),
        ("login",),
        ("token",),
        ("demo",),
    ],
)
def test_every_command_has_help(cli: Runner, args: tuple[str, ...]) -> None:
    result = cli(*args, "--help")
    assert result.code == 0, result.err
    assert "Usage: moodhood " + " ".join(args) in " ".join(result.out.split())


def test_group_without_command_shows_help_and_fails(cli: Runner) -> None:
    result = cli("rooms")
    assert result.code == 2
    assert "link" in result.out and "embed" in result.out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("rooms", "get"), "Missing argument 'SPACE_ID'"),
        (("bogus",), "No such command 'bogus'"),
        (("rooms", "create", "s", "n", "--type", "party"), "'party' is not one of"),
        (("records", "list", "s", "r", "--from", "yesterday"), "--from"),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli: Runner, args: tuple[str, ...], fragment: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert len(result.err_lines) == 1, result.err
    assert fragment in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


def test_redact_masks_known_secrets_jwts_and_token_parameters() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ1c2VyIn0.ZmFrZS1zaWc"
    text = (
        f"secret hunter2-is-long there, bearer {jwt}, "
        "https://x/room/a?participantName=Ann&accessToken=abcdefghijklmnop1234"
    )
    out = redact(text, ["hunter2-is-long"])
    assert "hunter2-is-long" not in out
    assert jwt not in out and "ZmFrZS1zaWc" not in out
    assert "abcdefghijklmnop1234" not in out
    assert "accessToken=…1234" in out
    assert "participantName=Ann" in out


def test_version(cli: Runner) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out.startswith("moodhood ")


def test_import_moodhood_loads_no_cli_code() -> None:
    # (rich may still appear: httpx imports it for its own command line when it is installed)
    code = (
        "import sys, moodhood, moodhood.webhooks, moodhood.embed\n"
        "print([m for m in sys.modules if m.startswith(('typer', 'moodhood.cli'))])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_console_script_and_module_entry_points() -> None:
    script = Path(sys.executable).with_name("moodhood")
    if not script.exists():
        pytest.skip("the moodhood console script is not installed in this environment")
    for argv in ([str(script)], [sys.executable, "-m", "moodhood"]):
        version = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60)
        assert version.returncode == 0 and version.stdout.startswith("moodhood ")
        bad = subprocess.run([*argv, "rooms", "get"], capture_output=True, text=True, timeout=60)
        assert bad.returncode == 2
        assert bad.stderr.splitlines() == [
            "moodhood rooms get: error: Missing argument 'SPACE_ID'. (see 'moodhood rooms get --help')"
        ]
