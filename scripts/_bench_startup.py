"""Start-up costs: ``import moodhood`` against ``import httpx``, and regenerating ``generated/``.

Each import is timed inside a fresh interpreter (``perf_counter`` around the ``import`` statement, so
interpreter start-up is left out), alternating httpx and moodhood, after one unmeasured run of each that
refreshes the bytecode caches. The regeneration runs ``scripts/regenerate.py --check``, which generates
into a temporary directory and compares; it writes nothing in the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from _bench_common import Row, median

__all__ = ["LAZY_MODULES", "bench_imports", "bench_regenerate"]

_SECTION_IMPORT = "4 import time (fresh interpreters)"
_SECTION_REGEN = "5 regeneration of generated/"
REPO = Path(__file__).resolve().parent.parent

LAZY_MODULES = ("asyncio", "moodhood.sandbox", "moodhood.cli", "moodhood_api.models", "anyio", "typer")
"""Modules ``import moodhood`` should leave to first use (unless ``import httpx`` loads them anyway)."""

_TIMER = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
_LOADED = "import json, sys; import {module}; print(json.dumps([m for m in {mods!r} if m in sys.modules]))"


def _time_import(module: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(module=module)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip())


def _loaded_after_import(module: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _LOADED.format(module=module, mods=LAZY_MODULES)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def bench_imports(rounds: int, limit_ms: float = 40.0) -> list[Row]:
    """Median import times over ``rounds`` fresh interpreters each; the target is what moodhood adds."""
    for module in ("httpx", "moodhood"):
        _time_import(module)
    times: dict[str, list[float]] = {"httpx": [], "moodhood": []}
    for _ in range(rounds):
        for module in times:
            times[module].append(_time_import(module) * 1000)
    httpx_ms, moodhood_ms = median(times["httpx"]), median(times["moodhood"])
    added = moodhood_ms - httpx_ms
    # a module that httpx itself loads in this environment is not moodhood's doing
    loaded = sorted(set(_loaded_after_import("moodhood")) - set(_loaded_after_import("httpx")))
    return [
        Row(_SECTION_IMPORT, "import httpx", f"{httpx_ms:.1f} ms"),
        Row(
            _SECTION_IMPORT,
            "import moodhood (includes httpx)",
            f"{moodhood_ms:.1f} ms",
            f"httpx {httpx_ms:.1f} ms",
            f"{added:+.1f} ms",
            f"<= +{limit_ms:.0f} ms",
            added <= limit_ms,
        ),
        Row(
            _SECTION_IMPORT,
            "loaded by import moodhood: " + ", ".join(LAZY_MODULES),
            ", ".join(loaded) if loaded else "none",
            target="none",
            met=not loaded,
        ),
    ]


def bench_regenerate(rounds: int) -> list[Row]:
    """Median wall time of ``scripts/regenerate.py --check`` (generation into a temporary directory)."""
    times: list[float] = []
    status = ""
    for _ in range(rounds):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "regenerate.py"), "--check"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        if done.returncode == 2:
            raise RuntimeError(f"regenerate.py --check failed: {done.stderr.strip()}")
        status = "in sync" if done.returncode == 0 else "OUT OF DATE"
    return [
        Row(
            _SECTION_REGEN,
            "regenerate.py --check (generate to a temp dir, compare)",
            f"{median(times):.2f} s",
            ratio=f"generated/ {status}",
        )
    ]
