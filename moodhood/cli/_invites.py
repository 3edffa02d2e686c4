"""``moodhood invites create|activate``."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from moodhood.cli._common import Session, SpaceIdArg, command

__all__ = ["register"]

invites = typer.Typer(name="invites", help="Space invites: create one, activate one.", no_args_is_help=True)


class InviteRole(enum.StrEnum):
    """The role an invite grants in the space."""

    user = "user"
    moderator = "moderator"


@command(invites, "create")
def create(
    session: Session,
    space_id: SpaceIdArg,
    role: Annotated[
        InviteRole, typer.Option(help="The role in the space the invite grants.")
    ] = InviteRole.user,
) -> None:
    """Create a single-use space invite; prints its id."""
    result = session.client.invites.create(
        space_id, role="role_space_moderator" if role is InviteRole.moderator else "role_space_user"
    )
    session.out.data(result)


@command(invites, "activate")
def activate(
    session: Session,
    space_id: SpaceIdArg,
    invite_id: Annotated[str, typer.Argument(help="The invite id from 'invites create'.")],
) -> None:
    """Activate an invite as the invited user (use that user's credentials)."""
    session.client.invites.activate(space_id, invite_id)
    session.out.data({"spaceId": space_id, "inviteId": invite_id, "activated": True})


def register(app: typer.Typer) -> None:
    """Add the ``invites`` group to ``app``."""
    app.add_typer(invites)
