"""Auth and Spaces: the token endpoint called directly, the current user, and a space's life."""

from __future__ import annotations

import pytest
from moodhood_api.api.auth import get_access_token
from moodhood_api.api.spaces import list_spaces, update_space
from moodhood_api.api.users import get_me
from moodhood_api.models import GrantType, SpaceList, SpaceUpdate, TokenRequest, TokenResponse, User

from moodhood import PermissionDeniedError
from tests._flavours import Connect
from tests.e2e.conftest import Target, is_object_id, jwt_claims, new_space


@pytest.mark.vcr
async def test_auth_and_spaces(connect: Connect, target: Target) -> None:
    owner = connect()
    me = await owner(get_me)
    assert isinstance(me, User) and is_object_id(me.id)
    assert me.email == target.username

    grant = TokenRequest(
        client_id=target.client_id,
        client_secret=target.client_secret,
        grant_type=GrantType.CLIENT_CREDENTIALS,
    )
    token = await owner(get_access_token, body=grant)
    assert isinstance(token, TokenResponse) and token.token_type.lower() == "bearer"
    # The live token and its cassette placeholder agree on what kind of token it is.
    assert jwt_claims(token.access_token)["aud"] == "client"
    assert isinstance(token.refresh_token, str)
    assert jwt_claims(token.refresh_token)["type"] == "refreshToken"

    space_id = await new_space(owner, "E2E team")
    spaces = await owner(list_spaces)
    assert isinstance(spaces, SpaceList)
    assert {s.id: s.name for s in spaces.items}[space_id] == "E2E team"

    renamed = SpaceUpdate(name="E2E team (renamed)", is_public=True, description="Recorded by tests/e2e")
    assert await owner(update_space, space_id, body=renamed) is None
    spaces = await owner(list_spaces)
    assert {s.id: s.name for s in spaces.items}[space_id] == "E2E team (renamed)"

    app = connect(username=None, password=None)  # client credentials only: a client token
    with pytest.raises(PermissionDeniedError) as refused:
        await app(list_spaces)
    assert refused.value.status_code == 403
