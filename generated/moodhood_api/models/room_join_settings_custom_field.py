from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomJoinSettingsCustomField")
_WIRE_NAMES = frozenset(
    (
        "description",
        "enabled",
        "id",
        "order",
        "required",
        "title",
        "type",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description
        if description is not UNSET:
            field_dict["description"] = description

        enabled = self.enabled
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        id = self.id
        if id is not UNSET:
            field_dict["id"] = id

        order = self.order
        if order is not UNSET:
            field_dict["order"] = order

        required = self.required
        if required is not UNSET:
            field_dict["required"] = required

        title = self.title
        if title is not UNSET:
            field_dict["title"] = title

        type_ = self.type_
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomJoinSettingsCustomField: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        description = _get("description", UNSET)
        if description.__class__ is not str:
            if description is UNSET:
                _missing += 1
            elif not isinstance(description, str) and description is not None:
                raise TypeError(
                    f"RoomJoinSettingsCustomField.description: expected a string or null, got {type(description).__name__}"
                )

        enabled = _get("enabled", UNSET)
        if enabled.__class__ is not bool:
            if enabled is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomJoinSettingsCustomField.enabled: expected a boolean, got {type(enabled).__name__}"
                )

        id = _get("id", UNSET)
        if id.__class__ is not str:
            if id is UNSET:
                _missing += 1
            elif not isinstance(id, str):
                raise TypeError(f"RoomJoinSettingsCustomField.id: expected a string, got {type(id).__name__}")

        order = _get("order", UNSET)
        if order.__class__ is not int:
            if order is UNSET:
                _missing += 1
            elif not isinstance(order, int) or isinstance(order, bool):
                raise TypeError(f"RoomJoinSettingsCustomField.order: expected an integer, got {type(order).__name__}")

        required = _get("required", UNSET)
        if required.__class__ is not bool:
            if required is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomJoinSettingsCustomField.required: expected a boolean, got {type(required).__name__}"
                )

        title = _get("title", UNSET)
        if title.__class__ is not str:
            if title is UNSET:
                _missing += 1
            elif not isinstance(title, str):
                raise TypeError(f"RoomJoinSettingsCustomField.title: expected a string, got {type(title).__name__}")

        type_ = _get("type", UNSET)
        if type_.__class__ is not str:
            if type_ is UNSET:
                _missing += 1
            elif not isinstance(type_, str):
                raise TypeError(f"RoomJoinSettingsCustomField.type: expected a string, got {type(type_).__name__}")

        room_join_settings_custom_field = cls(
            description,
            enabled,
            id,
            order,
            required,
            title,
            type_,
        )
        if len(src_dict) == 7 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_join_settings_custom_field.additional_properties = _extra
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
