"""``moodhood sandbox``: serve a local, stateful MoodHood until Ctrl-C or SIGTERM.

It prints the base URL and the credentials it accepts as ``export MOODHOOD_...=`` lines (``_sandbox_env``;
``--env-file`` writes them with mode 0600). Demo defaults are public and shown in full; values the user
typed are never printed (they know them). JWTs are never printed.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from moodhood._net import is_loopback
from moodhood._secrets import mask
from moodhood.cli import _sandbox_env as sandbox_env
from moodhood.cli._errors import CommandError
from moodhood.cli._outfiles import ForceOpt, exists_error
from moodhood.sandbox._config import SandboxConfig

__all__ = ["register"]


def _pair(value: str, option: str, what: str) -> tuple[str, str]:
    left, sep, right = value.partition(":")
    if not sep or not left or not right:
        raise typer.BadParameter(f"expected {what}, got {mask(value)!r}", param_hint=option)
    return left, right


def _make_config(**fields: object) -> SandboxConfig:
    """The config, or a usage error with the config's own reason (signing key length, --webhook-allow...)."""
    try:
        return SandboxConfig(**fields)  # type: ignore[arg-type]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _exposure_warning(config: SandboxConfig, demo: list[str]) -> str:
    """What binding off loopback exposes, truthfully: which credentials are the public demo ones."""
    if demo:
        access = (
            f"it accepts the public demo {', '.join(demo)}, so anyone who can reach this address can use it "
            "(give --client-secret, --user and --personal-token values of your own)"
        )
    else:
        access = (
            "only the credentials you gave work: anyone who can reach this address and knows them can use it"
        )
    control = (
        "answer anyone (--allow-remote-control)" if config.allow_remote_control else "answer loopback only"
    )
    hooks = ", ".join(config.webhook_allow) or "none (no webhook URL can be set)"
    return (
        f"warning: binding to {config.host}: {access}. Controls under /__sandbox/ {control}; "
        f"webhook targets permitted: {hooks}."
    )


