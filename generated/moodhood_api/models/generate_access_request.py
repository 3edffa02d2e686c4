from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generate_access_role import GenerateAccessRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateAccessRequest")
_WIRE_NAMES = frozenset(
    (
        "role",
        "username",
        "email",
        "externalMeetingId",
        "externalUserId",
        "isPermanent",
        "phone",
        "ttl",
    )
)


@_attrs_define
class GenerateAccessRequest:
    """Body of roomGenerateAccess. Values passed here are not asked for again on the join form.

    Attributes:
        role (GenerateAccessRole): `user`: a guest; `moderator`: a meeting admin.
        username (str): Display name of the participant.
        email (str | Unset):
        external_meeting_id (str | Unset): The integrator's meeting id, for analytics.
        external_user_id (str | Unset): The integrator's user id, for analytics.
        is_permanent (bool | Unset): Reusable for the whole ttl; when absent the link is single-use.
        phone (str | Unset):
        ttl (int | Unset): Link lifetime in seconds (default 86400, max 432000). Default: 86400.
    """

    role: GenerateAccessRole

    username: str

    email: str | Unset = UNSET

    external_meeting_id: str | Unset = UNSET

    external_user_id: str | Unset = UNSET

    is_permanent: bool | Unset = UNSET

    phone: str | Unset = UNSET

    ttl: int | Unset = 86400

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        role = self.role.value
        field_dict["role"] = role

        username = self.username
        field_dict["username"] = username

        email = self.email
        if email is not UNSET:
            field_dict["email"] = email

        external_meeting_id = self.external_meeting_id
        if external_meeting_id is not UNSET:
            field_dict["externalMeetingId"] = external_meeting_id

        external_user_id = self.external_user_id
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id

        is_permanent = self.is_permanent
        if is_permanent is not UNSET:
            field_dict["isPermanent"] = is_permanent

        phone = self.phone
        if phone is not UNSET:
            field_dict["phone"] = phone

        ttl = self.ttl
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"GenerateAccessRequest: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        role = src_dict["role"]
        if role.__class__ is not str and not isinstance(role, str):
            raise TypeError(f"GenerateAccessRequest.role: expected a string, got {type(role).__name__}")
        role = GenerateAccessRole._from_wire(role)

        username = src_dict["username"]
        if username.__class__ is not str and not isinstance(username, str):
            raise TypeError(f"GenerateAccessRequest.username: expected a string, got {type(username).__name__}")

        email = _get("email", UNSET)
        if email.__class__ is not str:
            if email is UNSET:
                _missing += 1
            elif not isinstance(email, str):
                raise TypeError(f"GenerateAccessRequest.email: expected a string, got {type(email).__name__}")

        external_meeting_id = _get("externalMeetingId", UNSET)
        if external_meeting_id.__class__ is not str:
            if external_meeting_id is UNSET:
                _missing += 1
            elif not isinstance(external_meeting_id, str):
                raise TypeError(
                    f"GenerateAccessRequest.externalMeetingId: expected a string, got {type(external_meeting_id).__name__}"
                )

        external_user_id = _get("externalUserId", UNSET)
        if external_user_id.__class__ is not str:
            if external_user_id is UNSET:
                _missing += 1
            elif not isinstance(external_user_id, str):
                raise TypeError(
                    f"GenerateAccessRequest.externalUserId: expected a string, got {type(external_user_id).__name__}"
                )

        is_permanent = _get("isPermanent", UNSET)
        if is_permanent.__class__ is not bool:
            if is_permanent is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"GenerateAccessRequest.isPermanent: expected a boolean, got {type(is_permanent).__name__}"
                )

        phone = _get("phone", UNSET)
        if phone.__class__ is not str:
            if phone is UNSET:
                _missing += 1
            elif not isinstance(phone, str):
                raise TypeError(f"GenerateAccessRequest.phone: expected a string, got {type(phone).__name__}")

        ttl = _get("ttl", UNSET)
        if ttl.__class__ is not int:
            if ttl is UNSET:
                _missing += 1
            elif not isinstance(ttl, int) or isinstance(ttl, bool):
                raise TypeError(f"GenerateAccessRequest.ttl: expected an integer, got {type(ttl).__name__}")

        generate_access_request = cls(
            role,
            username,
            email,
            external_meeting_id,
            external_user_id,
            is_permanent,
            phone,
            ttl,
        )
        if len(src_dict) == 8 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        generate_access_request.additional_properties = _extra
        return generate_access_request

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
