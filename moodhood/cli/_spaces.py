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
    session.out.data(session.client.spaces.list().items, columns=SPACE_COLUMNS)


@command(spaces, "create")
def create(
    session: Session,
    name: Annotated[str, typer.Argument(help="The space's name.")],
    description: _Description = None,
    logo: _Logo = None,
    public: Annotated[bool, typer.Option("--public/--private", help="Whether the space is public.")] = True,
) -> None:
    """Create a space; prints its id."""
    extra = given(description=description, logo=logo)
    session.out.data(session.client.spaces.create(name=name, is_public=public, **extra))


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
    extra = given(description=description, logo=logo)
    result = session.client.spaces.update(space_id, name=name, is_public=public, **extra)
    session.out.data(result if result is not None else {"id": space_id, "updated": True})


def register(app: typer.Typer) -> None:
    """Add the ``spaces`` group to ``app``."""
    app.add_typer(spaces)
