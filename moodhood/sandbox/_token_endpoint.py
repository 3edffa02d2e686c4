"""``POST /v1/auth/token``: client_credentials, password (D2, D3) and refresh_token (D4) grants."""

from __future__ import annotations

import hmac
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._auth import bearer_token
from moodhood.sandbox._body import loads_strict
from moodhood.sandbox._errors import OAuthError, oauth_error_response
from moodhood.sandbox._state import SandboxState

__all__ = ["token_endpoint"]


async def _params(request: Request) -> dict[str, Any]:
    raw = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/x-www-form-urlencoded":
        try:
            return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        except UnicodeDecodeError:
            raise OAuthError("invalid_request", "The form body is not UTF-8") from None
    try:
        data = loads_strict(raw) if raw.strip() else None
    except ValueError:
        raise OAuthError("invalid_request", "The request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise OAuthError("invalid_request", "The request body must be a JSON object or a form")
    return data


def _param(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str) or not value:
        raise OAuthError("invalid_request", f"Missing or invalid parameter: {name}")
    return value


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _token_response(access: str, refresh: str) -> JSONResponse:
    return JSONResponse(
        {"token_type": "Bearer", "access_token": access, "refresh_token": refresh},
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


async def token_endpoint(request: Request) -> Response:
    """Issue a token pair; OAuth errors come back as ``{error, error_description}``."""
    state: SandboxState = request.app.state.sandbox
    try:
        return await _grant(request, state)
    except OAuthError as error:
        return oauth_error_response(error)


async def _grant(request: Request, state: SandboxState) -> Response:
    params = await _params(request)
    grant_type = _param(params, "grant_type")
    if grant_type not in ("client_credentials", "password", "refresh_token"):
        raise OAuthError("unsupported_grant_type", f"Unsupported grant type: {grant_type}")
    if grant_type == "refresh_token" and not state.settings.refresh_grant_enabled:
        raise OAuthError("unsupported_grant_type", "Unsupported grant type: refresh_token")
    client_id = _param(params, "client_id")
    client_secret = _param(params, "client_secret")
    config = state.config
    if not (_same(client_id, config.client_id) and _same(client_secret, config.client_secret)):
        raise OAuthError("invalid_client", "Invalid client credentials")
    settings = state.settings
    ttl = settings.access_ttl, settings.refresh_ttl

    if grant_type == "client_credentials":
        return _token_response(*state.tokens.issue_pair("client", state.client_db_id, *ttl))

    if grant_type == "password":
        client_token = bearer_token(request)
        claims = None if client_token is None else state.tokens.check(client_token, "accessToken")[0]
        if claims is None or claims["aud"] != "client":
            raise OAuthError(
                "invalid_client", "The password grant needs a valid client token as 'Authorization: Bearer'"
            )
        username = _param(params, "username")
        password = _param(params, "password")
        user = state.user_by_email(username)
        if user is None or user.password is None or not _same(password, user.password):
            raise OAuthError("invalid_grant", "Invalid credentials")
        return _token_response(*state.tokens.issue_pair("user", user.id, *ttl))

    refresh = _param(params, "refresh_token")
    claims, reason = state.tokens.check(refresh, "refreshToken")
    if claims is None:
        raise OAuthError("invalid_grant", f"The refresh token is invalid ({reason.replace('_', ' ')})")
    extra = {"roomId": claims["roomId"]} if "roomId" in claims else None
    if claims["aud"] == "user" and str(claims["sub"]) not in state.users:
        raise OAuthError("invalid_grant", "The refresh token's user no longer exists")
    return _token_response(*state.tokens.issue_pair(claims["aud"], str(claims["sub"]), *ttl, extra=extra))
