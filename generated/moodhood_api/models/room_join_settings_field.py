from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomJoinSettingsField")
_WIRE_NAMES = frozenset(
    (
        "description",
        "enabled",
        "required",
        "slug",
        "title",
        "type",
    )
)


@_attrs_define
class RoomJoinSettingsField:
    """A built-in join-form field.

    Attributes:
        description (None | str | Unset): Assumed nullable (not documented).
        enabled (bool | Unset):
        required (bool | Unset):
        slug (str | Unset): Known value `email`.
        title (str | Unset):
        type_ (str | Unset): Known value `email`.
    """

    description: None | str | Unset = UNSET

    enabled: bool | Unset = UNSET

    required: bool | Unset = UNSET

    slug: str | Unset = UNSET

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

        required = self.required
        if required is not UNSET:
            field_dict["required"] = required

        slug = self.slug
        if slug is not UNSET:
            field_dict["slug"] = slug

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
            raise TypeError(f"RoomJoinSettingsField: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        description = _get("description", UNSET)
        if description.__class__ is not str:
            if description is UNSET:
                _missing += 1
            elif not isinstance(description, str) and description is not None:
                raise TypeError(
                    f"RoomJoinSettingsField.description: expected a string or null, got {type(description).__name__}"
                )

        enabled = _get("enabled", UNSET)
        if enabled.__class__ is not bool:
            if enabled is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomJoinSettingsField.enabled: expected a boolean, got {type(enabled).__name__}")

        required = _get("required", UNSET)
        if required.__class__ is not bool:
            if required is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomJoinSettingsField.required: expected a boolean, got {type(required).__name__}")

        slug = _get("slug", UNSET)
        if slug.__class__ is not str:
            if slug is UNSET:
                _missing += 1
            elif not isinstance(slug, str):
                raise TypeError(f"RoomJoinSettingsField.slug: expected a string, got {type(slug).__name__}")

        title = _get("title", UNSET)
        if title.__class__ is not str:
            if title is UNSET:
                _missing += 1
            elif not isinstance(title, str):
                raise TypeError(f"RoomJoinSettingsField.title: expected a string, got {type(title).__name__}")

        type_ = _get("type", UNSET)
        if type_.__class__ is not str:
            if type_ is UNSET:
                _missing += 1
            elif not isinstance(type_, str):
                raise TypeError(f"RoomJoinSettingsField.type: expected a string, got {type(type_).__name__}")

        room_join_settings_field = cls(
            description,
            enabled,
            required,
            slug,
            title,
            type_,
        )
        if len(src_dict) == 6 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_join_settings_field.additional_properties = _extra
        return room_join_settings_field

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
