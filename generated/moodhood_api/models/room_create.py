from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.room_type import RoomType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomCreate")
_WIRE_NAMES = frozenset(
    (
        "name",
        "isAutoRecordingAllowed",
        "isAvatarsAllowed",
        "isCameraPublishingAllowed",
        "isChatAllowed",
        "isHandRaisingAllowed",
        "isMicrophonePublishingAllowed",
        "isPublic",
        "isRecordAllowed",
        "isRemoteDrawingAllowed",
        "isScreenMediaPublishingAllowed",
        "isScreensharingAllowed",
        "isSelfRenamingAllowed",
        "redirectUrl",
        "type",
        "waitingRoomAudience",
    )
)


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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name = self.name
        field_dict["name"] = name

        is_auto_recording_allowed = self.is_auto_recording_allowed
        if is_auto_recording_allowed is not UNSET:
            field_dict["isAutoRecordingAllowed"] = is_auto_recording_allowed

        is_avatars_allowed = self.is_avatars_allowed
        if is_avatars_allowed is not UNSET:
            field_dict["isAvatarsAllowed"] = is_avatars_allowed

        is_camera_publishing_allowed = self.is_camera_publishing_allowed
        if is_camera_publishing_allowed is not UNSET:
            field_dict["isCameraPublishingAllowed"] = is_camera_publishing_allowed

        is_chat_allowed = self.is_chat_allowed
        if is_chat_allowed is not UNSET:
            field_dict["isChatAllowed"] = is_chat_allowed

        is_hand_raising_allowed = self.is_hand_raising_allowed
        if is_hand_raising_allowed is not UNSET:
            field_dict["isHandRaisingAllowed"] = is_hand_raising_allowed

        is_microphone_publishing_allowed = self.is_microphone_publishing_allowed
        if is_microphone_publishing_allowed is not UNSET:
            field_dict["isMicrophonePublishingAllowed"] = is_microphone_publishing_allowed

        is_public = self.is_public
        if is_public is not UNSET:
            field_dict["isPublic"] = is_public

        is_record_allowed = self.is_record_allowed
        if is_record_allowed is not UNSET:
            field_dict["isRecordAllowed"] = is_record_allowed

        is_remote_drawing_allowed = self.is_remote_drawing_allowed
        if is_remote_drawing_allowed is not UNSET:
            field_dict["isRemoteDrawingAllowed"] = is_remote_drawing_allowed

        is_screen_media_publishing_allowed = self.is_screen_media_publishing_allowed
        if is_screen_media_publishing_allowed is not UNSET:
            field_dict["isScreenMediaPublishingAllowed"] = is_screen_media_publishing_allowed

        is_screensharing_allowed = self.is_screensharing_allowed
        if is_screensharing_allowed is not UNSET:
            field_dict["isScreensharingAllowed"] = is_screensharing_allowed

        is_self_renaming_allowed = self.is_self_renaming_allowed
        if is_self_renaming_allowed is not UNSET:
            field_dict["isSelfRenamingAllowed"] = is_self_renaming_allowed

        redirect_url = self.redirect_url
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        if type_ is not UNSET:
            field_dict["type"] = type_

        waiting_room_audience = self.waiting_room_audience
        if waiting_room_audience is not UNSET:
            field_dict["waitingRoomAudience"] = waiting_room_audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RoomCreate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        name = src_dict["name"]
        if name.__class__ is not str and not isinstance(name, str):
            raise TypeError(f"RoomCreate.name: expected a string, got {type(name).__name__}")

        is_auto_recording_allowed = _get("isAutoRecordingAllowed", UNSET)
        if is_auto_recording_allowed.__class__ is not bool:
            if is_auto_recording_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isAutoRecordingAllowed: expected a boolean, got {type(is_auto_recording_allowed).__name__}"
                )

        is_avatars_allowed = _get("isAvatarsAllowed", UNSET)
        if is_avatars_allowed.__class__ is not bool:
            if is_avatars_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isAvatarsAllowed: expected a boolean, got {type(is_avatars_allowed).__name__}"
                )

        is_camera_publishing_allowed = _get("isCameraPublishingAllowed", UNSET)
        if is_camera_publishing_allowed.__class__ is not bool:
            if is_camera_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isCameraPublishingAllowed: expected a boolean, got {type(is_camera_publishing_allowed).__name__}"
                )

        is_chat_allowed = _get("isChatAllowed", UNSET)
        if is_chat_allowed.__class__ is not bool:
            if is_chat_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomCreate.isChatAllowed: expected a boolean, got {type(is_chat_allowed).__name__}")

        is_hand_raising_allowed = _get("isHandRaisingAllowed", UNSET)
        if is_hand_raising_allowed.__class__ is not bool:
            if is_hand_raising_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isHandRaisingAllowed: expected a boolean, got {type(is_hand_raising_allowed).__name__}"
                )

        is_microphone_publishing_allowed = _get("isMicrophonePublishingAllowed", UNSET)
        if is_microphone_publishing_allowed.__class__ is not bool:
            if is_microphone_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isMicrophonePublishingAllowed: expected a boolean, got {type(is_microphone_publishing_allowed).__name__}"
                )

        is_public = _get("isPublic", UNSET)
        if is_public.__class__ is not bool:
            if is_public is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomCreate.isPublic: expected a boolean, got {type(is_public).__name__}")

        is_record_allowed = _get("isRecordAllowed", UNSET)
        if is_record_allowed.__class__ is not bool:
            if is_record_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isRecordAllowed: expected a boolean, got {type(is_record_allowed).__name__}"
                )

        is_remote_drawing_allowed = _get("isRemoteDrawingAllowed", UNSET)
        if is_remote_drawing_allowed.__class__ is not bool:
            if is_remote_drawing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isRemoteDrawingAllowed: expected a boolean, got {type(is_remote_drawing_allowed).__name__}"
                )

        is_screen_media_publishing_allowed = _get("isScreenMediaPublishingAllowed", UNSET)
        if is_screen_media_publishing_allowed.__class__ is not bool:
            if is_screen_media_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isScreenMediaPublishingAllowed: expected a boolean, got {type(is_screen_media_publishing_allowed).__name__}"
                )

        is_screensharing_allowed = _get("isScreensharingAllowed", UNSET)
        if is_screensharing_allowed.__class__ is not bool:
            if is_screensharing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isScreensharingAllowed: expected a boolean, got {type(is_screensharing_allowed).__name__}"
                )

        is_self_renaming_allowed = _get("isSelfRenamingAllowed", UNSET)
        if is_self_renaming_allowed.__class__ is not bool:
            if is_self_renaming_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomCreate.isSelfRenamingAllowed: expected a boolean, got {type(is_self_renaming_allowed).__name__}"
                )

        redirect_url = _get("redirectUrl", UNSET)
        if redirect_url.__class__ is not str:
            if redirect_url is UNSET:
                _missing += 1
            elif not isinstance(redirect_url, str):
                raise TypeError(f"RoomCreate.redirectUrl: expected a string, got {type(redirect_url).__name__}")

        type_ = _get("type", UNSET)
        if type_ is UNSET:
            _missing += 1
        else:
            if type_.__class__ is not str and not isinstance(type_, str):
                raise TypeError(f"RoomCreate.type: expected a string, got {type(type_).__name__}")
            type_ = RoomType._from_wire(type_)

        waiting_room_audience = _get("waitingRoomAudience", UNSET)
        if waiting_room_audience.__class__ is not str:
            if waiting_room_audience is UNSET:
                _missing += 1
            elif not isinstance(waiting_room_audience, str):
                raise TypeError(
                    f"RoomCreate.waitingRoomAudience: expected a string, got {type(waiting_room_audience).__name__}"
                )

        room_create = cls(
            name,
            is_auto_recording_allowed,
            is_avatars_allowed,
            is_camera_publishing_allowed,
            is_chat_allowed,
            is_hand_raising_allowed,
            is_microphone_publishing_allowed,
            is_public,
            is_record_allowed,
            is_remote_drawing_allowed,
            is_screen_media_publishing_allowed,
            is_screensharing_allowed,
            is_self_renaming_allowed,
            redirect_url,
            type_,
            waiting_room_audience,
        )
        if len(src_dict) == 16 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_create.additional_properties = _extra
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
