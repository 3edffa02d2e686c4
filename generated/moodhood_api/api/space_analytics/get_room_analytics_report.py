from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_report import AnalyticsReport
from ...models.analytics_report_format import AnalyticsReportFormat
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    space_id: str,
    *,
    room_id: str,
    call_id: str,
    format_: AnalyticsReportFormat,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["roomId"] = room_id

    params["callId"] = call_id

    json_format_ = format_.value
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/spaces/{space_id}/analytics/report".format(
            space_id=quote(str(space_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalyticsReport | Error | None:
    if response.status_code == 200:
        response_200 = AnalyticsReport.from_dict(response.json())

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
) -> Response[AnalyticsReport | Error]:
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
    call_id: str,
    format_: AnalyticsReportFormat,
) -> Response[AnalyticsReport | Error]:
    """Get the analytics report of a call

     Meaningful only after the `call_finished` webhook. `format=json` answers a JSON document,
    `format=xlsx` an
    Excel file. The report's schema is not documented (assumed: a free-form JSON object).

    Args:
        space_id (str):
        room_id (str):
        call_id (str):
        format_ (AnalyticsReportFormat): Format of the analytics report.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Error]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        call_id=call_id,
        format_=format_,
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
    call_id: str,
    format_: AnalyticsReportFormat,
) -> AnalyticsReport | Error | None:
    """Get the analytics report of a call

     Meaningful only after the `call_finished` webhook. `format=json` answers a JSON document,
    `format=xlsx` an
    Excel file. The report's schema is not documented (assumed: a free-form JSON object).

    Args:
        space_id (str):
        room_id (str):
        call_id (str):
        format_ (AnalyticsReportFormat): Format of the analytics report.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsReport | Error
    """

    return sync_detailed(
        space_id=space_id,
        client=client,
        room_id=room_id,
        call_id=call_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    call_id: str,
    format_: AnalyticsReportFormat,
) -> Response[AnalyticsReport | Error]:
    """Get the analytics report of a call

     Meaningful only after the `call_finished` webhook. `format=json` answers a JSON document,
    `format=xlsx` an
    Excel file. The report's schema is not documented (assumed: a free-form JSON object).

    Args:
        space_id (str):
        room_id (str):
        call_id (str):
        format_ (AnalyticsReportFormat): Format of the analytics report.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalyticsReport | Error]
    """

    kwargs = _get_kwargs(
        space_id=space_id,
        room_id=room_id,
        call_id=call_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    space_id: str,
    *,
    client: AuthenticatedClient | Client,
    room_id: str,
    call_id: str,
    format_: AnalyticsReportFormat,
) -> AnalyticsReport | Error | None:
    """Get the analytics report of a call

     Meaningful only after the `call_finished` webhook. `format=json` answers a JSON document,
    `format=xlsx` an
    Excel file. The report's schema is not documented (assumed: a free-form JSON object).

    Args:
        space_id (str):
        room_id (str):
        call_id (str):
        format_ (AnalyticsReportFormat): Format of the analytics report.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalyticsReport | Error
    """

    return (
        await asyncio_detailed(
            space_id=space_id,
            client=client,
            room_id=room_id,
            call_id=call_id,
            format_=format_,
        )
    ).parsed
