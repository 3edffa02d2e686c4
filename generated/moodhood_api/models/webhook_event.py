from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models import webhook_event_body as _webhook_event_body

if TYPE_CHECKING:
    from ..models.webhook_event_body import WebhookEventBody


T = TypeVar("T", bound="WebhookEvent")
_WIRE_NAMES = frozenset(
    (
        "body",
        "signature",
    )
)


@_attrs_define
class WebhookEvent:
    """Envelope POSTed to the webhook URL. `signature` = hex HMAC-SHA256 with the webhook secret over the compact
    `JSON.stringify(body)`, keys in the order received (D14).

        Example:
            {'body': {'eventName': 'record_finished', 'recordId': '64f1c0a2b3d4e5f60718293d', 'roomId':
                '64f1c0a2b3d4e5f60718293a', 'spaceId': '62ab5a84b0ce6ee31b0997b4'}, 'signature':
                '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}

        Attributes:
            body (WebhookEventBody): The signed part of a webhook event.
            signature (str): 64 lowercase hex characters.
    """

    body: WebhookEventBody

    signature: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        body = self.body.to_dict()
        field_dict["body"] = body

        signature = self.signature
        field_dict["signature"] = signature

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"WebhookEvent: expected a JSON object, got {type(src_dict).__name__}")
        body = src_dict["body"]
        if body.__class__ is not dict and not isinstance(body, Mapping):
            raise TypeError(f"WebhookEvent.body: expected a JSON object, got {type(body).__name__}")
        body = _webhook_event_body.WebhookEventBody.from_dict(body)

        signature = src_dict["signature"]
        if signature.__class__ is not str and not isinstance(signature, str):
            raise TypeError(f"WebhookEvent.signature: expected a string, got {type(signature).__name__}")

        webhook_event = cls(
            body,
            signature,
        )
        if len(src_dict) == 2:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        webhook_event.additional_properties = _extra
        return webhook_event

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
