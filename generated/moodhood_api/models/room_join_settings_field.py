from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomJoinSettingsField")


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
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled = self.enabled

        required = self.required

        slug = self.slug

        title = self.title

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if required is not UNSET:
            field_dict["required"] = required
        if slug is not UNSET:
            field_dict["slug"] = slug
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

        required = d.pop("required", UNSET)

        slug = d.pop("slug", UNSET)

        title = d.pop("title", UNSET)

        type_ = d.pop("type", UNSET)

        room_join_settings_field = cls(
            description=description,
            enabled=enabled,
            required=required,
            slug=slug,
            title=title,
            type_=type_,
        )

        room_join_settings_field.additional_properties = d
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
