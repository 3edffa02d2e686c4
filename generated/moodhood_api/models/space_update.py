from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SpaceUpdate")


@_attrs_define
class SpaceUpdate:
    """Body of updateSpace (`name` and `isPublic` are required per the 2025 guide).

    Attributes:
        is_public (bool): Deprecated but required; send `true`.
        name (str):
        description (str | Unset):
        logo (str | Unset): URL of the logo image.
    """

    is_public: bool
    name: str
    description: str | Unset = UNSET
    logo: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_public = self.is_public

        name = self.name

        description = self.description

        logo = self.logo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "isPublic": is_public,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if logo is not UNSET:
            field_dict["logo"] = logo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_public = d.pop("isPublic")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        logo = d.pop("logo", UNSET)

        space_update = cls(
            is_public=is_public,
            name=name,
            description=description,
            logo=logo,
        )

        space_update.additional_properties = d
        return space_update

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
