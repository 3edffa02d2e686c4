"""Shared pieces of ``bench.py``: result rows, medians, timing, and a counting fake MoodHood.

``FakeApi`` is the ``httpx.MockTransport`` handler every in-memory benchmark uses: ``GET /v1/spaces`` answers
the same pre-encoded body to every client under test, and ``POST /v1/auth/token`` mints JWTs with a chosen
lifetime and counts each token request by grant, so token traffic is counted at the transport.
"""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypedDict

import httpx

__all__ = [
    "BASE_URL",
    "PERSONAL_TOKEN",
    "SPACE_COUNT",
    "USER_CREDENTIALS",
    "FakeApi",
    "Row",
    "UserCredentials",
    "median",
    "mint_jwt",
    "per_call_us",
]

BASE_URL = "https://api.bench.invalid/v1"
PERSONAL_TOKEN = "mh-bench-personal-token-0001"


class UserCredentials(TypedDict):
    """The keyword arguments that put a client in user mode."""

    client_id: str
    client_secret: str
    username: str
    password: str


USER_CREDENTIALS = UserCredentials(
    client_id="bench-client",
    client_secret="bench-client-secret-0123456789ab",
    username="bench@example.com",
    password="bench-password",
)
SPACE_COUNT = 5

_SPACES_BODY = json.dumps(
    {
        "items": [
            {
                "id": f"65a1f0c2e4b0a1b2c3d4e5{i:02x}",
                "name": f"Space {i}",
                "description": "A space for the benchmark",
                "logo": None,
                "isPublic": True,
            }
            for i in range(SPACE_COUNT)
        ]
    },
    separators=(",", ":"),
).encode()
_JSON = {"content-type": "application/json"}


@dataclass(frozen=True)
class Row:
    """One line of the result table."""

    section: str
    what: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (which must not be empty)."""
    return statistics.median(values)


def per_call_us(call: Callable[[], object], calls: int) -> float:
    """Microseconds per call of ``call``, over ``calls`` back-to-back calls (after a full collection)."""
    gc.collect()
    start = time.perf_counter_ns()
    for _ in range(calls):
        call()
    return (time.perf_counter_ns() - start) / calls / 1000


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


_serial = 0
_serial_lock = threading.Lock()


def mint_jwt(lifetime: int, audience: str) -> str:
    """A JWT whose ``exp - iat`` is ``lifetime`` seconds; its signature is junk (the SDK never checks it)."""
    global _serial
    with _serial_lock:
        _serial += 1
        serial = _serial
    now = int(time.time())
    header = _b64(b'{"alg":"HS256","typ":"JWT"}')
    claims = {"aud": audience, "sub": "bench", "iat": now, "exp": now + lifetime, "jti": serial}
    payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{payload}.{_b64(b'not-a-real-signature')}"


class FakeApi:
    """A MockTransport handler: ``GET /v1/spaces`` and ``POST /v1/auth/token``, counting token requests.

    ``token_delay`` seconds pass before each token answer (a blocking sleep in the sync handler, an
    ``asyncio.sleep`` in ``handle_async``), so concurrent callers pile up behind a renewal in flight.
    """

    def __init__(
        self, *, access_ttl: int = 7 * 86400, refresh_ttl: int = 21 * 86400, token_delay: float = 0.0
    ):
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.token_delay = token_delay
        self.grants: Counter[str] = Counter()
        self.api_calls = 0
        self._lock = threading.Lock()

    @property
    def token_requests(self) -> int:
        """Token requests seen since the last ``reset``."""
        return sum(self.grants.values())

    def reset(self) -> None:
        """Zero the counters."""
        with self._lock:
            self.grants.clear()
            self.api_calls = 0

    def _token(self, request: httpx.Request) -> httpx.Response:
        grant = str(json.loads(request.content).get("grant_type"))
        with self._lock:
            self.grants[grant] += 1
        audience = "client" if grant == "client_credentials" else "user"
        body = {"token_type": "Bearer", "access_token": mint_jwt(self.access_ttl, audience)}
        if audience == "user":
            body["refresh_token"] = mint_jwt(self.refresh_ttl, "refresh")
        return httpx.Response(200, json=body)

    def _route(self, request: httpx.Request) -> httpx.Response | None:
        path = request.url.path
        if path == "/v1/spaces" and request.method == "GET":
            with self._lock:
                self.api_calls += 1
            return httpx.Response(200, content=_SPACES_BODY, headers=_JSON)
        if path == "/v1/auth/token" and request.method == "POST":
            return None
        return httpx.Response(404, json={"message": f"no route {request.method} {path}", "code": "not_found"})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        answer = self._route(request)
        if answer is not None:
            return answer
        if self.token_delay:
            time.sleep(self.token_delay)
        return self._token(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        """The same answers for ``httpx.AsyncClient`` (``MockTransport(api.handle_async)``)."""
        answer = self._route(request)
        if answer is not None:
            return answer
        if self.token_delay:
            await asyncio.sleep(self.token_delay)
        return self._token(request)
