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
            name (str): Display name (the apps send the device name).
            room_id (str):
            role (str): Media role. `host` is seen in the apps; `audience` is assumed from the SDK's MediaRole. Kept a plain
                string because the accepted values are not documented.
            client_unique_id (str): A client-chosen unique id (iOS sends a UUID, Android a 24-hex ObjectId).
    """

    name: str
    room_id: str
    role: str
    client_unique_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        room_id = self.room_id

        role = self.role

        client_unique_id = self.client_unique_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "roomId": room_id,
                "role": role,
                "clientUniqueId": client_unique_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        room_id = d.pop("roomId")

        role = d.pop("role")

        client_unique_id = d.pop("clientUniqueId")

        participant_create = cls(
            name=name,
            room_id=room_id,
            role=role,
            client_unique_id=client_unique_id,
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
