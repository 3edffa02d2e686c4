from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models import room_breakout_rooms_session as _room_breakout_rooms_session
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_breakout_rooms_session import RoomBreakoutRoomsSession


T = TypeVar("T", bound="RoomBreakoutRooms")
_WIRE_NAMES = frozenset(
    (
        "session",
        "status",
    )
)


@_attrs_define
class RoomBreakoutRooms:
    """Breakout-room state of a room.

    Attributes:
        session (RoomBreakoutRoomsSession | Unset): The current breakout session.
        status (str | Unset): Known value `enabled`.
    """

    session: RoomBreakoutRoomsSession | Unset = UNSET

    status: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()
        if session is not UNSET:
            field_dict["session"] = session

        status = self.status
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomBreakoutRooms: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        session = _get("session", UNSET)
        if session is UNSET:
            _missing += 1
        else:
            if session.__class__ is not dict and not isinstance(session, Mapping):
                raise TypeError(f"RoomBreakoutRooms.session: expected a JSON object, got {type(session).__name__}")
            session = _room_breakout_rooms_session.RoomBreakoutRoomsSession.from_dict(session)

        status = _get("status", UNSET)
        if status.__class__ is not str:
            if status is UNSET:
                _missing += 1
            elif not isinstance(status, str):
                raise TypeError(f"RoomBreakoutRooms.status: expected a string, got {type(status).__name__}")

        room_breakout_rooms = cls(
            session,
            status,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_breakout_rooms.additional_properties = _extra
        return room_breakout_rooms

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
