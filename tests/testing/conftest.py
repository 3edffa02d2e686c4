"""A small token-issuing server full of canary secrets, served by uvicorn on 127.0.0.1.

Every secret it hands out or accepts is a canary: a cassette recorded against it must contain none of them.
Responses are gzip-compressed whenever the client accepts it, so scrubbing has to read decoded bodies.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import jwt
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

CLIENT_ID = "client-id-public-1"
CLIENT_SECRET = "canary-client-secret-7Hq2xV9pLm"
USERNAME = "canary.user@example.com"
PASSWORD = "canary-password-Zk81wQ"
WEBHOOK_SECRET = "CanaryWebhookSecret0123456789AbC"
SIGNING_KEY = "canary-signing-key-never-in-cassettes"
ISSUED_AT = 1_700_000_000
LIFETIMES = {"access": 7 * 86400, "refresh": 21 * 86400}


class TokenServer:
    """State of the canary server: every token issued and every request seen; the canary values."""

    client_id = CLIENT_ID
    client_secret = CLIENT_SECRET
    username = USERNAME
    password = PASSWORD
    signing_key = SIGNING_KEY
    lifetimes = LIFETIMES

    def __init__(self) -> None:
        self.issued: list[str] = []
        self.hits = 0
        self.base_url = ""
        self._serial = itertools.count(1)

    @property
    def canaries(self) -> list[str]:
        """Every secret value, including each issued token and each token's signature segment."""
        values = [CLIENT_SECRET, USERNAME, PASSWORD, WEBHOOK_SECRET, SIGNING_KEY]
        values += self.issued
        values += [token.rsplit(".", 1)[1] for token in self.issued]
        return values

    def token(self, aud: str, kind: str) -> str:
        serial = next(self._serial)
        claims = {
            "sub": f"canary-subject-{serial}",
            "aud": aud,
            "type": kind,
            "iat": ISSUED_AT + serial,
            "exp": ISSUED_AT + serial + LIFETIMES[kind],
        }
        value = jwt.encode(claims, SIGNING_KEY, algorithm="HS256")
        self.issued.append(value)
        return value

    def app(self) -> Starlette:
        async def token_endpoint(request: Request) -> Response:
            raw = await request.body()
            if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                body: dict[str, Any] = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
            else:
                body = json.loads(raw)
            if body.get("client_id") != CLIENT_ID or body.get("client_secret") != CLIENT_SECRET:
                return JSONResponse({"error": "invalid_client"}, status_code=401)
            grant = body.get("grant_type")
            if grant == "client_credentials":
                aud = "client"
            elif grant == "password":
                if (body.get("username"), body.get("password")) != (USERNAME, PASSWORD):
                    return JSONResponse({"error": "invalid_grant"}, status_code=400)
                aud = "user"
            elif grant == "refresh_token":
                if body.get("refresh_token") not in self.issued:
                    return JSONResponse({"error": "invalid_grant"}, status_code=400)
                aud = "user"
            else:
                return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
            return JSONResponse(
                {
                    "token_type": "Bearer",
                    "access_token": self.token(aud, "access"),
                    "refresh_token": self.token(aud, "refresh"),
                }
            )

        async def me(request: Request) -> Response:
            auth = request.headers.get("authorization", "")
            if auth.removeprefix("Bearer ") not in self.issued:
                return JSONResponse({"message": "Unauthorized", "code": "401"}, status_code=401)
            response = JSONResponse({"email": "someone@example.org", "id": "5f3b8b9c2a1e4d0012345678"})
            response.set_cookie("accessToken", auth.removeprefix("Bearer "), httponly=True)
            response.set_cookie("trClId", "canary-tracking-cookie-value")
            return response

        async def webhook(request: Request) -> Response:
            return JSONResponse(
                {"url": "https://hooks.example.org/in", "secret": WEBHOOK_SECRET, "isActive": True}
            )

        async def generate_access(request: Request) -> Response:
            token = self.token("user", "access")
            url = f"https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Guest%20One&accessToken={token}"
            return JSONResponse({"url": url})

        async def guest_url(request: Request) -> Response:
            token = self.token("user", "access")
            return JSONResponse(
                {"roomUrl": f"https://edu.livedigital.space/room/EGBYWoMZJe?accessToken={token}"}
            )

        async def signaling(request: Request) -> Response:
            return JSONResponse({"signalingToken": self.token("client", "access")})

        async def download(request: Request) -> Response:
            token = self.token("user", "access")
            return PlainTextResponse(f"https://cdn.example.org/rec.mp4?token={token}")

        def counted(endpoint: Any) -> Any:
            async def wrapper(request: Request) -> Response:
                self.hits += 1
                response: Response = await endpoint(request)
                return response

            return wrapper

        routes = [
            Route("/v1/auth/token", counted(token_endpoint), methods=["POST"]),
            Route("/v1/users/me", counted(me), methods=["GET"]),
            Route("/v1/spaces/{space}/webhook", counted(webhook), methods=["POST"]),
            Route(
                "/v1/spaces/{space}/rooms/{room}/generate-access", counted(generate_access), methods=["POST"]
            ),
            Route(
                "/v1/spaces/{space}/rooms/{room}/generate-access/guest-url",
                counted(guest_url),
                methods=["POST"],
            ),
            Route(
                "/v1/spaces/{space}/participants/{p}/signaling-token", counted(signaling), methods=["POST"]
            ),
            Route(
                "/v1/spaces/{space}/rooms/{room}/records/download/{rec}", counted(download), methods=["GET"]
            ),
        ]
        return Starlette(routes=routes, middleware=[Middleware(GZipMiddleware, minimum_size=0)])


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    """The canary server on a free 127.0.0.1 port (``base_url`` ends in ``/v1``).

    The listening socket is bound before the server thread starts, so the first request simply waits in
    the backlog until uvicorn accepts it: no start-up polling.
    """
    state = TokenServer()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(state.app(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        state.base_url = f"http://127.0.0.1:{port}/v1"
        yield state
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
