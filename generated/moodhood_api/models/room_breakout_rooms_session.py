from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomBreakoutRoomsSession")
_WIRE_NAMES = frozenset(
    (
        "startedAt",
        "status",
    )
)


@_attrs_define
class RoomBreakoutRoomsSession:
    """The current breakout session.

    Attributes:
        started_at (datetime.datetime | None | Unset):
        status (str | Unset): Known value `ready`.
    """

    started_at: datetime.datetime | None | Unset = UNSET

    status: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at

        status = self.status
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomBreakoutRoomsSession: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        started_at = _get("startedAt", UNSET)
        if started_at is UNSET:
            _missing += 1
        elif started_at is not None:
            try:
                started_at = datetime.datetime.fromisoformat(started_at)
            except TypeError:
                raise TypeError(
                    f"RoomBreakoutRoomsSession.startedAt: expected an ISO 8601 date-time string or null, got {type(started_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "RoomBreakoutRoomsSession.startedAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        status = _get("status", UNSET)
        if status.__class__ is not str:
            if status is UNSET:
                _missing += 1
            elif not isinstance(status, str):
                raise TypeError(f"RoomBreakoutRoomsSession.status: expected a string, got {type(status).__name__}")

        room_breakout_rooms_session = cls(
            started_at,
            status,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_breakout_rooms_session.additional_properties = _extra
        return room_breakout_rooms_session

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
