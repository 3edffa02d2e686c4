from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Participant")
_WIRE_NAMES = frozenset(
    (
        "id",
        "clientUniqueId",
        "name",
        "role",
        "roomId",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        client_unique_id = self.client_unique_id
        if client_unique_id is not UNSET:
            field_dict["clientUniqueId"] = client_unique_id

        name = self.name
        if name is not UNSET:
            field_dict["name"] = name

        role = self.role
        if role is not UNSET:
            field_dict["role"] = role

        room_id = self.room_id
        if room_id is not UNSET:
            field_dict["roomId"] = room_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Participant: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"Participant.id: expected a string, got {type(id).__name__}")

        client_unique_id = _get("clientUniqueId", UNSET)
        if client_unique_id.__class__ is not str:
            if client_unique_id is UNSET:
                _missing += 1
            elif not isinstance(client_unique_id, str):
                raise TypeError(f"Participant.clientUniqueId: expected a string, got {type(client_unique_id).__name__}")

        name = _get("name", UNSET)
        if name.__class__ is not str:
            if name is UNSET:
                _missing += 1
            elif not isinstance(name, str):
                raise TypeError(f"Participant.name: expected a string, got {type(name).__name__}")

        role = _get("role", UNSET)
        if role.__class__ is not str:
            if role is UNSET:
                _missing += 1
            elif not isinstance(role, str):
                raise TypeError(f"Participant.role: expected a string, got {type(role).__name__}")

        room_id = _get("roomId", UNSET)
        if room_id.__class__ is not str:
            if room_id is UNSET:
                _missing += 1
            elif not isinstance(room_id, str):
                raise TypeError(f"Participant.roomId: expected a string, got {type(room_id).__name__}")

        participant = cls(
            id,
            client_unique_id,
            name,
            role,
            room_id,
        )
        if len(src_dict) == 5 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        participant.additional_properties = _extra
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
