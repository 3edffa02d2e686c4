from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GenerateAccessResponse")
_WIRE_NAMES = frozenset(("url",))


@_attrs_define
class GenerateAccessResponse:
    """The personal join link.

    Example:
        {'url': 'https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Ivan&accessToken=eyJhbGciOiJIUzI1NiJ9.e30
            .EXAMPLE'}

    Attributes:
        url (str):  Example: https://edu.livedigital.space/room/EGBYWoMZJe?participantName=Ivan&accessToken=....
    """

    url: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        url = self.url
        field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"GenerateAccessResponse: expected a JSON object, got {type(src_dict).__name__}")
        url = src_dict["url"]
        if url.__class__ is not str and not isinstance(url, str):
            raise TypeError(f"GenerateAccessResponse.url: expected a string, got {type(url).__name__}")

        generate_access_response = cls(
            url,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        generate_access_response.additional_properties = _extra
        return generate_access_response

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
