from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models import room_join_settings_custom_field as _room_join_settings_custom_field
from ..models import room_join_settings_field as _room_join_settings_field
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_join_settings_custom_field import RoomJoinSettingsCustomField
    from ..models.room_join_settings_field import RoomJoinSettingsField


T = TypeVar("T", bound="RoomJoinSettings")
_WIRE_NAMES = frozenset(
    (
        "customFields",
        "fields",
    )
)


@_attrs_define
class RoomJoinSettings:
    """What the join form asks for.

    Attributes:
        custom_fields (list[RoomJoinSettingsCustomField] | Unset):
        fields (list[RoomJoinSettingsField] | Unset):
    """

    custom_fields: list[RoomJoinSettingsCustomField] | Unset = UNSET

    fields: list[RoomJoinSettingsField] | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        custom_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

        if custom_fields is not UNSET:
            field_dict["customFields"] = custom_fields

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomJoinSettings: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        custom_fields = _get("customFields", UNSET)
        if custom_fields is UNSET:
            _missing += 1
        else:
            if custom_fields.__class__ is not list:
                raise TypeError(
                    f"RoomJoinSettings.customFields: expected a JSON array, got {type(custom_fields).__name__}"
                )
            custom_fields = [
                _room_join_settings_custom_field.RoomJoinSettingsCustomField.from_dict(_item) for _item in custom_fields
            ]

        fields = _get("fields", UNSET)
        if fields is UNSET:
            _missing += 1
        else:
            if fields.__class__ is not list:
                raise TypeError(f"RoomJoinSettings.fields: expected a JSON array, got {type(fields).__name__}")
            fields = [_room_join_settings_field.RoomJoinSettingsField.from_dict(_item) for _item in fields]

        room_join_settings = cls(
            custom_fields,
            fields,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_join_settings.additional_properties = _extra
        return room_join_settings

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
