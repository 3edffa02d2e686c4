"""Turning the CLI's connection options into ``Credentials`` and a ``Moodhood`` client."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from moodhood._credentials import ENV_VARS, Credentials
from moodhood._exceptions import ConfigurationError

if TYPE_CHECKING:
    import httpx

    from moodhood._auth import TokenEvent
    from moodhood._client import Moodhood
    from moodhood._store import TokenStore
    from moodhood.cli._common import Settings

__all__ = ["credentials", "open_client"]

_HIDDEN = (*ENV_VARS.values(), "MOODHOOD_BASE_URL")


def _need(value: str | None, flag: str, env: str, why: str = "") -> str:
    if not value:
        raise ConfigurationError(f"{flag[2:].replace('-', ' ')} is missing: pass {flag} or set {env}{why}")
    return value


def credentials(settings: Settings, *, user: bool | None = None) -> Credentials:
    """The credentials the options describe: a personal token, or client (+ user) credentials.

    ``user=True`` demands a user (username and password); ``user=False`` ignores them.
    """
    client_given = settings.client_id or settings.client_secret
    if settings.token and client_given and not user:
        token_flag = "token" not in settings.from_env
        client_flag = bool({"client_id", "client_secret"} - settings.from_env)
        if token_flag != client_flag:  # a flag beats a variable
            if token_flag:
                settings = dataclasses.replace(settings, client_id=None, client_secret=None)
            else:
                settings = dataclasses.replace(settings, token=None)
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


def open_client(
    settings: Settings,
    *,
    creds: Credentials | None = None,
    on_token: Callable[[TokenEvent], None] | None = None,
    store: TokenStore | None = None,
    http_client: httpx.Client | None = None,
) -> Moodhood:
    """A ``Moodhood`` client for ``settings``; tokens are kept in the token file unless ``store`` is given."""
    from moodhood._client import Moodhood
    from moodhood._store import FileTokenStore

    creds = creds or credentials(settings)
    if store is None and creds.mode != "personal":
        settings.token_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        store = FileTokenStore(settings.token_path)
    # The options already hold what the environment gave; hide it so that it cannot add, say, a username
    # to credentials chosen to be client-only.
    with _environment_hidden():
        return Moodhood(
            base_url=settings.base_url,
            client_id=creds.client_id,
            client_secret=creds.client_secret,
            username=creds.username,
            password=creds.password,
            token=creds.token,
            token_store=store,
            on_token=on_token,
            http_client=http_client,
        )


@contextlib.contextmanager
def _environment_hidden() -> Iterator[None]:
    saved = {name: os.environ.pop(name) for name in _HIDDEN if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
