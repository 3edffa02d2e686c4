#!/usr/bin/env python
"""Regenerate ``generated/moodhood_api`` and ``moodhood/_resources.py`` from ``openapi/moodhood.yaml``
(with ``openapi/overlay.yaml`` applied), check them, or pull the live spec.

    python scripts/regenerate.py                 regenerate (a rerun changes no byte)
    python scripts/regenerate.py --check         exit 1 with a summary when generated/ is out of date
    python scripts/regenerate.py --pull URL      fetch the live spec (a spec URL or a Swagger UI page),
                                                 validate, normalise, write openapi/moodhood.yaml,
                                                 regenerate and print the operation diff

``--pull`` takes basic-auth credentials from ``--user``/``--password`` or from the environment variables
``MOODHOOD_SWAGGER_USER``/``MOODHOOD_SWAGGER_PASSWORD`` (prefer the environment: argv is visible to other
users of the machine). Errors are one line on stderr with exit code 2, and then nothing has been written.
The script writes only under ``openapi/`` and ``generated/`` of ``--root``, and ``moodhood/_resources.py``.
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

from _regen_codegen import (  # noqa: E402
    TEMPLATES,
    check_toolchain,
    diff_trees,
    generate_package,
    overlaid_spec,
    render_resources_file,
    snapshot,
    swap_in,
    write_spec,
)
from _regen_common import CODEGEN_CONFIG, GENERATED_PACKAGE, OVERLAY_FILE, SPEC_FILE, RegenError, one_line  # noqa: E402
from _regen_resources import RESOURCES_FILE, TYPES_FILE  # noqa: E402

RENDERED = (RESOURCES_FILE, TYPES_FILE)
_WHAT = f"{GENERATED_PACKAGE}, {RESOURCES_FILE}, {TYPES_FILE}"

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
    """Generate everything into ``scratch``: the wanted files (repository-relative posix paths) and the
    generated package folder."""
    config = root / CODEGEN_CONFIG
    if not config.is_file():
        raise RegenError(f"{CODEGEN_CONFIG} not found under {root}")
    document, warnings = overlaid_spec(spec, root / OVERLAY_FILE)
    staged = write_spec(document, scratch / "overlaid" / "moodhood.json")
    package, more = generate_package(staged, config, scratch, root / TEMPLATES)
    for line in [*warnings, *more]:
        print(f"generator: {line}", file=sys.stderr)
    wanted = _prefixed(snapshot(package), GENERATED_PACKAGE)
    wanted.update(render_resources_file(document, config, scratch / "resources"))
    return wanted, package


def _prefixed(files: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    return {f"{folder.as_posix()}/{name}": data for name, data in files.items()}


def _on_disk(root: Path) -> dict[str, bytes]:
    current = _prefixed(snapshot(root / GENERATED_PACKAGE), GENERATED_PACKAGE)
    for rendered in RENDERED:
        if (root / rendered).is_file():
            current[rendered.as_posix()] = (root / rendered).read_bytes()
    return current


def _install(root: Path, package: Path, wanted: dict[str, bytes], changes: Any) -> None:
    prefix = f"{GENERATED_PACKAGE.as_posix()}/"
    if any(name.startswith(prefix) for name in (*changes.added, *changes.removed, *changes.changed)):
        swap_in(package, root / GENERATED_PACKAGE)
    for rendered in RENDERED:
        name = rendered.as_posix()
        if name in changes.added or name in changes.changed:
            _write_text(root / rendered, wanted[name].decode("utf-8"))


def _regenerate(root: Path) -> int:
    spec = root / SPEC_FILE
    if not spec.is_file():
        raise RegenError(f"{SPEC_FILE} not found under {root}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="moodhood-regen-") as scratch:
        wanted, package = _generate(root, spec, Path(scratch))
        changes = diff_trees(_on_disk(root), wanted)
        if changes:
            _install(root, package, wanted, changes)
    took = time.perf_counter() - started
    if changes:
        print(
            f"{_WHAT}: regenerated from {SPEC_FILE} in {took:.1f} s "
            f"({len(changes.added)} added, {len(changes.removed)} removed, {len(changes.changed)} changed)"
        )
    else:
        print(f"{_WHAT}: already up to date with {SPEC_FILE} ({took:.1f} s)")
    return 0


def _check(root: Path) -> int:
    spec = root / SPEC_FILE
    if not spec.is_file():
        raise RegenError(f"{SPEC_FILE} not found under {root}")
    with tempfile.TemporaryDirectory(prefix="moodhood-check-") as scratch:
        wanted, _ = _generate(root, spec, Path(scratch))
    changes = diff_trees(_on_disk(root), wanted)
    if changes:
        print(changes.summary("generated files"))
        print(f"\nRun: python scripts/regenerate.py   (then commit {_WHAT})")
        return 1
    print(f"{_WHAT} are in sync with {SPEC_FILE} ({len(wanted)} files)")
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
        changes = diff_trees(_on_disk(root), wanted)
        spec_changed = not spec_path.is_file() or spec_path.read_text(encoding="utf-8") != text
        if spec_changed:
            _write_text(spec_path, text)
        if changes:
            _install(root, package, wanted, changes)
        renames = _method_changes(root, old_spec if isinstance(old_spec, dict) else None, staged)
    print(
        f"{SPEC_FILE}: {'updated' if spec_changed else 'unchanged'}; {GENERATED_PACKAGE}: "
        f"{'regenerated' if changes else 'unchanged'}"
    )
    print(diff_specs(old_spec if isinstance(old_spec, dict) else None, new_spec).render())
    print(renames)
    overlay_path = root / OVERLAY_FILE
    if overlay_path.is_file():
        overlay = parse_document(overlay_path.read_text(encoding="utf-8"))
        if isinstance(overlay, dict):
            issues = overlay_issues(new_spec, overlay)
            print(render_overlay_issues(issues, len(overlay.get("actions") or [])))
    return 0


def _method_changes(root: Path, old_spec: dict[str, Any] | None, new_spec_file: Path) -> str:
    """The typed-client part of the ``--pull`` report: resource methods added, removed or renamed."""
    from _regen_names import diff_names

    from moodhood._overlay import apply_overlay

    new_spec, _ = overlaid_spec(new_spec_file, root / OVERLAY_FILE)
    old = None
    if old_spec is not None:
        overlay = root / OVERLAY_FILE
        old = old_spec
        if overlay.is_file():
            import yaml

            old = apply_overlay(old_spec, yaml.safe_load(overlay.read_text(encoding="utf-8"))).spec
    lines = diff_names(old, new_spec)
    head = "Typed client (mh.<resource>.<method>): "
    if not lines:
        return head + "no resource method added, removed or renamed"
    return "\n".join([head + f"{len(lines)} change(s)", *(f"  {line}" for line in lines)])


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
