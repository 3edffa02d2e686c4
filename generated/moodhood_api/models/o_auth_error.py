from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthError")
_WIRE_NAMES = frozenset(
    (
        "error",
        "error_description",
    )
)


@_attrs_define
class OAuthError:
    """RFC 6749 error body of the token endpoint.

    Attributes:
        error (str): OAuth2 error code; known values `invalid_request`, `invalid_client`, `invalid_grant`,
            `unsupported_grant_type`.
        error_description (None | str | Unset): Human-readable detail, e.g. `Invalid credentials`. Assumed nullable (not
            documented).
    """

    error: str

    error_description: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        error = self.error
        field_dict["error"] = error

        error_description: None | str | Unset
        if isinstance(self.error_description, Unset):
            error_description = UNSET
        else:
            error_description = self.error_description
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"OAuthError: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        error = src_dict["error"]
        if error.__class__ is not str and not isinstance(error, str):
            raise TypeError(f"OAuthError.error: expected a string, got {type(error).__name__}")

        error_description = _get("error_description", UNSET)
        if error_description.__class__ is not str:
            if error_description is UNSET:
                _missing += 1
            elif not isinstance(error_description, str) and error_description is not None:
                raise TypeError(
                    f"OAuthError.error_description: expected a string or null, got {type(error_description).__name__}"
                )

        o_auth_error = cls(
            error,
            error_description,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        o_auth_error.additional_properties = _extra
        return o_auth_error

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
