import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.room_record_list import RoomRecordList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    space_id: str,
    room_id: str,
    *,
    date_from: datetime.datetime | Unset = UNSET,
    date_to: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["dateFrom"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["dateTo"] = json_date_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/spaces/{space_id}/rooms/{room_id}/records".format(
            space_id=quote(str(space_id), safe=""),
            room_id=quote(str(room_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | RoomRecordList | None:
    if response.status_code == 200:
        response_200 = RoomRecordList.from_dict(response.json())

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
) -> Response[Error | RoomRecordList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    space_id: str,
    room_id: str,
    *,
    client: AuthenticatedClient | Client,
    date_from: datetime.datetime | Unset = UNSET,
    date_to: datetime.datetime | Unset = UNSET,
) -> Response[Error | RoomRecordList]:
    """List the recordings of a room

     Admins only. The docs mention further filters ("and others") without naming them. Assumed: the
    operationId
    (the live Swagger has none; swagger-ui shows `get_spaces__spaceId__rooms__roomId__records`, the text
    says
    `getRecords`), and no paging parameters (D13).

    Args:
        space_id (str):
        room_id (str):
        date_from (datetime.datetime | Unset):
        date_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RoomRecordList]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        date_from=date_from,
        date_to=date_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    space_id: str,
    room_id: str,
    *,
    client: AuthenticatedClient | Client,
    date_from: datetime.datetime | Unset = UNSET,
    date_to: datetime.datetime | Unset = UNSET,
) -> Error | RoomRecordList | None:
    """List the recordings of a room

     Admins only. The docs mention further filters ("and others") without naming them. Assumed: the
    operationId
    (the live Swagger has none; swagger-ui shows `get_spaces__spaceId__rooms__roomId__records`, the text
    says
    `getRecords`), and no paging parameters (D13).

    Args:
        space_id (str):
        room_id (str):
        date_from (datetime.datetime | Unset):
        date_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RoomRecordList
    """

    return sync_detailed(
        space_id=space_id,
        room_id=room_id,
        client=client,
        date_from=date_from,
        date_to=date_to,
    ).parsed


async def asyncio_detailed(
    space_id: str,
    room_id: str,
    *,
    client: AuthenticatedClient | Client,
    date_from: datetime.datetime | Unset = UNSET,
    date_to: datetime.datetime | Unset = UNSET,
) -> Response[Error | RoomRecordList]:
    """List the recordings of a room

     Admins only. The docs mention further filters ("and others") without naming them. Assumed: the
    operationId
    (the live Swagger has none; swagger-ui shows `get_spaces__spaceId__rooms__roomId__records`, the text
    says
    `getRecords`), and no paging parameters (D13).

    Args:
        space_id (str):
        room_id (str):
        date_from (datetime.datetime | Unset):
        date_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RoomRecordList]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        date_from=date_from,
        date_to=date_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    space_id: str,
    room_id: str,
    *,
    client: AuthenticatedClient | Client,
    date_from: datetime.datetime | Unset = UNSET,
    date_to: datetime.datetime | Unset = UNSET,
) -> Error | RoomRecordList | None:
    """List the recordings of a room

     Admins only. The docs mention further filters ("and others") without naming them. Assumed: the
    operationId
    (the live Swagger has none; swagger-ui shows `get_spaces__spaceId__rooms__roomId__records`, the text
    says
    `getRecords`), and no paging parameters (D13).

    Args:
        space_id (str):
        room_id (str):
        date_from (datetime.datetime | Unset):
        date_to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RoomRecordList
    """

    return (
        await asyncio_detailed(
            space_id=space_id,
            room_id=room_id,
            client=client,
            date_from=date_from,
            date_to=date_to,
        )
    ).parsed
