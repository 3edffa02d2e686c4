"""Which webhook targets a sandbox off loopback may call (``webhook_allow``, docs/sandbox.md).

An entry is an IP address or network (``10.0.0.0/8``, ``192.168.1.20``, ``fd00::/8``) or a host name pattern
(``hooks.example.com``, ``*.example.com``; ``*`` alone permits every target). A URL whose host is an IP
literal must fall in a network; a host name must match a pattern, or else every address it resolves to must
fall in a network.
"""

from __future__ import annotations

import asyncio
import fnmatch
import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["Network", "parse_allow_entry", "target_allowed"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_PATTERN = re.compile(r"^(\*|(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?)$")


def parse_allow_entry(entry: str) -> Network | str:
    """The network, or the lower-cased host pattern, of an entry; ``ValueError`` with the reason otherwise."""
    text = entry.strip().lower()
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        pass
    if not _PATTERN.match(text) or text.replace(".", "").replace("/", "").isdigit():
        raise ValueError(
            f"webhook_allow entry {entry!r} is neither an IP address or network nor a host name pattern"
        )
    return text


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return None


async def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


async def target_allowed(url: str, entries: Iterable[str]) -> bool:
    """Whether ``url``'s host is permitted by ``entries`` (resolving a host name only when it must)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return False
    parsed = [parse_allow_entry(e) for e in entries]
    networks = [p for p in parsed if not isinstance(p, str)]
    patterns = [p for p in parsed if isinstance(p, str)]
    if "*" in patterns:
        return True
    address = _ip(host)
    if address is None:
        if any(fnmatch.fnmatchcase(host, p) for p in patterns):
            return True
        if not networks:
            return False
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return False
        addresses = [a for a in map(_ip, await _resolve(host, port)) if a is not None]
    else:
        addresses = [address]
    return bool(addresses) and all(any(a in n for n in networks) for a in addresses)
