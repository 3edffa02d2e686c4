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


Connect = Callable[..., Api]
"""A fixture's factory: ``connect(**client_settings)`` builds a client of the test's flavour."""
