"""Private files: secrets and tokens written readable by the owner only, atomically, never through a link."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["write_private"]


def write_private(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` with mode 0600 from the first byte, atomically.

    Missing parent directories are made with mode 0700. The data goes to a temporary file created with
    ``O_EXCL | O_NOFOLLOW`` beside the target, is flushed to disk and renamed over the target. A target that
    is a symbolic link is refused (``OSError``); with ``overwrite=False`` an existing target raises
    ``FileExistsError``.
    """
    target = Path(path).expanduser()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.is_symlink():
        raise OSError(f"refusing to write through a symbolic link: {target}")
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} exists (pass --force to replace it)")
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # fails with FileExistsError if the target appeared meanwhile
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
