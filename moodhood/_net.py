"""Small facts about hosts."""

from __future__ import annotations

import ipaddress

__all__ = ["is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is ``localhost``, in 127.0.0.0/8, or ``::1``.

    Names under ``.localhost`` are not trusted: some resolvers send them to DNS, and this decides whether a
    secret may travel over plain ``http://``.
    """
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
