from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


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
        client_id = self.client_id

        client_secret = self.client_secret

        grant_type = self.grant_type.value

        password = self.password

        refresh_token = self.refresh_token

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "grant_type": grant_type,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        grant_type = GrantType(d.pop("grant_type"))

        password = d.pop("password", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        username = d.pop("username", UNSET)

        token_request = cls(
            client_id=client_id,
            client_secret=client_secret,
            grant_type=grant_type,
            password=password,
            refresh_token=refresh_token,
            username=username,
        )

        token_request.additional_properties = d
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
