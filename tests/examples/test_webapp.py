"""examples/webapp/app.py over HTTP against the sandbox: meetings, join pages, verified webhooks."""

from __future__ import annotations

import html
import re
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from moodhood.embed import DEFAULT_ALLOW
from moodhood.sandbox import SandboxControl, SandboxServer
from moodhood.webhooks import sign
from tests.examples.conftest import RunningApp


def _new_meeting(app: RunningApp, title: str = "Weekly review") -> dict[str, Any]:
    response = httpx.post(f"{app.url}/meetings", json={"title": title})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _iframe_src(page: str) -> str:
    match = re.search(r'<iframe id="moodhood-room" src="([^"]+)"', page)
    assert match, page
    return html.unescape(match.group(1))


def test_a_meeting_gets_a_room_and_each_participant_a_personal_frame(
    meetings_app: RunningApp, web_sandbox: SandboxServer
) -> None:
    meeting = _new_meeting(meetings_app)
    assert meeting["join"] == f"{meetings_app.url}/meetings/{meeting['id']}/join"
    pages = {name: httpx.get(meeting["join"], params={"name": name}) for name in ("Ann", "Борис")}
    for name, page in pages.items():
        assert page.status_code == 200
        assert page.headers["cache-control"] == "no-store"
        src = urlsplit(_iframe_src(page.text))
        assert f"{src.scheme}://{src.netloc}" == web_sandbox.root_url
        assert re.fullmatch(r"/room/[A-Za-z0-9_-]{10}", src.path)
        query = parse_qs(src.query)
        assert query["participantName"] == [name]
        assert query["accessToken"][0].count(".") == 2  # a JWT of the sandbox
        assert f'allow="{";".join(DEFAULT_ALLOW)}"' in page.text
    # the two links are different (personal), into the same room
    first, second = (urlsplit(_iframe_src(p.text)) for p in pages.values())
    assert first.path == second.path and first.query != second.query
    room = httpx.get(_iframe_src(pages["Ann"].text))
    assert room.status_code == 200 and 'id="participant-name">Ann<' in room.text


def test_bad_requests_get_clear_answers(meetings_app: RunningApp) -> None:
    assert httpx.post(f"{meetings_app.url}/meetings", json={"title": " "}).status_code == 400
    assert httpx.post(f"{meetings_app.url}/meetings", content=b"{").status_code == 400
    assert httpx.get(f"{meetings_app.url}/meetings/{'0' * 24}/join", params={"name": "A"}).status_code == 404
    meeting = _new_meeting(meetings_app)
    assert httpx.get(meeting["join"]).status_code == 400


def _events(app: RunningApp, meeting_id: str, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 10
    while True:
        items: list[dict[str, Any]] = httpx.get(f"{app.url}/meetings/{meeting_id}/events").json()["items"]
        if len(items) >= count or time.monotonic() > deadline:
            return items
        time.sleep(0.05)


def test_moodhood_webhooks_are_received_and_verified(
    meetings_app: RunningApp, web_sandbox: SandboxServer
) -> None:
    meeting = _new_meeting(meetings_app)
    control = SandboxControl(web_sandbox.root_url)
    try:
        control.emit(meeting["id"], "call_started")
        control.emit(meeting["id"], "record_failed", record_id="a" * 24)
        events = _events(meetings_app, meeting["id"], 2)
        deadline = time.monotonic() + 10  # the sandbox logs an attempt once our 204 reached it
        deliveries = control.deliveries()
        while not all(d["finished"] for d in deliveries):
            assert time.monotonic() < deadline, deliveries
            time.sleep(0.05)
            deliveries = control.deliveries()
    finally:
        control.close()
    assert [e["eventName"] for e in events] == ["call_started", "record_failed"]
    assert events[1]["recordId"] == "a" * 24
    assert all(d["url"] == f"{meetings_app.url}/webhooks/moodhood" for d in deliveries)
    assert [d["delivered"] for d in deliveries] == [True, True]
    assert [a["status"] for d in deliveries for a in d["attempts"]] == [204, 204]


@pytest.mark.parametrize("secret", ["wrong-secret-0123456789abcdef0123", None])
def test_a_forged_webhook_is_refused(meetings_app: RunningApp, secret: str | None) -> None:
    meeting = _new_meeting(meetings_app)
    body = {"eventName": "call_finished", "roomId": meeting["id"], "spaceId": meetings_app.settings.space_id}
    signature = sign(body, secret) if secret else "0" * 64
    payload = {"signature": signature, "body": body}
    response = httpx.post(f"{meetings_app.url}/webhooks/moodhood", json=payload)
    assert response.status_code == 400
    assert httpx.get(f"{meetings_app.url}/meetings/{meeting['id']}/events").json()["items"] == []
