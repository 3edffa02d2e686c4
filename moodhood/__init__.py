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

if _typing.TYPE_CHECKING:
    __version__: str
    """The installed distribution's version, e.g. ``"0.1.0"``."""
else:

    def __getattr__(name: str) -> object:
        # __version__ is read from the installed metadata on first use: importlib.metadata is not cheap to
        # import, and most programs (the CLI above all) never ask
        if name == "__version__":
            from importlib.metadata import PackageNotFoundError, version

            try:
                value = version("moodhood")
            except PackageNotFoundError:  # a source tree that was never installed
                value = "0+unknown"
            globals()["__version__"] = value
            return value
        raise AttributeError(f"module 'moodhood' has no attribute {name!r}")


# Show the public names as moodhood.X in reprs, tracebacks and docs, not as the private module they live in.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) and _obj.__module__.startswith("moodhood._"):
        _obj.__module__ = "moodhood"
del _name, _obj
