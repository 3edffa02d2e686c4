"""Conventions every command keeps: global options anywhere, plain text off a terminal, machine values in
--json, safe destructive commands, files never overwritten, '-' for stdout (never for secrets), one line
for a missing extra or plain http, shell completion."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from moodhood.cli import _prompt
from moodhood.cli._output import styled
from tests.cli.conftest import Runner

BOX = set("│─╭╮╰╯┃━┏┓┗┛┡┩╇")


@pytest.fixture
def space(cli: Runner, env: dict[str, str]) -> str:
    created = cli("spaces", "create", "Conventions", "--json", env=env)
    assert created.code == 0, created.err
    space_id: str = created.json()["id"]
    return space_id


def _no_box_or_colour(text: str) -> bool:
    return not (set(text) & BOX) and "\x1b[" not in text


def test_global_options_before_or_after_the_command(cli: Runner, env: dict[str, str], space: str) -> None:
    before = cli("--json", "-v", "spaces", "list", env=env)
    after = cli("spaces", "list", "--json", "-v", env=env)
    for result in (before, after):
        assert result.code == 0, result.err
        assert space in [s["id"] for s in result.json()]
        assert "GET /v1/spaces" in result.err  # -v: one line per request on stderr


def test_a_base_url_before_the_command_beats_the_variable(cli: Runner, env: dict[str, str]) -> None:
    result = cli("--base-url", "http://127.0.0.1:9/v1", "spaces", "list", env=env)
    assert result.code == 1 and "cannot reach the MoodHood API at http://127.0.0.1:9" in result.err


def test_tables_and_help_are_plain_text_when_piped(cli: Runner, env: dict[str, str], space: str) -> None:
    listed = cli("spaces", "list", env=env)
    assert listed.code == 0 and space in listed.out
    assert listed.out.splitlines()[0].split() == ["id", "name", "public", "description"]
    helped = cli("rooms", "--help")
    assert "Usage: moodhood rooms" in helped.out
    for text in (listed.out, helped.out, cli("--help").out):
        assert _no_box_or_colour(text), text


def test_styled_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert styled(Tty()) is True
    assert styled(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert styled(Tty()) is False


def test_json_values_are_machine_values(cli: Runner, env: dict[str, str]) -> None:
    assert cli("login", env=env).code == 0
    rows = cli("token", "--json", env=env).json()
    for row in rows:
        assert isinstance(row["expiresIn"], int) and isinstance(row["expired"], bool)
        assert row["expiresAt"][:4].isdigit() and row["expiresAt"].endswith("Z")
    table = cli("token", env=env).out
    assert " d" in table  # people still read "7.0 d"


def test_destructive_commands_ask_on_a_terminal(
    cli: Runner, env: dict[str, str], space: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    room_id = cli("rooms", "create", space, "Gone", "--json", env=env).json()["id"]
    asked: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(_prompt, "interactive", lambda: True)
    monkeypatch.setattr(_prompt, "confirm", lambda q: asked.append(q) or answers.pop(0))
    declined = cli("rooms", "delete", space, room_id, env=env)
    assert declined.code == 1 and "aborted: nothing was changed" in declined.err
    assert cli("rooms", "get", space, room_id, env=env).code == 0
    accepted = cli("rooms", "delete", space, room_id, env=env)
    assert accepted.code == 0, accepted.err
    assert asked == [f"Delete room {room_id} of space {space}?"] * 2


def test_refresh_secret_refuses_before_rotating_without_a_place_for_the_secret(
    cli: Runner, env: dict[str, str], space: str, sandbox: Any
) -> None:
    assert cli("webhook", "create", space, "https://hooks.example.com/x", env=env).code == 0
    old = sandbox.server.state.webhooks[space].secret
    refused = cli("webhook", "refresh-secret", space, "--yes", env=env)
    assert refused.code == 2 and len(refused.err_lines) == 1
    assert "--secret-file" in refused.err and "--show-secret" in refused.err
    no_yes = cli("webhook", "refresh-secret", space, "--show-secret", env=env)
    assert no_yes.code == 2 and "without --yes" in no_yes.err
    assert sandbox.server.state.webhooks[space].secret == old  # not rotated
    to_stdout = cli("webhook", "refresh-secret", space, "--secret-file", "-", "--yes", env=env)
    assert to_stdout.code == 2 and "never written to stdout" in to_stdout.err

    shown = cli("webhook", "refresh-secret", space, "--show-secret", "--yes", "--json", env=env)
    assert shown.code == 0, shown.err
    new = sandbox.server.state.webhooks[space].secret
    assert new != old and shown.json()["secret"] == new


def test_room_links_go_to_private_files_or_show_secret_only(
    cli: Runner, env: dict[str, str], space: str, tmp_path: Path
) -> None:
    room_id = cli("rooms", "create", space, "Linked", "--json", env=env).json()["id"]
    args = ("rooms", "link", space, room_id, "--name", "Ann")
    masked = cli(*args, "--json", env=env)
    assert masked.code == 0 and "accessToken=…" in masked.json()["url"]
    refused = cli(*args, "-o", "-", env=env)
    assert refused.code == 2 and "never written to stdout" in refused.err
    target = tmp_path / "link.txt"
    target.write_text("keep me")
    kept = cli(*args, "-o", str(target), env=env)
    assert kept.code == 2 and f"{target} exists: pass --force" in kept.err
    assert target.read_text() == "keep me"
    forced = cli(*args, "-o", str(target), "--force", env=env)
    assert forced.code == 0 and "accessToken=ey" in target.read_text()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    shown = cli(*args, "--show-secret", env=env)
    assert shown.code == 0 and "accessToken=ey" in shown.out and "…" not in shown.out


def test_plain_http_to_a_remote_host_names_the_flag(cli: Runner, sandbox: Any) -> None:
    env = {"MOODHOOD_TOKEN": sandbox.personal_token}
    result = cli("spaces", "list", "--base-url", "http://api.example.com/v1", env=env)
    assert result.code == 2 and len(result.err_lines) == 1
    assert "--allow-insecure-http" in result.err and "allow_insecure_http=True" not in result.err


def test_a_missing_extra_is_one_line_naming_pip(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the 'sandbox' extra were not installed
    result = cli("sandbox", "--port", "0")
    assert result.code == 2
    assert result.err_lines == [
        "moodhood: error: the local sandbox needs the 'sandbox' extra (uvicorn is not installed): "
        "pip install 'moodhood[sandbox]'"
    ]


def test_login_without_the_keyring_extra_says_how_to_get_it(
    cli: Runner, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)
    result = cli("login", env=env)
    assert result.code == 0, result.err
    assert "pip install 'moodhood[keyring]'" in result.out and "--store-secret-in-file" in result.out


def test_shell_completion(cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = cli("--show-completion", "bash")
    assert shown.code == 0 and "_MOODHOOD_COMPLETE" in shown.out
    home = Path(os.environ["HOME"])
    monkeypatch.setenv("SHELL", "/bin/bash")
    installed = cli("--install-completion", "bash")
    assert installed.code == 0, installed.err
    assert "moodhood" in (home / ".bashrc").read_text()


def test_a_report_file_is_never_replaced_without_force(
    cli: Runner, env: dict[str, str], space: str, tmp_path: Path
) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    args = ("analytics", "report", space, "--room", "a" * 24, "--call", "b" * 24, "--xlsx", str(target))
    kept = cli(*args, env=env)
    assert kept.code == 2 and "exists: pass --force" in kept.err and target.read_bytes() == b"old"