def sandbox(
    host: Annotated[
        str, typer.Option(help="Interface to bind (loopback unless told otherwise).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port to listen on (0 = any free port).")
    ] = 8765,
    client_id: Annotated[str | None, typer.Option("--client-id", help="OAuth client id to accept.")] = None,
    client_secret: Annotated[
        str | None, typer.Option("--client-secret", help="OAuth client secret to accept.")
    ] = None,
    user: Annotated[
        list[str] | None,
        typer.Option("--user", metavar="EMAIL:PASSWORD", help="A user account (repeatable)."),
    ] = None,
    personal_token: Annotated[
        list[str] | None,
        typer.Option(
            "--personal-token", metavar="TOKEN", help="A personal token of the first user (repeatable)."
        ),
    ] = None,
    access_ttl: Annotated[int | None, typer.Option(min=1, help="Access token lifetime in seconds.")] = None,
    refresh_ttl: Annotated[int | None, typer.Option(min=1, help="Refresh token lifetime in seconds.")] = None,
    no_refresh_grant: Annotated[
        bool, typer.Option("--no-refresh-grant", help="Answer unsupported_grant_type to refresh_token.")
    ] = False,
    doc_auth: Annotated[
        str | None, typer.Option("--doc-auth", metavar="USER:PASSWORD", help="Protect /doc/ with basic auth.")
    ] = None,
    signing_key: Annotated[
        str | None,
        typer.Option(
            "--signing-key",
            envvar="MOODHOOD_SANDBOX_SIGNING_KEY",
            metavar="KEY",
            help="JWT signing key, 32+ characters, so tokens outlive a restart (default: random per run).",
        ),
    ] = None,
    allow_remote_control: Annotated[
        bool,
        typer.Option(
            "--allow-remote-control", help="Let clients off loopback use /__sandbox/ (faults, clock...)."
        ),
    ] = False,
    webhook_allow: Annotated[
        list[str] | None,
        typer.Option(
            "--webhook-allow",
            metavar="HOST|NETWORK",
            help="A permitted webhook target: host name (*.example.com) or IP network (repeatable).",
        ),
    ] = None,
    max_body_size: Annotated[
        int | None,
        typer.Option(min=1, metavar="BYTES", help="Largest request body accepted (default 1 MiB)."),
    ] = None,
    env_file: Annotated[
        Path | None,
        typer.Option(
            "--env-file",
            help="Also write the export lines (typed values included) to this file, mode 0600.",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Serve a local, stateful MoodHood sandbox (spec-checked, in memory) until Ctrl-C."""
    from moodhood.sandbox._requires import require_sandbox

    require_sandbox(feature="the local sandbox")
    from moodhood.sandbox import SandboxServer

    if env_file is not None and not force and env_file.expanduser().exists():
        raise exists_error(env_file)

    defaults = SandboxConfig()
    for value, option in ((client_id, "--client-id"), (client_secret, "--client-secret")):
        if value is not None and not value.strip():
            raise typer.BadParameter("must not be empty", param_hint=option)
    if any(not token.strip() for token in personal_token or ()):
        raise typer.BadParameter("must not be empty", param_hint="--personal-token")
    users = tuple(_pair(u, "--user", "EMAIL:PASSWORD") for u in user or ()) or defaults.users
    emails = [email.lower() for email, _ in users]
    if len(set(emails)) != len(emails):
        raise typer.BadParameter("each email may be given once", param_hint="--user")
    config = _make_config(
        host=host,
        port=port,
        client_id=client_id or defaults.client_id,
        client_secret=client_secret or defaults.client_secret,
        users=users,
        # the public demo personal token only ever belongs to the demo user, never to a user given here
        personal_tokens=tuple(personal_token or ()) or (defaults.personal_tokens if user is None else ()),
        access_ttl=access_ttl or defaults.access_ttl,
        refresh_ttl=refresh_ttl or defaults.refresh_ttl,
        refresh_grant_enabled=not no_refresh_grant,
        doc_auth=_pair(doc_auth, "--doc-auth", "USER:PASSWORD") if doc_auth else None,
        signing_key=signing_key,
        allow_remote_control=allow_remote_control,
        webhook_allow=tuple(webhook_allow or ()),
        max_body_bytes=max_body_size or defaults.max_body_bytes,
    )
    if not is_loopback(host):
        demo = {
            "client secret": client_secret is None,
            "user password": user is None,
            "personal token": personal_token is None and user is None,
        }
        typer.echo(_exposure_warning(config, [name for name, is_demo in demo.items() if is_demo]), err=True)
    server = SandboxServer(config, log_level="warning")
    try:
        server.start()
    except OSError as exc:
        raise CommandError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None

    lines = [
        f"MoodHood sandbox at {server.base_url}",
        f"  docs: {server.root_url}/doc/" + (" (basic auth)" if config.doc_auth else ""),
        f"  users: {', '.join(email for email, _ in config.users)}",
        f"  token lifetimes: access {config.access_ttl} s, refresh {config.refresh_ttl} s"
        + ("" if config.refresh_grant_enabled else " (refresh grant off)"),
    ]
    env = sandbox_env.variables(
        server.base_url,
        config.client_id,
        config.client_secret,
        config.users[0],
        typed_secret=client_secret is not None,
        typed_user=bool(user),
    )
    unhandled: list[str] = server.app.state.unhandled if server.app is not None else []
    if unhandled:
        lines.append(
            f"  not implemented (501): {len(unhandled)} operation(s) of the spec: {'; '.join(unhandled)}"
        )
    token = (
        sandbox_env.Variable("MOODHOOD_TOKEN", config.personal_tokens[0], personal_token is not None)
        if config.personal_tokens
        else None
    )
    lines.append("# Paste into a shell, then 'moodhood login' (or run the Quickstart):")
    lines += sandbox_env.export_lines(env, token)
    if env_file is not None:
        sandbox_env.write_env_file(env_file, sandbox_env.env_file_text(env, token), force=force)
        lines.append(f"# written to {env_file} (mode 0600): source it in another shell")
    lines.append("Press Ctrl-C to stop.")
    typer.echo("\n".join(lines))
    sys.stdout.flush()

    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            if not server.running:
                raise CommandError("the sandbox server stopped unexpectedly")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
    typer.echo("Sandbox stopped.")


def register(app: typer.Typer) -> None:
    """Add ``moodhood sandbox`` to the root command."""
    app.command("sandbox")(sandbox)
