from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_join_settings_custom_field import RoomJoinSettingsCustomField
    from ..models.room_join_settings_field import RoomJoinSettingsField


T = TypeVar("T", bound="RoomJoinSettings")


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
        custom_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = []
            for custom_fields_item_data in self.custom_fields:
                custom_fields_item = custom_fields_item_data.to_dict()
                custom_fields.append(custom_fields_item)

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if custom_fields is not UNSET:
            field_dict["customFields"] = custom_fields
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.room_join_settings_custom_field import RoomJoinSettingsCustomField  # noqa: PLC0415
        from ..models.room_join_settings_field import RoomJoinSettingsField  # noqa: PLC0415

        d = dict(src_dict)
        _custom_fields = d.pop("customFields", UNSET)
        custom_fields: list[RoomJoinSettingsCustomField] | Unset = UNSET
        if _custom_fields is not UNSET:
            custom_fields = []
            for custom_fields_item_data in _custom_fields:
                custom_fields_item = RoomJoinSettingsCustomField.from_dict(custom_fields_item_data)

                custom_fields.append(custom_fields_item)

        _fields = d.pop("fields", UNSET)
        fields: list[RoomJoinSettingsField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = RoomJoinSettingsField.from_dict(fields_item_data)

                fields.append(fields_item)

        room_join_settings = cls(
            custom_fields=custom_fields,
            fields=fields,
        )

        room_join_settings.additional_properties = d
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
