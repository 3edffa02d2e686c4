from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_breakout_rooms_session import RoomBreakoutRoomsSession


T = TypeVar("T", bound="RoomBreakoutRooms")


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
        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session is not UNSET:
            field_dict["session"] = session
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.room_breakout_rooms_session import RoomBreakoutRoomsSession  # noqa: PLC0415

        d = dict(src_dict)
        _session = d.pop("session", UNSET)
        session: RoomBreakoutRoomsSession | Unset
        if isinstance(_session, Unset):
            session = UNSET
        else:
            session = RoomBreakoutRoomsSession.from_dict(_session)

        status = d.pop("status", UNSET)

        room_breakout_rooms = cls(
            session=session,
            status=status,
        )

        room_breakout_rooms.additional_properties = d
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
