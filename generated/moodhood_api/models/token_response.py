from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenResponse")
_WIRE_NAMES = frozenset(
    (
        "access_token",
        "token_type",
        "refresh_token",
    )
)


@_attrs_define
class TokenResponse:
    """A token pair. There is no `expires_in`; the lifetime is the JWT's `exp - iat` (7 days for access tokens,
    21 days for refresh tokens in the examples). Assumed: `refresh_token` may be absent or null (nullable in
    the Android model).

        Attributes:
            access_token (str): The access token (an HS256 JWT).
            token_type (str): Always `Bearer` in the examples. Example: Bearer.
            refresh_token (None | str | Unset): The refresh token (an HS256 JWT); also returned by the client-credentials
                grant. Assumed nullable (it is nullable in the Android model).
    """

    access_token: str

    token_type: str

    refresh_token: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        access_token = self.access_token
        field_dict["access_token"] = access_token

        token_type = self.token_type
        field_dict["token_type"] = token_type

        refresh_token: None | str | Unset
        if isinstance(self.refresh_token, Unset):
            refresh_token = UNSET
        else:
            refresh_token = self.refresh_token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"TokenResponse: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        access_token = src_dict["access_token"]
        if access_token.__class__ is not str and not isinstance(access_token, str):
            raise TypeError(f"TokenResponse.access_token: expected a string, got {type(access_token).__name__}")

        token_type = src_dict["token_type"]
        if token_type.__class__ is not str and not isinstance(token_type, str):
            raise TypeError(f"TokenResponse.token_type: expected a string, got {type(token_type).__name__}")

        refresh_token = _get("refresh_token", UNSET)
        if refresh_token.__class__ is not str:
            if refresh_token is UNSET:
                _missing += 1
            elif not isinstance(refresh_token, str) and refresh_token is not None:
                raise TypeError(
                    f"TokenResponse.refresh_token: expected a string or null, got {type(refresh_token).__name__}"
                )

        token_response = cls(
            access_token,
            token_type,
            refresh_token,
        )
        if len(src_dict) == 3 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        token_response.additional_properties = _extra
        return token_response

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
