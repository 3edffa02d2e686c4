"""Every public member of Moodhood has an async twin on AsyncMoodhood with the same parameters."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from moodhood._client import AsyncMoodhood, Moodhood

ASYNC_IO = {"call", "close"}  # the methods that do I/O are coroutines on the async twin
DUNDER_TWINS = {"__enter__": "__aenter__", "__exit__": "__aexit__"}


def public(cls: type) -> dict[str, Any]:
    return {name: inspect.getattr_static(cls, name) for name in dir(cls) if not name.startswith("_")}


def shape(fn: Any) -> list[tuple[str, Any, Any]]:
    """Parameter names, kinds and defaults (types differ on purpose: Client vs AsyncClient)."""
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


def test_same_public_names() -> None:
    assert set(public(Moodhood)) == set(public(AsyncMoodhood))
    assert {"call", "close", "with_options", "client", "base_url", "credentials"} <= set(public(Moodhood))


@pytest.mark.parametrize("name", sorted(public(Moodhood)))
def test_twin_has_same_parameters(name: str) -> None:
    sync, async_ = public(Moodhood)[name], public(AsyncMoodhood)[name]
    assert type(sync) is type(async_)
    if isinstance(sync, property):
        return
    assert shape(sync) == shape(async_)
    assert inspect.iscoroutinefunction(async_) == (name in ASYNC_IO)
    assert not inspect.iscoroutinefunction(sync)


def test_constructors_match() -> None:
    assert shape(Moodhood.__init__) == shape(AsyncMoodhood.__init__)
    params = inspect.signature(Moodhood.__init__).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params if p.name != "self")


@pytest.mark.parametrize(("sync_name", "async_name"), sorted(DUNDER_TWINS.items()))
def test_context_manager_twins(sync_name: str, async_name: str) -> None:
    assert shape(getattr(Moodhood, sync_name)) == shape(getattr(AsyncMoodhood, async_name))
    assert inspect.iscoroutinefunction(getattr(AsyncMoodhood, async_name))
    assert not hasattr(Moodhood, async_name) and not hasattr(AsyncMoodhood, sync_name)
