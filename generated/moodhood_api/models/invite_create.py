from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.space_invite_role import SpaceInviteRole

T = TypeVar("T", bound="InviteCreate")
_WIRE_NAMES = frozenset(("role",))


@_attrs_define
class InviteCreate:
    """Body of createInvite.

    Attributes:
        role (SpaceInviteRole): Role the invited user receives in the space.
    """

    role: SpaceInviteRole

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        role = self.role.value
        field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"InviteCreate: expected a JSON object, got {type(src_dict).__name__}")
        role = src_dict["role"]
        if role.__class__ is not str and not isinstance(role, str):
            raise TypeError(f"InviteCreate.role: expected a string, got {type(role).__name__}")
        role = SpaceInviteRole._from_wire(role)

        invite_create = cls(
            role,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        invite_create.additional_properties = _extra
        return invite_create

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
