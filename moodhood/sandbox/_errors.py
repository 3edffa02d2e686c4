"""Error responses: ``{message, code}`` for the API, RFC 6749 ``{error, error_description}`` for tokens."""

from __future__ import annotations

from starlette.responses import JSONResponse

__all__ = ["ApiError", "OAuthError", "api_error_response", "oauth_error_response"]


class ApiError(Exception):
    """Raised by a handler to answer ``status`` with ``{"message": ..., "code": ...}``."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


class OAuthError(Exception):
    """Raised by the token endpoint: 400 for request/grant errors, 401 for ``invalid_client``."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = 401 if error == "invalid_client" else 400


def api_error_response(error: ApiError) -> JSONResponse:
    """The JSON response for an :class:`ApiError`."""
    headers = dict(error.headers)
    if error.status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="moodhood"')
    return JSONResponse({"message": error.message, "code": error.code}, error.status, headers=headers)


def oauth_error_response(error: OAuthError) -> JSONResponse:
    """The JSON response for an :class:`OAuthError` (never cached)."""
    headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="moodhood"'
    return JSONResponse(
        {"error": error.error, "error_description": error.description}, error.status, headers=headers
    )
