"""Recordings and analytics: ``records``, ``records/download``, ``analytics/calls``, ``analytics/report``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from moodhood.sandbox._auth import caller, can_manage_room, require_user
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import Call, Room, isoformat
from moodhood.sandbox._state import SandboxState
from moodhood.sandbox._xlsx import XLSX_MEDIA_TYPE, write_xlsx

__all__ = ["analytics_calls", "analytics_report", "download_record", "list_records", "record_file"]

SAMPLE_MP4 = (
    b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" + b"moodhood sandbox"
)
"""What every recording downloads as: the head of an MP4 file (a sample, not playable video)."""


def _admin_room(state: SandboxState, request: Request, room_id: str, *, allow_link: bool = False) -> Room:
    principal = caller(request)[1]
    room = state.room(request.path_params["spaceId"], room_id)
    if allow_link and principal.kind == "link" and principal.room_id == room.id:
        return room
    user_id = require_user(principal)
    if not can_manage_room(state.spaces[room.space_id], room, user_id):
        raise ApiError(403, "forbidden", "Recordings and analytics are for the room's admins only")
    return room


def _moment(name: str, value: str) -> float:
    """Unix seconds of an ISO 8601 date-time (the spec has checked its form; a leap second counts as :59)."""
    text = re.sub(r"(T\d{2}:\d{2}):60", r"\1:59", value.strip().upper()).replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ApiError(422, "validation_error", f"'{name}' must be an ISO 8601 date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _query(request: Request, name: str) -> str:
    value = request.query_params.get(name)
    if not value:
        raise ApiError(422, "validation_error", f"query parameter '{name}' is required")
    return value


async def list_records(request: Request) -> Response:
    """``GET .../rooms/{roomId}/records?dateFrom&dateTo`` → ``{items, total}`` (admins only)."""
    state: SandboxState = request.app.state.sandbox
    room = _admin_room(state, request, request.path_params["roomId"])
    start = request.query_params.get("dateFrom")
    end = request.query_params.get("dateTo")
    low = _moment("dateFrom", start) if start else float("-inf")
    high = _moment("dateTo", end) if end else float("inf")
    records = sorted(
        (r for r in state.records.values() if r.room_id == room.id and low <= r.created_at <= high),
        key=lambda r: r.created_at,
    )
    return JSONResponse({"items": [r.to_json() for r in records], "total": len(records)})


async def download_record(request: Request) -> Response:
    """``GET .../records/download/{recordId}`` → 200 ``text/plain``: a file URL valid for 24 h (or a 302 to
    it when the ``record_download`` setting is ``redirect``)."""
    state: SandboxState = request.app.state.sandbox
    room = _admin_room(state, request, request.path_params["roomId"])
    record = state.records.get(request.path_params["recordId"])
    if record is None or record.room_id != room.id:
        raise ApiError(404, "record_not_found", "Record not found")
    if record.finished_at is None:
        raise ApiError(422, "record_not_ready", "The recording is still in progress")
    expires = int(state.now()) + 86_400
    root = str(request.base_url).rstrip("/")
    url = f"{root}/__sandbox/files/{record.id}.mp4?expires={expires}"
    if state.settings.record_download == "redirect":
        return RedirectResponse(url, 302)
    return PlainTextResponse(url)


async def record_file(request: Request) -> Response:
    """``GET /__sandbox/files/{recordId}.mp4``: the sample bytes of a recording."""
    state: SandboxState = request.app.state.sandbox
    if request.path_params["recordId"] not in state.records:
        raise ApiError(404, "record_not_found", "Record not found")
    return Response(SAMPLE_MP4, media_type="video/mp4")


def _day(value: str) -> dt.date | None:
    """The UTC day of a date or date-time in the form the spec allows; ``None`` for a day that does not
    exist (``2024-02-30``): no call happened on it."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromtimestamp(_moment("date", value.replace(" ", "T")), tz=dt.UTC).date()
    except (ValueError, ApiError, OverflowError):
        return None


async def analytics_calls(request: Request) -> Response:
    """``GET /spaces/{spaceId}/analytics/calls?roomId&date`` → the room's finished calls of that UTC day."""
    state: SandboxState = request.app.state.sandbox
    room = _admin_room(state, request, _query(request, "roomId"), allow_link=True)
    day = _day(_query(request, "date"))
    calls = sorted(
        (
            c
            for c in state.calls.values()
            if c.room_id == room.id
            and not c.active
            and dt.datetime.fromtimestamp(c.started_at, tz=dt.UTC).date() == day
        ),
        key=lambda c: c.started_at,
    )
    return JSONResponse({"items": [c.to_json() for c in calls]})


def _report(room: Room, call: Call) -> dict[str, Any]:
    end = call.finished_at
    participants = []
    for attendee in call.attendees:
        left = end if end is not None else attendee["joinedAt"]
        participants.append(
            {
                "participantId": attendee["participantId"],
                "name": attendee["name"],
                "role": attendee["role"],
                "externalUserId": attendee.get("externalUserId"),
                "joinedAt": isoformat(attendee["joinedAt"]),
                "leftAt": None if end is None else isoformat(end),
                "durationSeconds": int(left - attendee["joinedAt"]),
            }
        )
    return {
        "callId": call.id,
        "roomId": room.id,
        "spaceId": room.space_id,
        "roomName": room.name,
        "roomType": call.room_type,
        "startedAt": isoformat(call.started_at),
        "finishedAt": None if end is None else isoformat(end),
        "durationSeconds": None if end is None else int(end - call.started_at),
        "totalParticipantsCount": len(call.attendees),
        "uniqueParticipantsCount": call.unique_count,
        "participants": participants,
    }


async def analytics_report(request: Request) -> Response:
    """``GET /spaces/{spaceId}/analytics/report?roomId&callId&format`` → JSON or a real XLSX workbook."""
    state: SandboxState = request.app.state.sandbox
    room = _admin_room(state, request, _query(request, "roomId"))
    call_id = _query(request, "callId")
    fmt = _query(request, "format")
    if fmt not in ("json", "xlsx"):
        raise ApiError(422, "validation_error", "'format' must be one of xlsx, json")
    call = state.calls.get(call_id)
    if call is None or call.room_id != room.id:
        raise ApiError(404, "call_not_found", "Call not found")
    report = _report(room, call)
    if fmt == "json":
        return JSONResponse(report)
    header: list[object] = ["Name", "Role", "External user id", "Joined at", "Left at", "Duration (s)"]
    rows = [header]
    keys = ("name", "role", "externalUserId", "joinedAt", "leftAt", "durationSeconds")
    for participant in report["participants"]:
        rows.append([participant[key] for key in keys])
    filename = f"report-{call.id}.xlsx"
    return Response(
        write_xlsx(rows, sheet_name="Participants"),
        media_type=XLSX_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
