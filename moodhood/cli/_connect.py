"""Turning the CLI's connection options, the environment and the saved profile into a ``Moodhood`` client.

Precedence, field by field: a flag, then its ``MOODHOOD_*`` variable, then the profile saved by
``moodhood login`` (``--profile`` / ``MOODHOOD_PROFILE`` / ``default``). A personal token
(``--token`` / ``MOODHOOD_TOKEN``) needs no profile. The profile is used only for the server and client it
was made for: another ``--base-url`` or ``--client-id`` leaves it aside.

Secrets of a profile are never read up front: the client secret and the password reach the SDK as
``SecretProvider`` callables, called only when a grant needs them (a renewal). The client secret comes
from where ``login`` kept it, else a hidden prompt on a terminal; the password (never stored) from a
hidden prompt on a terminal. Without a terminal the provider raises one line saying to run
``moodhood login``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from moodhood._credentials import ENV_VARS, Credentials
from moodhood._exceptions import ConfigurationError

if TYPE_CHECKING:
    import httpx

    from moodhood._auth import TokenEvent
    from moodhood._client import Moodhood
    from moodhood._store import TokenStore
    from moodhood.cli._common import Settings
    from moodhood.cli._profiles import Profile

__all__ = [
    "Connection",
    "connection",
    "credentials",
    "flags_beat_variables",
    "open_client",
    "password_provider",
    "profile_for",
    "secret_provider",
]

_HIDDEN = (*ENV_VARS.values(), "MOODHOOD_BASE_URL")

Provider = Callable[[], str]
"""A ``moodhood.SecretProvider``: called by the SDK only when a grant needs the value."""
Secret = str | Provider


def _need(value: str | None, flag: str, env: str, why: str = "") -> str:
    if not value:
        raise ConfigurationError(f"{flag[2:].replace('-', ' ')} is missing: pass {flag} or set {env}{why}")
    return value


def flags_beat_variables(settings: Settings) -> Settings:
    """A personal token and client credentials given at different levels: keep the flag's side."""
    client_given = settings.client_id or settings.client_secret
    if settings.token and client_given:
        token_flag = "token" not in settings.from_env
        client_flag = bool({"client_id", "client_secret"} - settings.from_env)
        if token_flag != client_flag:
            if token_flag:
                return dataclasses.replace(settings, client_id=None, client_secret=None)
            return dataclasses.replace(settings, token=None)
    return settings


def credentials(settings: Settings, *, user: bool | None = None) -> Credentials:
    """The credentials the options alone describe: a personal token, or client (+ user) credentials.

    ``user=True`` demands a user (username and password); ``user=False`` ignores them.
    """
    if not user:
        settings = flags_beat_variables(settings)
    client_given = settings.client_id or settings.client_secret
    if settings.token and not user:
        if client_given:
            raise ConfigurationError(
                "both a personal token (--token / MOODHOOD_TOKEN) and client credentials "
                "(--client-id / MOODHOOD_CLIENT_ID) are set: use one of them"
            )
        return Credentials.personal(settings.token)
    client_id = _need(
        settings.client_id,
        "--client-id",
        "MOODHOOD_CLIENT_ID",
        "" if user else " (or use a personal token: --token / MOODHOOD_TOKEN)",
    )
    client_secret = _need(settings.client_secret, "--client-secret", "MOODHOOD_CLIENT_SECRET")
    if user is False or (user is None and not (settings.username or settings.password)):
        return Credentials.client(client_id, client_secret)
    username = _need(settings.username, "--username", "MOODHOOD_USERNAME")
    password = _need(settings.password, "--password", "MOODHOOD_PASSWORD")
    return Credentials.user(client_id, client_secret, username, password)


@dataclass(frozen=True, repr=False)
class Connection:
    """Who a command authenticates as; the secrets may be providers (called only when a grant needs them)."""

    client_id: str | None = None
    client_secret: Secret | None = None
    username: str | None = None
    password: Secret | None = None
    token: str | None = None
    profile: Profile | None = None

    @classmethod
    def of(cls, creds: Credentials) -> Connection:
        return cls(creds.client_id, creds.client_secret, creds.username, creds.password, creds.token)

    @property
    def mode(self) -> str:
        return "personal" if self.token else "user" if self.username else "client"

    def __repr__(self) -> str:
        return f"Connection(mode={self.mode!r}, client_id={self.client_id!r}, username={self.username!r})"


