"""Room links and iframes, invites, the webhook commands, records and analytics against the sandbox."""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from moodhood_api.api.participants import create_participant, join_room
from moodhood_api.api.users import create_new_user
from moodhood_api.models import JoinRoomRequest, ParticipantCreate, UserCreate

from moodhood._client import Moodhood
from moodhood.cli._receiver import WebhookReceiver
from moodhood.sandbox._records import SAMPLE_MP4
from tests.cli.conftest import Runner


@pytest.fixture
def mh(sandbox: Any) -> Iterator[Moodhood]:
    """The SDK client of the demo user, for setting up what the CLI has no command for."""
    with Moodhood(
        base_url=sandbox.base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        username=sandbox.username,
        password=sandbox.password,
    ) as client:
        yield client


@pytest.fixture
def room(cli: Runner, env: dict[str, str]) -> tuple[str, str]:
    space_id = cli("spaces", "create", "Links", "--json", env=env).json()["id"]
    room_id = cli("rooms", "create", space_id, "Lesson", "--json", env=env).json()["id"]
    return space_id, room_id


def _join(mh: Moodhood, space_id: str, room_id: str) -> None:
    body = ParticipantCreate(name="P", room_id=room_id, role="host", client_unique_id=secrets.token_hex(12))
    participant = mh.call(create_participant.sync_detailed, space_id, body=body)
    mh.call(join_room.sync_detailed, space_id, room_id, body=JoinRoomRequest(participant_id=participant.id))


def _private(path: Path) -> bool:
    return stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_rooms_link_masks_the_token_and_writes_the_full_link_to_a_private_file(
    cli: Runner, env: dict[str, str], room: tuple[str, str], tmp_path: Path
) -> None:
    out_file = tmp_path / "link.txt"
    result = cli(
        "rooms",
        "link",
        *room,
        "--name",
        "Ann Lee",
        "--role",
        "moderator",
        "-o",
        str(out_file),
        "--json",
        env=env,
    )
    assert result.code == 0, result.err
    shown = result.json()["url"]
    full = out_file.read_text().strip()
    assert _private(out_file)
    token = re.search(r"accessToken=([^&]+)", full)
    assert token is not None and len(token.group(1)) > 20
    assert token.group(1) not in result.out
    assert shown == full.replace(token.group(1), "…" + token.group(1)[-4:])
    assert "participantName=Ann" in shown


def test_rooms_embed_prints_a_masked_iframe(
    cli: Runner, env: dict[str, str], room: tuple[str, str], tmp_path: Path
) -> None:
    out_file = tmp_path / "room.html"
    result = cli(
        "rooms", "embed", *room, "--name", "Guest", "--height", "720", "--out", str(out_file), env=env
    )
    assert result.code == 0, result.err
    assert result.out.startswith("<iframe src=")
    assert 'height="720"' in result.out and "allowusermedia" in result.out
    assert re.search(r"accessToken=…[\w-]{4}\"", result.out)
    html = out_file.read_text()
    assert _private(out_file)
    assert html.startswith("<iframe src=") and "accessToken=…" not in html
    assert "eyJ" not in result.out


def test_invite_create_and_activate_by_the_invited_user(
    cli: Runner, env: dict[str, str], room: tuple[str, str], mh: Moodhood
) -> None:
    space_id = room[0]
    email, password = "invited@example.com", "invited-password-123"
    mh.call(
        create_new_user.sync_detailed, body=UserCreate(email=email, password=password, username="Invited")
    )
    created = cli("invites", "create", space_id, "--role", "moderator", "--json", env=env)
    assert created.code == 0, created.err
    invite_id = created.json()["id"]

    invited = {**env, "MOODHOOD_USERNAME": email, "MOODHOOD_PASSWORD": password}
    activated = cli("invites", "activate", space_id, invite_id, "--json", env=invited)
    assert activated.code == 0, activated.err
    assert activated.json()["activated"] is True

    again = cli("invites", "activate", space_id, invite_id, env=invited)
    assert again.code == 1
    assert len(again.err_lines) == 1 and again.err_lines[0].startswith("moodhood: error: HTTP 4")


