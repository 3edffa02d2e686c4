"""Scrubbing secrets out of recorded HTTP interactions (vcrpy requests and response dicts).

Tokens become stable placeholders that are well-formed JWTs with the literal signature ``scrubbed``:
the same real token always gives the same placeholder (its ``jti`` is derived from a SHA-256 of the
token, which cannot be reversed), ``exp`` lies in 2100, and when the original's lifetime ``exp - iat``
was readable the placeholder's ``iat`` is set so that its lifetime is the same. The SDK derives expiry
from that lifetime alone (D5), so a replay makes the same refresh decisions as the recording did. ``aud``
and ``type`` are copied from the original. Passwords, client secrets, webhook secrets and user names
become fixed ``scrubbed-...`` strings (a hash of a password could be guessed).

Every credential value of 8 characters or more that scrubbing replaces (a bearer token, a personal token,
a client secret, a password, a token in a response) is remembered by the scrubber, and that exact value is
then replaced wherever else it appears in the interaction and in later ones: response bodies and headers,
JSON at any depth, URL-encoded, JSON-escaped and base64 forms, and base64 blobs that hold it (matched on
token boundaries: no letter or digit on either side). A server that echoes an opaque token back therefore
leaves no trace of it. :func:`scrub_request` and :func:`scrub_response` share one process-wide memory;
a :class:`Scrubber` has its own.

Scrubbing is idempotent: a placeholder is left as it is. That matters because vcrpy runs
``before_record_request`` on live requests before matching them, and runs both hooks again on load.
This module does not import vcrpy: it works on anything shaped like ``vcr.request.Request``
(``uri``, ``body``, ``headers``) and on vcrpy's response dicts.
"""

from __future__ import annotations

import base64
import binascii
import contextvars
import copy
import hashlib
import json
import math
import re
import threading
from collections import Counter
from collections.abc import MutableMapping
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl, quote, unquote_plus, urlencode

from moodhood._secrets import JWT, MIN_SECRET_LENGTH, encoded_forms, known_values_pattern

__all__ = [
    "FAR_FUTURE_EXP",
    "SCRUBBED_SIGNATURE",
    "SECRET_PLACEHOLDERS",
    "TOKEN_FIELDS",
    "Scrubber",
    "is_placeholder_token",
    "is_secret_name",
    "looks_random",
    "normalize_field",
    "placeholder_token",
    "scrub_request",
    "scrub_response",
    "scrub_text",
    "scrub_value",
]

FAR_FUTURE_EXP = 4_102_444_800
"""``exp`` of every placeholder token: 2100-01-01T00:00:00Z."""

SCRUBBED_SIGNATURE = "scrubbed"
"""The literal signature segment of every placeholder token."""

TOKEN_FIELDS = frozenset({"accesstoken", "refreshtoken", "signalingtoken", "idtoken", "token"})
"""Field names (see :func:`normalize_field`) whose values are tokens and get placeholder JWTs."""

SECRET_PLACEHOLDERS: dict[str, str] = {
    "clientsecret": "scrubbed-client-secret",
    "password": "scrubbed-password",
    "secret": "scrubbed-webhook-secret",
    "username": "scrubbed-user@example.invalid",
}
"""Field names (see :func:`normalize_field`) whose values become a fixed placeholder."""

_SECRET_NAME = re.compile(r"secret|password|passwd|token|apikey|credential|privatekey|sessionid|signingkey")
_NOT_SECRET_NAMES = frozenset({"tokentype", "granttype"})
_RANDOM_MIN_LENGTH = 12
_RANDOM_MIN_BITS = 3.0
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key"})
_JWT = JWT
_QUERY_PAIR = re.compile(r"(?P<lead>[?&;]|&amp;)(?P<name>[A-Za-z0-9_.\-]+)=(?P<value>[^&#;,\s\"'<>\\]*)")


def normalize_field(name: str) -> str:
    """``client_secret``, ``clientSecret`` and ``Client-Secret`` all become ``clientsecret``."""
    return name.replace("_", "").replace("-", "").lower()


