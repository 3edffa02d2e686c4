"""Off loopback, webhooks go only to targets ``webhook_allow`` permits; on loopback, anywhere (as before)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, create_app
from moodhood.sandbox._allow import parse_allow_entry, target_allowed

from .conftest import Api
from .test_webhooks import Receiver, receiver

__all__ = ["receiver"]


def _api(config: SandboxConfig) -> Api:
    app = create_app(config)
    return Api(httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox/v1"), app)


async def _set_webhook(api: Api, url: str) -> tuple[httpx.Response, str, str]:
    token = await api.user_token()
    space = await api.create_space(token)
    return await api.request("POST", f"/spaces/{space}/webhook", token, json={"url": url}), token, space


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://10.0.0.5/hook",
        "https://hooks.example.com/",
    ],
)
async def test_off_loopback_without_an_allow_list_no_target_is_accepted(url: str) -> None:
    response, _, _ = await _set_webhook(_api(SandboxConfig(host="0.0.0.0")), url)
    assert response.status_code == 422
    assert response.json()["code"] == "webhook_url_not_allowed"


async def test_on_loopback_any_target_is_accepted_as_before() -> None:
    response, _, _ = await _set_webhook(_api(SandboxConfig()), "http://10.0.0.5/hook")
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("allow", "url", "ok"),
    [
        (("*.example.com",), "https://hooks.example.com/x", True),
        (("*.example.com",), "https://example.com/x", False),
        (("*.example.com",), "http://127.0.0.1/x", False),
        (("hooks.example.com",), "https://HOOKS.example.com./x", True),
        (("10.0.0.0/8",), "http://10.1.2.3:8080/x", True),
        (("10.0.0.0/8",), "http://11.1.2.3/x", False),
        (("10.0.0.0/8",), "http://[::ffff:127.0.0.1]/x", False),
        (("127.0.0.0/8",), "http://localhost/x", True),  # a name must resolve inside the networks
        (("192.0.2.0/24",), "http://localhost/x", False),
        (("fd00::/8",), "http://[fd00::1]/x", True),
        (("*",), "http://anything.test/x", True),
    ],
)
async def test_allow_entries(allow: tuple[str, ...], url: str, ok: bool) -> None:
    assert await target_allowed(url, allow) is ok


@pytest.mark.parametrize("entry", ["", "exa mple.com", "http://x.com", "10.0.0.0/33", "a..b", "1.2.3"])
def test_bad_allow_entries_are_refused_with_a_reason(entry: str) -> None:
    with pytest.raises(ValueError, match="is neither an IP address or network nor a host name pattern"):
        parse_allow_entry(entry)
    with pytest.raises(ValueError):
        SandboxConfig(host="0.0.0.0", webhook_allow=(entry,))


@pytest.fixture
async def team() -> AsyncIterator[Api]:
    api = _api(SandboxConfig(host="0.0.0.0", webhook_allow=("127.0.0.1",), webhook_retry_interval=0.01))
    async with api.http:
        yield api


async def test_a_permitted_target_gets_signed_deliveries(team: Api, receiver: Receiver) -> None:
    response, token, space = await _set_webhook(team, receiver.url)
    assert response.status_code == 201, response.text
    room = await team.create_room(token, space)
    await team.http.post(
        f"http://sandbox/__sandbox/rooms/{room['id']}/events", json={"eventName": "call_started"}
    )
    await team.state.drain()
    assert len(receiver.wait_for(1)) == 1
    moved = await team.request("PUT", f"/spaces/{space}/webhook", token, json={"url": "http://10.9.9.9/x"})
    assert moved.status_code == 422


async def test_each_delivery_checks_the_target_again(team: Api, receiver: Receiver) -> None:
    response, token, space = await _set_webhook(team, receiver.url)
    assert response.status_code == 201
    room = await team.create_room(token, space)
    team.state.config = team.state.config.replace(webhook_allow=("10.0.0.0/8",))  # as if the name moved
    await team.http.post(
        f"http://sandbox/__sandbox/rooms/{room['id']}/events", json={"eventName": "call_started"}
    )
    await team.state.drain()
    delivery = team.state.deliveries[-1]
    assert delivery.attempts == [{"attempt": 1, "status": None, "error": "target_not_allowed"}]
    assert receiver.bodies == []
