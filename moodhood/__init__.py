"""moodhood: the typed Python SDK for the MoodHood (livedigital) video-conferencing API.

    from moodhood import Moodhood

    with Moodhood() as mh:  # credentials from MOODHOOD_* variables
        space = mh.spaces.create(name="Team")
        room = mh.rooms.create(space.id, name="Daily", type="lesson")

Models and enums: ``moodhood.types``. The typed resources (``mh.spaces``, ``mh.rooms``, ...) are generated
from the spec (docs/resources.md); ``mh.call`` runs any generated function.

Webhook verification lives in ``moodhood.webhooks``, room links and iframes in ``moodhood.embed``, the VCR
testing kit in ``moodhood.testing`` and the local server in ``moodhood.sandbox``; none is imported here.
"""

from __future__ import annotations

import typing as _typing

if _typing.TYPE_CHECKING:
    from moodhood._auth import MoodhoodAuth, TokenEvent
    from moodhood._client import AsyncMoodhood, Moodhood
    from moodhood._config import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NOT_GIVEN, NotGiven
    from moodhood._credentials import Credentials, SecretProvider
    from moodhood._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        InsecureTransportError,
        InternalServerError,
        MoodhoodError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        TokenError,
        TokenStoreError,
        UnprocessableEntityError,
        WebhookVerificationError,
    )
    from moodhood._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
    from moodhood._store import FileTokenStore, MemoryTokenStore, TokenStore
    from moodhood._tokens import Token, TokenState

    __version__: str
    """The installed distribution's version, e.g. ``"0.1.0"``."""

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncMoodhood",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "Credentials",
    "FileTokenStore",
    "InsecureTransportError",
    "InternalServerError",
    "MemoryTokenStore",
    "Moodhood",
    "MoodhoodAuth",
    "MoodhoodError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "RetryTransport",
    "SecretProvider",
    "Token",
    "TokenError",
    "TokenEvent",
    "TokenState",
    "TokenStore",
    "TokenStoreError",
    "UnprocessableEntityError",
    "WebhookVerificationError",
]

_SOURCES = {
    "moodhood._auth": (
        "MoodhoodAuth",
        "TokenEvent",
    ),
    "moodhood._client": (
        "AsyncMoodhood",
        "Moodhood",
    ),
    "moodhood._config": (
        "DEFAULT_BASE_URL",
        "DEFAULT_MAX_RETRIES",
        "DEFAULT_TIMEOUT",
        "NOT_GIVEN",
        "NotGiven",
    ),
    "moodhood._credentials": ("Credentials", "SecretProvider"),
    "moodhood._exceptions": (
        "APIConnectionError",
        "APIError",
        "APIResponseValidationError",
        "APIStatusError",
        "APITimeoutError",
        "AuthenticationError",
        "BadRequestError",
        "ConfigurationError",
        "ConflictError",
        "InsecureTransportError",
        "InternalServerError",
        "MoodhoodError",
        "NotFoundError",
        "PermissionDeniedError",
        "RateLimitError",
        "TokenError",
        "TokenStoreError",
        "UnprocessableEntityError",
        "WebhookVerificationError",
    ),
    "moodhood._retry": (
        "AsyncRetryTransport",
        "RetryPolicy",
        "RetryTransport",
    ),
    "moodhood._store": (
        "FileTokenStore",
        "MemoryTokenStore",
        "TokenStore",
    ),
    "moodhood._tokens": (
        "Token",
        "TokenState",
    ),
}
"""Where each public name lives. ``import moodhood`` loads none of them: the command line starts without
httpx; the first ``moodhood.X`` (or ``from moodhood import X``) loads them all, as an eager import would."""


def _load_all() -> None:
    import importlib

    namespace = globals()
    for module_name, names in _SOURCES.items():
        module = importlib.import_module(module_name)
        for name in names:
            obj = getattr(module, name)
            # Show the public names as moodhood.X in reprs, tracebacks and docs, not their private module.
            if isinstance(obj, type) and obj.__module__.startswith("moodhood._"):
                obj.__module__ = "moodhood"
            namespace[name] = obj


if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name == "__version__":
            # read from the installed metadata on first use: importlib.metadata is not cheap to import,
            # and most programs (the CLI above all) never ask
            from importlib.metadata import PackageNotFoundError, version

            try:
                value = version("moodhood")
            except PackageNotFoundError:  # a source tree that was never installed
                value = "0+unknown"
            globals()["__version__"] = value
            return value
        if name in __all__ and name not in globals():
            _load_all()
            return globals()[name]
        raise AttributeError(f"module 'moodhood' has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))
