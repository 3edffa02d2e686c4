"""Spaces and rooms: ``/spaces``, ``/spaces/{spaceId}/rooms``, ``/spaces/room-by-alias/{alias}``."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._auth import (
    caller,
    caller_user,
    can_manage_room,
    can_manage_space,
    can_see_space,
    require_room_reader,
)
from moodhood.sandbox._body import Body, read_body
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import ROOM_FLAGS, Call, Record, Room, Space, new_alias, new_id, stable_id
from moodhood.sandbox._state import SandboxState

__all__ = [
    "create_room",
    "create_space",
    "delete_room",
    "get_room",
    "get_room_by_alias",
    "list_rooms",
    "list_spaces",
    "room_json",
    "update_room",
    "update_space",
]

ROOM_TYPES = ("lesson", "webinar")


def _managed_space(state: SandboxState, space_id: str, user_id: str) -> Space:
    space = state.space(space_id)
    if not can_see_space(space, user_id):
        raise ApiError(403, "forbidden", "You are not a member of this space")
    if not can_manage_space(space, user_id):
        raise ApiError(403, "forbidden", "Only the space owner or a moderator may do this")
    return space


def room_json(state: SandboxState, room: Room, user_id: str | None) -> dict[str, Any]:
    """The Room object as ``user_id`` sees it (``roleInRoom``)."""
    role = None
    if user_id is not None:
        role = room.roles.get(user_id)
        if role is None and can_manage_space(state.spaces[room.space_id], user_id):
            role = "role_room_moderator"
    return room.to_json(role)


async def create_space(request: Request) -> Response:
    """``POST /spaces`` → 201 ``{id}``."""
    state, user_id = caller_user(request)
    body = await read_body(request)
    name = body.req_text("name")
    is_public = body.flag("isPublic")
    space = Space(
        id=new_id(state.now()),
        name=name,
        owner_id=user_id,
        is_public=True if is_public is None else is_public,
        created_at=state.now(),
        description=body.text("description"),
        logo=body.text("logo"),
    )
    state.spaces[space.id] = space
    return JSONResponse({"id": space.id}, 201)


async def list_spaces(request: Request) -> Response:
    """``GET /spaces`` → the spaces the user owns or belongs to (403 for client tokens)."""
    state, user_id = caller_user(request)
    items = [s.to_json() for s in state.spaces.values() if can_see_space(s, user_id)]
    return JSONResponse({"items": items})


async def update_space(request: Request) -> Response:
    """``PUT /spaces/{spaceId}`` → 200 with the space."""
    state, user_id = caller_user(request)
    space = _managed_space(state, request.path_params["spaceId"], user_id)
    body = await read_body(request)
    name = body.req_text("name")
    is_public = body.flag("isPublic", required=True)
    assert is_public is not None
    space.name = name
    space.is_public = is_public
    if "description" in body:
        space.description = body.text("description")
    if "logo" in body:
        space.logo = body.text("logo")
    return JSONResponse(space.to_json())


def _apply_room_fields(room: Room, body: Body) -> None:
    for flag in ROOM_FLAGS:
        value = body.flag(flag)
        if value is not None:
            room.flags[flag] = value
    if "waitingRoomAudience" in body:
        room.waiting_room_audience = body.text("waitingRoomAudience", non_empty=True) or "nobody"
    if "redirectUrl" in body:
        room.redirect_url = body.text("redirectUrl")


def _seed_sample_recording(state: SandboxState, room: Room) -> None:
    """A finished sample call an hour before the room existed, with one recording, so lists have content."""
    start = room.created_at - 3600
    call = Call(
        id=new_id(start),
        room_id=room.id,
        space_id=room.space_id,
        room_type=room.type,
        started_at=start,
        finished_at=start + 1800,
        attendees=[
            {"participantId": new_id(start), "name": "Sample host", "role": "host", "joinedAt": start},
            {"participantId": new_id(start), "name": "Sample guest", "role": "host", "joinedAt": start + 60},
        ],
    )
    state.calls[call.id] = call
    record = Record(
        id=new_id(start),
        name=f"{room.name} (sample recording)",
        room_id=room.id,
        space_id=room.space_id,
        call_id=call.id,
        state="new",
        file_size=1_048_576,
        created_at=start + 1800,
        started_at=start,
        finished_at=start + 1800,
    )
    state.records[record.id] = record


async def create_room(request: Request) -> Response:
    """``POST /spaces/{spaceId}/rooms`` → 201 with the full Room (D9)."""
    state, user_id = caller_user(request)
    space = _managed_space(state, request.path_params["spaceId"], user_id)
    body = await read_body(request)
    name = body.req_text("name")
    room_type = body.text("type", enum=ROOM_TYPES) or "lesson"
    aliases = {r.alias for r in state.rooms.values()}
    alias = new_alias()
    while alias in aliases:
        alias = new_alias()
    now = state.now()
    room = Room(
        id=new_id(now),
        space_id=space.id,
        alias=alias,
        name=name,
        type=room_type,
        app_id=stable_id("app", state.config.client_id),
        channel_id=new_id(now),
        created_at=now,
    )
    _apply_room_fields(room, body)
    room.roles[user_id] = "role_room_owner"
    state.rooms[room.id] = room
    _seed_sample_recording(state, room)
    return JSONResponse(room_json(state, room, user_id), 201)


async def list_rooms(request: Request) -> Response:
    """``GET /spaces/{spaceId}/rooms`` → ``{items: [Room]}``."""
    state, user_id = caller_user(request)
    space = state.space(request.path_params["spaceId"])
    if not can_see_space(space, user_id):
        raise ApiError(403, "forbidden", "You are not a member of this space")
    items = [room_json(state, r, user_id) for r in state.rooms.values() if r.space_id == space.id]
    return JSONResponse({"items": items})


async def get_room(request: Request) -> Response:
    """``GET /spaces/{spaceId}/rooms/{roomId}`` (client tokens allowed, as the mobile apps do)."""
    state, principal = caller(request)
    room = state.room(request.path_params["spaceId"], request.path_params["roomId"])
    require_room_reader(state, principal, room)
    return JSONResponse(room_json(state, room, principal.user_id))


async def get_room_by_alias(request: Request) -> Response:
    """``GET /spaces/room-by-alias/{alias}``."""
    state, principal = caller(request)
    alias = request.path_params["alias"]
    room = next((r for r in state.rooms.values() if r.alias == alias), None)
    if room is None:
        raise ApiError(404, "room_not_found", "Room not found")
    require_room_reader(state, principal, room)
    return JSONResponse(room_json(state, room, principal.user_id))


def _managed_room(state: SandboxState, request: Request, user_id: str) -> Room:
    room = state.room(request.path_params["spaceId"], request.path_params["roomId"])
    if not can_manage_room(state.spaces[room.space_id], room, user_id):
        raise ApiError(403, "forbidden", "Only the room's owner or a moderator may do this")
    return room


async def update_room(request: Request) -> Response:
    """``PUT /spaces/{spaceId}/rooms/{roomId}`` → 200 with the Room."""
    state, user_id = caller_user(request)
    room = _managed_room(state, request, user_id)
    body = await read_body(request)
    name = body.text("name", non_empty=True)
    room_type = body.text("type", enum=ROOM_TYPES)
    _apply_room_fields(room, body)
    if name is not None:
        room.name = name
    if room_type is not None:
        room.type = room_type
    return JSONResponse(room_json(state, room, user_id))


async def delete_room(request: Request) -> Response:
    """``DELETE /spaces/{spaceId}/rooms/{roomId}`` → 204; its calls, records and participants go too."""
    state, user_id = caller_user(request)
    room = _managed_room(state, request, user_id)
    del state.rooms[room.id]
    state.calls = {k: v for k, v in state.calls.items() if v.room_id != room.id}
    state.records = {k: v for k, v in state.records.items() if v.room_id != room.id}
    state.participants = {k: v for k, v in state.participants.items() if v.room_id != room.id}
    return Response(status_code=204)
