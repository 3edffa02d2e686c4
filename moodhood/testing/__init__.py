"""Testing helpers for code that uses moodhood: VCR cassettes with every secret scrubbed.

With pytest-recording (``pip install 'moodhood[testing]'``), put this in ``conftest.py``::

    import pytest

    @pytest.fixture(scope="module")
    def vcr_config(moodhood_vcr_config):
        return moodhood_vcr_config

then mark tests with ``@pytest.mark.vcr``, record once with ``pytest --record-mode=once`` and replay
with plain ``pytest`` (pytest-recording's default mode ``none`` never touches the network). The
moodhood pytest plugin is registered automatically and adds the ``grant_type`` matcher. Replay needs no
credentials: while a ``vcr``-marked test replays and no ``MOODHOOD_*`` credential is set, the plugin sets
placeholders for the mode the cassette was recorded in (``moodhood_replay_credentials``).

With plain vcrpy: ``my_vcr = make_vcr()`` then ``with my_vcr.use_cassette("x.yaml"): ...``.

Before committing cassettes, check them: ``moodhood cassettes lint tests/cassettes`` (or
:func:`lint_cassettes`) lists every JWT with a real signature and every unscrubbed secret, masked.
"""

from __future__ import annotations

from moodhood.testing._lint import Finding, lint_cassettes, lint_text
from moodhood.testing._scrub import (
    FAR_FUTURE_EXP,
    SCRUBBED_SIGNATURE,
    is_placeholder_token,
    placeholder_token,
    scrub_request,
    scrub_response,
    scrub_text,
    scrub_value,
)
from moodhood.testing._vcr import MATCH_ON, grant_type_matcher, make_vcr, register_matchers, vcr_config

__all__ = [
    "FAR_FUTURE_EXP",
    "MATCH_ON",
    "SCRUBBED_SIGNATURE",
    "Finding",
    "grant_type_matcher",
    "is_placeholder_token",
    "lint_cassettes",
    "lint_text",
    "make_vcr",
    "placeholder_token",
    "register_matchers",
    "scrub_request",
    "scrub_response",
    "scrub_text",
    "scrub_value",
    "vcr_config",
]

for _name in __all__:
    _obj = globals()[_name]
    if callable(_obj):
        _obj.__module__ = __name__
del _name, _obj
