"""The root ``moodhood`` command; each group lives in its own module and registers itself here."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Annotated, TextIO

import typer

from moodhood.cli._errors import EXIT_USAGE, error_line, redact

__all__ = ["app", "main", "run"]

app = typer.Typer(
    name="moodhood",
    help="MoodHood from the command line: a local sandbox, the demo, and daily API work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_registered = False


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("moodhood")
        except PackageNotFoundError:  # a bare checkout
            number = "unknown"
        typer.echo(f"moodhood {number}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """MoodHood from the command line: a local sandbox, the demo, and daily API work."""


def _register_commands() -> None:
    """Import the command modules; each adds its commands to ``app``."""
    # Command modules are imported here, not at the top, so that importing one never imports the others.
    global _registered
    if _registered:
        return
    _registered = True
    from moodhood.cli import _analytics, _auth_cmds, _demo, _invites, _records, _rooms, _spaces, _webhook
    from moodhood.cli._sandbox import register as register_sandbox

    _demo.register(app)
    _auth_cmds.register(app)
    _spaces.register(app)
    _rooms.register(app)
    _invites.register(app)
    _webhook.register(app)
    _records.register(app)
    _analytics.register(app)
    from moodhood.cli import _cassettes

    _cassettes.register(app)
    register_sandbox(app)


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Show each distinct warning (a broken token file, say) once, as ``moodhood: warning: ...``.

    Python's default display adds the category, the source file and a line of code, which reads like a
    traceback; the filters (``-W``, ``PYTHONWARNINGS``) still decide what is shown.
    """
    shown: set[str] = set()

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        text = "moodhood: warning: " + " ".join(redact(str(message)).split())
        if text not in shown:
            shown.add(text)
            (file or sys.stderr).write(text + "\n")

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield


def _tolerate_unencodable_output() -> None:
    """On a console that is not UTF-8 (``PYTHONIOENCODING=ascii``, a cp1252 pipe), print '?' for '…', '·'...

    Without it the first masked token would end the command with ``UnicodeEncodeError``.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``) and return the exit code.

    Usage errors are reported like every other error: one line on stderr, never a traceback.
    """
    _tolerate_unencodable_output()
    _register_commands()
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with _warnings_as_lines():
            result = command.main(args=args, prog_name="moodhood", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        sys.stderr.write("moodhood: aborted\n")
        return 1
    except Exception as exc:  # usage errors and anything a command let through
        if type(exc).__name__ == "NoArgsIsHelpError":  # `moodhood rooms` alone: show the group's help
            sys.stdout.write(str(exc).rstrip() + "\n")
            return EXIT_USAGE
        line, code = error_line(exc)
        sys.stderr.write(line + "\n")
        return code
    except KeyboardInterrupt as exc:
        line, code = error_line(exc)
        sys.stderr.write(line + "\n")
        return code
    return result if isinstance(result, int) else 0


def run() -> None:
    """Entry point of the console script."""
    raise SystemExit(main())
