"""Fixtures for the sandbox's own tests: an async client on the in-process app and token helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from moodhood.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER


class Api:
    """An httpx client on the sandbox plus shortcuts for getting tokens and making resources."""

    def __init__(self, http: httpx.AsyncClient, app: Starlette) -> None:
        self.http = http
        self.app = app

    @property
    def state(self) -> Any:
        return self.app.state.sandbox

    async def client_token(self) -> str:
        response = await self.http.post(
            "/auth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": DEMO_CLIENT_ID,
                "client_secret": DEMO_CLIENT_SECRET,
            },
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["access_token"]
        return token

    async def user_tokens(self, email: str = DEMO_USER, password: str = DEMO_PASSWORD) -> dict[str, str]:
        client = await self.client_token()
        response = await self.http.post(
            "/auth/token",
            headers={"Authorization": f"Bearer {client}"},
            json={
                "grant_type": "password",
                "client_id": DEMO_CLIENT_ID,
                "client_secret": DEMO_CLIENT_SECRET,
                "username": email,
                "password": password,
            },
        )
        assert response.status_code == 200, response.text
        tokens: dict[str, str] = response.json()
        return tokens

    async def user_token(self, email: str = DEMO_USER, password: str = DEMO_PASSWORD) -> str:
        return (await self.user_tokens(email, password))["access_token"]

    async def request(
        self, method: str, path: str, token: str | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return await self.http.request(method, path, headers=headers, **kwargs)

    async def create_space(self, token: str, name: str = "Space") -> str:
        response = await self.request("POST", "/spaces", token, json={"name": name, "isPublic": True})
        assert response.status_code == 201, response.text
        space_id: str = response.json()["id"]
        return space_id

    async def create_room(self, token: str, space_id: str, **fields: Any) -> dict[str, Any]:
        body = {"name": "Room", "type": "lesson", **fields}
        response = await self.request("POST", f"/spaces/{space_id}/rooms", token, json=body)
        assert response.status_code == 201, response.text
        room: dict[str, Any] = response.json()
        return room

    async def create_user(self, token: str, email: str, password: str = "pw-123456") -> str:
        body = {"email": email, "password": password, "username": email.split("@")[0]}
        response = await self.request("POST", "/users", token, json=body)
        assert response.status_code == 201, response.text
        user_id: str = response.json()["id"]
        return user_id


@pytest.fixture
async def api(sandbox_app: Starlette) -> AsyncIterator[Api]:
    transport = httpx.ASGITransport(app=sandbox_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox/v1") as http:
        yield Api(http, sandbox_app)
