from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.room_role import RoomRole

T = TypeVar("T", bound="RoomRoleGrant")


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
        role = self.role.value

        target_user_id = self.target_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "targetUserId": target_user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = RoomRole(d.pop("role"))

        target_user_id = d.pop("targetUserId")

        room_role_grant = cls(
            role=role,
            target_user_id=target_user_id,
        )

        room_role_grant.additional_properties = d
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
