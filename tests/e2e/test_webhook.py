"""WebHook: create, read, update, rotate the secret, delete; the secret shows only on create and refresh."""

from __future__ import annotations

import pytest
from moodhood_api.api.web_hook import (
    create_web_hook,
    delete_web_hook,
    get_web_hook,
    refresh_secret_web_hook,
    update_web_hook,
)
from moodhood_api.models import Webhook, WebhookCreate, WebhookUpdate, WebhookWithSecret

from moodhood import NotFoundError
from tests._flavours import Connect
from tests.e2e.conftest import new_space

HOOK = "https://hooks.example.com/moodhood/e2e"  # never called: no event happens in this space


@pytest.mark.vcr
async def test_webhook(connect: Connect) -> None:
    owner = connect()
    space_id = await new_space(owner, "E2E webhook")

    created = await owner(create_web_hook, space_id, body=WebhookCreate(url=HOOK))
    assert isinstance(created, WebhookWithSecret)
    assert (created.url, created.is_active) == (HOOK, True) and created.secret

    shown = await owner(get_web_hook, space_id)
    assert isinstance(shown, Webhook) and (shown.url, shown.is_active) == (HOOK, True)
    assert "secret" not in shown.additional_properties

    paused = await owner(update_web_hook, space_id, body=WebhookUpdate(url=HOOK + "/v2", is_active=False))
    assert isinstance(paused, Webhook) and (paused.url, paused.is_active) == (HOOK + "/v2", False)

    rotated = await owner(refresh_secret_web_hook, space_id)
    assert isinstance(rotated, WebhookWithSecret) and rotated.secret
    assert (rotated.url, rotated.is_active) == (HOOK + "/v2", False)

    assert await owner(delete_web_hook, space_id) is None
    with pytest.raises(NotFoundError) as gone:
        await owner(get_web_hook, space_id)
    assert gone.value.status_code == 404
