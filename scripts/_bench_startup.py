"""Start-up costs: ``import moodhood`` against ``import httpx``, and regenerating ``generated/``.

Each import is timed inside a fresh interpreter (``perf_counter`` around the ``import`` statement, so
interpreter start-up is left out), alternating httpx and moodhood, after one unmeasured run of each that
fills the bytecode caches. The caches live in a temporary ``PYTHONPYCACHEPREFIX`` (nothing is written in the
checkout) and are used for httpx and moodhood alike, as after a ``pip install``. One more row times
moodhood as this development venv runs it, with ``PYTHONDONTWRITEBYTECODE=1`` on an editable checkout:
every moodhood module compiled at each import, httpx read from the caches pip wrote.

The regeneration runs ``scripts/regenerate.py --check``, which generates into a temporary directory and
compares; it writes nothing in the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
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


def _env(pycache: str | None) -> dict[str, str]:
    """The environment with bytecode caching under ``pycache``, or with no bytecode cache (``None``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # site-packages keeps the caches pip wrote at install time
    else:
        env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def _time_import(module: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(module=module)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip())


def _loaded_after_import(module: str, env: dict[str, str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _LOADED.format(module=module, mods=LAZY_MODULES)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def bench_imports(rounds: int, limit_ms: float = 40.0) -> list[Row]:
    """Median import times over ``rounds`` fresh interpreters each; the target is what moodhood adds."""
    with tempfile.TemporaryDirectory(prefix="moodhood-bench-pycache-") as pycache:
        env = _env(pycache)
        for module in ("httpx", "moodhood"):
            _time_import(module, env)
        times: dict[str, list[float]] = {"httpx": [], "moodhood": []}
        for _ in range(rounds):
            for module in times:
                times[module].append(_time_import(module, env) * 1000)
        # a module that httpx itself loads in this environment is not moodhood's doing
        loaded = sorted(set(_loaded_after_import("moodhood", env)) - set(_loaded_after_import("httpx", env)))
    cold_env = _env(None)
    cold = median([_time_import("moodhood", cold_env) * 1000 for _ in range(max(rounds // 3, 1))])
    httpx_ms, moodhood_ms = median(times["httpx"]), median(times["moodhood"])
    added = moodhood_ms - httpx_ms
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
            "import moodhood, PYTHONDONTWRITEBYTECODE=1 (moodhood compiled at each import)",
            f"{cold:.1f} ms",
            f"httpx {httpx_ms:.1f} ms",
            f"{cold - httpx_ms:+.1f} ms",
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
