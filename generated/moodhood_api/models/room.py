from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models import room_breakout_rooms as _room_breakout_rooms
from ..models import room_join_settings as _room_join_settings
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_breakout_rooms import RoomBreakoutRooms
    from ..models.room_join_settings import RoomJoinSettings


T = TypeVar("T", bound="Room")
_WIRE_NAMES = frozenset(
    (
        "id",
        "alias",
        "appId",
        "breakoutRooms",
        "channelId",
        "createdAt",
        "isAutoRecordingAllowed",
        "isAvatarsAllowed",
        "isCameraPublishingAllowed",
        "isChatAllowed",
        "isFavorite",
        "isHandRaisingAllowed",
        "isMicrophonePublishingAllowed",
        "isPublic",
        "isRecordAllowed",
        "isRemoteDrawingAllowed",
        "isScreenMediaPublishingAllowed",
        "isScreensharingAllowed",
        "isSelfRenamingAllowed",
        "joinSettings",
        "lastCallAt",
        "name",
        "parentRoomId",
        "redirectUrl",
        "roleInRoom",
        "spaceId",
        "templateId",
        "type",
        "waitingRoomAudience",
    )
)


@_attrs_define
class Room:
    """A room (fields from the 2025 guide's createRoom sample). Only `id` is present in every documented answer,
    so only `id` is required. Assumed nullable: `templateId`, `parentRoomId`, `redirectUrl`, `lastCallAt`,
    `roleInRoom`.

        Example:
            {'alias': 'EGBYWoMZJe', 'appId': '64f1c0a2b3d4e5f60718293f', 'breakoutRooms': {'session': {'startedAt': None,
                'status': 'ready'}, 'status': 'enabled'}, 'channelId': '64f1c0a2b3d4e5f60718293e', 'id':
                '64f1c0a2b3d4e5f60718293a', 'isAutoRecordingAllowed': False, 'isChatAllowed': True, 'isPublic': True,
                'isScreensharingAllowed': True, 'name': 'Math, lesson 1', 'parentRoomId': None, 'roleInRoom': 'role_room_owner',
                'spaceId': '62ab5a84b0ce6ee31b0997b4', 'templateId': None, 'type': 'lesson', 'waitingRoomAudience': 'nobody'}

        Attributes:
            id (str):
            alias (str | Unset): Short URL-safe alias used in web-app links.
            app_id (str | Unset): Media application id (probably the `iss` of signaling tokens).
            breakout_rooms (RoomBreakoutRooms | Unset): Breakout-room state of a room.
            channel_id (str | Unset): Media channel the SDK connects to.
            created_at (datetime.datetime | Unset):
            is_auto_recording_allowed (bool | Unset):
            is_avatars_allowed (bool | Unset):
            is_camera_publishing_allowed (bool | Unset):
            is_chat_allowed (bool | Unset):
            is_favorite (bool | Unset):
            is_hand_raising_allowed (bool | Unset):
            is_microphone_publishing_allowed (bool | Unset):
            is_public (bool | Unset):
            is_record_allowed (bool | Unset):
            is_remote_drawing_allowed (bool | Unset):
            is_screen_media_publishing_allowed (bool | Unset):
            is_screensharing_allowed (bool | Unset):
            is_self_renaming_allowed (bool | Unset):
            join_settings (RoomJoinSettings | Unset): What the join form asks for.
            last_call_at (datetime.datetime | None | Unset): Assumed nullable (not documented).
            name (str | Unset):
            parent_room_id (None | str | Unset): Parent room of a breakout room. Assumed nullable (not documented).
            redirect_url (None | str | Unset): Assumed nullable (not documented).
            role_in_room (None | str | Unset): The caller's role; known values `role_room_owner`, `role_room_moderator`,
                `role_room_user`. Assumed nullable (not documented).
            space_id (str | Unset):
            template_id (None | str | Unset): Assumed nullable (not documented).
            type_ (str | Unset): Room type; known values `lesson`, `webinar`.
            waiting_room_audience (None | str | Unset): Known value `nobody`. Assumed nullable (not documented).
    """

    id: str

    alias: str | Unset = UNSET

    app_id: str | Unset = UNSET

    breakout_rooms: RoomBreakoutRooms | Unset = UNSET

    channel_id: str | Unset = UNSET

    created_at: datetime.datetime | Unset = UNSET

    is_auto_recording_allowed: bool | Unset = UNSET

    is_avatars_allowed: bool | Unset = UNSET

    is_camera_publishing_allowed: bool | Unset = UNSET

    is_chat_allowed: bool | Unset = UNSET

    is_favorite: bool | Unset = UNSET

    is_hand_raising_allowed: bool | Unset = UNSET

    is_microphone_publishing_allowed: bool | Unset = UNSET

    is_public: bool | Unset = UNSET

    is_record_allowed: bool | Unset = UNSET

    is_remote_drawing_allowed: bool | Unset = UNSET

    is_screen_media_publishing_allowed: bool | Unset = UNSET

    is_screensharing_allowed: bool | Unset = UNSET

    is_self_renaming_allowed: bool | Unset = UNSET

    join_settings: RoomJoinSettings | Unset = UNSET

    last_call_at: datetime.datetime | None | Unset = UNSET

    name: str | Unset = UNSET

    parent_room_id: None | str | Unset = UNSET

    redirect_url: None | str | Unset = UNSET

    role_in_room: None | str | Unset = UNSET

    space_id: str | Unset = UNSET

    template_id: None | str | Unset = UNSET

    type_: str | Unset = UNSET

    waiting_room_audience: None | str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id

        alias = self.alias
        if alias is not UNSET:
            field_dict["alias"] = alias

        app_id = self.app_id
        if app_id is not UNSET:
            field_dict["appId"] = app_id

        breakout_rooms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.breakout_rooms, Unset):
            breakout_rooms = self.breakout_rooms.to_dict()
        if breakout_rooms is not UNSET:
            field_dict["breakoutRooms"] = breakout_rooms

        channel_id = self.channel_id
        if channel_id is not UNSET:
            field_dict["channelId"] = channel_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

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

        is_favorite = self.is_favorite
        if is_favorite is not UNSET:
            field_dict["isFavorite"] = is_favorite

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

        join_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.join_settings, Unset):
            join_settings = self.join_settings.to_dict()
        if join_settings is not UNSET:
            field_dict["joinSettings"] = join_settings

        last_call_at: None | str | Unset
        if isinstance(self.last_call_at, Unset):
            last_call_at = UNSET
        elif isinstance(self.last_call_at, datetime.datetime):
            last_call_at = self.last_call_at.isoformat()
        else:
            last_call_at = self.last_call_at
        if last_call_at is not UNSET:
            field_dict["lastCallAt"] = last_call_at

        name = self.name
        if name is not UNSET:
            field_dict["name"] = name

        parent_room_id: None | str | Unset
        if isinstance(self.parent_room_id, Unset):
            parent_room_id = UNSET
        else:
            parent_room_id = self.parent_room_id
        if parent_room_id is not UNSET:
            field_dict["parentRoomId"] = parent_room_id

        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url

        role_in_room: None | str | Unset
        if isinstance(self.role_in_room, Unset):
            role_in_room = UNSET
        else:
            role_in_room = self.role_in_room
        if role_in_room is not UNSET:
            field_dict["roleInRoom"] = role_in_room

        space_id = self.space_id
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id
        if template_id is not UNSET:
            field_dict["templateId"] = template_id

        type_ = self.type_
        if type_ is not UNSET:
            field_dict["type"] = type_

        waiting_room_audience: None | str | Unset
        if isinstance(self.waiting_room_audience, Unset):
            waiting_room_audience = UNSET
        else:
            waiting_room_audience = self.waiting_room_audience
        if waiting_room_audience is not UNSET:
            field_dict["waitingRoomAudience"] = waiting_room_audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Room: expected a JSON object, got {type(src_dict).__name__}")
        _get = src_dict.get
        _missing = 0
        id = src_dict["id"]
        if id.__class__ is not str and not isinstance(id, str):
            raise TypeError(f"Room.id: expected a string, got {type(id).__name__}")

        alias = _get("alias", UNSET)
        if alias.__class__ is not str:
            if alias is UNSET:
                _missing += 1
            elif not isinstance(alias, str):
                raise TypeError(f"Room.alias: expected a string, got {type(alias).__name__}")

        app_id = _get("appId", UNSET)
        if app_id.__class__ is not str:
            if app_id is UNSET:
                _missing += 1
            elif not isinstance(app_id, str):
                raise TypeError(f"Room.appId: expected a string, got {type(app_id).__name__}")

        breakout_rooms = _get("breakoutRooms", UNSET)
        if breakout_rooms is UNSET:
            _missing += 1
        else:
            if breakout_rooms.__class__ is not dict and not isinstance(breakout_rooms, Mapping):
                raise TypeError(f"Room.breakoutRooms: expected a JSON object, got {type(breakout_rooms).__name__}")
            breakout_rooms = _room_breakout_rooms.RoomBreakoutRooms.from_dict(breakout_rooms)

        channel_id = _get("channelId", UNSET)
        if channel_id.__class__ is not str:
            if channel_id is UNSET:
                _missing += 1
            elif not isinstance(channel_id, str):
                raise TypeError(f"Room.channelId: expected a string, got {type(channel_id).__name__}")

        created_at = _get("createdAt", UNSET)
        if created_at is UNSET:
            _missing += 1
        else:
            try:
                created_at = datetime.datetime.fromisoformat(created_at)
            except TypeError:
                raise TypeError(
                    f"Room.createdAt: expected an ISO 8601 date-time string, got {type(created_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "Room.createdAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        is_auto_recording_allowed = _get("isAutoRecordingAllowed", UNSET)
        if is_auto_recording_allowed.__class__ is not bool:
            if is_auto_recording_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isAutoRecordingAllowed: expected a boolean, got {type(is_auto_recording_allowed).__name__}"
                )

        is_avatars_allowed = _get("isAvatarsAllowed", UNSET)
        if is_avatars_allowed.__class__ is not bool:
            if is_avatars_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Room.isAvatarsAllowed: expected a boolean, got {type(is_avatars_allowed).__name__}")

        is_camera_publishing_allowed = _get("isCameraPublishingAllowed", UNSET)
        if is_camera_publishing_allowed.__class__ is not bool:
            if is_camera_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isCameraPublishingAllowed: expected a boolean, got {type(is_camera_publishing_allowed).__name__}"
                )

        is_chat_allowed = _get("isChatAllowed", UNSET)
        if is_chat_allowed.__class__ is not bool:
            if is_chat_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Room.isChatAllowed: expected a boolean, got {type(is_chat_allowed).__name__}")

        is_favorite = _get("isFavorite", UNSET)
        if is_favorite.__class__ is not bool:
            if is_favorite is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Room.isFavorite: expected a boolean, got {type(is_favorite).__name__}")

        is_hand_raising_allowed = _get("isHandRaisingAllowed", UNSET)
        if is_hand_raising_allowed.__class__ is not bool:
            if is_hand_raising_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isHandRaisingAllowed: expected a boolean, got {type(is_hand_raising_allowed).__name__}"
                )

        is_microphone_publishing_allowed = _get("isMicrophonePublishingAllowed", UNSET)
        if is_microphone_publishing_allowed.__class__ is not bool:
            if is_microphone_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isMicrophonePublishingAllowed: expected a boolean, got {type(is_microphone_publishing_allowed).__name__}"
                )

        is_public = _get("isPublic", UNSET)
        if is_public.__class__ is not bool:
            if is_public is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Room.isPublic: expected a boolean, got {type(is_public).__name__}")

        is_record_allowed = _get("isRecordAllowed", UNSET)
        if is_record_allowed.__class__ is not bool:
            if is_record_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(f"Room.isRecordAllowed: expected a boolean, got {type(is_record_allowed).__name__}")

        is_remote_drawing_allowed = _get("isRemoteDrawingAllowed", UNSET)
        if is_remote_drawing_allowed.__class__ is not bool:
            if is_remote_drawing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isRemoteDrawingAllowed: expected a boolean, got {type(is_remote_drawing_allowed).__name__}"
                )

        is_screen_media_publishing_allowed = _get("isScreenMediaPublishingAllowed", UNSET)
        if is_screen_media_publishing_allowed.__class__ is not bool:
            if is_screen_media_publishing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isScreenMediaPublishingAllowed: expected a boolean, got {type(is_screen_media_publishing_allowed).__name__}"
                )

        is_screensharing_allowed = _get("isScreensharingAllowed", UNSET)
        if is_screensharing_allowed.__class__ is not bool:
            if is_screensharing_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isScreensharingAllowed: expected a boolean, got {type(is_screensharing_allowed).__name__}"
                )

        is_self_renaming_allowed = _get("isSelfRenamingAllowed", UNSET)
        if is_self_renaming_allowed.__class__ is not bool:
            if is_self_renaming_allowed is UNSET:
                _missing += 1
            else:
                raise TypeError(
                    f"Room.isSelfRenamingAllowed: expected a boolean, got {type(is_self_renaming_allowed).__name__}"
                )

        join_settings = _get("joinSettings", UNSET)
        if join_settings is UNSET:
            _missing += 1
        else:
            if join_settings.__class__ is not dict and not isinstance(join_settings, Mapping):
                raise TypeError(f"Room.joinSettings: expected a JSON object, got {type(join_settings).__name__}")
            join_settings = _room_join_settings.RoomJoinSettings.from_dict(join_settings)

        last_call_at = _get("lastCallAt", UNSET)
        if last_call_at is UNSET:
            _missing += 1
        elif last_call_at is not None:
            try:
                last_call_at = datetime.datetime.fromisoformat(last_call_at)
            except TypeError:
                raise TypeError(
                    f"Room.lastCallAt: expected an ISO 8601 date-time string or null, got {type(last_call_at).__name__}"
                ) from None
            except ValueError:
                raise ValueError(
                    "Room.lastCallAt: expected an ISO 8601 date-time string, got a string that is not one"
                ) from None

        name = _get("name", UNSET)
        if name.__class__ is not str:
            if name is UNSET:
                _missing += 1
            elif not isinstance(name, str):
                raise TypeError(f"Room.name: expected a string, got {type(name).__name__}")

        parent_room_id = _get("parentRoomId", UNSET)
        if parent_room_id.__class__ is not str:
            if parent_room_id is UNSET:
                _missing += 1
            elif not isinstance(parent_room_id, str) and parent_room_id is not None:
                raise TypeError(f"Room.parentRoomId: expected a string or null, got {type(parent_room_id).__name__}")

        redirect_url = _get("redirectUrl", UNSET)
        if redirect_url.__class__ is not str:
            if redirect_url is UNSET:
                _missing += 1
            elif not isinstance(redirect_url, str) and redirect_url is not None:
                raise TypeError(f"Room.redirectUrl: expected a string or null, got {type(redirect_url).__name__}")

        role_in_room = _get("roleInRoom", UNSET)
        if role_in_room.__class__ is not str:
            if role_in_room is UNSET:
                _missing += 1
            elif not isinstance(role_in_room, str) and role_in_room is not None:
                raise TypeError(f"Room.roleInRoom: expected a string or null, got {type(role_in_room).__name__}")

        space_id = _get("spaceId", UNSET)
        if space_id.__class__ is not str:
            if space_id is UNSET:
                _missing += 1
            elif not isinstance(space_id, str):
                raise TypeError(f"Room.spaceId: expected a string, got {type(space_id).__name__}")

        template_id = _get("templateId", UNSET)
        if template_id.__class__ is not str:
            if template_id is UNSET:
                _missing += 1
            elif not isinstance(template_id, str) and template_id is not None:
                raise TypeError(f"Room.templateId: expected a string or null, got {type(template_id).__name__}")

        type_ = _get("type", UNSET)
        if type_.__class__ is not str:
            if type_ is UNSET:
                _missing += 1
            elif not isinstance(type_, str):
                raise TypeError(f"Room.type: expected a string, got {type(type_).__name__}")

        waiting_room_audience = _get("waitingRoomAudience", UNSET)
        if waiting_room_audience.__class__ is not str:
            if waiting_room_audience is UNSET:
                _missing += 1
            elif not isinstance(waiting_room_audience, str) and waiting_room_audience is not None:
                raise TypeError(
                    f"Room.waitingRoomAudience: expected a string or null, got {type(waiting_room_audience).__name__}"
                )

        room = cls(
            id,
            alias,
            app_id,
            breakout_rooms,
            channel_id,
            created_at,
            is_auto_recording_allowed,
            is_avatars_allowed,
            is_camera_publishing_allowed,
            is_chat_allowed,
            is_favorite,
            is_hand_raising_allowed,
            is_microphone_publishing_allowed,
            is_public,
            is_record_allowed,
            is_remote_drawing_allowed,
            is_screen_media_publishing_allowed,
            is_screensharing_allowed,
            is_self_renaming_allowed,
            join_settings,
            last_call_at,
            name,
            parent_room_id,
            redirect_url,
            role_in_room,
            space_id,
            template_id,
            type_,
            waiting_room_audience,
        )
        if len(src_dict) == 29 - _missing:
            _extra: dict[str, Any] = {}
        else:
            _extra = {key: value for key, value in src_dict.items() if key not in _WIRE_NAMES}
        room.additional_properties = _extra
        return room

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