def is_secret_name(name: str) -> bool:
    """Whether a field name suggests a secret (``apiKey``, ``x-csrf-token``, ``signing_key``...)."""
    field = normalize_field(name)
    return field not in _NOT_SECRET_NAMES and _SECRET_NAME.search(field) is not None


def looks_random(value: str) -> bool:
    """Whether ``value`` looks like a generated secret: 12+ characters, no spaces, no URL, high entropy."""
    if len(value) < _RANDOM_MIN_LENGTH or " " in value or "://" in value:
        return False
    counts = Counter(value)
    bits = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return bits >= _RANDOM_MIN_BITS


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_json(segment: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (binascii.Error, ValueError):
        return None


def is_placeholder_token(value: str) -> bool:
    """Whether ``value`` is a placeholder JWT (three segments, the last one ``scrubbed``)."""
    parts = value.split(".")
    return len(parts) == 3 and parts[2] == SCRUBBED_SIGNATURE and isinstance(_b64url_json(parts[0]), dict)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def placeholder_token(token: str) -> str:
    """The stable placeholder JWT that stands for ``token`` in a cassette."""
    if is_placeholder_token(token):
        return token
    return _noted(token, _make_placeholder_token(token))


def _make_placeholder_token(token: str) -> str:
    parts = token.split(".")
    claims = _b64url_json(parts[1]) if len(parts) == 3 else None
    payload: dict[str, Any] = {}
    if isinstance(claims, dict):
        for key in ("aud", "type"):
            value = claims.get(key)
            if isinstance(value, str | int) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                payload[key] = value
        exp, iat = _number(claims.get("exp")), _number(claims.get("iat"))
        if exp is not None and iat is not None and exp > iat and math.isfinite(exp - iat):
            lifetime = exp - iat
            payload["iat"] = (
                int(FAR_FUTURE_EXP - lifetime) if lifetime.is_integer() else FAR_FUTURE_EXP - lifetime
            )
    payload["exp"] = FAR_FUTURE_EXP
    payload["jti"] = "scrubbed-" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:24]
    header = {"alg": "HS256", "typ": "JWT"}
    return ".".join(
        (
            _b64url(json.dumps(header, separators=(",", ":")).encode()),
            _b64url(json.dumps(payload, separators=(",", ":")).encode()),
            SCRUBBED_SIGNATURE,
        )
    )


def _is_placeholder_secret(value: str) -> bool:
    return value == "" or value.startswith("scrubbed") or is_placeholder_token(value)


def _field_placeholder(name: str, value: str) -> str | None:
    """The replacement for ``value`` of field ``name``; ``None`` when the field is not a secret one."""
    replacement = _field_replacement(name, value)
    if replacement is None or normalize_field(name) == "username":  # a name, not a credential
        return replacement
    return _noted(value, replacement)


def _field_replacement(name: str, value: str) -> str | None:
    field = normalize_field(name)
    if field in TOKEN_FIELDS:
        return value if value == "" else placeholder_token(value)
    placeholder = SECRET_PLACEHOLDERS.get(field)
    if placeholder is not None:
        return value if _is_placeholder_secret(value) else placeholder
    if is_secret_name(name) and looks_random(value) and not _is_placeholder_secret(value):
        return "scrubbed-" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
    return None


def _jwt_sub(match: re.Match[str]) -> str:
    return placeholder_token(match.group())


def _query_sub(match: re.Match[str]) -> str:
    value = unquote_plus(match.group("value"))
    replacement = _field_placeholder(match.group("name"), value)
    if replacement is None or replacement == value:
        return match.group()
    return f"{match.group('lead')}{match.group('name')}={quote(replacement, safe='@')}"


def scrub_text(text: str) -> str:
    """Scrub free text: every JWT, and secret query parameters of URLs (``...?accessToken=...``)."""
    return _JWT.sub(_jwt_sub, _QUERY_PAIR.sub(_query_sub, text))


