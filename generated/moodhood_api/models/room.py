from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.room_breakout_rooms import RoomBreakoutRooms
    from ..models.room_join_settings import RoomJoinSettings


T = TypeVar("T", bound="Room")


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
        id = self.id

        alias = self.alias

        app_id = self.app_id

        breakout_rooms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.breakout_rooms, Unset):
            breakout_rooms = self.breakout_rooms.to_dict()

        channel_id = self.channel_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        is_auto_recording_allowed = self.is_auto_recording_allowed

        is_avatars_allowed = self.is_avatars_allowed

        is_camera_publishing_allowed = self.is_camera_publishing_allowed

        is_chat_allowed = self.is_chat_allowed

        is_favorite = self.is_favorite

        is_hand_raising_allowed = self.is_hand_raising_allowed

        is_microphone_publishing_allowed = self.is_microphone_publishing_allowed

        is_public = self.is_public

        is_record_allowed = self.is_record_allowed

        is_remote_drawing_allowed = self.is_remote_drawing_allowed

        is_screen_media_publishing_allowed = self.is_screen_media_publishing_allowed

        is_screensharing_allowed = self.is_screensharing_allowed

        is_self_renaming_allowed = self.is_self_renaming_allowed

        join_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.join_settings, Unset):
            join_settings = self.join_settings.to_dict()

        last_call_at: None | str | Unset
        if isinstance(self.last_call_at, Unset):
            last_call_at = UNSET
        elif isinstance(self.last_call_at, datetime.datetime):
            last_call_at = self.last_call_at.isoformat()
        else:
            last_call_at = self.last_call_at

        name = self.name

        parent_room_id: None | str | Unset
        if isinstance(self.parent_room_id, Unset):
            parent_room_id = UNSET
        else:
            parent_room_id = self.parent_room_id

        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url

        role_in_room: None | str | Unset
        if isinstance(self.role_in_room, Unset):
            role_in_room = UNSET
        else:
            role_in_room = self.role_in_room

        space_id = self.space_id

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        type_ = self.type_

        waiting_room_audience: None | str | Unset
        if isinstance(self.waiting_room_audience, Unset):
            waiting_room_audience = UNSET
        else:
            waiting_room_audience = self.waiting_room_audience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if app_id is not UNSET:
            field_dict["appId"] = app_id
        if breakout_rooms is not UNSET:
            field_dict["breakoutRooms"] = breakout_rooms
        if channel_id is not UNSET:
            field_dict["channelId"] = channel_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if is_auto_recording_allowed is not UNSET:
            field_dict["isAutoRecordingAllowed"] = is_auto_recording_allowed
        if is_avatars_allowed is not UNSET:
            field_dict["isAvatarsAllowed"] = is_avatars_allowed
        if is_camera_publishing_allowed is not UNSET:
            field_dict["isCameraPublishingAllowed"] = is_camera_publishing_allowed
        if is_chat_allowed is not UNSET:
            field_dict["isChatAllowed"] = is_chat_allowed
        if is_favorite is not UNSET:
            field_dict["isFavorite"] = is_favorite
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
        if join_settings is not UNSET:
            field_dict["joinSettings"] = join_settings
        if last_call_at is not UNSET:
            field_dict["lastCallAt"] = last_call_at
        if name is not UNSET:
            field_dict["name"] = name
        if parent_room_id is not UNSET:
            field_dict["parentRoomId"] = parent_room_id
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if role_in_room is not UNSET:
            field_dict["roleInRoom"] = role_in_room
        if space_id is not UNSET:
            field_dict["spaceId"] = space_id
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if waiting_room_audience is not UNSET:
            field_dict["waitingRoomAudience"] = waiting_room_audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.room_breakout_rooms import RoomBreakoutRooms  # noqa: PLC0415
        from ..models.room_join_settings import RoomJoinSettings  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        app_id = d.pop("appId", UNSET)

        _breakout_rooms = d.pop("breakoutRooms", UNSET)
        breakout_rooms: RoomBreakoutRooms | Unset
        if isinstance(_breakout_rooms, Unset):
            breakout_rooms = UNSET
        else:
            breakout_rooms = RoomBreakoutRooms.from_dict(_breakout_rooms)

        channel_id = d.pop("channelId", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        is_auto_recording_allowed = d.pop("isAutoRecordingAllowed", UNSET)

        is_avatars_allowed = d.pop("isAvatarsAllowed", UNSET)

        is_camera_publishing_allowed = d.pop("isCameraPublishingAllowed", UNSET)

        is_chat_allowed = d.pop("isChatAllowed", UNSET)

        is_favorite = d.pop("isFavorite", UNSET)

        is_hand_raising_allowed = d.pop("isHandRaisingAllowed", UNSET)

        is_microphone_publishing_allowed = d.pop("isMicrophonePublishingAllowed", UNSET)

        is_public = d.pop("isPublic", UNSET)

        is_record_allowed = d.pop("isRecordAllowed", UNSET)

        is_remote_drawing_allowed = d.pop("isRemoteDrawingAllowed", UNSET)

        is_screen_media_publishing_allowed = d.pop("isScreenMediaPublishingAllowed", UNSET)

        is_screensharing_allowed = d.pop("isScreensharingAllowed", UNSET)

        is_self_renaming_allowed = d.pop("isSelfRenamingAllowed", UNSET)

        _join_settings = d.pop("joinSettings", UNSET)
        join_settings: RoomJoinSettings | Unset
        if isinstance(_join_settings, Unset):
            join_settings = UNSET
        else:
            join_settings = RoomJoinSettings.from_dict(_join_settings)

        def _parse_last_call_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_call_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_call_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_call_at = _parse_last_call_at(d.pop("lastCallAt", UNSET))

        name = d.pop("name", UNSET)

        def _parse_parent_room_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_room_id = _parse_parent_room_id(d.pop("parentRoomId", UNSET))

        def _parse_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_url = _parse_redirect_url(d.pop("redirectUrl", UNSET))

        def _parse_role_in_room(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role_in_room = _parse_role_in_room(d.pop("roleInRoom", UNSET))

        space_id = d.pop("spaceId", UNSET)

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("templateId", UNSET))

        type_ = d.pop("type", UNSET)

        def _parse_waiting_room_audience(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        waiting_room_audience = _parse_waiting_room_audience(d.pop("waitingRoomAudience", UNSET))

        room = cls(
            id=id,
            alias=alias,
            app_id=app_id,
            breakout_rooms=breakout_rooms,
            channel_id=channel_id,
            created_at=created_at,
            is_auto_recording_allowed=is_auto_recording_allowed,
            is_avatars_allowed=is_avatars_allowed,
            is_camera_publishing_allowed=is_camera_publishing_allowed,
            is_chat_allowed=is_chat_allowed,
            is_favorite=is_favorite,
            is_hand_raising_allowed=is_hand_raising_allowed,
            is_microphone_publishing_allowed=is_microphone_publishing_allowed,
            is_public=is_public,
            is_record_allowed=is_record_allowed,
            is_remote_drawing_allowed=is_remote_drawing_allowed,
            is_screen_media_publishing_allowed=is_screen_media_publishing_allowed,
            is_screensharing_allowed=is_screensharing_allowed,
            is_self_renaming_allowed=is_self_renaming_allowed,
            join_settings=join_settings,
            last_call_at=last_call_at,
            name=name,
            parent_room_id=parent_room_id,
            redirect_url=redirect_url,
            role_in_room=role_in_room,
            space_id=space_id,
            template_id=template_id,
            type_=type_,
            waiting_room_audience=waiting_room_audience,
        )

        room.additional_properties = d
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
