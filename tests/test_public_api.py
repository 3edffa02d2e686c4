"""The public surface of ``moodhood``: deliberate, sorted, complete, and shown as ``moodhood.X``."""

from __future__ import annotations

import subprocess
import sys

import moodhood
from moodhood import _exceptions


def _isort_key(name: str) -> tuple[int, str]:
    """Constants first, then classes, then functions: the order ruff's RUF022 keeps too."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_unique() -> None:
    assert list(moodhood.__all__) == sorted(set(moodhood.__all__), key=_isort_key)


def test_every_name_in_all_exists() -> None:
    missing = [name for name in moodhood.__all__ if not hasattr(moodhood, name)]
    assert missing == []


def test_every_exception_is_exported() -> None:
    assert set(_exceptions.__all__) <= set(moodhood.__all__)


def test_public_classes_report_the_public_module() -> None:
    for name in moodhood.__all__:
        obj = getattr(moodhood, name)
        if isinstance(obj, type):
            assert obj.__module__ == "moodhood", name


def test_no_private_helper_leaks_into_the_namespace() -> None:
    public = {name for name in vars(moodhood) if not name.startswith("_")}
    # Submodules imported as a side effect of the imports above are attributes too; they are not API.
    modules = {name for name in public if type(getattr(moodhood, name)).__name__ == "module"}
    assert public - modules - {"annotations"} == set(moodhood.__all__)


def test_import_leaves_optional_parts_unloaded() -> None:
    # rich is left out: httpx itself imports it (for its own CLI) whenever it is installed.
    code = (
        "import sys, moodhood; "
        "print(sorted(m for m in ('moodhood.sandbox', 'moodhood.cli', 'moodhood.testing', 'typer', "
        "'starlette', 'uvicorn', 'vcr', 'yaml', 'jwt') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
