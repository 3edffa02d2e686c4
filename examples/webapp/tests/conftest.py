"""Cassette set-up for the meetings app's tests (pip install 'moodhood[testing]').

Replay (the default): ``pytest examples/webapp/tests``: offline, and no credentials needed, because the
moodhood pytest plugin sets placeholders while a cassette replays.

Record: start a MoodHood (``moodhood sandbox --port 8765``, or use your account), point the
``MOODHOOD_*`` variables at it, then ``pytest examples/webapp/tests --record-mode=rewrite``, and check
the result with ``moodhood cassettes lint examples/webapp/tests/cassettes``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # import meetings / app as the app does


@pytest.fixture(scope="module")
def vcr_config(moodhood_vcr_config: dict[str, Any]) -> dict[str, Any]:
    # Match on method, path and grant_type, not host and port: a cassette recorded against a sandbox on a
    # random port (or your account) replays against the default base URL. Ids in paths come from earlier
    # responses of the same cassette, so replay stays consistent.
    return {**moodhood_vcr_config, "match_on": ("method", "path", "grant_type")}
