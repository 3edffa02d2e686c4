"""HS256 JWTs shaped like MoodHood's (docs/decisions.md, D5, D20), with revocation and an injected clock.

The signing key also keys the ids derived from names, so neither tokens nor ids can be made up.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from collections.abc import Callable
from typing import Any

import jwt

__all__ = ["TokenIssuer", "derive_id", "new_jti", "new_signing_key"]

_JTI_ALPHABET = string.ascii_letters + string.digits + "_-"


def new_signing_key() -> str:
    """A random signing key (256 bits, URL-safe text): the default for every new sandbox."""
    return secrets.token_urlsafe(32)


def derive_id(key: str, *parts: str) -> str:
    """A 24-hex id for ``parts`` (``"user", email``): stable for one key, unguessable without it."""
    message = "\x00".join(parts).encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:24]


def new_jti() -> str:
    """A random 21-character id, like the nanoids in real tokens."""
    return "".join(secrets.choice(_JTI_ALPHABET) for _ in range(21))


class TokenIssuer:
    """Signs and checks access/refresh tokens.

    ``clock`` returns the current Unix time; ``iat``/``exp`` are whole seconds and a token is valid while
    ``clock() < exp``. Every issued ``jti`` is remembered so :meth:`revoke_all` can invalidate them.
    """

    def __init__(self, secret: str, client_db_id: str, clock: Callable[[], float]) -> None:
        self._secret = secret
        self._client_db_id = client_db_id
        self._clock = clock
        self._issued: set[str] = set()
        self._revoked: set[str] = set()

    @property
    def client_db_id(self) -> str:
        """The internal id of the OAuth client (``cId``, and ``sub`` of client tokens)."""
        return self._client_db_id

    def issue_pair(
        self,
        aud: str,
        sub: str,
        access_ttl: int,
        refresh_ttl: int,
        *,
        extra: dict[str, Any] | None = None,
    ) -> tuple[str, str]:
        """A new ``(access_token, refresh_token)`` for ``aud`` (``client`` or ``user``) and ``sub``."""
        return (
            self.issue(aud, sub, "accessToken", access_ttl, extra),
            self.issue(aud, sub, "refreshToken", refresh_ttl, extra),
        )

    def issue(self, aud: str, sub: str, kind: str, ttl: int, extra: dict[str, Any] | None = None) -> str:
        """One signed token of ``kind`` (``accessToken`` or ``refreshToken``) living ``ttl`` seconds."""
        iat = int(self._clock())
        jti = new_jti()
        claims: dict[str, Any] = {"aud": aud, "type": kind, "sub": sub, "cId": self._client_db_id}
        if aud == "user":
            claims["sgn"] = derive_id(self._secret, "sgn", sub)[:10]
        claims.update(extra or {})
        claims.update({"jti": jti, "iat": iat, "exp": iat + ttl})
        self._issued.add(jti)
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def check(self, token: str, kind: str) -> tuple[dict[str, Any] | None, str]:
        """``(claims, "")`` for a valid token of ``kind``, else ``(None, reason)``.

        ``reason`` is one of ``malformed``, ``wrong_type``, ``expired``, ``revoked``.
        """
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                options={"verify_exp": False, "verify_iat": False, "verify_aud": False, "verify_nbf": False},
            )
        except jwt.PyJWTError:
            return None, "malformed"
        if not isinstance(claims.get("exp"), int) or not isinstance(claims.get("jti"), str):
            return None, "malformed"
        if claims.get("type") != kind or claims.get("aud") not in ("client", "user"):
            return None, "wrong_type"
        if claims.get("cId") != self._client_db_id:
            return None, "malformed"
        if self._clock() >= claims["exp"]:
            return None, "expired"
        if claims["jti"] in self._revoked:
            return None, "revoked"
        return claims, ""

    def revoke(self, jti: str) -> None:
        """Invalidate one token."""
        self._revoked.add(jti)

    def revoke_all(self) -> int:
        """Invalidate every token issued so far; returns how many were still live."""
        fresh = len(self._issued - self._revoked)
        self._revoked |= self._issued
        return fresh
