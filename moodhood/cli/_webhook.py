"""``moodhood webhook create|get|update|delete|refresh-secret|verify``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from moodhood.cli._common import (
    JsonOpt,
    Session,
    SpaceIdArg,
    YesOpt,
    command,
    confirm_destructive,
    given,
    global_options,
)
from moodhood.cli._errors import EXIT_USAGE, CommandError, handle_errors
from moodhood.cli._outfiles import ForceOpt, ShowSecretOpt, write_secret
from moodhood.cli._output import Output

__all__ = ["register"]

webhook = typer.Typer(
    name="webhook",
    help="The space's webhook: manage it, and verify a delivered payload.",
    no_args_is_help=True,
)

_SecretFile = Annotated[
    Path | None,
    typer.Option(
        "--secret-file",
        help="Write the new secret to this file (mode 0600; never '-').",
        show_default=False,
    ),
]


def _show_with_secret(
    session: Session, result: object, secret_file: Path | None, *, force: bool, show_secret: bool
) -> None:
    secret = getattr(result, "secret", None)
    if secret_file is not None and secret:
        write_secret(secret_file, secret + "\n", force=force, what="the webhook secret")
    if show_secret and secret:
        import json

        from moodhood.cli._output import plain

        data = plain(result) | {"secret": secret}
        if session.out.json:
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        else:
            session.out.data({k: v for k, v in data.items() if k != "secret"})
            sys.stdout.write(f"secret  {secret}\n")
    else:
        session.out.data(result)
    if secret_file is not None:
        session.out.note(f"secret written to {secret_file}")
    elif secret and not show_secret:
        session.out.note("the secret is shown masked; pass --secret-file PATH to keep it")


def _check_destination(secret_file: Path | None, show_secret: bool, force: bool) -> None:
    """Before asking for a new secret: make sure it has somewhere to go, so it is never lost."""
    if secret_file is None and not show_secret:
        raise CommandError(
            "refusing to rotate the secret with nowhere to put it: pass --secret-file PATH (mode 0600) "
            "or --show-secret to print it once",
            exit_code=EXIT_USAGE,
        )
    if secret_file is not None:
        from moodhood.cli._outfiles import exists_error, is_stdout

        if is_stdout(secret_file):
            raise CommandError(
                "the webhook secret is never written to stdout: give a file, or --show-secret",
                exit_code=EXIT_USAGE,
            )
        if not force and secret_file.expanduser().exists():
            raise exists_error(secret_file)


@command(webhook, "create")
def create(
    session: Session,
    space_id: SpaceIdArg,
    url: Annotated[str, typer.Argument(help="Where MoodHood should POST events.")],
    secret_file: _SecretFile = None,
    show_secret: ShowSecretOpt = False,
    force: ForceOpt = False,
) -> None:
    """Set the space's webhook URL (space owner only; paid plans)."""
    if secret_file is not None:
        _check_destination(secret_file, show_secret, force)
    result = session.client.webhooks.create(space_id, url=url)
    _show_with_secret(session, result, secret_file, force=force, show_secret=show_secret)


@command(webhook, "get")
def get(session: Session, space_id: SpaceIdArg) -> None:
    """Show the space's webhook (URL and whether it is active)."""
    session.out.data(session.client.webhooks.get(space_id))


@command(webhook, "update")
def update(
    session: Session,
    space_id: SpaceIdArg,
    url: Annotated[str | None, typer.Option(help="A new URL.", show_default=False)] = None,
    active: Annotated[
        bool | None,
        typer.Option("--active/--inactive", help="Turn deliveries on or off.", show_default=False),
    ] = None,
) -> None:
    """Change the webhook's URL or switch it on or off."""
    fields = given(url=url, is_active=active)
    if not fields:
        raise typer.BadParameter("give --url, --active or --inactive")
    session.out.data(session.client.webhooks.update(space_id, **fields))


@command(webhook, "delete")
def delete(session: Session, space_id: SpaceIdArg, yes: YesOpt = False) -> None:
    """Remove the space's webhook (asks first; --yes when not on a terminal)."""
    confirm_destructive(f"delete the webhook of space {space_id}", yes)
    session.client.webhooks.delete(space_id)
    session.out.data({"spaceId": space_id, "deleted": True})


@command(webhook, "refresh-secret")
def refresh_secret(
    session: Session,
    space_id: SpaceIdArg,
    secret_file: _SecretFile = None,
    show_secret: ShowSecretOpt = False,
    force: ForceOpt = False,
    yes: YesOpt = False,
) -> None:
    """Issue a new signing secret; the old one stops working (needs --secret-file or --show-secret)."""
    _check_destination(secret_file, show_secret, force)
    confirm_destructive(f"rotate the webhook secret of space {space_id} (the old one stops working)", yes)
    result = session.client.webhooks.refresh_secret(space_id)
    _show_with_secret(session, result, secret_file, force=force, show_secret=show_secret)


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data: bytes = stream.read()
        return data
    return sys.stdin.read().encode("utf-8")


@webhook.command("verify")
def verify(
    ctx: typer.Context,
    secret: Annotated[
        str | None,
        typer.Option(
            envvar="MOODHOOD_WEBHOOK_SECRET",
            show_envvar=True,
            help="The webhook secret (prefer the variable).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """Verify a delivered payload read from stdin; prints the event, exits 1 when the signature is wrong."""
    json_output = json_output or global_options(ctx).json_output
    with handle_errors([secret]):
        from moodhood._exceptions import ConfigurationError
        from moodhood.webhooks import verify as verify_payload

        if not secret:
            raise ConfigurationError(
                "the webhook secret is missing: pass --secret or set MOODHOOD_WEBHOOK_SECRET"
            )
        is_terminal = getattr(sys.stdin, "isatty", None)
        raw = b"" if is_terminal is not None and is_terminal() else _read_stdin()  # nobody types JSON
        if not raw.strip():
            raise ConfigurationError("no payload on stdin: pipe the delivered request body in")
        event = verify_payload(raw, secret)
        Output(json=json_output).data(
            {
                "verified": True,
                "eventName": str(event.event_name),
                "spaceId": event.space_id,
                "roomId": event.room_id,
                "recordId": event.record_id,
                **dict(event.extra),
            }
        )


def register(app: typer.Typer) -> None:
    """Add the ``webhook`` group to ``app``."""
    app.add_typer(webhook)
