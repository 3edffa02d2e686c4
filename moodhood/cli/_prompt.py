"""Asking the person at the terminal: whether there is one, a value, a hidden value, a yes/no.

Prompts go to stderr, so stdout stays clean for ``--json`` and pipes. Tests replace ``interactive`` and
the ``ask*`` functions.
"""

from __future__ import annotations

import sys

__all__ = ["ask", "ask_secret", "confirm", "interactive", "note"]


def interactive() -> bool:
    """Whether a person can answer: stdin and stderr are both terminals."""
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


def ask(label: str, default: str | None = None) -> str:
    """A line typed by the person (``default`` when they just press Enter)."""
    import typer

    value: str = typer.prompt(label, default=default, err=True, show_default=default is not None)
    return value.strip()


def ask_secret(label: str) -> str:
    """A value typed without echo (a secret or a password)."""
    import typer

    value: str = typer.prompt(label, hide_input=True, err=True)
    return value


def confirm(question: str) -> bool:
    """Yes or no, ``no`` by default."""
    import typer

    return bool(typer.confirm(question, default=False, err=True))


def note(message: str) -> None:
    """A line for the person at the terminal, on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
