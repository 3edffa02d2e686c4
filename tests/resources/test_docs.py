"""docs/resources.md stays true: its before/after scripts both run against the sandbox, with the counts it
states (import statements and lines)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import SandboxHandle

DOC = (Path(__file__).resolve().parents[2] / "docs" / "resources.md").read_text(encoding="utf-8")


def _scripts() -> tuple[str, str]:
    section = DOC.split("## Before and after", 1)[1]
    before, after = re.findall(r"```python\n(.*?)```", section, re.S)
    return before, after


@pytest.mark.parametrize("which", ["before", "after"])
def test_both_scripts_run_against_the_sandbox(
    which: str, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MOODHOOD_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("MOODHOOD_TOKEN", sandbox.personal_token)
    code = dict(zip(["before", "after"], _scripts(), strict=True))[which]
    exec(compile(code, f"docs/resources.md#{which}", "exec"), {"__name__": "doc"})
    alias, invite_id, access_url, guest_url, hook_url = capsys.readouterr().out.split()
    assert re.fullmatch(r"[A-Za-z0-9_-]{10}", alias) and re.fullmatch(r"[0-9a-f]{24}", invite_id)
    assert alias in access_url and alias in guest_url and hook_url == "https://example.com/hook"


def test_the_stated_counts() -> None:
    before, after = _scripts()
    counts = []
    for code in (before, after):
        tree = ast.parse(code)
        imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        import_lines = sum(n.end_lineno - n.lineno + 1 for n in imports if n.end_lineno)
        counts.append((len(imports), import_lines, len(code.rstrip("\n").splitlines())))
    assert counts == [(7, 17, 37), (1, 1, 10)]
    assert "7 import statements (17 lines of imports), 37 lines." in DOC
    assert "1 import, 10 lines." in DOC
