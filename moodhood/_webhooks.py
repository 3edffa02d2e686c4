"""Verifying and signing MoodHood webhook deliveries.

A delivery is a POST whose body is ``{"signature": "<hex>", "body": {...}}``. The signature is the
HMAC-SHA256 (key: the webhook secret as UTF-8) of ``JSON.stringify(body)`` as the NodeJS service writes it,
hex-encoded. :func:`canonical_json` reproduces ``JSON.stringify`` byte for byte from the parsed body:

- keys in the order received, except that array-index keys (``"0"``, ``"17"``) come first in ascending
  numeric order, as in every JavaScript object;
- no whitespace; non-ASCII characters, ``/``, U+2028 and U+2029 written as they are;
- ``"``, ``\\`` and control characters below U+0020 escaped (``\\b \\f \\n \\r \\t`` or ``\\u00XX``),
  lone surrogates as ``\\uDXXX``;
- numbers as JavaScript prints a double: ``1.0`` -> ``1``, ``-0`` -> ``0``, ``1e16`` ->
  ``10000000000000000``, ``1e21`` -> ``1e+21``, integers beyond 2**53 rounded to the nearest double,
  and out-of-range numbers as ``null``.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from moodhood._exceptions import ConfigurationError, WebhookVerificationError

__all__ = [
    "WebhookEvent",
    "WebhookEventName",
    "canonical_json",
    "sign",
    "verify",
]


class WebhookEventName(enum.StrEnum):
    """The documented values of ``eventName``; :func:`verify` keeps unknown names as plain strings."""

    CALL_STARTED = "call_started"
    CALL_FINISHED = "call_finished"
    RECORD_STARTED = "record_started"
    RECORD_FINISHED = "record_finished"
    RECORD_FAILED = "record_failed"
    RECORD_ABORTED = "record_aborted"


_KNOWN_FIELDS = ("eventName", "roomId", "spaceId", "recordId")


def _read_only(fields: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(fields))


@attrs.frozen
class WebhookEvent:
    """A verified webhook delivery.

    ``event_name`` is a :class:`WebhookEventName` member for a documented name and the plain string
    otherwise (compare it with ``==`` either way). ``record_id`` is set for ``record_*`` events.
    ``extra`` keeps every other field of ``body``, read-only, in the order received.
    """

    event_name: str
    room_id: str
    space_id: str
    record_id: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_read_only)

    @property
    def is_known_event(self) -> bool:
        """Whether ``event_name`` is one of the documented :class:`WebhookEventName` values."""
        return isinstance(self.event_name, WebhookEventName)


# --- JSON.stringify ---------------------------------------------------------------------------------

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]')
_MAX_ARRAY_INDEX = 2**32 - 2
_MAX_SAFE_INT = 2**53


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    if len(text) == 2:  # a surrogate pair held as two code points: JavaScript sees one character
        high, low = ord(text[0]), ord(text[1])
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return _SHORT_ESCAPES.get(text) or f"\\u{ord(text):04x}"


def _js_string(value: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _js_number(value: float) -> str:
    """ECMA-262 ``Number::toString`` for a finite double (``null`` otherwise, as ``JSON.stringify``)."""
    if value != value or value in (float("inf"), float("-inf")):
        return "null"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr() gives the shortest digits that round-trip, which is what JavaScript prints too.
    _, digit_tuple, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = k + int(exponent)  # value = 0.digits * 10**n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + text


def _js_int(value: int) -> str:
    if -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT:
        return str(value)
    try:
        return _js_number(float(value))
    except OverflowError:  # JSON.parse gives Infinity, which JSON.stringify writes as null
        return "null"


def _is_array_index(key: str) -> bool:
    return key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) <= _MAX_ARRAY_INDEX


def _js_key_order(keys: list[str]) -> list[str]:
    indices = sorted((k for k in keys if _is_array_index(k)), key=int)
    if not indices:
        return keys
    return indices + [k for k in keys if not _is_array_index(k)]


def _encode(value: object, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_js_string(value))
    elif isinstance(value, int):
        out.append(_js_int(value))
    elif isinstance(value, float):
        out.append(_js_number(value))
    elif isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
        out.append("{")
        for i, key in enumerate(_js_key_order(list(value))):
            if i:
                out.append(",")
            out.append(_js_string(key))
            out.append(":")
            _encode(value[key], out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _encode(item, out)
        out.append("]")
    else:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def canonical_json(body: object) -> bytes:
    """``JSON.stringify(body)`` encoded as UTF-8: the exact bytes MoodHood signs.

    ``body`` is what ``json.loads`` gives (dicts, lists, str, int, float, bool, None; tuples count as
    lists). Raises ``TypeError`` for anything else.
    """
    out: list[str] = []
    _encode(body, out)
    return "".join(out).encode("utf-8")


# --- signing and verifying --------------------------------------------------------------------------


def _key(secret: str) -> bytes:
    if not isinstance(secret, str):
        raise TypeError(f"the webhook secret must be a str, not {type(secret).__name__}")
    if not secret:
        raise ConfigurationError("the webhook secret is empty; pass the secret returned by createWebhook")
    return secret.encode("utf-8")


def sign(body: Mapping[str, Any], secret: str) -> str:
    """The hex HMAC-SHA256 of ``JSON.stringify(body)`` with ``secret``, as MoodHood computes it."""
    return hmac.new(_key(secret), canonical_json(body), hashlib.sha256).hexdigest()


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _parse(raw_body: bytes | str) -> object:
    try:
        text = raw_body.decode("utf-8") if isinstance(raw_body, bytes | bytearray) else raw_body
        return json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = type(exc).__name__
        raise WebhookVerificationError(f"the webhook payload is not valid JSON ({reason})") from None


def _field(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value:
        what = "missing" if value is None else f"not a non-empty string ({type(value).__name__})"
        raise WebhookVerificationError(f"the webhook body field {name!r} is {what}")
    return value


def verify(raw_body: bytes | str, secret: str) -> WebhookEvent:
    """Check a delivery's signature and return its event.

    Pass the request body exactly as received (``await request.body()``, ``request.get_data()``,
    ``request.body``). Raises :class:`~moodhood.WebhookVerificationError` when the payload is not JSON,
    is not ``{"signature": str, "body": object}``, has the wrong signature, or lacks ``eventName``,
    ``roomId`` or ``spaceId``. The comparison is constant-time.
    """
    key = _key(secret)
    payload = _parse(raw_body)
    if not isinstance(payload, dict):
        raise WebhookVerificationError("the webhook payload is not a JSON object")
    signature = payload.get("signature")
    body = payload.get("body")
    if not isinstance(signature, str):
        raise WebhookVerificationError("the webhook payload has no string 'signature'")
    if not isinstance(body, dict):
        raise WebhookVerificationError("the webhook payload has no object 'body'")
    expected = hmac.new(key, canonical_json(body), hashlib.sha256).hexdigest()
    # surrogatepass: a lone surrogate (JSON allows "\ud800") is a wrong signature, not a UnicodeEncodeError
    if not hmac.compare_digest(expected.encode("ascii"), signature.lower().encode("utf-8", "surrogatepass")):
        raise WebhookVerificationError("the webhook signature does not match")
    event_name = _field(body, "eventName")
    record_id = body.get("recordId")
    if record_id is not None and not isinstance(record_id, str):
        raise WebhookVerificationError(f"the webhook body field 'recordId' is a {type(record_id).__name__}")
    known = {member.value: member for member in WebhookEventName}
    return WebhookEvent(
        event_name=known.get(event_name, event_name),
        room_id=_field(body, "roomId"),
        space_id=_field(body, "spaceId"),
        record_id=record_id,
        extra={k: v for k, v in body.items() if k not in _KNOWN_FIELDS},
    )
