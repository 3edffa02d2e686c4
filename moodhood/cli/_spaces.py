"""``moodhood spaces list|create|update``."""

from __future__ import annotations

from typing import Annotated

import typer

from moodhood.cli._common import Session, SpaceIdArg, command, given

__all__ = ["register"]

SPACE_COLUMNS = ("id", "name", "isPublic:public", "description")

spaces = typer.Typer(name="spaces", help="Spaces: list, create, update.", no_args_is_help=True)

_Description = Annotated[str | None, typer.Option(help="A description.")]
_Logo = Annotated[str | None, typer.Option(help="A logo URL.")]


@command(spaces, "list")
def list_(session: Session) -> None:
    """List the spaces the user can see (needs a user or personal token)."""
    from moodhood_api.api.spaces import list_spaces

    result = session.call(list_spaces.sync_detailed)
    session.out.data(result.items, columns=SPACE_COLUMNS)


@command(spaces, "create")
def create(
    session: Session,
    name: Annotated[str, typer.Argument(help="The space's name.")],
    description: _Description = None,
    logo: _Logo = None,
    public: Annotated[bool, typer.Option("--public/--private", help="Whether the space is public.")] = True,
) -> None:
    """Create a space; prints its id."""
    from moodhood_api.api.spaces import create_space
    from moodhood_api.models import SpaceCreate

    body = SpaceCreate(name=name, is_public=public, **given(description=description, logo=logo))
    session.out.data(session.call(create_space.sync_detailed, body=body))


@command(spaces, "update")
def update(
    session: Session,
    space_id: SpaceIdArg,
    name: Annotated[str, typer.Option(help="The space's name (required by the API).")],
    description: _Description = None,
    logo: _Logo = None,
    public: Annotated[bool, typer.Option("--public/--private", help="Whether the space is public.")] = True,
) -> None:
    """Rename a space or change its description, logo or visibility."""
    from moodhood_api.api.spaces import update_space
    from moodhood_api.models import SpaceUpdate

    body = SpaceUpdate(name=name, is_public=public, **given(description=description, logo=logo))
    result = session.call(update_space.sync_detailed, space_id, body=body)
    session.out.data(result if result is not None else {"id": space_id, "updated": True})


def register(app: typer.Typer) -> None:
    """Add the ``spaces`` group to ``app``."""
    app.add_typer(spaces)
