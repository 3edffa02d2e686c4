"""mypy --strict sees the success model as call()'s return type (tests/client/typing/call_types.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

CHECKED = Path(__file__).parent / "typing" / "call_types.py"


def test_call_return_types_under_mypy_strict() -> None:
    stdout, stderr, status = api.run(["--strict", "--no-error-summary", "--show-error-codes", str(CHECKED)])
    assert status == 0, stdout + stderr
    assert stdout == ""
