"""The exceptions moodhood raises.

    MoodhoodError
    ├── ConfigurationError            a missing or contradictory setting (names the argument and the variable)
    │   └── InsecureTransportError    a token or secret would travel over plain http:// to a non-loopback host
    ├── TokenStoreError               a token file that cannot be read or written
    ├── APIError                      anything that went wrong talking to MoodHood
    │   ├── APIConnectionError        no usable response: DNS, refused connection, TLS, broken stream
    │   │   └── APITimeoutError
    │   ├── APIResponseValidationError  a 2xx response whose body does not match the spec
    │   ├── TokenError                the token endpoint refused (keeps the OAuth ``error`` code)
    │   └── APIStatusError            any non-2xx response (status_code, body, message, code, request_id)
    │       ├── BadRequestError             400
    │       ├── AuthenticationError         401
    │       ├── PermissionDeniedError       403
    │       ├── NotFoundError               404
    │       ├── ConflictError               409
    │       ├── UnprocessableEntityError    422
    │       ├── RateLimitError              429
    │       └── InternalServerError         5xx
    └── WebhookVerificationError      a webhook payload that fails verification (also a ValueError)

No message, attribute or ``repr`` here ever holds a whole token or secret: callers mask them first
(see ``moodhood._secrets.mask``) and response bodies are stored as the server sent them, which for the
token endpoint are error bodies only. A pickled ``APIError`` carries public copies of its request and
response (``moodhood._public``): no bearer, no request body, no history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "InsecureTransportError",
    "InternalServerError",
    "MoodhoodError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "TokenError",
    "TokenStoreError",
    "UnprocessableEntityError",
    "WebhookVerificationError",
]


class MoodhoodError(Exception):
    """Base class of every exception raised by moodhood."""


class ConfigurationError(MoodhoodError):
    """A setting is missing or contradictory; the message names the argument and the environment variable."""


class InsecureTransportError(ConfigurationError):
    """A bearer token or secret would be sent over plain ``http://`` to a host that is not loopback."""


class TokenStoreError(MoodhoodError):
    """A token store could not be read or written (a corrupt, foreign or unreadable file)."""


class WebhookVerificationError(MoodhoodError, ValueError):
    """A webhook payload has a bad signature, is not JSON, or lacks a required field."""


class APIError(MoodhoodError):
    """Something went wrong talking to the MoodHood API.

    ``request`` is the request that failed, when there was one.
    """

    request: httpx.Request | None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request

    def __reduce__(self) -> tuple[object, ...]:
        from moodhood._public import public_state

        return (_restore, (type(self), self.message), public_state(self.__dict__))


def _restore(cls: type[APIError], message: str) -> APIError:
    """An unpickled ``APIError``: its message now, its attributes from the pickled state."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    return error


class APIConnectionError(APIError):
    """No usable response arrived: the connection failed or broke."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A successful response whose body could not be parsed into the documented model."""

    def __init__(self, message: str, *, response: httpx.Response, body: object = None) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class TokenError(APIError):
    """The token endpoint refused to issue a token, or answered something that is not a token.

    ``error`` keeps the OAuth 2 error code (``invalid_client``, ``invalid_grant``,
    ``unsupported_grant_type``, ...) and ``error_description`` its text, when the server sent them.
    ``status_code`` is ``None`` when no response arrived.
    """

    def __init__(
        self,
        message: str,
        *,
        error: str | None = None,
        error_description: str | None = None,
        status_code: int | None = None,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, request=request)
        self.error = error
        self.error_description = error_description
        self.status_code = status_code


class APIStatusError(APIError):
    """The API answered with a status code outside 2xx.

    ``body`` is the parsed JSON body (or the text when it is not JSON); ``message`` and ``code`` come from
    MoodHood's ``{"message", "code"}`` error body when present; ``request_id`` from the response headers.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object = None,
        code: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.request_id = request_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: the token is missing, expired, malformed or revoked."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the token is valid but may not do this (a client token where a user token is needed)."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests. ``retry_after`` is the server's requested wait in seconds, when given."""

    retry_after: float | None = None


class InternalServerError(APIStatusError):
    """Any 5xx response."""


def _status_error_class(status_code: int) -> type[APIStatusError]:
    """The ``APIStatusError`` subclass for a status code (the base class for codes without one)."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
