"""The sandbox's room page (``moodhood/sandbox/_webapp.py``) and its ``web_app_url`` option."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from moodhood.embed import RoomLink, iframe_html, link_from_url, room_link
from moodhood.sandbox import SandboxConfig, create_app
from tests.sandbox.conftest import Api


@pytest.fixture
async def self_hosted() -> AsyncIterator[Api]:
    app = create_app(SandboxConfig(web_app_url=None, webhook_retry_interval=0.0))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:9/v1") as http:
        yield Api(http, app)


async def _room_with_link(api: Api, username: str) -> tuple[dict[str, str], str]:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, name="Планёрка <b>")
    body = {"username": username, "role": "user"}
    response = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{room['id']}/generate-access", owner, json=body
    )
    assert response.status_code == 201
    return room, response.json()["url"]


async def test_links_point_at_the_sandbox_itself_and_its_page_shows_room_and_participant(
    self_hosted: Api,
) -> None:
    room, url = await _room_with_link(self_hosted, 'Ann "<script>alert(1)</script>"')
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == "http://127.0.0.1:9"  # the origin the request reached
    assert parts.path == f"/room/{room['alias']}"
    page = await self_hosted.http.get(url)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'<span id="room-alias">{room["alias"]}</span>' in page.text
    assert '<span id="room-name">Планёрка &lt;b&gt;</span>' in page.text
    assert 'id="participant-name">Ann &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</div>' in page.text
    assert "<script>alert(1)" not in page.text
    assert page.headers["cache-control"] == "no-store"


async def test_the_page_refuses_an_unknown_room_and_a_bad_or_foreign_token(self_hosted: Api) -> None:
    room, url = await _room_with_link(self_hosted, "Ann")
    token = parse_qs(urlsplit(url).query)["accessToken"][0]
    root = "http://127.0.0.1:9"
    missing = await self_hosted.http.get(f"{root}/room/NoSuchRoom")
    assert missing.status_code == 404 and "Room not found" in missing.text
    forged = await self_hosted.http.get(f"{root}/room/{room['alias']}", params={"accessToken": token + "x"})
    assert forged.status_code == 401 and "Unauthorized" in forged.text
    other, _ = await _room_with_link(self_hosted, "Bob")
    foreign = await self_hosted.http.get(f"{root}/room/{other['alias']}", params={"accessToken": token})
    assert foreign.status_code == 401
    plain = await self_hosted.http.get(f"{root}/room/{room['alias']}")
    assert plain.status_code == 200 and 'id="participant-name">Guest<' in plain.text


async def test_the_default_still_links_to_the_vendor_web_app(api: Api) -> None:
    _, url = await _room_with_link(api, "Ann")
    assert url.startswith("https://edu.livedigital.space/room/")


async def test_a_configured_web_app_url_is_used() -> None:
    app = create_app(SandboxConfig(web_app_url="https://rooms.example.com/"))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sandbox/v1"
    ) as http:
        _, url = await _room_with_link(Api(http, app), "Ann")
    assert url.startswith("https://rooms.example.com/room/")


def test_web_app_url_must_be_http_or_none() -> None:
    with pytest.raises(ValueError, match="web_app_url must be an http"):
        SandboxConfig(web_app_url="javascript:alert(1)")
    assert "web_app_url=None" in repr(SandboxConfig(web_app_url=None))


def test_embed_builds_the_same_links_for_the_sandbox_base_url() -> None:
    link = room_link(
        "EGBYWoMZJe", participant_name="Ann", access_token="a.b.c", base_url="http://127.0.0.1:8765"
    )
    assert link.url == "http://127.0.0.1:8765/room/EGBYWoMZJe?participantName=Ann&accessToken=a.b.c"
    assert link.origin == "http://127.0.0.1:8765"
    assert 'src="http://127.0.0.1:8765/room/EGBYWoMZJe?' in iframe_html(link)
    assert link_from_url(link.url) == RoomLink(link.url)
