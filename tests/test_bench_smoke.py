"""Smoke tests of ``scripts/bench.py``: it runs in its ``--quick`` mode and prints the table.

Nothing here is timed: the numbers a quick run prints are not measurements, so only their presence and
shape are checked. The token counts are exact, though, so those are checked too.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "scripts" / "bench.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), *args], cwd=REPO, capture_output=True, text=True, timeout=240
    )


def _table(stdout: str) -> list[list[str]]:
    rows = [line for line in stdout.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows]


@pytest.mark.timeout(300)  # seven sections, one of which generates a package; the machine may be busy
def test_quick_run_prints_every_section_as_one_table() -> None:
    done = _run("--quick")
    assert done.returncode == 0, done.stderr
    table = _table(done.stdout)
    assert table[0] == ["Section", "Measure", "Result", "Baseline", "Ratio", "Target", "Met"]
    body = table[1:]
    assert all(len(row) == 7 for row in body)
    sections = {row[0].split(" ", 1)[0] for row in body}
    assert sections == {"1", "2", "3", "4", "5", "6", "7"}
    results = {row[1]: row for row in body}
    for name in ("raw httpx (static header, .json())", "Moodhood.call, personal token"):
        assert re.fullmatch(r"[\d.]+ µs/call", results[name][2])
    assert re.fullmatch(r"[\d,]+ req/s", results["sync, sequential: moodhood"][2])
    assert re.fullmatch(r"[\d.]+x", results["async, 64 tasks: moodhood"][4])
    # token requests are counted, not timed: these are exact even in a quick run
    assert results["token requests inside the timed loops"][2] == "0"
    for name in ("GET room: mh.rooms.get vs call", "async GET room: amh.rooms.get vs call"):
        assert re.fullmatch(r"[\d.]+x", results[name][4]) and results[name][5] == "<= 1.05x"
    assert results["user mode, per 1,000 API calls"][2] == "2"
    assert results["personal token, per 1,000 API calls"][2] == "0"
    assert results["100 threads crossing expiry"][6] == "yes"
    assert results["100 asyncio tasks crossing expiry"][6] == "yes"
    assert re.fullmatch(r"[+-][\d.]+ ms", results["import moodhood (includes httpx)"][4])
    assert results["regenerate.py --check (generate to a temp dir, compare)"][2].endswith(" s")
    parse = results["parse full room: json.loads + Room.from_dict vs json.loads"]
    assert re.fullmatch(r"[\d.]+ µs", parse[2]) and re.fullmatch(r"[\d.]+x", parse[4])
    assert parse[5] == "<= 2.50x (goal 2x)" and parse[6] in {"yes", "**NO**"}
    before = results["parse full room: json.loads + Room.from_dict, stock template (before)"]
    assert re.fullmatch(r"[\d.]+x", before[4])
    # the 20 MB webhook is refused by its size alone: nothing is allocated, so this is exact too
    assert results["reject 20 MB of floats, bad signature (extra memory)"][2] == "0.00 MB"
    assert "Machine: " in done.stdout and "httpx " in done.stdout


def test_markdown_out_replaces_only_the_marked_block(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Title\n\nbefore\n<!-- bench:begin -->\nold table\n<!-- bench:end -->\nafter\n")
    done = _run("--quick", "--only", "import", "--markdown-out", str(doc))
    assert done.returncode == 0, done.stderr
    text = doc.read_text()
    assert text.startswith("# Title\n\nbefore\n<!-- bench:begin -->\n| Section |")
    assert text.endswith("<!-- bench:end -->\nafter\n")
    assert "old table" not in text
    assert "import moodhood (includes httpx)" in text and "Machine: " in text


def test_unknown_section_is_a_usage_error() -> None:
    done = _run("--only", "mock,nope")
    assert done.returncode == 2
    assert "unknown section(s) nope" in done.stderr
