from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")
_WIRE_NAMES = frozenset(
    (
        "email",
        "password",
        "username",
        "captchaToken",
        "phone",
    )
)


@_attrs_define
class UserCreate:
    """Body of createNewUser.

    Attributes:
        email (str): The login email; unique among users (a second user with the same email is refused with 422
            `user_exists`).
        password (str):
        username (str): Display name (not unique; log in with the email).
        captcha_token (str | Unset):
        phone (str | Unset):
    """

    email: str

    password: str

    username: str

    captcha_token: str | Unset = UNSET

    phone: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        email = self.email
        field_dict["email"] = email

        password = self.password
        field_dict["password"] = password

        username = self.username
        field_dict["username"] = username

        captcha_token = self.captcha_token
        if captcha_token is not UNSET:
            field_dict["captchaToken"] = captcha_token

        phone = self.phone
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"UserCreate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        email = src_dict["email"]
        if email.__class__ is not str and not isinstance(email, str):
            raise TypeError(f"UserCreate.email: expected a string, got {type(email).__name__}")

        password = src_dict["password"]
        if password.__class__ is not str and not isinstance(password, str):
            raise TypeError(f"UserCreate.password: expected a string, got {type(password).__name__}")

        username = src_dict["username"]
        if username.__class__ is not str and not isinstance(username, str):
            raise TypeError(f"UserCreate.username: expected a string, got {type(username).__name__}")

        captcha_token = _get("captchaToken", UNSET)
        if captcha_token.__class__ is not str:
            if captcha_token is UNSET:
                _missing += 1
            elif not isinstance(captcha_token, str):
                raise TypeError(f"UserCreate.captchaToken: expected a string, got {type(captcha_token).__name__}")

        phone = _get("phone", UNSET)
        if phone.__class__ is not str:
            if phone is UNSET:
                _missing += 1
            elif not isinstance(phone, str):
                raise TypeError(f"UserCreate.phone: expected a string, got {type(phone).__name__}")

        user_create = cls(
            email,
            password,
            username,
            captcha_token,
            phone,
        )
        if len(src_dict) == 5 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        user_create.additional_properties = _extra
        return user_create

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
