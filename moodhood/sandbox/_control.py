"""The sandbox's own control endpoints under ``/__sandbox/`` (no auth; never faulted).

They answer loopback clients only (403 ``remote_control_forbidden`` for others) unless the config sets
``allow_remote_control``; record files are exempt, since API users download them by URL.

- ``POST /__sandbox/reset``: forget everything but the configured users (settings back to the config).
- ``POST /__sandbox/revoke``: revoke every issued JWT and, unless ``{"personal_tokens": false}``, every
  personal token (until the next reset).
- ``GET|POST /__sandbox/settings``: read or change ``access_ttl``, ``refresh_ttl``,
  ``refresh_grant_enabled``, ``webhook_retry_interval``, ``record_download`` (``text`` or ``redirect``).
- ``POST /__sandbox/clock``: ``{"advance": seconds}`` moves the sandbox clock (token expiry); a finite
  number keeping the clock within ``MAX_CLOCK_OFFSET`` of real time and after 1970, else 422.
- ``GET|POST|DELETE /__sandbox/faults``: list, arm (see ``Fault``) or clear faults.
- ``GET|DELETE /__sandbox/webhook-deliveries``: the webhook delivery log.
- ``POST /__sandbox/rooms/{roomId}/finish-call``: finish the room's running call (adds a recording).
- ``POST /__sandbox/rooms/{roomId}/events``: ``{"eventName": "record_failed"}`` sends any webhook event.
- ``GET /__sandbox/files/{recordId}.mp4``: where record download URLs point (sample bytes).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from moodhood._net import is_loopback
from moodhood.sandbox._body import read_body
from moodhood.sandbox._config import MAX_CLOCK_OFFSET, MAX_RETRY_INTERVAL, MAX_TTL
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._faults import parse_fault
from moodhood.sandbox._media import finish_call
from moodhood.sandbox._models import Room
from moodhood.sandbox._records import record_file
from moodhood.sandbox._state import SandboxState
from moodhood.sandbox._webhooks import emit

__all__ = ["control_routes"]


def _state(request: Request) -> SandboxState:
    state: SandboxState = request.app.state.sandbox
    return state


Handler = Callable[[Request], Awaitable[Response]]


def _local_only(handler: Handler) -> Handler:
    """``handler`` behind a 403 for clients off loopback (unless ``allow_remote_control``)."""

    @functools.wraps(handler)
    async def guarded(request: Request) -> Response:
        client = request.client
        if not _state(request).config.allow_remote_control and (
            client is None or not is_loopback(client.host)
        ):
            raise ApiError(
                403,
                "remote_control_forbidden",
                "Sandbox controls answer loopback clients only (see --allow-remote-control)",
            )
        return await handler(request)

    return guarded


async def _json(request: Request) -> dict[str, Any]:
    """The control request's JSON object; an empty body is ``{}``."""
    return (await read_body(request, allow_empty=True)).data


async def reset(request: Request) -> Response:
    _state(request).reset()
    return Response(status_code=204)


async def revoke(request: Request) -> Response:
    state = _state(request)
    data = await _json(request)
    revoked = state.tokens.revoke_all()
    if data.get("personal_tokens", True):
        revoked += len(state.personal_tokens)
        state.personal_tokens.clear()
    return JSONResponse({"revoked": revoked})


