from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestUrlRequest")
_WIRE_NAMES = frozenset(
    (
        "email",
        "externalUserId",
        "phone",
        "ttl",
        "username",
    )
)


@_attrs_define
class GuestUrlRequest:
    """Body of roomGenerateGuestUrl (no role; all fields optional as documented).

    Attributes:
        email (str | Unset):
        external_user_id (str | Unset):
        phone (str | Unset):
        ttl (int | Unset): Link lifetime in seconds. Default: 86400.
        username (str | Unset):
    """

    email: str | Unset = UNSET

    external_user_id: str | Unset = UNSET

    phone: str | Unset = UNSET

    ttl: int | Unset = 86400

    username: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        email = self.email
        if email is not UNSET:
            field_dict["email"] = email

        external_user_id = self.external_user_id
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id

        phone = self.phone
        if phone is not UNSET:
            field_dict["phone"] = phone

        ttl = self.ttl
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        username = self.username
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"GuestUrlRequest: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        email = _get("email", UNSET)
        if email.__class__ is not str:
            if email is UNSET:
                _missing += 1
            elif not isinstance(email, str):
                raise TypeError(f"GuestUrlRequest.email: expected a string, got {type(email).__name__}")

        external_user_id = _get("externalUserId", UNSET)
        if external_user_id.__class__ is not str:
            if external_user_id is UNSET:
                _missing += 1
            elif not isinstance(external_user_id, str):
                raise TypeError(
                    f"GuestUrlRequest.externalUserId: expected a string, got {type(external_user_id).__name__}"
                )

        phone = _get("phone", UNSET)
        if phone.__class__ is not str:
            if phone is UNSET:
                _missing += 1
            elif not isinstance(phone, str):
                raise TypeError(f"GuestUrlRequest.phone: expected a string, got {type(phone).__name__}")

        ttl = _get("ttl", UNSET)
        if ttl.__class__ is not int:
            if ttl is UNSET:
                _missing += 1
            elif not isinstance(ttl, int) or isinstance(ttl, bool):
                raise TypeError(f"GuestUrlRequest.ttl: expected an integer, got {type(ttl).__name__}")

        username = _get("username", UNSET)
        if username.__class__ is not str:
            if username is UNSET:
                _missing += 1
            elif not isinstance(username, str):
                raise TypeError(f"GuestUrlRequest.username: expected a string, got {type(username).__name__}")

        guest_url_request = cls(
            email,
            external_user_id,
            phone,
            ttl,
            username,
        )
        if len(src_dict) == 5 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        guest_url_request.additional_properties = _extra
        return guest_url_request

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
