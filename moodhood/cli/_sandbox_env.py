"""``moodhood sandbox``'s credentials as ``export MOODHOOD_...=`` lines, and ``--env-file`` (mode 0600).

The demo defaults are public and printed in full, so one copy-paste prepares ``moodhood login`` or the
Quickstart. A value the user typed (``--client-secret``, ``--user``) is theirs: it is never printed, only
written to the ``--env-file``.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from moodhood._credentials import ENV_VARS

__all__ = ["Variable", "env_file_text", "export_lines", "variables", "write_env_file"]


@dataclass(frozen=True, repr=False)
class Variable:
    """One ``MOODHOOD_*`` variable; ``typed``: the user gave the value (print it nowhere but the file)."""

    name: str
    value: str
    typed: bool = False


def variables(
    base_url: str,
    client_id: str,
    client_secret: str,
    user: tuple[str, str],
    *,
    typed_secret: bool,
    typed_user: bool,
) -> list[Variable]:
    """The variables for the sandbox's client and first user (a personal token comes separately)."""
    return [
        Variable("MOODHOOD_BASE_URL", base_url),
        Variable(ENV_VARS["client_id"], client_id),
        Variable(ENV_VARS["client_secret"], client_secret, typed_secret),
        Variable(ENV_VARS["username"], user[0]),
        Variable(ENV_VARS["password"], user[1], typed_user),
    ]


def export_lines(variables: list[Variable], personal_token: Variable | None = None) -> list[str]:
    """Shell lines for stdout; typed values are left out with a note (they are in ``--env-file``)."""
    lines = []
    for var in variables:
        if var.typed:
            lines.append(f"# {var.name}: the value you gave (not printed; --env-file writes it)")
        else:
            lines.append(f"export {var.name}={shlex.quote(var.value)}")
    if personal_token is not None and not personal_token.typed:
        value = shlex.quote(personal_token.value)
        lines.append(f"# or, instead of the client and user: export {personal_token.name}={value}")
    return lines


def env_file_text(variables: list[Variable], personal_token: Variable | None = None) -> str:
    """The whole ``--env-file``: every value, typed ones included (``source`` it in a shell)."""
    lines = ["# MoodHood sandbox credentials (moodhood sandbox --env-file)"]
    lines += [f"export {var.name}={shlex.quote(var.value)}" for var in variables]
    if personal_token is not None:
        lines.append(f"# export {personal_token.name}={shlex.quote(personal_token.value)}")
    return "\n".join(lines) + "\n"


def write_env_file(path: Path, text: str, *, force: bool) -> None:
    """Write the env file with mode 0600; never over an existing file without ``force``."""
    from moodhood.cli._outfiles import write_secret

    write_secret(path, text, force=force, what="the sandbox credentials")
