"""Scrubbing secrets out of recorded HTTP interactions (vcrpy requests and response dicts).

Tokens become stable placeholders that are well-formed JWTs with the literal signature ``scrubbed``:
the same real token always gives the same placeholder (its ``jti`` is derived from a SHA-256 of the
token, which cannot be reversed), ``exp`` lies in 2100, and when the original's lifetime ``exp - iat``
was readable the placeholder's ``iat`` is set so that its lifetime is the same. The SDK derives expiry
from that lifetime alone (D5), so a replay makes the same refresh decisions as the recording did. ``aud``
and ``type`` are copied from the original. Passwords, client secrets, webhook secrets and user names
become fixed ``scrubbed-...`` strings (a hash of a password could be guessed).

Scrubbing is idempotent: a placeholder is left as it is. That matters because vcrpy runs
``before_record_request`` on live requests before matching them, and runs both hooks again on load.
This module does not import vcrpy: it works on anything shaped like ``vcr.request.Request``
(``uri``, ``body``, ``headers``) and on vcrpy's response dicts.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import MutableMapping
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl, quote, unquote_plus, urlencode

__all__ = [
    "FAR_FUTURE_EXP",
    "SCRUBBED_SIGNATURE",
    "SECRET_PLACEHOLDERS",
    "TOKEN_FIELDS",
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
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
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
        return value if is_placeholder_token(value) else SCRUBBED_SIGNATURE
    if scheme.lower() == "bearer":
        return f"{scheme} {placeholder_token(credentials.strip())}"
    return f"{scheme} {SCRUBBED_SIGNATURE}"


def _scrub_cookie_pair(pair: str) -> str:
    name, sep, value = pair.strip().partition("=")
    if not sep:
        return pair
    if normalize_field(name) in TOKEN_FIELDS or _JWT.fullmatch(value):
        return f"{name}={placeholder_token(value) if value else value}"
    return f"{name}={value if value == SCRUBBED_SIGNATURE else SCRUBBED_SIGNATURE}"


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


def scrub_request(request: _R) -> _R:
    """A scrubbed copy of a vcrpy request: headers, URL query and body (JSON, form or text).

    Use as vcrpy's ``before_record_request``.
    """
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


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """A scrubbed copy of a vcrpy response dict: headers (``Set-Cookie``, ``Location``...) and body.

    Use as vcrpy's ``before_record_response``, with ``decode_compressed_response=True`` so that
    compressed bodies are readable first (:func:`~moodhood.testing.vcr_config` sets both).
    """
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
