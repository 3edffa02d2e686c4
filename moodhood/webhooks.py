"""Verify MoodHood webhook deliveries (and sign them, for tests and sandboxes).

Usage in a web handler::

    from moodhood.webhooks import WebhookEventName, WebhookVerificationError, verify

    try:
        event = verify(raw_request_body, secret)  # the bytes exactly as received
    except WebhookVerificationError:
        return 400
    if event.event_name == WebhookEventName.RECORD_FINISHED:
        fetch_recording(event.space_id, event.room_id, event.record_id)
"""

from __future__ import annotations

from moodhood._exceptions import WebhookVerificationError
from moodhood._webhook_receivers import django_webhook_view, verify_flask_request, verify_starlette_request
from moodhood._webhooks import (
    DEFAULT_MAX_BYTES,
    MAX_REPRODUCED_BYTES,
    ReplayWindow,
    SeenSignatures,
    WebhookEvent,
    WebhookEventName,
    canonical_json,
    rejection_status,
    sign,
    verify,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_REPRODUCED_BYTES",
    "ReplayWindow",
    "SeenSignatures",
    "WebhookEvent",
    "WebhookEventName",
    "WebhookVerificationError",
    "canonical_json",
    "django_webhook_view",
    "rejection_status",
    "sign",
    "verify",
    "verify_flask_request",
    "verify_starlette_request",
]

for _name in __all__:
    if _name not in ("DEFAULT_MAX_BYTES", "MAX_REPRODUCED_BYTES", "WebhookVerificationError"):
        globals()[_name].__module__ = __name__
del _name
