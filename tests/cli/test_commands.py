"""Daily-work commands against the sandbox: login/token, spaces, rooms; every error one line."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Runner


def _one_error_line(result: Any) -> str:
    assert result.out == "", result.out
    assert len(result.err_lines) == 1, result.err
    assert "Traceback" not in result.err
    line: str = result.err_lines[0]
    return line


def _stored_values(token_file: Path) -> list[str]:
    data = json.loads(token_file.read_text())
    values = []
    for entry in data["entries"]:
        values.append(entry["access"]["value"])
        if entry.get("refresh"):
            values.append(entry["refresh"]["value"])
    return values


def test_login_stores_both_tokens_privately_and_token_shows_them_masked(
    cli: Runner, env: dict[str, str], sandbox: Any, token_file: Path
) -> None:
    result = cli("login", env=env)
    assert result.code == 0, result.err
    assert f"signed in as {sandbox.username}" in result.out
    assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600
    values = _stored_values(token_file)
    assert len(values) == 3  # client access, user access, user refresh

    shown = cli("token", "--json", env=env)
    assert shown.code == 0, shown.err
    rows = shown.json()
    assert [r["kind"] for r in rows] == ["client", "user", "refresh"]
    assert [r["audience"] for r in rows] == ["client", "user", "user"]
    # machine values: seconds left and an ISO 8601 moment
    assert all(isinstance(r["expiresIn"], int) and r["expiresIn"] > 6 * 86400 for r in rows)
    assert all(r["expiresAt"].endswith("Z") and r["expired"] is False for r in rows)
    for value in values:
        assert value not in result.out + result.err + shown.out + shown.err
        assert any(r["token"] == "…" + value[-4:] for r in rows)


def test_later_commands_reuse_the_stored_tokens(cli: Runner, env: dict[str, str], token_file: Path) -> None:
    assert cli("login", env=env).code == 0
    before = _stored_values(token_file)
    listed = cli("spaces", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    assert _stored_values(token_file) == before


def test_token_without_a_login_says_so(cli: Runner, env: dict[str, str]) -> None:
    result = cli("token", env=env)
    assert result.code == 1
    assert "run 'moodhood login' first" in _one_error_line(result)


@pytest.mark.parametrize("content", ["garbage{", '{"version": 1, "entries": "x"}'])
def test_a_broken_token_file_is_one_warning_line_not_python_warnings(
    cli: Runner, env: dict[str, str], token_file: Path, content: str
) -> None:
    token_file.parent.mkdir(parents=True)
    token_file.write_text(content)
    listed = cli("spaces", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    assert "RuntimeWarning" not in listed.err and ".py:" not in listed.err
    warnings = [line for line in listed.err_lines if line.startswith("moodhood: warning: ")]
    assert warnings and warnings == listed.err_lines
    assert len(set(warnings)) == len(warnings)  # the same warning once
    token_file.write_text(content)
    shown = cli("token", env=env)
    assert shown.code == 1
    assert "RuntimeWarning" not in shown.err and ".py:" not in shown.err
    assert shown.err_lines[-1].startswith("moodhood: error: ")
    assert all(line.startswith("moodhood: ") for line in shown.err_lines)


def test_spaces_create_list_update(cli: Runner, env: dict[str, str]) -> None:
    created = cli("spaces", "create", "Team space", "--description", "for tests", "--json", env=env)
    assert created.code == 0, created.err
    space_id = created.json()["id"]
    assert len(space_id) == 24

    updated = cli("spaces", "update", space_id, "--name", "Renamed space", "--private", "--json", env=env)
    assert updated.code == 0, updated.err

    listed = cli("spaces", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    spaces = {s["id"]: s for s in listed.json()}
    assert spaces[space_id]["name"] == "Renamed space"
    assert spaces[space_id]["isPublic"] is False

    table = cli("spaces", "list", env=env)
    assert table.code == 0
    assert "Renamed space" in table.out and space_id in table.out


def test_rooms_lifecycle(cli: Runner, env: dict[str, str]) -> None:
    space_id = cli("spaces", "create", "Rooms", "--json", env=env).json()["id"]
    created = cli(
        "rooms", "create", space_id, "Daily stand-up", "--type", "webinar", "--no-chat", "--json", env=env
    )
    assert created.code == 0, created.err
    room = created.json()
    assert room["name"] == "Daily stand-up" and room["type"] == "webinar"
    assert room["isChatAllowed"] is False
    room_id = room["id"]

    got = cli("rooms", "get", space_id, room_id, "--json", env=env)
    assert got.code == 0 and got.json()["alias"] == room["alias"]

    updated = cli("rooms", "update", space_id, room_id, "--name", "Weekly", "--chat", "--json", env=env)
    assert updated.code == 0, updated.err
    assert updated.json()["name"] == "Weekly" and updated.json()["isChatAllowed"] is True

    listed = cli("rooms", "list", space_id, env=env)
    assert listed.code == 0 and "Weekly" in listed.out and room_id in listed.out

    refused = cli("rooms", "delete", space_id, room_id, "--json", env=env)
    assert refused.code == 2 and "refusing to delete room" in _one_error_line(refused)
    assert cli("rooms", "get", space_id, room_id, env=env).code == 0  # still there
    deleted = cli("rooms", "delete", space_id, room_id, "--yes", "--json", env=env)
    assert deleted.code == 0 and deleted.json() == {"id": room_id, "deleted": True}

    gone = cli("rooms", "get", space_id, room_id, env=env)
    assert gone.code == 1
    assert _one_error_line(gone).startswith("moodhood: error: HTTP 404 Not Found")


def test_rooms_update_without_changes_is_a_usage_error(cli: Runner, env: dict[str, str]) -> None:
    result = cli("rooms", "update", "a" * 24, "b" * 24, env=env)
    assert result.code == 2
    assert "give at least one setting" in _one_error_line(result)


def test_personal_token_flag_beats_client_variables(cli: Runner, env: dict[str, str], sandbox: Any) -> None:
    result = cli("spaces", "list", "--token", sandbox.personal_token, "--json", env=env)
    assert result.code == 0, result.err
    assert isinstance(result.json(), list)


def test_unknown_room_is_one_404_line(cli: Runner, env: dict[str, str]) -> None:
    space_id = cli("spaces", "create", "S", "--json", env=env).json()["id"]
    result = cli("rooms", "get", space_id, "0" * 24, env=env)
    assert result.code == 1
    line = _one_error_line(result)
    assert line.startswith("moodhood: error: HTTP 404")
    assert "0" * 24 in line


def test_wrong_password_is_one_line_without_the_password(cli: Runner, env: dict[str, str]) -> None:
    wrong = "not-the-password-at-all"
    result = cli("spaces", "list", env={**env, "MOODHOOD_PASSWORD": wrong})
    assert result.code == 1
    line = _one_error_line(result)
    assert "authentication failed" in line and "invalid_grant" in line
    assert wrong not in line


def test_dead_server_is_one_line(cli: Runner, env: dict[str, str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = cli("spaces", "list", "--base-url", f"http://127.0.0.1:{port}/v1", env=env)
    assert result.code == 1
    line = _one_error_line(result)
    assert f"cannot reach the MoodHood API at http://127.0.0.1:{port}" in line
    assert "refused" in line.lower()


@pytest.mark.parametrize(
    ("missing", "names"),
    [
        ("MOODHOOD_CLIENT_ID", ("--client-id", "MOODHOOD_CLIENT_ID")),
        ("MOODHOOD_CLIENT_SECRET", ("--client-secret", "MOODHOOD_CLIENT_SECRET")),
        ("MOODHOOD_PASSWORD", ("--password", "MOODHOOD_PASSWORD")),
    ],
)
def test_missing_variable_names_the_flag_and_the_variable(
    cli: Runner, env: dict[str, str], missing: str, names: tuple[str, ...]
) -> None:
    partial = {k: v for k, v in env.items() if k != missing}
    result = cli("login", env=partial)
    assert result.code == 2
    line = _one_error_line(result)
    for name in names:
        assert name in line


def test_bad_base_url_is_one_line(cli: Runner, env: dict[str, str]) -> None:
    result = cli("spaces", "list", "--base-url", "ftp://example.com", env=env)
    assert result.code == 2
    assert "absolute http(s) URL" in _one_error_line(result)


def test_secrets_never_reach_the_output(cli: Runner, env: dict[str, str], sandbox: Any) -> None:
    outputs = []
    for args in (
        ("login",),
        ("login", "--json"),
        ("token",),
        ("spaces", "list"),
        ("spaces", "list", "--json"),
    ):
        result = cli(*args, env=env)
        assert result.code == 0, result.err
        outputs.append(result.out + result.err)
    text = "\n".join(outputs)
    assert sandbox.client_secret not in text
    assert sandbox.password not in text
    assert "eyJ" not in text  # no JWT, whole or in part


def test_verbose_logs_each_request_without_tokens(cli: Runner, env: dict[str, str]) -> None:
    result = cli("spaces", "list", "--verbose", "--json", env=env)
    assert result.code == 0, result.err
    assert isinstance(result.json(), list)  # stdout stays JSON
    assert "GET /v1/spaces -> 200" in result.err
    assert "password grant" in result.err
    assert "eyJ" not in result.err


def test_login_with_a_personal_token_checks_it_and_stores_nothing(
    cli: Runner, sandbox: Any, token_file: Path
) -> None:
    env = {"MOODHOOD_BASE_URL": sandbox.base_url, "MOODHOOD_TOKEN": sandbox.personal_token}
    result = cli("login", "--json", env=env)
    assert result.code == 0, result.err
    report = result.json()
    assert report["user"] == sandbox.username
    assert report["tokens"][0]["kind"] == "personal"
    assert report["tokens"][0]["token"] == "…" + sandbox.personal_token[-4:]
    assert not token_file.exists()
    shown = cli("token", env=env)
    assert shown.code == 0 and "personal" in shown.out
    assert sandbox.personal_token not in result.out + shown.out


def test_a_revoked_personal_token_is_one_line(cli: Runner, sandbox: Any) -> None:
    sandbox.revoke_all()
    env = {"MOODHOOD_BASE_URL": sandbox.base_url, "MOODHOOD_TOKEN": sandbox.personal_token}
    result = cli("spaces", "list", env=env)
    assert result.code == 1
    line = _one_error_line(result)
    assert line.startswith("moodhood: error: HTTP 401")
    assert sandbox.personal_token not in line


def test_help_never_shows_the_values_of_secret_variables(cli: Runner) -> None:
    values = {
        "MOODHOOD_PASSWORD": "pw-value-that-must-not-show",
        "MOODHOOD_CLIENT_SECRET": "secret-value-that-must-not-show",
        "MOODHOOD_TOKEN": "token-value-that-must-not-show",
        "MOODHOOD_WEBHOOK_SECRET": "webhook-value-that-must-not-show",
    }
    for args in (("spaces", "list", "--help"), ("webhook", "verify", "--help"), ("demo", "--help")):
        result = cli(*args, env=values)
        assert result.code == 0
        for value in values.values():
            assert value not in result.out
