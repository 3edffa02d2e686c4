"""Meetings: the small web app a company writes around MoodHood (Starlette).

- ``POST /meetings`` ``{"title": "..."}`` creates a room for the meeting and answers its join URL;
- ``GET /meetings/{id}/join?name=Ann`` serves Ann a page with the room in an ``<iframe>`` (a personal
  link from generate-access, embedded with ``moodhood.embed``); the page notices ``ld_finish_call``;
- ``POST /webhooks/moodhood`` receives MoodHood's webhooks and verifies their signature;
- ``GET /meetings/{id}/events`` lists the verified events of that meeting's room.

Run it with a local sandbox started in the same process (no account; its room links point at the
sandbox's own minimal room pages)::

    python examples/webapp/app.py --sandbox
    curl -X POST http://127.0.0.1:8000/meetings -d '{"title": "Standup"}'   # then open "join" + ?name=Ann

or against any MoodHood, with the ``MOODHOOD_*`` variables set: ``python examples/webapp/app.py``.

Settings come from the environment: the ``MOODHOOD_*`` client settings, ``MEETINGS_PUBLIC_URL`` (where
MoodHood reaches this app's webhook), and optionally ``MEETINGS_SPACE_ID`` and ``MOODHOOD_WEBHOOK_SECRET``
for an existing space and webhook; without them the app creates both at start-up.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from meetings import Meeting, create_meeting, create_meetings_space, join_link, register_webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from moodhood import AsyncMoodhood, MoodhoodError
from moodhood.embed import FINISH_CALL_MESSAGE, iframe_html
from moodhood.webhooks import WebhookEvent, WebhookVerificationError, verify

WEBHOOK_PATH = "/webhooks/moodhood"


@dataclass
class Settings:
    public_url: str
    space_id: str | None = None
    webhook_secret: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            public_url=os.environ.get("MEETINGS_PUBLIC_URL", "http://127.0.0.1:8000"),
            space_id=os.environ.get("MEETINGS_SPACE_ID") or None,
            webhook_secret=os.environ.get("MOODHOOD_WEBHOOK_SECRET") or None,
        )


@dataclass
class Store:
    """In memory for the example; a real app keeps meetings and events in its database."""

    meetings: dict[str, Meeting] = field(default_factory=dict)
    events: list[WebhookEvent] = field(default_factory=list)


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>{title} · Meetings</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 24px; }}
iframe {{ border: 1px solid #ccd; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>Joined as <strong id="me">{name}</strong></p>
{frame}
<p id="status" role="status"></p>
<script>
const ROOM_ORIGIN = {origin};
window.addEventListener("message", (event) => {{
  if (event.origin !== ROOM_ORIGIN) return;
  if (event.data === {finish}) document.getElementById("status").textContent = "The call has ended.";
}});
</script>
</body>
</html>
"""


def _js(value: str) -> str:
    """A JavaScript string literal that is also safe inside ``<script>``."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")


def create_app(mh: AsyncMoodhood, settings: Settings) -> Starlette:
    """The app; ``mh`` is the company's configured MoodHood client (closed by the caller)."""
    store = Store()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.space_id is None:
            settings.space_id = await create_meetings_space(mh)
        if settings.webhook_secret is None:
            url = settings.public_url.rstrip("/") + WEBHOOK_PATH
            settings.webhook_secret = await register_webhook(mh, settings.space_id, url)
        yield

    async def new_meeting(request: Request) -> Response:
        try:
            payload = await request.json()
        except ValueError:
            return JSONResponse({"error": "send a JSON body"}, 400)
        title = payload.get("title") if isinstance(payload, dict) else None
        if not isinstance(title, str) or not title.strip():
            return JSONResponse({"error": "'title' must be a non-empty string"}, 400)
        assert settings.space_id is not None
        meeting = await create_meeting(mh, settings.space_id, title.strip())
        store.meetings[meeting.id] = meeting
        join = f"{settings.public_url.rstrip('/')}/meetings/{meeting.id}/join"
        return JSONResponse({"id": meeting.id, "title": meeting.title, "join": join}, 201)

    async def join_page(request: Request) -> Response:
        meeting = store.meetings.get(request.path_params["meeting_id"])
        if meeting is None:
            return HTMLResponse("<h1>No such meeting</h1>", 404)
        name = request.query_params.get("name", "").strip()
        if not name:
            return HTMLResponse("<h1>Add ?name=Your%20Name to the address</h1>", 400)
        try:
            link = await join_link(mh, meeting, name, host=request.query_params.get("host") == "1")
        except MoodhoodError as error:  # one line for the user; the details are in our logs
            reason = html.escape(type(error).__name__)
            return HTMLResponse(f"<h1>The meeting room is not available ({reason})</h1>", 502)
        page = _PAGE.format(
            title=html.escape(meeting.title),
            name=html.escape(name),
            frame=iframe_html(link, width="100%", height=480, frame_id="moodhood-room"),
            origin=_js(link.origin),
            finish=_js(FINISH_CALL_MESSAGE),
        )
        # the page holds a personal link: never cache it, never leak it in a Referer
        return HTMLResponse(page, headers={"cache-control": "no-store", "referrer-policy": "no-referrer"})

    async def webhook(request: Request) -> Response:
        assert settings.webhook_secret is not None
        try:
            event = verify(await request.body(), settings.webhook_secret)
        except WebhookVerificationError:
            return JSONResponse({"error": "bad signature"}, 400)
        store.events.append(event)
        return Response(status_code=204)

    async def events(request: Request) -> Response:
        room_id = request.path_params["meeting_id"]
        found = [
            {"eventName": str(e.event_name), "roomId": e.room_id, "recordId": e.record_id}
            for e in store.events
            if e.room_id == room_id
        ]
        return JSONResponse({"items": found})

    app = Starlette(
        routes=[
            Route("/meetings", new_meeting, methods=["POST"]),
            Route("/meetings/{meeting_id}/join", join_page, methods=["GET"]),
            Route("/meetings/{meeting_id}/events", events, methods=["GET"]),
            Route(WEBHOOK_PATH, webhook, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.settings = settings
    return app


def main() -> None:  # pragma: no cover - runs a server until Ctrl-C
    """Serve the app; ``--sandbox`` starts a local sandbox with its own room pages (no account needed)."""
    import asyncio
    import sys
    from contextlib import ExitStack

    import uvicorn

    settings = Settings.from_env()
    port = urlsplit(settings.public_url).port or 8000

    async def serve(mh: AsyncMoodhood) -> None:
        async with mh:
            config = uvicorn.Config(create_app(mh, settings), host="127.0.0.1", port=port)
            await uvicorn.Server(config).serve()

    with ExitStack() as stack:
        if "--sandbox" in sys.argv[1:]:
            from moodhood.sandbox import DEMO_PERSONAL_TOKEN, SandboxConfig, SandboxServer

            sandbox = stack.enter_context(SandboxServer(SandboxConfig(web_app_url=None)))
            print(f"sandbox at {sandbox.base_url}; open POST {settings.public_url}/meetings")
            mh = AsyncMoodhood(base_url=sandbox.base_url, token=DEMO_PERSONAL_TOKEN)
        else:
            mh = AsyncMoodhood()
        asyncio.run(serve(mh))


if __name__ == "__main__":
    main()
