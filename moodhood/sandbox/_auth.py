"""Who is calling (bearer tokens) and what they may do (docs/decisions.md: token kinds and access, D6, D7)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import Room, Space
from moodhood.sandbox._state import SandboxState

__all__ = [
    "Principal",
    "authenticate",
    "bearer_token",
    "caller",
    "caller_user",
    "can_manage_room",
    "can_manage_space",
    "can_see_space",
    "require_room_reader",
    "require_user",
]

MODERATOR_ROOM_ROLES = ("role_room_owner", "role_room_moderator")


@dataclass(frozen=True)
class Principal:
    """The caller. ``kind`` is ``client``, ``user``, ``personal`` or ``link`` (a generate-access token)."""

    kind: str
    user_id: str | None
    jti: str | None = None
    room_id: str | None = None

    @property
    def is_user(self) -> bool:
        return self.kind in ("user", "personal")


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if there is one."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def authenticate(request: Request, state: SandboxState) -> Principal:
    """The caller of ``request``, or a 401 for a missing, malformed, expired or revoked token."""
    token = bearer_token(request)
    if token is None:
        raise ApiError(401, "unauthorized", "Authorization required: send 'Authorization: Bearer <token>'")
    owner = state.personal_tokens.get(token)
    if owner is not None:
        return Principal("personal", owner)
    claims, reason = state.tokens.check(token, "accessToken")
    if claims is None:
        messages = {
            "expired": ("token_expired", "The access token has expired"),
            "revoked": ("token_revoked", "The access token has been revoked"),
        }
        code, message = messages.get(reason, ("invalid_token", "The access token is invalid"))
        raise ApiError(401, code, message)
    if claims["aud"] == "client":
        return Principal("client", None, claims["jti"])
    user = state.users.get(str(claims["sub"]))
    if user is None:
        raise ApiError(401, "invalid_token", "The access token's user no longer exists")
    room_id = claims.get("roomId")
    if isinstance(room_id, str):
        return Principal("link", user.id, claims["jti"], room_id)
    return Principal("user", user.id, claims["jti"])


def require_user(principal: Principal) -> str:
    """The caller's user id; a 403 for client tokens and room links."""
    if not principal.is_user or principal.user_id is None:
        what = "a client token" if principal.kind == "client" else "a room access token"
        raise ApiError(403, "forbidden", f"This method is forbidden for {what}: use a user or personal token")
    return principal.user_id


def can_see_space(space: Space, user_id: str) -> bool:
    """Owner or member."""
    return space.owner_id == user_id or user_id in space.members


def can_manage_space(space: Space, user_id: str) -> bool:
    """Owner or space moderator."""
    return space.owner_id == user_id or space.members.get(user_id) == "role_space_moderator"


def can_manage_room(space: Space, room: Room, user_id: str) -> bool:
    """Space owner/moderator, or a room owner/moderator."""
    return can_manage_space(space, user_id) or room.roles.get(user_id) in MODERATOR_ROOM_ROLES


def require_room_reader(state: SandboxState, principal: Principal, room: Room) -> None:
    """A 403 unless the caller may see this room.

    Client tokens may (the mobile apps resolve rooms with them); room links only their own room; users when
    they belong to the space, hold a room role, or the room is public.
    """
    if principal.kind == "client":
        return
    if principal.kind == "link":
        if principal.room_id != room.id:
            raise ApiError(403, "forbidden", "This access token is for another room")
        return
    assert principal.user_id is not None
    space = state.spaces[room.space_id]
    if room.flags["isPublic"] or can_see_space(space, principal.user_id) or principal.user_id in room.roles:
        return
    raise ApiError(403, "forbidden", "You have no access to this room")


def caller(request: Request) -> tuple[SandboxState, Principal]:
    """The sandbox state and the authenticated caller of ``request``."""
    state: SandboxState = request.app.state.sandbox
    return state, authenticate(request, state)


def caller_user(request: Request) -> tuple[SandboxState, str]:
    """The sandbox state and the calling user's id (401 without a token, 403 for a client token)."""
    state, principal = caller(request)
    return state, require_user(principal)
