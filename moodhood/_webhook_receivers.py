"""Ready-made webhook receivers for Starlette/FastAPI, Flask and Django request objects.

Each one checks ``Content-Length`` against the size cap before reading anything, reads at most
``max_bytes + 1`` bytes of the raw body (a chunked body without a length is cut off there), verifies it
with :func:`~moodhood.webhooks.verify` and answers a rejection with the status of
:func:`~moodhood.webhooks.rejection_status`: 413 too large, 400 malformed, 401 bad signature,
409 replay. The frameworks are imported only when a receiver runs: they stay optional.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from typing import Any

from moodhood._exceptions import WebhookVerificationError
from moodhood._webhooks import (
    DEFAULT_MAX_BYTES,
    SeenSignatures,
    WebhookEvent,
    _Rejected,
    _TooLarge,
    rejection_status,
    verify,
)

__all__ = ["django_webhook_view", "verify_flask_request", "verify_starlette_request"]


def _check_length(declared: str | int | None, max_bytes: int | None) -> None:
    """Refuse a declared ``Content-Length`` over the cap (or not a number) before reading the body."""
    if declared is None or declared == "":
        return
    try:
        length = int(declared)
    except ValueError:
        raise _Rejected("the Content-Length header is not a number") from None
    if length < 0:
        raise _Rejected("the Content-Length header is negative")
    if max_bytes is not None and length > max_bytes:
        raise _TooLarge(f"the webhook payload is larger than max_bytes={max_bytes}")


def _limit(max_bytes: int | None) -> int:
    return -1 if max_bytes is None else max_bytes + 1


async def _read_async(chunks: AsyncIterator[bytes], max_bytes: int | None) -> bytes:
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if max_bytes is not None and len(body) > max_bytes:
            raise _TooLarge(f"the webhook payload is larger than max_bytes={max_bytes}")
    return bytes(body)


async def verify_starlette_request(
    request: Any,
    secret: str,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    seen: SeenSignatures | None = None,
) -> WebhookEvent:
    """Verify a Starlette (or FastAPI) ``Request``; a rejection raises ``starlette.exceptions.HTTPException``
    (400, 401, 409 or 413), which both frameworks turn into that response."""
    from starlette.exceptions import HTTPException

    try:
        _check_length(request.headers.get("content-length"), max_bytes)
        raw = await _read_async(request.stream(), max_bytes)
        return verify(raw, secret, max_bytes=max_bytes, seen=seen)
    except WebhookVerificationError as exc:
        raise HTTPException(status_code=rejection_status(exc), detail=str(exc)) from None


def verify_flask_request(
    request: Any,
    secret: str,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    seen: SeenSignatures | None = None,
) -> WebhookEvent:
    """Verify a Flask (Werkzeug) ``Request``; a rejection raises the Werkzeug ``HTTPException`` for 400,
    401, 409 or 413, which Flask turns into that response."""
    from werkzeug.exceptions import abort

    try:
        _check_length(request.headers.get("Content-Length"), max_bytes)
        raw = request.stream.read(_limit(max_bytes))
        return verify(raw, secret, max_bytes=max_bytes, seen=seen)
    except WebhookVerificationError as exc:
        abort(rejection_status(exc), description=str(exc))


def django_webhook_view(
    secret: str,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    seen: SeenSignatures | None = None,
) -> Callable[[Callable[[Any, WebhookEvent], Any]], Callable[[Any], Any]]:
    """Decorate a Django view ``view(request, event)``: POST only (405 otherwise), exempt from CSRF (the
    signature authenticates the sender), and a rejected delivery answered 400, 401, 409 or 413."""

    def decorate(view: Callable[[Any, WebhookEvent], Any]) -> Callable[[Any], Any]:
        from django.http import HttpResponse, HttpResponseNotAllowed  # type: ignore[import-untyped]
        from django.views.decorators.csrf import csrf_exempt  # type: ignore[import-untyped]

        @functools.wraps(view)
        def receive(request: Any) -> Any:
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            try:
                _check_length(request.META.get("CONTENT_LENGTH"), max_bytes)
                raw = request.read(_limit(max_bytes))
                event = verify(raw, secret, max_bytes=max_bytes, seen=seen)
            except WebhookVerificationError as exc:
                return HttpResponse(str(exc), status=rejection_status(exc), content_type="text/plain")
            return view(request, event)

        return csrf_exempt(receive)  # type: ignore[no-any-return]

    return decorate
