"""Every invalid base URL is a ``ConfigurationError`` (never an ``idna`` or ``httpx`` error)."""

from __future__ import annotations

import pytest

from moodhood import ConfigurationError, Moodhood

INVALID = [
    "http://xn--localhost-/v1",  # IDNA: an A-label ending with a hyphen
    "http://xn--/v1",  # IDNA: no Punycode content
    "http://user:pw@127.0.0.1/v1",
    "http://127.0.0.1:99999/v1",
    "http://127.0.0.1:0/v1",
    "http://127.0.0.1:abc/v1",
    "http://[::1/v1",
    "http://a b/v1",
    "http://-bad-/v1",
    "http://.../v1",
    "http://ex%41mple.com/v1",
    "http://h\x00/v1",
    "ftp://example.com/v1",
    "http:///v1",
]


@pytest.mark.parametrize("url", INVALID)
def test_invalid_base_urls_are_configuration_errors(url: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url=") as caught:
        Moodhood(base_url=url, token="personal-token-0123456789")
    assert "\n" not in str(caught.value)
    assert "pw" not in str(caught.value).replace("password", "")


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8080/v1", "http://127.0.0.1:1/v1", "http://[::1]:9/v1", "https://éxample.com/v1"],
)
def test_valid_base_urls_still_work(url: str) -> None:
    with Moodhood(base_url=url, token="personal-token-0123456789") as client:
        assert client.base_url.scheme in ("http", "https")


def test_the_environment_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOODHOOD_BASE_URL", "http://xn--localhost-/v1")
    with pytest.raises(ConfigurationError, match="MOODHOOD_BASE_URL"):
        Moodhood(token="personal-token-0123456789")
