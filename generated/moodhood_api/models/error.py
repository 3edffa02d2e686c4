from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")
_WIRE_NAMES = frozenset(
    (
        "code",
        "message",
    )
)


@_attrs_define
class Error:
    """Error body of every endpoint but the token endpoint. Assumed from the Android client's model (both fields
    optional); the real body is not documented.

        Attributes:
            code (None | str | Unset): Machine-readable error code. Assumed nullable (not documented).
            message (None | str | Unset): Human-readable message. Assumed nullable (not documented).
    """

    code: None | str | Unset = UNSET

    message: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code
        if code is not UNSET:
            field_dict["code"] = code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Error: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        code = _get("code", UNSET)
        if code.__class__ is not str:
            if code is UNSET:
                _missing += 1
            elif not isinstance(code, str) and code is not None:
                raise TypeError(f"Error.code: expected a string or null, got {type(code).__name__}")

        message = _get("message", UNSET)
        if message.__class__ is not str:
            if message is UNSET:
                _missing += 1
            elif not isinstance(message, str) and message is not None:
                raise TypeError(f"Error.message: expected a string or null, got {type(message).__name__}")

        error = cls(
            code,
            message,
        )
        if len(src_dict) == 2 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        error.additional_properties = _extra
        return error

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
