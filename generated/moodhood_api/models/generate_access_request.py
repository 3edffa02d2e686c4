from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generate_access_role import GenerateAccessRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateAccessRequest")


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
        role = self.role.value

        username = self.username

        email = self.email

        external_meeting_id = self.external_meeting_id

        external_user_id = self.external_user_id

        is_permanent = self.is_permanent

        phone = self.phone

        ttl = self.ttl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "username": username,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if external_meeting_id is not UNSET:
            field_dict["externalMeetingId"] = external_meeting_id
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if is_permanent is not UNSET:
            field_dict["isPermanent"] = is_permanent
        if phone is not UNSET:
            field_dict["phone"] = phone
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = GenerateAccessRole(d.pop("role"))

        username = d.pop("username")

        email = d.pop("email", UNSET)

        external_meeting_id = d.pop("externalMeetingId", UNSET)

        external_user_id = d.pop("externalUserId", UNSET)

        is_permanent = d.pop("isPermanent", UNSET)

        phone = d.pop("phone", UNSET)

        ttl = d.pop("ttl", UNSET)

        generate_access_request = cls(
            role=role,
            username=username,
            email=email,
            external_meeting_id=external_meeting_id,
            external_user_id=external_user_id,
            is_permanent=is_permanent,
            phone=phone,
            ttl=ttl,
        )

        generate_access_request.additional_properties = d
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
