from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GuestUrlResponse")


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
        room_url = self.room_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "roomUrl": room_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        room_url = d.pop("roomUrl")

        guest_url_response = cls(
            room_url=room_url,
        )

        guest_url_response.additional_properties = d
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
