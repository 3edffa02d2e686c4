"""Optional extras: one failure mode for a feature whose extra is not installed.

    from moodhood._extras import require

    uvicorn = require("sandbox", "uvicorn")   # the module, or MissingExtraError naming the pip command

Every place that imports an optional dependency (the sandbox, the CLI, the testing kit, the docs) goes
through ``require``, so a missing extra is always one line: ``the sandbox needs the 'sandbox' extra: pip
install 'moodhood[sandbox]'``, never a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ._exceptions import ConfigurationError

__all__ = ["EXTRAS", "MissingExtraError", "install_hint", "require"]

EXTRAS: dict[str, str] = {
    "sandbox": "the local sandbox server",
    "cli": "the moodhood command",
    "testing": "the VCR testing kit",
    "keyring": "storing the client secret in the system keyring",
    "docs": "building the reference site",
}
"""Each optional extra of the ``moodhood`` distribution and what it enables."""


def install_hint(extra: str) -> str:
    """The exact command that installs ``extra``: ``pip install 'moodhood[extra]'``."""
    return f"pip install 'moodhood[{extra}]'"


class MissingExtraError(ConfigurationError, ImportError):
    """A feature needs an optional extra that is not installed; the message is the pip command to run.

    Also an ``ImportError``, so code that guards an optional import with ``except ImportError`` keeps working.
    """

    def __init__(self, extra: str, module: str, feature: str | None = None) -> None:
        self.extra = extra
        self.module_name = module
        what = feature or EXTRAS.get(extra, f"this feature ({extra})")
        super().__init__(
            f"{what} needs the '{extra}' extra ({module} is not installed): {install_hint(extra)}"
        )


def require(extra: str, module: str, *, feature: str | None = None) -> ModuleType:
    """Import ``module`` (part of ``extra``), or raise ``MissingExtraError`` naming the pip command.

    Only a missing ``module`` itself (or its top-level package) becomes ``MissingExtraError``; an import
    error raised inside an installed module is a real bug and propagates unchanged.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = module.split(".", 1)[0]
        if exc.name is not None and exc.name.split(".", 1)[0] == top:
            raise MissingExtraError(extra, module, feature) from None
        raise
