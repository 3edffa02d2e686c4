"""``moodhood rooms list|get|create|update|delete|link|embed``."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Any

import typer

from moodhood.cli._common import RoomIdArg, Session, SpaceIdArg, YesOpt, command, confirm_destructive, given
from moodhood.cli._outfiles import ForceOpt, ShowSecretOpt, write_secret

__all__ = ["register"]

ROOM_COLUMNS = ("id", "alias", "name", "type", "isPublic:public")
ROOM_DETAIL = (
    "id",
    "alias",
    "name",
    "type",
    "spaceId",
    "channelId",
    "appId",
    "isPublic",
    "isChatAllowed",
    "isScreensharingAllowed",
    "isRecordAllowed",
    "redirectUrl",
    "roleInRoom",
    "createdAt",
    "lastCallAt",
)

rooms = typer.Typer(
    name="rooms",
    help="Rooms: list, get, create, update, delete; guest links and iframes.",
    no_args_is_help=True,
)


class RoomKind(enum.StrEnum):
    """``lesson``: everyone may publish; ``webinar``: only moderators broadcast."""

    lesson = "lesson"
    webinar = "webinar"


class AccessRole(enum.StrEnum):
    """The role of a generate-access link."""

    user = "user"
    moderator = "moderator"


def _flag(name: str, what: str) -> Any:
    return typer.Option(f"--{name}/--no-{name}", help=f"Allow {what}.", show_default=False)


_Type = Annotated[RoomKind | None, typer.Option("--type", help="lesson or webinar.", show_default=False)]
_Public = Annotated[
    bool | None, typer.Option("--public/--private", help="Open to everyone.", show_default=False)
]
_Chat = Annotated[bool | None, _flag("chat", "the chat")]
_Screens = Annotated[bool | None, _flag("screensharing", "screen sharing")]
_Record = Annotated[bool | None, _flag("record", "recording")]
_Redirect = Annotated[
    str | None, typer.Option(help="Where people go when the call ends.", show_default=False)
]


def _room_fields(
    kind: RoomKind | None,
    public: bool | None,
    chat: bool | None,
    screensharing: bool | None,
    record: bool | None,
    redirect_url: str | None,
) -> dict[str, Any]:
    return given(
        type=kind.value if kind else None,
        is_public=public,
        is_chat_allowed=chat,
        is_screensharing_allowed=screensharing,
        is_record_allowed=record,
        redirect_url=redirect_url,
    )


@command(rooms, "list")
def list_(session: Session, space_id: SpaceIdArg) -> None:
    """List a space's rooms."""
    session.out.data(session.client.rooms.list(space_id).items, columns=ROOM_COLUMNS)


@command(rooms, "get")
def get(session: Session, space_id: SpaceIdArg, room_id: RoomIdArg) -> None:
    """Show one room."""
    room = session.client.rooms.get(space_id, room_id)
    session.out.data(room, columns=None if session.out.json else ROOM_DETAIL)


@command(rooms, "create")
def create(
    session: Session,
    space_id: SpaceIdArg,
    name: Annotated[str, typer.Argument(help="The room's name.")],
    kind: _Type = None,
    public: _Public = None,
    chat: _Chat = None,
    screensharing: _Screens = None,
    record: _Record = None,
    redirect_url: _Redirect = None,
) -> None:
    """Create a room in a space."""
    fields = _room_fields(kind, public, chat, screensharing, record, redirect_url)
    room = session.client.rooms.create(space_id, name=name, **fields)
    session.out.data(room, columns=None if session.out.json else ROOM_DETAIL)


@command(rooms, "update")
def update(
    session: Session,
    space_id: SpaceIdArg,
    room_id: RoomIdArg,
    name: Annotated[str | None, typer.Option(help="A new name.", show_default=False)] = None,
    kind: _Type = None,
    public: _Public = None,
    chat: _Chat = None,
    screensharing: _Screens = None,
    record: _Record = None,
    redirect_url: _Redirect = None,
) -> None:
    """Change a room's settings (only the options given); shows the room afterwards."""
    fields = _room_fields(kind, public, chat, screensharing, record, redirect_url) | given(name=name)
    if not fields:
        raise typer.BadParameter("give at least one setting to change (see --help)")
    session.client.rooms.update(space_id, room_id, **fields)
    room = session.client.rooms.get(space_id, room_id)
    session.out.data(room, columns=None if session.out.json else ROOM_DETAIL)


