"""The space webhook (``/spaces/{spaceId}/webhook``, D7: the space owner only) and real, signed delivery.

Events are POSTed as ``{"signature", "body"}`` (D14, signed with :func:`moodhood.webhooks.sign`) from a
background task, so the API response never waits; up to ``config.webhook_attempts`` attempts in all,
``settings.webhook_retry_interval`` seconds apart; any 2xx counts as delivered. A space's events go out one
after the other, in the order they happened.

Off loopback (or whenever ``webhook_allow`` is given) a target must be permitted by ``webhook_allow``
(:mod:`moodhood.sandbox._allow`): checked when the URL is set (422 ``webhook_url_not_allowed``) and again
before each delivery, since a host name may resolve elsewhere later.
"""

from __future__ import annotations

import asyncio
import secrets
import string
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from moodhood.sandbox._allow import target_allowed
from moodhood.sandbox._auth import caller_user
from moodhood.sandbox._body import read_body
from moodhood.sandbox._errors import ApiError
from moodhood.sandbox._models import Delivery, Room, Space, Webhook
from moodhood.sandbox._state import SandboxState

__all__ = [
    "create_webhook",
    "delete_webhook",
    "emit",
    "get_webhook",
    "refresh_webhook_secret",
    "update_webhook",
]

_SECRET_ALPHABET = string.ascii_letters + string.digits


def _owned_space(state: SandboxState, request: Request, user_id: str) -> Space:
    space = state.space(request.path_params["spaceId"])
    if space.owner_id != user_id:
        raise ApiError(403, "forbidden", "Only the space owner may manage its webhook")
    return space


def _webhook(state: SandboxState, space: Space) -> Webhook:
    webhook = state.webhooks.get(space.id)
    if webhook is None:
        raise ApiError(404, "webhook_not_found", "This space has no webhook")
    return webhook


async def _check_url(state: SandboxState, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(422, "validation_error", "'url' must be an absolute http(s) URL")
    if not await _permitted(state, url):
        raise ApiError(
            422,
            "webhook_url_not_allowed",
            "This sandbox delivers webhooks only to targets its --webhook-allow permits",
        )
    return url


async def _permitted(state: SandboxState, url: str) -> bool:
    """Whether the config lets deliveries go to ``url``."""
    config = state.config
    return not config.webhook_limited or await target_allowed(url, config.webhook_allow)


def _new_secret() -> str:
    return "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(32))


async def create_webhook(request: Request) -> Response:
    """``POST /spaces/{spaceId}/webhook`` → 201 ``{url, secret, isActive}`` (replaces an existing one)."""
    state, user_id = caller_user(request)
    space = _owned_space(state, request, user_id)
    body = await read_body(request)
    url = await _check_url(state, body.req_text("url"))
    webhook = Webhook(url=url, secret=_new_secret())
    state.webhooks[space.id] = webhook
    return JSONResponse({"url": webhook.url, "secret": webhook.secret, "isActive": webhook.is_active}, 201)


async def get_webhook(request: Request) -> Response:
    """``GET /spaces/{spaceId}/webhook`` → ``{url, isActive}`` (never the secret)."""
    state, user_id = caller_user(request)
    webhook = _webhook(state, _owned_space(state, request, user_id))
    return JSONResponse({"url": webhook.url, "isActive": webhook.is_active})


async def update_webhook(request: Request) -> Response:
    """``PUT /spaces/{spaceId}/webhook`` with ``url`` and/or ``isActive`` → ``{url, isActive}``."""
    state, user_id = caller_user(request)
    webhook = _webhook(state, _owned_space(state, request, user_id))
    body = await read_body(request)
    url = body.text("url")
    is_active = body.flag("isActive")
    if url is not None:
        webhook.url = await _check_url(state, url)
    if is_active is not None:
        webhook.is_active = is_active
    return JSONResponse({"url": webhook.url, "isActive": webhook.is_active})


async def delete_webhook(request: Request) -> Response:
    """``DELETE /spaces/{spaceId}/webhook`` → 204."""
    state, user_id = caller_user(request)
    space = _owned_space(state, request, user_id)
    _webhook(state, space)
    del state.webhooks[space.id]
    return Response(status_code=204)


async def refresh_webhook_secret(request: Request) -> Response:
    """``PUT /spaces/{spaceId}/webhook/refresh-secret`` → 200 ``{url, secret, isActive}``, a new secret."""
    state, user_id = caller_user(request)
    webhook = _webhook(state, _owned_space(state, request, user_id))
    webhook.secret = _new_secret()
    return JSONResponse({"url": webhook.url, "secret": webhook.secret, "isActive": webhook.is_active})


def emit(state: SandboxState, room: Room, event_name: str, record_id: str | None = None) -> Delivery | None:
    """Queue ``event_name`` for the room's space webhook, if it has an active one; never blocks."""
    webhook = state.webhooks.get(room.space_id)
    if webhook is None or not webhook.is_active:
        return None
    from moodhood.webhooks import sign

    body: dict[str, Any] = {"eventName": event_name, "roomId": room.id, "spaceId": room.space_id}
    if record_id is not None:
        body["recordId"] = record_id
    delivery = Delivery(
        id=len(state.deliveries) + 1,
        url=webhook.url,
        space_id=room.space_id,
        body=body,
        signature=sign(body, webhook.secret),
    )
    state.deliveries.append(delivery)
    previous = state.last_delivery.get(room.space_id)
    task = asyncio.get_running_loop().create_task(_deliver(state, delivery, previous))
    state.last_delivery[room.space_id] = task
    state.tasks.add(task)
    task.add_done_callback(state.tasks.discard)
    return delivery


async def _deliver(state: SandboxState, delivery: Delivery, previous: asyncio.Task[None] | None) -> None:
    """Send one delivery, after the space's previous one has finished, so events arrive in order."""
    from moodhood.webhooks import canonical_json

    if previous is not None and not previous.done():
        await asyncio.wait([previous])

    payload = canonical_json({"signature": delivery.signature, "body": delivery.body})
    headers = {"Content-Type": "application/json", "User-Agent": "moodhood-sandbox-webhooks"}
    attempts = state.config.webhook_attempts
    try:
        async with httpx.AsyncClient(timeout=state.config.webhook_timeout, follow_redirects=False) as http:
            for attempt in range(1, attempts + 1):
                if not await _permitted(state, delivery.url):
                    delivery.attempts.append(
                        {"attempt": attempt, "status": None, "error": "target_not_allowed"}
                    )
                    return
                try:
                    response = await http.post(delivery.url, content=payload, headers=headers)
                except Exception as exc:  # any failure is a failed attempt, never a crashed task
                    delivery.attempts.append(
                        {"attempt": attempt, "status": None, "error": type(exc).__name__}
                    )
                else:
                    delivery.attempts.append(
                        {"attempt": attempt, "status": response.status_code, "error": None}
                    )
                    if response.is_success:
                        delivery.delivered = True
                        return
                if attempt < attempts:
                    await asyncio.sleep(state.settings.webhook_retry_interval)
    finally:
        delivery.finished = True
