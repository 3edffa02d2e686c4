from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Call")
_WIRE_NAMES = frozenset(
    (
        "id",
        "active",
        "finishedAt",
        "isBreakoutRoom",
        "participantsCount",
        "planAlias",
        "roomId",
        "roomType",
        "startedAt",
        "totalParticipantsCount",
        "uniqueParticipantsCount",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        active = self.active
        if active is not UNSET:
            field_dict["active"] = active

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at

        is_breakout_room = self.is_breakout_room
        if is_breakout_room is not UNSET:
            field_dict["isBreakoutRoom"] = is_breakout_room

        participants_count = self.participants_count
        if participants_count is not UNSET:
            field_dict["participantsCount"] = participants_count

        plan_alias = self.plan_alias
        if plan_alias is not UNSET:
            field_dict["planAlias"] = plan_alias

        room_id = self.room_id
        if room_id is not UNSET:
            field_dict["roomId"] = room_id

        room_type = self.room_type
        if room_type is not UNSET:
            field_dict["roomType"] = room_type

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at

        total_participants_count = self.total_participants_count
        if total_participants_count is not UNSET:
            field_dict["totalParticipantsCount"] = total_participants_count

        unique_participants_count = self.unique_participants_count
        if unique_participants_count is not UNSET:
            field_dict["uniqueParticipantsCount"] = unique_participants_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Call: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"Call.id: expected a string, got {type(id).__name__}")

        active = _get("active", UNSET)
        if active.__class__ is not bool:
            if active is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Call.active: expected a boolean, got {type(active).__name__}")

        finished_at = _get("finishedAt", UNSET)
        if finished_at is UNSET:
            _missing += 1
        elif finished_at is not None:
            try:
                finished_at = datetime.datetime.fromisoformat(finished_at)
            except TypeError:
                raise TypeError(
                    f"Call.finishedAt: expected an ISO 8601 date-time string or null, got {type(finished_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "Call.finishedAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        is_breakout_room = _get("isBreakoutRoom", UNSET)
        if is_breakout_room.__class__ is not bool:
            if is_breakout_room is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Call.isBreakoutRoom: expected a boolean, got {type(is_breakout_room).__name__}")

        participants_count = _get("participantsCount", UNSET)
        if participants_count.__class__ is not int:
            if participants_count is UNSET:
                _missing += 1
            elif not isinstance(participants_count, int) or isinstance(participants_count, bool):
                raise TypeError(f"Call.participantsCount: expected an integer, got {type(participants_count).__name__}")

        plan_alias = _get("planAlias", UNSET)
        if plan_alias.__class__ is not str:
            if plan_alias is UNSET:
                _missing += 1
            elif not isinstance(plan_alias, str):
                raise TypeError(f"Call.planAlias: expected a string, got {type(plan_alias).__name__}")

        room_id = _get("roomId", UNSET)
        if room_id.__class__ is not str:
            if room_id is UNSET:
                _missing += 1
            elif not isinstance(room_id, str):
                raise TypeError(f"Call.roomId: expected a string, got {type(room_id).__name__}")

        room_type = _get("roomType", UNSET)
        if room_type.__class__ is not str:
            if room_type is UNSET:
                _missing += 1
            elif not isinstance(room_type, str):
                raise TypeError(f"Call.roomType: expected a string, got {type(room_type).__name__}")

        started_at = _get("startedAt", UNSET)
        if started_at is UNSET:
            _missing += 1
        else:
            try:
                started_at = datetime.datetime.fromisoformat(started_at)
            except TypeError:
                raise TypeError(
                    f"Call.startedAt: expected an ISO 8601 date-time string, got {type(started_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "Call.startedAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        total_participants_count = _get("totalParticipantsCount", UNSET)
        if total_participants_count.__class__ is not int:
            if total_participants_count is UNSET:
                _missing += 1
            elif not isinstance(total_participants_count, int) or isinstance(total_participants_count, bool):
                raise TypeError(
                    f"Call.totalParticipantsCount: expected an integer, got {type(total_participants_count).__name__}"
                )

        unique_participants_count = _get("uniqueParticipantsCount", UNSET)
        if unique_participants_count.__class__ is not int:
            if unique_participants_count is UNSET:
                _missing += 1
            elif not isinstance(unique_participants_count, int) or isinstance(unique_participants_count, bool):
                raise TypeError(
                    f"Call.uniqueParticipantsCount: expected an integer, got {type(unique_participants_count).__name__}"
                )

        call = cls(
            id,
            active,
            finished_at,
            is_breakout_room,
            participants_count,
            plan_alias,
            room_id,
            room_type,
            started_at,
            total_participants_count,
            unique_participants_count,
        )
        if len(src_dict) == 11 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        call.additional_properties = _extra
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
