"""Log in once: login -> daily commands with no credential in the environment -> expiry -> refresh ->
the password asked again (or one line saying to log in) -> logout. In a temporary HOME, against the sandbox.

The sandbox's clock crosses the token lifetimes; the CLI's stored expiries stay where they were, so the
first request after the jump gets a 401 and the SDK renews (refresh grant, then the password grant).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from moodhood.cli import _prompt
from moodhood.cli._keychain import KEYRING_SERVICE
from moodhood.sandbox._records import SAMPLE_MP4
from tests.cli import _keyrings
from tests.cli.conftest import Result, Runner

DAY = 86400


@pytest.fixture
def login_env(env: dict[str, str]) -> dict[str, str]:
    """What a person exports once, for 'moodhood login' only."""
    return env


@pytest.fixture
def memory_keyring() -> Iterator[_keyrings.MemoryKeyring]:
    with _keyrings.using(_keyrings.MemoryKeyring()) as backend:
        assert isinstance(backend, _keyrings.MemoryKeyring)
        yield backend


@pytest.fixture
def headless() -> Iterator[None]:
    with _keyrings.using(_keyrings.no_keyring()):
        yield


class Terminal:
    """A person at a terminal: answers hidden prompts from a list, records what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
        self.asked: list[str] = []
        self._answers = answers
        monkeypatch.setattr(_prompt, "interactive", lambda: True)
        monkeypatch.setattr(_prompt, "ask_secret", self._answer)
        monkeypatch.setattr(_prompt, "ask", self._answer)

    def _answer(self, label: str, default: str | None = None) -> str:
        self.asked.append(label)
        return self._answers.pop(0)


def _config(home: Path) -> Path:
    return home / ".config" / "moodhood"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"  # where the cli fixture points HOME and XDG_CONFIG_HOME


@pytest.fixture
def cli_home(cli: Runner, monkeypatch: pytest.MonkeyPatch) -> Runner:
    """The runner with the profile's own token file (no MOODHOOD_TOKEN_FILE override)."""
    monkeypatch.delenv("MOODHOOD_TOKEN_FILE")
    return cli


def _all_output(*results: Result) -> str:
    return "".join(r.out + r.err for r in results)


def _tokens(path: Path) -> dict[str | None, dict[str, Any]]:
    data = json.loads(path.read_text())
    return {entry["username"]: entry for entry in data["entries"]}


