#!/usr/bin/env python
"""Regenerate ``generated/moodhood_api`` from ``openapi/moodhood.yaml``, check it, or pull the live spec.

    python scripts/regenerate.py                 regenerate (a rerun changes no byte)
    python scripts/regenerate.py --check         exit 1 with a summary when generated/ is out of date
    python scripts/regenerate.py --pull URL      fetch the live spec (a spec URL or a Swagger UI page),
                                                 validate, normalise, write openapi/moodhood.yaml,
                                                 regenerate and print the operation diff

``--pull`` takes basic-auth credentials from ``--user``/``--password`` or from the environment variables
``MOODHOOD_SWAGGER_USER``/``MOODHOOD_SWAGGER_PASSWORD`` (prefer the environment: argv is visible to other
users of the machine). Errors are one line on stderr with exit code 2, and then nothing has been written.
The script writes only under ``openapi/`` and ``generated/`` of ``--root``.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # never leave scripts/__pycache__ behind

import argparse  # noqa: E402
import os  # noqa: E402
import stat  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from _regen_codegen import check_toolchain, diff_trees, generate_package, snapshot, swap_in  # noqa: E402
from _regen_common import (  # noqa: E402
    CODEGEN_CONFIG,
    GENERATED_PACKAGE,
    OVERLAY_FILE,
    SPEC_FILE,
    RegenError,
    one_line,
)

__all__ = ["main"]

REPO_ROOT = Path(__file__).resolve().parent.parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regenerate.py",
        description="Regenerate generated/moodhood_api from openapi/moodhood.yaml (or --check, or --pull).",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="exit 1 with a summary when generated/ is out of date"
    )
    mode.add_argument(
        "--pull", metavar="URL", help="fetch the live spec from a spec URL or a Swagger UI page"
    )
    parser.add_argument("--user", help="basic-auth user for --pull (default: $MOODHOOD_SWAGGER_USER)")
    parser.add_argument(
        "--password", help="basic-auth password for --pull (default: $MOODHOOD_SWAGGER_PASSWORD)"
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root (default: %(default)s)")
    return parser


def _generate(root: Path, spec: Path, scratch: Path) -> tuple[dict[str, bytes], Path]:
    config = root / CODEGEN_CONFIG
    if not config.is_file():
        raise RegenError(f"{CODEGEN_CONFIG} not found under {root}")
    package, warnings = generate_package(spec, config, scratch)
    for line in warnings:
        print(f"generator: {line}", file=sys.stderr)
    return snapshot(package), package


def _regenerate(root: Path) -> int:
    spec = root / SPEC_FILE
    if not spec.is_file():
        raise RegenError(f"{SPEC_FILE} not found under {root}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="moodhood-regen-") as scratch:
        wanted, package = _generate(root, spec, Path(scratch))
        changes = diff_trees(snapshot(root / GENERATED_PACKAGE), wanted)
        if changes:
            swap_in(package, root / GENERATED_PACKAGE)
    took = time.perf_counter() - started
    if changes:
        print(
            f"{GENERATED_PACKAGE}: regenerated from {SPEC_FILE} in {took:.1f} s "
            f"({len(changes.added)} added, {len(changes.removed)} removed, {len(changes.changed)} changed)"
        )
    else:
        print(f"{GENERATED_PACKAGE}: already up to date with {SPEC_FILE} ({took:.1f} s)")
    return 0


def _check(root: Path) -> int:
    spec = root / SPEC_FILE
    if not spec.is_file():
        raise RegenError(f"{SPEC_FILE} not found under {root}")
    with tempfile.TemporaryDirectory(prefix="moodhood-check-") as scratch:
        wanted, _ = _generate(root, spec, Path(scratch))
    changes = diff_trees(snapshot(root / GENERATED_PACKAGE), wanted)
    if changes:
        print(changes.summary(str(GENERATED_PACKAGE)))
        print(f"\nRun: python scripts/regenerate.py   (then commit {GENERATED_PACKAGE})")
        return 1
    print(f"{GENERATED_PACKAGE} is in sync with {SPEC_FILE} ({len(wanted)} files)")
    return 0


def _write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(name, mode)  # mkstemp creates 0600
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _pull(root: Path, url: str, user: str | None, password: str | None) -> int:
    # imported here: httpx and the validator take longer to import than a whole regeneration takes
    from _regen_diff import diff_specs, overlay_issues, render_overlay_issues
    from _regen_fetch import fetch_spec
    from _regen_spec import dump_spec, parse_document, validate_spec

    if password and not user:
        raise RegenError("a password was given without a user (--user or MOODHOOD_SWAGGER_USER)")
    fetched = fetch_spec(url, user, password)
    text = dump_spec(fetched)
    new_spec: Any = parse_document(text)
    validate_spec(new_spec)  # what will be written, with YAML's integer keys (200:) turned into strings
    spec_path = root / SPEC_FILE
    old_spec: Any = parse_document(spec_path.read_text(encoding="utf-8")) if spec_path.is_file() else None
    with tempfile.TemporaryDirectory(prefix="moodhood-pull-") as scratch:
        staged = Path(scratch) / "moodhood.yaml"
        staged.write_text(text, encoding="utf-8")
        wanted, package = _generate(root, staged, Path(scratch) / "out")
        changes = diff_trees(snapshot(root / GENERATED_PACKAGE), wanted)
        spec_changed = not spec_path.is_file() or spec_path.read_text(encoding="utf-8") != text
        if spec_changed:
            _write_text(spec_path, text)
        if changes:
            swap_in(package, root / GENERATED_PACKAGE)
    print(
        f"{SPEC_FILE}: {'updated' if spec_changed else 'unchanged'}; {GENERATED_PACKAGE}: "
        f"{'regenerated' if changes else 'unchanged'}"
    )
    print(diff_specs(old_spec if isinstance(old_spec, dict) else None, new_spec).render())
    overlay_path = root / OVERLAY_FILE
    if overlay_path.is_file():
        overlay = parse_document(overlay_path.read_text(encoding="utf-8"))
        if isinstance(overlay, dict):
            issues = overlay_issues(new_spec, overlay)
            print(render_overlay_issues(issues, len(overlay.get("actions") or [])))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    root: Path = args.root.resolve()
    try:
        check_toolchain()
        if args.check:
            return _check(root)
        if args.pull:
            user = args.user or os.environ.get("MOODHOOD_SWAGGER_USER") or None
            password = args.password or os.environ.get("MOODHOOD_SWAGGER_PASSWORD") or None
            return _pull(root, args.pull, user, password)
        return _regenerate(root)
    except RegenError as exc:
        print(f"regenerate.py: error: {one_line(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
