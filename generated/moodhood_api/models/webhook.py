from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Webhook")
_WIRE_NAMES = frozenset(
    (
        "url",
        "isActive",
    )
)


@_attrs_define
class Webhook:
    """The space webhook, without its secret.

    Example:
        {'url': 'https://example.com/moodhood/webhook', 'isActive': True}

    Attributes:
        url (str):
        is_active (bool | Unset):
    """

    url: str

    is_active: bool | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        url = self.url
        field_dict["url"] = url

        is_active = self.is_active
        if is_active is not UNSET:
            field_dict["isActive"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Webhook: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        url = src_dict["url"]
        if url.__class__ is not str and not isinstance(url, str):
            raise TypeError(f"Webhook.url: expected a string, got {type(url).__name__}")

        is_active = _get("isActive", UNSET)
        if is_active.__class__ is not bool:
            if is_active is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Webhook.isActive: expected a boolean, got {type(is_active).__name__}")

        webhook = cls(
            url,
            is_active,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook.additional_properties = _extra
        return webhook

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
