"""The space webhook: management (D7) and real signed delivery (D14) with retries, to a local receiver."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from moodhood.webhooks import verify

from .conftest import Api

UNKNOWN = "0" * 24


class Receiver:
    """A loopback HTTP server that records POST bodies; the first ``fail`` requests get 500."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.statuses: list[int] = []
        self.fail = 0
        self.received = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.received:
                    status = 500 if receiver.fail > 0 else 200
                    receiver.fail -= 1
                    receiver.bodies.append(body)
                    receiver.statuses.append(status)
                    receiver.received.notify_all()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self.received:
            assert self.received.wait_for(lambda: len(self.bodies) >= count, timeout), self.bodies
            return list(self.bodies)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def finished_deliveries(sandbox: Any, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
    """The delivery log once ``count`` deliveries have finished (all attempts made)."""
    deadline = time.monotonic() + timeout
    while True:
        log: list[dict[str, Any]] = sandbox.deliveries()
        if sum(d["finished"] for d in log) >= count or time.monotonic() > deadline:
            return log
        time.sleep(0.01)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


async def test_webhook_management(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    path = f"/spaces/{space_id}/webhook"
    assert (await api.request("GET", path, owner)).status_code == 404
    created = await api.request(
        "POST",
        path,
        owner,
        content=json.dumps({"url": "https://example.com/h"}),
        headers={"Content-Type": "text/plain"},
    )
    assert created.status_code == 201
    secret = created.json()["secret"]
    assert created.json()["url"] == "https://example.com/h" and created.json()["isActive"] is True
    assert len(secret) == 32 and secret.isalnum()
    assert (await api.request("GET", path, owner)).json() == {
        "url": "https://example.com/h",
        "isActive": True,
    }
    updated = await api.request("PUT", path, owner, json={"isActive": False})
    assert updated.json() == {"url": "https://example.com/h", "isActive": False}
    refreshed = await api.request("PUT", f"{path}/refresh-secret", owner)
    assert refreshed.status_code == 200 and refreshed.json()["secret"] != secret
    assert len(refreshed.json()["secret"]) == 32
    assert (await api.request("DELETE", path, owner)).status_code == 204
    assert (await api.request("DELETE", path, owner)).status_code == 404


async def test_webhook_permissions_and_validation(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    path = f"/spaces/{space_id}/webhook"
    body = {"url": "https://example.com/h"}
    assert (await api.request("POST", path, await api.client_token(), json=body)).status_code == 403
    assert (await api.request("POST", path, None, json=body)).status_code == 401
    assert (await api.request("POST", f"/spaces/{UNKNOWN}/webhook", owner, json=body)).status_code == 404
    assert (await api.request("POST", path, owner, json={"url": "ftp://x"})).status_code == 422
    assert (await api.request("POST", path, owner, json={})).status_code == 422
    # a space moderator is not the owner (D7)
    await api.create_user(owner, "m@example.com", "m-password")
    mod = await api.user_token("m@example.com", "m-password")
    invite = await api.request(
        "POST", f"/spaces/{space_id}/invites", owner, json={"role": "role_space_moderator"}
    )
    await api.request("POST", f"/spaces/{space_id}/invites/{invite.json()['id']}/activate", mod)
    assert (await api.request("POST", path, mod, json=body)).status_code == 403


def _setup_room_with_webhook(sandbox: Any, url: str) -> tuple[httpx.Client, str, str, dict[str, Any], str]:
    http = httpx.Client(
        base_url=sandbox.base_url, headers={"Authorization": f"Bearer {sandbox.personal_token}"}
    )
    space_id = http.post("/spaces", json={"name": "Hooks"}).json()["id"]
    room = http.post(f"/spaces/{space_id}/rooms", json={"name": "Hooked"}).json()
    secret = http.post(f"/spaces/{space_id}/webhook", json={"url": url}).json()["secret"]
    participant = http.post(
        f"/spaces/{space_id}/participants",
        json={"name": "A", "roomId": room["id"], "role": "host", "clientUniqueId": "a"},
    ).json()["id"]
    return http, secret, space_id, room, participant


def test_call_and_record_events_are_delivered_signed(sandbox: Any, receiver: Receiver) -> None:
    http, secret, space_id, room, participant = _setup_room_with_webhook(sandbox, receiver.url)
    started = time.monotonic()
    joined = http.post(f"/spaces/{space_id}/rooms/{room['id']}/join", json={"participantId": participant})
    assert joined.status_code == 204
    first = receiver.wait_for(1)[0]
    event = verify(first, secret)
    assert (event.event_name, event.room_id, event.space_id, event.record_id) == (
        "call_started",
        room["id"],
        space_id,
        None,
    )
    assert list(json.loads(first)) == ["signature", "body"]
    assert list(json.loads(first)["body"]) == ["eventName", "roomId", "spaceId"]

    result = sandbox.finish_call(room["id"])
    bodies = receiver.wait_for(4)
    events = [verify(b, secret) for b in bodies]
    assert [e.event_name for e in events] == [
        "call_started",
        "record_started",
        "call_finished",
        "record_finished",
    ]
    assert events[3].record_id == result["recordId"]
    assert list(json.loads(bodies[3])["body"]) == ["eventName", "roomId", "spaceId", "recordId"]
    assert time.monotonic() - started < 10
    log = finished_deliveries(sandbox, 4)
    assert [d["eventName"] for d in log] == [
        "call_started",
        "record_started",
        "call_finished",
        "record_finished",
    ]
    assert all(d["delivered"] for d in log)


def test_failed_deliveries_are_retried_three_times(sandbox: Any, receiver: Receiver) -> None:
    http, secret, space_id, room, participant = _setup_room_with_webhook(sandbox, receiver.url)
    receiver.fail = 2
    http.post(f"/spaces/{space_id}/rooms/{room['id']}/join", json={"participantId": participant})
    bodies = receiver.wait_for(3)
    assert receiver.statuses[:3] == [500, 500, 200]
    assert bodies[0] == bodies[1] == bodies[2]  # the same signed payload each time
    log = finished_deliveries(sandbox, 1)
    assert [a["status"] for a in log[0]["attempts"]] == [500, 500, 200] and log[0]["delivered"]

    receiver.fail = 3
    sandbox.emit(room["id"], "record_failed", "f" * 24)
    receiver.wait_for(6)
    last = finished_deliveries(sandbox, 2)[-1]
    assert last["eventName"] == "record_failed" and not last["delivered"] and len(last["attempts"]) == 3
    assert verify(receiver.bodies[-1], secret).record_id == "f" * 24


def test_unreachable_receiver_never_delays_the_api(sandbox: Any) -> None:
    http, _, space_id, room, participant = _setup_room_with_webhook(sandbox, "http://127.0.0.1:9/nothing")
    sandbox.settings(webhook_retry_interval=1.0)
    started = time.monotonic()
    joined = http.post(f"/spaces/{space_id}/rooms/{room['id']}/join", json={"participantId": participant})
    assert joined.status_code == 204
    assert time.monotonic() - started < 0.9
    assert sandbox.deliveries()[0]["delivered"] is False


def test_inactive_webhook_gets_nothing(sandbox: Any, receiver: Receiver) -> None:
    http, _, space_id, room, participant = _setup_room_with_webhook(sandbox, receiver.url)
    http.put(f"/spaces/{space_id}/webhook", json={"isActive": False})
    http.post(f"/spaces/{space_id}/rooms/{room['id']}/join", json={"participantId": participant})
    assert sandbox.deliveries() == []


async def test_reset_cancels_pending_deliveries(api: Api) -> None:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id)
    await api.request("POST", f"/spaces/{space_id}/webhook", owner, json={"url": "http://127.0.0.1:9/none"})
    api.state.settings.webhook_retry_interval = 60.0
    emitted = await api.http.post(
        f"http://sandbox/__sandbox/rooms/{room['id']}/events", json={"eventName": "x"}
    )
    assert emitted.status_code == 202 and emitted.json() == {"queued": True}
    assert len(api.state.tasks) == 1
    task = next(iter(api.state.tasks))
    await api.http.post("http://sandbox/__sandbox/reset")
    await api.state.drain()
    assert task.cancelled() and api.state.deliveries == []
