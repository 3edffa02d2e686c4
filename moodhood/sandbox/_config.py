"""The sandbox's settings: who may log in, token lifetimes, switches."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from moodhood._embed import DEFAULT_BASE_URL as DEFAULT_WEB_APP_URL
from moodhood._net import is_loopback
from moodhood._secrets import mask
from moodhood.sandbox._allow import parse_allow_entry

__all__ = [
    "DEFAULT_WEB_APP_URL",
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_PASSWORD",
    "DEMO_PERSONAL_TOKEN",
    "DEMO_USER",
    "MAX_BODY_BYTES",
    "MAX_CLOCK_OFFSET",
    "MAX_RETRY_INTERVAL",
    "MAX_TTL",
    "MIN_SIGNING_KEY_LENGTH",
    "SandboxConfig",
]

DEMO_CLIENT_ID = "sandbox-client"
DEMO_CLIENT_SECRET = "SandboxDemoSecret0123456789abcde"  # 32 alphanumerics, public demo value
DEMO_USER = "demo@example.com"
DEMO_PASSWORD = "sandbox-demo-password"
DEMO_PERSONAL_TOKEN = "mh-sandbox-personal-token-demo-0001"

_DAY = 24 * 60 * 60

MAX_BODY_BYTES = 1024 * 1024
"""Default cap on a request body (1 MiB); larger ones get 413."""
MAX_TTL = 100 * 365 * _DAY
"""Longest token lifetime (about 100 years), so ``exp`` stays a sane timestamp."""
MAX_CLOCK_OFFSET = 100 * 365 * _DAY
"""How far ``/__sandbox/clock`` may move the clock from real time, either way (about 100 years)."""
MAX_RETRY_INTERVAL = 3600
"""Longest pause between webhook delivery attempts, in seconds."""
MIN_SIGNING_KEY_LENGTH = 32
"""A ``signing_key`` shorter than this is refused (HS256 wants at least 256 bits)."""


@dataclass(frozen=True, kw_only=True)
class SandboxConfig:
    """Immutable settings of one sandbox.

    ``users`` are ``(email, password)`` pairs; the first one owns every ``personal_tokens`` entry.
    ``access_ttl`` / ``refresh_ttl`` are JWT lifetimes in whole seconds (at least 1). ``doc_auth`` is a
    ``(user, password)`` pair that protects ``/doc/`` with basic auth. ``port=0`` picks a free port.
    ``webhook_attempts`` deliveries are tried ``webhook_retry_interval`` seconds apart.
    ``web_app_url`` is where room links (generate-access, guest-url) point: the vendor's web app by
    default; ``None`` points them at this sandbox, which then serves a minimal room page at ``/room/<alias>``.

    Safety (docs/sandbox.md): ``signing_key`` signs the JWTs and keys the derived user ids; ``None`` means a
    random key for each app, so tokens cannot be forged and ids cannot be guessed. ``/__sandbox/`` controls
    answer loopback clients only unless ``allow_remote_control``. ``webhook_allow`` lists the webhook targets
    permitted (host names with ``*`` wildcards, IP addresses or networks); it applies when ``host`` is not
    loopback (where an empty list permits nothing) or whenever it is given. Bodies above ``max_body_bytes``
    get 413.
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
    signing_key: str | None = None
    allow_remote_control: bool = False
    webhook_allow: tuple[str, ...] = ()
    max_body_bytes: int = MAX_BODY_BYTES
    webhook_attempts: int = 3
    webhook_retry_interval: float = 0.5
    webhook_timeout: float = 5.0
    spec_path: str | None = None
    web_app_url: str | None = DEFAULT_WEB_APP_URL

    def __post_init__(self) -> None:
        if not (1 <= self.access_ttl <= MAX_TTL and 1 <= self.refresh_ttl <= MAX_TTL):
            raise ValueError(f"access_ttl and refresh_ttl must be between 1 and {MAX_TTL} seconds")
        if self.signing_key is not None and len(self.signing_key) < MIN_SIGNING_KEY_LENGTH:
            raise ValueError(f"signing_key must be at least {MIN_SIGNING_KEY_LENGTH} characters")
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be at least 1")
        interval = self.webhook_retry_interval
        if not (math.isfinite(interval) and 0 <= interval <= MAX_RETRY_INTERVAL):
            raise ValueError(f"webhook_retry_interval must be between 0 and {MAX_RETRY_INTERVAL} seconds")
        for entry in self.webhook_allow:
            parse_allow_entry(entry)
        if not self.users and self.personal_tokens:
            raise ValueError("personal tokens need at least one user to belong to")
        if self.webhook_attempts < 1:
            raise ValueError("webhook_attempts must be at least 1")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be between 0 and 65535")
        if self.web_app_url is not None and not self.web_app_url.startswith(("https://", "http://")):
            raise ValueError("web_app_url must be an http(s):// URL, or None for the sandbox's room pages")

    @property
    def on_loopback(self) -> bool:
        """Whether the sandbox listens on a loopback address only."""
        return is_loopback(self.host)

    @property
    def webhook_limited(self) -> bool:
        """Whether webhook targets must match ``webhook_allow``."""
        return bool(self.webhook_allow) or not self.on_loopback

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
            f"signing_key={None if self.signing_key is None else mask(self.signing_key)!r}, "
            f"allow_remote_control={self.allow_remote_control!r}, webhook_allow={self.webhook_allow!r}, "
            f"max_body_bytes={self.max_body_bytes!r}, web_app_url={self.web_app_url!r})"
        )
