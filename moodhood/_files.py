"""The one writer of private files (tokens, secrets, signed links): mode 0600 from the first byte.

:func:`write_private` writes a temporary file next to the target, opened ``O_CREAT|O_EXCL|O_NOFOLLOW``
with mode 0600, fsyncs it and renames it over the target, so readers see the old or the new content and
never a mix, and no descriptor ever sees the data under a wider mode. Missing parent directories are
created 0700 whatever the umask. Writers of one target serialise on ``flock`` of ``<target>.lock``
(POSIX); holding that lock, a writer first deletes the temporary files a killed writer left behind.
A symbolic link at the target is refused (``O_NOFOLLOW`` does not exist on Windows: there the target is
checked before and after).

:func:`locked` is the same lock for callers that read, modify and write a file (``FileTokenStore``);
it is re-entrant within a thread, so :func:`write_private` can run inside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = ["locked", "write_private"]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_TEMP_SUFFIX = ".tmp"


class _Held:
    """A per-target lock: a re-entrant thread lock plus the ``flock`` descriptor while held."""

    __slots__ = ("count", "fd", "rlock")

    def __init__(self) -> None:
        self.rlock = threading.RLock()
        self.fd: int | None = None
        self.count = 0


_REGISTRY: dict[str, _Held] = {}
_REGISTRY_LOCK = threading.Lock()


def _symlink_error(path: Path) -> OSError:
    return OSError(errno.ELOOP, "refusing to write a private file through a symbolic link", str(path))


def _make_parents(directory: Path) -> None:
    """Create ``directory`` and missing ancestors with mode 0700 (exactly: the umask cannot widen or
    narrow it); existing directories are left as they are."""
    missing: list[Path] = []
    probe = directory
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        os.chmod(folder, 0o700)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the writers' lock of ``path`` (threads of this process, and ``flock`` across processes).

    Re-entrant in one thread. Creates the parent directories (0700) and ``<path>.lock`` (0600).
    """
    target = Path(os.fspath(path))
    key = os.path.abspath(target)
    with _REGISTRY_LOCK:
        held = _REGISTRY.setdefault(key, _Held())
    with held.rlock:
        if held.count == 0 and sys.platform != "win32":
            import fcntl

            _make_parents(target.parent)
            fd = os.open(_lock_path(target), os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
            held.fd = fd
        held.count += 1
        try:
            yield
        finally:
            held.count -= 1
            if held.count == 0 and held.fd is not None:
                fd, held.fd = held.fd, None
                os.close(fd)  # closing releases the flock


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _remove_stale_temps(path: Path) -> None:
    """Delete temporary files of earlier writers of ``path`` (only ever called holding its lock)."""
    prefix = _temp_prefix(path)
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(_TEMP_SUFFIX):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path.parent / name)


def _refuse_symlink(path: Path) -> bool:
    """Raise for a symbolic link at ``path``; whether anything exists there."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise _symlink_error(path)
    return True


def _fsync_directory(directory: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover - directories cannot be opened there
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    """A new temporary file next to ``path`` holding ``data``, mode 0600, flushed to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    while True:
        temp = path.with_name(f"{_temp_prefix(path)}{secrets.token_hex(6)}{_TEMP_SUFFIX}")
        try:
            fd = os.open(temp, flags, 0o600)
            break
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # a umask such as 0o277 would leave 0400; never wider than 0600 anyway
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(fd)
    return temp


def write_private(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> None:
    """Atomically write ``data`` to ``path``, readable and writable by the owner only (0600).

    Raises ``FileExistsError`` when ``overwrite`` is false and ``path`` exists, and ``OSError`` (errno
    ``ELOOP``) when ``path`` is a symbolic link. Parent directories are created with mode 0700.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    target = Path(os.fspath(path))
    with locked(target):
        _make_parents(target.parent)
        _remove_stale_temps(target)
        exists = _refuse_symlink(target)
        if exists and not overwrite:
            raise FileExistsError(errno.EEXIST, "File exists", str(target))
        temp = _write_temp(target, bytes(data))
        try:
            if overwrite:
                _refuse_symlink(target)  # Windows has no O_NOFOLLOW: check again just before
                os.replace(temp, target)
            else:
                _link_new(temp, target)
            _fsync_directory(target.parent)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


def _link_new(temp: Path, target: Path) -> None:
    """Put ``temp`` at ``target`` only if nothing is there (atomic where hard links exist)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
    except OSError:  # a file system without hard links: check, then rename
        if _refuse_symlink(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temp, target)
