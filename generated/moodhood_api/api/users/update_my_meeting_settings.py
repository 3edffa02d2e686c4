from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.meeting_settings import MeetingSettings
from ...models.meeting_settings_update import MeetingSettingsUpdate
from ...types import Response


def _get_kwargs(
    *,
    body: MeetingSettingsUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/me/settings/meetings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MeetingSettings | None:
    if response.status_code == 200:
        response_200 = MeetingSettings.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | MeetingSettings]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MeetingSettingsUpdate,
) -> Response[Error | MeetingSettings]:
    """Set the current user's meeting settings

     Used by the Outlook add-in. Assumed operationId (not in the public docs).

    Args:
        body (MeetingSettingsUpdate): Body of updateMyMeetingSettings. The Outlook add-in always
            sends both ids, so both are required here
            (assumed: not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MeetingSettings]
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
    body: MeetingSettingsUpdate,
) -> Error | MeetingSettings | None:
    """Set the current user's meeting settings

     Used by the Outlook add-in. Assumed operationId (not in the public docs).

    Args:
        body (MeetingSettingsUpdate): Body of updateMyMeetingSettings. The Outlook add-in always
            sends both ids, so both are required here
            (assumed: not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MeetingSettings
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MeetingSettingsUpdate,
) -> Response[Error | MeetingSettings]:
    """Set the current user's meeting settings

     Used by the Outlook add-in. Assumed operationId (not in the public docs).

    Args:
        body (MeetingSettingsUpdate): Body of updateMyMeetingSettings. The Outlook add-in always
            sends both ids, so both are required here
            (assumed: not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MeetingSettings]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MeetingSettingsUpdate,
) -> Error | MeetingSettings | None:
    """Set the current user's meeting settings

     Used by the Outlook add-in. Assumed operationId (not in the public docs).

    Args:
        body (MeetingSettingsUpdate): Body of updateMyMeetingSettings. The Outlook add-in always
            sends both ids, so both are required here
            (assumed: not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MeetingSettings
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
