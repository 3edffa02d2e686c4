from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeetingSettingsUpdate")
_WIRE_NAMES = frozenset(
    (
        "roomId",
        "spaceId",
    )
)


@_attrs_define
class MeetingSettingsUpdate:
    """Body of updateMyMeetingSettings. The Outlook add-in always sends both ids, so both are required here
    (assumed: not documented).

        Attributes:
            room_id (str):
            space_id (str):
    """

    room_id: str

    space_id: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        room_id = self.room_id
        field_dict["roomId"] = room_id

        space_id = self.space_id
        field_dict["spaceId"] = space_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"MeetingSettingsUpdate: expected a JSON object, got {type(src_dict).__name__}")
        room_id = src_dict["roomId"]
        if room_id.__class__ is not str and not isinstance(room_id, str):
            raise TypeError(f"MeetingSettingsUpdate.roomId: expected a string, got {type(room_id).__name__}")

        space_id = src_dict["spaceId"]
        if space_id.__class__ is not str and not isinstance(space_id, str):
            raise TypeError(f"MeetingSettingsUpdate.spaceId: expected a string, got {type(space_id).__name__}")

        meeting_settings_update = cls(
            room_id,
            space_id,
        )
        if len(src_dict) == 2:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        meeting_settings_update.additional_properties = _extra
        return meeting_settings_update

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
