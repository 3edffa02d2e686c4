"""``python -m moodhood`` and the ``moodhood`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the ``moodhood`` command line; explain how to install it when the ``cli`` extra is missing."""
    try:
        from moodhood.cli._app import run
    except ModuleNotFoundError as exc:  # typer or rich missing
        sys.stderr.write(
            f"moodhood: the command line needs the 'cli' extra ({exc.name} is missing): "
            "pip install 'moodhood[cli,sandbox]'\n"
        )
        raise SystemExit(2) from None
    run()


if __name__ == "__main__":
    main()
