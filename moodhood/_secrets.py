"""Masking secrets for repr, logs, exceptions and CLI output."""

from __future__ import annotations

__all__ = ["mask"]

_VISIBLE = 4


def mask(secret: str | None) -> str:
    """Show at most the last 4 characters of a secret: ``'…a1b2'``.

    Secrets of 12 characters or fewer are shown as ``'…'`` alone, so that short values do not give away
    a third of themselves.
    """
    if not secret:
        return "<none>"
    if len(secret) <= 3 * _VISIBLE:
        return "…"
    return "…" + secret[-_VISIBLE:]
