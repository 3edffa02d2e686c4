from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.room_role import RoomRole

T = TypeVar("T", bound="RoomRoleGrant")
_WIRE_NAMES = frozenset(
    (
        "role",
        "targetUserId",
    )
)


@_attrs_define
class RoomRoleGrant:
    """Body of grantRoleToUserAtRoom.

    Attributes:
        role (RoomRole): Role to grant in the room.
        target_user_id (str):
    """

    role: RoomRole

    target_user_id: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        role = self.role.value
        field_dict["role"] = role

        target_user_id = self.target_user_id
        field_dict["targetUserId"] = target_user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomRoleGrant: expected a JSON object, got {type(src_dict).__name__}")
        role = src_dict["role"]
        if role.__class__ is not str and not isinstance(role, str):
            raise TypeError(f"RoomRoleGrant.role: expected a string, got {type(role).__name__}")
        role = RoomRole._from_wire(role)

        target_user_id = src_dict["targetUserId"]
        if target_user_id.__class__ is not str and not isinstance(target_user_id, str):
            raise TypeError(f"RoomRoleGrant.targetUserId: expected a string, got {type(target_user_id).__name__}")

        room_role_grant = cls(
            role,
            target_user_id,
        )
        if len(src_dict) == 2:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_role_grant.additional_properties = _extra
        return room_role_grant

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
