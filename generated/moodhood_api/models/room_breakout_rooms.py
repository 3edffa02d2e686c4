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
        status (str | Unset): Known value `enabled`.
        session (RoomBreakoutRoomsSession | Unset): The current breakout session.
    """

    status: str | Unset = UNSET
    session: RoomBreakoutRoomsSession | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if session is not UNSET:
            field_dict["session"] = session

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.room_breakout_rooms_session import RoomBreakoutRoomsSession  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        _session = d.pop("session", UNSET)
        session: RoomBreakoutRoomsSession | Unset
        if isinstance(_session, Unset):
            session = UNSET
        else:
            session = RoomBreakoutRoomsSession.from_dict(_session)

        room_breakout_rooms = cls(
            status=status,
            session=session,
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
