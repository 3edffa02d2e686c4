"""Fuzz ``verify``: any bytes give an event or a ``WebhookVerificationError`` (never another exception),
a payload is accepted only with the right secret whatever its layout, and the secret (planted in random
places of the payload too) never shows in an error message."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moodhood.webhooks import WebhookVerificationError, sign, verify

SECRET = "fuzz-webhook-secret-0123456789ab"
_FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=15,
)
_bodies = st.builds(
    lambda extra, name, room, space: {"eventName": name, **extra, "roomId": room, "spaceId": space},
    st.dictionaries(_text, _json, max_size=4),
    st.text(min_size=1, max_size=10),
    st.text(min_size=1, max_size=10),
    st.text(min_size=1, max_size=10),
)
_layouts = st.sampled_from(
    [
        {"separators": (",", ":"), "ensure_ascii": False},
        {"separators": (", ", ": "), "ensure_ascii": True},
        {"indent": 2, "ensure_ascii": False},
        {"indent": "\t", "ensure_ascii": True},
    ]
)


def _check(raw: bytes | str, secret: str = SECRET) -> Any:
    try:
        return verify(raw, secret)
    except WebhookVerificationError as exc:
        assert secret not in str(exc)
        return exc


@_FAST
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_crash(raw: bytes) -> None:
    assert isinstance(_check(raw), WebhookVerificationError)


@_FAST
@given(body=_bodies, layout=_layouts, plant=st.booleans())
def test_any_layout_verifies_only_with_the_right_secret(
    body: dict[str, Any], layout: dict[str, Any], plant: bool
) -> None:
    if plant:  # the secret itself somewhere in the body: still never in an error message
        body = {**body, "note": f"x {SECRET} y"}
    raw = json.dumps({"signature": sign(body, SECRET), "body": body}, **layout)
    event = verify(raw, SECRET)
    assert (event.room_id, event.space_id) == (body["roomId"], body["spaceId"])
    wrong = _check(raw, SECRET + "x")
    assert isinstance(wrong, WebhookVerificationError) and "signature" in str(wrong)


@_FAST
@given(body=_bodies, data=st.data())
def test_a_changed_byte_is_rejected_or_harmless(body: dict[str, Any], data: st.DataObject) -> None:
    raw = bytearray(
        json.dumps({"signature": sign(body, SECRET), "body": body}, separators=(",", ":")).encode()
    )
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] = data.draw(st.integers(0, 255))
    result = _check(bytes(raw))
    if not isinstance(result, WebhookVerificationError):  # only a change that JSON.parse does not see
        assert (result.room_id, result.space_id) == (body["roomId"], body["spaceId"])
