"""Room links and iframe HTML for embedding a MoodHood room in a web page.

Two link forms exist (docs/decisions.md, D19), both on the web app host, by room **alias**:

- ``/room/<alias>?participantName=<name>&refreshToken=<refresh_token>``: background login with the
  refresh token of a password grant;
- ``/room/<alias>?participantName=<name>&accessToken=<token>``: the link generate-access (``url``) or
  guest-url (``roomUrl``) returns; :func:`link_from_url` wraps one as it is.

When a call ends (everyone left, or an admin ended it) the frame posts the string ``'ld_finish_call'`` to
its parent window. Listen for it in the host page, checking the origin::

    window.addEventListener('message', (event) => {
      if (event.origin !== 'https://edu.livedigital.space') return;
      if (event.data === 'ld_finish_call') {
        // the call is over: close the dialog, show a summary, fetch the analytics...
      }
    });

The host page must be served over HTTPS, and browsers that block third-party cookies show
"Unauthorized" inside the frame.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, quote, unquote_plus, urlencode, urlsplit, urlunsplit

import attrs

from moodhood._exceptions import InsecureTransportError
from moodhood._net import is_loopback
from moodhood._secrets import mask

__all__ = [
    "DEFAULT_ALLOW",
    "DEFAULT_BASE_URL",
    "FINISH_CALL_MESSAGE",
    "RoomLink",
    "iframe_html",
    "link_from_url",
    "room_link",
]

DEFAULT_BASE_URL = "https://edu.livedigital.space"
"""The web app that serves rooms (white-label hosts such as ``https://a.teleboss.ru`` work the same)."""

_WEB_APP_URL_ENV = "MOODHOOD_WEB_APP_URL"
"""The variable :func:`room_link` reads when no ``base_url`` is given (e.g. a sandbox's own room pages)."""

DEFAULT_ALLOW: tuple[str, ...] = (
    "camera",
    "microphone",
    "fullscreen",
    "accelerometer",
    "autoplay",
    "clipboard-write",
    "encrypted-media",
    "gyroscope",
    "picture-in-picture",
    "display-capture",
    "screen-wake-lock",
)
"""The documented ``allow`` features of the iframe."""

FINISH_CALL_MESSAGE = "ld_finish_call"
"""The ``postMessage`` data the frame sends to its parent when the call ends."""

_TOKEN_PARAMS = frozenset({"accesstoken", "refreshtoken", "access_token", "refresh_token", "token"})
# Characters kept as they are when tidying a URL given whole: the reserved set and '%' (already encoded).
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_ALLOW_FEATURE = re.compile(r"^[a-z][a-z0-9-]*(?: +[^;\"<>&]+)?$")


def _masked_url(url: str) -> str:
    """The URL with every token parameter's value replaced by its mask; the rest is kept verbatim."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pieces = []
    for piece in parts.query.split("&"):
        name, sep, value = piece.partition("=")
        if sep and unquote_plus(name).lower() in _TOKEN_PARAMS:
            piece = f"{name}={mask(unquote_plus(value))}"
        pieces.append(piece)
    return urlunsplit(parts._replace(query="&".join(pieces)))


@attrs.frozen(repr=False)
class RoomLink:
    """A room URL that may carry a token.

    ``url`` is the full link (it holds the token: treat it as a secret). ``repr()`` and ``str()`` show
    the token masked, so a link can be logged safely.
    """

    url: str

    @property
    def alias(self) -> str:
        """The room alias taken from the path (``/room/<alias>``)."""
        path = urlsplit(self.url).path
        return path.rstrip("/").rsplit("/", 1)[-1]

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the link: the origin to check ``ld_finish_call`` messages against."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def has_token(self) -> bool:
        """Whether the link carries an ``accessToken`` or ``refreshToken``."""
        query = parse_qsl(urlsplit(self.url).query, keep_blank_values=True)
        return any(k.lower() in _TOKEN_PARAMS for k, _ in query)

    def __repr__(self) -> str:
        return f"RoomLink({_masked_url(self.url)!r})"

    def __str__(self) -> str:
        return _masked_url(self.url)


def _check_base(url: str, *, carries_token: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"a room link needs an https:// URL, got scheme {parts.scheme or 'none'!r}")
    if parts.scheme == "http" and carries_token and not is_loopback(parts.hostname):
        raise InsecureTransportError(
            f"refusing to put a token into a plain http:// link to {parts.hostname}; use https://"
        )


def room_link(
    alias: str,
    *,
    participant_name: str | None = None,
    refresh_token: str | None = None,
    access_token: str | None = None,
    base_url: str | None = None,
    params: Mapping[str, str] | None = None,
) -> RoomLink:
    """Build ``<base_url>/room/<alias>?participantName=...&refreshToken=...`` (or ``accessToken``).

    ``base_url`` is the web app's origin: the argument, else ``MOODHOOD_WEB_APP_URL``, else
    :data:`DEFAULT_BASE_URL`. A sandbox started with ``web_app_url=None`` serves room pages at its own
    root URL, which works here too (``http://`` is accepted for loopback).

    Give at most one of ``refresh_token`` (background login with a password-grant refresh token) and
    ``access_token`` (the token generate-access put in its link). ``params`` appends other query
    parameters. Every value is percent-encoded; the alias becomes one path segment.
    """
    if not isinstance(alias, str) or alias in ("", ".", ".."):
        raise ValueError("alias must be a room alias, such as 'EGBYWoMZJe'")
    if refresh_token is not None and access_token is not None:
        raise ValueError("give refresh_token or access_token, not both")
    token_pair: tuple[str, str] | None = None
    if refresh_token is not None:
        token_pair = ("refreshToken", refresh_token)
    elif access_token is not None:
        token_pair = ("accessToken", access_token)
    if token_pair is not None and not token_pair[1]:
        raise ValueError(f"{token_pair[0]} is empty")
    if base_url is None:
        base_url = os.environ.get(_WEB_APP_URL_ENV) or DEFAULT_BASE_URL
    _check_base(base_url, carries_token=token_pair is not None)
    query: list[tuple[str, str]] = []
    if participant_name is not None:
        query.append(("participantName", participant_name))
    if token_pair is not None:
        query.append(token_pair)
    for key, value in (params or {}).items():
        if key in ("participantName", "refreshToken", "accessToken"):
            raise ValueError(f"pass {key} through its own argument, not params")
        query.append((key, value))
    base = base_url.rstrip("/")
    url = f"{base}/room/{quote(alias, safe='')}"
    if query:
        url += "?" + urlencode(query, quote_via=quote, safe="")
    return RoomLink(url)


def link_from_url(url: str) -> RoomLink:
    """Wrap a complete room URL, such as the ``url`` from generate-access or ``roomUrl`` from guest-url.

    The URL must be ``https://`` (``http://`` only for loopback) and point at ``/room/<alias>``.
    Characters that may not appear in a URL (spaces, quotes, ``<``, non-ASCII) are percent-encoded;
    everything else is kept as the server wrote it.
    """
    if not isinstance(url, str) or not url.strip():
        raise ValueError("url must be a non-empty string")
    tidy = quote(url.strip(), safe=_URL_SAFE)
    _check_base(tidy, carries_token=RoomLink(tidy).has_token)
    if not re.search(r"/room/[^/?#]+/?$", urlsplit(tidy).path):
        raise ValueError("not a room link: the path should be /room/<alias>")
    return RoomLink(tidy)


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def iframe_html(
    link: RoomLink | str,
    *,
    width: int | str = "100%",
    height: int | str = 600,
    allow: Iterable[str] = DEFAULT_ALLOW,
    allow_user_media: bool = True,
    title: str = "MoodHood room",
    frame_id: str | None = None,
) -> str:
    """An ``<iframe>`` element for a room link; every attribute value is HTML-escaped.

    ``link`` is a :class:`RoomLink` or a complete room URL (see :func:`link_from_url`). ``allow`` takes
    Permissions-Policy features; append ``'none'`` to one to deny it (``"autoplay 'none'"``). The
    returned HTML holds the link's token: it is meant for the page, not for logs. See the module
    docstring for the ``ld_finish_call`` message the frame sends when the call ends. A link that is not
    ``https://`` (``http://`` only for loopback) is refused with ``ValueError``, a :class:`RoomLink` too.
    """
    room = link if isinstance(link, RoomLink) else link_from_url(link)
    # a RoomLink built by hand skipped link_from_url: escaping would not stop a javascript: src
    _check_base(room.url, carries_token=room.has_token)
    features = list(allow)
    for feature in features:
        if not _ALLOW_FEATURE.match(feature):
            raise ValueError(f"not a Permissions-Policy feature: {feature!r}")
    attrs_ = [
        ("src", room.url),
        ("width", width),
        ("height", height),
        ("frameborder", "0"),
        ("allow", ";".join(features)),
        ("title", title),
    ]
    if frame_id is not None:
        attrs_.insert(0, ("id", frame_id))
    rendered = " ".join(f'{name}="{_attr(value)}"' for name, value in attrs_)
    if allow_user_media:
        rendered += " allowusermedia"
    return f"<iframe {rendered}></iframe>"
