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
import math
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from moodhood._exceptions import ConfigurationError, WebhookVerificationError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_REPRODUCED_BYTES",
    "ReplayWindow",
    "SeenSignatures",
    "WebhookEvent",
    "WebhookEventName",
    "canonical_json",
    "rejection_status",
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
#
# The C ``json`` encoder writes strings exactly as ``JSON.stringify`` does (with ``ensure_ascii=False``),
# so the reproduction parses the JSON text with hooks that leave only the differences to fix: object keys
# put in JavaScript order, floats and big integers JavaScript prints differently replaced by a string
# marker holding their JavaScript text (a random nonce per run: no string in the payload can forge one),
# and lone surrogates escaped afterwards. Everything else runs at C speed.

_MAX_ARRAY_INDEX = 2**32 - 2
_MAX_SAFE_INT = 2**53
_SURROGATES = re.compile(r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
_LONG_INT = re.compile(r"\d{16}")


def _surrogate(match: re.Match[str]) -> str:
    text = match.group()
    if len(text) == 2:  # a surrogate pair held as two code points: JavaScript sees one character
        high, low = ord(text[0]), ord(text[1])
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return f"\\u{ord(text):04x}"


def _js_number(value: float) -> str:
    """ECMA-262 ``Number::toString`` for a double (``null`` when not finite, as ``JSON.stringify``)."""
    if value != value or value in (math.inf, -math.inf):
        return "null"
    if value.is_integer() and -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT:
        return str(int(value))  # also 0 for -0.0
    # repr() gives the shortest digits that round-trip, which is what JavaScript prints too.
    mantissa, _, exp = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    if whole != "0":
        digits, n = whole + fraction, len(whole) + int(exp or 0)
    else:
        digits = fraction.lstrip("0")
        n = int(exp or 0) - (len(fraction) - len(digits))
    digits = digits.rstrip("0")  # value = 0.digits * 10**n
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        e = n - 1
        text = (digits if k == 1 else digits[0] + "." + digits[1:]) + f"e{'+' if e >= 0 else '-'}{abs(e)}"
    return ("-" if value < 0 else "") + text


def _js_int(value: int) -> str:
    if -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT:
        return str(value)
    try:
        return _js_number(float(value))
    except OverflowError:  # JSON.parse gives Infinity, which JSON.stringify writes as null
        return "null"


_INDEX_KEY = re.compile(r"0|[1-9][0-9]{0,9}")
_INDEX_KEY_IN_TEXT = re.compile(r'"(?:0|[1-9][0-9]{0,9})"\s*:')


def _is_array_index(key: str) -> bool:
    return _INDEX_KEY.fullmatch(key) is not None and (len(key) < 10 or int(key) <= _MAX_ARRAY_INDEX)


def _js_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object in JavaScript's key order: array-index keys first, ascending; the last duplicate wins."""
    obj = dict(pairs)
    indices = sorted(filter(_INDEX_KEY.fullmatch, obj), key=int)
    if not indices:
        return obj
    if len(indices[-1]) >= 10:  # 4294967295 and above are ordinary keys
        indices = [k for k in indices if _is_array_index(k)]
    ordered = {k: obj[k] for k in indices}
    ordered.update(obj)  # the remaining keys, in their order (index keys keep their new place)
    return ordered


# A float literal without exponent, at most 15 significant digits, a non-zero fraction and a value of at
# least 1e-4: Python's repr and JavaScript print it alike (fixed notation, the same shortest digits).
_PLAIN_FLOAT = re.compile(r"-?(?:[1-9][0-9]{0,14}|0\.0{0,3}(?=[1-9]))\.?[0-9]*")


class _Stringifier:
    """One reproduction: a decoder whose hooks mark the numbers Python would print differently."""

    def __init__(self, text: str) -> None:
        self.nonce = secrets.token_hex(8)
        self.texts: dict[str, object] = {}
        self.marked = False
        self.decoder = json.JSONDecoder(
            object_pairs_hook=_js_object if _INDEX_KEY_IN_TEXT.search(text) else None,
            parse_float=self._float,
            parse_int=self._int if _LONG_INT.search(text) else None,
            parse_constant=self._constant,
        )

    def _marked(self, literal: str, js: str) -> object:
        self.marked = True
        marked = self.texts[literal] = f"\x00{self.nonce}{js}{self.nonce}\x00"
        return marked

    def _float(self, literal: str) -> object:
        cached = self.texts.get(literal)
        if cached is not None:
            return cached
        if len(literal) <= 16 and _PLAIN_FLOAT.fullmatch(literal) and literal.rstrip("0")[-1] != ".":
            return float(literal)
        value = float(literal)
        python = repr(value)
        if "e" in python:
            mantissa, _, exponent = python.partition("e")
            e = int(exponent)
            if e <= -7 or e >= 21:  # both in exponent form; JavaScript drops the exponent's leading zero
                return self._marked(literal, f"{mantissa}e{'-' if e < 0 else '+'}{abs(e)}")
            return self._marked(literal, _js_number(value))
        if python.endswith(".0"):  # integral and below 1e16: JavaScript prints an integer
            result: object = int(value)
        elif "n" in python:  # inf and nan (from 1e999): null
            return self._marked(literal, "null")
        else:
            result = value
        self.texts[literal] = result
        return result

    def _int(self, literal: str) -> object:
        if len(literal) < 16:
            return int(literal)
        value = int(literal)
        return value if -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT else self._marked(literal, _js_int(value))

    def _constant(self, name: str) -> object:
        return self._marked(name, "null")  # NaN and Infinity print as null

    def stringify(self, text: str) -> bytes:
        value = self.decoder.decode(text)
        out = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
        if self.marked:
            # the C encoder wrote each marker as "\u0000<nonce><js><nonce>\u0000"
            out = out.replace(f'"\\u0000{self.nonce}', "").replace(f'{self.nonce}\\u0000"', "")
        try:
            return out.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATES.sub(_surrogate, out).encode("utf-8")


def _stringify_text(text: str) -> bytes:
    """``JSON.stringify(JSON.parse(text))`` as UTF-8, for JSON ``text`` in any layout."""
    return _Stringifier(text).stringify(text)


def _check_json_types(value: object) -> None:
    """``TypeError`` for non-string object keys (``json.dumps`` would quietly stringify them)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            for key in item:
                if not isinstance(key, str):
                    raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)


def canonical_json(body: object) -> bytes:
    """``JSON.stringify(body)`` encoded as UTF-8: the exact bytes MoodHood signs.

    ``body`` is what ``json.loads`` gives (dicts, lists, str, int, float, bool, None; tuples count as
    lists). Raises ``TypeError`` for anything else.
    """
    _check_json_types(body)
    return _stringify_text(json.dumps(body, ensure_ascii=False, allow_nan=True))


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


DEFAULT_MAX_BYTES: Final = 65536
"""The default size cap of a delivery: real ones are a few hundred bytes."""

MAX_REPRODUCED_BYTES: Final = 16384
"""The largest ``body`` whose ``JSON.stringify`` is reproduced when its bytes are not the compact form
MoodHood sends (a re-indenting proxy). A larger non-compact body is refused (401) without the work."""

_HEX_SIGNATURE = re.compile(r"[0-9a-fA-F]{64}")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _Rejected(WebhookVerificationError):
    """A malformed delivery; ``status_code`` is the HTTP status a receiver answers."""

    status_code = 400


class _TooLarge(_Rejected):
    status_code = 413


class _BadSignature(_Rejected):
    status_code = 401


class _Replayed(_Rejected):
    status_code = 409


def rejection_status(error: WebhookVerificationError) -> int:
    """The HTTP status for a rejected delivery: 413 too large, 401 bad signature, 409 replay, else 400."""
    return error.status_code if isinstance(error, _Rejected) else 400


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _text(raw_body: bytes | bytearray | memoryview | str, max_bytes: int | None) -> str:
    """The payload as text, refused before decoding when it is larger than ``max_bytes``."""
    if isinstance(raw_body, str):
        if max_bytes is not None and (
            len(raw_body) > max_bytes or len(raw_body.encode("utf-8", "surrogatepass")) > max_bytes
        ):
            raise _TooLarge(f"the webhook payload is larger than max_bytes={max_bytes}")
        return raw_body
    if not isinstance(raw_body, bytes | bytearray | memoryview):
        raise TypeError(f"the webhook payload must be bytes or str, not {type(raw_body).__name__}")
    if max_bytes is not None and len(raw_body) > max_bytes:
        raise _TooLarge(f"the webhook payload is larger than max_bytes={max_bytes}")
    try:
        return bytes(raw_body).decode("utf-8")
    except UnicodeDecodeError:
        raise _Rejected("the webhook payload is not valid JSON (UnicodeDecodeError)") from None


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _members(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    """The top-level object's members and where each value's text lies (the last of duplicate keys wins,
    as in ``JSON.parse``)."""
    members: dict[str, Any] = {}
    spans: dict[str, tuple[int, int]] = {}
    index = _skip(text, 0)
    if text[index : index + 1] != "{":
        _DECODER.decode(text)  # a JSON error for broken JSON
        raise _Rejected("the webhook payload is not a JSON object")
    index = _skip(text, index + 1)
    if text[index : index + 1] == "}":
        index += 1
    else:
        while True:
            if text[index : index + 1] != '"':
                raise ValueError("expecting a property name")
            key, index = _DECODER.raw_decode(text, index)
            index = _skip(text, index)
            if text[index : index + 1] != ":":
                raise ValueError("expecting ':'")
            start = _skip(text, index + 1)
            members[key], index = _DECODER.raw_decode(text, start)
            spans[key] = (start, index)
            index = _skip(text, index)
            separator = text[index : index + 1]
            index = _skip(text, index + 1)
            if separator == "}":
                break
            if separator != ",":
                raise ValueError("expecting ',' or '}'")
    if _skip(text, index) != len(text):
        raise ValueError("extra data")
    return members, spans


def _parse(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    try:
        return _members(text)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, WebhookVerificationError):
            raise
        reason = (
            type(exc).__name__
            if isinstance(exc, RecursionError | json.JSONDecodeError)
            else "JSONDecodeError"
        )
        raise _Rejected(f"the webhook payload is not valid JSON ({reason})") from None


def _field(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value:
        what = "missing" if value is None else f"not a non-empty string ({type(value).__name__})"
        raise _Rejected(f"the webhook body field {name!r} is {what}")
    return value


@runtime_checkable
class SeenSignatures(Protocol):
    """What ``verify(..., seen=...)`` records signatures in: a ``set``, or a :class:`ReplayWindow`."""

    def __contains__(self, signature: object, /) -> bool: ...

    def add(self, signature: str, /) -> None: ...


class ReplayWindow:
    """Signatures of the deliveries verified in the last ``seconds`` (at most ``max_entries``), thread-safe.

    MoodHood's payload has no timestamp or id, so a replay is recognised by its signature: the same body
    signed with the same secret. Two genuine events with identical bodies within the window count as one.
    """

    def __init__(
        self,
        seconds: float = 600.0,
        *,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not seconds > 0 or max_entries < 1:
            raise ValueError("seconds must be > 0 and max_entries >= 1")
        self.seconds = seconds
        self.max_entries = max_entries
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._seen and (len(self._seen) > self.max_entries or next(iter(self._seen.values())) <= now):
            self._seen.popitem(last=False)

    def claim(self, signature: str) -> bool:
        """Record ``signature``; ``False`` when it was already recorded within the window."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            if signature in self._seen:
                return False
            self._seen[signature] = now + self.seconds
            self._expire(now)
            return True

    def __contains__(self, signature: object) -> bool:
        with self._lock:
            self._expire(self._clock())
            return signature in self._seen

    def add(self, signature: str) -> None:
        self.claim(signature)

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._seen)


