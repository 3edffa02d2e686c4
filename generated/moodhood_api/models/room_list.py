from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models import room as _room

if TYPE_CHECKING:
    from ..models.room import Room


T = TypeVar("T", bound="RoomList")
_WIRE_NAMES = frozenset(("items",))


@_attrs_define
class RoomList:
    """The rooms of a space.

    Attributes:
        items (list[Room]):
    """

    items: list[Room]

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomList: expected a JSON object, got {type(src_dict).__name__}")
        items = src_dict["items"]
        if items.__class__ is not list:
            raise TypeError(f"RoomList.items: expected a JSON array, got {type(items).__name__}")
        items = [_room.Room.from_dict(_item) for _item in items]

        room_list = cls(
            items,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_list.additional_properties = _extra
        return room_list

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
