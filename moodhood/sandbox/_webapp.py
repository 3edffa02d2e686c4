"""The sandbox's stand-in for the MoodHood web app: a minimal room page at the room links it hands out.

The real service links rooms to its web app (``https://edu.livedigital.space/room/<alias>?...``). With
``SandboxConfig(web_app_url=None)`` the sandbox links to itself instead and serves ``/room/<alias>``: a
small HTML page that shows the room alias, the room name and the participant name from the link, checks
the link's ``accessToken`` (or ``refreshToken``) like the web app would, and has a "Leave call" button
that posts ``'ld_finish_call'`` to the parent window. No media, no JavaScript beyond that button; enough to
drive an embedding page end to end in a real browser.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from moodhood._embed import FINISH_CALL_MESSAGE
from moodhood.sandbox._models import Room
from moodhood.sandbox._state import SandboxState

__all__ = ["room_link_base", "webapp_routes"]

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; background: #1d2533; color: #f4f6fa; }}
main {{ padding: 24px; }}
h1 {{ font-size: 20px; margin: 0 0 12px; }}
.tile {{ display: inline-block; padding: 32px 48px; border-radius: 12px; background: #2f3b52; }}
.name {{ font-size: 28px; font-weight: 600; }}
.muted {{ color: #a9b4c8; font-size: 14px; }}
button {{ margin-top: 16px; padding: 8px 16px; border: 0; border-radius: 6px; }}
button {{ background: #e5484d; color: #fff; }}
</style>
</head>
<body>
<main>
{content}
</main>
</body>
</html>
"""

_ROOM = """<h1>Room <span id="room-alias">{alias}</span></h1>
<p class="muted">MoodHood sandbox &middot; <span id="room-name">{name}</span></p>
<div class="tile"><div class="muted">You are</div>
<div class="name" id="participant-name">{participant}</div></div>
<div><button id="leave" type="button">Leave call</button></div>
<script>
document.getElementById("leave").addEventListener("click", function () {{
  if (window.parent !== window) window.parent.postMessage({message}, "*");
}});
</script>"""


def room_link_base(request: Request) -> str:
    """Where this sandbox's room links point: ``web_app_url``, or (when it is ``None``) the sandbox's
    own origin as the request reached it, so a link works through any host name or port."""
    state: SandboxState = request.app.state.sandbox
    configured = state.config.web_app_url
    if configured is not None:
        return configured.rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def _page(title: str, content: str, status: int = 200) -> HTMLResponse:
    page = _PAGE.format(title=html.escape(title), content=content)
    return HTMLResponse(page, status, headers={"cache-control": "no-store", "referrer-policy": "no-referrer"})


def _message(status: int, text: str) -> HTMLResponse:
    return _page(text, f'<h1 id="error">{html.escape(text)}</h1>', status)


def _token_ok(state: SandboxState, request: Request, room: Room) -> bool:
    """No token (a public page view) or a valid one; an access token bound to a room must be for this one."""
    access = request.query_params.get("accessToken")
    refresh = request.query_params.get("refreshToken")
    if access is None and refresh is None:
        return True
    token, kind = (access, "accessToken") if access is not None else (refresh, "refreshToken")
    assert token is not None
    claims, _reason = state.tokens.check(token, kind)
    if claims is None:
        return False
    return claims.get("roomId") in (None, room.id)


async def room_page(request: Request) -> Response:
    """``GET /room/{alias}?participantName=...&accessToken=...``: the room page (404 for an unknown
    alias, 401 "Unauthorized" for a bad token, as the web app shows inside a frame)."""
    state: SandboxState = request.app.state.sandbox
    alias = request.path_params["alias"]
    room = next((r for r in state.rooms.values() if r.alias == alias), None)
    if room is None:
        return _message(404, "Room not found")
    if not _token_ok(state, request, room):
        return _message(401, "Unauthorized")
    participant = request.query_params.get("participantName") or "Guest"
    content = _ROOM.format(
        alias=html.escape(room.alias),
        name=html.escape(room.name),
        participant=html.escape(participant),
        message=f'"{FINISH_CALL_MESSAGE}"',
    )
    return _page(f"{room.name} · MoodHood sandbox", content)


def webapp_routes() -> list[BaseRoute]:
    """The web-app routes, mounted beside (not under) the API's ``/v1``."""
    return [Route("/room/{alias}", room_page, methods=["GET"])]
