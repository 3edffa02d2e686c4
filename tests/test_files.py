"""``moodhood._files.write_private``: mode 0600 from the start, 0700 parents, symlinks refused, crash-safe."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from moodhood._files import locked, write_private
from moodhood.cli._output import write_private_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and flock")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_writes_the_bytes_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    write_private(target, b"s3cret\n")
    assert target.read_bytes() == b"s3cret\n"
    assert _mode(target) == 0o600
    write_private(str(target), b"again")
    assert target.read_bytes() == b"again"


@posix_only
@pytest.mark.parametrize("mask", [0o000, 0o022, 0o277, 0o777])
def test_modes_do_not_depend_on_the_umask(tmp_path: Path, umask: None, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "a" / "b" / "tokens.json"
    write_private(target, b"{}")
    assert _mode(target) == 0o600
    assert _mode(tmp_path / "a") == 0o700
    assert _mode(tmp_path / "a" / "b") == 0o700


@posix_only
def test_an_existing_wide_file_is_replaced_by_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o644)
    with open(target, "rb") as early:  # a descriptor opened before the write keeps the old inode
        write_private(target, b"secret")
        assert early.read() == b"old"
    assert _mode(target) == 0o600


def test_a_symlink_at_the_target_is_refused_and_the_victim_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link") as caught:
        write_private(link, b"attacker-controlled")
    assert caught.value.errno == errno.ELOOP
    assert victim.read_text() == "precious"
    assert link.is_symlink()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_dangling_symlink_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to(tmp_path / "would-be-created")
    with pytest.raises(OSError, match="symbolic link"):
        write_private(link, b"x", overwrite=False)
    assert not (tmp_path / "would-be-created").exists()


def test_overwrite_false_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "once.txt"
    write_private(target, b"first", overwrite=False)
    with pytest.raises(FileExistsError):
        write_private(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temp_files_are_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "tokens.json"
    stale = tmp_path / ".tokens.json.deadbeef0000.tmp"
    stale.write_text('{"access": "leftover-token-of-a-killed-writer"}')
    unrelated = tmp_path / ".other.json.deadbeef0000.tmp"
    unrelated.write_text("not ours")
    write_private(target, b"{}")
    assert not stale.exists()
    assert unrelated.exists()


def test_data_must_be_bytes(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="bytes"):
        write_private(tmp_path / "x", "text")  # type: ignore[arg-type]


def test_the_lock_is_reentrant_and_serialises_threads(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    order: list[str] = []
    with locked(target):
        write_private(target, b"inside")  # re-entrant: no deadlock
        other = threading.Thread(target=lambda: (write_private(target, b"other"), order.append("other")))
        other.start()
        time.sleep(0.2)
        order.append("first")
    other.join(5)
    assert order == ["first", "other"]
    assert target.read_bytes() == b"other"


def test_the_cli_writer_delegates_and_refuses_symlinks(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / "link").symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        write_private_file(tmp_path / "link", "secret")
    assert victim.read_text() == "keep"
    write_private_file(tmp_path / "new" / "file.txt", "secret\n")
    assert (tmp_path / "new" / "file.txt").read_text() == "secret\n"
    if sys.platform != "win32":
        assert _mode(tmp_path / "new" / "file.txt") == 0o600
        assert _mode(tmp_path / "new") == 0o700


_WRITER = textwrap.dedent(
    """
    import sys
    from moodhood._store import FileTokenStore, StoredToken, TokenKey, TokenRecord

    store = FileTokenStore(sys.argv[1])
    key = TokenKey("https://api.example/v1", "client", None)
    n = int(sys.argv[2])
    while True:
        n += 1
        store.save(key, TokenRecord(StoredToken("crash-canary-token-%08d" % n + "x" * 4000)))
        print(n, flush=True)
    """
)


@posix_only
def test_kill_9_mid_write_leaves_no_token_temp_file_after_the_next_write(tmp_path: Path) -> None:
    from moodhood._store import FileTokenStore, StoredToken, TokenKey, TokenRecord

    path = tmp_path / "store" / "tokens.json"
    key = TokenKey("https://api.example/v1", "client", None)
    store = FileTokenStore(path)
    last = 0
    leftovers_seen = 0
    for kill in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(last)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        acknowledged = int(proc.stdout.readline())  # at least one write completed
        time.sleep(0.01 + 0.013 * kill)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        lines = out.split()
        acknowledged = int(lines[-1]) if lines else acknowledged
        leftovers_seen += len(list(path.parent.glob(".tokens.json.*.tmp")))
        # nothing lost: the file parses and holds the last acknowledged write or a later one
        record = store.load(key)
        assert record is not None
        stored = int(record.access.value[len("crash-canary-token-") :][:8])
        assert stored >= acknowledged
        last = stored
        store.save(key, TokenRecord(StoredToken(f"next-write-{last + 1:08d}")))  # the next write
        last += 1
        assert list(path.parent.glob(".tokens.json.*.tmp")) == []
        assert not any("crash-canary" in p.read_text() for p in path.parent.iterdir() if p.is_file())
        assert json.loads(path.read_text())["entries"]
    # the writer is killed mid-write often enough that this test exercises the cleanup at all
    print(f"temp files left by killed writers: {leftovers_seen}")
