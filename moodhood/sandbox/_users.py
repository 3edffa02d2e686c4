"""Users: ``POST /users`` (D6: user token), ``/users/me`` and its meeting settings."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._auth import caller, caller_user
from moodhood.sandbox._body import read_body
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import User, new_id

__all__ = ["create_user", "get_me", "get_my_meeting_settings", "update_my_meeting_settings"]


async def create_user(request: Request) -> Response:
    """``POST /users`` → 201 ``{id}``; the new user can then use the password grant."""
    state, _ = caller_user(request)
    body = await read_body(request)
    email = body.req_text("email")
    password = body.req_text("password")
    username = body.req_text("username")
    phone = body.text("phone")
    body.text("captchaToken")
    if "@" not in email:
        raise ApiError(422, "validation_error", "'email' must be an email address")
    if state.user_by_email(email) is not None:
        raise ApiError(422, "user_exists", "A user with this email already exists")
    user = User(
        id=new_id(state.now()),
        email=email,
        username=username,
        password=password,
        created_at=state.now(),
        phone=phone,
    )
    state.users[user.id] = user
    return JSONResponse({"id": user.id}, 201)


async def get_me(request: Request) -> Response:
    """``GET /users/me`` → the calling user (403 for client tokens)."""
    state, principal = caller(request)
    if principal.user_id is None:
        raise ApiError(403, "forbidden", "This method is forbidden for a client token")
    return JSONResponse(state.users[principal.user_id].to_json())


def _settings_json(settings: dict[str, str] | None) -> dict[str, str | None]:
    settings = settings or {}
    return {"roomId": settings.get("roomId"), "spaceId": settings.get("spaceId")}


async def get_my_meeting_settings(request: Request) -> Response:
    """``GET /users/me/settings/meetings`` → ``{roomId, spaceId}`` (nulls until set)."""
    state, user_id = caller_user(request)
    return JSONResponse(_settings_json(state.users[user_id].meeting_settings))


async def update_my_meeting_settings(request: Request) -> Response:
    """``PUT /users/me/settings/meetings`` with ``{roomId, spaceId}`` → 200 with the same."""
    state, user_id = caller_user(request)
    body = await read_body(request)
    room_id = body.req_text("roomId")
    space_id = body.req_text("spaceId")
    state.room(space_id, room_id)
    state.users[user_id].meeting_settings = {"roomId": room_id, "spaceId": space_id}
    return JSONResponse(_settings_json(state.users[user_id].meeting_settings))
