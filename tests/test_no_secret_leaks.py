"""Canary test: plant secrets, run every auth path (failures included), and scan everything a human could see.

A loopback HTTP server plays the token endpoint and the API, so httpx's and httpcore's own DEBUG logs are
produced for real. Collected: ``repr``/``str`` of every public object, every exception's message, ``repr`` and
formatted traceback (with its chain), warnings, and every log record at DEBUG (``moodhood``, ``httpx``,
``httpcore``). None may contain a client secret, a password or a token beyond its last 4 characters.

Other features (the client facade, the CLI, cassettes) add their paths to ``run_every_path`` or write their
own test with ``Artifacts`` and ``needles``.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import json
import logging
import secrets
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

import moodhood
from moodhood._auth import MoodhoodAuth, TokenEvent
from moodhood._credentials import Credentials
from moodhood._exceptions import ConfigurationError, MoodhoodError
from moodhood._store import FileTokenStore, MemoryTokenStore

CLIENT_ID = "canary-client"
CLIENT_SECRET = "CANARY-CLIENT-SECRET-" + secrets.token_hex(12)
PASSWORD = "CANARY-PASSWORD-" + secrets.token_hex(12)
PERSONAL = "CANARY-PERSONAL-" + secrets.token_hex(12)
USERNAME = "canary@example.com"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Canary:
    """The loopback server's state: tokens it issued, which are valid, and how it misbehaves."""

    issued: list[str] = field(default_factory=list)
    valid: set[str] = field(default_factory=set)
    client_tokens: set[str] = field(default_factory=set)
    refresh: set[str] = field(default_factory=set)
    mode: str = "ok"  # ok | html | echo | reject_refresh
    lifetime: int = 3600
    refuse_api: bool = False
    set_cookie: bool = False  # token responses also set the refresh token as a cookie, as the web app's do
    lock: threading.Lock = field(default_factory=threading.Lock)

    def token(self) -> str:
        payload = {"iat": 1_700_000_000, "exp": 1_700_000_000 + self.lifetime, "jti": secrets.token_hex(8)}
        header = _b64(b'{"alg":"HS256","typ":"JWT"}')
        value = f"{header}.{_b64(json.dumps(payload).encode())}.CANARYSIG{secrets.token_hex(16)}"
        self.issued.append(value)
        return value

    def answer(self, path: str, headers: Any, body: bytes) -> tuple[int, str, bytes]:
        with self.lock:
            if path == "/v1/auth/token":
                return self._token(headers, json.loads(body))
            bearer = (headers.get("Authorization") or "").removeprefix("Bearer ")
            if not self.refuse_api and (bearer in self.valid or bearer == PERSONAL):
                return 200, "application/json", b'{"items": []}'
            return 401, "application/json", b'{"message": "Unauthorized", "code": "unauthorized"}'

    def _error(self, status: int, error: str, description: str) -> tuple[int, str, bytes]:
        return (
            status,
            "application/json",
            json.dumps({"error": error, "error_description": description}).encode(),
        )

    def _token(self, headers: Any, body: dict[str, str]) -> tuple[int, str, bytes]:
        if self.mode == "html":
            return 200, "text/html", b"<html><body>Please log in</body></html>"
        if self.mode == "echo":  # a hostile server echoing what it was sent
            return self._error(
                400, "invalid_grant", f"bad {body.get('password')} / {body.get('client_secret')}"
            )
        if body.get("client_secret") != CLIENT_SECRET:
            return self._error(401, "invalid_client", "Invalid client")
        grant = body.get("grant_type")
        if grant == "password":
            if (headers.get("Authorization") or "").removeprefix("Bearer ") not in self.client_tokens:
                return self._error(401, "invalid_client", "Client token required")
            if body.get("password") != PASSWORD:
                return self._error(400, "invalid_grant", "Invalid credentials")
        elif grant == "refresh_token" and (
            self.mode == "reject_refresh" or body.get("refresh_token") not in self.refresh
        ):
            return self._error(400, "invalid_grant", "Invalid refresh token")
        access, refresh = self.token(), self.token()
        self.valid.add(access)
        self.refresh.add(refresh)
        if grant == "client_credentials":
            self.client_tokens.add(access)
        data = {"token_type": "Bearer", "access_token": access, "refresh_token": refresh}
        return 200, "application/json", json.dumps(data).encode()