def test_webhook_lifecycle_keeps_the_secret_out_of_the_output(
    cli: Runner, env: dict[str, str], room: tuple[str, str], tmp_path: Path
) -> None:
    space_id = room[0]
    secret_file = tmp_path / "secret"
    created = cli(
        "webhook",
        "create",
        space_id,
        "https://hooks.example.com/mh",
        "--secret-file",
        str(secret_file),
        env=env,
    )
    assert created.code == 0, created.err
    secret = secret_file.read_text().strip()
    assert len(secret) >= 16 and _private(secret_file)
    assert secret not in created.out + created.err
    assert "…" + secret[-4:] in created.out

    got = cli("webhook", "get", space_id, "--json", env=env)
    assert got.json() == {"url": "https://hooks.example.com/mh", "isActive": True}

    updated = cli("webhook", "update", space_id, "--inactive", "--json", env=env)
    assert updated.code == 0 and updated.json()["isActive"] is False

    kept = cli("webhook", "refresh-secret", space_id, "--secret-file", str(secret_file), "--yes", env=env)
    assert kept.code == 2 and "exists: pass --force" in kept.err  # checked before rotating
    assert secret_file.read_text().strip() == secret
    refreshed = cli(
        "webhook",
        "refresh-secret",
        space_id,
        "--secret-file",
        str(secret_file),
        "--force",
        "--yes",
        "--json",
        env=env,
    )
    assert refreshed.code == 0, refreshed.err
    new_secret = secret_file.read_text().strip()
    assert new_secret != secret
    assert refreshed.json()["secret"] == "…" + new_secret[-4:]

    refused = cli("webhook", "delete", space_id, env=env)
    assert refused.code == 2 and "without --yes" in refused.err
    assert cli("webhook", "get", space_id, env=env).code == 0
    assert cli("webhook", "delete", space_id, "--yes", env=env).code == 0
    gone = cli("webhook", "get", space_id, env=env)
    assert gone.code == 1 and "404" in gone.err


def test_webhook_verify_accepts_a_real_delivery_and_rejects_it_with_the_old_secret(
    cli: Runner, env: dict[str, str], room: tuple[str, str], sandbox: Any, tmp_path: Path
) -> None:
    space_id, room_id = room
    secret_file = tmp_path / "secret"
    with WebhookReceiver() as receiver:
        created = cli("webhook", "create", space_id, receiver.url, "--secret-file", str(secret_file), env=env)
        assert created.code == 0, created.err
        sandbox.emit(room_id, "record_failed", record_id="65a1b2c3d4e5f6a7b8c9d0e3")
        raw = receiver.wait(10)
    assert raw is not None
    secret = secret_file.read_text().strip()
    ok = cli("webhook", "verify", "--json", stdin=raw, env={"MOODHOOD_WEBHOOK_SECRET": secret})
    assert ok.code == 0, ok.err
    assert ok.json()["eventName"] == "record_failed" and ok.json()["roomId"] == room_id

    cli("webhook", "refresh-secret", space_id, "--secret-file", str(secret_file), "--force", "--yes", env=env)
    stale = cli(
        "webhook", "verify", stdin=raw, env={"MOODHOOD_WEBHOOK_SECRET": secret_file.read_text().strip()}
    )
    assert stale.code == 1 and "does not match" in stale.err


