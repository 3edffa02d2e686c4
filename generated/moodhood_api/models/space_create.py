from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SpaceCreate")
_WIRE_NAMES = frozenset(
    (
        "name",
        "description",
        "isPublic",
        "logo",
    )
)


@_attrs_define
class SpaceCreate:
    """Body of createSpace.

    Attributes:
        name (str):
        description (str | Unset):
        is_public (bool | Unset): Deprecated per the 2025 guide, which says to always send `true`.
        logo (str | Unset): URL of the logo image.
    """

    name: str

    description: str | Unset = UNSET

    is_public: bool | Unset = UNSET

    logo: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name = self.name
        field_dict["name"] = name

        description = self.description
        if description is not UNSET:
            field_dict["description"] = description

        is_public = self.is_public
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public

        logo = self.logo
        if logo is not UNSET:
            field_dict["logo"] = logo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"SpaceCreate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        name = src_dict["name"]
        if name.__class__ is not str and not isinstance(name, str):
            raise TypeError(f"SpaceCreate.name: expected a string, got {type(name).__name__}")

        description = _get("description", UNSET)
        if description.__class__ is not str:
            if description is UNSET:
                _missing += 1
            elif not isinstance(description, str):
                raise TypeError(f"SpaceCreate.description: expected a string, got {type(description).__name__}")

        is_public = _get("isPublic", UNSET)
        if is_public.__class__ is not bool:
            if is_public is UNSET:
                _missing += 1
            else:
                raise TypeError(f"SpaceCreate.isPublic: expected a boolean, got {type(is_public).__name__}")

        logo = _get("logo", UNSET)
        if logo.__class__ is not str:
            if logo is UNSET:
                _missing += 1
            elif not isinstance(logo, str):
                raise TypeError(f"SpaceCreate.logo: expected a string, got {type(logo).__name__}")

        space_create = cls(
            name,
            description,
            is_public,
            logo,
        )
        if len(src_dict) == 4 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        space_create.additional_properties = _extra
        return space_create

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
