"""``python -m moodhood`` and the ``moodhood`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the ``moodhood`` command line, or name the pip command that installs the ``cli`` extra."""
    from moodhood._extras import MissingExtraError, require

    try:
        require("cli", "typer", feature="the moodhood command")
        from moodhood.cli._app import run
    except MissingExtraError as exc:
        sys.stderr.write(f"moodhood: error: {exc}\n")
        raise SystemExit(2) from None
    run()


if __name__ == "__main__":
    main()
