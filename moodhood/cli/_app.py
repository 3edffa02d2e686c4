"""The root ``moodhood`` command: global options, and the command modules loaded only when used.

Start-up matters (``moodhood --help`` and ``moodhood token`` are run constantly): the root lists its
commands from ``_catalog`` without importing them; rich, the generated models and the SDK client load only
in the commands that use them. Help is plain click text (typer's rich help is left off: it costs more than
the whole rest of start-up).
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Annotated, Any, TextIO

import typer
import typer.core

from moodhood.cli._catalog import CATALOG
from moodhood.cli._common import GlobalOptions
from moodhood.cli._errors import EXIT_USAGE, error_line, redact

__all__ = ["app", "main", "run"]


class _LazyGroup(typer.core.TyperGroup):
    """A group whose commands are imported from their module (``_catalog``) on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.commands, *(name for name in CATALOG if name not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            # A known name loads its module; an unknown one loads them all, for "Did you mean ...?"
            for module in (
                {CATALOG[cmd_name].module} if cmd_name in CATALOG else {e.module for e in CATALOG.values()}
            ):
                self._load(module)
        return self.commands.get(cmd_name)

    def _load(self, module_name: str) -> None:
        holder = typer.Typer(add_completion=False)
        importlib.import_module(module_name).register(holder)
        for name, command in typer.main.get_group(holder).commands.items():
            self.commands.setdefault(name, command)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = [(name, entry.help) for name, entry in CATALOG.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="moodhood",
    cls=_LazyGroup,
    help="MoodHood from the command line: a local sandbox, the demo, and daily API work.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("moodhood")
        except PackageNotFoundError:  # a bare checkout
            number = "unknown"
        typer.echo(f"moodhood {number}")
        raise typer.Exit()


_GLOBAL = "Global options (also accepted after the command)"


@app.callback()
def _root(
    ctx: typer.Context,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts.", rich_help_panel=_GLOBAL)
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Log each HTTP request to stderr.", rich_help_panel=_GLOBAL),
    ] = False,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="The profile to use (default: MOODHOOD_PROFILE, else 'default').",
            show_default=False,
            rich_help_panel=_GLOBAL,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="API base URL.", show_default=False, rich_help_panel=_GLOBAL),
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """MoodHood from the command line: a local sandbox, the demo, and daily API work."""
    ctx.obj = GlobalOptions(json_output=json_output, verbose=verbose, profile=profile, base_url=base_url)


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
    # Help is plain click text everywhere: typer's rich help would load rich's markdown renderer and make
    # `moodhood --help` on a terminal 1.5x as slow as `import httpx` (docs/cli.md, "Fast start").
    typer.core.HAS_RICH = False
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with _warnings_as_lines():
            result: Any = command.main(args=args, prog_name="moodhood", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:  # typer's --show-completion / --install-completion end with sys.exit
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
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
