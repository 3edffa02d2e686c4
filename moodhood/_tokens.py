"""Token values: a bearer string with a lifetime counted on a local monotonic clock.

A token's lifetime is ``exp - iat`` from its JWT claims (D5), counted from the local moment the token
request was sent, so a server clock far off from ours changes nothing. A token that is not a JWT, has no
numeric ``exp`` and ``iat``, or has ``exp <= iat`` has an unknown lifetime: it stays usable until the API
answers 401. The JWT signature is never checked: the SDK only needs the lifetime.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import math
from dataclasses import dataclass, field
from typing import Any

from ._secrets import mask, remember

__all__ = ["Token", "TokenState", "decode_jwt_claims", "jwt_lifetime"]


class TokenState(enum.Enum):
    """Where a token stands on the local clock."""

    FRESH = "fresh"
    """Usable; not yet inside the refresh window (or of unknown lifetime)."""
    STALE = "stale"
    """Still valid but inside the refresh window: renew it before use."""
    EXPIRED = "expired"
    """Past its lifetime."""


def decode_jwt_claims(value: str) -> dict[str, Any] | None:
    """The JWT payload as a dict, or ``None`` when ``value`` is not a JWT with an object payload.

    Never raises, whatever ``value`` holds.
    """
    if not isinstance(value, str) or value.count(".") != 2 or len(value) > 64 * 1024:
        return None
    payload = value.split(".")[1]
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        claims = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return claims if isinstance(claims, dict) else None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def jwt_lifetime(claims: dict[str, Any] | None) -> float | None:
    """``exp - iat`` in seconds when both are finite numbers and ``exp > iat``, else ``None`` (unknown)."""
    if not claims:
        return None
    exp, iat = _number(claims.get("exp")), _number(claims.get("iat"))
    if exp is None or iat is None:
        return None
    lifetime = exp - iat
    return lifetime if math.isfinite(lifetime) and lifetime > 0 else None


@dataclass(frozen=True, repr=False, eq=False)
class Token:
    """A bearer token and its lifetime on the local monotonic clock.

    ``value`` is the token itself; ``repr`` and ``str`` show only its last 4 characters.
    ``obtained_at`` is the monotonic time at which the token request was sent; ``lifetime`` is in
    seconds, ``None`` when unknown. Tokens compare by identity.
    """

    value: str
    obtained_at: float = 0.0
    lifetime: float | None = None
    claims: dict[str, Any] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        remember(self.value)  # logs mask it wherever it shows up, not only where a pattern finds it

    @classmethod
    def from_response(cls, value: str, *, sent_at: float, expires_in: object = None) -> Token:
        """A token as received from the token endpoint, its lifetime read from its JWT claims.

        ``expires_in`` (standard OAuth 2, not sent by MoodHood today) is used only when the claims give none.
        """
        claims = decode_jwt_claims(value)
        lifetime = jwt_lifetime(claims)
        if lifetime is None:
            seconds = _number(expires_in)
            lifetime = seconds if seconds is not None and seconds > 0 else None
        return cls(value, obtained_at=sent_at, lifetime=lifetime, claims=claims)

    @property
    def expires_at(self) -> float | None:
        """The monotonic time at which the token expires, ``None`` when unknown."""
        return None if self.lifetime is None else self.obtained_at + self.lifetime

    def refresh_window(self, margin: float) -> float:
        """How long before expiry the token turns stale: ``min(margin, lifetime / 2)``."""
        if self.lifetime is None:
            return 0.0
        return max(0.0, min(margin, self.lifetime / 2))

    def state(self, now: float, margin: float) -> TokenState:
        """The token's state at monotonic time ``now`` with refresh margin ``margin`` seconds."""
        expires_at = self.expires_at
        if expires_at is None:
            return TokenState.FRESH
        if now >= expires_at:
            return TokenState.EXPIRED
        if now >= expires_at - self.refresh_window(margin):
            return TokenState.STALE
        return TokenState.FRESH

    def __repr__(self) -> str:
        lifetime = "unknown" if self.lifetime is None else f"{self.lifetime:g}s"
        return f"Token({mask(self.value)!r}, lifetime={lifetime})"

    __str__ = __repr__
