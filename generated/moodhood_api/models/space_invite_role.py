from enum import StrEnum


class SpaceInviteRole(StrEnum):
    ROLE_SPACE_MODERATOR = "role_space_moderator"
    ROLE_SPACE_USER = "role_space_user"

    def __str__(self) -> str:
        return str(self.value)
