"""The CLI's one error handler: every failure becomes one line on stderr and a non-zero exit code.

Exit codes: ``1`` an API or runtime failure (a dead server, a refused login, a 404, a bad webhook
signature), ``2`` bad input (a usage error, a missing or contradictory setting), ``130`` interrupted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Iterator

import typer

from moodhood._secrets import mask

__all__ = [
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "describe",
    "error_line",
    "handle_errors",
    "redact",
]

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_MIN_SECRET = 4  # shorter values are not worth redacting (and would mangle ordinary words)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_TOKEN_PARAM = re.compile(r"(?i)\b((?:access|refresh)?_?token|secret|password)=([^&\s\"'<>]+)")


class CommandError(Exception):
    """A command cannot do what was asked; the message is the whole explanation."""

    def __init__(self, message: str, *, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _mask_param(match: re.Match[str]) -> str:
    value = match.group(2)
    if value.startswith("…") and len(value) <= 5:  # masked already
        return match.group()
    return f"{match.group(1)}={mask(value)}"


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """Replace every known secret, every JWT and every ``token=...`` query value in ``text`` by its mask."""
    for secret in sorted((s for s in secrets if s and len(s) >= _MIN_SECRET), key=len, reverse=True):
        text = text.replace(secret, mask(secret))
    text = _TOKEN_PARAM.sub(_mask_param, text)
    return _JWT.sub(lambda m: mask(m.group()), text)


def _where(exc: BaseException) -> str:
    request = getattr(exc, "request", None)
    if request is None:
        return ""
    try:
        return f" ({request.method} {request.url.path})"
    except RuntimeError:  # httpx raises when a request was never attached
        return ""


def describe(exc: BaseException) -> tuple[str, int]:
    """The one-line message and exit code for an exception."""
    from moodhood import _exceptions as errors

    if isinstance(exc, typer.TyperException):  # click usage errors, bad parameters, unreadable files
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        return f"{exc.format_message()}{hint}", exc.exit_code
    if isinstance(exc, CommandError):
        return str(exc), exc.exit_code
    if isinstance(exc, errors.TokenError):
        code = f"{exc.error}: " if exc.error else ""
        detail = exc.error_description or exc.message
        status = f"HTTP {exc.status_code} " if exc.status_code else ""
        return f"authentication failed: {status}{code}{detail}", EXIT_FAILURE
    if isinstance(exc, errors.APIStatusError):
        message = (
            exc.message
            if exc.message.startswith(str(exc.status_code))
            else f"{exc.status_code} {exc.message}"
        )
        where = _where(exc)
        return f"HTTP {message}{where if where[2:-1].split(' ')[-1] not in message else ''}", EXIT_FAILURE
    if isinstance(exc, errors.APIConnectionError):
        url = ""
        request = getattr(exc, "request", None)
        if request is not None:
            with contextlib.suppress(RuntimeError):
                url = f" {request.url.scheme}://{request.url.netloc.decode()}"
        cause = exc.__cause__
        detail = f"{exc.message.rstrip('.')}: {cause}" if cause is not None and str(cause) else exc.message
        return f"cannot reach the MoodHood API at{url}: {detail}", EXIT_FAILURE
    if isinstance(exc, errors.InsecureTransportError):
        return (
            f"{str(exc).split(': use https://')[0]}: use https://, or pass --allow-insecure-http if this "
            "network is trusted",
            EXIT_USAGE,
        )
    if isinstance(exc, errors.ConfigurationError):
        from moodhood._extras import MissingExtraError

        prefix = "" if isinstance(exc, MissingExtraError) else "configuration: "
        return f"{prefix}{exc}", EXIT_USAGE
    if isinstance(exc, errors.WebhookVerificationError):
        return f"webhook rejected: {exc}", EXIT_FAILURE
    if isinstance(exc, errors.MoodhoodError):
        return f"{type(exc).__name__}: {exc}", EXIT_FAILURE
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", EXIT_INTERRUPTED
    if isinstance(exc, FileExistsError):
        name = exc.filename or str(exc).split(" exists")[0]
        return f"{name} exists: pass --force to replace it", EXIT_USAGE
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", EXIT_FAILURE
    text = str(exc) or "no details"
    return f"unexpected {type(exc).__name__}: {text}", EXIT_FAILURE


def error_line(exc: BaseException, secrets: Iterable[str | None] = ()) -> tuple[str, int]:
    """``describe`` with secrets redacted and the text folded onto one line."""
    message, code = describe(exc)
    message = " ".join(redact(message, secrets).split())
    ctx = getattr(exc, "ctx", None)
    where = getattr(ctx, "command_path", None) or "moodhood"
    return f"{where}: error: {message}", code


@contextlib.contextmanager
def handle_errors(secrets: Iterable[str | None] = ()) -> Iterator[None]:
    """Turn any exception raised inside into one stderr line and ``typer.Exit(code)``."""
    try:
        yield
    except typer.Exit:
        raise
    except BrokenPipeError:  # `moodhood ... | head`: the reader left; say nothing more
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_FAILURE) from None
    except (Exception, KeyboardInterrupt) as exc:
        line, code = error_line(exc, list(secrets))
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
        raise typer.Exit(code) from None
