"""Participants, signaling tokens, join, calls, records and analytics (docs/decisions.md's app flow)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import jwt

from .conftest import Api

UNKNOWN = "0" * 24
CONTROL = "http://sandbox/__sandbox"


async def _room_with_space(api: Api, **fields: Any) -> tuple[str, str, dict[str, Any]]:
    owner = await api.user_token()
    space_id = await api.create_space(owner)
    room = await api.create_room(owner, space_id, **fields)
    return owner, space_id, room


async def _join(api: Api, token: str, space_id: str, room_id: str, name: str = "iPhone") -> str:
    created = await api.request(
        "POST",
        f"/spaces/{space_id}/participants",
        token,
        json={"name": name, "roomId": room_id, "role": "host", "clientUniqueId": f"uid-{name}"},
    )
    assert created.status_code == 201, created.text
    participant_id: str = created.json()["id"]
    joined = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{room_id}/join", token, json={"participantId": participant_id}
    )
    assert joined.status_code == 204 and joined.content == b""
    return participant_id


async def test_mobile_app_flow_with_a_client_token(api: Api) -> None:
    _, space_id, room = await _room_with_space(api)
    client = await api.client_token()
    resolved = (await api.request("GET", f"/spaces/room-by-alias/{room['alias']}", client)).json()
    body = {
        "name": "Pixel 9",
        "roomId": resolved["id"],
        "role": "host",
        "clientUniqueId": "64f1c0a2b3d4e5f60718293b",
    }
    created = await api.request("POST", f"/spaces/{resolved['spaceId']}/participants", client, json=body)
    assert created.status_code == 201
    participant = created.json()
    assert re.fullmatch(r"[0-9a-f]{24}", participant["id"])
    assert {k: participant[k] for k in body} == body

    signaling = await api.request(
        "POST", f"/spaces/{space_id}/participants/{participant['id']}/signaling-token", client
    )
    assert signaling.status_code == 201
    claims = jwt.decode(signaling.json()["signalingToken"], options={"verify_signature": False})
    assert claims["channelId"] == room["channelId"] and claims["sub"] == participant["id"]
    assert claims["aud"] == "host" and claims["iss"] == room["appId"]

    joined = await api.request(
        "POST",
        f"/spaces/{space_id}/rooms/{room['id']}/join",
        client,
        json={"participantId": participant["id"]},
    )
    assert joined.status_code == 204
    call = api.state.active_call(room["id"])
    assert call is not None and [a["participantId"] for a in call.attendees] == [participant["id"]]
    # joining twice is idempotent
    await api.request(
        "POST",
        f"/spaces/{space_id}/rooms/{room['id']}/join",
        client,
        json={"participantId": participant["id"]},
    )
    assert len(api.state.active_call(room["id"]).attendees) == 1
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}", client)).json()["lastCallAt"]


async def test_participant_errors(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api)
    other = await api.create_room(owner, space_id, name="Other")
    body = {"name": "a", "roomId": room["id"], "role": "host", "clientUniqueId": "x"}
    assert (await api.request("POST", f"/spaces/{space_id}/participants", None, json=body)).status_code == 401
    assert (await api.request("POST", f"/spaces/{UNKNOWN}/participants", owner, json=body)).status_code == 404
    wrong_room = {**body, "roomId": UNKNOWN}
    assert (
        await api.request("POST", f"/spaces/{space_id}/participants", owner, json=wrong_room)
    ).status_code == 404
    missing = {k: v for k, v in body.items() if k != "clientUniqueId"}
    assert (
        await api.request("POST", f"/spaces/{space_id}/participants", owner, json=missing)
    ).status_code == 422
    path = f"/spaces/{space_id}/participants/{UNKNOWN}/signaling-token"
    assert (await api.request("POST", path, owner)).status_code == 404
    created = (await api.request("POST", f"/spaces/{space_id}/participants", owner, json=body)).json()
    join_other = await api.request(
        "POST", f"/spaces/{space_id}/rooms/{other['id']}/join", owner, json={"participantId": created["id"]}
    )
    assert join_other.status_code == 404
    no_body = await api.request("POST", f"/spaces/{space_id}/rooms/{room['id']}/join", owner, json={})
    assert no_body.status_code == 422


async def test_finish_call_makes_analytics_and_a_recording(api: Api, sandbox_clock: Any) -> None:
    owner, space_id, room = await _room_with_space(api)
    p1 = await _join(api, owner, space_id, room["id"], "Alice")
    await _join(api, await api.client_token(), space_id, room["id"], "Bob")
    sandbox_clock.advance(600)
    finished = await api.http.post(f"{CONTROL}/rooms/{room['id']}/finish-call")
    assert finished.status_code == 200
    call_id, record_id = finished.json()["callId"], finished.json()["recordId"]
    again = await api.http.post(f"{CONTROL}/rooms/{room['id']}/finish-call")
    assert again.status_code == 422

    day = dt.datetime.fromtimestamp(sandbox_clock(), tz=dt.UTC).date().isoformat()
    calls = await api.request(
        "GET", f"/spaces/{space_id}/analytics/calls", owner, params={"roomId": room["id"], "date": day}
    )
    assert calls.status_code == 200
    ours = next(c for c in calls.json()["items"] if c["id"] == call_id)
    assert (
        ours["active"] is False
        and ours["totalParticipantsCount"] == 2
        and ours["uniqueParticipantsCount"] == 2
    )
    assert ours["roomType"] == "lesson" and ours["finishedAt"] is not None

    as_datetime = await api.request(
        "GET",
        f"/spaces/{space_id}/analytics/calls",
        owner,
        params={"roomId": room["id"], "date": day + "T12:25:40.253Z"},
    )
    assert as_datetime.json() == calls.json()

    report = await api.request(
        "GET",
        f"/spaces/{space_id}/analytics/report",
        owner,
        params={"roomId": room["id"], "callId": call_id, "format": "json"},
    )
    assert report.status_code == 200
    assert report.json()["callId"] == call_id
    assert [p["name"] for p in report.json()["participants"]] == ["Alice", "Bob"]
    assert report.json()["participants"][0]["participantId"] == p1
    assert report.json()["durationSeconds"] == 600

    xlsx = await api.request(
        "GET",
        f"/spaces/{space_id}/analytics/report",
        owner,
        params={"roomId": room["id"], "callId": call_id, "format": "xlsx"},
    )
    assert xlsx.status_code == 200
    assert xlsx.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as archive:
        assert "xl/workbook.xml" in archive.namelist()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "Alice" in sheet and "Bob" in sheet

    records = await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}/records", owner)
    assert records.status_code == 200
    assert records.json()["total"] == len(records.json()["items"]) == 2  # the seeded sample and this call's
    ours_record = next(r for r in records.json()["items"] if r["id"] == record_id)
    assert ours_record["callId"] == call_id and ours_record["fileSize"] > 0

    download = await api.request(
        "GET", f"/spaces/{space_id}/rooms/{room['id']}/records/download/{record_id}", owner
    )
    assert download.status_code == 200 and download.headers["content-type"].startswith("text/plain")
    file = await api.http.get(download.text)
    assert file.status_code == 200 and file.content[4:8] == b"ftyp"


async def test_new_rooms_have_a_sample_recording(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api)
    records = (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}/records", owner)).json()
    assert records["total"] == 1
    assert records["items"][0]["state"] == "new"


async def test_records_filters_and_errors(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api)
    path = f"/spaces/{space_id}/rooms/{room['id']}/records"
    far_future = {"dateFrom": "2100-01-01T00:00:00Z"}
    assert (await api.request("GET", path, owner, params=far_future)).json() == {"items": [], "total": 0}
    assert (await api.request("GET", path, owner, params={"dateTo": "2100-01-01T00:00:00Z"})).json()[
        "total"
    ] == 1
    assert (await api.request("GET", path, owner, params={"dateFrom": "yesterday"})).status_code == 422
    assert (await api.request("GET", path, await api.client_token())).status_code == 403
    assert (await api.request("GET", f"{path}/download/{UNKNOWN}", owner)).status_code == 404
    assert (await api.request("GET", f"/spaces/{space_id}/rooms/{UNKNOWN}/records", owner)).status_code == 404


async def test_analytics_errors(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api)
    path = f"/spaces/{space_id}/analytics"
    assert (
        await api.request("GET", f"{path}/calls", owner, params={"roomId": room["id"]})
    ).status_code == 422
    bad_date = {"roomId": room["id"], "date": "someday"}
    assert (await api.request("GET", f"{path}/calls", owner, params=bad_date)).status_code == 422
    unknown_room = {"roomId": UNKNOWN, "date": "2024-01-01"}
    assert (await api.request("GET", f"{path}/calls", owner, params=unknown_room)).status_code == 404
    report = {"roomId": room["id"], "callId": UNKNOWN, "format": "json"}
    assert (await api.request("GET", f"{path}/report", owner, params=report)).status_code == 404
    assert (
        await api.request("GET", f"{path}/report", owner, params={**report, "format": "pdf"})
    ).status_code == 422
    assert (
        await api.request("GET", f"{path}/report", await api.client_token(), params=report)
    ).status_code == 403
    assert (await api.request("GET", f"{path}/calls", None, params=bad_date)).status_code == 401


async def test_auto_recording_starts_with_the_call(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api, isAutoRecordingAllowed=True)
    await _join(api, owner, space_id, room["id"])
    recording = [r for r in api.state.records.values() if r.room_id == room["id"] and r.state == "recording"]
    assert len(recording) == 1
    path = f"/spaces/{space_id}/rooms/{room['id']}/records/download/{recording[0].id}"
    assert (await api.request("GET", path, owner)).status_code == 422


async def test_record_download_can_redirect(api: Api) -> None:
    owner, space_id, room = await _room_with_space(api)
    records = (await api.request("GET", f"/spaces/{space_id}/rooms/{room['id']}/records", owner)).json()
    path = f"/spaces/{space_id}/rooms/{room['id']}/records/download/{records['items'][0]['id']}"
    settings = await api.http.post(f"{CONTROL}/settings", json={"record_download": "redirect"})
    assert settings.json()["record_download"] == "redirect"
    response = await api.request("GET", path, owner)
    assert response.status_code == 302
    assert (await api.http.get(response.headers["location"])).content[4:8] == b"ftyp"
    assert (await api.http.post(f"{CONTROL}/settings", json={"record_download": "x"})).status_code == 422
