"""One scenario, either client: the wrapper the end-to-end tests use to run the same steps sync and async."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from moodhood import AsyncMoodhood, Moodhood


class Api:
    """A scenario's view of one client, either flavour: ``await api(module, *args, **kwargs)``.

    It calls ``module.sync_detailed`` through ``Moodhood.call`` or ``module.asyncio_detailed`` through
    ``AsyncMoodhood.call`` and returns the typed result (scenarios check its type with ``isinstance``).
    """

    def __init__(self, client: Moodhood | AsyncMoodhood) -> None:
        self.client = client

    async def __call__(self, module: ModuleType, *args: Any, **kwargs: Any) -> Any:
        if isinstance(self.client, AsyncMoodhood):
            return await self.client.call(module.asyncio_detailed, *args, **kwargs)
        return self.client.call(module.sync_detailed, *args, **kwargs)


def sandbox_client(flavour: str, sandbox: Any, **kwargs: Any) -> Moodhood | AsyncMoodhood:
    """A ``Moodhood`` (``flavour="sync"``) or ``AsyncMoodhood`` for the sandbox fixture: user mode with its
    demo credentials unless ``token=`` is given (``username=None, password=None``: client mode)."""
    if "token" not in kwargs:
        kwargs.setdefault("client_id", sandbox.client_id)
        kwargs.setdefault("client_secret", sandbox.client_secret)
        kwargs.setdefault("username", sandbox.username)
        kwargs.setdefault("password", sandbox.password)
    cls = Moodhood if flavour == "sync" else AsyncMoodhood
    return cls(base_url=sandbox.base_url, **kwargs)


Connect = Callable[..., Api]
"""A fixture's factory: ``connect(**client_settings)`` builds a client of the test's flavour."""
