"""Redaction of secrets in httpx's and httpcore's own log records.

httpcore logs the response headers at DEBUG (``Set-Cookie`` included, where a token endpoint may put
tokens) and httpx logs every request URL at INFO (query strings included). The filter installed here
rewrites such records before any handler sees them: cookie and authorization header values,
``accessToken`` / ``refreshToken`` query values, anything shaped like a JWT, and every token value this
process has used (an opaque personal token a server echoes in a custom header, in any encoded form) keep
at most their last 4 characters. It costs nothing while those loggers are not enabled: a filter only
runs for records that are created.
"""

from __future__ import annotations

import logging
import re

from moodhood._secrets import JWT, mask, mask_known

__all__ = ["REDACTED_LOGGERS", "RedactingFilter", "install", "redact"]

REDACTED_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
"""The third-party loggers whose records may carry headers or URLs."""

_HEADER = re.compile(
    rb"(\(b['\"](?:set-cookie|cookie|authorization|proxy-authorization)['\"],\s*b)(['\"])(.*?)\2".decode(),
    re.IGNORECASE,
)
_QUERY = re.compile(r"((?:accessToken|refreshToken|access_token|refresh_token|token)=)([^&\s\"'#]+)")


def redact(text: str) -> str:
    """``text`` with header values, token query values, JWTs and remembered token values masked."""
    text = mask_known(text)
    text = _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{mask(m.group(3))}{m.group(2)}", text)
    text = _QUERY.sub(lambda m: m.group(1) + mask(m.group(2)), text)
    return JWT.sub(lambda m: mask(m.group(0)), text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message with :func:`redact`; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = RedactingFilter()


def install() -> None:
    """Add the filter to the httpx and httpcore loggers (once; idempotent)."""
    for name in REDACTED_LOGGERS:
        log = logging.getLogger(name)
        if _FILTER not in log.filters:
            log.addFilter(_FILTER)
