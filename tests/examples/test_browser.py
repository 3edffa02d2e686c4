"""A real browser (the system's headless Chromium, driven by Playwright) through the example web app.

The participant's page loads, its iframe carries the documented ``src`` and ``allow``, the sandbox's room
page inside shows the right room and participant, "Leave call" inside the frame reaches the page as
``ld_finish_call`` (origin-checked), and nothing is logged as a console error. A screenshot is saved in the
test's temporary directory. Playwright never downloads a browser here: it launches ``/usr/bin/chromium``
(``.ci/run`` installs Debian's ``chromium`` when it is missing).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from moodhood.embed import DEFAULT_ALLOW
from moodhood.sandbox import SandboxServer
from tests.examples.conftest import RunningApp

CHROMIUM = Path(os.environ.get("MOODHOOD_TEST_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"no browser at {CHROMIUM} (.ci/run installs Debian's chromium; CI fails instead of skipping)",
)


def test_a_participant_sees_the_room_in_a_real_browser(
    meetings_app: RunningApp, web_sandbox: SandboxServer, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    meeting = httpx.post(f"{meetings_app.url}/meetings", json={"title": "Design review"}).json()
    join_url = f"{meeting['join']}?name=Ann%20Lee"
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 720})
            page.on("console", lambda m: errors.append(f"console {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(f"pageerror {exc}"))
            page.on("requestfailed", lambda r: errors.append(f"requestfailed {r.url}"))
            response = page.goto(join_url, wait_until="load")
            assert response is not None and response.status == 200
            assert page.title() == "Design review · Meetings"
            assert page.locator("#me").inner_text() == "Ann Lee"

            frame_element = page.locator("iframe#moodhood-room")
            src = frame_element.get_attribute("src")
            assert src is not None
            parts = urlsplit(src)
            assert f"{parts.scheme}://{parts.netloc}" == web_sandbox.root_url
            query = parse_qs(parts.query)
            assert query["participantName"] == ["Ann Lee"] and len(query["accessToken"]) == 1
            assert frame_element.get_attribute("allow") == ";".join(DEFAULT_ALLOW)
            assert frame_element.get_attribute("allowusermedia") == ""
            assert frame_element.get_attribute("frameborder") == "0"
            assert frame_element.get_attribute("title") == "MoodHood room"

            room = page.frame_locator("iframe#moodhood-room")
            assert room.locator("#participant-name").inner_text() == "Ann Lee"
            alias = parts.path.rsplit("/", 1)[1]
            assert room.locator("#room-alias").inner_text() == alias
            assert room.locator("#room-name").inner_text() == "Design review"

            page.screenshot(path=str(tmp_path / "meeting.png"), full_page=True)

            room.locator("#leave").click()
            page.wait_for_function(
                "document.getElementById('status').textContent === 'The call has ended.'", timeout=10_000
            )
        finally:
            browser.close()
    assert (tmp_path / "meeting.png").stat().st_size > 10_000
    assert errors == []
