"""The root ``moodhood`` command; each group lives in its own module and registers itself here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="moodhood",
    help="MoodHood from the command line: a local sandbox, the demo, and daily API work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    """Import the command modules; each adds its commands to ``app``."""
    # Command modules are imported here, not at the top, so that importing one never imports the others.


def run() -> None:
    """Entry point of the console script."""
    _register_commands()
    app()
