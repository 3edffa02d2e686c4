from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdResponse")
_WIRE_NAMES = frozenset(("id",))


@_attrs_define
class IdResponse:
    """The id of a newly created entity.

    Attributes:
        id (str): 24-hex ObjectId. Example: 64f1c0a2b3d4e5f60718293a.
    """

    id: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"IdResponse: expected a JSON object, got {type(src_dict).__name__}")
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"IdResponse.id: expected a string, got {type(id).__name__}")

        id_response = cls(
            id,
        )
        if len(src_dict) == 1:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        id_response.additional_properties = _extra
        return id_response

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
