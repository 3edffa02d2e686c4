"""``/__sandbox/`` controls answer loopback clients only (unless allowed); the clock moves within bounds."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, SandboxServer, create_app
from moodhood.sandbox._config import MAX_CLOCK_OFFSET, MAX_TTL

from .conftest import Api

REMOTE = ("203.0.113.7", 40000)
CONTROLS = [
    ("POST", "/reset"),
    ("POST", "/revoke"),
    ("GET", "/settings"),
    ("POST", "/clock"),
    ("GET", "/faults"),
    ("GET", "/webhook-deliveries"),
    ("POST", "/rooms/" + "0" * 24 + "/finish-call"),
]


async def _client(config: SandboxConfig, client: tuple[str, int]) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(config), client=client)
    return httpx.AsyncClient(transport=transport, base_url="http://sandbox")


@pytest.fixture
async def remote() -> AsyncIterator[httpx.AsyncClient]:
    async with await _client(SandboxConfig(), REMOTE) as http:
        yield http


@pytest.mark.parametrize(("method", "path"), CONTROLS)
async def test_controls_refuse_clients_off_loopback(
    remote: httpx.AsyncClient, method: str, path: str
) -> None:
    response = await remote.request(method, "/__sandbox" + path, json={})
    assert response.status_code == 403
    assert response.json()["code"] == "remote_control_forbidden"
    assert "--allow-remote-control" in response.json()["message"]


async def test_the_api_and_record_files_still_answer_remote_clients(remote: httpx.AsyncClient) -> None:
    assert (await remote.get("/v1/spaces")).status_code == 401  # the API itself: served, needs a token
    assert (await remote.get("/__sandbox/files/" + "0" * 24 + ".mp4")).status_code != 403


async def test_a_faults_arm_from_off_loopback_changes_nothing(remote: httpx.AsyncClient) -> None:
    await remote.post("/__sandbox/faults", json={"path": "/v1/*", "status": 503, "count": 5})
    await remote.post("/__sandbox/clock", json={"advance": 10**9})
    state = remote._transport.app.state.sandbox  # type: ignore[attr-defined]
    assert state.faults == []
    assert state.settings.clock_offset == 0


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1"])
async def test_loopback_clients_are_served(host: str) -> None:
    async with await _client(SandboxConfig(), (host, 5000)) as http:
        assert (await http.get("/__sandbox/settings")).status_code == 200


async def test_allow_remote_control_opens_them() -> None:
    async with await _client(SandboxConfig(allow_remote_control=True), REMOTE) as http:
        assert (await http.post("/__sandbox/reset")).status_code == 204
        assert (await http.get("/__sandbox/faults")).json() == {"items": []}


async def _clock(api: Api, raw: bytes) -> httpx.Response:
    return await api.http.post("http://sandbox/__sandbox/clock", content=raw)


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b'{"advance": 1e308}', 422),
        (b'{"advance": -1e308}', 422),
        (b'{"advance": 1e309}', 400),  # overflows to infinity: not JSON the sandbox accepts
        (b'{"advance": NaN}', 400),
        (b'{"advance": Infinity}', 400),
        (b'{"advance": -Infinity}', 400),
        (b'{"advance": "60"}', 422),
        (b'{"advance": true}', 422),
        (b'{"advance": %d}' % (MAX_CLOCK_OFFSET + 1), 422),
        (b'{"advance": -%d}' % (MAX_CLOCK_OFFSET + 1), 422),
        (b'{"advance": -1e10}', 422),  # before 1970
        (b'{"advance": 1' + b"0" * 400 + b"}", 422),  # an integer too big for a float
    ],
)
async def test_wild_clock_moves_are_refused_and_grants_keep_working(
    api: Api, raw: bytes, status: int
) -> None:
    response = await _clock(api, raw)
    assert response.status_code == status
    assert response.json()["code"] in ("clock_out_of_range", "validation_error", "invalid_json")
    assert api.state.settings.clock_offset == 0
    token = await api.user_token()
    assert (await api.request("GET", "/spaces", token)).status_code == 200


@pytest.mark.parametrize("advance", [MAX_CLOCK_OFFSET, -MAX_CLOCK_OFFSET / 2])
async def test_the_clock_moves_up_to_its_bound_and_grants_work_there(api: Api, advance: float) -> None:
    old = await api.user_token()
    response = await _clock(api, b'{"advance": %r}' % advance)
    assert response.status_code == 200, response.text
    assert response.json()["clock_offset"] == advance
    fresh = await api.user_token()
    assert (await api.request("GET", "/spaces", fresh)).status_code == 200
    expected = 401 if advance > 0 else 200
    assert (await api.request("GET", "/spaces", old)).status_code == expected
    assert (await _clock(api, b'{"advance": 1}')).status_code == (422 if advance > 0 else 200)


@pytest.mark.parametrize(
    "change",
    [
        {"access_ttl": MAX_TTL + 1},
        {"refresh_ttl": 10**30},
        {"webhook_retry_interval": 10**400},
        {"webhook_retry_interval": 1e308},
        {"webhook_retry_interval": 3601},
    ],
)
async def test_settings_refuse_values_that_would_break_tokens_or_deliveries(
    api: Api, change: dict[str, float]
) -> None:
    response = await api.http.post("http://sandbox/__sandbox/settings", json=change)
    assert response.status_code == 422
    token = await api.user_token()
    assert (await api.request("GET", "/spaces", token)).status_code == 200


def test_a_proxy_on_this_host_forwards_the_real_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")  # ignored: only a proxy on this host is believed
    with SandboxServer() as server, httpx.Client(base_url=server.root_url) as http:
        assert http.get("/__sandbox/settings").status_code == 200
        forwarded = http.get("/__sandbox/settings", headers={"X-Forwarded-For": "203.0.113.7"})
        assert forwarded.status_code == 403
        assert forwarded.json()["code"] == "remote_control_forbidden"


def test_the_control_client_reports_the_sandboxs_reason() -> None:
    from moodhood.sandbox import SandboxControl

    with SandboxServer() as server:
        control = SandboxControl(server.root_url)
        with pytest.raises(httpx.HTTPStatusError, match=r"clock: 422 The clock may move at most \d+ seconds"):
            control.advance_clock(1e308)
        with pytest.raises(httpx.HTTPStatusError, match="settings: 422 'access_ttl' must be an integer"):
            control.settings(access_ttl=0)
        control.advance_clock(60)
        assert control.settings()["clock_offset"] == 60
        control.close()