@pytest.fixture
def canary() -> Iterator[tuple[Canary, str]]:
    state = Canary()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, content_type, payload = state.answer(self.path, self.headers, body)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            if state.set_cookie and self.path.endswith("/auth/token") and state.issued:
                self.send_header("Set-Cookie", f"refreshToken={state.issued[-1]}; HttpOnly")
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


SDK_DIR = Path(moodhood.__file__).resolve().parent
_ARGS_FLAGS = inspect.CO_VARARGS | inspect.CO_VARKEYWORDS


def sdk_frame_locals(error: BaseException) -> str:
    """The local variables of every ``moodhood`` frame in ``error``'s traceback and its chain, as a
    traceback rendered with locals (``capture_locals``, rich, ``--showlocals``, error trackers) shows them.

    Left out: frames of the caller, the generated client and httpx/httpcore, which the SDK does not control
    (header bytes inside h11, a parsed body), and the parameters of ``call``, which are the caller's own
    arguments (a grant body they built themselves).
    """
    lines: list[str] = []
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        exc = pending.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if Path(code.co_filename).resolve().is_relative_to(SDK_DIR):
                skipped: set[str] = set()
                if code.co_name in ("call", "_send"):  # the caller's own arguments, passed on
                    count = (
                        code.co_argcount
                        + code.co_kwonlyargcount
                        + bin(code.co_flags & _ARGS_FLAGS).count("1")
                    )
                    skipped = set(code.co_varnames[:count])
                lines += [
                    f"{code.co_name}: {name} = {value!r}"
                    for name, value in tb.tb_frame.f_locals.items()
                    if name not in skipped
                ]
            tb = tb.tb_next
        pending += [e for e in (exc.__cause__, exc.__context__) if e is not None]
    return "\n".join(lines)


