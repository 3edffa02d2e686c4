"""The resources' types are proven under both checkers, not claimed.

``typing/resources_ok.py`` (every resource method, correct calls, return types pinned with ``assert_type``)
must give 0 errors under ``mypy --strict`` and ``pyright`` in strict mode; in ``typing/resources_wrong.py``
every line marked ``# wrong`` must be reported by each checker, and no other line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

HERE = Path(__file__).parent / "typing"
OK, WRONG = HERE / "resources_ok.py", HERE / "resources_wrong.py"


def _wrong_lines() -> set[int]:
    lines = WRONG.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, 1) if re.search(r"#\s*wrong\b", line)}


def _mypy(path: Path) -> dict[int, list[str]]:
    stdout, stderr, _ = mypy_api.run(["--strict", "--no-error-summary", "--show-error-codes", str(path)])
    found: dict[int, list[str]] = {}
    for line in (stdout + stderr).splitlines():
        match = re.match(rf"(?:.*[/\\])?{re.escape(path.name)}:(\d+): error: (.*)", line)
        if match:
            found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def _pyright(path: Path) -> dict[int, list[str]]:
    exe = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("pyright is not installed: pip install -e '.[dev]'")
    done = subprocess.run(
        [exe, "--outputjson", "--pythonpath", sys.executable, str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(done.stdout)
    found: dict[int, list[str]] = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1
            found.setdefault(line, []).append(diagnostic["message"].splitlines()[0])
    return found


CHECKERS = {"mypy": _mypy, "pyright": _pyright}


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_correct_calls_have_no_errors(checker: str) -> None:
    assert "# pyright: strict" in OK.read_text(encoding="utf-8")
    assert CHECKERS[checker](OK) == {}


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_every_wrong_call_is_reported(checker: str) -> None:
    assert "# pyright: strict" in WRONG.read_text(encoding="utf-8")
    wanted = _wrong_lines()
    assert len(wanted) >= 13
    found = CHECKERS[checker](WRONG)
    missed = sorted(wanted - found.keys())
    extra = {line: found[line] for line in sorted(found.keys() - wanted)}
    assert not missed, f"{checker} did not report lines {missed}"
    assert not extra, f"{checker} reported unmarked lines: {extra}"
