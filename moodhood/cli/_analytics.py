"""``moodhood analytics calls|report``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

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
    from moodhood_api.api.space_analytics import analytics_calls

    day = date or _today()
    result = session.call(analytics_calls.sync_detailed, space_id, room_id=room, date=day)
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
    from moodhood_api.api.space_analytics import get_room_analytics_report
    from moodhood_api.models import AnalyticsReportFormat

    if xlsx is not None:
        # The generated function parses JSON only; the SDK's own httpx client (auth, retries, typed
        # errors) fetches the file.
        with public_file(xlsx, force=force) as handle:
            http = session.client.client.get_httpx_client()
            response = http.get(
                f"/spaces/{quote(space_id, safe='')}/analytics/report",
                params={"roomId": room, "callId": call, "format": AnalyticsReportFormat.XLSX.value},
            )
            handle.write(response.content)
        if not is_stdout(xlsx):
            session.out.data({"callId": call, "savedTo": str(xlsx), "bytes": len(response.content)})
        return
    result = session.call(
        get_room_analytics_report.sync_detailed,
        space_id,
        room_id=room,
        call_id=call,
        format_=AnalyticsReportFormat.JSON,
    )
    session.out.data(result)


def register(app: typer.Typer) -> None:
    """Add the ``analytics`` group to ``app``."""
    app.add_typer(analytics)
