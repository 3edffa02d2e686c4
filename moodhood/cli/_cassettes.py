"""``moodhood cassettes lint PATH...``: find secrets that escaped scrubbing in recorded cassettes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from moodhood.cli._errors import EXIT_FAILURE, EXIT_USAGE

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``cassettes`` group (``lint``) to the root command."""
    cassettes = typer.Typer(
        name="cassettes",
        help="Recorded VCR cassettes: check them for leaked secrets.",
        no_args_is_help=True,
    )

    @cassettes.command("lint")
    def lint(
        ctx: typer.Context,
        paths: Annotated[
            list[Path],
            typer.Argument(
                help="Cassette files, or directories searched for .yaml/.yml/.json.", show_default=False
            ),
        ],
        as_json: Annotated[
            bool,
            typer.Option("--json", help="Print the findings as a JSON list (file, line, what, excerpt)."),
        ] = False,
    ) -> None:
        """Report unscrubbed tokens, secrets and credentials as FILE:LINE: finding (exit 1 if any)."""
        from moodhood.cli._common import global_options
        from moodhood.testing import lint_cassettes

        as_json = as_json or global_options(ctx).json_output
        try:
            findings = lint_cassettes(paths)
        except FileNotFoundError as exc:
            sys.stderr.write(f"moodhood cassettes lint: error: no such file or directory: {exc.filename}\n")
            raise typer.Exit(EXIT_USAGE) from None
        if as_json:  # excerpts are masked already
            rows = [{"file": f.file, "line": f.line, "what": f.what, "excerpt": f.excerpt} for f in findings]
            sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        else:
            for finding in findings:
                sys.stdout.write(f"{finding}\n")
        if findings:
            files = len({f.file for f in findings})
            sys.stderr.write(f"{len(findings)} finding(s) in {files} cassette(s)\n")
            raise typer.Exit(EXIT_FAILURE)
        sys.stderr.write("no findings\n")

    app.add_typer(cassettes)
