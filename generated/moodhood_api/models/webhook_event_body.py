from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventBody")
_WIRE_NAMES = frozenset(
    (
        "eventName",
        "roomId",
        "spaceId",
        "recordId",
    )
)


@_attrs_define
class WebhookEventBody:
    """The signed part of a webhook event.

    Attributes:
        event_name (str): Known values `call_started`, `call_finished`, `record_started`, `record_finished`,
            `record_failed`,
            `record_aborted`.
        room_id (str):
        space_id (str):
        record_id (str | Unset): Present on `record_*` events. Assumed absent (not null) on call events.
    """

    event_name: str

    room_id: str

    space_id: str

    record_id: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        event_name = self.event_name
        field_dict["eventName"] = event_name

        room_id = self.room_id
        field_dict["roomId"] = room_id

        space_id = self.space_id
        field_dict["spaceId"] = space_id

        record_id = self.record_id
        if record_id is not UNSET:
            field_dict["recordId"] = record_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"WebhookEventBody: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        event_name = src_dict["eventName"]
        if event_name.__class__ is not str and not isinstance(event_name, str):
            raise TypeError(f"WebhookEventBody.eventName: expected a string, got {type(event_name).__name__}")

        room_id = src_dict["roomId"]
        if room_id.__class__ is not str and not isinstance(room_id, str):
            raise TypeError(f"WebhookEventBody.roomId: expected a string, got {type(room_id).__name__}")

        space_id = src_dict["spaceId"]
        if space_id.__class__ is not str and not isinstance(space_id, str):
            raise TypeError(f"WebhookEventBody.spaceId: expected a string, got {type(space_id).__name__}")

        record_id = _get("recordId", UNSET)
        if record_id.__class__ is not str:
            if record_id is UNSET:
                _missing += 1
            elif not isinstance(record_id, str):
                raise TypeError(f"WebhookEventBody.recordId: expected a string, got {type(record_id).__name__}")

        webhook_event_body = cls(
            event_name,
            room_id,
            space_id,
            record_id,
        )
        if len(src_dict) == 4 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook_event_body.additional_properties = _extra
        return webhook_event_body

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
