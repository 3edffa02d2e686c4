from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParticipantCreate")


@_attrs_define
class ParticipantCreate:
    """Body of createParticipant. The mobile apps always send all four fields, so all four are required here
    (assumed: which fields the server requires is not documented).

        Attributes:
            client_unique_id (str): A client-chosen unique id (iOS sends a UUID, Android a 24-hex ObjectId).
            name (str): Display name (the apps send the device name).
            role (str): Media role. `host` is seen in the apps; `audience` is assumed from the SDK's MediaRole. Kept a plain
                string because the accepted values are not documented.
            room_id (str):
    """

    client_unique_id: str
    name: str
    role: str
    room_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_unique_id = self.client_unique_id

        name = self.name

        role = self.role

        room_id = self.room_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clientUniqueId": client_unique_id,
                "name": name,
                "role": role,
                "roomId": room_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_unique_id = d.pop("clientUniqueId")

        name = d.pop("name")

        role = d.pop("role")

        room_id = d.pop("roomId")

        participant_create = cls(
            client_unique_id=client_unique_id,
            name=name,
            role=role,
            room_id=room_id,
        )

        participant_create.additional_properties = d
        return participant_create

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
