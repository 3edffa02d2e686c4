"""The sandbox's third-party modules, checked up front so a missing extra is one clear line."""

from __future__ import annotations

from moodhood._extras import require

__all__ = ["SANDBOX_MODULES", "require_sandbox"]

SANDBOX_MODULES = ("starlette", "uvicorn", "jwt", "yaml")
"""Import names of the ``sandbox`` extra's packages that the server and app load."""


def require_sandbox(feature: str = "the sandbox") -> None:
    """Raise ``MissingExtraError`` (``pip install 'moodhood[sandbox]'``) unless every module imports."""
    for module in SANDBOX_MODULES:
        require("sandbox", module, feature=feature)
