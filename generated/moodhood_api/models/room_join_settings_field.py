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
        slug (str | Unset): Known value `email`.
        type_ (str | Unset): Known value `email`.
        title (str | Unset):
        enabled (bool | Unset):
        required (bool | Unset):
        description (None | str | Unset): Assumed nullable (not documented).
    """

    slug: str | Unset = UNSET
    type_: str | Unset = UNSET
    title: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    required: bool | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        type_ = self.type_

        title = self.title

        enabled = self.enabled

        required = self.required

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if required is not UNSET:
            field_dict["required"] = required
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        type_ = d.pop("type", UNSET)

        title = d.pop("title", UNSET)

        enabled = d.pop("enabled", UNSET)

        required = d.pop("required", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        room_join_settings_field = cls(
            slug=slug,
            type_=type_,
            title=title,
            enabled=enabled,
            required=required,
            description=description,
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
