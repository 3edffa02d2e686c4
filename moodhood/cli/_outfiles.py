"""Files a command writes: never over an existing file without ``--force``; ``-`` is stdout, except for
secrets.

Two kinds:

- secrets (a webhook secret, a full room link, credentials): ``write_secret``, through ``write_private``
  (mode 0600, atomic, no symlinks); ``-`` is refused: a secret is printed only with ``--show-secret``;
- everything else (an XLSX report, a recording): ``public_file`` streams to a temporary file beside the
  target and moves it into place when complete, so a failed download leaves nothing behind; ``-`` is
  stdout.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from moodhood.cli._errors import EXIT_USAGE, CommandError

__all__ = ["ForceOpt", "ShowSecretOpt", "exists_error", "is_stdout", "public_file", "write_secret"]

ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
ShowSecretOpt = Annotated[
    bool, typer.Option("--show-secret", help="Print the secret once, unmasked (mind your terminal history).")
]


def is_stdout(path: Path | str) -> bool:
    return str(path) == "-"


def exists_error(path: Path | str) -> CommandError:
    return CommandError(f"{path} exists: pass --force to replace it", exit_code=EXIT_USAGE)


def write_secret(path: Path, text: str, *, force: bool, what: str = "a secret") -> None:
    """Write ``text`` (a secret) to ``path`` with mode 0600; refuses ``-`` and, without ``force``, a file."""
    from moodhood._files import write_private

    if is_stdout(path):
        raise CommandError(
            f"{what} is never written to stdout: give a file (written with mode 0600), or --show-secret",
            exit_code=EXIT_USAGE,
        )
    try:
        write_private(path.expanduser(), text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise exists_error(path) from None


@contextlib.contextmanager
def public_file(path: Path, *, force: bool) -> Iterator[BinaryIO]:
    """A binary stream for ``path`` (``-``: stdout), moved into place only when the block succeeds."""
    if is_stdout(path):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = path.expanduser()
    if not force and (target.exists() or target.is_symlink()):
        raise exists_error(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        if force:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # never replaces a file that appeared meanwhile
            except FileExistsError:
                raise exists_error(path) from None
            os.unlink(tmp)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
