from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GuestUrlResponse")
_WIRE_NAMES = frozenset(("roomUrl",))


@_attrs_define
class GuestUrlResponse:
    """The guest join link; the embedded token lives 24 h. Extra GET parameters may be appended.

    Example:
        {'roomUrl': 'https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Guest&accessToken=eyJhbGciOiJIUzI1NiJ
            9.e30.EXAMPLE'}

    Attributes:
        room_url (str):
    """

    room_url: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        room_url = self.room_url
        field_dict["roomUrl"] = room_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"GuestUrlResponse: expected a JSON object, got {type(src_dict).__name__}")
        room_url = src_dict["roomUrl"]
        if room_url.__class__ is not str and not isinstance(room_url, str):
            raise TypeError(f"GuestUrlResponse.roomUrl: expected a string, got {type(room_url).__name__}")

        guest_url_response = cls(
            room_url,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        guest_url_response.additional_properties = _extra
        return guest_url_response

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
