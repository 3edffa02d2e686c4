from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomRecord")
_WIRE_NAMES = frozenset(
    (
        "id",
        "callId",
        "createdAt",
        "fileSize",
        "finishedAt",
        "name",
        "roomId",
        "spaceId",
        "startedAt",
        "state",
    )
)


@_attrs_define
class RoomRecord:
    """A recording. Assumed nullable: `startedAt`, `finishedAt` (unset while recording).

    Attributes:
        id (str):
        call_id (str | Unset):
        created_at (datetime.datetime | Unset):
        file_size (float | Unset): Size in bytes.
        finished_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
        name (str | Unset):
        room_id (str | Unset):
        space_id (str | Unset):
        started_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
        state (str | Unset): Record state; only `new` has been seen.
    """

    id: str

    call_id: str | Unset = UNSET

    created_at: datetime.datetime | Unset = UNSET

    file_size: float | Unset = UNSET

    finished_at: datetime.datetime | None | Unset = UNSET

    name: str | Unset = UNSET

    room_id: str | Unset = UNSET

    space_id: str | Unset = UNSET

    started_at: datetime.datetime | None | Unset = UNSET

    state: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        call_id = self.call_id
        if call_id is not UNSET:
            field_dict["callId"] = call_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        file_size = self.file_size
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at

        name = self.name
        if name is not UNSET:
            field_dict["name"] = name

        room_id = self.room_id
        if room_id is not UNSET:
            field_dict["roomId"] = room_id

        space_id = self.space_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at

        state = self.state
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomRecord: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"RoomRecord.id: expected a string, got {type(id).__name__}")

        call_id = _get("callId", UNSET)
        if call_id.__class__ is not str:
            if call_id is UNSET:
                _missing += 1
            elif not isinstance(call_id, str):
                raise TypeError(f"RoomRecord.callId: expected a string, got {type(call_id).__name__}")

        created_at = _get("createdAt", UNSET)
        if created_at is UNSET:
            _missing += 1
        else:
            try:
                created_at = datetime.datetime.fromisoformat(created_at)
            except TypeError:
                raise TypeError(
                    f"RoomRecord.createdAt: expected an ISO 8601 date-time string, got {type(created_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "RoomRecord.createdAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        file_size = _get("fileSize", UNSET)
        if file_size.__class__ is not float:
            if file_size is UNSET:
                _missing += 1
            elif not isinstance(file_size, (int, float)) or isinstance(file_size, bool):
                raise TypeError(f"RoomRecord.fileSize: expected a number, got {type(file_size).__name__}")

        finished_at = _get("finishedAt", UNSET)
        if finished_at is UNSET:
            _missing += 1
        elif finished_at is not None:
            try:
                finished_at = datetime.datetime.fromisoformat(finished_at)
            except TypeError:
                raise TypeError(
                    f"RoomRecord.finishedAt: expected an ISO 8601 date-time string or null, got {type(finished_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "RoomRecord.finishedAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        name = _get("name", UNSET)
        if name.__class__ is not str:
            if name is UNSET:
                _missing += 1
            elif not isinstance(name, str):
                raise TypeError(f"RoomRecord.name: expected a string, got {type(name).__name__}")

        room_id = _get("roomId", UNSET)
        if room_id.__class__ is not str:
            if room_id is UNSET:
                _missing += 1
            elif not isinstance(room_id, str):
                raise TypeError(f"RoomRecord.roomId: expected a string, got {type(room_id).__name__}")

        space_id = _get("spaceId", UNSET)
        if space_id.__class__ is not str:
            if space_id is UNSET:
                _missing += 1
            elif not isinstance(space_id, str):
                raise TypeError(f"RoomRecord.spaceId: expected a string, got {type(space_id).__name__}")

        started_at = _get("startedAt", UNSET)
        if started_at is UNSET:
            _missing += 1
        elif started_at is not None:
            try:
                started_at = datetime.datetime.fromisoformat(started_at)
            except TypeError:
                raise TypeError(
                    f"RoomRecord.startedAt: expected an ISO 8601 date-time string or null, got {type(started_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "RoomRecord.startedAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        state = _get("state", UNSET)
        if state.__class__ is not str:
            if state is UNSET:
                _missing += 1
            elif not isinstance(state, str):
                raise TypeError(f"RoomRecord.state: expected a string, got {type(state).__name__}")

        room_record = cls(
            id,
            call_id,
            created_at,
            file_size,
            finished_at,
            name,
            room_id,
            space_id,
            started_at,
            state,
        )
        if len(src_dict) == 10 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_record.additional_properties = _extra
        return room_record

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