def test_records_and_analytics_after_a_call(
    cli: Runner, env: dict[str, str], room: tuple[str, str], sandbox: Any, mh: Moodhood, tmp_path: Path
) -> None:
    space_id, room_id = room
    _join(mh, space_id, room_id)
    finished = sandbox.finish_call(room_id)

    records = cli("records", "list", space_id, room_id, "--json", env=env)
    assert records.code == 0, records.err
    assert finished["recordId"] in [r["id"] for r in records.json()]

    link = cli(
        "records", "download", space_id, room_id, finished["recordId"], "--url-only", "--json", env=env
    )
    assert link.code == 0, link.err
    assert link.json()["url"].startswith("http")
    video = tmp_path / "call.mp4"
    download = cli("records", "download", space_id, room_id, finished["recordId"], "-o", str(video), env=env)
    assert download.code == 0, download.err
    assert video.read_bytes() == SAMPLE_MP4 and f"saved {len(SAMPLE_MP4)} bytes" in download.out
    again = cli("records", "download", space_id, room_id, finished["recordId"], "-o", str(video), env=env)
    assert again.code == 2 and "exists: pass --force" in again.err

    calls = cli("analytics", "calls", space_id, "--room", room_id, "--json", env=env)
    assert calls.code == 0, calls.err
    assert finished["callId"] in [c["id"] for c in calls.json()]

    table = cli("analytics", "calls", space_id, "--room", room_id, env=env)
    assert table.code == 0 and finished["callId"] in table.out

    report = cli(
        "analytics", "report", space_id, "--room", room_id, "--call", finished["callId"], "--json", env=env
    )
    assert report.code == 0, report.err
    assert isinstance(report.json(), dict) and report.json()

    sheet = tmp_path / "report.xlsx"
    saved = cli(
        "analytics",
        "report",
        space_id,
        "--room",
        room_id,
        "--call",
        finished["callId"],
        "--xlsx",
        str(sheet),
        env=env,
    )
    assert saved.code == 0, saved.err
    assert sheet.read_bytes()[:2] == b"PK"  # an XLSX file is a zip archive

    # '-' is stdout for a file that holds no secret (a real process: the bytes as written)
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "moodhood",
            "analytics",
            "report",
            space_id,
            "--room",
            room_id,
            "--call",
            finished["callId"],
            "--xlsx",
            "-",
        ],
        env=os.environ | env | {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
        capture_output=True,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == sheet.read_bytes()
    video = subprocess.run(
        [
            sys.executable,
            "-m",
            "moodhood",
            "records",
            "download",
            space_id,
            room_id,
            finished["recordId"],
            "-o",
            "-",
        ],
        env=os.environ | env | {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
        capture_output=True,
        timeout=60,
    )
    assert video.returncode == 0, video.stderr
    assert video.stdout == SAMPLE_MP4


def test_records_of_an_unknown_room_is_one_line(
    cli: Runner, env: dict[str, str], room: tuple[str, str]
) -> None:
    result = cli("records", "list", room[0], "f" * 24, env=env)
    assert result.code == 1
    assert len(result.err_lines) == 1 and "404" in result.err


def test_json_output_of_every_list_parses(cli: Runner, env: dict[str, str], room: tuple[str, str]) -> None:
    space_id, room_id = room
    for args in (
        ("spaces", "list"),
        ("rooms", "list", space_id),
        ("records", "list", space_id, room_id),
        ("analytics", "calls", space_id, "--room", room_id),
    ):
        result = cli(*args, "--json", env=env)
        assert result.code == 0, (args, result.err)
        assert isinstance(json.loads(result.out), list)


def test_demo_receiver_answers_a_bad_request_without_a_traceback(capfd: pytest.CaptureFixture[str]) -> None:
    """Someone else posting junk to the demo's receiver gets a 400; the demo's stderr stays clean."""
    import socket

    with WebhookReceiver() as receiver:
        host, port = receiver.url.split("//")[1].split("/")[0].split(":")
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
            reply = sock.recv(1024)
        assert reply.startswith(b"HTTP/1.") and b" 400 " in reply.split(b"\r\n")[0]
        ok = httpx.post(receiver.url, content=b'{"a": 1}')
        assert ok.status_code == 200
        assert receiver.wait(5) == b'{"a": 1}'
    _, err = capfd.readouterr()
    assert "Traceback" not in err and "Exception" not in err
