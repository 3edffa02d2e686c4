"""What the ``_regen_*`` helpers share: the one error they raise and the paths they work on."""

from __future__ import annotations

from pathlib import Path

__all__ = ["CODEGEN_CONFIG", "GENERATED_PACKAGE", "OVERLAY_FILE", "SPEC_FILE", "RegenError", "one_line"]

SPEC_FILE = Path("openapi") / "moodhood.yaml"
OVERLAY_FILE = Path("openapi") / "overlay.yaml"
CODEGEN_CONFIG = Path("openapi") / "codegen.yaml"
GENERATED_PACKAGE = Path("generated") / "moodhood_api"


class RegenError(Exception):
    """A failure the command line reports as one line on stderr (exit code 2)."""


def one_line(text: object, limit: int = 300) -> str:
    """Squash ``text`` onto one line of at most ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
