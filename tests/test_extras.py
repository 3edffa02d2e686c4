"""moodhood._extras: a missing extra is one line naming the pip command."""

from __future__ import annotations

import json

import pytest

from moodhood import ConfigurationError
from moodhood._extras import MissingExtraError, install_hint, require


def test_require_returns_the_module() -> None:
    assert require("testing", "json") is json


def test_a_missing_module_names_the_extra_and_the_pip_command() -> None:
    with pytest.raises(MissingExtraError) as info:
        require("sandbox", "moodhood_no_such_module_xyz")
    message = str(info.value)
    assert "'sandbox' extra" in message
    assert message.endswith("pip install 'moodhood[sandbox]'")
    assert "\n" not in message
    assert isinstance(info.value, ConfigurationError)
    assert isinstance(info.value, ImportError)
    assert info.value.extra == "sandbox"


def test_an_import_error_inside_an_installed_module_is_not_hidden(tmp_path, monkeypatch) -> None:
    (tmp_path / "moodhood_broken_pkg.py").write_text("import moodhood_missing_inner_dep\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError) as info:
        require("sandbox", "moodhood_broken_pkg")
    assert not isinstance(info.value, MissingExtraError)
    assert info.value.name == "moodhood_missing_inner_dep"


def test_install_hint() -> None:
    assert install_hint("cli") == "pip install 'moodhood[cli]'"
