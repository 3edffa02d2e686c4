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
        username (str | Unset):
        external_user_id (str | Unset):
        ttl (int | Unset): Link lifetime in seconds.
        email (str | Unset):
        phone (str | Unset):
    """

    username: str | Unset = UNSET
    external_user_id: str | Unset = UNSET
    ttl: int | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        external_user_id = self.external_user_id

        ttl = self.ttl

        email = self.email

        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username", UNSET)

        external_user_id = d.pop("externalUserId", UNSET)

        ttl = d.pop("ttl", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        guest_url_request = cls(
            username=username,
            external_user_id=external_user_id,
            ttl=ttl,
            email=email,
            phone=phone,
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
