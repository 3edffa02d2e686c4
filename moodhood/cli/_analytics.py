"""``moodhood analytics calls|report``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from moodhood.cli._common import Session, SpaceIdArg, command
from moodhood.cli._outfiles import ForceOpt, is_stdout, public_file

__all__ = ["register"]

CALL_COLUMNS = (
    "id",
    "active",
    "roomType:type",
    "uniqueParticipantsCount:people",
    "startedAt:started",
    "finishedAt:finished",
)

analytics = typer.Typer(
    name="analytics", help="Call analytics: the calls of a day, a call's report.", no_args_is_help=True
)

_Room = Annotated[str, typer.Option("--room", help="The room id.", show_default=False)]


def _today() -> str:
    return datetime.datetime.now(datetime.UTC).date().isoformat()


@command(analytics, "calls")
def calls(
    session: Session,
    space_id: SpaceIdArg,
    room: _Room,
    date: Annotated[
        str | None, typer.Option(help="The day (YYYY-MM-DD or an ISO date-time) (default: today, UTC).")
    ] = None,
) -> None:
    """List a room's finished calls of one day."""
    day = date or _today()
    result = session.client.analytics.calls(space_id, room_id=room, date=day)
    session.out.data(result.items, columns=CALL_COLUMNS)


@command(analytics, "report")
def report(
    session: Session,
    space_id: SpaceIdArg,
    room: _Room,
    call: Annotated[
        str, typer.Option("--call", help="The call id from 'analytics calls'.", show_default=False)
    ],
    xlsx: Annotated[
        Path | None,
        typer.Option(
            "--xlsx",
            help="Save the XLSX report to this file ('-': stdout) instead of showing JSON.",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Show a finished call's analytics report (JSON), or save it as an XLSX file."""
    reports = session.client.analytics
    if xlsx is not None:
        with public_file(xlsx, force=force) as handle:
            content = reports.report(space_id, room_id=room, call_id=call, format="xlsx")
            handle.write(content)
        if not is_stdout(xlsx):
            session.out.data({"callId": call, "savedTo": str(xlsx), "bytes": len(content)})
        return
    result = reports.report(space_id, room_id=room, call_id=call, format="json")
    session.out.data(result)


def register(app: typer.Typer) -> None:
    """Add the ``analytics`` group to ``app``."""
    app.add_typer(analytics)
