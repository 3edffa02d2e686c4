from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SignalingToken")
_WIRE_NAMES = frozenset(("signalingToken",))


@_attrs_define
class SignalingToken:
    """Token for the media SDK (an HS256 JWT carrying `channelId`; claims and lifetime unknown).

    Attributes:
        signaling_token (str):
    """

    signaling_token: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        signaling_token = self.signaling_token
        field_dict["signalingToken"] = signaling_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"SignalingToken: expected a JSON object, got {type(src_dict).__name__}")
        signaling_token = src_dict["signalingToken"]
        if signaling_token.__class__ is not str and not isinstance(signaling_token, str):
            raise TypeError(f"SignalingToken.signalingToken: expected a string, got {type(signaling_token).__name__}")

        signaling_token = cls(
            signaling_token,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        signaling_token.additional_properties = _extra
        return signaling_token

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
