from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.room_type import RoomType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoomUpdate")
_WIRE_NAMES = frozenset(
    (
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
        "name",
        "redirectUrl",
        "type",
        "waitingRoomAudience",
    )
)


@_attrs_define
class RoomUpdate:
    """Body of updateRoom: the createRoom fields, all optional (assumed; which are required is not documented).
    Changing `type` is deprecated.

        Attributes:
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
            name (str | Unset):
            redirect_url (str | Unset): Where participants go after the call.
            type_ (RoomType | Unset): `lesson`: everyone may use camera, microphone and screen share. `webinar`: only the
                creator and moderators
                broadcast, the rest watch.
            waiting_room_audience (str | Unset): Who waits in the waiting room; only `nobody` has been seen.
    """

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

    name: str | Unset = UNSET

    redirect_url: str | Unset = UNSET

    type_: RoomType | Unset = UNSET

    waiting_room_audience: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        name = self.name
        if name is not UNSET:
            field_dict["name"] = name

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
            raise TypeError(f"RoomUpdate: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        is_auto_recording_allowed = _get("isAutoRecordingAllowed", UNSET)
        if is_auto_recording_allowed.__class__ is not bool:
            if is_auto_recording_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isAutoRecordingAllowed: expected a boolean, got {type(is_auto_recording_allowed).__name__}"
                )

        is_avatars_allowed = _get("isAvatarsAllowed", UNSET)
        if is_avatars_allowed.__class__ is not bool:
            if is_avatars_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isAvatarsAllowed: expected a boolean, got {type(is_avatars_allowed).__name__}"
                )

        is_camera_publishing_allowed = _get("isCameraPublishingAllowed", UNSET)
        if is_camera_publishing_allowed.__class__ is not bool:
            if is_camera_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isCameraPublishingAllowed: expected a boolean, got {type(is_camera_publishing_allowed).__name__}"
                )

        is_chat_allowed = _get("isChatAllowed", UNSET)
        if is_chat_allowed.__class__ is not bool:
            if is_chat_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomUpdate.isChatAllowed: expected a boolean, got {type(is_chat_allowed).__name__}")

        is_hand_raising_allowed = _get("isHandRaisingAllowed", UNSET)
        if is_hand_raising_allowed.__class__ is not bool:
            if is_hand_raising_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isHandRaisingAllowed: expected a boolean, got {type(is_hand_raising_allowed).__name__}"
                )

        is_microphone_publishing_allowed = _get("isMicrophonePublishingAllowed", UNSET)
        if is_microphone_publishing_allowed.__class__ is not bool:
            if is_microphone_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isMicrophonePublishingAllowed: expected a boolean, got {type(is_microphone_publishing_allowed).__name__}"
                )

        is_public = _get("isPublic", UNSET)
        if is_public.__class__ is not bool:
            if is_public is UNSET:
                _missing += 1
            else:
                raise TypeError(f"RoomUpdate.isPublic: expected a boolean, got {type(is_public).__name__}")

        is_record_allowed = _get("isRecordAllowed", UNSET)
        if is_record_allowed.__class__ is not bool:
            if is_record_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isRecordAllowed: expected a boolean, got {type(is_record_allowed).__name__}"
                )

        is_remote_drawing_allowed = _get("isRemoteDrawingAllowed", UNSET)
        if is_remote_drawing_allowed.__class__ is not bool:
            if is_remote_drawing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isRemoteDrawingAllowed: expected a boolean, got {type(is_remote_drawing_allowed).__name__}"
                )

        is_screen_media_publishing_allowed = _get("isScreenMediaPublishingAllowed", UNSET)
        if is_screen_media_publishing_allowed.__class__ is not bool:
            if is_screen_media_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isScreenMediaPublishingAllowed: expected a boolean, got {type(is_screen_media_publishing_allowed).__name__}"
                )

        is_screensharing_allowed = _get("isScreensharingAllowed", UNSET)
        if is_screensharing_allowed.__class__ is not bool:
            if is_screensharing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isScreensharingAllowed: expected a boolean, got {type(is_screensharing_allowed).__name__}"
                )

        is_self_renaming_allowed = _get("isSelfRenamingAllowed", UNSET)
        if is_self_renaming_allowed.__class__ is not bool:
            if is_self_renaming_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"RoomUpdate.isSelfRenamingAllowed: expected a boolean, got {type(is_self_renaming_allowed).__name__}"
                )

        name = _get("name", UNSET)
        if name.__class__ is not str:
            if name is UNSET:
                _missing += 1
            elif not isinstance(name, str):
                raise TypeError(f"RoomUpdate.name: expected a string, got {type(name).__name__}")

        redirect_url = _get("redirectUrl", UNSET)
        if redirect_url.__class__ is not str:
            if redirect_url is UNSET:
                _missing += 1
            elif not isinstance(redirect_url, str):
                raise TypeError(f"RoomUpdate.redirectUrl: expected a string, got {type(redirect_url).__name__}")

        type_ = _get("type", UNSET)
        if type_ is UNSET:
            _missing += 1
        else:
            if type_.__class__ is not str and not isinstance(type_, str):
                raise TypeError(f"RoomUpdate.type: expected a string, got {type(type_).__name__}")
            type_ = RoomType._from_wire(type_)

        waiting_room_audience = _get("waitingRoomAudience", UNSET)
        if waiting_room_audience.__class__ is not str:
            if waiting_room_audience is UNSET:
                _missing += 1
            elif not isinstance(waiting_room_audience, str):
                raise TypeError(
                    f"RoomUpdate.waitingRoomAudience: expected a string, got {type(waiting_room_audience).__name__}"
                )

        room_update = cls(
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
            name,
            redirect_url,
            type_,
            waiting_room_audience,
        )
        if len(src_dict) == 16 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room_update.additional_properties = _extra
        return room_update

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
