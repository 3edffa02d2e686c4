from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="User")
_WIRE_NAMES = frozenset(
    (
        "email",
        "id",
        "phone",
        "username",
    )
)


@_attrs_define
class User:
    """The current user. Only `email` is seen in use; `id`, `username` and `phone` are assumed from the create
    body.

        Example:
            {'id': '62ab5a84b0ce6ee31b0997b3', 'email': 'user@example.com', 'username': 'Ivan Petrov', 'phone': None}

        Attributes:
            email (str | Unset):
            id (str | Unset):
            phone (None | str | Unset): Assumed nullable (not documented).
            username (None | str | Unset): Assumed nullable (not documented).
    """

    email: str | Unset = UNSET

    id: str | Unset = UNSET

    phone: None | str | Unset = UNSET

    username: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        email = self.email
        if email is not UNSET:
            field_dict["email"] = email

        id = self.id
        if id is not UNSET:
            field_dict["id"] = id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone
        if phone is not UNSET:
            field_dict["phone"] = phone

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"User: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        email = _get("email", UNSET)
        if email.__class__ is not str:
            if email is UNSET:
                _missing += 1
            elif not isinstance(email, str):
                raise TypeError(f"User.email: expected a string, got {type(email).__name__}")

        id = _get("id", UNSET)
        if id.__class__ is not str:
            if id is UNSET:
                _missing += 1
            elif not isinstance(id, str):
                raise TypeError(f"User.id: expected a string, got {type(id).__name__}")

        phone = _get("phone", UNSET)
        if phone.__class__ is not str:
            if phone is UNSET:
                _missing += 1
            elif not isinstance(phone, str) and phone is not None:
                raise TypeError(f"User.phone: expected a string or null, got {type(phone).__name__}")

        username = _get("username", UNSET)
        if username.__class__ is not str:
            if username is UNSET:
                _missing += 1
            elif not isinstance(username, str) and username is not None:
                raise TypeError(f"User.username: expected a string or null, got {type(username).__name__}")

        user = cls(
            email,
            id,
            phone,
            username,
        )
        if len(src_dict) == 4 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        user.additional_properties = _extra
        return user

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
