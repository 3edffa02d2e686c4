"""Contains all the data models used in inputs/outputs"""

from .analytics_report import AnalyticsReport
from .analytics_report_format import AnalyticsReportFormat
from .call import Call
from .call_list import CallList
from .error import Error
from .generate_access_request import GenerateAccessRequest
from .generate_access_response import GenerateAccessResponse
from .generate_access_role import GenerateAccessRole
from .grant_type import GrantType
from .guest_url_request import GuestUrlRequest
from .guest_url_response import GuestUrlResponse
from .id_response import IdResponse
from .invite_create import InviteCreate
from .join_room_request import JoinRoomRequest
from .meeting_settings import MeetingSettings
from .meeting_settings_update import MeetingSettingsUpdate
from .o_auth_error import OAuthError
from .participant import Participant
from .participant_create import ParticipantCreate
from .room import Room
from .room_breakout_rooms import RoomBreakoutRooms
from .room_breakout_rooms_session import RoomBreakoutRoomsSession
from .room_create import RoomCreate
from .room_join_settings import RoomJoinSettings
from .room_join_settings_custom_field import RoomJoinSettingsCustomField
from .room_join_settings_field import RoomJoinSettingsField
from .room_list import RoomList
from .room_record import RoomRecord
from .room_record_list import RoomRecordList
from .room_role import RoomRole
from .room_role_grant import RoomRoleGrant
from .room_type import RoomType
from .room_update import RoomUpdate
from .signaling_token import SignalingToken
from .space import Space
from .space_create import SpaceCreate
from .space_invite_role import SpaceInviteRole
from .space_list import SpaceList
from .space_update import SpaceUpdate
from .token_request import TokenRequest
from .token_response import TokenResponse
from .user import User
from .user_create import UserCreate
from .webhook import Webhook
from .webhook_create import WebhookCreate
from .webhook_event import WebhookEvent
from .webhook_event_body import WebhookEventBody
from .webhook_update import WebhookUpdate
from .webhook_with_secret import WebhookWithSecret

__all__ = (
    "AnalyticsReport",
    "AnalyticsReportFormat",
    "Call",
    "CallList",
    "Error",
    "GenerateAccessRequest",
    "GenerateAccessResponse",
    "GenerateAccessRole",
    "GrantType",
    "GuestUrlRequest",
    "GuestUrlResponse",
    "IdResponse",
    "InviteCreate",
    "JoinRoomRequest",
    "MeetingSettings",
    "MeetingSettingsUpdate",
    "OAuthError",
    "Participant",
    "ParticipantCreate",
    "Room",
    "RoomBreakoutRooms",
    "RoomBreakoutRoomsSession",
    "RoomCreate",
    "RoomJoinSettings",
    "RoomJoinSettingsCustomField",
    "RoomJoinSettingsField",
    "RoomList",
    "RoomRecord",
    "RoomRecordList",
    "RoomRole",
    "RoomRoleGrant",
    "RoomType",
    "RoomUpdate",
    "SignalingToken",
    "Space",
    "SpaceCreate",
    "SpaceInviteRole",
    "SpaceList",
    "SpaceUpdate",
    "TokenRequest",
    "TokenResponse",
    "User",
    "UserCreate",
    "Webhook",
    "WebhookCreate",
    "WebhookEvent",
    "WebhookEventBody",
    "WebhookUpdate",
    "WebhookWithSecret",
)
