"""``moodhood login``, ``logout``, ``auth status`` and ``token``: sign in once, per profile.

``login`` signs in (client token, then user token), keeps the tokens in the profile's token file and the
client secret where the user chose (``_keychain``), and saves the profile (``_profiles``); later commands
read all of it, so they need no credential in the environment while the tokens live. The password is
never stored. A personal token (``MOODHOOD_TOKEN``) needs no login at all.
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from typing import TYPE_CHECKING, Annotated, Any

import typer

from moodhood._secrets import mask
from moodhood.cli._common import Session, Settings, command
from moodhood.cli._errors import CommandError

if TYPE_CHECKING:
    from moodhood._auth import TokenEvent
    from moodhood._store import StoredToken, TokenKey
    from moodhood.cli._profiles import Profile, SecretHome

__all__ = ["register", "token_info"]

_TOKEN_COLUMNS = ("kind", "token", "audience", "type", "expiresAt", "expiresIn")


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).isoformat().replace("+00:00", "Z")


def human_left(seconds: float | None) -> str:
    """``7.0 d``, ``3.5 h``, ``12 s``, ``expired``, or ``unknown`` for a token with no expiry."""
    if seconds is None:
        return "unknown (no expiry)"
    if seconds <= 0:
        return "expired"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.0f} s"


def token_info(
    kind: str, value: str, expires_at: float | None = None, *, now: float | None = None
) -> dict[str, Any]:
    """A masked description of a token in machine values: ``expiresAt`` ISO 8601, ``expiresIn`` seconds."""
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
        "expiresAt": _iso(expires_at),
        "expiresIn": None if expires_at is None else max(0, round(expires_at - now)),
        "expired": None if expires_at is None else expires_at <= now,
    }


def _for_people(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row | {"expiresIn": human_left(row["expiresIn"])} for row in rows]


def _show_tokens(session: Session, rows: list[dict[str, Any]]) -> None:
    session.out.data(rows if session.out.json else _for_people(rows), columns=_TOKEN_COLUMNS)


def _stored(kind: str, stored: StoredToken | None) -> list[dict[str, Any]]:
    return [] if stored is None else [token_info(kind, stored.value, stored.expires_at)]


def _stored_rows(settings: Settings, key_client: TokenKey, key_user: TokenKey | None) -> list[dict[str, Any]]:
    from moodhood._store import FileTokenStore

    store = FileTokenStore(settings.token_path)
    rows = []
    client = store.load(key_client)
    if client is not None:
        rows += _stored("client", client.access)
    user = store.load(key_user) if key_user is not None else None
    if user is not None:
        rows += _stored("user", user.access) + _stored("refresh", user.refresh)
    return rows


def _key(base_url: str, client_id: str, username: str | None = None) -> TokenKey:
    """A token store key; ``base_url`` normalised (a profile's is; ``_base`` makes one)."""
    from moodhood._store import TokenKey

    return TokenKey(base_url, client_id, username)


def _keys(base_url: str, client_id: str, username: str | None) -> tuple[TokenKey, TokenKey | None]:
    """The client's key and, with a username, the user's."""
    return _key(base_url, client_id), _key(base_url, client_id, username) if username else None


def _base(given: str | None) -> str:
    """``given`` (or ``MOODHOOD_BASE_URL``'s default) normalised as the SDK keys its tokens."""
    from moodhood._config import resolve_base_url

    return str(resolve_base_url(given or None, environ={}))


# -- login ------------------------------------------------------------------------------------------------


def _value(
    given: str | None, old: str | None, label: str, *, secret: bool = False, default: str | None = None
) -> str | None:
    """A flag or variable, else a prompt on a terminal (the old profile's value as its default), else old."""
    from moodhood.cli import _prompt

    if given:
        return given
    if _prompt.interactive():
        if secret:
            return _prompt.ask_secret(label) or None
        return _prompt.ask(label, default=old or default) or None
    return old or default


def _secret_home(in_file: bool, nowhere: bool) -> SecretHome:
    from moodhood.cli._keychain import keyring_backend

    if nowhere:
        return "none"
    if in_file:
        return "file"
    return "keyring" if keyring_backend() else "none"


def _old_profile(name: str) -> Profile | None:
    from moodhood._exceptions import ConfigurationError
    from moodhood.cli._profiles import load_profile

    try:
        return load_profile(name)
    except ConfigurationError:  # a damaged profile: this login replaces it
        return None


def _personal_login(session: Session) -> None:
    from moodhood.cli._connect import credentials, open_client

    settings = session.settings
    creds = credentials(settings)
    with open_client(settings, creds=creds) as mh:
        me = mh.users.me()
    session.out.data(
        {
            "user": getattr(me, "email", None) or me.id,
            "baseUrl": str(mh.base_url),
            "tokens": [token_info("personal", creds.token or "")],
            "note": "personal tokens are not stored; keep using --token / MOODHOOD_TOKEN",
        }
    )


def login(
    session: Session,
    store_secret_in_file: Annotated[
        bool,
        typer.Option(
            "--store-secret-in-file",
            help="Keep the client secret in a file readable only by you (mode 0600) instead of the keyring.",
        ),
    ] = False,
    no_store_secret: Annotated[
        bool,
        typer.Option(
            "--no-store-secret",
            help="Keep the client secret nowhere: renewals ask for it on a terminal.",
        ),
    ] = False,
) -> None:
    """Sign in once and save a profile, so later commands need no credentials.

    Values come from the flags or MOODHOOD_* variables, else prompts on a terminal. The profile keeps the
    base URL, client id, username and tokens; the client secret goes to the system keyring (the 'keyring'
    extra) when there is one, to a 0600 file with --store-secret-in-file, else nowhere. The password is
    never stored. A personal token (--token / MOODHOOD_TOKEN) needs no login; it is only checked.
    """
    from moodhood._config import DEFAULT_BASE_URL
    from moodhood._credentials import Credentials
    from moodhood._exceptions import TokenStoreError
    from moodhood._store import FileTokenStore
    from moodhood.cli._connect import open_client
    from moodhood.cli._keychain import forget_secret, read_secret, store_secret, where
    from moodhood.cli._profiles import Profile, save_profile

    if store_secret_in_file and no_store_secret:
        raise typer.BadParameter("--store-secret-in-file and --no-store-secret exclude each other")
    settings = session.settings
    if settings.token and not (settings.client_id or settings.username):
        _personal_login(session)
        return
    name = settings.profile_name
    old = _old_profile(name)
    base = _value(settings.base_url, old.base_url if old else None, "API base URL", default=DEFAULT_BASE_URL)
    base_url = _base(base)
    same_client = old is not None and old.base_url == base_url
    client_id = _value(settings.client_id, old.client_id if same_client and old else None, "Client id")
    if not client_id:
        raise CommandError("client id is missing: pass --client-id or set MOODHOOD_CLIENT_ID", exit_code=2)
    kept = read_secret(old) if old is not None and same_client and old.client_id == client_id else None
    secret = settings.client_secret or kept or _value(None, None, "Client secret", secret=True)
    if not secret:
        raise CommandError(
            "client secret is missing: pass --client-secret or set MOODHOOD_CLIENT_SECRET", exit_code=2
        )
    username = _value(settings.username, old.username if same_client and old else None, "Email")
    if not username:
        raise CommandError("username is missing: pass --username or set MOODHOOD_USERNAME", exit_code=2)
    password = _value(settings.password, None, "Password", secret=True)
    if not password:
        raise CommandError("password is missing: pass --password or set MOODHOOD_PASSWORD", exit_code=2)

    settings = dataclasses.replace(settings, base_url=base_url, client_id=client_id, username=username)
    session.redact(secret, password)
    settings.token_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = FileTokenStore(settings.token_path)
    user_key = _key(base_url, client_id, username)
    store.delete(_key(base_url, client_id))
    store.delete(user_key)
    events: list[TokenEvent] = []
    creds = Credentials.user(client_id, secret, username, password)
    with open_client(settings, creds=creds, store=store, on_token=events.append) as mh:
        me = mh.users.me()
    if store.load(user_key) is None:
        raise TokenStoreError(f"signed in, but the tokens could not be saved to {settings.token_path}")
    profile = Profile(
        name=name,
        base_url=base_url,
        client_id=client_id,
        username=username,
        secret=_secret_home(store_secret_in_file, no_store_secret),
        allow_insecure_http=settings.allow_insecure_http,
    )
    if old is not None:
        forget_secret(old)
    store_secret(profile, secret)
    save_profile(profile)
    tokens = [token_info(e.kind, e.token.value) for e in events]
    who = getattr(me, "email", None) or me.id
    if session.out.json:
        session.out.data(
            {
                "profile": name,
                "user": who,
                "baseUrl": base_url,
                "tokenFile": str(settings.token_path),
                "clientSecretStore": profile.secret,
                "tokens": tokens,
            }
        )
        return
    session.out.note(f"signed in as {who} at {base_url} (profile {name!r})")
    _show_tokens(session, tokens)
    session.out.note(f"tokens saved to {settings.token_path}")
    session.out.note(f"client secret: {where(profile)}")
    if profile.secret == "none" and not no_store_secret:
        session.out.note(
            "no system keyring here: renewals will ask for the client secret on a terminal "
            "(pip install 'moodhood[keyring]', or log in with --store-secret-in-file to keep it)"
        )


# -- logout, auth status, token ---------------------------------------------------------------------------


def _profile_or_fail(settings: Settings) -> Profile:
    from moodhood.cli._profiles import load_profile, profile_names

    profile = load_profile(settings.profile_name)
    if profile is None:
        others = ", ".join(profile_names()) or "none"
        raise CommandError(
            f"not logged in (profile {settings.profile_name!r}; saved profiles: {others}): "
            "run 'moodhood login'"
        )
    return profile


def logout(session: Session) -> None:
    """Forget a profile: its tokens, its stored client secret, its settings."""
    from moodhood._store import FileTokenStore
    from moodhood.cli._keychain import forget_secret
    from moodhood.cli._profiles import delete_profile

    settings = session.settings
    profile = _profile_or_fail(settings)
    if settings.token_path != profile.token_path:  # --token-file: remove this profile's entries there
        store = FileTokenStore(settings.token_path)
        for key in _keys(profile.base_url, profile.client_id, profile.username):
            if key is not None:
                store.delete(key)
    secret_removed = forget_secret(profile)
    delete_profile(profile)
    removed = ["tokens", "profile"] + (["client secret"] if secret_removed else [])
    if session.out.json:
        session.out.data({"profile": profile.name, "loggedOut": True, "removed": removed})
    else:
        session.out.note(
            f"logged out of profile {profile.name!r} ({profile.username}): removed {', '.join(removed)}"
        )


def status(session: Session) -> None:
    """Who you are signed in as: profile, server, user, tokens and their expiry, where secrets live."""
    import os

    from moodhood.cli._keychain import where
    from moodhood.cli._profiles import profile_names

    settings = session.settings
    profile = _profile_or_fail(settings)
    rows = _stored_rows(settings, *_keys(profile.base_url, profile.client_id, profile.username))
    info: dict[str, Any] = {
        "profile": profile.name,
        "baseUrl": profile.base_url,
        "clientId": profile.client_id,
        "user": profile.username,
        "clientSecretStore": profile.secret,
        "clientSecretLocation": where(profile),
        "passwordStore": "never stored",
        "tokenFile": str(settings.token_path),
        "profiles": profile_names(),
    }
    if os.environ.get("MOODHOOD_TOKEN"):
        info["note"] = "MOODHOOD_TOKEN is set: commands use that personal token, not this profile"
    if session.out.json:
        session.out.data(info | {"tokens": rows})
        return
    session.out.data(info | {"profiles": ", ".join(info["profiles"])})
    if rows:
        _show_tokens(session, rows)
    else:
        session.out.note("no tokens stored: the next command signs in again")


def token(session: Session) -> None:
    """Show the tokens in use, masked: kind, audience, expiry (no request)."""
    from moodhood.cli._connect import connection, flags_beat_variables, profile_for

    settings = flags_beat_variables(session.settings)
    profile = None if settings.token else profile_for(settings)
    if settings.token or (profile is None and not settings.client_id):
        conn = connection(settings)  # a personal token, or the one-line "not logged in"
        assert conn.token is not None
        _show_tokens(session, [token_info("personal", conn.token)])
        return
    client_id = settings.client_id or (profile.client_id if profile else "")
    username = settings.username or (profile.username if profile else None)
    # A profile's base URL is stored normalised: no need to load httpx to normalise it (start-up time).
    base_url = profile.base_url if profile and not settings.base_url else _base(settings.base_url)
    client_key, user_key = _keys(base_url, client_id, username)
    rows = _stored_rows(settings, client_key, user_key)
    if not rows:
        who = f"{username} via " if username else ""
        raise CommandError(
            f"no stored tokens for {who}client {client_id!r} at {client_key.base_url} in "
            f"{settings.token_path}: run 'moodhood login' first"
        )
    _show_tokens(session, rows)


def register(app: typer.Typer) -> None:
    """Add ``login``, ``logout``, ``auth status`` and ``token`` to ``app``."""
    command(app, "login")(login)
    command(app, "logout")(logout)
    auth = typer.Typer(
        name="auth",
        help="Who you are signed in as: profiles, tokens, where secrets live.",
        no_args_is_help=True,
    )
    command(auth, "status")(status)
    app.add_typer(auth)
    command(app, "token")(token)
