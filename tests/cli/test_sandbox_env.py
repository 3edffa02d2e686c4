"""``moodhood sandbox`` prints ``export MOODHOOD_...=`` lines (and ``--env-file``, mode 0600): one copy-paste
and ``moodhood login`` works against it."""

from __future__ import annotations

import os
import shlex
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from moodhood.sandbox import DEMO_CLIENT_SECRET, DEMO_PERSONAL_TOKEN
from tests.cli.conftest import Runner


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def _sandbox(started: list[subprocess.Popen[str]], *args: str) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "moodhood", "sandbox", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    started.append(process)
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl-C"):
            return lines
    pytest.fail(f"no banner: {lines} {process.stderr.read() if process.stderr else ''}")


def _exports(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        if line.startswith("export "):
            name, _, value = line.removeprefix("export ").partition("=")
            found[name] = shlex.split(value)[0]
    return found


def test_export_lines_log_you_in(cli: Runner, started: list[subprocess.Popen[str]], tmp_path: Path) -> None:
    env_file = tmp_path / "sandbox.env"
    lines = _sandbox(started, "--env-file", str(env_file))
    exports = _exports(lines)
    assert sorted(exports) == [
        "MOODHOOD_BASE_URL",
        "MOODHOOD_CLIENT_ID",
        "MOODHOOD_CLIENT_SECRET",
        "MOODHOOD_PASSWORD",
        "MOODHOOD_USERNAME",
    ]
    assert exports["MOODHOOD_CLIENT_SECRET"] == DEMO_CLIENT_SECRET  # public demo values, in full
    assert any(f"export MOODHOOD_TOKEN={DEMO_PERSONAL_TOKEN}" in line for line in lines)
    assert stat.S_IMODE(os.stat(env_file).st_mode) == 0o600
    assert _exports(env_file.read_text().splitlines()) == exports

    login = cli("login", "--no-store-secret", env=exports)
    assert login.code == 0, login.err
    assert cli("spaces", "list").code == 0  # no credential in the environment any more


def test_typed_values_only_reach_the_env_file(started: list[subprocess.Popen[str]], tmp_path: Path) -> None:
    env_file = tmp_path / "sandbox.env"
    secret, password = "TypedClientSecret0123456789abcd", "ann-password-long"
    lines = _sandbox(
        started,
        "--client-secret",
        secret,
        "--user",
        f"ann@example.com:{password}",
        "--env-file",
        str(env_file),
    )
    banner = "\n".join(lines)
    assert secret not in banner and password not in banner
    assert "# MOODHOOD_CLIENT_SECRET: the value you gave" in banner
    written = _exports(env_file.read_text().splitlines())
    assert written["MOODHOOD_CLIENT_SECRET"] == secret and written["MOODHOOD_PASSWORD"] == password


def test_an_existing_env_file_is_kept_without_force(tmp_path: Path) -> None:
    env_file = tmp_path / "sandbox.env"
    env_file.write_text("mine\n")
    done = subprocess.run(
        [sys.executable, "-m", "moodhood", "sandbox", "--port", "0", "--env-file", str(env_file)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and f"{env_file} exists: pass --force" in done.stderr
    assert env_file.read_text() == "mine\n"
