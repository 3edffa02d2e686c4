from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomJoinSettingsCustomField")


@_attrs_define
class RoomJoinSettingsCustomField:
    """A custom join-form field.

    Attributes:
        description (None | str | Unset): Assumed nullable (not documented).
        enabled (bool | Unset):
        id (str | Unset): A UUID (kept a plain string).
        order (int | Unset):
        required (bool | Unset):
        title (str | Unset):
        type_ (str | Unset):
    """

    description: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    id: str | Unset = UNSET
    order: int | Unset = UNSET
    required: bool | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled = self.enabled

        id = self.id

        order = self.order

        required = self.required

        title = self.title

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if id is not UNSET:
            field_dict["id"] = id
        if order is not UNSET:
            field_dict["order"] = order
        if required is not UNSET:
            field_dict["required"] = required
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        enabled = d.pop("enabled", UNSET)

        id = d.pop("id", UNSET)

        order = d.pop("order", UNSET)

        required = d.pop("required", UNSET)

        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        room_join_settings_custom_field = cls(
            description=description,
            enabled=enabled,
            id=id,
            order=order,
            required=required,
            title=title,
            type_=type_,
        )

        room_join_settings_custom_field.additional_properties = d
        return room_join_settings_custom_field

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
