"""Room links and ``<iframe>`` HTML for embedding MoodHood rooms.

Usage::

    from moodhood.embed import iframe_html, link_from_url, room_link

    link = room_link("EGBYWoMZJe", participant_name="Анна", refresh_token=tokens.refresh_token)
    page_fragment = iframe_html(link, height=720)
    # or wrap what generate-access returned:
    page_fragment = iframe_html(link_from_url(response.url))

``repr(link)`` and ``str(link)`` mask the token; ``link.url`` is the real link.
"""

from __future__ import annotations

from moodhood._embed import (
    DEFAULT_ALLOW,
    DEFAULT_BASE_URL,
    FINISH_CALL_MESSAGE,
    RoomLink,
    iframe_html,
    link_from_url,
    room_link,
)

__all__ = [
    "DEFAULT_ALLOW",
    "DEFAULT_BASE_URL",
    "FINISH_CALL_MESSAGE",
    "RoomLink",
    "iframe_html",
    "link_from_url",
    "room_link",
]

for _obj in (RoomLink, iframe_html, link_from_url, room_link):
    _obj.__module__ = __name__
del _obj
