"""``SandboxControl``: a small synchronous client for a running sandbox's ``/__sandbox/`` endpoints."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["SandboxControl"]


class SandboxControl:
    """Drives a sandbox at ``root_url`` (``http://HOST:PORT``, without ``/v1``); see ``_control``."""

    def __init__(self, root_url: str, *, transport: httpx.BaseTransport | None = None) -> None:
        self._http = httpx.Client(
            base_url=root_url.rstrip("/") + "/__sandbox", transport=transport, timeout=10
        )

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The JSON answer; ``httpx.HTTPStatusError`` naming the sandbox's own reason on an error status."""
        response = self._http.request(method, path, json=body)
        if response.is_error:
            try:
                reason = response.json()["message"]
            except (ValueError, KeyError, TypeError):
                reason = response.reason_phrase
            raise httpx.HTTPStatusError(
                f"sandbox control {method} {path}: {response.status_code} {reason}",
                request=response.request,
                response=response,
            )
        return response.json() if response.content else None

    def reset(self) -> None:
        """Forget everything but the configured users; settings back to the config."""
        self._call("POST", "/reset")

    def revoke_all(self, *, personal_tokens: bool = True) -> int:
        """Revoke every issued token (and the personal tokens unless told not to); returns the count."""
        result: int = self._call("POST", "/revoke", {"personal_tokens": personal_tokens})["revoked"]
        return result

    def fault(
        self,
        path: str,
        method: str = "*",
        status: int = 503,
        *,
        count: int = 1,
        retry_after: float | str | None = None,
        delay: float = 0.0,
        body: str = "json",
        code: str = "sandbox_fault",
        message: str = "Injected fault",
    ) -> dict[str, Any]:
        """Make the next ``count`` requests matching ``method`` and ``path`` (``fnmatch``, including
        ``/v1``) fail with ``status`` after ``delay`` seconds; ``status=0`` only delays them."""
        payload = {
            "path": path,
            "method": method,
            "status": status,
            "count": count,
            "retry_after": retry_after,
            "delay": delay,
            "body": body,
            "code": code,
            "message": message,
        }
        result: dict[str, Any] = self._call("POST", "/faults", payload)
        return result

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def settings(self, **changes: Any) -> dict[str, Any]:
        """Read, or change until the next reset, ``access_ttl``, ``refresh_ttl``, ``refresh_grant_enabled``,
        ``webhook_retry_interval``, ``record_download`` (``"text"`` or ``"redirect"``)."""
        result: dict[str, Any] = self._call("POST", "/settings", changes)
        return result

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox clock, e.g. past a token's ``exp`` (finite, within ``MAX_CLOCK_OFFSET`` of real
        time in all, and not before 1970; otherwise ``httpx.HTTPStatusError`` and the clock is unchanged)."""
        self._call("POST", "/clock", {"advance": seconds})

    def deliveries(self) -> list[dict[str, Any]]:
        """The webhook delivery log, oldest first."""
        result: list[dict[str, Any]] = self._call("GET", "/webhook-deliveries")["items"]
        return result

    def finish_call(self, room_id: str) -> dict[str, Any]:
        """Finish the room's running call; returns ``{"callId", "recordId"}``."""
        result: dict[str, Any] = self._call("POST", f"/rooms/{room_id}/finish-call")
        return result

    def emit(self, room_id: str, event_name: str, record_id: str | None = None) -> None:
        """Send a webhook event for the room (``record_failed``, ...)."""
        body: dict[str, Any] = {"eventName": event_name}
        if record_id is not None:
            body["recordId"] = record_id
        self._call("POST", f"/rooms/{room_id}/events", body)

    def close(self) -> None:
        self._http.close()
