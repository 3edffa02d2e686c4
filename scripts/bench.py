#!/usr/bin/env python
"""Benchmark the SDK against raw httpx in one run and print a markdown table (see docs/benchmarks.md).

    python scripts/bench.py                        the full run (about a minute on 2 cores)
    python scripts/bench.py --quick                a few rounds of everything (the smoke test uses it)
    python scripts/bench.py --rounds 9             more rounds per measurement (medians over rounds)
    python scripts/bench.py --only mock,webhooks   some sections (see SECTIONS)
    python scripts/bench.py --markdown-out docs/benchmarks.md

Sections: (1) client-side cost per call on ``httpx.MockTransport`` against raw httpx and the bare generated
client, and the typed resources (``mh.rooms.get``) against ``call`` and raw httpx with a full room;
(2) requests per second against a sandbox process on loopback, sync and 64 asyncio tasks;
(3) token requests counted at the transport; (4) ``import moodhood`` against ``import httpx``;
(5) regeneration time of ``generated/``; (6) ``json.loads`` + ``Room.from_dict`` of a full room against
``json.loads``, with the generator's stock model template (before) and ours (after), and per call;
(7) webhook verification of hostile payloads (time, memory). Every comparison is made within the same run;
a missed target is marked **NO** in the table (the exit code stays 0: timings are not pass/fail).
``--markdown-out`` replaces the text between ``<!-- bench:begin -->`` and ``<!-- bench:end -->`` in the
file (or writes the file when it has no such markers).
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # leave no scripts/__pycache__ behind

import argparse  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import httpx  # noqa: E402
from _bench_common import Row  # noqa: E402

__all__ = ["main", "render"]

SECTIONS = ("mock", "resources", "loopback", "tokens", "import", "regen", "models", "webhooks")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench.py", description="Benchmark moodhood against raw httpx.")
    parser.add_argument(
        "--quick", action="store_true", help="few rounds and calls (a smoke run, not a measurement)"
    )
    parser.add_argument(
        "--rounds", type=int, default=None, help="rounds per measurement (default 7, quick 2)"
    )
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated sections (default: {','.join(SECTIONS)})"
    )
    parser.add_argument(
        "--markdown-out", type=Path, help="write the table and machine details into this file"
    )
    return parser


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """One line describing where the numbers were taken."""
    return (
        f"{_cpu_model()}, {os.cpu_count()} logical cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); httpx {httpx.__version__}"
    )


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # pragma: no cover - not on every platform
        return "n/a"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(rows: Sequence[Row]) -> str:
    """The rows as one markdown table."""
    lines = [
        "| Section | Measure | Result | Baseline | Ratio | Target | Met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "**NO**")
        cells = (row.section, row.what, row.value, row.baseline, row.ratio, row.target, met)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def _write_markdown(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = f"{head}{BEGIN}\n{block}\n{END}{tail}"
    else:
        text = f"# Benchmarks\n\n{BEGIN}\n{block}\n{END}\n"
    path.write_text(text, encoding="utf-8")


def _plan(quick: bool, rounds: int) -> dict[str, Callable[[], list[Row]]]:
    from _bench_client import bench_loopback, bench_mock, bench_resources
    from _bench_models import bench_models
    from _bench_startup import bench_imports, bench_regenerate
    from _bench_tokens import bench_tokens
    from _bench_webhooks import bench_webhooks

    return {
        "mock": lambda: bench_mock(rounds, 200 if quick else 1000),
        "resources": lambda: bench_resources(rounds, 100 if quick else 1000),
        "loopback": lambda: bench_loopback(max(rounds // 3, 1), 64 if quick else 640),
        "tokens": lambda: bench_tokens(1 if quick else 3),
        "import": lambda: bench_imports(3 if quick else rounds),
        "regen": lambda: bench_regenerate(1 if quick else 3),
        "models": lambda: bench_models(rounds, 200 if quick else 2000, 100 if quick else 1000),
        "webhooks": lambda: bench_webhooks(2 if quick else 9),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections and print the table."""
    args = _parser().parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        _parser().error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    rounds = args.rounds if args.rounds is not None else (2 if args.quick else 15)
    if rounds < 1:
        _parser().error("--rounds must be at least 1")
    plan = _plan(args.quick, rounds)
    load_before = _load()
    rows: list[Row] = []
    started = time.perf_counter()
    for section in SECTIONS:
        if section in only:
            section_start = time.perf_counter()
            rows += plan[section]()
            print(f"bench: {section} done in {time.perf_counter() - section_start:.1f} s", file=sys.stderr)
    took = time.perf_counter() - started
    mode = "quick smoke run" if args.quick else f"{rounds} rounds"
    block = (
        f"{render(rows)}\n\nMachine: {machine()}.\nRun: {mode}, {took:.0f} s in all; load average "
        f"{load_before} before, {_load()} after (other work on the machine shifts absolute numbers; ratios "
        "compare variants timed side by side)."
    )
    print(block)
    if args.markdown_out is not None:
        _write_markdown(args.markdown_out, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
