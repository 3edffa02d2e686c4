"""Token stores: memory, and a JSON file (0600, atomic replace, flock between processes, no secrets)."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import stat
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from moodhood._auth import MoodhoodAuth
from moodhood._credentials import Credentials
from moodhood._exceptions import TokenStoreError
from moodhood._store import FileTokenStore, MemoryTokenStore, StoredToken, TokenKey, TokenRecord, TokenStore
from moodhood._tokens import TokenState
from tests.auth.conftest import BASE, CLIENT_ID, CLIENT_SECRET, PASSWORD, USERNAME, FakeClock, FakeServer

MakeAuth = Callable[..., MoodhoodAuth]
MakeClient = Callable[..., httpx.Client]
KEY = TokenKey(BASE, CLIENT_ID, USERNAME)
ACCESS = "access-token-value-0123456789"
RECORD = TokenRecord(
    StoredToken(ACCESS, 1_800_003_600.0, 3600.0), StoredToken("refresh-token-value-98765", None, None)
)


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> TokenStore:
    return MemoryTokenStore() if request.param == "memory" else FileTokenStore(tmp_path / "tokens.json")


def test_protocol_round_trip(store: TokenStore) -> None:
    assert isinstance(store, TokenStore)
    assert store.load(KEY) is None
    store.save(KEY, RECORD)
    other = TokenKey(BASE, CLIENT_ID, None)
    store.save(other, TokenRecord(StoredToken("client-token-value-000")))
    assert store.load(KEY) == RECORD
    assert store.load(other) == TokenRecord(StoredToken("client-token-value-000"))
    assert store.load(TokenKey("https://other.test/v1", CLIENT_ID, USERNAME)) is None
    store.delete(KEY)
    store.delete(KEY)
    assert store.load(KEY) is None
    assert store.load(other) is not None
    assert ACCESS not in repr(store)


def test_record_repr_is_masked() -> None:
    assert ACCESS not in repr(RECORD) and "…6789" in repr(RECORD)
    assert "refresh-token-value-98765" not in str(RECORD)


def test_file_mode_0600_and_no_leftovers(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "sub" / "tokens.json")
    store.save(KEY, RECORD)
    for path in (tmp_path / "sub" / "tokens.json", tmp_path / "sub" / "tokens.json.lock"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["tokens.json", "tokens.json.lock"]
    data = json.loads((tmp_path / "sub" / "tokens.json").read_text())
    assert data["format"] == "moodhood-tokens" and data["version"] == 1
    assert data["entries"][0]["access"] == {
        "value": ACCESS,
        "expires_at": 1_800_003_600.0,
        "lifetime": 3600.0,
    }


def test_write_is_an_atomic_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(KEY, RECORD)
    before = path.read_text()
    replaced: list[tuple[str, str]] = []

    def failing_replace(src: str, dst: str) -> None:
        replaced.append((str(src), str(dst)))
        assert Path(src).parent == path.parent  # the temporary file sits next to the target
        assert json.loads(Path(src).read_text())["entries"]  # and is complete before the swap
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(TokenStoreError, match="No space left"):
        store.save(TokenKey(BASE, CLIENT_ID, None), TokenRecord(StoredToken("another-token-value-1")))
    assert replaced and replaced[0][1] == str(path)
    assert path.read_text() == before  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json", "tokens.json.lock"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"some": "other app"}', "not a moodhood token store"),
        ("[1, 2, 3]", "not a moodhood token store"),
        ('{"format": "moodhood-tokens", "version": 99, "entries": []}', "unsupported version"),
        (b"\xff\xfe\x00binary", "cannot read"),
    ],
)
def test_corrupt_or_foreign_file(
    tmp_path: Path, content: str | bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    store = FileTokenStore(path)
    with pytest.warns(RuntimeWarning, match=reason):
        assert store.load(KEY) is None  # reading ignores it, with a warning
    assert reason in caplog.text
    with pytest.raises(TokenStoreError, match="refusing to overwrite"):
        store.save(KEY, RECORD)  # writing never destroys someone else's file
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode())


def test_malformed_entry_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    entry = {"base_url": BASE, "client_id": CLIENT_ID, "username": USERNAME, "access": {"value": 5}}
    path.write_text(json.dumps({"format": "moodhood-tokens", "version": 1, "entries": [entry, "junk"]}))
    assert FileTokenStore(path).load(KEY) is None


@pytest.mark.parametrize("number", ["1" + "0" * 400, "NaN", "Infinity", "-Infinity"])
def test_entry_with_a_number_that_is_no_time_is_ignored(tmp_path: Path, number: str) -> None:
    """A 400-digit expiry raised OverflowError out of load(); NaN or infinity made a token fresh forever."""
    path = tmp_path / "tokens.json"
    entry = {"base_url": BASE, "client_id": CLIENT_ID, "username": USERNAME, "access": {"value": ACCESS}}
    text = json.dumps({"format": "moodhood-tokens", "version": 1, "entries": [entry]})
    path.write_text(text.replace(f'"value": "{ACCESS}"', f'"value": "{ACCESS}", "expires_at": {number}'))
    assert FileTokenStore(path).load(KEY) is None
    path.write_text(text.replace(f'"value": "{ACCESS}"', f'"value": "{ACCESS}", "lifetime": {number}'))
    assert FileTokenStore(path).load(KEY) is None


def test_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(TokenStoreError):
        FileTokenStore(blocker / "tokens.json").save(KEY, RECORD)


def _writer(path: str, worker: int, count: int) -> None:
    store = FileTokenStore(path)
    for i in range(count):
        store.save(TokenKey(BASE, CLIENT_ID, f"user{worker}-{i}@example.com"), RECORD)


def test_two_processes_writing_concurrently_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_writer, args=(str(path), w, 40)) for w in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    entries = json.loads(path.read_text())["entries"]
    assert sorted(e["username"] for e in entries) == sorted(
        f"user{w}-{i}@example.com" for w in range(2) for i in range(40)
    )


# -- with MoodhoodAuth -------------------------------------------------------------------------------------


def test_auth_never_stores_secrets(
    tmp_path: Path,
    server: FakeServer,
    make_auth: MakeAuth,
    client_for: MakeClient,
    user_credentials: Credentials,
    clock: FakeClock,
) -> None:
    path = tmp_path / "tokens.json"
    auth = make_auth(user_credentials, store=FileTokenStore(path))
    with client_for(auth) as client:
        client.get("/spaces")
        clock.advance(4000)
        client.get("/spaces")
    text = path.read_text()
    assert CLIENT_SECRET not in text and PASSWORD not in text
    assert auth.user_token is not None and auth.user_token.value in text
    assert auth.client_token is not None and auth.client_token.value in text
    entries = {(e["client_id"], e["username"]): e for e in json.loads(text)["entries"]}
    assert set(entries) == {(CLIENT_ID, USERNAME), (CLIENT_ID, None)}
    user = entries[(CLIENT_ID, USERNAME)]
    assert user["refresh"]["value"] == auth.refresh_token.value  # type: ignore[union-attr]
    assert user["access"]["lifetime"] == 3600
    # Absolute wall-clock expiry: sent at (now - 0) on the fake clock, 3,600 s later.
    assert user["access"]["expires_at"] == pytest.approx(clock.wall() + 3600)
    assert entries[(CLIENT_ID, USERNAME)]["access"]["value"] != entries[(CLIENT_ID, None)]["access"]["value"]


def test_second_process_reuses_stored_tokens(
    tmp_path: Path,
    server: FakeServer,
    make_auth: MakeAuth,
    client_for: MakeClient,
    user_credentials: Credentials,
    clock: FakeClock,
) -> None:
    path = tmp_path / "tokens.json"
    with client_for(make_auth(user_credentials, store=FileTokenStore(path))) as c:
        c.get("/spaces")
    assert len(server.grants) == 2

    clock.advance(1000)  # a new "process": a new auth and store on the same file
    fresh = make_auth(user_credentials, store=FileTokenStore(path))
    with client_for(fresh) as client:
        assert client.get("/spaces").status_code == 200
        assert len(server.grants) == 2  # no token request at all
        assert fresh.user_token is not None and fresh.user_token.state(clock(), 300) is TokenState.FRESH
        # Loaded with its remaining lifetime: stale 300 s before the original expiry.
        clock.advance(3600 - 1000 - 300)
        client.get("/spaces")
    assert server.grant_types()[2:] == ["refresh_token"]  # the stored refresh token was used


def test_stored_tokens_for_another_user_or_host_are_not_used(
    tmp_path: Path,
    server: FakeServer,
    make_auth: MakeAuth,
    client_for: MakeClient,
    user_credentials: Credentials,
) -> None:
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(TokenKey(BASE, CLIENT_ID, "someone-else@example.com"), RECORD)
    FileTokenStore(path).save(TokenKey("https://elsewhere.test/v1", CLIENT_ID, USERNAME), RECORD)
    with client_for(make_auth(user_credentials, store=FileTokenStore(path))) as c:
        c.get("/spaces")
    assert server.grant_types() == ["client_credentials", "password"]


def test_store_failures_do_not_break_calls(
    tmp_path: Path,
    server: FakeServer,
    make_auth: MakeAuth,
    client_for: MakeClient,
    client_credentials: Credentials,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("this is somebody's notes file")
    auth = make_auth(client_credentials, store=FileTokenStore(path))
    with (
        caplog.at_level(logging.WARNING, logger="moodhood"),
        pytest.warns(RuntimeWarning),
        client_for(auth) as client,
    ):
        assert client.get("/rooms").status_code == 200
        assert client.get("/rooms").status_code == 200
    assert len(server.grants) == 1  # kept in memory
    assert "could not save tokens" in caplog.text
    assert path.read_text() == "this is somebody's notes file"