def test_login_once_then_commands_expiry_refresh_password_and_logout(
    cli_home: Runner,
    login_env: dict[str, str],
    sandbox: Any,
    memory_keyring: _keyrings.MemoryKeyring,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = cli_home
    results = [cli("login", env=login_env)]
    assert results[0].code == 0, results[0].err
    assert f"signed in as {sandbox.username}" in results[0].out and "system keyring" in results[0].out
    profile_dir = _config(home) / "profiles" / "default"
    assert memory_keyring.entries == {(KEYRING_SERVICE, "client_secret/default"): sandbox.client_secret}
    profile = json.loads((profile_dir / "profile.json").read_text())
    assert profile["secret"] == "keyring" and profile["username"] == sandbox.username
    for name in ("profile.json", "tokens.json"):
        assert stat.S_IMODE(os.stat(profile_dir / name).st_mode) == 0o600
    stored = (profile_dir / "profile.json").read_text() + (profile_dir / "tokens.json").read_text()
    assert sandbox.client_secret not in stored and sandbox.password not in stored

    # daily work, no credential in the environment
    created = cli("spaces", "create", "Team", "--json")
    assert created.code == 0, created.err
    listed = cli("spaces", "list", "--json")
    assert listed.code == 0 and created.json()["id"] in [s["id"] for s in listed.json()]
    status = cli("auth", "status", "--json")
    assert status.code == 0, status.err
    info = status.json()
    assert (info["profile"], info["user"], info["clientSecretStore"]) == (
        "default",
        sandbox.username,
        "keyring",
    )
    assert [t["kind"] for t in info["tokens"]] == ["client", "user", "refresh"]
    assert all(isinstance(t["expiresIn"], int) for t in info["tokens"])
    results += [created, listed, status]

    # the access token expires: the refresh grant renews it with the secret from the keyring
    before = _tokens(profile_dir / "tokens.json")[sandbox.username]
    sandbox.advance_clock(7 * DAY + 60)
    renewed = cli("-v", "spaces", "list", "--json")  # with the request log: it names no secret either
    assert renewed.code == 0, renewed.err
    assert "(refresh_token grant)" in renewed.err  # the refresh grant renewed it
    after = _tokens(profile_dir / "tokens.json")[sandbox.username]
    assert after["access"]["value"] != before["access"]["value"]
    results.append(renewed)

    # the refresh token expires too: no terminal -> one line saying to log in, exit 2
    sandbox.advance_clock(21 * DAY + 60)
    refused = cli("spaces", "list")
    assert refused.code == 2 and refused.out == ""
    assert len(refused.err_lines) == 1 and "run 'moodhood login'" in refused.err, refused.err
    results.append(refused)

    # ... on a terminal the password is asked once, and nothing else
    person = Terminal(monkeypatch, [sandbox.password])
    again = cli("spaces", "list", "--json")
    assert again.code == 0, again.err
    assert person.asked == [f"Password for {sandbox.username}"]
    results.append(again)

    out = cli("logout")
    assert out.code == 0, out.err
    assert memory_keyring.entries == {}
    assert not profile_dir.exists()
    gone = cli("spaces", "list")
    assert gone.code == 2 and "not logged in (profile 'default'): run 'moodhood login'" in gone.err
    results += [out, gone]
    text = _all_output(*results)
    assert sandbox.client_secret not in text and sandbox.password not in text
    for entry in (before, after):  # tokens only ever shown by their last 4 characters
        assert entry["access"]["value"] not in text and entry["refresh"]["value"] not in text


def test_without_a_keyring_the_secret_is_kept_nowhere_and_asked_on_a_terminal(
    cli_home: Runner,
    login_env: dict[str, str],
    sandbox: Any,
    headless: None,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = cli_home
    login = cli("login", env=login_env)
    assert login.code == 0, login.err
    assert "no system keyring here" in login.out and "moodhood[keyring]" in login.out
    assert cli("spaces", "list").code == 0  # the stored tokens need no secret

    sandbox.advance_clock(7 * DAY + 60)
    refused = cli("spaces", "list")
    assert refused.code == 2 and len(refused.err_lines) == 1
    assert "needs its client secret" in refused.err and "run 'moodhood login'" in refused.err

    person = Terminal(monkeypatch, [sandbox.client_secret])
    renewed = cli("spaces", "list")
    assert renewed.code == 0, renewed.err
    assert len(person.asked) == 1 and person.asked[0].startswith("Client secret of")
    assert sandbox.client_secret not in _all_output(login, refused, renewed)


def test_secret_in_a_private_file_with_consent(
    cli_home: Runner, login_env: dict[str, str], sandbox: Any, headless: None, home: Path
) -> None:
    cli = cli_home
    login = cli("login", "--store-secret-in-file", env=login_env)
    assert login.code == 0, login.err
    secret_file = _config(home) / "profiles" / "default" / "client_secret"
    assert secret_file.read_text() == sandbox.client_secret
    assert stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600
    sandbox.advance_clock(7 * DAY + 60)
    renewed = cli("spaces", "list")
    assert renewed.code == 0, renewed.err
    assert cli("logout").code == 0
    assert not secret_file.exists()


def test_login_stores_nothing_secret_and_status_says_where_secrets_live(
    cli_home: Runner, login_env: dict[str, str], sandbox: Any, headless: None, home: Path
) -> None:
    login = cli_home("login", "--store-secret-in-file", "--json", env=login_env)
    assert login.code == 0, login.err
    assert login.json()["clientSecretStore"] == "file" and login.json()["profile"] == "default"
    status = cli_home("auth", "status")
    assert status.code == 0, status.err
    assert "client_secret (mode 0600)" in status.out and "never stored" in status.out
    assert sandbox.client_secret not in status.out + login.out


def test_two_profiles_side_by_side(
    cli_home: Runner, login_env: dict[str, str], sandbox: Any, headless: None
) -> None:
    first = cli_home("login", "--profile", "work", env=login_env)
    assert first.code == 0, first.err
    second = cli_home("login", env=login_env | {"MOODHOOD_PROFILE": "home"})
    assert second.code == 0, second.err
    status = cli_home("--json", "--profile", "work", "auth", "status")  # global options before the command
    assert status.code == 0, status.err
    assert status.json()["profile"] == "work" and status.json()["profiles"] == ["home", "work"]
    assert cli_home("auth", "status", "--json", env={"MOODHOOD_PROFILE": "home"}).json()["profile"] == "home"
    assert cli_home("logout", "--profile", "work").code == 0
    missing = cli_home("auth", "status", "--profile", "work")
    assert missing.code == 1 and "saved profiles: home" in missing.err


def test_a_bad_profile_name_is_one_line(cli_home: Runner) -> None:
    result = cli_home("auth", "status", "--profile", "../etc")
    assert result.code == 2 and len(result.err_lines) == 1 and "bad profile name" in result.err


def test_a_personal_token_works_without_login(cli_home: Runner, sandbox: Any) -> None:
    env = {"MOODHOOD_BASE_URL": sandbox.base_url, "MOODHOOD_TOKEN": sandbox.personal_token}
    listed = cli_home("spaces", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    shown = cli_home("token", "--json", env=env)
    assert shown.code == 0 and shown.json()[0]["kind"] == "personal"
    assert sandbox.personal_token not in listed.out + shown.out + shown.err


def test_without_login_or_token_commands_say_how_to_start(cli_home: Runner) -> None:
    result = cli_home("spaces", "list")
    assert result.code == 2 and result.out == ""
    assert result.err_lines == [
        "moodhood: error: configuration: not logged in (profile 'default'): run 'moodhood login', "
        "or set MOODHOOD_TOKEN to a personal token"
    ]


def test_login_prompts_on_a_terminal(
    cli_home: Runner, sandbox: Any, headless: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = Terminal(
        monkeypatch,
        [sandbox.base_url, sandbox.client_id, sandbox.client_secret, sandbox.username, sandbox.password],
    )
    login = cli_home("login", "--no-store-secret")
    assert login.code == 0, login.err
    assert person.asked == ["API base URL", "Client id", "Client secret", "Email", "Password"]
    assert sandbox.client_secret not in login.out + login.err


def test_a_refused_login_saves_no_profile(cli_home: Runner, login_env: dict[str, str], home: Path) -> None:
    result = cli_home("login", env=login_env | {"MOODHOOD_PASSWORD": "wrong-password-123"})
    assert result.code == 1 and "invalid_grant" in result.err
    assert not (_config(home) / "profiles" / "default" / "profile.json").exists()
    assert "wrong-password-123" not in result.err


def test_every_daily_command_runs_from_the_profile(
    cli_home: Runner, login_env: dict[str, str], sandbox: Any, headless: None, tmp_path: Path
) -> None:
    """After one login, the daily commands need nothing in the environment."""
    cli = cli_home
    assert cli("login", "--no-store-secret", env=login_env).code == 0

    def ok(*args: str) -> Any:
        result = cli(*args, "--json")
        assert result.code == 0, (args, result.err)
        return result.json() if result.out.strip() else None

    space = ok("spaces", "create", "Daily")["id"]
    ok("spaces", "update", space, "--name", "Daily work")
    room = ok("rooms", "create", space, "Stand-up", "--type", "webinar")["id"]
    ok("rooms", "get", space, room)
    ok("rooms", "update", space, room, "--no-chat")
    assert room in [r["id"] for r in ok("rooms", "list", space)]
    link = tmp_path / "link.txt"
    ok("rooms", "link", space, room, "--name", "Ann", "-o", str(link))
    assert "accessToken=" in link.read_text()
    ok("invites", "create", space, "--role", "moderator")
    ok("webhook", "create", space, "https://hooks.example.com/daily", "--secret-file", str(tmp_path / "s"))
    ok("webhook", "get", space)
    records = ok("records", "list", space, room)  # the sandbox keeps a sample recording in a new room
    video = tmp_path / "video.mp4"
    ok("records", "download", space, room, records[0]["id"], "-o", str(video))
    assert video.read_bytes() == SAMPLE_MP4
    assert isinstance(ok("analytics", "calls", space, "--room", room), list)
    ok("webhook", "delete", space, "--yes")
    ok("rooms", "delete", space, room, "--yes")
    assert ok("token")[0]["kind"] == "client"
