"""The ready-made receivers, driven through each framework's own test client."""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import types
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from moodhood.webhooks import (
    ReplayWindow,
    WebhookEvent,
    django_webhook_view,
    verify_flask_request,
    verify_starlette_request,
)

SECRET = "whsec-receivers-0123456789abcdef"
BODY = {"eventName": "record_finished", "roomId": "room-1", "spaceId": "space-1", "recordId": "rec-1"}


def delivery(body: dict[str, Any] = BODY, secret: str = SECRET) -> bytes:
    raw = json.dumps(body, separators=(",", ":"))
    signature = hmac.new(secret.encode(), raw.encode(), hashlib.sha256).hexdigest()
    return f'{{"signature":"{signature}","body":{raw}}}'.encode()


def chunks(total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        sent += 65536
        yield b"x" * 65536


CASES = [
    ("good", delivery(), 200),
    ("wrong secret", delivery(secret="other-secret-0123456789"), 401),
    ("not json", b"{nope", 400),
    ("no signature", b'{"body":{}}', 400),
]


# --- Starlette / FastAPI ----------------------------------------------------------------------------


@pytest.fixture
def starlette_client() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    with warnings.catch_warnings():  # newer Starlette asks for httpx2; httpx still works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    window = ReplayWindow()

    async def hook(request: Request) -> JSONResponse:
        event = await verify_starlette_request(request, SECRET, seen=window)
        return JSONResponse({"room": event.room_id, "record": event.record_id})

    return TestClient(Starlette(routes=[Route("/hook", hook, methods=["POST"])]))


@pytest.mark.parametrize(("name", "raw", "status"), CASES, ids=[c[0] for c in CASES])
def test_starlette_answers(starlette_client: Any, name: str, raw: bytes, status: int) -> None:
    response = starlette_client.post("/hook", content=raw)
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json() == {"room": "room-1", "record": "rec-1"}


def test_starlette_oversize_and_replay(starlette_client: Any) -> None:
    declared = starlette_client.post("/hook", content=b"{}", headers={"Content-Length": str(10**9)})
    assert declared.status_code == 413
    chunked = starlette_client.post("/hook", content=chunks(20 * 2**20))  # no Content-Length
    assert chunked.status_code == 413
    assert "max_bytes" in chunked.text
    bad_length = starlette_client.post("/hook", content=b"{}", headers={"Content-Length": "ten"})
    assert bad_length.status_code == 400
    raw = delivery({**BODY, "roomId": "room-2"})
    assert starlette_client.post("/hook", content=raw).status_code == 200
    assert starlette_client.post("/hook", content=raw).status_code == 409


# --- Flask ------------------------------------------------------------------------------------------


@pytest.fixture
def flask_client() -> Any:
    flask = pytest.importorskip("flask")
    app = flask.Flask(__name__)
    window = ReplayWindow()

    @app.post("/hook")
    def hook() -> Any:
        event = verify_flask_request(flask.request, SECRET, seen=window)
        return {"room": event.room_id, "record": event.record_id}

    return app.test_client()


@pytest.mark.parametrize(("name", "raw", "status"), CASES, ids=[c[0] for c in CASES])
def test_flask_answers(flask_client: Any, name: str, raw: bytes, status: int) -> None:
    response = flask_client.post("/hook", data=raw, content_type="application/json")
    assert response.status_code == status, response.text
    if status == 200:
        assert response.get_json() == {"room": "room-1", "record": "rec-1"}


def test_flask_oversize_and_replay(flask_client: Any) -> None:
    big = b"x" * (65536 + 1)
    assert flask_client.post("/hook", data=big).status_code == 413
    raw = delivery({**BODY, "roomId": "room-2"})
    assert flask_client.post("/hook", data=raw).status_code == 200
    assert flask_client.post("/hook", data=raw).status_code == 409


# --- Django -----------------------------------------------------------------------------------------

_seen_django = ReplayWindow()


def _django_view(request: Any, event: WebhookEvent) -> Any:
    from django.http import JsonResponse

    return JsonResponse({"room": event.room_id, "record": event.record_id})


@pytest.fixture(scope="module")
def django_client() -> Any:
    pytest.importorskip("django")
    import django
    from django.conf import settings
    from django.urls import path

    urls = types.ModuleType("moodhood_test_webhook_urls")
    urls.urlpatterns = [  # type: ignore[attr-defined]
        path("hook", django_webhook_view(SECRET, seen=_seen_django)(_django_view)),
    ]
    sys.modules[urls.__name__] = urls
    if not settings.configured:
        settings.configure(
            ROOT_URLCONF=urls.__name__,
            ALLOWED_HOSTS=["testserver"],
            MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
            SECRET_KEY="django-test-key-not-a-secret",
            INSTALLED_APPS=[],
        )
        django.setup()
    from django.test import Client

    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(("name", "raw", "status"), CASES, ids=[c[0] for c in CASES])
def test_django_answers(django_client: Any, name: str, raw: bytes, status: int) -> None:
    response = django_client.post("/hook", data=raw, content_type="application/json")
    assert response.status_code == status, response.content
    if status == 200:
        assert response.json() == {"room": "room-1", "record": "rec-1"}


def test_django_oversize_method_and_replay(django_client: Any) -> None:
    big = b"x" * (65536 + 1)
    assert django_client.post("/hook", data=big, content_type="application/json").status_code == 413
    assert django_client.get("/hook").status_code == 405
    raw = delivery({**BODY, "roomId": "room-2"})
    assert django_client.post("/hook", data=raw, content_type="application/json").status_code == 200
    assert django_client.post("/hook", data=raw, content_type="application/json").status_code == 409
