from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """A media participant. Only `id` is documented in the answer; the other fields are assumed echoes of the
    request.

        Example:
            {'id': '64f1c0a2b3d4e5f60718293c', 'name': 'iPhone 15', 'roomId': '64f1c0a2b3d4e5f60718293a', 'role': 'host',
                'clientUniqueId': '64f1c0a2b3d4e5f60718293b'}

        Attributes:
            id (str):
            client_unique_id (str | Unset):
            name (str | Unset):
            role (str | Unset):
            room_id (str | Unset):
    """

    id: str
    client_unique_id: str | Unset = UNSET
    name: str | Unset = UNSET
    role: str | Unset = UNSET
    room_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_unique_id = self.client_unique_id

        name = self.name

        role = self.role

        room_id = self.room_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if client_unique_id is not UNSET:
            field_dict["clientUniqueId"] = client_unique_id
        if name is not UNSET:
            field_dict["name"] = name
        if role is not UNSET:
            field_dict["role"] = role
        if room_id is not UNSET:
            field_dict["roomId"] = room_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        client_unique_id = d.pop("clientUniqueId", UNSET)

        name = d.pop("name", UNSET)

        role = d.pop("role", UNSET)

        room_id = d.pop("roomId", UNSET)

        participant = cls(
            id=id,
            client_unique_id=client_unique_id,
            name=name,
            role=role,
            room_id=room_id,
        )

        participant.additional_properties = d
        return participant

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
