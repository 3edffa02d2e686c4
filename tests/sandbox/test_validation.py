"""Requests are validated against the overlaid spec: what it forbids is a 422, what it allows gets through."""

from __future__ import annotations

from typing import Any

import pytest

from tests._spec import API_SPEC, SPEC

from .conftest import Api

UNKNOWN = "0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("field", "value"),
    [("logo", None), ("isPublic", None), ("description", None), ("name", ""), ("name", 7), ("logo", 1)],
)
async def test_space_bodies_follow_the_schema(api: Api, field: str, value: Any) -> None:
    token = await api.user_token()
    body = {"name": "School", field: value}
    response = await api.request("POST", "/spaces", token, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_error" and field in response.json()["message"]


async def test_null_redirect_url_is_refused(api: Api) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    response = await api.request(
        "POST", f"/spaces/{space_id}/rooms", token, json={"name": "R", "redirectUrl": None}
    )
    assert response.status_code == 422 and "redirectUrl" in response.json()["message"]


async def test_whitespace_names_are_what_the_spec_allows(api: Api) -> None:
    """minLength 1 is the rule: a name of spaces is allowed, an empty one is not."""
    token = await api.user_token()
    assert (await api.request("POST", "/spaces", token, json={"name": " "})).status_code == 201
    assert (await api.request("POST", "/spaces", token, json={"name": ""})).status_code == 422


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"dateTo": ""}, 422),
        ({"dateTo": "garbage"}, 422),
        ({"dateFrom": "2024-01-01"}, 422),  # a date is not a date-time
        ({"dateTo": "2999-01-01T00:00:00Z"}, 200),
        ({"dateFrom": "2000-01-01t00:00:00z"}, 200),  # RFC 3339 allows lower case
        ({}, 200),
    ],
)
async def test_record_filters_are_date_times(api: Api, params: dict[str, str], status: int) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    path = f"/spaces/{space_id}/rooms/{room['id']}/records"
    response = await api.request("GET", path, token, params=params)
    assert response.status_code == status, response.text


@pytest.mark.parametrize(
    ("date", "status"),
    [("2024-01-01", 200), ("2024-02-30", 200), ("2024-01-01T10:00:00Z", 200), ("", 422), ("Monday", 422)],
)
async def test_analytics_date_follows_the_pattern(api: Api, date: str, status: int) -> None:
    """A day that does not exist matches the spec's pattern: it simply had no calls."""
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    params = {"roomId": room["id"], "date": date}
    response = await api.request("GET", f"/spaces/{space_id}/analytics/calls", token, params=params)
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json() == {"items": []}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("https://example.com/hook", 201),
        ("HTTP://127.0.0.1:9/hook", 201),
        ("not a url", 422),
        ("ftp://example.com/hook", 422),
        ("http://[", 422),
        ("http:///path", 422),
        ("", 422),
    ],
)
async def test_webhook_urls_are_absolute_http_urls(api: Api, url: str, status: int) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    response = await api.request("POST", f"/spaces/{space_id}/webhook", token, json={"url": url})
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("ttl", "status"), [(0, 422), (1, 201), (432_000, 201), (432_001, 422), ("60", 422)])
async def test_guest_url_ttl_bounds(api: Api, ttl: Any, status: int) -> None:
    token = await api.user_token()
    space_id = await api.create_space(token)
    room = await api.create_room(token, space_id)
    path = f"/spaces/{space_id}/rooms/{room['id']}/generate-access/guest-url"
    assert (await api.http.post(path, json={"ttl": ttl})).status_code == status


def test_every_added_constraint_is_in_the_overlay_not_the_vendor_spec() -> None:
    """minLength, minimum/maximum, format and pattern the sandbox enforces come from the overlay."""
    for name in ("SpaceCreate", "RoomCreate", "UserCreate", "ParticipantCreate"):
        vendor = SPEC["components"]["schemas"][name]["properties"][
            "name" if name != "UserCreate" else "email"
        ]
        overlaid = API_SPEC["components"]["schemas"][name]["properties"][
            "name" if name != "UserCreate" else "email"
        ]
        assert "minLength" not in vendor and overlaid["minLength"] == 1
    guest = API_SPEC["components"]["schemas"]["GuestUrlRequest"]["properties"]["ttl"]
    assert (guest["minimum"], guest["maximum"]) == (1, 432_000)
    for schema in ("WebhookCreate", "WebhookUpdate"):
        url = API_SPEC["components"]["schemas"][schema]["properties"]["url"]
        assert url["format"] == "uri" and url["pattern"].startswith("^")
    assert API_SPEC["components"]["schemas"]["GuestUrlResponse"]["properties"]["roomUrl"]["format"] == "uri"
    assert API_SPEC["components"]["schemas"]["GenerateAccessResponse"]["properties"]["url"]["format"] == "uri"


async def test_a_duplicate_email_is_the_documented_422(api: Api) -> None:
    token = await api.user_token()
    await api.create_user(token, "twice@example.com")
    body = {"email": "twice@example.com", "password": "p", "username": "u"}
    again = await api.request("POST", "/users", token, json=body)
    assert again.status_code == 422 and again.json()["code"] == "user_exists"
    assert "unique" in API_SPEC["components"]["schemas"]["UserCreate"]["properties"]["email"]["description"]
