from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.participant import Participant
from ...models.participant_create import ParticipantCreate
from ...types import Response


def _get_kwargs(
    space_id: str,
    *,
    body: ParticipantCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/spaces/{space_id}/participants".format(
            space_id=quote(str(space_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Participant | None:
    if response.status_code == 200:
        response_200 = Participant.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Participant.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Participant]:
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
    body: ParticipantCreate,
) -> Response[Error | Participant]:
    """Create a media participant

     Used by the mobile apps with a client token before connecting to the media channel. Assumed: the
    operationId and tag, the response fields beyond `id`, and both 200 and 201 (D11).

    Args:
        space_id (str):
        body (ParticipantCreate): Body of createParticipant. The mobile apps always send all four
            fields, so all four are required here
            (assumed: which fields the server requires is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Participant]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ParticipantCreate,
) -> Error | Participant | None:
    """Create a media participant

     Used by the mobile apps with a client token before connecting to the media channel. Assumed: the
    operationId and tag, the response fields beyond `id`, and both 200 and 201 (D11).

    Args:
        space_id (str):
        body (ParticipantCreate): Body of createParticipant. The mobile apps always send all four
            fields, so all four are required here
            (assumed: which fields the server requires is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Participant
    """

    return sync_detailed(
        space_id=space_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ParticipantCreate,
) -> Response[Error | Participant]:
    """Create a media participant

     Used by the mobile apps with a client token before connecting to the media channel. Assumed: the
    operationId and tag, the response fields beyond `id`, and both 200 and 201 (D11).

    Args:
        space_id (str):
        body (ParticipantCreate): Body of createParticipant. The mobile apps always send all four
            fields, so all four are required here
            (assumed: which fields the server requires is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Participant]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ParticipantCreate,
) -> Error | Participant | None:
    """Create a media participant

     Used by the mobile apps with a client token before connecting to the media channel. Assumed: the
    operationId and tag, the response fields beyond `id`, and both 200 and 201 (D11).

    Args:
        space_id (str):
        body (ParticipantCreate): Body of createParticipant. The mobile apps always send all four
            fields, so all four are required here
            (assumed: which fields the server requires is not documented).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Participant
    """

    return (
        await asyncio_detailed(
            space_id=space_id,
            client=client,
            body=body,
        )
    ).parsed
