"""The sandbox's settings: who may log in, token lifetimes, switches."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from moodhood._embed import DEFAULT_BASE_URL as DEFAULT_WEB_APP_URL
from moodhood._secrets import mask

__all__ = [
    "DEFAULT_WEB_APP_URL",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_PASSWORD",
    "DEMO_PERSONAL_TOKEN",
    "DEMO_USER",
    "SandboxConfig",
]

DEMO_CLIENT_ID = "sandbox-client"
DEMO_CLIENT_SECRET = "SandboxDemoSecret0123456789abcde"  # 32 alphanumerics, public demo value
DEMO_USER = "demo@example.com"
DEMO_PASSWORD = "sandbox-demo-password"
DEMO_PERSONAL_TOKEN = "mh-sandbox-personal-token-demo-0001"

_DAY = 24 * 60 * 60


@dataclass(frozen=True, kw_only=True)
class SandboxConfig:
    """Immutable settings of one sandbox.

    ``users`` are ``(email, password)`` pairs; the first one owns every ``personal_tokens`` entry.
    ``access_ttl`` / ``refresh_ttl`` are JWT lifetimes in whole seconds (at least 1). ``doc_auth`` is a
    ``(user, password)`` pair that protects ``/doc/`` with basic auth. ``port=0`` picks a free port.
    ``webhook_attempts`` deliveries are tried ``webhook_retry_interval`` seconds apart.
    ``web_app_url`` is where room links (generate-access, guest-url) point: the vendor's web app by
    default; ``None`` points them at this sandbox, which then serves a minimal room page at ``/room/<alias>``.
    """

    host: str = "127.0.0.1"
    port: int = 0
    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    users: tuple[tuple[str, str], ...] = ((DEMO_USER, DEMO_PASSWORD),)
    personal_tokens: tuple[str, ...] = (DEMO_PERSONAL_TOKEN,)
    access_ttl: int = 7 * _DAY
    refresh_ttl: int = 21 * _DAY
    refresh_grant_enabled: bool = True
    doc_auth: tuple[str, str] | None = None
    jwt_secret: str = field(default="moodhood-sandbox-jwt-signing-key-not-secret")
    webhook_attempts: int = 3
    webhook_retry_interval: float = 0.5
    webhook_timeout: float = 5.0
    spec_path: str | None = None
    web_app_url: str | None = DEFAULT_WEB_APP_URL

    def __post_init__(self) -> None:
        if self.access_ttl < 1 or self.refresh_ttl < 1:
            raise ValueError("access_ttl and refresh_ttl must be at least 1 second")
        if not self.users and self.personal_tokens:
            raise ValueError("personal tokens need at least one user to belong to")
        if self.webhook_attempts < 1:
            raise ValueError("webhook_attempts must be at least 1")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")
        if self.web_app_url is not None and not self.web_app_url.startswith(("https://", "http://")):
            raise ValueError("web_app_url must be an http(s):// URL, or None for the sandbox's room pages")

    def replace(self, **changes: object) -> SandboxConfig:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        users = "".join(f"({email!r}, {mask(pw)!r}), " for email, pw in self.users).rstrip(" ")
        tokens = "".join(f"{mask(t)!r}, " for t in self.personal_tokens).rstrip(" ")
        doc = None if self.doc_auth is None else f"({self.doc_auth[0]!r}, {mask(self.doc_auth[1])!r})"
        return (
            f"SandboxConfig(host={self.host!r}, port={self.port!r}, client_id={self.client_id!r}, "
            f"client_secret={mask(self.client_secret)!r}, users=({users}), personal_tokens=({tokens}), "
            f"access_ttl={self.access_ttl!r}, refresh_ttl={self.refresh_ttl!r}, "
            f"refresh_grant_enabled={self.refresh_grant_enabled!r}, doc_auth={doc}, "
            f"web_app_url={self.web_app_url!r})"
        )
