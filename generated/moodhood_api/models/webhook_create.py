from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookCreate")
_WIRE_NAMES = frozenset(("url",))


@_attrs_define
class WebhookCreate:
    """Body of CreateWebHook.

    Attributes:
        url (str): HTTPS endpoint that receives the events.
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
            raise TypeError(f"WebhookCreate: expected a JSON object, got {type(src_dict).__name__}")
        url = src_dict["url"]
        if url.__class__ is not str and not isinstance(url, str):
            raise TypeError(f"WebhookCreate.url: expected a string, got {type(url).__name__}")

        webhook_create = cls(
            url,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook_create.additional_properties = _extra
        return webhook_create

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
