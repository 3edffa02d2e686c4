from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookWithSecret")
_WIRE_NAMES = frozenset(
    (
        "secret",
        "url",
        "isActive",
    )
)


@_attrs_define
class WebhookWithSecret:
    """The space webhook with its signing secret (create and refresh-secret only).

    Example:
        {'url': 'https://example.com/moodhood/webhook', 'secret': 'Zx8kQ2mN4pR6sT1vW3yB5dF7hJ9lA0cE', 'isActive': True}

    Attributes:
        secret (str): HMAC key (32 alphanumerics in the examples).
        url (str):
        is_active (bool | Unset):
    """

    secret: str

    url: str

    is_active: bool | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        secret = self.secret
        field_dict["secret"] = secret

        url = self.url
        field_dict["url"] = url

        is_active = self.is_active
        if is_active is not UNSET:
            field_dict["isActive"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"WebhookWithSecret: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        secret = src_dict["secret"]
        if secret.__class__ is not str and not isinstance(secret, str):
            raise TypeError(f"WebhookWithSecret.secret: expected a string, got {type(secret).__name__}")

        url = src_dict["url"]
        if url.__class__ is not str and not isinstance(url, str):
            raise TypeError(f"WebhookWithSecret.url: expected a string, got {type(url).__name__}")

        is_active = _get("isActive", UNSET)
        if is_active.__class__ is not bool:
            if is_active is UNSET:
                _missing += 1
            else:
                raise TypeError(f"WebhookWithSecret.isActive: expected a boolean, got {type(is_active).__name__}")

        webhook_with_secret = cls(
            secret,
            url,
            is_active,
        )
        if len(src_dict) == 3 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook_with_secret.additional_properties = _extra
        return webhook_with_secret

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
