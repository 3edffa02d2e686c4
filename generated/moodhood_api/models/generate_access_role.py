from enum import StrEnum


class GenerateAccessRole(StrEnum):
    MODERATOR = "moderator"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
