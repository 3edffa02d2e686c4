"""Start-up costs: the SDK's import and the ``moodhood`` command against ``import httpx``; regeneration.

``import moodhood`` alone loads nothing (the public names load on first use, so the command line starts
without httpx); the SDK import row therefore times ``from moodhood import Moodhood``, which loads what an
eager ``import moodhood`` used to.

The command rows time whole processes (interpreter start included), side by side and alternating:
``python -c "import httpx"``, ``moodhood --help`` and ``moodhood token`` (a saved profile with stored
tokens, in a temporary HOME), stdout piped as in a script.

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

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench_common import Row, median

__all__ = ["LAZY_MODULES", "bench_cli", "bench_imports", "bench_regenerate"]

_SECTION_IMPORT = "4 import time (fresh interpreters)"
_SECTION_REGEN = "5 regeneration of generated/"
_SDK = "moodhood import Moodhood"  # `from moodhood import Moodhood`: what an eager `import moodhood` loaded
REPO = Path(__file__).resolve().parent.parent

LAZY_MODULES = ("asyncio", "moodhood.sandbox", "moodhood.cli", "moodhood_api.models", "anyio", "typer")
"""Modules ``import moodhood`` should leave to first use (unless ``import httpx`` loads them anyway)."""

_TIMER = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
_LOADED = "import json, sys; {statement}; print(json.dumps([m for m in {mods!r} if m in sys.modules]))"


def _statement(module: str) -> str:
    return f"from {module}" if module == _SDK else f"import {module}"


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
        [sys.executable, "-c", _TIMER.format(statement=_statement(module))],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip())


def _loaded_after_import(module: str, env: dict[str, str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _LOADED.format(statement=_statement(module), mods=LAZY_MODULES)],
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
        for module in ("httpx", _SDK):
            _time_import(module, env)
        times: dict[str, list[float]] = {"httpx": [], _SDK: []}
        for _ in range(rounds):
            for module in times:
                times[module].append(_time_import(module, env) * 1000)
        # a module that httpx itself loads in this environment is not moodhood's doing
        loaded = sorted(set(_loaded_after_import(_SDK, env)) - set(_loaded_after_import("httpx", env)))
    cold_env = _env(None)
    cold = median([_time_import(_SDK, cold_env) * 1000 for _ in range(max(rounds // 3, 1))])
    httpx_ms, moodhood_ms = median(times["httpx"]), median(times[_SDK])
    added = moodhood_ms - httpx_ms
    return [
        Row(_SECTION_IMPORT, "import httpx", f"{httpx_ms:.1f} ms"),
        Row(
            _SECTION_IMPORT,
            "from moodhood import Moodhood (includes httpx)",
            f"{moodhood_ms:.1f} ms",
            f"httpx {httpx_ms:.1f} ms",
            f"{added:+.1f} ms",
            f"<= +{limit_ms:.0f} ms",
            added <= limit_ms,
        ),
        Row(
            _SECTION_IMPORT,
            "from moodhood import Moodhood, PYTHONDONTWRITEBYTECODE=1 (moodhood compiled at each import)",
            f"{cold:.1f} ms",
            f"httpx {httpx_ms:.1f} ms",
            f"{cold - httpx_ms:+.1f} ms",
        ),
        Row(
            _SECTION_IMPORT,
            "loaded by from moodhood import Moodhood: " + ", ".join(LAZY_MODULES),
            ", ".join(loaded) if loaded else "none",
            target="none",
            met=not loaded,
        ),
    ]


def _profile_home(home: Path) -> dict[str, str]:
    """A HOME with a saved profile and stored tokens, so ``moodhood token`` shows them (no request)."""
    setup = (
        "import time\n"
        "from moodhood._store import FileTokenStore, StoredToken, TokenKey, TokenRecord\n"
        "from moodhood.cli._profiles import Profile, save_profile\n"
        "p = Profile('default', 'https://api.bench.invalid/v1', 'bench-client', 'bench@example.com')\n"
        "save_profile(p)\n"
        "t = time.time()\n"
        "s = FileTokenStore(p.token_path)\n"
        "s.save(TokenKey(p.base_url, p.client_id), TokenRecord(StoredToken('c' * 40, t + 3600, 7200)))\n"
        "s.save(TokenKey(p.base_url, p.client_id, p.username),\n"
        "       TokenRecord(StoredToken('u' * 40, t + 3600, 7200), StoredToken('r' * 40, t + 9e5, 1e6)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOODHOOD_")}
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    subprocess.run([sys.executable, "-c", setup], cwd=REPO, env=env, check=True)
    return env


def _command(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def _command_on_terminal(argv: list[str], env: dict[str, str]) -> float:
    """Like ``_command``, with stdin/stdout/stderr on a pseudo-terminal (what a person at a shell sees)."""
    import pty

    leader, follower = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=REPO, env=env | {"TERM": "xterm"}, stdin=follower, stdout=follower, stderr=follower
    )
    os.close(follower)
    with contextlib.suppress(OSError):  # EIO once the child has closed the terminal
        while os.read(leader, 65536):
            pass
    process.wait()
    elapsed = (time.perf_counter() - start) * 1000
    os.close(leader)
    return elapsed


def bench_cli(rounds: int, target: float = 1.3) -> list[Row]:
    """Median wall time of whole processes: ``moodhood --help`` and ``moodhood token`` against httpx."""
    script = Path(sys.executable).with_name("moodhood")
    moodhood = [str(script)] if script.exists() else [sys.executable, "-m", "moodhood"]
    with tempfile.TemporaryDirectory(prefix="moodhood-bench-home-") as home:
        env = _profile_home(Path(home))
        variants = {
            'python -c "import httpx"': [sys.executable, "-c", "import httpx"],
            "moodhood --help (whole process, stdout piped)": [*moodhood, "--help"],
            "moodhood token (saved profile) (whole process, stdout piped)": [*moodhood, "token"],
        }
        on_terminal = {"moodhood --help (whole process, on a pseudo-terminal)": [*moodhood, "--help"]}
        if sys.platform == "win32":  # pragma: no cover - no pty
            on_terminal = {}
        for argv in variants.values():  # fill the bytecode caches
            _command(argv, env)
        times: dict[str, list[float]] = {name: [] for name in (*variants, *on_terminal)}
        for _ in range(rounds):
            for name, argv in variants.items():
                times[name].append(_command(argv, env))
            for name, argv in on_terminal.items():
                times[name].append(_command_on_terminal(argv, env))
    base_name = 'python -c "import httpx"'
    base = median(times[base_name])
    rows = [Row(_SECTION_IMPORT, f"{base_name} (whole process)", f"{base:.1f} ms")]
    for name in [*list(variants)[1:], *on_terminal]:
        value = median(times[name])
        rows.append(
            Row(
                _SECTION_IMPORT,
                name,
                f"{value:.1f} ms",
                f"httpx {base:.1f} ms",
                f"{value / base:.2f}x",
                f"<= {target:.2f}x",
                value / base <= target,
            )
        )
    return rows


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
