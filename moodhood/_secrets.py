"""Secrets in one place: masking, the JWT pattern, the encoded forms a value travels in, and the token
values this process has used (so logs mask them wherever they appear, not only where a pattern finds them)."""

from __future__ import annotations

import base64
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from urllib.parse import quote, quote_plus

__all__ = [
    "JWT",
    "MIN_SECRET_LENGTH",
    "encoded_forms",
    "known_values_pattern",
    "mask",
    "mask_known",
    "remember",
]

_VISIBLE = 4

JWT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
"""A JSON Web Token (three base64url segments, the first a JSON object)."""

MIN_SECRET_LENGTH = 8
"""Values shorter than this are not remembered or searched for (too likely to match by chance)."""


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


def _b64(value: str) -> str:
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


def _b64url(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode("utf-8")).decode("ascii")


_FORMS: tuple[Callable[[str], str], ...] = (
    lambda v: v,
    lambda v: quote(v, safe=""),
    quote_plus,
    lambda v: json.dumps(v, ensure_ascii=False)[1:-1],
    lambda v: json.dumps(v)[1:-1],
    lambda v: json.dumps(v)[1:-1].replace("/", "\\/"),
    _b64,
    lambda v: _b64(v).rstrip("="),
    _b64url,
    lambda v: _b64url(v).rstrip("="),
)


def encoded_forms(value: str, replacement: str | None = None) -> dict[str, str]:
    """``value`` as it may appear in text (plain, URL-encoded, JSON-escaped, base64 and base64url), each
    form mapped to the same form of ``replacement`` (or to itself)."""
    out = replacement if replacement is not None else value
    return {form(value): form(out) for form in _FORMS}


# A token boundary: no letter or digit before the value, unless that letter or digit ends an escape (JSON
# ``\n``, ``\u000a`` or URL ``%0A``), and no letter or digit after it.
_BEFORE = r"(?:(?<![A-Za-z0-9])|(?<=\\[bfnrt])|(?<=\\u[0-9A-Fa-f]{4})|(?<=%[0-9A-Fa-f]{2}))"
_AFTER = r"(?![A-Za-z0-9])"


def known_values_pattern(values: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of ``values`` on token boundaries (no letter or digit on either side, except
    the end of an escape sequence before it)."""
    ordered = sorted(set(values), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(_BEFORE + "(?:" + "|".join(map(re.escape, ordered)) + ")" + _AFTER)


class _Remembered:
    """The last token values this process used (bounded), with their encoded forms and masks.

    Adding is cheap (the forms are worked out on the next :meth:`mask`); masking is a substring test per
    form, in C, so a busy DEBUG log pays little.
    """

    _LIMIT = 64

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: OrderedDict[str, None] = OrderedDict()
        self._forms: dict[str, str] | None = {}

    def add(self, value: str) -> None:
        if value in self._values:
            return
        with self._lock:
            self._values[value] = None
            while len(self._values) > self._LIMIT:
                self._values.popitem(last=False)
            self._forms = None

    def _current_forms(self) -> dict[str, str]:
        forms = self._forms
        if forms is None:
            with self._lock:
                built = {
                    form: mask(secret)
                    for secret in self._values
                    for form in encoded_forms(secret)
                    if len(form) >= MIN_SECRET_LENGTH
                }
                forms = self._forms = dict(sorted(built.items(), key=lambda item: -len(item[0])))
        return forms

    def mask(self, text: str) -> str:
        for form, masked in self._current_forms().items():  # longest first: a form inside another
            if form in text:
                text = text.replace(form, masked)
        return text


_REMEMBERED = _Remembered()


def remember(value: str | None) -> None:
    """Note a token value this process uses, so :func:`mask_known` masks it in any text (logs)."""
    if value is not None and len(value) >= MIN_SECRET_LENGTH:
        _REMEMBERED.add(value)


def mask_known(text: str) -> str:
    """``text`` with every remembered token value (in any encoded form) masked."""
    return _REMEMBERED.mask(text)
