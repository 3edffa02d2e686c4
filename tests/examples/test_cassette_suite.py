"""examples/webapp/tests (a company's cassette suite) replays offline with no credentials, and re-records
against the sandbox into cassettes that lint clean and replay again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from moodhood.sandbox import SandboxServer
from moodhood.testing import lint_cassettes
from tests.examples.conftest import WEBAPP

ROOT = WEBAPP.parents[1]


def _pytest(tests: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MOODHOOD_", "PYTEST_"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", str(tests), "-q", "-p", "no:randomly", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_example_suite_replays_offline_without_credentials() -> None:
    result = _pytest(WEBAPP / "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_the_example_suite_records_against_the_sandbox_and_replays(
    tmp_path: Path, web_sandbox: SandboxServer, sandbox_env: dict[str, str]
) -> None:
    app = tmp_path / "webapp"
    shutil.copytree(WEBAPP, app, ignore=shutil.ignore_patterns("cassettes", "__pycache__"))
    recorded = _pytest(app / "tests", "--record-mode=once", env=sandbox_env)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    cassettes = sorted((app / "tests" / "cassettes").rglob("*.yaml"))
    assert [c.name for c in cassettes] == sorted(
        c.name for c in (WEBAPP / "tests" / "cassettes").rglob("*.yaml")
    )
    assert lint_cassettes(cassettes) == []
    text = "".join(c.read_text(encoding="utf-8") for c in cassettes)
    assert web_sandbox.config.client_secret not in text and web_sandbox.config.users[0][1] not in text
    replayed = _pytest(app / "tests")  # no MOODHOOD_* at all, and nothing listening is needed
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
