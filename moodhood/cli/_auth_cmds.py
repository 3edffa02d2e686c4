"""``moodhood login`` (the two-step token flow into the token file) and ``moodhood token``."""

from __future__ import annotations

import datetime
import time
from typing import TYPE_CHECKING, Any

import typer

from moodhood._secrets import mask
from moodhood.cli._common import Session, Settings, command
from moodhood.cli._errors import CommandError

if TYPE_CHECKING:
    from moodhood._auth import TokenEvent
    from moodhood._store import StoredToken, TokenKey

__all__ = ["register", "token_info"]


def _when(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _left(expires_at: float | None, now: float) -> str:
    if expires_at is None:
        return "unknown (no expiry)"
    seconds = expires_at - now
    if seconds <= 0:
        return "expired"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.0f} s"


def token_info(
    kind: str, value: str, expires_at: float | None = None, *, now: float | None = None
) -> dict[str, Any]:
    """A masked description of a token: kind, audience and type claims, subject, expiry."""
    from moodhood._tokens import decode_jwt_claims

    now = time.time() if now is None else now
    claims = decode_jwt_claims(value) or {}
    exp = claims.get("exp")
    if expires_at is None and isinstance(exp, int | float) and not isinstance(exp, bool):
        expires_at = float(exp)
    return {
        "kind": kind,
        "token": mask(value),
        "audience": claims.get("aud"),
        "type": claims.get("type"),
        "subject": claims.get("sub"),
        "expiresAt": _when(expires_at),
        "expiresIn": _left(expires_at, now),
    }


def _stored(kind: str, stored: StoredToken | None) -> list[dict[str, Any]]:
    return [] if stored is None else [token_info(kind, stored.value, stored.expires_at)]


def _keys(settings: Settings) -> tuple[TokenKey, TokenKey | None]:
    from moodhood._config import resolve_base_url
    from moodhood._exceptions import ConfigurationError
    from moodhood._store import TokenKey

    if not settings.client_id:
        raise ConfigurationError("client id is missing: pass --client-id or set MOODHOOD_CLIENT_ID")
    base = str(resolve_base_url(settings.base_url or None, environ={}))
    client = TokenKey(base, settings.client_id, None)
    user = TokenKey(base, settings.client_id, settings.username) if settings.username else None
    return client, user


_TOKEN_COLUMNS = ("kind", "token", "audience", "type", "expiresAt", "expiresIn")


def login(session: Session) -> None:
    """Sign in (client token, then user token) and keep the tokens in the token file for later commands.

    Later commands still need the credentials (MOODHOOD_* variables) to renew tokens; what they gain is
    no token request per command. A personal token needs no login: it is only checked.
    """
    from moodhood_api.api.users import get_me

    from moodhood._store import FileTokenStore
    from moodhood.cli._connect import credentials, open_client

    settings = session.settings
    events: list[TokenEvent] = []
    creds = credentials(settings, user=None if settings.token else True)
    if creds.mode == "personal":
        with open_client(settings, creds=creds) as mh:
            me = mh.call(get_me.sync_detailed)
        session.out.data(
            {
                "user": getattr(me, "email", None) or me.id,
                "baseUrl": str(mh.base_url),
                "tokens": [token_info("personal", creds.token or "")],
                "note": "personal tokens are not stored; keep using --token / MOODHOOD_TOKEN",
            }
        )
        return
    settings.token_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = FileTokenStore(settings.token_path)
    client_key, user_key = _keys(settings)
    for key in (client_key, user_key):
        if key is not None:
            store.delete(key)
    with open_client(settings, creds=creds, store=store, on_token=events.append) as mh:
        me = mh.call(get_me.sync_detailed)
    record = store.load(user_key) if user_key is not None else None
    if record is None:
        from moodhood._exceptions import TokenStoreError

        raise TokenStoreError(f"signed in, but the tokens could not be saved to {settings.token_path}")
    tokens = [token_info(e.kind, e.token.value) for e in events]
    if session.out.json:
        session.out.data(
            {
                "user": getattr(me, "email", None) or me.id,
                "baseUrl": str(mh.base_url),
                "tokenFile": str(settings.token_path),
                "tokens": tokens,
            }
        )
        return
    session.out.note(f"signed in as {getattr(me, 'email', None) or me.id} at {mh.base_url}")
    session.out.data(tokens, columns=_TOKEN_COLUMNS)
    session.out.note(f"tokens saved to {settings.token_path}")


def token(session: Session) -> None:
    """Show the token in use, masked: kind, audience, expiry (from --token or the token file; no request)."""
    from moodhood._store import FileTokenStore

    settings = session.settings
    if settings.token:
        rows = [token_info("personal", settings.token)]
    else:
        store = FileTokenStore(settings.token_path)
        client_key, user_key = _keys(settings)
        rows = []
        client = store.load(client_key)
        if client is not None:
            rows += _stored("client", client.access)
        user = store.load(user_key) if user_key is not None else None
        if user is not None:
            rows += _stored("user", user.access) + _stored("refresh", user.refresh)
        if not rows:
            who = f"{settings.username} via " if settings.username else ""
            raise CommandError(
                f"no stored tokens for {who}client {settings.client_id!r} at {client_key.base_url} in "
                f"{settings.token_path}: run 'moodhood login' first"
            )
    session.out.data(rows, columns=_TOKEN_COLUMNS)


def register(app: typer.Typer) -> None:
    """Add ``login`` and ``token`` to ``app``."""
    command(app, "login")(login)
    command(app, "token")(token)