@command(rooms, "delete")
def delete(session: Session, space_id: SpaceIdArg, room_id: RoomIdArg, yes: YesOpt = False) -> None:
    """Delete a room (asks first; --yes when not on a terminal)."""
    confirm_destructive(f"delete room {room_id} of space {space_id}", yes)
    session.client.rooms.delete(space_id, room_id)
    session.out.data({"id": room_id, "deleted": True})


_Username = Annotated[str, typer.Option("--name", help="The participant's display name.")]
_Role = Annotated[AccessRole, typer.Option(help="user (guest) or moderator.")]
_Ttl = Annotated[
    int | None, typer.Option(help="Link lifetime in seconds (API default 86400).", show_default=False)
]
_Permanent = Annotated[
    bool, typer.Option("--permanent", help="Reusable for the whole ttl (else single-use).")
]
_ExtUser = Annotated[
    str | None, typer.Option(help="Your system's user id (for analytics).", show_default=False)
]
_ExtMeeting = Annotated[str | None, typer.Option(help="Your system's meeting id.", show_default=False)]
_Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write the full result (it holds a token) to this file, mode 0600 (never '-').",
        show_default=False,
    ),
]


def generate_link(
    session: Session,
    space_id: str,
    room_id: str,
    *,
    name: str,
    role: AccessRole,
    ttl: int | None = None,
    permanent: bool = False,
    external_user_id: str | None = None,
    external_meeting_id: str | None = None,
) -> str:
    """Call generate-access and return the room link (it carries an access token: never print it whole)."""
    result = session.client.rooms.generate_access(
        space_id,
        room_id,
        username=name,
        role=role.value,
        **given(
            ttl=ttl,
            is_permanent=permanent or None,
            external_user_id=external_user_id,
            external_meeting_id=external_meeting_id,
        ),
    )
    url: str = result.url
    return url


@command(rooms, "link")
def link(
    session: Session,
    space_id: SpaceIdArg,
    room_id: RoomIdArg,
    name: _Username,
    role: _Role = AccessRole.user,
    ttl: _Ttl = None,
    permanent: _Permanent = False,
    external_user_id: _ExtUser = None,
    external_meeting_id: _ExtMeeting = None,
    out: _Out = None,
    force: ForceOpt = False,
    show_secret: ShowSecretOpt = False,
) -> None:
    """Make a personal room link (generate-access); its token is masked (see --out, --show-secret)."""
    url = generate_link(
        session,
        space_id,
        room_id,
        name=name,
        role=role,
        ttl=ttl,
        permanent=permanent,
        external_user_id=external_user_id,
        external_meeting_id=external_meeting_id,
    )
    if out is not None:
        write_secret(out, url + "\n", force=force, what="a room link")
    if show_secret:
        _print_secret(session, url, {"url": url, "savedTo": str(out) if out else None})
        return
    session.out.data({"url": url, "savedTo": str(out) if out else None})


def _print_secret(session: Session, text: str, value: dict[str, Any]) -> None:
    """``--show-secret``: the value unmasked, once (as JSON under ``--json``)."""
    import json
    import sys

    sys.stdout.write((json.dumps(value, indent=2, ensure_ascii=False) if session.out.json else text) + "\n")


@command(rooms, "embed")
def embed(
    session: Session,
    space_id: SpaceIdArg,
    room_id: RoomIdArg,
    name: _Username,
    role: _Role = AccessRole.user,
    ttl: _Ttl = None,
    width: Annotated[str, typer.Option(help="iframe width (pixels or a CSS length).")] = "100%",
    height: Annotated[str, typer.Option(help="iframe height.")] = "600",
    out: _Out = None,
    force: ForceOpt = False,
    show_secret: ShowSecretOpt = False,
) -> None:
    """Make an iframe snippet for a room (a room link inside, masked; see --out, --show-secret)."""
    from moodhood.embed import iframe_html, link_from_url

    url = generate_link(session, space_id, room_id, name=name, role=role, ttl=ttl)
    html = iframe_html(link_from_url(url), width=width, height=height)
    if out is not None:
        write_secret(out, html + "\n", force=force, what="an iframe snippet (it holds a room link)")
    if show_secret:
        _print_secret(session, html, {"html": html, "savedTo": str(out) if out else None})
        return
    if session.out.json:
        session.out.data({"html": html, "savedTo": str(out) if out else None})
    else:
        session.out.text(html)
        if out is not None:
            session.out.note(f"full snippet written to {out}")


def register(app: typer.Typer) -> None:
    """Add the ``rooms`` group to ``app``."""
    app.add_typer(rooms)
