"""moodhood.webhooks: JSON.stringify reproduced byte for byte, HMAC verification, typed events.

The vectors in ``test_webhooks_vectors.json`` were produced by real NodeJS (v20) with
``tests/test_webhooks_vectors.mjs``: for each case it runs ``JSON.parse(source)``, then
``JSON.stringify(body)`` and ``crypto.createHmac('sha256', secret).update(JSON.stringify(body), 'utf8')
.digest('hex')`` -- the reference code of the MoodHood docs -- and stores the delivery as the service
sends it (``JSON.stringify({signature, body})``) plus a pretty-printed one.
Regenerate with ``node tests/test_webhooks_vectors.mjs > tests/test_webhooks_vectors.json``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import pathlib
import random
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moodhood import webhooks
from moodhood._exceptions import ConfigurationError, WebhookVerificationError
from moodhood.webhooks import WebhookEvent, WebhookEventName, canonical_json, sign, verify

VECTORS: list[dict[str, str]] = json.loads(
    (pathlib.Path(__file__).parent / "test_webhooks_vectors.json").read_text("utf-8")
)["cases"]
SECRET = "wh-secret-0123456789abcdefABCDEF"


def delivery(body: dict[str, Any], secret: str = SECRET) -> bytes:
    return json.dumps({"signature": sign(body, secret), "body": body}, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_canonical_json_matches_node(case: dict[str, str]) -> None:
    body = json.loads(case["source"])
    assert canonical_json(body) == case["stringified"].encode("utf-8")
    assert sign(body, case["secret"]) == case["signature"]


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
@pytest.mark.parametrize("form", ["delivery", "delivery_pretty"])
def test_verify_node_deliveries(case: dict[str, str], form: str) -> None:
    raw = case[form].encode("utf-8")
    body = json.loads(raw)["body"]  # what node sent (1e400 arrives as null, for instance)
    event = verify(raw, case["secret"])
    assert event.event_name == body["eventName"]
    assert (event.room_id, event.space_id, event.record_id) == (
        body["roomId"],
        body["spaceId"],
        body.get("recordId"),
    )
    assert dict(event.extra) == {
        k: v for k, v in body.items() if k not in ("eventName", "roomId", "spaceId", "recordId")
    }
    assert verify(case[form], case["secret"]) == event  # str is accepted as well


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_node_deliveries_fail_with_another_secret(case: dict[str, str]) -> None:
    with pytest.raises(WebhookVerificationError, match="signature does not match"):
        verify(case["delivery"].encode(), case["secret"] + "x")


def test_documented_event_is_typed() -> None:
    event = verify(VECTORS[0]["delivery"].encode(), SECRET)
    assert event.event_name is WebhookEventName.RECORD_FINISHED
    assert event.is_known_event
    assert event.record_id == "65f0e1d2c3b4a59687706152"
    assert dict(event.extra) == {}
    with pytest.raises(TypeError):
        event.extra["x"] = 1  # type: ignore[index]


def test_unknown_event_name_is_kept() -> None:
    event = verify(delivery({"eventName": "poll_finished", "roomId": "r", "spaceId": "s", "n": 1}), SECRET)
    assert event.event_name == "poll_finished"
    assert not isinstance(event.event_name, WebhookEventName)
    assert not event.is_known_event
    assert dict(event.extra) == {"n": 1}


def test_every_documented_name() -> None:
    names = {
        "call_started",
        "call_finished",
        "record_started",
        "record_finished",
        "record_failed",
        "record_aborted",
    }
    assert {m.value for m in WebhookEventName} == names
    for name in names:
        assert verify(delivery({"eventName": name, "roomId": "r", "spaceId": "s"}), SECRET).is_known_event


def test_tampered_body_is_rejected() -> None:
    raw = delivery({"eventName": "record_finished", "roomId": "r", "spaceId": "s", "recordId": "x"})
    with pytest.raises(WebhookVerificationError, match="signature"):
        verify(raw.replace(b'"recordId": "x"', b'"recordId": "y"'), SECRET)


def test_key_order_matters() -> None:
    body = {"eventName": "call_started", "roomId": "r", "spaceId": "s"}
    signature = sign(body, SECRET)
    reordered = {"roomId": "r", "eventName": "call_started", "spaceId": "s"}
    raw = json.dumps({"signature": signature, "body": reordered}).encode()
    with pytest.raises(WebhookVerificationError, match="signature"):
        verify(raw, SECRET)


def test_uppercase_hex_signature_is_accepted() -> None:
    body = {"eventName": "call_started", "roomId": "r", "spaceId": "s"}
    raw = json.dumps({"signature": sign(body, SECRET).upper(), "body": body}).encode()
    assert verify(raw, SECRET).room_id == "r"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b'{"signature": "00", "body": {"n": NaN}}', "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'"text"', "not a JSON object"),
        (b'{"body": {}}', "'signature'"),
        (b'{"signature": 5, "body": {}}', "'signature'"),
        (b'{"signature": "00"}', "'body'"),
        (b'{"signature": "00", "body": [1]}', "'body'"),
        (b'{"signature": "00", "body": "{}"}', "'body'"),
        (b'{"signature": "00", "body": {}}', "signature does not match"),
        (b'{"signature": "\\ud800", "body": {}}', "signature does not match"),
        ('{"signature": "\udc00", "body": {}}', "signature does not match"),
        (b"[" * 30_000 + b"]" * 30_000, "not valid JSON"),
    ],
)
def test_malformed_payloads(raw: bytes | str, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        verify(raw, SECRET)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"roomId": "r", "spaceId": "s"}, "'eventName' is missing"),
        ({"eventName": "call_started", "spaceId": "s"}, "'roomId' is missing"),
        ({"eventName": "call_started", "roomId": "r"}, "'spaceId' is missing"),
        ({"eventName": 1, "roomId": "r", "spaceId": "s"}, "'eventName' is not a non-empty string"),
        ({"eventName": "", "roomId": "r", "spaceId": "s"}, "'eventName' is not a non-empty string"),
        ({"eventName": "x", "roomId": "r", "spaceId": "s", "recordId": 5}, "'recordId'"),
    ],
)
def test_signed_but_incomplete_bodies(body: dict[str, Any], message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        verify(delivery(body), SECRET)


def test_secret_never_in_errors_or_repr() -> None:
    secret = "canary-secret-Zx9Qw8Er7Ty6"
    body = {"eventName": "call_started", "roomId": "r", "spaceId": "s"}
    failures: list[BaseException] = []
    for raw in (b"{", b"[]", delivery(body, "other-secret-value"), delivery({"roomId": "r"}, secret)):
        with pytest.raises(WebhookVerificationError) as info:
            verify(raw, secret)
        failures.append(info.value)
    event = verify(delivery(body, secret), secret)
    texts = [str(f) for f in failures] + [repr(f) for f in failures] + [repr(event), str(event)]
    assert all(secret not in text and "Zx9Q" not in text for text in texts)


def test_bad_secrets() -> None:
    with pytest.raises(ConfigurationError, match="empty"):
        verify(b"{}", "")
    with pytest.raises(TypeError):
        verify(b"{}", b"bytes-secret")  # type: ignore[arg-type]


def test_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    body = {"eventName": "call_started", "roomId": "r", "spaceId": "s"}
    verify(
        delivery(body), SECRET
    )  # spaced, not compact: the raw bytes' HMAC fails, the reproduction's passes
    assert len(calls) == 2 and calls[0][0] != calls[0][1] and calls[1][0] == calls[1][1]
    calls.clear()
    verify(json.dumps({"signature": sign(body, SECRET), "body": body}, separators=(",", ":")), SECRET)
    assert len(calls) == 1 and calls[0][0] == calls[0][1]


def test_sign_is_plain_hmac_sha256_of_canonical_json() -> None:
    body = {"eventName": "call_started", "roomId": "r", "spaceId": "s", "t": "Ёж/🚀"}
    expected = hmac.new(b"k" * 20, canonical_json(body), hashlib.sha256).hexdigest()
    assert sign(body, "k" * 20) == expected
    assert (
        canonical_json(body) == '{"eventName":"call_started","roomId":"r","spaceId":"s","t":"Ёж/🚀"}'.encode()
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (-0.0, "0"),
        (0, "0"),
        (1e21, "1e+21"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (1e-6, "0.000001"),
        (1e16, "10000000000000000"),
        (123.456, "123.456"),
        (-1e300, "-1e+300"),
        (math.inf, "null"),
        (math.nan, "null"),
        (2**53 + 1, "9007199254740992"),
        (-(2**53 + 1), "-9007199254740992"),
        (10**400, "null"),
        (True, "true"),
        (None, "null"),
        ((1, "a"), '[1,"a"]'),
        ("\u2028\x7f/\ud83d\ude00", '"\u2028\x7f/\U0001f600"'),
        ("\x00\x1f\b", '"\\u0000\\u001f\\b"'),
    ],
)
def test_canonical_scalars(value: object, text: str) -> None:
    assert canonical_json(value) == text.encode("utf-8")


def test_canonical_json_rejects_non_json() -> None:
    with pytest.raises(TypeError):
        canonical_json({"a": object()})
    with pytest.raises(TypeError):
        canonical_json({1: "a"})


def test_event_repr_and_equality() -> None:
    event = WebhookEvent(event_name="call_started", room_id="r", space_id="s", extra={"a": 1})
    assert event == WebhookEvent(event_name="call_started", room_id="r", space_id="s", extra={"a": 1})
    assert "room_id='r'" in repr(event)


def test_public_surface() -> None:
    assert webhooks.__all__ == sorted(webhooks.__all__)
    for name in webhooks.__all__:
        if not name.isupper():  # a constant has no __module__
            assert getattr(webhooks, name).__module__ in ("moodhood.webhooks", "moodhood")


# --- property: sign then verify round-trips for any JSON body ---------------------------------------

_text = st.text(st.characters(exclude_categories=()), max_size=12)  # lone surrogates included
_keys = st.text(max_size=8)  # no surrogates: a split pair and its joined form would collide on reparse
_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _text
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=20,
)
_bodies = st.fixed_dictionaries(
    {
        "eventName": st.text(min_size=1, max_size=15),
        "roomId": _text.filter(bool),
        "spaceId": _text.filter(bool),
    },
    optional={"recordId": st.none() | _text},
).flatmap(lambda base: st.dictionaries(_keys, _json, max_size=4).map(lambda extra: {**extra, **base}))


def _wire(body: dict[str, Any]) -> bytes:
    """The delivery as a sender would write it; lone surrogates can only travel escaped."""
    return json.dumps({"signature": sign(body, SECRET), "body": body}).encode("ascii")


@settings(max_examples=300, deadline=None)
@given(_bodies)
def test_sign_verify_round_trip(body: dict[str, Any]) -> None:
    event = verify(_wire(body), SECRET)
    received = json.loads(json.dumps(body))  # a surrogate pair held as two code points arrives joined
    assert (event.event_name, event.room_id, event.space_id, event.record_id) == (
        received["eventName"],
        received["roomId"],
        received["spaceId"],
        received.get("recordId"),
    )


@settings(max_examples=300, deadline=None)
@given(_json)
def test_canonical_json_is_stable_under_reparse(value: Any) -> None:
    """What canonical_json writes parses back to a value written identically, as with JSON.stringify."""
    first = canonical_json(value)
    assert canonical_json(json.loads(first.decode("utf-8"))) == first


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_random_bodies_match_live_node() -> None:
    """Cross-check a seeded batch of awkward JSON texts against the real JSON.stringify (needs node)."""
    rng = random.Random(20261129)
    alphabet = ["a", "Ж", "🚀", "/", '"', "\\", "\n", "\x00", "\x1f", "\u2028", "\ud800", "\udfff", "é", " "]

    def number() -> str:
        kind = rng.randrange(4)
        if kind == 0:
            return repr(rng.uniform(-1, 1) * 10.0 ** rng.randint(-320, 308))
        if kind == 1:
            return str(rng.randint(-(10**25), 10**25))
        if kind == 2:
            return f"{rng.randint(0, 999)}.{rng.randint(0, 999)}e{rng.randint(-30, 30)}"
        return rng.choice(["0", "-0", "-0.0", "1.0", "1e21", "1e-7", "0.1", "5e-324", "1e999"])

    def text() -> str:
        return json.dumps("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))))

    def value(depth: int) -> str:
        kind = rng.randrange(6 if depth < 3 else 3)
        if kind == 0:
            return number()
        if kind == 1:
            return text()
        if kind == 2:
            return rng.choice(["true", "false", "null"])
        if kind == 3:
            return "[" + ",".join(value(depth + 1) for _ in range(rng.randint(0, 4))) + "]"
        keys = [
            rng.choice([text(), f'"{rng.randint(0, 20)}"', '"01"', '"b"']) for _ in range(rng.randint(0, 5))
        ]
        return "{" + ",".join(f"{k}:{value(depth + 1)}" for k in keys) + "}"

    sources = [value(0) for _ in range(400)]
    script = (
        "const s=require('fs').readFileSync(0,'utf8');"
        "process.stdout.write(JSON.stringify(JSON.parse(s).map(t=>JSON.stringify(JSON.parse(t)))))"
    )
    done = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    expected = json.loads(done.stdout)
    for source, node_text in zip(sources, expected, strict=True):
        assert canonical_json(json.loads(source)) == node_text.encode("utf-8"), source
