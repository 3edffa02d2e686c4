"""``moodhood records list|download``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from moodhood.cli._common import RoomIdArg, Session, SpaceIdArg, command, given
from moodhood.cli._outfiles import ForceOpt, exists_error, is_stdout, public_file

__all__ = ["register"]

RECORD_COLUMNS = ("id", "name", "state", "fileSize:bytes", "startedAt:started", "finishedAt:finished")

records = typer.Typer(name="records", help="Room recordings: list them, download them.", no_args_is_help=True)

_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]
_From = Annotated[
    datetime.datetime | None,
    typer.Option("--from", formats=_FORMATS, show_default=False, help="Only records from this date (time)."),
]
_To = Annotated[
    datetime.datetime | None,
    typer.Option("--to", formats=_FORMATS, show_default=False, help="Only records up to this date (time)."),
]


@command(records, "list")
def list_(
    session: Session,
    space_id: SpaceIdArg,
    room_id: RoomIdArg,
    date_from: _From = None,
    date_to: _To = None,
) -> None:
    """List a room's recordings (admins only), optionally between two dates."""
    result = session.client.records.list(space_id, room_id, **given(date_from=date_from, date_to=date_to))
    session.out.data(result.items, columns=RECORD_COLUMNS)


@command(records, "download")
def download(
    session: Session,
    space_id: SpaceIdArg,
    room_id: RoomIdArg,
    record_id: Annotated[str, typer.Argument(help="The record id from 'records list'.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Where to save the file ('-': stdout; default: the file's name, here).",
            show_default=False,
        ),
    ] = None,
    url_only: Annotated[
        bool, typer.Option("--url-only", help="Only print the download link (valid for 24 hours).")
    ] = False,
    force: ForceOpt = False,
) -> None:
    """Download a recording (a progress bar on a terminal), or print its link with --url-only."""
    from moodhood.cli._download import fetch, file_name

    if out is not None and not force and not is_stdout(out) and out.expanduser().exists():
        raise exists_error(out)  # before asking for a link
    url = session.client.records.download_url(space_id, room_id, record_id).strip().strip('"')
    if url_only:
        session.out.data({"recordId": record_id, "url": url})
        return
    target = out if out is not None else Path(file_name(url, f"{record_id}.mp4"))
    with public_file(target, force=force) as handle:
        size = fetch(url, handle, allow_insecure_http=session.settings.allow_insecure_http)
    if is_stdout(target):
        return
    if session.out.json:
        session.out.data({"recordId": record_id, "savedTo": str(target), "bytes": size})
    else:
        session.out.note(f"saved {size} bytes to {target}")


def register(app: typer.Typer) -> None:
    """Add the ``records`` group to ``app``."""
    app.add_typer(records)
