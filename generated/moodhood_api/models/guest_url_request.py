from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GuestUrlRequest")


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
        email = self.email

        external_user_id = self.external_user_id

        phone = self.phone

        ttl = self.ttl

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        external_user_id = d.pop("externalUserId", UNSET)

        phone = d.pop("phone", UNSET)

        ttl = d.pop("ttl", UNSET)

        username = d.pop("username", UNSET)

        guest_url_request = cls(
            email=email,
            external_user_id=external_user_id,
            phone=phone,
            ttl=ttl,
            username=username,
        )

        guest_url_request.additional_properties = d
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
