from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.o_auth_error import OAuthError
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | OAuthError | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | OAuthError | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Error | OAuthError | TokenResponse]:
    """Get an access token

     Issues a token pair. `grant_type=client_credentials` needs no Authorization header and returns a
    client
    token. `grant_type=password` (username = the user's **email**) returns a user token; the
    documentation sends
    the client token as `Authorization: Bearer <client access_token>` on this grant (D2), which is why
    the
    operation itself declares no security requirement. `grant_type=refresh_token` is assumed (D4), and
    so are
    the error status codes (400 / 401, D10).

    Args:
        body (TokenRequest): Body of `POST /auth/token`. `username` and `password` are required
            with `grant_type=password` (username is
            the user's email); `refresh_token` is required with `grant_type=refresh_token` (assumed
            grant, D4).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Error | OAuthError | TokenResponse | None:
    """Get an access token

     Issues a token pair. `grant_type=client_credentials` needs no Authorization header and returns a
    client
    token. `grant_type=password` (username = the user's **email**) returns a user token; the
    documentation sends
    the client token as `Authorization: Bearer <client access_token>` on this grant (D2), which is why
    the
    operation itself declares no security requirement. `grant_type=refresh_token` is assumed (D4), and
    so are
    the error status codes (400 / 401, D10).

    Args:
        body (TokenRequest): Body of `POST /auth/token`. `username` and `password` are required
            with `grant_type=password` (username is
            the user's email); `refresh_token` is required with `grant_type=refresh_token` (assumed
            grant, D4).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthError | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Error | OAuthError | TokenResponse]:
    """Get an access token

     Issues a token pair. `grant_type=client_credentials` needs no Authorization header and returns a
    client
    token. `grant_type=password` (username = the user's **email**) returns a user token; the
    documentation sends
    the client token as `Authorization: Bearer <client access_token>` on this grant (D2), which is why
    the
    operation itself declares no security requirement. `grant_type=refresh_token` is assumed (D4), and
    so are
    the error status codes (400 / 401, D10).

    Args:
        body (TokenRequest): Body of `POST /auth/token`. `username` and `password` are required
            with `grant_type=password` (username is
            the user's email); `refresh_token` is required with `grant_type=refresh_token` (assumed
            grant, D4).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthError | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Error | OAuthError | TokenResponse | None:
    """Get an access token

     Issues a token pair. `grant_type=client_credentials` needs no Authorization header and returns a
    client
    token. `grant_type=password` (username = the user's **email**) returns a user token; the
    documentation sends
    the client token as `Authorization: Bearer <client access_token>` on this grant (D2), which is why
    the
    operation itself declares no security requirement. `grant_type=refresh_token` is assumed (D4), and
    so are
    the error status codes (400 / 401, D10).

    Args:
        body (TokenRequest): Body of `POST /auth/token`. `username` and `password` are required
            with `grant_type=password` (username is
            the user's email); `refresh_token` is required with `grant_type=refresh_token` (assumed
            grant, D4).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthError | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