def _login_hint(profile: Profile, what: str) -> ConfigurationError:
    flag = "" if profile.name == "default" else f" --profile {profile.name}"
    return ConfigurationError(
        f"{what}, and this is not a terminal to ask on: run 'moodhood login{flag}' "
        "(or set the MOODHOOD_* credentials)"
    )


def secret_provider(profile: Profile) -> Provider:
    """The profile's client secret: from where ``login`` kept it, else asked on a terminal, else an error.

    A value typed at the prompt is remembered for the rest of this command (one renewal may need it for
    two grants), never written anywhere.
    """
    typed: list[str] = []

    def provide() -> str:
        from moodhood.cli import _prompt
        from moodhood.cli._keychain import read_secret

        stored = read_secret(profile)
        if stored:
            return stored
        if typed:
            return typed[0]
        if not _prompt.interactive():
            raise _login_hint(profile, f"profile {profile.name!r} needs its client secret to renew tokens")
        typed.append(_prompt.ask_secret(f"Client secret of {profile.client_id} at {profile.base_url}"))
        return typed[0]

    return provide


def password_provider(profile: Profile, username: str) -> Provider:
    """The user's password (never stored): asked on a terminal when the refresh grant was refused."""
    typed: list[str] = []

    def provide() -> str:
        from moodhood.cli import _prompt

        if typed:
            return typed[0]
        if not _prompt.interactive():
            raise _login_hint(
                profile,
                f"the session of {username} has ended (profile {profile.name!r}; passwords are never stored)",
            )
        _prompt.note(f"The session of {username} at {profile.base_url} has ended; sign in again.")
        typed.append(_prompt.ask_secret(f"Password for {username}"))
        return typed[0]

    return provide


def profile_for(settings: Settings) -> Profile | None:
    """The saved profile, if it was made for the server and client these options name."""
    from moodhood.cli._profiles import load_profile

    profile = load_profile(settings.profile_name)
    if profile is None:
        return None
    if settings.base_url:
        from moodhood._config import resolve_base_url  # loads httpx: only when a base URL was given

        if str(resolve_base_url(settings.base_url, environ={})) != profile.base_url:
            return None
    if settings.client_id and settings.client_id != profile.client_id:
        return None
    return profile


def connection(settings: Settings) -> Connection:
    """Who to authenticate as: a personal token, the options given, or the saved profile filling in."""
    settings = flags_beat_variables(settings)
    if settings.token:
        return Connection.of(credentials(settings))
    profile = profile_for(settings)
    if profile is None:
        if not (settings.client_id or settings.client_secret or settings.username or settings.password):
            flag = "" if settings.profile_name == "default" else f" --profile {settings.profile_name}"
            raise ConfigurationError(
                f"not logged in (profile {settings.profile_name!r}): run 'moodhood login{flag}', "
                "or set MOODHOOD_TOKEN to a personal token"
            )
        return Connection.of(credentials(settings))
    username = settings.username or profile.username
    return Connection(
        client_id=profile.client_id,
        client_secret=settings.client_secret or secret_provider(profile),
        username=username,
        password=settings.password or password_provider(profile, username),
        profile=profile,
    )


def open_client(
    settings: Settings,
    *,
    creds: Credentials | None = None,
    on_token: Callable[[TokenEvent], None] | None = None,
    store: TokenStore | None = None,
    http_client: httpx.Client | None = None,
) -> Moodhood:
    """A ``Moodhood`` client for ``settings`` (or for ``creds``); tokens live in the profile's token file."""
    from moodhood._client import Moodhood
    from moodhood._store import FileTokenStore

    conn = Connection.of(creds) if creds is not None else connection(settings)
    profile = conn.profile
    if store is None and conn.mode != "personal":
        settings.token_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        store = FileTokenStore(settings.token_path)
    # The options already hold what the environment gave; hide it so that it cannot add, say, a username
    # to credentials chosen to be client-only.
    with _environment_hidden():
        return Moodhood(
            base_url=settings.base_url or (profile.base_url if profile else None),
            client_id=conn.client_id,
            client_secret=conn.client_secret,
            username=conn.username,
            password=conn.password,
            token=conn.token,
            token_store=store,
            on_token=on_token,
            http_client=http_client,
            allow_insecure_http=settings.allow_insecure_http or bool(profile and profile.allow_insecure_http),
        )


@contextlib.contextmanager
def _environment_hidden() -> Iterator[None]:
    saved = {name: os.environ.pop(name) for name in _HIDDEN if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
