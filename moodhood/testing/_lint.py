"""Linting recorded cassettes for secrets that escaped scrubbing.

A finding is any of:

- a JWT whose signature segment is not ``scrubbed``;
- a value of a token field (``access_token``, ``refreshToken``, ``signalingToken``, ...) that is not a
  placeholder JWT, or of ``client_secret``, ``password``, ``secret`` or ``username`` that is not a
  ``scrubbed-...`` placeholder, wherever it appears: JSON bodies (also when YAML stores them as strings),
  form bodies, URL query strings;
- an ``Authorization``, ``Cookie`` or ``Set-Cookie`` header that is not scrubbed;
- a high-entropy string in any other secret-named field (``apiKey``, ``x-csrf-token``, ``privateKey``);
- a value sent as a bearer token in some request's ``Authorization`` header (and not a placeholder) that
  appears anywhere else in the file: a response body or header, a URL, a request body, in plain,
  URL-encoded, JSON-escaped or base64 form (an opaque token a server echoed back).

YAML cassettes (vcrpy's default) are read with PyYAML so that line numbers are exact and ``!!binary``
bodies are decoded; other files are scanned line by line. Findings show secrets masked.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import attrs

from moodhood._secrets import JWT, MIN_SECRET_LENGTH, encoded_forms, known_values_pattern, mask
from moodhood.testing._scrub import (
    SCRUBBED_SIGNATURE,
    SECRET_PLACEHOLDERS,
    TOKEN_FIELDS,
    is_placeholder_token,
    is_secret_name,
    looks_random,
    normalize_field,
)

__all__ = ["CASSETTE_SUFFIXES", "Finding", "lint_cassettes", "lint_text"]

CASSETTE_SUFFIXES = (".yaml", ".yml", ".json")
"""The files a directory given to :func:`lint_cassettes` is searched for."""

_JWT = JWT
_BEARER = re.compile(r"(?i)\bbearer\s+([A-Za-z0-9._~+/=-]+)")
_PAIR = re.compile(r"(?:^|(?<=[?&;\s]))(?P<name>[A-Za-z0-9_.\-\[\]]+)=(?P<value>[^&#;,\s\"'<>\\]*)")
_JSON_PAIR = re.compile(r'"(?P<name>[^"\\]{1,80})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')
_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key"})


@attrs.frozen(order=True)
class Finding:
    """One secret found in a cassette: where, what kind, and a masked excerpt."""

    file: str
    line: int
    what: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}: {self.excerpt}"


def _is_placeholder(value: str) -> bool:
    return value == "" or value.startswith(SCRUBBED_SIGNATURE) or is_placeholder_token(value)


def _check_field(name: str, value: str) -> tuple[str, str] | None:
    """``(what, secret)`` when field ``name`` holds an unscrubbed ``value``."""
    field = normalize_field(name)
    if field in TOKEN_FIELDS:
        return None if value == "" or is_placeholder_token(value) else (f"unscrubbed {name}", value)
    if field in SECRET_PLACEHOLDERS:
        return None if _is_placeholder(value) else (f"unscrubbed {name}", value)
    if is_secret_name(name) and looks_random(value) and not _is_placeholder(value):
        return f"high-entropy value in secret-named field {name}", value
    return None


def _check_header(name: str, value: str) -> list[tuple[str, str]]:
    """``(what, secret)`` for each unscrubbed part of an ``Authorization``/``Cookie``/``Set-Cookie`` value."""
    lowered = name.lower()
    if lowered in _HEADERS:
        scheme, _, credentials = value.strip().partition(" ")
        secret = credentials.strip() if credentials else scheme
        return [] if _is_placeholder(secret) else [(f"unscrubbed {name} header", value)]
    if lowered not in ("cookie", "set-cookie"):
        return []
    pairs = value.split(";") if lowered == "cookie" else value.split(";")[:1]
    found = []
    for pair in pairs:
        _, sep, cookie = pair.strip().partition("=")
        if sep and not _is_placeholder(cookie):
            found.append((f"unscrubbed {name} header", pair.strip()))
    return found


def _walk_json(value: Any, key: str | None = None) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk_json(v, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from _walk_json(item, key)
    elif key is not None and isinstance(value, str | int | float) and not isinstance(value, bool):
        found = _check_field(key, str(value))
        if found is not None:
            yield found


def _echo_pattern(text: str) -> re.Pattern[str] | None:
    """A pattern over every encoded form of each non-placeholder bearer token sent in ``text``."""
    bearers = {
        value
        for value in _BEARER.findall(text)
        if len(value) >= MIN_SECRET_LENGTH and not _is_placeholder(value)
    }
    return known_values_pattern(form for value in bearers for form in encoded_forms(value))


def _echoes(value: str, context: str | None, echo: re.Pattern[str] | None) -> Iterator[tuple[str, str]]:
    """Bearer tokens in ``value`` other than as the credentials of an ``Authorization`` header."""
    if echo is None:
        return
    for match in echo.finditer(value):
        before = value[: match.start()].rstrip()
        if before.lower().endswith("bearer") and (context is None or context.lower() in _HEADERS):
            continue
        yield "bearer token found outside an Authorization header", match.group()


def _scan(value: str, context: str | None, echo: re.Pattern[str] | None = None) -> Iterator[tuple[str, str]]:
    """``(what, secret)`` for every secret in ``value`` (found under key ``context``), each secret once."""
    reported: list[str] = []
    for what, secret in (*_scan_all(value, context), *_echoes(value, context, echo)):
        # a JWT inside an already reported header or URL is the same leak; short values never hide others
        if not any(secret == seen or (len(secret) >= 8 and secret in seen) for seen in reported):
            reported.append(secret)
            yield what, secret


def _scan_all(value: str, context: str | None) -> Iterator[tuple[str, str]]:
    if context is not None:
        yield from _check_header(context, value)
        found = _check_field(context, value)
        if found is not None:
            yield found
    for match in _JWT.finditer(value):
        if match.group().rsplit(".", 1)[1] != SCRUBBED_SIGNATURE:
            yield "JWT with a real signature", match.group()
    stripped = value.strip()
    if stripped[:1] in ("{", "["):
        try:
            parsed = json.loads(stripped)
        except (ValueError, RecursionError):
            for match in _JSON_PAIR.finditer(value):  # truncated or broken JSON: look at its pairs
                found = _check_field(match.group("name"), match.group("value"))
                if found is not None:
                    yield found
        else:
            yield from _walk_json(parsed)
    for match in _PAIR.finditer(value):
        found = _check_field(match.group("name"), unquote_plus(match.group("value")))
        if found is not None:
            yield found


def _decode_binary(text: str) -> str:
    try:
        data = base64.b64decode("".join(text.split()))
    except (binascii.Error, ValueError):
        return text
    for unpack in (gzip.decompress, zlib.decompress):
        try:
            data = unpack(data)
            break
        except (OSError, zlib.error, EOFError):
            continue
    return data.decode("utf-8", errors="replace")


def _line_of(lines: list[str], first: int, last: int, secret: str) -> int:
    """The 1-based line in ``first..last`` (0-based) that shows ``secret``, else ``first + 1``."""
    probe = secret[:24]
    for number in range(first, min(last, len(lines) - 1) + 1):
        if probe and probe in lines[number]:
            return number + 1
    return first + 1


def _excerpt(what: str, secret: str) -> str:
    shown = mask(secret)
    if what.startswith("unscrubbed") and "header" in what:
        scheme, _, credentials = secret.partition(" ")
        name, sep, value = secret.partition("=")
        if sep and not credentials:
            return f"{name}={mask(value)}"
        return f"{scheme} {mask(credentials)}" if credentials else shown
    return shown


def _lint_yaml(text: str, file: str, echo: re.Pattern[str] | None) -> list[Finding] | None:
    """Findings from a YAML (or JSON) document; ``None`` when it does not parse."""
    try:
        import yaml
    except ModuleNotFoundError:  # pragma: no cover - PyYAML comes with the testing extra
        return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):  # too deep to parse: the line scan still works
        return None
    lines = text.splitlines()
    findings: list[Finding] = []

    def visit(node: Any, context: str | None) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                visit(value, key.value if isinstance(key, yaml.ScalarNode) else context)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item, context)
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            value = _decode_binary(node.value) if node.tag.endswith(":binary") else node.value
            for what, secret in _scan(value, context, echo):
                line = _line_of(lines, node.start_mark.line, node.end_mark.line, secret)
                findings.append(Finding(file, line, what, _excerpt(what, secret)))

    if root is not None:
        visit(root, None)
    return findings


def _lint_lines(text: str, file: str, echo: re.Pattern[str] | None) -> list[Finding]:
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for what, secret in _scan(line, None, echo):
            findings.append(Finding(file, number, what, _excerpt(what, secret)))
        for match in _JSON_PAIR.finditer(line):
            for what, secret in _check_header(match.group("name"), match.group("value")):
                findings.append(Finding(file, number, what, _excerpt(what, secret)))
    return findings


def lint_text(text: str, file: str = "<text>") -> list[Finding]:
    """Findings in one cassette's text, sorted by line; ``file`` names it in the findings."""
    echo = _echo_pattern(text)
    findings = _lint_yaml(text, file, echo)
    if findings is None:
        findings = _lint_lines(text, file, echo)
    return sorted(set(findings))


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CASSETTE_SUFFIXES
            )
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(2, "No such file or directory", str(path))


def lint_cassettes(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[Finding]:
    """Findings in every cassette file (directories are searched for ``.yaml``, ``.yml``, ``.json``).

    ``paths`` is one path (``str`` or ``Path``) or several. Raises ``FileNotFoundError`` for a path that
    does not exist, before reading anything. An empty list means the cassettes are clean.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files = list(_expand(paths))
    findings: list[Finding] = []
    for file in files:
        text = file.read_text("utf-8", errors="replace")
        findings.extend(lint_text(text, str(file)))
    return findings
