"""Credentials: who the SDK authenticates as.

Three modes:

- ``"client"``: ``client_id`` + ``client_secret`` (client-credentials grant);
- ``"user"``: the same plus ``username`` (the user's email) + ``password`` (password grant);
- ``"personal"``: a personal token from the web UI, sent as a static bearer (D16).

``repr`` and ``str`` mask every secret (``client_secret``, ``password``, ``token``).

``client_secret`` and ``password`` may also be a ``SecretProvider``: a function of no arguments returning
the value. It is called only when a grant needs the value (never here, never by ``repr``, not while a
cached or stored token is usable), at most once per renewal, off the event loop in async flows, and its
result is dropped when the renewal ends. A ``ConfigurationError`` it raises reaches the caller unchanged;
anything but a non-empty string is a ``ConfigurationError``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from ._exceptions import ConfigurationError
from ._secrets import mask, remember

__all__ = ["ENV_VARS", "Credentials", "CredentialsMode", "SecretProvider", "resolve_secret"]

SecretProvider: TypeAlias = Callable[[], str]
"""A function returning a secret (``client_secret`` or ``password``) when a grant needs it."""

Secret: TypeAlias = str | SecretProvider
_LAZY = frozenset({"client_secret", "password"})

_BEARER = re.compile(r"[\x21-\x7e]+")

CredentialsMode = Literal["client", "user", "personal"]

ENV_VARS: Mapping[str, str] = {
    "client_id": "MOODHOOD_CLIENT_ID",
    "client_secret": "MOODHOOD_CLIENT_SECRET",
    "username": "MOODHOOD_USERNAME",
    "password": "MOODHOOD_PASSWORD",
    "token": "MOODHOOD_TOKEN",
}
"""The environment variable read for each ``Credentials.from_env`` argument."""


def resolve_secret(name: str, value: object) -> str:
    """What a ``SecretProvider`` for ``name`` returned, checked: a non-empty string."""
    if not isinstance(value, str) or not value:
        what = "an empty string" if isinstance(value, str) else f"a {type(value).__name__}"
        raise ConfigurationError(f"the {name} provider returned {what}, not the {name}")
    return value


def _shown(name: str, value: Secret | None) -> str:
    return "<provider>" if callable(value) else mask(value)


def _missing(name: str) -> ConfigurationError:
    return ConfigurationError(f"{name} is missing: pass {name}= or set {ENV_VARS[name]}")


@dataclass(frozen=True, repr=False)
class Credentials:
    """Immutable credentials in one of three modes; build them with the classmethods.

    Use ``Credentials.client(...)``, ``Credentials.user(...)``, ``Credentials.personal(...)`` or
    ``Credentials.from_env(...)`` rather than calling the constructor.
    """

    mode: CredentialsMode
    client_id: str | None = None
    client_secret: Secret | None = None
    username: str | None = None
    password: Secret | None = None
    token: str | None = None

    def __post_init__(self) -> None:
        required: dict[CredentialsMode, tuple[str, ...]] = {
            "client": ("client_id", "client_secret"),
            "user": ("client_id", "client_secret", "username", "password"),
            "personal": ("token",),
        }
        if self.mode not in required:
            raise ConfigurationError(f"unknown credentials mode {self.mode!r}")
        for name in ("client_id", "client_secret", "username", "password", "token"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str) and not (name in _LAZY and callable(value)):
                kind = "a string or a function returning one" if name in _LAZY else "a string"
                raise ConfigurationError(f"{name} must be {kind}, not {type(value).__name__}")
            wanted = name in required[self.mode]
            if wanted and not value:
                raise _missing(name)
            if not wanted and value is not None:
                raise ConfigurationError(f"{name} is not used by {self.mode!r} credentials")
        if self.token is not None and not _BEARER.fullmatch(self.token):
            # Sent as is, h11 would refuse the header with an error quoting it whole (token included).
            raise ConfigurationError(
                "token holds whitespace, control or non-ASCII characters (a newline read from a file?); "
                "a personal token is one word of printable ASCII"
            )
        remember(self.token)  # logs mask it wherever it shows up (an echo in a custom header)

    @classmethod
    def client(cls, client_id: str, client_secret: Secret) -> Credentials:
        """Client credentials: the client-credentials grant, a client token."""
        return cls("client", client_id=client_id, client_secret=client_secret)

    @classmethod
    def user(cls, client_id: str, client_secret: Secret, username: str, password: Secret) -> Credentials:
        """Client credentials plus a user's email and password: the password grant, a user token."""
        return cls(
            "user", client_id=client_id, client_secret=client_secret, username=username, password=password
        )

    @classmethod
    def personal(cls, token: str) -> Credentials:
        """A personal token from the web UI's Integration section: a static bearer with no expiry."""
        return cls("personal", token=token)

    @classmethod
    def from_env(
        cls,
        client_id: str | None = None,
        client_secret: Secret | None = None,
        username: str | None = None,
        password: Secret | None = None,
        token: str | None = None,
        *,
        environ: Mapping[str, str] = os.environ,
    ) -> Credentials:
        """Credentials from the arguments, each falling back to its ``MOODHOOD_*`` variable.

        Arguments beat variables. A personal token (``token=`` / ``MOODHOOD_TOKEN``) is used when no client
        credential is given at the same level; giving both a token and client credentials at the same level
        is a ``ConfigurationError``. A missing value raises ``ConfigurationError`` naming the argument and
        the variable. Empty strings count as missing.
        """
        given: dict[str, Secret | None] = {
            "client_id": client_id or None,
            "client_secret": client_secret or None,
            "username": username or None,
            "password": password or None,
            "token": token or None,
        }
        client_names = ("client_id", "client_secret", "username", "password")
        explicit_client = any(given[name] for name in client_names)
        if given["token"] and explicit_client:
            raise ConfigurationError(
                "pass either token= (a personal token) or client_id=/client_secret= "
                "(client credentials), not both"
            )
        if isinstance(given["token"], str):
            return cls.personal(given["token"])
        values = {name: given[name] or environ.get(ENV_VARS[name]) or None for name in given}
        if not explicit_client:
            env_client = any(environ.get(ENV_VARS[name]) for name in client_names)
            if values["token"] and env_client:
                raise ConfigurationError(
                    f"both {ENV_VARS['token']} and {ENV_VARS['client_id']}/{ENV_VARS['client_secret']} "
                    "are set: unset one, or pass the credentials you mean as arguments"
                )
            if isinstance(values["token"], str):
                return cls.personal(values["token"])
        if not isinstance(values["client_id"], str):
            raise ConfigurationError(
                f"client_id is missing: pass client_id= or set {ENV_VARS['client_id']} "
                f"(or use a personal token: token= or {ENV_VARS['token']})"
            )
        client_id_, client_secret_ = values["client_id"], values["client_secret"]
        username_, password_ = values["username"], values["password"]
        if not client_secret_:
            raise _missing("client_secret")
        if username_ or password_:
            if not isinstance(username_, str):
                raise _missing("username")
            if not password_:
                raise _missing("password")
            return cls.user(client_id_, client_secret_, username_, password_)
        return cls.client(client_id_, client_secret_)

    def secrets(self) -> tuple[str, ...]:
        """The secret values held (for redaction): client secret, password, personal token; never calls a
        provider."""
        return tuple(s for s in (self.client_secret, self.password, self.token) if isinstance(s, str) and s)

    def __repr__(self) -> str:
        if self.mode == "personal":
            return f"Credentials(mode='personal', token={mask(self.token)!r})"
        parts = [
            f"mode={self.mode!r}",
            f"client_id={self.client_id!r}",
            f"client_secret={_shown('client_secret', self.client_secret)!r}",
        ]
        if self.mode == "user":
            parts += [f"username={self.username!r}", f"password={_shown('password', self.password)!r}"]
        return f"Credentials({', '.join(parts)})"

    __str__ = __repr__