def _claim(seen: SeenSignatures, signature: str) -> bool:
    if isinstance(seen, ReplayWindow):
        return seen.claim(signature)
    if signature in seen:
        return False
    seen.add(signature)
    return True


# What Python's compact ``json.dumps`` may print unlike ``JSON.stringify``: floats in exponent form or
# ending in ``.0``, integers beyond 2**53, array-index keys (JavaScript reorders them).
_MAYBE_UNLIKE_JS = re.compile(r'[0-9]\.0(?![0-9])|[0-9][eE]|[0-9]{16}|"(?:0|[1-9][0-9]{0,9})"\s*:')


def _is_canonical(received: str, body: Mapping[str, Any]) -> bool:
    """Whether ``received`` surely is ``JSON.stringify(body)`` (cheap: C ``json.dumps`` and one regex)."""
    dumped = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return received == dumped and _MAYBE_UNLIKE_JS.search(received) is None


def _authentic(key: bytes, text: str, body: Mapping[str, Any], span: tuple[int, int], signature: str) -> bool:
    """Whether ``signature`` is the HMAC of the body: first of its bytes as received (one HMAC, no
    re-serialising: a sender writes the compact ``JSON.stringify`` form), then, only when those bytes may
    not be that form, of the reproduction (whose cost the size cap bounds)."""
    received_text = text[span[0] : span[1]]
    received = received_text.encode("utf-8", "surrogatepass")
    given = signature.lower().encode("ascii")
    if hmac.compare_digest(hmac.new(key, received, hashlib.sha256).hexdigest().encode("ascii"), given):
        return True
    if len(received) > MAX_REPRODUCED_BYTES or _is_canonical(received_text, body):
        return False
    canonical = _stringify_text(received_text)
    return canonical != received and hmac.compare_digest(
        hmac.new(key, canonical, hashlib.sha256).hexdigest().encode("ascii"), given
    )


