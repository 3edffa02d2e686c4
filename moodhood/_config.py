"""Client settings: defaults, the ``MOODHOOD_BASE_URL`` fallback and the ``NOT_GIVEN`` sentinel."""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from typing import Final, Literal

import httpx

from moodhood._exceptions import ConfigurationError

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "NotGiven",
    "TimeoutTypes",
    "check_max_retries",
    "resolve_base_url",
    "resolve_deadline",
    "resolve_timeout",
]

DEFAULT_BASE_URL: Final = "https://moodhood.online/v1"
"""The default API base URL (D1)."""

BASE_URL_ENV: Final = "MOODHOOD_BASE_URL"
DEFAULT_MAX_RETRIES: Final = 2
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
"""Connect 5 s; read, write and pool 30 s."""

TimeoutTypes = float | httpx.Timeout | None
"""A timeout in seconds for every phase, an ``httpx.Timeout``, or ``None`` for no timeout at all."""


class NotGiven:
    """The type of ``NOT_GIVEN``: "keep the current value", as opposed to ``None``, which may mean "none"."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")


def _host_problem(raw_host: bytes) -> str | None:
    """Why ``raw_host`` (IDNA-encoded by httpx) is not an IP address or a host name; ``None`` if it is."""
    try:
        host = raw_host.decode("ascii")
    except UnicodeDecodeError:
        return "the host is not ASCII"
    if not host:
        return "there is no host"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None
    name = host[:-1] if host.endswith(".") else host
    if len(name) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in name.split(".")):
        return f"the host {host!r} is not a valid host name"
    return None


def _parse_base_url(raw: str, source: str) -> httpx.URL:
    try:
        url = httpx.URL(raw)
        raw_host, host, port = url.raw_host, url.host, url.port
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:  # idna.IDNAError is a UnicodeError
        raise ConfigurationError(f"{source} is not a valid URL ({exc})") from None
    if url.scheme not in ("http", "https") or not host:
        raise ConfigurationError(f"{source} must be an absolute http(s) URL such as {DEFAULT_BASE_URL!r}")
    problem = _host_problem(raw_host)
    if problem is not None:
        raise ConfigurationError(f"{source} is not a valid URL ({problem})")
    if port is not None and not 0 < port < 65536:
        raise ConfigurationError(f"{source} is not a valid URL (port {port} is outside 1-65535)")
    return url


def resolve_base_url(base_url: str | httpx.URL | None, environ: Mapping[str, str] = os.environ) -> httpx.URL:
    """The argument, else ``MOODHOOD_BASE_URL``, else the default: absolute http(s), no trailing ``/``.

    Surrounding whitespace is dropped. Anything else that is not a plain ``http(s)://host[:port]/path`` is a
    ``ConfigurationError``: a query, fragment or ``user:password@``, a host that is not an IP address or a
    valid (IDNA) host name, a port outside 1-65535.
    """
    raw = str(base_url) if base_url else environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    source = "base_url=" if base_url else BASE_URL_ENV
    url = _parse_base_url(raw.strip().rstrip("/"), source)  # strip: a newline read from a file or a shell
    if url.query or url.fragment:
        raise ConfigurationError(f"{source} must not carry a query string or fragment")
    if url.userinfo:
        raise ConfigurationError(
            f"{source} must not carry user:password@ (it would be logged and stored; MoodHood uses tokens)"
        )
    return url


def check_max_retries(max_retries: int) -> int:
    """``max_retries`` itself when it is an int >= 0, else a ``ValueError``."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ValueError(f"max_retries must be an int >= 0, not {max_retries!r}")
    return max_retries


def resolve_timeout(timeout: TimeoutTypes) -> httpx.Timeout:
    """An ``httpx.Timeout`` from seconds, a ``Timeout`` or ``None`` (no timeout).

    Every phase must be ``None`` or a finite number of seconds above 0: a 0 would fail every connect at
    once and a negative one only at the socket, mid-call, with a bare ``ValueError``.
    """
    resolved = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    for phase, seconds in resolved.as_dict().items():
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds < math.inf
        ):
            raise ValueError(
                f"timeout ({phase}) must be a number of seconds > 0, or None for no limit, not {seconds!r}"
            )
    return resolved


def resolve_deadline(deadline: float | None) -> float | None:
    """A total time limit per call in seconds (``None``: none), checked like a timeout phase."""
    if deadline is not None and (
        isinstance(deadline, bool) or not isinstance(deadline, int | float) or not 0 < deadline < math.inf
    ):
        raise ValueError(f"deadline must be a number of seconds > 0, or None for no limit, not {deadline!r}")
    return deadline
