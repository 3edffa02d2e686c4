from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """A call: from the first participant entering the room until the last one leaves. Assumed nullable:
    `finishedAt`.

        Attributes:
            id (str):
            active (bool | Unset):
            finished_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
            is_breakout_room (bool | Unset):
            participants_count (int | Unset):
            plan_alias (str | Unset):
            room_id (str | Unset):
            room_type (str | Unset): Known values `lesson`, `webinar`.
            started_at (datetime.datetime | Unset):
            total_participants_count (int | Unset):
            unique_participants_count (int | Unset):
    """

    id: str
    active: bool | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    is_breakout_room: bool | Unset = UNSET
    participants_count: int | Unset = UNSET
    plan_alias: str | Unset = UNSET
    room_id: str | Unset = UNSET
    room_type: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    total_participants_count: int | Unset = UNSET
    unique_participants_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        active = self.active

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        is_breakout_room = self.is_breakout_room

        participants_count = self.participants_count

        plan_alias = self.plan_alias

        room_id = self.room_id

        room_type = self.room_type

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        total_participants_count = self.total_participants_count

        unique_participants_count = self.unique_participants_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at
        if is_breakout_room is not UNSET:
            field_dict["isBreakoutRoom"] = is_breakout_room
        if participants_count is not UNSET:
            field_dict["participantsCount"] = participants_count
        if plan_alias is not UNSET:
            field_dict["planAlias"] = plan_alias
        if room_id is not UNSET:
            field_dict["roomId"] = room_id
        if room_type is not UNSET:
            field_dict["roomType"] = room_type
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if total_participants_count is not UNSET:
            field_dict["totalParticipantsCount"] = total_participants_count
        if unique_participants_count is not UNSET:
            field_dict["uniqueParticipantsCount"] = unique_participants_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        active = d.pop("active", UNSET)

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finishedAt", UNSET))

        is_breakout_room = d.pop("isBreakoutRoom", UNSET)

        participants_count = d.pop("participantsCount", UNSET)

        plan_alias = d.pop("planAlias", UNSET)

        room_id = d.pop("roomId", UNSET)

        room_type = d.pop("roomType", UNSET)

        _started_at = d.pop("startedAt", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        total_participants_count = d.pop("totalParticipantsCount", UNSET)

        unique_participants_count = d.pop("uniqueParticipantsCount", UNSET)

        call = cls(
            id=id,
            active=active,
            finished_at=finished_at,
            is_breakout_room=is_breakout_room,
            participants_count=participants_count,
            plan_alias=plan_alias,
            room_id=room_id,
            room_type=room_type,
            started_at=started_at,
            total_participants_count=total_participants_count,
            unique_participants_count=unique_participants_count,
        )

        call.additional_properties = d
        return call

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
