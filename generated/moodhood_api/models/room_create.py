from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.room_type import RoomType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomCreate")


@_attrs_define
class RoomCreate:
    """Body of createRoom. Do not send `templateId` or `parentRoomId`.

    Attributes:
        name (str):
        is_auto_recording_allowed (bool | Unset):
        is_avatars_allowed (bool | Unset):
        is_camera_publishing_allowed (bool | Unset):
        is_chat_allowed (bool | Unset):
        is_hand_raising_allowed (bool | Unset):
        is_microphone_publishing_allowed (bool | Unset):
        is_public (bool | Unset):
        is_record_allowed (bool | Unset):
        is_remote_drawing_allowed (bool | Unset):
        is_screen_media_publishing_allowed (bool | Unset):
        is_screensharing_allowed (bool | Unset):
        is_self_renaming_allowed (bool | Unset):
        redirect_url (str | Unset): Where participants go after the call.
        type_ (RoomType | Unset): `lesson`: everyone may use camera, microphone and screen share. `webinar`: only the
            creator and moderators
            broadcast, the rest watch.
        waiting_room_audience (str | Unset): Who waits in the waiting room; only `nobody` has been seen.
    """

    name: str
    is_auto_recording_allowed: bool | Unset = UNSET
    is_avatars_allowed: bool | Unset = UNSET
    is_camera_publishing_allowed: bool | Unset = UNSET
    is_chat_allowed: bool | Unset = UNSET
    is_hand_raising_allowed: bool | Unset = UNSET
    is_microphone_publishing_allowed: bool | Unset = UNSET
    is_public: bool | Unset = UNSET
    is_record_allowed: bool | Unset = UNSET
    is_remote_drawing_allowed: bool | Unset = UNSET
    is_screen_media_publishing_allowed: bool | Unset = UNSET
    is_screensharing_allowed: bool | Unset = UNSET
    is_self_renaming_allowed: bool | Unset = UNSET
    redirect_url: str | Unset = UNSET
    type_: RoomType | Unset = UNSET
    waiting_room_audience: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        is_auto_recording_allowed = self.is_auto_recording_allowed

        is_avatars_allowed = self.is_avatars_allowed

        is_camera_publishing_allowed = self.is_camera_publishing_allowed

        is_chat_allowed = self.is_chat_allowed

        is_hand_raising_allowed = self.is_hand_raising_allowed

        is_microphone_publishing_allowed = self.is_microphone_publishing_allowed

        is_public = self.is_public

        is_record_allowed = self.is_record_allowed

        is_remote_drawing_allowed = self.is_remote_drawing_allowed

        is_screen_media_publishing_allowed = self.is_screen_media_publishing_allowed

        is_screensharing_allowed = self.is_screensharing_allowed

        is_self_renaming_allowed = self.is_self_renaming_allowed

        redirect_url = self.redirect_url

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        waiting_room_audience = self.waiting_room_audience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if is_auto_recording_allowed is not UNSET:
            field_dict["isAutoRecordingAllowed"] = is_auto_recording_allowed
        if is_avatars_allowed is not UNSET:
            field_dict["isAvatarsAllowed"] = is_avatars_allowed
        if is_camera_publishing_allowed is not UNSET:
            field_dict["isCameraPublishingAllowed"] = is_camera_publishing_allowed
        if is_chat_allowed is not UNSET:
            field_dict["isChatAllowed"] = is_chat_allowed
        if is_hand_raising_allowed is not UNSET:
            field_dict["isHandRaisingAllowed"] = is_hand_raising_allowed
        if is_microphone_publishing_allowed is not UNSET:
            field_dict["isMicrophonePublishingAllowed"] = is_microphone_publishing_allowed
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public
        if is_record_allowed is not UNSET:
            field_dict["isRecordAllowed"] = is_record_allowed
        if is_remote_drawing_allowed is not UNSET:
            field_dict["isRemoteDrawingAllowed"] = is_remote_drawing_allowed
        if is_screen_media_publishing_allowed is not UNSET:
            field_dict["isScreenMediaPublishingAllowed"] = is_screen_media_publishing_allowed
        if is_screensharing_allowed is not UNSET:
            field_dict["isScreensharingAllowed"] = is_screensharing_allowed
        if is_self_renaming_allowed is not UNSET:
            field_dict["isSelfRenamingAllowed"] = is_self_renaming_allowed
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if type_ is not UNSET:
            field_dict["type"] = type_
        if waiting_room_audience is not UNSET:
            field_dict["waitingRoomAudience"] = waiting_room_audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        is_auto_recording_allowed = d.pop("isAutoRecordingAllowed", UNSET)

        is_avatars_allowed = d.pop("isAvatarsAllowed", UNSET)

        is_camera_publishing_allowed = d.pop("isCameraPublishingAllowed", UNSET)

        is_chat_allowed = d.pop("isChatAllowed", UNSET)

        is_hand_raising_allowed = d.pop("isHandRaisingAllowed", UNSET)

        is_microphone_publishing_allowed = d.pop("isMicrophonePublishingAllowed", UNSET)

        is_public = d.pop("isPublic", UNSET)

        is_record_allowed = d.pop("isRecordAllowed", UNSET)

        is_remote_drawing_allowed = d.pop("isRemoteDrawingAllowed", UNSET)

        is_screen_media_publishing_allowed = d.pop("isScreenMediaPublishingAllowed", UNSET)

        is_screensharing_allowed = d.pop("isScreensharingAllowed", UNSET)

        is_self_renaming_allowed = d.pop("isSelfRenamingAllowed", UNSET)

        redirect_url = d.pop("redirectUrl", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: RoomType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RoomType(_type_)

        waiting_room_audience = d.pop("waitingRoomAudience", UNSET)

        room_create = cls(
            name=name,
            is_auto_recording_allowed=is_auto_recording_allowed,
            is_avatars_allowed=is_avatars_allowed,
            is_camera_publishing_allowed=is_camera_publishing_allowed,
            is_chat_allowed=is_chat_allowed,
            is_hand_raising_allowed=is_hand_raising_allowed,
            is_microphone_publishing_allowed=is_microphone_publishing_allowed,
            is_public=is_public,
            is_record_allowed=is_record_allowed,
            is_remote_drawing_allowed=is_remote_drawing_allowed,
            is_screen_media_publishing_allowed=is_screen_media_publishing_allowed,
            is_screensharing_allowed=is_screensharing_allowed,
            is_self_renaming_allowed=is_self_renaming_allowed,
            redirect_url=redirect_url,
            type_=type_,
            waiting_room_audience=waiting_room_audience,
        )

        room_create.additional_properties = d
        return room_create

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
