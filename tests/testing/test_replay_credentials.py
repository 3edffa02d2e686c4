"""The plugin's placeholder credentials for replay (``moodhood_replay_credentials``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from moodhood import ConfigurationError, Moodhood
from moodhood.testing._plugin import CREDENTIAL_VARIABLES, PLACEHOLDER_CREDENTIALS, placeholder_variables


def _cassette(*grants: str | None) -> Any:
    requests = [
        SimpleNamespace(body=json.dumps({"grant_type": g}).encode() if g else b'{"name": "x"}')
        for g in grants
    ]
    return SimpleNamespace(requests=requests, record_mode="none")


@pytest.mark.parametrize(
    ("grants", "expected"),
    [
        (("client_credentials", "password", None), CREDENTIAL_VARIABLES[1:]),
        (("refresh_token", None), CREDENTIAL_VARIABLES[1:]),
        (("client_credentials", None), ("MOODHOOD_CLIENT_ID", "MOODHOOD_CLIENT_SECRET")),
        ((None, None), ("MOODHOOD_TOKEN",)),
        ((), CREDENTIAL_VARIABLES[1:]),
    ],
)
def test_placeholders_follow_the_mode_the_cassette_was_recorded_in(
    grants: tuple[str | None, ...], expected: tuple[str, ...]
) -> None:
    assert placeholder_variables(_cassette(*grants)) == expected


def _environment(**values: str) -> Iterator[None]:
    # class-scoped, so it runs before the plugin's function-scoped autouse fixture looks at the environment
    with pytest.MonkeyPatch.context() as patch:
        for name in CREDENTIAL_VARIABLES:
            patch.delenv(name, raising=False)
        for name, value in values.items():
            patch.setenv(name, value)
        yield


@pytest.fixture(scope="class")
def no_credentials() -> Iterator[None]:
    yield from _environment()


@pytest.fixture(scope="class")
def own_token() -> Iterator[None]:
    yield from _environment(MOODHOOD_TOKEN="my-own-token")


@pytest.mark.usefixtures("no_credentials")
class TestWithoutCredentials:
    @pytest.mark.vcr
    def test_a_replaying_test_gets_placeholders(self, moodhood_replay_credentials: dict[str, str]) -> None:
        # this test has no cassette file: an empty cassette in mode none, so user-mode placeholders
        assert set(moodhood_replay_credentials) == set(CREDENTIAL_VARIABLES[1:])
        for name, value in moodhood_replay_credentials.items():
            assert os.environ[name] == value == PLACEHOLDER_CREDENTIALS[name]
        Moodhood().close()  # no ConfigurationError for missing credentials

    def test_an_unmarked_test_gets_nothing(self, moodhood_replay_credentials: dict[str, str]) -> None:
        assert moodhood_replay_credentials == {}
        with pytest.raises(ConfigurationError, match="MOODHOOD_"):
            Moodhood()


@pytest.mark.usefixtures("own_token")
class TestWithOwnToken:
    @pytest.mark.vcr
    def test_configured_credentials_are_left_alone(self, moodhood_replay_credentials: dict[str, str]) -> None:
        assert moodhood_replay_credentials == {}
        assert os.environ["MOODHOOD_TOKEN"] == "my-own-token"
        assert "MOODHOOD_CLIENT_ID" not in os.environ
