from __future__ import annotations

from enum import StrEnum


class AnalyticsReportFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _from_wire(cls, value: str) -> AnalyticsReportFormat:
        """The member for ``value``; a value this version does not know becomes a pseudo-member of the class.

        It compares equal to its string and ``to_dict`` sends it back unchanged, but it is not listed among the
        members and ``AnalyticsReportFormat(value)`` still rejects it: only parsed responses tolerate it.
        """
        try:
            return cls(value)
        except ValueError:
            member = str.__new__(cls, value)
            member._name_ = value
            member._value_ = value
            return member
