from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEventBody")


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
        event_name = self.event_name

        room_id = self.room_id

        space_id = self.space_id

        record_id = self.record_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventName": event_name,
                "roomId": room_id,
                "spaceId": space_id,
            }
        )
        if record_id is not UNSET:
            field_dict["recordId"] = record_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_name = d.pop("eventName")

        room_id = d.pop("roomId")

        space_id = d.pop("spaceId")

        record_id = d.pop("recordId", UNSET)

        webhook_event_body = cls(
            event_name=event_name,
            room_id=room_id,
            space_id=space_id,
            record_id=record_id,
        )

        webhook_event_body.additional_properties = d
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
