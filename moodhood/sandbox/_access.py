"""Who gets in: space invites (single use), room roles, generate-access and guest-url links.

See docs/decisions.md (token kinds and access, D18).
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._auth import caller_user, can_manage_room, can_manage_space
from moodhood.sandbox._body import read_body
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import Invite, Room, User, new_id
from moodhood.sandbox._state import SandboxState
from moodhood.sandbox._webapp import room_link_base

__all__ = [
    "activate_invite",
    "create_invite",
    "generate_access",
    "grant_role",
    "guest_url",
]

MAX_TTL = 432_000


async def create_invite(request: Request) -> Response:
    """``POST /spaces/{spaceId}/invites`` ``{role}`` → 201 ``{id}`` (space owner or moderator)."""
    state, user_id = caller_user(request)
    space = state.space(request.path_params["spaceId"])
    if not can_manage_space(space, user_id):
        raise ApiError(403, "forbidden", "Only the space owner or a moderator may invite")
    body = await read_body(request)
    role = body.req_text("role", enum=("role_space_moderator", "role_space_user"))
    invite = Invite(id=new_id(state.now()), space_id=space.id, role=role, created_by=user_id)
    state.invites[invite.id] = invite
    return JSONResponse({"id": invite.id}, 201)


async def activate_invite(request: Request) -> Response:
    """``POST /spaces/{spaceId}/invites/{inviteId}/activate`` with the invited user's token → 204, once."""
    state, user_id = caller_user(request)
    space = state.space(request.path_params["spaceId"])
    invite = state.invites.get(request.path_params["inviteId"])
    if invite is None or invite.space_id != space.id:
        raise ApiError(404, "invite_not_found", "Invite not found")
    if invite.used_by is not None:
        raise ApiError(422, "invite_already_used", "This invite has already been used")
    invite.used_by = user_id
    if space.owner_id != user_id:
        space.members[user_id] = invite.role
    return Response(status_code=204)


def _managed_room(state: SandboxState, request: Request, user_id: str) -> Room:
    room = state.room(request.path_params["spaceId"], request.path_params["roomId"])
    if not can_manage_room(state.spaces[room.space_id], room, user_id):
        raise ApiError(403, "forbidden", "Only the room's creator or a moderator may do this")
    return room


async def grant_role(request: Request) -> Response:
    """``POST /spaces/{spaceId}/rooms/{roomId}/roles`` ``{targetUserId, role}`` → 200, empty body."""
    state, user_id = caller_user(request)
    room = _managed_room(state, request, user_id)
    body = await read_body(request)
    target = body.req_text("targetUserId")
    role = body.req_text("role", enum=("role_room_user", "role_room_moderator"))
    if target not in state.users:
        raise ApiError(404, "user_not_found", "User not found")
    if room.roles.get(target) != "role_room_owner":
        room.roles[target] = role
    return Response(status_code=200)


def _link(
    request: Request, state: SandboxState, room: Room, guest: User, ttl: int, *, permanent: bool
) -> str:
    token = state.tokens.issue("user", guest.id, "accessToken", ttl, {"roomId": room.id})
    if not permanent:
        claims, _ = state.tokens.check(token, "accessToken")
        assert claims is not None
        state.single_use_links.add(claims["jti"])
    query = urlencode({"participantName": guest.username, "accessToken": token})
    return f"{room_link_base(request)}/room/{room.alias}?{query}"


def _guest(state: SandboxState, username: str, email: str | None, phone: str | None) -> User:
    guest_id = new_id(state.now())
    guest = User(
        id=guest_id,
        email=email or f"guest-{guest_id}@guests.sandbox.invalid",
        username=username,
        password=None,
        created_at=state.now(),
        phone=phone,
        is_guest=True,
    )
    state.users[guest.id] = guest
    return guest


async def generate_access(request: Request) -> Response:
    """``POST .../generate-access`` → 201 ``{url}``; the link's ``accessToken`` works for that room.

    Without ``isPermanent`` the link is single-use: its token is spent once its participant joins.
    """
    state, user_id = caller_user(request)
    room = _managed_room(state, request, user_id)
    body = await read_body(request)
    username = body.req_text("username")
    role = body.req_text("role", enum=("user", "moderator"))
    body.text("externalUserId")
    body.text("externalMeetingId")
    ttl = body.integer("ttl", minimum=1, maximum=MAX_TTL) or 86_400
    permanent = bool(body.flag("isPermanent"))
    guest = _guest(state, username, body.text("email"), body.text("phone"))
    guest.external_user_id = body.text("externalUserId")
    room.roles[guest.id] = "role_room_moderator" if role == "moderator" else "role_room_user"
    return JSONResponse({"url": _link(request, state, room, guest, ttl, permanent=permanent)}, 201)


async def guest_url(request: Request) -> Response:
    """``POST .../generate-access/guest-url`` (no auth, D18) → 201 ``{roomUrl}``; the token lives ``ttl``
    seconds (24 h by default)."""
    state: SandboxState = request.app.state.sandbox
    room = state.room(request.path_params["spaceId"], request.path_params["roomId"])
    body = await read_body(request, allow_empty=True)
    username = body.text("username", non_empty=True) or "Guest"
    ttl = body.integer("ttl", minimum=1, maximum=MAX_TTL) or 86_400
    guest = _guest(state, username, body.text("email"), body.text("phone"))
    guest.external_user_id = body.text("externalUserId")
    room.roles.setdefault(guest.id, "role_room_user")
    return JSONResponse({"roomUrl": _link(request, state, room, guest, ttl, permanent=True)}, 201)
