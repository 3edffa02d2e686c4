"""Library entry points that need an extra fail with one line naming ``pip install 'moodhood[...]'``.

The extra's module is hidden by a ``None`` entry in ``sys.modules`` (what an uninstalled package looks like
to ``import``), so these run with every extra installed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from moodhood._extras import MissingExtraError


def _start_sandbox() -> object:
    from moodhood.sandbox import SandboxServer

    return SandboxServer().start()


def _create_app() -> object:
    from moodhood.sandbox import create_app

    return create_app()


def _make_vcr() -> object:
    from moodhood.testing import make_vcr

    return make_vcr()


@pytest.mark.parametrize(
    ("entry", "hidden", "extra"),
    [
        (_start_sandbox, "uvicorn", "sandbox"),
        (_start_sandbox, "starlette", "sandbox"),
        (_create_app, "starlette", "sandbox"),
        (_create_app, "jwt", "sandbox"),
        (_make_vcr, "vcr", "testing"),
    ],
)
def test_a_missing_extra_is_one_line_with_the_pip_command(
    entry: Callable[[], object], hidden: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, hidden, None)
    with pytest.raises(MissingExtraError) as info:
        entry()
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith(f"pip install 'moodhood[{extra}]'")
    assert f"({hidden} is not installed)" in message
    assert isinstance(info.value, ImportError)  # `except ImportError` guards keep working
