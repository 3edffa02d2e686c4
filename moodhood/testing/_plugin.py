"""The pytest plugin registered through the ``pytest11`` entry point.

It imports nothing heavy at load time (no vcrpy, no PyYAML), so it is safe in every pytest run. It adds:

- the ``moodhood_vcr_config`` fixture: :func:`moodhood.testing.vcr_config` for pytest-recording; a
  ``vcr_config`` fixture in ``conftest.py`` that returns it turns it on (see ``moodhood.testing``);
- the ``grant_type`` matcher on every VCR that pytest-recording builds (``pytest_recording_configure``).
"""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["moodhood_vcr_config", "pytest_recording_configure"]


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
