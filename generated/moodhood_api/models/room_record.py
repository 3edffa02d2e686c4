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
        id = self.id

        call_id = self.call_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        file_size = self.file_size

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        name = self.name

        room_id = self.room_id

        space_id = self.space_id

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if call_id is not UNSET:
            field_dict["callId"] = call_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at
        if name is not UNSET:
            field_dict["name"] = name
        if room_id is not UNSET:
            field_dict["roomId"] = room_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        call_id = d.pop("callId", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        file_size = d.pop("fileSize", UNSET)

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

        name = d.pop("name", UNSET)

        room_id = d.pop("roomId", UNSET)

        space_id = d.pop("spaceId", UNSET)

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

        state = d.pop("state", UNSET)

        room_record = cls(
            id=id,
            call_id=call_id,
            created_at=created_at,
            file_size=file_size,
            finished_at=finished_at,
            name=name,
            room_id=room_id,
            space_id=space_id,
            started_at=started_at,
            state=state,
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
