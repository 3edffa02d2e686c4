"""examples/sync_quickstart.py and examples/async_rooms.py run against the sandbox as documented."""

from __future__ import annotations

import re
import runpy

import pytest

from tests.examples.conftest import EXAMPLES


def test_sync_quickstart(sandbox_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "sync_quickstart.py"), run_name="__main__")
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"space [0-9a-f]{24}", lines[0])
    assert re.fullmatch(r"room [0-9a-f]{24} alias [A-Za-z0-9_-]{10}", lines[1])
    assert lines[2] == "rooms in the space: 1"
    alias = lines[1].rsplit(" ", 1)[1]
    base = sandbox_env["MOODHOOD_BASE_URL"].removesuffix("/v1")
    # str(link) masks the token down to its last 4 characters
    assert re.fullmatch(
        rf"link for Ann: {re.escape(base)}/room/{alias}\?participantName=Ann&accessToken=….{{4}}", lines[3]
    )
    assert re.fullmatch(r"iframe: \d+ characters of HTML", lines[4])
    assert lines[5] == "deleted: 404"


def test_async_rooms(sandbox_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "async_rooms.py"), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "created 5 rooms: Friday class, Monday class, Thursday class, Tuesday class, Wednesday class",
        "listed 5 rooms with 5 distinct aliases",
    ]