def verify(
    raw_body: bytes | str,
    secret: str,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    seen: SeenSignatures | None = None,
) -> WebhookEvent:
    """Check a delivery's signature and return its event.

    Pass the request body exactly as received (``await request.body()``, ``request.get_data()``,
    ``request.body``). Raises :class:`~moodhood.WebhookVerificationError` when the payload is larger than
    ``max_bytes`` (checked first; ``None`` for no cap), is not JSON, is not
    ``{"signature": <64 hex>, "body": object}``, has the wrong signature, was seen before (with ``seen``:
    a :class:`ReplayWindow` or a ``set`` of signatures), or lacks ``eventName``, ``roomId`` or
    ``spaceId``. The signature is checked before the body's fields are read, and with a constant-time
    comparison.
    """
    key = _key(secret)
    if max_bytes is not None and (
        isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1
    ):
        raise ValueError(f"max_bytes must be a positive int or None, not {max_bytes!r}")
    text = _text(raw_body, max_bytes)
    payload, spans = _parse(text)
    signature = payload.get("signature")
    body = payload.get("body")
    if not isinstance(signature, str):
        raise _Rejected("the webhook payload has no string 'signature'")
    if not isinstance(body, dict):
        raise _Rejected("the webhook payload has no object 'body'")
    if not _HEX_SIGNATURE.fullmatch(signature) or not _authentic(key, text, body, spans["body"], signature):
        raise _BadSignature("the webhook signature does not match")
    if seen is not None and not _claim(seen, signature.lower()):
        raise _Replayed("the webhook delivery was already received (a replay)")
    event_name = _field(body, "eventName")
    record_id = body.get("recordId")
    if record_id is not None and not isinstance(record_id, str):
        raise _Rejected(f"the webhook body field 'recordId' is a {type(record_id).__name__}")
    known = {member.value: member for member in WebhookEventName}
    return WebhookEvent(
        event_name=known.get(event_name, event_name),
        room_id=_field(body, "roomId"),
        space_id=_field(body, "spaceId"),
        record_id=record_id,
        extra={k: v for k, v in body.items() if k not in _KNOWN_FIELDS},
    )
