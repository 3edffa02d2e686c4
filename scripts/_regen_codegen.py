"""Run the pinned generator and ruff into a scratch folder, compare trees, swap a tree into place.

What is generated: ``generated/moodhood_api`` (openapi-python-client, with the templates in
``openapi/templates/`` when that folder exists) and ``moodhood/_resources.py`` (``_regen_resources``), both
from ``openapi/moodhood.yaml`` with ``openapi/overlay.yaml`` applied. The output depends only on those files
and the pinned tool versions: both tools run as ``sys.executable -m ...`` (never from PATH), ruff runs
``--isolated`` with every setting on its command line, and ``PYTHONHASHSEED`` is fixed.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from _regen_common import RegenError, one_line

__all__ = [
    "PINNED",
    "TreeDiff",
    "check_toolchain",
    "diff_trees",
    "generate_package",
    "overlaid_spec",
    "render_resources_file",
    "snapshot",
    "swap_in",
    "write_spec",
]

PINNED = {"openapi-python-client": "0.29.1", "ruff": "0.17.5"}
PACKAGE_NAME = "moodhood_api"
_RUFF_SETTINGS = ["--isolated", "--no-cache", "--target-version", "py311", "--line-length", "120"]
_RUFF_PROJECT = ["--isolated", "--no-cache", "--target-version", "py311", "--line-length", "110"]
"""For ``moodhood/_resources.py``: the settings ``ruff format --check moodhood`` applies (pyproject.toml)."""
TEMPLATES = Path("openapi") / "templates"
_SKIP_DIRS = {"__pycache__"}


def check_toolchain() -> None:
    """Refuse to run unless the installed generator and ruff are exactly the pinned versions."""
    for dist, wanted in PINNED.items():
        try:
            found = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != wanted:
            raise RegenError(
                f"{dist} {found} found in {sys.executable}, but {wanted} is pinned; "
                "run pip install -e '.[dev]'"
            )


def _run(args: list[str], cwd: Path, what: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0:
        lines = [line for line in output.splitlines() if line.strip()]
        detail = " | ".join(lines[-3:]) if lines else f"exit code {done.returncode}"
        raise RegenError(f"{what} failed: {one_line(detail)}")
    return output


def overlaid_spec(spec: Path, overlay: Path) -> tuple[dict[str, Any], list[str]]:
    """``spec`` with ``overlay`` applied (when that file exists), and a warning per action that matched
    nothing (an operation the overlay names is gone from the spec)."""
    import yaml

    from moodhood._overlay import OverlayError, apply_overlay

    try:
        document = yaml.safe_load(spec.read_text(encoding="utf-8"))
        if not overlay.is_file():
            return document, []
        result = apply_overlay(document, yaml.safe_load(overlay.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, OverlayError) as exc:
        raise RegenError(f"cannot apply {overlay.name} to {spec.name}: {one_line(exc)}") from exc
    warnings = [f"{overlay.name}: matched nothing: {action.label()}" for action in result.unmatched]
    return result.spec, warnings


def render_resources_file(spec: dict[str, Any], config: Path, workdir: Path) -> dict[str, bytes]:
    """``moodhood/_resources.py`` and ``moodhood/types.py`` for the overlaid ``spec`` (repository-relative
    posix path -> bytes), formatted as the project formats moodhood/."""
    from _regen_resources import render_resources

    workdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    for target, text in render_resources(spec, config).items():
        out = workdir / f"rendered_{target.name}"  # not types.py: it would shadow the stdlib module
        out.write_text(text, encoding="utf-8")
        _run(["ruff", "format", out.name, *_RUFF_PROJECT], workdir, "ruff format (resources)")
        files[target.as_posix()] = out.read_bytes()
    return files


def generate_package(
    spec: Path, config: Path, workdir: Path, templates: Path | None = None
) -> tuple[Path, list[str]]:
    """Generate ``moodhood_api`` from ``spec`` into ``workdir``; return its folder and any warnings.

    ``templates`` is a folder of openapi-python-client template overrides (by file name), if any.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / PACKAGE_NAME
    if out.exists():
        shutil.rmtree(out)
    custom = ["--custom-template-path", str(templates.resolve())] if templates and templates.is_dir() else []
    log = _run(
        [
            "openapi_python_client",
            "generate",
            "--path",
            str(spec.resolve()),
            "--config",
            str(config.resolve()),
            "--meta",
            "none",
            "--output-path",
            str(out),
            *custom,
        ],
        workdir,
        "openapi-python-client",
    )
    if not (out / "__init__.py").is_file():
        raise RegenError(f"openapi-python-client wrote no package: {one_line(log)}")
    warnings = [line for line in log.splitlines() if line.strip() and not line.startswith("Generating ")]
    _run(
        ["ruff", "check", PACKAGE_NAME, *_RUFF_SETTINGS, "--fix-only", "--select", "I,F401"],
        workdir,
        "ruff check",
    )
    _run(["ruff", "format", PACKAGE_NAME, *_RUFF_SETTINGS], workdir, "ruff format")
    (out / "py.typed").write_bytes(b"")
    return out, warnings


def write_spec(spec: dict[str, Any], path: Path) -> Path:
    """Write the overlaid spec as JSON (key order kept) for the generator to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Map each file under ``folder`` (posix relative path) to its bytes, skipping bytecode caches."""
    files: dict[str, bytes] = {}
    if not folder.is_dir():
        return files
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if _SKIP_DIRS.intersection(rel.parts) or path.suffix == ".pyc" or not path.is_file():
            continue
        files[rel.as_posix()] = path.read_bytes()
    return files


@dataclass(frozen=True)
class TreeDiff:
    """How a wanted tree differs from the one on disk (paths relative to the package folder)."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    excerpt: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self, label: str) -> str:
        """A readable multi-line summary; ``label`` names the folder on disk."""
        lines = [
            f"{label} is out of date: {len(self.added)} file(s) to add, {len(self.removed)} to remove, "
            f"{len(self.changed)} changed"
        ]
        lines += [f"  + {name}" for name in self.added]
        lines += [f"  - {name}" for name in self.removed]
        lines += [f"  ~ {name}" for name in self.changed]
        if self.excerpt:
            lines += ["", *self.excerpt]
        return "\n".join(lines)


def diff_trees(current: dict[str, bytes], wanted: dict[str, bytes], excerpt_lines: int = 40) -> TreeDiff:
    """Compare two snapshots; the excerpt is the start of a unified diff of the changed files."""
    changed = tuple(name for name in sorted(current.keys() & wanted.keys()) if current[name] != wanted[name])
    excerpt: list[str] = []
    for name in changed:
        old = current[name].decode("utf-8", "replace").splitlines()
        new = wanted[name].decode("utf-8", "replace").splitlines()
        excerpt += difflib.unified_diff(old, new, f"on disk/{name}", f"regenerated/{name}", n=1, lineterm="")
        if len(excerpt) >= excerpt_lines:
            break
    if len(excerpt) > excerpt_lines:
        excerpt = [*excerpt[:excerpt_lines], "  [diff excerpt cut]"]
    return TreeDiff(
        added=tuple(sorted(wanted.keys() - current.keys())),
        removed=tuple(sorted(current.keys() - wanted.keys())),
        changed=changed,
        excerpt=tuple(excerpt),
    )


def swap_in(source: Path, target: Path) -> None:
    """Replace the folder ``target`` by a copy of ``source``; the old tree disappears as a whole."""
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f".{target.name}.new"
    retired = parent / f".{target.name}.old"
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    shutil.copytree(source, staging)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    if retired.exists():
        shutil.rmtree(retired)
