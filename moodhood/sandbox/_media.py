"""Joining a call: participants, signaling tokens, ``join``; calls start on the first join.

The order is the mobile apps' (docs/decisions.md: what the client apps call).
"""

from __future__ import annotations

import jwt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._auth import Principal, caller, require_room_reader
from moodhood.sandbox._body import read_body
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import Call, Participant, Record, Room, new_id
from moodhood.sandbox._state import SandboxState
from moodhood.sandbox._tokens import new_jti
from moodhood.sandbox._webhooks import emit

__all__ = ["create_participant", "finish_call", "join_room", "signaling_token"]

SIGNALING_TTL = 3600


def _participant_json(participant: Participant) -> dict[str, str]:
    return {
        "id": participant.id,
        "name": participant.name,
        "roomId": participant.room_id,
        "role": participant.role,
        "clientUniqueId": participant.client_unique_id,
    }


async def create_participant(request: Request) -> Response:
    """``POST /spaces/{spaceId}/participants`` ``{name, roomId, role, clientUniqueId}`` → 201 Participant."""
    state, principal = caller(request)
    space = state.space(request.path_params["spaceId"])
    body = await read_body(request)
    name = body.req_text("name")
    room_id = body.req_text("roomId")
    role = body.req_text("role")
    client_unique_id = body.req_text("clientUniqueId")
    room = state.room(space.id, room_id)
    require_room_reader(state, principal, room)
    user = state.users.get(principal.user_id) if principal.user_id else None
    participant = Participant(
        id=new_id(state.now()),
        space_id=space.id,
        room_id=room.id,
        name=name,
        role=role,
        client_unique_id=client_unique_id,
        user_id=principal.user_id,
        created_at=state.now(),
        external_user_id=user.external_user_id if user else None,
    )
    state.participants[participant.id] = participant
    return JSONResponse(_participant_json(participant), 201)


def _participant(
    state: SandboxState, principal: Principal, space_id: str, participant_id: str
) -> Participant:
    state.space(space_id)
    participant = state.participants.get(participant_id)
    if participant is None or participant.space_id != space_id:
        raise ApiError(404, "participant_not_found", "Participant not found")
    require_room_reader(state, principal, state.rooms[participant.room_id])
    return participant


async def signaling_token(request: Request) -> Response:
    """``POST .../participants/{participantId}/signaling-token`` → 201 ``{signalingToken}``.

    An HS256 JWT like the web SDK's: ``channelId``, ``iss`` = the room's app id, ``sub`` = the participant,
    ``aud`` = its media role; valid one hour.
    """
    state, principal = caller(request)
    participant = _participant(
        state, principal, request.path_params["spaceId"], request.path_params["participantId"]
    )
    room = state.rooms[participant.room_id]
    iat = int(state.now())
    claims = {
        "channelId": room.channel_id,
        "iss": room.app_id,
        "sub": participant.id,
        "aud": participant.role,
        "jti": new_jti(),
        "iat": iat,
        "exp": iat + SIGNALING_TTL,
    }
    token = jwt.encode(claims, state.signing_key + ":signaling", algorithm="HS256")
    return JSONResponse({"signalingToken": token}, 201)


def _start_call(state: SandboxState, room: Room) -> Call:
    now = state.now()
    call = Call(id=new_id(now), room_id=room.id, space_id=room.space_id, room_type=room.type, started_at=now)
    state.calls[call.id] = call
    room.last_call_at = now
    emit(state, room, "call_started")
    if room.flags["isAutoRecordingAllowed"] and room.flags["isRecordAllowed"]:
        record = Record(
            id=new_id(now),
            name=f"{room.name} {call.id[-6:]}",
            room_id=room.id,
            space_id=room.space_id,
            call_id=call.id,
            state="recording",
            file_size=0,
            created_at=now,
            started_at=now,
            finished_at=None,
        )
        state.records[record.id] = record
        emit(state, room, "record_started", record.id)
    return call


async def join_room(request: Request) -> Response:
    """``POST /spaces/{spaceId}/rooms/{roomId}/join`` ``{participantId}`` → 204.

    The first join starts a call (``call_started`` webhook). A single-use generate-access token is spent here.
    """
    state, principal = caller(request)
    room = state.room(request.path_params["spaceId"], request.path_params["roomId"])
    require_room_reader(state, principal, room)
    body = await read_body(request)
    participant_id = body.req_text("participantId")
    participant = state.participants.get(participant_id)
    if participant is None or participant.room_id != room.id:
        raise ApiError(404, "participant_not_found", "Participant not found in this room")
    call = state.active_call(room.id) or _start_call(state, room)
    if participant.joined_at is None:
        participant.joined_at = state.now()
        call.attendees.append(
            {
                "participantId": participant.id,
                "name": participant.name,
                "role": participant.role,
                "externalUserId": participant.external_user_id,
                "joinedAt": participant.joined_at,
            }
        )
    if principal.kind == "link" and principal.jti in state.single_use_links:
        state.tokens.revoke(principal.jti)
    return Response(status_code=204)


def finish_call(state: SandboxState, room: Room) -> tuple[Call, Record]:
    """End the room's running call: ``call_finished``, then its recording is ready (``record_finished``)."""
    call = state.active_call(room.id)
    if call is None:
        raise ApiError(422, "no_active_call", "This room has no running call")
    now = state.now()
    call.finished_at = now
    record = next((r for r in state.records.values() if r.call_id == call.id), None)
    if record is None:
        record = Record(
            id=new_id(now),
            name=f"{room.name} {call.id[-6:]}",
            room_id=room.id,
            space_id=room.space_id,
            call_id=call.id,
            state="new",
            file_size=0,
            created_at=now,
            started_at=call.started_at,
            finished_at=None,
        )
        state.records[record.id] = record
        emit(state, room, "record_started", record.id)
    record.state = "new"
    record.finished_at = now
    record.file_size = max(1, int(now - call.started_at)) * 125_000
    emit(state, room, "call_finished")
    emit(state, room, "record_finished", record.id)
    return call, record
