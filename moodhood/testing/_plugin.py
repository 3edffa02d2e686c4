"""The pytest plugin registered through the ``pytest11`` entry point.

It imports nothing heavy at load time (no vcrpy, no PyYAML), so it is safe in every pytest run. It adds:

- the ``moodhood_vcr_config`` fixture: :func:`moodhood.testing.vcr_config` for pytest-recording; a
  ``vcr_config`` fixture in ``conftest.py`` that returns it turns it on (see ``moodhood.testing``);
- the ``grant_type`` matcher on every VCR that pytest-recording builds (``pytest_recording_configure``);
- the autouse ``moodhood_replay_credentials`` fixture: replaying a cassette needs no credentials.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

__all__ = [
    "CREDENTIAL_VARIABLES",
    "PLACEHOLDER_CREDENTIALS",
    "moodhood_replay_credentials",
    "moodhood_vcr_config",
    "placeholder_variables",
    "pytest_recording_configure",
]

CREDENTIAL_VARIABLES = (
    "MOODHOOD_TOKEN",
    "MOODHOOD_CLIENT_ID",
    "MOODHOOD_CLIENT_SECRET",
    "MOODHOOD_USERNAME",
    "MOODHOOD_PASSWORD",
)
"""The variables a client reads its credentials from; when any is set, replay uses them as they are."""

PLACEHOLDER_CREDENTIALS = {
    "MOODHOOD_TOKEN": "moodhood-replay-placeholder-token",
    "MOODHOOD_CLIENT_ID": "moodhood-replay-placeholder-client",
    "MOODHOOD_CLIENT_SECRET": "moodhood-replay-placeholder-secret",
    "MOODHOOD_USERNAME": "replay-placeholder@example.invalid",
    "MOODHOOD_PASSWORD": "moodhood-replay-placeholder-password",
}
"""Stand-ins for replay: cassettes hold scrubbed values and token requests match on ``grant_type`` only."""


@pytest.fixture(scope="session")
def moodhood_vcr_config() -> dict[str, Any]:
    """The scrubbing preset; return it from your ``vcr_config`` fixture to use it with pytest-recording.

    Session-scoped, so a ``vcr_config`` of any scope can use it; copy it before changing it.
    """
    from moodhood.testing._vcr import vcr_config

    return vcr_config()


@pytest.hookimpl(optionalhook=True)
def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """Register the ``grant_type`` matcher on pytest-recording's VCR (only called when it is installed)."""
    from moodhood.testing._vcr import register_matchers

    register_matchers(vcr)


def _mode_of(cassette: Any) -> str:
    mode = getattr(cassette, "record_mode", None)
    return str(getattr(mode, "value", mode))


def placeholder_variables(cassette: Any) -> tuple[str, ...]:
    """Which placeholders replaying ``cassette`` needs: the credentials of the mode it was recorded in.

    A password or refresh grant in it: user mode; only client credentials: client mode; no token
    request at all: a personal token.
    """
    from moodhood.testing._vcr import grant_type

    grants = {grant_type(request) for request in getattr(cassette, "requests", ())} - {None}
    if grants & {"password", "refresh_token"} or not getattr(cassette, "requests", ()):
        return CREDENTIAL_VARIABLES[1:]
    if grants:
        return ("MOODHOOD_CLIENT_ID", "MOODHOOD_CLIENT_SECRET")
    return ("MOODHOOD_TOKEN",)


@pytest.fixture(autouse=True)
def moodhood_replay_credentials(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Placeholder ``MOODHOOD_*`` credentials while a ``vcr``-marked test replays (record mode ``none``).

    Only when none of :data:`CREDENTIAL_VARIABLES` is set; otherwise, and when recording, nothing
    changes. Yields the variables it set (empty when it set none). Clients must be created inside the
    test (or a function-scoped fixture) to see them.
    """
    if request.node.get_closest_marker("vcr") is None or any(os.environ.get(n) for n in CREDENTIAL_VARIABLES):
        yield {}
        return
    try:
        cassette = request.getfixturevalue("vcr")  # pytest-recording's cassette for this test
    except pytest.FixtureLookupError:
        yield {}
        return
    if cassette is None or _mode_of(cassette) != "none":
        yield {}
        return
    values = {name: PLACEHOLDER_CREDENTIALS[name] for name in placeholder_variables(cassette)}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            patch.setenv(name, value)
        yield values
