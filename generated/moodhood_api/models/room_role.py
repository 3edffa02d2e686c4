from enum import StrEnum


class RoomRole(StrEnum):
    ROLE_ROOM_MODERATOR = "role_room_moderator"
    ROLE_ROOM_USER = "role_room_user"

    def __str__(self) -> str:
        return str(self.value)
