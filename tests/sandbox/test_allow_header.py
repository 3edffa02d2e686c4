"""405 answers name every method of the path in ``Allow``, not only those of the first route."""

from __future__ import annotations

import pytest

from .conftest import Api


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("OPTIONS", "/spaces", "GET, HEAD, POST"),
        ("DELETE", "/spaces/", "GET, HEAD, POST"),
        ("PATCH", "/spaces/abc/rooms", "GET, HEAD, POST"),
        ("PATCH", "/spaces/abc/rooms/def", "DELETE, GET, HEAD, PUT"),
        ("PATCH", "/spaces/abc/webhook", "DELETE, GET, HEAD, POST, PUT"),
        ("GET", "/users", "POST"),
        ("POST", "/users/me/settings/meetings", "GET, HEAD, PUT"),
    ],
)
async def test_allow_lists_every_method_of_the_path(api: Api, method: str, path: str, allow: str) -> None:
    response = await api.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.json()["code"] == "method_not_allowed"


async def test_control_paths_too(api: Api) -> None:
    response = await api.http.request("PUT", "http://sandbox/__sandbox/faults")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"DELETE", "GET", "HEAD", "POST"}
