"""Run the ``moodhood`` CLI in-process: ``cli("rooms", "list", ...)`` returns its exit code and output."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from moodhood.cli._app import main

ENV_VARS = (
    "MOODHOOD_BASE_URL",
    "MOODHOOD_CLIENT_ID",
    "MOODHOOD_CLIENT_SECRET",
    "MOODHOOD_USERNAME",
    "MOODHOOD_PASSWORD",
    "MOODHOOD_TOKEN",
    "MOODHOOD_TOKEN_FILE",
    "MOODHOOD_WEBHOOK_SECRET",
    "MOODHOOD_PROFILE",
    "NO_COLOR",
)


@dataclass
class Result:
    """What one CLI run left behind."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


Runner = Callable[..., Result]


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "tokens.json"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, token_file: Path) -> Runner:
    """A clean environment (no MOODHOOD_* variables, a temporary HOME, wide tables) and a runner."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    home = token_file.parent.parent / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("MOODHOOD_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Result:
        with monkeypatch.context() as patch:
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            if stdin is not None:
                patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
            capsys.readouterr()
            code = main(list(args))
            captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def env(sandbox: Any) -> dict[str, str]:
    """MOODHOOD_* variables for the sandbox's demo user."""
    return {
        "MOODHOOD_BASE_URL": sandbox.base_url,
        "MOODHOOD_CLIENT_ID": sandbox.client_id,
        "MOODHOOD_CLIENT_SECRET": sandbox.client_secret,
        "MOODHOOD_USERNAME": sandbox.username,
        "MOODHOOD_PASSWORD": sandbox.password,
    }
