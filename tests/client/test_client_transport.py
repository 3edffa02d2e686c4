"""The hand-off to the caller's ``http_client``: straight to its transport when that is all ``send`` would do.

``ClientTransport`` skips the inner client's send pipeline when it has no event hooks; these tests pin down
that the caller's mounts, cookie jar, hooks and closed state are honoured on both paths, sync and async.
"""

from __future__ import annotations

import httpx
import pytest
from moodhood_api.api.spaces import list_spaces

from moodhood import AsyncMoodhood, Moodhood
from moodhood._base_client import _ASYNC_PIPELINE, _SYNC_PIPELINE, _plain

BASE = "https://api.example.test/v1"
TOKEN = "personal-token-0123456789abcdef"


def spaces(tag: str, *, cookie: str | None = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"x-served-by": tag}
        if cookie:
            headers["set-cookie"] = cookie
        return httpx.Response(200, json={"items": [{"id": tag}]}, headers=headers)

    return httpx.MockTransport(handler)


def test_plain_client_takes_the_shortcut_and_hooks_or_closed_do_not() -> None:
    request = httpx.Request("GET", BASE + "/spaces")
    plain = httpx.Client()
    hooked = httpx.Client(event_hooks={"response": [lambda r: None]})
    closed = httpx.Client()
    closed.close()
    assert _plain(plain, request, _SYNC_PIPELINE)
    assert not _plain(hooked, request, _SYNC_PIPELINE)
    assert not _plain(closed, request, _SYNC_PIPELINE)
    assert not _plain(plain, httpx.Request("GET", "https://u:p@api.example.test/v1"), _SYNC_PIPELINE)

    class Patched(httpx.Client):
        def send(self, *args: object, **kwargs: object) -> httpx.Response:  # type: ignore[override]
            raise AssertionError("never used here")

    assert not _plain(Patched(), request, _SYNC_PIPELINE)
    assert _plain(httpx.AsyncClient(), request, _ASYNC_PIPELINE)
    plain.close()
    hooked.close()


def test_mounts_and_cookie_jar_of_the_callers_client_are_honoured() -> None:
    http = httpx.Client(
        transport=spaces("default"),
        mounts={"https://api.example.test": spaces("mounted", cookie="session=abc; Path=/")},
    )
    with Moodhood(base_url=BASE, token=TOKEN, http_client=http) as mh:
        result = mh.call(list_spaces.sync_detailed)
    assert [item.id for item in result.items] == ["mounted"]  # type: ignore[union-attr]
    assert http.cookies.get("session") == "abc"
    http.close()


def test_event_hooks_of_the_callers_client_still_run() -> None:
    seen: list[str] = []
    http = httpx.Client(
        transport=spaces("default"),
        event_hooks={"response": [lambda response: seen.append(response.headers["x-served-by"])]},
    )
    with Moodhood(base_url=BASE, token=TOKEN, http_client=http) as mh:
        mh.call(list_spaces.sync_detailed)
    assert seen == ["default"]
    http.close()


def test_a_closed_callers_client_is_refused() -> None:
    http = httpx.Client(transport=spaces("default"))
    mh = Moodhood(base_url=BASE, token=TOKEN, http_client=http)
    http.close()
    with pytest.raises(RuntimeError, match="closed"):
        mh.call(list_spaces.sync_detailed)


async def test_async_mounts_cookies_and_hooks() -> None:
    seen: list[str] = []

    async def hook(response: httpx.Response) -> None:
        seen.append(response.headers["x-served-by"])

    mounted = httpx.AsyncClient(
        transport=spaces("default"),
        mounts={"https://api.example.test": spaces("mounted", cookie="session=xyz; Path=/")},
    )
    hooked = httpx.AsyncClient(transport=spaces("hooked"), event_hooks={"response": [hook]})
    async with AsyncMoodhood(base_url=BASE, token=TOKEN, http_client=mounted) as amh:
        result = await amh.call(list_spaces.asyncio_detailed)
    assert [item.id for item in result.items] == ["mounted"]  # type: ignore[union-attr]
    assert mounted.cookies.get("session") == "xyz"
    async with AsyncMoodhood(base_url=BASE, token=TOKEN, http_client=hooked) as amh:
        await amh.call(list_spaces.asyncio_detailed)
    assert seen == ["hooked"]
    await mounted.aclose()
    await hooked.aclose()