def scrub_value(value: Any, field: str | None = None) -> Any:
    """A scrubbed copy of a parsed JSON value: secret-named fields by name, any string as text."""
    if isinstance(value, dict):
        return {key: scrub_value(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub_value(item, field) for item in value]
    if isinstance(value, str):
        if field is not None:
            replacement = _field_placeholder(field, value)
            if replacement is not None:
                return replacement
        return scrub_text(value)
    if field is not None and isinstance(value, int | float) and not isinstance(value, bool):
        replacement = _field_placeholder(field, str(value))  # a numeric password is still a password
        if replacement is not None:
            return replacement
    return value


_FORM_KEY = re.compile(r"^[A-Za-z0-9_.\-\[\]]+$")


def _scrub_form(text: str) -> str | None:
    """Scrub ``a=b&c=d`` text; ``None`` when it does not look like form data."""
    if "=" not in text or any(c in text for c in " \n{[\"'<"):
        return None
    pairs = parse_qsl(text, keep_blank_values=True)
    if not pairs or not all(_FORM_KEY.match(k) for k, _ in pairs):
        return None
    scrubbed = [(k, scrub_value(v, k)) for k, v in pairs]
    return text if scrubbed == pairs else urlencode(scrubbed)


def _scrub_body(body: str | bytes) -> str | bytes:
    """Scrub a request or response body held as text or bytes; non-UTF-8 bytes are kept as they are."""
    if isinstance(body, bytes):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
        scrubbed = _scrub_body_text(text)
        return body if scrubbed is text else scrubbed.encode("utf-8")
    return _scrub_body_text(body)


def _scrub_body_text(body: str) -> str:
    """Scrub a body as JSON, else as form data, else as free text; the same object when unchanged."""
    stripped = body.strip()
    if stripped[:1] in ("{", "[", '"'):
        try:
            parsed = json.loads(body)
        except ValueError:
            pass
        else:
            scrubbed = scrub_value(parsed)
            if scrubbed == parsed:
                return body
            text = json.dumps(scrubbed, ensure_ascii=False, separators=(",", ":"))
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # an escaped lone surrogate ("\ud800") must stay escaped
                text = json.dumps(scrubbed, separators=(",", ":"))
            return text
    form = _scrub_form(stripped)
    if form is not None:
        return form if form != stripped else body
    text = scrub_text(body)
    return body if text == body else text


def _scrub_authorization(value: str) -> str:
    scheme, _, credentials = value.strip().partition(" ")
    if not credentials:
        return value if is_placeholder_token(value) else _noted(value, SCRUBBED_SIGNATURE)
    credentials = credentials.strip()
    if scheme.lower() == "bearer":
        return f"{scheme} {placeholder_token(credentials)}"
    if scheme.lower() == "basic" and credentials != SCRUBBED_SIGNATURE:
        try:
            _, _, password = base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, ValueError):
            password = ""
        _noted(password, SECRET_PLACEHOLDERS["password"])
    return f"{scheme} {_noted(credentials, SCRUBBED_SIGNATURE)}"


def _scrub_cookie_pair(pair: str) -> str:
    name, sep, value = pair.strip().partition("=")
    if not sep:
        return pair
    if normalize_field(name) in TOKEN_FIELDS or _JWT.fullmatch(value):
        return f"{name}={placeholder_token(value) if value else value}"
    return f"{name}={value if value == SCRUBBED_SIGNATURE else _noted(value, SCRUBBED_SIGNATURE)}"


def _scrub_cookie(value: str) -> str:
    return "; ".join(_scrub_cookie_pair(pair) for pair in value.split(";"))


def _scrub_set_cookie(value: str) -> str:
    first, sep, attributes = value.partition(";")
    return _scrub_cookie_pair(first) + sep + attributes


def _scrub_header(name: str, value: str) -> str:
    lowered = name.lower()
    if lowered in _SECRET_HEADERS:
        return _scrub_authorization(value)
    if lowered == "cookie":
        return _scrub_cookie(value)
    if lowered == "set-cookie":
        return _scrub_set_cookie(value)
    replacement = _field_placeholder(name, value)  # X-Auth-Token, X-CSRF-Token...: as a field of that name
    return scrub_text(value) if replacement is None else replacement


class _RequestLike(Protocol):
    uri: str
    body: Any
    headers: Any


_R = TypeVar("_R", bound=_RequestLike)


