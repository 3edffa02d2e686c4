from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_list import CallList
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    space_id: str,
    *,
    room_id: str,
    date: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["roomId"] = room_id

    params["date"] = date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/spaces/{space_id}/analytics/calls".format(
            space_id=quote(str(space_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CallList | Error | None:
    if response.status_code == 200:
        response_200 = CallList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CallList | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    date: str,
) -> Response[CallList | Error]:
    """List the finished calls of a room on a date

     Needs a moderator/admin user or personal token on a plan with statistics (a guest `accessToken` from
    a
    guest link also works for the guest's own lookup). Assumed: GET with query parameters (D8; one 2024
    cURL uses POST). A minimum-participants filter exists but its name is unknown, so it is not
    described.

    Args:
        space_id (str):
        room_id (str):
        date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallList | Error]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        date=date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    date: str,
) -> CallList | Error | None:
    """List the finished calls of a room on a date

     Needs a moderator/admin user or personal token on a plan with statistics (a guest `accessToken` from
    a
    guest link also works for the guest's own lookup). Assumed: GET with query parameters (D8; one 2024
    cURL uses POST). A minimum-participants filter exists but its name is unknown, so it is not
    described.

    Args:
        space_id (str):
        room_id (str):
        date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallList | Error
    """

    return sync_detailed(
        space_id=space_id,
        client=client,
        room_id=room_id,
        date=date,
    ).parsed


async def asyncio_detailed(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    date: str,
) -> Response[CallList | Error]:
    """List the finished calls of a room on a date

     Needs a moderator/admin user or personal token on a plan with statistics (a guest `accessToken` from
    a
    guest link also works for the guest's own lookup). Assumed: GET with query parameters (D8; one 2024
    cURL uses POST). A minimum-participants filter exists but its name is unknown, so it is not
    described.

    Args:
        space_id (str):
        room_id (str):
        date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallList | Error]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        date=date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    date: str,
) -> CallList | Error | None:
    """List the finished calls of a room on a date

     Needs a moderator/admin user or personal token on a plan with statistics (a guest `accessToken` from
    a
    guest link also works for the guest's own lookup). Assumed: GET with query parameters (D8; one 2024
    cURL uses POST). A minimum-participants filter exists but its name is unknown, so it is not
    described.

    Args:
        space_id (str):
        room_id (str):
        date (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallList | Error
    """

    return (
        await asyncio_detailed(
            space_id=space_id,
            client=client,
            room_id=room_id,
            date=date,
        )
    ).parsed