def _number(value: Any) -> bool:
    """Whether ``value`` is a finite JSON number (not a boolean)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def _settings_json(state: SandboxState) -> dict[str, Any]:
    s = state.settings
    return {
        "access_ttl": s.access_ttl,
        "refresh_ttl": s.refresh_ttl,
        "refresh_grant_enabled": s.refresh_grant_enabled,
        "webhook_retry_interval": s.webhook_retry_interval,
        "clock_offset": s.clock_offset,
        "record_download": s.record_download,
    }


async def settings(request: Request) -> Response:
    state = _state(request)
    if request.method == "POST":
        data = await _json(request)
        s = state.settings
        for name in ("access_ttl", "refresh_ttl"):
            if name in data:
                value = data[name]
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TTL:
                    raise ApiError(
                        422, "validation_error", f"'{name}' must be an integer from 1 to {MAX_TTL} (seconds)"
                    )
                setattr(s, name, value)
        if "refresh_grant_enabled" in data:
            if not isinstance(data["refresh_grant_enabled"], bool):
                raise ApiError(422, "validation_error", "'refresh_grant_enabled' must be a boolean")
            s.refresh_grant_enabled = data["refresh_grant_enabled"]
        if "webhook_retry_interval" in data:
            value = data["webhook_retry_interval"]
            if not _number(value) or not 0 <= value <= MAX_RETRY_INTERVAL:
                raise ApiError(
                    422,
                    "validation_error",
                    f"'webhook_retry_interval' must be from 0 to {MAX_RETRY_INTERVAL} (seconds)",
                )
            s.webhook_retry_interval = float(value)
        if "record_download" in data:
            if data["record_download"] not in ("text", "redirect"):
                raise ApiError(422, "validation_error", "'record_download' must be text or redirect")
            s.record_download = data["record_download"]
    return JSONResponse(_settings_json(state))


async def clock(request: Request) -> Response:
    state = _state(request)
    data = await _json(request)
    advance = data.get("advance", 0)
    if not _number(advance):
        raise ApiError(422, "validation_error", "'advance' must be a finite number of seconds")
    in_range = abs(advance) <= 2 * MAX_CLOCK_OFFSET  # compared before float(): a huge int would overflow
    offset = state.settings.clock_offset + float(advance) if in_range else math.inf
    if abs(offset) > MAX_CLOCK_OFFSET or state.now() + float(advance) < 0:
        raise ApiError(
            422,
            "clock_out_of_range",
            f"The clock may move at most {MAX_CLOCK_OFFSET} seconds from real time and not before 1970 "
            f"(it is {state.settings.clock_offset:g} s off now); the clock is unchanged",
        )
    state.settings.clock_offset = offset
    return JSONResponse({"now": state.now(), "clock_offset": state.settings.clock_offset})


async def faults(request: Request) -> Response:
    state = _state(request)
    if request.method == "POST":
        try:
            fault = parse_fault(await _json(request))
        except ValueError as exc:
            raise ApiError(422, "validation_error", str(exc)) from None
        state.faults.append(fault)
        return JSONResponse(fault.to_json(), 201)
    if request.method == "DELETE":
        state.faults.clear()
        return Response(status_code=204)
    return JSONResponse({"items": [f.to_json() for f in state.faults]})


async def deliveries(request: Request) -> Response:
    state = _state(request)
    if request.method == "DELETE":
        state.deliveries.clear()
        return Response(status_code=204)
    return JSONResponse({"items": [d.to_json() for d in state.deliveries]})


def _room(state: SandboxState, room_id: str) -> Room:
    room = state.rooms.get(room_id)
    if room is None:
        raise ApiError(404, "room_not_found", "Room not found")
    return room


async def finish_call_route(request: Request) -> Response:
    state = _state(request)
    call, record = finish_call(state, _room(state, request.path_params["roomId"]))
    return JSONResponse({"callId": call.id, "recordId": record.id})


async def events(request: Request) -> Response:
    state = _state(request)
    room = _room(state, request.path_params["roomId"])
    data = await _json(request)
    event_name = data.get("eventName")
    record_id = data.get("recordId")
    if not isinstance(event_name, str) or not event_name:
        raise ApiError(422, "validation_error", "'eventName' must be a non-empty string")
    if record_id is not None and not isinstance(record_id, str):
        raise ApiError(422, "validation_error", "'recordId' must be a string")
    delivery = emit(state, room, event_name, record_id)
    return JSONResponse({"queued": delivery is not None}, 202)


def control_routes() -> list[BaseRoute]:
    """The routes to mount at ``/__sandbox``."""
    return [
        Route("/reset", _local_only(reset), methods=["POST"]),
        Route("/revoke", _local_only(revoke), methods=["POST"]),
        Route("/settings", _local_only(settings), methods=["GET", "POST"]),
        Route("/clock", _local_only(clock), methods=["POST"]),
        Route("/faults", _local_only(faults), methods=["GET", "POST", "DELETE"]),
        Route("/webhook-deliveries", _local_only(deliveries), methods=["GET", "DELETE"]),
        Route("/rooms/{roomId}/finish-call", _local_only(finish_call_route), methods=["POST"]),
        Route("/rooms/{roomId}/events", _local_only(events), methods=["POST"]),
        Route("/files/{recordId}.mp4", record_file, methods=["GET"]),
    ]
