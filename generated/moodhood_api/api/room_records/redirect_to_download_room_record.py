from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    space_id: str,
    room_id: str,
    record_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/spaces/{space_id}/rooms/{room_id}/records/download/{record_id}".format(
            space_id=quote(str(space_id), safe=""),
            room_id=quote(str(room_id), safe=""),
            record_id=quote(str(record_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    space_id: str,
    room_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error | str]:
    """Get the download URL of a recording

     The docs say the answer is a text string holding the file URL (valid 24 h); the operation name hints
    at a
    redirect. Assumed: both are declared — 200 with the URL as `text/plain`, and 302 with a `Location`
    header.

    Args:
        space_id (str):
        room_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        record_id=record_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    space_id: str,
    room_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | str | None:
    """Get the download URL of a recording

     The docs say the answer is a text string holding the file URL (valid 24 h); the operation name hints
    at a
    redirect. Assumed: both are declared — 200 with the URL as `text/plain`, and 302 with a `Location`
    header.

    Args:
        space_id (str):
        room_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
    """

    return sync_detailed(
        space_id=space_id,
        room_id=room_id,
        record_id=record_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    space_id: str,
    room_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error | str]:
    """Get the download URL of a recording

     The docs say the answer is a text string holding the file URL (valid 24 h); the operation name hints
    at a
    redirect. Assumed: both are declared — 200 with the URL as `text/plain`, and 302 with a `Location`
    header.

    Args:
        space_id (str):
        room_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        record_id=record_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    space_id: str,
    room_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | str | None:
    """Get the download URL of a recording

     The docs say the answer is a text string holding the file URL (valid 24 h); the operation name hints
    at a
    redirect. Assumed: both are declared — 200 with the URL as `text/plain`, and 302 with a `Location`
    header.

    Args:
        space_id (str):
        room_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
    """

    return (
        await asyncio_detailed(
            space_id=space_id,
            room_id=room_id,
            record_id=record_id,
            client=client,
        )
    ).parsed
