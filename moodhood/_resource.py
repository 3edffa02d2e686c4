"""What the generated resources (``moodhood/_resources.py``) share: their base classes and argument checks.

A resource is a thin view of its client (``mh.rooms`` is ``Rooms(mh)``): no state of its own, so creating
one per attribute access costs a few hundred nanoseconds and ``with_options`` copies need nothing extra.
Every check here runs before any I/O and raises one clear line.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from moodhood_api.types import Unset

if TYPE_CHECKING:
    from moodhood._client import AsyncMoodhood, Moodhood

__all__ = [
    "AsyncAPIResource",
    "SyncAPIResource",
    "bad_path_arg",
    "body_and_fields",
    "enum_arg",
    "missing_args",
    "wrong_body",
]

E = TypeVar("E", bound=Enum)


class SyncAPIResource:
    """Base of the generated ``Moodhood`` resources."""

    __slots__ = ("_client",)

    def __init__(self, client: Moodhood) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class AsyncAPIResource:
    """Base of the generated ``AsyncMoodhood`` resources."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncMoodhood) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


def enum_arg(cls: type[E], value: Any) -> Any:
    """``value`` as a member of ``cls`` (the wire string ``"lesson"`` or ``RoomType.LESSON``); ``UNSET`` and
    ``None`` pass through. An unknown value is a ``ValueError`` naming the allowed ones."""
    if isinstance(value, cls | Unset) or value is None:
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise ValueError(f"{value!r} is not a valid {cls.__name__}; use one of {allowed}") from None


def bad_path_arg(qualname: str, name: str, value: object) -> TypeError | ValueError:
    """The error for a path argument that is not a non-empty ``str`` (an ``int`` id, ``None``, ``""``)."""
    if isinstance(value, str):
        return ValueError(f"{qualname}(): {name} must not be empty")
    return TypeError(f"{qualname}(): {name} must be a str, not {type(value).__name__}")


def missing_args(qualname: str, **given: object) -> TypeError:
    """The error for required body fields left out (and no ``body=``)."""
    names = ", ".join(repr(name) for name, value in given.items() if isinstance(value, Unset))
    return TypeError(f"{qualname}() missing required keyword argument(s): {names} (or pass body=)")


def body_and_fields(qualname: str) -> TypeError:
    """The error for ``body=`` given together with body fields."""
    return TypeError(f"{qualname}() takes either body= or the body's fields as keywords, not both")


def wrong_body(qualname: str, expected: type, value: object) -> TypeError:
    """The error for a ``body=`` of another model (a ``SpaceCreate`` passed to ``rooms.create``)."""
    return TypeError(f"{qualname}(): body must be a {expected.__name__}, not {type(value).__name__}")
