"""moodhood.embed: room links and iframe HTML, with hostile values parsed back out."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moodhood import embed
from moodhood._exceptions import InsecureTransportError
from moodhood.embed import (
    DEFAULT_ALLOW,
    FINISH_CALL_MESSAGE,
    RoomLink,
    iframe_html,
    link_from_url,
    room_link,
)

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ1c2VyIn0.canary-QWERTY"
HOSTILE = ['"><script>alert(1)</script>', "a&b=c", "it's", "Ёжик 🚀", "x y+z", "%20", "#frag", "\n\t", "/../"]


class _Frames(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.frames: list[dict[str, str | None]] = []
        self.other_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.frames.append(dict(attrs))
        else:
            self.other_tags.append(tag)


def parse_iframe(markup: str) -> dict[str, str | None]:
    parser = _Frames()
    parser.feed(markup)
    parser.close()
    assert parser.other_tags == [], markup
    assert len(parser.frames) == 1, markup
    return parser.frames[0]


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_refresh_token_link() -> None:
    link = room_link("EGBYWoMZJe", participant_name="Anna", refresh_token=TOKEN)
    assert (
        link.url == f"https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Anna&refreshToken={TOKEN}"
    )
    assert link.alias == "EGBYWoMZJe"
    assert link.has_token


def test_access_token_link() -> None:
    link = room_link("q3_5V3uwik", participant_name="Bob", access_token=TOKEN)
    assert query(link.url) == {"participantName": ["Bob"], "accessToken": [TOKEN]}
    assert "refreshToken" not in link.url


def test_plain_link_and_configurable_host() -> None:
    link = room_link("abc", base_url="https://a.teleboss.ru/")
    assert link.url == "https://a.teleboss.ru/room/abc"
    assert not link.has_token


def test_extra_params() -> None:
    link = room_link("abc", participant_name="A", access_token=TOKEN, params={"lang": "ru", "x y": "1&2"})
    assert query(link.url)["lang"] == ["ru"]
    assert query(link.url)["x y"] == ["1&2"]
    with pytest.raises(ValueError, match="accessToken"):
        room_link("abc", params={"accessToken": "t"})


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_encoded_and_round_trip(value: str) -> None:
    link = room_link(
        f"al{value}ias", participant_name=value, access_token=value + TOKEN, params={value: value}
    )
    split = urlsplit(link.url)
    assert split.netloc == "edu.livedigital.space"
    assert split.fragment == ""
    assert unquote(split.path) == f"/room/al{value}ias"
    assert split.path.count("/") == 2  # the alias stays one path segment
    assert query(link.url) == {"participantName": [value], "accessToken": [value + TOKEN], value: [value]}
    for bad in " \"<>'\n\t#":
        assert bad not in link.url
    frame = parse_iframe(iframe_html(link, title=value, frame_id=value, width=value))
    assert frame["src"] == link.url
    assert (frame["title"], frame["id"], frame["width"]) == (value, value, value)


def test_iframe_attributes() -> None:
    markup = iframe_html(
        room_link("abc", participant_name="A", refresh_token=TOKEN), width=800, height="70vh"
    )
    frame = parse_iframe(markup)
    assert frame["frameborder"] == "0"
    assert frame["width"] == "800" and frame["height"] == "70vh"
    assert "allowusermedia" in frame and frame["allowusermedia"] is None
    assert frame["allow"] == (
        "camera;microphone;fullscreen;accelerometer;autoplay;clipboard-write;encrypted-media;gyroscope;"
        "picture-in-picture;display-capture;screen-wake-lock"
    )
    assert markup.startswith("<iframe ") and markup.endswith("></iframe>")
    assert "&amp;refreshToken=" in markup  # the & of the query is escaped inside the attribute


def test_iframe_options() -> None:
    frame = parse_iframe(
        iframe_html(
            "https://edu.livedigital.space/room/abc",
            allow=["camera", "autoplay 'none'"],
            allow_user_media=False,
        )
    )
    assert frame["allow"] == "camera;autoplay 'none'"
    assert "allowusermedia" not in frame
    assert "id" not in frame


@pytest.mark.parametrize("feature", ['camera"><script>', "camera;microphone", "", "Camera", "a<b"])
def test_bad_allow_features(feature: str) -> None:
    with pytest.raises(ValueError, match="Permissions-Policy"):
        iframe_html("https://edu.livedigital.space/room/abc", allow=[feature])


def test_wrap_generate_access_url() -> None:
    url = f"https://edu.livedigital.space/room/q3_5V3uwik?participantName=Bob%20Smith&accessToken={TOKEN}"
    link = link_from_url(url)
    assert link.url == url
    assert link.alias == "q3_5V3uwik"
    frame = parse_iframe(iframe_html(url))
    assert frame["src"] == url


def test_wrap_tidies_characters_a_url_may_not_hold() -> None:
    link = link_from_url(
        'https://edu.livedigital.space/room/abc?participantName=Анна "x"<y>&accessToken=t.t.t'
    )
    assert query(link.url)["participantName"] == ['Анна "x"<y>']
    assert all(c not in link.url for c in ' "<>')


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//room/abc",
        "data:text/html,<script>",
        "ftp://edu.livedigital.space/room/abc",
        "https:///room/abc",
        "https://edu.livedigital.space/spaces/abc",
        "https://edu.livedigital.space/room/",
        "",
        "   ",
    ],
)
def test_wrap_rejects_non_room_urls(url: str) -> None:
    with pytest.raises(ValueError):
        link_from_url(url)


def test_tokens_never_travel_over_plain_http() -> None:
    with pytest.raises(InsecureTransportError):
        room_link("abc", access_token=TOKEN, base_url="http://edu.livedigital.space")
    with pytest.raises(InsecureTransportError):
        link_from_url(f"http://example.com/room/abc?accessToken={TOKEN}")
    assert room_link("abc", access_token=TOKEN, base_url="http://127.0.0.1:8000").has_token
    assert room_link("abc", refresh_token=TOKEN, base_url="http://localhost:8000").has_token
    assert room_link("abc", base_url="http://example.com").url == "http://example.com/room/abc"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"refresh_token": "a", "access_token": "b"}, "not both"),
        ({"access_token": ""}, "empty"),
        ({"base_url": "edu.livedigital.space"}, "https://"),
    ],
)
def test_bad_arguments(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        room_link("abc", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("alias", ["", ".", ".."])
def test_bad_aliases(alias: str) -> None:
    with pytest.raises(ValueError, match="alias"):
        room_link(alias)


def test_repr_and_str_mask_the_token() -> None:
    for link in (
        room_link("abc", participant_name="A", refresh_token=TOKEN),
        room_link("abc", participant_name="A", access_token=TOKEN),
        link_from_url(f"https://edu.livedigital.space/room/abc?accessToken={TOKEN}&participantName=A"),
    ):
        for text in (repr(link), str(link), f"{link}", f"{link!r}"):
            assert TOKEN not in text
            assert "canary-signature" not in text
            assert "…ERTY" in text and "participantName=A" in text
    assert repr(room_link("abc")) == "RoomLink('https://edu.livedigital.space/room/abc')"


def test_link_is_frozen() -> None:
    link = room_link("abc")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        link.url = "https://evil.example/room/x"  # type: ignore[misc]
    assert link == RoomLink("https://edu.livedigital.space/room/abc")


def test_finish_call_message_is_documented() -> None:
    assert FINISH_CALL_MESSAGE == "ld_finish_call"
    assert embed.__doc__ is not None
    from moodhood import _embed

    assert _embed.__doc__ is not None and "event.data === 'ld_finish_call'" in _embed.__doc__
    assert DEFAULT_ALLOW[-1] == "screen-wake-lock"


def test_public_surface() -> None:
    assert embed.__all__ == sorted(embed.__all__)
    for name in ("RoomLink", "iframe_html", "link_from_url", "room_link"):
        assert getattr(embed, name).__module__ == "moodhood.embed"


@settings(max_examples=200, deadline=None)
@given(
    alias=st.text(min_size=1, max_size=12).filter(lambda a: a not in (".", "..")),
    name=st.text(max_size=20),
    token=st.text(min_size=1, max_size=40),
    title=st.text(max_size=20),
)
def test_any_values_round_trip_through_html_and_url(alias: str, name: str, token: str, title: str) -> None:
    link = room_link(alias, participant_name=name, access_token=token)
    assert unquote(urlsplit(link.url).path) == f"/room/{alias}"
    assert query(link.url) == {"participantName": [name], "accessToken": [token]}
    frame = parse_iframe(iframe_html(link, title=title))
    assert frame["src"] == link.url
    assert frame["title"] == title


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)//room/abc",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/room/abc",
    ],
)
def test_iframe_refuses_a_room_link_built_by_hand_with_a_script_url(url: str) -> None:
    # a RoomLink made directly skips link_from_url's checks; html-escaping alone does not stop javascript:
    with pytest.raises(ValueError, match="https://"):
        iframe_html(RoomLink(url))


def test_iframe_refuses_a_hand_built_token_link_over_plain_http() -> None:
    with pytest.raises(InsecureTransportError):
        iframe_html(RoomLink(f"http://example.com/room/abc?accessToken={TOKEN}"))
    assert "http://127.0.0.1:8000/room/abc" in iframe_html(RoomLink("http://127.0.0.1:8000/room/abc"))


def test_room_link_base_url_falls_back_to_the_web_app_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOODHOOD_WEB_APP_URL", raising=False)
    assert room_link("abc").url == "https://edu.livedigital.space/room/abc"
    monkeypatch.setenv("MOODHOOD_WEB_APP_URL", "http://127.0.0.1:8765/")
    assert room_link("abc", refresh_token="r.t.x").url == "http://127.0.0.1:8765/room/abc?refreshToken=r.t.x"
    assert room_link("abc", base_url="https://a.teleboss.ru").url == "https://a.teleboss.ru/room/abc"
    monkeypatch.setenv("MOODHOOD_WEB_APP_URL", "http://rooms.example.com")
    with pytest.raises(InsecureTransportError):
        room_link("abc", access_token="a.b.c")


def test_room_link_origin() -> None:
    assert room_link("abc", base_url="https://a.teleboss.ru/").origin == "https://a.teleboss.ru"
    assert link_from_url("http://127.0.0.1:8765/room/abc?accessToken=x").origin == "http://127.0.0.1:8765"