class Artifacts:
    """Everything a person could read: reprs, messages, tracebacks, warnings."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, label: str, obj: object) -> None:
        self.items.append((f"repr {label}", repr(obj)))
        self.items.append((f"str {label}", str(obj)))
        if isinstance(obj, BaseException):
            self.items.append((f"traceback {label}", "".join(traceback.format_exception(obj))))
            if not isinstance(obj, ConfigurationError):  # those frames hold the caller's own arguments
                self.items.append((f"SDK frame locals {label}", sdk_frame_locals(obj)))
            for name, value in vars(obj).items():
                if name != "request":
                    self.items.append((f"attr {label}.{name}", repr(value)))
            request = getattr(obj, "request", None)
            if isinstance(request, httpx.Request):
                self.items.append((f"request {label}", repr(request) + repr(request.headers)))

    def expect(self, label: str, call: Callable[[], object], *errors: type[BaseException]) -> None:
        """Run ``call``; record its result or the expected exception."""
        try:
            result = call()
        except errors as exc:
            self.add(label, exc)
        else:
            assert not errors, f"{label}: expected {errors}, got {result!r}"
            self.add(label, result)


def needles(canary: Canary) -> list[tuple[str, str]]:
    """Substrings that would betray a secret: all but the last 4 chars, and every unique token segment."""
    found = [("client secret", CLIENT_SECRET[:-4]), ("password", PASSWORD[:-4]), ("personal", PERSONAL[:-4])]
    for token in canary.issued:
        _, payload, signature = token.split(".")
        found += [("token payload", payload), ("token signature", signature[:-4])]
    return found


def run_every_path(canary: Canary, base: str, art: Artifacts, tmp_path: Path) -> None:
    token_url = base + "/auth/token"
    clock = Clock()
    events: list[TokenEvent] = []
    user = Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD)
    art.add("credentials user", user)
    art.add("credentials client", Credentials.client(CLIENT_ID, CLIENT_SECRET))
    art.add("credentials personal", Credentials.personal(PERSONAL))
    art.expect(
        "missing secret",
        lambda: Credentials.from_env(client_id=CLIENT_ID, environ={"MOODHOOD_PASSWORD": PASSWORD}),
        MoodhoodError,
    )
    art.expect(
        "contradiction",
        lambda: Credentials.from_env(environ={"MOODHOOD_TOKEN": PERSONAL, "MOODHOOD_CLIENT_ID": CLIENT_ID}),
        MoodhoodError,
    )

    store = FileTokenStore(tmp_path / "tokens.json")
    auth = MoodhoodAuth(user, token_url=token_url, clock=clock, store=store, on_token=events.append)
    with httpx.Client(auth=auth, base_url=base) as client:
        art.expect("first call", lambda: client.get("/spaces"))
        clock.now += 3400  # stale: refresh grant
        art.expect("refresh", lambda: client.get("/spaces"))
        canary.valid.clear()  # 401, renew, replay
        art.expect("401 replay", lambda: client.get("/spaces"))
        canary.mode = "reject_refresh"
        clock.now += 4000
        art.expect("refresh rejected", lambda: client.get("/spaces"))
        canary.mode = "ok"
        for token in (auth.client_token, auth.user_token, auth.refresh_token):
            art.add("token", token)
        art.add("auth", auth)
        art.add("store", store)
        art.add("record", store.load(auth._key(USERNAME)))
    for event in events:
        art.add("event", event)

    # A second 401: returned, not looped (the API refuses every token from now on).
    refusing = MoodhoodAuth(Credentials.client(CLIENT_ID, CLIENT_SECRET), token_url=token_url, clock=clock)
    with httpx.Client(auth=refusing, base_url=base) as client:
        client.get("/spaces")
        canary.refuse_api = True
        art.expect("second 401", lambda: client.get("/spaces"))
        canary.refuse_api = False

    failures: list[tuple[str, Credentials, str]] = [
        (
            "wrong password",
            Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, "CANARY-WRONG-" + PASSWORD),
            "ok",
        ),
        ("bad client secret", Credentials.client(CLIENT_ID, "CANARY-BAD-" + CLIENT_SECRET), "ok"),
        ("html answer", user, "html"),
        ("hostile echo", user, "echo"),
    ]
    for label, creds, mode in failures:
        canary.mode = mode
        failing = MoodhoodAuth(creds, token_url=token_url, clock=clock)
        with httpx.Client(auth=failing, base_url=base) as client:
            art.expect(label, lambda c=client: c.get("/spaces"), MoodhoodError)  # type: ignore[misc]
        art.add(f"auth {label}", failing)
    canary.mode = "ok"

    # Single flight failure shared by waiting threads.
    shared = MoodhoodAuth(Credentials.client(CLIENT_ID, "CANARY-BAD-" + CLIENT_SECRET), token_url=token_url)
    with httpx.Client(auth=shared, base_url=base) as client, ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(client.get, "/spaces") for _ in range(8)]
        for future in futures:
            art.add("shared failure", future.exception())

    # Connection refused at the token endpoint.
    dead = MoodhoodAuth(user, token_url="http://127.0.0.1:9/v1/auth/token")
    with httpx.Client(auth=dead, base_url=base, timeout=2) as client:
        art.expect("connection refused", lambda: client.get("/spaces"), httpx.HTTPError)

    # Plain http to a remote host.
    art.expect(
        "insecure token url",
        lambda: MoodhoodAuth(user, token_url="http://api.example.com/v1/auth/token"),
        MoodhoodError,
    )
    personal = MoodhoodAuth(Credentials.personal(PERSONAL), token_url=token_url)
    with httpx.Client(auth=personal) as client:
        art.expect("insecure api", lambda: client.get("http://api.example.com/v1/spaces"), MoodhoodError)
        art.expect("personal ok", lambda: client.get(base + "/spaces"))
    art.add("personal auth", personal)

    # A store that is somebody else's file.
    (tmp_path / "notes.json").write_text('{"not": "ours"}')
    foreign = MoodhoodAuth(user, token_url=token_url, store=FileTokenStore(tmp_path / "notes.json"))
    with httpx.Client(auth=foreign, base_url=base) as client:
        art.expect("foreign store", lambda: client.get("/spaces"))
    art.add("memory store", MemoryTokenStore())

    # The async flow, including a failure.
    async def async_paths() -> None:
        ok = MoodhoodAuth(user, token_url=token_url)
        async with httpx.AsyncClient(auth=ok, base_url=base) as client:
            art.add("async call", await client.get("/spaces"))
        bad = MoodhoodAuth(
            Credentials.user(CLIENT_ID, CLIENT_SECRET, USERNAME, "CANARY-X-" + PASSWORD), token_url=token_url
        )
        async with httpx.AsyncClient(auth=bad, base_url=base) as client:
            results = await asyncio.gather(*(client.get("/spaces") for _ in range(5)), return_exceptions=True)
        for result in results:
            art.add("async failure", result)

    asyncio.run(async_paths())


def test_no_secret_leaks(
    canary: tuple[Canary, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state, base = canary
    art = Artifacts()
    for name in ("moodhood", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run_every_path(state, base, art, tmp_path)
    for warning in caught:
        art.items.append(("warning", str(warning.message)))
    for record in caplog.records:
        art.items.append((f"log {record.name}", record.getMessage()))
        art.items.append((f"log extras {record.name}", repr(record.__dict__)))
        if record.exc_info:
            art.items.append(
                (f"log traceback {record.name}", "".join(traceback.format_exception(*record.exc_info)))
            )

    # The scan is meaningful: the paths ran, tokens were issued, and the logs are there.
    frames = "\n".join(text for label, text in art.items if label.startswith("SDK frame locals"))
    assert "_password_grant: creds = " in frames and "parse: data = " in frames
    assert len(state.issued) >= 10
    loggers = {record.name.split(".")[0] for record in caplog.records}
    assert {"moodhood", "httpx", "httpcore"} <= loggers
    labels = " ".join(label for label, _ in art.items)
    for expected in (
        "wrong password",
        "bad client secret",
        "html answer",
        "401 replay",
        "connection refused",
    ):
        assert expected in labels

    leaks = [
        f"{label}: {what}"
        for label, text in art.items
        for what, needle in needles(state)
        if needle and needle in text
    ]
    assert not leaks, "secrets leaked:\n" + "\n".join(leaks[:20])


def run_client_facade_paths(canary: Canary, base: str, art: Artifacts) -> None:
    """The client facade: client reprs, call() successes and failures, typed errors, retries, request logs."""
    from moodhood_api.api.auth import get_access_token
    from moodhood_api.api.spaces import list_spaces
    from moodhood_api.models import GrantType, TokenRequest

    from moodhood._client import AsyncMoodhood, Moodhood

    user: dict[str, Any] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "username": USERNAME,
        "password": PASSWORD,
    }
    with Moodhood(base_url=base, **user) as mh:
        art.add("facade", mh)
        art.add("facade copy", mh.with_options(max_retries=0, timeout=3.0))
        art.add("facade generated client", mh.client)
        art.expect("facade call", lambda: mh.call(list_spaces.sync_detailed))
        canary.valid.clear()  # 401 → renewed → replayed
        art.expect("facade 401 replay", lambda: mh.call(list_spaces.sync_detailed))
        art.add("facade auth", mh.auth)

    wrong = {**user, "password": "CANARY-WRONG-" + PASSWORD}
    with Moodhood(base_url=base, **wrong) as mh:
        art.expect("facade wrong password", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError)

    with Moodhood(base_url=base, token="CANARY-REVOKED-" + PERSONAL) as mh:
        art.expect("facade personal 401", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError)

    # The token operation called as an API operation, against a server echoing what it was sent.
    canary.mode = "echo"
    grant = TokenRequest(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        grant_type=GrantType.PASSWORD,
        username=USERNAME,
        password=PASSWORD,
    )
    with Moodhood(base_url=base, token=PERSONAL) as mh:
        art.expect(
            "facade echoed grant", lambda: mh.call(get_access_token.sync_detailed, body=grant), MoodhoodError
        )
    canary.mode = "ok"

    # Retries, a body echoing the bearer, an unparseable success: through the caller's own client.
    answers = iter(
        [
            httpx.Response(503, headers={"Retry-After": "0"}, json={"message": f"busy, {PERSONAL}"}),
            httpx.Response(200, json={"items": "nope", "token": PERSONAL}),
            httpx.Response(404, json={"message": f"no such token {PERSONAL}", "code": "not_found"}),
            httpx.Response(429, headers={"Retry-After": "3600"}, text=f"slow down {PERSONAL}"),
        ]
    )
    mock = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    with Moodhood(base_url=base, token=PERSONAL, http_client=mock) as mh:
        art.expect(
            "facade retry then invalid body", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError
        )
        art.expect("facade 404 echo", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError)
        art.expect("facade 429", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError)
    mock.close()

    with Moodhood(base_url="http://127.0.0.1:9/v1", token=PERSONAL, max_retries=0, timeout=2.0) as mh:
        art.expect("facade connection refused", lambda: mh.call(list_spaces.sync_detailed), MoodhoodError)

    async def async_paths() -> None:
        async with AsyncMoodhood(base_url=base, **user) as amh:
            art.add("async facade", amh)
            art.add("async facade call", await amh.call(list_spaces.asyncio_detailed))
        async with AsyncMoodhood(base_url=base, **wrong) as amh:
            try:
                await amh.call(list_spaces.asyncio_detailed)
            except MoodhoodError as error:
                art.add("async facade wrong password", error)

    asyncio.run(async_paths())


def test_no_secret_leaks_client_facade(canary: tuple[Canary, str], caplog: pytest.LogCaptureFixture) -> None:
    state, base = canary
    art = Artifacts()
    for name in ("moodhood", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run_client_facade_paths(state, base, art)
    for warning in caught:
        art.items.append(("warning", str(warning.message)))
    for record in caplog.records:
        art.items.append((f"log {record.name}", record.getMessage()))
        art.items.append((f"log extras {record.name}", repr(record.__dict__)))

    # The scan is meaningful: calls ran, failed as expected, retried, and were logged by the facade.
    labels = " ".join(label for label, _ in art.items)
    for expected in (
        "facade 401 replay",
        "facade echoed grant",
        "facade 404 echo",
        "facade connection refused",
    ):
        assert expected in labels
    messages = [record.getMessage() for record in caplog.records if record.name == "moodhood"]
    assert any(m.startswith("GET /v1/spaces -> 200") for m in messages)
    assert any(m.startswith("Retrying GET /v1/spaces") for m in messages)
    assert len(state.issued) >= 4

    leaks = [
        f"{label}: {what}"
        for label, text in art.items
        for what, needle in needles(state)
        if needle and needle in text
    ]
    assert not leaks, "secrets leaked:\n" + "\n".join(leaks[:20])


def test_token_cookies_stay_out_of_httpcore_logs(
    canary: tuple[Canary, str], caplog: pytest.LogCaptureFixture
) -> None:
    state, base = canary
    state.set_cookie = True
    caplog.set_level(logging.DEBUG, logger="httpcore")
    auth = MoodhoodAuth(Credentials.client(CLIENT_ID, CLIENT_SECRET), token_url=base + "/auth/token")
    with httpx.Client(auth=auth, base_url=base) as client:
        assert client.get("/spaces").status_code == 200
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "receive_response_headers" in text
    leaks = [what for what, needle in needles(state) if needle in text]
    assert not leaks, leaks
