"""``create_app``: the Starlette application that plays MoodHood."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from moodhood.sandbox import _access, _media, _records, _spaces, _users, _webhooks
from moodhood.sandbox._body import BodyLimit
from moodhood.sandbox._config import SandboxConfig
from moodhood.sandbox._control import control_routes
from moodhood.sandbox._docs import doc_routes
from moodhood.sandbox._errors import ApiError, api_error_response
from moodhood.sandbox._faults import FaultMiddleware
from moodhood.sandbox._routing import Handler, build_routes
from moodhood.sandbox._spec import api_spec
from moodhood.sandbox._state import SandboxState
from moodhood.sandbox._token_endpoint import token_endpoint
from moodhood.sandbox._webapp import webapp_routes

__all__ = ["HANDLERS", "create_app"]


HANDLERS: dict[tuple[str, str], Handler] = {
    ("POST", "/auth/token"): token_endpoint,
    ("GET", "/spaces"): _spaces.list_spaces,
    ("POST", "/spaces"): _spaces.create_space,
    ("GET", "/spaces/room-by-alias/{alias}"): _spaces.get_room_by_alias,
    ("PUT", "/spaces/{spaceId}"): _spaces.update_space,
    ("GET", "/spaces/{spaceId}/rooms"): _spaces.list_rooms,
    ("POST", "/spaces/{spaceId}/rooms"): _spaces.create_room,
    ("GET", "/spaces/{spaceId}/rooms/{roomId}"): _spaces.get_room,
    ("PUT", "/spaces/{spaceId}/rooms/{roomId}"): _spaces.update_room,
    ("DELETE", "/spaces/{spaceId}/rooms/{roomId}"): _spaces.delete_room,
    ("POST", "/spaces/{spaceId}/invites"): _access.create_invite,
    ("POST", "/spaces/{spaceId}/invites/{inviteId}/activate"): _access.activate_invite,
    ("POST", "/spaces/{spaceId}/rooms/{roomId}/roles"): _access.grant_role,
    ("POST", "/spaces/{spaceId}/rooms/{roomId}/generate-access"): _access.generate_access,
    ("POST", "/spaces/{spaceId}/rooms/{roomId}/generate-access/guest-url"): _access.guest_url,
    ("POST", "/spaces/{spaceId}/participants"): _media.create_participant,
    ("POST", "/spaces/{spaceId}/participants/{participantId}/signaling-token"): _media.signaling_token,
    ("POST", "/spaces/{spaceId}/rooms/{roomId}/join"): _media.join_room,
    ("POST", "/spaces/{spaceId}/webhook"): _webhooks.create_webhook,
    ("GET", "/spaces/{spaceId}/webhook"): _webhooks.get_webhook,
    ("PUT", "/spaces/{spaceId}/webhook"): _webhooks.update_webhook,
    ("DELETE", "/spaces/{spaceId}/webhook"): _webhooks.delete_webhook,
    ("PUT", "/spaces/{spaceId}/webhook/refresh-secret"): _webhooks.refresh_webhook_secret,
    ("GET", "/spaces/{spaceId}/rooms/{roomId}/records"): _records.list_records,
    ("GET", "/spaces/{spaceId}/rooms/{roomId}/records/download/{recordId}"): _records.download_record,
    ("GET", "/spaces/{spaceId}/analytics/calls"): _records.analytics_calls,
    ("GET", "/spaces/{spaceId}/analytics/report"): _records.analytics_report,
    ("POST", "/users"): _users.create_user,
    ("GET", "/users/me"): _users.get_me,
    ("GET", "/users/me/settings/meetings"): _users.get_my_meeting_settings,
    ("PUT", "/users/me/settings/meetings"): _users.update_my_meeting_settings,
}
"""The sandbox's handlers by method and path template; the spec decides which are routed (``_routing``)."""


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return api_error_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return api_error_response(ApiError(404, "not_found", f"No route for {request.url.path}"))
    if exc.status_code == 405:
        error = ApiError(405, "method_not_allowed", f"{request.method} is not allowed on {request.url.path}")
        error.headers = dict(exc.headers or {})
        return api_error_response(error)
    return JSONResponse({"message": str(exc.detail), "code": "http_error"}, exc.status_code)


async def _server_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"message": "Internal sandbox error", "code": "internal_error"}, 500)


class _Normalise:
    """Strips a trailing slash from ``/v1/...`` paths (``GET /spaces/`` is seen in the wild) and adds a
    ``x-request-id`` header to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith("/v1/") and path.endswith("/") and len(path) > 4:
            scope = dict(scope, path=path.rstrip("/"), raw_path=path.rstrip("/").encode())
        request_id = secrets.token_hex(8)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, send_with_id)


def create_app(config: SandboxConfig | None = None, *, clock: Callable[[], float] | None = None) -> Starlette:
    """A fresh sandbox app with its own in-memory state (``app.state.sandbox``).

    ``clock`` (Unix seconds, default ``time.time``) drives token issue and expiry, so tests can move time.
    The API routes come from the overlaid spec (``config.spec_path`` or the one shipped); ``RuntimeError``
    when no spec can be found.
    """
    config = config or SandboxConfig()
    spec = api_spec(config.spec_path)
    api_routes, unhandled = build_routes(spec.overlaid, HANDLERS)
    routes: list[BaseRoute] = [
        Mount("/v1", routes=api_routes),
        Mount("/__sandbox", routes=control_routes()),
        *doc_routes(),
        *webapp_routes(),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={ApiError: _api_error, HTTPException: _http_error, Exception: _server_error},
    )
    app.router.redirect_slashes = False
    state = SandboxState(config, clock)
    app.state.sandbox = state
    app.state.api = spec
    app.state.unhandled = [op.label for op in unhandled]  # they answer 501
    app.add_middleware(FaultMiddleware, state=state)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)
    app.add_middleware(_Normalise)
    return app
