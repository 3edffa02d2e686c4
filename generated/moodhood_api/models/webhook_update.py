from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookUpdate")
_WIRE_NAMES = frozenset(
    (
        "isActive",
        "url",
    )
)


@_attrs_define
class WebhookUpdate:
    """Body of UpdateWebHook.

    Attributes:
        is_active (bool | Unset):
        url (str | Unset):
    """

    is_active: bool | Unset = UNSET

    url: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        is_active = self.is_active
        if is_active is not UNSET:
            field_dict["isActive"] = is_active

        url = self.url
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"WebhookUpdate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        is_active = _get("isActive", UNSET)
        if is_active.__class__ is not bool:
            if is_active is UNSET:
                _missing += 1
            else:
                raise TypeError(f"WebhookUpdate.isActive: expected a boolean, got {type(is_active).__name__}")

        url = _get("url", UNSET)
        if url.__class__ is not str:
            if url is UNSET:
                _missing += 1
            elif not isinstance(url, str):
                raise TypeError(f"WebhookUpdate.url: expected a string, got {type(url).__name__}")

        webhook_update = cls(
            is_active,
            url,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook_update.additional_properties = _extra
        return webhook_update

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
