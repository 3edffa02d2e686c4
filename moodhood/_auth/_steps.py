"""What the I/O-free core asks its driver to do. The sync and async drivers differ only in how they do it.

=============  ==========================================  =============================================
step           sync driver                                 async driver
=============  ==========================================  =============================================
``Send``       yield the API request to httpx              the same
``Exchange``   yield a token request, read <= 64 KiB       the same, reading with ``aiter_raw``
``Discard``    read and close a response (frees the        ``aread`` and ``aclose``
               pooled connection before waiting)
``Wait``       block on the flight's ``threading.Event``   await a future on the running loop
``Call``       call it                                     ``asyncio.to_thread`` when ``offload`` (file
                                                           store, secret provider), else call it
=============  ==========================================  =============================================

Each step's answer (a response, or the call's result) is sent back into the core; an exception is thrown
into it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import httpx

from ._flight import Flight

__all__ = ["Call", "Discard", "Exchange", "Send", "Step", "Wait"]


class Send(NamedTuple):
    request: httpx.Request


class Exchange(NamedTuple):
    request: httpx.Request
    grant_type: str


class Discard(NamedTuple):
    response: httpx.Response


class Wait(NamedTuple):
    flight: Flight


class Call(NamedTuple):
    fn: Callable[[], Any]
    offload: bool


Step = Send | Exchange | Discard | Wait | Call
