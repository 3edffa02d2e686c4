from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")
_WIRE_NAMES = frozenset(
    (
        "client_id",
        "client_secret",
        "grant_type",
        "password",
        "refresh_token",
        "username",
    )
)


@_attrs_define
class TokenRequest:
    """Body of `POST /auth/token`. `username` and `password` are required with `grant_type=password` (username is
    the user's email); `refresh_token` is required with `grant_type=refresh_token` (assumed grant, D4).

        Attributes:
            client_id (str): Textual client id, e.g. `john-smith-livedigital`.
            client_secret (str): Client secret (32 alphanumerics in the documented example).
            grant_type (GrantType): OAuth2 grant. `client_credentials` and `password` are documented; `refresh_token` is
                assumed (D4).
            password (str | Unset): The user's password. Password grant only.
            refresh_token (str | Unset): A refresh token from an earlier grant. Refresh grant only (assumed, D4).
            username (str | Unset): The user's **email** (usernames are not unique). Password grant only.
    """

    client_id: str

    client_secret: str

    grant_type: GrantType

    password: str | Unset = UNSET

    refresh_token: str | Unset = UNSET

    username: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        client_id = self.client_id
        field_dict["client_id"] = client_id

        client_secret = self.client_secret
        field_dict["client_secret"] = client_secret

        grant_type = self.grant_type.value
        field_dict["grant_type"] = grant_type

        password = self.password
        if password is not UNSET:
            field_dict["password"] = password

        refresh_token = self.refresh_token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token

        username = self.username
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"TokenRequest: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        client_id = src_dict["client_id"]
        if client_id.__class__ is not str and not isinstance(client_id, str):
            raise TypeError(f"TokenRequest.client_id: expected a string, got {type(client_id).__name__}")

        client_secret = src_dict["client_secret"]
        if client_secret.__class__ is not str and not isinstance(client_secret, str):
            raise TypeError(f"TokenRequest.client_secret: expected a string, got {type(client_secret).__name__}")

        grant_type = src_dict["grant_type"]
        if grant_type.__class__ is not str and not isinstance(grant_type, str):
            raise TypeError(f"TokenRequest.grant_type: expected a string, got {type(grant_type).__name__}")
        grant_type = GrantType._from_wire(grant_type)

        password = _get("password", UNSET)
        if password.__class__ is not str:
            if password is UNSET:
                _missing += 1
            elif not isinstance(password, str):
                raise TypeError(f"TokenRequest.password: expected a string, got {type(password).__name__}")

        refresh_token = _get("refresh_token", UNSET)
        if refresh_token.__class__ is not str:
            if refresh_token is UNSET:
                _missing += 1
            elif not isinstance(refresh_token, str):
                raise TypeError(f"TokenRequest.refresh_token: expected a string, got {type(refresh_token).__name__}")

        username = _get("username", UNSET)
        if username.__class__ is not str:
            if username is UNSET:
                _missing += 1
            elif not isinstance(username, str):
                raise TypeError(f"TokenRequest.username: expected a string, got {type(username).__name__}")

        token_request = cls(
            client_id,
            client_secret,
            grant_type,
            password,
            refresh_token,
            username,
        )
        if len(src_dict) == 6 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        token_request.additional_properties = _extra
        return token_request

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