def _scrub_request_fields(request: _R) -> _R:
    """A copy of a vcrpy request with its secret fields scrubbed: headers, URL query, body."""
    request = copy.deepcopy(request)
    request.uri = scrub_text(request.uri)
    headers: MutableMapping[str, Any] = request.headers
    for name in list(headers):
        value = headers[name]
        if isinstance(value, list):
            headers[name] = [_scrub_header(name, v) for v in value]
        elif isinstance(value, str):
            headers[name] = _scrub_header(name, value)
    body = request.body
    if isinstance(body, str | bytes) and body:
        scrubbed = _scrub_body(body)
        if scrubbed != body:
            request.body = scrubbed
            size = len(scrubbed.encode("utf-8")) if isinstance(scrubbed, str) else len(scrubbed)
            for name in list(headers):
                if name.lower() == "content-length":
                    headers[name] = str(size)
    return request


def _set_content_length(headers: MutableMapping[str, list[str]], length: int) -> None:
    for name in headers:
        if name.lower() == "content-length":
            headers[name] = [str(length)]


def _scrub_response_fields(response: dict[str, Any]) -> dict[str, Any]:
    """A copy of a vcrpy response dict with its secret fields scrubbed: headers and body."""
    response = copy.deepcopy(response)
    headers: MutableMapping[str, list[str]] = response.get("headers") or {}
    for name in list(headers):
        values = headers[name]
        headers[name] = [_scrub_header(name, v) for v in values] if isinstance(values, list) else values
    body = response.get("body")
    if isinstance(body, dict) and isinstance(body.get("string"), str | bytes):
        before = body["string"]
        after = _scrub_body(before)
        if after != before:
            body["string"] = after
            size = len(after.encode("utf-8")) if isinstance(after, str) else len(after)
            _set_content_length(headers, size)
    return response


# --- remembered values -------------------------------------------------------------------------------

_ACTIVE: contextvars.ContextVar[Scrubber | None] = contextvars.ContextVar("moodhood_scrubber", default=None)
_BASE64_RUN = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{12,}={0,2}")


def _noted(value: str, replacement: str) -> str:
    """``replacement``, after telling the active scrubber that ``value`` is a secret it stands for."""
    scrubber = _ACTIVE.get()
    if scrubber is not None and value != replacement:
        scrubber.remember(value, replacement)
    return replacement


