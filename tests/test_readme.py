"""README.md stays true: its quickstart runs against the sandbox, and .ci/run uses its set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SandboxHandle

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_quickstart_runs_against_the_sandbox(
    sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (code,) = _blocks(_section("Quickstart"), "python")
    for name, value in {
        "MOODHOOD_BASE_URL": sandbox.base_url,
        "MOODHOOD_CLIENT_ID": sandbox.client_id,
        "MOODHOOD_CLIENT_SECRET": sandbox.client_secret,
        "MOODHOOD_USERNAME": sandbox.username,
        "MOODHOOD_PASSWORD": sandbox.password,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("MOODHOOD_TOKEN", raising=False)
    exec(compile(code, "README.md#quickstart", "exec"), {"__name__": "readme"})
    alias, not_found = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"[A-Za-z0-9_-]{10}", alias)
    assert not_found.startswith("404 ")


def test_ci_runs_the_readme_commands() -> None:
    demo, tests = _blocks(_section("Set up on a fresh machine"), "sh")
    install, test_command = tests.strip().rsplit(" && ", 1)
    assert demo.strip() == f"{install} && .venv/bin/moodhood demo"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    venv, pip = install.split(" && ")
    assert venv in ci
    assert pip.replace("pip install", "pip install --quiet --disable-pip-version-check") in ci
    assert re.search(rf"^{re.escape(test_command)}$", ci, re.M)
