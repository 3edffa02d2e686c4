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
        username (str): Display name of the participant.
        role (GenerateAccessRole): `user`: a guest; `moderator`: a meeting admin.
        external_user_id (str | Unset): The integrator's user id, for analytics.
        external_meeting_id (str | Unset): The integrator's meeting id, for analytics.
        ttl (int | Unset): Link lifetime in seconds (default 86400, max 432000). Default: 86400.
        is_permanent (bool | Unset): Reusable for the whole ttl; when absent the link is single-use.
        email (str | Unset):
        phone (str | Unset):
    """

    username: str
    role: GenerateAccessRole
    external_user_id: str | Unset = UNSET
    external_meeting_id: str | Unset = UNSET
    ttl: int | Unset = 86400
    is_permanent: bool | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        role = self.role.value

        external_user_id = self.external_user_id

        external_meeting_id = self.external_meeting_id

        ttl = self.ttl

        is_permanent = self.is_permanent

        email = self.email

        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "role": role,
            }
        )
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if external_meeting_id is not UNSET:
            field_dict["externalMeetingId"] = external_meeting_id
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if is_permanent is not UNSET:
            field_dict["isPermanent"] = is_permanent
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        role = GenerateAccessRole(d.pop("role"))

        external_user_id = d.pop("externalUserId", UNSET)

        external_meeting_id = d.pop("externalMeetingId", UNSET)

        ttl = d.pop("ttl", UNSET)

        is_permanent = d.pop("isPermanent", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        generate_access_request = cls(
            username=username,
            role=role,
            external_user_id=external_user_id,
            external_meeting_id=external_meeting_id,
            ttl=ttl,
            is_permanent=is_permanent,
            email=email,
            phone=phone,
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
