"""``moodhood demo``: the documented flow end to end, on the embedded sandbox or a given server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest

from moodhood.sandbox import DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_PERSONAL_TOKEN
from tests.cli.conftest import ENV_VARS, Runner

STEP_OPERATIONS = [
    "getAccessToken",
    "getAccessToken",
    "getMe",
    "createSpace",
    "createRoom",
    "roomGenerateAccess",
    "CreateWebHook",
    "getAccessToken",
    "createParticipant",
    "joinRoom",
    "analyticsCalls",
    "DeleteWebHook",
    "deleteRoom",
]


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env["COLUMNS"] = "200"
    env["NO_COLOR"] = "1"
    return env


def test_demo_runs_end_to_end_in_a_real_process_and_prints_no_secret() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "moodhood", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(),
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "embedded sandbox at http://127.0.0.1:" in out
    operations = re.findall(r"^\s{3}(\w+)\s+(?:GET|POST|PUT|DELETE)\s+(\d{3})\s+[\d.]+ ms", out, re.MULTILINE)
    assert [op for op, _ in operations] == STEP_OPERATIONS
    assert all(200 <= int(status) < 300 for _, status in operations)
    assert "signed in as demo@example.com" in out
    assert "client token …" in out and "user token …" in out and "aud user" in out
    assert re.search(r"accessToken=…[\w-]{4}", out)  # the room link, token masked
    assert "<iframe src=" in out
    assert "webhook received: call_started" in out and "signature verified" in out
    assert re.search(r"done in [\d.]+ s: 13 HTTP requests in 9 steps", out)
    everything = out + proc.stderr
    assert "eyJ" not in everything  # no JWT, whole or in part
    for secret in (DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_PERSONAL_TOKEN):
        assert secret not in everything
    assert proc.stderr == ""


def test_demo_json_lists_every_step(cli: Runner) -> None:
    result = cli("demo", "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert report["ok"] is True and report["sandbox"] is True
    assert [s["step"] for s in report["steps"]] == list(range(1, 10))
    calls = [c for s in report["steps"] for c in s["calls"]]
    assert [c["operation"] for c in calls] == STEP_OPERATIONS
    webhook_step = report["steps"][6]
    assert any("call_started" in note and "verified" in note for note in webhook_step["notes"])
    assert "eyJ" not in result.out


def _remote_env(sandbox: Any) -> dict[str, str]:
    return {
        "MOODHOOD_CLIENT_ID": sandbox.client_id,
        "MOODHOOD_CLIENT_SECRET": sandbox.client_secret,
        "MOODHOOD_USERNAME": sandbox.username,
        "MOODHOOD_PASSWORD": sandbox.password,
    }


def _leftovers(cli: Runner, sandbox: Any) -> tuple[list[Any], int]:
    env = {**_remote_env(sandbox), "MOODHOOD_BASE_URL": sandbox.base_url}
    spaces = cli("spaces", "list", "--json", env=env).json()
    assert len(spaces) == 1
    rooms = cli("rooms", "list", spaces[0]["id"], "--json", env=env).json()
    webhook = cli("webhook", "get", spaces[0]["id"], env=env)
    return rooms, webhook.code


def test_demo_against_a_given_server_cleans_up(cli: Runner, sandbox: Any) -> None:
    result = cli("demo", "--base-url", sandbox.base_url, env=_remote_env(sandbox))
    assert result.code == 0, result.err
    assert "against a real server" in result.out
    assert "webhook received: call_started" in result.out
    rooms, webhook_code = _leftovers(cli, sandbox)
    assert rooms == []
    assert webhook_code == 1  # 404: the demo removed its webhook


def test_demo_cleans_up_when_a_step_fails(cli: Runner, sandbox: Any) -> None:
    sandbox.fault("/v1/spaces/*/rooms/*/join", method="POST", status=500, count=5)
    result = cli("demo", "--base-url", sandbox.base_url, env=_remote_env(sandbox))
    assert result.code == 1
    assert result.err_lines == [
        line for line in result.err_lines if line.startswith("moodhood: error: HTTP 500")
    ]
    assert len(result.err_lines) == 1
    assert "FAILED" in result.out
    assert "DeleteWebHook" in result.out and "deleteRoom" in result.out
    rooms, webhook_code = _leftovers(cli, sandbox)
    assert rooms == []
    assert webhook_code == 1


def test_demo_says_so_when_the_server_link_is_not_a_room_url(
    cli: Runner, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server whose generate-access url breaks the spec (format: uri, a room link) gets one clear line."""
    from moodhood.sandbox import _access

    monkeypatch.setattr(_access, "room_link_base", lambda request: "ftp://files.example")
    result = cli("demo", "--base-url", sandbox.base_url, env=_remote_env(sandbox))
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "the server's generate-access url is not a room link" in result.err_lines[0]
    assert "unexpected" not in result.err


def test_demo_against_a_given_server_needs_credentials(cli: Runner, sandbox: Any) -> None:
    result = cli("demo", "--base-url", sandbox.base_url)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "MOODHOOD_CLIENT_ID" in result.err


def test_the_base_url_variable_alone_does_not_leave_the_sandbox(cli: Runner) -> None:
    result = cli("demo", "--json", env={"MOODHOOD_BASE_URL": "http://127.0.0.1:9/v1"})
    assert result.code == 0, result.err
    assert result.json()["sandbox"] is True


def test_demo_on_a_personal_token_makes_no_token_requests(cli: Runner, sandbox: Any) -> None:
    env = {"MOODHOOD_TOKEN": sandbox.personal_token}
    result = cli("demo", "--base-url", sandbox.base_url, "--json", env=env)
    assert result.code == 0, result.err
    report = result.json()
    assert report["steps"][0]["title"] == "Check the personal token"
    operations = [c["operation"] for s in report["steps"] for c in s["calls"]]
    assert "getAccessToken" not in operations
    assert operations[0] == "getMe" and operations[-1] == "deleteRoom"
    assert sandbox.personal_token not in result.out


def test_demo_without_the_sandbox_extra_explains_itself(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the 'sandbox' extra were not installed
    result = cli("demo")
    assert result.code == 2
    assert result.err_lines == [
        "moodhood: error: the embedded sandbox needs the 'sandbox' extra (uvicorn is missing): "
        "pip install 'moodhood[sandbox]', or pass --base-url to use a real server"
    ]


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--receiver-port", "99999"], "--receiver-port"),
        (["--receiver-port", "-1"], "--receiver-port"),
        (["--wait", "-1"], "--wait"),
    ],
)
def test_demo_out_of_range_options_are_usage_errors(cli: Runner, args: list[str], option: str) -> None:
    result = cli("demo", *args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err_lines) == 1 and option in result.err_lines[0]
    assert "unexpected" not in result.err


@pytest.mark.parametrize("command", [["demo"], ["demo", "--json"], ["sandbox", "--help"]])
def test_a_console_that_cannot_show_unicode_gets_replacements_not_an_error(command: list[str]) -> None:
    """'…' in masks, '·' and table rules: an ASCII (or cp1252) stdout must not make a command fail."""
    env = {**_clean_env(), "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [sys.executable, "-m", "moodhood", *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "UnicodeEncodeError" not in proc.stderr
    assert proc.stdout.isascii()
