from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomRecord")


@_attrs_define
class RoomRecord:
    """A recording. Assumed nullable: `startedAt`, `finishedAt` (unset while recording).

    Attributes:
        id (str):
        name (str | Unset):
        file_size (float | Unset): Size in bytes.
        room_id (str | Unset):
        space_id (str | Unset):
        call_id (str | Unset):
        state (str | Unset): Record state; only `new` has been seen.
        created_at (datetime.datetime | Unset):
        started_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
        finished_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
    """

    id: str
    name: str | Unset = UNSET
    file_size: float | Unset = UNSET
    room_id: str | Unset = UNSET
    space_id: str | Unset = UNSET
    call_id: str | Unset = UNSET
    state: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        file_size = self.file_size

        room_id = self.room_id

        space_id = self.space_id

        call_id = self.call_id

        state = self.state

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if room_id is not UNSET:
            field_dict["roomId"] = room_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if call_id is not UNSET:
            field_dict["callId"] = call_id
        if state is not UNSET:
            field_dict["state"] = state
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        file_size = d.pop("fileSize", UNSET)

        room_id = d.pop("roomId", UNSET)

        space_id = d.pop("spaceId", UNSET)

        call_id = d.pop("callId", UNSET)

        state = d.pop("state", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("startedAt", UNSET))

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

        room_record = cls(
            id=id,
            name=name,
            file_size=file_size,
            room_id=room_id,
            space_id=space_id,
            call_id=call_id,
            state=state,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        room_record.additional_properties = d
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