class Scrubber:
    """Scrubs vcrpy requests and responses and remembers every secret value it replaced (8+ characters),
    to replace that value wherever else it appears, in any encoded form. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: dict[str, str] = {}
        self._forms: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None

    def remember(self, value: str, replacement: str) -> None:
        """Replace ``value`` by ``replacement`` from now on (ignored under 8 characters or a placeholder)."""
        if len(value) < MIN_SECRET_LENGTH or _is_placeholder_secret(value) or value in self._secrets:
            return
        with self._lock:
            self._secrets[value] = replacement
            for form, replaced in encoded_forms(value, replacement).items():
                if len(form) >= MIN_SECRET_LENGTH:
                    self._forms.setdefault(form, replaced)
            self._pattern = None  # compiled again on the next use

    def _compiled(self) -> re.Pattern[str] | None:
        pattern = self._pattern
        if pattern is None and self._forms:
            with self._lock:
                pattern = self._pattern = known_values_pattern(self._forms)
        return pattern

    @property
    def secrets(self) -> frozenset[str]:
        """The remembered values (for tests; never print them)."""
        return frozenset(self._secrets)

    def scrub_text(self, text: str) -> str:
        """``text`` with every remembered value replaced (plain, URL-encoded, JSON-escaped, base64, and
        inside base64 blobs)."""
        pattern, forms, secrets = self._compiled(), self._forms, self._secrets
        if pattern is None:
            return text
        text = pattern.sub(lambda m: forms[m.group()], text)
        return _BASE64_RUN.sub(lambda m: _rescrub_base64(m.group(), secrets, pattern, forms), text)

    def _scrub_json_strings(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {self.scrub_text(k): self._scrub_json_strings(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._scrub_json_strings(v) for v in value]
        return self.scrub_text(value) if isinstance(value, str) else value

    def _scrub_body(self, body: str | bytes) -> str | bytes:
        if isinstance(body, bytes):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return body
            scrubbed = self._scrub_body_text(text)
            return body if scrubbed == text else scrubbed.encode("utf-8")
        return self._scrub_body_text(body)

    def _scrub_body_text(self, body: str) -> str:
        text = self.scrub_text(body)
        if "\\u" in text and text.lstrip()[:1] in ("{", "["):  # JSON escaping every character: parse it
            try:
                parsed = json.loads(text)
            except (ValueError, RecursionError):
                return text
            scrubbed = self._scrub_json_strings(parsed)
            if scrubbed != parsed:
                return json.dumps(scrubbed, separators=(",", ":"))
        return text

    def _scrub_headers(self, headers: MutableMapping[str, Any]) -> None:
        for name in list(headers):
            value = headers[name]
            if isinstance(value, list):
                headers[name] = [self.scrub_text(v) if isinstance(v, str) else v for v in value]
            elif isinstance(value, str):
                headers[name] = self.scrub_text(value)

    def scrub_request(self, request: _R) -> _R:
        """A scrubbed copy of a vcrpy request (use as ``before_record_request``)."""
        token = _ACTIVE.set(self)
        try:
            request = _scrub_request_fields(request)
        finally:
            _ACTIVE.reset(token)
        request.uri = self.scrub_text(request.uri)
        self._scrub_headers(request.headers)
        body = request.body
        if isinstance(body, str | bytes) and body:
            scrubbed = self._scrub_body(body)
            if scrubbed != body:
                request.body = scrubbed
                size = len(scrubbed.encode("utf-8")) if isinstance(scrubbed, str) else len(scrubbed)
                for name in list(request.headers):
                    if name.lower() == "content-length":
                        request.headers[name] = str(size)
        return request

    def scrub_response(self, response: dict[str, Any]) -> dict[str, Any]:
        """A scrubbed copy of a vcrpy response dict (use as ``before_record_response``)."""
        token = _ACTIVE.set(self)
        try:
            response = _scrub_response_fields(response)
        finally:
            _ACTIVE.reset(token)
        headers: MutableMapping[str, Any] = response.get("headers") or {}
        self._scrub_headers(headers)
        body = response.get("body")
        if isinstance(body, dict) and isinstance(body.get("string"), str | bytes):
            before = body["string"]
            after = self._scrub_body(before)
            if after != before:
                body["string"] = after
                _set_content_length(
                    headers, len(after.encode("utf-8")) if isinstance(after, str) else len(after)
                )
        return response


def _rescrub_base64(
    run: str, secrets: dict[str, str], pattern: re.Pattern[str], forms: dict[str, str]
) -> str:
    """A base64 run re-encoded with remembered values replaced inside it (``user:secret`` pairs...)."""
    urlsafe = "-" in run or "_" in run
    padded = run + "=" * (-len(run.rstrip("=")) % 4) if not run.endswith("=") else run
    try:
        decoded = (base64.urlsafe_b64decode if urlsafe else base64.b64decode)(padded).decode("utf-8")
    except (binascii.Error, ValueError):
        return run
    if not any(secret in decoded for secret in secrets):
        return run
    replaced = pattern.sub(lambda m: forms[m.group()], decoded)
    for secret, replacement in secrets.items():  # also where a letter or digit touches it
        replaced = replaced.replace(secret, replacement)
    encoded = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(replaced.encode("utf-8")).decode()
    return encoded if len(run) % 4 == 0 else encoded.rstrip("=")  # padded as the original was


_DEFAULT = Scrubber()


def scrub_request(request: _R) -> _R:
    """A scrubbed copy of a vcrpy request: headers, URL query and body (JSON, form or text), and every
    value remembered from earlier interactions.

    Use as vcrpy's ``before_record_request``.
    """
    return _DEFAULT.scrub_request(request)


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """A scrubbed copy of a vcrpy response dict: headers (``Set-Cookie``, ``Location``...) and body, and
    every value remembered from requests (an opaque token echoed back) in any encoded form.

    Use as vcrpy's ``before_record_response``, with ``decode_compressed_response=True`` so that
    compressed bodies are readable first (:func:`~moodhood.testing.vcr_config` sets both).
    """
    return _DEFAULT.scrub_response(response)
