"""Hostile webhook payloads: the size cap comes first, the HMAC of the raw bytes before any
re-serialising, replays refused with ``seen=``, and byte-exact compatibility with Node kept."""

from __future__ import annotations

import hashlib
import hmac
import json
import pathlib
from typing import Any

import pytest

from moodhood import _webhooks
from moodhood.webhooks import (
    DEFAULT_MAX_BYTES,
    ReplayWindow,
    WebhookVerificationError,
    rejection_status,
    verify,
)

SECRET = "whsec-0123456789abcdefABCDEF0123"
BODY = {"eventName": "call_started", "roomId": "r1", "spaceId": "s1"}
VECTORS: list[dict[str, str]] = json.loads(
    (pathlib.Path(__file__).parent / "test_webhooks_vectors.json").read_text("utf-8")
)["cases"]


def compact(body: dict[str, Any], signature: str | None = None) -> bytes:
    """A delivery as MoodHood's Node service writes it: the compact JSON.stringify of the whole payload."""
    raw = _REAL_STRINGIFY(json.dumps(body)).decode("utf-8")
    if signature is None:
        signature = hmac.new(SECRET.encode(), raw.encode(), hashlib.sha256).hexdigest()
    return f'{{"signature":"{signature}","body":{raw}}}'.encode()


@pytest.fixture
def no_reproduction(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(text: str) -> bytes:
        raise AssertionError("JSON.stringify was reproduced")

    monkeypatch.setattr(_webhooks, "_stringify_text", forbidden)


_REAL_STRINGIFY = _webhooks._stringify_text


def test_oversize_payload_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(text: str) -> Any:
        raise AssertionError("parsed")

    monkeypatch.setattr(_webhooks, "_members", forbidden)
    big = b'{"signature":"' + b"0" * 64 + b'","body":{"x":"' + b"a" * DEFAULT_MAX_BYTES + b'"}}'
    for raw in (big, big.decode()):
        with pytest.raises(WebhookVerificationError, match="larger than max_bytes=65536") as caught:
            verify(raw, SECRET)
        assert rejection_status(caught.value) == 413


def test_the_cap_counts_utf8_bytes_of_text_and_can_be_changed() -> None:
    body = {**BODY, "note": "é" * 40}
    raw = compact(body)
    assert verify(raw, SECRET, max_bytes=len(raw)).room_id == "r1"
    with pytest.raises(WebhookVerificationError, match="larger than"):
        verify(raw.decode(), SECRET, max_bytes=len(raw) - 1)  # fewer characters than bytes
    assert verify(raw + b" " * 100_000, SECRET, max_bytes=None).room_id == "r1"
    with pytest.raises(ValueError, match="max_bytes"):
        verify(raw, SECRET, max_bytes=0)


def test_twenty_megabytes_with_a_bad_signature_cost_nothing(no_reproduction: None) -> None:
    values = ",".join(repr(1.2345678901234567e-7 * i) for i in range(1, 1_000_000))
    raw = ('{"signature":"' + "0" * 64 + '","body":{"eventName":"x","v":[' + values + "]}}").encode()
    assert len(raw) > 20_000_000
    with pytest.raises(WebhookVerificationError, match="larger than"):
        verify(raw, SECRET)


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_node_deliveries_verify_from_their_raw_bytes(case: dict[str, str], no_reproduction: None) -> None:
    """Node's own deliveries are compact: one HMAC over the received bytes, no re-serialising."""
    raw = case["delivery"].encode("utf-8")
    if len(raw) > DEFAULT_MAX_BYTES:
        pytest.skip("larger than the default cap")
    payload = json.loads(raw)
    try:
        verify(raw, case["secret"])
    except WebhookVerificationError as exc:  # authentic, but a vector may lack the event fields
        assert "signature" not in str(exc)
    assert payload["signature"] == case["signature"]


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_reformatted_deliveries_still_verify_through_the_reproduction(case: dict[str, str]) -> None:
    raw = case["delivery_pretty"]
    try:
        verify(raw, case["secret"], max_bytes=None)
    except WebhookVerificationError as exc:
        assert "signature" not in str(exc)
    with pytest.raises(WebhookVerificationError, match="signature does not match"):
        verify(raw, case["secret"] + "x", max_bytes=None)


def test_a_signature_that_is_not_64_hex_digits_is_refused_without_any_hmac(
    monkeypatch: pytest.MonkeyPatch, no_reproduction: None
) -> None:
    def forbidden(*args: object) -> object:
        raise AssertionError("an HMAC was computed")

    payloads = [compact(BODY, signature) for signature in ("", "zz" * 32, "0" * 63, "0" * 65)]
    monkeypatch.setattr(_webhooks.hmac, "new", forbidden)
    for raw in payloads:
        with pytest.raises(WebhookVerificationError, match="signature does not match") as caught:
            verify(raw, SECRET)
        assert rejection_status(caught.value) == 401


def test_compact_payload_with_a_wrong_signature_is_rejected_after_one_hmac(no_reproduction: None) -> None:
    # the raw bytes are already compact: a reproduction would give the same bytes, so none is attempted
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify(compact(BODY, "ab" * 32), SECRET)


def test_duplicate_keys_authenticate_the_last_body_as_json_parse_does() -> None:
    real = compact(BODY).decode()
    decoy = '{"eventName":"record_failed","roomId":"evil","spaceId":"evil"}'
    raw = real[:-1] + ',"body":' + decoy + "}"
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify(raw, SECRET)  # the signature covers the first body; JSON.parse keeps the last


def test_malformed_answers_400() -> None:
    for raw in (b"not json", b"[]", b'{"signature":"x"}', b'{"signature":"' + b"0" * 64 + b'","body":[]}'):
        with pytest.raises(WebhookVerificationError) as caught:
            verify(raw, SECRET)
        assert rejection_status(caught.value) == 400


def test_replays_are_refused_with_seen() -> None:
    window = ReplayWindow(seconds=60)
    raw = compact(BODY)
    assert verify(raw, SECRET, seen=window).room_id == "r1"
    with pytest.raises(WebhookVerificationError, match="replay") as caught:
        verify(raw, SECRET, seen=window)
    assert rejection_status(caught.value) == 409
    other = compact({**BODY, "roomId": "r2"})
    assert verify(other, SECRET, seen=window).room_id == "r2"
    plain: set[str] = set()
    verify(raw, SECRET, seen=plain)
    with pytest.raises(WebhookVerificationError, match="replay"):
        verify(raw, SECRET, seen=plain)
    forged = compact(BODY, "cd" * 32)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify(forged, SECRET, seen=plain)
    assert "cd" * 32 not in plain  # only authentic deliveries are remembered


def test_replay_window_expires_and_is_bounded() -> None:
    now = [0.0]
    window = ReplayWindow(seconds=10, max_entries=3, clock=lambda: now[0])
    assert window.claim("a") and not window.claim("a")
    now[0] = 10.5
    assert "a" not in window and window.claim("a")
    for name in "bcde":
        window.claim(name)
    assert len(window) == 3 and "a" not in window and "e" in window
    with pytest.raises(ValueError):
        ReplayWindow(seconds=0)
