from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SpaceUpdate")
_WIRE_NAMES = frozenset(
    (
        "isPublic",
        "name",
        "description",
        "logo",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        is_public = self.is_public
        field_dict["isPublic"] = is_public

        name = self.name
        field_dict["name"] = name

        description = self.description
        if description is not UNSET:
            field_dict["description"] = description

        logo = self.logo
        if logo is not UNSET:
            field_dict["logo"] = logo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"SpaceUpdate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        is_public = src_dict["isPublic"]
        if is_public.__class__ is not bool:
            raise TypeError(f"SpaceUpdate.isPublic: expected a boolean, got {type(is_public).__name__}")

        name = src_dict["name"]
        if name.__class__ is not str and not isinstance(name, str):
            raise TypeError(f"SpaceUpdate.name: expected a string, got {type(name).__name__}")

        description = _get("description", UNSET)
        if description.__class__ is not str:
            if description is UNSET:
                _missing += 1
            elif not isinstance(description, str):
                raise TypeError(f"SpaceUpdate.description: expected a string, got {type(description).__name__}")

        logo = _get("logo", UNSET)
        if logo.__class__ is not str:
            if logo is UNSET:
                _missing += 1
            elif not isinstance(logo, str):
                raise TypeError(f"SpaceUpdate.logo: expected a string, got {type(logo).__name__}")

        space_update = cls(
            is_public,
            name,
            description,
            logo,
        )
        if len(src_dict) == 4 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        space_update.additional_properties = _extra
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
