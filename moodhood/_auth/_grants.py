"""One small function per grant: what each token request carries (docs/decisions.md, D2, D4).

A grant is data: its ``grant_type``, its JSON body and the bearer it is sent with. Credentials come in a
``Masked`` dict (the renewal's, with providers already called), so no frame holds a bare secret. Turning it
into an ``httpx.Request`` and reading the answer is ``_exchange``'s job; choosing grants is the renewal
plan's. A new grant type is a function here and a step in ``_plan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from moodhood._exceptions import TokenError
from moodhood._secrets import mask
from moodhood._tokens import Token

__all__ = ["Grant", "Masked", "client_credentials", "is_rejection", "password", "refresh_token"]

_REJECTIONS = frozenset({"unsupported_grant_type", "invalid_grant"})
_SHOWN = frozenset({"client_id", "grant_type", "username", "Accept", "User-Agent"})


class Masked(dict[str, Any]):
    """A grant body, token-request headers or a parsed token response: a dict whose ``repr`` masks secrets.

    Tracebacks rendered with local variables (``capture_locals``, rich, ``--showlocals``, error trackers)
    print the locals of the renewal frames; this keeps the client secret, password and tokens out of them.
    """

    def __repr__(self) -> str:
        items = (
            f"{k!r}: {v!r}"
            if k in _SHOWN
            else f"{k!r}: {repr(mask(v)) if isinstance(v, str) else type(v).__name__}"
            for k, v in self.items()
        )
        return "{" + ", ".join(items) + "}"

    __str__ = __repr__


@dataclass(frozen=True, repr=False)
class Grant:
    """One token request to make: ``grant_type``, the JSON ``body`` and the ``bearer`` it carries (D2)."""

    grant_type: str
    body: Masked
    bearer: Token | None = None

    def __repr__(self) -> str:
        return f"Grant({self.grant_type!r}, {self.body!r}, bearer={self.bearer!r})"


def client_credentials(creds: Masked) -> Grant:
    """The client-credentials grant: a client token. ``creds`` holds ``client_id`` and ``client_secret``."""
    body = Masked(
        client_id=creds["client_id"], client_secret=creds["client_secret"], grant_type="client_credentials"
    )
    return Grant("client_credentials", body)


def password(creds: Masked, client: Token) -> Grant:
    """The password grant (``username`` is the email, D3), sent with the client token as bearer (D2).

    ``creds`` holds ``client_id``, ``client_secret``, ``username`` and ``password``.
    """
    body = Masked(
        client_id=creds["client_id"],
        client_secret=creds["client_secret"],
        grant_type="password",
        username=creds["username"],
        password=creds["password"],
    )
    return Grant("password", body, client)


def refresh_token(creds: Masked, refresh: Token) -> Grant:
    """The refresh grant (D4, assumed): a new pair for a user refresh token."""
    body = Masked(
        client_id=creds["client_id"],
        client_secret=creds["client_secret"],
        grant_type="refresh_token",
        refresh_token=refresh.value,
    )
    return Grant("refresh_token", body)


def is_rejection(exc: TokenError) -> bool:
    """Whether a refused refresh grant means "fall back to the password grant" (D4)."""
    return exc.status_code in (400, 401) or exc.error in _REJECTIONS
