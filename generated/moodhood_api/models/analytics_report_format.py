from enum import StrEnum


class AnalyticsReportFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
