"""Shared CLI plumbing: the connection options every API command takes, and the ``Session`` it gets.

A command module writes::

    @command(rooms, "get")
    def get(session: Session, space_id: SpaceIdArg, room_id: RoomIdArg) -> None:
        session.out.data(session.client.rooms.get(space_id, room_id))

and ``command`` adds ``--base-url``, ``--client-id``, ``--client-secret``, ``--username``, ``--password``,
``--token``, ``--token-file`` (each falling back to its ``MOODHOOD_*`` variable), ``--profile``,
``--allow-insecure-http``, ``--json`` and ``--verbose``, builds the ``Session``, closes it afterwards, and
sends every error through the one handler in ``_errors``. A flag beats a variable: ``Settings.from_env``
records which values came from variables. The global options (``--json``, ``-v``, ``--profile``,
``--base-url``) may also come before the command: ``moodhood --json spaces list``.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from moodhood.cli._errors import handle_errors
from moodhood.cli._output import Output

if TYPE_CHECKING:
    from moodhood._client import Moodhood

__all__ = [
    "CONNECTION_PANEL",
    "GlobalOptions",
    "JsonOpt",
    "RoomIdArg",
    "Session",
    "Settings",
    "SpaceIdArg",
    "YesOpt",
    "command",
    "confirm_destructive",
    "default_token_file",
    "given",
    "global_options",
]

CONNECTION_PANEL = "Connection (each falls back to its MOODHOOD_* variable)"

SpaceIdArg = Annotated[
    str, typer.Argument(metavar="SPACE_ID", help="The space id (24 hex).", show_default=False)
]
RoomIdArg = Annotated[
    str, typer.Argument(metavar="ROOM_ID", help="The room id (24 hex).", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]


def _opt(flag: str, env: str, help: str) -> Any:
    return typer.Option(flag, envvar=env, help=help, show_envvar=True, rich_help_panel=CONNECTION_PANEL)


_BaseUrl = Annotated[
    str | None, _opt("--base-url", "MOODHOOD_BASE_URL", "API base URL, e.g. https://moodhood.online/v1.")
]
_ClientId = Annotated[str | None, _opt("--client-id", "MOODHOOD_CLIENT_ID", "OAuth client id.")]
_ClientSecret = Annotated[
    str | None,
    _opt("--client-secret", "MOODHOOD_CLIENT_SECRET", "OAuth client secret (prefer the variable)."),
]
_Username = Annotated[
    str | None, _opt("--username", "MOODHOOD_USERNAME", "The user's email (password grant).")
]
_Password = Annotated[
    str | None, _opt("--password", "MOODHOOD_PASSWORD", "The user's password (prefer the variable).")
]
_Token = Annotated[
    str | None, _opt("--token", "MOODHOOD_TOKEN", "A personal token from the web UI (prefer the variable).")
]
_TokenFile = Annotated[
    Path | None,
    _opt(
        "--token-file",
        "MOODHOOD_TOKEN_FILE",
        "Where 'moodhood login' keeps tokens (default: ~/.config/moodhood/tokens.json).",
    ),
]
_Profile = Annotated[
    str | None,
    _opt("--profile", "MOODHOOD_PROFILE", "The profile saved by 'moodhood login' (default: default)."),
]
_Insecure = Annotated[
    bool,
    typer.Option(
        "--allow-insecure-http",
        help="Allow plain http:// to a host that is not loopback (secrets travel unencrypted).",
        rich_help_panel=CONNECTION_PANEL,
    ),
]
_Verbose = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Log each HTTP request (method, path, status, time) to stderr."),
]

_COMMON_PARAMS = (
    ("base_url", _BaseUrl, None),
    ("client_id", _ClientId, None),
    ("client_secret", _ClientSecret, None),
    ("username", _Username, None),
    ("password", _Password, None),
    ("token", _Token, None),
    ("token_file", _TokenFile, None),
    ("profile", _Profile, None),
    ("allow_insecure_http", _Insecure, False),
    ("json_output", JsonOpt, False),
    ("verbose", _Verbose, False),
)


@contextlib.contextmanager
def _request_log(enabled: bool) -> Iterator[None]:
    """With ``--verbose``: the ``moodhood`` logger's request lines on stderr (it never logs secrets)."""
    if not enabled:
        yield
        return
    logger = logging.getLogger("moodhood")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("moodhood: %(message)s"))
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def _is_from_env(ctx: typer.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "ENVIRONMENT"


def given(**fields: Any) -> dict[str, Any]:
    """The fields that were given (not ``None``), for building a request model."""
    return {k: v for k, v in fields.items() if v is not None}


def default_token_file(profile: str = "default") -> Path:
    """The token file of ``profile``: ``$XDG_CONFIG_HOME/moodhood/profiles/<profile>/tokens.json``."""
    from moodhood.cli._profiles import profile_dir

    return profile_dir(profile) / "tokens.json"


@dataclass(frozen=True)
class GlobalOptions:
    """The options given before the command (``moodhood --json -v --profile work spaces list``)."""

    json_output: bool = False
    verbose: bool = False
    profile: str | None = None
    base_url: str | None = None


def global_options(ctx: typer.Context) -> GlobalOptions:
    """The global options given before the command (all unset when none were)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, GlobalOptions) else GlobalOptions()


@dataclass(frozen=True, repr=False)
class Settings:
    """The connection options of one command run, as given on the command line or by the environment."""

    base_url: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    username: str | None = None
    password: str | None = None
    token: str | None = None
    token_file: Path | None = None
    profile: str | None = None
    allow_insecure_http: bool = False
    json_output: bool = False
    verbose: bool = False
    from_env: frozenset[str] = frozenset()
    """The names of the options whose value came from a ``MOODHOOD_*`` variable (flags beat variables)."""

    def secrets(self) -> tuple[str, ...]:
        """Every secret value held, for redaction in error lines."""
        return tuple(s for s in (self.client_secret, self.password, self.token) if s)

    def __repr__(self) -> str:
        return f"Settings(base_url={self.base_url!r}, client_id={self.client_id!r})"

    @property
    def profile_name(self) -> str:
        """``--profile`` / ``MOODHOOD_PROFILE``, else ``default``; checked."""
        from moodhood.cli._profiles import DEFAULT_PROFILE, check_name

        return check_name(self.profile or DEFAULT_PROFILE)

    @property
    def token_path(self) -> Path:
        """The token file to use: ``--token-file`` / ``MOODHOOD_TOKEN_FILE``, else the profile's."""
        return (self.token_file or default_token_file(self.profile_name)).expanduser()


class Session:
    """What a command works with: its settings, its output, and a lazily opened SDK client."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.out = Output(json=settings.json_output)
        self._client: Moodhood | None = None
        self.known_secrets: list[str] = list(settings.secrets())
        """Values masked in any error line of this command (the options' secrets, and typed ones)."""

    def redact(self, *values: str | None) -> None:
        """Mask these values (typed at a prompt, say) in any error line of this command."""
        self.known_secrets.extend(v for v in values if v)

    @property
    def client(self) -> Moodhood:
        """The ``Moodhood`` client for these settings, opened on first use."""
        if self._client is None:
            from moodhood.cli._connect import open_client

            self._client = open_client(self.settings)
        return self._client

    def close(self) -> None:
        """Close the client, if one was opened."""
        if self._client is not None:
            client, self._client = self._client, None
            client.close()


def _merge_global(ctx: typer.Context, values: dict[str, Any]) -> None:
    """Fill in the options given before the command; one given after it (on the command line) wins."""
    early = global_options(ctx)
    for name in ("json_output", "verbose"):
        values[name] = values[name] or getattr(early, name)
    for name in ("profile", "base_url"):
        source = ctx.get_parameter_source(name)
        given_after = source is not None and source.name == "COMMANDLINE"
        if getattr(early, name) is not None and not given_after:
            values[name] = getattr(early, name)


YesOpt = Annotated[
    bool, typer.Option("--yes", "-y", help="Do it without asking (required when not on a terminal).")
]


def confirm_destructive(what: str, yes: bool) -> None:
    """Go on only with ``--yes`` or a "yes" typed at the terminal; without a terminal, exit 2 and say so."""
    from moodhood.cli import _prompt
    from moodhood.cli._errors import EXIT_USAGE, CommandError

    if yes:
        return
    if not _prompt.interactive():
        raise CommandError(
            f"refusing to {what} without --yes (not a terminal to ask on)", exit_code=EXIT_USAGE
        )
    if not _prompt.confirm(f"{what[0].upper()}{what[1:]}?"):
        raise CommandError("aborted: nothing was changed", exit_code=1)


F = TypeVar("F", bound=Callable[..., Any])


def command(
    group: typer.Typer, name: str, *, help: str | None = None, overrides: Mapping[str, Any] | None = None
) -> Callable[[F], F]:
    """Register ``func(session, ...)`` as ``group``'s command ``name`` with the connection options added.

    ``overrides`` replaces the annotation (the typer option) of some connection options by name.
    """
    connection = [(n, (overrides or {}).get(n, a), d) for n, a, d in _COMMON_PARAMS]

    def decorate(func: F) -> F:
        hints = typing.get_type_hints(func, include_extras=True)
        own = list(inspect.signature(func).parameters.values())[1:]  # the first one is the Session
        params = [
            inspect.Parameter(
                p.name, inspect.Parameter.KEYWORD_ONLY, default=p.default, annotation=hints[p.name]
            )
            for p in own
        ]
        params += [
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a)
            for n, a, d in connection
        ]
        params.append(inspect.Parameter("_ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context))

        @functools.wraps(func)
        def callback(**kwargs: Any) -> Any:
            ctx: typer.Context = kwargs.pop("_ctx")
            values = {name: kwargs.pop(name) for name, _, _ in _COMMON_PARAMS}
            _merge_global(ctx, values)
            from_env = frozenset(name for name, _, _ in _COMMON_PARAMS if _is_from_env(ctx, name))
            settings = Settings(**values, from_env=from_env)
            session = Session(settings)
            with handle_errors(session.known_secrets), _request_log(settings.verbose):
                try:
                    return func(session, **kwargs)
                finally:
                    session.close()

        del callback.__wrapped__  # typer must see the new signature, not the wrapped one
        callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        callback.__annotations__ = {p.name: p.annotation for p in params}
        group.command(name, help=help)(callback)
        return func

    return decorate
