from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParticipantCreate")
_WIRE_NAMES = frozenset(
    (
        "clientUniqueId",
        "name",
        "role",
        "roomId",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        client_unique_id = self.client_unique_id
        field_dict["clientUniqueId"] = client_unique_id

        name = self.name
        field_dict["name"] = name

        role = self.role
        field_dict["role"] = role

        room_id = self.room_id
        field_dict["roomId"] = room_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ParticipantCreate: expected a JSON object, got {type(src_dict).__name__}")
        client_unique_id = src_dict["clientUniqueId"]
        if client_unique_id.__class__ is not str and not isinstance(client_unique_id, str):
            raise TypeError(
                f"ParticipantCreate.clientUniqueId: expected a string, got {type(client_unique_id).__name__}"
            )

        name = src_dict["name"]
        if name.__class__ is not str and not isinstance(name, str):
            raise TypeError(f"ParticipantCreate.name: expected a string, got {type(name).__name__}")

        role = src_dict["role"]
        if role.__class__ is not str and not isinstance(role, str):
            raise TypeError(f"ParticipantCreate.role: expected a string, got {type(role).__name__}")

        room_id = src_dict["roomId"]
        if room_id.__class__ is not str and not isinstance(room_id, str):
            raise TypeError(f"ParticipantCreate.roomId: expected a string, got {type(room_id).__name__}")

        participant_create = cls(
            client_unique_id,
            name,
            role,
            room_id,
        )
        if len(src_dict) == 4:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        participant_create.additional_properties = _extra
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
