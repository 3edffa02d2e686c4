from enum import StrEnum


class RoomType(StrEnum):
    LESSON = "lesson"
    WEBINAR = "webinar"

    def __str__(self) -> str:
        return str(self.value)
