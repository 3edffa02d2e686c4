from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingSettings")
_WIRE_NAMES = frozenset(
    (
        "roomId",
        "spaceId",
    )
)


@_attrs_define
class MeetingSettings:
    """The user's meeting settings (the room the Outlook add-in reuses). Assumed: both ids may be null before any
    were set.

        Example:
            {'roomId': '64f1c0a2b3d4e5f60718293a', 'spaceId': '62ab5a84b0ce6ee31b0997b4'}

        Attributes:
            room_id (None | str | Unset): Assumed nullable (not documented).
            space_id (None | str | Unset): Assumed nullable (not documented).
    """

    room_id: None | str | Unset = UNSET

    space_id: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        room_id: None | str | Unset
        if isinstance(self.room_id, Unset):
            room_id = UNSET
        else:
            room_id = self.room_id
        if room_id is not UNSET:
            field_dict["roomId"] = room_id

        space_id: None | str | Unset
        if isinstance(self.space_id, Unset):
            space_id = UNSET
        else:
            space_id = self.space_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"MeetingSettings: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        room_id = _get("roomId", UNSET)
        if room_id.__class__ is not str:
            if room_id is UNSET:
                _missing += 1
            elif not isinstance(room_id, str) and room_id is not None:
                raise TypeError(f"MeetingSettings.roomId: expected a string or null, got {type(room_id).__name__}")

        space_id = _get("spaceId", UNSET)
        if space_id.__class__ is not str:
            if space_id is UNSET:
                _missing += 1
            elif not isinstance(space_id, str) and space_id is not None:
                raise TypeError(f"MeetingSettings.spaceId: expected a string or null, got {type(space_id).__name__}")

        meeting_settings = cls(
            room_id,
            space_id,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        meeting_settings.additional_properties = _extra
        return meeting_settings

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
