"""Fault injection: make the next matching API requests fail or stall (``POST /__sandbox/faults``)."""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Receive, Scope, Send

if TYPE_CHECKING:
    from moodhood.sandbox._state import SandboxState

__all__ = ["Fault", "FaultMiddleware", "parse_fault"]

_PROXY_PAGE = (
    "<html><head><title>{status} Bad Gateway</title></head><body><center><h1>{status}</h1></center>"
    "<hr><center>nginx</center></body></html>"
)


@dataclass
class Fault:
    """One armed fault.

    ``path`` is matched against the request path with ``fnmatch`` (``/v1/spaces/*/rooms``); ``method`` is
    an HTTP method or ``*``. ``status`` 0 means no error: the request only waits ``delay`` seconds and then
    goes through. ``body`` is ``json`` (``{message, code}``), ``html`` (a proxy's error page) or ``empty``.
    ``count`` is how many requests it still hits.
    """

    path: str
    method: str = "*"
    status: int = 503
    count: int = 1
    retry_after: float | str | None = None
    delay: float = 0.0
    body: str = "json"
    code: str = "sandbox_fault"
    message: str = "Injected fault"

    def matches(self, method: str, path: str) -> bool:
        return (self.method == "*" or self.method == method) and fnmatch.fnmatchcase(path, self.path)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_fault(data: dict[str, Any]) -> Fault:
    """A :class:`Fault` from the JSON body of ``POST /__sandbox/faults``; ``ValueError`` when malformed."""
    path = data.get("path")
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError("'path' must be a path starting with '/'")
    method = data.get("method", "*")
    status = data.get("status", 503)
    count = data.get("count", 1)
    retry_after = data.get("retry_after")
    delay = data.get("delay", 0)
    body = data.get("body", "json")
    if not isinstance(method, str):
        raise ValueError("'method' must be a string")
    if not isinstance(status, int) or not (status == 0 or 100 <= status <= 599):
        raise ValueError("'status' must be 0 or an HTTP status code")
    if not isinstance(count, int) or count < 1:
        raise ValueError("'count' must be a positive integer")
    if retry_after is not None and not isinstance(retry_after, int | float | str):
        raise ValueError("'retry_after' must be seconds or an HTTP date")
    if isinstance(retry_after, str) and not (retry_after.isascii() and retry_after.isprintable()):
        raise ValueError("'retry_after' must be printable ASCII (it becomes a header value)")
    if not isinstance(delay, int | float) or delay < 0:
        raise ValueError("'delay' must be a non-negative number")
    if body not in ("json", "html", "empty"):
        raise ValueError("'body' must be json, html or empty")
    return Fault(
        path=path,
        method=method.upper(),
        status=status,
        count=count,
        retry_after=retry_after,
        delay=float(delay),
        body=body,
        code=str(data.get("code", "sandbox_fault")),
        message=str(data.get("message", "Injected fault")),
    )


class FaultMiddleware:
    """Applies the armed faults of ``app.state.sandbox`` to ``/v1`` requests (control paths never fault)."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1"):
            await self.app(scope, receive, send)
            return
        faults = self.state.faults
        fault = next((f for f in faults if f.matches(scope["method"], scope["path"])), None)
        if fault is None:
            await self.app(scope, receive, send)
            return
        fault.count -= 1
        if fault.count <= 0:
            faults.remove(fault)
        if fault.delay:
            # a shutdown cuts the stall short, so uvicorn need not cancel the request (and log a traceback)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.state.stopping.wait(), fault.delay)
        if fault.status == 0:
            await self.app(scope, receive, send)
            return
        await _send_fault(fault, send)


async def _send_fault(fault: Fault, send: Send) -> None:
    headers = [(b"x-sandbox-fault", b"1")]
    if fault.retry_after is not None:
        value = fault.retry_after
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        headers.append((b"retry-after", str(value).encode()))
    if fault.body == "html":
        payload = _PROXY_PAGE.format(status=fault.status).encode()
        headers.append((b"content-type", b"text/html"))
    elif fault.body == "empty":
        payload = b""
    else:
        payload = json.dumps({"message": fault.message, "code": fault.code}).encode()
        headers.append((b"content-type", b"application/json"))
    headers.append((b"content-length", str(len(payload)).encode()))
    await send({"type": "http.response.start", "status": fault.status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
