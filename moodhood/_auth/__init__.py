"""The MoodHood token flow: one I/O-free core and two thin httpx drivers (see docs/auth.md).

====================  =====================================================================================
module                concern
====================  =====================================================================================
``_state``            the cached tokens, refused values, freshness (no I/O, no locks)
``_grants``           one small function per grant: what each token request carries
``_exchange``         a grant as an ``httpx.Request``; its answer read (64 KiB at most) and parsed
``_plan``             the renewal plan: which grants, in which order (D4), the store, secret providers
``_flight``           single flight: one leader renews, every other caller waits (the only lock)
``_flow``             one API request's flow: fast path handed over, 401 -> renew -> replay once
``_steps``            what the core asks a driver to do (send, read, wait, call)
``_httpx``            ``MoodhoodAuth``: the sync and async drivers
====================  =====================================================================================

A new grant type is a function in ``_grants`` and a step in ``_plan``.
"""

from __future__ import annotations

from ._exchange import MAX_TOKEN_RESPONSE
from ._httpx import TOKEN_REQUEST_EXTENSION, MoodhoodAuth
from ._plan import MAX_TOKEN_REQUESTS
from ._state import TokenEvent, TokenKind

__all__ = [
    "MAX_TOKEN_REQUESTS",
    "MAX_TOKEN_RESPONSE",
    "TOKEN_REQUEST_EXTENSION",
    "MoodhoodAuth",
    "TokenEvent",
    "TokenKind",
]
