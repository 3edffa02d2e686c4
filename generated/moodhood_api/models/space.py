from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Space")
_WIRE_NAMES = frozenset(
    (
        "id",
        "description",
        "isPublic",
        "logo",
        "name",
    )
)


@_attrs_define
class Space:
    """A space. Only `id` and `name` are seen in responses; the other fields mirror the create body (assumed).

    Attributes:
        id (str):
        description (None | str | Unset): Assumed nullable (not documented).
        is_public (bool | Unset):
        logo (None | str | Unset): Assumed nullable (not documented).
        name (str | Unset):
    """

    id: str

    description: None | str | Unset = UNSET

    is_public: bool | Unset = UNSET

    logo: None | str | Unset = UNSET

    name: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description
        if description is not UNSET:
            field_dict["description"] = description

        is_public = self.is_public
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public

        logo: None | str | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        else:
            logo = self.logo
        if logo is not UNSET:
            field_dict["logo"] = logo

        name = self.name
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Space: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"Space.id: expected a string, got {type(id).__name__}")

        description = _get("description", UNSET)
        if description.__class__ is not str:
            if description is UNSET:
                _missing += 1
            elif not isinstance(description, str) and description is not None:
                raise TypeError(f"Space.description: expected a string or null, got {type(description).__name__}")

        is_public = _get("isPublic", UNSET)
        if is_public.__class__ is not bool:
            if is_public is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Space.isPublic: expected a boolean, got {type(is_public).__name__}")

        logo = _get("logo", UNSET)
        if logo.__class__ is not str:
            if logo is UNSET:
                _missing += 1
            elif not isinstance(logo, str) and logo is not None:
                raise TypeError(f"Space.logo: expected a string or null, got {type(logo).__name__}")

        name = _get("name", UNSET)
        if name.__class__ is not str:
            if name is UNSET:
                _missing += 1
            elif not isinstance(name, str):
                raise TypeError(f"Space.name: expected a string, got {type(name).__name__}")

        space = cls(
            id,
            description,
            is_public,
            logo,
            name,
        )
        if len(src_dict) == 5 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        space.additional_properties = _extra
        return space

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
