"""``SandboxServer``: a real uvicorn on a free loopback port, started and stopped cleanly; cheap import."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from moodhood.sandbox import SandboxConfig, SandboxServer


def test_import_is_cheap() -> None:
    code = (
        "import sys, moodhood.sandbox\n"
        "heavy = [m for m in ('uvicorn', 'starlette', 'jwt') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_server_serves_on_a_free_port_and_stops() -> None:
    server = SandboxServer(SandboxConfig())
    with server:
        assert server.running
        assert server.base_url == f"http://127.0.0.1:{server.port}/v1"
        response = httpx.post(
            server.base_url + "/auth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": server.config.client_id,
                "client_secret": server.config.client_secret,
            },
        )
        assert response.status_code == 200
        port = server.port
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/v1/users/me", timeout=2)
    server.stop()  # idempotent


def test_two_servers_do_not_share_state() -> None:
    with SandboxServer() as one, SandboxServer() as two:
        assert one.port != two.port
        assert one.state is not two.state


def test_port_in_use_is_an_error(sandbox_server: SandboxServer) -> None:
    with pytest.raises(OSError):
        SandboxServer(SandboxConfig(port=sandbox_server.port)).start()


def test_repr_masks_secrets() -> None:
    config = SandboxConfig(
        client_secret="S" * 28 + "tail",
        users=(("a@b.c", "password-very-secret"),),
        personal_tokens=("P" * 30,),
    )
    text = repr(config)
    assert "S" * 28 not in text and "password-very-secret" not in text and "P" * 30 not in text
    assert "a@b.c" in text


def test_config_validation() -> None:
    with pytest.raises(ValueError):
        SandboxConfig(access_ttl=0)
    with pytest.raises(ValueError):
        SandboxConfig(users=(), personal_tokens=("x",))


def test_fixture_handle_exposes_credentials(sandbox: object) -> None:
    handle = sandbox
    base_url: str = handle.base_url  # type: ignore[attr-defined]
    assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
    for name in ("client_id", "client_secret", "username", "password", "personal_token"):
        assert isinstance(getattr(handle, name), str) and getattr(handle, name)
    me = httpx.get(base_url + "/users/me", headers={"Authorization": f"Bearer {handle.personal_token}"})  # type: ignore[attr-defined]
    assert me.status_code == 200


def test_stop_ends_a_request_stalled_by_a_delay_fault_at_once_and_quietly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A stalled request is answered (its fault) when the server stops: no 2 s graceful-shutdown wait, no
    'Exception in ASGI application' traceback from uvicorn cancelling it."""
    import threading
    import time

    server = SandboxServer(SandboxConfig(port=0)).start()
    root = server.root_url
    fault = {"path": "/v1/users/me", "status": 503, "delay": 1000}
    assert httpx.post(root + "/__sandbox/faults", json=fault).status_code == 201
    answers: list[httpx.Response | BaseException] = []

    def stalled() -> None:
        try:
            answers.append(httpx.get(server.base_url + "/users/me", timeout=30))
        except BaseException as exc:  # reported below
            answers.append(exc)

    thread = threading.Thread(target=stalled)
    thread.start()
    deadline = time.monotonic() + 10
    while server.state.faults and time.monotonic() < deadline:  # the fault is spent once the request stalls
        thread.join(0.01)
    assert not server.state.faults
    started = time.monotonic()
    with caplog.at_level("ERROR", logger="uvicorn.error"):
        server.stop()
    took = time.monotonic() - started
    thread.join(10)
    assert took < 1.5, took
    assert len(answers) == 1 and isinstance(answers[0], httpx.Response), answers
    assert answers[0].status_code == 503
    assert not [r for r in caplog.records if r.name.startswith("uvicorn")], caplog.text
